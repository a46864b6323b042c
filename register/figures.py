"""The published figures of one office's register for a period: per service and in total, the
requests received, ended, ended on time and late, pending past the deadline, the on-time share
and the median working days. The one place they are counted: the page, the JSON, the national
page and the quarterly report all read ``office_figures``.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.db.models import Count
from django.utils import timezone

from grievances.workdays import WorkingCalendar
from services.models import ServiceListing
from services.promises import Promise

from . import ontime
from .models import ENDED, ServiceRequest

# A share is published only when at least this many requests ended in the period: below it,
# one late request swings the share, and an office would be ranked on noise.
MINIMUM_ENDED = 10


@dataclass
class Tally:
    """The counts of one service, or of an office's (a district's, the country's) total."""

    received: int = 0
    ended: int = 0
    on_time: int = 0
    late: int = 0
    pending_overdue: int = 0
    days_taken: Counter = field(default_factory=Counter)  # working days taken -> ended requests

    def add(self, standing, days_taken, count=1):
        self.received += count
        if days_taken is not None:
            self.ended += count
            self.days_taken[days_taken] += count
        if standing == ontime.ON_TIME:
            self.on_time += count
        elif standing == ontime.LATE:
            self.late += count
        elif standing == ontime.PENDING_OVERDUE:
            self.pending_overdue += count

    def merge(self, other):
        self.received += other.received
        self.ended += other.ended
        self.on_time += other.on_time
        self.late += other.late
        self.pending_overdue += other.pending_overdue
        self.days_taken.update(other.days_taken)

    @property
    def share_shown(self):
        return self.ended >= MINIMUM_ENDED

    @property
    def on_time_share(self):
        """The share, or None when too few ended to say (or nothing was measurable)."""
        return ontime.share(self.on_time, self.late, self.pending_overdue) if self.share_shown else None

    @property
    def median_working_days(self):
        """The median over ended requests (the mean of the middle two for an even number)."""
        if not self.ended:
            return None
        middle, values, seen = (self.ended - 1) / 2, [], 0
        for days in sorted(self.days_taken):
            low, seen = seen, seen + self.days_taken[days]
            values += [days] * sum(1 for i in {int(middle), int(middle + 0.5)} if low <= i < seen)
        low, high = min(values), max(values)
        return low if low == high else (low + high) / 2

    def as_json(self):
        return {
            "received": self.received,
            "ended": self.ended,
            "on_time": self.on_time,
            "late": self.late,
            "pending_overdue": self.pending_overdue,
            "on_time_share": self.on_time_share,
            "median_working_days": self.median_working_days,
        }


@dataclass
class ServiceFigures:
    category: int
    serial: int
    name: str
    name_en: str | None
    promise: Promise
    tally: Tally

    @property
    def category_label(self):
        return ServiceListing.Category(self.category).label

    def as_json(self):
        return {
            "category": ServiceListing.Category(self.category).code,
            "serial": self.serial,
            "name": self.name,
            "promise": self.promise.as_json(),
            **self.tally.as_json(),
        }


@dataclass
class OfficeFigures:
    office: object
    first: datetime.date
    last: datetime.date
    services: list
    total: Tally

    def as_json(self):
        return {
            "office": self.office.key,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "services": [service.as_json() for service in self.services],
            "total": self.total.as_json(),
        }


class Clock:
    """The working-day calendar (read once) with its answers kept: a register repeats the same
    few hundred dates."""

    def __init__(self, calendar=None):
        self.calendar = calendar or WorkingCalendar()
        self.deadline = lru_cache(maxsize=100_000)(self._deadline)
        self.working_days_between = lru_cache(maxsize=200_000)(self.calendar.working_days_between)

    def _deadline(self, received_on, kind, days):
        return ontime.deadline(received_on, kind, days, self.calendar)


def last_twelve_months(today=None):
    """The default period: the twelve months up to and including today."""
    today = today or timezone.localdate()
    try:
        first = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        first = today.replace(year=today.year - 1, day=28)
    return first + datetime.timedelta(days=1), today


REQUEST_COLUMNS = (
    "office_id",
    "category",
    "serial",
    "received_on",
    "outcome",
    "ended_on",
    "promise_kind",
    "promise_days",
)


def grouped_requests(first, last, office_ids=None):
    """The requests received in the period, as ``(*REQUEST_COLUMNS, count)``: alike requests
    (same service, days, end and promise) come as one row, so a national quarter is read fast."""
    requests = ServiceRequest.objects.received_between(first, last)
    if office_ids is not None:
        requests = requests.filter(office__in=office_ids)
    grouped = requests.order_by().values_list(*REQUEST_COLUMNS).annotate(n=Count("pk"))
    # Read past the ORM's per-value converters: a national quarter is hundreds of thousands of rows.
    with connection.cursor() as cursor:
        cursor.execute(*grouped.query.sql_with_params())
        yield from cursor


def _name_received(office_id, category, serial):
    """A service no longer in the charter in force: its name as last received."""
    return (
        ServiceRequest.objects.filter(office=office_id, category=category, serial=serial)
        .order_by("-received_on", "-pk")
        .values_list("service_name", flat=True)
        .first()
    )


def figures_for(offices, first, last, *, today=None, clock=None, national=False):
    """``{office pk: OfficeFigures}`` for requests received from ``first`` to ``last`` (both
    included), their ends as they stand ``today``. ``national``: every office's, in one read."""
    today = today or timezone.localdate()
    clock = clock or Clock()
    offices = {office.pk: office for office in offices}
    ids = None if national else list(offices)
    listings = ServiceListing.objects.values_list(
        "office_id", "category", "serial", "name_bn", "name_en", "promise_kind", "promise_days"
    )
    services = {pk: {} for pk in offices}
    for office_id, category, serial, name_bn, name_en, kind, days in (
        listings if national else listings.filter(office__in=ids)
    ):
        if office_id in services:  # plain rows, not models: a national report reads ten thousand
            promise = Promise.of(kind, days)
            services[office_id][(category, serial)] = ServiceFigures(
                category, serial, name_bn, name_en, promise, Tally()
            )
    for office_id, category, serial, received_on, outcome, ended_on, kind, days, n in grouped_requests(
        first, last, ids
    ):
        by_key = services.get(office_id)
        if by_key is None:
            continue
        key = (category, serial)
        if key not in by_key:  # no longer in the charter in force: shown as it was last received
            name = _name_received(office_id, category, serial)
            by_key[key] = ServiceFigures(category, serial, name, None, Promise.of(kind, days), Tally())
        due_on = clock.deadline(received_on, kind, days)
        standing = ontime.standing(outcome=outcome, ended_on=ended_on, due_on=due_on, today=today)
        taken = clock.working_days_between(received_on, ended_on) if outcome in ENDED else None
        by_key[key].tally.add(standing, taken, n)
    result = {}
    for pk, by_key in services.items():
        ordered = [by_key[key] for key in sorted(by_key)]
        total = Tally()
        for service in ordered:
            total.merge(service.tally)
        result[pk] = OfficeFigures(offices[pk], first, last, ordered, total)
    return result


def office_figures(office, first, last, *, today=None, clock=None):
    """One office's figures for the period."""
    return figures_for([office], first, last, today=today, clock=clock)[office.pk]

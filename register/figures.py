"""The published figures of one office's register for a period: per service and in total, the
requests received, ended, ended on time and late, pending past the deadline, the on-time share
and the median working days. The one place they are counted: the page, the JSON, the national
page and the quarterly report all read ``office_figures``.
"""

import datetime
import statistics
from dataclasses import dataclass, field
from functools import lru_cache

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
    """The counts of one service, or of the office's total."""

    received: int = 0
    ended: int = 0
    on_time: int = 0
    late: int = 0
    pending_overdue: int = 0
    days_taken: list = field(default_factory=list)  # working days of each ended request

    def add(self, standing, days_taken):
        self.received += 1
        if days_taken is not None:
            self.ended += 1
            self.days_taken.append(days_taken)
        if standing == ontime.ON_TIME:
            self.on_time += 1
        elif standing == ontime.LATE:
            self.late += 1
        elif standing == ontime.PENDING_OVERDUE:
            self.pending_overdue += 1

    def merge(self, other):
        self.received += other.received
        self.ended += other.ended
        self.on_time += other.on_time
        self.late += other.late
        self.pending_overdue += other.pending_overdue
        self.days_taken += other.days_taken

    @property
    def share_shown(self):
        return self.ended >= MINIMUM_ENDED

    @property
    def on_time_share(self):
        """The share, or None when too few ended to say (or nothing was measurable)."""
        return ontime.share(self.on_time, self.late, self.pending_overdue) if self.share_shown else None

    @property
    def median_working_days(self):
        return statistics.median(self.days_taken) if self.days_taken else None

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
    "category",
    "serial",
    "service_name",
    "received_on",
    "outcome",
    "ended_on",
    "promise_kind",
    "promise_days",
)


def office_figures(office, first, last, *, today=None, clock=None, rows=None):
    """The office's figures for requests received from ``first`` to ``last`` (both included),
    their ends as they stand ``today``."""
    today = today or timezone.localdate()
    clock = clock or Clock()
    if rows is None:
        rows = (
            ServiceRequest.objects.filter(office=office)
            .received_between(first, last)
            .order_by("received_on", "pk")
            .values_list(*REQUEST_COLUMNS)
        )
    listed = {
        (listing.category, listing.serial): listing
        for listing in ServiceListing.objects.filter(office=office).only(
            "category", "serial", "name_bn", "name_en", "promise_kind", "promise_days"
        )
    }
    services = {
        key: ServiceFigures(key[0], key[1], listing.name_bn, listing.name_en, listing.promise, Tally())
        for key, listing in listed.items()
    }
    for category, serial, name, received_on, outcome, ended_on, kind, days in rows:
        key = (category, serial)
        if key not in services:  # no longer in the charter in force: shown as it was last received
            services[key] = ServiceFigures(category, serial, name, None, Promise.of(kind, days), Tally())
        elif key not in listed:
            services[key].name, services[key].promise = name, Promise.of(kind, days)
        due_on = clock.deadline(received_on, kind, days)
        standing = ontime.standing(outcome=outcome, ended_on=ended_on, due_on=due_on, today=today)
        ended = outcome in ENDED
        services[key].tally.add(standing, clock.working_days_between(received_on, ended_on) if ended else None)
    ordered = [services[key] for key in sorted(services)]
    total = Tally()
    for service in ordered:
        total.merge(service.tally)
    return OfficeFigures(office, first, last, ordered, total)

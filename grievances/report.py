"""The monthly GRS report every office files upward, from the grievances' own history.

For a month, per office, and rolled up per district and for the nation, in two parts: the
grievances (tier 1) and the appeals (tier 2). Each counts *stays*: a grievance's time at one
office and tier, from the event that brought it there (filing, forwarding in, escalation or
reopening) to the event that took it away (resolution, forwarding out, escalation). For a month:

- ``carried_over``: stays begun before the month and still open on its first day;
- ``received``: stays begun in the month (filed online or at the desk, forwarded in, appealed);
- ``total``: the two together;
- ``forwarded``: stays ended in the month by forwarding to another office;
- ``resolved``: stays ended in the month by a resolution;
- ``escalated``: stays ended in the month by moving to the next tier (the HTML report shows it);
- ``running``: stays still open at the end of the month (``total`` less the three above);
- ``overdue``: of those running, the ones past their deadline at the end of the month;
- ``resolved_share``: resolved as a percentage of total, one decimal ("" when total is 0).
"""

import calendar as month_calendar
import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from .models import Grievance, GrievanceEvent, Level
from .workdays import WorkingCalendar

# How a grievance arrived that the desk entered (grievances.intake), not the online form.
OFFLINE = ("desk", "paper", "phone", "hotline")
FIGURES = ["carried_over", "received", "total", "forwarded", "resolved", "overdue", "running", "resolved_share"]
PARTS = [("grievances", Level.REDRESS_OFFICER), ("appeals", Level.APPEAL_OFFICER)]
CSV_COLUMNS = ["office_key", *FIGURES, *(f"appeal_{name}" for name in FIGURES)]


def parse_month(text):
    """``YYYY-MM`` → the month's first day, or None."""
    try:
        day = datetime.date.fromisoformat(f"{text}-01")
    except (TypeError, ValueError):
        return None
    return day if f"{day:%Y-%m}" == text else None


def recent_months(today, count):
    """The first days of this month and the ``count - 1`` before it, newest first."""
    months = [today.replace(day=1)]
    while len(months) < count:
        months.append((months[-1] - datetime.timedelta(days=1)).replace(day=1))
    return months


def month_bounds(first):
    last = first.replace(day=month_calendar.monthrange(first.year, first.month)[1])
    return first, last


@dataclass
class Stay:
    office_id: int
    level: int
    start: datetime.date
    days: int
    channel: str = ""  # how it arrived: online, desk, forwarded, escalated, reopened
    end: datetime.date | None = None
    end_kind: str = ""


def stays_of(events, grievance):
    """The stays of one grievance, from its events in order."""
    stays = []
    current = None
    kinds = GrievanceEvent.Kind
    for event in events:
        office_id = event.office_id or grievance.office_id
        if event.kind == kinds.FILED:
            current = Stay(office_id, event.to_level, event.on, event.days or grievance.days_at_tier, grievance.channel)
            stays.append(current)
        elif event.kind in (kinds.RESOLVED, kinds.ESCALATED, kinds.FORWARDED) and current and current.end is None:
            current.end, current.end_kind = event.on, event.kind
        if event.kind in (kinds.ESCALATED, kinds.REOPENED, kinds.FORWARDED):
            days = event.days or Level(event.to_level).standard_days
            arrived = "forwarded" if event.kind == kinds.FORWARDED else event.kind
            current = Stay(office_id, event.to_level, event.on, days, arrived)
            stays.append(current)
    return stays


@dataclass
class Figures:
    carried_over: int = 0
    received: int = 0
    received_by: dict = field(default_factory=lambda: defaultdict(int))
    forwarded: int = 0
    resolved: int = 0
    escalated: int = 0
    overdue: int = 0

    @property
    def total(self):
        return self.carried_over + self.received

    @property
    def offline(self):
        """Received at the desk, on paper, by phone or through the hotline (grievances.intake)."""
        return sum(self.received_by[channel] for channel in OFFLINE)

    @property
    def running(self):
        return self.total - self.forwarded - self.resolved - self.escalated

    @property
    def resolved_share(self):
        return "" if not self.total else f"{100 * self.resolved / self.total:.1f}"

    def add(self, other):
        for name in ("carried_over", "received", "forwarded", "resolved", "escalated", "overdue"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for channel, count in other.received_by.items():
            self.received_by[channel] += count

    def as_row(self, prefix=""):
        return {f"{prefix}{name}": getattr(self, name) for name in FIGURES}


def count(stays, first, last, as_of, calendar):
    """``{(office id, level): Figures}`` for the month [first, last], judged on ``as_of``."""
    figures = defaultdict(Figures)
    kinds = GrievanceEvent.Kind
    for stay in stays:
        if stay.start > last or (stay.end is not None and stay.end < first):
            continue
        figure = figures[(stay.office_id, stay.level)]
        if stay.start < first:
            figure.carried_over += 1
        else:
            figure.received += 1
            figure.received_by[stay.channel] += 1
        if stay.end is not None and stay.end <= last:
            if stay.end_kind == kinds.FORWARDED:
                figure.forwarded += 1
            elif stay.end_kind == kinds.RESOLVED:
                figure.resolved += 1
            else:
                figure.escalated += 1
        elif as_of > calendar.add_working_days(stay.start, stay.days):
            figure.overdue += 1
    return figures


def district_of(office):
    if office.upazila_id:
        return office.upazila.district
    return office.district


def build(first, offices=None, today=None):
    """The report for the month beginning ``first``: rows per office, per district and the nation.

    ``offices``: limit to these office ids (a desk's, or ``--office``); None for every office.
    """
    from offices.models import Office

    first, last = month_bounds(first)
    today = today or timezone.localdate()
    as_of = min(last, today)
    grievances = Grievance.objects.filter(filed_at__date__lte=last + datetime.timedelta(days=1))
    events = GrievanceEvent.objects.filter(grievance__in=grievances, on__lte=last).order_by(
        "grievance", "recorded_at", "pk"
    )
    by_grievance = defaultdict(list)
    for event in events:
        by_grievance[event.grievance_id].append(event)
    stays = []
    for grievance in grievances.only("pk", "office", "channel", "days_at_tier"):
        stays.extend(stays_of(by_grievance.get(grievance.pk, []), grievance))
    if offices is not None:
        stays = [stay for stay in stays if stay.office_id in offices]
    cells = count(stays, first, last, as_of, WorkingCalendar())

    office_rows = {}
    for (office_id, level), figure in cells.items():
        part = dict((lvl, name) for name, lvl in PARTS).get(level)
        if part is None:
            continue  # tier 3: the Cabinet Division's, not an office's
        office_rows.setdefault(office_id, {name: Figures() for name, _lvl in PARTS})[part] = figure
    office_objects = Office.objects.select_related("district", "upazila__district").in_bulk(office_rows)
    rows = []
    districts = {}
    nation = {name: Figures() for name, _lvl in PARTS}
    for office_id, parts in office_rows.items():
        office = office_objects[office_id]
        district = district_of(office)
        rows.append({"office": office, "district": district, **parts, "parts": [parts[n] for n, _l in PARTS]})
        key = district.pk if district else 0
        districts.setdefault(key, {"district": district, **{name: Figures() for name, _lvl in PARTS}})
        for name, _lvl in PARTS:
            districts[key][name].add(parts[name])
            nation[name].add(parts[name])
    rows.sort(key=lambda row: (row["district"].name if row["district"] else "", row["office"].name))
    for district_row in districts.values():
        district_row["parts"] = [district_row[name] for name, _lvl in PARTS]
    return {
        "month": first,
        "last": last,
        "as_of": as_of,
        "offices": rows,
        "districts": sorted(districts.values(), key=lambda row: row["district"].name if row["district"] else ""),
        "nation": nation,
        "nation_parts": [nation[name] for name, _lvl in PARTS],
    }


def as_csv(report):
    """The office rows, with the English column names of ``CSV_COLUMNS``, then the district and
    national totals (office_key ``district:<key>`` and ``national``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()

    def row(key, parts):
        writer.writerow({"office_key": key, **parts["grievances"].as_row(), **parts["appeals"].as_row("appeal_")})

    for office_row in report["offices"]:
        row(office_row["office"].key, office_row)
    for district_row in report["districts"]:
        district = district_row["district"]
        row(f"district:{district.key if district else 'hq'}", district_row)
    row("national", report["nation"])
    return out.getvalue()

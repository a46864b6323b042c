"""What HQ's dashboard shows: counts, overdue grievances, time to resolution, a chart per district."""

import statistics
from collections import Counter, defaultdict

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import bn_digits
from offices.models import Office

from .models import Feedback, Grievance, Level, Notification, PublishedTier, held_cells, is_held
from .workdays import WorkingCalendar

HQ_LABEL = _("প্রধান কার্যালয়")


def district_of(office):
    if office.upazila_id:
        return office.upazila.district
    return office.district


def _median(values):
    return statistics.median(values) if values else None


def scope_of(user):
    """``(grievances, hq)``: what a user's dashboard counts: HQ every grievance, a desk holder the
    grievances of the offices whose tiers it holds; None for anyone else."""
    from .models import desk_of

    if user.is_active and user.is_superuser:
        return Grievance.objects.all(), True
    desk = desk_of(user)
    if desk is None:
        return None, False
    offices = desk.office_ids()
    grievances = Grievance.objects.all() if offices is None else Grievance.objects.filter(office__in=offices)
    return grievances, False


def summary(as_of, grievances=None, hq=True, desk=None):
    """The dashboard's figures. A desk's (``desk`` given) counts its offices but lists, tracking
    numbers and all, only the grievances it holds now."""
    grievances = Grievance.objects.all() if grievances is None else grievances
    calendar = WorkingCalendar()
    areas = ["office__district", "office__upazila__district"]
    unresolved = grievances.unresolved().select_related(*areas).with_deadlines(calendar)
    overdue = sorted((g for g in unresolved if as_of > g.due), key=lambda g: (g.due, g.pk))
    overdue_listed = overdue
    if desk is not None:
        held = set(grievances.filter(desk.grievance_filter()).values_list("pk", flat=True))
        overdue_listed = [g for g in overdue if g.pk in held]
    resolved = list(grievances.resolved().select_related(*areas))
    days_to_resolve = {
        g.pk: calendar.working_days_between(timezone.localdate(g.filed_at), g.resolved_on) for g in resolved
    }

    # Office × tier × status, counted by the database.
    counts = defaultdict(Counter)
    for row in grievances.values("office", "level", "status").annotate(n=Count("pk")):
        counts[(row["office"], row["level"])][row["status"]] = row["n"]
    overdue_count = Counter((g.office_id, g.level) for g in overdue)
    offices = Office.objects.in_bulk({office for office, _level in counts})
    by_office = defaultdict(list)
    for g in resolved:
        by_office[g.office_id].append(days_to_resolve[g.pk])
    table = [
        {
            "office": offices[office_id],
            "level": Level(level),
            "counts": [(status.label, counts[(office_id, level)][status]) for status in Grievance.Status],
            "total": sum(counts[(office_id, level)].values()),
            "overdue": overdue_count[(office_id, level)],
        }
        for office_id, level in sorted(counts, key=lambda key: (offices[key[0]].name, key[1]))
    ]
    office_medians = [(offices[office_id], _median(days)) for office_id, days in by_office.items()]
    office_medians.sort(key=lambda pair: pair[0].name)

    return {
        "as_of": as_of,
        "hq": hq,
        "statuses": Grievance.Status,
        "table": table,
        "totals": [sum(row["counts"][i][1] for row in table) for i in range(len(Grievance.Status))],
        "total": sum(row["total"] for row in table),
        "overdue": overdue_listed,
        "overdue_count": len(overdue),
        "median_days": _median(list(days_to_resolve.values())),
        "resolved_count": len(resolved),
        "office_medians": office_medians,
        "chart": district_chart(unresolved, resolved, as_of),
        "feedback": feedback_by_office(grievances),
        **(hq_lists(unresolved) if hq else {}),
    }


def feedback_by_office(grievances):
    """Per office: how many citizens rated a resolution, how many were satisfied, the mean rating."""
    rows = (
        Feedback.objects.filter(grievance__in=grievances)
        .values("office")
        .annotate(n=Count("pk"), satisfied=Count("pk", filter=Q(satisfied=True)), mean=Avg("rating"))
        .order_by()
    )
    offices = Office.objects.in_bulk({row["office"] for row in rows})
    table = [{**row, "office": offices[row["office"]]} for row in rows]
    return sorted(table, key=lambda row: row["office"].name)


def hq_lists(unresolved):
    """What only HQ sees: grievances no one holds, tiers without a holder, notices given up."""
    held = held_cells()
    unassigned = [g for g in unresolved if not is_held(g, held)]
    cells, national = held
    # Every office with a charter in force (its published chain) or with grievances, at each of its tiers.
    published = {(t.office_id, t.level): t for t in PublishedTier.objects.select_related("holder")}
    office_ids = {office_id for office_id, _level in published}
    office_ids |= set(Grievance.objects.values_list("office", flat=True).distinct())
    without_holder = []
    for office in sorted(Office.objects.filter(pk__in=office_ids), key=lambda o: o.name):
        for level in Level.office_levels():
            if (office.pk, level) not in cells:
                tier = published.get((office.pk, level))
                without_holder.append({"office": office, "level": level, "tier": tier})
    return {
        "unassigned": unassigned,
        "without_holder": without_holder,
        "national_held": national,
        "given_up": list(Notification.objects.given_up().select_related("grievance")[:100]),
    }


# ---------------------------------------------------------------- the chart, as inline SVG geometry

SERIES = [
    ("resolved", _("নিষ্পত্তি হয়েছে")),
    ("open", _("চলমান, সময়সীমার মধ্যে")),
    ("overdue", _("সময়সীমা পার")),
]
# In the SVG's own units; about one to one on a 360 px phone.
LABEL_WIDTH = 110
BAR_AREA = 200
ROW_HEIGHT = 26
BAR_HEIGHT = 18
TOP = 8


def district_chart(unresolved, resolved, as_of):
    """One horizontal stacked bar per district with grievances; numbers in the page's digits."""
    tally = defaultdict(Counter)
    names = {}
    for g in resolved:
        tally[_district_key(g.office, names)]["resolved"] += 1
    for g in unresolved:
        tally[_district_key(g.office, names)]["overdue" if as_of > g.due else "open"] += 1
    rows = sorted(tally.items(), key=lambda item: (-sum(item[1].values()), names[item[0]]))
    largest = max((sum(c.values()) for _key, c in rows), default=0)
    bars = []
    for index, (key, counter) in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        x = LABEL_WIDTH
        segments = []
        for series, label in SERIES:
            value = counter[series]
            if not value:
                continue
            width = BAR_AREA * value / largest
            segments.append(
                {
                    "series": series,
                    "x": round(x, 2),
                    "width": round(width, 2),
                    "title": f"{names[key]}: {label} {bn_digits(value)}",
                }
            )
            x += width
        total = sum(counter.values())
        bars.append(
            {
                "name": names[key],
                "y": y,
                "text_y": y + BAR_HEIGHT - 4,
                "segments": segments,
                "total": bn_digits(total),
                "total_x": round(x + 4, 2),
                "title": gettext("%(district)s: মোট %(count)sটি অভিযোগ")
                % {"district": names[key], "count": bn_digits(total)},
            }
        )
    return {
        "bars": bars,
        "series": SERIES,
        "width": LABEL_WIDTH + BAR_AREA + 30,
        "height": TOP * 2 + max(len(bars), 1) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 6,
    }


def _district_key(office, names):
    district = district_of(office)
    key = district.pk if district else 0
    names.setdefault(key, district.name if district else str(HQ_LABEL))
    return key

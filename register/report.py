"""The quarterly charter-implementation report (the APA's): per office, rolled up per district,
per division and nationally, from the register's figures (register.national). One set of rows
for the A4 page, the CSV and ``manage.py charter_report``."""

import csv
import io

from charters.opendata import spreadsheet_safe
from services.models import ServiceListing
from services.promises import PromiseKind

from .national import country_figures

CSV_COLUMNS = (
    "level",
    "key",
    "name",
    "district",
    "division",
    "services",
    "measurable_services",
    "received",
    "ended",
    "on_time",
    "late",
    "pending_overdue",
    "on_time_share",
    "median_working_days",
)


def measurable_counts():
    """``{office pk: (services, measurable services)}`` of the charters in force: HQ's view of
    whose promises can be measured at all."""
    counts = {}
    for office_id, kind in ServiceListing.objects.values_list("office_id", "promise_kind"):
        total, measurable = counts.get(office_id, (0, 0))
        counts[office_id] = (total + 1, measurable + (kind != PromiseKind.NONE))
    return counts


def _row(level, key, name, district, division, tally, services=("", "")):
    share = tally.on_time_share
    return {
        "level": level,
        "key": key,
        "name": name,
        "district": district,
        "division": division,
        "services": services[0],
        "measurable_services": services[1],
        "received": tally.received,
        "ended": tally.ended,
        "on_time": tally.on_time,
        "late": tally.late,
        "pending_overdue": tally.pending_overdue,
        "on_time_share": "" if share is None else round(share, 4),
        "median_working_days": "" if tally.median_working_days is None else tally.median_working_days,
    }


def report_rows(first, last, *, office_key=None, today=None):
    """The report's rows: each office, then its district's, division's and the nation's totals
    (with ``office_key``: that office alone)."""
    country = country_figures(first, last, today=today, office_keys={office_key} if office_key else None)
    counts = measurable_counts()
    rows = []

    def office_row(figures, district="", division=""):
        office = figures.office
        services = counts.get(office.pk, (0, 0))
        return _row("office", office.key, office.name_bn, district, division, figures.total, services)

    for figures in country.headquarters.offices:
        rows.append(office_row(figures))
    for division, districts in country.divisions:
        for district in districts:
            for figures in sorted(district.offices, key=lambda f: (f.office.level != "district", f.office.key)):
                rows.append(office_row(figures, district.area.key, division.area.key))
            if not office_key:
                rows.append(
                    _row(
                        "district",
                        district.area.key,
                        district.area.name_bn,
                        district.area.key,
                        division.area.key,
                        district.total,
                    )
                )
        if not office_key:
            rows.append(
                _row("division", division.area.key, division.area.name_bn, "", division.area.key, division.total)
            )
    if not office_key:
        rows.append(_row("national", "", "বাংলাদেশ", "", "", country.total))
    return rows


def report_csv(rows):
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so spreadsheets read the Bengali as UTF-8
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return out.getvalue()

"""Which offices publish a charter, and since when, and which have only a draft and from what
file: HQ's coverage page and its CSV.

``publication_by_office`` is the one statement of "has published / last published": the version
in force of each office (its issue date, or the day it was published when the paper carries none).
``drafts_by_office`` says which offices have a draft (a Charter row) and which reader made it.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from offices.models import Office
from services.models import ServiceListing
from services.promises import PromiseKind

from .models import Charter, CharterVersion

STALE_AFTER = datetime.timedelta(days=365)


def publication_by_office():
    """{office pk: date of its last publication} for every office that has published a charter."""
    dates = {}
    versions = CharterVersion.objects.in_force().order_by("office_id", "number")
    for office_id, issued_on, published_at in versions.values_list("office_id", "issued_on", "published_at"):
        dates[office_id] = issued_on or timezone.localdate(published_at)  # the newest in force wins
    return dates


def drafts_by_office():
    """{office pk: (import source, number of import warnings)} of every office with a draft."""
    return {
        office_id: (source, len(warnings or []))
        for office_id, source, warnings in Charter.objects.values_list("office_id", "import_source", "import_warnings")
    }


def unmeasurable_by_office():
    """{office pk: (services, services whose promise is not measurable)} of the versions in force."""
    counts = {}
    for office_id, kind in ServiceListing.objects.values_list("office_id", "promise_kind"):
        total, unmeasurable = counts.get(office_id, (0, 0))
        counts[office_id] = (total + 1, unmeasurable + (kind == PromiseKind.NONE))
    return counts


@dataclass
class OfficeCoverage:
    office: Office
    published_on: datetime.date | None
    stale: bool
    services: int = 0
    unmeasurable: int = 0  # services whose time limit promises nothing the register can measure
    has_draft: bool = False
    source: str = ""  # Charter.ImportSource, "" when the draft was not imported (typed in the admin)
    warnings: int = 0

    @property
    def state(self):
        """published, draft (not yet published) or none (no file)."""
        return "published" if self.published_on else "draft" if self.has_draft else "none"

    @property
    def source_label(self):
        return Charter.ImportSource(self.source).label if self.source else ""


@dataclass
class AreaCoverage:
    name: str
    key: str
    offices: list = field(default_factory=list)
    districts: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.offices)

    @property
    def published(self):
        return sum(1 for o in self.offices if o.published_on)

    @property
    def never(self):
        return [o for o in self.offices if not o.published_on]

    @property
    def stale(self):
        return [o for o in self.offices if o.stale]

    @property
    def drafts(self):
        """Offices with a draft and nothing published."""
        return [o for o in self.offices if o.state == "draft"]

    @property
    def without_file(self):
        return [o for o in self.offices if o.state == "none"]

    def drafts_by_source(self):
        """[(source label, number of drafts)] of the unpublished drafts, every source listed."""
        sources = [o.source for o in self.drafts]
        counts = [(label, sources.count(value)) for value, label in Charter.ImportSource.choices]
        return counts + [("পোর্টালে লেখা", sources.count(""))]

    @property
    def unmeasurable(self):
        """Published offices with a service whose promise is not measurable."""
        return [o for o in self.offices if o.published_on and o.unmeasurable]


def coverage(today=None):
    """(the nation as one AreaCoverage, its divisions each with their districts), in tree order."""
    today = today or timezone.localdate()
    published, drafts = publication_by_office(), drafts_by_office()
    promises = unmeasurable_by_office()
    nation = AreaCoverage("দেশ", "")
    divisions, districts = {}, {}
    for office in Office.objects.select_related("district__division", "upazila__district__division").order_by("pk"):
        on = published.get(office.pk)
        source, warnings = drafts.get(office.pk, ("", 0))
        services, unmeasurable = promises.get(office.pk, (0, 0))
        entry = OfficeCoverage(
            office,
            on,
            bool(on and today - on > STALE_AFTER),
            services=services,
            unmeasurable=unmeasurable,
            has_draft=office.pk in drafts,
            source=source,
            warnings=warnings,
        )
        nation.offices.append(entry)
        district = office.district if office.district_id else (office.upazila.district if office.upazila_id else None)
        if district is None:
            area = divisions.setdefault("hq", AreaCoverage("প্রধান কার্যালয়", "hq"))
            area.offices.append(entry)
            continue
        division = divisions.setdefault(
            # "চট্টগ্রাম বিভাগ": beside its district "চট্টগ্রাম" the bare name would read as the district.
            district.division.key,
            AreaCoverage(f"{district.division.name} বিভাগ", district.division.key),
        )
        division.offices.append(entry)
        if district.key not in districts:
            districts[district.key] = AreaCoverage(district.name, district.key)
            division.districts.append(districts[district.key])
        districts[district.key].offices.append(entry)
    return nation, list(divisions.values())


CSV_COLUMNS = [
    "division",
    "district",
    "office_key",
    "office_name",
    "level",
    "published",
    "last_published",
    "older_than_a_year",
    "state",
    "draft_source",
    "import_warnings",
]


def coverage_rows(today=None):
    """The CSV's rows: one office each, in tree order."""
    _, divisions = coverage(today)
    for division in divisions:
        for district in division.districts or [AreaCoverage("", "", division.offices)]:
            for entry in district.offices:
                yield [
                    division.key,
                    district.key,
                    entry.office.key,
                    entry.office.name_bn,
                    entry.office.level,
                    "yes" if entry.published_on else "no",
                    entry.published_on.isoformat() if entry.published_on else "",
                    "yes" if entry.stale else "no",
                    entry.state,
                    entry.source,
                    entry.warnings if entry.has_draft else "",
                ]

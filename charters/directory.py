"""The directory's reads: the national tree of offices, each office marked when it publishes a
charter (with its number of published services), every level in the alphabetical order of the
names the page shows (charter_portal.bangla.sort_key)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from charter_portal.bangla import by_name
from offices.models import District, Division, Office
from services.models import ServiceListing

from .models import publishing_offices

_SHOWN_FIELDS = ("pk", "key", "name", "name_bn", "name_en", "level", "district_id", "upazila_id")


@dataclass
class DistrictOffices:
    """A district and its offices: the district office (None where it has none) and, per upazila,
    the upazila office."""

    district: District
    office: Office | None
    upazilas: list = field(default_factory=list)  # [(Upazila, Office)]

    @property
    def offices(self):
        return ([self.office] if self.office else []) + [office for _, office in self.upazilas]

    @property
    def office_count(self):
        return len(self.offices)

    @property
    def charter_count(self):
        return sum(office.publishes_charter for office in self.offices)


def marked(offices):
    """The offices as a list, each with ``publishes_charter`` and ``service_count`` set."""
    offices = list(offices)
    pks = [office.pk for office in offices]
    publishing = set(publishing_offices().filter(pk__in=pks).values_list("pk", flat=True))
    service_counts = dict(
        ServiceListing.objects.filter(office__in=pks)
        .order_by()  # no default ordering: it would join the GROUP BY
        .values("office")
        .annotate(n=Count("pk"))
        .values_list("office", "n")
    )
    for office in offices:
        office.publishes_charter = office.pk in publishing
        office.service_count = service_counts.get(office.pk, 0)
    return offices


def _by_area(offices):
    """The offices by their district's primary key (district offices) and by their upazila's."""
    return {o.district_id: o for o in offices if o.district_id}, {o.upazila_id: o for o in offices if o.upazila_id}


def _district_offices(district, by_district, by_upazila):
    upazilas = [
        (upazila, by_upazila[upazila.pk]) for upazila in by_name(district.upazilas.all()) if upazila.pk in by_upazila
    ]
    return DistrictOffices(district, by_district.get(district.pk), upazilas)


def national_tree():
    """(headquarters, [(division, [DistrictOffices])], every office): the whole country."""
    offices = marked(Office.objects.only(*_SHOWN_FIELDS))
    by_district, by_upazila = _by_area(offices)
    headquarters = next((o for o in offices if o.level == Office.Level.HQ), None)
    tree = [
        (
            division,
            [_district_offices(district, by_district, by_upazila) for district in by_name(division.districts.all())],
        )
        for division in by_name(Division.objects.prefetch_related("districts__upazilas"))
    ]
    return headquarters, tree, offices


def only_publishing(tree):
    """The tree cut down to the offices that publish a charter, and the districts and divisions
    that still hold one."""
    cut = []
    for division, districts in tree:
        kept = []
        for entry in districts:
            office = entry.office if entry.office and entry.office.publishes_charter else None
            upazilas = [(upazila, o) for upazila, o in entry.upazilas if o.publishes_charter]
            if office or upazilas:
                kept.append(DistrictOffices(entry.district, office, upazilas))
        if kept:
            cut.append((division, kept))
    return cut


def district_offices(key):
    """One district's offices (``DistrictOffices``), or None for a key no district has."""
    district = District.objects.select_related("division").prefetch_related("upazilas").filter(key=key).first()
    if district is None:
        return None
    offices = marked(Office.objects.only(*_SHOWN_FIELDS).filter(Q(district=district) | Q(upazila__district=district)))
    return _district_offices(district, *_by_area(offices))

from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.shortcuts import render

from charter_portal.bangla import by_name
from grievances.models import NATIONAL_STANDARD_DAYS, GrievanceTier
from services.models import Service

from .models import Division, Office
from .pagecache import public_page

# Both views are public pages: the same for every visitor, kept gzipped until the data changes
# (offices.pagecache).


@public_page
def directory(request):
    # Every level in alphabetical order of the names the page shows (charter_portal.bangla.sort_key);
    # each office that publishes a charter marked with its number of services; ?charters=1 shows only those.
    only_charters = request.GET.get("charters") == "1"
    divisions = Division.objects.prefetch_related("districts__upazilas")
    offices = Office.objects.only("pk", "key", "name", "name_bn", "name_en", "level", "district_id", "upazila_id")
    publishing = set(Office.objects.publishing_charter().values_list("pk", flat=True))
    service_counts = dict(
        Service.objects.filter(office__in=publishing)
        .order_by()  # no default ordering: it would join the GROUP BY and count each service alone
        .values("office")
        .annotate(n=Count("pk"))
        .values_list("office", "n")
    )
    for office in offices:
        office.publishes_charter = office.pk in publishing
        office.service_count = service_counts.get(office.pk, 0)
    by_district = {o.district_id: o for o in offices if o.district_id}
    by_upazila = {o.upazila_id: o for o in offices if o.upazila_id}
    headquarters = next((o for o in offices if o.level == Office.Level.HQ), None)

    def shown(office):
        return office is not None and (office.publishes_charter or not only_charters)

    tree = []
    for division in by_name(divisions):
        districts = []
        for district in by_name(division.districts.all()):
            district_office = by_district.get(district.pk)
            upazilas = [
                (upazila, by_upazila[upazila.pk])
                for upazila in by_name(district.upazilas.all())
                if shown(by_upazila.get(upazila.pk))
            ]
            if upazilas or shown(district_office):
                districts.append((district, district_office if shown(district_office) else None, upazilas))
        if districts:
            tree.append((division, districts))
    context = {
        "headquarters": headquarters if shown(headquarters) else None,
        "tree": tree,
        "only_charters": only_charters,
        "office_count": len(offices),
        "charter_count": len(publishing),
    }
    return render(request, "offices/directory.html", context)


@public_page
def charter(request, key):
    # The office and its subordinate offices (the page lists them) in one query; its services,
    # its expectations, and its own GRS tiers with the national cell: four, whatever its size.
    offices = list(
        Office.objects.with_area()
        .select_related("charter")
        .filter(Q(key=key) | Q(parent__in=Office.objects.filter(key=key).values("pk")))
        .order_by("pk")
    )
    office = next((o for o in offices if o.key == key), None)
    if office is None:
        # Rendered here rather than raised, so the citizen gets this page even on a DEBUG server.
        return render(request, "offices/office_not_found.html", {"key": key}, status=404)
    services = Service.objects.select_related("responsible_officer", "superior_officer__office")
    prefetch_related_objects([office], Prefetch("services", queryset=services), "expectations")
    tiers = (
        GrievanceTier.objects.filter(Q(office=office) | Q(office__isnull=True))
        .select_related("contact_officer__office")
        .order_by("level")
    )  # own tiers are 1 and 2, the national cell 3
    services = list(office.services.all())
    tables = [(category, [s for s in services if s.category == category]) for category in Service.Category]
    charter = getattr(office, "charter", None)
    context = {
        "office": office,
        "charter": charter if charter is not None and charter.is_published else None,
        "service_tables": [(category, rows, *shared_officers(rows)) for category, rows in tables if rows],
        "expectations": office.expectations.all(),
        "grievance_chain": GrievanceTier.objects.chain_for(
            office, [t for t in tiers if t.office_id], [t for t in tiers if not t.office_id]
        ),
        "subordinates": [o for o in offices if o is not office],
        "standard_days": NATIONAL_STANDARD_DAYS,  # what a grievance against an office without a charter goes through
    }
    return render(request, "offices/charter.html", context)


def shared_officers(services):
    """(responsible, superior): the officer who holds that column for every row of a table, else None.

    The page shows such an officer once, above the table, instead of once per row."""

    def shared(field):
        officers = {getattr(service, f"{field}_id") for service in services}
        return (
            getattr(services[0], field) if len(officers) == 1 and None not in officers and len(services) > 1 else None
        )

    return shared("responsible_officer"), shared("superior_officer")

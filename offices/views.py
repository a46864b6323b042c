from django.db.models import Prefetch, Q, prefetch_related_objects
from django.shortcuts import render

from grievances.models import GrievanceTier
from services.models import Service

from .models import Division, Office
from .pagecache import public_page

# Both views are public pages: the same for every visitor, kept gzipped until the data changes
# (offices.pagecache).


@public_page
def directory(request):
    divisions = Division.objects.prefetch_related("districts__upazilas")
    offices = Office.objects.only("pk", "key", "name", "name_bn", "name_en", "level", "district_id", "upazila_id")
    by_district = {o.district_id: o for o in offices if o.district_id}
    by_upazila = {o.upazila_id: o for o in offices if o.upazila_id}
    headquarters = next((o for o in offices if o.level == Office.Level.HQ), None)
    tree = [
        (
            division,
            [
                (
                    district,
                    by_district.get(district.pk),
                    [
                        (upazila, by_upazila[upazila.pk])
                        for upazila in district.upazilas.all()
                        if upazila.pk in by_upazila
                    ],
                )
                for district in division.districts.all()
            ],
        )
        for division in divisions
    ]
    return render(request, "offices/directory.html", {"headquarters": headquarters, "tree": tree})


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
    context = {
        "office": office,
        "charter": getattr(office, "charter", None),
        "service_tables": [(category, rows) for category, rows in tables if rows],
        "expectations": office.expectations.all(),
        "grievance_chain": GrievanceTier.objects.chain_for(
            office, [t for t in tiers if t.office_id], [t for t in tiers if not t.office_id]
        ),
        "subordinates": [o for o in offices if o is not office],
    }
    return render(request, "offices/charter.html", context)

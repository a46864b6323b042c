from django.shortcuts import render

from grievances.models import GrievanceTier
from services.models import Service

from .models import Division, Office


def directory(request):
    divisions = Division.objects.prefetch_related("districts__upazilas")
    offices = Office.objects.only("pk", "key", "name", "name_bn", "name_en", "level", "district_id", "upazila_id")
    by_district = {o.district_id: o for o in offices if o.district_id}
    by_upazila = {o.upazila_id: o for o in offices if o.upazila_id}
    headquarters = next((o for o in offices if o.level == Office.Level.HQ), None)
    tree = [
        (division, [
            (district, by_district.get(district.pk),
             [(upazila, by_upazila[upazila.pk]) for upazila in district.upazilas.all() if upazila.pk in by_upazila])
            for district in division.districts.all()
        ])
        for division in divisions
    ]
    return render(request, "offices/directory.html", {"headquarters": headquarters, "tree": tree})


def charter(request, key):
    office = Office.objects.for_charter_page().filter(key=key).first()
    if office is None:
        # Rendered here rather than raised, so the citizen gets this page even on a DEBUG server.
        return render(request, "offices/office_not_found.html", {"key": key}, status=404)
    charter = getattr(office, "charter", None)
    services = list(office.services.all())
    tables = [
        (category, [s for s in services if s.category == category])
        for category in Service.Category
    ]
    context = {
        "office": office,
        "charter": charter,
        "service_tables": [(category, rows) for category, rows in tables if rows],
        "expectations": office.expectations.all(),
        "grievance_chain": GrievanceTier.objects.chain_for(office, office.grievance_tiers.all()),
        "subordinates": office.children.all(),
    }
    return render(request, "offices/charter.html", context)

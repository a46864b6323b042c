from django.shortcuts import render

from charter_portal.http import not_found
from offices.models import Division, Office
from pagecache.decorators import public_page

from .loading import load_charter

# Both views are public pages: the same for every visitor, kept gzipped until the data changes
# (pagecache).


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
    return render(request, "charters/directory.html", {"headquarters": headquarters, "tree": tree})


@public_page
def charter(request, key):
    contents = load_charter(key)
    if contents is None:
        return not_found(request, "offices/not_found.html", key=key)
    context = {
        "office": contents.office,
        "charter": contents.charter,
        "service_tables": contents.service_tables,
        "expectations": contents.expectations,
        "grievance_chain": contents.grievance_chain,
        "subordinates": contents.subordinates,
    }
    return render(request, "charters/charter.html", context)

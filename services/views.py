import re

from django.shortcuts import render

from charter_portal.http import not_found
from offices.models import OFFICE_KEY_PATTERN, District
from pagecache.decorators import public_page

from .models import Service
from .search import find_offices, find_services

MAX_QUERY_LENGTH = 200
OFFICE_KEY = re.compile(OFFICE_KEY_PATTERN)


def service_detail(request, key, category, serial):
    """One service, the way a citizen plans a visit: what to bring, the cost and the time first."""
    service = (
        Service.objects.select_related(
            "office__parent",
            "office__district__division",
            "office__upazila__district__division",
            "responsible_officer__office",
            "superior_officer__office",
        )
        .filter(office__key=key, category=category, serial=serial)
        .first()
    )
    if service is None:
        return not_found(request)
    return render(request, "services/detail.html", {"service": service, "office": service.office})


@public_page(query=("q", "district"))  # a burst of readers asks the same few things
def search(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    district_key = request.GET.get("district", "")
    if not OFFICE_KEY.fullmatch(district_key):
        district_key = ""  # not a key any district has (NUL bytes, markup, …): search the whole country
    district = District.objects.filter(key=district_key).first() if district_key else None
    context = {
        "query": query,
        "district": district,
        "districts": District.objects.order_by("division_id", "pk"),
        "services": find_services(query, district) if query else [],
        "offices": find_offices(query, district) if query else [],
    }
    return render(request, "services/search.html", context)

import re

from django.shortcuts import render

from charter_portal.bangla import by_name
from offices.models import OFFICE_KEY_PATTERN, District
from pagecache.decorators import public_page

from .search import find_offices, find_services

MAX_QUERY_LENGTH = 200
OFFICE_KEY = re.compile(OFFICE_KEY_PATTERN)


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
        "districts": by_name(District.objects.all()),
        "services": find_services(query, district) if query else [],
        "offices": find_offices(query, district) if query else [],
    }
    return render(request, "services/search.html", context)

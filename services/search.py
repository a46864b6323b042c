"""Nationwide search over services and offices.

Every text goes through ``search_key`` (charter_portal.bangla), so composed and
decomposed letters, zero-width joiners, Bengali and ASCII digits and repeated spaces
all meet. Services (the published ones: ServiceListing) are found by substring match on their stored search text (a
trigram index makes that fast on PostgreSQL; SQLite scans), every word of the query
required; ranking is the same Python on every database, so both give the same results.

Ranking reads only (pk, search text) pairs; model objects are built for the results
shown, not for every candidate.
"""

from dataclasses import dataclass

from charter_portal.bangla import search_key
from offices.models import Office

from .models import ServiceListing

MAX_RESULTS = 50
MAX_CANDIDATES = 5000  # a query matching more than this many services is ranked among the first


@dataclass
class ServiceHit:
    service: ServiceListing
    score: int


def query_words(query):
    return search_key(query).split()[:8]  # a longer query adds cost, not meaning


def _offices_in(district):
    """Every office, or those of one district: its district office and its upazila offices."""
    offices = Office.objects.all()
    if district is None:
        return offices
    return offices.filter(district=district) | offices.filter(upazila__district=district)


def score(words, search_text):
    """Words in the service's name count three times; the whole phrase in the name, five more."""
    name = search_text.split(ServiceListing.SEARCH_NAME_END, 1)[0]
    phrase = " ".join(words)
    return sum(3 if word in name else 1 for word in words) + (5 if phrase in name else 0)


def find_services(query, district=None):
    words = query_words(query)
    if not words:
        return []
    candidates = ServiceListing.objects.all()
    for word in words:
        candidates = candidates.filter(search_text__contains=word)
    if district is not None:
        candidates = candidates.filter(office__in=_offices_in(district))
    ranked = sorted(
        candidates.order_by("office_id", "category", "serial").values_list("pk", "search_text")[:MAX_CANDIDATES],
        key=lambda row: -score(words, row[1]),  # stable: ties keep office, category, serial order
    )[:MAX_RESULTS]
    services = ServiceListing.objects.select_related("office").in_bulk([pk for pk, _ in ranked])
    return [ServiceHit(services[pk], score(words, text)) for pk, text in ranked]


def find_offices(query, district=None):
    words = query_words(query)
    if not words:
        return []
    offices = _offices_in(district)
    for word in words:
        offices = offices.filter(search_text__contains=word)
    return list(offices.order_by("pk")[:MAX_RESULTS])

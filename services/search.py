"""Nationwide search over services and offices.

Every text goes through ``search_key`` (charter_portal.bangla), so composed and
decomposed letters, zero-width joiners, Bengali and ASCII digits and repeated spaces
all meet. Services are found by substring match on their stored search text (a
trigram index makes that fast on PostgreSQL; SQLite scans), every word of the query
required; ranking is the same Python on every database, so both give the same results.
"""

from dataclasses import dataclass

from charter_portal.bangla import search_key
from offices.models import Office

from .models import Service

MAX_RESULTS = 50


@dataclass
class ServiceHit:
    service: Service
    score: int


def query_words(query):
    return search_key(query).split()[:8]  # a longer query adds cost, not meaning


def find_services(query, district=None):
    words = query_words(query)
    if not words:
        return []
    services = Service.objects.select_related("office__district", "office__upazila__district", "responsible_officer")
    for word in words:
        services = services.filter(search_text__contains=word)
    if district is not None:
        services = services.filter(office__in=Office.objects.filter(district=district)
                                   | Office.objects.filter(upazila__district=district))
    hits = []
    for service in services.order_by("office_id", "category", "serial")[:500]:
        name = search_key(f"{service.name_bn or ''} {service.name_en or ''}")
        score = sum(3 if word in name else 1 for word in words) + (5 if " ".join(words) in name else 0)
        hits.append(ServiceHit(service, score))
    hits.sort(key=lambda hit: -hit.score)  # stable: ties keep the office, category, serial order
    return hits[:MAX_RESULTS]


def find_offices(query, district=None):
    words = query_words(query)
    if not words:
        return []
    offices = Office.objects.select_related("district", "upazila__district").order_by("pk")
    if district is not None:
        offices = offices.filter(district=district) | offices.filter(upazila__district=district)
    found = []
    for office in offices:
        text = search_key(" ".join(filter(None, [office.name_bn, office.name_en, office.key.replace(".", " ")])))
        if all(word in text for word in words):
            found.append(office)
    return found[:MAX_RESULTS]

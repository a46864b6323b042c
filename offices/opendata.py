"""The charters as open data: one office as JSON, every office as one streamed JSON array.

Field names are English and stable (the schema is in the README); translatable texts
are {"bn": …, "en": …} with null where no English has been written.
"""

import json

from django.http import JsonResponse, StreamingHttpResponse

from grievances.models import GrievanceTier
from services.models import Service

from .models import Office
from .pagecache import public_page

SCHEMA = "https://schemas.doict.gov.bd/charter-portal/charter/1"
CATEGORY_NAMES = {
    Service.Category.CITIZEN: "citizen",
    Service.Category.INSTITUTIONAL: "institutional",
    Service.Category.INTERNAL: "internal",
}


def _text(obj, field):
    return {"bn": getattr(obj, f"{field}_bn") or "", "en": getattr(obj, f"{field}_en") or None}


def _officer(officer, office):
    if officer is None:
        return None
    return {
        "name": _text(officer, "name"),
        "designation": _text(officer, "designation"),
        "branch": _text(officer, "branch"),
        "office": office.key if officer.office_id == office.pk else officer.office.key,
        "phone": officer.phone or None,
        "mobile": officer.mobile or None,
        "email": officer.email or None,
        "room": officer.room or None,
        "upazila_code": officer.upazila_code or None,
    }


def _area(area):
    return None if area is None else {"key": area.key, "name": _text(area, "name")}


def office_data(office, request, national_cell):
    """One office and its charter. ``office`` comes from Office.objects.for_charter_page()."""
    charter = getattr(office, "charter", None)
    chain = GrievanceTier.objects.chain_for(
        office, office.grievance_tiers.all(), [national_cell] if national_cell else []
    )
    page = request.build_absolute_uri(office.get_absolute_url())
    return {
        "key": office.key,
        "level": office.level,
        "name": _text(office, "name"),
        "url": page,
        "parent": office.parent.key if office.parent_id else None,
        "division": _area(office.division),
        "district": _area(office.upazila.district if office.upazila_id else office.district),
        "upazila": _area(office.upazila),
        "site": office.site or None,
        "address": _text(office, "address"),
        "phone": office.phone or None,
        "email": office.email or None,
        "charter": None
        if charter is None
        else {
            "vision": _text(charter, "vision"),
            "mission": _text(charter, "mission"),
            "service_columns": charter.service_columns,
            "issued_on": charter.issued_on.isoformat() if charter.issued_on else None,
            "signatory": {
                "name": _text(charter, "signatory_name"),
                "designation": _text(charter, "signatory_designation"),
            },
            "updated_at": charter.updated_at.isoformat(),
        },
        "services": [
            {
                "category": CATEGORY_NAMES[service.category],
                "serial": service.serial,
                "name": _text(service, "name"),
                "delivery_method": _text(service, "delivery_method"),
                "required_papers": _text(service, "required_papers"),
                "papers_source": _text(service, "papers_source"),
                "fee": _text(service, "fee"),
                "time_limit": _text(service, "time_limit"),
                "responsible_officer": _officer(service.responsible_officer, office),
                "superior_officer": _officer(service.superior_officer, office),
                "url": f"{page}#{service.anchor}",
            }
            for service in office.services.all()
        ],
        "expectations": [{"serial": e.serial, "text": _text(e, "text")} for e in office.expectations.all()],
        "grievance_chain": [
            {
                "level": tier.level,
                "when_to_contact": _text(tier, "when_to_contact"),
                "contact_title": _text(tier, "contact_title"),
                "contact_officer": _officer(tier.contact_officer, office),
                "contact_text": _text(tier, "contact_text"),
                "resolution_working_days": tier.resolution_days,
                "national": tier.office_id is None,
            }
            for tier in chain
        ],
        "subordinate_offices": [child.key for child in office.children.all()],
    }


def _national_cell():
    return GrievanceTier.objects.national().select_related("contact_officer__office").first()


@public_page  # scripts poll it: kept like the charter page, until the data changes
def office_json(request, key):
    office = Office.objects.for_charter_page().filter(key=key).first()
    if office is None:
        return JsonResponse(
            {"error": "no office with this key", "key": key}, status=404, json_dumps_params={"ensure_ascii": False}
        )
    data = {"schema": SCHEMA, "office": office_data(office, request, _national_cell())}
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def all_charters_json(request):
    """Every office, streamed a chunk of offices at a time rather than built in memory."""
    national_cell = _national_cell()

    def chunks():
        yield f'{{"schema": {json.dumps(SCHEMA)}, "offices": [\n'
        first = True
        for office in Office.objects.for_charter_page().order_by("pk").iterator(chunk_size=50):
            yield ("" if first else ",\n") + json.dumps(office_data(office, request, national_cell), ensure_ascii=False)
            first = False
        yield "\n]}\n"

    return StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")

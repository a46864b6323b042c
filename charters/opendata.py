"""The charters as open data: one office as JSON, every office as one streamed JSON array, and
every service as one streamed CSV.

Field names are English and stable (the schema is in the README); translatable texts are
{"bn": …, "en": …} with null where no English has been written.
"""

import csv
import json

from django.http import JsonResponse, StreamingHttpResponse

from pagecache.decorators import public_page
from services.models import Service

from .loading import all_charters, load_charter

SCHEMA = "https://schemas.doict.gov.bd/charter-portal/charter/1"


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


def office_data(contents, request):
    """One office and its charter, from charters.loading."""
    office, charter = contents.office, contents.charter
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
            "version": contents.version.number if contents.version else None,
            "updated_at": charter.updated_at.isoformat(),
        },
        "services": [
            {
                "category": Service.Category(service.category).code,
                "serial": service.serial,
                **{name: _text(service, name) for name in Service.TEXT_FIELDS},
                "responsible_officer": _officer(service.responsible_officer, office),
                "superior_officer": _officer(service.superior_officer, office),
                "url": request.build_absolute_uri(service.get_charter_row_url()),
            }
            for service in contents.services
        ],
        "expectations": [{"serial": e.serial, "text": _text(e, "text")} for e in contents.expectations],
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
            for tier in contents.grievance_chain
        ],
        "subordinate_offices": [child.key for child in contents.subordinates],
    }


@public_page  # scripts poll it: kept like the charter page, until the data changes
def office_json(request, key):
    contents = load_charter(key)
    if contents is None:
        return JsonResponse(
            {"error": "no office with this key", "key": key}, status=404, json_dumps_params={"ensure_ascii": False}
        )
    return JsonResponse(
        {"schema": SCHEMA, "office": office_data(contents, request)}, json_dumps_params={"ensure_ascii": False}
    )


@public_page
def version_json(request, key, number):
    """One published version of an office's charter, in force or not."""
    contents = load_charter(key, number)
    if contents is None or contents.version is None:
        return JsonResponse(
            {"error": "no such version", "key": key, "number": number},
            status=404,
            json_dumps_params={"ensure_ascii": False},
        )
    data = office_data(contents, request)
    version = contents.version
    data["charter"]["withdrawn_at"] = version.withdrawn_at.isoformat() if version.withdrawn_at else None
    return JsonResponse({"schema": SCHEMA, "office": data}, json_dumps_params={"ensure_ascii": False})


def all_charters_json(request):
    """Every office, streamed a chunk of offices at a time rather than built in memory."""

    def chunks():
        yield f'{{"schema": {json.dumps(SCHEMA)}, "offices": [\n'
        for number, contents in enumerate(all_charters()):
            yield ("" if number == 0 else ",\n") + json.dumps(office_data(contents, request), ensure_ascii=False)
        yield "\n]}\n"

    return StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a stream."""

    def write(self, value):
        return value


OFFICER_COLUMNS = ["name", "designation", "phone", "email"]
CSV_COLUMNS = [
    "office_key",
    "office_name",
    "category",
    "serial",
    *Service.TEXT_FIELDS,
    *(f"responsible_officer_{column}" for column in OFFICER_COLUMNS),
    "url",
]


def services_csv(request):
    """Every service of every charter in force, streamed as CSV (UTF-8 with a BOM, so spreadsheets read Bengali)."""
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff" + writer.writerow(CSV_COLUMNS)
        for contents in all_charters():
            office = contents.office
            for service in contents.services:
                officer = service.responsible_officer
                yield writer.writerow(
                    [
                        office.key,
                        office.name_bn,
                        Service.Category(service.category).code,
                        service.serial,
                        *(getattr(service, f"{name}_bn") for name in Service.TEXT_FIELDS),
                        *(_officer_column(officer, column) for column in OFFICER_COLUMNS),
                        request.build_absolute_uri(service.get_charter_row_url()),
                    ]
                )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="services.csv"'
    return response


def _officer_column(officer, column):
    if officer is None:
        return ""
    return getattr(officer, f"{column}_bn" if column in ("name", "designation") else column) or ""

import csv
import re

from django.http import StreamingHttpResponse
from django.shortcuts import render

from charter_portal.bangla import by_name
from offices.models import OFFICE_KEY_PATTERN, District
from offices.pagecache import public_page

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
        return render(request, "404.html", status=404)
    return render(request, "services/detail.html", {"service": service, "office": service.office})


@public_page  # a burst of readers asks the same few things
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


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a stream."""

    def write(self, value):
        return value


CSV_COLUMNS = [
    "office_key",
    "office_name",
    "category",
    "serial",
    "name",
    "delivery_method",
    "required_papers",
    "papers_source",
    "fee",
    "time_limit",
    "responsible_officer_name",
    "responsible_officer_designation",
    "responsible_officer_phone",
    "responsible_officer_email",
    "url",
]
CATEGORY_NAMES = {1: "citizen", 2: "institutional", 3: "internal"}


def services_csv(request):
    """Every service of every office, streamed as CSV (UTF-8 with a BOM, so spreadsheets read Bengali)."""
    writer = csv.writer(_Echo())
    base = request.build_absolute_uri("/").rstrip("/")

    def rows():
        yield "\ufeff" + writer.writerow(CSV_COLUMNS)
        services = Service.objects.select_related("office", "responsible_officer").order_by(
            "office_id", "category", "serial"
        )
        for service in services.iterator(chunk_size=500):
            officer = service.responsible_officer
            yield writer.writerow(
                [
                    service.office.key,
                    service.office.name_bn,
                    CATEGORY_NAMES[service.category],
                    service.serial,
                    service.name_bn,
                    service.delivery_method_bn,
                    service.required_papers_bn,
                    service.papers_source_bn,
                    service.fee_bn,
                    service.time_limit_bn,
                    officer.name_bn if officer else "",
                    officer.designation_bn if officer else "",
                    officer.phone if officer else "",
                    officer.email if officer else "",
                    f"{base}{service.office.get_absolute_url()}#{service.anchor}",
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="services.csv"'
    return response

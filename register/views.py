"""The public figures: an office's page and its JSON, the national page and the quarterly report.
Kept like every public page (pagecache), but for FRESH_FOR at most: a register row is recorded at
some counter of the country every few seconds, and renewing the content version for each would
throw away every kept charter page with it; a row shows here within FRESH_FOR instead (an import of
a register file renews the version at once). No mobile or name ever reaches any of them."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from charter_portal.http import not_found
from charters.models import CharterVersion
from offices.models import Office
from pagecache.decorators import public_page

from .feedback import ratings_of
from .figures import MINIMUM_ENDED, office_figures
from .national import country_figures
from .periods import PeriodError, period_of, quarter, quarter_of, recent_quarters
from .report import report_csv, report_rows

PERIOD_PARAMETERS = ("from", "to", "quarter")
FRESH_FOR = 300  # seconds; the pages say so


def _counted_at():
    """When the figures were counted, and how soon a new row shows: the pages say both."""
    return {"counted_at": timezone.localtime(), "fresh_minutes": FRESH_FOR // 60}


@public_page(query=PERIOD_PARAMETERS, fresh_for=FRESH_FOR)
def performance(request, key):
    office = Office.objects.with_area().filter(key=key).first()
    if office is None:
        return not_found(request, "offices/not_found.html", key=key)
    today = timezone.localdate()
    error = None
    try:
        first, last = period_of(request.GET, today)
    except PeriodError as problem:
        error = str(problem)
        first, last = period_of({}, today)
    figures = office_figures(office, first, last, today=today)
    context = {
        "office": office,
        "figures": figures,
        "ratings": ratings_of(office, first, last),
        "period_error": error,
        "quarters": recent_quarters(today),
        "minimum_ended": MINIMUM_ENDED,
        "version": CharterVersion.objects.current_of(office),
        **_counted_at(),
    }
    return render(request, "register/performance.html", context)


@public_page(query=PERIOD_PARAMETERS, fresh_for=FRESH_FOR)
def performance_json(request, key):
    office = Office.objects.filter(key=key).first()
    if office is None:
        return JsonResponse({"error": "no office with this key", "key": key}, status=404)
    today = timezone.localdate()
    try:
        first, last = period_of(request.GET, today)
    except PeriodError:
        return JsonResponse({"error": "from and to are dates, YYYY-MM-DD, from not after to"}, status=400)
    document = office_figures(office, first, last, today=today).as_json()
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})


@public_page(query=PERIOD_PARAMETERS, fresh_for=FRESH_FOR)
def national(request):
    """Every district's figures, by division; offices ranked only above the minimum volume."""
    today = timezone.localdate()
    try:
        first, last = period_of(request.GET, today)
        error = None
    except PeriodError as problem:
        error = str(problem)
        first, last = period_of({}, today)
    context = {
        "country": country_figures(first, last, today=today),
        "period_error": error,
        "quarters": recent_quarters(today),
        "minimum_ended": MINIMUM_ENDED,
        **_counted_at(),
    }
    return render(request, "register/national.html", context)


@public_page(query=("quarter", "format"), fresh_for=FRESH_FOR)
def quarterly_report(request):
    """The quarterly charter-implementation report: on A4, or as CSV (``format=csv``)."""
    today = timezone.localdate()
    try:
        first, last = quarter(request.GET.get("quarter") or quarter_of(today))
    except PeriodError:
        first, last = quarter(quarter_of(today))
    rows = report_rows(first, last, today=today)
    if request.GET.get("format") == "csv":
        response = HttpResponse(report_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="charter-report-{quarter_of(first)}.csv"'
        return response
    context = {
        "rows": rows,
        "first": first,
        "last": last,
        "label": quarter_of(first),
        "quarters": recent_quarters(today, 8),
    }
    return render(request, "register/report.html", context)

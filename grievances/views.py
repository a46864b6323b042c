import re
import time

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from charter_portal.bangla import bn_digits
from charter_portal.http import not_found
from offices.models import Office

from . import dashboard as dashboard_data
from . import ratelimit
from . import report as monthly
from .forms import FeedbackForm, GrievanceForm, LookupForm, ReopenForm
from .models import (
    ClientRequest,
    Feedback,
    Grievance,
    GrievanceEvent,
    Level,
    PublishedTier,
    desk_of,
    resolution_days_for,
)

# The session remembers which grievance this browser filed or looked up, for this long.
SESSION_KEY = "grievances.shown"
SESSION_SECONDS = 30 * 60
NOT_FOUND = _("এই ট্র্যাকিং নম্বর ও মোবাইল নম্বরে কোনো অভিযোগ পাওয়া যায়নি। দুটোই আবার দেখে লিখুন।")


def _remember(request, grievance):
    request.session[SESSION_KEY] = {"pk": grievance.pk, "until": time.time() + SESSION_SECONDS}


# The grievance just filed, shown once on the "received" page (a Union Digital Centre's shared
# computer must not show the next person the last filer's number): for this long at most.
FILED_KEY = "grievances.filed"
FILED_SECONDS = 5 * 60


def _filed(request, grievance):
    """After a filing: a new session (nothing from before it carries over, nothing of it is
    reachable from an old cookie), holding only the number to show once."""
    request.session.flush()
    request.session[FILED_KEY] = {"pk": grievance.pk, "until": time.time() + FILED_SECONDS}


def _just_filed(request):
    filed = request.session.pop(FILED_KEY, None)
    if not filed or filed.get("until", 0) < time.time():
        return None
    return Grievance.objects.select_related("office").filter(pk=filed["pk"]).first()


def _remembered(request):
    shown = request.session.get(SESSION_KEY)
    if not shown or shown.get("until", 0) < time.time():
        return None
    return Grievance.objects.select_related("office").filter(pk=shown["pk"]).first()


def _chain(office):
    """The tiers as the citizen should read them (the charter in force's), and whether they are
    the national standard's (the charter prints no GRS table, or there is no charter in force)."""
    days = resolution_days_for(office)
    return {
        "chain_days": [(level, days[level]) for level in Level],
        "standard_days_text": standard_days_text(),
        "uses_national_standard": not PublishedTier.objects.of_office(office).filter(printed=True).exists(),
    }


def standard_days_text():
    """The national standard's days, tier by tier, in the page's digits: "৩০, ২০ ও ৬০"."""
    numbers = [bn_digits(level.standard_days) for level in Level]
    return gettext("%(others)s ও %(last)s") % {"others": ", ".join(numbers[:-1]), "last": numbers[-1]}


_SERVICE_KEY = re.compile(r"[0-9]{1,2}-[0-9]{1,4}")


@never_cache
@require_http_methods(["GET", "POST"])
def file_grievance(request, key):
    office = Office.objects.filter(key=key).first()
    if office is None:
        return not_found(request, "offices/not_found.html", key=key)
    status = 200
    if request.method == "POST":
        form = GrievanceForm(request.POST, office=office)
        if form.is_valid():
            with transaction.atomic():
                over = ratelimit.refused(request, ClientRequest.Action.FILE, form.cleaned_data["mobile"])
                if over is None and form.is_spam:
                    # A bot filled the hidden field: nothing is stored, the answer looks ordinary.
                    return render(request, "grievances/received_generic.html", {"office": office})
                if over is None:
                    grievance = Grievance.file(office=office, **form.grievance_fields())
            if over is None:
                _filed(request, grievance)
                return redirect("grievances:received")
            form.add_error(None, ratelimit.MESSAGES[over])
            status = 429
    else:
        service = request.GET.get("service", "")
        form = GrievanceForm(office=office)
        # A published service's key ("1-3"); a malformed or unknown value is ignored.
        if _SERVICE_KEY.fullmatch(service) and service in form.fields["service"].listings:
            form.initial["service"] = service
    context = {"office": office, "form": form, **_chain(office)}
    return render(request, "grievances/file.html", context, status=status)


@never_cache
def received(request):
    """The tracking number, once: a reload, or the next person at a shared computer, is sent to
    the lookup, which asks for the number and the mobile again."""
    grievance = _just_filed(request)
    if grievance is None:
        return redirect("grievances:lookup")
    return render(request, "grievances/received.html", {"grievance": grievance, "deadline": grievance.deadline()})


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    status = 200
    if request.method == "POST":
        form = LookupForm(request.POST)
        if not ratelimit.allow(request, ClientRequest.Action.LOOKUP):
            form.add_error(None, ratelimit.MESSAGES[ClientRequest.Action.LOOKUP])
            status = 429
        elif form.is_valid():
            grievance = Grievance.objects.find(form.cleaned_data["tracking_number"], form.cleaned_data["mobile"])
            if grievance is not None:
                _remember(request, grievance)
                return redirect("grievances:status")
            form.add_error(None, NOT_FOUND)
    else:
        form = LookupForm()
    return render(request, "grievances/lookup.html", {"form": form}, status=status)


def _feedback_allowed(grievance):
    return grievance.status == Grievance.Status.RESOLVED and not Feedback.objects.filter(grievance=grievance).exists()


def _reopen_allowed(grievance):
    """Once, after a resolution; not after the citizen said the resolution satisfied them."""
    return grievance.can_be_reopened and not Feedback.objects.filter(grievance=grievance, satisfied=True).exists()


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    grievance = _remembered(request)
    if grievance is None:
        return redirect("grievances:lookup")
    reopen_form = ReopenForm()
    feedback_form = FeedbackForm()
    if request.method == "POST" and request.POST.get("form") == "feedback":
        if _feedback_allowed(grievance):
            feedback_form = FeedbackForm(request.POST)
            if feedback_form.is_valid():
                try:
                    with transaction.atomic():
                        feedback_form.save_for(grievance)
                except IntegrityError:  # rated a moment ago in another tab: once is once
                    pass
                return redirect("grievances:status")
    elif request.method == "POST" and _reopen_allowed(grievance):
        reopen_form = ReopenForm(request.POST)
        if reopen_form.is_valid():
            try:
                grievance.reopen(note=reopen_form.cleaned_data["reason"])
            except ValidationError as error:  # reopened or moved meanwhile, in another tab
                reopen_form.add_error(None, error)
            else:
                return redirect("grievances:status")
    context = {
        "grievance": grievance,
        "tier": grievance.tier(),
        "deadline": grievance.deadline(),
        "overdue": grievance.is_overdue(),
        "events": grievance.events.order_by("recorded_at", "pk"),
        "event_kinds": GrievanceEvent.Kind,
        "reopen_form": reopen_form,
        "reopen_allowed": _reopen_allowed(grievance),
        "feedback_form": feedback_form,
        "feedback_allowed": _feedback_allowed(grievance),
        "feedback": Feedback.objects.filter(grievance=grievance).first(),
        "today": timezone.localdate(),
        **_chain(grievance.office),
    }
    return render(request, "grievances/status.html", context)


def _scope(request):
    grievances, hq = dashboard_data.scope_of(request.user)
    if grievances is None:
        raise PermissionDenied  # staff who hold no desk: not the national dashboard
    return grievances, hq


@never_cache
@staff_member_required
def dashboard(request):
    """HQ's dashboard (every office) or a desk holder's (the offices whose tiers the desk holds)."""
    grievances, hq = _scope(request)
    desk = None if hq else desk_of(request.user)
    context = dashboard_data.summary(timezone.localdate(), grievances, hq=hq, desk=desk)
    return render(request, "grievances/dashboard.html", context)


@never_cache
@staff_member_required
def report(request):
    """The monthly GRS report: ``?month=YYYY-MM`` (default: last month), ``&format=csv``."""
    grievances, hq = _scope(request)
    today = timezone.localdate()
    months = monthly.recent_months(today, 13)
    chosen = monthly.parse_month(request.GET["month"]) if "month" in request.GET else None
    if "month" in request.GET and (chosen is None or chosen > months[0]):  # not YYYY-MM, or not begun
        raise BadRequest("month")
    month = chosen or months[1]  # the last whole month, unless one is asked for
    offices = None if hq else desk_of(request.user).office_ids()
    data = monthly.build(month, offices=offices, today=today)
    # Which month this is and the way to the current one: last month may be empty while this one is not.
    data["current_month"], data["chosen"] = months[0], chosen is not None
    data["empty"] = not any(figures.total for figures in data["nation"].values())
    if request.GET.get("format") == "csv":
        response = HttpResponse(monthly.as_csv(data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="grs-report-{month:%Y-%m}.csv"'
        return response
    return render(request, "grievances/report.html", {**data, "months": months, "hq": hq})

import time

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from charter_portal.http import not_found
from offices.models import Office

from . import dashboard as dashboard_data
from . import ratelimit
from .forms import GrievanceForm, LookupForm, ReopenForm
from .models import ClientRequest, Grievance, GrievanceEvent, GrievanceTier, resolution_days_for

# The session remembers which grievance this browser filed or looked up, for this long.
SESSION_KEY = "grievances.shown"
SESSION_SECONDS = 30 * 60
NOT_FOUND = _("এই ট্র্যাকিং নম্বর ও মোবাইল নম্বরে কোনো অভিযোগ পাওয়া যায়নি। দুটোই আবার দেখে লিখুন।")


def _remember(request, grievance):
    request.session[SESSION_KEY] = {"pk": grievance.pk, "until": time.time() + SESSION_SECONDS}


def _remembered(request):
    shown = request.session.get(SESSION_KEY)
    if not shown or shown.get("until", 0) < time.time():
        return None
    return Grievance.objects.select_related("office", "service").filter(pk=shown["pk"]).first()


def _chain(office):
    """The tiers as the citizen should read them, and whether they are the national standard."""
    tiers = list(GrievanceTier.objects.chain_for(office))
    days = resolution_days_for(office, tiers or None)
    return {
        "chain_days": [(level, days[level]) for level in GrievanceTier.Level],
        "uses_national_standard": not any(t.office_id == office.pk for t in tiers),
    }


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
                allowed = ratelimit.allow(request, ClientRequest.Action.FILE)
                if allowed and form.is_spam:
                    # A bot filled the hidden field: nothing is stored, the answer looks ordinary.
                    return render(request, "grievances/received_generic.html", {"office": office})
                if allowed:
                    grievance = Grievance.file(office=office, **form.grievance_fields())
            if allowed:
                _remember(request, grievance)
                return redirect("grievances:received")
            form.add_error(None, ratelimit.MESSAGES[ClientRequest.Action.FILE])
            status = 429
    else:
        service = request.GET.get("service", "")
        initial = {"service": service} if service.isdigit() and office.services.filter(pk=service).exists() else {}
        form = GrievanceForm(office=office, initial=initial)
    context = {"office": office, "form": form, **_chain(office)}
    return render(request, "grievances/file.html", context, status=status)


def received(request):
    grievance = _remembered(request)
    if grievance is None:
        return redirect("grievances:lookup")
    return render(request, "grievances/received.html", {"grievance": grievance, "deadline": grievance.deadline()})


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


@require_http_methods(["GET", "POST"])
def status(request):
    grievance = _remembered(request)
    if grievance is None:
        return redirect("grievances:lookup")
    reopen_form = ReopenForm()
    if request.method == "POST" and grievance.can_be_reopened:
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
        "today": timezone.localdate(),
        **_chain(grievance.office),
    }
    return render(request, "grievances/status.html", context)


@staff_member_required
def dashboard(request):
    return render(request, "grievances/dashboard.html", dashboard_data.summary(timezone.localdate()))

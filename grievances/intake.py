"""Desk intake: a grievance that came on paper, by phone or through the hotline, entered by the
desk that holds tier 1 of the office (or HQ) with its channel and the day it was received. It
joins the same chain as an online one (``Grievance.file``: tracking number, deadlines counted
from the day received, escalation, the citizen's SMS) and the monthly report counts it offline."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from charter_portal.bangla import ascii_digits
from offices.models import Office

from .forms import MobileField
from .models import Grievance, Level, desk_of

# How a grievance reached the desk: every channel but the online form.
OFFLINE_CHANNELS = [choice for choice in Grievance.Channel.choices if choice[0] != Grievance.Channel.ONLINE]


def intake_offices(user):
    """The offices whose grievances this account may enter: HQ every office; a desk the offices
    whose tier 1 it holds; anyone else none."""
    if user.is_active and user.is_superuser:
        return Office.objects.all()
    desk = desk_of(user)
    if desk is None:
        return Office.objects.none()
    ids = {office_id for office_id, level in desk.cells() if level == Level.first()}
    if None in ids:
        return Office.objects.all()
    return Office.objects.filter(pk__in=ids)


class IntakeForm(forms.Form):
    office = forms.ModelChoiceField(label="দপ্তর", queryset=Office.objects.none())
    channel = forms.ChoiceField(label="যেভাবে এসেছে", choices=OFFLINE_CHANNELS, initial=Grievance.Channel.PAPER)
    received_on = forms.CharField(label="যেদিন পাওয়া গেছে", help_text="যেমন ০৬/১২/২০২৬", max_length=10)
    service_name = forms.CharField(label="যে সেবা নিয়ে অভিযোগ (ঐচ্ছিক)", required=False, max_length=300)
    name = forms.CharField(label="অভিযোগকারীর নাম", max_length=100)
    mobile = MobileField(label="মোবাইল নম্বর")
    description = forms.CharField(label="কী ঘটেছে", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    desired_outcome = forms.CharField(label="কী প্রতিকার চান", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices.order_by("key")
        if not self.is_bound:
            self.initial["received_on"] = timezone.localdate().strftime("%d/%m/%Y")

    def clean_received_on(self):
        text = ascii_digits(self.cleaned_data["received_on"]).strip()
        try:
            day = datetime.datetime.strptime(text, "%d/%m/%Y").date()
        except ValueError:
            raise forms.ValidationError("তারিখ দিন/মাস/বছর আকারে লিখুন, যেমন ০৬/১২/২০২৬।") from None
        if day > timezone.localdate():
            raise forms.ValidationError("যেদিন পাওয়া গেছে তা আজকের পরে হতে পারে না।")
        return day


def intake_view(model_admin, request):
    """The desk's form for a grievance received offline; on saving, its page in the admin."""
    offices = intake_offices(request.user)
    if not offices.exists():
        raise PermissionDenied
    form = IntakeForm(request.POST or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        received_on = data["received_on"]
        noon = timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(12)))
        grievance = Grievance.file(
            office=data["office"],
            channel=data["channel"],
            service_name=data["service_name"],
            name=data["name"],
            mobile=data["mobile"],
            description=data["description"],
            desired_outcome=data["desired_outcome"],
            tier_since=received_on,  # the deadline counts from the day the desk received it
            filed_at=noon if received_on != timezone.localdate() else timezone.now(),
        )
        messages.success(request, f"অভিযোগ গৃহীত হয়েছে: {grievance.tracking_number}")
        return HttpResponseRedirect(reverse("admin:grievances_grievance_change", args=[grievance.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "দপ্তরে পাওয়া অভিযোগ লিপিবদ্ধ করুন",
        "form": form,
    }
    return TemplateResponse(request, "admin/grievances/intake.html", context)

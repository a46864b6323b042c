"""What the citizen hears, when they gave a mobile: an SMS receipt (the service, the date it is
due) and, when the request ends, one short feedback link. Written to the grievances' outbox in
the request's own transaction; ``manage.py send_notifications`` sends them."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from charter_portal.bangla import bengali_digits
from grievances.models import Notification
from grievances.notifications import short_url
from grievances.workdays import WorkingCalendar

from . import ontime

# An SMS's service name is cut to keep the message to a few segments.
NAME_LENGTH = 40


def _name(service_request):
    name = service_request.service_name
    return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…"


def _sms(service_request, kind, text):
    Notification.objects.create(
        kind=kind, channel=Notification.Channel.SMS, recipient=service_request.mobile, body=text
    )


def received(service_request, calendar=None):
    if not service_request.mobile:
        return
    due_on = ontime.deadline(
        service_request.received_on,
        service_request.promise_kind,
        service_request.promise_days,
        calendar or WorkingCalendar(),
    )
    with translation.override(settings.LANGUAGE_CODE):
        if due_on is None:
            text = gettext("%(office)s: আপনার আবেদন গৃহীত (%(service)s)।")
        else:
            text = gettext("%(office)s: আপনার আবেদন গৃহীত (%(service)s)। সেবা পাবেন %(date)s-এর মধ্যে।")
        text %= {
            "office": service_request.office.name_bn or service_request.office.name,
            "service": _name(service_request),
            "date": bengali_digits(f"{due_on:%d/%m/%Y}") if due_on else "",
        }
    _sms(service_request, Notification.Kind.RECEIPT, text)


def ended(service_request):
    if not service_request.mobile:
        return
    path = reverse("register:feedback", kwargs={"token": service_request.feedback_token})
    with translation.override(settings.LANGUAGE_CODE):
        text = gettext("আপনার আবেদন (%(service)s) নিষ্পত্তি হয়েছে। সময়মতো পেয়েছেন কি? মতামত দিন: %(url)s") % {
            "service": _name(service_request),
            "url": short_url(path),
        }
    _sms(service_request, Notification.Kind.FEEDBACK, text)

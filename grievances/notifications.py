"""E-mail about grievances: the tracking number to the citizen, new work to whoever holds it.

Every message is sent after the change it reports has been committed (the models call these
through ``transaction.on_commit``). A mail server that is down is logged, never shown to the
citizen as an error: the grievance is already safely stored.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import GrievanceDesk

logger = logging.getLogger(__name__)


def absolute(path):
    return settings.PORTAL_URL.rstrip("/") + path


def _send(template, context, recipients):
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"grievances/email/{template}_subject.txt", context).split())
        body = render_to_string(f"grievances/email/{template}.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # the change is committed; a mail failure must not undo or hide it
        logger.exception("Could not send %s for grievance %s", template, context["grievance"])


def _context(grievance):
    return {
        "grievance": grievance,
        "deadline": grievance.deadline(),
        "tier": grievance.tier(),
        "last_event": grievance.events.order_by("recorded_at", "pk").last(),
        "status_url": absolute(reverse("grievances:lookup")),
        "admin_url": absolute(reverse("admin:grievances_grievance_change", args=[grievance.pk])),
    }


def holders_addresses(grievance):
    desks = GrievanceDesk.objects.holding(grievance.office_id, grievance.level).exclude(user__email="")
    return sorted(set(desks.values_list("user__email", flat=True)))


def grievance_filed(grievance):
    context = _context(grievance)
    _send("filed", context, [grievance.email])
    _send("holder", context, holders_addresses(grievance))


def tell_holders(grievance):
    _send("holder", _context(grievance), holders_addresses(grievance))


def tell_citizen(grievance):
    _send("status", _context(grievance), [grievance.email])

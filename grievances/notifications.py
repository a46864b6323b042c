"""Every notice about a grievance, written to the outbox (``Notification`` rows) in the
grievance's own transaction; ``manage.py send_notifications`` sends them after the commit.

The citizen gets an SMS on the mobile number they gave (always) and an e-mail (when they gave
an address): the tracking number on filing, each move to another tier or office, the reply.
Whoever holds the grievance's tier gets an e-mail; when no one holds it, HQ does, at once.
SMS and e-mail stay Bengali (the citizen's language is not stored) and an SMS is kept to as few
segments as it can (``grievances.sms.segments``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from charter_portal.bangla import bengali_digits

from .models import GrievanceDesk, Notification


def absolute(path):
    return settings.PORTAL_URL.rstrip("/") + path


def short_url(path):
    """A link without its scheme, for an SMS (every character counts)."""
    url = absolute(path)
    parts = urlsplit(url)
    return (parts.netloc + parts.path) if parts.netloc else url


def _context(grievance):
    return {
        "grievance": grievance,
        "deadline": grievance.deadline(),
        "tier": grievance.tier(),
        "last_event": grievance.events.order_by("recorded_at", "pk").last(),
        "status_url": absolute(reverse("grievances:lookup")),
        "admin_url": absolute(reverse("admin:grievances_grievance_change", args=[grievance.pk])),
    }


def _email(grievance, kind, template, context, recipients):
    rows = []
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"grievances/email/{template}_subject.txt", context).split())
        body = render_to_string(f"grievances/email/{template}.txt", context)
    for address in sorted({address for address in recipients if address}):
        rows.append(
            Notification(
                grievance=grievance,
                kind=kind,
                channel=Notification.Channel.EMAIL,
                recipient=address,
                subject=subject[:300],
                body=body,
            )
        )
    _queue(Notification.objects.bulk_create(rows))


def _sms(grievance, kind, text):
    _queue(
        [
            Notification.objects.create(
                grievance=grievance, kind=kind, channel=Notification.Channel.SMS, recipient=grievance.mobile, body=text
            )
        ]
    )


def _queue(rows):
    """The task worker sends them once this change commits (grievances.tasks)."""
    from .tasks import send_notices

    if rows:
        send_notices.enqueue([row.pk for row in rows])


def _date(day):
    return bengali_digits(f"{day:%d/%m/%Y}")


def sms_text(grievance, kind):
    """The Bengali SMS for ``kind``: short, the tracking number always in it."""
    number = grievance.tracking_number
    with translation.override(settings.LANGUAGE_CODE):
        if kind == Notification.Kind.FILED:
            return gettext("অভিযোগ গৃহীত, নম্বর %(number)s। অবস্থা: %(url)s") % {
                "number": number,
                "url": short_url(reverse("grievances:lookup")),
            }
        if kind == Notification.Kind.ESCALATED:
            return gettext("অভিযোগ %(number)s এখন %(level)s-এর কাছে। সময়সীমা %(date)s।") % {
                "number": number,
                "level": grievance.get_level_display(),
                "date": _date(grievance.deadline()),
            }
        if kind == Notification.Kind.FORWARDED:
            return gettext("অভিযোগ %(number)s সঠিক দপ্তরে গেছে: %(office)s। সময়সীমা %(date)s।") % {
                "number": number,
                "office": grievance.office.name_bn or grievance.office.name,
                "date": _date(grievance.deadline()),
            }
        return gettext("অভিযোগ %(number)s নিষ্পত্তি হয়েছে। বিবরণ ও মতামত: %(url)s") % {
            "number": number,
            "url": short_url(reverse("grievances:lookup")),
        }


def holders_addresses(grievance):
    desks = GrievanceDesk.objects.holding(grievance.office_id, grievance.level).exclude(user__email="")
    return sorted(set(desks.values_list("user__email", flat=True)))


def hq_addresses():
    users = get_user_model().objects.filter(is_active=True, is_superuser=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)) | set(settings.GRIEVANCES_HQ_EMAILS))


def _tell_holders(grievance, context):
    """The holder of the grievance's tier; HQ at once when there is none (the unassigned list)."""
    holders = holders_addresses(grievance)
    if GrievanceDesk.objects.holding(grievance.office_id, grievance.level).exists():
        _email(grievance, Notification.Kind.HOLDER, "holder", context, holders)
    else:
        _email(grievance, Notification.Kind.UNASSIGNED, "unassigned", context, hq_addresses())


def filed(grievance):
    context = _context(grievance)
    _sms(grievance, Notification.Kind.FILED, sms_text(grievance, Notification.Kind.FILED))
    _email(grievance, Notification.Kind.FILED, "filed", context, [grievance.email])
    _tell_holders(grievance, context)


def reached_tier(grievance, escalated=False):
    """Escalated or reopened: the citizen is told where it is now, the new holder (or HQ) that it came."""
    context = _context(grievance)
    if escalated:
        _sms(grievance, Notification.Kind.ESCALATED, sms_text(grievance, Notification.Kind.ESCALATED))
        _email(grievance, Notification.Kind.ESCALATED, "status", context, [grievance.email])
    _tell_holders(grievance, context)


def forwarded(grievance):
    context = _context(grievance)
    _sms(grievance, Notification.Kind.FORWARDED, sms_text(grievance, Notification.Kind.FORWARDED))
    _email(grievance, Notification.Kind.FORWARDED, "status", context, [grievance.email])
    _tell_holders(grievance, context)


def replied(grievance):
    context = _context(grievance)
    _sms(grievance, Notification.Kind.REPLY, sms_text(grievance, Notification.Kind.REPLY))
    _email(grievance, Notification.Kind.REPLY, "status", context, [grievance.email])

"""Sending the outbox: each due Notification is claimed, sent with a timeout, and marked sent, or
put back with a longer wait, or given up after ``MAX_ATTEMPTS``.

A row is claimed by moving its next attempt a lease ahead with a conditional UPDATE, so two
workers never send the same row at once, and a worker killed mid-send leaves the row to be
tried again when the lease ends. Nothing here runs inside a request.
"""

import datetime
import logging

from django.core.mail import EmailMessage, get_connection
from django.db.models import F
from django.utils import timezone

from .models import Notification
from .models.outbox import MAX_ATTEMPTS, backoff
from .sms import get_backend

logger = logging.getLogger(__name__)

# Longer than a send can take (the SMS and SMTP timeouts), so a claimed row is not claimed twice.
LEASE = datetime.timedelta(minutes=5)


def _claim(row, now):
    claimed = Notification.objects.filter(pk=row.pk, next_attempt_at=row.next_attempt_at, sent_at=None).update(
        next_attempt_at=now + LEASE, attempts=F("attempts") + 1
    )
    return bool(claimed)


def _deliver(row, sms_backend, connection):
    if row.channel == Notification.Channel.SMS:
        sms_backend.send(row.recipient, row.body)
    else:
        EmailMessage(row.subject, row.body, None, [row.recipient], connection=connection).send()


def send_due(now=None, limit=100):
    """Send up to ``limit`` due notices; returns ``(sent, failed, given_up)``."""
    now = now or timezone.now()
    sent = failed = given_up = 0
    sms_backend = get_backend()
    connection = get_connection(fail_silently=False)  # EMAIL_TIMEOUT bounds each SMTP call
    for row in list(Notification.objects.due(now).order_by("next_attempt_at", "pk")[:limit]):
        if not _claim(row, now):
            continue
        row.refresh_from_db()
        try:
            _deliver(row, sms_backend, connection)
        except Exception as exc:  # any failure: keep the row, try again later
            logger.warning("Notification %s to %s failed (attempt %s): %s", row.pk, row.recipient, row.attempts, exc)
            fields = {"last_error": f"{type(exc).__name__}: {exc}"[:2000]}
            if row.attempts >= MAX_ATTEMPTS:
                fields["gave_up_at"] = timezone.now()
                given_up += 1
            else:
                fields["next_attempt_at"] = timezone.now() + backoff(row.attempts)
                failed += 1
            Notification.objects.filter(pk=row.pk).update(**fields)
        else:
            Notification.objects.filter(pk=row.pk).update(sent_at=timezone.now(), last_error="")
            sent += 1
    try:
        connection.close()
    except Exception:  # a connection that never opened, or a server gone away
        pass
    return sent, failed, given_up

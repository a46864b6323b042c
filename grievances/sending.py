"""Sending the outbox: each due Notification is claimed, sent within a deadline, and marked sent,
or put back with a longer wait, or given up after ``MAX_ATTEMPTS``.

A row is claimed by moving its next attempt a lease ahead with a conditional UPDATE, so two
senders never send the same row at once, and a sender killed mid-send leaves the row to be tried
again when the lease ends. The lease runs from the claim (not the round's start: a row claimed
late in a long round would otherwise carry a lease already over) and is twice the whole-send
deadline (``grievances.deadline``), so no send outlives its claim. Nothing here runs inside a request.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone

from . import deadline
from .models import Notification
from .models.outbox import MAX_ATTEMPTS, backoff
from .sms import get_backend

logger = logging.getLogger(__name__)


def send_deadline():
    """Seconds one send may take in all, however its gateway answers."""
    return float(settings.NOTIFICATION_SEND_DEADLINE)


def lease():
    return datetime.timedelta(seconds=2 * send_deadline())


def _claim(row, claimed_at):
    return bool(
        Notification.objects.filter(
            pk=row.pk, next_attempt_at=row.next_attempt_at, sent_at=None, gave_up_at=None
        ).update(next_attempt_at=claimed_at + lease(), attempts=F("attempts") + 1)
    )


def _deliver(row, sms_backend):
    with deadline.within(send_deadline()):
        if row.channel == Notification.Channel.SMS:
            sms_backend.send(row.recipient, row.body)
        else:
            # A connection of its own for each message, opened under this send's deadline.
            EmailMessage(row.subject, row.body, None, [row.recipient]).send()


def send_due(now=None, limit=100, pks=None):
    """Send up to ``limit`` due notices (only those of ``pks`` when given: a task's own); returns
    ``(sent, failed, given_up)``. ``now`` moves the clock (a test runs the round a day later);
    every time is read when it is used."""
    shift = (now - timezone.now()) if now else datetime.timedelta(0)

    def clock():
        return timezone.now() + shift

    sent = failed = given_up = 0
    sms_backend = get_backend()
    due = Notification.objects.due(clock())
    if pks is not None:
        due = due.filter(pk__in=pks)
    for row in list(due.order_by("next_attempt_at", "pk")[:limit]):
        if not _claim(row, clock()):
            continue  # another sender has it
        row.refresh_from_db()
        try:
            _deliver(row, sms_backend)
        except Exception as exc:  # any failure: keep the row, try again later
            logger.warning("Notification %s to %s failed (attempt %s): %s", row.pk, row.recipient, row.attempts, exc)
            fields = {"last_error": f"{type(exc).__name__}: {exc}"[:2000]}
            if row.attempts >= MAX_ATTEMPTS:
                fields["gave_up_at"] = clock()
                given_up += 1
            else:
                fields["next_attempt_at"] = clock() + backoff(row.attempts)
                failed += 1
            Notification.objects.filter(pk=row.pk).update(**fields)
        else:
            Notification.objects.filter(pk=row.pk).update(sent_at=clock(), last_error="")
            sent += 1
    return sent, failed, given_up

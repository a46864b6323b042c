"""The outbox: every SMS and e-mail about a grievance is a row, written in the grievance's own
transaction and sent after the commit by ``manage.py send_notifications``, with timeouts, retries
and back-off. A send that fails never fails the filing; a notice that keeps failing is given up
after ``MAX_ATTEMPTS`` and listed on HQ's dashboard.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone

MAX_ATTEMPTS = 8


def backoff(attempts):
    """The wait after the ``attempts``-th failure: 1, 2, 4 … minutes, at most 6 hours."""
    return datetime.timedelta(minutes=min(2 ** (attempts - 1), 6 * 60))


class NotificationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True, gave_up_at__isnull=True)

    def due(self, now=None):
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())

    def given_up(self):
        return self.filter(gave_up_at__isnull=False)


class Notification(models.Model):
    class Channel(models.TextChoices):
        SMS = "sms", "এসএমএস"
        EMAIL = "email", "ই-মেইল"

    class Kind(models.TextChoices):
        FILED = "filed", "ট্র্যাকিং নম্বর"
        HOLDER = "holder", "নতুন অভিযোগ (দায়িত্বপ্রাপ্ত কর্মকর্তার কাছে)"
        ESCALATED = "escalated", "পরবর্তী স্তরে গেছে"
        REPLY = "reply", "নিষ্পত্তির উত্তর"
        FORWARDED = "forwarded", "অন্য দপ্তরে পাঠানো"
        UNASSIGNED = "unassigned", "দায়িত্বপ্রাপ্ত কেউ নেই (প্রধান কার্যালয়কে)"
        # A service request in the register (register.notices): its receipt, and the feedback link.
        RECEIPT = "receipt", "সেবার আবেদনের রসিদ"
        FEEDBACK = "feedback", "সেবা সম্পর্কে মতামতের লিংক"

    grievance = models.ForeignKey(
        "grievances.Grievance",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name="অভিযোগ",
    )
    kind = models.CharField("বিষয়", max_length=12, choices=Kind.choices)
    channel = models.CharField("মাধ্যম", max_length=5, choices=Channel.choices)
    recipient = models.CharField("প্রাপক", max_length=254)
    subject = models.CharField("শিরোনাম (ই-মেইল)", max_length=300, blank=True)
    body = models.TextField("বার্তা")
    created_at = models.DateTimeField("তৈরি", default=timezone.now)
    attempts = models.PositiveSmallIntegerField("চেষ্টা", default=0)
    next_attempt_at = models.DateTimeField("পরবর্তী চেষ্টা", default=timezone.now)
    sent_at = models.DateTimeField("পাঠানো হয়েছে", null=True, blank=True)
    gave_up_at = models.DateTimeField("পাঠানো বাদ দেওয়া হয়েছে", null=True, blank=True)
    last_error = models.TextField("শেষ ত্রুটি", blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "বার্তা (আউটবক্স)"
        verbose_name_plural = "বার্তা (আউটবক্স)"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True, gave_up_at__isnull=True),
                name="notification_pending_idx",
            )
        ]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient}: {self.get_kind_display()}"

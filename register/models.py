"""The service register: each request an office receives for a service of its charter in force,
and how it ended. The counts a public page shows are made from these rows (register.figures);
the citizen's mobile never leaves the office's own admin."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grievances.identifiers import validate_mobile
from services.models import PromisedService
from services.promises import COUNTED, Promise, PromiseKind


class Channel(models.TextChoices):
    COUNTER = "counter", _("কাউন্টার")
    PHONE = "phone", _("ফোন")
    EMAIL = "email", _("ই-মেইল")
    WEB = "web", _("ওয়েব")
    LETTER = "letter", _("পত্র")


class Outcome(models.TextChoices):
    PENDING = "", _("চলমান")
    DELIVERED = "delivered", _("সেবা প্রদান করা হয়েছে")
    REFUSED = "refused", _("সেবা প্রদান করা যায়নি")
    WITHDRAWN = "withdrawn", _("আবেদন প্রত্যাহার")


# A request ends when it is delivered or refused; a withdrawn one counts as received only.
ENDED = (Outcome.DELIVERED, Outcome.REFUSED)


class ServiceRequestQuerySet(models.QuerySet):
    def of_office(self, office):
        return self.filter(office=office)

    def received_between(self, first, last):
        return self.filter(received_on__gte=first, received_on__lte=last)

    def pending(self):
        return self.filter(outcome=Outcome.PENDING)


def new_feedback_token():
    return secrets.token_urlsafe(12)


class ServiceRequest(models.Model):
    """One citizen's request for one service: received when and how, ended how and when, and the
    promise of the charter in force on the day of receipt, copied onto the row so a later
    charter never changes whether it was on time."""

    office = models.ForeignKey("offices.Office", models.PROTECT, related_name="service_requests", verbose_name="দপ্তর")
    # The published service by its stable key, and its name when received.
    category = models.PositiveSmallIntegerField("সেবার ধরন", choices=PromisedService.Category.choices)
    serial = models.PositiveSmallIntegerField("সেবার ক্রমিক নং")
    service_name = models.TextField("সেবার নাম")
    received_on = models.DateField("আবেদন গ্রহণের তারিখ", db_index=True)
    channel = models.CharField("মাধ্যম", max_length=8, choices=Channel.choices, default=Channel.COUNTER)
    mobile = models.CharField("নাগরিকের মোবাইল (ঐচ্ছিক)", max_length=11, blank=True, validators=[validate_mobile])
    outcome = models.CharField("ফলাফল", max_length=10, choices=Outcome.choices, blank=True, default=Outcome.PENDING)
    refusal_reason = models.TextField("সেবা না দেওয়ার কারণ", blank=True)
    ended_on = models.DateField("নিষ্পত্তির তারিখ", null=True, blank=True)
    promise_kind = models.CharField("প্রতিশ্রুত সময়ের ধরন", max_length=16, choices=PromiseKind.choices)
    promise_days = models.PositiveSmallIntegerField("প্রতিশ্রুত দিন", null=True, blank=True)
    feedback_token = models.CharField(max_length=24, unique=True, default=new_feedback_token, editable=False)
    recorded_at = models.DateTimeField("লিপিবদ্ধের সময়", default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    objects = ServiceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "সেবার আবেদন"
        verbose_name_plural = "সেবা রেজিস্টার"
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["office", "received_on"], name="request_office_received_idx"),
            models.Index(fields=["office", "outcome", "received_on"], name="request_office_open_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="request_ends_with_a_date",
                # A withdrawn request may or may not say when it was withdrawn.
                condition=(Q(outcome="") & Q(ended_on__isnull=True))
                | Q(outcome="withdrawn")
                | (Q(outcome__in=["delivered", "refused"]) & Q(ended_on__isnull=False)),
                violation_error_message="নিষ্পত্তির তারিখ ও ফলাফল দুটোই দিন (চলমান আবেদনে দুটোই খালি)।",
            ),
            models.CheckConstraint(
                name="request_ends_after_receipt",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("received_on")),
                violation_error_message="নিষ্পত্তির তারিখ আবেদন গ্রহণের তারিখের আগে হতে পারে না।",
            ),
        ]

    def __str__(self):
        return f"{self.service_name[:60]} ({self.received_on:%Y-%m-%d})"

    @property
    def promise(self):
        return Promise.of(self.promise_kind, self.promise_days)

    @property
    def is_ended(self):
        return self.outcome in ENDED

    def clean(self):
        errors = {}
        if self.outcome in ENDED and not self.ended_on:
            errors["ended_on"] = "নিষ্পত্তির তারিখ দিন।"
        if not self.outcome and self.ended_on:
            errors["outcome"] = "নিষ্পত্তির তারিখ দিলে ফলাফলও দিন।"
        if self.ended_on and self.received_on and self.ended_on < self.received_on:
            errors["ended_on"] = "নিষ্পত্তির তারিখ আবেদন গ্রহণের তারিখের আগে হতে পারে না।"
        if self.received_on and self.received_on > timezone.localdate():
            errors["received_on"] = "আবেদন গ্রহণের তারিখ আজকের পরে হতে পারে না।"
        if self.ended_on and self.ended_on > timezone.localdate():
            errors["ended_on"] = "নিষ্পত্তির তারিখ আজকের পরে হতে পারে না।"
        if self.promise_kind in COUNTED and not self.promise_days:
            errors["promise_days"] = "প্রতিশ্রুত দিনের সংখ্যা নেই।"
        if errors:
            raise ValidationError(errors)


class RequestFeedback(models.Model):
    """The citizen's short answer after a request ended: on time, money asked beyond the
    charter's fee, satisfied. Once per request, through the link in the SMS."""

    request = models.OneToOneField(ServiceRequest, models.CASCADE, related_name="feedback", verbose_name="আবেদন")
    on_time = models.BooleanField(_("সেবা কি সময়মতো পেয়েছেন?"))
    extra_money = models.BooleanField(_("চার্টারে লেখা মূল্যের বেশি টাকা কি চাওয়া হয়েছে?"))
    satisfied = models.BooleanField(_("আপনি কি সন্তুষ্ট?"))
    at = models.DateTimeField("সময়", default=timezone.now)

    class Meta:
        verbose_name = "সেবা সম্পর্কে নাগরিকের মতামত"
        verbose_name_plural = "সেবা সম্পর্কে নাগরিকের মতামত"

    def __str__(self):
        return f"{self.request}: {'সন্তুষ্ট' if self.satisfied else 'অসন্তুষ্ট'}"

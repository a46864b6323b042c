"""A grievance's history: one GrievanceEvent for each change of its status, tier or office."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import bengali_date

from .tiers import Level


class Status(models.TextChoices):
    RECEIVED = "received", _("গৃহীত, ব্যবস্থা গ্রহণের অপেক্ষায়")
    IN_PROGRESS = "in_progress", _("ব্যবস্থা গ্রহণ চলছে")
    RESOLVED = "resolved", _("নিষ্পত্তি হয়েছে")


class GrievanceEventQuerySet(models.QuerySet):
    def arrivals(self, office_id, level):
        """The events that brought a grievance to ``office_id``'s tier ``level``, first first."""
        return self.filter(office=office_id, to_level=level, days__isnull=False).order_by("recorded_at", "pk")


class GrievanceEvent(models.Model):
    """One change of a grievance's status, tier or office: the history HQ reads in full, the citizen in short."""

    class Kind(models.TextChoices):
        # The citizen's status page lists these.
        FILED = "filed", _("অভিযোগ দাখিল হয়েছে")
        ACTION = "action", _("ব্যবস্থা গ্রহণ করা হয়েছে")
        RESOLVED = "resolved", _("নিষ্পত্তি হয়েছে")
        ESCALATED = "escalated", _("সময়সীমা পার হওয়ায় পরবর্তী স্তরে গেছে")
        REOPENED = "reopened", _("নাগরিক পুনরায় খুলেছেন; পরবর্তী স্তরে গেছে")
        FORWARDED = "forwarded", _("সঠিক দপ্তরে পাঠানো হয়েছে")

    class Role(models.TextChoices):
        CITIZEN = "citizen", "নাগরিক"
        OFFICER = "officer", "কর্মকর্তা"
        SYSTEM = "system", "স্বয়ংক্রিয় (সিস্টেম)"

    grievance = models.ForeignKey("grievances.Grievance", models.CASCADE, related_name="events", verbose_name="অভিযোগ")
    kind = models.CharField("ঘটনা", max_length=20, choices=Kind.choices)
    on = models.DateField("দিন", help_text="যে দিন থেকে পরিবর্তনটি গণ্য")
    recorded_at = models.DateTimeField("লিপিবদ্ধ হওয়ার সময়", default=timezone.now)
    role = models.CharField("কে করেছেন", max_length=10, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ব্যবহারকারী",
    )
    from_status = models.CharField("আগের অবস্থা", max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField("নতুন অবস্থা", max_length=20, choices=Status.choices)
    from_level = models.PositiveSmallIntegerField("আগের স্তর", choices=Level.choices, null=True, blank=True)
    to_level = models.PositiveSmallIntegerField("নতুন স্তর", choices=Level.choices)
    from_office = models.ForeignKey(
        "offices.Office", models.PROTECT, null=True, blank=True, related_name="+", verbose_name="আগের দপ্তর"
    )
    office = models.ForeignKey(
        "offices.Office", models.PROTECT, null=True, blank=True, related_name="+", verbose_name="দপ্তর"
    )
    days = models.PositiveSmallIntegerField(
        "নতুন স্তরের সময়সীমা (কার্যদিবস)", null=True, blank=True, help_text="স্তরে পৌঁছানোর ঘটনায়"
    )
    note = models.TextField("অভ্যন্তরীণ মন্তব্য", blank=True)

    objects = GrievanceEventQuerySet.as_manager()

    class Meta:
        verbose_name = "অভিযোগের ইতিহাস"
        verbose_name_plural = "অভিযোগের ইতিহাস"
        ordering = ["grievance", "recorded_at", "pk"]

    def __str__(self):
        return f"{self.grievance}: {self.get_kind_display()} ({bengali_date(self.on)})"

    @property
    def actor(self):
        return self.user or self.get_role_display()

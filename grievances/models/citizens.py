"""What citizens leave behind besides their grievance: the rate limit's count and their feedback."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .grievance import Grievance


class ClientRequest(models.Model):
    """A submission or a status lookup by one client (its address, hashed), or a filing by one
    mobile number (hashed): the rate limit's count.

    Kept in the database, so the limit holds across every gunicorn worker. Rows older than a day
    are removed by the daily escalation run.
    """

    class Action(models.TextChoices):
        FILE = "file", "অভিযোগ দাখিল"
        FILE_BY_MOBILE = "file_mobile", "একই মোবাইল নম্বরে অভিযোগ দাখিল"
        LOOKUP = "lookup", "অবস্থা জানা"

    action = models.CharField(max_length=12, choices=Action.choices)
    client = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["action", "client", "at"], name="client_request_idx")]

    def __str__(self):
        return f"{self.action} {self.client[:8]} {self.at:%Y-%m-%d %H:%M}"


RATINGS = range(1, 6)


class Feedback(models.Model):
    """The citizen's word on a resolution: once per grievance, from the status page."""

    grievance = models.OneToOneField(Grievance, models.CASCADE, related_name="feedback", verbose_name="অভিযোগ")
    satisfied = models.BooleanField(_("আপনি কি নিষ্পত্তিতে সন্তুষ্ট?"))
    rating = models.PositiveSmallIntegerField(
        _("মান (১ থেকে ৫)"), validators=[MinValueValidator(min(RATINGS)), MaxValueValidator(max(RATINGS))]
    )
    comment = models.TextField(_("মন্তব্য (ঐচ্ছিক)"), blank=True, max_length=2000)
    at = models.DateTimeField("সময়", default=timezone.now)
    level = models.PositiveSmallIntegerField("যে স্তরে নিষ্পত্তি", choices=Grievance._meta.get_field("level").choices)
    office = models.ForeignKey("offices.Office", models.PROTECT, related_name="+", verbose_name="দপ্তর")

    class Meta:
        verbose_name = "নাগরিকের মতামত"
        verbose_name_plural = "নাগরিকের মতামত"
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(
                name="feedback_rating_1_to_5",
                condition=Q(rating__gte=min(RATINGS), rating__lte=max(RATINGS)),
                violation_error_message="মান ১ থেকে ৫।",
            ),
        ]

    def __str__(self):
        return f"{self.grievance}: {self.rating}"

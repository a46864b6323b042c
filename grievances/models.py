"""The grievance redress chain (GRS) an office's charter promises."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class GrievanceTierQuerySet(models.QuerySet):
    def national(self):
        return self.filter(office__isnull=True)

    def chain_for(self, office, office_tiers=None):
        """The office's own tiers followed by the national cell; empty if it has none.

        A charter that prints no GRS table (Kachua's, Natore's) gets none here,
        rather than a chain invented for it.
        """
        own = list(office_tiers if office_tiers is not None else self.filter(office=office))
        if not own:
            return []
        return own + list(self.national().select_related("contact_officer__office"))


class GrievanceTier(models.Model):
    class Level(models.IntegerChoices):
        REDRESS_OFFICER = 1, "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)"
        APPEAL_OFFICER = 2, "আপিল কর্মকর্তা"
        CABINET_CELL = 3, "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল"

    office = models.ForeignKey(
        "offices.Office", models.CASCADE, null=True, blank=True, related_name="grievance_tiers",
        verbose_name="দপ্তর", help_text="মন্ত্রিপরিষদ বিভাগের সেল (৩য় স্তর) সারা দেশের জন্য একটিই: দপ্তর ফাঁকা",
    )
    level = models.PositiveSmallIntegerField("স্তর", choices=Level.choices)
    when_to_contact = models.CharField("কখন যোগাযোগ করবেন", max_length=300)
    contact_title = models.CharField("কার সঙ্গে যোগাযোগ করবেন", max_length=200)
    contact_officer = models.ForeignKey(
        "offices.Officer", models.PROTECT, null=True, blank=True, related_name="grievance_tiers",
        verbose_name="যোগাযোগের কর্মকর্তা",
    )
    contact_text = models.TextField(
        "যোগাযোগের ঠিকানা", blank=True, help_text="কর্মকর্তা নির্বাচন না করলে পুরো ঠিকানা এখানে লিখুন",
    )
    resolution_days = models.PositiveSmallIntegerField("নিষ্পত্তির সময়সীমা (কার্যদিবস)")

    objects = GrievanceTierQuerySet.as_manager()

    class Meta:
        verbose_name = "অভিযোগ প্রতিকারের স্তর"
        verbose_name_plural = "অভিযোগ প্রতিকারের স্তরসমূহ"
        ordering = ["office", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "level"], name="one_tier_per_level",
                violation_error_message="এই দপ্তরের এই স্তর আগেই আছে।",
            ),
            models.UniqueConstraint(
                fields=["level"], condition=Q(office__isnull=True), name="one_national_cell",
                violation_error_message="জাতীয় অভিযোগ ব্যবস্থাপনা সেল একটিই থাকতে পারে।",
            ),
            models.CheckConstraint(
                name="cabinet_cell_is_national",
                condition=Q(level=3, office__isnull=True) | (~Q(level=3) & Q(office__isnull=False)),
                violation_error_message="৩য় স্তর (মন্ত্রিপরিষদ বিভাগের সেল) সারা দেশের জন্য একটি; "
                                        "দপ্তরের নিজের স্তর কেবল ১ ও ২।",
            ),
            models.CheckConstraint(
                name="resolution_days_positive", condition=Q(resolution_days__gte=1),
                violation_error_message="নিষ্পত্তির সময়সীমা অন্তত ১ কার্যদিবস।",
            ),
        ]

    def __str__(self):
        where = self.office or "সারা দেশ"
        return f"{where}: {self.get_level_display()}"

    def clean(self):
        if not (self.contact_officer_id or self.contact_text.strip()):
            raise ValidationError("যোগাযোগের কর্মকর্তা নির্বাচন করুন অথবা ঠিকানা লিখুন।")
        if self.contact_officer_id and self.office_id:
            allowed = {self.office_id, *(o.pk for o in self.office.ancestors())}
            if self.contact_officer.office_id not in allowed:
                raise ValidationError(
                    {"contact_officer": "কর্মকর্তা এই দপ্তরের বা এর ঊর্ধ্বতন কোনো দপ্তরের হতে হবে।"}
                )

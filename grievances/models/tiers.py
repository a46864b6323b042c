"""The grievance redress chain (GRS) as an office's draft has it, the national cell, and the
chain's rule.

Tier 1 is the office's grievance redress officer (অনিক), tier 2 the appeal officer, tier 3 the
Cabinet Division's national cell. The working days of each tier are the GRS guideline's national
standard (``Level.standard_days``): HQ's to set, bounded by that standard; an office's staff edit
only who holds a tier and how to reach them, in their draft, which routes nothing until it is
published (``grievances.models.published``). A grievance keeps the days its tier had the day it
got there (``Grievance.days_at_tier``), so no later edit moves a running deadline.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from charter_portal import limits
from charter_portal.bangla import bengali_date
from charter_portal.translated import EnglishTracked


class GrievanceTierQuerySet(models.QuerySet):
    def national(self):
        return self.filter(office__isnull=True)

    def of_office(self, office):
        """The tiers of this office: its own (1 and 2) and the national cell; one query."""
        office_id = getattr(office, "pk", office)
        return self.filter(Q(office=office_id) | Q(office__isnull=True))

    def chain_for(self, office, office_tiers=None, national_tiers=None):
        """The office's own tiers followed by the national cell; empty if it has none.

        A charter that prints no GRS table (Kachua's, Natore's) gets none here,
        rather than a chain invented for it. Callers that already hold the tiers pass them.
        """
        if office_tiers is None and national_tiers is None:
            tiers = list(self.of_office(office).select_related("contact_officer__office"))
            own = [t for t in tiers if t.office_id is not None]
            return sorted(own, key=lambda t: t.level) + [t for t in tiers if t.office_id is None] if own else []
        own = list(office_tiers if office_tiers is not None else self.filter(office=office))
        if not own:
            return []
        if national_tiers is None:
            national_tiers = self.national().select_related("contact_officer__office")
        return own + list(national_tiers)


class Level(models.IntegerChoices):
    """The three tiers; each knows its national standard days and whether it is the national cell."""

    # Lazy: citizens read these on the English pages too (the admin stays Bengali).
    REDRESS_OFFICER = 1, _("অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)")
    APPEAL_OFFICER = 2, _("আপিল কর্মকর্তা")
    CABINET_CELL = 3, _("মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল")

    @property
    def standard_days(self):
        """The GRS guideline's working days at this tier: the most a charter may promise."""
        cls = type(self)
        return {cls.REDRESS_OFFICER: 30, cls.APPEAL_OFFICER: 20, cls.CABINET_CELL: 60}[self]

    @property
    def ordinal(self):
        """১ম, ২য়, ৩য়: how Bengali text counts the tiers ("২য় স্তরে")."""
        return {1: "১ম", 2: "২য়", 3: "৩য়"}[self.value]

    @property
    def is_national(self):
        """The tier that is the Cabinet Division's cell, one for the nation, not an office's."""
        return self is type(self).CABINET_CELL

    @property
    def next(self):
        """The tier a grievance goes to from here, or None at the national cell."""
        members = list(type(self))
        position = members.index(self)
        return members[position + 1] if position + 1 < len(members) else None

    @classmethod
    def first(cls):
        return list(cls)[0]

    @classmethod
    def national(cls):
        return next(level for level in cls if level.is_national)

    @classmethod
    def office_levels(cls):
        return [level for level in cls if not level.is_national]


def _days_within_standard():
    """Each tier's days from 1 to its national standard (a check constraint)."""
    condition = Q()
    for level in Level:
        condition |= Q(level=level.value, resolution_days__lte=level.standard_days)
    return condition & Q(resolution_days__gte=1)


class GrievanceTier(EnglishTracked):
    Level = Level

    office = models.ForeignKey(
        "offices.Office",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="grievance_tiers",
        verbose_name="দপ্তর",
        help_text="মন্ত্রিপরিষদ বিভাগের সেল (৩য় স্তর) সারা দেশের জন্য একটিই: দপ্তর ফাঁকা",
    )
    level = models.PositiveSmallIntegerField("স্তর", choices=Level.choices)
    when_to_contact = models.CharField("কখন যোগাযোগ করবেন", max_length=limits.TIER_WHEN)
    contact_title = models.CharField("কার সঙ্গে যোগাযোগ করবেন", max_length=limits.TIER_TITLE)
    contact_officer = models.ForeignKey(
        "offices.Officer",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="grievance_tiers",
        verbose_name="যোগাযোগের কর্মকর্তা",
        help_text="এই পদের কর্মকর্তাই এই স্তরের অভিযোগ নিষ্পত্তি করেন (অভিযোগ নিষ্পত্তির দায়িত্ব)",
    )
    contact_text = models.TextField(
        "যোগাযোগের ঠিকানা",
        blank=True,
        max_length=limits.TIER_CONTACT,
        validators=limits.bounded(limits.TIER_CONTACT),
        help_text="কর্মকর্তা নির্বাচন না করলে পুরো ঠিকানা এখানে লিখুন",
    )
    resolution_days = models.PositiveSmallIntegerField(
        "নিষ্পত্তির সময়সীমা (কার্যদিবস)",
        help_text="জাতীয় মান (১ম স্তর ৩০, ২য় স্তর ২০, ৩য় স্তর ৬০ কার্যদিবস) পর্যন্ত; কেবল প্রধান কার্যালয় বদলাতে পারে",
    )

    objects = GrievanceTierQuerySet.as_manager()

    class Meta:
        verbose_name = "অভিযোগ প্রতিকারের স্তর"
        verbose_name_plural = "অভিযোগ প্রতিকারের স্তরসমূহ"
        ordering = ["office", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "level"],
                name="one_tier_per_level",
                violation_error_message="এই দপ্তরের এই স্তর আগেই আছে।",
            ),
            models.UniqueConstraint(
                fields=["level"],
                condition=Q(office__isnull=True),
                name="one_national_cell",
                violation_error_message="জাতীয় অভিযোগ ব্যবস্থাপনা সেল একটিই থাকতে পারে।",
            ),
            models.CheckConstraint(
                name="cabinet_cell_is_national",
                condition=Q(level=Level.national().value, office__isnull=True)
                | (~Q(level=Level.national().value) & Q(office__isnull=False)),
                violation_error_message="৩য় স্তর (মন্ত্রিপরিষদ বিভাগের সেল) সারা দেশের জন্য একটি; "
                "দপ্তরের নিজের স্তর কেবল ১ ও ২।",
            ),
            models.CheckConstraint(
                name="resolution_days_within_standard",
                condition=_days_within_standard(),
                violation_error_message="নিষ্পত্তির সময়সীমা ১ কার্যদিবস থেকে জাতীয় মান (৩০, ২০ ও ৬০) পর্যন্ত।",
            ),
        ]

    def __str__(self):
        where = self.office or "সারা দেশ"
        return f"{where}: {self.get_level_display()}"

    def clean(self):
        if self.resolution_days is None and self.level:
            self.resolution_days = Level(self.level).standard_days  # a new tier: the national standard
        if not (self.contact_officer_id or self.contact_text.strip()):
            raise ValidationError("যোগাযোগের কর্মকর্তা নির্বাচন করুন অথবা ঠিকানা লিখুন।")
        if self.contact_officer_id and self.office_id:
            problem = holder_problem(self.office, self.level, self.contact_officer)
            if problem:
                raise ValidationError({"contact_officer": problem})


LAST_LEVEL = Level.national()


def holder_problem(office, level, officer):
    """Why ``officer`` may not hold ``office``'s tier ``level``, in Bengali; None if it may.
    The one statement of the chain's rule (the draft tiers and the published ones both ask it)."""
    if officer is None or office is None:
        return None
    level = Level(level)
    own = set(office.officer_office_ids())
    if level == Level.REDRESS_OFFICER and officer.office_id not in own:
        return "১ম স্তরের (অভিযোগ নিষ্পত্তি কর্মকর্তা) দায়িত্ব এই দপ্তরেরই কোনো কর্মকর্তার।"
    if level == Level.APPEAL_OFFICER and officer.office_id not in set(office.officer_office_ids(from_above=True)) - own:
        return "২য় স্তরের (আপিল কর্মকর্তা) দায়িত্ব এই দপ্তরের ঊর্ধ্বতন কোনো দপ্তরের কর্মকর্তার।"
    return None


class Holiday(models.Model):
    """A holiday the `holidays` package does not know: Durga Puja, Buddha Purnima, announced closures."""

    date = models.DateField("তারিখ", unique=True)
    name = models.CharField("ছুটির নাম", max_length=200)

    class Meta:
        verbose_name = "সরকারি ছুটি"
        verbose_name_plural = "সরকারি ছুটি (প্যাকেজের বাইরে)"
        ordering = ["date"]

    def __str__(self):
        return f"{bengali_date(self.date)} {self.name}"

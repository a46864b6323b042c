"""Who holds a grievance: the post the charter in force names for its tier.

A desk (GrievanceDesk) ties a staff account to an officer's post (offices.Officer). The desk
holds a tier for every office whose published chain (PublishedTier, the charter version in
force, never the draft) names that post as its holder: one HQ appeal officer, named by the tier 2
of many offices, holds all their appeals. A desk may instead be at the Cabinet Division's
national cell (tier 3 of every office), which no office's charter names. A tier with no holder,
or a post no active account holds, has no holder: its grievances are HQ's unassigned list.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q

from .published import PublishedTier
from .tiers import Level


class GrievanceDeskQuerySet(models.QuerySet):
    def active(self):
        return self.filter(user__is_active=True, user__is_staff=True)

    def holding(self, office, level):
        """The active desks that hold grievances of ``office`` at ``level``."""
        level = Level(level)
        if level.is_national:
            return self.active().filter(national_cell=True)
        holders = PublishedTier.objects.of_office(office).filter(level=level).exclude(holder=None).values("holder")
        return self.active().filter(officer__in=holders)


def held_cells():
    """``(cells, national)``: the (office id, level) pairs some active desk holds, and whether the
    national cell (tier 3 of every office) has a holder. Two queries, for lists of many grievances."""
    desks = GrievanceDesk.objects.active()
    national = desks.filter(national_cell=True).exists()
    officers = desks.exclude(officer=None).values("officer")
    cells = set(PublishedTier.objects.filter(holder__in=officers).values_list("office_id", "level"))
    return cells, national


def is_held(grievance, cells_and_national):
    cells, national = cells_and_national
    if Level(grievance.level).is_national:
        return national
    return (grievance.office_id, grievance.level) in cells


class GrievanceDesk(models.Model):
    """A staff account at an officer's post (or at the national cell)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="grievance_desk",
        verbose_name="ব্যবহারকারী",
    )
    officer = models.ForeignKey(
        "offices.Officer",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="grievance_desks",
        verbose_name="কর্মকর্তার পদ",
        help_text="যেসব দপ্তরের চার্টারের অভিযোগ প্রতিকার ব্যবস্থায় এই পদের নাম আছে, সেসব দপ্তরের সেই স্তরের অভিযোগ",
    )
    national_cell = models.BooleanField(
        "মন্ত্রিপরিষদ বিভাগের সেল (৩য় স্তর)",
        default=False,
        help_text="সব দপ্তরের ৩য় স্তরের অভিযোগ; তখন পদ ফাঁকা রাখুন",
    )

    objects = GrievanceDeskQuerySet.as_manager()

    class Meta:
        verbose_name = "অভিযোগ নিষ্পত্তির দায়িত্ব"
        verbose_name_plural = "অভিযোগ নিষ্পত্তির দায়িত্বসমূহ"
        ordering = ["officer__office", "officer", "user"]
        constraints = [
            models.CheckConstraint(
                name="desk_is_a_post_or_the_cell",
                condition=Q(officer__isnull=False, national_cell=False) | Q(officer__isnull=True, national_cell=True),
                violation_error_message="একটি কর্মকর্তার পদ বেছে নিন, অথবা মন্ত্রিপরিষদ বিভাগের সেল; দুটো একসঙ্গে নয়।",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.officer or 'মন্ত্রিপরিষদ বিভাগের সেল'}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.user.groups.add(_officer_group())  # a desk's model permissions come with it

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            self.user.groups.remove(_officer_group())
            return super().delete(*args, **kwargs)

    def clean(self):
        if self.user_id and not self.user.is_staff:
            raise ValidationError({"user": "অভিযোগ নিষ্পত্তির দায়িত্ব কেবল স্টাফ ব্যবহারকারীকে দেওয়া যায়।"})
        if bool(self.officer_id) == bool(self.national_cell):
            raise ValidationError("একটি কর্মকর্তার পদ বেছে নিন, অথবা মন্ত্রিপরিষদ বিভাগের সেল; দুটো একসঙ্গে নয়।")

    def cells(self):
        """``[(office id or None, level)]``: the tiers this desk holds (None: every office)."""
        found = []
        if self.national_cell:
            found.append((None, Level.national()))
        if self.officer_id:
            tiers = PublishedTier.objects.held_by(self.officer_id).values_list("office_id", "level")
            found.extend((office_id, Level(level)) for office_id, level in tiers)
        return found

    def grievance_filter(self):
        """A Q for the grievances this desk holds now."""
        condition = Q(pk__in=[])
        for office_id, level in self.cells():
            condition |= Q(level=level) if office_id is None else Q(level=level, office=office_id)
        return condition

    def office_ids(self):
        """The offices some of whose grievances this desk holds (None: every office)."""
        cells = self.cells()
        if any(office_id is None for office_id, _level in cells):
            return None
        return {office_id for office_id, _level in cells}

    def holds(self, grievance):
        for office_id, level in self.cells():
            if grievance.level == level and office_id in (None, grievance.office_id):
                return True
        return False


def _officer_group():
    from django.contrib.auth.models import Group

    from ..apps import GRIEVANCE_OFFICER_GROUP

    return Group.objects.get_or_create(name=GRIEVANCE_OFFICER_GROUP)[0]


def desk_of(user):
    """The desk of an active staff account, or None."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return None
    return GrievanceDesk.objects.filter(user=user).select_related("officer__office").first()


def may_handle(user, grievance):
    """HQ, or the desk that holds ``grievance`` now (checked again under the row lock)."""
    if user is None:
        return True  # the system (escalation) or the citizen
    if user.is_active and user.is_superuser:
        return True
    desk = desk_of(user)
    return desk is not None and desk.holds(grievance)

"""The grievance redress chain (GRS) an office's charter promises, and the grievances that climb it.

A citizen files a Grievance against an office; it starts at tier 1 (the office's grievance
redress officer), and moves to tier 2 (the appeal officer) and tier 3 (the Cabinet Division's
national cell) when a tier lets its deadline pass or the citizen reopens a resolved grievance.
Every change of status is a GrievanceEvent. Staff handle grievances at one GrievanceDesk
(office and tier). Deadlines are counted in working days by ``grievances.workdays``, from the
Holiday rows HQ keeps and the public holidays of the ``holidays`` package.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .identifiers import TRACKING_NUMBER_MAX_LENGTH, new_tracking_number, validate_mobile


class GrievanceTierQuerySet(models.QuerySet):
    def national(self):
        return self.filter(office__isnull=True)

    def chain_for(self, office, office_tiers=None, national_tiers=None):
        """The office's own tiers followed by the national cell; empty if it has none.

        A charter that prints no GRS table (Kachua's, Natore's) gets none here,
        rather than a chain invented for it. Callers that already hold the tiers pass them.
        """
        own = list(office_tiers if office_tiers is not None else self.filter(office=office))
        if not own:
            return []
        if national_tiers is None:
            national_tiers = self.national().select_related("contact_officer__office")
        return own + list(national_tiers)


class GrievanceTier(models.Model):
    class Level(models.IntegerChoices):
        # Lazy: citizens read these on the English pages too (the admin stays Bengali).
        REDRESS_OFFICER = 1, _("অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)")
        APPEAL_OFFICER = 2, _("আপিল কর্মকর্তা")
        CABINET_CELL = 3, _("মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল")

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
    when_to_contact = models.CharField("কখন যোগাযোগ করবেন", max_length=300)
    contact_title = models.CharField("কার সঙ্গে যোগাযোগ করবেন", max_length=200)
    contact_officer = models.ForeignKey(
        "offices.Officer",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="grievance_tiers",
        verbose_name="যোগাযোগের কর্মকর্তা",
    )
    contact_text = models.TextField(
        "যোগাযোগের ঠিকানা",
        blank=True,
        help_text="কর্মকর্তা নির্বাচন না করলে পুরো ঠিকানা এখানে লিখুন",
    )
    resolution_days = models.PositiveSmallIntegerField("নিষ্পত্তির সময়সীমা (কার্যদিবস)")

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
                condition=Q(level=3, office__isnull=True) | (~Q(level=3) & Q(office__isnull=False)),
                violation_error_message="৩য় স্তর (মন্ত্রিপরিষদ বিভাগের সেল) সারা দেশের জন্য একটি; "
                "দপ্তরের নিজের স্তর কেবল ১ ও ২।",
            ),
            models.CheckConstraint(
                name="resolution_days_positive",
                condition=Q(resolution_days__gte=1),
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
            if not self.office.may_name(self.contact_officer, from_above=True):
                raise ValidationError({"contact_officer": "কর্মকর্তা এই দপ্তরের বা এর ঊর্ধ্বতন কোনো দপ্তরের হতে হবে।"})


# The national standard of the GRS guideline, in working days per tier. An office whose charter
# prints no GRS table (Kachua's, Natore's, Magura's) still accepts grievances on these days; the
# national cell's own row (tier 3) is used when it exists.
NATIONAL_STANDARD_DAYS = {1: 30, 2: 20, 3: 60}
LAST_LEVEL = GrievanceTier.Level.CABINET_CELL


def resolution_days_for(office, tiers=None):
    """``{level: working days}`` for a grievance against ``office``, with the national fallback.

    ``tiers`` may be given (the office's own rows and the national cell) to save the query.
    """
    office_id = getattr(office, "pk", office)
    if tiers is None:
        tiers = GrievanceTier.objects.filter(Q(office=office_id) | Q(office__isnull=True))
    days = dict(NATIONAL_STANDARD_DAYS)
    own = {t.level: t.resolution_days for t in tiers if t.office_id == office_id}
    national = {t.level: t.resolution_days for t in tiers if t.office_id is None}
    days.update(national)
    if own:
        days.update(own)
    return days


class Holiday(models.Model):
    """A holiday the `holidays` package does not know: Durga Puja, Buddha Purnima, announced closures."""

    date = models.DateField("তারিখ", unique=True)
    name = models.CharField("ছুটির নাম", max_length=200)

    class Meta:
        verbose_name = "সরকারি ছুটি"
        verbose_name_plural = "সরকারি ছুটি (প্যাকেজের বাইরে)"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


class GrievanceDeskQuerySet(models.QuerySet):
    def holding(self, office, level):
        """The desks that hold grievances of ``office`` at ``level`` (tier 3: the national cell)."""
        desks = self.filter(level=level, user__is_active=True)
        return desks.filter(office__isnull=True) if level == LAST_LEVEL else desks.filter(office=office)


class GrievanceDesk(models.Model):
    """Who handles grievances: one staff account, one office, one tier (tier 3: the national cell)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="grievance_desk",
        verbose_name="ব্যবহারকারী",
    )
    office = models.ForeignKey(
        "offices.Office",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="grievance_desks",
        verbose_name="দপ্তর",
        help_text="৩য় স্তরের (মন্ত্রিপরিষদ বিভাগের সেল) জন্য ফাঁকা রাখুন",
    )
    level = models.PositiveSmallIntegerField("স্তর", choices=GrievanceTier.Level.choices)

    objects = GrievanceDeskQuerySet.as_manager()

    class Meta:
        verbose_name = "অভিযোগ নিষ্পত্তির দায়িত্ব"
        verbose_name_plural = "অভিযোগ নিষ্পত্তির দায়িত্বসমূহ"
        ordering = ["office", "level"]
        constraints = [
            models.CheckConstraint(
                name="desk_cabinet_cell_is_national",
                condition=Q(level=3, office__isnull=True) | Q(level__in=[1, 2], office__isnull=False),
                violation_error_message="১ম ও ২য় স্তরের জন্য দপ্তর দিন; ৩য় স্তর (মন্ত্রিপরিষদ বিভাগের সেল) "
                "সারা দেশের, তাতে দপ্তর থাকে না।",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.office or 'সারা দেশ'}, {self.get_level_display()}"

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

    def holds(self, grievance):
        if grievance.level != self.level:
            return False
        return self.level == LAST_LEVEL or grievance.office_id == self.office_id


def _officer_group():
    from django.contrib.auth.models import Group

    from .apps import GRIEVANCE_OFFICER_GROUP

    return Group.objects.get_or_create(name=GRIEVANCE_OFFICER_GROUP)[0]


def desk_of(user):
    """The desk of an active staff account, or None."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return None
    return GrievanceDesk.objects.filter(user=user).select_related("office").first()


class GrievanceQuerySet(models.QuerySet):
    def unresolved(self):
        return self.exclude(status=Grievance.Status.RESOLVED)

    def resolved(self):
        return self.filter(status=Grievance.Status.RESOLVED)

    def at_desk(self, desk):
        """What a desk holds now: its office's grievances at its tier (tier 3: every office's)."""
        at_level = self.filter(level=desk.level)
        return at_level if desk.level == LAST_LEVEL else at_level.filter(office=desk.office_id)

    def visible_to(self, user):
        if user.is_active and user.is_superuser:
            return self
        desk = desk_of(user)
        return self.at_desk(desk) if desk else self.none()

    def find(self, tracking_number, mobile):
        """The grievance with both this tracking number and this mobile number, or None.

        One query on both, so a wrong number and a right number with the wrong mobile look alike.
        """
        if not (tracking_number and mobile):
            return None
        return self.filter(tracking_number=tracking_number, mobile=mobile).first()

    def with_deadlines(self, calendar=None):
        """The grievances as a list, each with ``due`` (its tier deadline) set from one calendar."""
        return attach_deadlines(list(self), calendar)

    def overdue(self, as_of, calendar=None):
        """Unresolved grievances whose tier deadline is before ``as_of``, with ``due`` set."""
        return [g for g in self.unresolved().with_deadlines(calendar) if as_of > g.due]


def attach_deadlines(grievances, calendar=None):
    """Set ``due`` on each grievance: one calendar, one query for every office's tiers."""
    from .workdays import WorkingCalendar

    calendar = calendar or WorkingCalendar()
    office_ids = {g.office_id for g in grievances}
    tiers = list(GrievanceTier.objects.filter(Q(office__in=office_ids) | Q(office__isnull=True)))
    days_by_office = {}
    for grievance in grievances:
        if grievance.office_id not in days_by_office:
            days_by_office[grievance.office_id] = resolution_days_for(grievance.office_id, tiers)
        days = days_by_office[grievance.office_id][grievance.level]
        grievance.due = calendar.add_working_days(grievance.tier_since, days)
    return grievances


class Grievance(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("গৃহীত, ব্যবস্থা গ্রহণের অপেক্ষায়")
        IN_PROGRESS = "in_progress", _("ব্যবস্থা গ্রহণ চলছে")
        RESOLVED = "resolved", _("নিষ্পত্তি হয়েছে")

    tracking_number = models.CharField(
        "ট্র্যাকিং নম্বর",
        max_length=TRACKING_NUMBER_MAX_LENGTH,
        unique=True,
        editable=False,
    )
    office = models.ForeignKey("offices.Office", models.PROTECT, related_name="grievances", verbose_name="দপ্তর")
    service = models.ForeignKey(
        "services.Service",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="grievances",
        verbose_name="সেবা",
    )
    name = models.CharField("নাম", max_length=100)
    mobile = models.CharField("মোবাইল নম্বর", max_length=11, validators=[validate_mobile])
    email = models.EmailField("ই-মেইল", blank=True)
    description = models.TextField("কী ঘটেছে")
    desired_outcome = models.TextField("আপনি কী প্রতিকার চান")

    level = models.PositiveSmallIntegerField(
        "বর্তমান স্তর",
        choices=GrievanceTier.Level.choices,
        default=GrievanceTier.Level.REDRESS_OFFICER,
    )
    status = models.CharField("অবস্থা", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    tier_since = models.DateField(
        "বর্তমান স্তরে পৌঁছানোর দিন",
        help_text="সময়সীমা গণনার শূন্যতম দিন",
        default=timezone.localdate,
    )
    filed_at = models.DateTimeField("দাখিলের সময়", default=timezone.now)
    resolved_on = models.DateField("নিষ্পত্তির দিন", null=True, blank=True)
    resolution = models.TextField(
        "নাগরিকের জন্য নিষ্পত্তির বিবরণ",
        blank=True,
        help_text="নাগরিক তাঁর অবস্থা পাতায় এটি দেখবেন",
    )
    reopened = models.BooleanField("নাগরিক একবার পুনরায় খুলেছেন", default=False)

    objects = GrievanceQuerySet.as_manager()

    class Meta:
        verbose_name = "অভিযোগ"
        verbose_name_plural = "অভিযোগসমূহ"
        ordering = ["-filed_at"]
        indexes = [models.Index(fields=["office", "level", "status"], name="grievance_desk_idx")]
        constraints = [
            models.CheckConstraint(
                name="grievance_level_in_chain",
                condition=Q(level__gte=1, level__lte=3),
                violation_error_message="স্তর ১, ২ অথবা ৩।",
            ),
            models.CheckConstraint(
                name="grievance_resolved_has_a_date",
                condition=Q(status="resolved", resolved_on__isnull=False)
                | (~Q(status="resolved") & Q(resolved_on__isnull=True)),
                violation_error_message="নিষ্পত্তি হওয়া অভিযোগেরই কেবল নিষ্পত্তির দিন থাকে।",
            ),
        ]

    def __str__(self):
        return self.tracking_number

    def clean(self):
        if self.service_id and self.office_id and self.service.office_id != self.office_id:
            raise ValidationError({"service": "সেবাটি এই দপ্তরের নয়।"})

    # ---- reads

    @property
    def filed_on(self):
        return timezone.localdate(self.filed_at)

    def tier_days(self):
        return resolution_days_for(self.office_id)[self.level]

    def deadline(self, calendar=None):
        from .workdays import WorkingCalendar

        return (calendar or WorkingCalendar()).add_working_days(self.tier_since, self.tier_days())

    def is_overdue(self, as_of=None, calendar=None):
        as_of = as_of or timezone.localdate()
        return self.status != self.Status.RESOLVED and as_of > self.deadline(calendar)

    def tier(self):
        """The GrievanceTier row of the current tier, or None when the charter prints no GRS table."""
        if self.level == LAST_LEVEL:
            return GrievanceTier.objects.national().select_related("contact_officer__office").first()
        return (
            GrievanceTier.objects.filter(office=self.office_id, level=self.level)
            .select_related("contact_officer__office")
            .first()
        )

    @property
    def is_at_last_tier(self):
        return self.level == LAST_LEVEL

    @property
    def can_be_reopened(self):
        return self.status == self.Status.RESOLVED and not self.reopened and not self.is_at_last_tier

    # ---- writes: each one locks the row, changes it and records the change, in one transaction

    @classmethod
    def file(cls, *, office, **fields):
        """Create a grievance at tier 1 with a fresh tracking number, and its first event."""
        with transaction.atomic():
            while True:
                grievance = cls(office=office, tracking_number=new_tracking_number(), **fields)
                try:
                    with transaction.atomic():  # a savepoint: a duplicate number only retries
                        grievance.save(force_insert=True)
                except IntegrityError:
                    if cls.objects.filter(tracking_number=grievance.tracking_number).exists():
                        continue
                    raise
                break
            grievance.events.create(
                kind=GrievanceEvent.Kind.FILED,
                on=grievance.tier_since,
                role=GrievanceEvent.Role.CITIZEN,
                to_status=grievance.status,
                to_level=grievance.level,
            )
            # robust: the grievance is stored; a failing notification (the database gone a moment
            # after the commit, say) is logged and must not turn the citizen's receipt into a 500.
            transaction.on_commit(lambda: _notify_filed(grievance.pk), robust=True)
        return grievance

    def _change(self, kind, *, role, on, user=None, note="", status=None, level=None, **fields):
        """Apply a change to the locked row ``self`` and record it; the caller holds the transaction."""
        event = GrievanceEvent(
            grievance=self,
            kind=kind,
            role=role,
            on=on,
            user=user,
            note=note,
            from_status=self.status,
            from_level=self.level,
        )
        self.status = status or self.status
        if level and level != self.level:
            self.level = level
            self.tier_since = on  # day zero at the new tier
        self.resolved_on = on if self.status == self.Status.RESOLVED else None
        for name, value in fields.items():
            setattr(self, name, value)
        self.full_clean(exclude=["tracking_number"])
        self.save()
        event.to_status, event.to_level = self.status, self.level
        event.save()
        return event

    def _locked(self):
        return type(self).objects.select_for_update().select_related("office").get(pk=self.pk)

    def record_action(self, *, user, note):
        """An officer records what they did; the grievance stays at its tier."""
        with transaction.atomic():
            locked = self._locked()
            if locked.status == self.Status.RESOLVED:
                raise ValidationError("নিষ্পত্তি হওয়া অভিযোগে নতুন ব্যবস্থা লেখা যায় না।")
            locked._change(
                GrievanceEvent.Kind.ACTION,
                role=GrievanceEvent.Role.OFFICER,
                user=user,
                note=note,
                on=timezone.localdate(),
                status=self.Status.IN_PROGRESS,
            )
        self.refresh_from_db()

    def resolve(self, *, user, resolution, note=""):
        """An officer resolves the grievance and tells the citizen how."""
        if not resolution.strip():
            raise ValidationError({"resolution": "নাগরিকের জন্য নিষ্পত্তির বিবরণ লিখুন।"})
        with transaction.atomic():
            locked = self._locked()
            if locked.status == self.Status.RESOLVED:
                raise ValidationError("অভিযোগটি আগেই নিষ্পত্তি হয়েছে।")
            locked._change(
                GrievanceEvent.Kind.RESOLVED,
                role=GrievanceEvent.Role.OFFICER,
                user=user,
                note=note,
                on=timezone.localdate(),
                status=self.Status.RESOLVED,
                resolution=resolution,
            )
            transaction.on_commit(lambda: _notify_citizen(self.pk), robust=True)
        self.refresh_from_db()

    def reopen(self, *, note=""):
        """The citizen is not satisfied with the resolution: once, and it goes to the next tier."""
        with transaction.atomic():
            locked = self._locked()
            if not locked.can_be_reopened:
                raise ValidationError(gettext("এই অভিযোগটি আর পুনরায় খোলা যায় না।"))  # the citizen reads it
            locked._change(
                GrievanceEvent.Kind.REOPENED,
                role=GrievanceEvent.Role.CITIZEN,
                note=note,
                on=timezone.localdate(),
                status=self.Status.RECEIVED,
                level=locked.level + 1,
                reopened=True,
            )
            transaction.on_commit(lambda: _notify_holders(self.pk), robust=True)
        self.refresh_from_db()

    def escalate_if_overdue(self, as_of, calendar=None):
        """Move to the next tier if the current tier's deadline passed before ``as_of``.

        Returns the event, or None when there was nothing to do (already moved, resolved, at the
        last tier, or not yet due): so running the escalation again changes nothing.
        """
        with transaction.atomic():
            locked = self._locked()
            if locked.status == self.Status.RESOLVED or locked.is_at_last_tier:
                return None
            deadline = locked.deadline(calendar)
            if not as_of > deadline:
                return None
            event = locked._change(
                GrievanceEvent.Kind.ESCALATED,
                role=GrievanceEvent.Role.SYSTEM,
                on=as_of,
                status=self.Status.RECEIVED,
                level=locked.level + 1,
                note=f"{locked.get_level_display()}-এর সময়সীমা {deadline:%Y-%m-%d} পার হয়েছে "
                f"({locked.tier_days()} কার্যদিবস, শুরু {locked.tier_since:%Y-%m-%d})।",
            )
            event.deadline = deadline
            transaction.on_commit(lambda: _notify_holders(self.pk), robust=True)
            transaction.on_commit(lambda: _notify_citizen(self.pk), robust=True)
        self.refresh_from_db()
        return event


class GrievanceEvent(models.Model):
    """One change of a grievance's status or tier: the history HQ reads in full, the citizen in short."""

    class Kind(models.TextChoices):
        # The citizen's status page lists these.
        FILED = "filed", _("অভিযোগ দাখিল হয়েছে")
        ACTION = "action", _("ব্যবস্থা গ্রহণ করা হয়েছে")
        RESOLVED = "resolved", _("নিষ্পত্তি হয়েছে")
        ESCALATED = "escalated", _("সময়সীমা পার হওয়ায় পরবর্তী স্তরে গেছে")
        REOPENED = "reopened", _("নাগরিক পুনরায় খুলেছেন; পরবর্তী স্তরে গেছে")

    class Role(models.TextChoices):
        CITIZEN = "citizen", "নাগরিক"
        OFFICER = "officer", "কর্মকর্তা"
        SYSTEM = "system", "স্বয়ংক্রিয় (সিস্টেম)"

    grievance = models.ForeignKey(Grievance, models.CASCADE, related_name="events", verbose_name="অভিযোগ")
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
    from_status = models.CharField("আগের অবস্থা", max_length=20, choices=Grievance.Status.choices, blank=True)
    to_status = models.CharField("নতুন অবস্থা", max_length=20, choices=Grievance.Status.choices)
    from_level = models.PositiveSmallIntegerField(
        "আগের স্তর",
        choices=GrievanceTier.Level.choices,
        null=True,
        blank=True,
    )
    to_level = models.PositiveSmallIntegerField("নতুন স্তর", choices=GrievanceTier.Level.choices)
    note = models.TextField("অভ্যন্তরীণ মন্তব্য", blank=True)

    class Meta:
        verbose_name = "অভিযোগের ইতিহাস"
        verbose_name_plural = "অভিযোগের ইতিহাস"
        ordering = ["grievance", "recorded_at", "pk"]

    def __str__(self):
        return f"{self.grievance}: {self.get_kind_display()} ({self.on:%Y-%m-%d})"

    @property
    def actor(self):
        return self.user or self.get_role_display()


class ClientRequest(models.Model):
    """A submission or a status lookup by one client (its address, hashed): the rate limit's count.

    Kept in the database, so the limit holds across every gunicorn worker. Rows older than a day
    are removed by the daily escalation run.
    """

    class Action(models.TextChoices):
        FILE = "file", "অভিযোগ দাখিল"
        LOOKUP = "lookup", "অবস্থা জানা"

    action = models.CharField(max_length=10, choices=Action.choices)
    client = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["action", "client", "at"], name="client_request_idx")]

    def __str__(self):
        return f"{self.action} {self.client[:8]} {self.at:%Y-%m-%d %H:%M}"


def _notify_filed(pk):
    from . import notifications

    notifications.grievance_filed(Grievance.objects.select_related("office", "service").get(pk=pk))


def _notify_holders(pk):
    from . import notifications

    notifications.tell_holders(Grievance.objects.select_related("office").get(pk=pk))


def _notify_citizen(pk):
    from . import notifications

    notifications.tell_citizen(Grievance.objects.select_related("office").get(pk=pk))

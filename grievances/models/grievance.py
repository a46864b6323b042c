"""A grievance as it climbs the chain, and its history.

Every write locks the row, changes it, records a GrievanceEvent and writes the notices it owes
(``grievances.notifications``, rows of the outbox) in one transaction. A grievance keeps the
working days of its tier from the day it reached it (``days_at_tier``), and the service as the
citizen chose it from the charter in force: its stable key (category and serial, which survive
re-import and re-publish) and its name then (``service_name``).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from charter_portal import limits
from charter_portal.bangla import bengali_date

from ..identifiers import TRACKING_NUMBER_MAX_LENGTH, new_tracking_number, validate_mobile
from .channels import GrievanceChannel
from .desks import desk_of, may_handle
from .events import GrievanceEvent, Status
from .published import PublishedTier, resolution_days_for
from .tiers import GrievanceTier, Level

NOT_YOURS = "অভিযোগটি এখন আর আপনার দায়িত্বে নেই (অন্য স্তরে বা দপ্তরে গেছে)।"


class GrievanceQuerySet(models.QuerySet):
    def unresolved(self):
        return self.exclude(status=Grievance.Status.RESOLVED)

    def resolved(self):
        return self.filter(status=Grievance.Status.RESOLVED)

    def at_desk(self, desk):
        """What a desk holds now: the grievances at the tiers its post is named for."""
        return self.filter(desk.grievance_filter())

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
    """Set ``due`` on each grievance from one calendar (no query: the days are on the row)."""
    from ..workdays import WorkingCalendar

    calendar = calendar or WorkingCalendar()
    for grievance in grievances:
        grievance.due = calendar.add_working_days(grievance.tier_since, grievance.days_at_tier)
    return grievances


def days_at(office, level):
    """The working days a grievance of ``office`` gets on reaching ``level`` today."""
    return resolution_days_for(office)[Level(level)]


class Grievance(models.Model):
    Status = Status

    Channel = GrievanceChannel  # how it reached the office (channels.py)

    tracking_number = models.CharField(
        "ট্র্যাকিং নম্বর",
        max_length=TRACKING_NUMBER_MAX_LENGTH,
        unique=True,
        editable=False,
    )
    office = models.ForeignKey("offices.Office", models.PROTECT, related_name="grievances", verbose_name="দপ্তর")
    # The service by its key in the charter in force (services.ServiceListing): never a draft row.
    service_category = models.PositiveSmallIntegerField("সেবার ধরন", null=True, blank=True, editable=False)
    service_serial = models.PositiveSmallIntegerField("সেবার ক্রমিক নং", null=True, blank=True, editable=False)
    service_name = models.TextField(
        "সেবার নাম (দাখিলের সময়ের)",
        max_length=limits.SERVICE_NAME,  # the name it copies: never longer
        blank=True,
        help_text="সেবাটি পরে মুছে ফেলা বা নাম বদলালেও অভিযোগে দাখিলের সময়ের নাম থাকে",
    )
    channel = models.CharField("যেভাবে জমা", max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    name = models.CharField("নাম", max_length=100)
    mobile = models.CharField("মোবাইল নম্বর", max_length=11, validators=[validate_mobile])
    email = models.EmailField("ই-মেইল", blank=True)
    description = models.TextField("কী ঘটেছে")
    desired_outcome = models.TextField("আপনি কী প্রতিকার চান")

    level = models.PositiveSmallIntegerField("বর্তমান স্তর", choices=Level.choices, default=Level.first())
    status = models.CharField("অবস্থা", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    tier_since = models.DateField(
        "বর্তমান স্তরে পৌঁছানোর দিন",
        help_text="সময়সীমা গণনার শূন্যতম দিন",
        default=timezone.localdate,
    )
    days_at_tier = models.PositiveSmallIntegerField(
        "বর্তমান স্তরের সময়সীমা (কার্যদিবস)",
        help_text="স্তরে পৌঁছানোর দিনের মান; পরে স্তরের সময়সীমা বদলালেও এটি বদলায় না",
    )
    filed_at = models.DateTimeField("দাখিলের সময়", default=timezone.now)
    resolved_on = models.DateField("নিষ্পত্তির দিন", null=True, blank=True)
    resolution = models.TextField(
        "নাগরিকের জন্য নিষ্পত্তির বিবরণ",
        blank=True,
        help_text="নাগরিক তাঁর অবস্থা পাতায় এটি দেখবেন",
    )
    reopened = models.BooleanField("নাগরিক একবার পুনরায় খুলেছেন", default=False)
    # The number of the office's charter version in force when the grievance was filed: the promise
    # the citizen held the office to. Set by the charters app (above this one) as the row is added.
    charter_version = models.PositiveIntegerField("দাখিলের সময় প্রযোজ্য চার্টারের সংস্করণ", null=True, blank=True)

    objects = GrievanceQuerySet.as_manager()

    class Meta:
        verbose_name = "অভিযোগ"
        verbose_name_plural = "অভিযোগসমূহ"
        ordering = ["-filed_at"]
        indexes = [models.Index(fields=["office", "level", "status"], name="grievance_desk_idx")]
        constraints = [
            models.CheckConstraint(
                name="grievance_level_in_chain",
                condition=Q(level__gte=min(Level), level__lte=max(Level)),
                violation_error_message="স্তর ১, ২ অথবা ৩।",
            ),
            models.CheckConstraint(
                name="grievance_resolved_has_a_date",
                condition=Q(status="resolved", resolved_on__isnull=False)
                | (~Q(status="resolved") & Q(resolved_on__isnull=True)),
                violation_error_message="নিষ্পত্তি হওয়া অভিযোগেরই কেবল নিষ্পত্তির দিন থাকে।",
            ),
            models.CheckConstraint(
                name="grievance_days_at_tier_within_standard",
                condition=Q(days_at_tier__gte=1, days_at_tier__lte=max(level.standard_days for level in Level)),
                violation_error_message="স্তরের সময়সীমা ১ থেকে জাতীয় মান পর্যন্ত কার্যদিবস।",
            ),
        ]

    def __str__(self):
        return self.tracking_number

    # ---- reads

    @property
    def filed_on(self):
        return timezone.localdate(self.filed_at)

    def deadline(self, calendar=None):
        from ..workdays import WorkingCalendar

        return (calendar or WorkingCalendar()).add_working_days(self.tier_since, self.days_at_tier)

    def is_overdue(self, as_of=None, calendar=None):
        as_of = as_of or timezone.localdate()
        return self.status != self.Status.RESOLVED and as_of > self.deadline(calendar)

    def tier(self):
        """The current tier as the charter in force has it (a GrievanceTier to show), or None when
        the office has no charter in force; tier 3 is the national cell's row."""
        if Level(self.level).is_national:
            return GrievanceTier.objects.national().select_related("contact_officer__office").first()
        published = PublishedTier.objects.of_office(self.office_id).filter(level=self.level)
        published = published.select_related("office").first()
        if published is None or not (published.printed or published.holder_contact):
            return None  # nothing the charter in force says of this tier: the page names the office
        return published.as_tier()

    @property
    def is_at_last_tier(self):
        return Level(self.level).is_national

    @property
    def can_be_reopened(self):
        return self.status == self.Status.RESOLVED and not self.reopened and not self.is_at_last_tier

    @property
    def service_label(self):
        """The service as filed: its name then, even if it was renamed or deleted since."""
        return self.service_name

    # ---- writes: each one locks the row, changes it and records the change, in one transaction

    @classmethod
    def file(cls, *, office, **fields):
        """Create a grievance at tier 1 with a fresh tracking number, its first event and its notices."""
        from .. import notifications

        level = Level.first()
        fields.setdefault("days_at_tier", days_at(office, level))
        listing = fields.pop("service", None)  # a services.ServiceListing of the charter in force
        if listing is not None:
            fields.update(service_category=listing.category, service_serial=listing.serial)
            fields.setdefault("service_name", listing.name)
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
                office=office,
                days=grievance.days_at_tier,
            )
            # Rows of the outbox, in this transaction: sent after the commit by send_notifications.
            notifications.filed(grievance)
        return grievance

    def _change(self, kind, *, role, on, user=None, note="", status=None, level=None, office=None, **fields):
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
            from_office_id=self.office_id,
        )
        self.status = status or self.status
        moved = (level and level != self.level) or (office is not None and office.pk != self.office_id)
        if office is not None:
            self.office = office
        if level:
            self.level = level
        if moved:
            self.tier_since = on  # day zero at the new tier
            self.days_at_tier = days_at(self.office_id, self.level)  # kept: later edits do not move it
            earlier = self.events.arrivals(self.office_id, self.level).first() if self.pk else None
            if earlier is not None:  # back where it has been: that first clock runs on (forwarding buys no time)
                self.tier_since, self.days_at_tier = earlier.on, earlier.days
            event.days = self.days_at_tier
        self.resolved_on = on if self.status == self.Status.RESOLVED else None
        for name, value in fields.items():
            setattr(self, name, value)
        self.full_clean(exclude=["tracking_number"])
        self.save()
        event.to_status, event.to_level, event.office_id = self.status, self.level, self.office_id
        event.save()
        return event

    def _locked(self):
        return type(self).objects.select_for_update().select_related("office").get(pk=self.pk)

    def _locked_for(self, user):
        """The row, locked, if ``user`` still holds it (it may have escalated a moment ago)."""
        locked = self._locked()
        if not may_handle(user, locked):
            raise ValidationError(NOT_YOURS)
        return locked

    def record_action(self, *, user, note):
        """An officer records what they did; the grievance stays at its tier."""
        with transaction.atomic():
            locked = self._locked_for(user)
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
        from .. import notifications

        if not resolution.strip():
            raise ValidationError({"resolution": "নাগরিকের জন্য নিষ্পত্তির বিবরণ লিখুন।"})
        with transaction.atomic():
            locked = self._locked_for(user)
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
            notifications.replied(locked)
        self.refresh_from_db()

    def forward(self, *, user, office, reason):
        """A tier-1 holder sends a grievance filed at the wrong office to the right one (tier 1 there)."""
        from .. import notifications

        if not reason.strip():
            raise ValidationError({"note": "কেন অন্য দপ্তরে পাঠাচ্ছেন লিখুন।"})
        with transaction.atomic():
            locked = self._locked_for(user)
            if locked.status == self.Status.RESOLVED or locked.level != Level.first():
                raise ValidationError("কেবল ১ম স্তরের অনিষ্পন্ন অভিযোগ অন্য দপ্তরে পাঠানো যায়।")
            if office.pk == locked.office_id:
                raise ValidationError("অভিযোগটি এই দপ্তরেই আছে; অন্য একটি দপ্তর বেছে নিন।")
            desk = desk_of(user) if user is not None else None
            if desk is not None and any(cell == office.pk for cell, _level in desk.cells()):
                raise ValidationError(
                    "ওই দপ্তরের অভিযোগ প্রতিকারের একটি স্তরের দায়িত্বে আপনি নিজেই আছেন; নিজের কাছে পাঠানো যায় না।"
                )
            locked._change(
                GrievanceEvent.Kind.FORWARDED,
                role=GrievanceEvent.Role.OFFICER,
                user=user,
                note=reason,
                on=timezone.localdate(),
                status=self.Status.RECEIVED,
                office=office,
                # A service of the old office; its name stays in service_name.
                service_category=None,
                service_serial=None,
            )
            notifications.forwarded(locked)
        self.refresh_from_db()

    def reopen(self, *, note=""):
        """The citizen is not satisfied with the resolution: once, and it goes to the next tier."""
        from .. import notifications

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
                level=Level(locked.level).next,
                reopened=True,
            )
            notifications.reached_tier(locked)
        self.refresh_from_db()

    def escalate_if_overdue(self, as_of, calendar=None):
        """Move to the next tier if the current tier's deadline passed before ``as_of``.

        Returns the event, or None when there was nothing to do (already moved, resolved, at the
        last tier, or not yet due): so running the escalation again changes nothing.
        """
        from .. import notifications

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
                level=Level(locked.level).next,
                note=f"{locked.get_level_display()}-এর সময়সীমা {bengali_date(deadline)} পার হয়েছে "
                f"({locked.days_at_tier} কার্যদিবস, শুরু {bengali_date(locked.tier_since)})।",
            )
            event.deadline = deadline
            notifications.reached_tier(locked, escalated=True)
        self.refresh_from_db()
        return event

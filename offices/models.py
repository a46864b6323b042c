"""The national tree: geography, the field offices on it, their people and charters."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import search_key
from charter_portal.searchable import Searchable

# An office key is its site's domain between "doict." and ".gov.bd":
# "joypurhat", "kachua.chandpur"; the headquarters is "hq".
OFFICE_KEY_PATTERN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)?"
validate_office_key = RegexValidator(
    rf"^{OFFICE_KEY_PATTERN}\Z",
    "দপ্তরের কী ছোট হাতের ইংরেজি অক্ষর, অঙ্ক ও হাইফেনে লিখুন, যেমন joypurhat বা kachua.chandpur।",
)


class Area(models.Model):
    """What divisions, districts and upazilas share: two names and an official domain."""

    name = models.CharField("নাম", max_length=100)
    key = models.CharField(
        "কী",
        max_length=80,
        unique=True,
        validators=[validate_office_key],
        help_text="সরকারি ডোমেইন থেকে, যেমন joypurhat বা kachua.chandpur",
    )
    domain = models.CharField("সরকারি ডোমেইন", max_length=120, blank=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Division(Area):
    class Meta(Area.Meta):
        verbose_name = "বিভাগ"
        verbose_name_plural = "বিভাগসমূহ"


class District(Area):
    division = models.ForeignKey(Division, models.PROTECT, related_name="districts", verbose_name="বিভাগ")

    class Meta(Area.Meta):
        verbose_name = "জেলা"
        verbose_name_plural = "জেলাসমূহ"


class Upazila(Area):
    district = models.ForeignKey(District, models.PROTECT, related_name="upazilas", verbose_name="জেলা")

    class Meta(Area.Meta):
        verbose_name = "উপজেলা"
        verbose_name_plural = "উপজেলাসমূহ"


class OfficeQuerySet(models.QuerySet):
    def get_by_natural_key(self, key):
        # Office.natural_key()'s other half: without it a `dumpdata --natural-foreign` backup (every
        # foreign key to an office written as its key) could not be loaded again.
        return self.get(key=key)

    def with_area(self):
        return self.select_related("district__division", "upazila__district__division", "parent")

    def publishing_charter(self):
        """The offices whose charter citizens may read (see ``published_charter_offices``)."""
        return self.filter(pk__in=published_charter_offices())

    def for_charter_page(self):
        """Everything the charter page shows, in a fixed number of queries."""
        from grievances.models import GrievanceTier
        from services.models import Service

        return (
            self.with_area()
            .select_related("charter")
            .prefetch_related(
                Prefetch(
                    "services",
                    queryset=Service.objects.select_related("responsible_officer", "superior_officer__office"),
                ),
                "expectations",
                Prefetch("grievance_tiers", queryset=GrievanceTier.objects.select_related("contact_officer__office")),
                Prefetch("children", queryset=Office.objects.order_by("pk")),
            )
        )


class Office(Searchable):
    class Level(models.TextChoices):
        # Lazy: the English pages show them too.
        HQ = "hq", _("প্রধান কার্যালয়")
        DISTRICT = "district", _("জেলা কার্যালয়")
        UPAZILA = "upazila", _("উপজেলা কার্যালয়")

    key = models.CharField(
        "কী",
        max_length=80,
        unique=True,
        validators=[validate_office_key],
        help_text="ওয়েবসাইটের doict. ও .gov.bd-এর মাঝের অংশ, যেমন kachua.chandpur; প্রধান কার্যালয় hq",
    )
    level = models.CharField("স্তর", max_length=10, choices=Level.choices)
    name = models.CharField("দপ্তরের নাম", max_length=200)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name="ঊর্ধ্বতন দপ্তর"
    )
    district = models.ForeignKey(
        District,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name="জেলা",
        help_text="শুধু জেলা কার্যালয়ের জন্য",
    )
    upazila = models.ForeignKey(
        Upazila,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name="উপজেলা",
        help_text="শুধু উপজেলা কার্যালয়ের জন্য",
    )
    address = models.CharField("ঠিকানা", max_length=300, blank=True)
    site = models.URLField("ওয়েবসাইট", blank=True)
    phone = models.CharField("ফোন", max_length=60, blank=True)
    email = models.EmailField("ই-মেইল", blank=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        verbose_name = "দপ্তর"
        verbose_name_plural = "দপ্তরসমূহ"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="office_area_matches_level",
                condition=(
                    Q(level="hq", district__isnull=True, upazila__isnull=True)
                    | Q(level="district", district__isnull=False, upazila__isnull=True)
                    | Q(level="upazila", district__isnull=True, upazila__isnull=False)
                ),
                violation_error_message="দপ্তরের এলাকা তার স্তরের সাথে মেলে না।",
            ),
            models.UniqueConstraint(
                fields=["level"],
                condition=Q(level="hq"),
                name="one_headquarters",
                violation_error_message="প্রধান কার্যালয় একটিই থাকতে পারে।",
            ),
            models.UniqueConstraint(
                fields=["district"],
                condition=Q(district__isnull=False),
                name="one_office_per_district",
            ),
            models.UniqueConstraint(
                fields=["upazila"],
                condition=Q(upazila__isnull=False),
                name="one_office_per_upazila",
            ),
        ]

    def __str__(self):
        return self.name

    def searchable_text(self):
        return search_key(" ".join(filter(None, [self.name_bn, self.name_en, self.key.replace(".", " ")])))

    def get_absolute_url(self):
        return reverse("offices:charter", kwargs={"key": self.key})

    def natural_key(self):
        return (self.key,)

    @property
    def area(self):
        return self.upazila or self.district

    @property
    def division(self):
        if self.upazila_id:
            return self.upazila.district.division
        if self.district_id:
            return self.district.division
        return None

    def ancestors(self):
        """The offices above this one, nearest first."""
        office, seen = self.parent, set()
        while office is not None and office.pk not in seen:
            seen.add(office.pk)
            yield office
            office = office.parent

    def clean(self):
        expected_parent_level = {
            self.Level.HQ: None,
            self.Level.DISTRICT: self.Level.HQ,
            self.Level.UPAZILA: self.Level.DISTRICT,
        }.get(self.level)
        if self.level == self.Level.HQ and self.parent_id:
            raise ValidationError({"parent": "প্রধান কার্যালয়ের কোনো ঊর্ধ্বতন দপ্তর থাকে না।"})
        if expected_parent_level and (self.parent is None or self.parent.level != expected_parent_level):
            raise ValidationError(
                {
                    "parent": f"{self.get_level_display()}-এর ঊর্ধ্বতন দপ্তর হবে একটি "
                    f"{self.Level(expected_parent_level).label}।"
                }
            )
        if self.level == self.Level.UPAZILA and self.upazila_id and self.parent and self.parent.district_id:
            if self.upazila.district_id != self.parent.district_id:
                raise ValidationError({"parent": "উপজেলা কার্যালয়ের ঊর্ধ্বতন দপ্তর হবে তার নিজের জেলা কার্যালয়।"})


def published_charter_offices():
    """The pks of the offices that publish a charter, as a subquery: the one place that decides.

    Today an office publishes a charter when it has a Charter row; a draft/publish workflow
    changes this function and ``Charter.is_published`` together, and every page follows."""
    return Charter.objects.values("office_id")


class Charter(models.Model):
    """The office's citizen's charter as a document: its prose, layout, date and signatory.

    The services, expectations and grievance tiers it promises hang off the office;
    this row says that the office has published a charter at all, and when any part
    of it last changed.
    """

    class ServiceColumns(models.TextChoices):
        # The column sets the paper charters use for their service tables.
        STANDARD = "standard", "৭ কলাম: পদ্ধতি, কাগজপত্র ও প্রাপ্তিস্থান, মূল্য, সময়সীমা, কর্মকর্তা"
        WITH_SUPERIOR = "with_superior", "৮ কলাম: মানক ৭ কলাম ও উর্ধ্বতন কর্মকর্তা"
        TIME_FIRST = "time_first", "৮ কলাম: সময়সীমা তৃতীয়, কাগজপত্র ও প্রাপ্তিস্থান আলাদা, উর্ধ্বতন কর্মকর্তা"

    office = models.OneToOneField(Office, models.CASCADE, primary_key=True, related_name="charter", verbose_name="দপ্তর")
    vision = models.TextField("ভিশন", blank=True)
    mission = models.TextField("মিশন", blank=True)
    service_columns = models.CharField(
        "সেবা তালিকার কলাম", max_length=20, choices=ServiceColumns.choices, default=ServiceColumns.STANDARD
    )
    issued_on = models.DateField("চার্টারের তারিখ", null=True, blank=True)
    signatory_name = models.CharField("স্বাক্ষরকারীর নাম", max_length=200, blank=True)
    signatory_designation = models.CharField("স্বাক্ষরকারীর পদবি", max_length=200, blank=True)
    updated_at = models.DateTimeField("সর্বশেষ হালনাগাদ", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "সিটিজেন চার্টার"
        verbose_name_plural = "সিটিজেন চার্টারসমূহ"

    def __str__(self):
        return f"সিটিজেন চার্টার: {self.office}"

    def save(self, *args, **kwargs):
        self.updated_at = charter_changed_at()
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        """Whether citizens may read it: today every charter (keep in step with published_charter_offices)."""
        return True

    @property
    def has_superior_column(self):
        return self.service_columns != self.ServiceColumns.STANDARD

    @property
    def time_limit_first(self):
        return self.service_columns == self.ServiceColumns.TIME_FIRST


class Officer(models.Model):
    """A person (or a post) an office names in its charter, with their contacts."""

    office = models.ForeignKey(Office, models.CASCADE, related_name="officers", verbose_name="দপ্তর")
    name = models.CharField("নাম", max_length=200, blank=True)
    designation = models.CharField("পদবি", max_length=200, blank=True)
    branch = models.CharField("শাখা", max_length=200, blank=True)
    phone = models.CharField("ফোন", max_length=60, blank=True)
    mobile = models.CharField("মোবাইল", max_length=60, blank=True)
    email = models.EmailField("ই-মেইল", blank=True)
    room = models.CharField("কক্ষ নম্বর", max_length=40, blank=True)
    upazila_code = models.CharField("উপজেলা কোড", max_length=20, blank=True)

    class Meta:
        verbose_name = "কর্মকর্তা"
        verbose_name_plural = "কর্মকর্তাগণ"
        ordering = ["office", "pk"]

    def __str__(self):
        return ", ".join(part for part in (self.name, self.designation) if part) or f"কর্মকর্তা #{self.pk}"

    def clean(self):
        if not (self.name or self.designation):
            raise ValidationError("কর্মকর্তার নাম অথবা পদবি দিন।")


class OfficeStaff(models.Model):
    """Ties a staff account to the one office whose rows it may edit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="office_staff", verbose_name="ব্যবহারকারী"
    )
    office = models.ForeignKey(Office, models.CASCADE, related_name="staff", verbose_name="দপ্তর")

    class Meta:
        verbose_name = "দপ্তরের কর্মী"
        verbose_name_plural = "দপ্তরের কর্মীগণ"

    def __str__(self):
        return f"{self.user} — {self.office}"


def office_of(user):
    """The office a staff account belongs to, or None."""
    if not user.is_authenticated:
        return None
    membership = getattr(user, "office_staff", None)
    return membership.office if membership else None


def charter_changed_at():
    """Now, to the millisecond: when a charter last changed, as its page and JSON show it.

    Django's JSON serializer keeps milliseconds only; a finer time would not survive a dumpdata
    backup, and the restored pages and JSON would differ from the originals.
    """
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def touch_charter(office_id):
    """Record that some part of an office's charter changed now."""
    if office_id:
        Charter.objects.filter(office_id=office_id).update(updated_at=charter_changed_at())


class ContentVersion(models.Model):
    """One row whose token changes whenever anything a public page shows changes.

    The public pages are cached per worker under this token (offices.pagecache). A random
    token rather than a counter, so a version is never used twice, even after the database is
    restored from a backup while workers still hold pages in memory.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "প্রকাশিত তথ্যের সংস্করণ"

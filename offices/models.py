"""The national tree: geography, the field offices on it and their people."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from charter_portal import limits
from charter_portal.bangla import search_key
from charter_portal.searchable import Searchable
from charter_portal.translated import EnglishTracked

# An office key is its site's domain between "doict." and ".gov.bd":
# "joypurhat", "kachua.chandpur"; the headquarters is "hq".
OFFICE_KEY_PATTERN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)?"
validate_office_key = RegexValidator(
    rf"^{OFFICE_KEY_PATTERN}\Z",
    "দপ্তরের কী ছোট হাতের ইংরেজি অক্ষর, অঙ্ক ও হাইফেনে লিখুন, যেমন joypurhat বা kachua.chandpur।",
)


class FixtureKey(str):
    """The key of a row a fixture brings without a primary key. loaddata looks such a row up by its
    natural key and would overwrite the row it finds; this key never finds one, so the row is
    inserted, and a key that already exists is refused (offices.fixtures) instead of rewritten."""


def natural_key_of(instance):
    return (FixtureKey(instance.key) if instance.pk is None else instance.key,)


def get_by_key(queryset, key):
    if isinstance(key, FixtureKey):
        raise queryset.model.DoesNotExist(f"{key} is a new row of a fixture")
    return queryset.get(key=key)


class AreaManager(models.Manager):
    def get_by_natural_key(self, key):
        # A fixture written by hand names a division, district or upazila by its key: ["joypurhat"].
        return get_by_key(self, key)


class Area(models.Model):
    """What divisions, districts and upazilas share: two names and an official domain."""

    name = models.CharField("নাম", max_length=100)
    key = models.CharField(
        "ওয়েব ঠিকানার কোড",
        max_length=80,
        unique=True,
        validators=[validate_office_key],
        help_text="সরকারি ডোমেইন থেকে, যেমন joypurhat বা kachua.chandpur",
    )
    domain = models.CharField("সরকারি ডোমেইন", max_length=120, blank=True)

    objects = AreaManager()

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return natural_key_of(self)


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
        return get_by_key(self, key)

    def with_area(self):
        return self.select_related("district__division", "upazila__district__division", "parent")


class Office(Searchable):
    class Level(models.TextChoices):
        # Lazy: the English pages show them too.
        HQ = "hq", _("প্রধান কার্যালয়")
        DISTRICT = "district", _("জেলা কার্যালয়")
        UPAZILA = "upazila", _("উপজেলা কার্যালয়")

    key = models.CharField(
        "ওয়েব ঠিকানার কোড",
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
        return reverse("charters:charter", kwargs={"key": self.key})

    def natural_key(self):
        return natural_key_of(self)

    @property
    def home_district(self):
        """The district the office is in (an upazila office's, its upazila's); None for HQ."""
        if self.upazila_id:
            return self.upazila.district
        return self.district if self.district_id else None

    @property
    def division(self):
        district = self.home_district
        return district.division if district else None

    def officer_office_ids(self, *, from_above=False):
        """The offices whose officers this office's charter may name: its own; where it names a
        superior officer or a GRS contact (``from_above``), those above it too (Magura's superior
        column names the district programmer). The one statement of that rule."""
        return [self.pk, *(o.pk for o in self.ancestors())] if from_above else [self.pk]

    def may_name(self, officer, *, from_above=False):
        return officer.office_id in self.officer_office_ids(from_above=from_above)

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


class OfficerQuerySet(models.QuerySet):
    def nameable_by(self, office, *, from_above=False):
        """The officers ``office``'s charter may name (see Office.officer_office_ids)."""
        if office is None:
            return self.none()
        return self.filter(office__in=office.officer_office_ids(from_above=from_above))


class Officer(EnglishTracked):
    """A person (or a post) an office names in its charter, with their contacts."""

    office = models.ForeignKey(Office, models.CASCADE, related_name="officers", verbose_name="দপ্তর")
    name = models.CharField("নাম", max_length=limits.PERSON, blank=True)
    designation = models.CharField("পদবি", max_length=limits.PERSON, blank=True)
    branch = models.CharField("শাখা", max_length=limits.PERSON, blank=True)
    phone = models.CharField("ফোন", max_length=limits.PHONE, blank=True)
    mobile = models.CharField("মোবাইল", max_length=limits.PHONE, blank=True)
    email = models.EmailField("ই-মেইল", max_length=limits.EMAIL, blank=True)
    room = models.CharField("কক্ষ নম্বর", max_length=40, blank=True)
    upazila_code = models.CharField("উপজেলা কোড", max_length=20, blank=True)

    objects = OfficerQuerySet.as_manager()

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

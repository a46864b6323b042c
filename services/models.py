"""What an office promises: its services, and what it expects of citizens in return."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from charter_portal import limits
from charter_portal.bangla import search_key
from charter_portal.searchable import Searchable
from charter_portal.translated import EnglishTracked

from .promises import COUNTED, Promise, PromiseKind, read_promise

_TEXT = {"max_length": limits.SERVICE_TEXT, "validators": limits.bounded(limits.SERVICE_TEXT)}

# What a citizen's search looks in: the service's name and how to get it, in both languages.
SEARCHED_FIELDS = ("name", "delivery_method", "required_papers", "papers_source")


class PromisedService(models.Model):
    """A service as a charter promises it: its category, serial and texts, and its addresses.
    Service is the row an office's staff edit (the draft); ServiceListing the published one that
    search reads."""

    class Category(models.IntegerChoices):
        # The numbers are the charter's own section numbers: ২.১, ২.২, ২.৩.
        # Lazy: the English pages show them too.
        CITIZEN = 1, _("নাগরিক সেবা")
        INSTITUTIONAL = 2, _("প্রাতিষ্ঠানিক সেবা")
        INTERNAL = 3, _("অভ্যন্তরীণ সেবা")

        @property
        def code(self):
            """The category's name in the open data: citizen, institutional, internal."""
            return self.name.lower()

    # A service's texts, in the paper charter's column order: the one list that translation, the
    # admin, the charter document and its fixtures, the JSON and the CSV all read.
    TEXT_FIELDS = ("name", "delivery_method", "required_papers", "papers_source", "fee", "time_limit")

    category = models.PositiveSmallIntegerField("ধরন", choices=Category.choices)
    serial = models.PositiveSmallIntegerField("ক্রমিক নং")
    name = models.TextField("সেবার নাম", max_length=limits.SERVICE_NAME, validators=limits.bounded(limits.SERVICE_NAME))
    delivery_method = models.TextField("সেবা প্রদান পদ্ধতি", blank=True, **_TEXT)
    required_papers = models.TextField(
        "প্রয়োজনীয় কাগজপত্র",
        blank=True,
        **_TEXT,
        help_text="যে চার্টারে কাগজপত্র ও প্রাপ্তিস্থান একই কলামে, সেখানে পুরো কলামটি এখানে",
    )
    papers_source = models.TextField(
        "কাগজপত্র/আবেদন ফরম প্রাপ্তিস্থান",
        blank=True,
        **_TEXT,
        help_text="শুধু যে চার্টারে প্রাপ্তিস্থান আলাদা কলাম",
    )
    fee = models.TextField("সেবার মূল্য ও পরিশোধ পদ্ধতি", blank=True, **_TEXT)
    time_limit = models.TextField("সেবা প্রদানের সময়সীমা", blank=True, **_TEXT)
    # The time limit as a number (services.promises). Empty on a draft service: read from the
    # time limit's text; set when staff confirm or correct that reading. Always set on a listing.
    promise_kind = models.CharField(
        "প্রতিশ্রুত সময়ের ধরন",
        max_length=16,
        choices=PromiseKind.choices,
        blank=True,
        help_text="খালি রাখলে সময়সীমার লেখা থেকে পড়া হয়; নিশ্চিত বা সংশোধন করতে এখানে বেছে নিন",
    )
    promise_days = models.PositiveSmallIntegerField(
        "প্রতিশ্রুত দিনের সংখ্যা", null=True, blank=True, help_text="কার্যদিবস বা দিনের সংখ্যা"
    )

    class Meta:
        abstract = True

    @property
    def promise(self):
        """The promise this service makes: what staff confirmed, else the reading of its text."""
        if self.promise_kind:
            return Promise.of(self.promise_kind, self.promise_days)
        return self.promise_read

    @property
    def promise_read(self):
        """What the Bengali time limit reads as, whatever staff set."""
        return read_promise(self.time_limit_bn)

    def clean_promise(self):
        if self.promise_kind in COUNTED and not self.promise_days:
            raise ValidationError({"promise_days": "কার্যদিবস বা দিনের প্রতিশ্রুতিতে দিনের সংখ্যা (১ বা বেশি) দিন।"})
        if self.promise_kind not in COUNTED and self.promise_days is not None:
            raise ValidationError({"promise_days": "এই ধরনের প্রতিশ্রুতিতে দিনের সংখ্যা থাকে না; ঘরটি খালি রাখুন।"})

    def __str__(self):
        return self.name

    # search_key never leaves punctuation, so this cannot occur inside either part.
    SEARCH_NAME_END = " | "

    def searchable_text(self):
        """The normalised name, then the rest of SEARCHED_FIELDS (ranking weighs the name)."""

        def joined(names):
            values = (getattr(self, f"{name}_{language}") for name in names for language in ("bn", "en"))
            return search_key(" ".join(value for value in values if value))

        return joined(SEARCHED_FIELDS[:1]) + self.SEARCH_NAME_END + joined(SEARCHED_FIELDS[1:])

    def get_absolute_url(self):
        return reverse(
            "charters:service", kwargs={"key": self.office.key, "category": self.category, "serial": self.serial}
        )

    def get_charter_row_url(self):
        return f"{self.office.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"service-{self.category}-{self.serial}"


class Service(EnglishTracked, PromisedService):
    office = models.ForeignKey("offices.Office", models.CASCADE, related_name="services", verbose_name="দপ্তর")
    responsible_officer = models.ForeignKey(
        "offices.Officer",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        verbose_name="দায়িত্বপ্রাপ্ত কর্মকর্তা",
    )
    superior_officer = models.ForeignKey(
        "offices.Officer",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_services",
        verbose_name="উর্ধ্বতন কর্মকর্তা",
    )

    class Meta:
        verbose_name = "সেবা"
        verbose_name_plural = "সেবাসমূহ"
        ordering = ["office", "category", "serial"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "category", "serial"],
                name="one_service_per_serial",
                violation_error_message="এই ধরনের সেবায় এই ক্রমিক নং আগেই আছে।",
            ),
            models.CheckConstraint(
                name="service_serial_positive",
                condition=models.Q(serial__gte=1),
                violation_error_message="ক্রমিক নং ১ বা তার বেশি হবে।",
            ),
        ]

    def clean(self):
        self.clean_promise()
        if not self.office_id:
            return
        if self.responsible_officer and not self.office.may_name(self.responsible_officer):
            raise ValidationError({"responsible_officer": "দায়িত্বপ্রাপ্ত কর্মকর্তা এই দপ্তরেরই হতে হবে।"})
        if self.superior_officer and not self.office.may_name(self.superior_officer, from_above=True):
            raise ValidationError({"superior_officer": "উর্ধ্বতন কর্মকর্তা এই দপ্তরের বা এর ঊর্ধ্বতন কোনো দপ্তরের হতে হবে।"})


class ServiceListing(PromisedService, Searchable):
    """A service of the charter an office has in force, as search finds it: rebuilt from the
    published version whenever a version is published or withdrawn (charters.publishing)."""

    office = models.ForeignKey("offices.Office", models.CASCADE, related_name="service_listings", verbose_name="দপ্তর")

    class Meta:
        verbose_name = "প্রকাশিত সেবা"
        verbose_name_plural = "প্রকাশিত সেবাসমূহ"
        ordering = ["office", "category", "serial"]
        constraints = [
            models.UniqueConstraint(fields=["office", "category", "serial"], name="one_listing_per_serial"),
        ]


class Expectation(EnglishTracked):
    """One line of "আপনার কাছে আমাদের প্রত্যাশা": what the office asks of the citizen."""

    office = models.ForeignKey("offices.Office", models.CASCADE, related_name="expectations", verbose_name="দপ্তর")
    serial = models.PositiveSmallIntegerField("ক্রমিক নং")
    text = models.TextField("করণীয়", max_length=limits.EXPECTATION, validators=limits.bounded(limits.EXPECTATION))

    class Meta:
        verbose_name = "নাগরিকের কাছে প্রত্যাশা"
        verbose_name_plural = "নাগরিকের কাছে প্রত্যাশাসমূহ"
        ordering = ["office", "serial"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "serial"],
                name="one_expectation_per_serial",
                violation_error_message="এই ক্রমিক নং আগেই আছে।",
            ),
        ]

    def __str__(self):
        return self.text

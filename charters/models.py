"""An office's citizen's charter as a document: its prose, layout, date and signatory."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from charter_portal import limits
from charter_portal.translated import EnglishTracked
from offices.models import Office

_PROSE = limits.bounded(limits.CHARTER_PROSE)


class Charter(EnglishTracked):
    """The office's citizen's charter as a document: its prose, layout, date and signatory.

    With the office's services, expectations and grievance tiers, this is the office's draft:
    what its staff edit. Citizens read what was last published of it (CharterVersion).
    This row says that the office has a charter at all; when a published one last changed is its
    version's publication time.
    """

    class ServiceColumns(models.TextChoices):
        # The column sets the paper charters use for their service tables.
        STANDARD = "standard", "৭ কলাম: পদ্ধতি, কাগজপত্র ও প্রাপ্তিস্থান, মূল্য, সময়সীমা, কর্মকর্তা"
        WITH_SUPERIOR = "with_superior", "৮ কলাম: মানক ৭ কলাম ও উর্ধ্বতন কর্মকর্তা"
        TIME_FIRST = "time_first", "৮ কলাম: সময়সীমা তৃতীয়, কাগজপত্র ও প্রাপ্তিস্থান আলাদা, উর্ধ্বতন কর্মকর্তা"

    office = models.OneToOneField(Office, models.CASCADE, primary_key=True, related_name="charter", verbose_name="দপ্তর")
    vision = models.TextField("ভিশন", blank=True, max_length=limits.CHARTER_PROSE, validators=_PROSE)
    mission = models.TextField("মিশন", blank=True, max_length=limits.CHARTER_PROSE, validators=_PROSE)
    service_columns = models.CharField(
        "সেবা তালিকার কলাম", max_length=20, choices=ServiceColumns.choices, default=ServiceColumns.STANDARD
    )
    issued_on = models.DateField("চার্টারের তারিখ", null=True, blank=True)
    signatory_name = models.CharField("স্বাক্ষরকারীর নাম", max_length=limits.PERSON, blank=True)
    signatory_designation = models.CharField("স্বাক্ষরকারীর পদবি", max_length=limits.PERSON, blank=True)

    class ImportSource(models.TextChoices):
        # The kind of file the draft was imported from (the coverage page counts them).
        TEXT = "text", "টেক্সট"
        WORD = "word", "Word"
        BIJOY = "bijoy", "বিজয় (SutonnyMJ)"
        PDF = "pdf", "PDF"
        SCAN = "scan", "স্ক্যান (OCR)"

    import_source = models.CharField(
        "যে ফাইল থেকে আমদানি", max_length=10, choices=ImportSource.choices, blank=True, editable=False
    )
    # Every warning of the last import, with its place: [{"place": "পৃষ্ঠা ২, টেবিল ১, সারি ৩, কলাম ৪",
    # "message": …}]; from a scan, each cell the OCR was unsure of, for the staff to check before publishing.
    import_warnings = models.JSONField("আমদানির সতর্কবার্তা", default=list, blank=True, editable=False)

    class Meta:
        db_table = "offices_charter"  # made by offices before the charter was its own app
        verbose_name = "সিটিজেন চার্টার"
        verbose_name_plural = "সিটিজেন চার্টারসমূহ"

    def __str__(self):
        # The office alone: the admin puts the model's name ("সিটিজেন চার্টার:") before it already.
        return str(self.office)

    @property
    def has_superior_column(self):
        return self.service_columns != self.ServiceColumns.STANDARD

    @property
    def time_limit_first(self):
        return self.service_columns == self.ServiceColumns.TIME_FIRST


class CharterVersionQuerySet(models.QuerySet):
    def in_force(self):
        """Versions HQ has not withdrawn; the newest of an office's is the one its page shows."""
        return self.filter(withdrawn_at__isnull=True)

    def current_of(self, office):
        """The office's version in force (``office`` a row or its pk), or None."""
        return self.in_force().filter(office=office).order_by("-number").first()


class CharterVersion(models.Model):
    """A charter as an office published it: the whole of it, frozen as one JSON document
    (charters.snapshot), with its date and signatory. Never edited; HQ may only withdraw one."""

    office = models.ForeignKey(Office, models.PROTECT, related_name="charter_versions", verbose_name="দপ্তর")
    number = models.PositiveIntegerField("সংস্করণ নম্বর")
    document = models.JSONField("চার্টার", editable=False)
    # Blank only where an imported paper charter itself carries no date or signatory (three of the
    # seeds): publishing in the portal always asks for both.
    issued_on = models.DateField("চার্টারের তারিখ", null=True, blank=True)
    signatory_name = models.CharField("স্বাক্ষরকারীর নাম", max_length=limits.PERSON, blank=True)
    signatory_designation = models.CharField("স্বাক্ষরকারীর পদবি", max_length=limits.PERSON, blank=True)
    summary = models.CharField("কী বদলেছে", max_length=300, blank=True)
    published_at = models.DateTimeField("প্রকাশের সময়", default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="প্রকাশ করেছেন"
    )
    withdrawn_at = models.DateTimeField("প্রত্যাহারের সময়", null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="প্রত্যাহার করেছেন"
    )

    objects = CharterVersionQuerySet.as_manager()

    # The only change a published version takes.
    WITHDRAWAL_FIELDS = {"withdrawn_at", "withdrawn_by"}

    class Meta:
        verbose_name = "প্রকাশিত সংস্করণ"
        verbose_name_plural = "প্রকাশিত সংস্করণসমূহ"
        ordering = ["office", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "number"],
                name="one_version_per_number",
                violation_error_message="এই দপ্তরের এই সংস্করণ আগেই প্রকাশিত হয়েছে।",
            ),
            models.CheckConstraint(
                name="version_number_positive",
                condition=models.Q(number__gte=1),
                violation_error_message="সংস্করণ নম্বর ১ বা তার বেশি।",
            ),
        ]
        permissions = [("publish_charter", "নিজ দপ্তরের চার্টার প্রকাশ করতে পারেন")]

    def __str__(self):
        return f"{self.office}: সংস্করণ {self.number}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and not self._state.adding and not (update_fields and set(update_fields) <= self.WITHDRAWAL_FIELDS):
            raise ValidationError("প্রকাশিত সংস্করণ বদলানো যায় না; নতুন সংস্করণ প্রকাশ করুন।")
        super().save(*args, **kwargs)

    def withdraw(self, user):
        self.withdrawn_at, self.withdrawn_by = timezone.now(), user
        self.save(update_fields=["withdrawn_at", "withdrawn_by"])

    def get_absolute_url(self):
        return reverse("charters:version", kwargs={"key": self.office.key, "number": self.number})


def publishing_offices():
    """The offices that publish a charter: those with a version in force. The one place that decides."""
    return Office.objects.filter(pk__in=CharterVersion.objects.in_force().values("office_id"))

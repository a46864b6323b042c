"""An office's citizen's charter as a document: its prose, layout, date and signatory."""

from django.db import models
from django.utils import timezone

from offices.models import Office


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
        db_table = "offices_charter"  # made by offices before the charter was its own app
        verbose_name = "সিটিজেন চার্টার"
        verbose_name_plural = "সিটিজেন চার্টারসমূহ"

    def __str__(self):
        return f"সিটিজেন চার্টার: {self.office}"

    def save(self, *args, **kwargs):
        self.updated_at = charter_changed_at()
        super().save(*args, **kwargs)

    @property
    def has_superior_column(self):
        return self.service_columns != self.ServiceColumns.STANDARD

    @property
    def time_limit_first(self):
        return self.service_columns == self.ServiceColumns.TIME_FIRST


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

"""A bulk import (a batch of files) and what became of each file."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from charters.importer.limits import MAX_SECONDS
from charters.models import Charter
from offices.models import Office

# A running batch finishes a file at least every MAX_SECONDS (each file is read within that limit);
# one that has finished none for this long has lost its worker (killed, restarted mid-batch).
STALLED_AFTER = datetime.timedelta(seconds=2 * MAX_SECONDS + 60)


class ImportBatch(models.Model):
    """Files HQ brought in together: a folder or zip given to import_charters, or files uploaded in
    the admin. A task (imports.tasks) reads them one by one; the report page follows it."""

    class Status(models.TextChoices):
        WAITING = "waiting", "অপেক্ষায়"
        RUNNING = "running", "চলছে"
        DONE = "done", "শেষ"

    source = models.CharField("কোথা থেকে", max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="দিয়েছেন"
    )
    created_at = models.DateTimeField("দেওয়ার সময়", default=timezone.now)
    started_at = models.DateTimeField("শুরু", null=True, blank=True)
    finished_at = models.DateTimeField("শেষ", null=True, blank=True)
    status = models.CharField("অবস্থা", max_length=10, choices=Status.choices, default=Status.WAITING)

    class Meta:
        verbose_name = "চার্টার আমদানির কাজ"
        verbose_name_plural = "চার্টার আমদানির কাজসমূহ"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.source} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"

    def last_progress(self):
        """When the batch last moved: its newest finished file, else its start, else its creation."""
        finished = self.files.aggregate(last=models.Max("finished_at"))["last"]
        return max(filter(None, [finished, self.started_at, self.created_at]))

    def is_stalled(self, now=None):
        """Not done, files still waiting, and nothing finished for STALLED_AFTER: its worker is gone."""
        return (
            self.status != self.Status.DONE
            and self.files.filter(status=ImportFile.Status.WAITING).exists()
            and (now or timezone.now()) - self.last_progress() > STALLED_AFTER
        )

    def claim_resumption(self):
        """Mark a stalled batch as started again, once: True for the one caller that did (two HQ
        clicks on "resume" queue one task)."""
        if not self.is_stalled():
            return False
        claimed = ImportBatch.objects.filter(pk=self.pk, started_at=self.started_at).exclude(status=self.Status.DONE)
        return bool(claimed.update(started_at=timezone.now(), status=self.Status.WAITING))

    def counts(self):
        """{status: number of files}, every status present."""
        found = dict(self.files.values_list("status").annotate(n=models.Count("pk")).order_by())
        return {status: found.get(status, 0) for status in ImportFile.Status.values}


class ImportFileQuerySet(models.QuerySet):
    def latest_imported(self, office):
        """The file the office's draft was last imported from, or None."""
        return self.filter(office=office, status=ImportFile.Status.IMPORTED).order_by("-finished_at", "-pk").first()


class ImportFile(models.Model):
    """One file of a batch: its bytes until it is read, then the office it went to, what was found
    (services by category, every warning with its place) or why it was refused."""

    class Status(models.TextChoices):
        WAITING = "waiting", "অপেক্ষায়"
        IMPORTED = "imported", "খসড়া হিসেবে আমদানি হয়েছে"
        UNCHANGED = "unchanged", "আগেই আমদানি হয়েছে (ফাইল বদলায়নি)"
        REFUSED = "refused", "নেওয়া হয়নি"

    batch = models.ForeignKey(ImportBatch, models.CASCADE, related_name="files", verbose_name="কাজ")
    position = models.PositiveIntegerField("ক্রম")
    name = models.CharField("ফাইলের নাম", max_length=255)
    # Kept only until the file is read: a worker on another machine reads it from the database.
    data = models.BinaryField("ফাইল", blank=True, editable=False)
    sha256 = models.CharField("ফাইলের হ্যাশ (SHA-256)", max_length=64, blank=True, db_index=True)
    office = models.ForeignKey(Office, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="দপ্তর")
    status = models.CharField("ফল", max_length=10, choices=Status.choices, default=Status.WAITING)
    source = models.CharField("ফাইলের ধরন", max_length=10, choices=Charter.ImportSource.choices, blank=True)
    services = models.JSONField("পাওয়া সেবা", default=list, blank=True)  # [[category label, number]]
    warnings = models.JSONField("সতর্কবার্তা", default=list, blank=True)  # [{"place": …, "message": …}]
    error = models.TextField("কেন নেওয়া হয়নি", blank=True)
    finished_at = models.DateTimeField("পড়ার সময়", null=True, blank=True)

    objects = ImportFileQuerySet.as_manager()

    class Meta:
        verbose_name = "আমদানির ফাইল"
        verbose_name_plural = "আমদানির ফাইলসমূহ"
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="one_file_per_position"),
            models.CheckConstraint(
                condition=~models.Q(status="refused") | ~models.Q(error=""),
                name="a_refused_file_says_why",
                violation_error_message="নেওয়া হয়নি এমন ফাইলের কারণ লিখতে হবে।",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def service_total(self):
        return sum(number for _, number in self.services)

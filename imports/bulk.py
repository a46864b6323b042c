"""A batch of charter files into the offices' drafts: each file matched to its office, read, and
written in its own transaction; none published. A file whose bytes are those the office's draft
was last imported from is reported as already imported, not read again, so a batch run twice
imports nothing twice.

Which office: the site the document names (doict.<key>.gov.bd), or the file's name
(<office key>.<ext>); when both are given they must agree, or the file is refused (another
office's file is never written to the wrong office).
"""

import hashlib
import logging
from pathlib import PurePosixPath

from django.db import transaction
from django.utils import timezone

from charters.errors import CharterError
from charters.importer import read_charter_file
from charters.models import Charter
from charters.writing import office_named_in, office_site_key, site_key, tree_warnings, write_import
from offices.models import Office
from services.models import Service

from .models import ImportBatch, ImportFile

logger = logging.getLogger(__name__)


def create_batch(source, incoming, user=None):
    """A waiting batch of the files (sources.Incoming); a file refused before reading is recorded so."""
    with transaction.atomic():
        batch = ImportBatch.objects.create(source=source[:300], created_by=user)
        ImportFile.objects.bulk_create(
            ImportFile(
                batch=batch,
                position=position,
                name=item.name[:255],
                data=item.data,
                sha256=hashlib.sha256(item.data).hexdigest() if not item.refusal else "",
                status=ImportFile.Status.REFUSED if item.refusal else ImportFile.Status.WAITING,
                error=item.refusal,
                finished_at=timezone.now() if item.refusal else None,
            )
            for position, item in enumerate(incoming, start=1)
        )
    return batch


def run_batch(batch, progress=None):
    """Read every waiting file of the batch in order; ``progress(file, done, total)`` after each.
    A batch stopped half-way (a worker restarted) goes on from its first waiting file."""
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING, started_at=timezone.now())
    total = batch.files.count()
    offices = OfficeMatcher()
    for pk in batch.files.filter(status=ImportFile.Status.WAITING).values_list("pk", flat=True):
        item = ImportFile.objects.get(pk=pk)
        import_file(item, offices)
        if progress:
            progress(item, total - batch.files.filter(status=ImportFile.Status.WAITING).count(), total)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.DONE, finished_at=timezone.now())
    batch.refresh_from_db()
    return batch


class OfficeMatcher:
    """Offices by the key their site gives and by their own key, read once a batch."""

    def __init__(self):
        self.by_key = {}
        for office in Office.objects.select_related("parent"):
            self.by_key.setdefault(office.key, office)
            self.by_key.setdefault(office_site_key(office), office)

    def by_name(self, name):
        stem = PurePosixPath(name).name
        stem = stem.rsplit(".", 1)[0] if "." in stem else stem
        return self.by_key.get(stem.strip().lower())

    def match(self, name, result):
        """The office of the file, or a CharterError saying why none can be chosen."""
        named = self.by_name(name)
        if not result.site:
            if named is None:
                raise CharterError(
                    "ফাইলটি কোন দপ্তরের তা বোঝা যায়নি: নথিতে দপ্তরের ওয়েবসাইট নেই, আর ফাইলের নাম কোনো দপ্তরের "
                    "কী নয়। ফাইলের নাম দপ্তরের কী দিয়ে দিন, যেমন kachua.chandpur.docx।"
                )
            return named
        by_site = self.by_key.get(site_key(result.site))
        if by_site is None:
            raise CharterError(
                f"নথিতে ওয়েবসাইট {result.site} লেখা, যা পোর্টালের কোনো দপ্তরের নয়। কিছুই লেখা হয়নি; "
                "দপ্তরের পাতা থেকে ফাইলটি আমদানি করে দপ্তর নিশ্চিত করুন।"
            )
        if named is not None and named != by_site:
            raise CharterError(
                f"ফাইলের নাম {named.name_bn}-এর, কিন্তু নথিতে {by_site.name_bn}-এর ওয়েবসাইট ({result.site}) লেখা। "
                "অন্য দপ্তরের ফাইল কোনো দপ্তরে লেখা হয়নি; ঠিক দপ্তরের নামে ফাইলটির নাম দিন, অথবা দপ্তরের পাতা থেকে "
                "আমদানি করে নিশ্চিত করুন।"
            )
        return by_site


def _already_imported(item, offices):
    """The earlier file the office's draft was last imported from, when it had these very bytes
    (and the file's name names no other office), or None."""
    earlier = (
        ImportFile.objects.filter(sha256=item.sha256, status=ImportFile.Status.IMPORTED)
        .exclude(pk=item.pk)
        .select_related("office")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if not (earlier and earlier.office) or offices.by_name(item.name) not in (None, earlier.office):
        return None
    if ImportFile.objects.latest_imported(earlier.office) == earlier:
        return earlier
    return None


def import_file(item, offices=None):
    """Read one waiting file and write it as its office's draft, all of it or none of it; record
    the outcome on the file (its bytes are dropped once read)."""
    offices = offices or OfficeMatcher()
    earlier = _already_imported(item, offices)
    if earlier:
        _finish(
            item,
            status=ImportFile.Status.UNCHANGED,
            office=earlier.office,
            source=earlier.source,
            services=earlier.services,
            warnings=earlier.warnings,
        )
        return item
    result = None
    try:
        result = read_charter_file(bytes(item.data), item.name, office_named_in)
        office = offices.match(item.name, result)
        with transaction.atomic():
            write_import(office, result, tree_warnings(office, result))
            counts = result.document.counts()
            _finish(
                item,
                status=ImportFile.Status.IMPORTED,
                office=office,
                source=result.source,
                services=[[str(c.label), counts.get(c, 0)] for c in Service.Category],
                # As write_import stored them: the office row's cached charter may be the one
                # update_or_create made, from before the warnings were written.
                warnings=Charter.objects.values_list("import_warnings", flat=True).get(office=office),
            )
    except CharterError as error:
        _finish(item, status=ImportFile.Status.REFUSED, error=result.refusal(error) if result else str(error))
    except Exception as error:  # one broken file must not stop the other 558; the log keeps the trace
        logger.exception("bulk import: %s", item.name)
        _finish(
            item,
            status=ImportFile.Status.REFUSED,
            error=f"ফাইলটি পড়তে অপ্রত্যাশিত ত্রুটি ({type(error).__name__}); কিছুই লেখা হয়নি।",
        )
    return item


def _finish(item, **values):
    if values["status"] == ImportFile.Status.REFUSED:  # whatever a failed write had set, nothing of it
        values = {"office": None, "source": "", "services": [], "warnings": [], **values}
    for name, value in values.items():
        setattr(item, name, value)
    item.data, item.finished_at = b"", timezone.now()
    item.save()

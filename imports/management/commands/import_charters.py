from django.core.management.base import BaseCommand, CommandError

from charter_portal.bangla import bengali_digits
from charters.errors import CharterError
from imports import sources
from imports.bulk import create_batch, run_batch
from imports.models import ImportFile

BAR_WIDTH = 30


def bar(done, total):
    """[██████░░░░] ১২/১০০"""
    filled = BAR_WIDTH * done // total if total else BAR_WIDTH
    return f"[{'█' * filled}{'░' * (BAR_WIDTH - filled)}] {bengali_digits(f'{done}/{total}')}"


class Command(BaseCommand):
    help = (
        "Import a folder (or a zip) of charter files, each into its office's draft (none published): "
        "the office is the one whose site the document names, or whose key the file is named after "
        "(<office key>.docx). Prints a progress bar and a report per file; a file imported before, "
        "unchanged, is not imported again."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a folder of charter files, or a zip of them")

    def handle(self, path, **options):
        try:
            incoming = sources.from_path(path)
        except CharterError as error:
            raise CommandError(f"{error} কিছুই আমদানি হয়নি।") from None
        batch = create_batch(f"import_charters {path}", incoming)
        terminal = hasattr(self.stderr, "isatty") and self.stderr.isatty()

        def progress(item, done, total):
            if terminal:
                self.stderr.write(f"\r{bar(done, total)} {item.name[:40]:<40}", ending="")
            else:
                self.stderr.write(f"{bar(done, total)} {item.name}")

        run_batch(batch, progress)
        if terminal:
            self.stderr.write("")
        self.report(batch)

    def report(self, batch):
        for item in batch.files.select_related("office"):
            office = item.office.key if item.office else "—"
            self.stdout.write(f"{item.name}: {item.get_status_display()} · {office}")
            if item.status in (ImportFile.Status.IMPORTED, ImportFile.Status.UNCHANGED):
                found = ", ".join(f"{label} {bengali_digits(str(n))}" for label, n in item.services)
                self.stdout.write(f"  {item.get_source_display()}; সেবা: {found}")
                for warning in item.warnings:
                    self.stdout.write(f"  সতর্কবার্তা: {warning['place'] or '—'}: {warning['message']}")
            elif item.error:
                self.stdout.write(f"  কারণ: {item.error}")
        counts = batch.counts()
        self.stdout.write(
            "মোট {}টি ফাইল: আমদানি {}, আগেই আমদানি হয়েছে {}, নেওয়া হয়নি {}".format(
                *(
                    bengali_digits(str(n))
                    for n in (sum(counts.values()), counts["imported"], counts["unchanged"], counts["refused"])
                )
            )
        )

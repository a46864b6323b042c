import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from charters.errors import CharterError
from charters.importer import read_charter_file
from charters.management.publishing import add_publication_arguments, publish_draft
from charters.models import Charter
from charters.writing import charter_fixture, office_named_in, record_import, tree_warnings, write_charter
from offices.models import Office
from services.models import Service

# A charter export is a few hundred kilobytes at most; anything far larger is not one.
MAX_BYTES = 5 * 1024 * 1024


def located(lines, where):
    """ "line 3, 7: " for a text export, "table 2, row 4; table 2, row 6: " for a Word file."""
    places = [where(n) for n in sorted({n for n in lines if n})]
    if not places:
        return ""
    if all(place.startswith("line ") for place in places):
        return "line " + ", ".join(place.removeprefix("line ") for place in places) + ": "
    return "; ".join(places) + ": "


class Command(BaseCommand):
    help = (
        "Read the text export of a citizen's charter and make it the office's charter: vision and mission, "
        "services of each category with all their columns, officers, expectations, GRS tiers, date and "
        "signatory. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help=(
                "the charter: a Word file (.docx), its text export (UTF-8; tab-separated or one cell per line), "
                "or a scan (PNG, JPEG, a PDF without text; read by OCR)"
            ),
        )
        parser.add_argument("--office", required=True, help="the office's key, e.g. joypurhat or kachua.chandpur")
        parser.add_argument("--dry-run", action="store_true", help="print what would be written; write nothing")
        parser.add_argument("--fixture", metavar="OUT.json", help="write a loaddata fixture instead of the database")
        parser.add_argument("--replace", action="store_true", help="replace the office's existing charter (its draft)")
        add_publication_arguments(parser)

    def handle(self, file, office, dry_run, fixture, replace, publish, **options):
        path = Path(file)
        try:
            target = Office.objects.select_related("parent").get(key=office)
        except Office.DoesNotExist:
            raise CommandError(f"No office with the key {office!r}.") from None
        data = self.read(path)
        try:
            result = read_charter_file(data, path.name, office_named_in)
        except CharterError as exc:
            raise CommandError(f"{path.name}: could not read the charter: {exc}") from None
        document, warnings = result.document, list(result.warnings)
        try:
            warnings += tree_warnings(target, result)
        except CharterError as exc:
            raise CommandError(f"{path.name}: {exc}") from None

        if not replace and not dry_run and not fixture and Charter.objects.filter(office=target).exists():
            raise CommandError(f"{target.key} already has a charter; use --replace to replace it.")
        if dry_run:
            self.print_plan(document)
        elif fixture:
            with open(fixture, "w", encoding="utf-8") as handle:
                json.dump(charter_fixture(target, document), handle, ensure_ascii=False, indent=1)
                handle.write("\n")
            self.stdout.write(f"fixture written to {fixture}")
        else:
            try:
                with transaction.atomic():
                    write_charter(target, document, replace=replace)
                    record_import(target, result, warnings)
            except CharterError as exc:
                raise CommandError(f"{path.name}: nothing was written: {exc}") from None
        self.print_summary(target, document, warnings, written=not (dry_run or fixture), where=result.where)
        if publish and not (dry_run or fixture):
            publish_draft(self, target, options, as_signed=True)

    def read(self, path):
        try:
            if path.stat().st_size > MAX_BYTES:
                raise CommandError(
                    f"{path.name} is {path.stat().st_size} bytes; a charter export is under "
                    f"{MAX_BYTES // (1024 * 1024)} MB. Is it the right file?"
                )
            return path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from None

    def print_plan(self, document):
        self.stdout.write("dry run: nothing is written")
        for category in Service.Category:
            services = [s for s in document.services if s.category == category]
            if services:
                self.stdout.write(f"{category.label} ({len(services)}):")
                for service in services:
                    self.stdout.write(f"  {service.serial}. {service.name}")

    def print_summary(self, office, document, warnings, written, where=lambda line: f"line {line}"):
        counts = document.counts()
        self.stdout.write(f"{'written' if written else 'read'}: {office.key} ({office})")
        self.stdout.write("  services: " + ", ".join(f"{c.label} {n}" for c, n in counts.items()))
        self.stdout.write(f"  officers: {len(document.officers())}")
        self.stdout.write(f"  expectations: {len(document.expectations)}")
        self.stdout.write(f"  GRS tiers: {len(document.tiers)} (and the national cell)")
        self.stdout.write(f"  date: {document.issued_on or '—'}; signatory: {document.signatory_name or '—'}")
        grouped = {}
        for line, message in warnings:
            grouped.setdefault(message, []).append(line)
        self.stdout.write(f"  warnings: {len(grouped)}")
        for message, lines in grouped.items():
            self.stderr.write(f"  warning: {located(lines, where)}{message}")

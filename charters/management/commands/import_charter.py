import json
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from charter_portal.bangla import bengali_date, bengali_digits
from charters.errors import CharterError
from charters.importer import read_charter_file
from charters.importer.limits import size_refusal
from charters.management.publishing import add_publication_arguments, publish_draft
from charters.models import Charter
from charters.writing import charter_fixture, office_named_in, tree_warnings, write_import
from offices.management.lookup import office_by_key
from offices.models import Office
from services.models import Service
from services.promises import PromiseKind, read_promise


def located(lines, where):
    """ "লাইন ৩, ৭: " for a text export, "টেবিল ২, সারি ৪; টেবিল ২, সারি ৬: " for a Word file."""
    places = [where(n) for n in sorted({n for n in lines if n})]
    if not places:
        return ""
    if all(place.startswith("লাইন ") for place in places):
        return "লাইন " + ", ".join(place.removeprefix("লাইন ") for place in places) + ": "
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
            help="the charter: a Word file (.docx, or .doc through LibreOffice), a PDF with a text layer, a scan "
            "(PNG, JPEG, a PDF without text; read by OCR), or its text export (UTF-8; tab-separated or one cell per "
            "line); Bengali typed in Bijoy (SutonnyMJ) is converted",
        )
        parser.add_argument("--office", required=True, help="the office's key, e.g. joypurhat or kachua.chandpur")
        parser.add_argument("--dry-run", action="store_true", help="print what would be written; write nothing")
        parser.add_argument("--fixture", metavar="OUT.json", help="write a loaddata fixture instead of the database")
        parser.add_argument("--replace", action="store_true", help="replace the office's existing charter (its draft)")
        parser.add_argument(
            "--other-site-ok",
            action="store_true",
            help="write the file to this office although its document names another office's site",
        )
        add_publication_arguments(parser)

    def handle(self, file, office, dry_run, fixture, replace, publish, other_site_ok=False, **options):
        path = Path(file)
        target = office_by_key(office, Office.objects.select_related("parent"))
        data = self.read(path)
        try:
            result = read_charter_file(data, path.name, office_named_in)
        except CharterError as exc:
            raise CommandError(f"{path.name}: চার্টারটি পড়া যায়নি, কিছুই লেখা হয়নি: {exc}") from None
        document, warnings = result.document, list(result.warnings)
        try:
            more = tree_warnings(target, result, other_site_ok)
            warnings += more
        except CharterError as exc:
            raise CommandError(f"{path.name}: {exc}") from None

        if not replace and not dry_run and not fixture and Charter.objects.filter(office=target).exists():
            raise CommandError(f"{target.key}-এর চার্টার আগে থেকেই আছে; বদলাতে --replace দিন। কিছুই লেখা হয়নি।")
        if dry_run:
            self.print_plan(document)
        elif fixture:
            with open(fixture, "w", encoding="utf-8") as handle:
                json.dump(charter_fixture(target, document), handle, ensure_ascii=False, indent=1)
                handle.write("\n")
            self.stdout.write(f"ফিক্সচার লেখা হয়েছে: {fixture}")
        else:
            try:
                warnings += [(None, message) for message in write_import(target, result, more, replace=replace)]
            except CharterError as exc:
                raise CommandError(f"{path.name}: কিছুই লেখা হয়নি: {exc}") from None
        self.print_summary(target, document, warnings, written=not (dry_run or fixture), where=result.where)
        if publish and not (dry_run or fixture):
            publish_draft(self, target, options, as_signed=True)

    def read(self, path):
        try:
            if refusal := size_refusal(path.stat().st_size):  # before a byte of it is read
                raise CommandError(f"{path.name}: {refusal}")
            return path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path} পড়া যায়নি: {exc.strerror}") from None

    def print_plan(self, document):
        self.stdout.write("পরীক্ষামূলক পাঠ (--dry-run): কিছুই লেখা হচ্ছে না")
        for category in Service.Category:
            services = [s for s in document.services if s.category == category]
            if services:
                self.stdout.write(f"{category.label} ({bengali_digits(len(services))}টি):")
                for service in services:
                    self.stdout.write(f"  {bengali_digits(service.serial)}. {service.name}")

    def print_summary(self, office, document, warnings, written, where=lambda line: f"লাইন {bengali_digits(line)}"):
        # HQ's operators read this: Bengali, with the numbers in Bengali digits as the pages show them.
        n = bengali_digits
        counts = document.counts()
        self.stdout.write(f"{'খসড়ায় লেখা হয়েছে' if written else 'পড়া হয়েছে'}: {office.key} ({office})")
        self.stdout.write("  সেবা: " + ", ".join(f"{c.label} {n(count)}টি" for c, count in counts.items()))
        self.stdout.write(f"  কর্মকর্তা: {n(len(document.officers()))} জন")
        self.stdout.write(f"  প্রত্যাশা: {n(len(document.expectations))}টি")
        self.stdout.write(f"  অভিযোগ প্রতিকারের স্তর: {n(len(document.tiers))}টি (এবং জাতীয় সেল)")
        date = bengali_date(document.issued_on) if document.issued_on else "—"
        self.stdout.write(f"  তারিখ: {date}; স্বাক্ষরকারী: {document.signatory_name or '—'}")
        # The time limits read as promises (services.promises); staff confirm or correct them.
        kinds = Counter(read_promise(service.time_limit).kind for service in document.services)
        self.stdout.write(
            "  প্রতিশ্রুত সময় যেভাবে পড়া হলো: "
            + ", ".join(f"{PromiseKind(kind).label} {n(count)}টি" for kind, count in sorted(kinds.items()))
        )
        grouped = {}
        for line, message in warnings:
            grouped.setdefault(message, []).append(line)
        self.stdout.write(f"  সতর্কতা: {n(len(grouped))}টি")
        for message, lines in grouped.items():
            self.stderr.write(f"  সতর্কতা: {located(lines, where)}{message}")

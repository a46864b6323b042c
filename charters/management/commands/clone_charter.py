from django.core.management.base import BaseCommand, CommandError

from charter_portal.bangla import bengali_digits
from charters.cloning import clone_document
from charters.errors import CharterError
from charters.management.publishing import add_publication_arguments, publish_draft
from charters.models import Charter
from charters.writing import write_charter
from offices.management.lookup import office_by_key
from offices.models import Office


class Command(BaseCommand):
    help = (
        "Copy one office's charter (vision, mission, services, expectations, GRS tiers) to another office of "
        "the same level, rewriting the office's name and site in the texts, and list what the target's staff "
        "must still fill in."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="key of the office whose charter is copied, e.g. natoresadar.natore")
        parser.add_argument("target", help="key of the office that receives it, e.g. singra.natore")
        parser.add_argument("--replace", action="store_true", help="replace the target's existing charter")
        add_publication_arguments(parser)

    def handle(self, source, target, replace, publish, **options):
        source_office = self.office(source)
        target_office = self.office(target)
        if source_office == target_office:
            raise CommandError("উৎস ও লক্ষ্য একই দপ্তর; অন্য একটি দপ্তরের কী দিন। কিছুই লেখা হয়নি।")
        if not Charter.objects.filter(office=source_office).exists():
            raise CommandError(f"{source}-এর কোনো চার্টার নেই, অনুলিপি করার কিছু নেই। কিছুই লেখা হয়নি।")
        try:
            report = clone_document(source_office, target_office)
            left = write_charter(target_office, report.document, replace=replace)
        except CharterError as exc:
            raise CommandError(f"{target}: কিছুই লেখা হয়নি: {exc}") from exc
        for message in left:
            self.stderr.write(f"  সতর্কবার্তা: {message}")

        counts = report.document.counts()
        self.stdout.write(f"{source_office} → {target_office}")
        for category, number in counts.items():
            self.stdout.write(f"  {category.label}: {bengali_digits(number)}টি")
        self.stdout.write(
            f"  প্রত্যাশা: {bengali_digits(len(report.document.expectations))}টি, "
            f"অভিযোগ প্রতিকারের স্তর: {bengali_digits(len(report.document.tiers))}টি"
        )
        self.stdout.write("এখনো পূরণ করতে হবে:")
        for item in report.to_fill_in:
            self.stdout.write(f"  - {item}")
        if publish:
            publish_draft(self, target_office, options)
        else:
            self.stdout.write(
                f"{target_office.key}-এর খসড়ায় লেখা হয়েছে; প্রকাশ করতে চালান: manage.py publish_charter {target_office.key}"
            )

    def office(self, key):
        return office_by_key(key, Office.objects.select_related("upazila__district", "district", "parent__parent"))

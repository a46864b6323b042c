import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from charter_portal.bangla import bengali_digits as n
from offices.geocode import GeocodeError, read_geocode


class Command(BaseCommand):
    help = (
        "Build fixtures/geography.json (divisions, districts, upazilas) and fixtures/offices.json "
        "(HQ, a district office per district, an upazila office per upazila) from the bd-geocode CSVs."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="folder holding divisions.csv, districts.csv and upazilas.csv")
        parser.add_argument("--output", default="fixtures", help="folder to write the two fixtures into")

    def handle(self, source, output, **options):
        try:
            geography, offices = read_geocode(source)
        except GeocodeError as exc:
            raise CommandError(f"ভৌগোলিক তালিকা পড়া যায়নি, কোনো ফিক্সচার লেখা হয়নি: {exc}") from exc
        output = Path(output)
        output.mkdir(parents=True, exist_ok=True)
        for name, objects in (("geography.json", geography), ("offices.json", offices)):
            with open(output / name, "w", encoding="utf-8") as handle:
                json.dump(objects, handle, ensure_ascii=False, indent=1)
                handle.write("\n")
        counts = {
            model: sum(1 for o in geography if o["model"] == model)
            for model in ("offices.division", "offices.district", "offices.upazila")
        }
        self.stdout.write(
            f"{n(counts['offices.division'])}টি বিভাগ, {n(counts['offices.district'])}টি জেলা, "
            f"{n(counts['offices.upazila'])}টি উপজেলা ও {n(len(offices))}টি দপ্তর লেখা হয়েছে: {output}/"
        )

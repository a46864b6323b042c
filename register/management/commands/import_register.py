from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from charter_portal.bangla import bengali_digits
from register.importing import RegisterFileError, import_register


class Command(BaseCommand):
    help = (
        "Read a service register kept in a spreadsheet (CSV or .xlsx; columns office_key, category, serial, "
        "service_name, received_on, delivered_on, channel, outcome, mobile) into the register. All or nothing: "
        "a file with a bad row writes nothing and names the row."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the register: UTF-8 CSV or .xlsx, with a header row")

    def handle(self, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"ফাইল পাওয়া যায়নি: {file}")
        try:
            count = import_register(path.read_bytes(), path.name)
        except RegisterFileError as error:
            raise CommandError("রেজিস্টারের কিছুই লেখা হয়নি।\n" + "\n".join(error.lines())) from None
        self.stdout.write(f"রেজিস্টারে {bengali_digits(count)}টি আবেদন লেখা হয়েছে: {path.name}")

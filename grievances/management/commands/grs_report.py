from django.core.management.base import BaseCommand, CommandError

from grievances import report as monthly
from offices.models import Office


class Command(BaseCommand):
    help = (
        "The monthly GRS report: per office, per district and for the nation, the grievances (tier 1) and "
        "appeals (tier 2) carried over, received, total, forwarded, resolved, overdue, running and the share "
        "resolved. A table by default; --csv for the CSV the report page gives."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, metavar="YYYY-MM")
        parser.add_argument("--office", metavar="KEY", help="one office only")
        parser.add_argument("--csv", action="store_true", help="CSV with the English column names")

    def handle(self, month, office=None, csv=False, **options):
        first = monthly.parse_month(month)
        if first is None:
            raise CommandError(f"--month wants YYYY-MM, not {month!r}")
        offices = None
        if office:
            found = Office.objects.filter(key=office).first()
            if found is None:
                raise CommandError(f"no office with the key {office!r}")
            offices = {found.pk}
        text = monthly.as_csv(monthly.build(first, offices=offices))
        if csv:
            self.stdout.write(text, ending="")
            return
        rows = [line.split(",") for line in text.splitlines()]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            self.stdout.write("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))

from django.core.management.base import BaseCommand, CommandError

from charter_portal.bangla import bengali_date, bengali_digits
from offices.management.lookup import office_by_key
from register.periods import PeriodError, quarter
from register.report import report_csv, report_rows

# The rows' levels (the CSV's ``level`` column) as the table says them.
LEVELS = {"office": "দপ্তর", "district": "জেলা", "division": "বিভাগ", "national": "দেশ"}


class Command(BaseCommand):
    help = (
        "The quarterly charter-implementation report: per office, each district, each division and the country, "
        "from the service register (received, ended, on time, late, pending past the deadline, on-time share, "
        "median working days)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quarter", required=True, help="the quarter, e.g. 2026Q4")
        parser.add_argument("--office", help="one office's key (default: every office and the totals)")
        parser.add_argument("--csv", action="store_true", help="CSV (UTF-8) instead of a table")

    def handle(self, *args, **options):
        quarter_label, office, csv = options["quarter"], options["office"], options["csv"]
        try:
            first, last = quarter(quarter_label)
        except PeriodError as error:
            raise CommandError(str(error)) from None
        if office:
            office_by_key(office)
        rows = report_rows(first, last, office_key=office)
        if csv:
            self.stdout.write(report_csv(rows), ending="")
            return
        self.stdout.write(f"সিটিজেন চার্টার বাস্তবায়নের ত্রৈমাসিক প্রতিবেদন: {bengali_date(first)} – {bengali_date(last)}")
        n = bengali_digits
        for row in rows:
            share = "—" if row["on_time_share"] == "" else f"{n(round(100 * row['on_time_share']))}%"
            # The key as it is (what HQ types); the national row has none, so its name.
            self.stdout.write(
                f"{LEVELS[row['level']]:<6} {row['key'] or row['name']:<28} গৃহীত {n(row['received']):>6} "
                f"নিষ্পত্তি {n(row['ended']):>6} সময়মতো {n(row['on_time']):>6} দেরিতে {n(row['late']):>5} "
                f"সময় পেরিয়ে চলমান {n(row['pending_overdue']):>5} সময়মতোর হার {share:>4}"
            )

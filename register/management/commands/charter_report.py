from django.core.management.base import BaseCommand, CommandError

from charter_portal.bangla import bengali_digits
from offices.models import Office
from register.periods import PeriodError, quarter
from register.report import report_csv, report_rows


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
        if office and not Office.objects.filter(key=office).exists():
            raise CommandError(f"'{office}' কোনো দপ্তরের কী নয়।")
        rows = report_rows(first, last, office_key=office)
        if csv:
            self.stdout.write(report_csv(rows), ending="")
            return
        self.stdout.write(f"সিটিজেন চার্টার বাস্তবায়নের ত্রৈমাসিক প্রতিবেদন: {bengali_digits(first)} – {bengali_digits(last)}")
        for row in rows:
            share = "—" if row["on_time_share"] == "" else f"{round(100 * row['on_time_share'])}%"
            self.stdout.write(
                f"{row['level']:<9} {row['key'] or '-':<28} received {row['received']:>7} ended {row['ended']:>7} "
                f"on time {row['on_time']:>7} late {row['late']:>6} overdue {row['pending_overdue']:>6} share {share:>5}"
            )

import unicodedata

from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.formats import date_format

from charter_portal.arguments import not_a_date
from charter_portal.bangla import ascii_digits, bengali_digits
from grievances import report as monthly
from offices.management.lookup import office_by_key

# The table's headings: the report page's columns, shortened to fit a terminal.
HEADINGS = {
    "carried_over": "জের",
    "received": "প্রাপ্ত",
    "total": "মোট",
    "forwarded": "প্রেরিত",
    "resolved": "নিষ্পন্ন",
    "overdue": "সময় পার",
    "running": "চলমান",
    "resolved_share": "হার %",
}


def heading(column):
    if column == "office_key":
        return "দপ্তর"
    if column.startswith("appeal_"):
        return "আপিল " + HEADINGS[column.removeprefix("appeal_")]
    return HEADINGS[column]


def place(key):
    """The first cell: an office's key as it is (what HQ types), a district's and the nation's in words."""
    if key == "national":
        return "সারা দেশ"
    if key.startswith("district:"):
        return f"জেলা {key.removeprefix('district:')}"
    return key


def width(text):
    """Columns a terminal gives ``text``: a vowel sign or virama drawn on a letter takes none."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


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
        first = monthly.parse_month(ascii_digits(month).strip())
        if first is None:
            raise not_a_date("--month", month, "YYYY-MM", "2026-03")
        offices = {office_by_key(office).pk} if office else None
        text = monthly.as_csv(monthly.build(first, offices=offices))
        if csv:  # for spreadsheets and scripts: English column names, ASCII digits
            self.stdout.write(text, ending="")
            return
        with translation.override("bn"):
            title = bengali_digits(date_format(first, "F Y"))
        self.stdout.write(f"মাসিক অভিযোগ প্রতিকার প্রতিবেদন: {title} (অভিযোগ: ১ম স্তর; আপিল: ২য় স্তর)")
        header, *body = [line.split(",") for line in text.splitlines()]
        rows = [[heading(c) for c in header]] + [
            [place(r[0]), *(bengali_digits(c) or "—" for c in r[1:])] for r in body
        ]
        widths = [max(width(row[i]) for row in rows) for i in range(len(header))]
        for row in rows:
            cells = [" " * (w - width(cell)) + cell for cell, w in zip(row, widths, strict=True)]
            self.stdout.write("  ".join(cells))

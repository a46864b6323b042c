"""The register tests' shared pieces: a register file written as an office's spreadsheet."""

import csv
import io

from register.importing import COLUMNS


def register_csv(rows, header=COLUMNS):
    """A CSV register: ``rows`` are dicts by column (missing columns empty)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue().encode("utf-8")


def register_xlsx(rows, header=COLUMNS):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append([row.get(column, "") for column in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row(received_on, outcome="", delivered_on="", *, office="joypurhat", category="institutional", serial="1", **extra):
    return {
        "office_key": office,
        "category": category,
        "serial": serial,
        "received_on": received_on,
        "delivered_on": delivered_on,
        "channel": "counter",
        "outcome": outcome,
        **extra,
    }


# A Joypurhat register with known answers (26 Nov 2026 is a Thursday; Fridays and Saturdays off).
# Institutional 1 promises ০৫ (পাঁচ) কার্যদিবস: received Thursday 1 October, due Thursday 8 October.
# Citizen 1 and 2 promise তাৎক্ষণিক: the day of receipt.
KNOWN_ROWS = (
    [row("2026-10-01", "delivered", "2026-10-08") for _ in range(10)]  # on time, 5 working days each
    + [
        row("২০২৬-১০-০১", "delivered", "২০২৬-১০-১১"),  # late: Sunday the 11th is working day 6
        row("2026-10-01", "refused", "2026-10-01"),  # on time: a refusal ends the request too
        row("2026-10-01", "withdrawn", "2026-10-04"),  # received only
        row("2026-10-01"),  # pending past its deadline
        row("2026-10-01", "delivered", "2026-10-01", category="citizen"),  # same day: on time
        row("2026-10-01", "delivered", "2026-10-04", category="citizen", mobile="০১৭১১-০০০০০০"),  # late
        row("2026-10-01", category="citizen"),  # pending past the day of receipt
        # By its exact name instead of category and serial: citizen 2, delivered the same day.
        row(
            "2026-10-01",
            "delivered",
            "2026-10-01",
            category="",
            serial="",
            service_name="মাঠ পর্যায়ের সকল ধরনের আইসিটি সংশ্লিষ্ট পণ্য ও সেবার বিষয়ে পরামর্শ ও সহায়তা প্রদান",
        ),
    ]
)

"""The charter's sections read into the document: services, expectations, GRS tiers, signature."""

import re
from dataclasses import dataclass
from datetime import date

from charter_portal.bangla import TO_ASCII_DIGITS, bengali_digits
from charters.document import ExpectationEntry, ServiceEntry, TierEntry
from charters.errors import CharterError
from charters.models import Charter

from .lines import heading_text
from .officers import OfficerBook, parse_officer
from .tables import is_column_numbers, is_service_header, service_columns
from .words import clean_cell, has_words, number_in, word_key

_DATE = re.compile(r"^\s*([০-৯0-9]{1,2})\s*[/.-]\s*([০-৯0-9]{1,2})\s*[/.-]\s*([০-৯0-9]{4})\s*$")


@dataclass
class _PendingService:
    entry: ServiceEntry
    line: int
    columns: list
    officer_cells: dict  # "responsible"/"superior" -> (line, text)


def read_service_rows(rows, category, pending, warn):
    columns = None
    in_table = []
    for row in rows:
        texts = [t for _, t in row.cells]
        if is_service_header(row):
            columns = service_columns(row)
            for i, name in enumerate(columns):
                if name is None and row.text(i).strip():
                    warn(
                        row.line_of(i),
                        f"{clean_cell(row.text(i))!r} শিরোনামের কলামটি পোর্টালের জানা কোনো কলাম নয়; এর ঘরগুলো রাখা হয়নি",
                    )
            continue
        if is_column_numbers(texts):
            continue
        if columns is None:
            raise CharterError("টেবিলের শিরোনাম-সারির আগেই একটি সেবার সারি", row.line)
        values = {}
        for i, name in enumerate(columns):
            cell = clean_cell(row.text(i))
            if name is None:
                continue
            values[name] = cell
        for i in range(len(columns), len(row.cells)):
            if clean_cell(row.text(i)):
                warn(row.line_of(i), f"টেবিলের কলামের বাইরের একটি ঘর রাখা হয়নি: {clean_cell(row.text(i))!r}")
        serial_text = values.get("serial", "")
        previous = in_table[-1] if in_table else None
        if not serial_text and previous is not None:
            _continue_row(previous, values, row)
            continue
        serial = number_in(serial_text) if serial_text else None
        if serial is None:
            earlier = [p for p in pending if p.entry.category == category]
            serial = (earlier[-1].entry.serial + 1) if earlier else 1
            if serial_text:
                raise CharterError(f"ক্রমিক {serial_text!r} সংখ্যা নয়", row.line)
            warn(row.line, f"টেবিলের প্রথম সেবার সারিতে ক্রমিক নেই: ক্রমিক {bengali_digits(str(serial))} ধরা হয়েছে")
        if not values.get("name"):
            raise CharterError(f"সেবা {bengali_digits(str(serial))}-এর নাম নেই", row.line)
        if any(p.entry.category == category and p.entry.serial == serial for p in pending):
            raise CharterError(f"সেবা {bengali_digits(str(serial))} একই টেবিলে দুবার আছে", row.line)
        entry = ServiceEntry(
            category=category,
            serial=serial,
            name=values["name"],
            line=row.line,
            **{k: values.get(k, "") for k in ServiceEntry.TEXT_FIELDS if k != "name"},
        )
        item = _PendingService(
            entry,
            row.line,
            columns,
            {role: (row.line, values[role]) for role in ("responsible", "superior") if role in values},
        )
        pending.append(item)
        in_table.append(item)


def _continue_row(item, values, row):
    """A row broken across pages: its cells go on in this row, cell by cell."""
    for name, cell in values.items():
        if not cell or name == "serial":
            continue
        if name in ("responsible", "superior"):
            line, text = item.officer_cells.get(name, (row.line, ""))
            item.officer_cells[name] = (line, f"{text} {cell}".strip())
        else:
            current = getattr(item.entry, name)
            setattr(item.entry, name, f"{current} {cell}".strip())


def read_layout(pending):
    columns = {name for item in pending for name in item.columns if name}
    if "papers_source" in columns:
        return Charter.ServiceColumns.TIME_FIRST
    if "superior" in columns:
        return Charter.ServiceColumns.WITH_SUPERIOR
    return Charter.ServiceColumns.STANDARD


def place_officers(pending, document, book, office_key_for_words):
    mentions = []
    for item in pending:
        for role in ("responsible", "superior"):
            line, text = item.officer_cells.get(role, (item.line, ""))
            mention = parse_officer(text, line) if text.strip() else None
            mentions.append((item, role, mention))
            if mention is not None:
                book.add(mention)
    # The superior column can be a merged cell on paper: written once, for the rows below it too.
    above, category = None, None
    for position, (item, role, mention) in enumerate(mentions):
        if role != "superior" or "superior" not in item.columns:
            continue
        if item.entry.category != category:
            above, category = None, item.entry.category
        if mention is None and above is not None:
            mentions[position] = (item, role, above)
        above = mentions[position][2]
    contact_mentions = []
    for tier in document.tiers:
        if tier.contact_text:
            mention = parse_officer(tier.contact_text, tier.level)
            contact_mentions.append((tier, mention))
    entries = book.finish(office_key_for_words)
    for item, role, mention in mentions:
        if mention is not None:
            setattr(item.entry, role, entries[id(mention)])
            for url in mention.leftovers:
                book.warn(mention.line, f"কর্মকর্তার ঘরের ঠিকানা {url} কর্মকর্তার সঙ্গে রাখা হয়নি")
    document.services = [item.entry for item in pending]
    # A GRS contact that is wholly one of the charter's own officers points at that officer.
    for tier, mention in contact_mentions:
        keys = OfficerBook.identities(mention)
        for group_keys, group_mentions in book.groups:
            entry = entries[id(group_mentions[0])]
            contacts = {k for k in keys if k[0] in ("email", "phone")}
            if (
                contacts
                and contacts <= group_keys
                and entry.office_key is None
                and (not mention.designation or word_key(mention.designation) == word_key(entry.designation))
            ):
                tier.contact_officer, tier.contact_text = entry, ""
                break


def read_expectation_rows(rows, document, warn):
    for row in rows:
        texts = [clean_cell(t) for _, t in row.cells]
        if any(has_words(t, "করণীয়", "ক্রমিক") for t in texts) or is_column_numbers(texts):
            continue
        serial = number_in(texts[0]) if texts and texts[0] else None
        text = " ".join(t for t in texts[1:] if t)
        if serial is None or not text:
            if document.expectations and not texts[0] and text:
                document.expectations[-1].text += " " + text
                continue
            raise CharterError("প্রত্যাশার সারিতে ক্রমিক ও লেখা দুটোই লাগে", row.line)
        document.expectations.append(ExpectationEntry(serial, text))


_GRS_COLUMNS = {
    "when": ("কখন",),
    "title": ("কার সঙ্গে", "কার সাথে"),
    "contact": ("ঠিকানা",),
    "days": ("নিষ্পত্তির সময়", "সময়সীমা"),
    "serial": ("ক্রমিক",),
}


def read_grs_rows(rows, warn):
    columns, tiers = None, []
    for row in rows:
        texts = [clean_cell(t) for _, t in row.cells]
        if any(has_words(t, "কখন যোগাযোগ") for t in texts):
            columns = []
            for text in texts:
                columns.append(next((name for name, words in _GRS_COLUMNS.items() if has_words(text, *words)), None))
            continue
        if is_column_numbers(texts):
            continue
        if columns is None:
            raise CharterError("অভিযোগ প্রতিকারের টেবিলের শিরোনাম-সারির আগেই একটি সারি", row.line)
        values = {name: texts[i] for i, name in enumerate(columns) if name and i < len(texts)}
        level, days = number_in(values.get("serial", "")), number_in(values.get("days", ""))
        if level is None or days is None:
            raise CharterError("অভিযোগ প্রতিকারের সারিতে স্তরের নম্বর ও দিন দুটোই লাগে", row.line)
        if level == 3:
            if days != 60:
                warn(
                    row.line,
                    "স্তর ৩ মন্ত্রিপরিষদ বিভাগের সেল, সারা দেশের জন্য একবার রাখা (৬০ কার্যদিবস); "
                    f"এই নথির {bengali_digits(str(days))} দিন রাখা হয়নি",
                )
            continue
        if level not in (1, 2):
            raise CharterError(
                f"অভিযোগ প্রতিকারের স্তর {bengali_digits(str(level))}: দপ্তরের নিজের স্তর কেবল ১ ও ২", row.line
            )
        tiers.append(
            TierEntry(
                level=level,
                when_to_contact=values.get("when", ""),
                contact_title=values.get("title", ""),
                resolution_days=days,
                contact_text=values.get("contact", ""),
            )
        )
    return tiers


_SIGNED = re.compile(r"^\s*স্বাক্ষরিত\s*/?=?\s*$")


def read_signature(tail, document, warn):
    """The lines after the last table: the date, the signatory's name and designation."""
    rest = []
    for line in tail:
        text = heading_text(line.text)
        found = _DATE.match(text)
        if found and document.issued_on is None:
            day, month, year = (int(g.translate(TO_ASCII_DIGITS)) for g in found.groups())
            try:
                document.issued_on = date(year, month, day)
            except ValueError:
                raise CharterError(f"{text!r} তারিখ নয় (দিন/মাস/বছর)", line.number) from None
            continue
        if _SIGNED.match(text):
            continue
        rest.append((line.number, text))
    if not rest:
        return
    name = rest[0][1].strip("() ")
    document.signatory_name = name
    if len(rest) > 1:
        document.signatory_designation = rest[1][1]
    for number, text in rest[2:]:
        if has_words(text, "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর") or has_words(text, "কার্যালয়"):
            continue
        warn(number, f"স্বাক্ষরকারীর পরের একটি লাইন রাখা হয়নি: {text}")

"""Read the text export of a paper citizen's charter into a CharterDocument.

The exports come from Word and PDF files and are messy in known ways (see
fixtures/seeds/README.md): tab-separated rows or one cell per line, headers
repeated after page breaks, rows broken across pages, 7 or 8 columns in more
than one order, Bengali or ASCII digits, markdown headings or none, stray HTML,
CRLF or LF. Columns are recognised by their header text, not their position.

Anything that cannot be read raises CharterTextError with its line number.
Anything read but not placed is kept as a warning with its line number.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from charter_portal.bangla import any_encoding_pattern

from .charters import CharterDocument, ExpectationEntry, OfficerEntry, ServiceEntry, TierEntry
from .models import Charter

_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


class CharterTextError(ValueError):
    def __init__(self, message, line=None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


def _key(text):
    """Text reduced for matching words: NFC (one encoding of য় ড় ঢ় ো ৌ), ASCII digits, single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_DIGITS)).strip()


def _has(text, *words):
    key = _key(text)
    return any(_key(word) in key for word in words)


def clean_cell(text):
    """A cell's text as stored: tags reduced to their text, each line trimmed, outer blank lines gone."""
    text = _HTML_TAG.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _number(text):
    digits = re.sub(r"\D", "", text.translate(_DIGITS))
    return int(digits) if digits else None


# --- lines and sections -----------------------------------------------------------------


@dataclass
class Line:
    number: int
    text: str

    @property
    def blank(self):
        return not self.text.strip()

    @property
    def is_row(self):
        """A tab-separated row: a tab somewhere after the first character."""
        return "\t" in self.text.lstrip("\t") or self.text.startswith("\t\t")

    @property
    def is_cell(self):
        """One cell of a one-cell-per-line table: a single leading tab."""
        return self.text.startswith("\t") and not self.is_row


def _heading_text(text):
    text = re.sub(r"^\s*#+\s*", "", text)  # markdown heading marks
    text = re.sub(r"\*\*|__", "", text)
    return text.strip()


_CATEGORIES = [(1, "নাগরিক সেবা"), (2, "প্রাতিষ্ঠানিক সেবা"), (3, "অভ্যন্তরীণ সেবা")]


def classify_heading(text):
    """What a line announces, or None: vision, mission, services, category N, subordinates, expectations, grs."""
    heading = _heading_text(text)
    key = _key(heading)
    if len(key) > 80 and not key.startswith("3."):
        return None
    bare = re.sub(r"^[\d.)(।\s]+", "", key).rstrip(" :ঃ।")
    if bare == "ভিশন":
        return ("vision",)
    if bare == "মিশন":
        return ("mission",)
    if bare.startswith("ভিশন ও মিশন"):
        return ("vision_and_mission",)
    for number, words in _CATEGORIES:
        if re.fullmatch(rf"{re.escape(_key(words))}(?:{re.escape(_key('সমূহ'))})?", bare):
            return ("category", number)
    if bare.startswith("প্রতিশ্রুত সেবা"):
        return ("services",)
    if key.startswith(("3.", "৩.")) or bare.startswith("আওতাধীন দপ্তর"):
        if "আওতাধীন" in key:
            return ("subordinates",)
    if "আপনার কাছে আমাদের প্রত্যাশা" in bare:
        return ("expectations",)
    if "অভিযোগ ব্যবস্থাপনা পদ্ধতি" in bare or bare.endswith("(GRS)") or "অভিযোগ প্রতিকার ব্যবস্থা" in bare:
        return ("grs",)
    return None


# --- tables -------------------------------------------------------------------------------


@dataclass
class Row:
    line: int
    cells: list  # [(line number, text)]

    def text(self, index):
        return self.cells[index][1] if index < len(self.cells) else ""

    def line_of(self, index):
        return self.cells[index][0] if index < len(self.cells) else self.line


def _is_column_numbers(texts):
    return (
        texts
        and all(re.fullmatch(r"\(?\s*[০-৯0-9]+\s*\)?", t.strip()) for t in texts if t.strip())
        and any(t.strip() for t in texts)
    )


def read_table(lines, start):
    """Read the table whose first line is lines[start]; return (rows, index after the table).

    Tab-separated tables end at the first non-blank line that is not a row; one-cell-per-line
    tables run until a heading, their cells going on over the lines that carry no tab.
    """
    if lines[start].is_cell:
        return _read_cell_per_line(lines, start)
    rows, index = [], start
    while index < len(lines):
        line = lines[index]
        if line.blank:
            index += 1
            continue
        if not line.is_row or classify_heading(line.text):
            break
        rows.append(Row(line.number, [(line.number, cell) for cell in line.text.split("\t")]))
        index += 1
    return rows, index


def _read_cell_per_line(lines, start):
    cells, width, index, after_blank = [], None, start, False
    while index < len(lines):
        line = lines[index]
        if not line.blank and not line.text.startswith("\t") and classify_heading(line.text):
            break
        if line.is_cell:
            text = line.text[1:]
            if width is None and cells and _SERIAL_CELL.fullmatch(text.strip()):
                width = len(cells)  # the header is the run of cells before the first number
            cells.append([line.number, text])
        elif not line.blank:
            row_complete = width is not None and len(cells) % width == 0
            if line.is_row or (after_blank and row_complete and cells[-1][1].strip()):
                break  # the table has ended; this line is the document's again
            # A cell going on over a line with no tab. After a complete row and a gap, the
            # row's last cell was empty and its text is printed below it (a merged cell).
            cells[-1][1] += "\n" + line.text
        after_blank = line.blank and not line.is_cell
        index += 1
    if width is None:
        raise CharterTextError(
            "a one-cell-per-line table has a header but no numbered rows", cells[0][0] if cells else None
        )
    rows = []
    for offset in range(0, len(cells), width):
        chunk = cells[offset : offset + width]
        chunk += [[chunk[-1][0], ""]] * (width - len(chunk))
        rows.append(Row(chunk[0][0], [(number, text) for number, text in chunk]))
    return rows, index


_SERIAL_CELL = re.compile(r"\(?\s*[০-৯0-9]+\s*[.)]?")


# --- columns --------------------------------------------------------------------------------

SERVICE_COLUMNS = {
    "superior": ("উর্ধ্বতন", "ঊর্ধ্বতন", "উর্ধতন", "ঊর্ধতন"),
    "responsible": ("দায়িত্বপ্রাপ্ত", "দায়িত্ব প্রাপ্ত"),
    "serial": ("ক্রমিক", "ক্রমঃ", "ক্রম"),
    "name": ("সেবার নাম",),
    "fee": ("মূল্য",),
    "time_limit": ("সময়",),
    "papers": ("কাগজ",),
    "delivery_method": ("পদ্ধতি",),
}


def service_columns(header):
    """Map header cells to fields by their words; unknown headers map to None."""
    mapping = []
    for text in header.cells:
        found = None
        for field_name, words in SERVICE_COLUMNS.items():
            if _has(text[1], *words):
                found = field_name
                break
        mapping.append(found)
    papers = [i for i, name in enumerate(mapping) if name == "papers"]
    if len(papers) == 1:
        mapping[papers[0]] = "required_papers"
    elif len(papers) >= 2:
        sources = [i for i in papers if _has(header.text(i), "প্রাপ্তি", "স্থান", "ফরম")]
        source = sources[-1] if sources else papers[-1]
        for i in papers:
            mapping[i] = "papers_source" if i == source else "required_papers"
    if "name" not in mapping:
        raise CharterTextError("the service table's header has no 'সেবার নাম' column", header.line)
    return mapping


def is_service_header(row):
    return any(_has(text, "সেবার নাম") for _, text in row.cells)


# --- officers ---------------------------------------------------------------------------------

DESIGNATIONS = [
    "সহকারী রক্ষণাবেক্ষণ প্রকৌশলী",
    "রক্ষণাবেক্ষণ প্রকৌশলী",
    "সহকারী প্রোগ্রামার",
    "প্রোগ্রামার",
    "উপজেলা আইসিটি অফিসার",
    "জেলা আইসিটি অফিসার",
    "সিস্টেম এনালিস্ট",
    "সহকারী সিস্টেম এনালিস্ট",
    "সহকারী পরিচালক",
    "উপ-পরিচালক",
    "উপপরিচালক",
    "পরিচালক",
    "মহাপরিচালক",
    "অতিরিক্ত পরিচালক",
    "হিসাবরক্ষক",
    "অফিস সহকারী",
    "কম্পিউটার অপারেটর",
]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PHONE_PART = re.compile(r"\+?[০-৯0-9]+(?:-[০-৯0-9]+)*")


def _words(*words):
    """A regex alternation of Bengali words, matching either encoding of their composite letters."""
    return "|".join(any_encoding_pattern(word) for word in words)


_LABEL = re.compile(
    rf"(?:{_words('ফোন', 'মোবাইল', 'ই-মেইল', 'ই মেইল', 'ইমেইল', 'ওয়েব', 'ফ্যাক্স')}|E-?mail|Fax)\s*[:ঃ]?", re.IGNORECASE
)
_CODE = re.compile(rf"(?:{_words('উপজেলা কোড')})\s*[:ঃ]?\s*([০-৯0-9]+)")
_ROOM = re.compile(rf"(?:{_words('রুম নম্বর', 'রুম নং', 'কক্ষ নম্বর', 'কক্ষ নং')})\s*[:ঃ]?\s*([০-৯0-9A-Za-z-]+)")


def _phones(text):
    """Phone numbers, and the text without them. Groups separated by spaces are one number
    until it has ten digits ("+৮৮০ ২৪১ ০২৪০৭০"); a full number after it is another
    ("+০২৫৮৮৮৭৩৪২৪ ০১৭২১১৩৩১২৩")."""
    phones, current, spans = [], None, []
    for match in _PHONE_PART.finditer(text):
        digits = len(re.sub(r"\D", "", match.group()))
        gap = text[current[1] : match.start()] if current else None
        if current and gap.strip() == "" and "\n" not in gap and current[2] < 10:
            current = (current[0], match.end(), current[2] + digits)
        else:
            if current:
                spans.append(current)
            current = (match.start(), match.end(), digits)
    if current:
        spans.append(current)
    for start, end, digits in spans:
        if digits >= 6:
            phones.append(re.sub(r"\s+", " ", text[start:end]))
    for start, end, digits in reversed(spans):
        if digits >= 6:
            text = text[:start] + " " + text[end:]
    return phones, text


def _mend_emails(text):
    """Join e-mail addresses a PDF line-wrap broke with a space: 'x@g mail.com', 'x@gmail .com'."""
    return re.sub(
        r"([\w.+-]+@[\w-]*)\s+(\.?[\w-]*\.[A-Za-z]{2,})\b",
        lambda m: m.group(1) + m.group(2) if "." not in m.group(1).split("@")[1] else m.group(0),
        text,
    )


@dataclass
class OfficerMention:
    line: int
    name: str = ""
    designation: str = ""
    branch: str = ""
    phones: list = field(default_factory=list)
    emails: list = field(default_factory=list)
    upazila_code: str = ""
    room: str = ""
    office_words: str = ""
    leftovers: list = field(default_factory=list)


def parse_officer(text, line):
    """Pull name, designation, branch, phones, e-mails and codes out of an officer cell."""
    text = _mend_emails(clean_cell(text))
    mention = OfficerMention(line)
    mention.emails = _EMAIL.findall(text)
    rest = _EMAIL.sub(" ", text)
    urls = _URL.findall(rest)
    rest = _URL.sub(" ", rest)
    code = _CODE.search(rest)
    if code:
        mention.upazila_code = code.group(1)
        rest = rest.replace(code.group(0), " ")
    room = _ROOM.search(rest)
    if room:
        mention.room = room.group(1)
        rest = rest.replace(room.group(0), " ")
    mention.phones, rest = _phones(rest)
    rest = _LABEL.sub(" ", rest)
    mention.leftovers = urls  # the office's site, printed beside its officer
    lines = [re.sub(r"\s+", " ", part).strip(" ,") for part in rest.split("\n")]
    lines = [part for part in lines if part]
    words = " ".join(lines)
    if _has(words, "জেলা কার্যালয়", "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর", "প্রধান কার্যালয়"):
        # A post in another office: "প্রোগ্রামার / তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর / জেলা কার্যালয় / মাগুরা।"
        mention.office_words = words
        words = lines[0] if lines else ""
    _split_name_and_designation(mention, words)
    return mention


def _split_name_and_designation(mention, words):
    words = words.strip()
    found = []
    for designation in DESIGNATIONS:
        for match in re.finditer(any_encoding_pattern(designation), words):
            found.append((match.start(), -len(designation), match.end()))
    if not found:
        if re.match(rf"(?:{_words('জনাব', 'বেগম', 'মোঃ', 'মো:', 'মোছাঃ', 'ড.', 'ডঃ')})", words):
            mention.name = words
        else:
            mention.designation = words
        return
    found.sort()
    start, _, end = found[0]
    before, after = words[:start].strip(" ,"), words[end:].strip(" ,")
    first = words[start:end]
    if after and any(after.startswith(words[s:e]) for s, _, e in found[1:] if s >= end):
        # "উপজেলা আইসিটি অফিসার উপজেলা আইসিটি অফিসার": the branch, then the designation.
        mention.name, mention.branch, mention.designation = before, first, after
    else:
        mention.name, mention.designation = before, (first + (" " + after if after else "")).strip()


class OfficerBook:
    """One OfficerEntry per person, however often, and however inconsistently, the document names them."""

    def __init__(self, warn):
        self.warn = warn
        self.groups = []  # [(set of identity keys, [mentions])]

    @staticmethod
    def identities(mention):
        keys = {("email", e.lower()) for e in mention.emails}
        keys |= {("phone", re.sub(r"\D", "", p.translate(_DIGITS))[-8:]) for p in mention.phones}
        if mention.name:
            keys.add(("name", _key(mention.name)))
        return keys

    def add(self, mention):
        keys = self.identities(mention)
        if not keys and mention.designation:
            keys = {("designation", _key(mention.designation), _key(mention.office_words))}
        matches = [group for group in self.groups if group[0] & keys]
        if matches:
            target = matches[0]
            for other in matches[1:]:
                target[0].update(other[0])
                target[1].extend(other[1])
                self.groups.remove(other)
            target[0].update(keys)
            target[1].append(mention)
        else:
            target = (set(keys), [mention])
            self.groups.append(target)
        return target

    def finish(self, office_key_for_words):
        """Turn each group of mentions into one OfficerEntry, keeping its most frequent values."""
        entries = {}
        for _keys, mentions in self.groups:

            def most_frequent(values, what):
                values = [v for v in values if v]
                if not values:
                    return ""
                best = max(dict.fromkeys(values), key=values.count)
                others = sorted(set(values) - {best})
                if others:
                    lines = sorted({m.line for m in mentions})
                    self.warn(
                        lines[0], f"the same officer is written with {what} {', '.join(others)} elsewhere; kept {best}"
                    )
                return best

            emails = [m.emails[0] for m in mentions if m.emails]
            second_emails = {e for m in mentions for e in m.emails[1:]}
            for email in sorted(second_emails):
                line = next(m.line for m in mentions if email in m.emails[1:])
                self.warn(line, f"a second e-mail {email} beside the officer's was not stored (an officer has one)")
            phones = [m.phones[0] for m in mentions if m.phones]
            mobiles = [p for m in mentions for p in m.phones[1:2]]
            entry = OfficerEntry(
                name=most_frequent([m.name for m in mentions], "the name"),
                designation=most_frequent([m.designation for m in mentions], "the designation"),
                branch=most_frequent([m.branch for m in mentions], "the branch"),
                phone=most_frequent(phones, "the phone"),
                mobile=most_frequent(mobiles, "the second phone"),
                email=most_frequent(emails, "the e-mail"),
                room=most_frequent([m.room for m in mentions], "the room"),
                upazila_code=most_frequent([m.upazila_code for m in mentions], "the upazila code"),
                office_key=office_key_for_words(next((m.office_words for m in mentions if m.office_words), "")),
            )
            for mention in mentions:
                entries[id(mention)] = entry
        return entries


# --- the document ---------------------------------------------------------------------------------


@dataclass
class ImportResult:
    document: CharterDocument
    warnings: list  # [(line, message)]
    subordinate_sites: list  # [(line, url)]
    site: str = ""


_INLINE_VISION = re.compile(rf"^({_key('ভিশন')}|{_key('মিশন')})\s*[:ঃ]\s*\S")
_DATE = re.compile(r"^\s*([০-৯0-9]{1,2})\s*[/.-]\s*([০-৯0-9]{1,2})\s*[/.-]\s*([০-৯0-9]{4})\s*$")


def read_charter_text(data, office_key_for_words=lambda words: None):
    """Parse the bytes of a charter's text export. ``office_key_for_words`` names the office a
    text like "জেলা কার্যালয় মাগুরা" means (officers of other offices)."""
    text = decode(data)
    lines = [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]
    warnings = []

    def warn(line, message):
        warnings.append((line, message))

    document = CharterDocument()
    book = OfficerBook(warn)
    result = ImportResult(document, warnings, [])
    section, category, pending = None, None, []  # pending: raw service rows with officer mentions
    vision, mission, tail = [], [], []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.blank:
            index += 1
            continue
        heading = None if (line.is_row or line.is_cell) else classify_heading(line.text)
        if heading:
            section = heading[0]
            category = heading[1] if section == "category" else category
            inline = re.split(r"[:ঃ]", _heading_text(line.text), maxsplit=1)
            if section == "subordinates" and len(inline) == 2 and "নেই" in inline[1]:
                section = "done_subordinates"
            tail = []
            index += 1
            continue
        if line.is_row or line.is_cell:
            rows, index = read_table(lines, index)
            if section == "category":
                _service_rows(rows, category, pending, warn)
            elif section == "expectations":
                _expectation_rows(rows, document, warn)
            elif section == "grs":
                document.tiers += _grs_rows(rows, warn)
            elif section in (None, "vision", "mission", "vision_and_mission", "services"):
                raise CharterTextError(
                    "a table that is under no services heading (নাগরিক / প্রাতিষ্ঠানিক / অভ্যন্তরীণ সেবা)",
                    rows[0].line if rows else line.number,
                )
            else:
                for row in rows:
                    warn(row.line, "a table row here is not part of any charter section and was not stored")
            tail = []
            continue
        # Plain text lines.
        stripped = _heading_text(line.text)
        inline = _INLINE_VISION.match(_key(stripped))
        if inline:  # "ভিশন: জ্ঞানভিত্তিক …" on one line
            section = "vision" if inline.group(1) == _key("ভিশন") else "mission"
            stripped = re.split(r"[:ঃ]", stripped, maxsplit=1)[1].strip()
        if section == "vision":
            vision.append(stripped)
        elif section == "mission":
            mission.append(stripped)
        elif section == "subordinates":
            urls = re.findall(r"https?://[^\s>)\]]+", stripped)
            for url in urls:
                result.subordinate_sites.append((line.number, url))
            if not urls and "নেই" not in stripped:
                warn(line.number, f"a line of the subordinate offices with no site address: {stripped}")
        elif section is None:
            site = re.search(r"\b(doict\.[a-z0-9.-]+\.gov\.bd)\b", stripped)
            if site and not result.site:
                result.site = site.group(1)
        else:
            tail.append(line)
        index += 1

    if not pending:
        raise CharterTextError("no service table was found (headed নাগরিক, প্রাতিষ্ঠানিক or অভ্যন্তরীণ সেবা)")
    document.vision, document.mission = "\n".join(vision), "\n".join(mission)
    document.service_columns = _layout(pending)
    _signature(tail, document, warn)
    _officers(pending, document, book, office_key_for_words)
    return result


def decode(data):
    if not data or not data.strip():
        raise CharterTextError("the file is empty")
    if b"\x00" in data:
        raise CharterTextError("this is not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CharterTextError("the file is not UTF-8 text", line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_pipe_row_as_tabs(line) for line in text.split("\n"))


def _pipe_row_as_tabs(line):
    """A markdown pipe-table row ("| ১ | সেবার নাম |") read as a tab-separated row; its rule
    line ("|---|:--|") as a blank line."""
    stripped = line.strip()
    if len(stripped) < 2 or not (stripped.startswith("|") and stripped.endswith("|")):
        return line
    cells = [cell.strip() for cell in stripped[1:-1].split("|")]
    if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells):
        return ""
    return "\t".join(cells) if len(cells) > 1 else line


@dataclass
class _PendingService:
    entry: ServiceEntry
    line: int
    columns: list
    officer_cells: dict  # "responsible"/"superior" -> (line, text)


def _service_rows(rows, category, pending, warn):
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
                        f"a column headed {clean_cell(row.text(i))!r} is not one the portal "
                        "knows; its cells are not stored",
                    )
            continue
        if _is_column_numbers(texts):
            continue
        if columns is None:
            raise CharterTextError("a service row comes before the table's header row", row.line)
        values = {}
        for i, name in enumerate(columns):
            cell = clean_cell(row.text(i))
            if name is None:
                continue
            values[name] = cell
        for i in range(len(columns), len(row.cells)):
            if clean_cell(row.text(i)):
                warn(row.line_of(i), f"a cell beyond the table's columns was not stored: {clean_cell(row.text(i))!r}")
        serial_text = values.get("serial", "")
        previous = in_table[-1] if in_table else None
        if not serial_text and previous is not None:
            _continue_row(previous, values, row)
            continue
        serial = _number(serial_text) if serial_text else None
        if serial is None:
            earlier = [p for p in pending if p.entry.category == category]
            serial = (earlier[-1].entry.serial + 1) if earlier else 1
            if serial_text:
                raise CharterTextError(f"the serial {serial_text!r} is not a number", row.line)
            warn(row.line, f"a service row with no serial, the first of its table: numbered {serial}")
        if not values.get("name"):
            raise CharterTextError(f"service {serial} has no name", row.line)
        if any(p.entry.category == category and p.entry.serial == serial for p in pending):
            raise CharterTextError(f"service {serial} appears twice in the same table", row.line)
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


def _layout(pending):
    columns = {name for item in pending for name in item.columns if name}
    if "papers_source" in columns:
        return Charter.ServiceColumns.TIME_FIRST
    if "superior" in columns:
        return Charter.ServiceColumns.WITH_SUPERIOR
    return Charter.ServiceColumns.STANDARD


def _officers(pending, document, book, office_key_for_words):
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
                book.warn(mention.line, f"the address {url} in an officer's cell was not stored with the officer")
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
                and (not mention.designation or _key(mention.designation) == _key(entry.designation))
            ):
                tier.contact_officer, tier.contact_text = entry, ""
                break


def _expectation_rows(rows, document, warn):
    for row in rows:
        texts = [clean_cell(t) for _, t in row.cells]
        if any(_has(t, "করণীয়", "ক্রমিক") for t in texts) or _is_column_numbers(texts):
            continue
        serial = _number(texts[0]) if texts and texts[0] else None
        text = " ".join(t for t in texts[1:] if t)
        if serial is None or not text:
            if document.expectations and not texts[0] and text:
                document.expectations[-1].text += " " + text
                continue
            raise CharterTextError("an expectation row needs a serial and a text", row.line)
        document.expectations.append(ExpectationEntry(serial, text))


_GRS_COLUMNS = {
    "when": ("কখন",),
    "title": ("কার সঙ্গে", "কার সাথে"),
    "contact": ("ঠিকানা",),
    "days": ("নিষ্পত্তির সময়", "সময়সীমা"),
    "serial": ("ক্রমিক",),
}


def _grs_rows(rows, warn):
    columns, tiers = None, []
    for row in rows:
        texts = [clean_cell(t) for _, t in row.cells]
        if any(_has(t, "কখন যোগাযোগ") for t in texts):
            columns = []
            for text in texts:
                columns.append(next((name for name, words in _GRS_COLUMNS.items() if _has(text, *words)), None))
            continue
        if _is_column_numbers(texts):
            continue
        if columns is None:
            raise CharterTextError("a GRS row comes before the GRS table's header row", row.line)
        values = {name: texts[i] for i, name in enumerate(columns) if name and i < len(texts)}
        level, days = _number(values.get("serial", "")), _number(values.get("days", ""))
        if level is None or days is None:
            raise CharterTextError("a GRS row needs its tier number and its days", row.line)
        if level == 3:
            if days != 60:
                warn(
                    row.line,
                    f"tier 3 is the Cabinet Division's cell, kept once for the nation (60 working days); "
                    f"this document's {days} days were not stored",
                )
            continue
        if level not in (1, 2):
            raise CharterTextError(f"a GRS tier {level}: an office's own tiers are 1 and 2", row.line)
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


def _signature(tail, document, warn):
    """The lines after the last table: the date, the signatory's name and designation."""
    rest = []
    for line in tail:
        text = _heading_text(line.text)
        found = _DATE.match(text)
        if found and document.issued_on is None:
            day, month, year = (int(g.translate(_DIGITS)) for g in found.groups())
            try:
                document.issued_on = date(year, month, day)
            except ValueError:
                raise CharterTextError(f"{text!r} is not a date (day/month/year)", line.number) from None
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
        if _has(text, "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর") or _has(text, "কার্যালয়"):
            continue
        warn(number, f"a line after the signatory was not stored: {text}")

"""Read the text export of a paper citizen's charter into a CharterDocument.

The exports come from Word and PDF files and are messy in known ways (see
fixtures/seeds/README.md): tab-separated rows or one cell per line, headers
repeated after page breaks, rows broken across pages, 7 or 8 columns in more
than one order, Bengali or ASCII digits, markdown headings or none, stray HTML,
CRLF or LF. Columns are recognised by their header text, not their position.

Anything that cannot be read raises CharterError with its line number.
Anything read but not placed is kept as a warning with its line number.
Every message, refusal or warning, is Bengali; the size limits are checked first (limits.py).
"""

import re
from dataclasses import dataclass, field

from charters.document import CharterDocument
from charters.errors import CharterError, line_place

from . import limits, scan
from .bijoy import looks_like_bijoy, text_to_unicode
from .doc import doc_blocks
from .lines import Line, classify_heading, decode, heading_text
from .officers import OfficerBook
from .pdf import pdf_blocks
from .scan import scan_kind
from .sections import (
    place_officers,
    read_expectation_rows,
    read_grs_rows,
    read_layout,
    read_service_rows,
    read_signature,
)
from .tables import read_table
from .word import docx_blocks, file_kind
from .words import word_key

# --- the document ---------------------------------------------------------------------------------


@dataclass
class ImportResult:
    document: CharterDocument
    warnings: list  # [(line, message)]
    subordinate_sites: list  # [(line, url)]
    site: str = ""
    places: dict = field(default_factory=dict)  # line → where a Word file had it ("টেবিল ২, সারি ৩")
    source: str = "text"  # which reader made the draft: charters.models.Charter.ImportSource
    bijoy: bool = False  # some of its text was typed in Bijoy and converted

    def where(self, line):
        """Where a line number of a warning was in the file: "লাইন ১২", or a Word file's table and row."""
        return self.places.get(line) or line_place(line)

    def refusal(self, error):
        """A CharterError raised while writing this document, its place said as the file has it
        (a Word file's table and row, not the reader's line number)."""
        return f"{self.where(error.line)}: {error.detail}" if error.line else str(error)

    def placed_warnings(self, more=()):
        """Every warning with its place, as stored on the draft and shown in reports:
        [{"place": "টেবিল ২, সারি ৩", "message": "…"}] ("" where the file has no one place)."""
        return [
            {"place": self.where(line) if line else "", "message": message} for line, message in [*self.warnings, *more]
        ]


@dataclass
class Table:
    """A table of the document, its rows read (a text export's run of rows, or Word tables)."""

    rows: list
    line: int


def text_blocks(lines):
    """The text export's lines as the document's blocks: each non-blank line, or a table."""
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.blank:
            index += 1
        elif line.is_row or line.is_cell:
            rows, index = read_table(lines, index)
            yield Table(rows, line.number)
        else:
            yield line
            index += 1


_INLINE_VISION = re.compile(rf"^({word_key('ভিশন')}|{word_key('মিশন')})\s*[:ঃ]\s*\S")


def read_charter_text(data, office_key_for_words=lambda words: None):
    """Parse the bytes of a charter's text export. ``office_key_for_words`` names the office a
    text like "জেলা কার্যালয় মাগুরা" means (officers of other offices). A text typed in Bijoy
    (it has no fonts: told by its content) is converted, its Unicode lines, e-mails and URLs kept."""
    text, bijoy = _text_of(data)
    limits.check_text(text)
    lines = [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]
    result = read_blocks(text_blocks(lines), office_key_for_words)
    result.bijoy = bijoy
    return result


def _text_of(data):
    """The export's text, and whether it was Bijoy. A Bijoy export saved by Word as "ANSI" is
    Windows-1252 bytes, not UTF-8."""
    try:
        text = decode(data)
    except CharterError:
        try:
            text = data.decode("cp1252").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            text = None
        if text is None or not looks_like_bijoy(text):
            raise
    if not looks_like_bijoy(text):
        return text, False
    bengali = re.compile("[\u0980-\u09ff]")
    return "\n".join(line if bengali.search(line) else text_to_unicode(line) for line in text.split("\n")), True


# One reader per kind of file, each giving the blocks (Lines and Tables) and their places; the
# text export is read by read_charter_text. Readers of other kinds (scans) are added here.
READERS = {"docx": docx_blocks, "doc": doc_blocks, "pdf": pdf_blocks}


def read_charter_file(data, name="", office_key_for_words=lambda words: None):
    """Read a charter file, chosen by its content: a text export, Word (.docx, .doc), a PDF with a
    text layer, or a scan (PNG, JPEG, a PDF without text, read by OCR); any other file (a
    spreadsheet), or one that is not what its name says, is refused. The limits (size, then rows,
    cells, spans, text length, time) refuse a hostile file before the work."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = scan_kind(data) if suffix in scan.SUFFIXES else None
    if kind:
        if len(data) > scan.MAX_SCAN_BYTES:
            raise CharterError(f"স্ক্যানটি {len(data)} বাইট; {scan.MAX_SCAN_BYTES // (1024 * 1024)} MB-এর কম করে পাঠান।")
        blocks, places, unsure = scan.scan_blocks(data, kind)
        result = _read_placed(blocks, places, office_key_for_words)
        result.source = "scan"
        for cell in unsure:  # listed first: the staff check these before publishing
            result.warnings.insert(0, (cell.line, scan.unsure_message(cell)))
        return result
    limits.check_size(data)
    with limits.time_limit():
        kind = file_kind(data, name)
        if kind == "text":
            result = read_charter_text(data, office_key_for_words)
            result.source = "bijoy" if result.bijoy else "text"
            return result
        seen = set()
        result = _read_placed(*READERS[kind](data, seen), office_key_for_words)
        result.bijoy = "bijoy" in seen
        result.source = "pdf" if kind == "pdf" else "bijoy" if result.bijoy else "word"
        return result


def _read_placed(blocks, places, office_key_for_words):
    """Read blocks whose lines have places (a Word file's table and row, a scan's page and cell)."""
    try:
        result = read_blocks(blocks, office_key_for_words)
    except CharterError as error:
        raise CharterError(error.detail, where=places.get(error.line)) from None
    result.places = places
    return result


def read_blocks(blocks, office_key_for_words=lambda words: None):
    """Read the document from its blocks (plain lines and tables), whichever file they came from."""
    warnings = []

    def warn(line, message):
        warnings.append((line, message))

    document = CharterDocument()
    book = OfficerBook(warn)
    result = ImportResult(document, warnings, [])
    section, category, pending = None, None, []  # pending: raw service rows with officer mentions
    vision, mission, tail = [], [], []
    for block in limits.guarded(blocks, Table):
        if isinstance(block, Table):
            rows = block.rows
            if section == "category":
                read_service_rows(rows, category, pending, warn)
            elif section == "expectations":
                read_expectation_rows(rows, document, warn)
            elif section == "grs":
                document.tiers += read_grs_rows(rows, warn)
            elif section in (None, "vision", "mission", "vision_and_mission", "services"):
                raise CharterError(
                    "এই টেবিলটি কোনো সেবার শিরোনামের (নাগরিক / প্রাতিষ্ঠানিক / অভ্যন্তরীণ সেবা) নিচে নেই",
                    rows[0].line if rows else block.line,
                )
            else:
                for row in rows:
                    warn(row.line, "এখানকার টেবিলের সারিটি চার্টারের কোনো অংশের নয়; রাখা হয়নি")
            tail = []
            continue
        line = block
        heading = classify_heading(line.text)
        if heading:
            section = heading[0]
            category = heading[1] if section == "category" else category
            inline = re.split(r"[:ঃ]", heading_text(line.text), maxsplit=1)
            if section == "subordinates" and len(inline) == 2 and "নেই" in inline[1]:
                section = "done_subordinates"
            tail = []
            continue
        # Plain text lines.
        stripped = heading_text(line.text)
        inline = _INLINE_VISION.match(word_key(stripped))
        if inline:  # "ভিশন: জ্ঞানভিত্তিক …" on one line
            section = "vision" if inline.group(1) == word_key("ভিশন") else "mission"
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
                warn(line.number, f"আওতাধীন দপ্তরের এই লাইনে কোনো ওয়েবসাইটের ঠিকানা নেই: {stripped}")
        elif section is None:
            site = re.search(r"\b(doict\.[a-z0-9.-]+\.gov\.bd)\b", stripped)
            if site and not result.site:
                result.site = site.group(1)
        else:
            tail.append(line)

    if not pending:
        raise CharterError("কোনো সেবার টেবিল পাওয়া যায়নি (শিরোনাম নাগরিক, প্রাতিষ্ঠানিক বা অভ্যন্তরীণ সেবা)")
    document.vision, document.mission = "\n".join(vision), "\n".join(mission)
    document.service_columns = read_layout(pending)
    read_signature(tail, document, warn)
    place_officers(pending, document, book, office_key_for_words)
    return result

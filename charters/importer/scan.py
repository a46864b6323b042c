"""Scanned charters (PNG, JPEG, or a PDF with no text layer) read by OCR into the importer's blocks.

Tesseract (Debian's tesseract-ocr with tesseract-ocr-ben, `-l ben+eng`) reads a whole page of
tables in the wrong order: its layout analysis runs lines across cells, and about half of the
cells' words come out in reading order. So the tables are found first from their ruling lines
(grid.py) and each cell is read on its own (ocr.py), with each word's confidence.

Tables become the same Table blocks the Word reader gives (a merged cell's text in its top-left
grid cell, the cells it covers empty; a table going on at the top of the next page is one table),
text between tables becomes lines (a line that runs to the right margin goes on in the next), so
the one parser makes the charter. A cell read with low confidence is a warning with its page,
table, row and column, for the staff to check before publishing.
"""

import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from charter_portal.bangla import bengali_digits
from charters.errors import CharterError

from .grid import tables, without_lines
from .lines import Line, classify_heading
from .ocr import INSTALL, OCR_SECONDS, Piece, lines_of, read_pieces, reread_latin_slips, reread_short_cells
from .ocr_text import cell_text
from .ocr_words import Vocabulary
from .skew import straightened
from .tables import SERVICE_COLUMNS, Row, is_column_numbers, is_service_header
from .words import has_words, number_in

UNSURE_BELOW = 75  # a cell with a word Tesseract is less sure of than this is listed for checking
MAX_PAGES = 40
PDF_DPI = 300


@dataclass
class Unsure:
    """A cell (or a line outside tables) the OCR was unsure of."""

    line: int  # its number in the blocks (see places)
    text: str
    confidence: int


IMAGE_KINDS = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}
SUFFIXES = {"png", "jpg", "jpeg", "pdf", ""}  # a scan named .docx or .txt is refused as misnamed
MAX_SCAN_BYTES = 30 * 1024 * 1024  # a scanned charter of a dozen pages at 300 dpi


def scan_kind(data):
    """'png', 'jpeg' or 'pdf' (a PDF with no text layer) when the file is a scan, else None."""
    for magic, kind in IMAGE_KINDS.items():
        if data.startswith(magic):
            return kind
    if data.startswith(b"%PDF-") and not _has_text_layer(data):
        return "pdf"
    return None


def _has_text_layer(data):
    """Whether a PDF's pages carry text (pdftotext finds any letters): then it is read as text."""
    if not shutil.which("pdftotext"):
        return False
    with tempfile.TemporaryDirectory(prefix="charter-scan-") as work:
        source = Path(work) / "charter.pdf"
        source.write_bytes(data)
        try:
            done = subprocess.run(["pdftotext", "-l", "3", str(source), "-"], capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            return False
    return len(re.findall(r"\w", done.stdout.decode("utf-8", "replace"))) >= 20


def unsure_message(cell):
    """The warning for a cell the OCR was unsure of (its place is the warning's line)."""
    return (
        f"OCR নিশ্চিত নয় (আস্থা {bengali_digits(cell.confidence)}%): «{' '.join(cell.text.split())}» — "
        "প্রকাশের আগে মূল কাগজের সঙ্গে মিলিয়ে দেখুন"
    )


def missing_ocr():
    """Why scans cannot be read on this server (in Bengali), or None."""
    if not shutil.which("tesseract"):
        return "স্ক্যান করা চার্টার পড়ার OCR (tesseract) এই সার্ভারে নেই। " + INSTALL
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    if "ben" not in listed.stdout.split():
        return "tesseract আছে, কিন্তু তার বাংলা মডেল (tesseract-ocr-ben) নেই। " + INSTALL
    return None


def page_images(data, kind):
    """The scan's pages as (greyscale NumPy array, dpi)."""
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    if kind == "pdf":
        pages, dpi = _pdf_pages(data)
        return [(np.asarray(page), dpi) for page in pages]
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise CharterError("ছবিটি খোলা যায়নি (ভাঙা বা অচেনা ছবি)। স্ক্যানটি PNG বা JPEG হিসেবে আবার পাঠান।") from None
    page = image.convert("L")
    # The scanner's dpi if it says; otherwise from the size, taking the page as A4.
    dpi = int(round(image.info.get("dpi", (0, 0))[0] or max(page.size) / 11.69))
    if dpi < 100:
        raise CharterError(f"ছবিটির রেজোলিউশন কম (প্রায় {bengali_digits(dpi)} dpi); অন্তত ২০০ dpi-তে স্ক্যান করে পাঠান।")
    return [(np.asarray(page), dpi)]


def _pdf_pages(data):
    from PIL import Image

    if not shutil.which("pdftoppm"):
        raise CharterError("PDF-এর পাতা ছবি করার pdftoppm (poppler-utils) এই সার্ভারে নেই। " + INSTALL)
    with tempfile.TemporaryDirectory(prefix="charter-scan-") as work:
        source = Path(work) / "scan.pdf"
        source.write_bytes(data)
        dpi = _scanned_dpi(source)
        command = ["pdftoppm", "-r", str(dpi), "-gray", "-l", str(MAX_PAGES + 1), "-png", str(source), f"{work}/p"]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=OCR_SECONDS)
        except subprocess.CalledProcessError:
            raise CharterError("PDF ফাইলটি খোলা যায়নি (ভাঙা PDF)। ঠিক ফাইলটি আবার পাঠান।") from None
        except subprocess.TimeoutExpired:
            raise CharterError("PDF-এর পাতাগুলো সময়মতো ছবি করা গেল না; ফাইলটি দেখুন।") from None
        files = sorted(Path(work).glob("p-*.png"))
        if len(files) > MAX_PAGES:
            raise CharterError(f"PDF-টিতে {bengali_digits(MAX_PAGES)}টির বেশি পাতা; একটি চার্টার এত বড় হয় না।")
        return [Image.open(file).convert("L") for file in files], dpi


def _scanned_dpi(pdf):
    """The resolution the pages were scanned at (pdfimages), so they are not enlarged to read:
    between 200 and 300 dpi, 300 when the PDF does not say."""
    try:
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return PDF_DPI
    resolutions = sorted(
        int(f[12]) for f in (row.split() for row in listing.splitlines()[2:]) if len(f) > 13 and f[12].isdigit()
    )
    return min(max(resolutions[len(resolutions) // 2], 200), PDF_DPI) if resolutions else PDF_DPI


# --- pages into blocks -----------------------------------------------------------------------------


def scan_blocks(data, kind):
    """The scan's blocks (Lines and Tables), where each numbered line was, and the unsure cells."""
    from . import Table

    reason = missing_ocr()
    if reason:
        raise CharterError(reason)
    places, blocks, unsure, counter = {}, [], [], iter(range(1, 10**9))
    pending_table = None
    found_tables = 0

    def number(place):
        n = next(counter)
        places[n] = place
        return n

    for page_number, (page, dpi) in enumerate(page_images(data, kind), start=1):
        page_name, paragraph_number = f"পৃষ্ঠা {bengali_digits(page_number)}", 0
        page = straightened(page)  # a page laid crooked on the glass
        grids = tables(page, dpi)
        page = without_lines(page, grids)
        found_tables += len(grids)
        bands = _text_bands(page, grids, dpi)
        pieces = {("band", i): Piece(box) for i, box in enumerate(bands)}
        for t, grid in enumerate(grids):
            for cell in grid.cells:
                pieces[(t, cell.row, cell.column)] = Piece(cell.box)
        read_pieces(list(pieces.values()), page, dpi)
        # Tesseract now and then loses a lone word among the stacked pieces (a fee cell's
        # "বিনামূল্যে"): the pieces it gave no words are read again, in a stack of their own.
        read_pieces([piece for piece in pieces.values() if not piece.words], page, dpi)
        reread_latin_slips(list(pieces.values()), page, dpi)
        reread_short_cells(list(pieces.values()), page, dpi)
        # Text bands and tables, top to bottom.
        items = [(box[1], "band", i) for i, box in enumerate(bands)] + [
            (g.box[1], "table", t) for t, g in enumerate(grids)
        ]
        for _, what, index in sorted(items):
            if what == "band":
                paragraphs = _paragraphs(lines_of(pieces[("band", index)]), bands[index])
                if paragraphs:
                    pending_table = None
                for text, confidence in paragraphs:
                    text = _snap_heading(text)
                    paragraph_number += 1
                    line = number(f"{page_name}, অনুচ্ছেদ {bengali_digits(paragraph_number)}")
                    blocks.append(Line(line, text))
                    if confidence < UNSURE_BELOW:
                        unsure.append(Unsure(line, text, confidence))
                continue
            grid = grids[index]
            table_name = f"{page_name}, টেবিল {bengali_digits(index + 1)}"
            rows = []
            for r in range(grid.row_count):
                row_name = f"{table_name}, সারি {bengali_digits(r + 1)}"
                row_line = number(row_name)
                lines = [number(f"{row_name}, কলাম {bengali_digits(c + 1)}") for c in range(grid.column_count)]
                row_pieces = [pieces.get((index, r, c)) for c in range(grid.column_count)]
                texts = [_read_cell(piece, dpi) for piece in row_pieces]
                if is_service_header(Row(row_line, [(0, text) for text, _ in texts])):
                    # A service table's header is Bengali: Latin read in it ("AAG ANA" for দায়িত্বপ্রাপ্ত)
                    # is the English model's, so its cells are read again with the Bengali model.
                    latin = [i for i, (text, _) in enumerate(texts) if re.search(r"[A-Za-z]{2,}", text)]
                    read_pieces([row_pieces[i] for i in latin], page, dpi, "ben")
                    for i in latin:
                        texts[i] = _read_cell(row_pieces[i], dpi)
                for line, (text, lowest) in zip(lines, texts, strict=True):
                    if lowest < UNSURE_BELOW:
                        unsure.append(Unsure(line, text, lowest))
                cells = [(line, text) for line, (text, _) in zip(lines, texts, strict=True)]
                rows.append(_snap_column_numbers(_snap_header(Row(row_line, cells)), rows[-1] if rows else None))
            if pending_table is not None and len(rows[0].cells) == len(pending_table.rows[0].cells):
                pending_table.rows += rows  # the table goes on from the page before
            else:
                pending_table = Table(rows, rows[0].line)
                blocks.append(pending_table)
    tables_read = [block for block in blocks if isinstance(block, Table)]
    vocabulary = Vocabulary([text for t in tables_read for row in t.rows for _, text in row.cells], HEADINGS)
    written = {}
    for table in tables_read:
        for row in table.rows:
            row.cells[:] = [(line, vocabulary.correct_text(text)) for line, text in row.cells]
            written.update(row.cells)
    for cell in unsure:  # the staff check the text as the draft has it
        cell.text = written.get(cell.line, cell.text)
    for table in tables_read:
        _number_unread_serials(table, unsure)
    if not found_tables:
        raise CharterError(
            "স্ক্যানে কোনো টেবিল পাওয়া যায়নি: সেবার তালিকা রেখা টানা টেবিল হিসেবে থাকতে হবে। "
            "পাতাটি সোজা করে অন্তত ২০০ dpi-তে স্ক্যান করে পাঠান।"
        )
    return blocks, places, unsure


def _read_cell(piece, dpi):
    """A cell's text and the lowest confidence of its words ("" for a cell a merged cell covers)."""
    if piece is None:
        return "", 100
    read = lines_of(piece)
    return cell_text(read, piece.box[2], dpi // 8), min((c for _, _, c, _ in read), default=100)


# The headings the parser knows a charter's sections by: a short line OCR read nearly as one of them
# ("প্রাতিক্ঠানিক সেবা") is taken as it, or the section would be lost.
HEADINGS = [
    "ভিশন ও মিশন",
    "নাগরিক সেবা",
    "প্রাতিষ্ঠানিক সেবা",
    "অভ্যন্তরীণ সেবা",
    "প্রতিশ্রুত সেবাসমূহ",
    "আওতাধীন দপ্তরসমূহ",
    "আপনার কাছে আমাদের প্রত্যাশা",
    "অভিযোগ ব্যবস্থাপনা পদ্ধতি (GRS)",
]
_NUMBERED = re.compile(r"^([\d০-৯.)(।\s]*)(.*?)(\s*[:ঃ]?\s*)$")


def _snap_heading(text):
    if len(text) > 60 or classify_heading(text):
        return text
    prefix, body, suffix = _NUMBERED.match(text).groups()
    for heading in HEADINGS:
        if SequenceMatcher(None, body, heading).ratio() >= 0.85:
            return f"{prefix}{heading}{suffix}"
    return text


# The one-word names the parser knows a service table's columns by (ক্রমিক, মূল্য, দায়িত্বপ্রাপ্ত …).
_COLUMN_WORDS = sorted({w for words in SERVICE_COLUMNS.values() for w in words if " " not in w}, key=len)


# How near a header word must be read to a column's name: a long name can lose a letter or two
# ("উধধ্বতন"), a short one ("ক্রম") only as much as "কর্ম" is not near.
_NEAR = {False: 0.85, True: 0.75}


def _snap_header(row):
    """A service table's header row whose cell has a word OCR read nearly as a column's name
    ("দায়িত্প্রাপ্ত") gets that name, or the column would be dropped."""
    if not is_service_header(row):
        return row

    def snapped(token):  # the token, or its start, read nearly as a column's name ("দায়িত্ৃপ্রাপ্তকর্মকর্তার")
        for word in reversed(_COLUMN_WORDS):  # longest first
            for cut in (len(word), len(word) - 1, len(word) + 1):
                if len(word) >= 4 and SequenceMatcher(None, token[:cut], word).ratio() >= _NEAR[len(word) >= 6]:
                    return word + " " * (cut < len(token)) + token[cut:]
        return token

    cells = []
    for line, text in row.cells:
        if text and not has_words(text, *_COLUMN_WORDS):
            text = re.sub(r"\S+", lambda match: snapped(match.group()), text)
        cells.append((line, text))
    return Row(row.line, cells)


def _snap_column_numbers(row, above):
    """The row of column numbers under a service table's header ("(১)", "(২)" …) with most of its
    cells read as numbers is that row ("(>)" for (১) would make it a service)."""
    if above is None or not is_service_header(above):
        return row
    numbers = [bool(re.fullmatch(r"\(?\s*[০-৯0-9]+\s*\)?", text.strip())) for _, text in row.cells]
    if sum(numbers) * 2 <= len(numbers):
        return row
    return Row(row.line, [(line, f"({bengali_digits(i + 1)})") for i, (line, _) in enumerate(row.cells)])


def _number_unread_serials(table, unsure):
    """Services (and the rows of any table headed ক্রমিক) are numbered 1, 2, 3… down a table.
    When at least three in four serials read are their row's place, the others are misreadings
    (৯ and ৮ for ৩ and ৪) and become that place. Otherwise, row by row, a serial OCR could not read
    as a number ("চি" for 3.), or read as one that goes back (৪ for ৭) or jumps where the next
    row's serial says it should not (৮ for ৪ between ৩ and ৫, ১৯ for ১১ as the last), is one more
    than the serial above it. Each such cell is listed as unsure with what was read."""
    column, serials = None, []  # [(row, its serial column, serial read or None)]
    for row in table.rows:
        serial_column = next((i for i, (_, text) in enumerate(row.cells) if has_words(text, "ক্রমিক")), None)
        if is_service_header(row) or serial_column is not None:  # the header of a numbered table
            column = next((i for i, (_, text) in enumerate(row.cells) if has_words(text, "ক্রম")), None)
            continue
        texts = [text for _, text in row.cells]
        if column is None or column >= len(texts) or not texts[column].strip() or is_column_numbers(texts):
            continue
        serials.append((row, column, number_in(texts[column])))
    in_place = sum(1 for place, (_, _, serial) in enumerate(serials, 1) if serial == place)
    by_place = in_place >= 2 and in_place * 4 >= len(serials) * 3 and 1 not in [s for _, _, s in serials[1:]]
    last = 0
    for index, (row, column, serial) in enumerate(serials):
        following = serials[index + 1][2] if index + 1 < len(serials) else None
        # A jump is a misreading when the next serial is the one after the jump's place, or when
        # the numbering ends or starts again after it (১৯ for ১১ as a table's last row).
        jump = (
            serial is not None
            and serial > last + 1
            and (following is None or following == last + 2 or following <= last)
        )
        if (by_place and serial != index + 1) or (not by_place and (serial is None or serial <= last or jump)):
            line, read = row.cells[column]
            serial = last + 1
            row.cells[column] = (line, bengali_digits(serial))
            unsure[:] = [cell for cell in unsure if cell.line != line]
            unsure.append(Unsure(line, f"{read} → {bengali_digits(serial)}", 0))
        last = serial


def _text_bands(page, grids, dpi):
    """The page's parts above, between and below its tables that hold ink, as boxes."""
    height, width = page.shape
    edges = [0]
    for grid in grids:
        edges += [grid.box[1] - 2, grid.box[3] + 3]
    edges.append(height)
    bands = []
    for top, bottom in zip(edges[::2], edges[1::2], strict=True):
        if bottom - top > dpi // 10 and (page[top:bottom] < 160).sum() > dpi // 10:
            bands.append((0, max(top, 0), width, min(bottom, height)))
    return bands


def _paragraphs(lines, box):
    """Text lines as paragraphs: a line reaching the right margin goes on in the next one."""
    if not lines:
        return []
    margin = max(line[1] for line in lines)
    paragraphs, going_on = [], False
    for text, right, confidence, _ in lines:
        if going_on:
            previous, lowest = paragraphs[-1]
            paragraphs[-1] = (f"{previous} {text}", min(lowest, confidence))
        else:
            paragraphs.append((text, confidence))
        going_on = right >= margin - (box[2] - box[0]) // 25
    return paragraphs

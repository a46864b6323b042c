"""Scanned charters (issue 20): the tables found from their lines, each cell read by OCR on its own,
the draft marked as read from a scan with every unsure cell listed by page, table, row and column;
what cannot be read is refused in Bengali and nothing is written.

OCR takes seconds a page: one seed (Kachua, three pages) is read here, straight and turned 1°;
benchmarks/scans.py reads all five, and the other kinds of scan, and prints the figures.
"""

import io
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from PIL import Image, ImageDraw

from charters.errors import CharterError
from charters.importer import read_charter_file, read_charter_text
from charters.importer import scan as scan_reader
from charters.importer.grid import tables
from charters.models import Charter, CharterVersion
from tests.support import SEEDS
from tests.support.charters import SEED_FILES, refused_by_import_charter
from tests.support.scans import degraded, image_pdf, missing_tools, pdf_fonts, scan_accuracy, seed_scan

pytestmark = pytest.mark.django_db

needs_ocr = pytest.mark.skipif(
    bool(missing_tools() or scan_reader.missing_ocr()),
    reason=f"scans cannot be made or read here: {missing_tools() or scan_reader.missing_ocr()}",
)


def png(image, dpi=200):
    out = io.BytesIO()
    image.save(out, "PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return out.getvalue()


def drawn_table():
    """A ruled table at 200 dpi: 4 rows × 3 columns; row 0's last two cells merged across, column 0's
    rows 2-3 merged down; in a cell, a word's headline with stems just under the cell's top line."""
    image = Image.new("L", (1654, 1200), 255)
    draw = ImageDraw.Draw(image)
    xs, ys = [100, 400, 900, 1500], [200, 300, 450, 600, 750]
    for y in ys:
        start = xs[1] if y == ys[3] else xs[0]  # column 0: rows 2 and 3 are one cell
        draw.line([(start, y), (xs[-1], y)], fill=0, width=2)
    for x in xs:
        top = ys[1] if x == xs[2] else ys[0]  # row 0: columns 1 and 2 are one cell
        draw.line([(x, top), (x, ys[-1])], fill=0, width=2)
    draw.line([(450, 310), (700, 310)], fill=0, width=3)  # a headline 10 px under the row's line
    for x in (480, 560, 640):
        draw.line([(x, 304), (x, 340)], fill=0, width=3)  # stems touching both
    return np.asarray(image)


def test_a_tables_grid_is_found_from_its_lines_with_merged_cells_and_no_text_taken_for_lines():
    (grid,) = tables(drawn_table(), 200)
    assert (grid.row_count, grid.column_count) == (4, 3)
    spans = {(cell.row, cell.column): (cell.rows, cell.columns) for cell in grid.cells}
    assert spans[(0, 1)] == (1, 2)  # across
    assert spans[(2, 0)] == (2, 1)  # down
    assert (3, 0) not in spans and (0, 2) not in spans  # covered by the merged cells
    assert len(grid.cells) == 12 - 2


@needs_ocr
def test_the_seed_scans_are_drawn_in_the_portals_own_bengali_font():
    _, printed = seed_scan("kachua.chandpur")
    assert any("NotoSansBengali" in font for font in pdf_fonts(printed))


@needs_ocr
def test_a_scanned_charter_finds_every_service_in_order_and_its_cells_words_in_reading_order():
    pages, _ = seed_scan("kachua.chandpur")
    scanned = read_charter_file(image_pdf(pages), "kachua.pdf")
    expected = read_charter_text((SEEDS / SEED_FILES["kachua.chandpur"]).read_bytes())
    figures = scan_accuracy(scanned.document, expected.document)
    assert figures["services_in_order"] == figures["services"] == 8
    assert figures["words_right"] >= 0.95  # benchmarks/scans.py prints the figure (97.8 % here)
    assert scanned.source == "scan"
    # Every unsure cell is listed with its page, table, row and column and what was read.
    unsure = [(scanned.where(line), message) for line, message in scanned.warnings if message.startswith("OCR")]
    assert unsure
    assert all("পৃষ্ঠা" in place for place, _ in unsure)
    assert any(all(part in place for part in ("টেবিল", "সারি", "কলাম")) for place, _ in unsure)
    assert all("মিলিয়ে দেখুন" in message and "«" in message for _, message in unsure)


@needs_ocr
def test_a_charter_scanned_crooked_is_turned_straight_and_read_as_well():
    pages, _ = seed_scan("kachua.chandpur")
    scanned = read_charter_file(image_pdf(degraded(pages, rotate=-1.0)), "kachua.pdf")  # turned 1° clockwise
    expected = read_charter_text((SEEDS / SEED_FILES["kachua.chandpur"]).read_bytes())
    figures = scan_accuracy(scanned.document, expected.document)
    assert figures["services_in_order"] == figures["services"] == 8
    assert figures["words_right"] >= 0.95
    # Its unsure cells are listed by their place in Bengali, as a straight scan's are.
    places = [scanned.where(line) for line, message in scanned.warnings if message.startswith("OCR")]
    assert places and all(place.startswith("পৃষ্ঠা") for place in places)


@needs_ocr
def test_a_scanned_page_imported_by_the_command_is_a_draft_marked_as_read_from_a_scan(tmp_path):
    pages, _ = seed_scan("kachua.chandpur")
    path = tmp_path / "kachua.png"
    path.write_bytes(pages[0])  # the first page: vision, mission and the first services
    versions = CharterVersion.objects.filter(office__key="kachua.chandpur").count()
    out = StringIO()
    call_command("import_charter", str(path), "--office", "kachua.chandpur", "--replace", stdout=out, stderr=out)
    charter = Charter.objects.get(office__key="kachua.chandpur")
    assert charter.import_source == Charter.ImportSource.SCAN
    unsure = [w for w in charter.import_warnings if w["message"].startswith("OCR")]
    assert unsure and all(w["place"].startswith("পৃষ্ঠা ১") for w in unsure)
    assert "মাঠ পর্যায়ের সকল" in charter.office.services.get(serial=1).name
    assert CharterVersion.objects.filter(office=charter.office).count() == versions  # a draft, nothing published
    assert "OCR নিশ্চিত নয়" in out.getvalue()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "ছবিটি খোলা যায়নি"),
        ("scan.png", png(Image.new("L", (1654, 2339), 255)), "কোনো টেবিল পাওয়া যায়নি"),
        ("scan.png", png(Image.new("L", (400, 560), 255), dpi=None), "রেজোলিউশন কম"),  # A4 at 34 dpi
    ],
    ids=["broken image", "no table", "too coarse"],
)
def test_a_scan_that_cannot_be_read_is_refused_in_bengali_and_nothing_is_written(name, data, message, tmp_path):
    if scan_reader.missing_ocr():
        pytest.skip(scan_reader.missing_ocr())
    with pytest.raises(CharterError, match=message):
        read_charter_file(data, name)
    path = tmp_path / name
    path.write_bytes(data)
    refused_by_import_charter(path, message)


def test_without_tesseract_a_scan_is_refused_saying_what_to_install(monkeypatch):
    monkeypatch.setattr(scan_reader.shutil, "which", lambda name: None)
    with pytest.raises(CharterError, match="tesseract-ocr-ben"):
        read_charter_file(png(Image.new("L", (1654, 2339), 255)), "scan.png")


def test_a_scan_named_as_a_word_file_is_refused_as_misnamed():
    with pytest.raises(CharterError, match="PNG"):
        read_charter_file(png(Image.new("L", (100, 100), 255)), "charter.docx")

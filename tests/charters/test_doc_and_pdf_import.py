"""Old Word (.doc) files and PDFs with a text layer (issue 20): LibreOffice's .doc of a seed reads
exactly as the seed; a PDF saved from a seed's Word file, typed in Unicode or in Bijoy, gives the
same services in the same order and its words as the text export has them; without LibreOffice,
or with a PDF that is a scan or broken, a Bengali message says what to do and nothing is written."""

import io
import shutil
import unicodedata
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from charters.errors import CharterError
from charters.importer import read_charter_file, read_charter_text
from tests.charters.test_word_import import flat
from tests.support import SEEDS
from tests.support.charters import SEED_FILES, database_state

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) makes the .doc and PDF files"),
]


def text_of(key):
    return read_charter_text((SEEDS / SEED_FILES[key]).read_bytes())


@pytest.mark.parametrize("key", ["joypurhat", "rangpursadar.rangpur"])
def test_an_old_word_file_in_bijoy_reads_exactly_as_its_text_export(key):
    from tests.support.pdf import seed_doc

    data = seed_doc(key)
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    result = read_charter_file(data, f"{key}.doc")
    assert result.source == "bijoy" and result.bijoy
    assert unicodedata.normalize("NFC", repr(flat(result.document))) == unicodedata.normalize(
        "NFC", repr(flat(text_of(key).document))
    )


def test_without_libreoffice_a_doc_file_is_refused_saying_what_to_do(monkeypatch, tmp_path):
    from tests.support.pdf import seed_doc

    data = seed_doc("kachua.chandpur")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(CharterError, match="LibreOffice") as raised:
        read_charter_file(data, "kachua.doc")
    assert ".docx হিসেবে সংরক্ষণ করে পাঠান" in str(raised.value) and "libreoffice-writer-nogui" in str(raised.value)
    path = tmp_path / "kachua.doc"
    path.write_bytes(data)
    before = database_state()
    with pytest.raises(CommandError, match="LibreOffice"):
        call_command("import_charter", str(path), "--office", "kachua.chandpur", "--replace", stdout=StringIO())
    assert database_state() == before


# The fields a PDF cannot settle, each for one reason: a word alone on its line fills it, no
# space is drawn after it and none would have fitted, and the document's own words do not tell
# a word broken there from two words, nor a break after a hyphen or slash from one with a space
# ("আউটসোর্সিং/ ICT", "আধা-সরকারি", "ওয়েবসাইট/নোটিশ"). Listed so that every other field must be
# exact, and so the list can only shrink (a field read right fails here until it is struck off).
UNSETTLED = {
    ("joypurhat", True, "letter"): {"services[5][2]"},
    ("kachua.chandpur", True, "letter"): {"services[6][6]"},
    ("magurasadar.magura", True, "letter"): {"services[8][2]"},
    ("natoresadar.natore", True, "letter"): {"services[5][2]", "services[6][3]", "services[9][3]", "services[18][3]"},
    ("rangpursadar.rangpur", True, "letter"): {"services[16][5]"},
}


@pytest.mark.parametrize("layout", ["landscape", "letter"])
@pytest.mark.parametrize("bijoy", [False, True], ids=["unicode", "bijoy"])
@pytest.mark.parametrize("key", SEED_FILES)
def test_a_pdf_reads_word_for_word_as_its_text_export(key, bijoy, layout):
    """Every service in order and every field as the text export has it, whether the PDF was
    typed in Unicode or in Bijoy, laid out as offices print a charter (landscape A4) or on
    Letter pages in smaller type (every cell wrapped at other places)."""
    from tests.support.pdf import differing_fields, seed_pdf

    expected = text_of(key).document
    result = read_charter_file(seed_pdf(key, bijoy, layout), f"{key}.pdf")
    assert result.source == "pdf" and result.bijoy == bijoy
    got = result.document
    assert [(s.category, s.serial) for s in got.services] == [(s.category, s.serial) for s in expected.services]
    assert [t.level for t in got.tiers] == [t.level for t in expected.tiers]
    differing = differing_fields(expected, got)
    assert {where for where, _, _ in differing} == UNSETTLED.get((key, bijoy, layout), set()), differing


# PDFs that another program wrote from the same file: its HTML export printed by Chromium
# (tests/support/pdf.py:browser_pdf; portrait A4, narrow columns, Blink's line breaking, no space
# drawn at a wrap, paragraphs spaced by their margins, header rows repeated on each page, a row a
# page break cuts left without a rule under its unfinished cells). Every service is found in
# order, each tier, and at least this share of the text export's words, in order (as measured,
# rounded down). What stays unsettled is where a line ends in a narrow column and the PDF cannot
# tell a wrap at a space from a word broken there, nor a wrap after "/" or "-" from one after a
# space: the space at a wrap is never drawn, the next word did not fit either way, and the
# document's own words do not decide ("রফিকুল|ইসলাম", "(প্রয়োজ্য|ক্ষেত্রে)", "ই-|মেইল",
# "আবেদনপত্র/|সরাসরি"); and a line break inside a paragraph (<br>) is a wrap to the PDF.
CHROMIUM_WORDS_RIGHT = {
    ("joypurhat", False): 0.96,
    ("joypurhat", True): 0.97,
    ("kachua.chandpur", False): 0.93,
    ("kachua.chandpur", True): 0.98,
    ("magurasadar.magura", False): 0.97,
    ("magurasadar.magura", True): 0.88,
    ("natoresadar.natore", False): 0.95,
    ("natoresadar.natore", True): 0.97,
    ("rangpursadar.rangpur", False): 0.97,
    ("rangpursadar.rangpur", True): 0.97,
}


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Chromium prints these PDFs")
@pytest.mark.parametrize("bijoy", [False, True], ids=["unicode", "bijoy"])
@pytest.mark.parametrize("key", SEED_FILES)
def test_a_pdf_printed_by_chromium_gives_every_service_in_order(key, bijoy):
    from tests.support.pdf import browser_pdf, share_of_words_right

    expected = text_of(key).document
    result = read_charter_file(browser_pdf(key, bijoy), f"{key}.pdf")
    assert result.source == "pdf" and result.bijoy == bijoy
    got = result.document
    assert [(s.category, s.serial) for s in got.services] == [(s.category, s.serial) for s in expected.services]
    assert [t.level for t in got.tiers] == [t.level for t in expected.tiers]
    assert share_of_words_right(expected, got) >= CHROMIUM_WORDS_RIGHT[(key, bijoy)]


def test_the_pdfs_have_the_text_layers_an_office_would_have():
    import pdfplumber

    from tests.support.pdf import seed_pdf

    with pdfplumber.open(io.BytesIO(seed_pdf("kachua.chandpur", True))) as pdf:
        fonts = {char["fontname"].split("+")[-1] for char in pdf.pages[0].chars}
        text = pdf.pages[0].extract_text()
    assert "SutonnyMJ" in fonts and "‡mev" in text  # সেবা, as Bijoy ASCII
    with pdfplumber.open(io.BytesIO(seed_pdf("kachua.chandpur"))) as pdf:
        fonts = {char["fontname"].split("+")[-1] for char in pdf.pages[0].chars}
    assert any("NotoSansBengali" in font for font in fonts)  # the portal's web font, embedded


def blank_pdf():
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_pdf_without_text_is_read_as_a_scan_and_a_blank_page_refused_in_bengali():
    with pytest.raises(CharterError, match="স্ক্যানে কোনো টেবিল পাওয়া যায়নি"):
        read_charter_file(blank_pdf(), "scan.pdf")

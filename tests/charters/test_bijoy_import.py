"""Charters typed in Bijoy (issue 20): a Word file whose Bengali is in SutonnyMJ runs (by style or
named on the run) beside Latin runs for e-mails and URLs and a Unicode vision reads to exactly the
charter its text export gives; the font decides, not the text; a text export typed in Bijoy is
known by its content."""

import io
import unicodedata
from io import StringIO

import docx
import pytest
from django.core.management import call_command
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from charters.importer import read_charter_file, read_charter_text
from tests.charters.test_word_import import flat
from tests.support import SEEDS
from tests.support.bijoy import segments
from tests.support.charters import SEED_FILES, content
from tests.support.word import docx_from_text

pytestmark = pytest.mark.django_db


def nfc(value):
    """A document's text compared letter for letter: one seed writes য় as one code point, the
    others as য + nukta (the same letter); Bijoy has one code for it."""
    return unicodedata.normalize("NFC", repr(value))


def bijoy_docx(key):
    return docx_from_text((SEEDS / SEED_FILES[key]).read_bytes(), bijoy=True)


@pytest.mark.parametrize("key", SEED_FILES)
def test_each_seed_typed_in_bijoy_reads_exactly_as_its_text_export(key):
    text = read_charter_text((SEEDS / SEED_FILES[key]).read_bytes())
    word = read_charter_file(bijoy_docx(key), f"{key}.docx")
    assert nfc(flat(word.document)) == nfc(flat(text.document))
    assert [message for _, message in word.warnings] == [message for _, message in text.warnings]
    assert word.bijoy and word.source == "bijoy" and not text.bijoy
    assert flat(word.document)["services"]


def test_the_bijoy_word_files_are_bijoy_with_latin_and_unicode_runs_beside():
    document = docx.Document(io.BytesIO(bijoy_docx("joypurhat")))
    runs = [run for table in document.tables for cell in table._cells for p in cell.paragraphs for run in p.runs]
    fonts = {run.font.name for run in runs}
    assert fonts == {"SutonnyMJ", "Times New Roman"}
    officer = [run for run in runs if "@" in run.text][0]
    assert officer.font.name == "Times New Roman" and officer.text == "doict.joypurhat@gmail.com"
    assert any("‡dvb:" in run.text for run in runs)  # ফোন, in Bijoy
    # body paragraphs take SutonnyMJ from the Normal style; the vision is Unicode, in Nikosh
    paragraphs = [p for p in document.paragraphs if p.runs]
    assert paragraphs[0].runs[0].font.name is None and paragraphs[0].text == "wmwU‡Rbm PvU©vi"
    assert any(run.font.name == "Nikosh" for p in paragraphs for run in p.runs)


def one_paragraph_docx(runs, *, defaults=None, style_font=None):
    """A Word file with one table holding one paragraph of (text, font or None, hint) runs."""
    document = docx.Document()
    if defaults:
        fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        rfonts = fonts.find(qn("w:rFonts"))
        for slot in ("w:ascii", "w:hAnsi"):
            rfonts.attrib.pop(qn(f"{slot}Theme"), None)
            rfonts.set(qn(slot), defaults)
    if style_font:
        style = document.styles.add_style("Bijoy", 2)  # a character style
        style.font.name = style_font
    paragraph = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    for text, font, extra in runs:
        run = paragraph.add_run(text)
        if font:
            run.font.name = font
        if extra == "style":
            run.style = document.styles["Bijoy"]
        elif extra == "hint":
            rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
            rfonts.set(qn("w:hint"), "cs")
            rfonts.set(qn("w:cs"), "SutonnyMJ")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def cell_text(data):
    from charters.importer.word import docx_blocks

    blocks, _ = docx_blocks(data)
    return blocks[0].rows[0].cells[0][1]


def test_the_font_decides_not_the_text():
    data = one_paragraph_docx(
        [("‡dvb: 3 ", "SutonnyMJ", None), ("ICT 3 ", "Times New Roman", None), ("‡Rjv ", "SutonnyOMJ", None)]
        + [("জেলা ", "SutonnyOMJ", None), ("Kvh©vjq ", "Sutonny MJ", None), ("কার্যালয়", "Nikosh", None)]
    )
    # SutonnyOMJ holds Unicode or Bijoy: each run is read as what it is
    assert cell_text(data) == "ফোন: ৩ ICT 3 জেলা জেলা কার্যালয় কার্যালয়"


def test_fonts_come_through_styles_defaults_and_hints():
    assert cell_text(one_paragraph_docx([("‡Rjv", None, None)], defaults="SutonnyMJ")) == "জেলা"
    assert cell_text(one_paragraph_docx([("‡Rjv", None, None)], defaults="Calibri")) == "‡Rjv"
    assert cell_text(one_paragraph_docx([("Kvh©vjq", None, "style")], style_font="SutonnyMJ")) == "কার্যালয়"
    assert cell_text(one_paragraph_docx([("‡Rjv", None, "hint")])) == "জেলা"
    # a vowel sign typed in a run of its own (a change of bold) still goes after its letter
    assert cell_text(one_paragraph_docx([("‡", "SutonnyMJ", None), ("Rjv", "SutonnyMJ", None)])) == "জেলা"


def test_a_run_broken_by_a_field_or_hyperlink_keeps_its_font():
    data = one_paragraph_docx([("Kvh©vjq ", "SutonnyMJ", None)])
    document = docx.Document(io.BytesIO(data))
    paragraph = document.tables[0].cell(0, 0).paragraphs[0]
    link = OxmlElement("w:hyperlink")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "www.doict.gov.bd"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    out = io.BytesIO()
    document.save(out)
    assert cell_text(out.getvalue()) == "কার্যালয় www.doict.gov.bd"


def bijoy_text(key, encoding="utf-8"):
    """The seed's text export as an office's Bijoy export has it (Latin pieces as they are)."""
    text = (SEEDS / SEED_FILES[key]).read_text()
    lines = ["".join(piece for piece, _ in segments(line)) for line in text.split("\n")]
    return "\n".join(lines).encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_a_text_export_typed_in_bijoy_is_known_by_its_content(encoding):
    shipped = read_charter_text((SEEDS / SEED_FILES["kachua.chandpur"]).read_bytes())
    result = read_charter_file(bijoy_text("kachua.chandpur", encoding), "kachua.txt")
    assert result.bijoy
    # no fonts: the ASCII digits a Latin run had become Bengali; every service and its name is right
    names = [(s.category, s.serial, nfc(s.name)) for s in result.document.services]
    assert names == [(s.category, s.serial, nfc(s.name)) for s in shipped.document.services]
    assert nfc(result.document.vision) == nfc(shipped.document.vision)


@pytest.mark.parametrize("key", ["joypurhat", "magurasadar.magura"])
def test_import_charter_reads_a_bijoy_word_file_into_the_same_charter(key, tmp_path):
    shipped = content(key)
    path = tmp_path / f"{key}.docx"
    path.write_bytes(bijoy_docx(key))
    call_command("import_charter", str(path), "--office", key, "--replace", stdout=StringIO(), stderr=StringIO())
    assert nfc(content(key)) == nfc(shipped)

"""PDFs and old Word files of the seed charters, made by LibreOffice from their Word files, as an
office saves a PDF from Word.

The machine has no Bengali system font (screenshots must prove the portal's own web font), so
LibreOffice is given fonts for this process only, through its own fontconfig file: the portal's
web font (static/, unpacked from WOFF2) for the Unicode files, and a Latin font renamed SutonnyMJ
for the Bijoy ones, whose text layer is then the Bijoy ASCII under the name SutonnyMJ, as in a
PDF saved on an office's computer. Tables are ruled, as charters are.
"""

import difflib
import io
import os
import re
import subprocess
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tests.support import ROOT

WEB_FONT = ROOT / "static/fonts/noto-sans-bengali/noto-sans-bengali-bengali-400-normal.woff2"
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
UNICODE_FONT = "Noto Sans Bengali"


@cache
def _font_dir():
    """A fontconfig file naming a folder with the two fonts, for LibreOffice only."""
    from fontTools.ttLib import TTFont

    folder = Path(tempfile.mkdtemp(prefix="charter-fonts-"))
    (folder / "fonts").mkdir()
    web = TTFont(str(WEB_FONT))
    web.flavor = None
    web.save(str(folder / "fonts" / "noto-sans-bengali.ttf"))
    sutonny = TTFont(str(LATIN_FONT))
    for record in sutonny["name"].names:
        if record.nameID in (1, 4, 6, 16):
            record.string = "SutonnyMJ"
    sutonny.save(str(folder / "fonts" / "sutonnymj.ttf"))
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{folder / 'fonts'}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>"
    )
    return folder


def soffice_convert(data, suffix, to):
    """``data`` (a .docx …) converted by LibreOffice to ``to`` ("pdf", "doc"), with the fonts."""
    folder = _font_dir()
    with tempfile.TemporaryDirectory(prefix="charter-test-soffice-") as work:
        source = Path(work) / f"charter.{suffix}"
        source.write_bytes(data)
        target = {"doc": "doc:MS Word 97"}.get(to, to)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env={**os.environ, "FONTCONFIG_FILE": str(folder / "fonts.conf"), "HOME": work},
        )
        return (Path(work) / f"charter.{to}").read_bytes()


# The pages a PDF is laid out on: (width, height, margin) in mm and the body text's size in
# points (None: the Word file's own). Each layout wraps every cell at other places.
LAYOUTS = {
    "landscape": (297, 210, 12, None),  # as offices print a charter
    "letter": (279.4, 215.9, 20, 10),  # US Letter, wider margins, smaller type
    "portrait": (210, 297, 20, 9.5),  # portrait: columns two centimetres wide, small type
}


def rule_tables(document, width, autofit=None):
    """Every table ruled (Word's "Table Grid") and its columns of equal width across ``width``;
    ``autofit`` set when given."""
    for table in document.tables:
        table.style = document.styles["Table Grid"]
        if autofit is not None:
            table.autofit = autofit
        columns = len(table.columns)
        for column in table.columns:
            column.width = width // columns
        for row in table.rows:
            for cell in row.cells:
                cell.width = width // columns


def ruled(data, font=None, layout="landscape"):
    """The .docx laid out on ``layout``'s pages, every table ruled (Word's "Table Grid"); its
    Normal style in ``font``."""
    page_width, page_height, margin, size = LAYOUTS[layout]
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if page_width > page_height else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(page_width), Mm(page_height)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(margin)
    rule_tables(document, Mm(page_width - 2 * margin))
    if font:
        fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(slot), font)
    if size:
        for run in (r for p in _paragraphs(document) for r in p.runs):
            run.font.size = Pt(size)
        document.styles["Normal"].font.size = Pt(size)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


@cache
def seed_pdf(key, bijoy=False, layout="landscape"):
    """The seed charter as a PDF saved from its Word file: typed in Unicode (the portal's font
    embedded) or in Bijoy (SutonnyMJ; the text layer is the Bijoy ASCII), on ``layout``'s pages."""
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.word import docx_from_text

    data = docx_from_text((SEEDS / SEED_FILES[key]).read_bytes(), bijoy=bijoy)
    return soffice_convert(ruled(data, None if bijoy else UNICODE_FONT, layout), "docx", "pdf")


@cache
def seed_doc(key, bijoy=True):
    """The seed charter as an old Word (.doc) file, saved by LibreOffice from its Word file."""
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.word import docx_from_text

    return soffice_convert(docx_from_text((SEEDS / SEED_FILES[key]).read_bytes(), bijoy=bijoy), "docx", "doc")


def _fields(value, where=""):
    """Every text of a flattened document (tests.charters.test_word_import.flat) with its place."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _fields(item, f"{where}.{key}" if where else key)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _fields(item, f"{where}[{index}]")
    else:
        yield where, unicodedata.normalize("NFC", str(value))


def differing_fields(expected, got):
    """(place, expected, read) for every field of the two documents that differs (one seed writes
    য় as one code point, the others as য + nukta: compared in NFC)."""
    from tests.charters.test_word_import import flat

    want, have = dict(_fields(flat(expected))), dict(_fields(flat(got)))
    return [
        (where, want.get(where), have.get(where)) for where in {**want, **have} if want.get(where) != have.get(where)
    ]


def share_of_words_right(expected, got):
    """The share of the text export's words (every field, in order) the file gave back."""
    from tests.charters.test_word_import import flat

    want, have = (unicodedata.normalize("NFC", repr(flat(d))).split() for d in (expected, got))
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)


@cache
def browser_pdf(key, bijoy=False):
    """The seed charter as another program lays it out and writes it: its Word file saved as HTML
    (LibreOffice), then printed to PDF by Chromium (Blink's line breaking, Skia's PDF writer),
    portrait A4, in the same fonts. Its lines wrap at other places than LibreOffice's PDF."""
    import base64

    from playwright.sync_api import sync_playwright

    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.word import docx_from_text

    data = docx_from_text((SEEDS / SEED_FILES[key]).read_bytes(), bijoy=bijoy)
    html = soffice_convert(ruled(data, None if bijoy else UNICODE_FONT), "docx", "html").decode("utf-8")
    fonts = _font_dir() / "fonts"

    def face(name, path, unicode_range=None):
        encoded = base64.b64encode(path.read_bytes()).decode()
        extra = f"unicode-range: {unicode_range};" if unicode_range else ""
        return f'@font-face {{ font-family: "{name}"; src: url(data:font/ttf;base64,{encoded}); {extra} }}'

    # Bengali typed in Unicode inside a Bijoy run is drawn by the Unicode font, as Word does
    # (the danda । and ॥ are in the Devanagari block, shared by the Indic scripts).
    bengali = "U+0964-0965, U+0980-09FF, U+200C-200D, U+25CC"
    style = (
        f"<style>{face('SutonnyMJ', fonts / 'sutonnymj.ttf')}"
        f"{face('SutonnyMJ', fonts / 'noto-sans-bengali.ttf', bengali)}"
        f"{face(UNICODE_FONT, fonts / 'noto-sans-bengali.ttf')}"
        f"{face('Nikosh', fonts / 'noto-sans-bengali.ttf')}"  # the Word file's headings
        f"h1, h2, h3, h4, h5, h6 {{ font-family: {'SutonnyMJ' if bijoy else UNICODE_FONT!r} !important; }}"
        "* { font-size: 10pt !important; } table { border-collapse: collapse; width: 100%; }"
        " td { overflow-wrap: anywhere; } @page { size: A4 portrait; margin: 15mm; }</style>"
    )
    # The page's width, not the Word file's column widths in pixels (wider than a portrait page).
    html = re.sub(r'(<(?:table|col|td)\b[^>]*?) width="\d+"', r"\1", html).replace("</head>", style + "</head>", 1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            page.evaluate("document.fonts.ready")
            return page.pdf(prefer_css_page_size=True, print_background=False)
        finally:
            browser.close()

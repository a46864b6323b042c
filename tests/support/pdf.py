"""PDFs and old Word files of the seed charters, made by LibreOffice from their Word files, as an
office saves a PDF from Word.

The machine has no Bengali system font (screenshots must prove the portal's own web font), so
LibreOffice is given fonts for this process only, through its own fontconfig file: the portal's
web font (static/, unpacked from WOFF2) for the Unicode files, and a Latin font renamed SutonnyMJ
for the Bijoy ones, whose text layer is then the Bijoy ASCII under the name SutonnyMJ, as in a
PDF saved on an office's computer. Tables are ruled, as charters are.
"""

import io
import os
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

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


def ruled(data, font=None):
    """The .docx laid out as offices print a charter: landscape A4, narrow margins, every table
    ruled (Word's "Table Grid"); its Normal style in ``font``."""
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(12)
    width = Mm(297 - 24)
    for table in document.tables:
        table.style = document.styles["Table Grid"]
        columns = len(table.columns)
        for column in table.columns:
            column.width = width // columns
        for row in table.rows:
            for cell in row.cells:
                cell.width = width // columns
    if font:
        fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(slot), font)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@cache
def seed_pdf(key, bijoy=False):
    """The seed charter as a PDF saved from its Word file: typed in Unicode (the portal's font
    embedded) or in Bijoy (SutonnyMJ; the text layer is the Bijoy ASCII)."""
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.word import docx_from_text

    data = docx_from_text((SEEDS / SEED_FILES[key]).read_bytes(), bijoy=bijoy)
    return soffice_convert(ruled(data, None if bijoy else UNICODE_FONT), "docx", "pdf")


@cache
def seed_doc(key, bijoy=True):
    """The seed charter as an old Word (.doc) file, saved by LibreOffice from its Word file."""
    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES
    from tests.support.word import docx_from_text

    return soffice_convert(docx_from_text((SEEDS / SEED_FILES[key]).read_bytes(), bijoy=bijoy), "docx", "doc")

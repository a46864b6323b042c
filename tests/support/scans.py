"""Page scans of the seed charters, made the way an office makes one: the Word file printed to PDF
and the pages photographed as images.

Each seed's .docx (tests/support/word.py) gets ruled tables ("Table Grid") and the portal's own
Bengali font (static/fonts, converted from WOFF2 to TrueType in a temporary folder that only
LibreOffice's fontconfig sees: the machine itself stays without a Bengali font), is printed to PDF
by LibreOffice headless, and rasterised by poppler's pdftoppm. An image-only PDF of those pages is
what a scanner gives.
"""

import io
import os
import shutil
import subprocess
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

from tests.support import ROOT, SEEDS
from tests.support.charters import SEED_FILES

FONT_FAMILY = "Noto Sans Bengali"
FONTS = ROOT / "static" / "fonts" / "noto-sans-bengali"
# The web font is the Bengali subset: Latin letters, digits and punctuation (":", "(", "@") come from
# DejaVu, which LibreOffice itself depends on.
LATIN_FONTS = "/usr/share/fonts/truetype/dejavu"
LATIN_FAMILY = "DejaVu Sans"


def missing_tools():
    """Why scans cannot be made here, or None."""
    for tool in ("soffice", "pdftoppm", "pdffonts"):
        if not shutil.which(tool):
            return f"{tool} is not installed (libreoffice-writer-nogui, poppler-utils)"
    try:
        import fontTools.ttLib  # noqa: F401
    except ImportError:
        return "fontTools is not installed (the web font is converted to TrueType for LibreOffice)"
    return None


@cache
def _font_config():
    """A fontconfig file whose only fonts are the portal's web fonts, as TrueType."""
    from fontTools.ttLib import TTFont

    folder = Path(tempfile.mkdtemp(prefix="charter-scan-fonts-"))
    for woff2 in FONTS.glob("*.woff2"):
        font = TTFont(str(woff2))
        font.flavor = None
        font.save(str(folder / (woff2.stem + ".ttf")))
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder}</dir><dir>{LATIN_FONTS}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n"
    )
    return config


def scan_docx(data):
    """The seed's Word file as an office prints it: every table ruled, text in the Bengali font,
    landscape A4 (the service tables have seven or eight columns)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from tests.support.pdf import rule_tables

    document = docx.Document(io.BytesIO(data))
    for style in document.styles:
        if style.type == 1 and style.font is not None:  # paragraph styles
            style.font.name = LATIN_FAMILY
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:cs", "w:eastAsia"):
                fonts.set(qn(attribute), FONT_FAMILY)
    document.styles["Normal"].font.size = Pt(10)
    rule_tables(document, Cm(29.7 - 3), autofit=False)
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(1.5))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_of_docx(data):
    """LibreOffice's PDF of a .docx, drawn with the portal's font only."""
    with tempfile.TemporaryDirectory(prefix="charter-scan-") as work:
        source = Path(work) / "charter.docx"
        source.write_bytes(data)
        env = {**os.environ, "FONTCONFIG_FILE": str(_font_config()), "HOME": work}
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                str(source),
            ],
            env=env,
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (Path(work) / "charter.pdf").read_bytes()


def pdf_fonts(pdf):
    """The font names a PDF embeds (pdffonts), to prove the Bengali was drawn in the portal's font."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        listing = subprocess.run(["pdffonts", file.name], check=True, capture_output=True, text=True).stdout
    return [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]


def page_images(pdf, dpi=200):
    """The PDF's pages as greyscale PNG bytes, one a page."""
    with tempfile.TemporaryDirectory(prefix="charter-scan-") as work:
        source = Path(work) / "charter.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(source), f"{work}/page"],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return [page.read_bytes() for page in sorted(Path(work).glob("page-*.png"))]


def image_pdf(pages, dpi=200):
    """A PDF whose pages are only images (no text layer), as a scanner saves one."""
    from PIL import Image

    images = [Image.open(io.BytesIO(page)).convert("L") for page in pages]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


@cache
def printed_seed(key):
    """The seed's Word file printed to PDF by LibreOffice (takes seconds; made once a run)."""
    from tests.support.word import docx_from_text

    return pdf_of_docx(scan_docx(docx_from_text((SEEDS / SEED_FILES[key]).read_bytes())))


@cache
def seed_scan(key, dpi=200):
    """(the seed's page images, the printed PDF)."""
    pdf = printed_seed(key)
    return page_images(pdf, dpi), pdf


# Scans made elsewhere: another resolution, a page laid a little crooked on the glass, a noisy
# sensor and a strongly compressed JPEG.
VARIANTS = {
    "200 dpi": {},
    "300 dpi": {"dpi": 300},
    "150 dpi": {"dpi": 150},
    "turned +1°": {"rotate": 1.0},
    "turned -1°": {"rotate": -1.0},
    "noise + JPEG q40": {"noise": 14, "jpeg": 40},
}


def degraded(pages, rotate=0.0, noise=0, jpeg=None, seed=20):
    """The page images as a worse scanner gives them (PNG bytes, or JPEG bytes when ``jpeg``)."""
    import numpy as np
    from PIL import Image

    random = np.random.default_rng(seed)
    out = []
    for data in pages:
        image = Image.open(io.BytesIO(data)).convert("L")
        if rotate:
            image = image.rotate(rotate, resample=Image.BICUBIC, fillcolor=255)
        if noise:
            pixels = np.asarray(image, dtype=np.float32) + random.normal(0, noise, (image.height, image.width))
            image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=jpeg) if jpeg else image.save(buffer, "PNG")
        out.append(buffer.getvalue())
    return out


def variant_scan(key, variant):
    """An image-only PDF of the seed scanned as ``VARIANTS[variant]`` says, and its page count."""
    settings = VARIANTS[variant]
    dpi = settings.get("dpi", 200)
    pages, _ = seed_scan(key, dpi)
    changes = {name: value for name, value in settings.items() if name != "dpi"}
    return image_pdf(degraded(pages, **changes) if changes else pages, dpi), len(pages)


def _words(text, normal=False):
    text = (text or "").replace("<b>", " ").replace("</b>", " ")
    # normal: one encoding of য় ড় ঢ় (a scan cannot show which one the file had)
    return (unicodedata.normalize("NFC", text) if normal else text).split()


def cell_texts(document):
    """The service table's cells of a document, in reading order: (service, [cell texts])."""

    def officer(entry):
        return "" if entry is None else " ".join(str(getattr(entry, f) or "") for f in entry.FIELDS)

    return [
        (
            (s.category, s.serial),
            [*(getattr(s, f) for f in s.TEXT_FIELDS), officer(s.responsible), officer(s.superior)],
        )
        for s in document.services
    ]


def scan_accuracy(scanned, expected):
    """How well a scan read: the expected services found in order (same category and serial, in the
    same sequence), and the share of the expected cells' words read right in reading order (the
    longest common run of words per cell, over all the expected words)."""
    from difflib import SequenceMatcher

    found = dict(cell_texts(scanned))
    keys = [key for key, _ in cell_texts(scanned)]
    in_order = sum(1 for a, b in zip(keys, [k for k, _ in cell_texts(expected)], strict=False) if a == b)
    figures = {"services": len(cell_texts(expected)), "services_in_order": in_order}
    for name, normal in (("words_right", False), ("words_right_one_encoding", True)):
        right = total = 0
        for key, cells in cell_texts(expected):
            read = found.get(key, [""] * len(cells))
            for want, got in zip(cells, read, strict=True):
                want, got = _words(want, normal), _words(got, normal)
                matcher = SequenceMatcher(None, want, got, autojunk=False)
                right += sum(block.size for block in matcher.get_matching_blocks())
                total += len(want)
        figures[name] = right / max(total, 1)
    return figures

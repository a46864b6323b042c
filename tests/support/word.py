"""Word files of the seed charters, written with python-docx the way an office lays one out.

Each text paragraph is a Word paragraph (a markdown heading a Word heading); each table of the
text export is a Word table, split into a new Word table after a page break wherever the export
repeats the header (so the second part repeats the header and continues the last row); header
rows are marked to repeat; a cell's lines are its paragraphs, `<b>` is a bold run; and a
superior-officer cell written once above empty ones is one vertically merged cell.

Typed in Bijoy (``bijoy=True``), as most offices type: the Normal style's font is SutonnyMJ, so
body paragraphs are Bijoy through their style; headings and table cells name SutonnyMJ on each
run; e-mails, URLs, "ICT" and ASCII digits are Times New Roman runs beside them in the same
paragraph or cell; the vision is typed in Unicode (Nikosh), as an office pasting it from the web.
"""

import io
import re

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from charters.importer import Table, text_blocks
from charters.importer.lines import Line, decode
from charters.importer.tables import is_column_numbers, is_service_header
from charters.importer.words import has_words

from .bijoy import segments

_TAG = re.compile(r"</?b>")


def docx_from_text(data, *, merge_superior=True, bijoy=False):
    """The .docx bytes of a charter's text export (typed in Bijoy if ``bijoy``)."""
    text = decode(data)
    lines = [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]
    document = docx.Document()
    typing = _Bijoy(document) if bijoy else None
    for block in text_blocks(lines):
        if isinstance(block, Table):
            parts = _split_at_repeated_headers(block.rows)
            for index, rows in enumerate(parts):
                if index:
                    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                _write_table(document, rows, merge_superior, typing)
            document.add_paragraph()
        else:
            heading = re.match(r"^\s*(#+)\s*(.*)$", block.text)
            if heading:
                paragraph = document.add_heading("", min(len(heading.group(1)), 9))
                _write_runs(paragraph, heading.group(2), typing, explicit=True)
            else:
                _write_runs(document.add_paragraph(), block.text, typing, explicit=False)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _is_header(row):
    texts = [t for _, t in row.cells]
    return is_service_header(row) or has_words(texts[0] if texts else "", "ক্রমিক") or is_column_numbers(texts)


def _split_at_repeated_headers(rows):
    parts, seen_body = [[]], False
    for row in rows:
        if _is_header(row) and seen_body:
            parts.append([])
            seen_body = False
        seen_body = seen_body or not _is_header(row)
        parts[-1].append(row)
    return [part for part in parts if part]


def _write_table(document, rows, merge_superior, typing=None):
    width = max(len(row.cells) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        if _is_header(row):
            properties = table.rows[r]._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:tblHeader"))
        for c in range(width):
            _write_cell(table.cell(r, c), row.text(c), typing)
    if merge_superior:
        _merge_superior_column(table, rows)
    return table


def _write_cell(cell, text, typing=None):
    bold = bool(_TAG.search(text))
    paragraphs = _TAG.sub("", text).split("\n")
    _write_runs(cell.paragraphs[0], paragraphs[0], typing, explicit=True, bold=bold)
    for line in paragraphs[1:]:
        _write_runs(cell.add_paragraph(), line, typing, explicit=True, bold=bold)


class _Bijoy:
    """A document typed in Bijoy: its Normal style drawn in SutonnyMJ."""

    def __init__(self, document):
        normal = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:cs"):
            normal.set(qn(slot), "SutonnyMJ")
        self.unicode_next = True  # the first plain paragraph (the vision) is typed in Unicode


def _write_runs(paragraph, text, typing, *, explicit, bold=False):
    """The text as runs: one run as it is, or Bijoy runs in SutonnyMJ (named on the run, or from
    the style) and Latin runs in Times New Roman."""
    if typing is None:
        paragraph.add_run(text).bold = bold or None
        return
    if not explicit and typing.unicode_next and any("\u0980" <= ch <= "\u09ff" for ch in text) and len(text) > 40:
        typing.unicode_next = False
        paragraph.add_run(text).font.name = "Nikosh"
        return
    for piece, bijoy in segments(text):
        run = paragraph.add_run(piece)
        run.bold = bold or None
        if not bijoy:
            run.font.name = "Times New Roman"
        elif explicit:
            run.font.name = "SutonnyMJ"


def _merge_superior_column(table, rows):
    """The superior column, where the export writes it once above empty cells: one merged cell."""
    header = next((row for row in rows if is_service_header(row)), None)
    if header is None:
        return
    columns = [i for i, (_, t) in enumerate(header.cells) if has_words(t, "উর্ধ্বতন", "ঊর্ধ্বতন", "উর্ধতন", "ঊর্ধতন")]
    for column in columns:
        start = None
        for r, row in enumerate([*rows, None]):
            empty_body = row is not None and not _is_header(row) and not row.text(column).strip()
            if start is not None and not empty_body:
                if r - 1 > start:
                    table.cell(start, column).merge(table.cell(r - 1, column))
                start = None
            if row is not None and not _is_header(row) and row.text(column).strip():
                start = r


def vertical_merges(data):
    """How many cells of a .docx continue a vertical merge (to check the helper made some)."""
    body = docx.Document(io.BytesIO(data)).element.body
    return sum(1 for v in body.iter(qn("w:vMerge")) if v.get(qn("w:val")) in (None, "continue"))

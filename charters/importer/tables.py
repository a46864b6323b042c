"""Tables in the text export: tab-separated rows or one cell per line, and their columns."""

import re
from dataclasses import dataclass

from charters.errors import CharterError

from .lines import classify_heading
from .words import has_words

# --- tables -------------------------------------------------------------------------------


@dataclass
class Row:
    line: int
    cells: list  # [(line number, text)]

    def text(self, index):
        return self.cells[index][1] if index < len(self.cells) else ""

    def line_of(self, index):
        return self.cells[index][0] if index < len(self.cells) else self.line


def is_column_numbers(texts):
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
        raise CharterError(
            "লাইনে-লাইনে ঘরের টেবিলটির শিরোনাম আছে, কিন্তু কোনো ক্রমিক-সারি নেই", cells[0][0] if cells else None
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
    "fee": ("মূল্য", "মুল্য"),  # often typed, and read by OCR, with ু
    "time_limit": ("সময়",),
    "papers": ("কাগজ",),
    "delivery_method": ("পদ্ধতি",),
}


def service_columns(header):
    """Map header cells to fields by their words; unknown headers map to None."""
    mapping = []
    for text in header.cells:
        found = next((name for name, words in SERVICE_COLUMNS.items() if has_words(text[1], *words)), None)
        if found is None:
            # A header word broken over the lines of a narrow column ("ক্র / মি / ক / নং" in a
            # PDF) may come back with its spaces elsewhere ("ক্র মিকনং"): matched without spaces.
            squeezed = "".join(text[1].split())
            found = next(
                (
                    name
                    for name, words in SERVICE_COLUMNS.items()
                    if has_words(squeezed, *("".join(w.split()) for w in words))
                ),
                None,
            )
        mapping.append(found)
    papers = [i for i, name in enumerate(mapping) if name == "papers"]
    if len(papers) == 1:
        mapping[papers[0]] = "required_papers"
    elif len(papers) >= 2:
        sources = [i for i in papers if has_words(header.text(i), "প্রাপ্তি", "স্থান", "ফরম")]
        source = sources[-1] if sources else papers[-1]
        for i in papers:
            mapping[i] = "papers_source" if i == source else "required_papers"
    if "name" not in mapping:
        raise CharterError("সেবার টেবিলের শিরোনামে 'সেবার নাম' কলাম নেই", header.line)
    return mapping


def is_service_header(row):
    return any(has_words(text, "সেবার নাম") for _, text in row.cells)

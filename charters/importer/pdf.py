"""PDF charters with a text layer (typed in Unicode, or in Bijoy): read into the same blocks as
the text export and Word files (lines and tables), so the same parser makes the same charter.

pdfplumber (on pdfminer.six) gives every character with its font and box, and a table's cells
from its ruling lines. Words are rebuilt from the characters, not from an extractor's spacing:
Word and LibreOffice write a Bengali cluster's text on its first glyph and nothing on the others
(pdfminer shows those as "(cid:N)"), and extractors break words at conjuncts and ra-phalas. Lines
are the characters sharing a baseline, in the order the page draws them; a cell's lines are one
paragraph where the line before was filled to the cell's edge (the word wrapped), else a line
break (the paragraph ended). Tables continued on the next page are one table, as in Word.

The Bijoy text: characters in a Bijoy font (SutonnyMJ …) are converted; a PDF whose fonts say
nothing (a Bijoy font renamed or substituted) is judged by its content, and then every character
not already Unicode Bengali is read as Bijoy, except e-mails and URLs.
"""

import io
import re

from charters.errors import CharterError

from .bijoy import is_bijoy_font, looks_like_bijoy, run_to_unicode, text_to_unicode
from .lines import Line
from .pdf_chars import characters, lines_of
from .pdf_wraps import SPACE_GAP, TOLERANCE, LineShape, Wraps, space_width
from .word import place

MAX_PAGES = 200  # a charter is a few dozen pages
_BENGALI = re.compile("[\u0980-\u09ff]")
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 2}


class NoTextLayer(CharterError):
    """A PDF whose pages carry no text: a scan, for the OCR reader."""


def pdf_blocks(data, seen=None):
    """The PDF's blocks (Lines and Tables) and where each numbered line was ("page 2, table 1,
    row 3"). Bijoy text converted (and "bijoy" added to ``seen``)."""
    import pdfplumber  # only when a PDF is read

    from . import Table
    from .tables import Row

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as error:  # pdfminer raises many kinds for a damaged file
        raise CharterError(
            f"ফাইলটি PDF, কিন্তু খোলা যায়নি ({type(error).__name__}; ভাঙা বা পাসওয়ার্ড দেওয়া?)। Word ফাইলটি থাকলে সেটি পাঠান।"
        ) from None
    with pdf:
        if len(pages) > MAX_PAGES:
            raise CharterError(f"PDF-টিতে {len(pages)} পৃষ্ঠা; একটি চার্টার {MAX_PAGES} পৃষ্ঠার কম।")
        reader = _Reader(pages)
        places, blocks, counter = {}, [], iter(range(1, 10**9))
        pending_table, table_number = None, 0

        def number(where):
            n = next(counter)
            places[n] = where
            return n

        for page_number, items in reader.pages():
            for kind, item in items:
                if kind == "line":
                    pending_table = None
                    blocks.append(Line(number(place(page=page_number)), item))
                    continue
                table_number += 1
                rows = []
                for row_number, cells in enumerate(item, start=1):
                    at = {"page": page_number, "table": table_number, "row": row_number}
                    line = number(place(**at))
                    rows.append(Row(line, [(number(place(**at, column=c + 1)), t) for c, t in enumerate(cells)]))
                if pending_table is not None:  # continued on the next page: one table
                    pending_table.rows += rows
                else:
                    pending_table = Table(rows, rows[0].line if rows else number(place(page=page_number)))
                    blocks.append(pending_table)
        if reader.bijoy and seen is not None:
            seen.add("bijoy")
    if not table_number:
        raise CharterError("PDF-টিতে রেখা টানা কোনো টেবিল পাওয়া যায়নি: সেবার তালিকা টেবিল হিসেবে থাকতে হবে।")
    return blocks, places


class _Reader:
    """The pages' characters, read once: the lines of each table cell and of the text between
    tables; the words seen whole in the document (to tell a wrapped line from a broken word);
    whether the text is Bijoy (by its fonts, or else its content)."""

    def __init__(self, pages):
        chars = [characters(page) for page in pages]
        if not any(chars):
            raise NoTextLayer(
                "PDF-টিতে কোনো লেখা নেই (স্ক্যান করা ছবি)। লেখাসহ PDF বা Word ফাইলটি পাঠান, অথবা স্ক্যান হিসেবে আমদানি করুন।"
            )
        self.by_font = any(is_bijoy_font(c.font) for page in chars for c in page)
        self.bijoy = self.by_font or looks_like_bijoy("".join(c.text for page in chars for c in page))
        widths = {}
        for char in (c for page in chars for c in page if c.text == " " and c.x1 > c.x0):
            widths.setdefault((char.font, round(char.size)), []).append(char.x1 - char.x0)
        self.space = {key: sorted(found)[len(found) // 2] for key, found in widths.items()}  # a space, by font
        self._layout = [_layout(page, page_chars) for page, page_chars in zip(pages, chars, strict=True)]
        _join_rows_split_by_pages(self._layout)
        # A cell's line pitch, as most of the document's cells have it: a gap well beyond it
        # between two lines of a cell is the space a program puts after a paragraph (Chromium
        # gives an HTML paragraph its margin; LibreOffice's cells have none).
        gaps = sorted(
            round(b[0].top - a[0].top, 1)
            for regions in self._layout
            for kind, value in regions
            if kind == "table"
            for row in value[0]
            for cell in row
            if cell
            for a, b in zip(cell[0], cell[0][1:], strict=False)
        )
        self.cell_pitch = gaps[len(gaps) // 2] if gaps else float("inf")
        regions = [(lines, box) for page in self._layout for lines, box in _regions(page) if lines]
        cells = [(self._shapes(lines), _right(lines, box)) for lines, box in regions]
        words = set()
        for (shapes, _), (lines, box) in zip(cells, regions, strict=True):
            # A line before a paragraph's spacing ends a word; the one after it begins one.
            apart = [
                bool(box[1] or box[3]) and b[0].top - a[0].top > 1.4 * self.cell_pitch
                for a, b in zip(lines, lines[1:], strict=False)
            ]
            for index, (before, shape, after) in enumerate(
                zip([None, *shapes[:-1]], shapes, [*shapes[1:], None], strict=True)
            ):
                # Whole: not at a line's end or start where a word may have been broken there.
                found = shape.raw.split()
                whole_start = before is None or before.spaced or apart[index - 1]
                whole_end = shape.spaced or after is None or apart[index]
                for word in found[(0 if whole_start else 1) : (None if whole_end else -1)]:
                    parts = [word, *re.split(r"[/-]", word)]
                    words.update([*parts, *(part.strip("()[],;:।|.") for part in parts)])
        words.discard("")
        self.wraps = Wraps(cells, words)

    def pages(self):
        for page_number, regions in enumerate(self._layout, start=1):
            items = []
            for kind, value in regions:
                if kind == "text":
                    items += [("line", part) for part in self._text(*value).split("\n") if part.strip()]
                else:
                    value = value[0]
                    rows = [[self._text(*cell) if cell else "" for cell in row] for row in value]
                    items.append(("table", rows))
            yield page_number, items

    def _text(self, lines, box):
        """The lines of a cell (or of the text between tables), joined as the file had them: a
        wrapped line by a space, a paragraph's end by a line break, a word broken for want of
        room (an e-mail, a phone number, a long word in a narrow column) by nothing (see
        pdf_wraps). Bijoy is converted once the lines are joined: a vowel sign may end one line
        and its letter begin the next."""
        if not lines:
            return ""
        right = _right(lines, box)
        shapes = self._shapes(lines)
        units = self.wraps.units(shapes, right)
        pitches = sorted(b[0].top - a[0].top for a, b in zip(lines, lines[1:], strict=False))
        between = not box[1] and not box[3]  # the text between tables, not a cell
        pitch = (pitches[0] if pitches else float("inf")) if between else self.cell_pitch  # a wrapped line's
        parts = self._parts(lines[0])
        for index in range(1, len(lines)):
            previous, line, before, after = lines[index - 1], lines[index], shapes[index - 1], shapes[index]
            following = self._parts(line)
            gap = line[0].top - previous[0].top
            spaced = pitch < float("inf") and (gap > 1.4 * pitch or (between and gap > 2.2 * previous[0].size))
            if spaced or _NUMBERED.match(after.raw):
                # Paragraphs spaced apart (further than a wrapped line, or, between tables, than
                # any line of their type); a numbered item ("২। …") begins.
                joint = "\n"
            elif (
                not before.spaced
                and (
                    before.raw[-1:] in _BIJOY_BREAKS + _OPENING
                    or (before.raw[-1:] in _BIJOY_PREBASE and parts[-1][1])  # Bijoy text, not Latin
                    or (after.raw[:1] in _BIJOY_REPH and following and following[0][1])
                    or (after.raw[:1] == "+" and before.raw[-1:] in ":-/(")  # "ফোন:+৮৮০…" breaks before the "+"
                )
            ):
                # Nor can "+" or "(" end a word, nor a Bijoy vowel sign drawn before its letter,
                # nor a Bijoy reph (typed after its letter) begin one.
                joint = ""
            else:
                fits = right - before.end >= before.space + units[index] + TOLERANCE
                text_after = self._convert(following)
                mark = bool(_MARK.match(text_after))
                joint = self.wraps.joint(before, after, fits, right, mark=mark)
                if (
                    joint == ""
                    and None is not _script(self._convert(parts)[-1:]) != _script(text_after[:1]) is not None
                ):
                    joint = " "  # Bengali, then Latin: two words
            if parts:
                parts[-1][0] = parts[-1][0].rstrip()
            parts += [[joint, None], *following]
        return self._convert(parts)

    def _shapes(self, lines):
        return [LineShape(line, _raw(self._parts(line)), space_width(self.space, _last_drawn(line))) for line in lines]

    def _parts(self, line):
        """The line's characters in reading order as [text, is_bijoy] pieces (None: a space,
        either), a space where they stand apart."""
        parts, right, blank = [], None, True
        for char in line:
            if not blank and char.text.strip() and char.x0 - right > SPACE_GAP * char.size:
                parts.append([" ", None])  # apart, with no space drawn between
            blank = not char.text.strip()
            right = char.x1 if right is None else max(right, char.x1)
            bijoy = self._is_bijoy(char)
            if parts and (parts[-1][1] == bijoy or bijoy is None or parts[-1][1] is None):
                parts[-1][0] += char.text
                parts[-1][1] = bijoy if parts[-1][1] is None else parts[-1][1]
            else:
                parts.append([char.text, bijoy])
        return parts

    def _convert(self, parts):
        """The pieces' text, the Bijoy ones converted (neighbours of one kind together)."""
        merged = []
        for text, bijoy in parts:
            if merged and (merged[-1][1] == bijoy or bijoy is None or merged[-1][1] is None):
                merged[-1] = [merged[-1][0] + text, bijoy if merged[-1][1] is None else merged[-1][1]]
            else:
                merged.append([text, bijoy])
        out = []
        for text, bijoy in merged:
            if not bijoy:
                out.append(text)
            else:
                out.append(run_to_unicode(text) if self.by_font else text_to_unicode(text))
        return "".join(out).strip()  # spaces as drawn: "1)  প্রযোজ্য" keeps its two

    def _is_bijoy(self, char):
        if not char.text.strip():
            return None  # a space goes with either side
        if _BENGALI.search(char.text):
            return False  # already Unicode (an OpenType "OMJ" font holds Unicode)
        return is_bijoy_font(char.font) if self.by_font else self.bijoy


def _right(lines, box):
    """Where a cell's lines end at most: its right edge less the padding its left side has."""
    return box[2] - max(0.0, min(line[0].x0 for line in lines) - box[0])


def _last_drawn(line):
    return ([c for c in line if c.text.strip()] or line)[-1]


def _raw(parts):
    """The pieces' text as drawn (Bijoy unconverted), to compare words."""
    return "".join(text for text, _ in parts).strip()


def _layout(page, chars):
    """The page top to bottom: ("text", (lines, box)) for the text between tables, ("table",
    rows) for a table, each cell (lines, box) or None where a cell spans it."""
    tables = page.find_tables(_TABLE_SETTINGS)
    # A row a page break cut may have no rule under it (Chromium draws none): its column rules
    # run on below the table's last rule, and end where the row does on this page.
    feet = [_open_foot(page, table.bbox) for table in tables]
    if any(feet):
        lines = [foot for foot in feet if foot]
        tables = page.find_tables({**_TABLE_SETTINGS, "explicit_horizontal_lines": lines})
    boxes = [table.bbox for table in tables]
    outside = lines_of([c for c in chars if not any(c.inside(box) for box in boxes)])
    items = []
    for table in tables:
        rows = []
        for row in table.rows:
            rows.append(
                [None if box is None else (lines_of([c for c in chars if c.inside(box)]), box) for box in row.cells]
            )
        items.append((table.bbox[1], "table", (rows, [row.bbox[3] for row in table.rows])))
    # The text between two tables (or before the first, after the last) is one region.
    for line in outside:
        top = line[0].top
        before = [item for item in items if item[0] <= top]
        key = max((item[0] for item in before if item[1] == "table"), default=-1.0)
        region = next((item for item in items if item[1] == "text" and item[3] == key), None)
        if region is None:
            items.append((top, "text", [], key))
            region = items[-1]
        region[2].append(line)
    regions = []
    for item in sorted(items, key=lambda item: item[0]):
        if item[1] == "table":
            regions.append(("table", item[2]))
        else:
            lines = item[2]
            # The text's right edge: as far from the page's edge as its left one (the margins).
            left = min(c.x0 for c in chars)
            box = (left, 0, max(page.width - left, max(c.x1 for line in lines for c in line)), 0)
            regions.append(("text", (lines, box)))
    return regions


def _open_foot(page, box):
    """Where the column rules of the table in ``box`` end, if the row there has no rule (or only
    part of one) under it: they run on below its last rule, or a cell of its last row has no rule
    under it (Chromium draws none under a cell a page break cut, only under those that ended)."""
    x0, _, x1, bottom = box
    ends = [
        e["bottom"]
        for e in page.edges
        if e["orientation"] == "v" and x0 - 2 <= e["x0"] <= x1 + 2 and e["top"] <= bottom + 1  # from this table on
    ]
    if not ends:
        return None
    foot = max(ends)
    if foot > bottom + 2:
        return foot
    ruled = sorted(
        (max(e["x0"], x0), min(e["x1"], x1))
        for e in page.edges
        if e["orientation"] == "h" and abs(e["top"] - foot) <= 2 and e["x1"] > x0 and e["x0"] < x1
    )
    covered, reach = 0.0, x0
    for start, end in ruled:
        covered += max(0.0, end - max(start, reach))
        reach = max(reach, end)
    return foot if covered < x1 - x0 - 2 else None


def _regions(regions):
    """Every (lines, box) of a page's layout."""
    for kind, value in regions:
        if kind == "text":
            yield value
        else:
            yield from (cell for row in value[0] for cell in row if cell)


def _join_rows_split_by_pages(layout):
    """A row that a page break split (its part on the next page below the repeated header rows,
    with no serial) is one row again: each cell's lines go on from the page before, as a cell's
    lines do. A row ending above the foot of the page's text was not split: it stays a row."""
    foot = max((value[1][-1] for page in layout for kind, value in page if kind == "table" and value[1]), default=0)
    for before, after in zip(layout, layout[1:], strict=False):
        if not before or not after or before[-1][0] != "table" or after[0][0] != "table":
            continue
        (above, bottoms), (below, _) = before[-1][1], after[0][1]
        if not above or bottoms[-1] < foot - 24:  # a row splits between lines: up to about one from the foot
            continue
        index = 0
        while index < min(len(below), len(above)) and _row_text(below[index]) == _row_text(above[index]):
            index += 1  # a repeated header row
        if index >= len(below) or _cell_text(below[index][0]) or len(below[index]) != len(above[-1]):
            continue
        for column, cell in enumerate(below[index]):
            if cell and above[-1][column]:
                above[-1][column] = (above[-1][column][0] + cell[0], above[-1][column][1])
        del below[index]


def _cell_text(cell):
    return "".join(c.text for line in cell[0] for c in line).strip() if cell else ""


def _row_text(row):
    return [_cell_text(cell) for cell in row]


_MARK = re.compile("^[\u0981-\u0983\u09bc\u09be-\u09cd\u09d7\u200c\u200d]")
# Bijoy text that Word and LibreOffice break inside a word, as they would after punctuation:
# after … (ৃ) and — (the lower ত).
_BIJOY_BREAKS = "…—"
_OPENING = "+(“‘["  # what opens a word, never ends one
_BIJOY_REPH = "©"  # Bijoy's reph (র্), typed after the letter it sits on: never a word's start
_BIJOY_PREBASE = "‡‰w"  # Bijoy's ে ৈ ি, typed before their letter: never the end of a word
_NUMBERED = re.compile(r"^[0-9০-৯]{1,2}[।|)](\s|$)")  # "২।" may end its line (a narrow column)


def _script(char):
    if "\u0980" <= char <= "\u09ff":
        return "bn"
    return "latin" if char.isascii() and char.isalnum() else None

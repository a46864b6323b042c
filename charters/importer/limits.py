"""How big a charter file may be, checked before the work it would cause: the one place of the limits.

A paper charter has a few dozen service rows of a few hundred characters a cell (the longest
seed cell is 342 characters, the longest seed 96 lines); anything far beyond is not a charter,
and reading it would hold a worker (``w:gridSpan="2000000"`` expands one cell into two million,
a 10,000-row file outlasts the proxy's timeout). So:

- ``check_size``: the file's bytes, before anything is decoded or unpacked;
- ``check_text``: a text export's lines, columns and cell lengths, before its tables are read;
- ``check_word_xml``: a Word file's rows, cells and column spans, read from its XML before
  python-docx parses it (``grid_span`` checks each span again where the reader expands it);
- ``guarded``: the blocks every reader gives (text, Word, and the readers added beside them)
  counted on their way into the one parser: rows, cells, text length and the time spent;
- ``time_limit`` / ``tick``: the reading time, checked by any reader's loop.

Every refusal is a CharterError in Bengali; nothing has been written when one is raised.
"""

import contextlib
import contextvars
import re
import time

from charter_portal.bangla import bengali_digits
from charters.errors import CharterError

MAX_BYTES = 5 * 1024 * 1024  # a charter, as text or Word, is a few hundred kilobytes
MAX_COLUMNS = 63  # Word's own maximum; a charter's tables have 7 or 8
MAX_ROWS = 2000  # table rows in the whole document
MAX_CELLS = 20000
MAX_LINES = 20000  # lines of a text export (a one-cell-per-line table has one a cell), paragraphs of a Word file
MAX_TEXT = 5000  # characters in one cell or line
MAX_SECONDS = 120  # to read one file, whatever reader

_deadline = contextvars.ContextVar("charter_import_deadline", default=None)


def _n(number):
    return bengali_digits(str(number))


def size_refusal(size):
    """Why a file of ``size`` bytes is not read, or "" (a folder's or a zip's file, before it is read)."""
    if size <= MAX_BYTES:
        return ""
    return f"ফাইলটি {_n(size)} বাইট; একটি চার্টার {_n(MAX_BYTES // (1024 * 1024))} MB-এর কম। সঠিক ফাইল কি না দেখুন।"


def check_size(data):
    if refusal := size_refusal(len(data)):
        raise CharterError(refusal)


def _too_many(what, count, limit):
    return CharterError(f"ফাইলটিতে {_n(count)}টি {what}; একটি চার্টারে {_n(limit)}টির বেশি থাকে না। সঠিক ফাইল কি না দেখুন।")


def _too_long(length, line=None):
    return CharterError(f"একটি ঘরে বা লাইনে {_n(length)} অক্ষর; চার্টারের কোনো লেখা {_n(MAX_TEXT)} অক্ষরের বেশি হয় না।", line)


def check_text(text):
    """A text export's lines, rows, columns and cells, before its tables are read."""
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        raise _too_many("লাইন", len(lines), MAX_LINES)
    rows = 0
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        if len(cells) > MAX_COLUMNS:
            raise CharterError(f"এক সারিতে {_n(len(cells))}টি কলাম; চার্টারের টেবিলে এত কলাম থাকে না।", number)
        rows += len(cells) > 1
        longest = max(len(cell) for cell in cells)
        if longest > MAX_TEXT:
            raise _too_long(longest, number)
    if rows > MAX_ROWS:
        raise _too_many("টেবিলের সারি", rows, MAX_ROWS)


_ANY_PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"
_ROW = re.compile(_ANY_PREFIX + rb"tr[\s/>]")
_CELL = re.compile(_ANY_PREFIX + rb"tc[\s/>]")
_PARAGRAPH = re.compile(_ANY_PREFIX + rb"p[\s/>]")
_SPAN = re.compile(_ANY_PREFIX + rb"(gridSpan|gridBefore|gridAfter)\b[^>]*?\bval\s*=\s*[\"']([^\"']*)[\"']")


def check_word_xml(xml):
    """A Word document's rows, cells and column spans, from its XML before it is parsed."""
    rows = len(_ROW.findall(xml))
    if rows > MAX_ROWS:
        raise _too_many("টেবিলের সারি", rows, MAX_ROWS)
    cells = len(_CELL.findall(xml))
    if cells > MAX_CELLS:
        raise _too_many("টেবিলের ঘর", cells, MAX_CELLS)
    paragraphs = len(_PARAGRAPH.findall(xml))
    if paragraphs > MAX_LINES:
        raise _too_many("অনুচ্ছেদ", paragraphs, MAX_LINES)
    for match in _SPAN.finditer(xml):
        grid_span(match.group(2).decode("ascii", "replace"))


def grid_span(value, default=1):
    """A cell's column span (w:gridSpan, w:gridBefore) as a number within the table's width."""
    if value is None:
        return default
    digits = value.strip()
    if not re.fullmatch(r"[0-9]+", digits):
        raise CharterError(f"Word টেবিলের একটি ঘরের কলাম-বিস্তার ({value[:20]!r}) সংখ্যা নয়: ফাইলটি ভাঙা।")
    if len(digits) > 6 or int(digits) > MAX_COLUMNS:  # never int() a thousand digits
        raise CharterError(
            f"Word টেবিলের একটি ঘর {_n(digits[:12])}টি কলাম জুড়ে; Word-এর টেবিলে {_n(MAX_COLUMNS)}টির বেশি কলাম হয় না: ফাইলটি ভাঙা বা ক্ষতিকর।"
        )
    return int(digits)


@contextlib.contextmanager
def time_limit(seconds=None):
    """Reading inside this block stops with a refusal once ``seconds`` (MAX_SECONDS) have passed, at a tick."""
    token = _deadline.set(time.monotonic() + (MAX_SECONDS if seconds is None else seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def tick():
    """Refuse the file if its reading has taken longer than its time limit; any reader's loop calls it."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise CharterError(
            f"ফাইলটি পড়তে {_n(MAX_SECONDS)} সেকেন্ডের বেশি লাগছে; পড়া থামানো হয়েছে, কিছুই লেখা হয়নি। ফাইলটি ছোট করে বা ভাগ করে পাঠান।"
        )


def guarded(blocks, table_type):
    """The blocks of any reader, counted on their way to the parser: rows, cells, the length of
    each text, and the time."""
    rows = cells = lines = 0
    for block in blocks:
        tick()
        if isinstance(block, table_type):
            rows += len(block.rows)
            if rows > MAX_ROWS:
                raise _too_many("টেবিলের সারি", rows, MAX_ROWS)
            for row in block.rows:
                cells += len(row.cells)
                if len(row.cells) > MAX_COLUMNS:
                    raise CharterError(f"এক সারিতে {_n(len(row.cells))}টি কলাম; চার্টারের টেবিলে এত কলাম থাকে না।", row.line)
                for line, text in row.cells:
                    if len(text) > MAX_TEXT:
                        raise _too_long(len(text), line)
            if cells > MAX_CELLS:
                raise _too_many("টেবিলের ঘর", cells, MAX_CELLS)
        else:
            lines += 1
            if lines > MAX_LINES:
                raise _too_many("লাইন", lines, MAX_LINES)
            if len(block.text) > MAX_TEXT:
                raise _too_long(len(block.text), block.number)
        yield block

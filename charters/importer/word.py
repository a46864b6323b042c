"""Word (.docx) charters, and which reader a file gets: by its content, not only its name.

A .docx is read into the same blocks the text export gives (charters.importer.read_blocks):
each paragraph a line, each table a table whose cells are the cell's paragraphs joined by line
breaks, as a one-cell-per-line export writes them. A vertically merged cell (the superior officer
written once for the rows below) is empty in the rows it spans, which the reader fills down as it
does for the text; tables separated only by empty paragraphs or a page break are one table, as a
table split by a page break is in the text export, so a repeated header row and a row continued
on the next page read the same. So a Word file gives the same charter as its text export.

python-docx opens the package (it parses with lxml, entities unresolved); before it does, the zip
is checked: members, declared sizes, compression ratio (a zip bomb), a DOCTYPE or ENTITY in any
XML part (an XML bomb), and that it is a Word document and not a spreadsheet or a presentation.
Warnings and errors say the table and row (or the paragraph) of the Word file.
"""

import io
import re
import zipfile

from charter_portal.bangla import bengali_digits
from charters.errors import CharterError

from . import limits
from .bijoy import run_to_unicode
from .fonts import RunFonts, paragraph_style
from .lines import Line

MAX_MEMBERS = 1000
MAX_UNPACKED = 50 * 1024 * 1024  # every member, as the zip declares it
MAX_RATIO = 100  # unpacked / packed, for a member over 1 MB unpacked

SEND_INSTEAD = "চার্টারটি Word (.docx বা .doc), লেখাসহ PDF অথবা UTF-8 টেক্সট এক্সপোর্ট (.txt) হিসেবে পাঠান।"

# Magic bytes of what people send instead of a charter, and what to call them.
_OTHER_KINDS = [
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "ছবি (PNG, স্ক্যান)"),
    (b"\xff\xd8\xff", "ছবি (JPEG, স্ক্যান)"),
    (b"II*\x00", "ছবি (TIFF, স্ক্যান)"),
    (b"MM\x00*", "ছবি (TIFF, স্ক্যান)"),
    (b"GIF8", "ছবি (GIF)"),
    (b"\x1f\x8b", "gzip সংকোচিত ফাইল"),
    (b"Rar!", "RAR সংকোচিত ফাইল"),
    (b"7z\xbc\xaf", "7z সংকোচিত ফাইল"),
]
_TEXT_SUFFIXES = {"txt", "text", "md", "tsv", ""}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word 97–2003, Excel .xls, .ppt
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream only a Word .doc has
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def file_kind(data, name=""):
    """'docx', 'doc', 'pdf' or 'text', judged by the content; a file that is none of them, or that
    is not what its name says, is refused with what to send instead."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    limits.check_size(data)
    for magic, kind in _OTHER_KINDS:
        if data.startswith(magic):
            named = f" (নাম .{suffix} হলেও)" if suffix in _TEXT_SUFFIXES | {"docx"} and suffix else ""
            raise CharterError(f"ফাইলটি {kind}{named}, চার্টারের টেক্সট বা Word ফাইল নয়। " + SEND_INSTEAD)
    if data.startswith(b"%PDF-"):
        if suffix not in ("pdf", ""):
            raise CharterError(f"ফাইলটি PDF, কিন্তু তার নাম .{suffix}। নামটি .pdf দিয়ে পাঠান।")
        return "pdf"
    if data.startswith(_OLE):
        if _WORD_STREAM not in data:
            raise CharterError(
                "ফাইলটি পুরোনো Office ফাইল (Excel .xls বা PowerPoint .ppt?), পুরোনো Word (.doc) নথি নয়। " + SEND_INSTEAD
            )
        if suffix not in ("doc", "dot", ""):
            raise CharterError(f"ফাইলটি পুরোনো Word (.doc) নথি, কিন্তু তার নাম .{suffix}। নামটি .doc দিয়ে পাঠান।")
        return "doc"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        _check_package(data)
        if suffix not in ("docx", ""):
            raise CharterError(f"ফাইলটি Word (.docx) নথি, কিন্তু তার নাম .{suffix}। নামটি .docx দিয়ে পাঠান।")
        return "docx"
    if suffix == "docx":
        raise CharterError("ফাইলটির নাম .docx, কিন্তু এটি Word নথি নয়। " + SEND_INSTEAD)
    if suffix not in _TEXT_SUFFIXES:
        raise CharterError(f".{suffix} ফাইল পড়া যায় না। " + SEND_INSTEAD)
    return "text"


def _check_package(data):
    """Refuse a zip that is not a Word document, or that would unpack to far more than it is."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise CharterError("ফাইলটি ভাঙা zip/Word ফাইল। " + SEND_INSTEAD) from None
    if len(members) > MAX_MEMBERS:
        raise CharterError(f"ফাইলটিতে {len(members)}টি অংশ; Word নথিতে এত থাকে না (zip বোমা?)। " + SEND_INSTEAD)
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        raise CharterError(f"ফাইলটি খুললে {unpacked} বাইট হয়; একটি চার্টারের জন্য তা অস্বাভাবিক (zip বোমা?)।")
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise CharterError(f"ফাইলটির অংশ {member.filename} অস্বাভাবিকভাবে সংকোচিত (zip বোমা?)।")
    names = {member.filename for member in members}
    if "mimetype" in names and "content.xml" in names:
        raise CharterError("ফাইলটি OpenDocument (LibreOffice) নথি। Word-এ .docx হিসেবে সংরক্ষণ করে পাঠান।")
    try:
        types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise CharterError("ফাইলটি ভাঙা zip/Word ফাইল। " + SEND_INSTEAD) from None
    if b"spreadsheetml" in types:
        raise CharterError("ফাইলটি Excel (.xlsx) স্প্রেডশিট, চার্টার নয়। " + SEND_INSTEAD)
    if b"presentationml" in types:
        raise CharterError("ফাইলটি PowerPoint উপস্থাপনা, চার্টার নয়। " + SEND_INSTEAD)
    if b"wordprocessingml.document.main" not in types and b"wordprocessingml.template.main" not in types:
        raise CharterError("ফাইলটি zip, কিন্তু Word (.docx) নথি নয়। " + SEND_INSTEAD)
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            try:
                content = package.read(member)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                raise CharterError(f"ফাইলটির অংশ {member.filename} পড়া যায় না (ভাঙা ফাইল)।") from None
            if re.search(rb"<!(?:DOCTYPE|ENTITY)", content, re.IGNORECASE):
                raise CharterError(f"ফাইলটির অংশ {member.filename}-এ DOCTYPE/ENTITY আছে; Word এমন লেখে না (XML বোমা?)।")
            if member.filename.startswith("word/") and member.filename.endswith(".xml"):
                limits.check_word_xml(content)  # rows, cells and spans, before python-docx parses it


def docx_blocks(data, seen=None):
    """The Word file's blocks (Lines and Tables) and where each numbered line was in the file.
    Runs in a Bijoy font are converted to Unicode (and "bijoy" added to ``seen``)."""
    import docx  # python-docx: only when a Word file is read

    from . import Table
    from .tables import Row

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        fonts = RunFonts(document.styles.element)
    except Exception as error:  # python-docx raises many kinds for a damaged package
        raise CharterError(f"Word ফাইলটি খোলা যায়নি ({type(error).__name__})। " + SEND_INSTEAD) from None
    places, blocks, counter = {}, [], iter(range(1, 10**9))
    table_number, paragraph_number, pending_table = 0, 0, None

    def number(where):
        limits.tick()
        n = next(counter)
        places[n] = where
        return n

    for element in _body_items(body):
        if element.tag == f"{W}tbl":
            table_number += 1
            rows = []
            for row_number, tr in enumerate(element.iterchildren(f"{W}tr"), start=1):
                line = number(place(table=table_number, row=row_number))
                cells = [
                    (number(place(table=table_number, row=row_number, column=column + 1)), text)
                    for column, text in _row_cells(tr, fonts)
                ]
                rows.append(Row(line, cells))
            if pending_table is not None:  # split by a page break: one table, as in the text export
                pending_table.rows += rows
            else:
                pending_table = Table(rows, rows[0].line if rows else number(place(table=table_number)))
                blocks.append(pending_table)
            continue
        paragraph_number += 1
        text = _paragraph_text(element, fonts)
        if not text.strip():
            continue  # an empty paragraph or a page break keeps a table going
        pending_table = None
        for part in text.split("\n"):
            if part.strip():
                blocks.append(Line(number(place(paragraph=paragraph_number)), part.replace("\t", " ")))
    if seen is not None and fonts.converted:
        seen.add("bijoy")
    if not table_number:
        raise CharterError(
            "Word ফাইলটিতে কোনো টেবিল নেই: সেবার তালিকা Word টেবিল হিসেবে থাকতে হবে (পিডিএফ বা ছবি থেকে নেওয়া লেখা নয়)।"
        )
    return blocks, places


_PLACE_WORDS = {"page": "পৃষ্ঠা", "table": "টেবিল", "row": "সারি", "column": "কলাম", "paragraph": "অনুচ্ছেদ"}


def place(**numbers):
    """Where in a file, as every importer message says it: "টেবিল ২, সারি ৩, কলাম ৪" (a PDF's
    with its page first)."""
    return ", ".join(f"{_PLACE_WORDS[part]} {bengali_digits(str(n))}" for part, n in numbers.items())


def _body_items(body):
    """Paragraphs and tables of the body in order (content controls opened)."""
    for child in body.iterchildren():
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _body_items(content)


def _row_cells(tr, fonts=None):
    """(column, text) of a row's cells on the table grid: a cell spanning columns is followed by
    empty ones, a cell merged with the one above is empty (written once, for the rows below)."""
    cells, column = [], 0
    properties = tr.find(f"{W}trPr")
    before = properties.find(f"{W}gridBefore") if properties is not None else None
    for _ in range(limits.grid_span(before.get(f"{W}val"), 0) if before is not None else 0):
        cells.append((column, ""))
        column += 1
    for tc in tr.iterchildren(f"{W}tc", f"{W}sdt"):
        for cell in [tc] if tc.tag == f"{W}tc" else tc.iter(f"{W}tc"):
            tc_pr = cell.find(f"{W}tcPr")
            span, merged = 1, False
            if tc_pr is not None:
                grid_span = tc_pr.find(f"{W}gridSpan")
                span = limits.grid_span(grid_span.get(f"{W}val")) if grid_span is not None else 1
                v_merge = tc_pr.find(f"{W}vMerge")
                merged = v_merge is not None and v_merge.get(f"{W}val", "continue") == "continue"
            text = "" if merged else _cell_text(cell, fonts)
            cells.append((column, text))
            cells.extend((column + extra, "") for extra in range(1, span))
            column += span
    return cells


def _cell_text(tc, fonts=None):
    lines = []
    for element in tc.iter(f"{W}p"):
        lines.append(_paragraph_text(element, fonts).replace("\t", " "))
    return "\n".join(lines)


_BENGALI = re.compile("[\u0980-\u09ff]")
_RUN_CONTAINERS = {
    f"{W}{tag}" for tag in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml")
}


def _paragraph_text(p, fonts=None):
    """The paragraph's text, its runs in a Bijoy font converted (consecutive ones together, as a
    vowel sign typed before a letter may sit in the run before it)."""
    parts = []  # [text, is_bijoy]
    style = paragraph_style(p)

    def add(text, bijoy):
        if parts and parts[-1][1] == bijoy:
            parts[-1][0] += text
        else:
            parts.append([text, bijoy])

    def walk(element):
        for child in element.iterchildren():
            if child.tag == f"{W}r":
                bijoy = fonts is not None and fonts.is_bijoy(child, style)
                for item in child.iterchildren():
                    if item.tag == f"{W}t":  # Unicode Bengali in a Bijoy font ("OMJ") is kept
                        add(item.text or "", bijoy and not _BENGALI.search(item.text or ""))
                    elif item.tag == f"{W}tab":
                        add("\t", bijoy)
                    elif item.tag == f"{W}br" and item.get(f"{W}type") in (None, "textWrapping"):
                        add("\n", bijoy)
                    elif item.tag == f"{W}cr":
                        add("\n", bijoy)
                    elif item.tag == f"{W}noBreakHyphen":
                        add("-", bijoy)
            elif child.tag in _RUN_CONTAINERS:
                walk(child)

    walk(p)
    if fonts is not None and any(bijoy for _, bijoy in parts):
        fonts.converted = True
    return "".join(run_to_unicode(text) if bijoy else text for text, bijoy in parts)

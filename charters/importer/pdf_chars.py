"""The characters of a PDF page as the importer reads them, and their lines.

pdfminer (under pdfplumber) gives each glyph with its font and box. LibreOffice and Word draw a
Bengali cluster (সি, ক্ষ, র্য …) as several glyphs inside a marked-content span whose /ActualText
is the cluster's text; the font's own ToUnicode map can only give a glyph the text of its first
use, so pdfminer alone reads ভিশন as সিশন. So the span's text goes on its first glyph, and the
cluster's other glyphs (no text) widen that character's box.
"""

import re

_CID = re.compile(r"^\(cid:\d+\)$")


class Char:
    """A character as read: its text (a whole cluster's, or nothing for the cluster's other
    glyphs), font, size and box (x across, top down from the page's top), widened over the
    glyphs of its cluster that carry no text."""

    __slots__ = ("text", "font", "size", "x0", "x1", "top", "bottom")

    def __init__(self, item, height):
        self.text, self.font, self.size = item.get_text(), item.fontname, item.size
        self.x0, self.x1, self.top, self.bottom = item.x0, item.x1, height - item.y1, height - item.y0

    def inside(self, box):
        x, y = (self.x0 + min(self.x1, self.x0 + self.size / 2)) / 2, (self.top + self.bottom) / 2
        return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def characters(page):
    """The page's characters in drawing order, each cluster's text on its first glyph (from the
    /ActualText LibreOffice and Word write around a cluster; pdfminer alone reads a glyph's first
    use for every later one), the glyphs without text folded into the one before them."""
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter

    device = actual_text_device(page.pdf.rsrcmgr, pageno=page.page_number)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)

    def walk(item):
        for child in item:
            if isinstance(child, LTChar):
                yield child
            elif isinstance(child, LTContainer):
                yield from walk(child)

    chars, height = [], page.height
    for item in walk(device.get_result()):
        if not item.upright:
            continue
        char = Char(item, height)
        if _CID.match(char.text):
            char.text = ""
        if not char.text and chars and abs(chars[-1].bottom - char.bottom) < char.size / 2:
            chars[-1].x0, chars[-1].x1 = min(chars[-1].x0, char.x0), max(chars[-1].x1, char.x1)
            continue
        if char.text:
            chars.append(char)
    return chars


def _actual_text_device():
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.utils import decode_text

    class Device(PDFPageAggregator):
        """pdfminer's page aggregator, giving a marked-content span's /ActualText to its first
        character and nothing to the others."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.spans, self.fresh = [], False

        def begin_tag(self, tag, props=None):
            actual = props.get("ActualText") if isinstance(props, dict) else None
            if isinstance(actual, bytes):
                actual = decode_text(actual)
            self.spans.append(actual)
            self.fresh = self.fresh or actual is not None

        def end_tag(self):
            if self.spans:
                self.spans.pop()

        def render_char(self, *args, **kwargs):
            advance = super().render_char(*args, **kwargs)
            actual = next((span for span in reversed(self.spans) if span is not None), None)
            if actual is not None:
                self.cur_item._objs[-1]._text = actual if self.fresh else ""
                self.fresh = False
            return advance

    return Device


def actual_text_device(*args, **kwargs):
    """pdfminer is imported only when a PDF is read."""
    return _actual_text_device()(*args, **kwargs)


def lines_of(chars):
    """The characters grouped by baseline (a mark drawn a little lower stays on its line), top to
    bottom, each line in reading order: drawing order, but a character drawn clearly left of the
    one before it (LibreOffice draws "১." as "১", " ", ".") put back where it stands."""
    lines = []
    for char in chars:
        for line in lines:
            if abs(line[0].bottom - char.bottom) <= 0.5 * char.size:
                line.append(char)
                break
        else:
            lines.append([char])
    ordered = []
    for line in sorted(lines, key=lambda line: line[0].top):
        out = []
        for char in line:
            index = len(out)
            while index and char.x0 < out[index - 1].x0 - 1.0:
                index -= 1
            out.insert(index, char)
        ordered.append(out)
    return ordered

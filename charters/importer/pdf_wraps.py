"""What a PDF's line end inside a cell was in the file: a paragraph's end, a wrap at a space, a
wrap after a hyphen or slash, or a word broken for want of room.

A PDF keeps only where each line was drawn, so this reasons as a layout program lays lines out:
it moves the next unbreakable unit (a word; or what follows a hyphen or slash where it breaks
there) to a new line only when that unit does not fit in what is left of the line, and it breaks
inside a word only when the word is wider than the line (an e-mail, a URL, a long word in a
narrow column). What differs between the programs that write PDFs is learned from the document
itself, never assumed: whether the space at a wrap is drawn (LibreOffice and Word draw it where
it fits; Chromium never does), and after which characters the program breaks a line. Only where
the geometry allows both a space and none do the document's own words decide: a word it has
whole elsewhere, or two words it has.
"""

import re

TOLERANCE = 0.5  # points: glyph advances and the writer's rounding
BREAKS = "/-"  # a line may break after these with no space (a program may refuse to)
# Of the font size: a gap this wide is a space even where none was drawn (narrower gaps occur
# inside Bengali words, where a sign is placed apart from its letter).
SPACE_GAP = 0.6
_NO_BREAK_BEFORE = "/,.;:!?)]।|"  # a line never begins with these unless a space was before them
_OPENS = "(“‘["
_CLOSES = ")]"  # not ” ’: Bijoy text uses them as letters' parts (i“ is রু)
_BRACKETS = "()[]"
_DIGITS = "0123456789০১২৩৪৫৬৭৮৯"
_ADDRESS = re.compile(r"@|^www\.|://")
_ADDRESS_START = re.compile(r"(www\.|https?://)", re.IGNORECASE)
_SPACE = 0.25  # of the font size: about a space's width in the fonts charters use


class LineShape:
    """One drawn line: its text (Bengali unconverted), its extent, and the widths of its first
    unit for each set of characters a line may break after."""

    __slots__ = ("raw", "left", "end", "space", "spaced", "first", "glyphs")

    def __init__(self, chars, raw, space):
        drawn = [c for c in chars if c.text.strip()] or chars
        self.raw, self.space = raw, space
        self.left, self.end = chars[0].x0, max(c.x1 for c in drawn)
        self.spaced = not chars[-1].text.strip()  # the line's last glyph is a space
        self.glyphs = [(c.text, c.x1) for c in drawn]
        self.first = []  # (character, right edge) of the first unit: its first word and what
        # cannot begin a line after it ("word /", "word ,": no break before these, even after a space)
        right, apart = None, False
        for char in chars:
            text = char.text.strip()
            apart = apart or not text or (right is not None and char.x0 - right > SPACE_GAP * char.size)
            if not text:
                continue
            if apart and text[:1] not in _NO_BREAK_BEFORE:
                break
            apart = False
            right = char.x1 if right is None else max(right, char.x1)
            self.first.append((text, right))

    @property
    def single(self):
        return not re.search(r"\s", self.raw)

    @property
    def width(self):
        return self.end - self.left

    def unit(self, breaks):
        """The width of the line's first unbreakable unit: to its first space, or to just after
        the first character the line may break after."""
        for index, (text, right) in enumerate(self.first):
            if 0 < index < len(self.first) - 1 and text[-1:] in breaks:
                return right - self.left
        return (self.first[-1][1] if self.first else self.end) - self.left


class Wraps:
    """The document's way of laying lines out, learned from all its cells; ``joint`` then says
    what each line end inside a cell stood for."""

    def __init__(self, cells, words):
        """``cells``: for each cell (and text between tables), its LineShapes and right edge;
        ``words``: the words the document has whole (not at a line's ends)."""
        self.words = words
        # How the document writes a hyphen or slash inside a line: mostly followed by a space?
        inside = " ".join(shape.raw for shapes, _ in cells for shape in shapes)
        self.spaced_after = {c: inside.count(c + " ") > inside.count(c) / 2 for c in BREAKS}
        ends = [(a, b, right) for shapes, right in cells for a, b in zip(shapes, shapes[1:], strict=False)]
        spaced = sum(1 for a, _, _ in ends if a.spaced)
        # Does this program draw the space at a wrap (where it fits)? Then a space that would
        # have fitted and is not drawn was not there.
        self.draws_spaces = bool(ends) and spaced >= 0.1 * len(ends)
        self.breaks = "".join(c for c in BREAKS if not self._refused(c, ends))

    def _refused(self, char, ends):
        """Whether the program shows it does not break after ``char``: it moved a unit that ends
        in ``char`` (and would have fitted) to the next line, or broke a word inside rather than
        after it."""
        for before, after, right in ends:
            if before.raw[-1:] in BREAKS:
                continue
            room = right - before.end - (0 if before.spaced else before.space)
            for index, (text, edge) in enumerate(after.first[:-1]):
                if index and text[-1:] == char and room >= edge - after.left + TOLERANCE:
                    return True
        return False

    def units(self, shapes, right):
        """The width each line's first unit had when the program laid it out: a word broken over
        lines is one unit with its rest (the program moved it whole, then broke it)."""
        units = [0.0] * len(shapes)
        for index in reversed(range(len(shapes))):
            shape = shapes[index]
            units[index] = shape.unit(self.breaks)
            if index + 1 < len(shapes) and shape.single and not shape.spaced and shape.raw[-1:] not in self.breaks:
                if right - shape.end < shape.space + units[index + 1] + TOLERANCE:  # not a paragraph's end
                    units[index] = shape.width + units[index + 1]
        return units

    def joint(self, before, after, room_for_next, right, *, mark):
        """What joins line ``before`` to line ``after``: "\\n" (the paragraph ended), " " or "".
        ``room_for_next``: whether the next line's first unit would have fitted on ``before``;
        ``mark``: the next line begins with a vowel sign (which cannot begin a word)."""
        room = right - before.end
        if room_for_next:
            return "\n"  # the next word would have fitted here: so the paragraph ended
        if before.spaced:
            return " "  # the space was drawn: a wrap
        if mark or (
            after.raw[:1] in _DIGITS
            and last_digit(before.raw)
            and (before.raw[-1:] in BREAKS or not self._room_left(before, after, room))
        ):
            return ""  # a vowel sign cannot begin a word; a number ("০১৭২২-৪৫৬৪২১") broken
        if after.raw[:1] in _NO_BREAK_BEFORE and (
            not self._broken(before, after, right)
            or (after.first and room >= after.first[0][1] - after.left + TOLERANCE)
        ):
            return " "  # no line breaks before a slash, a comma …: a space was there, not drawn
        if after.raw[:1] in _OPENS and before.raw[-1:].isalnum():
            return " "  # "(", "“" open a word: a space was before them
        if before.raw[-1:] in _CLOSES and after.raw[:1].isalnum():
            return " "  # ")", "”" close a word: no line breaks after them inside one
        last = before.raw[-1:]
        if self.draws_spaces and room >= before.space - TOLERANCE / 10:
            # A space would have fitted and been drawn: there was none. So the line broke where
            # no space is needed (after a hyphen; inside a word too wide for the line), or the
            # paragraph ended there.
            if last in BREAKS:
                return ""
            if self._broken(before, after, right, anywhere=True) and not self._room_left(before, after, room):
                if self._space_or_none(before.raw, after.raw, default="") == "":
                    return ""  # pieces of one word, not two words the document has
            return "\n"
        if last in self.breaks:
            return self._space_or_none(before.raw, after.raw, default=" " if self.spaced_after[last] else "")
        if not before.single:
            # The line could break at a space before: it broke at one here (LibreOffice also
            # starts a word too wide for any line where it is, and breaks it at the edge).
            return self._space_or_none(before.raw, after.raw, default=" ")
        if not self._broken(before, after, right) or self._room_left(before, after, room):
            return " "
        # A word alone on its line, as wide as the line: broken, or a word whose space did not fit.
        return self._space_or_none(before.raw, after.raw, default="")

    def _broken(self, before, after, right, anywhere=False):
        """Whether ``before`` may be a word broken inside for want of room: alone on its line,
        and what follows its last place to break at (a hyphen …; ``anywhere``: the word's start,
        as programs do not always break a long word at such places) did not fit on a line."""
        if not before.single:
            return False
        start = before.left
        for text, right_edge in before.glyphs[:-1]:
            if text[-1:] in self.breaks and not anywhere:
                start = right_edge
        # A program that draws no space at a wrap breaks an overlong word anywhere, at the edge:
        # its cells' edges are known to within the tolerance, so a word that would have just
        # fitted may have been broken.
        slack = TOLERANCE if self.draws_spaces else -TOLERANCE
        return before.end - start + after.unit(self.breaks) > right - before.left + slack

    def _room_left(self, before, after, room):
        """Whether a word broken between two Latin letters (Bijoy is Latin to a layout program)
        left room for the next letter: programs fill such a line to its edge before breaking.
        A program that draws no space at a wrap (a browser, breaking an overlong word anywhere)
        fills it to the edge between any two characters, Bengali clusters too."""
        if not after.first:
            return False
        text, edge = after.first[0]
        latin = before.raw[-1:].isascii() and before.raw[-1:].isalnum() and text.isascii() and text.isalnum()
        return (latin or not self.draws_spaces) and room >= edge - after.left + TOLERANCE

    def _space_or_none(self, before, after, default):
        """Two words the document has (" "); else one word it has whole (""); else one word
        it has and a piece (" "); else ``default``."""
        last, first = (before.split() or [""])[-1], (after.split() or [""])[0]
        if _ADDRESS.search(last) and not _ADDRESS_START.match(first):
            return ""  # an e-mail or a web address has no spaces (but another may follow it)
        # Brackets and punctuation at a word's ends do not make it another word.
        tail, head = (
            re.split(r"[/-]", last)[-1].lstrip(_BRACKETS),
            re.split(r"[/-]", first)[0].rstrip(_BRACKETS + ",;:।|."),
        )
        known = [len(part) > 2 and part in self.words for part in (tail, head)]
        if all(known):
            return " "
        if last + first in self.words or (tail and head and tail + head in self.words):
            return ""
        return " " if tail and head and any(known) else default


def last_digit(text):
    """Whether the text ends in a digit, or a digit and a hyphen."""
    text = text[:-1] if text.endswith("-") else text
    return bool(text) and text[-1] in _DIGITS


def space_width(font_spaces, char):
    """A space's width in the character's font: as the document draws it, else about a quarter
    of the font's size."""
    return font_spaces.get((char.font, round(char.size)), _SPACE * char.size)

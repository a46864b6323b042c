"""A scanned cell's OCR lines joined into its text.

Word and LibreOffice break a line at a space, after a hyphen or slash, or — when a token is wider
than the cell — anywhere in it. A scan shows only the line end, so where a line ends decides how the
lines join:
- inside a phone number ("+" / "৮৮০২৫৮৯৯৬২৪৮" / "৮", "০১৮১১৮৩২৬৩" / "৭") or an e-mail or address
  ("programmer.magura@gmail.co" / "m"): no space, as long as the number is not already a whole one;
- after a hyphen, or a slash or comma inside a long list typed without spaces
  ("সাইট,জেলা," / "কার্যালয়,") that filled the line: no space;
- anywhere else a space (a line break): a Bengali word is never broken inside itself by the layout.
"""

import re

_DIGITS = "০-৯0-9"
_NUMBER_TAIL = re.compile(rf"(\+?[{_DIGITS}]+|\+)$")
_NUMBER_HEAD = re.compile(rf"^[{_DIGITS}]+")
_ADDRESS_TAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*$|(?:www\.|https?://)\S*$", re.IGNORECASE)
_ADDRESS_HEAD = re.compile(r"^[A-Za-z0-9._-]+")
_LOCAL_TAIL = re.compile(r"(?:^|\s)[a-z0-9._-]{4,}$")  # the start of an e-mail's local part
_LIST_TAIL = re.compile(r"[^\s,/]+[,/][^\s,/]+[,/]$")  # "সাইট,জেলা," — a list typed without spaces


def _whole_number(digits):
    """Whether a run of digits is already a whole Bangladeshi phone number: 11 digits from 0 (a
    mobile or a landline with its area code), 13 from the country code 880."""
    ascii_digits = digits.translate(str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789"))
    return (ascii_digits.startswith("880") and len(ascii_digits) >= 13) or (
        ascii_digits.startswith("0") and len(ascii_digits) >= 11
    )


def number_goes_on(previous, following):
    """Whether the line ``previous`` ends inside a phone number that ``following`` ends."""
    tail, head = _NUMBER_TAIL.search(previous), _NUMBER_HEAD.match(following)
    if not tail or not head:
        return False
    digits = tail.group(1).lstrip("+")
    if not digits:  # a "+" alone at the line's end
        return True
    joined = digits + head.group()
    return len(digits) >= 3 and not _whole_number(digits) and len(joined) <= 13


def address_goes_on(previous, following, filled=False):
    """Whether ``previous`` ends inside an e-mail or web address that ``following`` goes on with:
    after its "@" or "www.", or, when the line is full, before its "@" ("programmer.ma" /
    "gura@gmail.com")."""
    first = following.split()[0] if following.split() else ""
    if not _ADDRESS_HEAD.match(first) or re.match(r"www\.|https?://", first, re.IGNORECASE):
        return False
    if "@" in first:
        return filled and bool(_LOCAL_TAIL.search(previous))
    return bool(_ADDRESS_TAIL.search(previous))


def cell_text(lines, right_edge, margin):
    """A cell's OCR lines [(text, right edge, confidence, first word's width)] as its text."""
    text = ""
    for index, (line, _, _, first_width) in enumerate(lines):
        if index:
            previous, previous_right = lines[index - 1][0], lines[index - 1][1]
            filled = previous_right >= right_edge - margin and previous_right + first_width > right_edge
            glued = (
                number_goes_on(previous, line)
                or address_goes_on(previous, line, filled)
                or previous.endswith("-")
                or (filled and " " not in previous and previous.endswith("/"))
                or (filled and _LIST_TAIL.search(previous))
            )
            text += "" if glued else "\n"
        text += line
    return text

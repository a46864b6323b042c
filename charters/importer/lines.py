"""The text export as numbered lines, and what kind of heading a line is."""

import re
from dataclasses import dataclass

from charters.errors import CharterError

from .words import word_key

# --- lines and sections -----------------------------------------------------------------


@dataclass
class Line:
    number: int
    text: str

    @property
    def blank(self):
        return not self.text.strip()

    @property
    def is_row(self):
        """A tab-separated row: a tab somewhere after the first character."""
        return "\t" in self.text.lstrip("\t") or self.text.startswith("\t\t")

    @property
    def is_cell(self):
        """One cell of a one-cell-per-line table: a single leading tab."""
        return self.text.startswith("\t") and not self.is_row


def heading_text(text):
    text = re.sub(r"^\s*#+\s*", "", text)  # markdown heading marks
    text = re.sub(r"\*\*|__", "", text)
    return text.strip()


_CATEGORIES = [(1, "নাগরিক সেবা"), (2, "প্রাতিষ্ঠানিক সেবা"), (3, "অভ্যন্তরীণ সেবা")]


def classify_heading(text):
    """What a line announces, or None: vision, mission, services, category N, subordinates, expectations, grs."""
    heading = heading_text(text)
    key = word_key(heading)
    if len(key) > 80 and not key.startswith("3."):
        return None
    bare = re.sub(r"^[\d.)(।\s]+", "", key).rstrip(" :ঃ।")
    if bare == "ভিশন":
        return ("vision",)
    if bare == "মিশন":
        return ("mission",)
    if bare.startswith("ভিশন ও মিশন"):
        return ("vision_and_mission",)
    for number, words in _CATEGORIES:
        if re.fullmatch(rf"{re.escape(word_key(words))}(?:{re.escape(word_key('সমূহ'))})?", bare):
            return ("category", number)
    if bare.startswith("প্রতিশ্রুত সেবা"):
        return ("services",)
    if key.startswith(("3.", "৩.")) or bare.startswith("আওতাধীন দপ্তর"):
        if "আওতাধীন" in key:
            return ("subordinates",)
    if "আপনার কাছে আমাদের প্রত্যাশা" in bare:
        return ("expectations",)
    if "অভিযোগ ব্যবস্থাপনা পদ্ধতি" in bare or bare.endswith("(GRS)") or "অভিযোগ প্রতিকার ব্যবস্থা" in bare:
        return ("grs",)
    return None


def decode(data):
    if not data or not data.strip():
        raise CharterError("ফাইলটি খালি")
    if b"\x00" in data:
        raise CharterError("এটি টেক্সট ফাইল নয় (এতে NUL বাইট আছে)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CharterError("ফাইলটি UTF-8 টেক্সট নয়", line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_pipe_row_as_tabs(line) for line in text.split("\n"))


def _pipe_row_as_tabs(line):
    """A markdown pipe-table row ("| ১ | সেবার নাম |") read as a tab-separated row; its rule
    line ("|---|:--|") as a blank line."""
    stripped = line.strip()
    if len(stripped) < 2 or not (stripped.startswith("|") and stripped.endswith("|")):
        return line
    cells = [cell.strip() for cell in stripped[1:-1].split("|")]
    if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells):
        return ""
    return "\t".join(cells) if len(cells) > 1 else line

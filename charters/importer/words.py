"""Words as the importer matches them: one encoding of each letter, ASCII digits, no tags."""

import re
import unicodedata

from charter_portal.bangla import TO_ASCII_DIGITS

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def word_key(text):
    """Text reduced for matching words: NFC (one encoding of য় ড় ঢ় ো ৌ), ASCII digits, single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(TO_ASCII_DIGITS)).strip()


def has_words(text, *words):
    key = word_key(text)
    return any(word_key(word) in key for word in words)


def clean_cell(text):
    """A cell's text as stored: tags reduced to their text, each line trimmed, outer blank lines gone."""
    text = _HTML_TAG.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def number_in(text):
    digits = re.sub(r"\D", "", text.translate(TO_ASCII_DIGITS))
    return int(digits) if digits else None

"""The Bengali-digit rule, in one place.

On a Bengali page, serials, days, dates and phone numbers are shown in Bengali digits (০-৯),
but an e-mail address or a URL is an identifier a citizen types or clicks, so its ASCII
digits are left exactly as stored. An English page shows ASCII digits. Every template
reaches this through the ``bn_digits`` filter (a template builtin), which follows the active
language; Python code that writes a page's text calls ``bn_digits`` too, and
``bengali_digits`` where the text is Bengali whatever the page.
"""

import re
import unicodedata

from django import template
from django.conf import settings
from django.utils.translation import get_language

register = template.Library()

_BENGALI_DIGITS, _ASCII_DIGITS = "০১২৩৪৫৬৭৮৯", "0123456789"  # the one table
_TO_BENGALI = str.maketrans(_ASCII_DIGITS, _BENGALI_DIGITS)

# Tokens whose digits must survive untouched: e-mail addresses and URLs
# (with a scheme, or the "www." form the charters use).
_IDENTIFIER = re.compile(
    r"""
    [^\s@<>()]+@[^\s@<>()]+        # e-mail address
    | (?:https?|ftp)://[^\s<>]+    # URL with a scheme
    | \bwww\.[^\s<>]+              # bare www. address
    """,
    re.VERBOSE | re.IGNORECASE,
)


def bengali_digits(value):
    """Return ``value`` as text with ASCII digits turned Bengali, except in e-mails and URLs."""
    if value is None:
        return ""
    text = str(value)
    parts = []
    position = 0
    for match in _IDENTIFIER.finditer(text):
        parts.append(text[position : match.start()].translate(_TO_BENGALI))
        parts.append(match.group())
        position = match.end()
    parts.append(text[position:].translate(_TO_BENGALI))
    return "".join(parts)


_TO_ASCII = str.maketrans(_BENGALI_DIGITS, _ASCII_DIGITS)


def ascii_digits(value):
    """``value`` as text with Bengali digits turned ASCII (what a citizen typed, for parsing)."""
    return "" if value is None else str(value).translate(_TO_ASCII)


@register.filter(is_safe=True)
def bn_digits(value):
    """The digits of the page's language: ``bengali_digits`` on a Bengali page; on any other,
    ASCII digits (a phone number the documents give in Bengali digits included)."""
    # is_safe: the filter adds no markup, so safe input stays safe and
    # unsafe input is still escaped by autoescaping.
    if (get_language() or settings.LANGUAGE_CODE) != "bn":
        return ascii_digits(value)
    return bengali_digits(value)


@register.filter
def tel_href(value):
    """A phone number as a tel: link wants it: ASCII digits and a leading +, nothing else."""
    text = str(value or "").translate(_TO_ASCII)
    digits = "".join(ch for ch in text if ch.isdigit())
    return f"+{digits}" if text.lstrip().startswith("+") else digits


# Five Bengali characters have two canonically equal encodings, and the seed
# documents use both: য় ড় ঢ় as one code point or as letter + nukta (U+09BC), and
# the vowel signs ো ৌ as one code point or as ে + া / ে + ৗ. Text is stored exactly
# as given; matching accepts either.
_COMPOSITES = {
    "\u09df": "\u09af\u09bc",  # য়
    "\u09dc": "\u09a1\u09bc",  # ড়
    "\u09dd": "\u09a2\u09bc",  # ঢ়
    "\u09cb": "\u09c7\u09be",  # ো
    "\u09cc": "\u09c7\u09d7",  # ৌ
}


def any_encoding_pattern(text):
    """A regex source matching ``text`` whichever way its composite Bengali characters are encoded."""
    for single, pair in _COMPOSITES.items():
        text = text.replace(single, pair)
    pattern = re.escape(text)
    for single, pair in _COMPOSITES.items():
        pattern = pattern.replace(re.escape(pair), f"(?:{single}|{re.escape(pair)})")
    return pattern


_SEARCH_DROP = {0x200C: None, 0x200D: None, 0xFEFF: None}  # ZWNJ, ZWJ, BOM: invisible, never meaningful


def search_key(text):
    """Text reduced for search: one encoding of each Bengali letter (NFC), no zero-width
    joiners, ASCII digits, lower case, punctuation as spaces, single spaces. Queries and the
    index go through this same function, so every spelling of a word meets every other."""
    text = unicodedata.normalize("NFC", str(text or "")).translate(_SEARCH_DROP)
    text = text.translate(_TO_ASCII).casefold()
    text = re.sub(r"[^\w\u0980-\u09ff]+", " ", text)
    return " ".join(text.split())

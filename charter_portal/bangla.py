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

_TO_BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")

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


TO_ASCII_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


@register.filter(is_safe=True)
def bn_digits(value):
    """The digits of the page's language: ``bengali_digits`` on a Bengali page; on any other,
    ASCII digits (a phone number the documents give in Bengali digits included)."""
    # is_safe: the filter adds no markup, so safe input stays safe and
    # unsafe input is still escaped by autoescaping.
    if (get_language() or settings.LANGUAGE_CODE) != "bn":
        return "" if value is None else str(value).translate(TO_ASCII_DIGITS)
    return bengali_digits(value)


@register.filter
def tel_href(value):
    """A phone number as a tel: link wants it: ASCII digits and a leading +, nothing else."""
    text = str(value or "").translate(TO_ASCII_DIGITS)
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
    text = text.translate(TO_ASCII_DIGITS).casefold()
    text = re.sub(r"[^\w\u0980-\u09ff]+", " ", text)
    return " ".join(text.split())


# ---- The admin: Bengali digits in its pages' text, and the language in translated fields' labels

# In the admin's text, besides e-mails and URLs, a token that mixes Latin letters and digits is a
# code a person types or compares (a tracking number GRS-7K3M-9QXD, a username staff2, a hash
# pbkdf2_sha256): its digits stay ASCII.
_IDENTIFIER_OR_CODE = re.compile(
    _IDENTIFIER.pattern + r"| (?a:\b(?=[\w-]*[a-z])(?=[\w-]*\d)[\w-]+)",
    re.VERBOSE | re.IGNORECASE,
)

# What is not a page's visible text: comments, the content of elements whose text is code or a
# form value (script, style, textarea, pre, code, kbd, samp), tags with their attributes (input
# values, hrefs, ids, data-*), and character references (&#39;).
_NOT_TEXT = re.compile(
    r"<!--.*?-->|<(script|style|textarea|pre|code|kbd|samp)\b[^>]*>.*?</\1\s*>|<[^>]*>|&\#?\w+;",
    re.DOTALL | re.IGNORECASE,
)


def _text_digits(text):
    parts, position = [], 0
    for match in _IDENTIFIER_OR_CODE.finditer(text):
        parts.append(text[position : match.start()].translate(_TO_BENGALI))
        parts.append(match.group())
        position = match.end()
    parts.append(text[position:].translate(_TO_BENGALI))
    return "".join(parts)


def bengali_digits_in_html(html):
    """An HTML page with Bengali digits in its text nodes only: tags, attributes, form values,
    scripts, styles, code, e-mail addresses, URLs and letter-digit codes keep their digits."""
    parts, position = [], 0
    for match in _NOT_TEXT.finditer(html):
        parts.append(_text_digits(html[position : match.start()]))
        parts.append(match.group())
        position = match.end()
    parts.append(_text_digits(html[position:]))
    return "".join(parts)


class AdminBengaliDigitsMiddleware:
    """Bengali digits on every HTML page under the admin's URL (the admin is Bengali only):
    counts, dates and times, pagination, history, messages. One rule for all of Django's admin
    templates, instead of overriding each of them with ``bn_digits``; what a person types or an
    element's attributes carry is never touched (``bengali_digits_in_html``)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefix is None:
            from django.urls import reverse

            self.prefix = reverse("admin:index")
        if (
            request.path_info.startswith(self.prefix)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
        ):
            charset = response.charset
            response.content = bengali_digits_in_html(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response


LANGUAGE_NAMES = {"bn": "বাংলা", "en": "English"}


def language_label(verbose_name, language):
    """A translated field's label with its language, each in its own name: "সেবার নাম [বাংলা]",
    "সেবার নাম [English]" (modeltranslation's MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME, so every
    form, admin and inline gets it). A no-break space before the bracket: modeltranslation's
    tabs script strips " [..]" from labels, and the language must stay on the label."""
    return f"{verbose_name}\u00a0[{LANGUAGE_NAMES.get(language, language)}]"

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
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
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


TO_ASCII_DIGITS = str.maketrans(_BENGALI_DIGITS, _ASCII_DIGITS)


def ascii_digits(value):
    """``value`` as text with Bengali digits turned ASCII (what a citizen typed, for parsing)."""
    return "" if value is None else str(value).translate(TO_ASCII_DIGITS)


def bengali_date(day):
    """A date as every page and the admin write it: ৬ ডিসেম্বর ২০২৬ (notes, names of rows)."""
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("bn"):
        return bengali_digits(date_format(day, "j F Y"))


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


# Bengali alphabetical order. Code-point order is close but wrong in places: য় ড় ঢ় (and ৎ)
# sit after হ, and the decomposed spellings (য + ়, ে + া) differ from the composed ones.
# Dictionary order: the signs ঁ ং ঃ, the vowels, the consonants (each nukta letter right after
# its base letter, ৎ after ত), then the vowel signs (so a consonant with its inherent vowel comes
# before the same consonant with া, ি, …) and the hasanta (so conjuncts come last).
_BENGALI_ORDER = (
    "\u0981\u0982\u0983"  # ঁ ং ঃ
    "অআইঈউঊঋৠঌৡএঐওঔ"
    "কখগঘঙচছজঝঞটঠড\u09dcঢ\u09ddণত\u09ceথদধনপফবভময\u09dfর\u09f0ল\u09f1শষসহ"  # ড় after ড, ঢ় after ঢ, ৎ after ত, য় after য
    "\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4\u09c7\u09c8\u09cb\u09cc\u09d7\u09cd"  # া ি ী ু ূ ৃ ৄ ে ৈ ো ৌ ৗ ্
)
_BENGALI_WEIGHT = {letter: 1000 + n for n, letter in enumerate(_BENGALI_ORDER)}
_COMPOSE = {pair: single for single, pair in _COMPOSITES.items()}


def sort_key(text):
    """The key that puts names in alphabetical order: Bengali in dictionary order, Latin
    letters by their lower case, digits (Bengali or ASCII) by value, before letters. The one
    rule for every list a citizen scans (divisions, districts, upazilas, offices)."""
    text = unicodedata.normalize("NFC", str(text or "")).translate(_SEARCH_DROP)
    for pair, single in _COMPOSE.items():
        text = text.replace(pair, single)
    key = []
    for ch in text.translate(TO_ASCII_DIGITS).casefold():
        if ch in _BENGALI_WEIGHT:
            key.append(_BENGALI_WEIGHT[ch])
        elif ch.isdigit():
            key.append(100 + int(ch))
        elif ch.isalpha():
            key.append(500 + ord(ch) if ord(ch) < 500 else 2000 + ord(ch))
        elif ch.isspace():
            key.append(0)
        else:
            key.append(1 + ord(ch) % 99)  # punctuation: before digits and letters
    return tuple(key)


def by_name(items, field="name"):
    """``items`` sorted by ``item.<field>`` as the page shows it, with ``sort_key``."""
    return sorted(items, key=lambda item: sort_key(getattr(item, field)))


# E-mail addresses and web addresses are drawn whole: the line may break only at their own
# punctuation (before . @ - _, after /), never inside a word ("gov.b/d").
_IDENTIFIER_BREAK = re.compile(r"(?=[.@_-])|(?<=/)(?!/)")


@register.filter(needs_autoescape=True)
def identifier(value, autoescape=True):
    """An e-mail address or URL, escaped, with line-break opportunities at its punctuation only."""
    text = str(value or "")
    esc = conditional_escape if autoescape else (lambda part: part)
    return mark_safe(
        '<span class="identifier">' + "<wbr>".join(esc(part) for part in _IDENTIFIER_BREAK.split(text)) + "</span>"
    )


_CONTACT = re.compile(
    r"""
    (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})
    | (?P<url>(?:https?://|www\.)[^\s<>]*[^\s<>.,;:)])
    | (?P<phone>\+?[0-9০-৯][0-9০-৯ \-]{5,}[0-9০-৯])
    """,
    re.VERBOSE | re.IGNORECASE,
)


@register.filter(needs_autoescape=True)
def contact_links(value, autoescape=True):
    """Free contact text (a GRS tier's address) with its e-mails, web addresses and phone numbers
    as mailto:, https: and tel: links; the rest escaped, phone digits in the page's digits."""
    text = str(value or "")
    esc = conditional_escape if autoescape else (lambda part: part)
    html, position = [], 0
    for match in _CONTACT.finditer(text):
        kind, found = match.lastgroup, match.group()
        if kind == "phone" and len(re.sub(r"\D", "", found.translate(TO_ASCII_DIGITS))) < 8:
            continue  # a house or gate number, not a telephone
        html.append(esc(bn_digits(text[position : match.start()])))
        if kind == "email":
            link = format_html('<a href="mailto:{}">{}</a>', found, identifier(found))
        elif kind == "url":
            href = found if "://" in found else f"https://{found}"
            link = format_html('<a href="{}">{}</a>', href, identifier(found))
        else:
            link = format_html('<a href="tel:{}">{}</a>', tel_href(found), bn_digits(found))
        html.append(link)
        position = match.end()
    html.append(esc(bn_digits(text[position:])))
    return mark_safe("".join(str(part) for part in html))

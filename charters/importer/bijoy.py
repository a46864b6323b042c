"""Bijoy (SutonnyMJ family) text to Unicode Bengali.

Most offices type Bengali in the legacy Bijoy encoding: ASCII and Latin-1/Windows-1252 code
points that the SutonnyMJ fonts draw as Bengali, in visual order. So the conversion is a table
(one Bijoy code point, or a few, to Unicode) and then two moves into Unicode's logical order:
the pre-base vowel signs ি ে ৈ (and the first half of ো ৌ), typed before their consonant cluster,
go after it; the reph (©), typed after the cluster it sits on, goes before it as র্.

The table is our own, tested word by word on the five seed charters (tests/charters/test_bijoy.py);
it was checked against the two-way table of banglakit/bondhon (MIT licence, (c) 2019 BanglaKit),
whose readings of ø (স্ন), Í (ত্ম) and ÿ (ড়্গ) we do not follow: in SutonnyMJ ø is the la-phala,
Í the lower ত of ন্ত / স্ত and ÿ the later code of ক্ষ. Several shapes have more than one code (two ra-phalas, three b-phalas …);
every one is read.
"""

import re
import unicodedata

HASANTA = "\u09cd"
ZWJ, ZWNJ = "\u200d", "\u200c"
_REPH = "\ue000"  # where a © stood, until it is moved before its cluster

# Bijoy code point(s) → Unicode. Half forms (š ¯ …) end in a hasanta and the lower forms they
# stand on begin with one; the doubled hasanta is dropped afterwards, so "¯" + "—" is স্ত and
# "¯" + "c" is স্প alike.
TABLE = {
    # vowels
    "A": "অ", "Av": "আ", "B": "ই", "C": "ঈ", "D": "উ", "E": "ঊ", "F": "ঋ", "G": "এ", "H": "ঐ",
    "I": "ও", "J": "ঔ",
    # consonants
    "K": "ক", "L": "খ", "M": "গ", "N": "ঘ", "O": "ঙ", "P": "চ", "Q": "ছ", "R": "জ", "S": "ঝ",
    "T": "ঞ", "U": "ট", "V": "ঠ", "W": "ড", "X": "ঢ", "Y": "ণ", "Z": "ত", "_": "থ", "`": "দ",
    "a": "ধ", "b": "ন", "c": "প", "d": "ফ", "e": "ব", "f": "ভ", "g": "ম", "h": "য", "i": "র",
    "j": "ল", "k": "শ", "l": "ষ", "m": "স", "n": "হ", "o": "ড়", "p": "ঢ়", "q": "য়", "r": "ৎ",
    "s": "ং", "t": "ঃ", "u": "ঁ",
    # vowel signs: w ‡ † ˆ ‰ are pre-base (moved later), Š is the length mark of ৌ
    "v": "া", "w": "ি", "x": "ী", "y": "ু", "z": "ু", "~": "ূ", "‚": "ূ", "ƒ": "ূ", "„": "ৃ", "…": "ৃ",
    "‡": "ে", "†": "ে", "ˆ": "ৈ", "‰": "ৈ", "Š": "ৗ",
    # ligatures of a consonant and its vowel sign
    "¸": "গু", "ï": "শু", "û": "হু", "ü": "হৃ", "i“": "রু", "iæ": "রু", "iƒ": "রূ", "i~": "রূ",
    # signs and phalas
    "©": _REPH, "¨": "্য", "ª": "্র", "Ö": "্র", "«": "্র", "ø": "্ল", "¬": "্ল", "\xad": "্ল",
    "^": "্ব", "Ÿ": "্ব", "¡": "্ব", "¦": "্ব", "¢": "্ভ", "£": "্ভ্র", "¥": "্ম", "§": "্ম",
    "œ": "্ন", "è": "্ণ", "—": "্ত", "Í": "্ত", "¿": "্ত্র", "‹": "্ক", "Œ": "্ক্র", "ú": "্প",
    "&": HASANTA + ZWNJ, "i¨": "র" + ZWJ + "্য",
    # half forms, followed by a lower form or a full consonant
    "š": "ন্", "›": "ন্", "¯": "স্", "®": "ষ্", "¤": "ম্", "™": "দ্", "˜": "দ্", "•": "ঙ্",
    # single-code-point conjuncts
    "°": "ক্ক", "±": "ক্ট", "²": "ক্ষ্ম", "³": "ক্ত", "´": "ক্ম", "µ": "ক্র", "¶": "ক্ষ", "·": "ক্স",
    "»": "গ্ধ", "¼": "ঙ্ক", "½": "ঙ্গ", "¾": "জ্জ", "À": "জ্ঝ", "Á": "জ্ঞ", "Â": "ঞ্চ", "Ã": "ঞ্ছ",
    "Ä": "ঞ্জ", "Å": "ঞ্ঝ", "Æ": "ট্ট", "Ç": "ড্ড", "È": "ণ্ট", "É": "ণ্ঠ", "Ê": "ণ্ড", "Ë": "ত্ত",
    "Ì": "ত্থ", "Î": "ত্র", "Ï": "দ্দ", "×": "দ্ধ", "Ø": "দ্ব", "Ù": "দ্ম", "Ú": "ন্ঠ", "Û": "ন্ড",
    "Ü": "ন্ধ", "Ý": "ন্স", "Þ": "প্ট", "ß": "প্ত", "à": "প্প", "á": "প্স", "â": "ব্জ", "ã": "ব্দ",
    "ä": "ব্ধ", "å": "ভ্র", "ç": "ম্ফ", "é": "ল্ক", "ê": "ল্গ", "ë": "ল্ট", "ì": "ল্ড", "í": "ল্প",
    "î": "ল্ফ", "ð": "শ্চ", "ñ": "শ্ছ", "ò": "ষ্ণ", "ó": "ষ্ট", "ô": "ষ্ঠ", "õ": "ষ্ফ", "ö": "স্খ",
    "÷": "স্ট", "ù": "স্ফ", "ý": "হ্ন", "þ": "হ্ম", "ÿ": "ক্ষ",
    # digits and punctuation that differ from ASCII
    **{str(d): chr(0x09E6 + d) for d in range(10)},
    "|": "।", "Ò": "“", "Ó": "”", "Ô": "‘", "Õ": "’", "Ñ": "—",
}  # fmt: skip

# Code points that are a letter part in one place and punctuation in another (SutonnyMJ draws
# them so): “ is ু after a letter, ” the half চ before চ ছ ঞ, ’ and ‘ the lower থ / তু of স and ন,
# æ a ু after র, else ম্ন. Elsewhere they are the quotation marks a Word file typed.
_AFTER_LETTER = {"“": "ু"}
_HALF_CHA_BEFORE = set("PQT¡Ÿ¨")
_ON_HALVES = {"’": "্থ", "‘": "্তু"}
_LONGEST = max(len(key) for key in TABLE)

_CONSONANT = "[\u0995-\u09b9\u09dc\u09dd\u09df]\u09bc?"
_CLUSTER = f"(?:র্(?={_CONSONANT}))?{_CONSONANT}(?:{ZWJ}?{HASANTA}{_CONSONANT})*"
_PRE_BASE = re.compile(f"([িেৈ])({_CLUSTER})")
_REPH_AFTER = re.compile(f"({_CONSONANT}(?:{ZWJ}?{HASANTA}{_CONSONANT})*)([াীুূৃৗ]?){_REPH}")


def to_unicode(text):
    """The Unicode Bengali of a Bijoy text (NFC). Spaces, tabs and line breaks are kept."""
    out, index = [], 0
    while index < len(text):
        char = text[index]
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in _AFTER_LETTER and not (before.isspace() or before in "([{/-–—:;,'\"ÒÔ“‘"):
            out.append(_AFTER_LETTER[char])
        elif char == "”" and after in _HALF_CHA_BEFORE:
            out.append("চ্")
        elif char in _ON_HALVES and before in "š¯›":
            out.append(_ON_HALVES[char])
        elif char == "æ":
            out.append("ু" if before in "iªÖ«" else "ম্ন")
        else:
            for size in range(min(_LONGEST, len(text) - index), 0, -1):
                piece = text[index : index + size]
                if piece in TABLE:
                    out.append(TABLE[piece])
                    index += size
                    break
            else:
                out.append(char)
                index += 1
            continue
        index += 1
    unicode = "".join(out).replace(HASANTA + HASANTA, HASANTA)
    # The reph goes before the cluster it was typed after (past a vowel sign typed before it).
    unicode = _REPH_AFTER.sub(lambda m: "র্" + m.group(1) + m.group(2), unicode).replace(_REPH, "র্")
    # A pre-base vowel sign goes after its cluster; ে + া and ে + ৗ then compose to ো and ৌ.
    unicode = _PRE_BASE.sub(lambda m: m.group(2) + m.group(1), unicode)
    return unicodedata.normalize("NFC", unicode)


# --- telling Bijoy text from English and Unicode by its content -------------------------------

# Code points Bijoy text is full of and English text hardly has (vowel signs, phalas, reph, halves).
_BIJOY_MARKS = set("‡†ˆ‰Š©¨ªÖø¯š›®¤¶³µ×ØÎËÁÂÄ½¼÷óô…„‚“æœ¡Ÿ¥§")
# Kept as they are in a text with no fonts: URLs, e-mail addresses, and the HTML tags of an export.
_KEEP = re.compile(r"(?:https?://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|</?[a-z]+\s*/?>", re.ASCII)
_BENGALI = re.compile("[\u0980-\u09ff]")


def bijoy_likelihood(text):
    """How much the text looks like Bijoy, 0 to 1: the share of its letters that are Bijoy's vowel
    signs and marks, weighed against English (where v, w, x are rare and ‡ © ¨ absent). Unicode
    Bengali and the e-mails and URLs are not counted."""
    text = _KEEP.sub(" ", text)
    letters = [c for c in text if c.isalpha() or c in _BIJOY_MARKS or c in "`_~^"]
    if not letters or len(_BENGALI.findall(text)) > len(letters) * 0.3:
        return 0.0
    marks = sum(1 for c in letters if c in _BIJOY_MARKS)
    # "v" (া) and "w" (ি) are about one letter in eight of Bijoy, one in a hundred of English.
    signs = sum(1 for c in letters if c in "vwx")
    return min(1.0, (marks * 4 + signs * 2) / len(letters))


def looks_like_bijoy(text):
    return bijoy_likelihood(text) >= 0.3


def text_to_unicode(text):
    """A text with no font information, converted where it is Bijoy: the e-mails and URLs in it
    are kept as they are."""
    parts, last = [], 0
    for match in _KEEP.finditer(text):
        parts.append(to_unicode(text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(to_unicode(text[last:]))
    return "".join(parts)


# --- fonts ----------------------------------------------------------------------------------------

_BIJOY_FONT = re.compile(r"MJ(?:\b|_|$)|^(?:Sutonny|Sulekha|Torsa|Jugantor|Anondo|Bijoy)", re.IGNORECASE)


def is_bijoy_font(name):
    """A font of the Bijoy family by its name: SutonnyMJ, SutonnyOMJ, TorsaMJ … (a PDF's subset
    prefix "ABCDEF+" and a style suffix like ",Bold" allowed). Nikosh, Kalpurush, SolaimanLipi and
    the Latin fonts are not."""
    if not name:
        return False
    name = name.split("+", 1)[-1].split(",", 1)[0].replace(" ", "")
    return bool(_BIJOY_FONT.search(name))


def run_to_unicode(text):
    """The text of a run in a Bijoy font: converted, unless it is already Unicode Bengali (an
    OpenType "OMJ" font holds Unicode)."""
    if _BENGALI.search(text):
        return text
    return to_unicode(text)

"""Unicode Bengali to Bijoy (SutonnyMJ), to make Bijoy-typed files of the seed charters.

The reverse of charters/importer/bijoy.py, written syllable by syllable the way a Bijoy typist's
keyboard writes them: the pre-base vowel sign first, then the cluster in its SutonnyMJ glyphs, the
reph (©) after the cluster, then the post-base sign. Where SutonnyMJ has more than one code for
a shape, this picks one (Ö for a ra-phala under a narrow letter, ª elsewhere); the importer reads
all of them. Latin text (e-mails, URLs, "ICT", ASCII digits) cannot be written in Bijoy: a
SutonnyMJ run would draw it as Bengali, so `segments` keeps it apart for a Latin run.
"""

import re
import unicodedata

C = "[\u0995-\u09b9\u09dc\u09dd\u09df]\u09bc?"
H = "\u09cd"

LETTERS = dict(zip("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ", "KLMNOPQRSTUVWXYZ_`abcdefghijklmn", strict=True))
LETTERS.update({"ড়": "o", "ঢ়": "p", "য়": "q"})
VOWELS = dict(zip("অইঈউঊঋএঐওঔ", "ABCDEFGHIJ", strict=True)) | {"আ": "Av"}
SIGNS = {"ং": "s", "ঃ": "t", "ঁ": "u", "ৎ": "r", "।": "|", "“": "Ò", "”": "Ó", "‘": "Ô", "’": "Õ"}
SIGNS |= {chr(0x09E6 + d): str(d) for d in range(10)}
POST = {"া": "v", "ী": "x", "ু": "y", "ূ": "~", "ৃ": "…", "ো": "v", "ৌ": "Š"}
PRE = {"ি": "w", "ে": "‡", "ৈ": "ˆ", "ো": "‡", "ৌ": "‡"}

CONJUNCTS = {
    "ক্ক": "°", "ক্ট": "±", "ক্ত": "³", "ক্ম": "´", "ক্র": "µ", "ক্ষ": "¶", "ক্ষ্ম": "²", "ক্স": "·",
    "গ্ধ": "»", "ঙ্ক": "¼", "ঙ্গ": "½", "জ্জ": "¾", "জ্ঝ": "À", "জ্ঞ": "Á", "ঞ্চ": "Â", "ঞ্ছ": "Ã",
    "ঞ্জ": "Ä", "ঞ্ঝ": "Å", "ট্ট": "Æ", "ড্ড": "Ç", "ণ্ট": "È", "ণ্ঠ": "É", "ণ্ড": "Ê", "ত্ত": "Ë",
    "ত্থ": "Ì", "ত্র": "Î", "দ্দ": "Ï", "দ্ধ": "×", "দ্ব": "Ø", "দ্ম": "Ù", "ন্ঠ": "Ú", "ন্ড": "Û",
    "ন্ধ": "Ü", "ন্স": "Ý", "প্ট": "Þ", "প্ত": "ß", "প্প": "à", "প্স": "á", "ব্জ": "â", "ব্দ": "ã",
    "ব্ধ": "ä", "ভ্র": "å", "ম্ফ": "ç", "ল্ক": "é", "ল্গ": "ê", "ল্ট": "ë", "ল্ড": "ì", "ল্প": "í",
    "ল্ফ": "î", "শ্চ": "ð", "শ্ছ": "ñ", "ষ্ণ": "ò", "ষ্ট": "ó", "ষ্ঠ": "ô", "ষ্ফ": "õ", "স্খ": "ö",
    "স্ট": "÷", "স্ফ": "ù", "হ্ন": "ý", "হ্ম": "þ",
    # on a half form
    "ন্ত": "š—", "ন্ত্র": "š¿", "ন্থ": "š’", "ন্ব": "š^", "ন্দ": "›`", "ন্ট": "›U", "স্ত": "¯—",
    "স্ত্র": "¯¿", "স্থ": "¯’", "স্ক": "¯‹", "স্ক্র": "¯Œ", "স্প": "¯c", "স্ব": "¯^", "স্ম": "¯§",
    "স্ল": "¯¬", "স্ন": "¯œ", "ষ্ক": "®‹", "ষ্প": "®c", "ষ্ম": "®§", "ম্প": "¤c", "ম্ব": "¤^",
    "ম্ভ": "¤¢", "ম্ম": "¤§", "ম্ল": "¤¬", "দ্ভ": "™¢", "দ্ঘ": "™N", "দ্গ": "˜M", "ঙ্খ": "•L",
    "ঙ্ঘ": "•N", "ঙ্ক্ষ": "•¶", "চ্চ": "”P", "চ্ছ": "”Q",
}  # fmt: skip
PHALAS = {"য": "¨", "র": "ª", "ল": "ø", "ব": "¡", "ম": "¥", "ন": "œ"}
NARROW = set("পগফ")  # letters whose ra-phala is the narrow Ö

SYLLABLE = re.compile(f"(র্(?={C}))?((?:{C}{H})*{C})([ািীুূৃেৈোৌ]?)")
LATIN = re.compile(r"[!-~]*[A-Za-z0-9][!-~]*")


def _cluster(body):
    if body.startswith("র\u200d্য"):  # র‍্য (RAB): র with a ya-phala, not a reph
        return "i¨" + _cluster(body[3:]) if len(body) > 3 else "i¨"
    out, index = [], 0
    while index < len(body):
        for size in (5, 3):
            if body[index : index + size] in CONJUNCTS:
                out.append(CONJUNCTS[body[index : index + size]])
                index += size
                break
        else:
            if body[index] == H:
                phala = body[index + 1]
                if phala not in PHALAS:
                    raise ValueError(f"no Bijoy shape for {body!r}")
                out.append("Ö" if phala == "র" and body[index - 1] in NARROW else PHALAS[phala])
                index += 2
            else:
                pair = body[index : index + 2]
                size = 2 if pair in LETTERS else 1
                out.append(LETTERS[body[index : index + size]])
                index += size
    return "".join(out)


def to_bijoy(text):
    """The Bijoy of a Bengali text with no Latin letters or ASCII digits in it."""
    text = unicodedata.normalize("NFC", text)
    out, index = [], 0
    while index < len(text):
        match = SYLLABLE.match(text, index)
        if match and match.group(2):
            reph, body, sign = match.groups()
            cluster = _cluster(body) + ("©" if reph else "")
            if body == "র" and sign == "ু":
                out.append("i“")
            else:
                out.append(PRE.get(sign, "") + cluster + POST.get(sign, ""))
            index = match.end()
            continue
        char = text[index]
        if char in VOWELS or char in SIGNS:
            out.append(VOWELS.get(char) or SIGNS[char])
        elif "\u0980" <= char <= "\u09ff" or re.match(r"[A-Za-z0-9|`_~^&]", char):
            raise ValueError(f"cannot write {char!r} in Bijoy (in {text!r})")
        else:
            out.append(char)
        index += 1
    return "".join(out)


def segments(text):
    """The text as (piece, is_bijoy): Latin pieces (any non-space ASCII run with a letter or digit:
    e-mails, URLs, ICT, 05/12/2023) apart, the rest in Bijoy."""
    parts, last = [], 0
    for match in LATIN.finditer(text):
        if match.start() > last:
            parts.append((to_bijoy(text[last : match.start()]), True))
        parts.append((match.group(), False))
        last = match.end()
    if last < len(text):
        parts.append((to_bijoy(text[last:]), True))
    return parts

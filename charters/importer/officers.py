"""Officers as the charters write them in a cell, and one entry per person however often named."""

import re
from dataclasses import dataclass, field

from charter_portal.bangla import TO_ASCII_DIGITS, any_encoding_pattern
from charters.document import OfficerEntry

from .words import clean_cell, has_words, word_key

# --- officers ---------------------------------------------------------------------------------

DESIGNATIONS = [
    "সহকারী রক্ষণাবেক্ষণ প্রকৌশলী",
    "রক্ষণাবেক্ষণ প্রকৌশলী",
    "সহকারী প্রোগ্রামার",
    "প্রোগ্রামার",
    "উপজেলা আইসিটি অফিসার",
    "জেলা আইসিটি অফিসার",
    "সিস্টেম এনালিস্ট",
    "সহকারী সিস্টেম এনালিস্ট",
    "সহকারী পরিচালক",
    "উপ-পরিচালক",
    "উপপরিচালক",
    "পরিচালক",
    "মহাপরিচালক",
    "অতিরিক্ত পরিচালক",
    "হিসাবরক্ষক",
    "অফিস সহকারী",
    "কম্পিউটার অপারেটর",
]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_PHONE_PART = re.compile(r"\+?[০-৯0-9]+(?:-[০-৯0-9]+)*")


def _words(*words):
    """A regex alternation of Bengali words, matching either encoding of their composite letters."""
    return "|".join(any_encoding_pattern(word) for word in words)


_LABEL = re.compile(
    rf"(?:{_words('ফোন', 'মোবাইল', 'ই-মেইল', 'ই মেইল', 'ইমেইল', 'ওয়েব', 'ফ্যাক্স')}|E-?mail|Fax)\s*[:ঃ]?", re.IGNORECASE
)
_CODE = re.compile(rf"(?:{_words('উপজেলা কোড')})\s*[:ঃ]?\s*([০-৯0-9]+)")
_ROOM = re.compile(rf"(?:{_words('রুম নম্বর', 'রুম নং', 'কক্ষ নম্বর', 'কক্ষ নং')})\s*[:ঃ]?\s*([০-৯0-9A-Za-z-]+)")


def _phones(text):
    """Phone numbers, and the text without them. Groups separated by spaces are one number
    until it has ten digits ("+৮৮০ ২৪১ ০২৪০৭০"); a full number after it is another
    ("+০২৫৮৮৮৭৩৪২৪ ০১৭২১১৩৩১২৩")."""
    phones, current, spans = [], None, []
    for match in _PHONE_PART.finditer(text):
        digits = len(re.sub(r"\D", "", match.group()))
        gap = text[current[1] : match.start()] if current else None
        if current and gap.strip() == "" and "\n" not in gap and current[2] < 10:
            current = (current[0], match.end(), current[2] + digits)
        else:
            if current:
                spans.append(current)
            current = (match.start(), match.end(), digits)
    if current:
        spans.append(current)
    for start, end, digits in spans:
        if digits >= 6:
            phones.append(re.sub(r"\s+", " ", text[start:end]))
    for start, end, digits in reversed(spans):
        if digits >= 6:
            text = text[:start] + " " + text[end:]
    return phones, text


def _mend_emails(text):
    """Join e-mail addresses a PDF line-wrap broke with a space: 'x@g mail.com', 'x@gmail .com'."""
    return re.sub(
        r"([\w.+-]+@[\w-]*)\s+(\.?[\w-]*\.[A-Za-z]{2,})\b",
        lambda m: m.group(1) + m.group(2) if "." not in m.group(1).split("@")[1] else m.group(0),
        text,
    )


@dataclass
class OfficerMention:
    line: int
    name: str = ""
    designation: str = ""
    branch: str = ""
    phones: list = field(default_factory=list)
    emails: list = field(default_factory=list)
    upazila_code: str = ""
    room: str = ""
    office_words: str = ""
    leftovers: list = field(default_factory=list)


def parse_officer(text, line):
    """Pull name, designation, branch, phones, e-mails and codes out of an officer cell."""
    text = _mend_emails(clean_cell(text))
    mention = OfficerMention(line)
    mention.emails = _EMAIL.findall(text)
    rest = _EMAIL.sub(" ", text)
    urls = _URL.findall(rest)
    rest = _URL.sub(" ", rest)
    code = _CODE.search(rest)
    if code:
        mention.upazila_code = code.group(1)
        rest = rest.replace(code.group(0), " ")
    room = _ROOM.search(rest)
    if room:
        mention.room = room.group(1)
        rest = rest.replace(room.group(0), " ")
    mention.phones, rest = _phones(rest)
    rest = _LABEL.sub(" ", rest)
    mention.leftovers = urls  # the office's site, printed beside its officer
    lines = [re.sub(r"\s+", " ", part).strip(" ,") for part in rest.split("\n")]
    lines = [part for part in lines if part]
    words = " ".join(lines)
    if has_words(words, "জেলা কার্যালয়", "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর", "প্রধান কার্যালয়"):
        # A post in another office: "প্রোগ্রামার / তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর / জেলা কার্যালয় / মাগুরা।"
        mention.office_words = words
        words = lines[0] if lines else ""
    _split_name_and_designation(mention, words)
    return mention


def _split_name_and_designation(mention, words):
    words = words.strip()
    found = []
    for designation in DESIGNATIONS:
        for match in re.finditer(any_encoding_pattern(designation), words):
            found.append((match.start(), -len(designation), match.end()))
    if not found:
        if re.match(rf"(?:{_words('জনাব', 'বেগম', 'মোঃ', 'মো:', 'মোছাঃ', 'ড.', 'ডঃ')})", words):
            mention.name = words
        else:
            mention.designation = words
        return
    found.sort()
    start, _, end = found[0]
    before, after = words[:start].strip(" ,"), words[end:].strip(" ,")
    first = words[start:end]
    if after and any(after.startswith(words[s:e]) for s, _, e in found[1:] if s >= end):
        # "উপজেলা আইসিটি অফিসার উপজেলা আইসিটি অফিসার": the branch, then the designation.
        mention.name, mention.branch, mention.designation = before, first, after
    else:
        mention.name, mention.designation = before, (first + (" " + after if after else "")).strip()


class OfficerBook:
    """One OfficerEntry per person, however often, and however inconsistently, the document names them."""

    def __init__(self, warn):
        self.warn = warn
        self.groups = []  # [(set of identity keys, [mentions])]

    @staticmethod
    def identities(mention):
        keys = {("email", e.lower()) for e in mention.emails}
        keys |= {("phone", re.sub(r"\D", "", p.translate(TO_ASCII_DIGITS))[-8:]) for p in mention.phones}
        if mention.name:
            keys.add(("name", word_key(mention.name)))
        return keys

    def add(self, mention):
        keys = self.identities(mention)
        if not keys and mention.designation:
            keys = {("designation", word_key(mention.designation), word_key(mention.office_words))}
        matches = [group for group in self.groups if group[0] & keys]
        if matches:
            target = matches[0]
            for other in matches[1:]:
                target[0].update(other[0])
                target[1].extend(other[1])
                self.groups.remove(other)
            target[0].update(keys)
            target[1].append(mention)
        else:
            target = (set(keys), [mention])
            self.groups.append(target)
        return target

    def finish(self, office_key_for_words):
        """Turn each group of mentions into one OfficerEntry, keeping its most frequent values."""
        entries = {}
        for _keys, mentions in self.groups:

            def most_frequent(values, what):
                values = [v for v in values if v]
                if not values:
                    return ""
                best = max(dict.fromkeys(values), key=values.count)
                others = sorted(set(values) - {best})
                if others:
                    lines = sorted({m.line for m in mentions})
                    self.warn(lines[0], f"একই কর্মকর্তার {what} অন্য জায়গায় {', '.join(others)} লেখা; রাখা হয়েছে {best}")
                return best

            emails = [m.emails[0] for m in mentions if m.emails]
            second_emails = {e for m in mentions for e in m.emails[1:]}
            for email in sorted(second_emails):
                line = next(m.line for m in mentions if email in m.emails[1:])
                self.warn(line, f"কর্মকর্তার পাশে দ্বিতীয় ই-মেইল {email} রাখা হয়নি (একজন কর্মকর্তার একটি ই-মেইল থাকে)")
            phones = [m.phones[0] for m in mentions if m.phones]
            mobiles = [p for m in mentions for p in m.phones[1:2]]
            entry = OfficerEntry(
                name=most_frequent([m.name for m in mentions], "নাম"),
                designation=most_frequent([m.designation for m in mentions], "পদবি"),
                branch=most_frequent([m.branch for m in mentions], "শাখা"),
                phone=most_frequent(phones, "ফোন"),
                mobile=most_frequent(mobiles, "দ্বিতীয় ফোন"),
                email=most_frequent(emails, "ই-মেইল"),
                room=most_frequent([m.room for m in mentions], "কক্ষ"),
                upazila_code=most_frequent([m.upazila_code for m in mentions], "উপজেলা কোড"),
                office_key=office_key_for_words(next((m.office_words for m in mentions if m.office_words), "")),
            )
            for mention in mentions:
                entries[id(mention)] = entry
        return entries

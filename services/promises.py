"""The promise as a number: a service's free-text time limit read as (kind, days), in one place.

Kinds: ``working_days`` (N working days of the portal's calendar), ``calendar_days`` (every day
counts; weeks, months and years become days), ``same_day`` (তাৎক্ষণিক: the day of receipt, days
0) and ``none`` (nothing to measure against: "নির্দেশনা অনুযায়ী", "প্রাপ্ত পত্র অনুযায়ী").

Where a text names more than one limit ("তাৎক্ষণিক/ ০২ কার্যদিবস") the office promises the
longest of them, so that is the promise. "তাৎক্ষণিক/ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", the seeds'
commonest phrase, names no number of days beside "immediately": it reads as the same day. Staff may confirm or correct what is read here
(``promise_kind`` and ``promise_days`` on the service); a service without that reads its text.
"""

import math
import re
import unicodedata
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import ascii_digits, bn_digits


class PromiseKind(models.TextChoices):
    WORKING_DAYS = "working_days", _("কার্যদিবস")
    CALENDAR_DAYS = "calendar_days", _("দিন (সব দিন গণনা)")
    SAME_DAY = "same_day", _("একই দিনে (তাৎক্ষণিক)")
    NONE = "none", _("পরিমাপযোগ্য নয়")


# The kinds whose promise needs a number of days.
COUNTED = {PromiseKind.WORKING_DAYS, PromiseKind.CALENDAR_DAYS}


class Promise(NamedTuple):
    kind: str
    days: int | None  # None for ``none``; 0 for ``same_day``

    @property
    def measurable(self):
        return self.kind != PromiseKind.NONE

    def as_json(self):
        return {"kind": str(self.kind), "days": self.days}

    @property
    def words(self):
        """The promise in words, in the active language and digits: "৫ কার্যদিবসের মধ্যে"."""
        if self.kind == PromiseKind.WORKING_DAYS:
            return gettext("%(days)s কার্যদিবসের মধ্যে") % {"days": bn_digits(self.days)}
        if self.kind == PromiseKind.CALENDAR_DAYS:
            return gettext("%(days)s দিনের মধ্যে") % {"days": bn_digits(self.days)}
        if self.kind == PromiseKind.SAME_DAY:
            return gettext("একই দিনে (তাৎক্ষণিক)")
        return gettext("সময়ের হিসাব রাখা যায় না")

    @classmethod
    def of(cls, kind, days):
        """A promise from stored fields, with its days as the kind wants them."""
        if kind == PromiseKind.SAME_DAY:
            return cls(PromiseKind.SAME_DAY.value, 0)
        if kind in COUNTED:
            return cls(str(kind), int(days))
        return NONE


NONE = Promise(PromiseKind.NONE.value, None)
SAME_DAY = Promise(PromiseKind.SAME_DAY.value, 0)

# Number words the charters write beside (or instead of) the digits: "০৫ (পাঁচ) কার্যদিবস".
_WORDS = {
    "এক": 1,
    "দুই": 2,
    "তিন": 3,
    "চার": 4,
    "পাঁচ": 5,
    "ছয়": 6,
    "সাত": 7,
    "আট": 8,
    "নয়": 9,
    "দশ": 10,
    "পনের": 15,
    "পনেরো": 15,
    "বিশ": 20,
    "ত্রিশ": 30,
}
NUMBER_WORDS = {unicodedata.normalize("NFC", word): n for word, n in _WORDS.items()}
# Units, working days first (কার্যদিবস holds দিবস); each with what one of it is in days.
UNITS = [
    (PromiseKind.WORKING_DAYS, 1, r"(?:কার্য|কর্ম)(?:দিবস|দিন)|workingdays?|workdays?|businessdays?"),
    (PromiseKind.CALENDAR_DAYS, 1, r"দিবস|দিন|days?"),
    (PromiseKind.CALENDAR_DAYS, 7, r"সপ্তাহ|weeks?"),
    (PromiseKind.CALENDAR_DAYS, 30, r"মাস|months?"),
    (PromiseKind.CALENDAR_DAYS, 365, r"বছর|years?"),
    ("hours", 1, r"ঘণ্টা|ঘন্টা|hours?"),
]
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = rf"(?:\d+|{_WORD})"
# A number (or a range, whose end is the promise), an optional "(পাঁচ)", then its unit.
_LIMIT = re.compile(
    rf"(?P<low>{_NUMBER})(?:(?:-|–|—|থেকে|হতে|to)(?P<high>{_NUMBER}))?(?:\([^)]*\))?(?P<unit>"
    + "|".join(f"(?P<u{i}>{pattern})" for i, (_, _, pattern) in enumerate(UNITS))
    + ")"
)
# "According to" a letter or an instruction: the time is set elsewhere, so nothing to measure.
_ELSEWHERE = re.compile(r"অনুযা|according|asper")
_IMMEDIATE = re.compile(r"তাৎক্ষ[ণন]িক|তাত্ক্ষ[ণন]িক|সাথেসাথে|সঙ্গেসঙ্গে|একইদিন|immediate|sameday|instant")


def _compact(text):
    """The text with every spelling of a word made one: NFC, ASCII digits, no joiners, no
    spaces (the seeds break "কার্যদিব স"), lower case."""
    text = unicodedata.normalize("NFC", ascii_digits(text or "")).lower()
    return re.sub(r"[\s\u200c\u200d]+", "", text)


def _number(token):
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def read_promise(text):
    """The promise a time-limit text makes, as a ``Promise``: the one reading of every phrasing."""
    compact = _compact(text)
    found = []
    for match in _LIMIT.finditer(compact):
        count = _number(match["high"] or match["low"])
        index = next(i for i in range(len(UNITS)) if match[f"u{i}"])
        kind, days_each, _pattern = UNITS[index]
        if kind == "hours":
            # Within a day is the same day; longer counts whole days.
            found.append(SAME_DAY if count < 24 else Promise(PromiseKind.CALENDAR_DAYS.value, math.ceil(count / 24)))
        elif count > 0:
            found.append(Promise(kind.value, count * days_each))
    counted = [promise for promise in found if promise.kind != PromiseKind.SAME_DAY]
    if counted:
        kinds = {promise.kind for promise in counted}
        if len(kinds) > 1:
            return NONE  # working and calendar days in one text: which is meant is for staff to say
        return max(counted, key=lambda promise: promise.days)
    if found or (_IMMEDIATE.search(compact) and not _ELSEWHERE.search(compact)):
        return SAME_DAY
    return NONE


def promise_in_document(service):
    """The promise of a service in a version document: the one published with it, or, for a
    version published before promises were, the reading of its Bengali time limit."""
    published = service.get("promise")
    if published is not None:
        return Promise.of(published["kind"], published["days"])
    return read_promise(service["time_limit"]["bn"])


def promise_fields(service):
    """A document's service's promise as the fields of Service and ServiceListing."""
    promise = promise_in_document(service)
    return {"promise_kind": promise.kind, "promise_days": promise.days if promise.kind in COUNTED else None}

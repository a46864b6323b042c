"""The promise as a number: every time limit the five seed charters print reads as one promise,
and the phrasings other charters use (calendar days, weeks, months, hours, English) too."""

import unicodedata
from pathlib import Path

import pytest

from charters.importer import read_charter_text
from services.promises import Promise, read_promise
from tests.support import ROOT

# Every distinct time limit of the five seeds, as the importer reads it, and its promise.
SEED_PROMISES = [
    ("০৫ (পাঁচ) কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 5),
    ("০৩ (তিন) কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 3),
    # "Immediately, or at most N working days": the longest of the two is the promise.
    ("তাৎক্ষণিক/ ০২ কার্যদিবস", "working_days", 2),
    ("তাৎক্ষণিক/ ০২ কার্যদিবস (প্রয়োজ্য ক্ষেত্রে)", "working_days", 2),
    ("তাৎক্ষনিক/ ০৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 3),
    ("তাৎক্ষনিক/ ০২ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 2),
    ("তাৎক্ষনিক/ ০৭ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 7),
    ("তাৎক্ষনিক/ 3 কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 3),
    ("তাৎক্ষনিক/ ৭ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 7),
    ("তাৎক্ষনিক/ 7 কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 7),
    ("তাৎক্ষনিক/ 3 কার্যদিবস (প্রযোজ্য ক্ষেত্রে", "working_days", 3),
    ("তাৎক্ষনিক/ 5 কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "working_days", 5),
    ("7 কার্যদিবস/ প্রয়োজন অনুযায়ী", "working_days", 7),
    ("৩ কার্যদিবস/ প্রয়োজন অনুযায়ী", "working_days", 3),
    # "Immediately / working days (where applicable)" names no number of days: the same day.
    ("তাৎক্ষণিক/ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "same_day", 0),
    ("তাৎক্ষণিক/ কার্যদিবস (প্রয়োজ্য ক্ষেত্রে)", "same_day", 0),
    ("তাৎক্ষণিক/কার্যদিব স (প্রযোজ্য ক্ষেত্রে)", "same_day", 0),
    ("তাৎক্ষণিক/কার্য দিবস (প্রয়োজ্য ক্ষেত্রে)", "same_day", 0),
    ("তাৎক্ষণিক/কার্য দিবস (প্রযোজ্য ক্ষেত্রে)", "same_day", 0),
    ("তাৎক্ষনিক/কার্য দিবস (প্রযোজ্য ক্ষেত্রে)", "same_day", 0),
    ("তাৎক্ষনিক/ কার্যদিবস (প্রয়োজ্য ক্ষেত্রে)", "same_day", 0),
    # The working days are those a letter sets: nothing the charter itself promises.
    ("তাৎক্ষনিক/ প্রাপ্ত পত্র অনুযায়ী কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", "none", None),
    ("নির্দেশনা অনুযায়ী", "none", None),
    ("অধিযাচন এর মাধ্যমে, সরাসরি যোগাযোগের মাধ্যমে", "none", None),
]


def seed_time_limits():
    for path in sorted(Path(ROOT / "fixtures" / "seeds").glob("*.txt")):
        for service in read_charter_text(path.read_bytes()).document.services:
            # One encoding of য়, so the table below names each phrasing once.
            yield path.name, service.serial, unicodedata.normalize("NFC", service.time_limit)


def test_every_time_limit_of_the_five_seeds_reads_as_its_promise():
    expected = {unicodedata.normalize("NFC", text): Promise(kind, days) for text, kind, days in SEED_PROMISES}
    limits = list(seed_time_limits())
    assert len(limits) > 80
    unknown = {text for _, _, text in limits} - set(expected)
    assert not unknown, f"a seed phrasing with no expected promise: {unknown}"
    wrong = [
        (name, serial, text, read_promise(text))
        for name, serial, text in limits
        if read_promise(text) != expected[text]
    ]
    assert not wrong


@pytest.mark.parametrize(
    "text, kind, days",
    [
        ("তাৎক্ষণিক", "same_day", 0),
        ("তাৎক্ষণিক (প্রযোজ্য ক্ষেত্রে)", "same_day", 0),
        ("সাথে সাথে", "same_day", 0),
        ("২ ঘণ্টা", "same_day", 0),
        ("৭২ ঘন্টা", "calendar_days", 3),
        ("১৫ দিন", "calendar_days", 15),
        ("৭ (সাত) দিনের মধ্যে", "calendar_days", 7),
        ("২ সপ্তাহ", "calendar_days", 14),
        ("১ মাস", "calendar_days", 30),
        ("০৩ মাস", "calendar_days", 90),
        ("৩-৫ কার্যদিবস", "working_days", 5),
        ("পাঁচ কার্যদিবস", "working_days", 5),
        ("১০ কর্মদিবস", "working_days", 10),
        ("5 working days", "working_days", 5),
        ("Immediately", "same_day", 0),
        ("", "none", None),
        ("প্রয়োজন অনুযায়ী", "none", None),
        # Working and calendar days in one text: which one is meant is for staff to confirm.
        ("৩ কার্যদিবস/ ৭ দিন", "none", None),
    ],
)
def test_other_phrasings(text, kind, days):
    assert read_promise(text) == Promise(kind, days)


def test_decomposed_letters_and_bengali_digits_read_the_same():
    assert read_promise("ছয় কার্যদিবস") == read_promise("ছয\u09bc কার্যদিবস") == Promise("working_days", 6)
    assert read_promise("০৬ কার্যদিবস") == read_promise("06 কার্যদিবস")

"""Tracking numbers that can be read over the phone but not guessed; Bangladeshi mobile numbers."""

import re

import pytest

from grievances.identifiers import (
    TRACKING_ALPHABET,
    new_tracking_number,
    normalise_mobile,
    normalise_tracking_number,
)

TRACKING = re.compile(r"GRS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def test_the_alphabet_has_no_look_alike_letters():
    assert len(TRACKING_ALPHABET) == 32  # 5 bits a character, 8 characters: 40 bits
    assert not set("ILOU") & set(TRACKING_ALPHABET)


def test_tracking_numbers_are_grouped_random_and_different():
    numbers = {new_tracking_number() for _ in range(2000)}
    assert len(numbers) == 2000
    assert all(TRACKING.fullmatch(number) for number in numbers)


@pytest.mark.parametrize(
    "typed",
    [
        "GRS-7K3M-9QXD",
        "grs-7k3m-9qxd",
        "GRS 7K3M 9QXD",
        "7K3M9QXD",
        " 7k3m-9qxd ",
        "GRS–7K3M–9QXD",
        "GRS-৭K৩M-৯QXD",
    ],
)
def test_a_tracking_number_is_read_back_however_it_is_typed(typed):
    assert normalise_tracking_number(typed) == "GRS-7K3M-9QXD"


def test_letters_read_as_digits_are_forgiven():
    assert normalise_tracking_number("GRS-1OIL-0000") == "GRS-1011-0000"


@pytest.mark.parametrize("typed", ["", "GRS-7K3M", "GRS-7K3M-9QXD-7", "GRS-7K3M-9QX!", "GRS-UUUU-UUUU", None])
def test_what_cannot_be_a_tracking_number_is_none(typed):
    assert normalise_tracking_number(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "01711000000",
        "01711-000000",
        "017 1100 0000",
        "+8801711000000",
        "8801711000000",
        "+880 1711-000000",
        "০১৭১১০০০০০০",
        "+৮৮০ ১৭১১ ০০০০০০",
    ],
)
def test_a_mobile_number_is_stored_as_eleven_digits(typed):
    assert normalise_mobile(typed) == "01711000000"


@pytest.mark.parametrize(
    "typed",
    [
        "0171100000",
        "017110000000",
        "01211000000",
        "02589915076",
        "+4401711000000",
        "1711000000",
        "০১৭১১০০০০০",
        "",
        "01711000000x",
    ],
)
def test_what_is_not_a_bangladeshi_mobile_number_is_refused(typed):
    assert normalise_mobile(typed) is None

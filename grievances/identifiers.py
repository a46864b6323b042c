"""The two things a citizen types to find a grievance: its tracking number and their mobile number.

Tracking numbers are random (``secrets``), 8 characters of Crockford's base32 alphabet, which
leaves out I, L, O and U so that nothing is misread over the phone: 40 bits, shown as
``GRS-7K3M-9QXD``. Reading one back forgives what people do: lower case, spaces, dashes, Bengali
digits, the letter O for zero and I or L for one.

Mobile numbers are Bangladeshi: 01[3-9] and eight more digits, optionally after +880 or 880,
in Bengali or ASCII digits, with spaces or dashes; stored as ``01XXXXXXXXX``.
"""

import re
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import ascii_digits

TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_PREFIX = "GRS"
TRACKING_LENGTH = 8  # 8 × 5 bits = 40 bits
TRACKING_NUMBER_MAX_LENGTH = len(TRACKING_PREFIX) + TRACKING_LENGTH + 2

# Crockford's decoding rules for the letters left out of the alphabet.
_LOOK_ALIKES = str.maketrans("OIL", "011")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")


def new_tracking_number():
    code = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))
    return format_tracking_number(code)


def format_tracking_number(code):
    return f"{TRACKING_PREFIX}-{code[:4]}-{code[4:]}"


def normalise_tracking_number(text):
    """The stored form of a tracking number as a citizen typed it, or None if it cannot be one."""
    text = _SEPARATORS.sub("", ascii_digits(text or "")).upper()
    if len(text) == len(TRACKING_PREFIX) + TRACKING_LENGTH and text.startswith(TRACKING_PREFIX):
        text = text[len(TRACKING_PREFIX) :]
    text = text.translate(_LOOK_ALIKES)
    if len(text) != TRACKING_LENGTH or any(ch not in TRACKING_ALPHABET for ch in text):
        return None
    return format_tracking_number(text)


MOBILE_ERROR = _("সঠিক মোবাইল নম্বর লিখুন, যেমন ০১৭১১-০০০০০০ (০১ দিয়ে শুরু, মোট ১১ অঙ্ক)।")
_MOBILE = re.compile(r"01[3-9][0-9]{8}")


def normalise_mobile(text):
    """``01XXXXXXXXX`` for a Bangladeshi mobile number, or None."""
    text = re.sub(r"[\s\-‐‑‒–—().]+", "", ascii_digits(text or ""))
    if text.startswith("+"):
        text = text[1:]
        if not text.startswith("880"):
            return None
    if text.startswith("880"):
        text = text[2:]  # 880 1711… → 01711…
    return text if _MOBILE.fullmatch(text) else None


def validate_mobile(value):
    if normalise_mobile(value) != value:
        raise ValidationError(MOBILE_ERROR, code="invalid_mobile")

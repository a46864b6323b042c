"""The period a page or report covers: ``?from=&to=`` (by date received), a quarter
(``2026Q4``), or by default the last twelve months."""

import datetime
import re

from charter_portal.bangla import ascii_digits

from .figures import last_twelve_months
from .importing import parse_date

_QUARTER = re.compile(r"(\d{4})\s*-?\s*Q([1-4])", re.IGNORECASE)


class PeriodError(ValueError):
    pass


def quarter(text):
    """``(first, last)`` day of a quarter written ``2026Q4``; PeriodError if it is not one."""
    match = _QUARTER.fullmatch(ascii_digits(text or "").strip())
    if not match:
        raise PeriodError("ত্রৈমাসিক এভাবে লিখুন: 2026Q4")
    year, number = int(match[1]), int(match[2])
    first = datetime.date(year, 3 * number - 2, 1)
    following = datetime.date(year + 1, 1, 1) if number == 4 else datetime.date(year, 3 * number + 1, 1)
    return first, following - datetime.timedelta(days=1)


def quarter_of(day):
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def recent_quarters(today, count=4):
    """The last ``count`` quarters, newest first, the current one included: ``[(label, first, last)]``."""
    label = quarter_of(today)
    found = []
    for _ in range(count):
        first, last = quarter(label)
        found.append((label, first, last))
        label = quarter_of(first - datetime.timedelta(days=1))
    return found


def period_of(params, today):
    """``(first, last)`` from request parameters; PeriodError for dates that are not dates."""
    if params.get("quarter"):
        return quarter(params["quarter"])
    default_first, default_last = last_twelve_months(today)
    first, last = default_first, default_last
    if params.get("from"):
        first = parse_date(params["from"])
    if params.get("to"):
        last = parse_date(params["to"])
        if not params.get("from") and last is not None:
            first = last_twelve_months(last)[0]
    if first is None or last is None:
        raise PeriodError("তারিখ YYYY-MM-DD আকারে লিখুন।")
    if first > last:
        raise PeriodError("শুরুর তারিখ শেষের তারিখের পরে হতে পারে না।")
    return first, last

"""The staff pages' parameters, read in one place.

An id is ASCII digits that fit a 64-bit key: "²" passes ``str.isdigit()`` and then breaks
``int()``, and twenty nines overflow the database. A bad parameter is a 400 with a Bengali page
(``templates/400.html``), never a 500.
"""

import re

from django.core.exceptions import BadRequest

_ID = re.compile(r"[0-9]{1,18}")


def parse_id(value):
    """An id from a URL, query string or form, or None."""
    text = "" if value is None else str(value)
    return int(text) if _ID.fullmatch(text) else None


def require_id(value):
    """An id, or a 400."""
    number = parse_id(value)
    if number is None:
        raise BadRequest("not an id")
    return number


_TOO_LONG_A_NUMBER = re.compile(r"[0-9]{19,}")


def unreadable(value):
    """NUL (PostgreSQL refuses it in any text) or a number past a 64-bit key (the database's
    integers overflow: "?office__id__exact=" and twenty nines)."""
    return "\x00" in value or bool(_TOO_LONG_A_NUMBER.fullmatch(value))


def _bad_date_part(key, value):
    """A date hierarchy's ``__year``/``__month``/``__day``: the admin turns it into a datetime,
    which overflows (year 99999999999999999999, year ০১ = 1 made aware, 9999-12 plus a month)
    before its own check for bad lookups."""
    if key.endswith("__year"):
        return not (re.fullmatch(r"[0-9]{4}", value) and 1900 <= int(value) <= 2999)
    if key.endswith(("__month", "__day")):
        return not re.fullmatch(r"[0-9]{1,2}", value)
    return False


def has_unreadable(request):
    return any(
        unreadable(key) or any(unreadable(value) or _bad_date_part(key, value) for value in values)
        for data in (request.GET, request.POST)
        for key, values in data.lists()
    )


class StaffParametersMiddleware:
    """The admin's query strings and forms: a filter value with NUL, a number no key can hold or a
    date hierarchy's year no date can hold would be a 500 (``%00`` in any admin filter,
    ``?date__year=99999999999999999999`` on the holidays); it is a 400 here instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") and has_unreadable(request):
            raise BadRequest("NUL or an overlong number in a parameter")
        return self.get_response(request)

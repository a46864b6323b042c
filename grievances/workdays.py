"""The working-day calendar of the Government of Bangladesh, in one place.

A working day is a day that is not a Friday or a Saturday, not a public holiday the
``holidays`` package knows for Bangladesh (national days, both Eids, Ashura, …), and not a
holiday HQ has entered in the admin (Durga Puja, Buddha Purnima and closures the government
announces during the year, which the package does not have).

Deadlines are counted, never stored: day zero is the day a grievance reaches a tier, and its
deadline is ``add_working_days(day_zero, days)``. A holiday HQ adds later therefore moves the
deadline of every grievance still open.

For one answer, call the module functions; to compute many (a dashboard, the escalation run),
build one ``WorkingCalendar`` and reuse it, so HQ's holidays are read from the database once.
"""

import datetime
from functools import lru_cache

import holidays

COUNTRY = "BD"


@lru_cache(maxsize=1)
def _country():
    return holidays.country_holidays(COUNTRY)


# Friday and Saturday; the package keeps Bangladesh's weekend, so it is not repeated here.
WEEKEND = frozenset(_country().weekend)


@lru_cache(maxsize=64)
def _national_holidays(year):
    return frozenset(holidays.country_holidays(COUNTRY, years=year))


class WorkingCalendar:
    """Working days, with HQ's holidays read once when the calendar is made."""

    def __init__(self, extra_holidays=None):
        if extra_holidays is None:
            from .models import Holiday

            extra_holidays = Holiday.objects.values_list("date", flat=True)
        self.extra_holidays = frozenset(extra_holidays)

    def is_working_day(self, day):
        return not (day.weekday() in WEEKEND or day in _national_holidays(day.year) or day in self.extra_holidays)

    def add_working_days(self, start, days):
        """The date that is ``days`` working days after ``start`` (``start`` itself is day zero)."""
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        counted = 0
        while counted < days:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, start, end):
        """How many working days come after ``start`` up to and including ``end``.

        The inverse of ``add_working_days``: ``working_days_between(a, add_working_days(a, n)) == n``.
        Zero when ``end`` is not after ``start``.
        """
        count = 0
        day = start
        while day < end:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def is_working_day(day):
    return WorkingCalendar().is_working_day(day)


def add_working_days(start, days):
    return WorkingCalendar().add_working_days(start, days)


def working_days_between(start, end):
    return WorkingCalendar().working_days_between(start, end)

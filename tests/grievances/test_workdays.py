"""Working days in Bangladesh: Friday and Saturday off, the public holidays, and HQ's own holidays."""

import datetime

import pytest

from grievances.models import Holiday
from grievances.workdays import WorkingCalendar, add_working_days, is_working_day, working_days_between
from tests.support.grievances import file_on

pytestmark = pytest.mark.django_db

D = datetime.date


def test_friday_and_saturday_are_the_weekend():
    assert is_working_day(D(2026, 11, 26))  # Thursday
    assert not is_working_day(D(2026, 11, 27))  # Friday
    assert not is_working_day(D(2026, 11, 28))  # Saturday
    assert is_working_day(D(2026, 11, 29))  # Sunday


def test_one_working_day_after_a_thursday_is_the_sunday():
    assert add_working_days(D(2026, 11, 26), 1) == D(2026, 11, 29)


def test_day_zero_may_itself_be_a_holiday():
    # Filed on a Friday: the first working day after it is Sunday.
    assert add_working_days(D(2026, 11, 27), 1) == D(2026, 11, 29)


def test_zero_days_is_day_zero():
    assert add_working_days(D(2026, 11, 27), 0) == D(2026, 11, 27)


def test_victory_day_is_skipped():
    assert not is_working_day(D(2026, 12, 16))  # a Wednesday
    assert add_working_days(D(2026, 12, 15), 1) == D(2026, 12, 17)


def test_independence_day_and_the_weekend_after_it_are_skipped():
    assert not is_working_day(D(2026, 3, 26))  # a Thursday
    assert add_working_days(D(2026, 3, 25), 1) == D(2026, 3, 29)


def test_eid_is_skipped():
    # Eid al-Fitr 2025: Monday 31 March to Wednesday 2 April.
    for day in (D(2025, 3, 31), D(2025, 4, 1), D(2025, 4, 2)):
        assert not is_working_day(day)
    assert add_working_days(D(2025, 3, 30), 1) == D(2025, 4, 3)


def test_thirty_working_days_across_weekends_and_a_holiday():
    # From Sunday 4 January 2026: four weeks of five days, Mid-Sha'ban (4 Feb) off → Monday 16 Feb.
    assert add_working_days(D(2026, 1, 4), 30) == D(2026, 2, 16)


def test_a_holiday_hq_enters_is_not_a_working_day():
    day = D(2026, 10, 20)  # Durga Puja (Bijoya Dashami) 2026, a Tuesday: not in the package
    assert is_working_day(day)
    Holiday.objects.create(date=day, name="দুর্গাপূজা (বিজয়া দশমী)")
    assert not is_working_day(day)
    assert add_working_days(D(2026, 10, 19), 1) == D(2026, 10, 21)


def test_working_days_between_counts_what_add_working_days_adds():
    calendar = WorkingCalendar()
    for start in (D(2026, 1, 4), D(2026, 3, 19), D(2026, 12, 10), D(2025, 3, 27)):
        for days in (0, 1, 5, 20, 30, 60):
            assert calendar.working_days_between(start, calendar.add_working_days(start, days)) == days
    assert working_days_between(D(2026, 3, 1), D(2026, 3, 1)) == 0
    assert working_days_between(D(2026, 3, 5), D(2026, 3, 1)) == 0


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 4), -1)


def test_a_holiday_added_after_filing_moves_the_deadline_of_an_open_grievance():
    grievance = file_on(D(2026, 1, 4))
    assert grievance.deadline() == D(2026, 2, 16)
    Holiday.objects.create(date=D(2026, 2, 10), name="সরকার ঘোষিত সাধারণ ছুটি")
    assert grievance.deadline() == D(2026, 2, 17)
    # A holiday after the deadline changes nothing.
    Holiday.objects.create(date=D(2026, 2, 24), name="আরেকটি ছুটি")
    assert grievance.deadline() == D(2026, 2, 17)

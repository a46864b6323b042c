"""On time, by one rule: the day of receipt is not counted, weekends and holidays are skipped for
working days, every day counts for calendar days, and "same day" is the day of receipt."""

import datetime

import pytest

from grievances.models import Holiday
from grievances.workdays import WorkingCalendar
from register import ontime

pytestmark = pytest.mark.django_db

D = datetime.date
LATER = D(2026, 12, 31)


def due(received, kind, days):
    return ontime.deadline(received, kind, days, WorkingCalendar())


def standing(received, kind, days, outcome, ended_on, today=LATER):
    return ontime.standing(outcome=outcome, ended_on=ended_on, due_on=due(received, kind, days), today=today)


def test_working_days_skip_friday_and_saturday():
    # Received Thursday 26 Nov 2026: day 1 is Sunday 29, day 2 Monday 30.
    assert due(D(2026, 11, 26), "working_days", 2) == D(2026, 11, 30)
    assert standing(D(2026, 11, 26), "working_days", 2, "delivered", D(2026, 11, 30)) == ontime.ON_TIME
    assert standing(D(2026, 11, 26), "working_days", 2, "delivered", D(2026, 12, 1)) == ontime.LATE


def test_a_request_received_on_a_friday_counts_from_the_next_working_day():
    assert due(D(2026, 11, 27), "working_days", 1) == D(2026, 11, 29)


def test_a_national_holiday_is_not_a_working_day():
    # Victory Day, Wednesday 16 December: 1 working day after the 15th is the 17th.
    assert due(D(2026, 12, 15), "working_days", 1) == D(2026, 12, 17)
    assert standing(D(2026, 12, 15), "working_days", 1, "delivered", D(2026, 12, 17)) == ontime.ON_TIME


def test_a_holiday_hq_adds_moves_the_deadline():
    Holiday.objects.create(date=D(2026, 11, 29), name="পরীক্ষার ছুটি")
    assert due(D(2026, 11, 26), "working_days", 1) == D(2026, 11, 30)


def test_calendar_days_count_every_day():
    assert due(D(2026, 11, 26), "calendar_days", 3) == D(2026, 11, 29)


def test_same_day_means_the_day_of_receipt():
    assert standing(D(2026, 11, 26), "same_day", 0, "delivered", D(2026, 11, 26)) == ontime.ON_TIME
    assert standing(D(2026, 11, 26), "same_day", 0, "refused", D(2026, 11, 29)) == ontime.LATE


def test_pending_is_overdue_only_after_its_deadline():
    received = D(2026, 11, 26)  # due Monday 30 November
    assert standing(received, "working_days", 2, "", None, today=D(2026, 11, 30)) == ontime.PENDING
    assert standing(received, "working_days", 2, "", None, today=D(2026, 12, 1)) == ontime.PENDING_OVERDUE


def test_withdrawn_counts_as_received_only_and_none_is_not_measured():
    assert standing(D(2026, 11, 26), "working_days", 2, "withdrawn", D(2026, 12, 20)) == ontime.WITHDRAWN
    assert standing(D(2026, 11, 26), "none", None, "delivered", D(2027, 1, 1)) == ontime.UNMEASURED


def test_the_share():
    assert ontime.share(8, 1, 1) == 0.8
    assert ontime.share(0, 0, 0) is None

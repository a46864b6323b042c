"""On time, by one rule: the deadline of a request, and whether it was (or is) kept.

The day of receipt is day zero and is not counted. A promise of N working days is kept when the
request ends on or before the Nth working day after receipt (the portal's calendar,
``grievances.workdays``: Fridays, Saturdays and holidays are not working days); a promise of N
calendar days counts every day; "same day" means the day of receipt. A request ends when it is
delivered or refused; a withdrawn one counts as received only; a request whose promise is not
measurable has no deadline. The promise is the one copied onto the request, the one in force on
the day of receipt.
"""

import datetime

from services.promises import PromiseKind

# What a request's end says of the promise.
ON_TIME, LATE, PENDING, PENDING_OVERDUE, WITHDRAWN, UNMEASURED = (
    "on_time",
    "late",
    "pending",
    "pending_overdue",
    "withdrawn",
    "unmeasured",
)


def deadline(received_on, kind, days, calendar):
    """The last day on which a request is on time; None when the promise is not measurable."""
    if kind == PromiseKind.WORKING_DAYS:
        return calendar.add_working_days(received_on, days)
    if kind == PromiseKind.CALENDAR_DAYS:
        return received_on + datetime.timedelta(days=days)
    if kind == PromiseKind.SAME_DAY:
        return received_on
    return None


def standing(*, outcome, ended_on, due_on, today):
    """One request's standing: on time, late, pending (overdue or not), withdrawn or unmeasured.

    ``outcome`` is ``delivered``, ``refused``, ``withdrawn`` or empty (pending); ``due_on`` is
    ``deadline(…)``; ``today`` is the day the figures are made (a pending request is overdue once
    its deadline has passed).
    """
    if outcome == "withdrawn":
        return WITHDRAWN
    if due_on is None:
        return UNMEASURED
    if not outcome:
        return PENDING_OVERDUE if today > due_on else PENDING
    return ON_TIME if ended_on <= due_on else LATE


def share(on_time, late, pending_overdue):
    """``on_time_share``: on time ÷ (on time + ended late + pending past the deadline); None
    when nothing was measured."""
    measured = on_time + late + pending_overdue
    return on_time / measured if measured else None

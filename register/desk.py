"""The desk's view of its open requests: which are due today and which are overdue, by the
promise copied onto each (register.ontime)."""

from django.utils import timezone

from grievances.workdays import WorkingCalendar

from . import ontime
from .models import ServiceRequest


def open_deadlines(requests, today=None, calendar=None):
    """``(due_today, overdue)`` lists of pks among the pending ``requests`` with a deadline."""
    today = today or timezone.localdate()
    calendar = calendar or WorkingCalendar()
    due_today, overdue = [], []
    rows = requests.filter(outcome="").values_list("pk", "received_on", "promise_kind", "promise_days")
    cache = {}
    for pk, received_on, kind, days in rows:
        key = (received_on, kind, days)
        if key not in cache:
            cache[key] = ontime.deadline(received_on, kind, days, calendar)
        due_on = cache[key]
        if due_on is None:
            continue
        if due_on == today:
            due_today.append(pk)
        elif due_on < today:
            overdue.append(pk)
    return due_today, overdue


def desk_summary(office):
    due_today, overdue = open_deadlines(ServiceRequest.objects.filter(office=office))
    return {"due_today": len(due_today), "overdue": len(overdue)}

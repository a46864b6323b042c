"""The order of an office's numbered rows: its services (per category) and its expectations.

A row's serial is its place on the paper charter. Moving a row swaps it with its neighbour and
removing one closes the gap, each in one transaction, so the serials stay 1, 2, 3… and the unique
(office, category, serial) / (office, serial) constraints hold at every step: a row being moved
first parks on a free serial past the end, never on a taken one (and never on 0, which the
serial's check constraint refuses).
"""

from django.db import transaction
from django.db.models import Max

from .models import Expectation, Service

UP, DOWN = -1, 1


def siblings(row):
    """The rows numbered together with ``row``: its office's services of its category, or its
    office's expectations."""
    if isinstance(row, Service):
        return Service.objects.filter(office_id=row.office_id, category=row.category)
    if isinstance(row, Expectation):
        return Expectation.objects.filter(office_id=row.office_id)
    raise TypeError(f"{type(row).__name__} has no serial order")


def _set_serial(row, serial):
    row.serial = serial
    row.save()  # a full save: signals (the charter's "last changed"), search text


def move(row, step):
    """Swap ``row`` with the row just above (``UP``) or below (``DOWN``) it. Returns the row it
    swapped with, or None at either end (nothing changes)."""
    with transaction.atomic():
        group = siblings(row).select_for_update()
        rows = list(group.order_by("serial"))
        row = next((r for r in rows if r.pk == row.pk), None)
        if row is None:
            return None
        index = rows.index(row) + step
        if not 0 <= index < len(rows):
            return None
        neighbour = rows[index]
        parking = (group.aggregate(top=Max("serial"))["top"] or 0) + 1
        mine, theirs = row.serial, neighbour.serial
        _set_serial(row, parking)
        _set_serial(neighbour, mine)
        _set_serial(row, theirs)
        return neighbour


def renumber(rows):
    """Number ``rows`` (one group of siblings) 1, 2, 3… in their present order, closing the gap a
    removed row left. Ascending, one row at a time: each moves down into a serial already free."""
    with transaction.atomic():
        for serial, row in enumerate(rows.select_for_update().order_by("serial"), start=1):
            if row.serial != serial:
                _set_serial(row, serial)


def renumber_after_delete(deleted):
    """Close the gaps the deleted rows left in their groups (call after deleting them)."""
    groups = set()
    for row in deleted:
        key = (type(row), row.office_id, getattr(row, "category", None))
        if key not in groups:
            groups.add(key)
            renumber(siblings(row))


def next_serial(rows):
    """The serial a row added at the end of ``rows`` gets."""
    return (rows.aggregate(top=Max("serial"))["top"] or 0) + 1

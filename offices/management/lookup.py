"""How a management command finds the office an operator named by its key: one refusal for all."""

from django.core.management.base import CommandError

from offices.models import Office


def office_by_key(key, queryset=None):
    """The office whose key is ``key`` (from ``queryset``, for its select_related), else a refusal
    in the words every command uses."""
    office = (Office.objects.all() if queryset is None else queryset).filter(key=key).first()
    if office is None:
        raise CommandError(f"“{key}” কী-এর কোনো দপ্তর নেই।")
    return office

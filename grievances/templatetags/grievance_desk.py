"""The desk card on the admin's home: how many grievances wait at the desk and how many are overdue."""

from django import template
from django.utils import timezone

from ..models import Grievance, desk_of

register = template.Library()


@register.inclusion_tag("admin/grievances/desk_card.html", takes_context=True)
def desk_card(context):
    desk = desk_of(context["request"].user)
    if desk is None:
        return {"desk": None}
    waiting = Grievance.objects.at_desk(desk).unresolved()
    return {
        "desk": desk,
        "waiting": waiting.count(),
        "overdue": len(waiting.overdue(timezone.localdate())),
    }

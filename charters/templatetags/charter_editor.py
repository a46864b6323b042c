"""The admin index's card that leads an office's staff straight to their charter editor."""

from django import template
from django.contrib import admin

from offices.models import office_of
from offices.scoping import is_hq

from ..editor import draft_state
from ..models import CharterVersion

register = template.Library()


@register.inclusion_tag("admin/charters/charter_card.html", takes_context=True)
def charter_card(context):
    request = context.get("request")
    if request is None or is_hq(request):
        return {"office": None}  # HQ keeps every office: its index is the list of models
    office = office_of(request.user)
    if office is None:
        return {"office": None}
    state = draft_state(office)
    return {
        "office": office,
        "in_force": state.in_force,
        "unpublished": state.unpublished,
        "may_publish": admin.site._registry[CharterVersion].has_add_permission(request),
    }

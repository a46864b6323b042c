"""The admin index's card for an office's desk: requests due today and overdue, the counter's
form and the spreadsheet upload, one click away."""

from django import template

from offices.models import office_of
from offices.scoping import is_hq

from ..desk import desk_summary

register = template.Library()


@register.inclusion_tag("admin/register/desk_card.html", takes_context=True)
def register_card(context):
    request = context.get("request")
    if request is None or is_hq(request):
        return {"office": None}
    office = office_of(request.user)
    if office is None or not request.user.has_perm("register.add_servicerequest"):
        return {"office": None}
    return {"office": office, **desk_summary(office)}

"""A promise in words, in the page's language and digits: "৫ কার্যদিবস", "একই দিনে (তাৎক্ষণিক)"."""

from django import template
from django.utils.translation import gettext as _

from charter_portal.bangla import bn_digits

from ..promises import PromiseKind

register = template.Library()


@register.filter
def promise_words(promise):
    if promise.kind == PromiseKind.WORKING_DAYS:
        return _("%(days)s কার্যদিবসের মধ্যে") % {"days": bn_digits(promise.days)}
    if promise.kind == PromiseKind.CALENDAR_DAYS:
        return _("%(days)s দিনের মধ্যে") % {"days": bn_digits(promise.days)}
    if promise.kind == PromiseKind.SAME_DAY:
        return _("একই দিনে (তাৎক্ষণিক)")
    return _("সময়ের হিসাব রাখা যায় না")

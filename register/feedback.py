"""The citizen's answer after a request ended: one short form behind the link in the SMS, and
the ratings the office's performance page shows (counts only: no answer is ever shown alone)."""

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from charter_portal.http import not_found

from .models import ENDED, RequestFeedback, ServiceRequest

YES_NO = [("yes", _("হ্যাঁ")), ("no", _("না"))]


def _yes_no(label):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("একটি উত্তর বেছে নিন।"), "invalid_choice": _("একটি উত্তর বেছে নিন।")},
    )


class FeedbackForm(forms.Form):
    on_time = _yes_no(RequestFeedback._meta.get_field("on_time").verbose_name)
    extra_money = _yes_no(RequestFeedback._meta.get_field("extra_money").verbose_name)
    satisfied = _yes_no(RequestFeedback._meta.get_field("satisfied").verbose_name)


@never_cache
def answer(request, token):
    """One answer per request, only once it has ended; the link is the request's secret token."""
    found = ServiceRequest.objects.select_related("office").filter(feedback_token=token, outcome__in=ENDED).first()
    if found is None:
        return not_found(request)
    answered = RequestFeedback.objects.filter(request=found).exists()
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            with transaction.atomic():
                RequestFeedback.objects.create(request=found, **form.cleaned_data)
        except IntegrityError:  # answered twice at once: the first one stands
            pass
        answered = True
    context = {"service_request": found, "office": found.office, "form": form, "answered": answered}
    return render(request, "register/feedback.html", context)


def ratings_of(office, first, last):
    """How the citizens answered for requests received in the period: the number of answers and
    of each "yes"."""
    return RequestFeedback.objects.filter(
        request__office=office, request__received_on__gte=first, request__received_on__lte=last
    ).aggregate(
        answers=Count("pk"),
        on_time=Count("pk", filter=Q(on_time=True)),
        extra_money=Count("pk", filter=Q(extra_money=True)),
        satisfied=Count("pk", filter=Q(satisfied=True)),
    )

"""The counter's form: one short form to record a request, keyboard only, Bengali digits
accepted; and, later, how it ended. The service is one of the charter in force, and the promise
is the one in force on the day of receipt (register.catalogue)."""

import datetime
import re

from django import forms
from django.utils import timezone

from charter_portal.bangla import ascii_digits, bengali_digits
from grievances.identifiers import MOBILE_ERROR, normalise_mobile
from services.models import ServiceListing
from services.promises import COUNTED

from .catalogue import Catalogue
from .models import ENDED, Outcome, ServiceRequest

DATE_HELP = "যেমন ০৬/১২/২০২৬ বা ২০২৬-১২-০৬"
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class BengaliDateField(forms.DateField):
    """A date typed as DD/MM/YYYY or YYYY-MM-DD, in Bengali or ASCII digits."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 12})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        text = ascii_digits(value).strip()
        match = _DAY_FIRST.fullmatch(text)
        parts = (match[3], match[2], match[1]) if match else None
        if parts is None and (match := _YEAR_FIRST.fullmatch(text)):
            parts = match.groups()
        try:
            if parts:
                return datetime.date(*(int(part) for part in parts))
        except ValueError:
            pass
        raise forms.ValidationError(f"তারিখটি সঠিক নয়; {DATE_HELP}।", code="invalid")

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return bengali_digits(value.strftime("%d/%m/%Y"))
        return value


class OptionalMobileField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=20, **kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        mobile = normalise_mobile(value)
        if mobile is None:
            raise forms.ValidationError(MOBILE_ERROR, code="invalid_mobile")
        return mobile


def service_choices(office_ids):
    """``[(value, label)]`` of the published services of these offices: ``office-category-serial``."""
    listings = (
        ServiceListing.objects.filter(office__in=office_ids)
        .select_related("office")
        .only("office__name_bn", "office__name", "category", "serial", "name_bn")
    )
    many = len(set(office_ids)) > 1
    choices = [("", "— সেবা বেছে নিন —")]
    for listing in listings.order_by("office__key", "category", "serial"):
        category = ServiceListing.Category(listing.category).label
        label = f"{category} {bengali_digits(listing.serial)}. {listing.name_bn}"
        if many:
            label = f"{listing.office.name_bn}: {label}"
        choices.append((f"{listing.office_id}-{listing.category}-{listing.serial}", label))
    return choices


class RequestForm(forms.ModelForm):
    """Staff record a request: which service, received when, how, and the citizen's mobile if they
    give it. ``office`` is set by the admin for an office's staff (they can choose no other)."""

    service = forms.ChoiceField(label="সেবা")
    received_on = BengaliDateField(label="আবেদন গ্রহণের তারিখ", help_text=DATE_HELP)
    mobile = OptionalMobileField(label="নাগরিকের মোবাইল (ঐচ্ছিক)", help_text="দিলে রসিদ ও মতামতের লিংক এসএমএসে যাবে")
    ended_on = BengaliDateField(label="নিষ্পত্তির তারিখ", required=False, help_text=DATE_HELP)

    class Meta:
        model = ServiceRequest
        fields = ["service", "received_on", "channel", "mobile", "outcome", "ended_on", "refusal_reason"]
        widgets = {"refusal_reason": forms.Textarea(attrs={"rows": 2})}

    # Set by the admin: the offices whose services may be chosen.
    office_ids = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = service_choices(self.office_ids)
        if self.instance.pk:
            self.initial["service"] = f"{self.instance.office_id}-{self.instance.category}-{self.instance.serial}"
        else:
            self.initial.setdefault("received_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        value, received_on = cleaned.get("service"), cleaned.get("received_on")
        if value and received_on:
            office_id, category, serial = (int(part) for part in value.split("-"))
            if office_id not in self.office_ids:
                raise forms.ValidationError("এই সেবা আপনার দপ্তরের নয়।")
            offered = Catalogue(office_id).find(received_on, category=category, serial=serial)
            if offered is None:
                self.add_error("service", "সেদিন দপ্তরের চার্টারে এই সেবা ছিল না।")
            else:
                instance = self.instance
                instance.office_id, instance.category, instance.serial = office_id, category, serial
                instance.service_name = offered.name
                instance.promise_kind = offered.promise.kind
                instance.promise_days = offered.promise.days if offered.promise.kind in COUNTED else None
        outcome = cleaned.get("outcome")
        if outcome == Outcome.REFUSED and not (cleaned.get("refusal_reason") or "").strip():
            self.add_error("refusal_reason", "সেবা না দেওয়ার কারণ লিখুন।")
        if outcome in ENDED and not cleaned.get("ended_on"):
            self.add_error("ended_on", "নিষ্পত্তির তারিখ দিন।")
        return cleaned

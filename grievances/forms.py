from django import forms
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import bn_digits
from charter_portal.languages import lang_of

from .identifiers import MOBILE_ERROR, normalise_mobile, normalise_tracking_number
from .models import Feedback, Grievance
from .models.citizens import RATINGS

REQUIRED = _("এই ঘরটি পূরণ করুন।")


def _with_count(message, count):
    """``message`` with its ``%(count)s`` filled in when it is shown, in the reader's language and
    digits (the forms are defined once, at import, in no particular language)."""
    return lazy(lambda: str(message) % {"count": bn_digits(count)}, str)()


def _text(label, *, max_length, help_text="", required=True, widget=None, min_length=None):
    messages = {
        "required": REQUIRED,
        "max_length": _with_count(_("অনুগ্রহ করে %(count)s অক্ষরের মধ্যে লিখুন।"), max_length),
    }
    if min_length:
        messages["min_length"] = _with_count(_("অনুগ্রহ করে অন্তত %(count)s অক্ষরে লিখুন।"), min_length)
    return forms.CharField(
        label=label,
        max_length=max_length,
        min_length=min_length,
        required=required,
        help_text=help_text,
        widget=widget,
        error_messages=messages,
    )


class MobileField(forms.CharField):
    """A Bangladeshi mobile number in any usual spelling, cleaned to 01XXXXXXXXX."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("error_messages", {"required": REQUIRED, "max_length": MOBILE_ERROR})
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value):
        value = super().clean(value)
        mobile = normalise_mobile(value)
        if mobile is None:
            raise forms.ValidationError(MOBILE_ERROR, code="invalid_mobile")
        return mobile


def service_key(service):
    """A published service's stable key, as links and the form carry it: "category-serial"."""
    return f"{service.category}-{service.serial}"


class ServiceSelect(forms.Select):
    """Marks an option whose service name is shown in another language than the page's (lang_of):
    an option can hold no element that could carry the mark."""

    languages = {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        language = self.languages.get(value)
        if language and language != get_language():
            option["attrs"]["lang"] = language
        return option


class ServiceChoiceField(forms.ChoiceField):
    """The services of the charter in force (services.ServiceListing), by their stable key; the
    cleaned value is the listing."""

    widget = ServiceSelect

    def set_services(self, listings):
        self.listings = {service_key(s): s for s in listings}
        self.choices = [("", self.empty_label)] + [
            (key, f"{s.get_category_display()} {bn_digits(s.serial)}. {s.name}") for key, s in self.listings.items()
        ]
        self.widget.languages = {key: lang_of(s, "name") for key, s in self.listings.items()}

    def __init__(self, *, empty_label, **kwargs):
        self.empty_label, self.listings = empty_label, {}
        super().__init__(**kwargs)

    def clean(self, value):
        return self.listings.get(super().clean(value)) if value else None


class GrievanceForm(forms.ModelForm):
    name = _text(_("আপনার নাম"), max_length=100)
    mobile = MobileField(
        label=_("মোবাইল নম্বর"),
        help_text=_("যেমন ০১৭১১-০০০০০০; অবস্থা জানতে ট্র্যাকিং নম্বরের সঙ্গে এটি লাগবে"),
    )
    email = forms.EmailField(
        label=_("ই-মেইল (ঐচ্ছিক)"),
        required=False,
        max_length=254,
        help_text=_("দিলে ট্র্যাকিং নম্বর ও অগ্রগতি ই-মেইলে পাঠানো হবে"),
        error_messages={"invalid": _("সঠিক ই-মেইল ঠিকানা লিখুন, যেমন nam@example.com।")},
    )
    service = ServiceChoiceField(
        label=_("কোন সেবা নিয়ে অভিযোগ (ঐচ্ছিক)"),
        required=False,
        empty_label=_("— নির্দিষ্ট কোনো সেবা নয় —"),
        error_messages={"invalid_choice": _("তালিকা থেকে এই দপ্তরের একটি সেবা বেছে নিন।")},
    )
    description = _text(
        _("কী ঘটেছে"),
        max_length=4000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("কবে, কোথায়, কার কাছে কোন সেবা চেয়েছিলেন এবং কী পাননি"),
    )
    desired_outcome = _text(
        _("আপনি কী প্রতিকার চান"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The honeypot: hidden from people (and screen readers) by the template; bots fill it in.
    website = forms.CharField(
        label=_("এই ঘরটি ফাঁকা রাখুন"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Grievance
        fields = ["name", "mobile", "email", "description", "desired_outcome"]

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.office = office
        # Exactly the services of the charter in force: never a draft row.
        self.fields["service"].set_services(office.service_listings.order_by("category", "serial"))
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def grievance_fields(self):
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "service"]}


class LookupForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("ট্র্যাকিং নম্বর"),
        max_length=40,
        help_text=_("যেমন GRS-7K3M-9QXD"),
        error_messages={"required": REQUIRED, "max_length": _("সঠিক ট্র্যাকিং নম্বর লিখুন, যেমন GRS-7K3M-9QXD।")},
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )
    mobile = MobileField(label=_("মোবাইল নম্বর"), help_text=_("অভিযোগ করার সময় যে নম্বর দিয়েছিলেন"))

    def clean_tracking_number(self):
        number = normalise_tracking_number(self.cleaned_data["tracking_number"])
        if number is None:
            raise forms.ValidationError(_("সঠিক ট্র্যাকিং নম্বর লিখুন, যেমন GRS-7K3M-9QXD।"), code="invalid")
        return number


class ReopenForm(forms.Form):
    reason = _text(
        _("কেন আপনি নিষ্পত্তিতে সন্তুষ্ট নন"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FeedbackForm(forms.Form):
    """The citizen's word on a resolution, once: satisfied or not, 1 to 5, a comment."""

    satisfied = forms.TypedChoiceField(
        label=_("আপনি কি নিষ্পত্তিতে সন্তুষ্ট?"),
        choices=[("yes", _("হ্যাঁ, সন্তুষ্ট")), ("no", _("না, সন্তুষ্ট নই"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED, "invalid_choice": REQUIRED},
    )
    rating = forms.TypedChoiceField(
        label=_("মান দিন (১ সবচেয়ে কম, ৫ সবচেয়ে বেশি)"),
        choices=[(str(n), lazy(bn_digits, str)(n)) for n in RATINGS],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED, "invalid_choice": REQUIRED},
    )
    comment = _text(_("মন্তব্য (ঐচ্ছিক)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def save_for(self, grievance):
        return Feedback.objects.create(
            grievance=grievance,
            satisfied=self.cleaned_data["satisfied"],
            rating=self.cleaned_data["rating"],
            comment=self.cleaned_data["comment"],
            level=grievance.level,
            office=grievance.office,
        )

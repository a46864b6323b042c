"""Publishing in the admin: an office's published versions, read-only for everyone (HQ included),
and the publish form, which is this admin's add page.

The add page asks for the issue date and the signatory (prefilled from the draft's Charter row; HQ
also picks the office) and publishes through ``charters.publishing.publish``, never a plain save:
a missing date or signatory, an unchanged draft or a second publisher who lost the race get a
Bengali form error and change nothing. Adding needs ``charters.publish_charter``, which HQ grants
to an office's staff (to the user, or to a group); HQ superusers hold it. HQ alone may withdraw a
version (an admin action, through ``charters.publishing.withdraw``).
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter_portal import limits
from charter_portal.params import parse_id
from offices.models import Office, office_of
from offices.scoping import OfficeScopedMixin

from .editor import DraftState, draft_state
from .errors import CharterError
from .models import Charter, CharterVersion
from .publishing import publish, withdraw

PUBLISH_PERMISSION = "charters.publish_charter"


class PublishForm(forms.Form):
    """What a publication asks for. ``office`` is HQ's only: staff publish their own office."""

    office = forms.ModelChoiceField(
        label=gettext_lazy("দপ্তর"),
        queryset=Office.objects.filter(charter__isnull=False).order_by("pk"),
        error_messages={"required": gettext_lazy("কোন দপ্তরের চার্টার প্রকাশ করবেন, বেছে নিন।")},
    )
    issued_on = forms.DateField(
        label=gettext_lazy("চার্টারের তারিখ"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=gettext_lazy("যে তারিখে চার্টারটি স্বাক্ষরিত হলো; পাতায় এই তারিখই থাকবে"),
        error_messages={
            "required": gettext_lazy("চার্টারের তারিখ দিন।"),
            "invalid": gettext_lazy("তারিখটি বোঝা যায়নি; বছর-মাস-দিন লিখুন, যেমন 2026-05-01।"),
        },
    )
    signatory_name = forms.CharField(
        label=gettext_lazy("স্বাক্ষরকারীর নাম"),
        max_length=limits.PERSON,
        error_messages={"required": gettext_lazy("স্বাক্ষরকারীর নাম দিন।")},
    )
    signatory_designation = forms.CharField(
        label=gettext_lazy("স্বাক্ষরকারীর পদবি"),
        max_length=limits.PERSON,
        error_messages={"required": gettext_lazy("স্বাক্ষরকারীর পদবি দিন।")},
    )

    SIGNATURE = ("issued_on", "signatory_name", "signatory_designation")

    def __init__(self, *args, choose_office, **kwargs):
        super().__init__(*args, **kwargs)
        if not choose_office:
            del self.fields["office"]


def draft_signature(office):
    """The form's starting values: today's date (a new version is signed today, not on the last
    one's date) and the signatory the draft's Charter row carries."""
    charter = Charter.objects.filter(office=office).first() if office else None
    if charter is None:
        return {"issued_on": timezone.localdate()}
    return {
        "office": office.pk,
        "issued_on": timezone.localdate(),
        "signatory_name": charter.signatory_name_bn,
        "signatory_designation": charter.signatory_designation_bn,
    }


def form_signature(form):
    """The date and signatory the form holds now (as typed, where it was sent back with an error),
    in a document's terms; None where the date cannot be read."""
    if form.is_bound:
        values = {name: form.data.get(name, "").strip() for name in PublishForm.SIGNATURE}
        try:
            values["issued_on"] = datetime.date.fromisoformat(values["issued_on"]).isoformat()
        except ValueError:
            values["issued_on"] = None
        return values
    initial = {name: form.initial.get(name) or "" for name in PublishForm.SIGNATURE}
    return {**initial, "issued_on": initial["issued_on"].isoformat() if initial["issued_on"] else None}


@admin.register(CharterVersion)
class CharterVersionAdmin(OfficeScopedMixin, admin.ModelAdmin):
    list_display = [
        "number",
        "office",
        "issued_on",
        "signatory_name",
        "summary",
        "published_at",
        "published_by",
        "status",
        "public_page",
    ]
    list_display_links = ["number"]
    list_select_related = ["office", "published_by"]
    search_fields = ["=office__key"]
    fields = [
        "office",
        "number",
        "issued_on",
        "signatory_name",
        "signatory_designation",
        "summary",
        "published_at",
        "published_by",
        "withdrawn_at",
        "withdrawn_by",
        "public_page",
    ]
    readonly_fields = fields
    actions = ["withdraw_versions"]

    # ---- read-only for everyone; adding is publishing

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        user = request.user
        if not (user.is_active and user.is_staff and user.has_perm(PUBLISH_PERMISSION)):
            return False
        return self.is_hq(request) or self.staff_office(request) is not None

    def get_list_display(self, request):
        # Staff see their own office's versions only: its name in every row would crowd the list.
        shown = super().get_list_display(request)
        return shown if self.is_hq(request) else [name for name in shown if name not in ("office", "published_by")]

    def has_withdraw_permission(self, request):
        return self.is_hq(request)

    # ---- the list and the page of a version

    @admin.display(description=gettext_lazy("অবস্থা"))
    def status(self, version):
        if version.withdrawn_at is not None:
            return _("প্রত্যাহার করা হয়েছে")
        current = CharterVersion.objects.current_of(version.office_id)
        return _("প্রচলিত") if current and current.pk == version.pk else _("পুরোনো")

    @admin.display(description=gettext_lazy("নাগরিকের পাতা"))
    def public_page(self, version):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            version.get_absolute_url(),
            _("এই সংস্করণ"),
            reverse("opendata:version_json", kwargs={"key": version.office.key, "number": version.number}),
            "JSON",
        )

    @admin.action(description=gettext_lazy("বাছাই করা সংস্করণ প্রত্যাহার করুন"), permissions=["withdraw"])
    def withdraw_versions(self, request, queryset):
        for version in queryset.select_related("office"):
            try:
                withdraw(version, request.user)
            except CharterError as error:
                self.message_user(request, str(error), messages.WARNING)
                continue
            self.log_change(request, version, _("প্রত্যাহার করা হয়েছে।"))
            self.message_user(request, _("%(version)s প্রত্যাহার করা হয়েছে।") % {"version": version}, messages.SUCCESS)

    # ---- the publish form

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        hq = self.is_hq(request)
        office = None if hq else self.staff_office(request)
        if request.method == "POST":
            form = PublishForm(request.POST, choose_office=hq)
            if form.is_valid():
                office = form.cleaned_data["office"] if hq else office
                try:
                    version = publish(
                        office,
                        issued_on=form.cleaned_data["issued_on"],
                        signatory_name=form.cleaned_data["signatory_name"],
                        signatory_designation=form.cleaned_data["signatory_designation"],
                        user=request.user,
                    )
                except CharterError as error:
                    form.add_error(None, str(error))
                else:
                    self.log_addition(request, version, [{"added": {}}])
                    self.message_user(
                        request,
                        _("%(office)s-এর চার্টারের সংস্করণ %(number)s প্রকাশিত হয়েছে; নাগরিকেরা এখন এটিই দেখছেন।")
                        % {"office": office, "number": version.number},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(
                        reverse("admin:charters_charterversion_changelist") + f"?q={office.key}"
                    )
        else:
            if hq:  # from the editor's "publish" link: ?office=<pk>
                chosen = parse_id(request.GET.get("office"))
                office = Office.objects.filter(pk=chosen).first() if chosen is not None else None
            form = PublishForm(initial=draft_signature(office), choose_office=hq)
        return TemplateResponse(
            request, "admin/charters/charterversion/publish.html", self.publish_context(request, form, office)
        )

    def publish_context(self, request, form, office):
        state = draft_state(office, form_signature(form)) if office else DraftState(None)
        return {
            **self.admin_site.each_context(request),
            "title": _("চার্টার প্রকাশ করুন"),
            "subtitle": str(office) if office else None,
            "opts": self.opts,
            "form": form,
            "office": office,
            "in_force": state.in_force,
            "unpublished": state.unpublished,
            "comparison": state.comparison,
            "stale_english": state.stale_english,
            "preview_url": reverse("charters:preview", kwargs={"key": office.key}) if office else None,
            "editor_url": reverse("admin:offices_office_change", args=[office.pk]) if office else None,
            "media": self.media + form.media,
        }

    def changelist_view(self, request, extra_context=None):
        office = None if self.is_hq(request) else office_of(request.user)
        extra = {"publish_title": _("নতুন সংস্করণ প্রকাশ করুন"), "staff_office": office}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

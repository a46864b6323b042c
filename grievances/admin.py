from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from modeltranslation.admin import TabbedTranslationAdmin

from charter_portal.bangla import bengali_digits
from offices.models import Office
from offices.scoping import HQOnlyMixin, NotYoursMixin, OfficeScopedAdmin, ReturnsToEditorMixin, is_hq

from .models import (
    Feedback,
    Grievance,
    GrievanceDesk,
    GrievanceEvent,
    GrievanceTier,
    Holiday,
    Level,
    Notification,
    PublishedTier,
    attach_deadlines,
    desk_of,
)


@admin.register(GrievanceTier)
class GrievanceTierAdmin(ReturnsToEditorMixin, OfficeScopedAdmin, TabbedTranslationAdmin):
    """Office staff edit, in their draft, who holds their tiers and how to reach them (the rule of
    the chain in GrievanceTier.clean); it routes nothing until it is published. The days are HQ's
    (bounded by the national standard), and so are adding and deleting a tier: no office can
    move its own deadlines or undo the days HQ set by deleting and re-adding a tier."""

    list_display = ["__str__", "level", "contact_officer", "resolution_days"]
    list_filter = ["level"]
    list_select_related = ["office", "contact_officer"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not is_hq(request):
            fields.append("resolution_days")
        return fields

    def has_add_permission(self, request, *args):
        return is_hq(request) and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return is_hq(request) and super().has_delete_permission(request, obj)

    def editor_section(self, obj):
        return "editor-grs"


class PublishedTierForm(forms.ModelForm):
    class Meta:
        model = PublishedTier
        fields = ["holder"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.contact and cleaned.get("holder") != self.instance.holder:
            raise ValidationError("চার্টারে এই স্তরের পদের নাম আছে; তা বদলাতে চার্টার সংশোধন করে প্রকাশ করুন।")
        return cleaned


@admin.register(PublishedTier)
class PublishedTierAdmin(HQOnlyMixin, admin.ModelAdmin):
    """The chain of the charters in force, as routing reads it. Written by publishing; HQ only
    names the post that holds a tier the charter names none for (a paper with no GRS table, or
    an address in words), which stays from one publish to the next."""

    form = PublishedTierForm
    list_display = ["office", "level", "printed", "holder", "days"]
    list_filter = ["printed", "holder_assigned"]
    list_select_related = ["office", "holder__office"]
    search_fields = ["office__key", "office__name_bn"]
    raw_id_fields = ["holder"]
    readonly_fields = ["office", "level", "printed", "days"]

    def has_add_permission(self, request, *args):
        return False  # the rows are the charters in force: publishing writes them

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if obj.contact is None:
            obj.assign(obj.holder)
        else:
            super().save_model(request, obj, form, change)


@admin.register(Holiday)
class HolidayAdmin(HQOnlyMixin, admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"

    search_fields = ["name"]


@admin.register(GrievanceDesk)
class GrievanceDeskAdmin(HQOnlyMixin, admin.ModelAdmin):
    """A staff account at the officer's post the charters name (or at the national cell)."""

    list_display = ["user", "officer", "national_cell", "holds"]
    list_filter = ["national_cell"]
    list_select_related = ["user", "officer__office"]
    raw_id_fields = ["officer"]
    autocomplete_fields = ["user"]
    search_fields = ["user__username", "officer__designation", "officer__name", "officer__office__key"]

    @admin.display(description="যেসব স্তরের অভিযোগ")
    def holds(self, desk):
        offices = Office.objects.in_bulk({office for office, _level in desk.cells() if office})
        parts = [
            f"{offices[office] if office else 'সব দপ্তর'}: {bengali_digits(int(level))}"
            for office, level in desk.cells()
        ]
        return "; ".join(parts) or "— (কোনো প্রকাশিত চার্টারে এই পদের নাম নেই)"


class ReadOnlyHQAdmin(HQOnlyMixin, admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyHQAdmin):
    """The outbox: what was sent, what waits, what was given up."""

    list_display = ["created_at", "kind", "channel", "recipient", "attempts", "sent_at", "gave_up_at", "last_error"]
    list_filter = [
        "channel",
        "kind",
        ("sent_at", admin.EmptyFieldListFilter),
        ("gave_up_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["recipient", "grievance__tracking_number"]
    raw_id_fields = ["grievance"]


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyHQAdmin):
    list_display = ["grievance", "office", "level", "satisfied", "rating", "at"]
    list_filter = ["satisfied", "rating", "level"]
    list_select_related = ["grievance", "office"]
    raw_id_fields = ["grievance", "office"]


class GrievanceEventInline(admin.TabularInline):
    """The full history, read-only."""

    model = GrievanceEvent
    extra = 0
    can_delete = False
    fields = ["on", "kind", "from_level", "to_level", "from_status", "to_status", "actor", "note", "recorded_at"]
    readonly_fields = fields
    ordering = ["recorded_at", "pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="কে করেছেন")
    def actor(self, event):
        return event.actor


class GrievanceHandlingForm(forms.ModelForm):
    """What an officer does with a grievance: record an action, or resolve it."""

    ACTION, RESOLVE, FORWARD = "action", "resolve", "forward"
    outcome = forms.ChoiceField(
        label="কী করবেন",
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", "কিছু নয়, শুধু দেখছি"),
            (ACTION, "গৃহীত ব্যবস্থা লিপিবদ্ধ করুন"),
            (RESOLVE, "নিষ্পত্তি করুন"),
            (FORWARD, "ভুল দপ্তরে দাখিল হয়েছে: সঠিক দপ্তরে পাঠান (কেবল ১ম স্তর)"),
        ],
    )
    forward_to = forms.ModelChoiceField(
        label="যে দপ্তরে পাঠাবেন",
        queryset=Office.objects.order_by("pk"),
        required=False,
        help_text="অভ্যন্তরীণ মন্তব্যে কারণ লিখুন; নাগরিককে জানানো হবে",
    )
    note = forms.CharField(
        label="অভ্যন্তরীণ মন্তব্য",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="কী করা হয়েছে; ইতিহাসে থাকে, নাগরিক দেখেন না",
    )
    reply = forms.CharField(
        label="নাগরিকের জন্য নিষ্পত্তির বিবরণ",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="নিষ্পত্তি করলে আবশ্যক; নাগরিক তাঁর অবস্থা পাতায় ও ই-মেইলে এটি পাবেন",
    )

    class Meta:
        model = Grievance
        fields = []

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome and self.instance.status == Grievance.Status.RESOLVED:
            raise forms.ValidationError("অভিযোগটি আগেই নিষ্পত্তি হয়েছে।")
        if outcome == self.ACTION and not data.get("note", "").strip():
            self.add_error("note", "কী ব্যবস্থা নেওয়া হয়েছে লিখুন।")
        if outcome == self.RESOLVE and not data.get("reply", "").strip():
            self.add_error("reply", "নাগরিকের জন্য নিষ্পত্তির বিবরণ লিখুন।")
        if outcome == self.FORWARD:
            if self.instance.level != GrievanceTier.Level.first():
                self.add_error("outcome", "কেবল ১ম স্তরের অভিযোগ অন্য দপ্তরে পাঠানো যায়।")
            if not data.get("forward_to"):
                self.add_error("forward_to", "যে দপ্তরে পাঠাবেন তা বেছে নিন।")
            elif data["forward_to"].pk == self.instance.office_id:
                self.add_error("forward_to", "অভিযোগটি এই দপ্তরেই আছে; অন্য একটি দপ্তর বেছে নিন।")
            if not data.get("note", "").strip():
                self.add_error("note", "কেন অন্য দপ্তরে পাঠাচ্ছেন লিখুন।")
        return data


@admin.register(Grievance)
class GrievanceAdmin(NotYoursMixin, admin.ModelAdmin):
    """Officers reach the grievances at their desk (their office, their tier); HQ reaches all.

    Not an OfficeScopedAdmin: office staff who edit a charter are not for that reason the
    officers who handle its grievances; the desk (GrievanceDesk) decides.
    """

    form = GrievanceHandlingForm
    list_display = ["tracking_number", "office", "level", "status", "deadline", "filed_at"]
    list_filter = ["status", "level"]
    list_select_related = ["office"]
    search_fields = ["tracking_number", "mobile"]
    inlines = [GrievanceEventInline]
    citizen_fields = [
        "tracking_number",
        "office",
        "channel",
        "service_name",
        "name",
        "mobile",
        "email",
        "description",
        "desired_outcome",
    ]
    state_fields = [
        "level",
        "status",
        "tier_since",
        "days_at_tier",
        "deadline",
        "filed_at",
        "resolved_on",
        "resolution",
        "reopened",
    ]
    readonly_fields = citizen_fields + state_fields

    change_list_template = "admin/grievances/grievance/change_list.html"

    class Media:
        # The overdue mark's colour: a class, not a style attribute, which the CSP would block.
        css = {"all": ["grievances/admin.css"]}

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            ("নাগরিকের অভিযোগ", {"fields": self.citizen_fields}),
            ("অবস্থা", {"fields": self.state_fields}),
        ]
        if obj is not None and obj.status != Grievance.Status.RESOLVED and self.has_change_permission(request, obj):
            fieldsets.append(("ব্যবস্থা", {"fields": ["outcome", "note", "reply", "forward_to"]}))
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        desk = None if is_hq(request) else desk_of(request.user)
        held = {office_id for office_id, _level in desk.cells()} - {None} if desk else set()
        if not held:
            return form

        class DeskForm(form):
            # Not to an office whose tier this desk holds itself (Grievance.forward refuses it too).
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "forward_to" in self.fields:
                    self.fields["forward_to"].queryset = self.fields["forward_to"].queryset.exclude(pk__in=held)

        return DeskForm

    @admin.display(description="নিষ্পত্তির সময়সীমা")
    def deadline(self, grievance):
        due = getattr(grievance, "due", None) or grievance.deadline()
        text = bengali_digits(date_format(due, "j F Y"))
        if grievance.status != Grievance.Status.RESOLVED and timezone.localdate() > due:
            return format_html('<strong class="overdue">{} (পার হয়েছে)</strong>', text)
        return text

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        changelist.result_list = attach_deadlines(list(changelist.result_list))
        return changelist

    def save_model(self, request, obj, form, change):
        outcome = form.cleaned_data.get("outcome")
        note = form.cleaned_data.get("note", "")
        try:
            if outcome == form.ACTION:
                obj.record_action(user=request.user, note=note)
            elif outcome == form.RESOLVE:
                obj.resolve(user=request.user, resolution=form.cleaned_data["reply"], note=note)
            elif outcome == form.FORWARD:
                obj.forward(user=request.user, office=form.cleaned_data["forward_to"], reason=note)
        except ValidationError as error:  # escalated or moved since the page was opened: nothing changed
            request._grievance_refused = True
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        # Nothing else on the page is editable, so there is nothing else to save.

    def log_change(self, request, obj, message):
        if getattr(request, "_grievance_refused", False):
            return None  # nothing changed, nothing to log
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(request, "_grievance_refused", False):
            return HttpResponseRedirect(request.path)  # back to the grievance, with the error shown
        return super().response_change(request, obj)

    # ---- who may reach what

    def not_yours_message(self, request, grievance):
        """Where a grievance that left this desk went (escalated, reopened to the next tier,
        forwarded), told to the desk it passed through; to any other desk only that it is not theirs."""
        desk = desk_of(request.user)
        cells = desk.cells() if desk else []
        passed = any(
            level == event.from_level and office in (None, event.from_office_id)
            for event in grievance.events.exclude(from_level=None)
            for office, level in cells
        )
        if not passed:
            return f"“{bengali_digits(grievance.pk)}” আইডির অভিযোগটি আপনার ডেস্কের নয়; আপনি কেবল আপনার ডেস্কে থাকা অভিযোগ দেখতে পারেন।"
        tier = grievance.tier()
        officer = tier.contact_officer if tier and tier.contact_officer_id else None
        return (
            "অভিযোগ {number} আপনার ডেস্ক থেকে পরবর্তী ধাপে গেছে। এখন আছে: {ordinal} স্তরে, {label}{holder} "
            "(দপ্তর: {office})। তাই এটি আর আপনার তালিকায় নেই; এখন যাঁর কাছে আছে তিনি ও প্রধান কার্যালয় এটি দেখতে পারেন।"
        ).format(
            number=grievance.tracking_number,
            ordinal=Level(grievance.level).ordinal,
            label=Level(grievance.level).label,
            holder=f" — {officer.designation}, {officer.office.name}" if officer else "",
            office=grievance.office.name,
        )

    def may_handle(self, request, obj=None):
        if is_hq(request):
            return True
        if not hasattr(request, "_grievance_desk"):
            request._grievance_desk = desk_of(request.user)
        desk = request._grievance_desk
        return desk is not None and (obj is None or desk.holds(obj))

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_urls(self):
        from django.urls import path

        from .intake import intake_view

        wrap = self.admin_site.admin_view
        return [
            path("intake/", wrap(lambda r: intake_view(self, r)), name="grievances_grievance_intake"),
            *super().get_urls(),
        ]

    def has_module_permission(self, request):
        return super().has_module_permission(request) and self.may_handle(request)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.may_handle(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_handle(request, obj)

    def has_add_permission(self, request):
        return False  # citizens file grievances on the public site

    def has_delete_permission(self, request, obj=None):
        return is_hq(request) and super().has_delete_permission(request, obj)

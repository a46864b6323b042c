"""The register in the admin: an office's staff record requests at the counter (one short form,
keyboard only; after saving, a fresh form), end them, and upload a register kept in a
spreadsheet. Each office sees only its own rows (offices.scoping)."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import bengali_digits
from grievances.workdays import WorkingCalendar
from offices.models import Office
from offices.scoping import OfficeScopedAdmin

from . import notices, ontime
from .desk import open_deadlines
from .forms import RequestForm
from .importing import RegisterFileError, import_register
from .models import ENDED, Outcome, ServiceRequest


class DeadlineFilter(admin.SimpleListFilter):
    title = "সময়সীমা"
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("today", "আজ শেষ"), ("overdue", "সময় পেরিয়ে গেছে")]

    def queryset(self, request, queryset):
        if self.value() not in ("today", "overdue"):
            return queryset
        due_today, overdue = open_deadlines(queryset)
        return queryset.filter(pk__in=due_today if self.value() == "today" else overdue)


class RegisterUploadForm(forms.Form):
    register_file = forms.FileField(
        label=_("রেজিস্টারের ফাইল"),
        help_text=_(
            "CSV (UTF-8) অথবা .xlsx; কলাম: office_key, category, serial, service_name, received_on, "
            "delivered_on, channel, outcome, mobile"
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


@admin.register(ServiceRequest)
class ServiceRequestAdmin(OfficeScopedAdmin):
    form = RequestForm
    list_display = ["received_on_shown", "service_shown", "channel", "outcome", "due_on_shown", "office"]
    list_filter = [DeadlineFilter, "outcome", "channel"]
    list_select_related = ["office"]
    date_hierarchy = None
    search_fields = ["service_name"]
    actions = ["delivered_today"]
    # The counter's form: what a request is; how it ended comes later, on its own page.
    add_fields = ["service", "received_on", "channel", "mobile"]
    change_fields = [*add_fields, "outcome", "ended_on", "refusal_reason"]
    readonly_fields = ["due_on_shown"]

    def get_fields(self, request, obj=None):
        return [*self.change_fields, "due_on_shown"] if obj else self.add_fields

    def get_exclude(self, request, obj=None):
        return ["office"]  # the service chosen says the office

    def get_form(self, request, obj=None, **kwargs):
        kwargs["fields"] = self.change_fields if obj else self.add_fields
        form = super().get_form(request, obj, **kwargs)
        office = self.staff_office(request)
        if self.is_hq(request):
            ids = tuple(Office.objects.filter(service_listings__isnull=False).distinct().values_list("pk", flat=True))
        else:
            ids = (office.pk,) if office else ()
        return type("ScopedRequestForm", (form,), {"office_ids": ids})

    @admin.display(description="আবেদন গ্রহণ", ordering="received_on")
    def received_on_shown(self, obj):
        return bengali_digits(f"{obj.received_on:%d/%m/%Y}")

    @admin.display(description="সেবা", ordering="service_name")
    def service_shown(self, obj):
        return f"{bengali_digits(obj.serial)}. {obj.service_name}"

    @admin.display(description="সময়সীমা")
    def due_on_shown(self, obj):
        if not hasattr(obj, "due_on"):
            obj.due_on = ontime.deadline(obj.received_on, obj.promise_kind, obj.promise_days, WorkingCalendar())
        return bengali_digits(f"{obj.due_on:%d/%m/%Y}") if obj.due_on else "—"

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        calendar = WorkingCalendar()  # HQ's holidays read once for the page
        for obj in changelist.result_list:
            obj.due_on = ontime.deadline(obj.received_on, obj.promise_kind, obj.promise_days, calendar)
        return changelist

    def save_model(self, request, obj, form, change):
        adding = obj.pk is None
        was_ended = not adding and ServiceRequest.objects.filter(pk=obj.pk, outcome__in=ENDED).exists()
        if adding:
            obj.recorded_by = request.user
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if adding:
                calendar = WorkingCalendar()  # HQ's holidays read once: the receipt and the message
                obj.due_on = ontime.deadline(obj.received_on, obj.promise_kind, obj.promise_days, calendar)
                notices.received(obj, calendar)
            if obj.outcome in ENDED and not was_ended:
                notices.ended(obj)

    def response_add(self, request, obj, post_url_continue=None):
        due_on = obj.due_on
        when = f"; সময়সীমা {bengali_digits(f'{due_on:%d/%m/%Y}')}" if due_on else ""
        if "_continue" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        # At the counter the next citizen is waiting: back to a fresh form, whichever button.
        self.message_user(request, f"আবেদন লিপিবদ্ধ হয়েছে: {obj.service_name}{when}।", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:register_servicerequest_add"))

    @admin.action(description="নির্বাচিত আবেদনে আজ সেবা প্রদান করা হয়েছে")
    def delivered_today(self, request, queryset):
        today = timezone.localdate()
        ended = 0
        with transaction.atomic():
            for obj in queryset.filter(outcome=Outcome.PENDING).select_for_update():
                obj.outcome, obj.ended_on = Outcome.DELIVERED, today
                obj.save(update_fields=["outcome", "ended_on"])
                notices.ended(obj)
                ended += 1
        self.message_user(request, f"{bengali_digits(ended)}টি আবেদন নিষ্পত্তি হিসেবে লিপিবদ্ধ হয়েছে।", messages.SUCCESS)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [path("upload/", wrap(self.upload_view), name="register_servicerequest_upload"), *super().get_urls()]

    def upload_view(self, request):
        """A register kept in a spreadsheet: all of it written, or (a bad row) nothing."""
        if not self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:index"))
        office = None if self.is_hq(request) else self.staff_office(request)
        form = RegisterUploadForm(request.POST or None, request.FILES or None)
        problems, written = [], None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["register_file"]
            try:
                written = import_register(upload.read(), upload.name, office=office, user=request.user)
            except RegisterFileError as error:
                problems = error.lines()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "রেজিস্টারের ফাইল তুলুন",
            "form": form,
            "problems": problems,
            "written": written,
        }
        return TemplateResponse(request, "admin/register/upload.html", context)

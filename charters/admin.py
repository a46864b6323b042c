"""The charter editor: an office's page in the admin, with its charter and every part of it."""

from django.contrib import admin
from django.db import models
from django.urls import path
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from grievances.models import GrievanceTier
from offices.models import Office, Officer
from offices.scoping import OfficeScopedInline, OfficeScopedMixin, is_hq
from services.models import Expectation, Service

from . import admin_views
from .models import Charter


class CharterInline(OfficeScopedInline, TranslationStackedInline):
    model = Charter
    can_delete = False
    fields = ["vision", "mission", "service_columns", "issued_on", "signatory_name", "signatory_designation"]


class OfficerInline(OfficeScopedInline, TranslationStackedInline):
    model = Officer
    extra = 0
    fields = [("name", "designation", "branch"), ("phone", "mobile", "email"), ("room", "upazila_code")]


class ServiceInline(OfficeScopedInline, TranslationStackedInline):
    model = Service
    extra = 0
    ordering = ["category", "serial"]
    fields = [("category", "serial"), *Service.TEXT_FIELDS, ("responsible_officer", "superior_officer")]


class ExpectationInline(OfficeScopedInline, TranslationTabularInline):
    model = Expectation
    extra = 0
    ordering = ["serial"]


class GrievanceTierInline(OfficeScopedInline, TranslationStackedInline):
    model = GrievanceTier
    extra = 0
    ordering = ["level"]
    fields = [("level", "resolution_days"), "when_to_contact", "contact_title", "contact_officer", "contact_text"]

    def get_readonly_fields(self, request, obj=None):
        # The days are HQ's (issue 15): an office edits who holds its tiers and how to reach them.
        fields = list(super().get_readonly_fields(request, obj))
        return fields if is_hq(request) else [*fields, "resolution_days"]


@admin.register(Office)
class OfficeAdmin(OfficeScopedMixin, TabbedTranslationAdmin):
    office_lookup = "pk"
    list_display = ["name", "key", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["key", "name_bn", "name_en"]
    list_select_related = ["parent"]
    inlines = [CharterInline, OfficerInline, ServiceInline, ExpectationInline, GrievanceTierInline]
    # The national tree is HQ's to keep, the office's name included (the public page shows it); an
    # office edits its own contact details and charter.
    tree_fields = ["key", "level", "name", "parent", "district", "upazila"]
    fieldsets = [
        (None, {"fields": ["key", "level", "name", "parent", "district", "upazila"]}),
        ("যোগাযোগ", {"fields": ["address", "site", "phone", "email"]}),
    ]
    raw_id_fields = ["parent", "district", "upazila"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request, obj=None):
        # name_bn and name_en for "name" (modeltranslation), so both languages are read-only.
        return [] if self.is_hq(request) else self.replace_orig_field(self.tree_fields)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "coverage/", wrap(lambda r: admin_views.coverage_view(self, r)), name="offices_office_charter_coverage"
            ),
            path(
                "coverage.csv",
                wrap(lambda r: admin_views.coverage_csv_view(self, r)),
                name="offices_office_charter_coverage_csv",
            ),
            path(
                "<path:object_id>/import/",
                wrap(lambda r, object_id: admin_views.import_charter_view(self, r, object_id)),
                name="offices_office_charter_import",
            ),
            *super().get_urls(),
        ]

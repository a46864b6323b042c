from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from grievances.models import GrievanceTier
from services.models import Expectation, Service

from .models import Charter, District, Division, Office, Officer, OfficeStaff, Upazila
from .scoping import HQOnlyMixin, OfficeScopedAdmin, OfficeScopedInline, OfficeScopedMixin, is_hq


@admin.register(Division)
class DivisionAdmin(HQOnlyMixin, TabbedTranslationAdmin):
    list_display = ["name", "key", "domain"]
    search_fields = ["name_bn", "name_en", "key"]


@admin.register(District)
class DistrictAdmin(HQOnlyMixin, TabbedTranslationAdmin):
    list_display = ["name", "key", "division", "domain"]
    list_filter = ["division"]
    search_fields = ["name_bn", "name_en", "key"]


@admin.register(Upazila)
class UpazilaAdmin(HQOnlyMixin, TabbedTranslationAdmin):
    list_display = ["name", "key", "district", "domain"]
    list_filter = ["district__division"]
    search_fields = ["name_bn", "name_en", "key"]
    list_select_related = ["district"]


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
    fields = [
        ("category", "serial"),
        "name",
        "delivery_method",
        "required_papers",
        "papers_source",
        ("fee", "time_limit"),
        ("responsible_officer", "superior_officer"),
    ]


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
    # The national tree is HQ's to keep; an office edits its own contact details and charter.
    tree_fields = ["key", "level", "parent", "district", "upazila"]
    fieldsets = [
        (None, {"fields": ["key", "level", "name", "parent", "district", "upazila"]}),
        ("যোগাযোগ", {"fields": ["address", "site", "phone", "email"]}),
    ]
    raw_id_fields = ["parent", "district", "upazila"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request, obj=None):
        return [] if self.is_hq(request) else self.tree_fields


@admin.register(Officer)
class OfficerAdmin(OfficeScopedAdmin, TabbedTranslationAdmin):
    list_display = ["__str__", "office", "phone", "email"]
    search_fields = ["name_bn", "designation_bn", "email"]
    list_select_related = ["office"]


@admin.register(OfficeStaff)
class OfficeStaffAdmin(HQOnlyMixin, admin.ModelAdmin):
    list_display = ["user", "office"]
    raw_id_fields = ["office"]


class OfficeStaffInline(admin.StackedInline):
    model = OfficeStaff
    can_delete = True
    raw_id_fields = ["office"]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(Group)
class HQGroupAdmin(HQOnlyMixin, GroupAdmin):
    pass


@admin.register(User)
class OfficeUserAdmin(HQOnlyMixin, UserAdmin):
    inlines = [OfficeStaffInline]
    list_display = [*UserAdmin.list_display, "office_staff"]


# django-axes' login records (attempts, lockouts, logins): HQ's to read, and to lift a lockout by
# deleting its attempt. Registered by axes itself, as plain permission-based admins: made HQ-only.
import axes.admin  # noqa: E402,F401  (registers them first, whatever the order of INSTALLED_APPS)

for _model, _model_admin in [(m, a) for m, a in admin.site._registry.items() if m._meta.app_label == "axes"]:
    admin.site.unregister(_model)
    admin.site.register(
        _model, type(type(_model_admin).__name__, (HQOnlyMixin, type(_model_admin)), {"__module__": __name__})
    )

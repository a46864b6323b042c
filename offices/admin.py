from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from modeltranslation.admin import TabbedTranslationAdmin

from .models import District, Division, Officer, OfficeStaff, Upazila
from .scoping import HQOnlyMixin, OfficeScopedAdmin, ReturnsToEditorMixin


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


@admin.register(Officer)
class OfficerAdmin(ReturnsToEditorMixin, OfficeScopedAdmin, TabbedTranslationAdmin):
    list_display = ["__str__", "office", "phone", "email"]
    search_fields = ["name_bn", "designation_bn", "email"]
    list_select_related = ["office"]

    def editor_section(self, obj):
        return "editor-officers"


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

"""The charter editor: an office's page in the admin, laid out as its paper charter (charters.editor),
and the office's published versions with the publish form (charters.publishing_admin)."""

from django.contrib import admin
from django.db import models
from django.urls import path
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from offices.models import Office
from offices.scoping import OfficeScopedInline, OfficeScopedMixin

from . import admin_views, editor
from .models import Charter
from .publishing_admin import CharterVersionAdmin  # noqa: F401  (registers it)


class CharterInline(OfficeScopedInline, TranslationStackedInline):
    """The charter's prose and layout. Its date and signatory are the publisher's: the publish
    form asks for them (charters.publishing_admin)."""

    model = Charter
    can_delete = False
    fields = ["vision", "mission", "service_columns"]


@admin.register(Office)
class OfficeAdmin(OfficeScopedMixin, TabbedTranslationAdmin):
    office_lookup = "pk"
    list_display = ["name", "key", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["key", "name_bn", "name_en"]
    list_select_related = ["parent"]
    # Only the charter's prose is a form here; services, officers, expectations and GRS tiers are
    # the editor's short lists, each row with its own page (templates/admin/offices/office/).
    inlines = [CharterInline]
    # The national tree is HQ's to keep, the office's name included (the public page shows it); an
    # office edits its own contact details and charter.
    tree_fields = ["key", "level", "name", "parent", "district", "upazila"]
    fieldsets = [
        (None, {"fields": ["key", "level", "name", "parent", "district", "upazila"]}),
        ("যোগাযোগ", {"fields": ["address", "site", "phone", "email"]}),
    ]
    raw_id_fields = ["parent", "district", "upazila"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ["css/charter-editor.css"]}

    def get_readonly_fields(self, request, obj=None):
        # name_bn and name_en for "name" (modeltranslation), so both languages are read-only.
        return [] if self.is_hq(request) else self.replace_orig_field(self.tree_fields)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/editor/move/",
                wrap(lambda request, object_id: editor.move_view(self, request, object_id)),
                name="offices_office_editor_move",
            ),
            # HQ's: an office's charter file brought in as its draft, and who publishes at all.
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        office = self.get_object(request, object_id)
        if office is not None and self.has_view_permission(request, office):
            extra_context = {**(extra_context or {}), **editor.editor_context(self.admin_site, request, office)}
        return super().change_view(request, object_id, form_url, extra_context)

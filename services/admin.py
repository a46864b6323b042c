from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from charter_portal.params import parse_id
from offices.models import office_of
from offices.scoping import OfficeScopedAdmin, ReturnsToEditorMixin

from .models import Expectation, Service
from .ordering import next_serial, renumber_after_delete


class NumberedRowsMixin(ReturnsToEditorMixin):
    """Services and expectations: a row added from the editor comes at the end of its list (its
    serial prefilled), and removing rows closes the gap they leave (services.ordering)."""

    def numbered_rows(self, initial):
        """The rows a new one is numbered after (None: not known yet, say, no category)."""
        raise NotImplementedError

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        office = office_of(request.user) if not self.is_hq(request) else None
        office_id = getattr(office, "pk", None) or parse_id(initial.get("office"))
        if office_id is not None and "serial" not in initial:
            rows = self.numbered_rows(initial)
            if rows is not None:
                initial["serial"] = next_serial(rows.filter(office_id=office_id))
        return initial

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        renumber_after_delete([obj])

    def delete_queryset(self, request, queryset):
        deleted = list(queryset)
        super().delete_queryset(request, queryset)
        renumber_after_delete(deleted)


@admin.register(Service)
class ServiceAdmin(NumberedRowsMixin, OfficeScopedAdmin, TabbedTranslationAdmin):
    list_display = ["serial", "name", "category", "office"]
    list_display_links = ["name"]
    list_filter = ["category"]
    search_fields = ["name_bn", "name_en"]
    list_select_related = ["office"]
    ordering = ["office", "category", "serial"]

    def numbered_rows(self, initial):
        category = parse_id(initial.get("category"))
        return Service.objects.filter(category=category) if category is not None else None

    def editor_section(self, obj):
        return f"editor-services-{obj.category}"


@admin.register(Expectation)
class ExpectationAdmin(NumberedRowsMixin, OfficeScopedAdmin, TabbedTranslationAdmin):
    list_display = ["serial", "text", "office"]
    list_select_related = ["office"]

    def numbered_rows(self, initial):
        return Expectation.objects.all()

    def editor_section(self, obj):
        return "editor-expectations"

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from offices.scoping import OfficeScopedAdmin

from .models import GrievanceTier


@admin.register(GrievanceTier)
class GrievanceTierAdmin(OfficeScopedAdmin, TabbedTranslationAdmin):
    list_display = ["__str__", "level", "resolution_days"]
    list_filter = ["level"]
    list_select_related = ["office"]

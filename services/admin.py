from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from offices.scoping import OfficeScopedAdmin

from .models import Expectation, Service


@admin.register(Service)
class ServiceAdmin(OfficeScopedAdmin, TabbedTranslationAdmin):
    list_display = ["serial", "name", "category", "office"]
    list_display_links = ["name"]
    list_filter = ["category"]
    search_fields = ["name_bn", "name_en"]
    list_select_related = ["office"]
    ordering = ["office", "category", "serial"]


@admin.register(Expectation)
class ExpectationAdmin(OfficeScopedAdmin, TabbedTranslationAdmin):
    list_display = ["serial", "text", "office"]
    list_select_related = ["office"]

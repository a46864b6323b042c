from django.apps import AppConfig
from django.db.models.signals import post_save
from django.urls import register_converter


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "সেবা"
    # Service and Expectation rows are offices' drafts: the public pages show the published
    # version (charters), and search its ServiceListing rows, rebuilt when a version is published.

    def ready(self):
        from charter_portal.searchable import index_loaded_row  # a models module: not before apps load

        from .converters import CategoryConverter, SerialConverter

        register_converter(CategoryConverter, "service_category")
        register_converter(SerialConverter, "service_serial")
        listing = self.get_model("ServiceListing")
        post_save.connect(index_loaded_row, sender=listing, dispatch_uid="index-loaded-ServiceListing")

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.urls import register_converter


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "সেবা"
    # What the public pages show of this app (pagecache renews its version when they change).
    public_models = ["Service", "Expectation"]

    def ready(self):
        from charter_portal.searchable import index_loaded_row  # a models module: not before apps load

        from .converters import CategoryConverter, SerialConverter

        register_converter(CategoryConverter, "service_category")
        register_converter(SerialConverter, "service_serial")
        post_save.connect(index_loaded_row, sender=self.get_model("Service"), dispatch_uid="index-loaded-service")

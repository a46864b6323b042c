from django.apps import AppConfig
from django.db.models.signals import post_save


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "সেবা"

    def ready(self):
        from charter_portal.searchable import index_loaded_row  # a models module: not before apps load

        post_save.connect(index_loaded_row, sender=self.get_model("Service"), dispatch_uid="index-loaded-service")

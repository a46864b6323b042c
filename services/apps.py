from django.apps import AppConfig
from django.db.models.signals import post_save


def _index_loaded_service(sender, instance, raw=False, **kwargs):
    # loaddata saves rows raw, past Service.save(): derive the search text here instead.
    if raw:
        sender.objects.filter(pk=instance.pk).update(search_text=instance.searchable_text())


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "সেবা"

    def ready(self):
        post_save.connect(_index_loaded_service, sender=self.get_model("Service"), dispatch_uid="index-loaded-service")

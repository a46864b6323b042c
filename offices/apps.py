from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.urls import register_converter


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = "দপ্তর"
    # What the public pages show of this app (pagecache renews its version when they change).
    # Officer is not here: public pages show officers as the charter in force has them (its document).
    public_models = ["Division", "District", "Upazila", "Office"]

    def ready(self):
        from charter_portal.searchable import index_loaded_row  # a models module: not before apps load

        from .converters import OfficeKeyConverter
        from .fixtures import check_loaded_row

        register_converter(OfficeKeyConverter, "office_key")
        for name in ("Division", "District", "Upazila", "Office"):
            pre_save.connect(check_loaded_row, sender=self.get_model(name), dispatch_uid=f"check-loaded-{name}")
        post_save.connect(index_loaded_row, sender=self.get_model("Office"), dispatch_uid="index-loaded-office")

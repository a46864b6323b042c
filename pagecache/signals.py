from django.apps import apps
from django.db.models.signals import post_delete, post_save

from offices.signals import CHARTER_PARTS

from .models import new_version

# Everything a public page shows: the charter and its parts (the national GRS cell is a
# GrievanceTier too), and the geography the directory and the breadcrumbs name.
PUBLISHED_MODELS = [*CHARTER_PARTS, "offices.Charter", "offices.Division", "offices.District", "offices.Upazila"]


def _published_data_changed(sender, **kwargs):
    # Raw saves (loaddata) included: a fixture load is a change like any other.
    new_version()


def connect_published_models():
    for label in PUBLISHED_MODELS:
        model = apps.get_model(label)
        post_save.connect(_published_data_changed, sender=model, dispatch_uid=f"page-version-{label}-save")
        post_delete.connect(_published_data_changed, sender=model, dispatch_uid=f"page-version-{label}-delete")

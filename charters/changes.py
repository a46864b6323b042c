"""What counts as a change to a charter: a save or delete of any of its parts touches the
charter's "last changed" (the page and the JSON show it)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from .models import touch_charter

# The models that make up an office's charter besides the Charter row itself.
CHARTER_PARTS = [
    "offices.Office",
    "offices.Officer",
    "services.Service",
    "services.Expectation",
    "grievances.GrievanceTier",
]


def _touch_office_charter(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata sets updated_at itself, from the fixture
        return
    touch_charter(instance.pk if sender._meta.label == "offices.Office" else instance.office_id)


def connect():
    for label in CHARTER_PARTS:
        model = apps.get_model(label)
        post_save.connect(_touch_office_charter, sender=model, dispatch_uid=f"touch-charter-{label}-save")
        post_delete.connect(_touch_office_charter, sender=model, dispatch_uid=f"touch-charter-{label}-delete")

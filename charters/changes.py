"""What counts as a change to a charter: a save or delete of any of its parts touches the
charter's "last changed" (the page and the JSON show it)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save

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


def _version_saved(sender, instance, **kwargs):
    # A version loaded by loaddata (raw) is in the database before any publish() ran: search
    # must list its services all the same. publish() and withdraw() refresh it themselves.
    if kwargs.get("raw"):
        from .publishing import refresh_listing

        refresh_listing(instance.office_id)


def _grievance_filed(sender, instance, raw=False, **kwargs):
    # The promise a citizen held the office to: the version of its charter in force at filing.
    if not raw and instance._state.adding and instance.charter_version is None:
        from .models import CharterVersion

        version = CharterVersion.objects.current_of(instance.office_id)
        instance.charter_version = version.number if version else None


def connect():
    pre_save.connect(_grievance_filed, sender=apps.get_model("grievances.Grievance"), dispatch_uid="grievance-version")
    post_save.connect(_version_saved, sender=apps.get_model("charters.CharterVersion"), dispatch_uid="version-listing")
    for label in CHARTER_PARTS:
        model = apps.get_model(label)
        post_save.connect(_touch_office_charter, sender=model, dispatch_uid=f"touch-charter-{label}-save")
        post_delete.connect(_touch_office_charter, sender=model, dispatch_uid=f"touch-charter-{label}-delete")

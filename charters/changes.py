"""The signals that tie other apps' rows to charter versions: a version loaded raw lists its
services for search, and a grievance records the version in force when it was filed."""

from django.apps import apps
from django.db.models.signals import post_save, pre_save


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

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.urls import register_converter

# The group of an office's staff: what they may do, model by model. The admin narrows every one
# of these to their own office (offices.scoping).
OFFICE_STAFF_GROUP = "দপ্তরের কর্মী"
OFFICE_STAFF_PERMISSIONS = {
    "offices.Office": ("view", "change"),
    "charters.Charter": ("view", "add", "change"),
    "offices.Officer": ("view", "add", "change", "delete"),
    "services.Service": ("view", "add", "change", "delete"),
    "services.Expectation": ("view", "add", "change", "delete"),
    "grievances.GrievanceTier": ("view", "change"),  # adding and deleting a tier are HQ's
    # Published versions: to read. Publishing is charters.publish_charter, which HQ grants office by
    # office (to the user or to a group of its own); nobody changes or deletes a version.
    "charters.CharterVersion": ("view",),
    # The office's service register (register): requests recorded at the counter and how they ended.
    "register.ServiceRequest": ("view", "add", "change", "delete"),
}


def ensure_office_staff_group(**kwargs):
    from offices.groups import ensure_group

    ensure_group(OFFICE_STAFF_GROUP, OFFICE_STAFF_PERMISSIONS)


class ChartersConfig(AppConfig):
    """The charter as a whole: its page, its document (import, clone, fixtures), its open data
    and its editor in the admin, built on offices, services and grievances."""

    name = "charters"
    verbose_name = "সিটিজেন চার্টার"
    # What the public pages show of this app (pagecache renews its version when they change).
    public_models = ["CharterVersion"]

    def ready(self):
        from . import changes
        from .converters import VersionNumberConverter

        register_converter(VersionNumberConverter, "version_number")
        changes.connect()
        # After every app's migrations (idempotent), so every permission named above exists.
        post_migrate.connect(ensure_office_staff_group, dispatch_uid="office-staff-group")

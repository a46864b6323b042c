"""Keep each charter's "last changed" and the public pages' content version true, and the
office-staff group in place."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from charter_portal.searchable import index_loaded_row

OFFICE_STAFF_GROUP = "দপ্তরের কর্মী"

# Models that make up an office's charter: a change to any of them is a change to the charter.
CHARTER_PARTS = [
    "offices.Office",
    "offices.Officer",
    "services.Service",
    "services.Expectation",
    "grievances.GrievanceTier",
]

# What office staff may do, model by model; the admin narrows every one of these to their own office.
OFFICE_STAFF_PERMISSIONS = {
    "offices.Office": ("view", "change"),
    "offices.Charter": ("view", "add", "change"),
    "offices.Officer": ("view", "add", "change", "delete"),
    "services.Service": ("view", "add", "change", "delete"),
    "services.Expectation": ("view", "add", "change", "delete"),
    "grievances.GrievanceTier": ("view", "add", "change", "delete"),
}


def _touch_office_charter(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata sets updated_at itself, from the fixture
        return
    from .models import Office, touch_charter

    touch_charter(instance.pk if isinstance(instance, Office) else instance.office_id)


def connect_charter_parts():
    office = apps.get_model("offices.Office")
    post_save.connect(index_loaded_row, sender=office, dispatch_uid="index-loaded-office")
    for label in CHARTER_PARTS:
        model = apps.get_model(label)
        post_save.connect(_touch_office_charter, sender=model, dispatch_uid=f"touch-charter-{label}-save")
        post_delete.connect(_touch_office_charter, sender=model, dispatch_uid=f"touch-charter-{label}-delete")


# Everything a public page shows: the charter and its parts (the national GRS cell is a
# GrievanceTier too), and the geography the directory and the breadcrumbs name.
PUBLISHED_MODELS = [*CHARTER_PARTS, "offices.Charter", "offices.Division", "offices.District", "offices.Upazila"]


def _published_data_changed(sender, **kwargs):
    # Raw saves (loaddata) included: a fixture load is a change like any other.
    from .pagecache import new_version

    new_version()


def connect_published_models():
    for label in PUBLISHED_MODELS:
        model = apps.get_model(label)
        post_save.connect(_published_data_changed, sender=model, dispatch_uid=f"page-version-{label}-save")
        post_delete.connect(_published_data_changed, sender=model, dispatch_uid=f"page-version-{label}-delete")


def ensure_group(name, model_permissions):
    """Create the group ``name`` if need be and give it exactly ``model_permissions``
    ({"app.Model": ("view", "change", …)}). Run after every migrate: idempotent."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    group, _ = Group.objects.get_or_create(name=name)
    permissions = []
    for label, actions in model_permissions.items():
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        permissions += Permission.objects.filter(content_type=content_type, codename__in=codenames)
    group.permissions.set(permissions)


def ensure_office_staff_group(**kwargs):
    ensure_group(OFFICE_STAFF_GROUP, OFFICE_STAFF_PERMISSIONS)

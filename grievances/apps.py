from django.apps import AppConfig
from django.db.models.signals import post_migrate

# The group of staff who handle grievances at a desk (grievances.GrievanceDesk): it gives the
# model permissions; the desk decides which grievances (one office, one tier) they reach.
GRIEVANCE_OFFICER_GROUP = "অভিযোগ নিষ্পত্তি কর্মকর্তা"
GRIEVANCE_OFFICER_PERMISSIONS = {
    "grievances.Grievance": ("view", "change"),
    "grievances.GrievanceEvent": ("view",),
}


def ensure_grievance_officer_group(**kwargs):
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    group, _ = Group.objects.get_or_create(name=GRIEVANCE_OFFICER_GROUP)
    permissions = []
    for label, actions in GRIEVANCE_OFFICER_PERMISSIONS.items():
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        permissions += Permission.objects.filter(content_type=content_type, codename__in=codenames)
    group.permissions.set(permissions)


class GrievancesConfig(AppConfig):
    name = "grievances"
    verbose_name = "অভিযোগ প্রতিকার ব্যবস্থা (GRS)"

    def ready(self):
        # After every migrate (idempotent), like the office-staff group in offices/signals.py.
        post_migrate.connect(ensure_grievance_officer_group, dispatch_uid="grievance-officer-group")

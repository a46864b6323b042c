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
    from offices.groups import ensure_group

    ensure_group(GRIEVANCE_OFFICER_GROUP, GRIEVANCE_OFFICER_PERMISSIONS)


class GrievancesConfig(AppConfig):
    name = "grievances"
    verbose_name = "অভিযোগ প্রতিকার ব্যবস্থা (GRS)"
    # What the public pages show of this app (pagecache renews its version when they change).
    public_models = ["GrievanceTier"]

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy check)

        # After every migrate (idempotent), like the office-staff group in charters/apps.py.
        post_migrate.connect(ensure_grievance_officer_group, dispatch_uid="grievance-officer-group")

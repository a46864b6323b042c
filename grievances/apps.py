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


def national_cell_changed(sender, instance, **kwargs):
    """Every charter page shows the national cell (tier 3, HQ's row): renew them when it changes."""
    if instance.office_id is None:
        from pagecache.versions import new_version

        new_version()


class GrievancesConfig(AppConfig):
    name = "grievances"
    verbose_name = "অভিযোগ প্রতিকার ব্যবস্থা (GRS)"
    # What the public pages show of this app (pagecache renews its version when they change): the
    # chain of the charters in force. An office's draft tiers (GrievanceTier) are not; of those,
    # pages read only the national cell's row (below).
    public_models = ["PublishedTier"]

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import checks  # noqa: F401  (registers the deploy check)

        # After every migrate (idempotent), like the office-staff group in charters/apps.py.
        post_migrate.connect(ensure_grievance_officer_group, dispatch_uid="grievance-officer-group")
        tier = self.get_model("GrievanceTier")
        post_save.connect(national_cell_changed, sender=tier, dispatch_uid="national-cell-save")
        post_delete.connect(national_cell_changed, sender=tier, dispatch_uid="national-cell-delete")

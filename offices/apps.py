from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = "দপ্তর ও চার্টার"

    def ready(self):
        from . import signals

        signals.connect_charter_parts()
        signals.connect_published_models()
        # Runs after every app's migrations (idempotent), so the permissions of
        # services and grievances exist by the time the last one runs.
        post_migrate.connect(signals.ensure_office_staff_group, dispatch_uid="office-staff-group")

"""``manage.py check --deploy``: a grievance no one holds goes to HQ at once (notifications.
hq_addresses); with no HQ address set and no superuser with an e-mail address, it would notify
nobody, and the documented setup had neither."""

from django.core import checks
from django.db import DatabaseError


@checks.register(checks.Tags.compatibility, deploy=True)
def unassigned_grievances_reach_someone(app_configs=None, **kwargs):
    from .notifications import hq_addresses

    try:
        addresses = hq_addresses()
    except DatabaseError:  # no database yet (a fresh install): only the setting counts
        from django.conf import settings

        addresses = settings.GRIEVANCES_HQ_EMAILS
    if addresses:
        return []
    return [
        checks.Error(
            "Unassigned grievances would notify nobody: GRIEVANCES_HQ_EMAILS is empty and no active superuser has an e-mail address.",
            hint="Set GRIEVANCES_HQ_EMAILS (comma-separated) in /etc/charter-portal/env.",
            id="grievances.E001",
        )
    ]

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from charters.apps import OFFICE_STAFF_GROUP
from grievances.models import GrievanceDesk
from offices.models import Office, OfficeStaff

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

# Accounts to try the admin with: HQ, and the staff of two seed offices, each of whom is also
# their office's grievance redress officer (tier 1), so filed grievances reach someone.
DEMO_STAFF = [("joypurhat", "joypurhat"), ("kachua", "kachua.chandpur")]
DEMO_PASSWORD = "demo-charter-2026"


def demo_fixtures():
    """The national tree, the five seed charters (the drafts) and their version 1 (what citizens see)."""
    return [
        FIXTURES / "geography.json",
        FIXTURES / "offices.json",
        *sorted((FIXTURES / "charters").glob("*.json")),
        *sorted((FIXTURES / "versions").glob("*.json")),
    ]


class Command(BaseCommand):
    help = (
        "Run the portal with the demo data: migrate, load the national tree and the five seed charters, "
        "create demo accounts (development only) and start the development server."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, addrport, **options):
        if not settings.DEBUG:
            raise CommandError("demo is for development: it creates accounts with a published password.")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("loaddata", *demo_fixtures(), verbosity=1)
        call_command("translate_services", FIXTURES / "translations" / "service-names.en.tsv")
        self.create_accounts()
        self.stdout.write(
            f"\nAdmin accounts (password {DEMO_PASSWORD}): hq (all offices), "
            + ", ".join(f"{user} ({key}; its grievance redress officer)" for user, key in DEMO_STAFF)
        )
        call_command("runserver", addrport, use_reloader=False)

    @transaction.atomic
    def create_accounts(self):
        User = get_user_model()
        hq, _ = User.objects.get_or_create(username="hq", defaults={"is_staff": True, "is_superuser": True})
        hq.set_password(DEMO_PASSWORD)
        hq.save()
        group = Group.objects.get(name=OFFICE_STAFF_GROUP)
        # The demo offices' staff may publish too: the permission HQ grants an office's staff.
        publish = Permission.objects.get(content_type__app_label="charters", codename="publish_charter")
        for username, key in DEMO_STAFF:
            user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": True})
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(group)
            user.user_permissions.add(publish)
            office = Office.objects.get(key=key)
            OfficeStaff.objects.update_or_create(user=user, defaults={"office": office})
            GrievanceDesk.objects.update_or_create(user=user, defaults={"office": office, "level": 1})

import os
import threading
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection, transaction

from charters.apps import OFFICE_STAFF_GROUP
from grievances.models import GrievanceDesk, Level, PublishedTier
from offices.models import Office, Officer, OfficeStaff

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

# Accounts to try the admin with: HQ, and the staff of two seed offices, who edit (and publish)
# their office's charter. Grievances are held by desk accounts named alike for every office:
# anik-<the office key's first part> at tier 1 (অনিক, the office's grievance redress officer).
DEMO_STAFF = [("joypurhat", "joypurhat"), ("kachua", "kachua.chandpur")]
# Grievance holders, by the posts the seed charters in force name: each seed office's tier 1 (its
# own officer) and tier 2 (HQ's appeal officer, one post for all five); where a charter names no
# post (no GRS table, or an address in words) the demo assigns one as HQ would
# (PublishedTier.assign), leaving every draft as the paper has it; tier 3 is the national cell.
SEED_OFFICES = ["joypurhat", "kachua.chandpur", "magurasadar.magura", "natoresadar.natore", "rangpursadar.rangpur"]
APPEAL_POST = "উপ-পরিচালক (প্রশাসন)"
DEMO_PASSWORD = "demo-charter-2026"


def demo_fixtures():
    """The national tree, the five seed charters (the drafts) and their version 1 (what citizens see)."""
    return [
        FIXTURES / "geography.json",
        FIXTURES / "offices.json",
        *sorted((FIXTURES / "charters").glob("*.json")),
        *sorted((FIXTURES / "versions").glob("*.json")),
    ]


def desk_username(key):
    """The demo's tier-1 desk of an office: anik-joypurhat, anik-kachua, anik-magurasadar, …"""
    return f"anik-{key.split('.')[0]}"


def tier_one_desks():
    return [(desk_username(key), key) for key in SEED_OFFICES]


def served_at(addrport):
    """The address runserver serves ``addrport`` on, as a browser reaches it: 8123, 0.0.0.0:8123 and
    127.0.0.1:8123 are all http://127.0.0.1:8123."""
    host, _sep, port = addrport.rpartition(":")
    if host in ("", "0", "0.0.0.0", "[::]"):
        host = "127.0.0.1"
    return f"http://{host}:{port}"


class OutboxPrinter(threading.Thread):
    """Sends the outbox every few seconds beside the development server, as the production worker
    (`send_notifications --loop`) does: with the console backends, each SMS and e-mail is printed
    where the demo runs."""

    daemon = True

    def run(self):
        from grievances.sending import send_due

        while True:
            time.sleep(3)
            try:
                send_due()
            except Exception as error:  # SQLite busy with a request: next round
                self.last_error = error
            finally:
                close_old_connections()


class Command(BaseCommand):
    help = (
        "Run the portal with the demo data: migrate, load the national tree and the five seed charters, "
        "create demo accounts (development only) and start the development server."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, addrport, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo কেবল উন্নয়নের কাজে (DEBUG চালু থাকলে) চলে: এটি সবার জানা পাসওয়ার্ডে অ্যাকাউন্ট বানায়। কিছুই করা হয়নি।"
            )
        call_command("migrate", interactive=False, verbosity=0)
        if Office.objects.exists():
            # Run again after Ctrl-C: what was edited in the admin stays; loading the fixtures again
            # would put the seed drafts back under versions published from the edits.
            self.stdout.write(
                f"\nডেটাবেসে ({connection.settings_dict['NAME']}) আগে থেকেই তথ্য আছে: যেমন ছিল তেমনই রাখা হয়েছে, "
                "তাতে করা প্রতিটি সম্পাদনাসহ; ডেমোর তথ্য আবার লোড করা হয়নি। নতুন করে শুরু করতে ফাইলটি মুছে ফেলুন "
                "(অথবা `manage.py flush` চালান), তারপর আবার demo চালান।"
            )
            holders = [
                f"{username} ({key}-এর {Level.REDRESS_OFFICER.ordinal} স্তর)" for username, key in tier_one_desks()
            ]
            holders += [
                f"appeal ({Level.APPEAL_OFFICER.ordinal} স্তর)",
                f"cabinet-cell ({Level.CABINET_CELL.ordinal} স্তর)",
            ]
        else:
            call_command("loaddata", *demo_fixtures(), verbosity=1)
            self.create_accounts()
            holders = self.create_holders()
            # After the accounts: the appeal officer's post the demo names gets its English too.
            call_command("translate_services", FIXTURES / "translations" / "service-names.en.tsv")
            # A year of Joypurhat's service register (the upload's format), so its performance page
            # has figures to show; by the command's name: the register app sits above this one.
            call_command("import_register", FIXTURES / "examples" / "register-joypurhat.csv")
        # Usernames and the password as they are typed at the login form.
        self.stdout.write(
            f"\nঅ্যাডমিন অ্যাকাউন্ট (পাসওয়ার্ড {DEMO_PASSWORD}): hq (সব দপ্তর), "
            + ", ".join(f"{user} ({key}-এর চার্টার সম্পাদনা ও প্রকাশ করেন)" for user, key in DEMO_STAFF)
            + "; অভিযোগের ডেস্ক: "
            + ", ".join(holders)
        )
        address = served_at(addrport)
        if "PORTAL_URL" not in os.environ:
            settings.PORTAL_URL = address  # the links in SMS and e-mail lead to this server
        OutboxPrinter().start()
        self.stdout.write(
            f"\nএসএমএস ও ই-মেইল সারিতে ওঠার কয়েক সেকেন্ড পরে পাঠানোর সময় এখানে ছাপা হয় (লিংক {settings.PORTAL_URL}); "
            "প্রোডাকশনে এগুলো পাঠায় `manage.py send_notifications --loop`।\n"
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

    def _account(self, username):
        user, _ = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
        user.email = user.email or f"{username}@example.gov.bd"
        user.set_password(DEMO_PASSWORD)
        user.save()
        return user

    def _holder(self, office, level, post):
        """The post that holds the office's tier ``level`` in the charter in force; where the charter
        names none (no GRS table, or an address in words), ``post``, assigned as HQ would."""
        tier = PublishedTier.objects.get(office=office, level=level)
        if tier.holder_id is None:
            tier.assign(post)
        return tier.holder

    @transaction.atomic
    def create_holders(self):
        """Holders for tiers 1, 2 and 3 of the five seed offices; returns "user (what)" lines."""
        made = []
        hq_office = Office.objects.get(key="hq")
        appeal_post = Officer.objects.filter(office=hq_office, designation=APPEAL_POST).first()
        appeal_post = appeal_post or Officer.objects.create(office=hq_office, designation=APPEAL_POST)
        for key in SEED_OFFICES:
            office = Office.objects.get(key=key)
            post = office.officers.order_by("pk").first() or Officer.objects.create(
                office=office, designation=str(Level.REDRESS_OFFICER.label)
            )
            post = self._holder(office, Level.REDRESS_OFFICER, post)
            username = desk_username(key)
            GrievanceDesk.objects.update_or_create(
                user=self._account(username), defaults={"officer": post, "national_cell": False}
            )
            made.append(f"{username} ({key}-এর {Level.REDRESS_OFFICER.ordinal} স্তর)")
            self._holder(office, Level.APPEAL_OFFICER, appeal_post)
        GrievanceDesk.objects.update_or_create(
            user=self._account("appeal"), defaults={"officer": appeal_post, "national_cell": False}
        )
        made.append(
            f"appeal (পাঁচ দপ্তরের {Level.APPEAL_OFFICER.ordinal} স্তর: প্রধান কার্যালয়ের {APPEAL_POST}, "
            "যদি না কোনো চার্টার অন্য পদের নাম বলে)"
        )
        GrievanceDesk.objects.update_or_create(
            user=self._account("cabinet-cell"), defaults={"officer": None, "national_cell": True}
        )
        made.append(f"cabinet-cell ({Level.CABINET_CELL.ordinal} স্তর)")
        return made

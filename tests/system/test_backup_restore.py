"""Backup and restore: a full ``dumpdata`` of a populated database, loaded into an empty one, gives
the same pages and the same JSON for every office, in Bengali and in English.

Both databases are SQLite files handled by ``manage.py`` in subprocesses (SQLITE_PATH), as an
operator would run the commands; the dump is the README's backup command. modeltranslation keeps
three columns per translated field (the original ``name`` and ``name_bn``/``name_en``): the
populated database has English text in some of them, so a load that let the original column
overwrite a translation (modeltranslation issues #151, #395) would show on the English pages.
"""

import json
import os
import subprocess
import sys

from tests.support import ROOT, demo_fixture_paths

# The README's backup command: everything but what migrate recreates (content types, permissions),
# the sessions, the admin log and django-axes' login records; foreign keys to permissions and
# content types by their natural keys, so the dump loads into any freshly migrated database.
DUMP = [
    "dumpdata",
    "--natural-foreign",
    "--indent",
    "1",
    "-e",
    "contenttypes",
    "-e",
    "auth.permission",
    "-e",
    "sessions",
    "-e",
    "admin.logentry",
    "-e",
    "axes",
]

POPULATE = """
import datetime
from django.contrib.auth.models import Group, User
from grievances.models import Grievance, GrievanceDesk, Holiday
from offices.models import Office, OfficeStaff, Officer
from charters.models import Charter
from charters.apps import OFFICE_STAFF_GROUP
from services.models import Service

joypurhat = Office.objects.get(key="joypurhat")
user = User.objects.create_user("joypurhat", password="pw-for-tests-only", is_staff=True)
user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
OfficeStaff.objects.create(user=user, office=joypurhat)
GrievanceDesk.objects.create(user=user, officer=joypurhat.grievance_tiers.get(level=1).contact_officer)
Holiday.objects.create(date=datetime.date(2026, 10, 20), name="দুর্গাপূজা")
# English beside the Bengali, saved the way the admin saves it.
charter = Charter.objects.get(office=joypurhat)
charter.vision_en = "Use of information technology for a knowledge economy and good governance."
charter.save()
service = Service.objects.filter(office=joypurhat).order_by("pk").first()
service.name_en = "Information about the ICT Directorate"
service.save()
officer = Officer.objects.filter(office=joypurhat).order_by("pk").first()
officer.designation_en = "Programmer"
officer.save()
for n in range(3):
    grievance = Grievance.file(office=joypurhat, name=f"নাগরিক {n}", mobile=f"0171100000{n}",
                               description="তিনবার গিয়েও সেবা পাইনি।", desired_outcome="সেবা চাই।")
grievance.record_action(user=user, note="খোঁজ নেওয়া হচ্ছে")
"""

RENDER = """
import hashlib, json, os, re
from django.test import Client
from django.urls import Resolver404, resolve
from offices.models import Office

try:
    resolve("/en/office/hq/")
    prefixes = ["", "/en"]
except Resolver404:
    prefixes = [""]
client = Client()
pages = {}
for key in Office.objects.order_by("key").values_list("key", flat=True):
    for url in [f"{p}/office/{key}/" for p in prefixes] + [f"/office/{key}.json"]:
        response = client.get(url, HTTP_ACCEPT_ENCODING="identity")
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        pages[url] = [response.status_code, hashlib.sha256(body.encode()).hexdigest()]
with open(os.environ["RENDER_OUT"], "w") as out:
    json.dump(pages, out)
"""


def manage(database, *args, stdin=None, **extra_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PG"))}
    env.update({"SQLITE_PATH": str(database), "DJANGO_SETTINGS_MODULE": "charter_portal.settings", **extra_env})
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *map(str, args)],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def shell_json(database, code):
    """Run ``code`` in ``manage.py shell`` on ``database``; what it wrote to RENDER_OUT, as JSON.
    (A file, not stdout: the shell prints its own notices there.)"""
    out = database.with_suffix(".out.json")
    manage(database, "shell", "-c", code, RENDER_OUT=str(out))
    return json.loads(out.read_text("utf-8"))


def render_every_office(database):
    return shell_json(database, RENDER)


def test_a_dump_loaded_into_an_empty_database_gives_the_same_pages_and_json(tmp_path):
    source, restored, dump = tmp_path / "source.sqlite3", tmp_path / "restored.sqlite3", tmp_path / "backup.json"
    manage(source, "migrate", "-v0")
    manage(source, "loaddata", "-v0", *demo_fixture_paths())
    manage(source, "shell", "-c", POPULATE)
    manage(source, *DUMP, "-o", dump)

    rows = json.loads(dump.read_text("utf-8"))
    models = {row["model"] for row in rows}
    assert {
        "offices.office",
        "charters.charter",
        "services.service",
        "grievances.grievance",
        "grievances.grievanceevent",
        "auth.user",
        "offices.officestaff",
        "grievances.grievancedesk",
        "grievances.holiday",
        "pagecache.contentversion",
    } <= models
    # modeltranslation writes the original column beside both languages' columns.
    charter = next(r for r in rows if r["model"] == "charters.charter" and r["pk"] == 117)["fields"]
    assert charter["vision_en"].startswith("Use of information technology")
    assert charter["vision"] == charter["vision_bn"] != charter["vision_en"]

    manage(restored, "migrate", "-v0")
    manage(restored, "loaddata", "-v0", dump)

    before, after = render_every_office(source), render_every_office(restored)
    assert len(before) >= 559 * 2
    assert {status for status, _ in before.values()} == {200}
    assert [url for url in before if before[url] != after.get(url)] == []
    assert after.keys() == before.keys()

    # The translated columns themselves, row by row, and the grievances with their history.
    check = """
import json, os
from offices.models import Office
from charters.models import Charter
from services.models import Service
from grievances.models import Grievance
open(os.environ["RENDER_OUT"], "w").write(json.dumps({
    "charters": list(Charter.objects.order_by("pk").values("pk", "vision", "vision_bn", "vision_en")),
    "offices": list(Office.objects.order_by("pk").values("pk", "name", "name_bn", "name_en")),
    "services": list(Service.objects.order_by("pk").values("pk", "name", "name_bn", "name_en")),
    "grievances": [[g.tracking_number, g.status, g.events.count()] for g in Grievance.objects.order_by("pk")],
}, ensure_ascii=False))
"""
    assert shell_json(source, check) == shell_json(restored, check)

"""Fixtures HQ writes by hand: no primary keys, every foreign key by its key (issue 13).

A new upazila and its office load and show at once on every page a citizen uses; a bad one fails
with a message that names the file and the row, and the database is as it was.
"""

import json
import re

import pytest
from django.core.management import call_command
from django.test import Client

from offices.models import District, Division, Office, Upazila
from tests.offices.test_fixtures import table_counts
from tests.support import FIXTURES

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLE = FIXTURES / "examples" / "new-upazila.json"


def keyed_fixture(tmp_path, rows, name="hand-written.json"):
    path = tmp_path / name
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    return path


def upazila(key, district, name_bn="নতুন উপজেলা", name_en="New Upazila"):
    return {
        "model": "offices.upazila",
        "fields": {"key": key, "name_bn": name_bn, "name_en": name_en, "domain": "", "district": [district]},
    }


def office(key, parent, *, level="upazila", upazila=None, district=None, name_bn="উপজেলা কার্যালয়, নতুন"):
    fields = {"key": key, "level": level, "name_bn": name_bn, "parent": [parent] if parent else None}
    if upazila:
        fields["upazila"] = [upazila]
    if district:
        fields["district"] = [district]
    return {"model": "offices.office", "fields": fields}


def test_the_example_has_no_primary_keys_and_names_every_foreign_key_by_key():
    rows = json.loads(EXAMPLE.read_text("utf-8"))
    assert [row["model"] for row in rows] == ["offices.upazila", "offices.office"]
    assert all("pk" not in row for row in rows)
    assert rows[0]["fields"]["district"] == ["joypurhat"]
    assert rows[1]["fields"]["parent"] == ["joypurhat"] and rows[1]["fields"]["upazila"] == [rows[0]["fields"]["key"]]


def test_the_example_loads_and_every_page_shows_the_new_office_at_once():
    client = Client()
    # Pages kept by the page cache before the load must not hide the new office after it.
    for url in ("/", "/district/joypurhat/", "/office/joypurhat/", "/search/?q=দক্ষিণ কালাই"):
        assert client.get(url).status_code == 200
    call_command("loaddata", str(EXAMPLE), verbosity=0)

    new = Office.objects.get(key="kalaisouth.joypurhat")
    assert new.parent.key == "joypurhat" and new.upazila.district.key == "joypurhat"
    assert new.upazila.name_bn == "দক্ষিণ কালাই" and new.level == "upazila"
    new.full_clean()

    directory = client.get("/").content.decode()
    assert "৭টি দপ্তর" in directory.split('id="district-joypurhat"')[1].split("</li>")[0]  # was ৬
    district = client.get("/district/joypurhat/").content.decode()
    assert "/office/kalaisouth.joypurhat/" in district and "দক্ষিণ কালাই" in district
    search = client.get("/search/?q=দক্ষিণ কালাই").content.decode()
    assert "/office/kalaisouth.joypurhat/" in search
    district_page = client.get("/office/joypurhat/").content.decode()
    assert "/office/kalaisouth.joypurhat/" in district_page
    page = client.get("/office/kalaisouth.joypurhat/")
    assert page.status_code == 200
    assert "এই দপ্তরের সিটিজেন চার্টার এখনো পোর্টালে প্রকাশিত হয়নি।" in page.content.decode()
    assert client.get("/office/kalaisouth.joypurhat.json").json()["office"]["charter"] is None


def test_a_new_division_district_and_offices_can_all_be_written_by_key(tmp_path):
    rows = [
        {"model": "offices.division", "fields": {"key": "newdiv", "name_bn": "নতুন বিভাগ", "name_en": "New"}},
        {
            "model": "offices.district",
            "fields": {"key": "newdist", "name_bn": "নতুন জেলা", "name_en": "New", "division": ["newdiv"]},
        },
        upazila("first.newdist", "newdist"),
        office("newdist", "hq", level="district", district="newdist", name_bn="জেলা কার্যালয়, নতুন"),
        office("first.newdist", "newdist", upazila="first.newdist"),
    ]
    call_command("loaddata", str(keyed_fixture(tmp_path, rows)), verbosity=0)
    assert District.objects.get(key="newdist").division == Division.objects.get(key="newdiv")
    assert Office.objects.get(key="first.newdist").parent.parent.key == "hq"


BAD = {
    "an unknown district key": (
        [upazila("ghost.nowhere", "nowhere"), office("ghost.nowhere", "joypurhat", upazila="ghost.nowhere")],
        r"Upazila ghost\.nowhere: জেলা পাওয়া যায়নি",
    ),
    "an upazila key that already exists": (
        [upazila("kalai.joypurhat", "joypurhat", name_bn="কালাই", name_en="Kalai")],
        r"Upazila kalai\.joypurhat: এই কী আগে থেকেই আছে",
    ),
    "an office key that already exists": (
        [upazila("fresh.joypurhat", "joypurhat"), office("kalai.joypurhat", "joypurhat", upazila="fresh.joypurhat")],
        r"Office kalai\.joypurhat: এই কী আগে থেকেই আছে",
    ),
    "an office whose level does not match its area": (
        [upazila("fresh.joypurhat", "joypurhat"), office("fresh.joypurhat", "joypurhat", district="joypurhat")],
        r"Office fresh\.joypurhat: দপ্তরের এলাকা তার স্তরের সাথে মেলে না",
    ),
    "an upazila office under another district's office": (
        [upazila("fresh.joypurhat", "joypurhat"), office("fresh.joypurhat", "bogra", upazila="fresh.joypurhat")],
        r"Office fresh\.joypurhat: উপজেলা কার্যালয়ের ঊর্ধ্বতন দপ্তর হবে তার নিজের জেলা কার্যালয়",
    ),
    "an upazila office under the headquarters": (
        [upazila("fresh.joypurhat", "joypurhat"), office("fresh.joypurhat", "hq", upazila="fresh.joypurhat")],
        r"Office fresh\.joypurhat: .*ঊর্ধ্বতন দপ্তর হবে একটি জেলা কার্যালয়",
    ),
    "a key that is not a key": (
        [upazila("Kalai South!", "joypurhat")],
        r"Upazila Kalai South!: দপ্তরের কী ছোট হাতের ইংরেজি",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_bad_hand_written_fixture_fails_naming_file_and_row_and_changes_nothing(tmp_path, case):
    rows, message = BAD[case]
    path = keyed_fixture(tmp_path, rows, name="bad-upazila.json")
    before = table_counts()
    kalai = Upazila.objects.get(key="kalai.joypurhat")
    with pytest.raises(Exception) as raised:
        # The example beside it, in the same command, is rolled back too.
        call_command("loaddata", str(EXAMPLE), str(path), verbosity=0)
    text = str(raised.value)
    assert "bad-upazila.json" in text, text
    assert re.search(message, text), text
    assert table_counts() == before
    assert not Office.objects.filter(key__in=["fresh.joypurhat", "kalaisouth.joypurhat"]).exists()
    assert Upazila.objects.get(key="kalai.joypurhat").name_bn == kalai.name_bn


def test_loading_the_same_hand_written_fixture_twice_refuses_the_second(tmp_path):
    call_command("loaddata", str(EXAMPLE), verbosity=0)
    with pytest.raises(Exception, match=r"new-upazila\.json.*Upazila kalaisouth\.joypurhat: এই কী আগে থেকেই আছে"):
        call_command("loaddata", str(EXAMPLE), verbosity=0)
    assert Office.objects.filter(key="kalaisouth.joypurhat").count() == 1


def test_loading_the_example_twice_is_refused_in_one_line_not_a_traceback(capsys, monkeypatch):
    from django.db import connections

    from charter_portal.cli import main

    # A command closes the database connections when it ends (run_from_argv); here that connection
    # holds the test's transaction, which PostgreSQL cannot use once closed.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    example = str(FIXTURES / "examples" / "new-upazila.json")
    main(["manage.py", "loaddata", "-v0", example])
    with pytest.raises(SystemExit) as exit_status:
        main(["manage.py", "loaddata", "-v0", example])
    assert exit_status.value.code == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error, error
    assert error.startswith("CommandError: new-upazila.json: Upazila kalaisouth.joypurhat: এই কী আগে থেকেই আছে"), error

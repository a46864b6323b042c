"""The fixtures: built from the national geography, loadable alone or together, refused when malformed."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from offices.geocode import GeocodeError, read_geocode
from offices.models import District, Division, Office, Upazila
from services.models import Service
from tests.support import FIXTURES, demo_fixture_paths

GEOCODE = FIXTURES / "bd-geocode"

pytestmark = pytest.mark.django_db


def table_counts():
    with connection.cursor() as cursor:
        counts = {}
        for model in (Division, District, Upazila, Office, Service):
            cursor.execute(f"SELECT COUNT(*) FROM {model._meta.db_table}")
            counts[model._meta.label] = cursor.fetchone()[0]
        return counts


def test_the_national_tree_is_loaded():
    assert (Division.objects.count(), District.objects.count(), Upazila.objects.count()) == (8, 64, 494)
    assert Office.objects.filter(level="hq").count() == 1
    assert Office.objects.filter(level="district").count() == 64
    assert Office.objects.filter(level="upazila").count() == 494
    kachua = Office.objects.get(key="kachua.chandpur")
    assert kachua.parent.key == "chandpur" and kachua.parent.parent.key == "hq"
    assert kachua.upazila.name_bn == "কচুয়া" and kachua.upazila.name_en == "Kachua"


def test_geography_flaws_are_handled_not_copied():
    shahrasti = Upazila.objects.get(key="shahrasti.chandpur")
    assert shahrasti.name_bn == "শাহরাস্তি"  # the source has a trailing tab
    assert Upazila.objects.get(key="bijoynagar.brahmanbaria").domain == "bijoynagar.brahmanbaria.gov.bd"
    for key in ("eidgaon.coxsbazar", "madhyanagar.sunamganj", "dasar.madaripur"):
        upazila = Upazila.objects.get(key=key)  # "null" urls get a key in the national pattern
        assert upazila.domain == ""
        assert Office.objects.get(key=key).upazila == upazila


def test_every_fixture_model_is_clean():
    for office in Office.objects.select_related("parent", "upazila", "district"):
        office.full_clean()


def test_committed_fixtures_match_the_geography_files(tmp_path):
    out = StringIO()
    call_command("geography_fixtures", str(GEOCODE), output=str(tmp_path), stdout=out)
    assert out.getvalue().startswith("৮টি বিভাগ, ৬৪টি জেলা, ")
    for name in ("geography.json", "offices.json"):
        assert json.loads((tmp_path / name).read_text("utf-8")) == json.loads((FIXTURES / name).read_text("utf-8"))


def test_fixtures_are_utf8_bengali_not_escaped():
    text = (FIXTURES / "geography.json").read_text("utf-8")
    assert "রাজশাহী" in text and "\\u09" not in text


def test_a_broken_geography_file_is_refused_with_its_line(tmp_path):
    for name in ("divisions.csv", "districts.csv", "upazilas.csv"):
        (tmp_path / name).write_text((GEOCODE / name).read_text("utf-8"), "utf-8")
    with open(tmp_path / "upazilas.csv", "a", encoding="utf-8") as handle:
        handle.write('"999","99","Nowhere","কোথাও নেই","nowhere.none.gov.bd"\n')
    with pytest.raises(GeocodeError, match=r"upazilas.csv, লাইন ৪৯৫: “99” আইডির কোনো জেলা নেই"):
        read_geocode(tmp_path)
    with pytest.raises(CommandError, match="ভৌগোলিক তালিকা পড়া যায়নি, কোনো ফিক্সচার লেখা হয়নি: upazilas.csv, লাইন ৪৯৫"):
        call_command("geography_fixtures", str(tmp_path), output=str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_reloading_the_fixtures_changes_nothing():
    before = table_counts()
    call_command("loaddata", *demo_fixture_paths(), verbosity=0)
    assert table_counts() == before


@pytest.mark.parametrize(
    "content, message",
    [
        ('[{"model": "offices.office", "pk": 5000, "fields": {"key": "x"', "Problem installing fixture"),
        ('[{"model": "offices.nosuchmodel", "pk": 1, "fields": {}}]', "Invalid model identifier"),
        (
            '[{"model": "offices.office", "pk": 117, "fields": {"key": "joypurhat", "level": "district", '
            '"name_bn": "x", "district": 17, "parent": 99999}}]',
            "Problem installing fixture",
        ),
    ],
)
def test_a_malformed_fixture_fails_clearly_and_changes_nothing(tmp_path, content, message, django_db_blocker):
    bad = tmp_path / "bad.json"
    good = FIXTURES / "charters" / "joypurhat.json"
    bad.write_text(content, "utf-8")
    before = table_counts()
    joypurhat_name = Office.objects.get(key="joypurhat").name_bn
    with pytest.raises(Exception, match=message):
        # A good file loaded in the same command is rolled back with the bad one.
        call_command("loaddata", str(good), str(bad), verbosity=0)
    assert table_counts() == before
    assert Office.objects.get(key="joypurhat").name_bn == joypurhat_name

"""A register uploaded as CSV and as .xlsx gives the figures worked out by hand, on the JSON and
on the page; a share is published only from ten ended requests; no mobile is ever shown."""

import pytest
from django.core.management import call_command

from register.models import ServiceRequest
from tests.support.register import KNOWN_ROWS, register_csv, register_xlsx

pytestmark = pytest.mark.django_db

PERIOD = "?from=2026-10-01&to=2026-10-31"


def by_key(document, category, serial):
    return next(s for s in document["services"] if (s["category"], s["serial"]) == (category, serial))


@pytest.mark.parametrize("make, name", [(register_csv, "register.csv"), (register_xlsx, "register.xlsx")])
def test_a_known_register_gives_the_known_figures(client, tmp_path, make, name):
    path = tmp_path / name
    path.write_bytes(make(KNOWN_ROWS))
    call_command("import_register", str(path))
    assert ServiceRequest.objects.filter(office__key="joypurhat").count() == 18

    document = client.get(f"/office/joypurhat/performance.json{PERIOD}").json()
    assert (document["office"], document["from"], document["to"]) == ("joypurhat", "2026-10-01", "2026-10-31")
    assert by_key(document, "institutional", 1) == {
        "category": "institutional",
        "serial": 1,
        "name": "বিভিন্ন প্রতিবেদন/ তথ্য প্রেরণ",
        "promise": {"kind": "working_days", "days": 5},
        "received": 14,
        "ended": 12,
        "on_time": 11,
        "late": 1,
        "pending_overdue": 1,
        "on_time_share": 11 / 13,
        "median_working_days": 5,
    }
    citizen_1 = by_key(document, "citizen", 1)
    assert citizen_1["promise"] == {"kind": "same_day", "days": 0}
    assert [citizen_1[k] for k in ("received", "ended", "on_time", "late", "pending_overdue")] == [3, 2, 1, 1, 1]
    assert citizen_1["on_time_share"] is None  # two ended: too few to say
    assert citizen_1["median_working_days"] == 0.5
    assert by_key(document, "citizen", 2)["on_time"] == 1
    # A service with no requests is listed with nothing counted.
    assert by_key(document, "internal", 1)["received"] == 0
    assert document["total"] == {
        "received": 18,
        "ended": 15,
        "on_time": 13,
        "late": 2,
        "pending_overdue": 2,
        "on_time_share": 13 / 17,
        "median_working_days": 5,
    }

    page = client.get(f"/office/joypurhat/performance/{PERIOD}").content.decode()
    assert "৮৫%" in page  # 11 of 13
    assert "৭৬%" in page  # 13 of 17
    assert "বলার মতো যথেষ্ট নয়" in page
    assert "01711" not in page and "০১৭১১" not in page
    assert "<svg" in page and "<script" not in page


def test_the_english_page_and_the_period_outside_the_register(client):
    ServiceRequest.objects.all().delete()
    english = client.get("/en/office/joypurhat/performance/")
    assert english.status_code == 200
    assert b"Requests received" in english.content and b"Too few to say" in english.content
    empty = client.get("/office/joypurhat/performance.json?from=2020-01-01&to=2020-03-31").json()
    assert empty["total"]["received"] == 0 and empty["total"]["median_working_days"] is None


def test_bad_periods_and_unknown_offices(client):
    assert client.get("/office/joypurhat/performance.json?from=tomorrow").status_code == 400
    assert client.get("/office/joypurhat/performance.json?from=2026-10-02&to=2026-10-01").status_code == 400
    assert client.get("/office/nowhere/performance.json").status_code == 404
    assert client.get("/office/nowhere/performance/").status_code == 404
    quarter = client.get("/office/joypurhat/performance.json?quarter=2026Q4").json()
    assert (quarter["from"], quarter["to"]) == ("2026-10-01", "2026-12-31")


def test_an_imported_register_file_renews_the_kept_page_at_once(client):
    url = f"/office/joypurhat/performance.json{PERIOD}"
    before = client.get(url).json()["total"]["received"]
    from register.importing import import_register

    import_register(register_csv(KNOWN_ROWS[:1]))
    assert client.get(url).json()["total"]["received"] == before + 1


def test_a_request_recorded_at_a_counter_keeps_every_charter_page_and_shows_within_five_minutes(client, monkeypatch):
    import datetime
    import time

    from offices.models import Office
    from pagecache.versions import current_version
    from register.views import FRESH_FOR
    from services.models import ServiceListing

    caches_before = current_version()
    charter = client.get("/office/joypurhat/")
    performance = client.get("/office/joypurhat/performance.json").json()["total"]["received"]
    listing = ServiceListing.objects.filter(office__key="joypurhat").first()
    ServiceRequest.objects.create(
        office=Office.objects.get(key="joypurhat"),
        category=listing.category,
        serial=listing.serial,
        service_name=listing.name_bn,
        received_on=datetime.date.today(),
        channel="counter",
        promise_kind="working_days",
        promise_days=5,
    )
    assert current_version() == caches_before  # the country's kept pages are not thrown away
    again = client.get("/office/joypurhat/", HTTP_IF_NONE_MATCH=charter["ETag"])
    assert again.status_code == 304
    assert client.get("/office/joypurhat/performance.json").json()["total"]["received"] == performance  # kept
    later = time.time() + FRESH_FOR + 1
    monkeypatch.setattr(time, "time", lambda: later)  # the page cache reads the clock here
    assert client.get("/office/joypurhat/performance.json").json()["total"]["received"] == performance + 1
    page = client.get("/office/joypurhat/performance/").content.decode()
    assert "নতুন রেকর্ড ৫ মিনিটের মধ্যে এখানে যোগ হয়" in page


def test_a_service_no_longer_in_the_charter_is_shown_as_it_was_received(client):
    import datetime

    from offices.models import Office

    ServiceRequest.objects.create(
        office=Office.objects.get(key="joypurhat"),
        category=3,
        serial=99,
        service_name="পুরোনো চার্টারের একটি সেবা",
        received_on=datetime.date(2026, 10, 1),
        outcome="delivered",
        ended_on=datetime.date(2026, 10, 1),
        promise_kind="same_day",
    )
    document = client.get(f"/office/joypurhat/performance.json{PERIOD}").json()
    old = by_key(document, "internal", 99)
    assert old["name"] == "পুরোনো চার্টারের একটি সেবা" and old["promise"] == {"kind": "same_day", "days": 0}
    assert (old["received"], old["on_time"]) == (1, 1)

"""Drafts and published versions: what staff edit is a draft; citizens read what was published."""

import datetime
import json
import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from charters.errors import CharterError
from charters.models import Charter, CharterVersion
from charters.publishing import NothingToPublish, publish, withdraw
from charters.snapshot import draft_document
from offices.models import Office, OfficeStaff
from services.models import Service
from services.search import find_services
from tests.support import FIXTURES, SEED_OFFICES
from tests.support.charters import SEED_FILES, publish_now

pytestmark = pytest.mark.django_db

NEW_FEE = "৫০০ টাকা (নতুন)"


def joypurhat():
    return Office.objects.get(key="joypurhat")


def change_first_fee(office, fee=NEW_FEE):
    service = Service.objects.filter(office=office).order_by("category", "serial").first()
    old = service.fee_bn
    service.fee_bn = fee
    service.save()
    return service, old


def page(client, url="/office/joypurhat/"):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("key", SEED_OFFICES)
def test_each_seed_charter_loads_as_its_version_1(key):
    office = Office.objects.get(key=key)
    version = CharterVersion.objects.current_of(office)
    assert version.number == 1 and version.withdrawn_at is None
    # The shipped version is the shipped draft, frozen: they cannot drift apart.
    assert version.document == draft_document(office)


def test_a_draft_edit_stays_off_every_public_page_until_published(client):
    office = joypurhat()
    service, old_fee = change_first_fee(office)
    assert NEW_FEE not in page(client) and old_fee in page(client)
    assert NEW_FEE not in json.dumps(client.get("/office/joypurhat.json").json(), ensure_ascii=False)
    assert NEW_FEE not in client.get("/opendata/services.csv").getvalue().decode()
    version = publish_now(office)
    assert version.number == 2
    assert NEW_FEE in page(client)
    assert NEW_FEE in json.dumps(client.get("/office/joypurhat.json").json(), ensure_ascii=False)
    assert NEW_FEE in client.get("/opendata/services.csv").getvalue().decode()


def test_publishing_needs_a_date_and_a_signatory_and_changes_nothing_without():
    office = joypurhat()
    change_first_fee(office)
    for missing in ({"issued_on": None}, {"signatory_name": " "}, {"signatory_designation": ""}):
        fields = {"issued_on": datetime.date(2026, 12, 1), "signatory_name": "ক", "signatory_designation": "খ"}
        with pytest.raises(CharterError, match="দিন।"):
            publish(office, **{**fields, **missing})
    assert CharterVersion.objects.filter(office=office).count() == 1


def test_a_draft_that_never_changed_publishes_nothing():
    with pytest.raises(NothingToPublish, match="কোনো পরিবর্তন নেই"):
        publish_now(joypurhat())
    assert CharterVersion.objects.filter(office=joypurhat()).count() == 1


def test_a_published_version_cannot_be_edited_by_anyone():
    version = CharterVersion.objects.current_of(joypurhat())
    version.document["services"] = []
    with pytest.raises(ValidationError, match="বদলানো যায় না"):
        version.save()
    version.refresh_from_db()
    assert version.document["services"]


def test_the_date_and_signatory_given_at_publication_are_the_pages():
    office = joypurhat()
    change_first_fee(office)
    version = publish(
        office, issued_on=datetime.date(2026, 12, 1), signatory_name="নতুন নাম", signatory_designation="সহকারী প্রোগ্রামার"
    )
    assert (version.issued_on, version.signatory_name) == (datetime.date(2026, 12, 1), "নতুন নাম")
    assert version.document["signatory_name"]["bn"] == "নতুন নাম"
    assert Charter.objects.get(office=office).signatory_name_bn == "নতুন নাম"  # the next draft starts from it


def test_withdrawing_a_version_puts_the_one_before_back_in_force(client):
    office = joypurhat()
    change_first_fee(office)
    second = publish_now(office)
    assert NEW_FEE in page(client)
    hq = User.objects.create_superuser("hq-withdraw", password="x")
    withdraw(second, hq)
    assert NEW_FEE not in page(client)
    assert CharterVersion.objects.current_of(office).number == 1
    with pytest.raises(CharterError):
        withdraw(second, hq)
    listing = page(client, "/office/joypurhat/versions/")
    assert "প্রত্যাহার করা হয়েছে" in listing and "বর্তমানে প্রযোজ্য" in listing


def test_the_version_list_the_old_version_and_what_changed(client):
    office = joypurhat()
    service, old_fee = change_first_fee(office)
    Service.objects.filter(office=office, category=1).order_by("-serial").first().delete()
    publish_now(office)
    listing = page(client, "/office/joypurhat/versions/")
    assert listing.index("সংস্করণ ২") < listing.index("সংস্করণ ১")  # newest first
    assert "১টি সেবা বাদ" in listing and "১টি সেবায় পরিবর্তন" in listing
    old = page(client, "/office/joypurhat/versions/1/")
    assert "এটি বর্তমানে প্রযোজ্য নয়" in old and old_fee in old
    new = page(client, "/office/joypurhat/versions/2/")
    changes = new.split('id="what-changed"')[1].split("</section>")[0]
    assert old_fee in changes and NEW_FEE in changes and changes.index(old_fee) < changes.index(NEW_FEE)
    assert "বাদ গেছে" in changes
    data = client.get("/office/joypurhat/versions/1.json").json()
    assert data["office"]["charter"]["version"] == 1
    assert client.get("/office/joypurhat/versions/9/").status_code == 404
    assert client.get("/office/joypurhat/versions/9.json").status_code == 404


def test_search_lists_the_published_services_only():
    office = joypurhat()
    service = Service.objects.filter(office=office).first()
    service.name_bn = "একদম নতুন খসড়া সেবা"
    service.save()
    assert find_services("একদম নতুন খসড়া") == []
    publish_now(office)
    assert len(find_services("একদম নতুন খসড়া")) == 1


def staff_of(office, username="staff-joypurhat"):
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    OfficeStaff.objects.create(user=user, office=office)
    return user


def test_the_preview_shows_the_draft_to_its_own_staff_only_and_is_never_kept(client):
    office = joypurhat()
    change_first_fee(office)
    assert client.get("/office/joypurhat/preview/").status_code == 302  # to the login
    client.force_login(staff_of(office))
    response = client.get("/office/joypurhat/preview/")
    html = response.content.decode()
    assert response.status_code == 200 and NEW_FEE in html and "খসড়া — প্রকাশিত নয়" in html
    assert "no-cache" in response["Cache-Control"]
    assert NEW_FEE not in page(client)  # the public page is still the published one
    client.force_login(staff_of(Office.objects.get(key="kachua.chandpur"), "staff-kachua"))
    refused = client.get("/office/joypurhat/preview/")
    assert refused.status_code == 403 and NEW_FEE not in refused.content.decode()


@pytest.mark.parametrize("key", SEED_OFFICES)
def test_import_replace_publish_reproduces_each_seed_and_without_publish_leaves_the_page(client, tmp_path, key):
    url = f"/office/{key}/"
    before = page(client, url)
    seed = FIXTURES / "seeds" / SEED_FILES[key]
    out = StringIO()
    call_command("import_charter", str(seed), "--office", key, "--replace", stdout=out)
    assert page(client, url) == before
    edited = tmp_path / SEED_FILES[key]
    edited.write_text(seed.read_text("utf-8").replace("বিনামূল্যে", "১০ টাকা", 1), "utf-8")
    call_command("import_charter", str(edited), "--office", key, "--replace", stdout=out)
    assert page(client, url) == before  # a draft
    call_command("import_charter", str(seed), "--office", key, "--replace", "--publish", stdout=out)
    assert "কোনো পরিবর্তন নেই" in out.getvalue()  # the seed again: nothing new to publish
    call_command("import_charter", str(edited), "--office", key, "--replace", "--publish", stdout=out)
    assert "১০ টাকা" in page(client, url)
    call_command("import_charter", str(seed), "--office", key, "--replace", "--publish", stdout=out)

    def words(html):  # word for word as before; only the rows' ids in the grievance links are new
        return re.sub(r"\?service=\d+", "", html.split('id="services"')[1].split('class="charter-signature"')[0])

    assert words(page(client, url)) == words(before)


def test_publish_charter_command():
    office = joypurhat()
    out = StringIO()
    call_command("publish_charter", "joypurhat", stdout=out)
    assert "কোনো পরিবর্তন নেই" in out.getvalue()
    change_first_fee(office)
    call_command("publish_charter", "joypurhat", "--issued-on", "2026-12-01", stdout=out)
    assert CharterVersion.objects.current_of(office).issued_on == datetime.date(2026, 12, 1)
    assert "প্রকাশিত হয়েছে: joypurhat, সংস্করণ ২" in out.getvalue()
    with pytest.raises(CommandError, match="“1/12/2026”: তারিখটি পড়া যায়নি, কিছুই করা হয়নি। YYYY-MM-DD"):
        call_command("publish_charter", "joypurhat", "--issued-on", "1/12/2026")
    with pytest.raises(CommandError, match="“nowhere” কী-এর কোনো দপ্তর নেই"):
        call_command("publish_charter", "nowhere")
    kachua = Office.objects.get(key="kachua.chandpur")  # its paper charter has no date or signatory
    change_first_fee(kachua)
    with pytest.raises(CommandError, match="kachua.chandpur: কিছুই প্রকাশ করা হয়নি: চার্টারের তারিখ দিন"):
        call_command("publish_charter", "kachua.chandpur")
    assert CharterVersion.objects.current_of(kachua).number == 1


def test_a_grievance_records_the_charter_version_in_force_when_it_was_filed(client):
    from tests.support.grievances import file_on

    today = datetime.date(2026, 12, 1)
    first = file_on(today)
    change_first_fee(joypurhat())
    publish_now(joypurhat())
    second = file_on(today)
    assert (first.charter_version, second.charter_version) == (1, 2)
    assert file_on(today, key="haimchar.chandpur").charter_version is None  # it has published none
    status = client.post(
        "/grievance/", {"tracking_number": second.tracking_number, "mobile": second.mobile}, follow=True
    )
    assert 'href="/office/joypurhat/versions/2/"' in status.content.decode()

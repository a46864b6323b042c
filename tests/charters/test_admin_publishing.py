"""Publishing in the admin: the CharterVersion admin's add page is the publish form (through
charters.publishing.publish), versions are read-only for everyone, HQ alone withdraws."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from charters.models import CharterVersion
from offices.models import Office
from services.models import Service
from tests.charters.test_charter_editor import make_staff

pytestmark = pytest.mark.django_db

OWN = "joypurhat"
ADD = "/admin/charters/charterversion/add/"
VALID = {"issued_on": "2026-05-01", "signatory_name": "মোঃ নতুন স্বাক্ষরকারী", "signatory_designation": "প্রোগ্রামার"}


def publisher(username="joypurhat-publisher", key=OWN):
    user = make_staff(username, key)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="charters", codename="publish_charter"))
    return user


def versions(key=OWN):
    return CharterVersion.objects.filter(office__key=key).count()


def change_a_fee(fee="১০০ টাকা", key=OWN):
    service = Service.objects.filter(office__key=key).order_by("category", "serial").first()
    service.fee_bn = fee
    service.save()
    return service


def test_staff_without_the_publish_permission_cannot_open_or_post_the_form(client):
    client.force_login(make_staff())
    change_a_fee()
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, VALID).status_code == 403
    assert versions() == 1
    # The list is theirs to read.
    assert client.get("/admin/charters/charterversion/").status_code == 200


def test_the_form_is_prefilled_with_todays_date_and_the_drafts_signatory(client):
    client.force_login(publisher())
    html = client.get(ADD).content.decode()
    charter = Office.objects.get(key=OWN).charter
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in html
    assert f'value="{charter.issued_on:%Y-%m-%d}"' not in html  # not the last version's signing date
    assert charter.signatory_name_bn in html and 'name="office"' not in html  # staff publish their own office


@pytest.mark.parametrize(
    "missing, message",
    [("issued_on", "চার্টারের তারিখ দিন।"), ("signatory_name", "স্বাক্ষরকারীর নাম দিন।")],
)
def test_publishing_without_date_or_signatory_is_a_bengali_error_and_changes_nothing(client, missing, message):
    client.force_login(publisher())
    service = change_a_fee()
    response = client.post(ADD, {**VALID, missing: ""})
    assert response.status_code == 200 and message in response.content.decode()
    assert versions() == 1
    assert "১০০ টাকা" not in client.get(service.get_absolute_url()).content.decode()


def test_a_bad_date_is_a_bengali_error(client):
    client.force_login(publisher())
    change_a_fee()
    response = client.post(ADD, {**VALID, "issued_on": "৩২/১৩/২০২৬"})
    assert response.status_code == 200 and "তারিখটি বোঝা যায়নি" in response.content.decode()
    assert versions() == 1


def test_an_unchanged_draft_publishes_nothing_and_says_so(client):
    client.force_login(publisher())
    response = client.post(ADD, VALID)
    assert response.status_code == 200 and "কোনো পরিবর্তন নেই" in response.content.decode()
    assert versions() == 1


def test_publishing_makes_the_draft_the_public_page_and_logs_it(client):
    user = publisher()
    client.force_login(user)
    service = change_a_fee()
    page = client.get(ADD).content.decode()
    assert "১০০ টাকা" in page  # what will change, before publishing
    response = client.post(ADD, VALID)
    assert response.status_code == 302
    version = CharterVersion.objects.filter(office__key=OWN).order_by("-number").first()
    assert (version.number, version.published_by, version.signatory_name) == (2, user, VALID["signatory_name"])
    assert LogEntry.objects.filter(object_id=str(version.pk), content_type__model="charterversion").exists()
    assert "১০০ টাকা" in client.get(service.get_absolute_url()).content.decode()
    listing = client.get(response["Location"]).content.decode()
    assert "প্রকাশিত হয়েছে" in listing and version.get_absolute_url() in listing


def test_hq_picks_the_office(admin_client):
    office = Office.objects.get(key=OWN)
    html = admin_client.get(ADD, {"office": office.pk}).content.decode()
    assert f'<option value="{office.pk}" selected>' in html
    change_a_fee()
    response = admin_client.post(ADD, {**VALID, "office": office.pk})
    assert response.status_code == 302 and versions() == 2
    assert admin_client.post(ADD, VALID).status_code == 200 and versions() == 2  # no office: an error


@pytest.mark.parametrize("who", ["hq", "owner"])
def test_a_published_version_is_read_only_for_everyone(client, admin_user, who):
    client.force_login(admin_user if who == "hq" else publisher())
    version = CharterVersion.objects.get(office__key=OWN, number=1)
    before = CharterVersion.objects.filter(pk=version.pk).values().get()
    url = reverse("admin:charters_charterversion_change", args=[version.pk])
    html = client.get(url).content.decode()
    assert 'name="signatory_name"' not in html and version.get_absolute_url() in html
    assert client.post(url, {"signatory_name": "বদল", "issued_on": "2020-01-01"}).status_code == 403
    delete = reverse("admin:charters_charterversion_delete", args=[version.pk])
    assert client.get(delete).status_code == 403 and client.post(delete, {"post": "yes"}).status_code == 403
    client.post(
        "/admin/charters/charterversion/",
        {"action": "delete_selected", "_selected_action": [version.pk], "post": "yes"},
    )
    assert CharterVersion.objects.filter(pk=version.pk).values().get() == before


def test_hq_withdraws_a_version_and_it_stays_in_the_list_marked_withdrawn(admin_client):
    version = CharterVersion.objects.get(office__key=OWN, number=1)
    response = admin_client.post(
        "/admin/charters/charterversion/", {"action": "withdraw_versions", "_selected_action": [version.pk]}
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.withdrawn_at is not None
    html = admin_client.get("/admin/charters/charterversion/", {"q": OWN}).content.decode()
    assert "প্রত্যাহার করা হয়েছে" in html


def test_staff_cannot_withdraw(client):
    client.force_login(publisher())
    version = CharterVersion.objects.get(office__key=OWN, number=1)
    assert "withdraw_versions" not in client.get("/admin/charters/charterversion/").content.decode()
    client.post("/admin/charters/charterversion/", {"action": "withdraw_versions", "_selected_action": [version.pk]})
    version.refresh_from_db()
    assert version.withdrawn_at is None

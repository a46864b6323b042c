"""The permission matrix beyond the admin's models: the grievance dashboard and report, HQ's
charter upload and coverage, the charter editor's moves, the draft's preview and publishing."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from grievances.models import Grievance
from offices.models import office_of
from tests.support.permissions import (
    MODELS,
    OWNER_OFFICE,
    REFUSED_ACTORS,
    admin_url,
    another_offices_staff,
    hq_actions,
    is_refused,
    kind_of,
    office,
    owner_actions,
)

pytestmark = pytest.mark.django_db


# ---- the grievance pages outside the admin: the dashboard and the monthly report


@pytest.mark.parametrize("url", ["/grievances/dashboard/", "/grievances/report/", "/grievances/report/?format=csv"])
@pytest.mark.parametrize("who", REFUSED_ACTORS)
def test_the_dashboard_and_the_report_refuse_who_holds_no_desk_and_show_a_desk_only_its_own(client, rows, who, url):
    user = REFUSED_ACTORS[who]()
    grievance = rows["rows"][Grievance]  # Joypurhat's, at tier 1
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if who in ("another office's staff", "a grievance officer of the wrong tier"):
        # They hold a desk: their own offices only, never Joypurhat's tier-1 grievance.
        assert response.status_code == 200 and grievance.tracking_number not in response.content.decode()
    else:
        assert is_refused(response) or (response.status_code == 302 and "/login/" in response["Location"])


@pytest.mark.parametrize("url", ["/grievances/dashboard/", "/grievances/report/"])
def test_hq_and_the_holder_reach_the_dashboard_and_the_report(client, admin_client, rows, url):
    assert admin_client.get(url).status_code == 200
    client.force_login(rows["desk_holder"])
    assert client.get(url).status_code == 200


# ---- HQ's own pages: the charter file upload and the publication coverage (issue 13)


def hq_pages(office_pk):
    upload = reverse("admin:offices_office_charter_import", args=[office_pk])
    return [
        ("GET", upload),
        ("POST", upload),
        ("GET", reverse("admin:offices_office_charter_coverage")),
        ("GET", reverse("admin:offices_office_charter_coverage_csv")),
    ]


def charter_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.support import SEEDS

    return {"charter_file": SimpleUploadedFile("joypurhat.txt", (SEEDS / "joypurhat.txt").read_bytes())}


@pytest.mark.parametrize("who", [*REFUSED_ACTORS, "the office's own staff"])
def test_only_hq_reaches_the_charter_upload_and_the_coverage(client, rows, who):
    user = rows["owner"] if who == "the office's own staff" else REFUSED_ACTORS[who]()
    if user is not None:
        client.force_login(user)
    from charters.models import Charter
    from services.models import Service

    joypurhat = office(OWNER_OFFICE)
    before = (
        list(Service.objects.filter(office=joypurhat).values()),
        Charter.objects.filter(office=joypurhat).values().get(),
    )
    for method, url in hq_pages(joypurhat.pk):
        response = client.post(url, charter_upload()) if method == "POST" else client.get(url)
        assert is_refused(response), (who, method, url, response.status_code)
    after = (
        list(Service.objects.filter(office=joypurhat).values()),
        Charter.objects.filter(office=joypurhat).values().get(),
    )
    assert after == before


def test_hq_reaches_the_charter_upload_and_the_coverage(admin_client, rows):
    for method, url in hq_pages(office(OWNER_OFFICE).pk):
        response = admin_client.post(url, charter_upload()) if method == "POST" else admin_client.get(url)
        assert response.status_code == 200, (method, url)


# ---- the charter editor's own endpoints, the draft's preview and publishing (issue 12)


def test_published_versions_are_covered_and_read_only_for_everyone(rows, admin_user):
    from charters.models import CharterVersion

    assert CharterVersion in MODELS and kind_of(admin.site._registry[CharterVersion]) == "office"
    assert owner_actions(CharterVersion) == {"view"}
    assert hq_actions(CharterVersion, admin_user) == {"view", "add"}  # adding is publishing; no change, no delete


def _publish_permission():
    return Permission.objects.get(content_type__app_label="charters", codename="publish_charter")


@pytest.mark.parametrize("who", REFUSED_ACTORS)
def test_only_the_owner_and_hq_reach_the_preview(client, rows, who):
    url = reverse("charters:preview", kwargs={"key": OWNER_OFFICE})
    user = REFUSED_ACTORS[who]()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 403:
        assert "খসড়া দেখার অনুমতি নেই" in response.content.decode()
    else:
        assert reverse("admin:login") in response["Location"]
    client.force_login(rows["owner"])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", REFUSED_ACTORS)
def test_everyone_but_the_owner_is_refused_the_editors_move(client, rows, who):
    from services.models import Service

    service = Service.objects.get(office__key=OWNER_OFFICE, category=1, serial=2)
    user = REFUSED_ACTORS[who]()
    if user is not None:
        client.force_login(user)
    before = list(Service.objects.filter(office__key=OWNER_OFFICE).order_by("pk").values_list("pk", "serial"))
    url = reverse("admin:offices_office_editor_move", args=[office(OWNER_OFFICE).pk])
    response = client.post(url, {"move": f"service:{service.pk}:up"})
    assert is_refused(response), response.status_code
    assert list(Service.objects.filter(office__key=OWNER_OFFICE).order_by("pk").values_list("pk", "serial")) == before
    client.force_login(rows["owner"])
    assert client.post(url, {"move": f"service:{service.pk}:up"}).status_code == 302
    assert Service.objects.get(pk=service.pk).serial == 1


def test_publishing_needs_the_permission_hq_grants(client, rows):
    from charters.models import CharterVersion
    from services.models import Service

    service = Service.objects.filter(office__key=OWNER_OFFICE).first()
    service.fee_bn = "নতুন ফি"
    service.save()
    data = {"issued_on": "2026-05-01", "signatory_name": "নাম", "signatory_designation": "পদবি"}
    url = admin_url(CharterVersion, "add")
    client.force_login(rows["owner"])
    assert client.get(url).status_code == 403 and client.post(url, data).status_code == 403
    assert CharterVersion.objects.filter(office__key=OWNER_OFFICE).count() == 1
    # Another office's staff holding the permission publish their own office only.
    other = another_offices_staff()
    other.user_permissions.add(_publish_permission())
    client.force_login(other)
    kachua_versions = CharterVersion.objects.filter(office=office_of(other)).count()
    response = client.post(url, {**data, "office": office(OWNER_OFFICE).pk})
    assert CharterVersion.objects.filter(office__key=OWNER_OFFICE).count() == 1  # never Joypurhat's
    # Their own office's draft, if it had anything new to publish (200: the form says there is nothing).
    published = CharterVersion.objects.filter(office=office_of(other)).count() - kachua_versions
    assert (response.status_code, published) in ((200, 0), (302, 1))
    # Granted to Joypurhat's staff (HQ adds it to the user, or to a group): they publish.
    rows["owner"].user_permissions.add(_publish_permission())
    client.force_login(User.objects.get(pk=rows["owner"].pk))
    assert client.post(url, data).status_code == 302
    assert CharterVersion.objects.filter(office__key=OWNER_OFFICE).count() == 2

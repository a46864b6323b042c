"""The charter editor in the admin: the office's page as the paper charter's short lists, moving and
removing rows (serials follow), every staff page under 80 form fields, and the rows' own pages
returning to the editor."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from charters.apps import OFFICE_STAFF_GROUP
from charters.models import CharterVersion
from grievances.models import GrievanceTier
from offices.models import Office, Officer, OfficeStaff
from services.models import Expectation, Service
from services.ordering import DOWN, UP, move, renumber
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db

OWN, OTHER = "joypurhat", "kachua.chandpur"
FIELD = re.compile(r"<(input|select|textarea)\b[^>]*\bname=", re.I)


def make_staff(username="joypurhat-staff", key=OWN):
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=Office.objects.get(key=key))
    return user


@pytest.fixture
def staff(client):
    client.force_login(make_staff())
    return client


def office(key=OWN):
    return Office.objects.get(key=key)


def editor_url(key=OWN):
    return reverse("admin:offices_office_change", args=[office(key).pk])


def move_url(key=OWN):
    return reverse("admin:offices_office_editor_move", args=[office(key).pk])


def serials(category=1, key=OWN):
    return list(
        Service.objects.filter(office__key=key, category=category).order_by("serial").values_list("name_bn", "serial")
    )


def grow_to_25_services():
    """Joypurhat's 23 services and two more citizen services: the 25-service charter."""
    own = office()
    top = Service.objects.filter(office=own, category=1).order_by("-serial").first().serial
    for n in (1, 2):
        Service.objects.create(office=own, category=1, serial=top + n, name_bn=f"নতুন নাগরিক সেবা {n}")
    assert Service.objects.filter(office=own).count() == 25


def test_the_editor_shows_the_charter_in_the_papers_order_as_short_lists(staff):
    grow_to_25_services()
    html = staff.get(editor_url()).content.decode()
    order = [
        '-vision_bn"',
        'id="editor-services-1"',
        'id="editor-services-2"',
        'id="editor-services-3"',
        'id="editor-officers"',
        'id="editor-expectations"',
        'id="editor-grs"',
        'id="editor-signature"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    for service in Service.objects.filter(office__key=OWN):
        assert reverse("admin:services_service_change", args=[service.pk]) in html
    # No inline formset of services, officers, expectations or tiers: only the charter's prose.
    assert 'name="services-' not in html and 'name="officers-' not in html and 'name="expectations-' not in html
    assert len(FIELD.findall(html)) <= 80
    assert reverse("charters:preview", kwargs={"key": OWN}) in html


def staff_pages():
    own = office()
    service = Service.objects.filter(office=own).first()
    officer = Officer.objects.filter(office=own).first()
    expectation = Expectation.objects.filter(office=own).first()
    tier = GrievanceTier.objects.filter(office=own).first()
    version = CharterVersion.objects.filter(office=own).first()
    pages = ["/admin/", "/admin/password_change/", editor_url(), reverse("admin:offices_office_changelist")]
    for model, row in [
        (Service, service),
        (Officer, officer),
        (Expectation, expectation),
        (GrievanceTier, tier),
        (CharterVersion, version),
    ]:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{name}_changelist"), reverse(f"{name}_change", args=[row.pk])]
        pages.append(reverse(f"{name}_history", args=[row.pk]))
        if model is not GrievanceTier:  # adding and deleting a GRS tier are HQ's
            pages.append(reverse(f"{name}_add"))
        if model not in (CharterVersion, GrievanceTier):
            pages.append(reverse(f"{name}_delete", args=[row.pk]))
    return pages


def test_no_staff_page_has_more_than_80_form_fields(client):
    grow_to_25_services()
    user = make_staff()
    user.user_permissions.add(*_publish_permission())
    client.force_login(user)
    counts = {}
    for url in staff_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(FIELD.findall(response.content.decode()))
    assert max(counts.values()) <= 80, counts


def _publish_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="charters", codename="publish_charter")


# ---------------------------------------------------------------- moving rows


def test_moving_a_service_swaps_serials_and_logs_it(staff):
    before = serials()
    second = Service.objects.get(office__key=OWN, category=1, serial=2)
    response = staff.post(move_url(), {"move": f"service:{second.pk}:up"})
    assert response.status_code == 302 and response["Location"].endswith(f"#editor-service-{second.pk}")
    after = serials()
    assert [name for name, _ in after] == [before[1][0], before[0][0], *[name for name, _ in before[2:]]]
    assert [serial for _, serial in after] == list(range(1, len(before) + 1))
    assert LogEntry.objects.filter(object_id=str(second.pk), content_type__model="service").exists()
    staff.post(move_url(), {"move": f"service:{second.pk}:down"})
    assert serials() == before


def test_moving_past_either_end_changes_nothing(staff):
    before = serials()
    first = Service.objects.get(office__key=OWN, category=1, serial=1)
    response = staff.post(move_url(), {"move": f"service:{first.pk}:up"}, follow=True)
    assert "প্রান্তে" in response.content.decode()
    assert serials() == before


def test_expectations_move_too(staff):
    rows = list(Expectation.objects.filter(office__key=OWN).order_by("serial"))
    staff.post(move_url(), {"move": f"expectation:{rows[0].pk}:down"})
    after = list(Expectation.objects.filter(office__key=OWN).order_by("serial").values_list("pk", flat=True))
    assert after[:2] == [rows[1].pk, rows[0].pk]


@pytest.mark.parametrize("value", ["", "service", "service:abc:up", "officer:1:up", "service:1:sideways", "x" * 5000])
def test_a_malformed_move_gets_a_bengali_message_and_changes_nothing(staff, value):
    before = serials()
    response = staff.post(move_url(), {"move": value}, follow=True)
    assert response.status_code == 200
    assert "কিছুই বদলানো হয়নি" in response.content.decode()
    assert serials() == before


def test_another_offices_staff_can_neither_move_nor_remove_this_offices_rows(client):
    client.force_login(make_staff("kachua-staff", OTHER))
    before = serials()
    row = Service.objects.get(office__key=OWN, category=1, serial=2)
    # Through this office's page (not theirs) and through their own page with this office's row.
    for url in (move_url(OWN), move_url(OTHER)):
        response = client.post(url, {"move": f"service:{row.pk}:up"})
        assert response.status_code == 403, url
        assert "কিছুই বদলানো হয়নি" in response.content.decode()
    response = client.post(reverse("admin:services_service_delete", args=[row.pk]), {"post": "yes"})
    assert response.status_code in (302, 403, 404) and reverse("admin:index") in response.get("Location", "/admin/")
    assert serials() == before


def test_moving_needs_a_post_with_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_staff())
    row = Service.objects.get(office__key=OWN, category=1, serial=2)
    before = serials()
    assert client.get(move_url(), {"move": f"service:{row.pk}:up"}).status_code == 405
    assert client.post(move_url(), {"move": f"service:{row.pk}:up"}).status_code == 403
    assert serials() == before


def test_moving_keeps_the_unique_serial_constraint_at_every_step():
    # Straight through services.ordering, on a category with a gap in its serials.
    rows = list(Service.objects.filter(office__key=OWN, category=2).order_by("serial"))
    rows[3].delete()
    renumber(Service.objects.filter(office__key=OWN, category=2))
    assert [s for _, s in serials(2)] == list(range(1, len(rows)))
    last = Service.objects.filter(office__key=OWN, category=2).order_by("-serial").first()
    assert move(last, DOWN) is None
    assert move(last, UP) is not None
    assert [s for _, s in serials(2)] == list(range(1, len(rows)))


# ---------------------------------------------------------------- removing and adding rows


def test_removing_a_service_renumbers_the_rest_and_returns_to_the_editor(staff):
    before = serials()
    row = Service.objects.get(office__key=OWN, category=1, serial=3)
    response = staff.post(reverse("admin:services_service_delete", args=[row.pk]), {"post": "yes"})
    assert response.status_code == 302 and response["Location"] == editor_url() + "#editor-services-1"
    assert serials() == [(name, n) for n, (name, _) in enumerate(before[:2] + before[3:], start=1)]


def test_an_added_service_gets_the_next_serial_of_its_category_and_returns_to_the_editor(staff):
    url = reverse("admin:services_service_add")
    html = staff.get(url, {"category": 2}).content.decode()
    count = Service.objects.filter(office__key=OWN, category=2).count()
    data = form_data(html, "service_form")
    assert data["category"] == "2" and data["serial"] == str(count + 1)
    data["name_bn"] = "নতুন প্রাতিষ্ঠানিক সেবা"
    response = staff.post(url, data)
    added = Service.objects.get(office__key=OWN, category=2, serial=count + 1)
    # back to the added row's own line in the editor, not the top of its section
    assert response.status_code == 302 and response["Location"] == editor_url() + f"#editor-service-{added.pk}"
    assert added.name == "নতুন প্রাতিষ্ঠানিক সেবা"
    assert f'id="editor-service-{added.pk}"' in staff.get(editor_url()).content.decode()


def test_saving_a_row_returns_to_the_editor_but_save_and_continue_stays(staff):
    for model in (Service, Officer, Expectation, GrievanceTier):
        row = model.objects.filter(office__key=OWN).first()
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[row.pk])
        data = form_data(staff.get(url).content.decode(), f"{model._meta.model_name}_form")
        response = staff.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith(editor_url()), model
        response = staff.post(url, {**data, "_continue": "1"})
        assert response.status_code == 302 and response["Location"] == url, model


def test_staff_land_on_a_card_that_leads_to_their_editor(staff):
    html = staff.get("/admin/").content.decode()
    assert 'class="module charter-card"' in html and editor_url() in html
    assert reverse("charters:preview", kwargs={"key": OWN}) in html

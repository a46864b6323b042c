"""Staff of one office cannot see or touch another office's rows, through the admin, over HTTP.

The full matrix (every admin model × every actor × every action) is tests/test_permission_matrix.py;
these are the office-scoping cases it does not try: forged officer choices, inline rows of
another office, the national tree fields, staff without an office, the login of an inactive account.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.forms.models import model_to_dict
from django.urls import reverse

from charters.apps import OFFICE_STAFF_GROUP
from grievances.models import GrievanceTier
from offices.models import Office, Officer, OfficeStaff
from offices.scoping import OfficeScopedMixin
from services.models import Service
from tests.support.charters import publish_now
from tests.support.forms import form_data

pytestmark = pytest.mark.django_db

OWN, OTHER = "kachua.chandpur", "joypurhat"


def scoped_models():
    """Every admin-registered model that belongs to an office: new ones are covered automatically."""
    return [model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, OfficeScopedMixin)]


def office_of_row(row):
    return row if isinstance(row, Office) else row.office


def rows_of(model, key):
    if model is Office:
        return list(Office.objects.filter(key=key))
    return list(model.objects.filter(office__key=key))


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def make_staff(username, key, *, active=True):
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True, is_active=active)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=Office.objects.get(key=key))
    return user


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("kachua-staff", OWN))
    return client


def snapshot(row):
    row.refresh_from_db()
    return model_to_dict(row)


def test_every_scoped_model_is_covered():
    names = {model._meta.label for model in scoped_models()}
    assert {
        "offices.Office",
        "offices.Officer",
        "services.Service",
        "services.Expectation",
        "grievances.GrievanceTier",
    } <= names


@pytest.mark.parametrize("model", scoped_models(), ids=lambda m: m._meta.label)
def test_changelist_lists_only_own_office(staff_client, model):
    response = staff_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    shown = set(response.context["cl"].queryset)
    assert shown == set(rows_of(model, OWN))


def test_staff_cannot_add_a_service_pointing_at_another_offices_officer(staff_client):
    foreign_officer = Officer.objects.filter(office__key=OTHER).first()
    count = Service.objects.count()
    response = staff_client.post(
        admin_url(Service, "add"),
        {
            "category": 1,
            "serial": 42,
            "name_bn": "নতুন সেবা",
            "responsible_officer": foreign_officer.pk,
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    assert "responsible_officer" in response.context["adminform"].form.errors
    assert Service.objects.count() == count


def test_a_service_added_by_staff_belongs_to_their_own_office(staff_client):
    own_officer = Officer.objects.filter(office__key=OWN).first()
    response = staff_client.post(
        admin_url(Service, "add"),
        {
            "category": 1,
            "serial": 42,
            "name_bn": "নতুন সেবা",
            "responsible_officer": own_officer.pk,
        },
    )
    assert response.status_code == 302
    service = Service.objects.get(name_bn="নতুন সেবা")
    assert service.office.key == OWN


def test_staff_cannot_reach_another_offices_service_through_their_own_office_page(staff_client):
    own = Office.objects.get(key=OWN)
    url = admin_url(Office, "change", own.pk)
    data = form_data(staff_client.get(url).content.decode(), "office_form")
    foreign = Service.objects.filter(office__key=OTHER).first()
    before = snapshot(foreign)
    # Re-point a service row at the other office's service, as the old inline formset named them
    # (the editor has no service formset: the fields are ignored).
    own_services = {s.pk: model_to_dict(s) for s in Service.objects.filter(office=own)}
    data["services-0-id"] = str(foreign.pk)
    data["services-0-name_bn"] = "দখল"
    staff_client.post(url, data)
    assert snapshot(foreign) == before
    assert not Service.objects.filter(name_bn="দখল").exists()
    assert {s.pk: model_to_dict(s) for s in Service.objects.filter(office=own)} == own_services


def test_staff_corrects_a_phone_number_from_their_charter_editor(staff_client):
    own = Office.objects.get(key=OWN)
    officer = Officer.objects.filter(office=own).order_by("pk").first()
    url = admin_url(Officer, "change", officer.pk)
    assert url in staff_client.get(admin_url(Office, "change", own.pk)).content.decode()  # the editor's list
    data = form_data(staff_client.get(url).content.decode(), "officer_form")
    data["phone"] = "০১৭০০০০০০০১"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert response["Location"].startswith(admin_url(Office, "change", own.pk))  # back to the editor
    officer.refresh_from_db()
    assert officer.phone == "০১৭০০০০০০০১"
    assert LogEntry.objects.filter(object_id=str(officer.pk), content_type__model="officer").exists()
    # A draft: citizens see it once the office publishes it.
    assert "০১৭০০০০০০০১" not in staff_client.get(own.get_absolute_url()).content.decode()
    publish_now(own)
    assert "০১৭০০০০০০০১" in staff_client.get(own.get_absolute_url()).content.decode()


def test_staff_cannot_change_the_national_tree_fields_of_their_office(staff_client):
    own = Office.objects.get(key=OWN)
    url = admin_url(Office, "change", own.pk)
    data = form_data(staff_client.get(url).content.decode(), "office_form")
    data.update({"key": "hijacked", "parent": "1", "level": "hq"})
    staff_client.post(url, data)
    own.refresh_from_db()
    assert (own.key, own.level) == (OWN, "upazila")


def test_staff_cannot_see_the_national_grs_cell(staff_client):
    cell = GrievanceTier.objects.national().get()
    response = staff_client.get(admin_url(GrievanceTier, "change", cell.pk))
    assert response.status_code == 403 and "প্রধান কার্যালয়ের, কোনো দপ্তরের নয়" in response.content.decode()


def test_staff_without_an_office_sees_nothing(client):
    user = User.objects.create_user("orphan", password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    client.force_login(user)
    for model in scoped_models():
        response = client.get(admin_url(model, "changelist"))
        assert response.status_code == 403


def test_inactive_staff_cannot_log_in(client):
    make_staff("gone", OWN, active=False)
    response = client.post(reverse("admin:login"), {"username": "gone", "password": "pw-for-tests-only"})
    assert response.status_code == 200  # the login form again
    assert client.get(admin_url(Service, "changelist")).status_code == 302

"""Issue 22: garbage against every admin URL and filter, as HQ and as an office's staff: never a
5xx. The admin's own list filters, date hierarchies, search, ordering and paging parameters, the
object ids in its paths (its own pages and ours: the editor's move, the import, the publish
form's ``?office=``), each with the values that broke it: "²" (passes ``isdigit()``), twenty
nines, NUL, Bengali digits, letters. Through Django's test client with exceptions turned into
responses, as gunicorn would see them."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from grievances.models import GrievanceDesk
from tests.support.grievances import post_for
from tests.support.permissions import OWNER_OFFICE, charter_editor, office

pytestmark = pytest.mark.django_db

BAD = ["²", "9" * 25, "a\x00b", "০১"]
BAD_IDS = ["²", "9" * 25, "%00"]


def hq():
    return User.objects.create_superuser("fuzz-hq", "hq@example.gov.bd", "x")


def office_staff():
    user = charter_editor("fuzz-staff", OWNER_OFFICE)
    GrievanceDesk.objects.create(user=user, officer=post_for(OWNER_OFFICE, 1))
    return user


def filter_parameters(model_admin, request):
    names = ["q", "o", "p", "e", "office", "all"]
    for spec in model_admin.get_list_filter(request):
        field = spec if isinstance(spec, str) else spec[0] if isinstance(spec, tuple) else None
        if field is None:
            names.append(spec.parameter_name)
            continue
        names += [field, f"{field}__exact", f"{field}__id__exact", f"{field}__isnull"]
    if model_admin.date_hierarchy:
        names += [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return names


def admin_pages(request):
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        yield changelist, filter_parameters(model_admin, request)
        yield reverse("admin:{}_{}_add".format(*info)), ["office", "category", "_changelist_filters"]
        for bad in BAD_IDS:
            yield f"{changelist}{bad}/change/", []
            yield f"{changelist}{bad}/history/", []
    for bad in BAD_IDS:
        yield f"/admin/offices/office/{bad}/import/", []
    yield "/admin/offices/office/coverage/", ["q", "o"]
    yield "/grievances/dashboard/", ["q", "office", "level", "status", "p"]
    yield "/grievances/report/?month=9999-12", ["format", "office"]
    yield "/grievances/report/?month=0000-00", []


@pytest.mark.parametrize("who", [hq, office_staff], ids=["HQ", "office staff"])
def test_no_admin_url_or_filter_answers_a_5xx(who):
    user = who()
    client = Client(raise_request_exception=False)
    client.force_login(user)
    request = type("Request", (), {"user": user})()
    failures = []
    for url, parameters in admin_pages(request):
        for parameter in parameters or [None]:
            for value in BAD if parameter else [None]:
                response = client.get(url, {parameter: value} if parameter else {})
                if response.status_code >= 500:
                    failures.append((url, parameter, value, response.status_code))
    assert not failures, failures[:20]


@pytest.mark.parametrize("who", [hq, office_staff], ids=["HQ", "office staff"])
def test_the_editors_move_refuses_a_garbled_row_without_a_5xx(who):
    client = Client(raise_request_exception=False)
    client.force_login(who())
    url = reverse("admin:offices_office_editor_move", args=[office(OWNER_OFFICE).pk])
    for bad in BAD:
        for move in (f"service:{bad}:up", f"expectation:{bad}:down", f"{bad}:1:up", f"service:1:{bad}"):
            response = client.post(url, {"move": move})
            assert response.status_code < 500, (move, response.status_code)


def test_a_tier_for_a_level_the_office_has_is_a_bengali_form_error_not_a_database_error():
    # Only HQ adds tiers (an office's staff may not: issue 19); a duplicate level is a form error.
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("hq-tiers", password="x"))
    response = client.post(
        reverse("admin:grievances_grievancetier_add"), {"office": office(OWNER_OFFICE).pk, "level": 1}
    )
    assert response.status_code == 200
    assert "এই দপ্তরের এই স্তর আগেই আছে।" in response.content.decode()


def test_an_office_staff_member_may_not_add_a_tier_at_all():
    client = Client(raise_request_exception=False)
    client.force_login(office_staff())
    response = client.post(reverse("admin:grievances_grievancetier_add"), {"level": 1})
    assert response.status_code == 403


def test_an_expectation_on_a_serial_the_office_has_is_a_bengali_form_error():
    client = Client(raise_request_exception=False)
    client.force_login(office_staff())
    response = client.post(reverse("admin:services_expectation_add"), {"serial": 1, "text_bn": "নতুন"})
    assert response.status_code == 200
    assert "এই ক্রমিক নং আগেই আছে।" in response.content.decode()

"""The permission matrix's fixtures: fast passwords and one row of every registered model."""

import datetime

import pytest
from axes.models import AccessFailureLog
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from grievances.models import Feedback, Grievance, Holiday
from imports.bulk import create_batch
from imports.sources import Incoming
from register.models import ServiceRequest
from tests.support.grievances import PASSWORD, file_on, make_officer
from tests.support.permissions import OWNER_OFFICE, REGISTRY, charter_editor, kind_of, request_of


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Every test creates a handful of accounts; the real hasher would spend most of the time here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# ---- the rows


@pytest.fixture
def rows():
    """One row of every registered model, belonging to Joypurhat where it belongs to an office."""
    owner = charter_editor("joypurhat-staff", OWNER_OFFICE)
    desk_holder = make_officer("joypurhat-anik", OWNER_OFFICE, 1)
    Holiday.objects.create(date=datetime.date(2026, 10, 20), name="দুর্গাপূজা")
    grievance = file_on(datetime.date(2026, 1, 4))  # Joypurhat, tier 1; its notices are in the outbox
    Feedback.objects.create(grievance=grievance, satisfied=True, rating=4, level=1, office=grievance.office)
    # A successful and a failed login: django-axes' records of both (and a failure log row, which
    # axes writes only when configured to).
    Client().post(reverse("admin:login"), {"username": owner.username, "password": PASSWORD})
    Client().post(reverse("admin:login"), {"username": owner.username, "password": "wrong"})
    AccessFailureLog.objects.create(username=owner.username, ip_address="10.0.0.1", path_info="/admin/login/")
    create_batch("joypurhat.txt", [Incoming("joypurhat.txt", b"x")])  # HQ's bulk import: a waiting batch
    # A request in Joypurhat's service register (register).
    ServiceRequest.objects.create(
        office=grievance.office,
        category=2,
        serial=1,
        service_name="বিভিন্ন প্রতিবেদন/ তথ্য প্রেরণ",
        received_on=datetime.date(2026, 10, 1),
        promise_kind="working_days",
        promise_days=5,
    )
    found = {}
    for model, model_admin in REGISTRY:
        if model is Grievance:
            found[model] = grievance
        elif kind_of(model_admin) == "office":
            found[model] = model_admin.get_queryset(request_of(owner)).order_by("pk").first()
        elif model is User:
            found[model] = owner
        else:
            found[model] = model._default_manager.order_by("pk").first()
    return {"rows": found, "owner": owner, "desk_holder": desk_holder}

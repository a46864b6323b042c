"""The admin's permission matrix, over HTTP: every registered model × every actor × every action.

The models are read from ``admin.site._registry``, so a model registered later is covered
without editing this file. Each model's owner follows from its admin class:

- an office-scoped admin (``OfficeScopedMixin``): that office's staff, with the actions
  ``OFFICE_STAFF_PERMISSIONS`` gives them (the one place that rule lives);
- the grievance admin: the officer at the desk that holds the grievance (view and change);
- every other admin (geography, users, groups, OfficeStaff, desks, holidays): HQ only.

Every other actor is refused every action on the owner's row: GET and POST to the changelist
(including its bulk delete), add, change, delete and history pages. Refused means a redirect to
the login page, a 403, or a redirect/404 saying the object does not exist; the row unchanged,
no row added, nothing in the admin log.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry

from offices.scoping import HQOnlyMixin
from tests.support.forms import form_data
from tests.support.permissions import (
    MODELS,
    REFUSED_ACTORS,
    REGISTRY,
    adds_to_another_office,
    admin_url,
    changed_form,
    hq_actions,
    is_refused,
    kind_of,
    log_of,
    owner_actions,
    snapshot,
)

pytestmark = pytest.mark.django_db


def test_every_registered_model_has_a_row_and_an_owner(rows):
    """A model registered later needs a row here to be tried row by row."""
    missing = [model._meta.label for model, row in rows["rows"].items() if row is None]
    assert not missing
    expected = {
        "auth.User",
        "auth.Group",
        "offices.Division",
        "offices.District",
        "offices.Upazila",
        "offices.Office",
        "offices.Officer",
        "offices.OfficeStaff",
        "services.Service",
        "services.Expectation",
        "grievances.GrievanceTier",
        "grievances.GrievanceDesk",
        "grievances.Holiday",
        "grievances.Grievance",
    }
    assert expected <= {model._meta.label for model in MODELS}
    for model, model_admin in REGISTRY:
        if kind_of(model_admin) == "hq":
            # What only HQ keeps must not depend on model permissions, which can be granted by mistake.
            assert isinstance(model_admin, HQOnlyMixin), model._meta.label


@pytest.mark.parametrize("who", REFUSED_ACTORS)
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_everyone_but_the_owner_is_refused(client, admin_client, rows, model, who):
    user = REFUSED_ACTORS[who]()
    row = rows["rows"][model]
    forged = changed_form(admin_client, model, row)
    if user is not None:
        client.force_login(user)
    before, logged = snapshot(model, row), log_of(model, row).count()

    # A list of their own (another office's staff, another desk) may open, without this row.
    response = client.get(admin_url(model, "changelist"))
    assert is_refused(response) or (response.status_code == 200 and row not in response.context["cl"].queryset)
    # Another office's staff may open the add form: what they add belongs to their own office.
    response = client.get(admin_url(model, "add"))
    assert is_refused(response) or (response.status_code == 200 and adds_to_another_office(user, model))
    for view, args in (("change", (row.pk,)), ("delete", (row.pk,)), ("history", (row.pk,))):
        response = client.get(admin_url(model, view, *args))
        assert is_refused(response), (who, view, response.status_code)
    response = client.post(admin_url(model, "add"), forged)
    assert is_refused(response) or adds_to_another_office(user, model), response.status_code
    for view, args, data in (
        ("change", (row.pk,), forged),
        ("delete", (row.pk,), {"post": "yes"}),
    ):
        response = client.post(admin_url(model, view, *args), data)
        assert is_refused(response), (who, view, response.status_code)
    # The bulk delete only ever sees rows of the actor's own list: the row survives it (below).
    response = client.post(
        admin_url(model, "changelist"), {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302, 403), response.status_code

    assert snapshot(model, row) == before
    assert log_of(model, row).count() == logged


def owner_client(client, rows, model):
    kind = kind_of(admin.site._registry[model])
    client.force_login(rows["desk_holder"] if kind == "desk" else rows["owner"])
    return client


# What only HQ keeps has no owner below HQ: the refusals above cover everyone else.
OWNED_MODELS = [model for model in MODELS if kind_of(admin.site._registry[model]) != "hq"]


@pytest.mark.parametrize("model", OWNED_MODELS, ids=lambda m: m._meta.label)
def test_the_owner_may_do_what_is_theirs_and_nothing_more(client, rows, model):
    client = owner_client(client, rows, model)
    row = rows["rows"][model]
    allowed = owner_actions(model)
    pages = {
        "view": [
            admin_url(model, "changelist"),
            admin_url(model, "change", row.pk),
            admin_url(model, "history", row.pk),
        ],
        "add": [admin_url(model, "add")],
        "delete": [admin_url(model, "delete", row.pk)],
    }
    for action, urls in pages.items():
        for url in urls:
            response = client.get(url)
            if action in allowed:
                assert response.status_code == 200, (action, url)
            else:
                assert is_refused(response), (action, url, response.status_code)
    assert row in client.get(admin_url(model, "changelist")).context["cl"].queryset

    # Saving the change form as it is shown: accepted and logged when it is theirs to change.
    page = client.get(admin_url(model, "change", row.pk)).content.decode()
    data = form_data(page, f"{model._meta.model_name}_form")
    logged = LogEntry.objects.count()
    response = client.post(admin_url(model, "change", row.pk), data)
    if "change" in allowed:
        assert response.status_code == 302, response.context and response.context["adminform"].form.errors
        assert LogEntry.objects.count() == logged + 1
    else:
        assert response.status_code == 403 and LogEntry.objects.count() == logged


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_hq_reaches_every_model(admin_client, admin_user, rows, model):
    row = rows["rows"][model]
    allowed = hq_actions(model, admin_user)
    assert "view" in allowed
    for action, url in (
        ("view", admin_url(model, "changelist")),
        ("view", admin_url(model, "change", row.pk)),
        ("view", admin_url(model, "history", row.pk)),
        ("add", admin_url(model, "add")),
        ("delete", admin_url(model, "delete", row.pk)),
    ):
        response = admin_client.get(url)
        assert response.status_code == (200 if action in allowed else 403), (action, url)

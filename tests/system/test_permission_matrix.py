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

import datetime

import pytest
from axes.models import AccessFailureLog
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from charters.apps import OFFICE_STAFF_GROUP, OFFICE_STAFF_PERMISSIONS
from grievances.admin import GrievanceAdmin
from grievances.models import Feedback, Grievance, GrievanceDesk, Holiday
from offices.models import Office, OfficeStaff, office_of
from offices.scoping import HQOnlyMixin, OfficeScopedMixin
from tests.support.forms import form_data
from tests.support.grievances import PASSWORD, file_on, make_officer, post_for

pytestmark = pytest.mark.django_db

OWNER_OFFICE, OTHER_OFFICE = "joypurhat", "kachua.chandpur"
ACTIONS = ("view", "add", "change", "delete")

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
MODELS = [model for model, _ in REGISTRY]


def kind_of(model_admin):
    if isinstance(model_admin, OfficeScopedMixin):
        return "office"
    if isinstance(model_admin, GrievanceAdmin):
        return "desk"
    return "hq"


def owner_actions(model):
    """What the row's owner (not HQ) may do with it."""
    kind = kind_of(admin.site._registry[model])
    if kind == "office":
        return set(OFFICE_STAFF_PERMISSIONS.get(model._meta.label, ()))
    if kind == "desk":
        return {"view", "change"}
    return set()


def hq_actions(model, hq):
    """What HQ may do: everything its admin class offers (nobody adds a grievance or a lockout record)."""
    model_admin, request = admin.site._registry[model], request_of(hq)
    return {action for action in ACTIONS if getattr(model_admin, f"has_{action}_permission")(request)}


# ---- the people


def office(key):
    return Office.objects.get(key=key)


def charter_editor(username, key, **fields):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=office(key))
    return user


def another_offices_staff():
    """Kachua's charter editor, who also holds Kachua's tier-1 grievance desk."""
    user = charter_editor("kachua-staff", OTHER_OFFICE)
    GrievanceDesk.objects.create(user=user, officer=post_for(OTHER_OFFICE, 1))
    return user


def wrong_tier_officer():
    """Joypurhat's appeal officer (tier 2); the grievance waits at tier 1."""
    return make_officer("joypurhat-appeal", OWNER_OFFICE, 2)


def inactive_account():
    """A deactivated account that would otherwise reach everything: HQ, Joypurhat's staff, its desk."""
    user = charter_editor("joypurhat-gone", OWNER_OFFICE, is_active=False, is_superuser=True)
    GrievanceDesk.objects.create(user=user, officer=post_for(OWNER_OFFICE, 1))
    return user


def staff_with_every_permission():
    """Staff granted every model permission by mistake, but no office, no desk, not a superuser."""
    user = User.objects.create_user("overgranted", password=PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.all())
    return user


REFUSED_ACTORS = {
    "another office's staff": another_offices_staff,
    "a grievance officer of the wrong tier": wrong_tier_officer,
    "an inactive account": inactive_account,
    "staff with every model permission but no office": staff_with_every_permission,
    "an anonymous visitor": lambda: None,
}


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


class _Request:
    def __init__(self, user):
        self.user = user


def request_of(user):
    return _Request(user)


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


# ---- the URLs and what a refusal looks like


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def is_refused(response):
    if response.status_code in (403, 404):
        return True
    # Anonymous and inactive: the login page. Staff without the right: "does not exist", at the index.
    return response.status_code == 302 and (
        reverse("admin:login") in response["Location"] or response["Location"] == reverse("admin:index")
    )


def log_of(model, row):
    return LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=str(row.pk))


def adds_to_another_office(user, model):
    """Staff add rows of an office-scoped model to their own office, never to the owner's."""
    own = office_of(user) if user is not None else None
    return kind_of(admin.site._registry[model]) == "office" and own is not None and own.key != OWNER_OFFICE


def owners_rows(model):
    """The rows an added row must not join: the owner office's, or all of an HQ-only model's."""
    model_admin = admin.site._registry[model]
    if kind_of(model_admin) == "office":
        return model_admin.get_queryset(request_of(User.objects.get(username="joypurhat-staff")))
    return model._default_manager.all()


def snapshot(model, row):
    fresh = model._default_manager.filter(pk=row.pk).first()
    return (model_to_dict(fresh) if fresh else None), owners_rows(model).count()


_FORGED = {}


def changed_form(client_as_hq, model, row):
    """The row's change form as HQ sees it, with every text box edited: what a forger would send.

    Kept per model for the module: the demo rows' keys do not change between tests.
    """
    key = (model, row.pk)
    if key not in _FORGED:
        _FORGED[key] = form_data(client_as_hq.get(admin_url(model, "change", row.pk)).content.decode())
    data = dict(_FORGED[key])
    text_fields = {f.name for f in model._meta.get_fields() if isinstance(f, (models.CharField, models.TextField))}
    for name, value in data.items():
        if name in text_fields and value:
            data[name] = value + "দখল"
    return data


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
    before = (list(Service.objects.filter(office=joypurhat).values()), Charter.objects.get(office=joypurhat).updated_at)
    for method, url in hq_pages(joypurhat.pk):
        response = client.post(url, charter_upload()) if method == "POST" else client.get(url)
        assert is_refused(response), (who, method, url, response.status_code)
    after = (list(Service.objects.filter(office=joypurhat).values()), Charter.objects.get(office=joypurhat).updated_at)
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
    assert client.post(url, {**data, "office": office(OWNER_OFFICE).pk}).status_code == 200  # nothing new there
    assert CharterVersion.objects.filter(office__key=OWNER_OFFICE).count() == 1
    # Granted to Joypurhat's staff (HQ adds it to the user, or to a group): they publish.
    rows["owner"].user_permissions.add(_publish_permission())
    client.force_login(User.objects.get(pk=rows["owner"].pk))
    assert client.post(url, data).status_code == 302
    assert CharterVersion.objects.filter(office__key=OWNER_OFFICE).count() == 2

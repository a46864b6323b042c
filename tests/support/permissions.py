"""The actors, rows and URLs of the permission matrix (tests/system/test_permission_*.py)."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.forms.models import model_to_dict
from django.urls import reverse

from charters.apps import OFFICE_STAFF_GROUP, OFFICE_STAFF_PERMISSIONS
from grievances.admin import GrievanceAdmin
from grievances.models import GrievanceDesk
from offices.models import Office, OfficeStaff, office_of
from offices.scoping import OfficeScopedMixin
from tests.support.forms import form_data
from tests.support.grievances import PASSWORD, make_officer, post_for

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


class _Request:
    def __init__(self, user):
        self.user = user


def request_of(user):
    return _Request(user)


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

"""The charter editor: an office's page in the admin, laid out as its paper charter.

The office's page keeps only its contact details and the charter's prose (vision, mission, layout);
every numbered part is a short list here, each row with its own edit page: the services of each
category (serial, name, time limit, responsible officer), the officers, the expectations, the GRS
tiers, then the date and signatory the next publication will ask for. Services and expectations
move up and down (services.ordering) through one POST endpoint, ``move``, which checks that the
row belongs to the office whose page it is and that the user may change it.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from charter_portal.http import error_page
from charter_portal.params import parse_id
from grievances.models import GrievanceTier
from offices.models import Officer
from services.models import Expectation, Service
from services.ordering import DOWN, UP, move

from .comparison import compare
from .english import stale_english
from .models import Charter, CharterVersion
from .snapshot import draft_document, promises_the_same

# What the move endpoint may move: the name in a button's value, the model and its editor section.
MOVABLE = {"service": Service, "expectation": Expectation}
STEPS = {"up": UP, "down": DOWN}


def _may(admin_site, request, model, action, obj=None):
    check = getattr(admin_site._registry[model], f"has_{action}_permission")
    return check(request) if action == "add" else check(request, obj)


@dataclass
class DraftState:
    in_force: CharterVersion | None  # the version in force, if any
    unpublished: bool = False  # whether the draft promises anything it does not
    comparison: object = None  # the two compared (charters.comparison), None without a draft
    stale_english: list = field(default_factory=list)  # the draft's stale English (charters.english)


def draft_state(office, signature=None):
    """The draft beside the version in force. ``signature`` is the date and signatory the publish
    form holds, which the publication will write over the draft's."""
    in_force = CharterVersion.objects.current_of(office)
    draft = draft_document(office)
    if draft is None:
        return DraftState(in_force)
    if signature:
        draft = {**draft, "issued_on": signature["issued_on"]}
        for name in ("signatory_name", "signatory_designation"):
            draft[name] = {**draft[name], "bn": signature[name]}
    return DraftState(
        in_force,
        unpublished=not promises_the_same(draft, in_force),
        comparison=compare(in_force.document if in_force else None, draft),
        stale_english=stale_english(draft),
    )


def editor_context(admin_site, request, office):
    """Everything the editor's lists show, in the paper charter's order."""
    services = list(
        Service.objects.filter(office=office).select_related("responsible_officer").order_by("category", "serial")
    )
    state = draft_state(office)
    return {
        "editor": True,
        "charter": Charter.objects.filter(office=office).first(),
        "service_tables": [
            (
                number,
                category,
                [service for service in services if service.category == category],
            )
            for number, category in enumerate(Service.Category, start=1)
        ],
        "officers": list(Officer.objects.filter(office=office).order_by("pk")),
        "expectations": list(Expectation.objects.filter(office=office).order_by("serial")),
        "tiers": list(GrievanceTier.objects.filter(office=office).select_related("contact_officer").order_by("level")),
        "in_force": state.in_force,
        "unpublished": state.unpublished,
        "draft_summary": state.comparison.summary() if state.unpublished else "",
        "comparison": state.comparison,
        "stale_english": state.stale_english,
        "may": {
            model._meta.model_name: {
                action: _may(admin_site, request, model, action) for action in ("add", "change", "delete")
            }
            for model in (Service, Officer, Expectation, GrievanceTier)
        },
        "may_publish": admin_site._registry[CharterVersion].has_add_permission(request),
        "preview_url": reverse("charters:preview", kwargs={"key": office.key}),
        "public_url": office.get_absolute_url(),
        "versions_url": reverse("admin:charters_charterversion_changelist") + f"?q={office.key}",
        "publish_url": reverse("admin:charters_charterversion_add") + f"?office={office.pk}",
    }


def refused(request, admin_site, message):
    return error_page(request, 403, message=f"{message} {_('কিছুই বদলানো হয়নি।')}")


def move_view(model_admin, request, object_id):
    """POST ``move=<service|expectation>:<pk>:<up|down>``: swap the row with its neighbour, then
    back to the editor at the row's section. Only rows of this office, by whoever may change them."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    admin_site = model_admin.admin_site
    office = model_admin.get_object(request, object_id)  # None for another office's page (scoped)
    if office is None or not model_admin.has_change_permission(request, office):
        return refused(request, admin_site, _("এই দপ্তরের চার্টার বদলানোর অনুমতি আপনার নেই।"))
    editor = reverse("admin:offices_office_change", args=[office.pk])
    kind, _sep, rest = request.POST.get("move", "").partition(":")
    pk, _sep, direction = rest.partition(":")
    pk = parse_id(pk)
    if kind not in MOVABLE or direction not in STEPS or pk is None:
        messages.error(request, _("কোন সারি কোন দিকে সরাতে হবে বোঝা যায়নি; কিছুই বদলানো হয়নি।"))
        return HttpResponseRedirect(editor)
    model = MOVABLE[kind]
    row = model.objects.filter(pk=pk, office=office).first()
    if row is None or not _may(admin_site, request, model, "change", row):
        return refused(request, admin_site, _("এই সারিটি এই দপ্তরের নয়, অথবা এটি বদলানোর অনুমতি আপনার নেই।"))
    section = admin_site._registry[model].editor_row(row)
    neighbour = move(row, STEPS[direction])
    if neighbour is None:
        messages.warning(request, _("সারিটি আগে থেকেই তালিকার প্রান্তে; কিছুই বদলানো হয়নি।"))
    else:
        row.refresh_from_db()
        admin_site._registry[model].log_change(request, row, _("ক্রমিক নং বদলানো হয়েছে (ক্রম পরিবর্তন)।"))
        messages.success(
            request,
            _("“%(name)s” এখন ক্রমিক নং %(serial)s।") % {"name": row, "serial": row.serial},
        )
    return HttpResponseRedirect(f"{editor}#{section}")

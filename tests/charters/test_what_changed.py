""" "What changed" is complete: every part of a charter is compared, and the editor's draft
status, the publish form and the version page list each difference, old beside new."""

import copy

import pytest
from django.utils import timezone

from charters.comparison import compare
from charters.models import CharterVersion
from charters.snapshot import draft_document, promises
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Service
from tests.charters.test_admin_publishing import ADD, VALID, publisher
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db

NEW_FEE = "৭৭৭ টাকা (নতুন)"
NEW_HOLDER = "মোঃ নতুন আপিল কর্মকর্তা"
OFFICERS = {"responsible_officer", "superior_officer", "contact_officer"}


def joypurhat():
    return Office.objects.get(key="joypurhat")


def leaves(value, path=()):
    """Every (path, value) of a document's scalars."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path, value


def changed_at(document, path):
    """The document with the value at ``path`` changed; an officer's detail wherever the
    document names that officer (each copy of an officer is the one row)."""
    changed = copy.deepcopy(document)
    holder = changed
    for key in path[:-1]:
        holder = holder[key]
    slot = next((i for i, key in enumerate(path) if key in OFFICERS), None)
    if slot is not None:
        officer_id = document_at(document, path[: slot + 1])["id"]
        rest = path[slot + 1 :]
        for other, _value in list(leaves(changed)):
            if other[-len(rest) :] == rest and other[-len(rest) - 1] in OFFICERS:
                officer = document_at(changed, other[: -len(rest)])
                if officer["id"] == officer_id:
                    change_value(document_at(changed, other[:-1]), other[-1])
        return changed
    change_value(holder, path[-1])
    return changed


def document_at(document, path):
    for key in path:
        document = document[key]
    return document


def change_value(holder, key):
    old = holder[key]
    if set(holder) == {"kind", "days"}:  # a service's promise: another promise a publish could make
        other = {"kind": "calendar_days", "days": 99}
        holder.update(other if holder != other else {"kind": "working_days", "days": 99})
    elif key == "issued_on":
        holder[key] = "2001-01-01"
    elif isinstance(old, int):
        holder[key] = old + 7
    else:
        holder[key] = f"{old or ''}বদল"


def test_every_part_a_publish_changes_is_listed():
    # A change anywhere a document promises something (date and signatory included) is a change
    # the comparison lists: nothing a publish changes can go unsaid.
    document = draft_document(joypurhat())
    ignored = {"id", "office_id", "format", "office"}  # row ids and keys, not promises
    paths = [
        path
        for path, value in leaves(document)
        if not ignored & set(map(str, path)) and not (value is None and path[-1] in OFFICERS)
    ]
    assert len(paths) > 200
    missed = [path for path in paths if not compare(document, changed_at(document, path))]
    assert missed == []
    assert not compare(document, copy.deepcopy(document))


def test_a_draft_differing_only_in_an_officers_phone_says_so():
    office = joypurhat()
    officer = Service.objects.filter(office=office).exclude(responsible_officer=None).first().responsible_officer
    officer.phone = "০১৭০০-০০০০০০"
    officer.save()
    version = CharterVersion.objects.current_of(office)
    comparison = compare(version.document, draft_document(office))
    assert promises(version.document) != promises(draft_document(office))
    assert [(c.kind, c.label, c.new) for c in comparison.changes] == [("officer", "ফোন", "০১৭০০-০০০০০০")]
    assert "বদলেছে: কর্মকর্তা" in comparison.summary()


def change_fee_and_appeal_holder(office):
    tier = GrievanceTier.objects.get(office=office, level=2)
    hq = office.parent
    while hq.parent_id:
        hq = hq.parent
    old_holder = Officer.objects.create(office=hq, name="মোঃ আগের আপিল কর্মকর্তা", designation="উপ-পরিচালক")
    tier.contact_officer = old_holder
    tier.save()
    publish_now(office)  # version 2 names the old holder
    tier.contact_officer = Officer.objects.create(office=hq, name=NEW_HOLDER, designation="উপ-পরিচালক")
    tier.save()
    service = Service.objects.filter(office=office).order_by("category", "serial").first()
    old_fee, service.fee_bn = service.fee_bn, NEW_FEE
    service.save()
    return old_fee, old_holder


def test_a_fee_change_over_a_draft_whose_tier_2_differs_lists_both(client):
    office = joypurhat()
    old_fee, old_holder = change_fee_and_appeal_holder(office)
    client.force_login(publisher())

    # The editor's draft status names both.
    editor = client.get(f"/admin/offices/office/{office.pk}/change/").content.decode()
    status = editor.split('class="draft-status')[1].split("</div>")[0]
    assert NEW_FEE in status and NEW_HOLDER in status and old_holder.name_bn in status

    # So does the publish form, with today's date beside the last one.
    form = client.get(ADD).content.decode()
    assert NEW_FEE in form and old_fee in form and NEW_HOLDER in form and old_holder.name_bn in form
    assert "চার্টারের তারিখ" in form.split("changes-table")[1]

    response = client.post(ADD, {**VALID, "issued_on": f"{timezone.localdate():%Y-%m-%d}"})
    assert response.status_code == 302
    page = client.get("/office/joypurhat/versions/3/").content.decode()
    changes = page.split('id="what-changed"')[1].split("</section>")[0]
    assert NEW_FEE in changes and old_fee in changes
    assert NEW_HOLDER in changes and old_holder.name_bn in changes
    assert changes.index(old_holder.name_bn) < changes.index(NEW_HOLDER)  # old beside new, old first
    assert "অভিযোগ প্রতিকার ব্যবস্থা: স্তর ২" in changes
    assert "চার্টারের অন্য অংশ বদলেছে" not in page

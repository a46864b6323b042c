"""The charter version in force decides where every grievance goes and what its pages show: a draft
edit of GRS tiers, officers or services changes nothing a citizen sees or where a grievance goes
until it is published; forwarding never buys time."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.test import Client

from charters.apps import OFFICE_STAFF_GROUP
from grievances import report
from grievances.models import Grievance, GrievanceTier, Level, PublishedTier
from offices.models import Officer, OfficeStaff
from pagecache.versions import current_version
from services.models import Service, ServiceListing
from tests.support.charters import publish_now
from tests.support.forms import form_data
from tests.support.grievances import escalate, file_on, file_over_http, make_officer, office

pytestmark = pytest.mark.django_db

D = datetime.date
FILED = D(2026, 1, 4)
TIER_1_DEADLINE = D(2026, 2, 16)
TIER_2_START = D(2026, 2, 17)


def status_of(grievance):
    client = Client()
    client.post("/grievance/", {"tracking_number": grievance.tracking_number, "mobile": grievance.mobile})
    html = client.get("/grievance/status/").content.decode()
    return re.sub(r"\s+", " ", html.split('id="grievance-holder"')[1].split("</dd>")[0])


def joypurhat_staff():
    user = User.objects.create_user("joypurhat-staff", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=office("joypurhat"))
    return user


def test_a_draft_edit_of_the_grs_tiers_routes_nothing_until_it_is_published(client):
    anik = make_officer("anik", "joypurhat", 1)
    appeal = make_officer("appeal", "joypurhat", 2)  # HQ's appeal officer: the published tier 2's holder
    programmer = Officer.objects.create(office=office("joypurhat"), designation="প্রোগ্রামার (নতুন)")
    own_desk = make_officer("own-desk", "joypurhat", 1)
    own_desk.grievance_desk.officer = programmer
    own_desk.grievance_desk.save()
    draft_two = GrievanceTier.objects.get(office__key="joypurhat", level=2)

    # The staff's edits of their draft: tier 2 to their own programmer is refused by the chain's rule…
    draft_two.contact_officer = programmer
    with pytest.raises(ValidationError, match="ঊর্ধ্বতন"):
        draft_two.full_clean()
    # …and the edits the rule lets through (another contact, deleted and re-added by HQ with other
    # days, a new service) wait in the draft.
    draft_two.contact_officer, draft_two.contact_text = None, "খসড়ার আপিল কর্মকর্তা, ফোন ০১৭০০০০০০০০"
    draft_two.save()
    draft_two.delete()
    GrievanceTier.objects.create(
        office=office("joypurhat"),
        level=2,
        when_to_contact="x",
        contact_title="খসড়া",
        contact_text="খসড়া",
        resolution_days=5,
    )
    Service.objects.create(office=office("joypurhat"), category=1, serial=99, name="INJECTED SERVICE")

    form = client.get("/office/joypurhat/grievance/").content.decode()
    assert "INJECTED SERVICE" not in form
    listed = re.findall(r'<option value="(\d+-\d+)"', form)
    published = ServiceListing.objects.filter(office__key="joypurhat").order_by("category", "serial")
    assert listed == [f"{s.category}-{s.serial}" for s in published]

    grievance = file_on(FILED)
    grievance.resolve(user=anik, resolution="সেবা দেওয়া যাবে না।")  # refused at tier 1
    grievance.reopen(note="সন্তুষ্ট নই")
    grievance.refresh_from_db()
    assert (grievance.level, grievance.days_at_tier) == (2, 20)  # the published days, not the draft's 5
    holder = status_of(grievance)
    assert "জনাব মোঃ ফিরোজ সরকার" in holder and "খসড়া" not in holder  # the published appeal officer
    assert grievance.tier().contact_title == "আপিল কর্মকর্তা"
    assert grievance in Grievance.objects.visible_to(appeal)
    assert grievance not in Grievance.objects.visible_to(own_desk)
    assert grievance not in Grievance.objects.visible_to(anik)

    escalate(D(2027, 3, 1))  # past the appeal deadline counted from the reopening (today)
    grievance.refresh_from_db()
    assert grievance.level == 3


def test_staff_cannot_delete_or_add_their_tiers_but_hq_can(client, admin_client):
    tier = GrievanceTier.objects.get(office__key="joypurhat", level=2)
    client.force_login(joypurhat_staff())
    assert client.post(f"/admin/grievances/grievancetier/{tier.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/grievances/grievancetier/add/").status_code == 403
    assert GrievanceTier.objects.filter(pk=tier.pk).exists()
    assert admin_client.post(f"/admin/grievances/grievancetier/{tier.pk}/delete/", {"post": "yes"}).status_code == 302


def test_tier_one_is_held_by_the_offices_own_officer():
    hq_officer = Officer.objects.create(office=office("hq"), designation="পরিচালক")
    tier = GrievanceTier.objects.get(office__key="joypurhat", level=1)
    tier.contact_officer = hq_officer
    with pytest.raises(ValidationError, match="দপ্তরেরই"):
        tier.full_clean()
    published = PublishedTier.objects.get(office__key="kachua.chandpur", level=1)
    with pytest.raises(ValidationError):
        published.assign(hq_officer)


def test_publishing_moves_the_route_and_the_days_and_withdrawing_moves_them_back():
    from charters.publishing import withdraw

    programmer = Officer.objects.get(pk=11701)  # Joypurhat's tier-1 officer, named by its charter
    other = Officer.objects.create(office=office("joypurhat"), designation="সহকারী প্রোগ্রামার")
    tier = GrievanceTier.objects.get(office__key="joypurhat", level=1)
    tier.contact_officer = other
    tier.save()
    assert PublishedTier.objects.get(office__key="joypurhat", level=1).holder == programmer
    version = publish_now(office("joypurhat"))
    assert PublishedTier.objects.get(office__key="joypurhat", level=1).holder == other
    withdraw(version, None)
    assert PublishedTier.objects.get(office__key="joypurhat", level=1).holder == programmer


def test_a_published_service_with_a_very_long_name_is_filed_without_loss(client):
    name = "অনেক লম্বা নামের সেবা " * 40  # 880 characters
    Service.objects.create(office=office("joypurhat"), category=1, serial=50, name=name)
    publish_now(office("joypurhat"))
    grievance = file_over_http(client, service="1-50")
    assert grievance.service_name == name and (grievance.service_category, grievance.service_serial) == (1, 50)


def test_forwarding_out_and_back_keeps_the_first_deadline():
    anik = make_officer("anik", "joypurhat", 1)
    rangpur = make_officer("anik-rangpur", "rangpursadar.rangpur", 1)
    grievance = file_on(FILED)
    first = grievance.deadline()
    grievance.forward(user=anik, office=office("rangpursadar.rangpur"), reason="রংপুরের সেবা")
    grievance.forward(user=rangpur, office=office("joypurhat"), reason="জয়পুরহাটেরই")
    grievance.refresh_from_db()
    assert (grievance.office.key, grievance.deadline(), first) == ("joypurhat", first, TIER_1_DEADLINE)
    assert grievance.events.last().days == 30
    escalate(TIER_2_START)
    grievance.refresh_from_db()
    assert grievance.level == 2  # escalation fires on the first deadline


def test_a_desk_cannot_forward_to_an_office_whose_tier_it_holds():
    both = make_officer("both", "joypurhat", 1)
    # The same post named for Rangpur's tier 1 too (HQ assigns it): one desk, two offices.
    rangpur_tier = PublishedTier.objects.get(office__key="rangpursadar.rangpur", level=1)
    PublishedTier.objects.filter(pk=rangpur_tier.pk).update(holder=both.grievance_desk.officer)
    grievance = file_on(FILED)
    with pytest.raises(ValidationError, match="নিজেই"):
        grievance.forward(user=both, office=office("rangpursadar.rangpur"), reason="রংপুরের সেবা")


def test_the_report_counts_a_forwarded_grievance_apart_from_resolved_ones():
    anik = make_officer("anik", "joypurhat", 1)
    grievance = file_on(FILED)
    grievance.forward(user=anik, office=office("rangpursadar.rangpur"), reason="রংপুরের সেবা")
    data = report.build(D(2026, 12, 1), offices={office("joypurhat").pk}, today=D(2026, 12, 31))
    (row,) = [r for r in data["offices"] if r["office"].key == "joypurhat"]
    assert (row["grievances"].forwarded, row["grievances"].resolved) == (1, 0)


def test_kachuas_page_shows_the_national_chain_below_the_paper_and_its_form_the_days(client):
    from charters.management.commands.demo import Command

    Command().create_holders()
    html = client.get("/office/kachua.chandpur/").content.decode()
    assert 'id="grs"' not in html  # the paper prints no GRS table
    chain = html.split('id="grs-national"')[1]
    assert "জাতীয় অভিযোগ প্রতিকার ব্যবস্থা" in html and "এই অংশ চার্টারের অংশ নয়" in chain
    assert "জনাব মোঃ মোশারফ হোসেন" in chain and "উপ-পরিচালক (প্রশাসন)" in chain
    for days in ("৩০", "২০", "৬০"):
        assert f"{days} কার্যদিবস" in chain
    assert html.index('id="grs-national"') > html.index('class="charter-signature')
    form = client.get("/office/kachua.chandpur/grievance/").content.decode()
    assert "জাতীয় মান" in form and "৩০ কার্যদিবসের মধ্যে" in form


def test_the_demo_routes_the_five_seed_offices_to_the_readmes_desks():
    from charters.management.commands.demo import SEED_OFFICES, Command
    from grievances.models import GrievanceDesk

    Command().create_accounts()
    Command().create_holders()
    for key in SEED_OFFICES:
        expected = f"anik-{key.split('.')[0]}"  # every office's tier-1 desk named alike (issue 23)
        holders = GrievanceDesk.objects.holding(office(key), Level.REDRESS_OFFICER)
        assert [d.user.username for d in holders] == [expected], key
        assert [d.user.username for d in GrievanceDesk.objects.holding(office(key), 2)] == ["appeal"], key
        assert [d.user.username for d in GrievanceDesk.objects.holding(office(key), 3)] == ["cabinet-cell"]
    # The drafts stay as the papers have them: the demo named its holders on the published chain.
    assert not GrievanceTier.objects.filter(office__key="kachua.chandpur").exists()


def test_only_the_published_chain_renews_the_public_pages():
    before = current_version()
    officer = Officer.objects.get(pk=11701)
    officer.phone = "০১৯০০০০০০০০"
    officer.save()
    tier = GrievanceTier.objects.get(office__key="joypurhat", level=2)
    tier.contact_text = "খসড়া"
    tier.save()
    assert current_version() == before  # a draft edit: no public page shows it
    PublishedTier.objects.get(office__key="kachua.chandpur", level=1).assign(
        Officer.objects.filter(office__key="kachua.chandpur").first()
    )
    assert current_version() != before


def test_the_form_lists_no_service_deleted_only_in_the_draft(client):
    Service.objects.filter(office__key="joypurhat", category=1, serial=1).delete()
    html = client.get("/office/joypurhat/grievance/?service=1-1").content.decode()
    assert form_data(html, "grievance-form")["service"] == "1-1"


def test_a_draft_cannot_delete_the_post_that_holds_a_published_tier_and_a_re_import_keeps_it(client):
    from django.core.management import call_command
    from django.db.models import ProtectedError

    from tests.support import SEEDS
    from tests.support.charters import SEED_FILES

    anik = make_officer("anik-kachua", "kachua.chandpur", 1)
    post = anik.grievance_desk.officer
    with pytest.raises(ProtectedError):
        Officer.objects.filter(pk=post.pk).delete()
    call_command(
        "import_charter", str(SEEDS / SEED_FILES["kachua.chandpur"]), "--office", "kachua.chandpur", "--replace"
    )
    assert Officer.objects.filter(pk=post.pk).exists()
    grievance = file_on(FILED, key="kachua.chandpur")
    assert grievance in Grievance.objects.visible_to(anik)


def test_the_forwarding_list_leaves_out_the_offices_whose_tier_the_desk_holds(client):
    both = make_officer("both", "joypurhat", 1)
    rangpur_tier = PublishedTier.objects.get(office__key="rangpursadar.rangpur", level=1)
    PublishedTier.objects.filter(pk=rangpur_tier.pk).update(holder=both.grievance_desk.officer)
    grievance = file_on(FILED)
    client.force_login(both)
    html = client.get(f"/admin/grievances/grievance/{grievance.pk}/change/").content.decode()
    choices = html.split('name="forward_to"')[1].split("</select>")[0]
    assert f'value="{office("kachua.chandpur").pk}"' in choices
    assert f'value="{office("rangpursadar.rangpur").pk}"' not in choices
    assert f'value="{office("joypurhat").pk}"' not in choices

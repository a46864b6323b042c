"""Officers handle, in the admin, only the grievances at their own desk: their office, their tier."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.urls import reverse

from charters.apps import OFFICE_STAFF_GROUP
from grievances.apps import GRIEVANCE_OFFICER_GROUP
from grievances.models import Grievance, GrievanceDesk, Holiday
from offices.models import OfficeStaff
from tests.support.forms import form_data
from tests.support.grievances import PASSWORD, deliver, escalate, file_on, make_officer, office

pytestmark = pytest.mark.django_db

FILED = datetime.date(2026, 1, 4)


def change_url(grievance):
    return reverse("admin:grievances_grievance_change", args=[grievance.pk])


def history_url(grievance):
    return reverse("admin:grievances_grievance_history", args=[grievance.pk])


CHANGELIST = "/admin/grievances/grievance/"


def snapshot(grievance):
    grievance.refresh_from_db()
    return model_to_dict(grievance), grievance.events.count()


@pytest.fixture
def grievance():
    return file_on(FILED)  # Joypurhat, tier 1


def charter_editor(username, key):
    """Staff who edit an office's charter, but sit at no grievance desk."""
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=office(key))
    return user


REFUSED = {
    "another office's officer": lambda: make_officer("kachua-anik", "kachua.chandpur", 1),
    "the same office's officer of the wrong tier": lambda: make_officer("joypurhat-appeal", "joypurhat", 2),
    "the national cell, before it reaches tier 3": lambda: make_officer("cell", None, 3),
    "an inactive account at the right desk": lambda: make_officer("joypurhat-gone", "joypurhat", 1, active=False),
    "the office's charter editor": lambda: charter_editor("joypurhat-editor", "joypurhat"),
    "an anonymous visitor": lambda: None,
}


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_but_the_desk_holding_it_is_refused(client, grievance, who):
    user = REFUSED[who]()
    if user is not None:
        client.force_login(user)
    before = snapshot(grievance)
    for url in (change_url(grievance), history_url(grievance)):
        response = client.get(url)
        assert response.status_code in (302, 403), (who, url)
        assert grievance.name not in response.content.decode()
    response = client.post(change_url(grievance), {"outcome": "resolve", "reply": "দখল", "note": "দখল"})
    assert response.status_code in (302, 403)
    assert snapshot(grievance) == before
    listing = client.get(CHANGELIST)
    assert listing.status_code in (302, 403) or grievance.tracking_number not in listing.content.decode()
    if user is None or not user.is_active:
        assert reverse("admin:login") in client.get(change_url(grievance))["Location"]


def test_the_right_officer_sees_and_resolves_it(client, grievance, django_capture_on_commit_callbacks):
    Grievance.objects.filter(pk=grievance.pk).update(email="rahima@example.com")
    officer = make_officer("joypurhat-anik", "joypurhat", 1)
    client.force_login(officer)
    listing = client.get(CHANGELIST)
    assert listing.status_code == 200 and grievance.tracking_number in listing.content.decode()
    page = client.get(change_url(grievance))
    assert page.status_code == 200 and grievance.name in page.content.decode()
    assert client.get(history_url(grievance)).status_code == 200

    data = form_data(page.content.decode(), "grievance_form")
    data.update(outcome="action", note="প্রোগ্রামারের সঙ্গে কথা বলা হয়েছে")
    assert client.post(change_url(grievance), data).status_code == 302
    grievance.refresh_from_db()
    assert grievance.status == "in_progress"
    event = grievance.events.last()
    assert (event.kind, event.user, event.role) == ("action", officer, "officer")
    assert event.note == "প্রোগ্রামারের সঙ্গে কথা বলা হয়েছে"

    # A resolution needs words for the citizen.
    data = form_data(client.get(change_url(grievance)).content.decode(), "grievance_form")
    data.update(outcome="resolve")
    response = client.post(change_url(grievance), data)
    assert response.status_code == 200 and "নাগরিকের জন্য নিষ্পত্তির বিবরণ লিখুন" in response.content.decode()

    data.update(reply="প্রশিক্ষণের তারিখ জানানো হয়েছে।")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(grievance), data).status_code == 302
    grievance.refresh_from_db()
    assert (grievance.status, grievance.resolution) == ("resolved", "প্রশিক্ষণের তারিখ জানানো হয়েছে।")
    assert grievance.resolved_on is not None
    mail.outbox.clear()
    deliver()
    (message,) = mail.outbox
    assert message.to == ["rahima@example.com"] and "প্রশিক্ষণের তারিখ জানানো হয়েছে।" in message.body

    # Resolved: there is nothing left to do on the page, and a forged POST changes nothing.
    page = client.get(change_url(grievance)).content.decode()
    assert 'name="outcome"' not in page
    before = snapshot(grievance)
    client.post(change_url(grievance), {"outcome": "action", "note": "আবার"})
    assert snapshot(grievance) == before


def test_officers_cannot_add_or_delete_grievances(client, grievance):
    client.force_login(make_officer("joypurhat-anik", "joypurhat", 1))
    assert client.get(reverse("admin:grievances_grievance_add")).status_code == 403
    delete = reverse("admin:grievances_grievance_delete", args=[grievance.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Grievance.objects.filter(pk=grievance.pk).exists()


def test_after_escalation_the_grievance_moves_from_one_desk_to_the_next(client, grievance):
    anik = make_officer("joypurhat-anik", "joypurhat", 1)
    appeal = make_officer("joypurhat-appeal", "joypurhat", 2)
    cell = make_officer("cell", None, 3)
    escalate(datetime.date(2026, 2, 17))
    client.force_login(anik)
    # The desk it left is told where it went (not "perhaps deleted"), and sees nothing of it.
    response = client.get(change_url(grievance))
    text = response.content.decode()
    assert response.status_code == 403 and "মুছে ফেলা" not in text and grievance.description not in text
    assert f"অভিযোগ {grievance.tracking_number} আপনার ডেস্ক থেকে পরবর্তী ধাপে গেছে" in text
    assert "এখন আছে: ২য় স্তরে, আপিল কর্মকর্তা" in text
    client.force_login(appeal)
    assert client.get(change_url(grievance)).status_code == 200
    escalate(datetime.date(2026, 3, 19))
    assert client.get(change_url(grievance)).status_code == 403
    # A desk it never reached learns only that it is not theirs.
    client.force_login(make_officer("kachua-anik", "kachua.chandpur", 1))
    text = client.get(change_url(grievance)).content.decode()
    assert "আপনার ডেস্কের নয়" in text and grievance.tracking_number not in text
    client.force_login(cell)
    assert client.get(change_url(grievance)).status_code == 200
    # The national cell holds tier-3 grievances of every office.
    rangpur = file_on(FILED, key="rangpursadar.rangpur")
    Grievance.objects.filter(pk=rangpur.pk).update(level=3)
    listing = client.get(CHANGELIST).content.decode()
    assert grievance.tracking_number in listing and rangpur.tracking_number in listing


def test_an_officer_lists_only_their_own_desk(client, grievance):
    mine = file_on(FILED)
    elsewhere = file_on(FILED, key="rangpursadar.rangpur")
    upstairs = file_on(FILED)
    Grievance.objects.filter(pk=upstairs.pk).update(level=2)
    client.force_login(make_officer("joypurhat-anik", "joypurhat", 1))
    shown = set(client.get(CHANGELIST).context["cl"].queryset)
    assert shown == {grievance, mine}
    assert elsewhere not in shown and upstairs not in shown


def test_hq_sees_every_grievance_and_its_full_history(admin_client, grievance):
    officer = make_officer("joypurhat-anik", "joypurhat", 1)
    grievance.record_action(user=officer, note="অভ্যন্তরীণ মন্তব্য: ফাইল খোঁজা হচ্ছে")
    other = file_on(FILED, key="rangpursadar.rangpur")
    listing = admin_client.get(CHANGELIST).content.decode()
    assert grievance.tracking_number in listing and other.tracking_number in listing
    page = admin_client.get(change_url(grievance)).content.decode()
    assert "অভ্যন্তরীণ মন্তব্য: ফাইল খোঁজা হচ্ছে" in page and "joypurhat-anik" in page


def test_only_hq_keeps_the_holidays_and_the_desks(client, admin_client):
    client.force_login(make_officer("joypurhat-anik", "joypurhat", 1))
    for name in ("holiday", "grievancedesk"):
        assert client.get(f"/admin/grievances/{name}/").status_code == 403
    response = admin_client.post("/admin/grievances/holiday/add/", {"date": "2026-10-20", "name": "দুর্গাপূজা"})
    assert response.status_code == 302
    assert Holiday.objects.filter(date=datetime.date(2026, 10, 20)).exists()


def test_a_desk_gives_its_holder_the_officers_group():
    user = make_officer("joypurhat-anik", "joypurhat", 1)
    group = Group.objects.get(name=GRIEVANCE_OFFICER_GROUP)
    assert group in user.groups.all()
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "view_grievance",
        "change_grievance",
        "view_grievanceevent",
    }
    user.grievance_desk.delete()
    assert group not in user.groups.all()


def test_a_desk_is_a_post_or_the_national_cell_never_both_nor_neither():
    user = User.objects.create_user("someone", is_staff=True)
    post = office("joypurhat").officers.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        GrievanceDesk.objects.create(user=user, officer=post, national_cell=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        GrievanceDesk.objects.create(user=user, officer=None, national_cell=False)


def test_hq_assigns_a_desk_in_the_admin(admin_client):
    user = User.objects.create_user("new-anik", password=PASSWORD, is_staff=True)
    response = admin_client.post(
        "/admin/grievances/grievancedesk/add/",
        {"user": user.pk, "officer": 11701},  # Joypurhat's অনিক, whom its GRS tier 1 names
    )
    assert response.status_code == 302
    desk = GrievanceDesk.objects.get(user=user)
    assert [(office_id, int(level)) for office_id, level in desk.cells()] == [(office("joypurhat").pk, 1)]


def test_a_desk_holders_admin_home_counts_what_waits_and_what_is_overdue(client, grievance):
    file_on(datetime.date.today())  # a second one at the same desk, within its deadline
    client.force_login(make_officer("joypurhat-anik", "joypurhat", 1))
    html = client.get("/admin/").content.decode()
    # FILED is long past its 30 working days: one of the two is overdue
    assert 'id="desk-counts"' in html and "নিষ্পত্তির অপেক্ষায়: ২টি; এর মধ্যে সময়সীমা পার হয়েছে: ১টি।" in html
    client.force_login(charter_editor("joypurhat-editor", "joypurhat"))
    assert 'id="desk-counts"' not in client.get("/admin/").content.decode()  # no desk, no card

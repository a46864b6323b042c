"""Issue 15: every grievance reaches the person the charter names, at every tier, on time; the
citizen hears by SMS; a slow mail server or gateway holds nothing up."""

import datetime
import time
import urllib.parse

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from grievances import sms
from grievances.models import Feedback, Grievance, Level, Notification, PublishedTier
from grievances.sending import send_due
from services.models import Service, ServiceListing
from tests.support.grievances import deliver, escalate, file_on, file_over_http, look_up, make_officer, office
from tests.support.stubs import Gateway, Silent, Smtp

pytestmark = pytest.mark.django_db

D = datetime.date
FILED = D(2026, 1, 4)
TIER_2_START = D(2026, 2, 17)
TIER_3_START = D(2026, 3, 19)


def admin_list(client, user):
    client.force_login(user)
    response = client.get("/admin/grievances/grievance/")
    assert response.status_code == 200
    return set(response.context["cl"].queryset)


@pytest.mark.parametrize("key", ["joypurhat", "rangpursadar.rangpur", "kachua.chandpur"])
def test_an_escalation_through_three_tiers_reaches_a_holder_at_each(client, key):
    anik = make_officer(f"anik-{key}", key, 1)
    appeal = make_officer("appeal", key, 2)
    cell = make_officer("cell", None, 3)
    grievance = file_on(FILED, key=key)
    assert admin_list(client, anik) == {grievance} and admin_list(client, appeal) == set()
    escalate(TIER_2_START)
    assert admin_list(client, appeal) == {grievance} and admin_list(client, anik) == set()
    escalate(TIER_3_START)
    assert admin_list(client, cell) == {grievance} and admin_list(client, appeal) == set()
    kinds = list(Notification.objects.filter(grievance=grievance, channel="email").values_list("kind", flat=True))
    assert kinds.count("holder") == 3 and "unassigned" not in kinds  # a holder told at each tier


def test_one_hq_appeal_officer_holds_the_appeals_of_many_offices(client):
    appeal = make_officer("appeal", "joypurhat", 2)
    assert PublishedTier.objects.get(office__key="rangpursadar.rangpur", level=2).holder is None
    make_officer("appeal-2", "rangpursadar.rangpur", 2)  # HQ assigns the same HQ post
    rangpur_tier = PublishedTier.objects.get(office__key="rangpursadar.rangpur", level=2)
    joypurhat_tier = PublishedTier.objects.get(office__key="joypurhat", level=2)
    assert rangpur_tier.holder == joypurhat_tier.holder
    assert rangpur_tier.holder.office.key == "hq"
    a, b = file_on(FILED), file_on(FILED, key="rangpursadar.rangpur")
    escalate(TIER_2_START)
    assert admin_list(client, appeal) == {a, b}


def test_a_tier_no_one_holds_goes_to_hqs_unassigned_list_and_hq_is_told_at_once(admin_client, admin_user):
    admin_user.email = "hq@example.gov.bd"
    admin_user.save()
    grievance = file_on(FILED, key="natoresadar.natore")  # no GRS table, no holder
    (row,) = Notification.objects.filter(grievance=grievance, kind="unassigned")
    assert row.recipient == "hq@example.gov.bd" and grievance.tracking_number in row.subject
    html = admin_client.get("/grievances/dashboard/").content.decode()
    unassigned = html.split('id="unassigned"')[1].split("<h2")[0]
    assert grievance.tracking_number in unassigned
    holderless = html.split('id="without-holder"')[1].split("<h2")[0]
    assert "উপজেলা কার্যালয়, নাটোর সদর" in holderless or "নাটোর" in holderless


def test_a_tier_one_officer_cannot_resolve_a_grievance_that_escalated_a_moment_before():
    anik = make_officer("anik", "joypurhat", 1)
    grievance = file_on(FILED)
    stale = Grievance.objects.get(pk=grievance.pk)  # the officer's page, opened before the escalation
    escalate(TIER_2_START)
    with pytest.raises(ValidationError):
        stale.resolve(user=anik, resolution="সমাধান")
    with pytest.raises(ValidationError):
        stale.record_action(user=anik, note="দেখছি")
    grievance.refresh_from_db()
    assert (grievance.level, grievance.status) == (2, "received")


def test_the_citizen_gets_the_tracking_number_escalations_and_the_reply_by_sms():
    sms.LocmemBackend.outbox.clear()
    anik = make_officer("anik", "joypurhat", 1)
    make_officer("appeal", "joypurhat", 2)
    grievance = file_on(FILED)
    escalate(TIER_2_START)
    grievance.refresh_from_db()
    grievance.resolve(user=make_officer("appeal-2", "joypurhat", 2), resolution="সমাধান হয়েছে")
    deliver()
    texts = [text for number, text in sms.LocmemBackend.outbox if number == grievance.mobile]
    assert len(texts) == 3
    assert all(grievance.tracking_number in text for text in texts)
    assert all(sms.segments(text) <= 2 for text in texts), [sms.segments(t) for t in texts]
    assert anik  # the tier-1 holder was told by e-mail, not SMS


def test_sms_segments_are_counted_as_ucs2_for_bengali():
    assert sms.segments("ক" * 70) == 1 and sms.segments("ক" * 71) == 2 and sms.segments("ক" * 134) == 2
    assert sms.segments("ক" * 135) == 3
    assert sms.segments("a" * 160) == 1 and sms.segments("a" * 161) == 2


def test_against_a_mail_server_and_gateway_that_never_answer_nothing_is_lost(client, settings):
    silent_smtp, silent_gateway = Silent(), Silent()
    settings.EMAIL_BACKEND = "grievances.mail.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", silent_smtp.port, 1
    settings.SMS_BACKEND = "grievances.sms.HttpGatewayBackend"
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{silent_gateway.port}/send"
    settings.SMS_TIMEOUT = 1
    make_officer("anik", "joypurhat", 1)
    try:
        started = time.monotonic()
        grievance = file_over_http(client, email="rahima@example.com")
        assert time.monotonic() - started < 2  # the filing does not wait for either
        pending = set(Notification.objects.pending().values_list("pk", flat=True))
        assert len(pending) == 3  # SMS and e-mail to the citizen, e-mail to the officer
        sent, failed, given_up = send_due()
        assert (sent, failed, given_up) == (0, 3, 0)
        assert set(Notification.objects.pending().values_list("pk", flat=True)) == pending
    finally:
        silent_smtp.close()
        silent_gateway.close()

    smtp, gateway = Smtp(), Gateway()
    try:
        settings.EMAIL_PORT = smtp.port
        settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{gateway.port}/send"
        assert send_due() == (0, 0, 0)  # not yet: each waits its back-off
        later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=2)
        assert send_due(now=later) == (3, 0, 0)
        assert Notification.objects.pending().count() == 0
        assert len(smtp.messages) == 2
        (form,) = gateway.received
        fields = urllib.parse.parse_qs(form)
        assert fields["number"] == ["88" + grievance.mobile] and grievance.tracking_number in fields["message"][0]
        assert send_due(now=later + datetime.timedelta(hours=1)) == (0, 0, 0)  # sent once
    finally:
        smtp.close()
        gateway.close()


def test_a_notice_that_keeps_failing_is_given_up_and_shown_to_hq(admin_client, settings):
    settings.SMS_BACKEND = "grievances.sms.HttpGatewayBackend"
    settings.SMS_GATEWAY_URL = ""  # misconfigured: every send fails at once
    grievance = file_on(FILED)
    now = datetime.datetime.now(datetime.UTC)
    for attempt in range(20):
        send_due(now=now + datetime.timedelta(days=attempt))
    row = Notification.objects.get(grievance=grievance, channel="sms")
    assert row.gave_up_at is not None and "SMS_GATEWAY_URL" in row.last_error
    html = admin_client.get("/grievances/dashboard/").content.decode()
    assert 'id="given-up"' in html and grievance.mobile in html.split('id="given-up"')[1]


def test_pages_with_a_citizens_grievance_are_not_kept_by_the_browser(client):
    grievance = file_over_http(client)
    for url in ("/office/joypurhat/grievance/", "/grievance/received/", "/grievance/", "/grievance/status/"):
        response = client.get(url)
        assert "no-store" in response.get("Cache-Control", ""), url
    assert grievance


@pytest.mark.parametrize("value", ["²", "１", "৫", "1" * 40, "-1", "1e3"])
def test_a_malformed_service_parameter_is_ignored(client, value):
    response = client.get("/office/joypurhat/grievance/", {"service": value})
    assert response.status_code == 200
    assert response.context["form"].initial == {}


def test_a_grievance_keeps_the_service_name_as_filed(client):
    listing = ServiceListing.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    name = listing.name
    grievance = file_over_http(client, service=f"{listing.category}-{listing.serial}")
    Service.objects.filter(office__key="joypurhat", category=listing.category, serial=listing.serial).delete()
    grievance.refresh_from_db()
    assert (grievance.service_label, grievance.service_serial) == (name, listing.serial)


def test_a_tier_one_holder_forwards_a_grievance_to_the_right_office():
    anik = make_officer("anik", "joypurhat", 1)
    rangpur = make_officer("anik-rangpur", "rangpursadar.rangpur", 1)
    grievance = file_on(FILED)
    grievance.forward(user=anik, office=office("rangpursadar.rangpur"), reason="রংপুরের সেবা")
    grievance.refresh_from_db()
    assert (grievance.office.key, grievance.level, grievance.status) == ("rangpursadar.rangpur", 1, "received")
    event = grievance.events.last()
    assert (event.kind, event.user, event.note, event.from_office.key) == ("forwarded", anik, "রংপুরের সেবা", "joypurhat")
    assert Notification.objects.filter(grievance=grievance, kind="forwarded", channel="sms").exists()
    assert grievance in Grievance.objects.visible_to(rangpur)
    assert grievance not in Grievance.objects.visible_to(anik)
    with pytest.raises(ValidationError):  # it is no longer theirs
        grievance.forward(user=anik, office=office("joypurhat"), reason="ফেরত")


def test_the_citizen_rates_a_resolution_once_and_hq_sees_it_per_office(client, admin_client):
    grievance = file_over_http(client)
    grievance.resolve(user=make_officer("anik", "joypurhat", 1), resolution="সমাধান হয়েছে")
    look_up(client, grievance)  # filing remembers nothing: the number and the mobile again
    html = client.get("/grievance/status/").content.decode()
    assert 'id="feedback-form"' in html
    data = {"form": "feedback", "satisfied": "yes", "rating": "4", "comment": "ধন্যবাদ"}
    assert client.post("/grievance/status/", data).status_code == 302
    assert client.post("/grievance/status/", {**data, "rating": "1"}).status_code in (200, 302)
    (feedback,) = Feedback.objects.all()
    assert (feedback.satisfied, feedback.rating, feedback.office.key) == (True, 4, "joypurhat")
    html = client.get("/grievance/status/").content.decode()
    assert 'id="feedback-form"' not in html and 'id="feedback-given"' in html
    dashboard = admin_client.get("/grievances/dashboard/").content.decode()
    assert 'id="feedback"' in dashboard


def test_bad_feedback_is_explained_and_nothing_is_stored(client):
    grievance = file_over_http(client)
    grievance.resolve(user=make_officer("anik", "joypurhat", 1), resolution="সমাধান হয়েছে")
    look_up(client, grievance)  # filing remembers nothing: the number and the mobile again
    response = client.post("/grievance/status/", {"form": "feedback", "satisfied": "maybe", "rating": "9"})
    assert response.status_code == 200 and "এই ঘরটি পূরণ করুন" in response.content.decode()
    assert not Feedback.objects.exists()


def test_staff_without_a_desk_do_not_see_the_dashboard_and_a_desk_sees_its_own_offices(client):
    from django.contrib.auth.models import User

    file_on(FILED)
    rangpur = file_on(FILED, key="rangpursadar.rangpur")
    client.force_login(User.objects.create_user("plain-staff", is_staff=True))
    assert client.get("/grievances/dashboard/").status_code == 403
    assert client.get("/grievances/report/").status_code == 403
    client.force_login(make_officer("anik-rangpur", "rangpursadar.rangpur", 1))
    html = client.get("/grievances/dashboard/").content.decode()
    assert rangpur.tracking_number in html or "রংপুর" in html
    assert "জয়পুরহাট" not in html.split("<main")[1]
    assert 'id="unassigned"' not in html


def test_the_levels_carry_the_national_tier_and_the_standard_days():
    assert [level.standard_days for level in Level] == [30, 20, 60]
    assert [level.is_national for level in Level] == [False, False, True]
    assert Level.national() is Level.CABINET_CELL and Level.REDRESS_OFFICER.next is Level.APPEAL_OFFICER


def test_the_chain_sentence_is_built_from_the_levels(client):
    html = client.get("/office/kachua.chandpur/grievance/").content.decode()
    assert "জাতীয় মান অনুযায়ী ৩০, ২০ ও ৬০ কার্যদিবস প্রযোজ্য" in html
    html = client.get("/en/office/kachua.chandpur/grievance/").content.decode()
    assert "national standard of 30, 20 and 60 working days applies" in html
    assert Client().get("/office/kachua.chandpur/grievance/").status_code == 200
    assert mail.outbox == []


def test_office_staff_cannot_edit_their_tiers_days_on_the_office_page(client):
    from django.contrib.auth.models import Group, User

    from charters.apps import OFFICE_STAFF_GROUP
    from offices.models import OfficeStaff
    from tests.support.forms import form_data

    user = User.objects.create_user("joypurhat-staff", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=office("joypurhat"))
    client.force_login(user)
    url = f"/admin/offices/office/{office('joypurhat').pk}/change/"
    page = client.get(url).content.decode()
    data = form_data(page, "office_form")
    days = [name for name in data if name.startswith("grievance_tiers-") and name.endswith("-resolution_days")]
    assert days == []  # not a field they can send
    forged = {**data, "grievance_tiers-0-resolution_days": "32767"}
    client.post(url, forged)
    assert PublishedTier.objects.get(office__key="joypurhat", level=1).days == 30


def test_the_tracking_number_sms_fits_one_segment_on_the_portals_address(settings):
    settings.PORTAL_URL = "https://www.doict.gov.bd"
    grievance = file_on(FILED)
    text = Notification.objects.get(grievance=grievance, channel="sms").body
    assert grievance.tracking_number in text and "www.doict.gov.bd/grievance/" in text
    assert sms.segments(text) == 1, (len(text), text)
    make_officer("appeal", "joypurhat", 2)
    escalate(TIER_2_START)
    text = Notification.objects.get(grievance=grievance, channel="sms", kind="escalated").body
    assert "আপিল কর্মকর্তা-এর কাছে" in text and sms.segments(text) == 1

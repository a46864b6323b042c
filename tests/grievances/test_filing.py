"""A citizen files a grievance against an office from its charter page."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client

from grievances import ratelimit
from grievances.models import ClientRequest, Grievance, GrievanceEvent
from services.models import ServiceListing
from tests.support.forms import form_data
from tests.support.grievances import bengali_date, citizen_form, deliver, file_over_http, make_officer

pytestmark = pytest.mark.django_db

TRACKING = re.compile(r"GRS-[0-9A-Z]{4}-[0-9A-Z]{4}")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_charter_page_links_to_the_form_at_the_top_and_from_every_service(client):
    html = page(client, "/office/joypurhat/")
    assert 'href="/office/joypurhat/grievance/"' in html.split('id="vision-mission"')[0]
    assert 'href="/office/joypurhat/grievance/"' in html.split('id="grs"')[1]
    for service in ServiceListing.objects.filter(office__key="joypurhat"):
        # By the service's stable key in the charter in force, which re-import and re-publish keep.
        row = html.split(f'id="{service.anchor}"')[1].split("</tr>")[0]
        assert f'href="/office/joypurhat/grievance/?service={service.category}-{service.serial}"' in row


def test_an_office_without_a_grs_table_still_takes_grievances_on_the_national_days(client):
    assert 'href="/office/kachua.chandpur/grievance/"' in page(client, "/office/kachua.chandpur/")
    html = page(client, "/office/kachua.chandpur/grievance/")
    assert "জাতীয় মান" in html
    for days in ("৩০", "২০", "৬০"):
        assert f"{days} কার্যদিবস" in html
    grievance = file_over_http(client, "kachua.chandpur")
    assert grievance.days_at_tier == 30


def test_the_form_shows_the_offices_own_days_and_preselects_the_service(client):
    service = ServiceListing.objects.filter(office__key="joypurhat").order_by("category", "serial")[3]
    key = f"{service.category}-{service.serial}"
    html = page(client, f"/office/joypurhat/grievance/?service={key}")
    assert "জাতীয় মান" not in html
    assert form_data(html, "grievance-form")["service"] == key
    assert 'lang="bn"' in html and 'name="viewport"' in html and "<script" not in html


@pytest.mark.parametrize("service", ["abc", "999999", "1-99", "3-6", "1-1-1", "²-1"])
def test_a_service_that_is_not_the_offices_is_not_preselected(client, service):
    html = page(client, f"/office/joypurhat/grievance/?service={service}")
    assert form_data(html, "grievance-form")["service"] == ""


def test_filing_stores_one_grievance_and_one_event_and_shows_the_tracking_number(client):
    service = ServiceListing.objects.filter(office__key="joypurhat").order_by("category", "serial").first()
    form = citizen_form(service=f"{service.category}-{service.serial}", mobile="+880 1711-000000")
    response = client.post("/office/joypurhat/grievance/", form)
    assert response.status_code == 302 and response["Location"] == "/grievance/received/"
    grievance = Grievance.objects.get()
    assert (grievance.office.key, grievance.mobile) == ("joypurhat", "01711000000")
    assert (grievance.service_category, grievance.service_serial, grievance.service_name) == (
        service.category,
        service.serial,
        service.name,
    )
    assert (grievance.level, grievance.status) == (1, "received")
    assert TRACKING.fullmatch(grievance.tracking_number)
    (event,) = grievance.events.all()
    assert (event.kind, event.role, event.to_level, event.to_status) == ("filed", "citizen", 1, "received")

    html = page(client, response["Location"])
    assert grievance.tracking_number in html
    assert bengali_date(grievance.deadline()) in html.split("নিষ্পত্তির সময়সীমা")[1]


def test_the_tracking_number_is_e_mailed_to_the_citizen_and_the_tier_one_officer_is_told(
    client,
    django_capture_on_commit_callbacks,
):
    make_officer("anik", "joypurhat", 1, email="anik@joypurhat.example.gov.bd")
    make_officer("appeal", "joypurhat", 2)
    with django_capture_on_commit_callbacks(execute=True):
        grievance = file_over_http(client, email="rahima@example.com")
    deliver()
    to_citizen, to_officer = mail.outbox
    assert to_citizen.to == ["rahima@example.com"]
    assert grievance.tracking_number in to_citizen.subject and grievance.tracking_number in to_citizen.body
    assert "http://" in to_citizen.body and "/grievance/" in to_citizen.body
    assert to_officer.to == ["anik@joypurhat.example.gov.bd"]
    assert f"/admin/grievances/grievance/{grievance.pk}/change/" in to_officer.body


def test_without_an_e_mail_address_the_citizen_gets_no_mail(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        file_over_http(client)
    deliver()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("mobile", "12345", "সঠিক মোবাইল নম্বর লিখুন"),
        ("mobile", "", "এই ঘরটি পূরণ করুন"),
        ("name", "", "এই ঘরটি পূরণ করুন"),
        ("description", "", "এই ঘরটি পূরণ করুন"),
        ("description", "খুব ছোট", "অন্তত ১০ অক্ষরে"),
        ("desired_outcome", "", "এই ঘরটি পূরণ করুন"),
        ("email", "not-an-address", "সঠিক ই-মেইল ঠিকানা লিখুন"),
    ],
)
def test_mistakes_are_explained_in_bengali_and_nothing_is_stored(client, field, value, message):
    response = client.post("/office/joypurhat/grievance/", citizen_form(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "ফরমটি জমা দেওয়া যায়নি" in html
    assert 'aria-invalid="true"' in html
    assert not Grievance.objects.exists()
    # What the citizen typed is kept.
    assert form_data(html, "grievance-form")["desired_outcome"] == citizen_form(**{field: value})["desired_outcome"]


def test_a_service_not_in_the_offices_charter_in_force_is_refused(client):
    response = client.post("/office/joypurhat/grievance/", citizen_form(service="1-99"))
    assert response.status_code == 200 and "এই দপ্তরের একটি সেবা" in response.content.decode()
    assert not Grievance.objects.exists()


def test_the_form_needs_its_csrf_token():
    browser = Client(enforce_csrf_checks=True)
    assert browser.post("/office/joypurhat/grievance/", citizen_form()).status_code == 403
    data = form_data(page(browser, "/office/joypurhat/grievance/"), "grievance-form")
    data.update(citizen_form())
    assert browser.post("/office/joypurhat/grievance/", data).status_code == 302
    assert Grievance.objects.count() == 1


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    html = page(client, "/office/joypurhat/grievance/")
    honeypot = html.split('class="hp"')[1].split("</div>")[0]
    assert 'aria-hidden="true"' in html.split('class="hp"')[1][:40]
    assert 'name="website"' in honeypot and 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot


def test_a_filled_honeypot_stores_nothing_but_looks_like_an_ordinary_answer(client, django_capture_on_commit_callbacks):
    make_officer("anik", "joypurhat", 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/office/joypurhat/grievance/",
            citizen_form(website="http://spam.example", email="x@example.com"),
        )
    assert response.status_code == 200 and "ধন্যবাদ" in response.content.decode()
    assert not Grievance.objects.exists()
    assert mail.outbox == []


def mobile(n):
    return f"0171{n:07d}"


def test_one_mobile_number_may_file_five_grievances_in_ten_minutes(client):
    for _ in range(5):
        file_over_http(client)
    response = client.post("/office/joypurhat/grievance/", citizen_form())
    assert response.status_code == 429
    assert "এই মোবাইল নম্বর থেকে" in response.content.decode()
    assert "১০ মিনিট পরে আবার চেষ্টা করুন" in response.content.decode()
    assert Grievance.objects.count() == 5
    # From another address the same number is still held back; another number is not.
    assert Client(REMOTE_ADDR="10.1.2.3").post("/office/joypurhat/grievance/", citizen_form()).status_code == 429
    file_over_http(Client(REMOTE_ADDR="10.1.2.3"), mobile=mobile(1))
    assert Grievance.objects.count() == 6


def test_a_union_digital_centre_files_for_a_queue_of_citizens_from_one_address(client):
    limit = ratelimit.LIMITS[ClientRequest.Action.FILE][0]
    assert limit >= 30  # a morning's queue at one centre
    for n in range(limit):
        file_over_http(client, mobile=mobile(n))
    response = client.post("/office/joypurhat/grievance/", citizen_form(mobile=mobile(limit)))
    assert response.status_code == 429 and "এই ডিভাইস থেকে" in response.content.decode()
    assert Grievance.objects.count() == limit


def test_behind_a_proxy_the_configured_header_names_the_client(client, settings, monkeypatch):
    monkeypatch.setitem(ratelimit.LIMITS, ClientRequest.Action.FILE, (5, datetime.timedelta(minutes=10)))
    settings.GRIEVANCES_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for index in range(5):
        response = client.post(
            "/office/joypurhat/grievance/", citizen_form(mobile=mobile(index)), HTTP_X_FORWARDED_FOR=f"10.9.9.{index}"
        )
        assert response.status_code == 302
    # A client cannot dodge the limit by starting the list itself: the proxy's entry is last.
    spoofed = client.post(
        "/office/joypurhat/grievance/", citizen_form(mobile=mobile(10)), HTTP_X_FORWARDED_FOR="1.1.1.1, 10.9.9.0"
    )
    assert spoofed.status_code == 302
    for n in range(4):
        client.post(
            "/office/joypurhat/grievance/", citizen_form(mobile=mobile(20 + n)), HTTP_X_FORWARDED_FOR="10.9.9.0"
        )
    assert (
        client.post(
            "/office/joypurhat/grievance/", citizen_form(mobile=mobile(30)), HTTP_X_FORWARDED_FOR="2.2.2.2, 10.9.9.0"
        ).status_code
        == 429
    )


def test_the_submission_is_one_transaction(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the history could not be written")

    monkeypatch.setattr(GrievanceEvent, "save", broken)
    with pytest.raises(RuntimeError):
        client.post("/office/joypurhat/grievance/", citizen_form())
    assert not Grievance.objects.exists()


def test_text_from_the_citizen_is_escaped(client):
    grievance = file_over_http(client, name="<script>alert(1)</script>")
    client.post("/grievance/", {"tracking_number": grievance.tracking_number, "mobile": grievance.mobile})
    html = page(client, "/grievance/status/")
    assert "<script>alert" not in html


def test_an_unknown_office_is_the_bengali_404(client):
    response = client.get("/office/no-such-office/grievance/")
    assert response.status_code == 404 and "দপ্তরটি পাওয়া যায়নি" in response.content.decode()


def test_the_received_page_without_a_filing_sends_the_visitor_to_the_lookup(client):
    response = client.get("/grievance/received/")
    assert response.status_code == 302 and response["Location"] == "/grievance/"

"""A citizen looks a grievance up with its tracking number and their mobile number, and may reopen it once."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from grievances.models import Grievance
from tests.support.grievances import bengali_date, deliver, file_on, file_over_http, make_officer

pytestmark = pytest.mark.django_db


def look_up(client, tracking_number, mobile):
    return client.post("/grievance/", {"tracking_number": tracking_number, "mobile": mobile})


def status_page(client):
    response = client.get("/grievance/status/")
    assert response.status_code == 200
    return response.content.decode()


def without_what_was_typed(html):
    """The page as it would be for any input: no CSRF token, no echoed values."""
    return re.sub(r'value="[^"]*"', "", html)


@pytest.fixture
def grievance():
    # Filed from another browser: this one knows nothing but what it is told.
    return file_over_http(Client(REMOTE_ADDR="10.0.0.99"), mobile="01811-832637")


def test_the_lookup_page_asks_for_both_numbers(client):
    html = client.get("/grievance/").content.decode()
    assert 'name="tracking_number"' in html and 'name="mobile"' in html and "csrfmiddlewaretoken" in html
    assert "<script" not in html


def test_the_status_page_shows_status_tier_holder_and_bengali_deadline(client, grievance):
    response = look_up(client, grievance.tracking_number, grievance.mobile)
    assert response.status_code == 302 and response["Location"] == "/grievance/status/"
    html = status_page(client)
    assert grievance.tracking_number in html
    assert "গৃহীত, ব্যবস্থা গ্রহণের অপেক্ষায়" in html  # status
    assert "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)" in html.split('id="grievance-level"')[1]  # tier
    holder = html.split('id="grievance-holder"')[1].split("</dd>")[0]
    assert "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)" in holder and "জনাব মোঃ নাজমুল হোসেন" in holder
    deadline = html.split('id="grievance-deadline"')[1].split("</dd>")[0]
    assert bengali_date(grievance.deadline()) in deadline


@pytest.mark.parametrize(
    "typed_number, typed_mobile",
    [
        (lambda n: n.lower(), "01811832637"),
        (lambda n: n.replace("-", " "), "+880 1811-832637"),
        (lambda n: n.removeprefix("GRS-"), "০১৮১১-৮৩২৬৩৭"),
    ],
)
def test_the_numbers_may_be_typed_as_people_type_them(client, grievance, typed_number, typed_mobile):
    assert look_up(client, typed_number(grievance.tracking_number), typed_mobile).status_code == 302


def test_a_wrong_mobile_and_a_wrong_number_get_the_same_answer(client, grievance):
    wrong_mobile = look_up(client, grievance.tracking_number, "01911000000")
    other = Grievance(tracking_number="GRS-0000-0000")
    wrong_number = look_up(client, other.tracking_number, grievance.mobile)
    assert wrong_mobile.status_code == wrong_number.status_code == 200
    assert "কোনো অভিযোগ পাওয়া যায়নি" in wrong_mobile.content.decode()
    assert without_what_was_typed(wrong_mobile.content.decode()) == without_what_was_typed(
        wrong_number.content.decode()
    )
    assert client.get("/grievance/status/")["Location"] == "/grievance/"  # nothing was remembered


def test_neither_number_alone_reveals_anything(client, grievance):
    for data in ({"tracking_number": grievance.tracking_number}, {"mobile": grievance.mobile}):
        response = client.post("/grievance/", data)
        assert response.status_code == 200 and "এই ঘরটি পূরণ করুন" in response.content.decode()
        assert grievance.name not in response.content.decode()
    assert client.get("/grievance/status/").status_code == 302


def test_the_status_page_without_a_lookup_sends_the_visitor_to_the_lookup(client):
    response = client.get("/grievance/status/")
    assert response.status_code == 302 and response["Location"] == "/grievance/"


def test_lookups_are_rate_limited_per_client(client, grievance):
    for _ in range(10):
        look_up(client, "GRS-0000-0000", grievance.mobile)
    response = look_up(client, grievance.tracking_number, grievance.mobile)  # even the right pair
    assert response.status_code == 429
    assert "১০ মিনিট পরে আবার চেষ্টা করুন" in response.content.decode()
    assert look_up(Client(REMOTE_ADDR="10.7.7.7"), grievance.tracking_number, grievance.mobile).status_code == 302


def test_the_citizen_sees_a_short_history_without_internal_notes(client, grievance):
    officer = make_officer("anik", "joypurhat", 1)
    grievance.record_action(user=officer, note="অভ্যন্তরীণ: প্রোগ্রামারকে ফোন করা হয়েছে")
    grievance.resolve(user=officer, resolution="প্রশিক্ষণের তারিখ এসএমএসে জানানো হয়েছে।", note="গোপন মন্তব্য")
    look_up(client, grievance.tracking_number, grievance.mobile)
    html = status_page(client)
    history = html.split('id="history-title"')[1].split("</section>")[0]
    for words in ("অভিযোগ দাখিল হয়েছে", "ব্যবস্থা গ্রহণ করা হয়েছে", "নিষ্পত্তি হয়েছে"):
        assert words in history
    assert "অভ্যন্তরীণ" not in html and "গোপন মন্তব্য" not in html and "anik" not in html
    assert "প্রশিক্ষণের তারিখ এসএমএসে জানানো হয়েছে।" in html  # the resolution is for the citizen


def test_a_resolved_grievance_may_be_reopened_once_and_goes_to_the_next_tier(client, grievance):
    officer = make_officer("anik", "joypurhat", 1)
    grievance.resolve(user=officer, resolution="সমাধান করা হয়েছে।")
    look_up(client, grievance.tracking_number, grievance.mobile)
    assert 'id="reopen-form"' in status_page(client)

    # A reason is needed.
    response = client.post("/grievance/status/", {"reason": ""})
    assert response.status_code == 200 and "এই ঘরটি পূরণ করুন" in response.content.decode()

    response = client.post("/grievance/status/", {"reason": "তারিখ জানানো হয়নি, সমাধান হয়নি।"})
    assert response.status_code == 302
    grievance.refresh_from_db()
    assert (grievance.level, grievance.status, grievance.reopened, grievance.resolved_on) == (2, "received", True, None)
    assert grievance.tier_since == timezone.localdate()  # day zero at the new tier
    event = grievance.events.last()
    assert (event.kind, event.role, event.from_level, event.to_level) == ("reopened", "citizen", 1, 2)

    # Resolved again at tier 2: it may not be reopened a second time.
    appeal = make_officer("appeal", "joypurhat", 2)
    grievance.resolve(user=appeal, resolution="আপিলে নিষ্পত্তি।")
    html = status_page(client)
    assert 'id="reopen-form"' not in html
    client.post("/grievance/status/", {"reason": "আবার খুলুন"})
    grievance.refresh_from_db()
    assert (grievance.level, grievance.status) == (2, "resolved")


def test_a_grievance_resolved_at_the_national_cell_cannot_be_reopened(client):
    grievance = file_on(datetime.date(2026, 1, 4))
    Grievance.objects.filter(pk=grievance.pk).update(level=3)
    grievance.refresh_from_db()
    grievance.resolve(user=None, resolution="সেল নিষ্পত্তি করেছে।")
    look_up(client, grievance.tracking_number, grievance.mobile)
    html = status_page(client)
    assert 'id="reopen-form"' not in html and "শেষ ধাপ" in html


def test_an_office_without_a_grs_table_says_its_days_are_the_national_standard(client):
    grievance = file_over_http(Client(), "natoresadar.natore")
    look_up(client, grievance.tracking_number, grievance.mobile)
    html = status_page(client)
    assert "জাতীয় মান" in html
    holder = re.sub(r"\s+", " ", html.split('id="grievance-holder"')[1].split("</dd>")[0])
    assert f"অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক), {grievance.office.name}" in holder  # no tier row: the office


def test_reopening_tells_the_next_desk(client, grievance, django_capture_on_commit_callbacks):
    grievance.resolve(user=make_officer("anik", "joypurhat", 1), resolution="সমাধান করা হয়েছে।")
    make_officer("appeal", "joypurhat", 2, email="appeal@example.gov.bd")
    look_up(client, grievance.tracking_number, grievance.mobile)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/grievance/status/", {"reason": "সমাধান হয়নি।"})
    deliver()
    (message,) = [m for m in mail.outbox if m.to != [grievance.email]]
    assert message.to == ["appeal@example.gov.bd"] and "পুনরায় খুলেছেন" in message.body


def test_after_saying_satisfied_the_citizen_is_not_offered_a_reopening(client, grievance):
    grievance.resolve(user=make_officer("anik", "joypurhat", 1), resolution="সমাধান করা হয়েছে।")
    look_up(client, grievance.tracking_number, grievance.mobile)
    client.post("/grievance/status/", {"form": "feedback", "satisfied": "yes", "rating": "5", "comment": ""})
    html = status_page(client)
    assert 'id="feedback-given"' in html and 'id="reopen-form"' not in html and "সন্তুষ্ট নন?" not in html
    client.post("/grievance/status/", {"reason": "আবার খুলুন"})  # nor is a forged reopening taken
    grievance.refresh_from_db()
    assert (grievance.level, grievance.status, grievance.reopened) == (1, "resolved", False)


def test_the_redress_officer_is_explained_once_and_the_appeal_officer_reached_as_the_charter_prints_him(
    client, grievance
):
    look_up(client, grievance.tracking_number, grievance.mobile)
    assert status_page(client).count('id="redress-officer-explained"') == 1
    Grievance.objects.filter(pk=grievance.pk).update(level=2)
    holder = status_page(client).split('id="grievance-holder"')[1].split("</dd>")[0]
    # Joypurhat's charter prints its appeal officer's name, phone and e-mail in the GRS table.
    assert "ফিরোজ সরকার" in holder and 'href="tel:+880241024070"' in holder
    assert 'href="mailto:ddadmin@doict.gov.bd"' in holder

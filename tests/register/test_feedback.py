"""The feedback link: once per ended request, counted (never shown one by one) on the page."""

import datetime

import pytest

from offices.models import Office
from register.models import RequestFeedback, ServiceRequest

pytestmark = pytest.mark.django_db


def ended_request(**fields):
    return ServiceRequest.objects.create(
        office=Office.objects.get(key="joypurhat"),
        category=2,
        serial=1,
        service_name="বিভিন্ন প্রতিবেদন/ তথ্য প্রেরণ",
        received_on=datetime.date(2026, 10, 1),
        promise_kind="working_days",
        promise_days=5,
        mobile="01711000000",
        **fields,
    )


def test_the_citizen_answers_once_and_the_page_counts_it(client):
    request = ended_request(outcome="delivered", ended_on=datetime.date(2026, 10, 5))
    url = f"/feedback/{request.feedback_token}/"
    assert "সময়মতো পেয়েছেন" in client.get(url).content.decode()
    answer = {"on_time": "yes", "extra_money": "no", "satisfied": "yes"}
    assert "ধন্যবাদ" in client.post(url, answer).content.decode()
    client.post(url, {**answer, "satisfied": "no"})
    assert RequestFeedback.objects.get().satisfied is True
    page = client.get("/office/joypurhat/performance/?from=2026-10-01&to=2026-10-31").content.decode()
    assert "উত্তর দিয়েছেন" in page and "01711000000" not in page


def test_no_link_for_a_pending_request_or_a_wrong_token(client):
    pending = ended_request()
    assert client.get(f"/feedback/{pending.feedback_token}/").status_code == 404
    assert client.get("/feedback/not-a-token/").status_code == 404

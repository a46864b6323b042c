"""Issue 22: a grievance filed at a shared computer (a Union Digital Centre) is not shown to the
next person, and the filing e-mail carries nothing the filer typed."""

import pytest
from django.conf import settings
from django.core import mail

from tests.support.grievances import deliver, file_over_http

pytestmark = pytest.mark.django_db


def test_the_received_page_shows_the_number_once_in_a_new_session_then_asks_for_the_mobile(client):
    client.get("/grievance/")  # a session from before the filing (the last visitor's)
    client.session.save()
    before = client.cookies.get(settings.SESSION_COOKIE_NAME)
    grievance = file_over_http(client)
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert before is None or after != before.value  # the session was rotated
    shown = client.get("/grievance/received/")
    html = shown.content.decode()
    assert shown.status_code == 200 and grievance.tracking_number in html
    assert grievance.mobile not in html and "০১৭১১" not in html  # the mobile is not on the page
    # The next person at the computer: a reload, the status page, both back to the lookup.
    for url in ("/grievance/received/", "/grievance/status/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/grievance/"


def test_the_filing_e_mail_starts_with_a_fixed_line_and_carries_no_typed_text(client):
    name = "সস্তায় ঋণ নিন: www.example.com"  # what a spammer would put where the name goes
    grievance = file_over_http(client, name=name, email="someone@example.com")
    deliver()
    (sent,) = [message for message in mail.outbox if message.to == ["someone@example.com"]]
    assert sent.body.startswith("সিটিজেন চার্টার পোর্টালে দাখিল করা অভিযোগের স্বয়ংক্রিয় বার্তা।")
    assert name not in sent.body and name not in sent.subject and grievance.tracking_number in sent.body

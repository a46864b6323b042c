"""Issue 22: the outbox sends each notice exactly once, however many senders run and however slowly
a gateway answers; no send outlives its deadline."""

import threading
import time
import urllib.parse

import pytest
from django.db import connection

from grievances import sending
from grievances.models import Notification
from tests.support.stubs import Gateway, Smtp

pytestmark = pytest.mark.django_db(transaction=True)

DEADLINE = 4  # seconds; the lease is twice this


@pytest.fixture
def timed_sends(monkeypatch):
    """Every send's duration, as the sender saw it."""
    durations = []
    deliver = sending._deliver

    def timed(row, sms_backend):
        started = time.monotonic()
        try:
            return deliver(row, sms_backend)
        finally:
            durations.append(time.monotonic() - started)

    monkeypatch.setattr(sending, "_deliver", timed)
    return durations


def sms_notices(count):
    return [
        Notification.objects.create(
            kind=Notification.Kind.FILED,
            channel=Notification.Channel.SMS,
            recipient=f"017110000{n:02d}",
            body=f"notice {n}",
        )
        for n in range(count)
    ]


def two_senders(second_after=0):
    """Two senders' rounds, the second starting ``second_after`` seconds into the first (a timer's
    next round while a slow one still runs)."""

    def sender(wait):
        time.sleep(wait)
        try:
            sending.send_due()
        finally:
            connection.close()

    threads = [threading.Thread(target=sender, args=(wait,)) for wait in (0, second_after)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def test_two_senders_against_a_gateway_answering_in_three_seconds_send_each_notice_once(settings, timed_sends):
    settings.SMS_BACKEND = "grievances.sms.HttpGatewayBackend"
    settings.SMS_TIMEOUT = 10
    settings.NOTIFICATION_SEND_DEADLINE = DEADLINE
    gateway = Gateway(delay=3)
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{gateway.port}/send"
    # Four sends of 3 s: the first sender's round (12 s) outlasts a lease (8 s); the second starts at
    # 10 s, while the first sends the last notice, claimed at 9 s: a lease counted from the round's
    # start would be over (at 8 s) and the second sender would send it again.
    notices = sms_notices(4)
    try:
        two_senders(second_after=10)
    finally:
        gateway.close()
    numbers = sorted(urllib.parse.parse_qs(form)["number"][0] for form in gateway.received)
    assert numbers == sorted("88" + notice.recipient for notice in notices)  # each once
    assert Notification.objects.pending().count() == 0
    assert set(Notification.objects.values_list("attempts", flat=True)) == {1}
    assert len(timed_sends) == 4 and max(timed_sends) < DEADLINE


def test_a_trickling_gateway_is_cut_off_at_the_deadline_and_the_notice_kept(settings, timed_sends):
    settings.SMS_BACKEND = "grievances.sms.HttpGatewayBackend"
    settings.SMS_TIMEOUT = 2  # each byte comes well within it
    settings.NOTIFICATION_SEND_DEADLINE = DEADLINE
    gateway = Gateway(trickle=1)  # 16 bytes, one a second
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{gateway.port}/send"
    sms_notices(2)
    try:
        two_senders()
    finally:
        gateway.close()
    assert len(gateway.received) == 2  # each tried once, by one sender
    assert len(timed_sends) == 2 and max(timed_sends) < DEADLINE + 0.5
    for notice in Notification.objects.all():
        assert notice.sent_at is None and notice.attempts == 1 and "DeadlineExceeded" in notice.last_error


def test_a_trickling_mail_server_is_cut_off_at_the_deadline(settings, timed_sends):
    settings.EMAIL_BACKEND = "grievances.mail.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_TIMEOUT = "127.0.0.1", 2
    settings.NOTIFICATION_SEND_DEADLINE = DEADLINE
    smtp = Smtp(trickle=0.5)  # its 16-byte greeting takes 8 s
    settings.EMAIL_PORT = smtp.port
    Notification.objects.create(
        kind=Notification.Kind.FILED, channel=Notification.Channel.EMAIL, recipient="hq@example.gov.bd", body="x"
    )
    try:
        assert sending.send_due() == (0, 1, 0)
    finally:
        smtp.close()
    assert timed_sends[0] < DEADLINE + 0.5
    assert "DeadlineExceeded" in Notification.objects.get().last_error

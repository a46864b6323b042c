"""Issue 22: sending the outbox is a background task. Each change that writes notices queues one
``send_notices`` task in its own transaction; the task sends its own rows through the sweeper's
claim, so however often it runs, and beside the sweeper, each notice is sent once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from grievances import sms
from grievances.models import Notification
from grievances.tasks import send_notices
from tests.support.grievances import deliver, file_on, make_officer

pytestmark = pytest.mark.django_db

FILED = datetime.date(2026, 12, 1)
DATABASE_BACKENDS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "notices": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@pytest.fixture
def queued():
    """The notices tasks queued in this test (the dummy backend records them and runs none)."""
    backend = task_backends["notices"]
    backend.clear()
    return backend.results


@pytest.fixture
def outboxes(settings):
    settings.SMS_BACKEND = "grievances.sms.LocmemBackend"
    sms.LocmemBackend.outbox.clear()
    mail.outbox.clear()
    return sms.LocmemBackend.outbox, mail.outbox


def test_filing_queues_one_task_with_exactly_the_notices_it_wrote(queued):
    make_officer("anik", "joypurhat", 1, email="anik@example.gov.bd")
    grievance = file_on(FILED)
    written = sorted(Notification.objects.filter(grievance=grievance).values_list("pk", flat=True))
    assert len(written) >= 2  # the citizen's SMS receipt and the desk's e-mail
    queued_ids = sorted(pk for result in queued for pk in result.args[0])
    assert queued_ids == written
    assert all(result.task.name == "send_notices" for result in queued)


def test_the_task_sends_its_notices_once_however_often_it_runs(queued, outboxes):
    texts, emails = outboxes
    make_officer("anik", "joypurhat", 1, email="anik@example.gov.bd")
    grievance = file_on(FILED)
    for result in list(queued):
        send_notices.call(*result.args)
    assert [number for number, _ in texts] == [grievance.mobile]
    assert [message.to for message in emails] == [["anik@example.gov.bd"]]
    assert not Notification.objects.pending().exists()
    for result in list(queued):  # run again, and the sweeper after it: nothing more leaves
        assert send_notices.call(*result.args) == {"sent": 0, "failed": 0, "given_up": 0}
    assert deliver() == (0, 0, 0)
    assert len(texts) == 1 and len(emails) == 1


def test_the_task_sends_nothing_the_sweeper_has_already_sent(queued, outboxes):
    texts, _ = outboxes
    file_on(FILED)
    assert deliver()[0] >= 1
    sent = len(texts)
    for result in list(queued):
        assert send_notices.call(*result.args)["sent"] == 0
    assert len(texts) == sent


def test_the_task_leaves_other_notices_to_their_own_tasks(queued, outboxes):
    texts, _ = outboxes
    first = file_on(FILED, mobile="01711000001")
    (first_task,) = [r for r in queued if set(r.args[0]) & set(first.notifications.values_list("pk", flat=True))]
    second = file_on(FILED, mobile="01711000002")
    send_notices.call(*first_task.args)
    assert [number for number, _ in texts] == [first.mobile]
    assert Notification.objects.pending().filter(grievance=second).exists()


@override_settings(TASKS=DATABASE_BACKENDS)
@pytest.mark.django_db(transaction=True)
def test_in_production_the_task_is_a_row_written_with_the_notices_and_the_worker_sends_them(outboxes):
    texts, _ = outboxes
    with pytest.raises(RuntimeError), transaction.atomic():
        file_on(FILED, mobile="01711000003")
        assert DBTaskResult.objects.filter(backend_name="notices").count() == 1
        raise RuntimeError("the change is rolled back")
    assert not DBTaskResult.objects.exists() and not Notification.objects.exists()  # nothing queued

    grievance = file_on(FILED, mobile="01711000004")
    (queued,) = DBTaskResult.objects.filter(backend_name="notices")
    assert sorted(queued.args_kwargs["args"][0]) == sorted(grievance.notifications.values_list("pk", flat=True))
    call_command("db_worker", "--backend", "notices", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [number for number, _ in texts] == [grievance.mobile]
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL" and queued.return_value == {"sent": 1, "failed": 0, "given_up": 0}

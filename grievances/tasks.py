"""Sending the outbox as a background task (Django's Tasks API through django-tasks).

Each change that writes notices queues one ``send_notices`` task for them, in the same transaction:
the task worker (deploy/systemd/charter-portal-notices.service, ``db_worker --backend notices``)
sends them as soon as the change commits, and a change rolled back queues nothing. The outbox row
stays the record and the guarantee: the task sends its rows through ``send_due``, which claims each
row before sending it, so a task run twice, two workers, or the task beside the sweeper send each
notice once. A failed send is retried, and a task lost with a killed worker is picked up, by
``send_notifications`` on its timer, the sweeper. Nothing here runs inside a citizen's request.
"""

from django_tasks import task

from .sending import send_due


@task(backend="notices")
def send_notices(notification_ids):
    sent, failed, given_up = send_due(pks=notification_ids)
    return {"sent": sent, "failed": failed, "given_up": given_up}

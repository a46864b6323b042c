"""The bulk import as a task (Django's Tasks API, the django-tasks backport): queued by the admin
page, run by the db_worker in production (at once, in the request, with the immediate backend of
development and tests)."""

from django_tasks import task

from .bulk import run_batch
from .models import ImportBatch


@task()
def import_batch(batch_id):
    """Read a batch's waiting files into their offices' drafts."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is not None:  # deleted by HQ before a worker got to it
        run_batch(batch)
    return batch_id

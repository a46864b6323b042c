"""The content version: the one database row every public page is kept under."""

import uuid
from functools import cache

from django.db import connection, transaction

from . import listener
from .models import ContentVersion

ROW = 1


def current_version():
    """The current token; None when the row is missing (a test's flush removes it).

    With the listener on (PostgreSQL, PAGECACHE_LISTEN) the token comes from memory while the
    listener can vouch for it (pagecache.listener), with no query; otherwise, or when it cannot,
    from the row. Every public page reads it, so the query is compiled once per process:
    compiling it again on every request costs more than running it.
    """
    if listener.enabled():
        token = listener.LISTENER.known_version()
        if token is not None:
            return token
    with connection.cursor() as cursor:
        cursor.execute(*_current_version_sql())
        row = cursor.fetchone()
    return row[0] if row else None


@cache
def _current_version_sql():
    return ContentVersion.objects.filter(pk=ROW).values_list("token").query.sql_with_params()


def new_version():
    token = uuid.uuid4().hex
    if not ContentVersion.objects.filter(pk=ROW).update(token=token):
        ContentVersion.objects.get_or_create(pk=ROW, defaults={"token": token})
    if listener.enabled():
        # Announced to every worker of every app server once the transaction commits (never for a
        # rollback): once per transaction, however many rows it saved (loaddata renews the version
        # for every row).
        if not any(callback is listener.announce for _, callback, _ in connection.run_on_commit):
            transaction.on_commit(listener.announce)


def content_changed(sender, **kwargs):
    """A model a public page shows was saved or deleted (raw loaddata saves included)."""
    new_version()

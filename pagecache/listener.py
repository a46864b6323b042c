"""The content version without a query: a listener thread per worker (PostgreSQL LISTEN/NOTIFY).

Every transaction that renews the version (``versions.new_version``) sends ``NOTIFY`` on the
channel below right after it commits (``announce``; once, however many rows it saved, and never
for a rollback): PostgreSQL delivers it to every listening connection of every app server. Each worker process
holds one such connection in a daemon thread and keeps the latest token in memory, so a kept
page is answered from memory alone, with no query and no connection health check.

What the thread guarantees, and what happens when it cannot:

- It starts lazily, in the worker, on the first call of ``known_version()`` in a process (a new
  pid after gunicorn's fork starts a new thread; the master never serves a request, so it never
  starts one).
- It LISTENs first and reads the row second, so no notification falls between the two.
- Besides waiting for notifications it reads the row itself every ``CONFIRM_EVERY_S`` seconds:
  that is its heartbeat (a lost connection is noticed) and reconciles a change that sent no
  notification (a restore from a backup, an UPDATE by hand).
- Its token is trusted only for ``TRUST_S`` seconds after the last time the connection proved
  alive. After that (the connection lost, the database restarting, the thread stuck)
  ``known_version()`` returns None and the caller asks the database per request, as without a
  listener, while the thread reconnects with a growing pause (at most ``RECONNECT_MAX_S``).
  So no worker serves a page older than about a second, channel or no channel.
- A write made in this process forgets the token when it commits (``forget()``), so the writer's
  own next request asks the database rather than wait for its own notification.

Only on PostgreSQL and only when ``PAGECACHE_LISTEN`` is on (the production settings): tests run
inside transactions that never commit, which a listener could never see.
"""

import logging
import os
import select
import threading
import time

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

CHANNEL = "pagecache_version"
CONFIRM_EVERY_S = 0.4
TRUST_S = 1.0
RECONNECT_MAX_S = 5.0
APPLICATION_NAME = "charter-portal pagecache listener"


class Listener:
    def __init__(self):
        self.lock = threading.Lock()
        self.pid = None
        self.token = None
        self.confirmed_at = float("-inf")
        self.generation = 0  # bumped by forget(): a read begun before it is not trusted
        self.thread = None
        self.stopping = False
        self.connects = 0

    # --- the request side

    def known_version(self):
        """The current token from memory, or None when it cannot be vouched for right now."""
        if self.pid != os.getpid():
            self._start()
        if time.monotonic() - self.confirmed_at < TRUST_S:
            return self.token
        return None

    def forget(self):
        """This process wrote a new version: ask the database until the thread has it too."""
        with self.lock:
            self.generation += 1
            self.confirmed_at = float("-inf")

    # --- the thread

    def _start(self):
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            self.token, self.confirmed_at, self.stopping = None, float("-inf"), False
            self.thread = threading.Thread(target=self._run, name="pagecache-listener", daemon=True)
            self.thread.start()

    def _run(self):
        pause = 0.1
        while not self.stopping:
            try:
                self._listen()
            except Exception as exc:  # a lost connection, a restart, a refused login: ask, and retry
                with self.lock:
                    self.confirmed_at = float("-inf")
                logger.warning("page cache listener: %s; reconnecting in %.1f s", exc, pause)
                time.sleep(pause)
                pause = min(pause * 2, RECONNECT_MAX_S)
            else:
                pause = 0.1

    def _listen(self):
        import psycopg

        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        params.pop("prepare_threshold", None)
        params.setdefault("connect_timeout", 5)
        with psycopg.connect(**params, autocommit=True, application_name=APPLICATION_NAME) as conn:
            self.connects += 1
            conn.execute(f"LISTEN {CHANNEL}")
            self._confirm(conn)
            while not self.stopping:
                ready, _, _ = select.select([conn.fileno()], [], [], CONFIRM_EVERY_S)
                if ready:
                    generation = self.generation
                    for notify in conn.notifies(timeout=0, stop_after=64):
                        self._set(notify.payload, generation)
                else:
                    self._confirm(conn)

    def _confirm(self, conn):
        from .models import ContentVersion

        generation = self.generation
        table = ContentVersion._meta.db_table
        row = conn.execute(f"SELECT token FROM {table} WHERE id = %s", [1]).fetchone()
        # A missing row means no version: every page is made afresh (as versions.current_version says).
        self._set(row[0] if row else None, generation)

    def _set(self, token, generation):
        with self.lock:
            if generation == self.generation:
                self.token, self.confirmed_at = token, time.monotonic()


LISTENER = Listener()


def enabled():
    return connection.vendor == "postgresql" and getattr(settings, "PAGECACHE_LISTEN", False)


def announce():
    """After a commit that renewed the version: tell every listener of every app server the token
    now in the row, and make this process ask until its own listener has it. Should the process
    die between the commit and this, the listeners read the row within CONFIRM_EVERY_S anyway."""
    from .models import ContentVersion

    LISTENER.forget()
    table = ContentVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_notify(%s, token) FROM {table} WHERE id = %s", [CHANNEL, 1])


def start_if_enabled():
    if enabled():
        LISTENER.known_version()

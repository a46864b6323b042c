"""A whole-send deadline for the outbox.

A socket timeout bounds each read, not the send: a gateway that trickles its answer a byte at a
time holds a send for as long as it likes (one held a 2 s timeout for 12.9 s). Inside
``within(seconds)``, every socket the network code hands to ``guard`` is shut down by a watchdog
when the time is up, which ends any read blocked on it; the send then fails as
``DeadlineExceeded`` and the row is tried again after its back-off.
"""

import contextlib
import contextvars
import socket
import threading
import time

_current = contextvars.ContextVar("grievances_send_deadline", default=None)


class DeadlineExceeded(OSError):
    pass


class Deadline:
    def __init__(self, seconds):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._sockets = []
        self._lock = threading.Lock()

    def timeout(self, per_operation):
        """A socket timeout no longer than what is left of the send."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise DeadlineExceeded(f"no answer within {self.seconds:g} s")
        return min(per_operation, left) if per_operation else left

    def watch(self, sock):
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)
        return sock

    def expire(self):
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)  # wakes a recv() blocked in another thread
    except OSError:  # already closed
        pass


def current():
    return _current.get()


def guard(sock):
    """Put ``sock`` under the current send's deadline (if a send is running)."""
    deadline = current()
    return deadline.watch(sock) if deadline is not None else sock


def check():
    """Raise when the current send's time ran out (a read cut short returns what it had)."""
    deadline = current()
    if deadline is not None and deadline.expired:
        raise DeadlineExceeded(f"no answer within {deadline.seconds:g} s")


def timeout(per_operation):
    deadline = current()
    return deadline.timeout(per_operation) if deadline is not None else per_operation


@contextlib.contextmanager
def within(seconds):
    deadline = Deadline(seconds)
    token = _current.set(deadline)
    watchdog = threading.Timer(seconds, deadline.expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield deadline
    except Exception as exc:
        if deadline.expired:
            raise DeadlineExceeded(f"no answer within {seconds:g} s") from exc
        raise
    finally:
        watchdog.cancel()
        _current.reset(token)

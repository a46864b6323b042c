"""A limit on filing and on status lookups, counted in the database.

Filings are counted per client address and per mobile number. The address limit is generous,
so that a Union Digital Centre can file for a queue of citizens from its one address; the mobile
number's is tight. The client is its address (REMOTE_ADDR, or the header named by
GRIEVANCES_CLIENT_IP_HEADER when a reverse proxy sets it); address and number are kept only as
keyed hashes. The count lives in ClientRequest rows, so every gunicorn worker sees the same count.

Count and insert are one step: the request's rows are inserted first and then counted, under a
transaction-scoped lock per key on PostgreSQL (an insert takes SQLite's single write lock, which
serialises the rest), so sixteen simultaneous filings let exactly the limit through.
"""

import datetime
import hashlib

from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from charter_portal.security import client_address

from .models import ClientRequest

# (at most this many, within this window) per key.
LIMITS = {
    ClientRequest.Action.FILE: (40, datetime.timedelta(minutes=10)),  # one address: a UDC's queue
    ClientRequest.Action.FILE_BY_MOBILE: (5, datetime.timedelta(minutes=10)),
    ClientRequest.Action.LOOKUP: (10, datetime.timedelta(minutes=10)),
}
KEEP_FOR = datetime.timedelta(days=1)

MESSAGES = {
    ClientRequest.Action.FILE: _(
        "এই ডিভাইস থেকে অল্প সময়ে অনেকগুলো অভিযোগ জমা পড়েছে। অনুগ্রহ করে ১০ মিনিট পরে আবার চেষ্টা করুন।"
    ),
    ClientRequest.Action.FILE_BY_MOBILE: _(
        "এই মোবাইল নম্বর থেকে অল্প সময়ে অনেকগুলো অভিযোগ জমা পড়েছে। অনুগ্রহ করে ১০ মিনিট পরে আবার চেষ্টা করুন।"
    ),
    ClientRequest.Action.LOOKUP: _("এই ডিভাইস থেকে অল্প সময়ে অনেকবার খোঁজা হয়েছে। অনুগ্রহ করে ১০ মিনিট পরে আবার চেষ্টা করুন।"),
}


class _OverLimit(Exception):
    def __init__(self, action):
        self.action = action


def client_of(request):
    return salted_hmac("grievances.ratelimit.client", client_address(request)).hexdigest()


def mobile_key(mobile):
    return salted_hmac("grievances.ratelimit.mobile", mobile).hexdigest()


def _lock(action, key):
    """Serialise count-and-insert per key for the rest of the transaction (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return  # SQLite: the insert below takes the database's one write lock
    digest = hashlib.blake2b(f"{action}:{key}".encode(), digest_size=8).digest()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, "big", signed=True)])


def refused(request, action, mobile=None):
    """Count this request against its limits; the action whose limit it passes (and nothing is
    counted), or None when it is allowed. Filing also counts the mobile number."""
    keys = [(action, client_of(request))]
    if action == ClientRequest.Action.FILE and mobile:
        keys.append((ClientRequest.Action.FILE_BY_MOBILE, mobile_key(mobile)))
    now = timezone.now()
    try:
        with transaction.atomic():
            for each_action, key in sorted(keys):
                _lock(each_action, key)
            for each_action, key in keys:
                ClientRequest.objects.create(action=each_action, client=key, at=now)
            for each_action, key in keys:
                limit, window = LIMITS[each_action]
                if ClientRequest.objects.filter(action=each_action, client=key, at__gt=now - window).count() > limit:
                    raise _OverLimit(each_action)
    except _OverLimit as over:
        return over.action
    return None


def allow(request, action, mobile=None):
    """True when this request is within its limits (and it is counted)."""
    return refused(request, action, mobile) is None


def prune(now=None):
    """Remove counts too old to matter; returns how many."""
    now = now or timezone.now()
    deleted, _ = ClientRequest.objects.filter(at__lt=now - KEEP_FOR).delete()
    return deleted

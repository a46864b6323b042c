"""A per-client limit on filing and on status lookups, counted in the database.

The client is its address (REMOTE_ADDR, or the header named by GRIEVANCES_CLIENT_IP_HEADER
when a reverse proxy sets it), kept only as a keyed hash. The count lives in ClientRequest rows,
so every gunicorn worker sees the same count.
"""

import datetime

from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from charter_portal.security import client_address

from .models import ClientRequest

# (at most this many, within this window) per client.
LIMITS = {
    ClientRequest.Action.FILE: (5, datetime.timedelta(minutes=10)),
    ClientRequest.Action.LOOKUP: (10, datetime.timedelta(minutes=10)),
}
KEEP_FOR = datetime.timedelta(days=1)

MESSAGES = {
    ClientRequest.Action.FILE: _(
        "এই ডিভাইস থেকে অল্প সময়ে অনেকগুলো অভিযোগ জমা পড়েছে। অনুগ্রহ করে ১০ মিনিট পরে আবার চেষ্টা করুন।"
    ),
    ClientRequest.Action.LOOKUP: _("এই ডিভাইস থেকে অল্প সময়ে অনেকবার খোঁজা হয়েছে। অনুগ্রহ করে ১০ মিনিট পরে আবার চেষ্টা করুন।"),
}


def client_of(request):
    return salted_hmac("grievances.ratelimit.client", client_address(request)).hexdigest()


def allow(request, action):
    """Count this request against its client's limit; False (and not counted) when over it."""
    limit, window = LIMITS[action]
    client = client_of(request)
    now = timezone.now()
    recent = ClientRequest.objects.filter(action=action, client=client, at__gt=now - window).count()
    if recent >= limit:
        return False
    ClientRequest.objects.create(action=action, client=client, at=now)
    return True


def prune(now=None):
    """Remove counts too old to matter; returns how many."""
    now = now or timezone.now()
    deleted, _ = ClientRequest.objects.filter(at__lt=now - KEEP_FOR).delete()
    return deleted

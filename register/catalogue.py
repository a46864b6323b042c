"""Which services an office offered, with which promise, on a given day: its charter version in
force that day. The register copies the promise onto each request from here, so a charter
published later never changes whether an earlier request was on time."""

import bisect
from dataclasses import dataclass

from django.utils import timezone

from charter_portal.bangla import search_key
from charters.models import CharterVersion
from services.promises import Promise, promise_in_document


def _day(moment):
    return timezone.localdate(moment)


@dataclass(frozen=True)
class Offered:
    category: int
    serial: int
    name: str
    promise: Promise


class Catalogue:
    """An office's published versions, read once; ``on(day)`` gives the services of the one in
    force that day. A day before the office's first version on the portal takes that first
    version: it is the paper charter the office had signed before it came online."""

    def __init__(self, office):
        versions = CharterVersion.objects.filter(office=office).order_by("published_at", "number")
        self._versions = [
            (_day(v.published_at), _day(v.withdrawn_at) if v.withdrawn_at else None, self._services(v.document))
            for v in versions.only("published_at", "withdrawn_at", "document")
        ]
        self._starts = [start for start, _, _ in self._versions]

    @staticmethod
    def _services(document):
        return {
            (s["category"], s["serial"]): Offered(s["category"], s["serial"], s["name"]["bn"], promise_in_document(s))
            for s in document["services"]
        }

    def on(self, day):
        """``{(category, serial): Offered}`` of the version in force on ``day`` ({} if none)."""
        last = bisect.bisect_right(self._starts, day)
        # The newest version published by that day and not withdrawn by it.
        for _start, withdrawn, services in reversed(self._versions[:last]):
            if withdrawn is None or withdrawn > day:
                return services
        # Before any version was online: the first one not withdrawn.
        for _start, withdrawn, services in self._versions:
            if withdrawn is None:
                return services
        return {}

    def find(self, day, *, category=None, serial=None, name=None):
        """The service offered on ``day`` by its key, or by its exact name (spacing and the two
        encodings of য় ড় ঢ় aside); None when there is none."""
        services = self.on(day)
        if category is not None and serial is not None:
            return services.get((category, serial))
        if name:
            wanted = search_key(name)
            matches = [s for s in services.values() if search_key(s.name) == wanted]
            return matches[0] if len(matches) == 1 else None
        return None

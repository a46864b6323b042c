"""The "pages" cache: a LocMemCache per worker bounded in bytes, not only in entries.

2,000 entries of a search over one large published cell (1.3 MB each) would be gigabytes per
worker: here the pages kept (their pickled, gzipped form) never add up to more than
``MAX_BYTES``, the least recently used going first, and a page over ``MAX_PAGE_BYTES`` is never
kept (it is rendered for each request; a search that long is rare, memory is not).
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# Bytes held per named cache (shared by the instances of one process, as LocMemCache's store is).
_totals = {}


class PageCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", 64 * 2**20))
        self.max_page_bytes = int(options.get("MAX_PAGE_BYTES", 512 * 2**10))
        self._total = _totals.setdefault(name, [0])

    @property
    def size_in_bytes(self):
        return self._total[0]

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._delete(key)  # the entry it replaces, whether or not this one is kept
        if len(value) > self.max_page_bytes:
            return
        while self._cache and self._total[0] + len(value) > self.max_bytes:
            self._evict_least_recent()
        super()._set(key, value, timeout)
        self._total[0] += len(value)

    def _evict_least_recent(self):
        key, value = self._cache.popitem()  # LocMemCache keeps the most recently used first
        self._expire_info.pop(key, None)
        self._total[0] -= len(value)

    def _cull(self):
        """Over MAX_ENTRIES: drop the least recently used share, as LocMemCache does."""
        count = len(self._cache) // self._cull_frequency if self._cull_frequency else len(self._cache)
        for _ in range(max(count, 1)):
            self._evict_least_recent()

    def _delete(self, key):
        value = self._cache.get(key)
        if not super()._delete(key):
            return False
        self._total[0] -= len(value)
        return True

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._total[0] = 0

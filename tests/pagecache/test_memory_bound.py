"""Issue 22: the page cache is bounded in bytes per worker, and a page over the size limit is never
kept: 500 distinct searches that each find one very large published cell."""

import random

import pytest
from django.core.cache import caches

from pagecache.middleware import CACHE
from services.models import ServiceListing

pytestmark = pytest.mark.django_db

LETTERS = "অআইঈউএওকখগঘচছজঝটঠডঢণতথদধনপফবভমযরলশসহ"


def bounded(settings, max_bytes, max_page_bytes):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            **settings.CACHES["pages"],
            "OPTIONS": {"MAX_ENTRIES": 2000, "MAX_BYTES": max_bytes, "MAX_PAGE_BYTES": max_page_bytes},
        },
    }
    caches[CACHE].clear()
    return caches[CACHE]


@pytest.fixture
def large_cell_words():
    """One published service whose fee cell is some 4,000 distinct Bengali words (a page of about
    30 KB gzipped, 130 KB as sent without gzip, for any search that finds it); the words each
    search asks for."""
    rng = random.Random(22)
    words = list({"".join(rng.choices(LETTERS, k=8)) for _ in range(4_000)})
    listing = ServiceListing.objects.order_by("pk").first()
    cell = " ".join(words)
    ServiceListing.objects.filter(pk=listing.pk).update(fee_bn=cell, search_text=f"{listing.search_text} {cell}")
    return words


def test_five_hundred_distinct_searches_over_a_large_page_stay_under_the_byte_bound(client, settings, large_cell_words):
    cache = bounded(settings, max_bytes=512 * 2**10, max_page_bytes=256 * 2**10)
    largest = 0
    for word in large_cell_words[:500]:
        response = client.get("/search/", {"q": word})
        assert response.status_code == 200
        largest = max(largest, int(response["Content-Length"]))
        assert cache.size_in_bytes <= cache.max_bytes
    assert largest > 25 * 2**10  # each page was large (gzipped)
    kept = list(cache._cache.values())
    assert 0 < len(kept) < 500 and cache.size_in_bytes == sum(len(value) for value in kept)


def test_a_page_over_the_size_limit_is_served_but_never_kept(client, settings, large_cell_words):
    cache = bounded(settings, max_bytes=64 * 2**20, max_page_bytes=20 * 2**10)
    for _ in range(2):
        response = client.get("/search/", {"q": large_cell_words[0]})
        assert response.status_code == 200 and int(response["Content-Length"]) > 20 * 2**10
    assert cache.size_in_bytes == 0 and not cache._cache
    client.get("/search/", {"q": "প্রশিক্ষণ"})  # a page of ordinary size is kept
    assert len(cache._cache) == 1

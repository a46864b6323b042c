"""The page cache cannot be flooded, and a repeat request costs no body (ETag, 304)."""

import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pagecache import listener
from pagecache.middleware import CACHE
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    caches[CACHE].clear()


def kept_entries():
    return len(caches[CACHE]._cache)


def test_a_parameter_the_page_does_not_read_neither_misses_nor_adds_an_entry(client):
    first = client.get("/office/joypurhat/")
    entries = kept_entries()
    for n in range(50):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/office/joypurhat/", {"cb": f"{n}-{time.time()}", "utm_source": "x"})
        assert response.status_code == 200 and response.content == first.content
        assert len(queries) == 1  # the version only: the kept page
    assert kept_entries() == entries


def test_search_is_kept_by_its_own_parameters_only(client):
    training = client.get("/search/", {"q": "প্রশিক্ষণ"}).content
    entries = kept_entries()
    for n in range(20):
        with CaptureQueriesContext(connection) as queries:
            again = client.get("/search/", {"q": "প্রশিক্ষণ", "page": n, "fbclid": "z" * n})
        assert again.content == training and len(queries) == 1
    assert kept_entries() == entries
    # What the page reads does make a page of its own: another query, a district, both.
    cyber = client.get("/search/", {"q": "সাইবার"}).content
    in_joypurhat = client.get("/search/", {"q": "প্রশিক্ষণ", "district": "joypurhat"}).content
    assert len({training, cyber, in_joypurhat}) == 3
    assert kept_entries() == entries + 2
    # The order of the parameters in the URL does not matter.
    swapped = client.get(
        "/search/?district=joypurhat&x=1&q=%E0%A6%AA%E0%A7%8D%E0%A6%B0%E0%A6%B6%E0%A6%BF%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A6%A3"
    )
    assert swapped.content == in_joypurhat and kept_entries() == entries + 2


def test_a_repeat_request_with_the_etag_is_a_304_without_a_body(client):
    first = client.get("/office/joypurhat/", HTTP_ACCEPT_ENCODING="gzip")
    etag = first["ETag"]
    assert etag.startswith('"') and first["Content-Encoding"] == "gzip"
    plain = client.get("/office/joypurhat/")
    assert plain["ETag"] == etag and "Content-Encoding" not in plain
    for header in (etag, f"W/{etag}", f'"other", {etag}'):
        repeat = client.get("/office/joypurhat/", HTTP_IF_NONE_MATCH=header)
        assert repeat.status_code == 304 and repeat.content == b"" and repeat["ETag"] == etag
    assert client.get("/office/joypurhat/", HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_a_change_gives_the_page_a_new_etag(client):
    from charters.models import Charter

    etag = client.get("/office/joypurhat/")["ETag"]
    charter = Charter.objects.get(office__key="joypurhat")
    charter.vision = charter.vision + " (সংশোধিত)"
    charter.save()
    assert client.get("/office/joypurhat/", HTTP_IF_NONE_MATCH=etag).status_code == 304  # a draft
    publish_now(charter.office)
    changed = client.get("/office/joypurhat/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag and "সংশোধিত" in changed.content.decode()


def test_the_listener_is_off_on_sqlite_and_in_the_test_settings(settings):
    settings.PAGECACHE_LISTEN = True
    assert listener.enabled() is (connection.vendor == "postgresql")
    settings.PAGECACHE_LISTEN = False
    assert listener.enabled() is False


def test_a_token_the_listener_cannot_vouch_for_is_not_used(monkeypatch):
    """Unconfirmed for longer than TRUST_S (a lost connection): the caller asks the database."""
    watcher = listener.Listener()
    monkeypatch.setattr(watcher, "_start", lambda: None)
    watcher.pid = __import__("os").getpid()
    watcher._set("abc", watcher.generation)
    assert watcher.known_version() == "abc"
    watcher.confirmed_at -= listener.TRUST_S + 0.01
    assert watcher.known_version() is None
    # A read begun before this process wrote a version is not trusted; one after it is.
    generation = watcher.generation
    watcher.forget()
    watcher._set("old", generation)
    assert watcher.known_version() is None
    watcher._set("new", watcher.generation)
    assert watcher.known_version() == "new"

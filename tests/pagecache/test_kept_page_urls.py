"""Issue 22: nothing from the request in a kept page but what its key holds: a first visitor's
``?q2=PWNED`` must not reach the ``og:url``, canonical or language links every later visitor gets."""

import gzip
import re

import pytest
from django.core.cache import caches

from pagecache.middleware import CACHE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    caches[CACHE].clear()


def html(response):
    body = response.content
    return (gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body).decode()


def links(page):
    return {
        "og:url": re.search(r'<meta property="og:url" content="([^"]*)"', page).group(1),
        "canonical": re.search(r'<link rel="canonical" href="([^"]*)"', page).group(1),
        "alternates": dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]*)"', page)),
    }


@pytest.mark.parametrize("path", ["/office/kalai.joypurhat/", "/en/office/kalai.joypurhat/", "/", "/en/"])
def test_a_first_visitors_query_string_leaves_no_trace_in_the_next_visitors_page(client, path):
    first = html(client.get(path, {"q2": "PWNED", "utm_source": "x"}))
    following = client.get(path)
    page = html(following)
    assert "PWNED" not in first and "PWNED" not in page and "utm_source" not in page
    found = links(page)
    assert found["og:url"] == found["canonical"] == f"http://testserver{path}"
    english = path if path.startswith("/en/") else "/en" + path
    assert found["alternates"] == {
        "bn": f"http://testserver{english.removeprefix('/en')}",
        "en": f"http://testserver{english}",
    }


def test_a_search_page_links_to_itself_with_its_own_parameters_only(client):
    page = html(client.get("/search/", {"q": "প্রশিক্ষণ", "q2": "PWNED"}))
    assert "PWNED" not in page
    assert links(page)["og:url"].startswith("http://testserver/search/?q=") and "q2" not in links(page)["og:url"]


def test_a_form_page_carries_no_query_string_in_its_links(client):
    page = html(client.get("/office/joypurhat/grievance/", {"service": "1", "x": "PWNED"}))
    assert (
        "PWNED" not in links(page)["og:url"]
        and links(page)["og:url"] == "http://testserver/office/joypurhat/grievance/"
    )

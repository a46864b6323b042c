"""The documented production stack, end to end: gunicorn, production settings, whitenoise."""

import re
import urllib.error
import urllib.request

import pytest


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_charter_page_served_with_security_headers(portal_server):
    status, headers, body = fetch(f"{portal_server}/office/joypurhat/")
    assert status == 200
    assert "http://doict.joypurhat.gov.bd" in body.decode()
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_plain_http_is_redirected_to_https(portal_server):
    request = urllib.request.Request(f"{portal_server}/")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    assert error.value.code == 301 and error.value.headers["Location"].startswith("https://")


def test_missing_pages_are_the_bengali_404_pages(portal_server):
    status, _, body = fetch(f"{portal_server}/office/no-such-office/")
    assert status == 404 and "দপ্তরটি পাওয়া যায়নি" in body.decode()
    status, _, body = fetch(f"{portal_server}/no/such/page/")
    assert status == 404 and "পাতাটি পাওয়া যায়নি" in body.decode()


def test_static_files_are_fingerprinted_compressed_and_cached(portal_server):
    _, _, body = fetch(f"{portal_server}/office/joypurhat/")
    stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
    status, headers, _ = fetch(f"{portal_server}{stylesheet}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in headers["Cache-Control"]
    font = re.search(r'href="(/static/fonts/noto-sans-bengali/[^"]+\.woff2)"', body.decode()).group(1)
    status, headers, _ = fetch(f"{portal_server}{font}")
    assert status == 200 and headers["Content-Type"] == "font/woff2"

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


def test_every_response_carries_the_content_security_policy(portal_server):
    from charter_portal.security import CONTENT_SECURITY_POLICY

    for path in ("/", "/office/joypurhat/", "/office/no-such-office/", "/office/joypurhat.json", "/admin/login/"):
        status, headers, _ = fetch(f"{portal_server}{path}")
        assert status < 500 and headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, path


def cookies_of(headers_list):
    """{name: set of lower-cased attributes} from a response's Set-Cookie headers."""
    cookies = {}
    for header in headers_list:
        name, _, rest = header.partition("=")
        cookies[name] = {part.strip().split("=")[0].lower() for part in rest.split(";")[1:]}
    return cookies


def test_cookies_are_secure_and_the_session_is_http_only(portal_server):
    """The filing form sets the CSRF cookie; filing and looking up set the session cookie.

    Files one grievance in the shared server's database: a citizen's ordinary action.
    """
    import http.client
    from urllib.parse import urlencode

    host, port = portal_server.removeprefix("http://").split(":")

    def request(method, path, body=None, cookie=""):
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        headers = {
            "X-Forwarded-Proto": "https",
            "Host": "127.0.0.1",
            "Cookie": cookie,
            "Referer": "https://127.0.0.1/office/joypurhat/grievance/",
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body and urlencode(body), headers=headers)
        response = connection.getresponse()
        content = response.read().decode()
        connection.close()
        return response.status, response.headers.get_all("Set-Cookie") or [], content

    status, set_cookies, page = request("GET", "/office/joypurhat/grievance/")
    cookies = cookies_of(set_cookies)
    assert status == 200 and {"secure", "samesite"} <= cookies["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    csrf_cookie = set_cookies[0].split(";")[0]
    status, set_cookies, _ = request(
        "POST",
        "/office/joypurhat/grievance/",
        {
            "csrfmiddlewaretoken": token,
            "name": "রহিমা খাতুন",
            "mobile": "01711000000",
            "description": "তিনবার দপ্তরে গিয়েও তথ্য পাইনি।",
            "desired_outcome": "তথ্য চাই।",
        },
        cookie=csrf_cookie,
    )
    assert status == 302, status
    assert {"secure", "httponly", "samesite"} <= cookies_of(set_cookies)["sessionid"]

"""Two app servers behind nginx, sharing one PostgreSQL: the deployment deploy/ describes.

A private PostgreSQL cluster (tests/support/postgres.py) with the demo data; two gunicorns (A and
B, production settings, 2 workers × 8 threads each, the page cache's LISTEN/NOTIFY listener on);
Debian's nginx on 127.0.0.1 with the project's own proxy configuration
(deploy/nginx/charter-portal-locations.conf), TLS with a throw-away certificate. Each client
connects from an address of its own on the loopback network (127.x.y.z), which nginx sees as the
peer and writes into X-Forwarded-For. Bounded: every request has a timeout; everything is stopped
in ``finally``. About 30 s.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.support import ROOT, free_port, postgres, prepare, production_environment, start_gunicorn, stop
from tests.support import nginx as nginx_support
from tests.support.forms import form_data
from tests.support.nginx import nginx_in_front, request

pytestmark = [
    pytest.mark.skipif(not postgres.available(), reason=postgres.SKIP_REASON),
    pytest.mark.skipif(not nginx_support.available(), reason=nginx_support.SKIP_REASON),
]

TRACKING = re.compile(r"GRS-[0-9A-Z]{4}-[0-9A-Z]{4}")
PASSWORD = "two-servers-test-password-1"
PAGE = "/office/joypurhat/"
HTTPS = {"X-Forwarded-Proto": "https"}  # what nginx sends; for requests made to an app server directly


@pytest.fixture(scope="module")
def stack():
    directory = Path(tempfile.mkdtemp(prefix="charter-two-servers-"))
    database = postgres.PrivatePostgres(directory)
    servers = {}
    try:
        database.start()
        env = production_environment(
            DATABASE_URL=database.url,
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            PAGECACHE_LISTEN="1",
        )
        prepare(env)
        create = (
            "from django.contrib.auth.models import User; "
            f"User.objects.create_superuser('hq2', 'hq2@example.org', '{PASSWORD}')"
        )
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", create], env=env, cwd=ROOT, check=True, timeout=60
        )
        for name in ("A", "B"):
            port = free_port()
            servers[name] = (start_gunicorn(env, port), port)
        with nginx_in_front([port for _, port in servers.values()], directory / "nginx") as nginx_port:
            yield database, {name: port for name, (_, port) in servers.items()}, nginx_port, servers
    finally:
        for server, _ in servers.values():
            if server.poll() is None:
                stop(server)
        database.stop()
        shutil.rmtree(directory, ignore_errors=True)


def direct(port, path, method="GET", body=None, cookie="", source="127.0.0.1"):
    """A request to one app server, as nginx would forward it (plain HTTP, X-Forwarded-*)."""
    headers = {**HTTPS, "Host": "127.0.0.1", "X-Forwarded-For": source, "Cookie": cookie, "Origin": "https://127.0.0.1"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return request(port, method, path, body=body and urlencode(body), headers=headers, tls=False)


def via_nginx(port, path, method="GET", body=None, cookie="", source="127.0.0.1", forwarded=None):
    headers = {"Host": "127.0.0.1", "Cookie": cookie, "Origin": "https://127.0.0.1", "Accept-Encoding": "gzip"}
    if forwarded is not None:
        headers["X-Forwarded-For"] = forwarded
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return request(port, method, path, body=body and urlencode(body), headers=headers, source=source)


def cookies(headers):
    return {c.split("=", 1)[0]: c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or []}


def text(response):
    import gzip

    status, headers, body = response
    if headers and headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8", "replace")


def log_in(send):
    """Log in as HQ through ``send`` (a request function); the session cookie."""
    status, headers, body = send("/admin/login/")
    csrf = cookies(headers)["csrftoken"]
    token = form_data(text((status, headers, body)), "login-form")["csrfmiddlewaretoken"]
    status, headers, _ = send(
        "/admin/login/",
        method="POST",
        body={"csrfmiddlewaretoken": token, "username": "hq2", "password": PASSWORD, "next": "/admin/"},
        cookie=csrf,
    )
    assert status == 302, status
    return f"{csrf}; {cookies(headers)['sessionid']}"


def all_show(port, words, requests=16):
    """Whether ``requests`` concurrent requests to one app server (both its workers) all show ``words``."""
    results = [None] * requests

    def one(i):
        results[i] = words in text(direct(port, PAGE))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    return all(results)


def within(seconds, condition):
    """When (seconds from now) the first check of ``condition()`` that held began, or None if none
    begun within ``seconds`` held. A check is a round of requests: it is timed by when it began."""
    began = time.monotonic()
    while (check := time.monotonic()) - began < seconds:
        if condition():
            return check - began
        time.sleep(0.02)
    return None


def test_nginx_serves_the_static_files_and_passes_the_kept_pages_through_compressed(stack):
    _, _, nginx_port, _ = stack
    status, headers, body = via_nginx(nginx_port, "/static/css/portal.css")
    assert status == 200 and headers["Content-Type"] == "text/css" and headers.get("Content-Encoding") == "gzip"
    assert "max-age=3600" in headers["Cache-Control"]  # a name without a fingerprint: an hour
    assert headers["X-Content-Type-Options"] == "nosniff" and "max-age=31536000" in headers["Strict-Transport-Security"]
    assert headers["Server"] == "nginx"  # no version
    fingerprinted = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())["paths"]["css/portal.css"]
    status, headers, _ = via_nginx(nginx_port, f"/static/{fingerprinted}")
    assert status == 200 and "max-age=31536000" in headers["Cache-Control"]
    status, headers, _ = via_nginx(nginx_port, PAGE)
    assert status == 200 and headers["Content-Encoding"] == "gzip" and "Strict-Transport-Security" in headers
    # The admin's login page carries a CSRF token: nginx must not compress it (BREACH).
    status, headers, _ = via_nginx(nginx_port, "/admin/login/")
    assert status == 200 and "Content-Encoding" not in headers
    # A body over the limit is refused by nginx before it reaches an app server.
    status, _, _ = via_nginx(nginx_port, "/grievance/", method="POST", body={"x": "y" * (3 * 1024 * 1024)})
    assert status == 413


def test_the_client_address_the_app_sees_is_the_one_nginx_set(stack):
    database, _, nginx_port, _ = stack
    for source, forwarded in [("127.0.3.7", "203.0.113.77"), ("127.0.3.8", "not-an-ip"), ("127.0.3.9", None)]:
        send = lambda path, **kw: via_nginx(nginx_port, path, source=source, forwarded=forwarded, **kw)  # noqa: E731
        status, headers, body = send("/admin/login/")
        token = form_data(text((status, headers, body)), "login-form")["csrfmiddlewaretoken"]
        status, _, _ = send(
            "/admin/login/",
            method="POST",
            body={"csrfmiddlewaretoken": token, "username": f"nobody-{source}", "password": "wrong"},
            cookie=cookies(headers)["csrftoken"],
        )
        assert status == 200  # the login form again, never a 500
        rows = database.query(f"SELECT ip_address FROM axes_accessattempt WHERE username = 'nobody-{source}'")
        assert [str(address) for (address,) in rows] == [source], (forwarded, rows)


def test_an_edit_through_one_app_server_is_served_by_the_other_at_once(stack):
    database, ports, nginx_port, _ = stack
    assert all_show(ports["B"], "joypurhat") and all_show(ports["B"], "joypurhat")  # kept in B's workers
    session = log_in(lambda path, **kw: direct(ports["A"], path, **kw))
    (service_id,) = database.query(
        "SELECT s.id FROM services_service s JOIN offices_office o ON o.id = s.office_id "
        "WHERE o.key = 'joypurhat' ORDER BY s.category, s.serial LIMIT 1"
    )[0]
    change = f"/admin/services/service/{service_id}/change/"
    data = form_data(text(direct(ports["A"], change, cookie=session)), "service_form")
    data["name_bn"] = "দুই সার্ভারে সংশোধিত সেবা"
    saved = direct(ports["A"], change, method="POST", body=data, cookie=session)
    assert saved[0] == 302, text(saved)[:2000]
    # Saved, it is Joypurhat's draft; published through A (the admin's publish form), citizens see it.
    (office_id,) = database.query("SELECT id FROM offices_office WHERE key = 'joypurhat'")[0]
    publish = "/admin/charters/charterversion/add/"
    form = form_data(text(direct(ports["A"], f"{publish}?office={office_id}", cookie=session)), "publish_form")
    form.update(
        {"office": office_id, "issued_on": "2026-12-01", "signatory_name": "নাম", "signatory_designation": "পদবি"}
    )
    published = direct(ports["A"], publish, method="POST", body=form, cookie=session)
    assert published[0] == 302, text(published)[:2000]
    took = within(1.0, lambda: all_show(ports["B"], "দুই সার্ভারে সংশোধিত সেবা"))
    print(f"\nan edit published through A was served by every worker of B after {took} s")
    assert took is not None, "B still served the page from before the edit a second later"
    # nginx keeps a page a second, then revalidates it with the app's ETag.
    shown = lambda: all("দুই সার্ভারে সংশোধিত সেবা" in text(via_nginx(nginx_port, PAGE)) for _ in range(8))  # noqa: E731
    assert within(2.0, shown) is not None


def test_a_lost_notification_channel_never_keeps_a_page_stale_for_more_than_a_second(stack):
    database, ports, _, _ = stack
    listeners = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'charter-portal pagecache listener'"
    assert within(5, lambda: database.query(listeners)[0][0] == 4), "not one listener per worker"
    assert all_show(ports["A"], "joypurhat") and all_show(ports["B"], "joypurhat")
    # Every listener's connection dropped, and a change made by hand that sends no notification at all.
    database.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = 'charter-portal pagecache listener'"
    )
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=database.port, user="charter", dbname="charter") as connection:
        connection.execute(  # the published version's vision, as a restore from a backup might change it
            "UPDATE charters_charterversion SET document = jsonb_set(document, '{vision,bn}', "
            "'\"হাতে বদলানো রূপকল্প\"') "
            "WHERE office_id = (SELECT id FROM offices_office WHERE key = 'joypurhat')"
        )
        connection.execute("UPDATE offices_contentversion SET token = md5(random()::text)")
    took = [within(1.0, lambda p=p: all_show(p, "হাতে বদলানো রূপকল্প")) for p in (ports["A"], ports["B"])]
    print(f"\nwith the listeners' connections cut and no notification: A after {took[0]} s, B after {took[1]} s")
    assert None not in took
    assert within(10, lambda: database.query(listeners)[0][0] == 4), "the listeners did not reconnect"


def nginx_errors(stack):
    log = stack[0].directory / "nginx" / "error.log"
    return log.read_text()[-3000:] if log.exists() else ""


def file_one(nginx_port, index):
    """One citizen's filing through nginx from their own address; the tracking number shown, or None."""
    source = f"127.1.{index // 250}.{index % 250 + 1}"
    send = lambda path, **kw: via_nginx(nginx_port, path, source=source, **kw)  # noqa: E731
    status, headers, body = send("/office/joypurhat/grievance/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text((status, headers, body)))
    if status != 200 or token is None:
        return None
    status, headers, _ = send(
        "/office/joypurhat/grievance/",
        method="POST",
        body={
            "csrfmiddlewaretoken": token.group(1),
            "name": f"নাগরিক {index}",
            "mobile": f"018{index:08d}",
            "description": "দুই সার্ভারের একটি বন্ধ হয়ে গেলেও অভিযোগ।",
            "desired_outcome": "সেবা চাই।",
        },
        cookie=cookies(headers)["csrftoken"],
    )
    session = cookies(headers).get("sessionid") if headers else None
    if status != 302 or not session:
        return None
    page = via_nginx(nginx_port, "/grievance/received/", cookie=session, source=source)
    number = TRACKING.search(text(page)) if page[0] == 200 else None
    return number.group(0) if number else None


def test_one_app_server_killed_mid_load_loses_no_get_and_no_acknowledged_grievance(stack):
    database, ports, nginx_port, servers = stack
    stop_reading = threading.Event()
    gets, lock = [], threading.Lock()

    def reader(n):
        paths = [
            PAGE,
            "/",
            "/office/kachua.chandpur/",
            "/office/joypurhat.json",
            "/search/?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF",
        ]
        i = 0
        while not stop_reading.is_set():
            status = via_nginx(nginx_port, paths[i % len(paths)], source=f"127.2.0.{n + 1}")[0]
            with lock:
                gets.append(status)
            i += 1

    readers = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(6)]
    for thread in readers:
        thread.start()
    citizens, results, next_index = 60, {}, [0]

    def citizen():
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= citizens:
                return
            if index == citizens // 3:
                os.killpg(servers["B"][0].pid, signal.SIGKILL)  # B and its workers, without warning
            results[index] = file_one(nginx_port, index)

    filers = [threading.Thread(target=citizen, daemon=True) for _ in range(6)]
    for thread in filers:
        thread.start()
    for thread in filers:
        thread.join(timeout=120)
    time.sleep(1)
    stop_reading.set()
    for thread in readers:
        thread.join(timeout=30)
    servers["B"][0].wait(timeout=10)

    acknowledged = [number for number in results.values() if number]
    rows = database.query(
        "SELECT tracking_number, mobile FROM grievances_grievance WHERE description LIKE 'দুই সার্ভারের%'"
    )
    by_mobile = {}
    for _, mobile in rows:
        by_mobile[mobile] = by_mobile.get(mobile, 0) + 1
    failed_gets = [status for status in gets if status != 200]
    print(
        f"\nB killed after {citizens // 3} of {citizens} filings: {len(gets)} GETs through nginx, "
        f"{len(failed_gets)} failed; {len(acknowledged)} filings acknowledged, {len(rows)} stored"
    )
    assert len(gets) > 100 and not failed_gets, nginx_errors(stack)
    assert set(acknowledged) <= {number for number, _ in rows}  # nothing acknowledged is lost
    assert max(by_mobile.values()) == 1  # nothing stored twice (nginx never resends a POST)
    assert len(acknowledged) >= citizens - 6  # at most the filings in flight on B when it died


KEPT = [
    PAGE,
    "/",
    "/district/joypurhat/",
    "/en/",
    "/en/office/joypurhat/",
    "/office/joypurhat.json",
    "/search/?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF",
]


def test_nginx_keeps_public_pages_by_the_apps_key_and_never_for_a_session_or_a_form(stack):
    _, _, nginx_port, _ = stack
    via_nginx(nginx_port, "/office/kachua.chandpur/")
    status, headers, _ = via_nginx(nginx_port, "/office/kachua.chandpur/?cb=12345&utm_source=x")
    assert status == 200 and headers["X-Cache-Status"] in {"HIT", "UPDATING", "REVALIDATED"}  # the same entry
    status, headers, _ = via_nginx(nginx_port, "/office/kachua.chandpur/", cookie="sessionid=abc")
    assert status == 200 and headers["X-Cache-Status"] == "BYPASS"  # a logged-in user: straight to the app
    for _ in range(2):
        status, headers, body = via_nginx(nginx_port, "/grievance/")  # a form (never_cache, a CSRF cookie)
        assert status == 200 and headers["X-Cache-Status"] == "MISS" and "csrftoken" in cookies(headers)


def test_with_both_app_servers_stopped_every_page_served_once_is_served_and_forms_say_try_again(stack):
    """Last in this module: it stops the app servers for good."""
    _, _, nginx_port, servers = stack
    before = {path: text(via_nginx(nginx_port, path)) for path in KEPT}
    assert all("<html" in page or path.endswith(".json") for path, page in before.items())
    for server, _ in servers.values():
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    time.sleep(1.5)  # every kept page is stale now
    for path in KEPT:
        response = via_nginx(nginx_port, path)
        assert response[0] == 200 and text(response) == before[path], path
    for method, path in [("POST", "/grievance/"), ("GET", "/office/kalai.joypurhat/versions/")]:
        status, headers, body = via_nginx(
            nginx_port, path, method=method, body={"x": "y"} if method == "POST" else None
        )
        page = text((status, headers, body))
        assert status == 503 and "একটু পরে আবার চেষ্টা করুন" in page and 'lang="bn"' in page, (path, status)
        assert headers["Retry-After"] == "30" and "/static/css/portal" in page

"""Load without loss: gunicorn and a PostgreSQL of its own on 127.0.0.1, citizens filing at once,
and the database restarted in the middle of it.

The shared cluster on port 5432 (other developers, CI's test database) is never touched: the test
starts a private PostgreSQL (initdb into a temporary directory, a free port, its socket in that
directory, listening on 127.0.0.1 only), migrates it, loads the demo data and serves it with
gunicorn under the production settings, as tests/conftest.py's portal_server does with SQLite.

Each citizen is a thread that opens the form (for the CSRF cookie and token), files a grievance
from an address of its own (X-Forwarded-For, which the production settings read), follows the
redirect and reads the tracking number the portal shows. Acknowledged means exactly that: a 302 to
the "received" page and a number on it. Everything is bounded: 200 submissions, 20 clients, a
timeout on every request and every process; the cluster and gunicorn are stopped in ``finally``.
"""

import http.client
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.support import production_portal
from tests.support.postgres import PG_BIN, PrivatePostgres

SUBMISSIONS, CLIENTS = 200, 20
RECOVERY_BOUND_S = 30
TRACKING = re.compile(r"GRS-[0-9A-Z]{4}-[0-9A-Z]{4}")

pytestmark = pytest.mark.skipif(
    PG_BIN is None or not (PG_BIN / "initdb").exists(),
    reason="PostgreSQL's server binaries are not installed (apt-get install postgresql; .ci/run does)",
)


@pytest.fixture(scope="module")
def stack():
    """The private cluster with the demo data, and gunicorn (production settings) in front of it."""
    directory = Path(tempfile.mkdtemp(prefix="charter-load-"))
    database = PrivatePostgres(directory)
    try:
        database.start()
        with production_portal(
            DATABASE_URL=database.url, DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
        ) as port:
            deadline = time.monotonic() + 30
            while get(port, "/office/joypurhat/")[0] != 200:
                assert time.monotonic() < deadline, "the portal did not answer"
                time.sleep(0.2)
            yield database, port
    finally:
        database.stop()
        shutil.rmtree(directory, ignore_errors=True)


# ---- one citizen, over plain HTTP to gunicorn (as the TLS proxy would forward it)


def get(port, path, cookie="", address="127.0.0.1"):
    return _request(port, "GET", path, cookie=cookie, address=address)


def _request(port, method, path, body=None, cookie="", address="127.0.0.1"):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {
            "Host": "127.0.0.1",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": address,
            "Origin": "https://127.0.0.1",
            "Cookie": cookie,
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body and urlencode(body), headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        connection.close()
        # Production cookies are Secure; this connection is plain HTTP, so they are carried by hand.
        cookies = {c.split("=", 1)[0]: c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []}
        return response.status, response.headers.get("Location", ""), cookies, content
    except (OSError, http.client.HTTPException):
        return None, "", {}, ""


def file_one(port, index):
    """One citizen's whole filing; the tracking number shown to them, or None when not acknowledged."""
    address = f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256 + 1}"
    status, _, cookies, page = get(port, "/office/joypurhat/grievance/", address=address)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or token is None or "csrftoken" not in cookies:
        return None
    status, location, session, _ = _request(
        port,
        "POST",
        "/office/joypurhat/grievance/",
        {
            "csrfmiddlewaretoken": token.group(1),
            "name": f"নাগরিক {index}",
            "mobile": f"017{index:08d}",
            "description": "তিনবার দপ্তরে গিয়েও সেবা পাইনি।",
            "desired_outcome": "সেবা চাই।",
        },
        cookie=cookies["csrftoken"],
        address=address,
    )
    if status != 302 or not location.endswith("/grievance/received/") or "sessionid" not in session:
        return None
    status, _, _, page = get(port, "/grievance/received/", cookie=session["sessionid"], address=address)
    number = TRACKING.search(page) if status == 200 else None
    return number.group(0) if number else None


def run_citizens(port, first_index, on_progress=None, attempts=1, failures=None):
    """SUBMISSIONS citizens served by CLIENTS threads; the tracking number each was shown, or None.

    A citizen whose filing fails tries again half a second later, up to ``attempts`` times, as a
    person would (so a filing can be stored without being acknowledged, and then filed again).
    """
    results, lock, next_index = [None] * SUBMISSIONS, threading.Lock(), [0]

    def citizen():
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= SUBMISSIONS:
                return
            for _attempt in range(attempts):
                results[i] = file_one(port, first_index + i)
                if results[i]:
                    break
                if failures is not None:
                    failures.append(time.monotonic())
                time.sleep(0.5)
            if on_progress:
                on_progress(i)

    threads = [threading.Thread(target=citizen, daemon=True) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
        assert not thread.is_alive(), "a client thread hung"
    return results


def stored_numbers(database):
    return {number for (number,) in database.query("SELECT tracking_number FROM grievances_grievance")}


def test_two_hundred_concurrent_filings_give_two_hundred_rows_and_numbers(stack):
    database, port = stack
    before = stored_numbers(database)
    acknowledged = run_citizens(port, first_index=0)
    stored = stored_numbers(database) - before
    print(
        f"\nload: {SUBMISSIONS} submissions from {CLIENTS} clients, {sum(map(bool, acknowledged))} "
        f"acknowledged, {len(stored)} rows"
    )
    assert all(acknowledged)
    assert len(stored) == SUBMISSIONS and len(set(acknowledged)) == SUBMISSIONS
    assert set(acknowledged) == stored


def test_a_database_restart_loses_no_acknowledged_filing_and_the_portal_recovers(stack):
    database, port = stack
    before = stored_numbers(database)
    restart = threading.Event()
    recovered_after, restart_took = [], []

    def restart_database():
        restart.wait(timeout=120)
        began = time.monotonic()
        database.pg_ctl("restart", "-m", "fast")
        back = time.monotonic()
        restart_took.append(back - began)
        # The database is back: how long until the portal answers again (health-checked connections)?
        while time.monotonic() - back < RECOVERY_BOUND_S:
            if get(port, "/office/joypurhat/")[0] == 200:
                recovered_after.append(time.monotonic() - back)
                return
            time.sleep(0.05)

    restarter = threading.Thread(target=restart_database, daemon=True)
    restarter.start()
    failures = []
    acknowledged = run_citizens(
        port,
        first_index=10_000,
        attempts=5,
        failures=failures,
        on_progress=lambda i: i >= SUBMISSIONS // 3 and restart.set(),
    )
    restarter.join(timeout=RECOVERY_BOUND_S + 90)
    assert restart.is_set() and not restarter.is_alive()

    numbers = [number for number in acknowledged if number]
    stored = stored_numbers(database) - before
    outage = max(failures) - min(failures) if failures else 0.0
    print(
        f"\nrestart: {SUBMISSIONS} citizens, {SUBMISSIONS + len(failures)} submissions ({len(failures)} failed "
        f"during the restart, over {outage:.1f} s), {len(numbers)} acknowledged, {len(stored)} rows after, "
        f"({len(stored) - len(numbers)} stored but never acknowledged: the database went away between "
        f"the commit and the receipt, and the citizen filed again); the restart took {restart_took[0]:.2f} s, "
        f"the portal served again {recovered_after[0] if recovered_after else float('nan'):.2f} s after "
        f"the database's return"
    )
    assert recovered_after, f"the portal did not answer within {RECOVERY_BOUND_S} s of the database's return"
    assert set(numbers) <= stored  # nothing acknowledged is lost
    assert len(set(numbers)) == len(numbers)
    assert failures, "the restart came too late to meet any filing"
    # And every worker thread serves again: no request fails on a dead pooled connection.
    assert [get(port, "/office/joypurhat/grievance/")[0] for _ in range(40)] == [200] * 40

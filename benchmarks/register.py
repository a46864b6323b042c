#!/usr/bin/env python
"""Benchmark the service register at national scale: 5,000,000 requests across the 558 offices.

    .venv/bin/python benchmarks/register.py [--rows 5000000]

Builds the national dataset (benchmarks/dataset.py: every office with a published charter) in a
PostgreSQL database of its own (REGISTER_BENCH_DATABASE_URL, whose name must contain "bench"; it
is dropped and created again), generates the register inside PostgreSQL (``INSERT … SELECT``
over ``generate_series``, in batches of a million, each request on a service of its office's
charter in force with that service's promise; two years of dates, three in four delivered, the
rest refused, withdrawn or pending) and prints:

- a kept performance page (served by the page cache) and a cold one (the content version renewed
  before each request, so the figures are counted afresh): median and p95;
- the national quarterly report (every office, district, division and the nation) built once;
- entering a request through the counter's form in the admin, 8 clients at once, over HTTP to
  gunicorn with the production settings (2 workers, as benchmarks/run.py serves): median and p95.

The pages and the report are measured in this process through Django's full stack (the test
client: middleware, page cache); the entries over HTTP, as a counter's browser sends them. If generating the rows takes longer
than GENERATE_BUDGET_S the figures are printed at the size reached, and the run says so.
"""

import argparse
import http.client
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get(
    "REGISTER_BENCH_DATABASE_URL", "postgres://i21_register:i21-register@127.0.0.1:5432/i21_register_bench"
)
BATCH = 1_000_000
GENERATE_BUDGET_S = float(os.environ.get("GENERATE_BUDGET_S", "1500"))
SAMPLES = 30
CLIENTS = 8
ENTRIES_PER_CLIENT = 25


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def setup_django(reuse=False):
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "charter_portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")  # as served: no query log, no debug pages
    from benchmarks.run import ENVIRONMENT, recreate_database

    # The counters' sessions are made here and read by gunicorn (entries()): one key signs both.
    os.environ["DJANGO_SECRET_KEY"] = ENVIRONMENT["DJANGO_SECRET_KEY"]

    if not reuse:
        recreate_database(DATABASE_URL)
    import django

    django.setup()
    from django.core.management import call_command

    if not reuse:
        call_command("migrate", verbosity=0)


def build_charters():
    from django.utils import timezone

    from benchmarks import dataset
    from charters.models import CharterVersion
    from offices.models import Office

    started = time.perf_counter()
    dataset.build()
    unpublished = Office.objects.filter(charter__isnull=False).exclude(
        pk__in=CharterVersion.objects.values("office_id")
    )
    # Published two years ago, so every request's day of receipt has this version in force.
    dataset.publish_first_versions(list(unpublished), timezone.now() - timezone.timedelta(days=800))
    log(f"national charters built and published in {time.perf_counter() - started:.0f} s")


GENERATE = """
INSERT INTO register_servicerequest
    (office_id, category, serial, service_name, received_on, channel, mobile, outcome, refusal_reason,
     ended_on, promise_kind, promise_days, feedback_token, recorded_at)
SELECT s.office_id, s.category, s.serial, s.name, r.received_on,
       (ARRAY['counter','phone','email','web','letter'])[1 + (g %% 5)],
       CASE WHEN g %% 3 = 0 THEN '017' || lpad((g %% 100000000)::text, 8, '0') ELSE '' END,
       r.outcome, '', CASE WHEN r.outcome = '' THEN NULL
                            WHEN r.outcome = 'withdrawn' THEN r.received_on
                            ELSE LEAST(r.received_on + (g %% 9)::int, CURRENT_DATE) END,
       s.promise_kind, s.promise_days, 'b' || g::text, now()
FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS g
JOIN bench_services s ON s.id = 1 + (g * 7919) %% %(services)s
CROSS JOIN LATERAL (SELECT CURRENT_DATE - ((g * 31) %% 730)::int AS received_on,
    CASE WHEN g %% 20 < 15 THEN 'delivered' WHEN g %% 20 = 15 THEN 'refused'
         WHEN g %% 20 = 16 THEN 'withdrawn' ELSE '' END AS outcome) r
"""


def generate(rows):
    from django.db import connection

    from services.models import ServiceListing

    with connection.cursor() as cursor:
        cursor.execute(
            """CREATE TEMP TABLE bench_services AS
               SELECT row_number() OVER (ORDER BY office_id, category, serial) AS id, office_id, category, serial,
                      name_bn AS name, promise_kind, promise_days
               FROM services_servicelisting"""
        )
        cursor.execute("CREATE UNIQUE INDEX ON bench_services (id)")
    services = ServiceListing.objects.count()
    offices = ServiceListing.objects.values("office").distinct().count()
    log(f"{services} published services across {offices} offices")
    started, written = time.perf_counter(), 0
    while written < rows:
        last = min(rows, written + BATCH)
        with connection.cursor() as cursor:
            cursor.execute(GENERATE, {"first": written + 1, "last": last, "services": services})
        written = last
        elapsed = time.perf_counter() - started
        log(f"{written:,} rows in {elapsed:.0f} s")
        if elapsed > GENERATE_BUDGET_S and written < rows:
            log(f"stopping at {written:,} rows: past the {GENERATE_BUDGET_S:.0f} s budget")
            break
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE register_servicerequest")
    return written, offices


def timed(function, samples):
    times = []
    for i in range(samples):
        started = time.perf_counter()
        function(i)
        times.append((time.perf_counter() - started) * 1000)
    return times


def describe(name, times):
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    log(f"{name}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms ({len(times)} samples)")
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1)}


def pages():
    from django.test import Client

    from offices.models import Office
    from pagecache.versions import new_version

    keys = list(
        Office.objects.filter(service_listings__isnull=False).distinct().values_list("key", flat=True)[:SAMPLES]
    )
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    charter = client.get(f"/office/{keys[0]}/")  # the charter page, kept, for comparison
    assert charter.status_code == 200

    def cold(i):
        new_version()
        response = client.get(f"/office/{keys[i % len(keys)]}/performance/")
        assert response.status_code == 200

    cold_times = timed(cold, SAMPLES)
    url = f"/office/{keys[0]}/performance/"
    client.get(url)

    def kept(_i):
        assert client.get(url).status_code == 200

    charter_url = f"/office/{keys[0]}/"
    client.get(charter_url)
    return {
        "performance_cold": describe("performance page, cold", cold_times),
        "performance_kept": describe("performance page, kept", timed(kept, SAMPLES * 10)),
        "charter_kept": describe("charter page, kept", timed(lambda _i: client.get(charter_url), SAMPLES * 10)),
    }


def report():
    from django.utils import timezone

    from register.periods import quarter, quarter_of
    from register.report import report_rows

    label = quarter_of(timezone.localdate() - timezone.timedelta(days=92))
    first, last = quarter(label)
    started = time.perf_counter()
    rows = report_rows(first, last)
    seconds = time.perf_counter() - started
    log(f"national quarterly report {label}: {len(rows)} rows in {seconds:.1f} s")
    return {"quarter": label, "seconds": round(seconds, 2)}


def entries():
    """8 clients, each an office's staff at its counter, entering requests through the admin form,
    over HTTP to gunicorn with the production settings and its workers (benchmarks/run.py's), as a
    counter's browser does: the form's page once for its CSRF token, then one POST a request."""
    import re
    import tempfile
    from importlib import import_module
    from urllib.parse import urlencode

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from benchmarks import run
    from charters.apps import OFFICE_STAFF_GROUP
    from offices.models import Office, OfficeStaff
    from services.models import ServiceListing

    group = Group.objects.get(name=OFFICE_STAFF_GROUP)
    offices = list(Office.objects.filter(service_listings__isnull=False).distinct()[:CLIENTS])
    counters = []
    for office in offices:
        user, created = User.objects.get_or_create(username=f"bench-{office.pk}", defaults={"is_staff": True})
        if created:
            user.groups.add(group)
            OfficeStaff.objects.create(user=user, office=office)
        session = import_module(settings.SESSION_ENGINE).SessionStore()  # signed in, as after the login form
        session.update(
            {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: next(b for b in settings.AUTHENTICATION_BACKENDS if b.endswith("ModelBackend")),
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
        )
        session.save()
        listing = ServiceListing.objects.filter(office=office).first()
        counters.append((session.session_key, f"{office.pk}-{listing.category}-{listing.serial}"))
    today = timezone.localdate().strftime("%d/%m/%Y")
    path = "/admin/register/servicerequest/add/"
    port = run.free_port()
    origin = f"https://{run.HOST}:{port}"
    times, errors = [], []

    def counter(session_key, service):
        connection = http.client.HTTPConnection(run.HOST, port, timeout=30)
        cookies = {settings.SESSION_COOKIE_NAME: session_key}

        def send(method, body=None):
            headers = {
                **run.HEADERS,
                "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
                "Origin": origin,
                "Referer": origin + path,
            }
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            if "login" in (response.getheader("Location") or ""):
                return "sent to the login page", content  # the session is not signed in: an error
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                cookies[name] = rest.split(";", 1)[0]
            return response.status, content

        status, page = send("GET")
        if status != 200:
            errors.append(status)
            return
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        for n in range(ENTRIES_PER_CLIENT):
            data = {
                "csrfmiddlewaretoken": token,
                "service": service,
                "received_on": today,
                "channel": "counter",
                "mobile": "01711000000" if n % 2 else "",
            }
            started = time.perf_counter()
            status, _ = send("POST", urlencode(data))
            times.append((time.perf_counter() - started) * 1000)
            if status != 302:
                errors.append(status)
        connection.close()

    environment = {**run.ENVIRONMENT, "DATABASE_URL": DATABASE_URL}
    with tempfile.NamedTemporaryFile("w+", prefix="gunicorn-", suffix=".log") as server_log:
        run.ENVIRONMENT.update(environment)
        server = run.start_gunicorn(port, server_log)
        try:
            threads = [threading.Thread(target=counter, args=pair) for pair in counters]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            run.stop(server)
    assert not errors, errors
    return describe(f"entering a request over HTTP, {CLIENTS} clients, gunicorn {run.WORKERS} workers", times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--reuse", action="store_true", help="measure the database a previous run built")
    args = parser.parse_args()
    started = time.perf_counter()
    setup_django(reuse=args.reuse)
    if args.reuse:
        from register.models import ServiceRequest

        rows = ServiceRequest.objects.count()
        offices = ServiceRequest.objects.values("office").distinct().count()
        args.rows = rows
        log(f"reusing {rows:,} rows across {offices} offices")
    else:
        build_charters()
        rows, offices = generate(args.rows)
    figures = {"rows": rows, "offices": offices, **pages(), "report": report(), "entry": entries()}
    if rows < args.rows:
        log(f"NOTE: figures at {rows:,} rows, not {args.rows:,} (generation budget)")
    log(f"done in {time.perf_counter() - started:.0f} s")
    import json

    print(json.dumps(figures))


if __name__ == "__main__":
    main()

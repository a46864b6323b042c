#!/usr/bin/env python
"""Benchmark the portal on the national dataset against its own stack's limit.

    .venv/bin/python benchmarks/run.py

Builds the national dataset (benchmarks/dataset.py) in its own PostgreSQL database, starts
the production stack (gunicorn, 2 workers, production settings, whitenoise) on 127.0.0.1 and
measures, in one run, a static file through whitenoise (the stack's limit), the national
directory, a 25-service charter, the search and the office JSON (the last two once issue 6
has built them): requests per second and latency at 32 concurrent clients, the ratio to the
static file, SQL queries per request and the size of the gzipped response. It prints a table
and, as its last line, one JSON object with the figures issue 7 sets targets for.

Prerequisites: PostgreSQL on 127.0.0.1 and a role that may create databases (the database
named by BENCH_DATABASE_URL, default charter_bench, is dropped and created again: it is
never the test database). wrk (Debian: ``apt-get install wrk``) generates the load if it is
installed; otherwise a bounded Python load generator does, with lower figures (it shares the
two cores with the server).

Bounded: every load lasts DURATION_S seconds, the whole run stops by itself after DEADLINE_S,
and all traffic goes to 127.0.0.1.
"""

import gzip
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import stack  # noqa: E402

BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://charter:charter@127.0.0.1:5432/charter_bench")
HOST = "127.0.0.1"
CONCURRENCY = 32
WORKERS = 2
WARMUP_S = 1
DURATION_S = 10
DEADLINE_S = 540
# What a phone's browser sends; X-Forwarded-Proto stands in for the TLS proxy production runs behind.
HEADERS = {"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"}
SEARCH_TERM = "প্রশিক্ষণ"

ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "charter_portal.settings.production",
    "DJANGO_SECRET_KEY": "benchmark-only-" + secrets.token_urlsafe(40),
    "DJANGO_ALLOWED_HOSTS": f"{HOST},testserver",
    "DATABASE_URL": BENCH_DATABASE_URL,
}


class Deadline(Exception):
    pass


def log(message):
    print(message, file=sys.stderr, flush=True)


# --- the database and the dataset ---------------------------------------------------------


def recreate_database(url):
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = config["NAME"]
    if "bench" not in name:
        raise SystemExit(f"refusing to drop {name!r}: the benchmark database's name must contain 'bench'")
    with psycopg.connect(
        host=config["HOST"] or HOST,
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}" OWNER "{config["USER"]}"')


def prepare():
    """Migrate, build the national dataset (timed) and collect the static files."""
    import django
    from django.core.management import call_command

    django.setup()
    from benchmarks import dataset

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    charters = dataset.build()
    national_load_s = time.perf_counter() - started
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("build_error_pages", verbosity=0)
    from benchmarks.stack import wait_for_listener

    wait_for_listener()  # the query counts below are those of a worker whose listener runs
    return charters, national_load_s


def summary_of_dataset():
    from charters.models import Charter
    from offices.models import Office
    from services.models import Service

    return {
        "offices": Office.objects.count(),
        "charters": Charter.objects.count(),
        "services": Service.objects.count(),
        "benchmark_services": Service.objects.filter(office__key=benchmark_office()).count(),
    }


def benchmark_office():
    from benchmarks.dataset import BENCHMARK_OFFICE

    return BENCHMARK_OFFICE


def endpoints():
    """(name, what, path or None when the URL is not built yet)."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.urls import Resolver404, resolve

    def built(path):
        try:
            resolve(urlsplit(path).path)
            return path
        except Resolver404:
            return None

    key = benchmark_office()
    return [
        ("static", "static file (whitenoise)", staticfiles_storage.url("css/portal.css")),
        ("directory", "national directory", "/"),
        ("charter", f"25-service charter /office/{key}/", f"/office/{key}/"),
        ("search", f"search ({SEARCH_TERM})", built(f"/search/?q={quote(SEARCH_TERM)}")),
        ("json", f"office JSON /office/{key}.json", built(f"/office/{key}.json")),
    ]


def query_counts(path):
    """Queries for one request with every cache empty, and for the next one."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in HEADERS.items()})
    for cache in caches.all():
        cache.clear()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts.append(len(queries))
    return tuple(counts)


# --- the server ---------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(port, log_file):
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    command = [gunicorn] if gunicorn else [sys.executable, "-m", "gunicorn"]
    server = subprocess.Popen(
        [*command, "charter_portal.wsgi", "--workers", str(WORKERS), "--bind", f"{HOST}:{port}"],
        env={**os.environ, **ENVIRONMENT},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
    )
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit("gunicorn did not start; its log follows\n" + Path(log_file.name).read_text())
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not open its port within 10 s")


def fetch(port, path):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def sizes(port, path):
    """(bytes sent, bytes gzipped): what went over the wire, and its gzip size (level 6, as
    Django's GZipMiddleware compresses) when the server sent it uncompressed."""
    status, headers, body = fetch(port, path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}")
    if headers.get("Content-Encoding") == "gzip":
        return len(body), len(body)
    return len(body), len(gzip.compress(body, compresslevel=6))


# --- load --------------------------------------------------------------------------------

WRK_SCRIPT = ROOT / "benchmarks" / "wrk_report.lua"


def load_with_wrk(port, path, seconds, clients=CONCURRENCY, scheme="http"):
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "-s", str(WRK_SCRIPT)]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run(
        [*command, f"{scheme}://{HOST}:{port}{path}"], capture_output=True, text=True, timeout=seconds + 30, check=True
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50_ms": figures["p50_us"] / 1000,
        "p95_ms": figures["p95_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "errors": figures["errors"] + figures["non_2xx"],
    }


def load_with_python(port, path, seconds, clients=CONCURRENCY):
    """``clients`` threads, each a keep-alive client sending request after request until time is up."""
    deadline = time.monotonic() + seconds
    latencies, errors, lock = [], [0], threading.Lock()

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
                mine.append(time.perf_counter() - started)
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 15)
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
        "p99_ms": cuts[98] * 1000,
        "errors": errors[0],
    }


# --- the run -----------------------------------------------------------------------------


def stop(server):
    if server.poll() is None:
        server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def main():
    started = time.monotonic()
    load_before = os.getloadavg()[0]

    def on_deadline(signum, frame):
        raise Deadline(f"the benchmark ran out of its {DEADLINE_S} s")

    signal.signal(signal.SIGALRM, on_deadline)
    signal.alarm(DEADLINE_S)
    os.environ.update(ENVIRONMENT)
    load = load_with_wrk if shutil.which("wrk") else load_with_python
    generator = "wrk" if load is load_with_wrk else "Python load generator (wrk not installed)"

    log(f"database: {urlsplit(BENCH_DATABASE_URL).path.lstrip('/')} on {urlsplit(BENCH_DATABASE_URL).hostname}")
    recreate_database(BENCH_DATABASE_URL)
    log("migrating, building the national dataset, collecting static files ...")
    _, national_load_s = prepare()
    data = summary_of_dataset()
    log(
        f"national dataset: {data['charters']} charters of {data['offices']} offices, {data['services']} services, "
        f"built in {national_load_s:.1f} s (loaddata of the demo fixtures and the cloning; migrate excluded)"
    )

    rows = []
    for name, what, path in endpoints():
        row = {"name": name, "what": what, "path": path}
        if path is not None:
            row["queries"] = (0, 0) if name == "static" else query_counts(path)
        rows.append(row)

    port = free_port()
    with tempfile.NamedTemporaryFile("w+", prefix="gunicorn-", suffix=".log") as server_log:
        server = start_gunicorn(port, server_log)
        try:
            for row in rows:
                if row["path"] is None:
                    continue
                row["sent"], row["gzip"] = sizes(port, row["path"])
                log(f"load: {row['what']} — {CONCURRENCY} clients, {DURATION_S} s ({generator})")
                load(port, row["path"], WARMUP_S)
                row.update(load(port, row["path"], DURATION_S))
            paths = {row["name"]: row["path"] for row in rows}
            extra = stack.measure(port, load, paths, log, WARMUP_S, DURATION_S, stop_app=lambda: stop(server))
        finally:
            stop(server)
    signal.alarm(0)

    by_name = {row["name"]: row for row in rows}
    static_rps = by_name["static"]["rps"]
    for row in rows:
        if "rps" in row:
            row["vs_static"] = row["rps"] / static_rps
    print_table(rows, generator, data, national_load_s, time.monotonic() - started, load_before)

    charter, search = by_name["charter"], by_name["search"]
    css = by_name["static"]
    figures = {
        "charter_vs_static": round(charter["vs_static"], 3),
        "directory_vs_static": round(by_name["directory"]["vs_static"], 3),
        "charter_p99_ms": round(charter["p99_ms"], 1),
        "charter_queries": charter["queries"][0],
        "charter_gzip_bytes": charter["gzip"] + css["gzip"],
        "search_p95_ms": round(search["p95_ms"], 1) if "p95_ms" in search else None,
        "national_load_s": round(national_load_s, 2),
        "charter_kept_queries": charter["queries"][1],
        **stack.figures(extra, static_rps),
    }
    stack.print_table(extra, static_rps)
    print(json.dumps(figures))


def print_table(rows, generator, data, national_load_s, elapsed, load_before):
    print()
    print(
        f"National dataset: {data['offices']} offices, {data['charters']} charters, {data['services']} services "
        f"({data['benchmark_services']} on the benchmark charter); built in {national_load_s:.1f} s."
    )
    print(
        f"gunicorn, {WORKERS} workers, production settings; {CONCURRENCY} concurrent clients, {DURATION_S} s "
        f"each, {generator}; run took {elapsed:.0f} s."
    )
    # The load generator, the server and PostgreSQL share the machine: other work skews the figures.
    print(f"Load average of the machine before the run: {load_before:.2f} ({os.cpu_count()} CPUs).")
    print()
    header = (
        f"{'':42} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'vs static':>9} "
        f"{'queries':>9} {'sent B':>8} {'gzip B':>8} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        if row["path"] is None:
            print(f"{row['what']:42} not built (issue 6)")
            continue
        cold, warm = row["queries"]
        print(
            f"{row['what']:42} {row['rps']:8.0f} {row['p50_ms']:7.1f} {row['p95_ms']:7.1f} {row['p99_ms']:7.1f} "
            f"{row['vs_static']:9.2f} {f'{cold}/{warm}':>9} {row['sent']:8d} {row['gzip']:8d} {row['errors']:6d}"
        )
    print()
    print(
        "queries: first request with empty caches / the next one. sent B: the response body as sent to a client "
        "that accepts gzip; gzip B: its gzip size."
    )
    print("charter_gzip_bytes in the JSON line is the charter's gzip size plus its stylesheet's.")
    print()


if __name__ == "__main__":
    try:
        main()
    except Deadline as exc:
        raise SystemExit(str(exc)) from None

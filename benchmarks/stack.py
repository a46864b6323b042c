"""What issue 16 added to the benchmark: the national open data under repeat requests, the charter
while clients loop on the open data, and the charter against the static file through nginx.

Called by benchmarks/run.py with its gunicorn running; every figure is one load of ``duration``
seconds after a ``warmup``, all on 127.0.0.1.
"""

import http.client
import shutil
import tempfile
import threading
import time

OPENDATA_CLIENTS = 8
BACKGROUND_CLIENTS = 4
OPENDATA = {"opendata_json": "/opendata/charters.json", "opendata_csv": "/opendata/services.csv"}
HEADERS = {"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"}


def wait_for_listener(timeout=10):
    """Until this process's page cache listener vouches for the version (PostgreSQL; else at once)."""
    from pagecache import listener

    if not listener.enabled():
        return
    deadline = time.monotonic() + timeout
    while listener.LISTENER.known_version() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def first_request(port, path):
    """Seconds for one request, and the bytes it sent (the first: the file is built)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers=HEADERS)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    return time.perf_counter() - started, len(body)


def measure(port, load, paths, log, warmup, duration):
    results = {}
    for name, path in OPENDATA.items():
        build_s, sent = first_request(port, path)
        log(f"load: {path} — {OPENDATA_CLIENTS} clients, {duration} s (built in {build_s:.2f} s, {sent} bytes gzipped)")
        load(port, path, warmup, clients=OPENDATA_CLIENTS)
        results[name] = {**load(port, path, duration, clients=OPENDATA_CLIENTS), "build_s": build_s, "sent": sent}

    log(f"load: the charter while {BACKGROUND_CLIENTS} clients loop on {OPENDATA['opendata_json']}")
    stop, looped = threading.Event(), [0]

    def loop():
        while not stop.is_set():
            first_request(port, OPENDATA["opendata_json"])
            looped[0] += 1

    loopers = [threading.Thread(target=loop, daemon=True) for _ in range(BACKGROUND_CLIENTS)]
    for thread in loopers:
        thread.start()
    try:
        load(port, paths["charter"], warmup)
        results["charter_with_opendata"] = {**load(port, paths["charter"], duration), "looped": looped[0]}
    finally:
        stop.set()
        for thread in loopers:
            thread.join(timeout=30)

    if shutil.which("wrk") and load.__name__ == "load_with_wrk":
        from tests.support.nginx import available, nginx_in_front

        if available():
            with (
                tempfile.TemporaryDirectory(prefix="bench-nginx-") as directory,
                nginx_in_front([port], directory) as nginx,
            ):
                for name in ("static", "charter"):
                    log(f"load: {paths[name]} through nginx (TLS) — 32 clients, {duration} s")
                    load(nginx, paths[name], warmup, scheme="https")
                    results[f"{name}_via_nginx"] = load(nginx, paths[name], duration, scheme="https")
    return results


def figures(results, static_rps):
    out = {}
    for name in OPENDATA:
        if name in results:
            out[f"{name}_p50_ms"] = round(results[name]["p50_ms"], 1)
            out[f"{name}_build_s"] = round(results[name]["build_s"], 2)
    if "charter_with_opendata" in results:
        out["charter_with_opendata_vs_static"] = round(results["charter_with_opendata"]["rps"] / static_rps, 3)
        out["charter_with_opendata_p99_ms"] = round(results["charter_with_opendata"]["p99_ms"], 1)
    if "charter_via_nginx" in results:
        ratio = results["charter_via_nginx"]["rps"] / results["static_via_nginx"]["rps"]
        out["charter_via_nginx_vs_static"] = round(ratio, 3)
    return out


def print_table(results, static_rps):
    print(f"{'':42} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'vs static':>9} {'errors':>6}")
    for name, row in results.items():
        what = {
            "opendata_json": f"charters.json, {OPENDATA_CLIENTS} clients ({row.get('sent', 0)} B)",
            "opendata_csv": f"services.csv, {OPENDATA_CLIENTS} clients ({row.get('sent', 0)} B)",
            "charter_with_opendata": f"charter, {BACKGROUND_CLIENTS} clients on the JSON",
            "static_via_nginx": "static file through nginx (TLS)",
            "charter_via_nginx": "charter through nginx (TLS)",
        }[name]
        print(
            f"{what:42} {row['rps']:8.0f} {row['p50_ms']:7.1f} {row['p95_ms']:7.1f} {row['p99_ms']:7.1f} "
            f"{row['rps'] / static_rps:9.2f} {row['errors']:6d}"
        )
    if "looped" in results.get("charter_with_opendata", {}):
        print(f"(the JSON was sent {results['charter_with_opendata']['looped']} times during the charter's load)")
    print()

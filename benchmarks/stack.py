"""What issues 16 and 22 added to the benchmark: the national open data under repeat requests, the
charter while clients loop on the open data, the charter and the directory against the static file
through nginx (which keeps the public pages), and every kept page with the app server stopped.

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


def app_down_ok(nginx_port, paths, stop_app, log):
    """Whether every public page served once through nginx is still served (200, the same bytes)
    with the app server stopped."""
    from tests.support.nginx import request

    headers = {"Accept-Encoding": "gzip"}
    before = {path: request(nginx_port, "GET", path, headers=headers) for path in paths}
    log("stopping the app server: every page again through nginx")
    stop_app()
    time.sleep(1.5)  # past proxy_cache_valid: each page is stale and nginx cannot revalidate it
    after = {path: request(nginx_port, "GET", path, headers=headers) for path in paths}
    failed = [path for path in paths if after[path][0] != 200 or after[path][2] != before[path][2]]
    for path in failed:
        log(f"  {path}: {after[path][0]} with the app server down")
    return not failed


def measure(port, load, paths, log, warmup, duration, stop_app=None):
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
                for name in ("static", "charter", "directory"):
                    log(f"load: {paths[name]} through nginx (TLS) — 32 clients, {duration} s")
                    load(nginx, paths[name], warmup, scheme="https")
                    results[f"{name}_via_nginx"] = load(nginx, paths[name], duration, scheme="https")
                if stop_app is not None:
                    kept = [paths[name] for name in ("directory", "charter", "search", "json") if paths.get(name)]
                    office_key = paths["charter"].strip("/").rsplit("/", 1)[-1]  # "upazila.district" or "district"
                    kept += [
                        "/en/",
                        paths["charter"].replace("/office/", "/en/office/", 1),
                        f"/district/{office_key.rsplit('.', 1)[-1]}/",
                    ]
                    results["app_down_ok"] = app_down_ok(nginx, kept, stop_app, log)
                    log(f"load: {paths['charter']} through nginx with the app server stopped — {duration} s")
                    load(nginx, paths["charter"], warmup, scheme="https")
                    results["charter_via_nginx_app_down"] = load(nginx, paths["charter"], duration, scheme="https")
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
        static_via_nginx = results["static_via_nginx"]["rps"]
        for name in ("charter", "directory", "charter_via_nginx_app_down"):
            row = results.get(name if name.endswith("_down") else f"{name}_via_nginx")
            if row is not None:
                label = name if name.endswith("_down") else f"{name}_via_nginx"
                out[f"{label}_vs_static_via_nginx"] = round(row["rps"] / static_via_nginx, 3)
    if "app_down_ok" in results:
        out["charter_via_nginx_app_down_ok"] = results["app_down_ok"]
    return out


def print_table(results, static_rps):
    print(f"{'':42} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'vs static':>9} {'errors':>6}")
    for name, row in results.items():
        if not isinstance(row, dict):
            continue
        what = {
            "opendata_json": f"charters.json, {OPENDATA_CLIENTS} clients ({row.get('sent', 0)} B)",
            "opendata_csv": f"services.csv, {OPENDATA_CLIENTS} clients ({row.get('sent', 0)} B)",
            "charter_with_opendata": f"charter, {BACKGROUND_CLIENTS} clients on the JSON",
            "static_via_nginx": "static file through nginx (TLS)",
            "charter_via_nginx": "charter through nginx (TLS)",
            "directory_via_nginx": "directory through nginx (TLS)",
            "charter_via_nginx_app_down": "charter through nginx, app server down",
        }[name]
        print(
            f"{what:42} {row['rps']:8.0f} {row['p50_ms']:7.1f} {row['p95_ms']:7.1f} {row['p99_ms']:7.1f} "
            f"{row['rps'] / static_rps:9.2f} {row['errors']:6d}"
        )
    if "looped" in results.get("charter_with_opendata", {}):
        print(f"(the JSON was sent {results['charter_with_opendata']['looped']} times during the charter's load)")
    print()

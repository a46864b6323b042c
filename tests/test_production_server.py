"""The documented production stack, end to end: gunicorn, production settings, whitenoise."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import demo_fixture_paths

ROOT = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("production")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PG"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": "charter_portal.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-test-secret-key-0123456789-abcdefghij",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SQLITE_PATH": str(workdir / "portal.sqlite3"),
    })
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "-v0"], ["loaddata", "-v0", *map(str, demo_fixture_paths())],
                    ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, timeout=300)
    port = free_port()
    gunicorn_bin = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [gunicorn_bin, "charter_portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_charter_page_served_with_security_headers(gunicorn):
    status, headers, body = fetch(f"{gunicorn}/office/joypurhat/")
    assert status == 200
    assert "http://doict.joypurhat.gov.bd" in body.decode()
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_plain_http_is_redirected_to_https(gunicorn):
    request = urllib.request.Request(f"{gunicorn}/")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    assert error.value.code == 301 and error.value.headers["Location"].startswith("https://")


def test_missing_pages_are_the_bengali_404_pages(gunicorn):
    status, _, body = fetch(f"{gunicorn}/office/no-such-office/")
    assert status == 404 and "দপ্তরটি পাওয়া যায়নি" in body.decode()
    status, _, body = fetch(f"{gunicorn}/no/such/page/")
    assert status == 404 and "পাতাটি পাওয়া যায়নি" in body.decode()


def test_static_files_are_fingerprinted_compressed_and_cached(gunicorn):
    _, _, body = fetch(f"{gunicorn}/office/joypurhat/")
    stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
    status, headers, _ = fetch(f"{gunicorn}{stylesheet}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in headers["Cache-Control"]
    font = re.search(r'href="(/static/fonts/noto-sans-bengali/[^"]+\.woff2)"', body.decode()).group(1)
    status, headers, _ = fetch(f"{gunicorn}{font}")
    assert status == 200 and headers["Content-Type"] == "font/woff2"

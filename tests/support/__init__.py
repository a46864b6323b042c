"""What the tests share: the project's paths, the demo data, and the production stack on loopback."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_OFFICES = ["kachua.chandpur", "joypurhat", "magurasadar.magura", "natoresadar.natore", "rangpursadar.rangpur"]


def demo_fixture_paths():
    """The demo data, as the demo command loads it (one list, kept there)."""
    from charters.management.commands.demo import demo_fixtures

    return demo_fixtures()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def production_portal(**environment):
    """The documented production stack on 127.0.0.1: the demo data migrated and loaded (with its English), static
    files collected, gunicorn (2 workers × 8 threads; threads, because a browser's idle
    speculative connections would each hold a sync worker) with the production settings.
    ``environment`` names the database (SQLITE_PATH or DATABASE_URL) and anything else. Yields
    the port; stops gunicorn however the block ends."""
    env = production_environment(**environment)
    prepare(env)
    port = free_port()
    server = start_gunicorn(env, port)
    try:
        yield port
    finally:
        stop(server)


def production_environment(**environment):
    """The environment of the production settings on 127.0.0.1, with ``environment`` on top."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PG"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "charter_portal.settings.production",
            "DJANGO_SECRET_KEY": "a-long-random-production-test-secret-key-0123456789-abcdefghij",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "OPENDATA_DIR": tempfile.mkdtemp(prefix="charter-opendata-"),
            **environment,
        }
    )
    return env


def prepare(env):
    """Migrate the database ``env`` names, load the demo data, collect the static files."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "-v0"],
        ["loaddata", "-v0", *map(str, demo_fixture_paths())],
        # as the demo command does: English service names and the repeated phrases
        ["translate_services", str(FIXTURES / "translations" / "service-names.en.tsv")],
        ["collectstatic", "--noinput", "-v0"],
        # the "try again shortly" page nginx sends while both app servers are down
        ["build_error_pages"],
    ):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, timeout=300)


def start_gunicorn(env, port, workers=2):
    """gunicorn (``workers`` × 8 threads) on 127.0.0.1:``port`` with ``env``, in a process group of
    its own (so a test can kill it outright); returns once the port answers."""
    gunicorn_bin = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    server = subprocess.Popen(
        [
            gunicorn_bin,
            "charter_portal.wsgi",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            "8",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "30",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                stop(server)
                raise AssertionError("gunicorn did not start") from None
            time.sleep(0.1)


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


@contextmanager
def admin_portal(directory, setup_code):
    """The stack the admin's browser tests log in to: gunicorn, whitenoise and DEBUG off, with the
    development settings (the production ones want HTTPS for the login's cookies and CSRF check,
    which a browser on plain-HTTP loopback cannot give them), on a database of its own in
    ``directory``, after ``setup_code`` (Python for ``manage.py shell``: the accounts) has run.
    Yields the base URL."""
    database = str(Path(directory) / "portal.sqlite3")
    settings = {"DJANGO_SETTINGS_MODULE": "charter_portal.settings", "DJANGO_DEBUG": "0"}
    with production_portal(SQLITE_PATH=database, **settings) as port:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PG"))}
        env.update(SQLITE_PATH=database, **settings)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", setup_code], env=env, cwd=ROOT, check=True)
        yield f"http://127.0.0.1:{port}"

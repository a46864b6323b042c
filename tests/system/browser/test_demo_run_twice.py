"""Issue 23: a newcomer runs `manage.py demo` on another address, edits a draft fee in the admin, files a
grievance, stops the demo with Ctrl-C and runs it again, as anyone would. The second run keeps the
database (and says so), so the draft fee survives; the SMS the demo prints as it is queued links to
the address the demo serves on."""

import os
import re
import signal
import socket
import subprocess
import sys
import time

from tests.support import ROOT, free_port
from tests.support.browser import log_in, screenshot

PASSWORD = "demo-charter-2026"
DRAFT_FEE = "৫০ টাকা (খসড়া, পরীক্ষা)"


def start_demo(database, port, log):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PG", "PORTAL_URL", "DJANGO_"))}
    env.update(SQLITE_PATH=str(database), PYTHONUNBUFFERED="1")
    demo = subprocess.Popen(
        [sys.executable, "manage.py", "demo", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 400  # the first run migrates and loads the national tree
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return demo
        except OSError:
            if time.monotonic() > deadline or demo.poll() is not None:
                stop_demo(demo)
                raise AssertionError(log.read_text("utf-8")[-3000:]) from None
            time.sleep(0.5)


def stop_demo(demo):
    """Ctrl-C, as a person stops it."""
    if demo.poll() is None:
        os.killpg(demo.pid, signal.SIGINT)
        try:
            demo.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(demo.pid, signal.SIGKILL)
            demo.wait(timeout=10)


def wait_for(log, pattern, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if re.search(pattern, log.read_text("utf-8")):
            return True
        time.sleep(0.5)
    return False


def first_service_fee(page):
    """The draft fee of Joypurhat's first citizen service, on its admin page (opened from the editor)."""
    page.goto("/admin/")
    page.locator(".charter-card a.button.default").click()
    page.locator("#editor-services-1 tbody tr").first.locator("td a").first.click()
    page.wait_for_load_state("networkidle")
    return page.locator("#id_fee_bn")


def test_running_the_demo_again_keeps_the_draft_and_its_links_follow_its_address(browser, tmp_path):
    database, log, port = tmp_path / "demo.sqlite3", tmp_path / "demo.log", free_port()
    demo = start_demo(database, port, log)
    try:
        context = browser.new_context(base_url=f"http://127.0.0.1:{port}", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        log_in(page, "joypurhat", PASSWORD)
        fee = first_service_fee(page)
        fee.fill(DRAFT_FEE)
        page.locator("input[name=_save]").click()
        page.wait_for_load_state("networkidle")
        # A citizen files a grievance; the demo prints its SMS a few seconds later, linking here.
        page.goto("/office/joypurhat/grievance/")
        page.fill("#id_name", "রহিমা খাতুন")
        page.fill("#id_mobile", "01711000000")
        page.fill("#id_description", "সেবা পাইনি।")
        page.fill("#id_desired_outcome", "সেবা চাই।")
        page.locator("#grievance-form button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        number = page.inner_text("#tracking-number").strip()
        assert wait_for(log, re.escape(number) + r".*127\.0\.0\.1:" + str(port) + "/grievance/"), log.read_text()[
            -2000:
        ]
        assert "127.0.0.1:8000" not in log.read_text("utf-8")
        context.close()
    finally:
        stop_demo(demo)

    demo = start_demo(database, port, log)
    try:
        assert "আগে থেকেই তথ্য আছে: যেমন ছিল তেমনই রাখা হয়েছে" in log.read_text("utf-8")
        context = browser.new_context(base_url=f"http://127.0.0.1:{port}", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        log_in(page, "joypurhat", PASSWORD)
        assert first_service_fee(page).input_value() == DRAFT_FEE  # the second run put nothing back
        screenshot(page, "issue23-demo-second-run-draft-kept-1280px")
        context.close()
    finally:
        stop_demo(demo)

"""Playwright driving Debian's Chromium (/usr/bin/chromium) against the production stack.

Browser downloads fail on these machines, so Playwright never installs a browser of its
own: `.ci/run` installs Debian's chromium, and these tests skip, saying why, where it is
missing. No system Bengali font is installed either, so every screenshot in
test-artifacts/ shows Bengali only because the portal's own web font loaded.
"""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

sync_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    playwright = sync_api.sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()  # its event loop must not outlive these tests (Django refuses DB work under one)


@pytest.fixture
def page(browser, portal_server, request):
    """A phone-sized or desktop page on the portal; ``@pytest.mark.parametrize`` may set viewport."""
    width = getattr(request, "param", 1280)
    context = browser.new_context(
        base_url=portal_server,
        viewport={"width": width, "height": 900},
        # gunicorn runs behind a TLS proxy in production; tell it the request came in over HTTPS.
        extra_http_headers={"X-Forwarded-Proto": "https"},
    )
    page = context.new_page()
    # The pages run under the production Content-Security-Policy: anything it blocks is a failure.
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    yield page
    context.close()
    assert not blocked, blocked

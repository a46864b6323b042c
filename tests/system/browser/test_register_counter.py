"""At the counter: Joypurhat's staff record 20 requests, keyboard only, on a desktop and on a phone
without a Bengali font: log in, open the counter's form from the admin's home, choose the service
with the arrow keys, type dates and mobiles in Bengali digits, press Enter, and get a fresh form
each time. No English on the screen and the portal's own font; then the office's public
performance page at both widths (no mobile on it, nothing scrolling sideways, 44 px targets)."""

import re

import pytest

from tests.support import admin_portal
from tests.support.browser import ARTIFACTS, bengali_drawn_in_web_font, screenshot, small_tap_targets, web_font_in_use

PASSWORD = "demo-charter-2026"
CREATE_STAFF = f"""
from django.contrib.auth.models import Group, User
from offices.models import Office, OfficeStaff
from charters.apps import OFFICE_STAFF_GROUP
user = User.objects.create_user("joypurhat", password="{PASSWORD}", is_staff=True)
user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
OfficeStaff.objects.create(user=user, office=Office.objects.get(key="joypurhat"))
"""
BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
REQUESTS = 20


@pytest.fixture(scope="module")
def counter_server(tmp_path_factory):
    with admin_portal(tmp_path_factory.mktemp("counter"), CREATE_STAFF) as url:
        yield url


def english_on_screen(page):
    """Latin words the page shows, but the account's name, GRS (the grievance system's own name) and
    the names of the office's services (an option's text is on the screen too; a charter may name
    "e-Nothi")."""
    text = page.evaluate("document.body.innerText").replace("JOYPURHAT", "joypurhat")
    allowed = {"joypurhat", "GRS"}
    for option in page.evaluate("[...document.querySelectorAll('option')].map(o => o.textContent)"):
        allowed |= set(re.findall(r"[A-Za-z][A-Za-z.-]*", option))
    return sorted({word.rstrip(".") for word in re.findall(r"[A-Za-z][A-Za-z.-]*", text)} - allowed)


def checked(page, width, name):
    page.wait_for_load_state("networkidle")
    assert web_font_in_use(page) and bengali_drawn_in_web_font(page), name
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    assert english_on_screen(page) == [], (name, english_on_screen(page))
    screenshot(page, f"register-{name}-{width}px")


@pytest.mark.parametrize("width", [1280, 360])
def test_twenty_requests_keyboard_only_then_the_public_page(browser, counter_server, width):
    context = browser.new_context(base_url=counter_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))

    page.goto("/admin/login/")
    page.keyboard.type("joypurhat")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    checked(page, width, "home")
    assert page.locator(".register-card").is_visible()
    page.locator(".register-card a", has_text="নতুন আবেদন লিপিবদ্ধ করুন").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/register/servicerequest/add/")
    checked(page, width, "form")

    for n in range(REQUESTS):
        # The service list has the focus: arrow keys choose (n % 5 + 1 steps down the charter's services).
        assert page.evaluate("document.activeElement.name") == "service", n
        for _ in range(n % 5 + 1):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")  # the date, today by default; every other one typed in Bengali digits
        if n % 2:
            page.keyboard.press("Control+A")
            page.keyboard.type(f"0{n % 5 + 1}/12/2026".translate(BENGALI_DIGITS))
        page.keyboard.press("Tab")  # the channel
        if n % 3 == 0:
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")  # the mobile, optional
        if n % 4 == 0:
            page.keyboard.type(f"০১৭১১-{n:06d}".translate(BENGALI_DIGITS))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".messagelist .success").count() == 1, (n, page.evaluate("document.body.innerText")[:500])
        assert page.url.endswith("/admin/register/servicerequest/add/")
        if n == 0:
            checked(page, width, "saved")

    page.goto("/admin/register/servicerequest/")
    checked(page, width, "list")
    assert page.locator("#result_list tbody tr").count() >= REQUESTS

    page.goto("/office/joypurhat/performance/")
    page.wait_for_load_state("networkidle")
    assert web_font_in_use(page) and bengali_drawn_in_web_font(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not small_tap_targets(page), small_tap_targets(page)
    text = page.evaluate("document.body.innerText")
    assert "০১৭১১" not in text and "01711" not in text
    # The page's own words are all Bengali (the services' names are the charter's, "ICT" and all).
    own = page.evaluate("""() => { const main = document.querySelector('main').cloneNode(true);
        main.querySelectorAll('.performance-service h4').forEach(h => h.remove()); return main.innerText; }""")
    assert not re.search(r"[A-Za-z]{2,}", own), re.findall(r"[A-Za-z]{2,}", own)
    screenshot(page, f"register-performance-{width}px")
    page.screenshot(path=str(ARTIFACTS / f"register-performance-top-{width}px.png"))
    page.emulate_media(media="print")
    screenshot(page, f"register-performance-print-{width}px")
    context.close()
    assert not blocked, blocked

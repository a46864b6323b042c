"""Joypurhat's staff in the admin on a desktop without a Bengali font (these machines have none):
every page they use draws its Bengali in the portal's web font, reads in Bengali, and the widgets'
scripts write Bengali digits; at 1280 and 360 px, screenshots in test-artifacts/."""

import pytest

from tests.support import admin_portal
from tests.support.browser import bengali_drawn_in_web_font, screenshot, web_font_in_use

PASSWORD = "pw-for-browser-tests-only"
CREATE_STAFF = f"""
from django.contrib.auth.models import Group, User
from offices.models import Office, OfficeStaff
from charters.apps import OFFICE_STAFF_GROUP
user = User.objects.create_user("joypurhat", password="{PASSWORD}", is_staff=True)
user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
OfficeStaff.objects.create(user=user, office=Office.objects.get(key="joypurhat"))
"""


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory):
    """gunicorn, whitenoise and DEBUG off, with Joypurhat's staff account (the shared portal_server
    has no accounts). The development settings: the production ones want HTTPS for the login's
    cookies and CSRF check, which a browser on plain-HTTP loopback cannot give them."""
    with admin_portal(tmp_path_factory.mktemp("admin"), CREATE_STAFF) as url:
        yield url


@pytest.fixture
def staff_page(browser, admin_server, request):
    width = getattr(request, "param", 1280)
    context = browser.new_context(base_url=admin_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.goto("/admin/login/")
    assert web_font_in_use(page)
    screenshot(page, f"admin-login-{width}px")
    page.fill("#id_username", "joypurhat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")
    yield page, width
    context.close()
    assert not blocked, blocked


PAGES = [
    ("index", "/admin/"),
    ("office-change", "/admin/offices/office/117/change/"),
    ("service-list", "/admin/services/service/"),
    ("service-change", "/admin/services/service/11701/change/"),
    ("officer-list", "/admin/offices/officer/"),
    ("officer-change", "/admin/offices/officer/11701/change/"),
    ("password-change", "/admin/password_change/"),
]


@pytest.mark.parametrize("staff_page", [1280, 360], indirect=True)
def test_joypurhat_staff_read_the_admin_in_bengali_in_the_web_font(staff_page):
    page, width = staff_page
    for name, path in PAGES:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert web_font_in_use(page), path
        assert bengali_drawn_in_web_font(page), path
        font = page.evaluate("getComputedStyle(document.querySelector('input, select, textarea, button')).fontFamily")
        assert font.startswith('"Noto Sans Bengali"'), (path, font)
        text = page.evaluate("document.body.innerText")
        for english in ("Recent actions", "View site", "Start typing to filter", "Log out", "Change password"):
            assert english not in text, (path, english)
        if width == 1280:
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        screenshot(page, f"admin-{name}-{width}px")


def test_the_language_tabs_and_the_scripts_digits_are_bengali(staff_page):
    page, _ = staff_page
    page.goto("/admin/services/service/11701/change/")
    tabs = page.locator(".ui-tabs-nav a").all_inner_texts()
    assert tabs[:2] == ["বাংলা", "ENGLISH"]  # "English", capitalised by modeltranslation's stylesheet
    assert "সেবার নাম\u00a0[বাংলা]" in page.locator("label[for=id_name_bn]").inner_text()
    page.goto("/admin/services/service/")
    page.locator("input.action-select").first.check()
    counter = page.locator(".action-counter").inner_text()
    assert "১টি বাছাই করা হয়েছে" in counter and not any(ch.isascii() and ch.isdigit() for ch in counter), counter

"""Issue 23: what citizens, office staff and HQ tripped over, walked again as each of them in Debian's
Chromium with no Bengali font, at 360 and 1280 px. Every citizen page the walk reaches: every link
44 px tall (links in running text too), no line that starts with a colon left behind, no English on
a Bengali page. The confirmation promises an SMS, not a sent e-mail; "satisfied" ends the offer to
reopen; tier 2 names the appeal officer as the charter prints him; the editor returns to the row it
saved with the message in view; the error pages draw in the portal's font with a way back."""

import datetime
import os
import subprocess
import sys

import pytest

from tests.support import ROOT, admin_portal
from tests.support.browser import (
    bengali_drawn_in_web_font,
    english_on_bengali_page,
    log_in,
    screenshot,
    small_link_targets,
    stray_punctuation,
    web_font_in_use,
)

PHONE, DESKTOP = 360, 1280
BOTH = pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["360px", "1280px"])
PASSWORD = "demo-charter-2026"  # the demo's accounts, made as the demo makes them
DEMO_ACCOUNTS = (
    "from charters.management.commands.demo import Command; c = Command(); c.create_accounts(); c.create_holders()"
)
CITIZEN_PAGES = [
    "/",
    "/district/joypurhat/",
    "/office/joypurhat/",
    "/office/kachua.chandpur/",
    "/office/magurasadar.magura/",
    "/office/natoresadar.natore/",
    "/office/rangpursadar.rangpur/",
    "/office/joypurhat/services/1-1/",
    "/search/?q=প্রশিক্ষণ",
    "/office/joypurhat/grievance/",
    "/grievance/",
    "/no-such-page/",
    "/en/office/joypurhat/",
    "/en/office/joypurhat/grievance/",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tripped")
    with admin_portal(directory, DEMO_ACCOUNTS) as url:
        yield url, directory


def manage(server, *args):
    """manage.py on the walk's database (what a desk or the daily escalation does meanwhile)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PG"))}
    env.update(SQLITE_PATH=str(server[1] / "portal.sqlite3"), DJANGO_SETTINGS_MODULE="charter_portal.settings")
    env["DJANGO_DEBUG"] = "0"
    done = subprocess.run([sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def open_page(browser, server, width):
    context = browser.new_context(base_url=server[0], viewport={"width": width, "height": 900})
    return context.new_page()


def citizen_page_checked(page, name):
    """What every citizen page must pass, wherever the walk is."""
    page.wait_for_load_state("networkidle")
    width = page.viewport_size["width"]
    assert web_font_in_use(page) and bengali_drawn_in_web_font(page), name
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    assert small_link_targets(page) == [], (name, small_link_targets(page))
    assert stray_punctuation(page) == [], (name, stray_punctuation(page))
    if page.evaluate("document.documentElement.lang") == "bn":
        assert english_on_bengali_page(page) == [], (name, english_on_bengali_page(page))
    screenshot(page, f"issue23-{name}-{width}px")


@BOTH
def test_every_citizen_page_has_44_px_links_no_stray_colon_and_no_english(browser, server, width):
    page = open_page(browser, server, width)
    for url in CITIZEN_PAGES:
        page.goto(url)
        citizen_page_checked(page, url.strip("/").replace("/", "-").replace("?q=", "-") or "home")
    # The GRS section's button stands alone: no colon glued after it (the paper's sentence is above).
    page.goto("/office/joypurhat/")
    button = page.locator("#grs .grievance-link a.button")
    assert button.inner_text() == "অনলাইনে অভিযোগ করুন"
    # অনিক is said once, below the first table that names it.
    assert page.locator("#redress-officer-explained").count() == 1 and "কোনো ব্যক্তির নাম নয়" in page.inner_text("#grs")
    page.context.close()


def test_the_english_header_search_shows_its_whole_placeholder(browser, server):
    for width in (PHONE, DESKTOP):
        page = open_page(browser, server, width)
        page.goto("/en/office/joypurhat/")
        box = page.locator("#header-q")
        room, text_width = box.evaluate(
            """el => { const c = document.createElement('canvas').getContext('2d'), style = getComputedStyle(el);
                       c.font = style.font;
                       return [el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                               c.measureText(el.placeholder).width]; }"""
        )
        assert box.get_attribute("placeholder") == "Find a service or office"
        assert room > text_width + 16, (width, room, text_width)  # with room to spare: fonts differ a little
        screenshot(page, f"issue23-en-header-{width}px")
        page.context.close()


def file_grievance(page, prefix="", email="rahima@example.com"):
    page.goto(f"{prefix}/office/joypurhat/grievance/")
    page.fill("#id_name", "রহিমা খাতুন")
    page.fill("#id_mobile", "01711000000")
    page.fill("#id_email", email)
    page.fill("#id_description", "তিনবার দপ্তরে গিয়েও প্রশিক্ষণের তথ্য পাইনি।")
    page.fill("#id_desired_outcome", "প্রশিক্ষণের তারিখ জানতে চাই।")
    page.locator("form.portal-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    return page.inner_text("#tracking-number").strip()


def look_up(page, number, prefix=""):
    page.goto(f"{prefix}/grievance/")
    page.fill("#id_tracking_number", number)
    page.fill("#id_mobile", "01711000000")
    page.locator("form.portal-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_filing_promises_an_sms_then_satisfied_ends_the_offer_to_reopen(browser, server):
    page = open_page(browser, server, PHONE)
    number = file_grievance(page)
    note = page.inner_text("#notices-to-come")
    assert "এসএমএস-এ" in note and "আসবে" in note and "পাঠানো হয়েছে" not in page.inner_text("main")
    citizen_page_checked(page, "received")
    english = file_grievance(page, prefix="/en")
    text = page.inner_text("main")
    assert "by SMS" in text and "has also been sent" not in text and "has been sent" not in text
    assert english != number

    resolve = (
        "from django.contrib.auth.models import User; from grievances.models import Grievance; "
        f"Grievance.objects.get(tracking_number='{number}').resolve("
        "user=User.objects.get(username='anik-joypurhat'), resolution='প্রশিক্ষণের তারিখ জানানো হয়েছে।')"
    )
    manage(server, "shell", "-v0", "-c", resolve)
    look_up(page, number)
    assert page.locator("#feedback-form").is_visible() and page.locator("#reopen-form").is_visible()
    citizen_page_checked(page, "feedback")  # the radio buttons are 44 px too
    page.locator("#feedback-form input[name=satisfied][value=yes]").check()
    page.locator("#feedback-form input[name=rating][value='5']").check()
    page.locator("#feedback-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#feedback-given").is_visible()
    assert page.locator("#reopen-form").count() == 0 and "পুনরায় খুলুন" not in page.inner_text("main")
    citizen_page_checked(page, "satisfied")
    page.context.close()


def test_at_tier_two_the_citizen_reaches_the_appeal_officer_and_the_first_desk_is_told_where_it_went(browser, server):
    page = open_page(browser, server, PHONE)
    number = file_grievance(page, email="")
    later = (datetime.date.today() + datetime.timedelta(days=70)).isoformat()  # past 30 working days
    manage(server, "escalate_grievances", "--as-of", later)
    look_up(page, number)
    holder = page.locator("#grievance-holder")
    assert "আপিল কর্মকর্তা" in holder.inner_text() and "ফিরোজ সরকার" in holder.inner_text()  # as printed
    assert holder.locator("a[href^='tel:']").count() and holder.locator("a[href='mailto:ddadmin@doict.gov.bd']").count()
    citizen_page_checked(page, "status-tier-2")
    look_up(page, number, prefix="/en")
    assert "Appeal officer" in page.inner_text("#grievance-holder")
    screenshot(page, "issue23-status-tier-2-en-360px")
    page.context.close()

    desk = open_page(browser, server, DESKTOP)
    log_in(desk, "anik-joypurhat", PASSWORD)
    pk = manage(
        server,
        "shell",
        "-v0",
        "-c",
        f"from grievances.models import Grievance; print(Grievance.objects.get(tracking_number='{number}').pk)",
    )
    response = desk.goto(f"/admin/grievances/grievance/{pk.strip()}/change/")
    text = desk.inner_text("#content")
    assert response.status == 403 and "মুছে ফেলা" not in text
    assert f"অভিযোগ {number} আপনার ডেস্ক থেকে পরবর্তী ধাপে গেছে" in text and "এখন আছে: ২য় স্তরে" in text
    assert web_font_in_use(desk) and desk.locator("a.button[href='/admin/']").count()
    screenshot(desk, "issue23-admin-grievance-moved-on-1280px")
    desk.context.close()


def test_the_editor_returns_to_the_saved_service_with_the_message_in_view(browser, server):
    page = open_page(browser, server, DESKTOP)
    log_in(page, "joypurhat", PASSWORD)
    desk_card = page.locator("#desk-counts")
    assert desk_card.count() == 0  # the editor holds no desk; anik-joypurhat does (below)
    page.locator(".charter-card a.button.default").click()
    page.wait_for_load_state("networkidle")
    heading = page.inner_text("#content")
    assert "সিটিজেন চার্টার: সিটিজেন চার্টার" not in heading and "কী:" not in heading
    last = page.locator("#editor-services-2 tbody tr").last
    row_id = last.get_attribute("id")
    last.locator("td a").first.click()
    page.wait_for_load_state("networkidle")
    page.locator("input[name=_save]").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"#{row_id}")
    row, message = page.locator(f"#{row_id}").bounding_box(), page.locator("ul.messagelist").bounding_box()
    assert 0 <= row["y"] and row["y"] + row["height"] <= 900, row  # the saved row is in view
    assert 0 <= message["y"] and message["y"] + message["height"] <= row["y"], message  # and the message, above it
    screenshot(page, "issue23-editor-saved-row-1280px")
    # One Bengali date format on the versions list.
    page.goto("/admin/charters/charterversion/")
    text = page.inner_text("#result_list")
    assert "ডিসে." not in text and "নভে." not in text
    page.context.close()

    desk = open_page(browser, server, DESKTOP)
    log_in(desk, "anik-joypurhat", PASSWORD)
    assert "নিষ্পত্তির অপেক্ষায়" in desk.inner_text("#desk-counts")
    screenshot(desk, "issue23-desk-home-1280px")
    desk.context.close()


def test_the_error_pages_draw_in_the_portals_font_with_a_way_back(browser, server):
    page = open_page(browser, server, PHONE)
    for url, lang, back in [("/no-such-page/", "bn", "/"), ("/en/no-such-page/", "en", "/en/")]:
        response = page.goto(url)
        assert response.status == 404 and page.evaluate("document.documentElement.lang") == lang
        assert web_font_in_use(page) and page.locator(f"main a.button[href='{back}']").count()
        screenshot(page, f"issue23-404-{lang}-360px")
    # A form whose CSRF cookie is gone (left open overnight, cookies cleared): the Bengali page.
    page.goto("/office/joypurhat/grievance/")
    page.context.clear_cookies()
    page.fill("#id_name", "রহিমা খাতুন")
    page.locator("form.portal-form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "ফর্মটি জমা দেওয়া যায়নি" in page.inner_text("h1")
    citizen_page_checked(page, "csrf-failure")
    page.context.close()

    admin = open_page(browser, server, DESKTOP)
    log_in(admin, "joypurhat", PASSWORD)
    kachua = manage(
        server,
        "shell",
        "-v0",
        "-c",
        "from offices.models import Office; print(Office.objects.get(key='kachua.chandpur').pk)",
    )
    response = admin.goto(f"/admin/offices/office/{kachua.strip()}/change/")
    text = admin.inner_text("#content")
    assert response.status == 403 and "আপনার দপ্তর নয়" in text and "মুছে ফেলা" not in text
    assert bengali_drawn_in_web_font(admin) and admin.locator("#content a.button[href='/admin/']").count()
    screenshot(admin, "issue23-admin-not-yours-1280px")
    response = admin.goto("/admin/auth/user/")
    assert response.status == 403 and "এই পাতা দেখার অনুমতি নেই" in admin.inner_text("#content")
    assert "Forbidden" not in admin.inner_text("body") and admin.evaluate("document.documentElement.lang") == "bn"
    screenshot(admin, "issue23-admin-403-1280px")
    admin.context.clear_cookies()
    for _attempt in range(5):  # the lockout: kachua's account, from this address, for 15 minutes
        admin.goto("/admin/login/")
        admin.fill("#id_username", "kachua")
        admin.fill("#id_password", "a-wrong-guess")
        admin.locator("input[type=submit]").click()
    admin.wait_for_load_state("networkidle")
    text = admin.inner_text("#content")
    assert "লগইন সাময়িকভাবে বন্ধ" in text and "১৫ মিনিট" in text and "Too many" not in admin.inner_text("body")
    assert bengali_drawn_in_web_font(admin) and admin.locator("#content a.button[href='/admin/']").count()
    screenshot(admin, "issue23-admin-lockout-1280px")
    admin.context.close()

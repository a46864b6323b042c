"""The charter in force routes a grievance, whatever the draft says: Joypurhat's staff edit their
draft tier 2 in the admin and a draft service appears; a citizen on a phone files (the form lists
only the published services), the tier-1 desk refuses it, the citizen reopens it and the appeal
reaches HQ's appeal officer the published charter names, whose desk finds it. Kachua's page shows
the national chain that applies below its paper. Screenshots go to test-artifacts/."""

import re

import pytest

from charters.management.commands.demo import DEMO_PASSWORD
from tests.support import admin_portal
from tests.support.browser import (
    ARTIFACTS,
    bengali_drawn_in_web_font,
    log_in,
    screenshot,
    small_tap_targets,
    web_font_in_use,
)

PHONE, DESKTOP = 360, 1280
# The demo's accounts and desks, and a service only the draft has.
SETUP = """
from charters.management.commands.demo import Command
from offices.models import Office
from services.models import Service
Command().create_accounts()
Command().create_holders()
Service.objects.create(office=Office.objects.get(key="joypurhat"), category=1, serial=99, name="INJECTED SERVICE")
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with admin_portal(tmp_path_factory.mktemp("routing"), SETUP) as url:
        yield url


@pytest.fixture
def new_page(browser, server):
    contexts = []

    def open_page(width):
        context = browser.new_context(base_url=server, viewport={"width": width, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def looks_right(page, width, name):
    page.wait_for_load_state("networkidle")
    assert web_font_in_use(page) and bengali_drawn_in_web_font(page), name
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    screenshot(page, f"routing-{name}-{width}px")


def test_a_draft_tier_two_does_not_take_the_appeal_the_published_charter_gives_hq(new_page):
    # Joypurhat's staff change their draft tier 2's contact; they can neither delete nor add a tier.
    staff = new_page(DESKTOP)
    log_in(staff, "joypurhat", DEMO_PASSWORD)
    staff.goto("/admin/offices/office/117/change/")
    grs = staff.locator("#editor-grs")
    assert grs.locator("a.deletelink").count() == 0
    grs.locator("a", has_text="আপিল কর্মকর্তা").first.click()
    staff.wait_for_url("**/admin/grievances/grievancetier/*/change/")
    staff.fill("#id_contact_text_bn", "খসড়ার আপিল কর্মকর্তা, জেলা কার্যালয়, জয়পুরহাট")
    staff.locator("input[name=_save]").click()
    staff.wait_for_url("**/admin/offices/office/117/change/*")
    looks_right(staff, DESKTOP, "staff-editor-after-draft-tier-edit")

    # A citizen on a phone: the form lists exactly the published services.
    citizen = new_page(PHONE)
    citizen.goto("/office/joypurhat/grievance/")
    options = citizen.locator("#id_service option").all_inner_texts()
    assert not any("INJECTED" in option for option in options) and len(options) == 24  # 23 published + none
    assert small_tap_targets(citizen) == []
    looks_right(citizen, PHONE, "citizen-form")
    citizen.fill("#id_name", "রহিমা খাতুন")
    citizen.fill("#id_mobile", "01711000000")
    citizen.select_option("#id_service", "1-1")
    citizen.fill("#id_description", "তিনবার দপ্তরে গিয়েও প্রশিক্ষণের তথ্য পাইনি।")
    citizen.fill("#id_desired_outcome", "প্রশিক্ষণের তারিখ জানতে চাই।")
    citizen.locator("#grievance-form button[type=submit]").click()
    citizen.wait_for_url("**/grievance/received/")
    number = re.search(r"GRS-[0-9A-Z]{4}-[0-9A-Z]{4}", citizen.content()).group(0)
    looks_right(citizen, PHONE, "citizen-received")

    # The tier-1 desk (অনিক's account, anik-joypurhat) refuses it.
    desk = new_page(DESKTOP)
    log_in(desk, "anik-joypurhat", DEMO_PASSWORD)
    desk.goto(f"/admin/grievances/grievance/?q={number}")
    desk.locator("#result_list a", has_text=number).click()
    desk.check("input[name=outcome][value=resolve]")
    desk.fill("#id_reply", "এই সেবা এখন দেওয়া যাচ্ছে না।")
    desk.locator("input[name=_save]").click()
    desk.wait_for_url("**/admin/grievances/grievance/*")
    looks_right(desk, DESKTOP, "tier-one-resolved")

    # The citizen reopens it: the appeal goes to the holder the published charter names.
    citizen.goto("/grievance/")
    citizen.fill("#id_tracking_number", number)
    citizen.fill("#id_mobile", "01711000000")
    citizen.locator("form.portal-form button[type=submit]").click()
    citizen.wait_for_url("**/grievance/status/")
    citizen.fill("#id_reason", "সমাধানে সন্তুষ্ট নই।")
    citizen.locator("#reopen-form button[type=submit]").click()
    citizen.wait_for_url("**/grievance/status/")
    holder = citizen.locator("#grievance-holder").inner_text()
    assert "জনাব মোঃ ফিরোজ সরকার" in holder and "খসড়ার" not in holder
    assert "আপিল কর্মকর্তা" in citizen.locator("#grievance-level").inner_text()
    looks_right(citizen, PHONE, "citizen-status-appeal")

    # HQ's appeal officer finds it at their desk; Joypurhat's tier-1 desk no longer does.
    appeal = new_page(DESKTOP)
    log_in(appeal, "appeal", DEMO_PASSWORD)
    appeal.goto("/admin/grievances/grievance/")
    assert appeal.locator("#result_list", has_text=number).count() == 1
    looks_right(appeal, DESKTOP, "appeal-desk")
    desk.goto("/admin/grievances/grievance/")
    assert desk.locator("body", has_text=number).count() == 0


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_kachuas_page_shows_the_national_chain_below_its_paper(new_page, width):
    page = new_page(width)
    page.goto("/office/kachua.chandpur/")
    chain = page.locator("#grs-national")
    assert page.locator("#grs").count() == 0  # its paper prints no GRS table
    text = chain.inner_text()
    assert "এই অংশ চার্টারের অংশ নয়" in text and "জনাব মোঃ মোশারফ হোসেন" in text and "৬০ কার্যদিবস" in text
    looks_right(page, width, "kachua-national-chain")
    chain.screenshot(path=str(ARTIFACTS / f"routing-kachua-national-chain-only-{width}px.png"))


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_hq_sees_the_published_chain_and_assigns_only_where_the_charter_names_no_post(new_page, width):
    page = new_page(width)
    log_in(page, "hq", DEMO_PASSWORD)
    page.goto("/admin/grievances/publishedtier/?q=kachua")
    assert page.locator("#result_list tbody tr").count() == 2
    looks_right(page, width, "hq-published-tiers")
    page.locator("#result_list tbody tr a").first.click()
    page.wait_for_url("**/admin/grievances/publishedtier/*/change/*")
    assert page.locator("#id_holder").count() == 1  # Kachua's paper names no post: HQ assigns it
    assert page.locator("a.deletelink").count() == 0
    text = page.evaluate("document.body.innerText")
    for english in ("Save", "Delete", "History"):
        assert english not in text
    looks_right(page, width, "hq-published-tier-kachua")

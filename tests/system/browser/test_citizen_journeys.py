"""A citizen's journeys in a real browser: find the office, read, search, print, on a phone."""

import re

import pytest

from tests.support.browser import axe_violations, screenshot, web_font_in_use

PHONE = 360


def test_directory_to_district_to_upazila_to_charter(page):
    page.goto("/")
    page.get_by_text("রাজশাহী বিভাগ").click()
    page.locator("#district-joypurhat a.district-link").click()
    page.wait_for_url("**/district/joypurhat/")
    page.locator("li.district-office a").click()
    page.wait_for_url("**/office/joypurhat/")
    assert "জেলা কার্যালয়" in page.locator("h1").inner_text()
    page.locator("#subordinates a[href='/office/kalai.joypurhat/']").click()
    page.wait_for_url("**/office/kalai.joypurhat/")
    assert page.locator("h1").inner_text().startswith("উপজেলা কার্যালয়")
    page.goto("/")
    page.get_by_text("রংপুর বিভাগ").click()
    page.locator("#district-rangpur a.district-link").click()
    page.wait_for_url("**/district/rangpur/")
    page.locator("a[href='/office/rangpursadar.rangpur/']").click()
    page.wait_for_url("**/office/rangpursadar.rangpur/")
    assert page.locator("#services-2 tbody tr").count() == 11


def test_search_and_follow_a_result(page):
    page.goto("/search/")
    page.fill("#search-q", "সাইবার নিরাপত্তা")
    page.locator("form.search-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    first = page.locator("ol.search-results .result-title a").first
    target = first.get_attribute("href")
    assert re.fullmatch(r"/office/[a-z.]+/#service-\d-\d+", target)
    first.click()
    page.wait_for_url(f"**{target}")
    row = page.locator(target[target.index("#") :])
    assert row.is_visible() and "সাইবার" in row.inner_text()


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_a_phone_reads_the_charter_as_cards_without_sideways_scrolling(page):
    page.goto("/office/joypurhat/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    cell = page.locator("#services-1 tbody tr").first.locator("td").nth(1)
    assert page.evaluate("el => getComputedStyle(el).display", cell.element_handle()) == "block"
    assert web_font_in_use(page)
    screenshot(page, "charter-joypurhat-360px")


@pytest.mark.parametrize(
    "path, name",
    [
        ("/", "directory"),
        ("/district/joypurhat/", "district-joypurhat"),
        ("/office/joypurhat/", "charter-joypurhat"),
        ("/office/magurasadar.magura/", "charter-magura"),
        ("/search/?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF", "search"),
    ],
)
def test_pages_have_no_accessibility_violations(page, path, name):
    page.goto(path)
    violations = axe_violations(page)
    assert violations == [], violations
    assert web_font_in_use(page)
    screenshot(page, name)


def test_the_charter_prints_as_a_landscape_wall_poster(page):
    page.goto("/office/joypurhat/")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden() and page.locator(".breadcrumbs").is_hidden()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#services-2 thead')).display") == "table-header-group"
    )  # the header row repeats on every printed page
    assert page.locator(".charter-heading h1").is_visible()
    assert "০৫/১২/২০২৩" in page.locator(".charter-signature").inner_text()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 2
    from tests.support.browser import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "charter-joypurhat-poster.pdf").write_bytes(pdf)
    screenshot(page, "charter-joypurhat-print")


def test_the_language_switch_keeps_the_page_and_the_english_charter_is_accessible(page):
    page.goto("/office/joypurhat/")
    assert page.locator("html").get_attribute("lang") == "bn"
    page.locator("a.language-switch").click()
    page.wait_for_url("**/en/office/joypurhat/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#vision-mission h2").inner_text() == "1. Vision and mission"
    assert page.locator("#services-1-title").inner_text() == "2.1 Citizen services"
    assert page.locator(".charter-heading h1").inner_text() == "District Office, Joypurhat"
    violations = axe_violations(page)
    assert violations == [], violations
    screenshot(page, "charter-joypurhat-english")
    page.locator("a.language-switch").click()
    page.wait_for_url(re.compile(r"/office/joypurhat/$"))
    assert not page.url.split("://", 1)[1].split("/", 1)[1].startswith("en/")
    assert page.locator("#vision-mission h2").inner_text() == "১. ভিশন ও মিশন"

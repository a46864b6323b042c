"""One promise, walked in Chromium at 1280 and 360 px: Joypurhat's draft names another appeal
officer (tier 2) and its staff change a fee in Bengali. The editor's draft status, the publish
form (pre-filled with today's date) and the version page list both changes, old beside new, and
the stale English of the fee; after publishing, /en/office/joypurhat/ shows the Bengali fee
(lang="bn") instead of "free of charge". Screenshots go to test-artifacts/."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from tests.support import admin_portal
from tests.support.browser import log_in, screenshot
from tests.system.browser.test_charter_editor import CREATE_PUBLISHER, PASSWORD, admin_page_checked

NEW_HOLDER = "মোঃ খসড়ার আপিল কর্মকর্তা"
SETUP = (
    CREATE_PUBLISHER
    + f"""
from django.core.management import call_command
from grievances.models import GrievanceTier
from offices.models import Officer
call_command("translate_services", "fixtures/translations/service-names.en.tsv")
tier = GrievanceTier.objects.get(office__key="joypurhat", level=2)
holder = Officer.objects.create(office=Office.objects.get(key="hq"), name="{NEW_HOLDER}", designation="উপ-পরিচালক (প্রশাসন)")
tier.contact_officer = holder
tier.save()
"""
)


@pytest.fixture(params=[1280, 360])
def changes_server(tmp_path_factory, request):
    """A database of its own for each width: the walk publishes. Yields (base URL, width)."""
    with admin_portal(tmp_path_factory.mktemp("what-changed"), SETUP) as url:
        yield url, request.param


def test_a_fee_change_over_a_changed_tier_2_is_listed_everywhere_and_the_english_follows(browser, changes_server):
    changes_server, width = changes_server
    context = browser.new_context(base_url=changes_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    new_fee = "১২০ টাকা (" + ("ডেস্কটপ" if width == 1280 else "ফোন") + ")"
    log_in(page, "joypurhat", PASSWORD)

    # A free service's fee, in Bengali only.
    page.goto("/admin/offices/office/117/change/")
    page.locator("#editor-services-1 tbody tr").first.locator("a").first.click()
    page.wait_for_url("**/admin/services/service/*/change/")
    old_fee = page.input_value("#id_fee_bn")
    assert page.input_value("#id_fee_en") == "free of charge"
    page.fill("#id_fee_bn", new_fee)
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r".*/admin/offices/office/117/change/#editor-service-\d+$"))  # the row saved
    status = page.locator(".draft-status")
    text = status.inner_text()
    assert new_fee in text and old_fee in text and NEW_HOLDER in text and "স্তর ২" in text
    assert "free of charge" in page.locator(".stale-english").inner_text()
    status.scroll_into_view_if_needed()
    admin_page_checked(page, width, "what-changed-draft-status")

    # The publish form: today's date, both changes, the stale English.
    page.locator(".object-tools a", has_text="প্রকাশ করুন").click()
    page.wait_for_url("**/admin/charters/charterversion/add/?office=117")
    assert page.input_value("#id_issued_on") == datetime.datetime.now(ZoneInfo("Asia/Dhaka")).date().isoformat()
    text = page.locator(".draft-status").inner_text()
    assert new_fee in text and NEW_HOLDER in text and "চার্টারের তারিখ" in text
    assert "free of charge" in page.locator(".stale-english").inner_text()
    admin_page_checked(page, width, "what-changed-publish-form")
    page.locator("#publish_form input[type=submit]").click()
    page.wait_for_url("**/admin/charters/charterversion/?q=joypurhat")

    # The version page: both changes, old beside new.
    page.goto("/office/joypurhat/versions/")
    page.locator("main a[href*='/versions/']").first.click()
    page.wait_for_load_state("networkidle")
    changes = page.locator(".changes-table").inner_text()
    assert new_fee in changes and old_fee in changes and NEW_HOLDER in changes
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("#what-changed").scroll_into_view_if_needed()
    screenshot(page, f"what-changed-version-page-{width}px")

    # The English page shows the Bengali fee, marked, not the stale "free of charge".
    page.goto("/en/office/joypurhat/")
    row = page.locator("#services-1 tbody tr").first
    assert "free of charge" not in row.inner_text()
    assert row.locator(f'[lang="bn"]:has-text("{new_fee}")').count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    row.scroll_into_view_if_needed()
    screenshot(page, f"what-changed-english-page-{width}px")
    context.close()

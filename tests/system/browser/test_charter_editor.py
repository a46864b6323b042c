"""Joypurhat's staff keep their charter in the admin, on a desktop and a phone without a Bengali font:
log in, open the editor from the index, change a fee on the service's own page, preview the draft
(marked as a draft), see the public page unchanged, publish with a date and a signatory, then see
the new fee on the public page, the version list and "what changed" (the old fee beside the new).
Every admin page of the walk is screenshotted at its width into test-artifacts/ and checked to draw
its Bengali in the portal's web font, to fit the width, and to carry at most 80 form fields."""

import re

import pytest

from tests.support import admin_portal
from tests.support.browser import bengali_drawn_in_web_font, screenshot, web_font_in_use

PASSWORD = "pw-for-browser-tests-only"
# Joypurhat's staff, granted the publish permission as HQ grants it (to the user).
CREATE_PUBLISHER = f"""
from django.contrib.auth.models import Group, Permission, User
from offices.models import Office, OfficeStaff
from charters.apps import OFFICE_STAFF_GROUP
user = User.objects.create_user("joypurhat", password="{PASSWORD}", is_staff=True)
user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
user.user_permissions.add(Permission.objects.get(content_type__app_label="charters", codename="publish_charter"))
OfficeStaff.objects.create(user=user, office=Office.objects.get(key="joypurhat"))
"""
FIELDS = "document.querySelectorAll('input[name], select[name], textarea[name]').length"


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory):
    """gunicorn, whitenoise, DEBUG off, the development settings (plain-HTTP login; see
    test_admin_bengali), on a database of its own: this walk publishes."""
    with admin_portal(tmp_path_factory.mktemp("editor"), CREATE_PUBLISHER) as url:
        yield url


def admin_page_checked(page, width, name):
    page.wait_for_load_state("networkidle")
    assert web_font_in_use(page), name
    assert bengali_drawn_in_web_font(page), name
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    if width == 1280:  # nor a list scrolling inside its own box
        assert page.evaluate(
            "[...document.querySelectorAll('.results')].every(e => e.scrollWidth <= e.clientWidth + 1)"
        )
    assert page.evaluate(FIELDS) <= 80, name
    text = page.evaluate("document.body.innerText")
    for english in ("Recent actions", "View site", "Log out", "was changed successfully", "Save"):
        assert english not in text, (name, english)
    screenshot(page, f"editor-{name}-{width}px")


@pytest.mark.parametrize("width", [1280, 360])
def test_joypurhat_changes_a_fee_previews_publishes_and_sees_what_changed(browser, editor_server, width):
    context = browser.new_context(base_url=editor_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    new_fee = "৭৫ টাকা (পরীক্ষা: " + ("ডেস্কটপ" if width == 1280 else "ফোন") + ")"

    page.goto("/admin/login/")
    admin_page_checked(page, width, "login")
    page.fill("#id_username", "joypurhat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")
    admin_page_checked(page, width, "index")

    # The index leads straight to the editor.
    page.locator(".charter-card a", has_text="চার্টার সম্পাদনা করুন").click()
    page.wait_for_url("**/admin/offices/office/117/change/")
    admin_page_checked(page, width, "editor")
    assert page.locator("#editor-services-1 tbody tr").count() == 7
    assert page.locator("#editor-services-2 tbody tr").count() == 11

    # The first citizen service's own page: change its fee in the draft.
    page.locator("#editor-services-1 tbody tr").first.locator("a").first.click()
    page.wait_for_url("**/admin/services/service/*/change/")
    admin_page_checked(page, width, "service")
    old_fee = page.input_value("#id_fee_bn")
    assert old_fee and old_fee != new_fee
    page.fill("#id_fee_bn", new_fee)
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r".*/admin/offices/office/117/change/#editor-service-\d+$"))  # the row saved
    admin_page_checked(page, width, "editor-after-save")
    assert "বদলানো হয়েছে" in page.locator(".messagelist").inner_text()
    assert "অপ্রকাশিত পরিবর্তন" in page.locator(".draft-status").inner_text()

    # The preview shows the draft, marked as a draft; the public page still the version in force.
    page.locator(".object-tools a", has_text="খসড়া দেখুন").click()
    page.wait_for_url("**/office/joypurhat/preview/")
    assert "খসড়া — প্রকাশিত নয়" in page.locator(".draft-notice").inner_text()
    assert new_fee in page.locator("#services-1").inner_text()
    screenshot(page, f"editor-preview-{width}px")
    page.goto("/office/joypurhat/")
    public = page.locator("#services-1").inner_text()
    assert new_fee not in public and old_fee.split()[0] in public

    # Publish: the date and the signatory.
    page.goto("/admin/offices/office/117/change/")
    page.locator(".object-tools a", has_text="প্রকাশ করুন").click()
    page.wait_for_url("**/admin/charters/charterversion/add/?office=117")
    assert new_fee in page.locator(".draft-status").inner_text()  # what will change, before publishing
    admin_page_checked(page, width, "publish")
    page.fill("#id_issued_on", "2026-05-01")
    page.fill("#id_signatory_name", "মোঃ নাজমুল হোসেন")
    page.fill("#id_signatory_designation", "প্রোগ্রামার")
    page.locator("#publish_form input[type=submit]").click()
    page.wait_for_url("**/admin/charters/charterversion/?q=joypurhat")
    admin_page_checked(page, width, "versions")
    assert "প্রকাশিত হয়েছে" in page.locator(".messagelist").inner_text()
    newest = page.locator("#result_list tbody tr").first.inner_text()
    assert "প্রচলিত" in newest

    # Citizens now read the new fee; the version list and what changed, old beside new.
    page.goto("/office/joypurhat/")
    assert new_fee in page.locator("#services-1").inner_text()
    page.goto("/office/joypurhat/versions/")
    assert page.locator("main").get_by_text("মোঃ নাজমুল হোসেন").count() >= 1
    screenshot(page, f"editor-public-versions-{width}px")
    page.locator("main a[href*='/versions/']").first.click()
    page.wait_for_load_state("networkidle")
    changes = page.locator(".changes-table").inner_text()
    assert old_fee.split()[0] in changes and new_fee in changes
    screenshot(page, f"editor-public-what-changed-{width}px")
    context.close()
    assert not blocked, blocked

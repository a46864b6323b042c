"""HQ brings in a folder of charters from the admin, on a desktop and a phone without a Bengali
font: the upload page takes many files at once; the report shows per file the office, the
services found, every warning with its place, or why it was refused (Kachua's file named for
Haimchar is written to no office); the same folder again imports nothing twice; the coverage page
then shows the draft and which file it came from. No page scrolls sideways."""

import pytest

from tests.support import SEEDS, admin_portal
from tests.support.browser import bengali_drawn_in_web_font, log_in, screenshot, web_font_in_use
from tests.support.word import docx_from_text

PASSWORD = "pw-for-browser-tests-only"
CREATE_HQ = f"""
from django.contrib.auth.models import User
User.objects.create_superuser("hq-bulk", "hq@example.org", "{PASSWORD}")
"""


@pytest.fixture(scope="module")
def hq_server(tmp_path_factory):
    """gunicorn with the development settings (tasks run at once, in the request) on a database
    of its own: this walk writes drafts."""
    with admin_portal(tmp_path_factory.mktemp("bulk"), CREATE_HQ) as url:
        yield url


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("charters")
    (folder / "natoresadar.natore.docx").write_bytes(docx_from_text((SEEDS / "natoresadar.natore.txt").read_bytes()))
    text = (
        (SEEDS / "joypurhat.txt").read_text("utf-8").replace("doict.joypurhat.gov.bd", "doict.kalai.joypurhat.gov.bd")
    )
    (folder / "kalai.joypurhat.txt").write_text(text, "utf-8")
    (folder / "haimchar.chandpur.txt").write_bytes((SEEDS / "kachua.chandpur.txt").read_bytes())
    return sorted(str(path) for path in folder.iterdir())


def checked(page, width, name):
    page.wait_for_load_state("networkidle")
    assert web_font_in_use(page) and bengali_drawn_in_web_font(page), name
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    screenshot(page, f"hq-bulk-{name}-{width}px")
    return page.evaluate("document.body.innerText")


@pytest.mark.parametrize("width", [1280, 360])
def test_hq_imports_a_folder_and_reads_the_report(browser, hq_server, folder, width):
    context = browser.new_context(base_url=hq_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    log_in(page, "hq-bulk", PASSWORD)
    page.goto("/admin/offices/office/coverage/")
    page.locator("a", has_text="ফাইল একসঙ্গে আমদানি").click()
    checked(page, width, "upload")

    page.set_input_files("input[type=file]", folder)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/imports/importbatch/*/change/")
    report = checked(page, width, "report")
    assert "৩টি ফাইলের ৩টি পড়া হয়েছে" in report, report[:3000]
    assert "উপজেলা কার্যালয়, নাটোর সদর, নাটোর" in report and "নাগরিক সেবা ৬" in report
    assert "অন্য দপ্তরের ফাইল কোনো দপ্তরে লেখা হয়নি" in report  # Kachua's file, named for Haimchar
    # Open every file's warnings (a short list is open already; a click would close it).
    page.eval_on_selector_all("details", "lists => lists.forEach(list => { list.open = true; })")
    assert "অনুচ্ছেদ" in page.evaluate("document.body.innerText")  # a Word file's warning, with its place
    if width == 1280:
        assert "খসড়া হিসেবে আমদানি হয়েছে" in report
    else:  # the same folder a second time (the 1280 run went first)
        assert "আগেই আমদানি হয়েছে (ফাইল বদলায়নি)" in report and "খসড়া হিসেবে আমদানি হয়েছে" not in report

    page.goto("/admin/offices/office/coverage/")
    coverage = checked(page, width, "coverage")
    assert "প্রকাশ হয়নি, শুধু খসড়া আছে: ১টি" in coverage, coverage[:2000]  # Kalai's, from its text file
    assert not blocked, blocked
    context.close()

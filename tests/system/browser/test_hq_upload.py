"""HQ brings in an office's Word file from the admin, on a desktop and a phone without a Bengali
font: log in, open the office's page, "চার্টারের ফাইল আমদানি", upload the .docx of Magura's
charter (merged superior cells, tables split by page breaks), read the summary and every warning
with its place (Magura's has none); the file becomes the office's draft, which the public page does not show
until it is published. A renamed PDF is refused in Bengali, and nothing is written."""

import pytest

from tests.support import SEEDS, admin_portal
from tests.support.browser import bengali_drawn_in_web_font, log_in, screenshot, web_font_in_use
from tests.support.word import docx_from_text

PASSWORD = "pw-for-browser-tests-only"
CREATE_HQ = f"""
from django.contrib.auth.models import User
User.objects.create_superuser("hq-upload", "hq@example.org", "{PASSWORD}")
"""
MAGURA = 1204  # the pk of magurasadar.magura's office (fixtures/offices.json)


@pytest.fixture(scope="module")
def hq_server(tmp_path_factory):
    """gunicorn, whitenoise, DEBUG off, the development settings (plain-HTTP login, as in
    test_admin_bengali), on a database of its own: this walk writes a draft."""
    with admin_portal(tmp_path_factory.mktemp("upload"), CREATE_HQ) as url:
        yield url


def checked(page, width, name):
    page.wait_for_load_state("networkidle")
    assert web_font_in_use(page) and bengali_drawn_in_web_font(page), name
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    screenshot(page, f"hq-upload-{name}-{width}px")


@pytest.mark.parametrize("width", [1280, 360])
def test_hq_uploads_a_word_charter_as_the_offices_draft(browser, hq_server, tmp_path, width):
    office_key = "magurasadar.magura"
    word = tmp_path / "magura.docx"
    word.write_bytes(docx_from_text((SEEDS / "magura-upazila.txt").read_bytes()))
    renamed_pdf = tmp_path / "charter.docx"
    renamed_pdf.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    context = browser.new_context(base_url=hq_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    public_before = page.goto(f"/office/{office_key}/").text()

    log_in(page, "hq-upload", PASSWORD)
    page.goto(f"/admin/offices/office/{MAGURA}/change/")
    page.locator("a", has_text="চার্টারের ফাইল আমদানি").first.click()
    page.wait_for_url(f"**/admin/offices/office/{MAGURA}/import/")
    checked(page, width, "form")

    # A PDF renamed .docx: refused in Bengali, saying what to send instead; nothing written.
    page.set_input_files("input[type=file]", str(renamed_pdf))
    page.locator("input[type=submit]").click()
    page.wait_for_load_state("networkidle")
    refused = page.evaluate("document.body.innerText")
    assert "PDF" in refused and ".docx" in refused, refused[:2000]
    checked(page, width, "refused")

    # The Word file: the summary and its warnings, each with its place.
    page.set_input_files("input[type=file]", str(word))
    page.locator("input[type=submit]").click()
    page.wait_for_load_state("networkidle")
    summary = page.evaluate("document.body.innerText")
    assert "খসড়া হিসেবে লেখা হয়েছে" in summary, summary[:2000]
    counts = page.locator("table").filter(has_text="নাগরিক সেবা").first.inner_text()
    assert "নাগরিক সেবা\t৬" in counts and "প্রাতিষ্ঠানিক সেবা\t৬" in counts, counts  # Magura's 6 + 6
    checked(page, width, "summary")

    # A draft: the public page is as it was until the office (or HQ) publishes it.
    assert page.goto(f"/office/{office_key}/").text() == public_before
    assert not blocked, blocked
    context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_hq_uploads_a_bijoy_word_file_and_a_pdf(browser, hq_server, tmp_path, width):
    """Issue 20: Magura's charter typed in Bijoy (SutonnyMJ runs, Latin runs for e-mails), then as
    a PDF whose text layer is Bijoy: each is read into the draft, the summary in Bengali."""
    from tests.support.pdf import seed_pdf

    word = tmp_path / "magura-bijoy.docx"
    word.write_bytes(docx_from_text((SEEDS / "magura-upazila.txt").read_bytes(), bijoy=True))
    pdf = tmp_path / "magura-bijoy.pdf"
    pdf.write_bytes(seed_pdf("magurasadar.magura", True))
    context = browser.new_context(base_url=hq_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, "hq-upload", PASSWORD)
    for name, path in (("bijoy-word", word), ("bijoy-pdf", pdf)):
        page.goto(f"/admin/offices/office/{MAGURA}/import/")
        if name == "bijoy-word":
            help_text = page.evaluate("document.body.innerText")
            assert "লেখাসহ" in help_text and ".doc" in help_text and "স্ক্যান" in help_text
        page.set_input_files("input[type=file]", str(path))
        page.locator("input[type=submit]").click()
        page.wait_for_load_state("networkidle")
        summary = page.evaluate("document.body.innerText")
        assert "খসড়া হিসেবে লেখা হয়েছে" in summary, summary[:2000]
        counts = page.locator("table").filter(has_text="নাগরিক সেবা").first.inner_text()
        assert "নাগরিক সেবা\t৬" in counts and "প্রাতিষ্ঠানিক সেবা\t৬" in counts, counts
        checked(page, width, name)
    context.close()


KACHUA = 1053  # the pk of kachua.chandpur's office (fixtures/offices.json)


@pytest.mark.parametrize("width", [1280, 360])
def test_hq_uploads_a_scanned_page_and_sees_each_unsure_cell_with_its_place(browser, hq_server, tmp_path, width):
    from charters.importer.scan import missing_ocr
    from tests.support.scans import missing_tools, seed_scan

    if missing_tools() or missing_ocr():
        pytest.skip(missing_tools() or missing_ocr())
    pages, _ = seed_scan("kachua.chandpur")
    scan = tmp_path / "kachua.png"
    scan.write_bytes(pages[0])  # the first page: vision, mission, the first two services
    context = browser.new_context(base_url=hq_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, "hq-upload", PASSWORD)
    page.goto(f"/admin/offices/office/{KACHUA}/import/")
    page.set_input_files("input[type=file]", str(scan))
    page.locator("input[type=submit]").click()
    page.wait_for_load_state("networkidle", timeout=120_000)
    summary = page.evaluate("document.body.innerText")
    assert "খসড়া হিসেবে লেখা হয়েছে" in summary, summary[:2000]
    assert "OCR নিশ্চিত নয়" in summary and "পৃষ্ঠা ১, টেবিল ১, সারি" in summary, summary[:3000]
    checked(page, width, "scan-summary")
    context.close()

"""HQ uploads an office's charter file in the admin; HQ's coverage page and CSV (issue 13)."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from charters.coverage import coverage, publication_by_office
from charters.models import Charter
from offices.models import Office
from tests.charters.test_import_charter import SEED_FILES, content, database_state
from tests.support import SEEDS
from tests.support.word import docx_from_text

pytestmark = pytest.mark.django_db


def import_url(key):
    return reverse("admin:offices_office_charter_import", args=[Office.objects.get(key=key).pk])


def upload(client, key, name, data):
    return client.post(import_url(key), {"charter_file": SimpleUploadedFile(name, data)})


def test_hq_uploads_a_word_file_and_sees_the_summary_and_warnings(admin_client):
    shipped = content("rangpursadar.rangpur")
    data = docx_from_text((SEEDS / SEED_FILES["rangpursadar.rangpur"]).read_bytes())
    response = upload(admin_client, "rangpursadar.rangpur", "rangpur.docx", data)
    page = response.content.decode()
    assert response.status_code == 200 and "আমদানি হয়েছে" in page
    # The admin shows every number in Bengali digits, the warning's place included.
    assert "টেবিল ৩, সারি ৩" in page and "টেবিলের প্রথম সেবার সারিতে ক্রমিক নেই" in page
    assert content("rangpursadar.rangpur") == shipped


def test_hq_uploads_a_text_export_into_an_office_without_a_charter(admin_client):
    data = (SEEDS / SEED_FILES["joypurhat"]).read_bytes()
    response = upload(admin_client, "kalai.joypurhat", "kalai.txt", data)
    assert "আমদানি হয়েছে" in response.content.decode()
    assert Charter.objects.filter(office__key="kalai.joypurhat").exists()
    assert "লাইন " in response.content.decode()  # a text export's warnings say the line


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("charter.docx", b"%PDF-1.7\n", "ফাইলটি PDF"),
        ("charter.pdf", b"%PDF-1.7\n", "PDF ফাইলটি খোলা যায়নি"),
        ("charter.xlsx", b"PK\x03\x04", "স্প্রেডশিট নয়"),
        ("charter.docx", docx_from_text(b"\xe0\xa6\x95"), "টেবিল"),
        ("charter.txt", "এলোমেলো লেখা".encode(), "কোনো সেবার টেবিল পাওয়া যায়নি"),
    ],
)
def test_a_failed_upload_writes_and_keeps_nothing(admin_client, name, data, message):
    before = database_state()
    response = upload(admin_client, "joypurhat", name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "কিছুই লেখা হয়নি" in response.content.decode()
    assert database_state() == before


def test_an_oversized_upload_is_refused_before_it_is_read(admin_client, monkeypatch):
    import charters.admin_views as views

    def never(*args, **kwargs):
        raise AssertionError("read")

    monkeypatch.setattr(views, "read_charter_file", never)
    response = upload(admin_client, "joypurhat", "big.txt", b"x" * (5 * 1024 * 1024 + 1))
    assert "৫ MB-এর কম" in response.content.decode()


def test_only_hq_reaches_the_upload_and_the_coverage(client):
    staff = User.objects.create_user("joy", password="pw-joy-12345", is_staff=True)
    from offices.models import OfficeStaff

    OfficeStaff.objects.create(user=staff, office=Office.objects.get(key="joypurhat"))
    client.force_login(staff)
    before = database_state()
    data = (SEEDS / SEED_FILES["joypurhat"]).read_bytes()
    for response in (
        client.get(import_url("joypurhat")),
        upload(client, "joypurhat", "j.txt", data),
        client.get(reverse("admin:offices_office_charter_coverage")),
        client.get(reverse("admin:offices_office_charter_coverage_csv")),
    ):
        assert response.status_code == 403
    assert database_state() == before


def test_coverage_counts_published_stale_and_never():
    today = datetime.date(2025, 6, 1)
    nation, divisions = coverage(today)
    assert nation.total == Office.objects.count() == 559
    assert nation.published == Charter.objects.count() == 5
    assert len(nation.never) == 554
    # Joypurhat's charter is dated 05/12/2023: more than a year before that day.
    stale = {entry.office.key for entry in nation.stale}
    assert "joypurhat" in stale
    assert sum(d.total for d in divisions) == 559
    published = publication_by_office()
    assert published[Office.objects.get(key="joypurhat").pk] == datetime.date(2023, 12, 5)


def test_coverage_page_and_csv(admin_client):
    page = admin_client.get(reverse("admin:offices_office_charter_coverage")).content.decode()
    assert "সিটিজেন চার্টার প্রকাশের হিসাব" in page and Office.objects.get(key="joypurhat").name_bn in page
    assert "৫৫৯টি দপ্তরের ৫টি" in page
    # a division is named as one, not by the bare name its district shares
    assert "<strong>চট্টগ্রাম বিভাগ</strong>" in page and "<strong>চট্টগ্রাম</strong>" not in page
    response = admin_client.get(reverse("admin:offices_office_charter_coverage_csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["division", "district", "office_key"]
    assert len(rows) == 560
    joypurhat = next(row for row in rows if row[2] == "joypurhat")
    assert joypurhat[5:7] == ["yes", "2023-12-05"]
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:offices_office_charter_coverage") in index


def test_coverage_shows_which_offices_promises_are_not_measurable(client):
    from django.contrib.auth.models import User

    from charters.coverage import coverage

    nation, _divisions = coverage()
    by_key = {entry.office.key: entry for entry in nation.offices}
    # Natore's "তাৎক্ষণিক/ প্রাপ্ত পত্র অনুযায়ী কার্যদিবস" sets no time the register can measure.
    assert by_key["natoresadar.natore"].unmeasurable >= 1
    assert by_key["magurasadar.magura"].unmeasurable == 0 and by_key["magurasadar.magura"].services == 12
    client.force_login(User.objects.create_superuser("hq-coverage", password="x"))
    page = client.get("/admin/offices/office/coverage/").content.decode()
    assert "মাপা যায় না / মোট সেবা" in page


def test_a_signatory_longer_than_the_column_is_the_files_error_and_writes_nothing(admin_client, monkeypatch):
    from charters import admin_views

    read = admin_views.read_charter_file

    def with_a_long_signatory(*args, **kwargs):
        result = read(*args, **kwargs)
        result.document.signatory_name = "ক" * 201
        return result

    monkeypatch.setattr(admin_views, "read_charter_file", with_a_long_signatory)
    before = database_state()
    response = upload(admin_client, "joypurhat", "joypurhat.txt", (SEEDS / SEED_FILES["joypurhat"]).read_bytes())
    assert response.status_code == 200 and "কিছুই লেখা হয়নি" in response.content.decode()
    assert database_state() == before

"""Hostile charter files are refused before the work they would cause, in Bengali, and nothing is
written: by the one-file import command, by HQ's upload in the admin and by the bulk import."""

import io
import re
import time
import zipfile
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from charters.importer import limits
from offices.models import Office
from tests.support import SEEDS
from tests.support.charters import SEED_FILES, database_state, refused_by_import_charter
from tests.support.word import docx_from_text

pytestmark = pytest.mark.django_db

BENGALI = re.compile(r"[\u0980-\u09ff]")


def seed(key="joypurhat"):
    return (SEEDS / SEED_FILES[key]).read_bytes()


def rewritten_docx(edit, key="joypurhat"):
    """The seed as a Word file, its word/document.xml changed by ``edit`` (bytes → bytes)."""
    source = zipfile.ZipFile(io.BytesIO(docx_from_text(seed(key))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            target.writestr(member, edit(data) if member.filename == "word/document.xml" else data)
    return out.getvalue()


def first_cell_spans(value):
    return lambda xml: xml.replace(b"<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{value}"/>'.encode(), 1)


def many_rows(count):
    """A table of ``count`` one-cell rows before the charter's first table (small, not a zip bomb)."""
    rows = b"<w:tr><w:tc><w:p/></w:tc></w:tr>" * count
    return lambda xml: xml.replace(b"<w:tbl>", b"<w:tbl>" + rows + b"</w:tbl><w:p/><w:tbl>", 1)


def zip_bomb():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml", b'<Types><Override ContentType="wordprocessingml.document.main"/></Types>'
        )
        package.writestr("word/document.xml", b"<w:document>" + b" " * (60 * 1024 * 1024) + b"</w:document>")
    return out.getvalue()


def xml_bomb():
    entities = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    return rewritten_docx(lambda xml: xml.replace(b"?>", b"?>" + entities, 1))


def long_service_name():
    text = seed().decode()
    return text.replace("আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান", "ক" * (1_500_000), 1).encode()


def ten_thousand_rows():
    text = seed().decode()
    row = next(line for line in text.split("\n") if line.startswith("১\t"))
    rows = "\n".join(f"{n}\tসেবা {n}\t\t\t\t\t" for n in range(2, 10_002))
    return text.replace(row, row + "\n" + rows, 1).encode()


HOSTILE = {
    # name: (file name, bytes, what the refusal says)
    "a span of two million columns": ("span.docx", lambda: rewritten_docx(first_cell_spans(2_000_000)), "কলাম জুড়ে"),
    "a span that is not a number": ("abc.docx", lambda: rewritten_docx(first_cell_spans("abc")), "সংখ্যা নয়"),
    "a Word table of 3,000 rows": ("rows.docx", lambda: rewritten_docx(many_rows(3000)), "টেবিলের সারি"),
    "a text export of 10,000 rows": ("rows.txt", ten_thousand_rows, "টেবিলের সারি"),
    "a Word file of 30,000 paragraphs": (
        "paragraphs.docx",
        lambda: rewritten_docx(lambda xml: xml.replace(b"<w:tbl>", b"<w:p/>" * 30_000 + b"<w:tbl>", 1)),
        "অনুচ্ছেদ",
    ),
    "a 4.5 MB service name": ("name.txt", long_service_name, "অক্ষর"),
    "a file over 5 MB": ("big.txt", lambda: b"a" * (limits.MAX_BYTES + 1), "MB-এর কম"),
    "a zip bomb": ("bomb.docx", zip_bomb, "zip বোমা"),
    "an XML bomb": ("entities.docx", xml_bomb, "XML বোমা"),
}


@pytest.fixture(params=list(HOSTILE), ids=list(HOSTILE))
def hostile(request, tmp_path):
    name, make, message = HOSTILE[request.param]
    path = tmp_path / name
    path.write_bytes(make())
    return path, message


def test_the_import_command_refuses_a_hostile_file_in_bengali_and_writes_nothing(hostile):
    path, message = hostile
    started = time.monotonic()
    refusal = refused_by_import_charter(path, message)
    assert time.monotonic() - started < 30  # refused before the work, not after it
    assert BENGALI.search(str(refusal))


def test_hqs_upload_refuses_a_hostile_file_and_writes_nothing(admin_client, hostile):
    path, message = hostile
    before = database_state()
    url = reverse("admin:offices_office_charter_import", args=[Office.objects.get(key="joypurhat").pk])
    response = admin_client.post(url, {"charter_file": SimpleUploadedFile(path.name, path.read_bytes())})
    assert response.status_code == 200
    assert message in response.content.decode() or "MB-এর কম" in response.content.decode()
    assert database_state() == before


def test_the_bulk_import_refuses_a_hostile_file_and_writes_nothing(hostile, tmp_path):
    path, message = hostile
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / f"joypurhat{path.suffix}").write_bytes(path.read_bytes())
    before = database_state()
    out = StringIO()
    call_command("import_charters", str(folder), stdout=out, stderr=StringIO())
    assert "নেওয়া হয়নি" in out.getvalue() and message in out.getvalue()
    assert database_state() == before


def test_reading_that_outlasts_its_time_limit_is_stopped(monkeypatch, tmp_path):
    monkeypatch.setattr(limits, "MAX_SECONDS", 0)
    path = tmp_path / "joypurhat.docx"
    path.write_bytes(docx_from_text(seed()))
    refused_by_import_charter(path, "সেকেন্ডের বেশি লাগছে")


def test_another_offices_file_is_refused_in_the_admin_until_hq_confirms(admin_client):
    url = reverse("admin:offices_office_charter_import", args=[Office.objects.get(key="haimchar.chandpur").pk])
    before = database_state()
    response = admin_client.post(url, {"charter_file": SimpleUploadedFile("kachua.txt", seed("kachua.chandpur"))})
    page = response.content.decode()
    assert "অন্য দপ্তরের ফাইল এই দপ্তরে লেখা হয়নি" in page and "other_site_confirmed" in page
    assert database_state() == before
    confirmed = admin_client.post(
        url,
        {"charter_file": SimpleUploadedFile("kachua.txt", seed("kachua.chandpur")), "other_site_confirmed": "on"},
    )
    assert "আমদানি হয়েছে" in confirmed.content.decode()
    assert Office.objects.get(key="haimchar.chandpur").services.count() == 8


def test_every_warning_is_bengali_with_its_place(tmp_path):
    path = tmp_path / "rangpur.docx"
    path.write_bytes(docx_from_text(seed("rangpursadar.rangpur")))
    err = StringIO()
    call_command(
        "import_charter", str(path), "--office", "rangpursadar.rangpur", "--replace", stdout=StringIO(), stderr=err
    )
    warnings = [line for line in err.getvalue().splitlines() if line.strip().startswith("সতর্কতা:")]
    assert warnings
    for line in warnings:
        message = line.split("সতর্কতা:", 1)[1]
        assert re.match(r"\s*(টেবিল|অনুচ্ছেদ|লাইন) [০-৯]", message), line
        assert not re.search(r"\b(the|was|not|stored|table|row|line)\b", message), line

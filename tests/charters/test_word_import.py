"""Word charters (issue 13): each seed as a .docx imports to exactly the charter its text export
gives; what is not a charter file is refused with what to send instead, and nothing is written."""

import io
import zipfile
from io import StringIO

import docx
import pytest
from django.core.management import call_command
from docx.oxml.ns import qn

from charters.errors import CharterError
from charters.importer import read_charter_file, read_charter_text
from tests.support import SEEDS
from tests.support.charters import SEED_FILES, content, refused_by_import_charter
from tests.support.word import docx_from_text, vertical_merges

pytestmark = pytest.mark.django_db


def flat(document):
    """Everything the document says, officers by value (an OfficerEntry compares by identity)."""

    def officer(entry):
        return None if entry is None else tuple(getattr(entry, f) for f in (*entry.FIELDS, "office_key"))

    return {
        "charter": (
            document.vision,
            document.mission,
            str(document.service_columns),
            document.issued_on,
            document.signatory_name,
            document.signatory_designation,
        ),
        "services": [
            (s.category, s.serial, *(getattr(s, f) for f in s.TEXT_FIELDS), officer(s.responsible), officer(s.superior))
            for s in document.services
        ],
        "officers": [officer(o) for o in document.officers()],
        "expectations": [(e.serial, e.text) for e in document.expectations],
        "tiers": [
            (t.level, t.when_to_contact, t.contact_title, officer(t.contact_officer), t.contact_text, t.resolution_days)
            for t in document.tiers
        ],
    }


def seed_docx(key):
    return docx_from_text((SEEDS / SEED_FILES[key]).read_bytes())


@pytest.mark.parametrize("key", SEED_FILES)
def test_each_seed_as_word_reads_exactly_as_its_text_export(key):
    text = read_charter_text((SEEDS / SEED_FILES[key]).read_bytes())
    word = read_charter_file(seed_docx(key), f"{key}.docx")
    assert flat(word.document) == flat(text.document)
    assert [message for _, message in word.warnings] == [message for _, message in text.warnings]
    assert flat(word.document)["services"]  # not two empty documents


def test_the_word_files_have_the_hard_parts():
    tables = {key: docx.Document(io.BytesIO(seed_docx(key))).tables for key in SEED_FILES}
    # Magura's superior officer is one merged cell over the rows below it.
    assert vertical_merges(seed_docx("magurasadar.magura")) >= 10
    # Natore's and Rangpur's tables are split by page breaks: more Word tables than sections, the
    # second part repeating the header; Rangpur's institutional row 1 goes on in the next part.
    assert len(tables["natoresadar.natore"]) == 6 and len(tables["rangpursadar.rangpur"]) == 10
    second = tables["rangpursadar.rangpur"][3]
    assert "সেবার নাম" in second.rows[0].cells[1].text and second.rows[2].cells[0].text == ""
    assert all(
        t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for t in tables["joypurhat"][:3]
    )
    # Magura's cells hold several paragraphs (the officer's name, post, phone, e-mail).
    officer_cell = tables["magurasadar.magura"][0].rows[2].cells[6]
    assert len(officer_cell.paragraphs) >= 4


@pytest.mark.parametrize("key", SEED_FILES)
def test_import_charter_reads_a_word_file_into_the_same_charter(key, tmp_path):
    shipped = content(key)
    path = tmp_path / f"{key}.docx"
    path.write_bytes(seed_docx(key))
    out, err = StringIO(), StringIO()
    call_command("import_charter", str(path), "--office", key, "--replace", stdout=out, stderr=err)
    assert content(key) == shipped
    assert "খসড়ায় লেখা হয়েছে:" in out.getvalue()
    if key == "rangpursadar.rangpur":  # warnings say the Word table and row, not a line
        assert "টেবিল ৩, সারি ৩: টেবিলের প্রথম সেবার সারিতে ক্রমিক নেই" in err.getvalue()


def zip_bytes(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


WORD_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'wordprocessingml.document.main+xml"/></Types>'
)


def docx_without_tables():
    document = docx.Document()
    document.add_paragraph("২.১) নাগরিক সেবা")
    document.add_paragraph("১ আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান (a table pasted as text)")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


BAD_FILES = {
    "a PDF renamed .docx": ("charter.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", "ফাইলটি PDF"),
    "a broken PDF": ("charter.pdf", b"%PDF-1.4\n", "PDF ফাইলটি খোলা যায়নি"),
    "a scanned image": ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "ছবি"),
    "an old Office file that is not Word": (
        "charter.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        "পুরোনো Word",
    ),
    "a spreadsheet": (
        "charter.xlsx",
        zip_bytes(
            {
                "[Content_Types].xml": WORD_TYPES.replace(b"wordprocessingml.document", b"spreadsheetml.sheet"),
                "xl/workbook.xml": b"<workbook/>",
            }
        ),
        "Excel",
    ),
    "a zip bomb": (
        "charter.docx",
        zip_bytes({"[Content_Types].xml": WORD_TYPES, "word/document.xml": b" " * (20 * 1024 * 1024)}),
        "zip বোমা",
    ),
    "an XML bomb": (
        "charter.docx",
        zip_bytes(
            {
                "[Content_Types].xml": WORD_TYPES,
                "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>',
            }
        ),
        "XML বোমা",
    ),
    "a Word file without tables": ("charter.docx", docx_without_tables(), "কোনো টেবিল নেই"),
    "a Word file named .txt": ("charter.txt", docx_without_tables(), "নামটি .docx দিয়ে"),
    "a broken zip": ("charter.docx", b"PK\x03\x04" + b"\x00" * 100, "ভাঙা"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_file_that_is_not_a_charter_is_refused_clearly_and_nothing_is_written(case, tmp_path):
    name, data, message = BAD_FILES[case]
    with pytest.raises(CharterError, match=message) as raised:
        read_charter_file(data, name)
    assert "পাঠান" in str(raised.value) or "টেবিল" in str(raised.value) or "বোমা" in str(raised.value)
    path = tmp_path / name
    path.write_bytes(data)
    refused_by_import_charter(path, message)

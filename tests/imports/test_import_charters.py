"""import_charters DIR|ZIP: every file into its office's draft (by the site the document names or
the file's name), none published, a report per file; run twice it imports nothing twice."""

import io
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from charters.models import Charter, CharterVersion
from imports.models import ImportBatch, ImportFile
from offices.models import Office
from tests.support import SEEDS
from tests.support.charters import SEED_FILES, content, database_state
from tests.support.word import docx_from_text

pytestmark = pytest.mark.django_db


def seed(key):
    return (SEEDS / SEED_FILES[key]).read_bytes()


def seed_folder(folder):
    """The five seeds: three as Word files, two as text exports, each named after its office."""
    folder.mkdir()
    for key in SEED_FILES:
        if key in ("joypurhat", "natoresadar.natore", "rangpursadar.rangpur"):
            (folder / f"{key}.docx").write_bytes(docx_from_text(seed(key)))
        else:
            (folder / f"{key}.txt").write_bytes(seed(key))
    return folder


def run(path):
    out, err = StringIO(), StringIO()
    call_command("import_charters", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_folder_of_the_five_seeds_becomes_their_drafts_word_for_word_none_published(tmp_path):
    shipped = {key: content(key) for key in SEED_FILES}
    versions = CharterVersion.objects.count()
    out, err = run(seed_folder(tmp_path / "charters"))
    assert {key: content(key) for key in SEED_FILES} == shipped  # the drafts read as the seeds do
    assert CharterVersion.objects.count() == versions  # nothing published
    assert "মোট ৫টি ফাইল: আমদানি ৫, আগেই আমদানি হয়েছে ০, নেওয়া হয়নি ০" in out
    assert "joypurhat.docx: খসড়া হিসেবে আমদানি হয়েছে · joypurhat" in out
    assert "নাগরিক সেবা ৭, প্রাতিষ্ঠানিক সেবা ১১, অভ্যন্তরীণ সেবা ৫" in out
    assert "সতর্কবার্তা: টেবিল ৩, সারি ৩: টেবিলের প্রথম সেবার সারিতে ক্রমিক নেই" in out  # Rangpur's, with its place
    assert "[" + "█" * 30 + "] ৫/৫" in err  # the progress bar, full at the end
    assert Charter.objects.get(office__key="joypurhat").import_source == "word"
    assert Charter.objects.get(office__key="kachua.chandpur").import_source == "text"


def test_run_twice_it_imports_nothing_twice(tmp_path):
    folder = seed_folder(tmp_path / "charters")
    run(folder)
    before = database_state()
    out, _ = run(folder)
    assert database_state() == before
    assert "মোট ৫টি ফাইল: আমদানি ০, আগেই আমদানি হয়েছে ৫, নেওয়া হয়নি ০" in out
    second = ImportBatch.objects.first()
    assert set(second.files.values_list("status", flat=True)) == {ImportFile.Status.UNCHANGED}
    assert not any(second.files.values_list("data", flat=True))  # the bytes are not kept once read


def test_a_changed_file_is_imported_again(tmp_path):
    folder = seed_folder(tmp_path / "charters")
    run(folder)
    (folder / "kachua.chandpur.txt").write_bytes(seed("kachua.chandpur") + b"\n")  # other bytes, a new file
    out, _ = run(folder)
    assert "মোট ৫টি ফাইল: আমদানি ১, আগেই আমদানি হয়েছে ৪" in out


def test_a_zip_imports_like_the_folder(tmp_path):
    folder = seed_folder(tmp_path / "charters")
    archive = tmp_path / "charters.zip"
    with zipfile.ZipFile(archive, "w") as package:
        for path in sorted(folder.iterdir()):
            package.write(path, f"charters/{path.name}")
        package.writestr("__MACOSX/._joypurhat.docx", b"\0")  # a Mac's own file, skipped
    out, _ = run(archive)
    assert "মোট ৫টি ফাইল: আমদানি ৫" in out


def test_the_site_the_document_names_chooses_the_office(tmp_path):
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "scan-0042.txt").write_bytes(seed("kachua.chandpur"))  # names doict.kachua.chandpur.gov.bd
    out, _ = run(folder)
    assert "scan-0042.txt: খসড়া হিসেবে আমদানি হয়েছে · kachua.chandpur" in out
    assert Office.objects.get(key="kachua.chandpur").services.count() == 8


def test_another_offices_file_is_written_to_no_office(tmp_path):
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "haimchar.chandpur.txt").write_bytes(seed("kachua.chandpur"))
    before = database_state()
    out, _ = run(folder)
    assert "নেওয়া হয়নি" in out and "অন্য দপ্তরের ফাইল কোনো দপ্তরে লেখা হয়নি" in out
    assert database_state() == before
    assert not Charter.objects.filter(office__key="haimchar.chandpur").exists()


def test_a_file_of_no_known_office_is_refused(tmp_path):
    folder = tmp_path / "charters"
    folder.mkdir()
    text = seed("joypurhat").decode().replace("doict.joypurhat.gov.bd", "")
    (folder / "charter.txt").write_text(text, "utf-8")
    out, _ = run(folder)
    assert "ফাইলটি কোন দপ্তরের তা বোঝা যায়নি" in out


def test_each_file_is_written_whole_or_not_at_all(tmp_path):
    folder = seed_folder(tmp_path / "charters")
    # Parsed fine, but a GRS tier of 0 days breaks a constraint after the services were written.
    broken = seed("joypurhat").decode().replace("২০ কার্যদিবস", "০ কার্যদিবস")
    (folder / "joypurhat.docx").unlink()
    (folder / "joypurhat.txt").write_text(broken, "utf-8")
    joypurhat = content("joypurhat")
    out, _ = run(folder)
    assert "মোট ৫টি ফাইল: আমদানি ৪, আগেই আমদানি হয়েছে ০, নেওয়া হয়নি ১" in out
    assert "অভিযোগ প্রতিকারের স্তর ২" in out
    assert content("joypurhat") == joypurhat


def test_a_path_that_is_neither_folder_nor_zip_is_refused(tmp_path):
    with pytest.raises(CommandError, match="এমন কোনো ফোল্ডার বা ফাইল নেই। কিছুই আমদানি হয়নি।"):
        run(tmp_path / "missing")
    (tmp_path / "a.txt").write_bytes(seed("joypurhat"))
    with pytest.raises(CommandError, match="ফোল্ডার বা zip"):
        run(tmp_path / "a.txt")


def test_a_zip_inside_the_zip_and_a_lying_member_are_refused_alone(tmp_path):
    archive = tmp_path / "charters.zip"
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as package:
        package.writestr("x.txt", b"x")
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("inner.zip", inner.getvalue())
        package.writestr("kachua.chandpur.txt", seed("kachua.chandpur"))
    out, _ = run(archive)
    assert "inner.zip: নেওয়া হয়নি" in out and "zip-এর ভেতরের zip" in out
    assert "kachua.chandpur.txt: " in out and "মোট ২টি ফাইল" in out


def test_too_many_files_are_refused_before_any_is_read(tmp_path, monkeypatch):
    from imports import sources

    monkeypatch.setattr(sources, "MAX_FILES", 4)
    before = database_state()
    with pytest.raises(CommandError, match="৫টি ফাইল; একবারে ৪টির বেশি নেওয়া হয় না"):
        run(seed_folder(tmp_path / "charters"))
    assert database_state() == before and not ImportBatch.objects.exists()


def test_an_oversized_file_in_a_zip_is_refused_alone_unread(tmp_path):
    archive = tmp_path / "charters.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("joypurhat.txt", b" " * (5 * 1024 * 1024 + 1))
        package.writestr("kachua.chandpur.txt", seed("kachua.chandpur"))
    out, _ = run(archive)
    assert "joypurhat.txt: নেওয়া হয়নি" in out and "MB-এর কম" in out
    assert "মোট ২টি ফাইল: আমদানি ১" in out


def test_a_file_that_breaks_the_reader_is_refused_and_the_rest_go_on(tmp_path, monkeypatch):
    import imports.bulk

    real = imports.bulk.read_charter_file

    def breaks_on_joypurhat(data, name, *args):
        if name.startswith("joypurhat"):
            raise RuntimeError("a bug")
        return real(data, name, *args)

    monkeypatch.setattr(imports.bulk, "read_charter_file", breaks_on_joypurhat)
    out, _ = run(seed_folder(tmp_path / "charters"))
    assert "অপ্রত্যাশিত ত্রুটি (RuntimeError)" in out
    assert "মোট ৫টি ফাইল: আমদানি ৪, আগেই আমদানি হয়েছে ০, নেওয়া হয়নি ১" in out


def test_an_office_with_no_charter_yet_gets_its_files_warnings_in_the_report(tmp_path):
    # Natore's paper named for Singra, an office with no draft before: the report keeps every
    # warning the draft keeps (read back from the draft, not from a charter made before them).
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "singra.natore.docx").write_bytes(docx_from_text(seed("natoresadar.natore")))
    assert not Charter.objects.filter(office__key="singra.natore").exists()
    run(folder)
    draft = Charter.objects.get(office__key="singra.natore")
    reported = ImportFile.objects.get(name="singra.natore.docx")
    assert draft.import_warnings and reported.warnings == draft.import_warnings

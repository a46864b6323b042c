"""import_charter: a charter's text export becomes the office's charter, all or nothing."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from charters.models import Charter
from offices.models import Office, Officer
from services.models import Service
from tests.support import FIXTURES, SEEDS
from tests.support.charters import SEED_FILES, content, database_state

pytestmark = pytest.mark.django_db


def seed_text(key):
    return (SEEDS / SEED_FILES[key]).read_text("utf-8")


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_charter", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("key", SEED_FILES)
def test_each_seed_imports_to_exactly_its_shipped_fixture(key, tmp_path):
    out = tmp_path / "charter.json"
    run(SEEDS / SEED_FILES[key], "--office", key, "--fixture", out)
    assert json.loads(out.read_text("utf-8")) == json.loads((FIXTURES / "charters" / f"{key}.json").read_text("utf-8"))


@pytest.mark.parametrize("key", SEED_FILES)
def test_each_seed_imported_into_the_database_reads_like_the_fixture(key):
    shipped = content(key)
    run(SEEDS / SEED_FILES[key], "--office", key, "--replace")
    assert content(key) == shipped


def test_importing_twice_with_replace_gives_the_same_database():
    path = SEEDS / SEED_FILES["joypurhat"]
    run(path, "--office", "joypurhat", "--replace")
    first = content("joypurhat"), Service.objects.count(), Officer.objects.count()
    run(path, "--office", "joypurhat", "--replace")
    assert (content("joypurhat"), Service.objects.count(), Officer.objects.count()) == first


def test_an_office_with_a_charter_is_refused_without_replace():
    before = database_state()
    with pytest.raises(CommandError, match="চার্টার আগে থেকেই আছে; বদলাতে --replace দিন"):
        run(SEEDS / SEED_FILES["joypurhat"], "--office", "joypurhat")
    assert database_state() == before


def test_dry_run_prints_the_plan_and_writes_nothing():
    Charter.objects.filter(office__key="kalai.joypurhat").delete()
    before = database_state()
    out, _ = run(SEEDS / SEED_FILES["joypurhat"], "--office", "kalai.joypurhat", "--dry-run")
    assert database_state() == before
    assert "পরীক্ষামূলক পাঠ (--dry-run): কিছুই লেখা হচ্ছে না" in out
    assert "নাগরিক সেবা (৭টি)" in out and "আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান" in out
    assert "অভ্যন্তরীণ সেবা (৫টি)" in out


def test_the_summary_counts_everything_and_reports_warnings_with_lines():
    out, err = run(SEEDS / SEED_FILES["rangpursadar.rangpur"], "--office", "rangpursadar.rangpur", "--replace")
    assert "খসড়ায় লেখা হয়েছে: rangpursadar.rangpur" in out
    assert "সেবা: নাগরিক সেবা ৬টি, প্রাতিষ্ঠানিক সেবা ১১টি, অভ্যন্তরীণ সেবা ৫টি" in out
    assert "কর্মকর্তা: ১ জন" in out and "প্রত্যাশা: ৫টি" in out and "অভিযোগ প্রতিকারের স্তর: ২টি" in out
    # the time limits read as numbers
    assert "প্রতিশ্রুত সময় যেভাবে পড়া হলো: পরিমাপযোগ্য নয় ৪টি, একই দিনে (তাৎক্ষণিক) ১৮টি" in out
    assert "সতর্কতা: ৩টি" in out
    # The e-mail variants of the one officer are not dropped silently.
    assert re.search(r"লাইন [০-৯]+: একই কর্মকর্তার ই-মেইল অন্য জায়গায় rangpursadardoiect@gmail.com", err)
    assert "লাইন ৩৫: টেবিলের প্রথম সেবার সারিতে ক্রমিক নেই" in err


def test_a_new_upazila_is_imported_into_a_fresh_office():
    run(SEEDS / SEED_FILES["natoresadar.natore"], "--office", "singra.natore")
    office = Office.objects.get(key="singra.natore")
    assert office.services.count() == 22
    assert office.officers.get().name == "জনাব মোঃ নাজমুল হক"


def test_subordinate_offices_are_matched_by_site(tmp_path):
    text = seed_text("joypurhat").replace("doict.kalai.joypurhat.gov.bd", "doict.nowhere.joypurhat.gov.bd")
    path = tmp_path / "joypurhat.txt"
    path.write_text(text, "utf-8")
    _, err = run(path, "--office", "joypurhat", "--replace")
    assert "লাইন ৬১: আওতাধীন দপ্তর http://doict.nowhere.joypurhat.gov.bd পোর্টালের কোনো দপ্তরের সঙ্গে মেলে না" in err
    assert "akkelpur" not in err  # the others are found, under joypurhat in the tree


def test_a_document_for_another_office_is_refused_unless_confirmed(tmp_path):
    before = database_state()
    with pytest.raises(CommandError, match="ওয়েবসাইট doict.kachua.chandpur.gov.bd লেখা, যা উপজেলা কার্যালয়, কচুয়া"):
        run(SEEDS / SEED_FILES["kachua.chandpur"], "--office", "haimchar.chandpur")
    assert database_state() == before
    run(SEEDS / SEED_FILES["kachua.chandpur"], "--office", "haimchar.chandpur", "--other-site-ok")
    assert Charter.objects.filter(office__key="haimchar.chandpur").exists()


# --- layouts the seeds do not have, which must read the same ---------------------------


def variant(tmp_path, key, text, name="variant.txt", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def assert_imports_like_the_original(tmp_path, key, text):
    original = content(key)
    run(variant(tmp_path, key, text), "--office", key, "--replace")
    assert content(key) == original


def test_crlf_line_endings(tmp_path):
    assert_imports_like_the_original(tmp_path, "joypurhat", seed_text("joypurhat").replace("\n", "\r\n"))


def test_blank_lines_between_rows(tmp_path):
    text = re.sub(r"^(.*\t.*)$", r"\1\n", seed_text("natoresadar.natore"), flags=re.MULTILINE)
    assert_imports_like_the_original(tmp_path, "natoresadar.natore", text)


def test_a_byte_order_mark_and_trailing_spaces(tmp_path):
    text = "\ufeff" + re.sub(r"\n", "  \n", seed_text("kachua.chandpur"))
    assert_imports_like_the_original(tmp_path, "kachua.chandpur", text)


def reorder_columns(text, order):
    """Rewrite every 7-column tab row with its columns in ``order``."""

    def rewrite(match):
        cells = match.group(0).split("\t")
        return "\t".join(cells[i] for i in order) if len(cells) == len(order) else match.group(0)

    return re.sub(r"^[^\n]*\t[^\n]*$", rewrite, text, flags=re.MULTILINE)


def test_columns_in_another_order(tmp_path):
    # Time limit second, officer third, serial last: only the header words say which is which.
    text = reorder_columns(seed_text("joypurhat"), [1, 5, 6, 2, 4, 3, 0])
    assert "সেবার নাম\tসেবা প্রদানের সময়সীমা\tদায়িত্বপ্রাপ্ত" in text
    assert_imports_like_the_original(tmp_path, "joypurhat", text)


def cell_per_line(text):
    """Export every tab-separated table one cell per line, the way the Magura document is."""

    def rewrite(match):
        return "".join(f"\t{cell}\n" for cell in match.group(0).split("\t")) + "\n"

    return re.sub(r"^[^\n]*\t[^\n]*\n", rewrite, text, flags=re.MULTILINE)


def test_a_seven_column_charter_exported_one_cell_per_line(tmp_path):
    text = cell_per_line(seed_text("joypurhat"))
    assert "\n\tআইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান\n" in text
    assert_imports_like_the_original(tmp_path, "joypurhat", text)


def test_a_row_broken_across_pages_inside_the_citizen_table(tmp_path):
    text = seed_text("joypurhat")
    row = next(line for line in text.split("\n") if line.startswith("৩\t"))
    cells = row.split("\t")
    name_words, officer_words = cells[1].split(" "), cells[6].split(" ")
    first = "\t".join([cells[0], " ".join(name_words[:4]), *cells[2:6], " ".join(officer_words[:3])])
    second = "\t".join(["", " ".join(name_words[4:]), "", "", "", "", " ".join(officer_words[3:])])
    header = "\n".join(text.split("\n")[18:20])  # the table's header and its column numbers
    broken = text.replace(row, f"{first}\n\n{header}\n{second}")
    assert broken != text
    assert_imports_like_the_original(tmp_path, "joypurhat", broken)


def test_markdown_headings_or_none(tmp_path):
    text = re.sub(r"^#+ *", "", seed_text("natoresadar.natore"), flags=re.MULTILINE)
    assert_imports_like_the_original(tmp_path, "natoresadar.natore", text)
    text = re.sub(r"^(২\.[১২৩]\).*)$", r"### \1", seed_text("rangpursadar.rangpur"), flags=re.MULTILINE)
    assert_imports_like_the_original(tmp_path, "rangpursadar.rangpur", text)


def test_bengali_serials_as_ascii_and_back(tmp_path):
    to_ascii = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
    text = "\n".join(
        ("\t".join([line.split("\t")[0].translate(to_ascii), *line.split("\t")[1:]]) if "\t" in line else line)
        for line in seed_text("joypurhat").split("\n")
    )
    assert "\n1\tআইসিটি" in text
    assert_imports_like_the_original(tmp_path, "joypurhat", text)


# --- input that cannot be read: a clear message with the line, and nothing written ---------


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: b"", "ফাইলটি খালি"),
        (lambda: b"   \n\n", "ফাইলটি খালি"),
        (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "টেক্সট ফাইল নয়|ছবি"),
        (
            lambda: "সিটিজেন চার্টার\n".encode() + "Charter (ANSI) \xe9\n".encode("cp1252"),
            "লাইন ২: ফাইলটি UTF-8 টেক্সট নয়",
        ),
        (
            lambda: (
                seed_text("joypurhat")
                .replace("\n".join(seed_text("joypurhat").split("\n")[18:20]) + "\n", "", 1)
                .encode()
            ),
            "লাইন ১৯: টেবিলের শিরোনাম-সারির আগেই একটি সেবার সারি",
        ),
        (
            lambda: seed_text("joypurhat").replace("১\tআইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান\t", "১\t\t", 1).encode(),
            "লাইন ২১: সেবা ১-এর নাম নেই",
        ),
        (lambda: "\n".join(seed_text("joypurhat").split("\n")[:18]).encode(), "কোনো সেবার টেবিল পাওয়া যায়নি"),
        (
            lambda: b"Lorem ipsum dolor sit amet\nconsectetur\tadipiscing\telit\n",
            "কোনো সেবার টেবিল পাওয়া যায়নি|কোনো সেবার শিরোনামের",
        ),
        (
            lambda: seed_text("joypurhat").replace("৩০ কার্যদিবস", "ত্রিশ কার্যদিবস").encode(),
            "লাইন ৭৬: অভিযোগ প্রতিকারের সারিতে",
        ),
    ],
)
def test_garbled_input_fails_clearly_and_changes_nothing(tmp_path, make, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(make())
    before = database_state()
    with pytest.raises(CommandError, match=message):
        run(path, "--office", "joypurhat", "--replace")
    assert database_state() == before


def test_an_error_while_writing_rolls_everything_back(tmp_path):
    # Parsed fine, but a GRS tier of 0 days breaks a constraint after the services were written.
    text = seed_text("joypurhat").replace("২০ কার্যদিবস", "০ কার্যদিবস")
    before = database_state()
    with pytest.raises(CommandError, match="কিছুই লেখা হয়নি: অভিযোগ প্রতিকারের স্তর ২"):
        run(variant(tmp_path, "joypurhat", text), "--office", "joypurhat", "--replace")
    assert database_state() == before


def test_unknown_office_key():
    with pytest.raises(CommandError, match="“nowhere” কী-এর কোনো দপ্তর নেই"):
        run(SEEDS / SEED_FILES["joypurhat"], "--office", "nowhere")


def test_missing_and_huge_files(tmp_path):
    with pytest.raises(CommandError, match="পড়া যায়নি"):
        run(tmp_path / "missing.txt", "--office", "joypurhat")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    with pytest.raises(CommandError, match="একটি চার্টার ৫ MB-এর কম"):
        run(huge, "--office", "joypurhat")


def as_pipe_tables(text):
    """The charter as a markdown export: every tab-separated row a pipe-table row."""
    lines = []
    for line in text.split("\n"):
        if "\t" in line:
            lines.append("| " + " | ".join(line.split("\t")) + " |")
            if line.startswith("ক্রমিক"):
                lines.append("|" + "---|" * len(line.split("\t")))
        else:
            lines.append(line)
    return "\n".join(lines)


def test_markdown_pipe_tables(tmp_path):
    text = as_pipe_tables(seed_text("joypurhat"))
    assert "| ১ | আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান |" in text
    assert_imports_like_the_original(tmp_path, "joypurhat", text)


def test_vision_and_mission_on_the_heading_line_and_plural_headings(tmp_path):
    text = seed_text("joypurhat")
    text = text.replace("ভিশন:\n\n", "ভিশন: ").replace("মিশন:\n\n", "মিশনঃ ")
    text = text.replace("২.১) নাগরিক সেবা", "২.১। নাগরিক সেবাসমূহ:")
    assert "ভিশন: জ্ঞানভিত্তিক" in text
    assert_imports_like_the_original(tmp_path, "joypurhat", text)

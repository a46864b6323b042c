"""Malformed, truncated and hostile files: fixtures for loaddata and charter texts for import_charter.

Each one fails with a clear error, quickly, and leaves the database as it was. The seconds each
hostile file takes are printed (run with -s); they are figures, not assertions.
"""

import json
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from charters.models import Charter
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Expectation, Service
from tests.support import FIXTURES, SEEDS

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
JOYPURHAT = FIXTURES / "charters" / "joypurhat.json"


def database_state():
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in (Office, Charter, Officer, Service, Expectation, GrievanceTier)
    }


def timed(what, action):
    began = time.monotonic()
    try:
        action()
    finally:
        print(f"\n{what}: {time.monotonic() - began:.2f} s")


def refused(action, message, what):
    before = database_state()
    with pytest.raises(Exception, match=message) as error:
        timed(what, action)
    assert database_state() == before
    return error.value


# ---- fixtures


def loaddata(*paths):
    return lambda: call_command("loaddata", *map(str, paths), verbosity=0)


def joypurhat_rows():
    return json.loads(JOYPURHAT.read_text("utf-8"))


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_a_fixture_in_the_wrong_encoding(tmp_path, encoding):
    rows = joypurhat_rows()
    if encoding == "cp1252":  # what a Windows editor saves: Bengali gone, a Latin accent in its place
        rows[0]["fields"]["vision_bn"] = "Vision é"
        text = json.dumps(rows, ensure_ascii=False)
    else:
        text = JOYPURHAT.read_text("utf-8")
    bad = tmp_path / "joypurhat.json"
    bad.write_bytes(text.encode(encoding, errors="replace"))
    # Python's own message: UnicodeDecodeError ignores the file name loaddata adds to its args.
    refused(loaddata(bad), r"'utf-8' codec can't decode byte", f"loaddata of a {encoding} fixture")


def test_a_truncated_fixture(tmp_path):
    bad = tmp_path / "truncated.json"
    data = JOYPURHAT.read_bytes()
    bad.write_bytes(data[: data.rfind(b"\n", 0, len(data) // 2)])  # cut at a line: valid UTF-8, broken JSON
    refused(loaddata(JOYPURHAT, bad), r"(?s)Problem installing fixture.*truncated\.json", "loaddata, truncated")


@pytest.mark.parametrize("field, value", [("office", 999_999), ("responsible_officer", 999_999)])
def test_a_service_pointing_at_a_missing_office_or_officer(tmp_path, field, value):
    """SQLite and PostgreSQL both check the foreign keys when loaddata ends, and it rolls back."""
    rows = joypurhat_rows()
    service = next(row for row in rows if row["model"] == "services.service")
    service["fields"][field] = value
    bad = tmp_path / "dangling.json"
    bad.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    error = refused(
        loaddata(bad),
        r"(?is)foreign key|invalid foreign key|does not exist|integrity",
        f"loaddata, a service with a missing {field}",
    )
    assert "dangling.json" in str(error) or str(value) in str(error) or "FOREIGN KEY" in str(error).upper()


def test_a_fifty_megabyte_junk_fixture_fails_fast(tmp_path):
    bad = tmp_path / "huge.json"
    with open(bad, "wb") as handle:  # text no JSON parser will take: it fails at the first character
        block = b"this is not a fixture; " * 4096
        for _ in range(50 * MB // len(block)):
            handle.write(block)
    refused(loaddata(bad), r"Problem installing fixture", "loaddata of 50 MB of junk")


def test_a_fifty_megabyte_fixture_of_unknown_rows_fails_clearly(tmp_path):
    bad = tmp_path / "huge-rows.json"
    row = json.dumps({"model": "offices.nosuchmodel", "pk": 1, "fields": {"text": "ক" * 1000}}, ensure_ascii=False)
    count = 50 * MB // (len(row.encode()) + 2)
    bad.write_text("[" + ",\n".join([row] * count) + "]", "utf-8")
    assert bad.stat().st_size > 49 * MB
    refused(loaddata(bad), r"Invalid model identifier", "loaddata of 50 MB of rows of an unknown model")


# ---- charter texts


def import_charter(path):
    return lambda: call_command(
        "import_charter", str(path), "--office", "joypurhat", "--replace", stdout=StringIO(), stderr=StringIO()
    )


def seed():
    return (SEEDS / "joypurhat.txt").read_text("utf-8")


def test_a_fifty_megabyte_charter_text_is_refused_unread(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * MB)
    refused(import_charter(huge), "MB-এর কম", "import_charter, 50 MB")


def test_a_utf16_charter_text(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(seed().encode("utf-16"))
    refused(import_charter(path), "টেক্সট ফাইল নয়|UTF-8 টেক্সট নয়", "import_charter, UTF-16")


@pytest.mark.parametrize(
    "name, make",
    [
        # One line of almost 5 MB: no line breaks at all.
        ("a 4 MB line", lambda: "ক" * (4 * MB // 3)),
        # 10^5 tabs in a row: a table row of a hundred thousand empty cells.
        ("10^5 tabs", lambda: seed().replace("১\tআইসিটি", "১" + "\t" * 100_000 + "আইসিটি", 1)),
        # The citizen table's header row repeated 9,000 times (a page break after every line).
        (
            "a header repeated 9,000 times",
            lambda: seed().replace(
                next(line for line in seed().split("\n") if line.startswith("ক্রমিক")) + "\n",
                (next(line for line in seed().split("\n") if line.startswith("ক্রমিক")) + "\n") * 9_000,
                1,
            ),
        ),
    ],
)
def test_hostile_charter_texts_fail_clearly_or_read_in_bounded_time(tmp_path, name, make):
    path = tmp_path / "hostile.txt"
    path.write_text(make(), "utf-8")
    assert path.stat().st_size < 5 * MB
    before = database_state()
    began = time.monotonic()
    try:
        call_command(
            "import_charter", str(path), "--office", "joypurhat", "--dry-run", stdout=StringIO(), stderr=StringIO()
        )
    except CommandError as error:
        assert "চার্টারটি পড়া যায়নি" in str(error)  # a clear message, with its line
    finally:
        print(f"\nimport_charter, {name}: {time.monotonic() - began:.2f} s")
    assert database_state() == before

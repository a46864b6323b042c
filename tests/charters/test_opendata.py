"""Open data: one charter as JSON, every charter as streamed JSON, every service as streamed CSV."""

import csv
import io
import json

import pytest

from services.models import Service

pytestmark = pytest.mark.django_db


def test_office_json_follows_the_documented_schema(client):
    response = client.get("/office/joypurhat.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    office = data["office"]
    assert data["schema"] == "http://testserver/opendata/schema/charter-1.json"
    assert office["key"] == "joypurhat" and office["level"] == "district" and office["parent"] == "hq"
    assert office["district"]["key"] == "joypurhat" and office["division"]["key"] == "rajshahidiv"
    assert office["charter"]["issued_on"] == "2023-12-05"
    assert [s["category"] for s in office["services"]].count("citizen") == 7
    first = office["services"][0]
    assert first["serial"] == 1 and first["name"]["bn"] == "আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান"
    assert first["name"]["en"] is None
    assert first["responsible_officer"]["email"] == "doict.joypurhat@gmail.com"
    assert first["url"].endswith("/office/joypurhat/#service-1-1")
    assert [t["resolution_working_days"] for t in office["grievance_chain"]] == [30, 20, 60]
    assert office["grievance_chain"][-1]["national"] is True
    assert len(office["subordinate_offices"]) == 5
    assert "\\u09" not in response.content.decode()  # Bengali as UTF-8, not \u escapes


def test_office_json_for_an_unknown_office_is_404(client):
    response = client.get("/office/nowhere.json")
    assert response.status_code == 404 and json.loads(response.content)["key"] == "nowhere"


def test_office_json_without_a_charter(client):
    office = json.loads(client.get("/office/kalai.joypurhat.json").content)["office"]
    assert office["charter"] is None and office["services"] == [] and office["grievance_chain"] == []


def test_all_charters_are_streamed(client):
    response = client.get("/opendata/charters.json")
    assert response.streaming
    data = json.loads(b"".join(response.streaming_content))
    assert len(data["offices"]) == 559
    by_key = {office["key"]: office for office in data["offices"]}
    assert len(by_key["rangpursadar.rangpur"]["services"]) == 22


def test_services_csv_is_streamed_with_every_service(client):
    response = client.get("/opendata/services.csv")
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffoffice_key,office_name,category,serial,name")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == Service.objects.count()
    kachua = [row for row in rows if row["office_key"] == "kachua.chandpur"]
    assert len(kachua) == 8 and kachua[0]["category"] == "institutional"

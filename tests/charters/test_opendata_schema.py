"""The open data names its schema by a URL the portal serves, and every document follows it."""

import json

import jsonschema
import pytest

from offices.models import Office

pytestmark = pytest.mark.django_db

SCHEMA_URL = "http://testserver/opendata/schema/charter-1.json"


@pytest.fixture(scope="module")
def validator():
    from charters.opendata import SCHEMA_FILE

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_is_served_as_a_draft_2020_12_json_schema(client):
    response = client.get("/opendata/schema/charter-1.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/schema+json"
    schema = json.loads(response.content)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema" and schema["$id"] == SCHEMA_URL
    jsonschema.Draft202012Validator.check_schema(schema)
    assert client.get("/opendata/schema/charter-7.json").status_code == 404


def test_every_office_json_follows_the_schema(client, validator):
    keys = list(Office.objects.values_list("key", flat=True))
    assert len(keys) == 559
    for key in keys:
        document = json.loads(client.get(f"/office/{key}.json").content)
        assert document["schema"] == SCHEMA_URL
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert not errors, (key, errors[:3])


def test_the_national_file_follows_the_schema(client, validator):
    document = json.loads(b"".join(client.get("/opendata/charters.json").streaming_content))
    assert document["schema"] == SCHEMA_URL and len(document["offices"]) == 559
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, errors[:3]


def test_the_schema_catches_what_a_program_relies_on(validator):
    """Not a schema that accepts anything: a wrong type, a missing field, an unknown one are errors."""
    from django.test import Client

    document = json.loads(Client().get("/office/joypurhat.json").content)
    office = document["office"]
    for broken in (
        {**office, "services": [{**office["services"][0], "serial": "১"}]},
        {k: v for k, v in office.items() if k != "grievance_chain"},
        {**office, "level": "division"},
        {**office, "name": {"bn": "জয়পুরহাট"}},
        {**office, "surprise": 1},
    ):
        assert not validator.is_valid({**document, "office": broken})

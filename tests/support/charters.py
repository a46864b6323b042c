"""The charter tests' shared pieces: the seed files, a charter read back as a citizen reads it, the
rows a failed write must leave alone, and publishing, what an office does before citizens see an edit."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from charters.document import read_charter
from charters.models import Charter
from charters.publishing import publish
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Expectation, Service


def publish_now(office, **overrides):
    """Publish the office's draft with a date and a signatory, as its staff would."""
    fields = {
        "issued_on": datetime.date(2026, 11, 24),
        "signatory_name": "মোঃ পরীক্ষা উদ্দিন",
        "signatory_designation": "প্রোগ্রামার",
        **overrides,
    }
    return publish(office, **fields)


SEED_FILES = {
    "joypurhat": "joypurhat.txt",
    "kachua.chandpur": "kachua.chandpur.txt",
    "magurasadar.magura": "magura-upazila.txt",
    "natoresadar.natore": "natoresadar.natore.txt",
    "rangpursadar.rangpur": "rangpursadar.rangpur.txt",
}


def content(key):
    """What a citizen reads on the page, independent of primary keys."""
    office = Office.objects.get(key=key)
    document = read_charter(office)

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
        "officers": sorted(officer(o) for o in document.officers()),
        "expectations": [(e.serial, e.text) for e in document.expectations],
        "tiers": [
            (t.level, t.when_to_contact, t.contact_title, officer(t.contact_officer), t.contact_text, t.resolution_days)
            for t in document.tiers
        ],
    }


def refused_by_import_charter(path, message, office="joypurhat"):
    """``import_charter`` refuses the file with ``message`` and writes nothing; returns the refusal."""
    before = database_state()
    with pytest.raises(CommandError, match=message) as refused:
        call_command("import_charter", str(path), "--office", office, "--replace", stdout=StringIO())
    assert database_state() == before
    return refused.value


def database_state():
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in (Charter, Officer, Service, Expectation, GrievanceTier)
    }

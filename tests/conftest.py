from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_OFFICES = ["kachua.chandpur", "joypurhat", "magurasadar.magura", "natoresadar.natore", "rangpursadar.rangpur"]


def demo_fixture_paths():
    return [FIXTURES / "geography.json", FIXTURES / "offices.json",
            *sorted((FIXTURES / "charters").glob("*.json"))]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo data: the national tree and the five seed charters."""
    with django_db_blocker.unblock():
        call_command("loaddata", *demo_fixture_paths(), verbosity=0)


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip()

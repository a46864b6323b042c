import pytest
from django.core.management import call_command

from tests.support import demo_fixture_paths, production_portal


@pytest.fixture(scope="session", autouse=True)
def opendata_directory(tmp_path_factory):
    """The national open data files of this session, in a directory of its own (not the project's var/)."""
    from django.test import override_settings

    with override_settings(OPENDATA_DIR=str(tmp_path_factory.mktemp("opendata"))):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo data: the national tree and the five seed charters."""
    with django_db_blocker.unblock():
        call_command("loaddata", *demo_fixture_paths(), verbosity=0)


def pytest_collection_modifyitems(config, items):
    """Every test under tests/system/ is a system test: `pytest -m "not system"` leaves them out."""
    system = config.rootpath / "tests" / "system"
    for item in items:
        if system in item.path.parents:
            item.add_marker(pytest.mark.system)


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip()


@pytest.fixture(scope="session")
def portal_server(tmp_path_factory):
    """The production stack on a SQLite file with the demo data; read-only use: the session shares it."""
    with production_portal(SQLITE_PATH=str(tmp_path_factory.mktemp("production") / "portal.sqlite3")) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(autouse=True)
def bengali_by_default():
    """Every test starts in Bengali, as a management command does: a request to an /en/ page
    leaves English active in the thread that served it (LocaleMiddleware never resets it)."""
    from django.utils import translation

    with translation.override("bn"):
        yield

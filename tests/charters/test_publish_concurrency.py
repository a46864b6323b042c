"""Two of an office's staff press "publish" at the same moment: one version, not two.

On PostgreSQL both run at once and the second waits on the office's row lock, then finds the
draft already published. SQLite's test database refuses a second writer outright, so there the
threads take turns; the rule they meet is the same.
"""

import contextlib
import threading

import pytest
from django.core.management import call_command
from django.db import connection

from charters.models import CharterVersion
from charters.publishing import NothingToPublish
from offices.models import Office
from services.models import Service
from tests.support import demo_fixture_paths
from tests.support.charters import publish_now


@pytest.fixture(scope="module", autouse=True)
def demo_data_restored(django_db_blocker):
    """A transactional test empties the database after it: put the session's demo data back."""
    yield
    with django_db_blocker.unblock():
        call_command("loaddata", *demo_fixture_paths(), verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_two_publishes_at_once_make_one_version():
    office = Office.objects.get(key="joypurhat")
    service = Service.objects.filter(office=office).first()
    service.fee_bn = "২০০ টাকা"
    service.save()
    start = threading.Barrier(2)
    outcomes = [None, None]
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def press(index):
        try:
            start.wait()
            with turns:
                outcomes[index] = publish_now(office).number
        except NothingToPublish:
            outcomes[index] = "nothing"
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, outcomes)) == ["2", "nothing"]
    assert list(CharterVersion.objects.filter(office=office).values_list("number", flat=True)) == [2, 1]

"""Fifty citizens filing at the same moment: fifty grievances, fifty different tracking numbers.

On PostgreSQL the fifty requests race through the real view at once. SQLite's in-memory test
database (shared cache) locks whole tables and refuses a second writer outright rather than
waiting, so there the threads still start together but take turns through the database.
"""

import contextlib
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from grievances.models import Grievance, GrievanceEvent
from offices.models import Office
from tests.support import demo_fixture_paths

SUBMISSIONS = 50


@pytest.fixture(scope="module", autouse=True)
def demo_data_restored(django_db_blocker):
    """A transactional test empties the database after it: put the session's demo data back.

    Module-scoped, so this runs after that flush (a function-scoped fixture would run before it).
    """
    yield
    with django_db_blocker.unblock():
        call_command("loaddata", *demo_fixture_paths(), verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_give_fifty_rows_and_fifty_tracking_numbers():
    office = Office.objects.get(key="joypurhat")
    url = f"/office/{office.key}/grievance/"
    start = threading.Barrier(SUBMISSIONS)
    results = [None] * SUBMISSIONS
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def submit(index):
        # Each thread is its own client, from its own address, so the rate limit does not apply.
        client = Client(REMOTE_ADDR=f"10.0.{index // 250}.{index % 250 + 1}")
        try:
            start.wait()
            with turns:
                response = client.post(
                    url,
                    {
                        "name": f"নাগরিক {index}",
                        "mobile": f"0171100{index:04d}",
                        "description": "তিনবার গিয়েও সেবা পাইনি।",
                        "desired_outcome": "সেবা চাই",
                    },
                )
            results[index] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == [302] * SUBMISSIONS
    assert Grievance.objects.filter(office=office).count() == SUBMISSIONS
    numbers = set(Grievance.objects.values_list("tracking_number", flat=True))
    assert len(numbers) == SUBMISSIONS
    assert GrievanceEvent.objects.filter(kind="filed").count() == SUBMISSIONS


@pytest.mark.django_db(transaction=True)
def test_sixteen_simultaneous_filings_from_one_client_let_exactly_the_limit_through():
    """The finding: count, then insert, let 8 of 16 through a limit of 5. Now insert, then count,
    under a per-key lock (PostgreSQL; SQLite's one writer takes turns)."""
    from grievances import ratelimit
    from grievances.models import ClientRequest

    if not Office.objects.filter(key="joypurhat").exists():  # the test before this one emptied the database
        call_command("loaddata", *demo_fixture_paths(), verbosity=0)
    limit = ratelimit.LIMITS[ClientRequest.Action.FILE_BY_MOBILE][0]
    start = threading.Barrier(16)
    results = [None] * 16
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def submit(index):
        client = Client(REMOTE_ADDR="10.7.7.7")
        try:
            start.wait()
            with turns:
                response = client.post(
                    "/office/joypurhat/grievance/",
                    {
                        "name": "নাগরিক",
                        "mobile": "01711000000",
                        "description": "সেবা পাইনি, তিনবার গিয়েছি।",
                        "desired_outcome": "সেবা",
                    },
                )
            results[index] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [302] * limit + [429] * (16 - limit)
    assert Grievance.objects.count() == limit

"""The monthly GRS report against counts made independently from a known month's events."""

import csv
import datetime
import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from charter_portal.bangla import bengali_digits
from grievances import report
from grievances.models import Grievance, GrievanceEvent
from tests.support.grievances import escalate, file_on, make_officer, office

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def month_of_grievances():
    """Joypurhat, March 2026: what happened, written down as a clerk would count it."""
    anik = make_officer("anik", "joypurhat", 1)
    make_officer("anik-rangpur", "rangpursadar.rangpur", 1)
    carried = file_on(D(2026, 2, 10))  # before March, open on 1 March
    resolved_in_feb = file_on(D(2026, 2, 1))
    received = [file_on(D(2026, 3, day)) for day in (2, 3, 4, 5)]
    file_on(D(2026, 4, 2))  # after March: not counted
    desk = file_on(D(2026, 3, 9), channel=Grievance.Channel.DESK)

    def on(grievance, day, method, **kwargs):
        getattr(grievance, method)(**kwargs)
        GrievanceEvent.objects.filter(pk=grievance.events.last().pk).update(on=day)
        grievance.refresh_from_db()
        if grievance.status == "resolved":
            Grievance.objects.filter(pk=grievance.pk).update(resolved_on=day)

    on(resolved_in_feb, D(2026, 2, 20), "resolve", user=anik, resolution="ok")
    on(received[0], D(2026, 3, 10), "resolve", user=anik, resolution="ok")
    on(received[1], D(2026, 3, 11), "forward", user=anik, office=office("rangpursadar.rangpur"), reason="ভুল দপ্তর")
    on(carried, D(2026, 3, 12), "resolve", user=anik, resolution="ok")
    old = file_on(D(2025, 12, 1))  # its 30 working days end in January: escalated on 1 March
    escalate(D(2026, 3, 1))
    old.refresh_from_db()
    return {"desk": desk, "received": received, "old": old}


def expected_joypurhat():
    # Tier 1, March 2026, counted by hand from the fixture:
    # carried over: `carried` and `old` (filed Dec, at tier 1 until 1 Mar, which is in March) -> 2
    # received: received[0..3] and desk -> 5;  total 7
    # forwarded: received[1];  resolved: received[0], carried;  escalated: old (on 1 March)
    # running: received[2], received[3], desk -> 3;  overdue: none (all filed in March, 30 days)
    return {
        "carried_over": 2,
        "received": 5,
        "total": 7,
        "forwarded": 1,
        "resolved": 2,
        "overdue": 0,
        "running": 3,
        "resolved_share": f"{100 * 2 / 7:.1f}",
    }


def test_the_figures_match_an_independent_count(month_of_grievances):
    data = report.build(D(2026, 3, 1), today=D(2026, 4, 15))
    (row,) = [r for r in data["offices"] if r["office"].key == "joypurhat"]
    assert row["grievances"].as_row() == expected_joypurhat()
    assert row["grievances"].received_by["desk"] == 1
    assert row["grievances"].escalated == 1
    # The appeal: `old` reached tier 2 on 1 March (20 working days: running at the end of March).
    assert row["appeals"].as_row()["received"] == 1 and row["appeals"].running == 1
    # Rangpur received the forwarded one.
    (rangpur,) = [r for r in data["offices"] if r["office"].key == "rangpursadar.rangpur"]
    assert rangpur["grievances"].received == 1 and rangpur["grievances"].received_by["forwarded"] == 1
    # Rolled up: the nation is the sum of its offices.
    nation = data["nation"]["grievances"]
    assert nation.total == sum(r["grievances"].total for r in data["offices"])


def test_overdue_counts_running_grievances_past_their_deadline(month_of_grievances):
    data = report.build(D(2026, 5, 1), today=D(2026, 6, 15))  # May: the March filings are past 30 days
    (row,) = [r for r in data["offices"] if r["office"].key == "joypurhat"]
    still_open = Grievance.objects.filter(office__key="joypurhat", level=1).exclude(status="resolved")
    expected = sum(1 for g in still_open if g.deadline() < D(2026, 5, 31))
    assert row["grievances"].overdue == expected > 0


def test_the_csv_and_the_command_give_the_same_figures_with_english_columns(month_of_grievances):
    out = StringIO()
    call_command("grs_report", "--month", "2026-03", "--office", "joypurhat", "--csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == report.CSV_COLUMNS
    assert report.CSV_COLUMNS[:9] == [
        "office_key",
        "carried_over",
        "received",
        "total",
        "forwarded",
        "resolved",
        "overdue",
        "running",
        "resolved_share",
    ]
    (joypurhat,) = [r for r in rows if r["office_key"] == "joypurhat"]
    figures = {k: joypurhat[k] for k in expected_joypurhat()}
    assert figures == {k: str(v) for k, v in expected_joypurhat().items()}
    assert rows[-1]["office_key"] == "national"


def test_the_report_page_prints_and_downloads(admin_client, month_of_grievances):
    html = admin_client.get("/grievances/report/", {"month": "2026-03"}).content.decode()
    assert "মাসিক অভিযোগ প্রতিকার প্রতিবেদন" in html and "সারা দেশ" in html
    response = admin_client.get("/grievances/report/", {"month": "2026-03", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv") and b"office_key" in response.content
    for month in ("2026-13", "9999-12", "২০২৬-০৩"):  # not a month, or one not begun: a Bengali 400
        refused = admin_client.get("/grievances/report/", {"month": month})
        assert refused.status_code == 400 and "অনুরোধটি বোঝা যায়নি" in refused.content.decode()


def test_a_bad_month_is_a_clear_error():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--month “March”: তারিখটি পড়া যায়নি, কিছুই করা হয়নি। YYYY-MM আকারে"):
        call_command("grs_report", "--month", "March")
    with pytest.raises(CommandError, match="“nowhere” কী-এর কোনো দপ্তর নেই"):
        call_command("grs_report", "--month", "2026-03", "--office", "nowhere")


def test_the_command_prints_a_bengali_table_with_the_csvs_figures(month_of_grievances):
    out = StringIO()
    call_command("grs_report", "--month", "2026-03", "--office", "joypurhat", stdout=out)
    title, header, *rows = out.getvalue().splitlines()
    assert title.startswith("মাসিক অভিযোগ প্রতিকার প্রতিবেদন: মার্চ ২০২৬")
    assert header.split()[:4] == ["দপ্তর", "জের", "প্রাপ্ত", "মোট"]
    (joypurhat,) = [row.split() for row in rows if row.split()[0] == "joypurhat"]
    expected = expected_joypurhat()
    assert joypurhat[1:4] == [bengali_digits(expected[k]) for k in ("carried_over", "received", "total")]
    assert rows[-1].split()[:2] == ["সারা", "দেশ"]


def test_the_page_says_which_month_it_shows_and_offers_the_current_one(admin_client):
    file_on(timezone.localdate())  # this month has a grievance; last month has none
    html = admin_client.get(reverse("grievances:report")).content.decode()
    current = timezone.localdate().strftime("%Y-%m")
    assert "দেখানো হচ্ছে শেষ হওয়া সর্বশেষ মাস" in html and "এই মাসে কোনো অভিযোগ বা আপিল ছিল না।" in html
    assert f'href="/grievances/report/?month={current}"' in html
    html = admin_client.get(reverse("grievances:report"), {"month": current}).content.decode()
    assert "চলতি মাস: আজ পর্যন্ত যা হয়েছে।" in html and "কোনো অভিযোগ বা আপিল ছিল না" not in html

"""The national page and the quarterly report: every district by division, offices ranked only
above the minimum volume; the report on A4, as CSV and from ``manage.py charter_report``."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from register.importing import import_register
from tests.support.register import KNOWN_ROWS, register_csv, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def registers():
    # Joypurhat: 15 ended (ranked); Kachua: 1 ended (too few to rank).
    import_register(register_csv([*KNOWN_ROWS, row("2026-10-01", "delivered", "2026-10-04", office="kachua.chandpur")]))


def test_the_national_page_ranks_only_offices_above_the_minimum(client, registers):
    page = client.get("/performance/?from=2026-10-01&to=2026-10-31").content.decode()
    ranked = page[page.index('class="office-ranking"') :]
    assert "/office/joypurhat/performance/" in ranked[: ranked.index("</ol>")]
    unranked = page[page.index('class="office-unranked"') :]
    assert "/office/kachua.chandpur/performance/" in unranked[: unranked.index("</ul>")]
    assert "01711" not in page and "০১৭১১" not in page


def test_the_quarterly_report_rolls_up_to_district_division_and_nation(client, registers):
    data = client.get("/performance/report/?quarter=2026Q4&format=csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    by = {(r["level"], r["key"]): r for r in rows}
    assert by[("office", "joypurhat")]["received"] == "18" and by[("office", "joypurhat")]["on_time"] == "13"
    assert by[("district", "joypurhat")]["received"] == "18"
    assert by[("national", "")]["received"] == "19" and by[("national", "")]["ended"] == "16"
    assert by[("office", "kachua.chandpur")]["on_time_share"] == ""  # one ended: too few to say
    assert "mobile" not in data and "01711" not in data
    html = client.get("/performance/report/?quarter=2026Q4").content.decode()
    assert "সিটিজেন চার্টার বাস্তবায়নের ত্রৈমাসিক প্রতিবেদন" in html


def test_the_report_command(registers, capsys):
    call_command("charter_report", "--quarter", "2026Q4", "--office", "joypurhat", "--csv")
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [r["key"] for r in rows] == ["joypurhat"] and rows[0]["ended"] == "15"
    call_command("charter_report", "--quarter", "2026Q4")
    table = capsys.readouterr().out
    assert "দেশ    বাংলাদেশ" in table  # the national row
    (joypurhat,) = [line for line in table.splitlines() if line.split()[:2] == ["দপ্তর", "joypurhat"]]
    assert "নিষ্পত্তি     ১৫" in joypurhat
    with pytest.raises(CommandError, match="“nowhere” কী-এর কোনো দপ্তর নেই"):
        call_command("charter_report", "--quarter", "2026Q4", "--office", "nowhere")

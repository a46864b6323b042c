"""HQ's grievance dashboard: counts, overdue grievances, time to resolution, a chart per district."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from grievances.models import Grievance
from tests.support.grievances import PASSWORD, file_on

pytestmark = pytest.mark.django_db

URL = "/grievances/dashboard/"
D = datetime.date


def resolved(key, filed, resolved_on):
    grievance = file_on(filed, key=key)
    Grievance.objects.filter(pk=grievance.pk).update(status="resolved", resolved_on=resolved_on)
    return grievance


@pytest.fixture
def grievances():
    today = timezone.localdate()
    return {
        "overdue": file_on(today - datetime.timedelta(days=120)),  # Joypurhat, tier 1
        "open": file_on(today, key="rangpursadar.rangpur"),
        "upazila": file_on(today, key="akkelpur.joypurhat"),
        # 5, 10 and 30 working days to resolution: the median is 10.
        "fast": resolved("joypurhat", D(2026, 1, 4), D(2026, 1, 11)),
        "middle": resolved("joypurhat", D(2026, 1, 4), D(2026, 1, 18)),
        "slow": resolved("rangpursadar.rangpur", D(2026, 1, 4), D(2026, 2, 16)),
    }


def test_only_staff_see_the_dashboard(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(User.objects.create_user("citizen", password=PASSWORD))
    assert client.get(URL).status_code == 302


def test_counts_by_office_tier_and_status(admin_client, grievances):
    response = admin_client.get(URL)
    assert response.status_code == 200
    rows = {(row["office"].key, row["level"]): row for row in response.context["table"]}
    joypurhat = rows[("joypurhat", 1)]
    assert dict(joypurhat["counts"]) == {
        "গৃহীত, ব্যবস্থা গ্রহণের অপেক্ষায়": 1,
        "ব্যবস্থা গ্রহণ চলছে": 0,
        "নিষ্পত্তি হয়েছে": 2,
    }
    assert (joypurhat["total"], joypurhat["overdue"]) == (3, 1)
    assert rows[("rangpursadar.rangpur", 1)]["total"] == 2
    assert response.context["total"] == 6
    html = response.content.decode()
    assert '<td data-label="নিষ্পত্তি হয়েছে" class="number">২</td>' in html


def test_overdue_grievances_are_listed(admin_client, grievances):
    response = admin_client.get(URL)
    assert [g.pk for g in response.context["overdue"]] == [grievances["overdue"].pk]
    section = response.content.decode().split('id="overdue"')[1].split("</table>")[0]
    assert grievances["overdue"].tracking_number in section
    assert grievances["open"].tracking_number not in section


def test_median_working_days_to_resolution(admin_client, grievances):
    response = admin_client.get(URL)
    assert response.context["median_days"] == 10
    assert "১০ কার্যদিবস" in response.content.decode().split('id="median-days"')[1][:80]


def test_an_svg_bar_chart_per_district_without_javascript(admin_client, grievances):
    html = admin_client.get(URL).content.decode()
    assert "<script" not in html
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert "<title" in svg
    bars = re.findall(r'<g class="bar">\s*<title>([^<]+)</title>', svg)
    # Joypurhat's district office and its Akkelpur upazila office count together: 4 grievances.
    joypurhat, rangpur = bars
    assert joypurhat.endswith("মোট ৪টি অভিযোগ") and rangpur.endswith("মোট ২টি অভিযোগ")
    assert 'class="series-overdue"' in svg and 'class="series-resolved"' in svg and 'class="series-open"' in svg


def test_the_dashboard_is_empty_but_fine_without_grievances(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200 and response.context["median_days"] is None
    assert "এখনো কোনো অভিযোগ নেই" in response.content.decode()


def test_names_from_the_database_are_escaped_in_the_chart(admin_client, grievances):
    from offices.models import District

    District.objects.filter(key="rangpur").update(name_bn="<b>রংপুর</b>")
    html = admin_client.get(URL).content.decode()
    assert "<b>রংপুর" not in html and "&lt;b&gt;রংপুর" in html

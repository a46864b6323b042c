"""Desk intake: a grievance received on paper, by phone or the hotline is entered by the desk of
tier 1 (or HQ) with its channel and the day it came, joins the same chain (tracking number,
deadline from that day, the citizen's SMS) and fills the monthly report's offline column."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from charter_portal.bangla import bengali_digits
from grievances import report
from grievances.models import Grievance, Notification
from offices.models import Office
from tests.support.grievances import make_officer

pytestmark = pytest.mark.django_db

INTAKE = "/admin/grievances/grievance/intake/"


def intake_data(**overrides):
    received = timezone.localdate() - datetime.timedelta(days=3)
    return {
        "office": Office.objects.get(key="joypurhat").pk,
        "channel": "paper",
        "received_on": bengali_digits(f"{received:%d/%m/%Y}"),
        "service_name": "প্রশিক্ষণ",
        "name": "মোঃ আবুল কালাম",
        "mobile": "০১৭১১-২২২৩৩৩",
        "description": "তিনবার গিয়েও প্রশিক্ষণের সনদ পাইনি।",
        "desired_outcome": "সনদ চাই।",
        **overrides,
    }


def test_the_desk_enters_a_paper_grievance_into_the_chain(client):
    client.force_login(make_officer("anik-joypurhat", "joypurhat", 1))
    response = client.post(INTAKE, intake_data())
    assert response.status_code == 302
    grievance = Grievance.objects.get()
    received = timezone.localdate() - datetime.timedelta(days=3)
    assert (grievance.channel, grievance.tier_since, grievance.level) == ("paper", received, 1)
    assert grievance.tracking_number and grievance.mobile == "01711222333"
    assert Notification.objects.filter(grievance=grievance, channel="sms").exists()
    monthly = report.build(received.replace(day=1))
    office_row = next(row for row in monthly["offices"] if row["office"].key == "joypurhat")
    assert office_row["grievances"].offline == 1


def test_only_the_desk_of_the_office_or_hq_may_enter_one(client):
    client.force_login(make_officer("anik-kachua", "kachua.chandpur", 1))
    refused = client.post(INTAKE, intake_data())
    assert refused.status_code == 200 and Grievance.objects.count() == 0  # joypurhat is no choice of theirs
    client.force_login(User.objects.create_user("clerk", password="x", is_staff=True))
    assert client.get(INTAKE).status_code == 403


def test_a_future_date_is_refused(client):
    client.force_login(make_officer("anik-joypurhat", "joypurhat", 1))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = client.post(INTAKE, intake_data(received_on=f"{tomorrow:%d/%m/%Y}")).content.decode()
    assert "আজকের পরে" in page and Grievance.objects.count() == 0

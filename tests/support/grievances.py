"""Helpers the grievance tests share (no tests here; the name keeps it beside them)."""

import datetime
from io import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import translation
from django.utils.formats import date_format

from charter_portal.bangla import bengali_digits
from grievances.models import Grievance, GrievanceDesk, Level, PublishedTier
from offices.models import Office, Officer

PASSWORD = "pw-for-tests-only"


def office(key):
    return Office.objects.get(key=key)


def citizen_form(**overrides):
    """What a citizen types into the filing form."""
    return {
        "name": "রহিমা খাতুন",
        "mobile": "01711-000000",
        "email": "",
        "service": "",
        "description": "তিনবার দপ্তরে গিয়েও প্রশিক্ষণের তথ্য পাইনি।",
        "desired_outcome": "প্রশিক্ষণের তারিখ জানতে চাই।",
        "website": "",
        **overrides,
    }


def file_over_http(client, key="joypurhat", **overrides):
    """File a grievance through the public form; returns the new Grievance."""
    before = set(Grievance.objects.values_list("pk", flat=True))
    response = client.post(f"/office/{key}/grievance/", citizen_form(**overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    (pk,) = set(Grievance.objects.values_list("pk", flat=True)) - before
    return Grievance.objects.get(pk=pk)


def look_up(client, grievance):
    """Look a grievance up as its filer does (the number and the mobile), so the status page shows it."""
    response = client.post("/grievance/", {"tracking_number": grievance.tracking_number, "mobile": grievance.mobile})
    assert response.status_code == 302 and response["Location"] == "/grievance/status/"


def file_on(day, key="joypurhat", **fields):
    """A grievance that reached tier 1 on ``day`` (filed directly, for date arithmetic)."""
    defaults = {
        "name": "রহিমা খাতুন",
        "mobile": "01711000000",
        "description": "সেবা পাইনি।",
        "desired_outcome": "সেবা চাই।",
        "tier_since": day,
        "filed_at": datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC),
    }
    return Grievance.file(office=office(key), **{**defaults, **fields})


def post_for(key, level):
    """The officer's post the charter in force of office ``key`` has hold ``level``; where it names
    none (it prints no GRS table, or only an address in words), HQ assigns one, as the demo does.
    Tier 2 of every office is HQ's appeal officer post (one post for many offices)."""
    level = Level(level)
    if level.is_national:
        return None
    tier = PublishedTier.objects.get(office=office(key), level=level)
    if tier.holder_id:
        return tier.holder
    if level == Level.APPEAL_OFFICER:
        post, _ = Officer.objects.get_or_create(office=office("hq"), designation="উপ-পরিচালক (প্রশাসন)")
    else:
        post = Officer.objects.create(office=office(key), designation=str(level.label))
    tier.assign(post)
    return post


def make_officer(username, key, level, *, active=True, email=None):
    """A staff account at the post the charter of office ``key`` names for tier ``level`` (tier 3:
    the national cell, whatever ``key``)."""
    user = User.objects.create_user(
        username,
        email=email if email is not None else f"{username}@example.gov.bd",
        password=PASSWORD,
        is_staff=True,
        is_active=active,
    )
    if Level(level).is_national:
        GrievanceDesk.objects.create(user=user, national_cell=True)
    else:
        GrievanceDesk.objects.create(user=user, officer=post_for(key, level))
    return user


def escalate(as_of):
    out = StringIO()
    call_command("escalate_grievances", "--as-of", as_of.isoformat(), stdout=out)
    return out.getvalue()


def bengali_date(day):
    """A date as the pages show it: ৬ জানুয়ারি ২০২৭."""
    with translation.override("bn"):
        return bengali_digits(date_format(day, "j F Y"))


def deliver(now=None):
    """Run the outbox worker once, as ``send_notifications`` does: e-mail lands in Django's test
    outbox, SMS in ``grievances.sms.LocmemBackend.outbox`` (the tests' SMS backend)."""
    from django.test import override_settings

    from grievances.sending import send_due

    with override_settings(SMS_BACKEND="grievances.sms.LocmemBackend"):
        return send_due(now=now)

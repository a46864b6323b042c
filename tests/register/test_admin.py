"""The register in the admin: staff record a request at the counter in one short form (Bengali
digits accepted) and get a fresh form back; they see and enter only their own office's register;
an upload with one bad row writes nothing and names the row; the citizen hears by SMS."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from charter_portal.bangla import bengali_digits
from charters.apps import OFFICE_STAFF_GROUP
from grievances.models import Notification
from offices.models import Office, OfficeStaff
from register.models import ServiceRequest
from tests.support.register import KNOWN_ROWS, register_csv, row

pytestmark = pytest.mark.django_db

ADD = "/admin/register/servicerequest/add/"
UPLOAD = "/admin/register/servicerequest/upload/"


def make_staff(username, key):
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    OfficeStaff.objects.create(user=user, office=Office.objects.get(key=key))
    return user


@pytest.fixture
def staff(client):
    client.force_login(make_staff("joypurhat-counter", "joypurhat"))
    return client


def service_value(key, category, serial):
    return f"{Office.objects.get(key=key).pk}-{category}-{serial}"


def test_a_request_entered_at_the_counter_gets_its_promise_and_a_receipt(staff):
    today = timezone.localdate()
    form = staff.get(ADD).content.decode()
    assert 'name="service"' in form and 'name="outcome"' not in form  # the short form
    response = staff.post(
        ADD,
        {
            "service": service_value("joypurhat", 2, 1),
            "received_on": bengali_digits(f"{today:%d/%m/%Y}"),
            "channel": "counter",
            "mobile": "০১৭১১-০০০০০০",
        },
    )
    assert response.status_code == 302 and response["Location"] == ADD  # a fresh form for the next citizen
    saved = ServiceRequest.objects.get()
    assert (saved.office.key, saved.category, saved.serial) == ("joypurhat", 2, 1)
    assert (saved.promise_kind, saved.promise_days, saved.mobile) == ("working_days", 5, "01711000000")
    receipt = Notification.objects.get(kind=Notification.Kind.RECEIPT)
    assert receipt.recipient == "01711000000" and "সেবা পাবেন" in receipt.body

    # Ended on its own page: the citizen gets one feedback link.
    change = f"/admin/register/servicerequest/{saved.pk}/change/"
    data = {
        "service": service_value("joypurhat", 2, 1),
        "received_on": f"{today:%Y-%m-%d}",
        "channel": "counter",
        "mobile": "01711000000",
        "outcome": "refused",
        "ended_on": f"{today:%Y-%m-%d}",
        "refusal_reason": "",
    }
    refused = staff.post(change, data)
    assert refused.status_code == 200 and "কারণ লিখুন" in refused.content.decode()
    assert staff.post(change, {**data, "refusal_reason": "কাগজপত্র অসম্পূর্ণ"}).status_code == 302
    feedback = Notification.objects.get(kind=Notification.Kind.FEEDBACK)
    assert saved.feedback_token in feedback.body


def test_staff_cannot_enter_or_see_another_offices_register(staff):
    other = ServiceRequest.objects.create(
        office=Office.objects.get(key="kachua.chandpur"),
        category=2,
        serial=1,
        service_name="অন্য দপ্তরের সেবা",
        received_on=datetime.date(2026, 10, 1),
        promise_kind="working_days",
        promise_days=2,
    )
    forged = staff.post(
        ADD,
        {"service": service_value("kachua.chandpur", 2, 1), "received_on": "2026-10-01", "channel": "counter"},
    )
    assert forged.status_code == 200 and ServiceRequest.objects.count() == 1
    assert "অন্য দপ্তরের সেবা" not in staff.get("/admin/register/servicerequest/").content.decode()
    assert staff.get(f"/admin/register/servicerequest/{other.pk}/change/").status_code in (302, 403, 404)
    upload = staff.post(
        UPLOAD, {"register_file": _file(register_csv([row("2026-10-01", office="kachua.chandpur", serial="1")]))}
    )
    assert "অন্য দপ্তরের" in upload.content.decode() and ServiceRequest.objects.count() == 1


def _file(data, name="register.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_an_upload_with_one_bad_row_writes_nothing_and_names_the_row(staff):
    rows = [*KNOWN_ROWS[:5], row("2026-10-01", "delivered", "2026-09-30"), *KNOWN_ROWS[5:8]]
    page = staff.post(UPLOAD, {"register_file": _file(register_csv(rows))}).content.decode()
    assert "সারি ৭" in page  # the header is line 1: the sixth row is line 7
    assert "কিছুই লেখা হয়নি" in page and ServiceRequest.objects.count() == 0
    good = staff.post(UPLOAD, {"register_file": _file(register_csv(KNOWN_ROWS))}).content.decode()
    assert f"{bengali_digits(len(KNOWN_ROWS))}টি আবেদন" in good
    assert ServiceRequest.objects.filter(office__key="joypurhat").count() == len(KNOWN_ROWS)


def test_the_desk_home_shows_what_is_due_today_and_overdue(staff):
    today = timezone.localdate()
    ServiceRequest.objects.create(
        office=Office.objects.get(key="joypurhat"),
        category=1,
        serial=1,
        service_name="আজকের আবেদন",
        received_on=today,
        promise_kind="same_day",
    )
    ServiceRequest.objects.create(
        office=Office.objects.get(key="joypurhat"),
        category=1,
        serial=1,
        service_name="পুরোনো আবেদন",
        received_on=today - datetime.timedelta(days=3),
        promise_kind="same_day",
    )
    home = staff.get("/admin/").content.decode()
    assert "আজ সময়সীমা শেষ" in home and "সময় পেরিয়ে গেছে" in home
    overdue = staff.get("/admin/register/servicerequest/?deadline=overdue").content.decode()
    assert "পুরোনো আবেদন" in overdue and "আজকের আবেদন" not in overdue
    due_today = staff.get("/admin/register/servicerequest/?deadline=today").content.decode()
    assert "আজকের আবেদন" in due_today and "পুরোনো আবেদন" not in due_today


def test_the_retention_setting_deletes_old_mobiles_and_keeps_the_counts(settings):
    from io import StringIO

    from django.core.management import call_command

    from register.importing import import_register

    settings.REGISTER_MOBILE_RETENTION_DAYS = 30
    old = row("2026-10-01", "delivered", "2026-10-04", category="citizen", mobile="01711000000")
    recent = row(f"{timezone.localdate():%Y-%m-%d}", category="citizen", mobile="01811000000")
    import_register(register_csv([old, recent]))
    out = StringIO()
    call_command("forget_register_mobiles", stdout=out)
    assert "১টি মোবাইল নম্বর মুছে ফেলা হয়েছে" in out.getvalue()
    assert sorted(ServiceRequest.objects.values_list("mobile", flat=True)) == ["", "01811000000"]
    assert ServiceRequest.objects.count() == 2

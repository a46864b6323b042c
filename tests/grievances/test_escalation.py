"""escalate_grievances: a grievance whose tier lets its deadline pass climbs to the next tier by itself."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from grievances.models import GrievanceEvent, GrievanceTier, Holiday
from tests.support.charters import publish_now
from tests.support.grievances import bengali_date, deliver, escalate, file_on, make_officer, office

pytestmark = pytest.mark.django_db

D = datetime.date
FILED = D(2026, 1, 4)  # a Sunday: day zero at tier 1 (Joypurhat: 30 working days)
TIER_1_DEADLINE = D(2026, 2, 16)  # Mid-Sha'ban (4 Feb) is a holiday
TIER_2_START = D(2026, 2, 17)
TIER_2_DEADLINE = D(2026, 3, 18)  # 20 working days; Laylat al-Qadr (17 Mar) is a holiday
TIER_3_START = D(2026, 3, 19)
TIER_3_DEADLINE = D(2026, 6, 18)  # 60 working days across Eid al-Fitr, Independence Day, Eid al-Adha…


def snapshot(grievance):
    grievance.refresh_from_db()
    return model_to_dict(grievance), list(grievance.events.values_list("pk", flat=True))


def test_a_grievance_climbs_all_three_tiers_as_their_deadlines_pass():
    grievance = file_on(FILED)
    assert grievance.deadline() == TIER_1_DEADLINE

    # On the deadline day itself it is not yet overdue.
    assert "০টি অভিযোগ পরের স্তরে গেছে" in escalate(TIER_1_DEADLINE)
    grievance.refresh_from_db()
    assert grievance.level == 1

    output = escalate(TIER_2_START)
    assert f"{grievance.tracking_number} joypurhat: ১ম স্তর থেকে ২য় স্তরে গেছে" in output
    assert f"সময়সীমা {bengali_date(TIER_1_DEADLINE)} পার হয়েছে" in output and "১টি অভিযোগ পরের স্তরে গেছে" in output
    grievance.refresh_from_db()
    assert (grievance.level, grievance.status, grievance.tier_since) == (2, "received", TIER_2_START)
    assert grievance.deadline() == TIER_2_DEADLINE

    assert "০টি অভিযোগ পরের স্তরে গেছে" in escalate(TIER_2_DEADLINE)
    output = escalate(TIER_3_START)
    assert "২য় স্তর থেকে ৩য় স্তরে গেছে" in output
    grievance.refresh_from_db()
    assert (grievance.level, grievance.tier_since) == (3, TIER_3_START)
    assert grievance.deadline() == TIER_3_DEADLINE

    # The national cell is the last tier: past its deadline the grievance stays there, reported as overdue.
    output = escalate(TIER_3_DEADLINE + datetime.timedelta(days=1))
    assert "শেষ স্তরেও সময়সীমা" in output and "০টি অভিযোগ পরের স্তরে গেছে, ১টি শেষ স্তরেও সময় পার করেছে" in output
    grievance.refresh_from_db()
    assert grievance.level == 3

    filed, first, second = grievance.events.order_by("recorded_at", "pk")
    assert filed.kind == "filed"
    for event, (from_level, to_level, on, deadline) in zip(
        (first, second),
        [(1, 2, TIER_2_START, datetime.date(2026, 2, 16)), (2, 3, TIER_3_START, datetime.date(2026, 3, 18))],
        strict=False,
    ):
        assert (event.kind, event.role, event.user) == ("escalated", "system", None)
        assert (event.from_level, event.to_level, event.on) == (from_level, to_level, on)
        assert bengali_date(deadline) in event.note  # why: the deadline that passed, as the admin writes dates


def test_running_escalation_twice_changes_nothing_the_second_time():
    grievance = file_on(FILED)
    other = file_on(TIER_2_START, key="rangpursadar.rangpur")
    escalate(TIER_2_START)
    before = snapshot(grievance), snapshot(other)
    events = GrievanceEvent.objects.count()
    output = escalate(TIER_2_START)
    assert f"{bengali_date(TIER_2_START)} পর্যন্ত: ০টি অভিযোগ পরের স্তরে গেছে" in output
    assert (snapshot(grievance), snapshot(other)) == before
    assert GrievanceEvent.objects.count() == events


def test_resolved_grievances_stay_where_they_are_and_grievances_in_progress_move():
    officer = make_officer("anik", "joypurhat", 1)
    resolved = file_on(FILED)
    resolved.resolve(user=officer, resolution="সমাধান হয়েছে।")
    in_progress = file_on(FILED)
    in_progress.record_action(user=officer, note="কাজ চলছে")
    escalate(TIER_2_START)
    resolved.refresh_from_db()
    in_progress.refresh_from_db()
    assert (resolved.level, resolved.status) == (1, "resolved")
    assert (in_progress.level, in_progress.status) == (2, "received")


def test_a_holiday_hq_adds_later_moves_the_escalation_day():
    grievance = file_on(FILED)
    Holiday.objects.create(date=D(2026, 2, 10), name="সরকার ঘোষিত সাধারণ ছুটি")
    escalate(TIER_2_START)  # the deadline is now 17 February, so not yet
    grievance.refresh_from_db()
    assert grievance.level == 1
    escalate(D(2026, 2, 18))
    grievance.refresh_from_db()
    assert (grievance.level, grievance.tier_since) == (2, D(2026, 2, 18))


def test_days_changed_after_filing_leave_the_deadline_as_it_was_and_apply_to_later_grievances():
    grievance = file_on(FILED)
    GrievanceTier.objects.filter(office__key="joypurhat", level=1).update(resolution_days=10)  # HQ, in the draft
    assert file_on(FILED).deadline() == TIER_1_DEADLINE  # a draft promises nothing until it is published
    publish_now(office("joypurhat"))
    grievance.refresh_from_db()
    assert grievance.deadline() == TIER_1_DEADLINE  # the 30 days it had when it got there
    later = file_on(FILED)
    assert later.deadline() == D(2026, 1, 18)  # 10 working days from Sunday 4 January
    escalate(D(2026, 1, 19))
    grievance.refresh_from_db()
    later.refresh_from_db()
    assert (grievance.level, later.level) == (1, 2)


def test_no_tier_may_promise_more_than_the_national_standard():
    """The finding: Joypurhat's staff set 32767 days, its overdue grievance's deadline moved to 2155."""
    tier = GrievanceTier.objects.get(office__key="joypurhat", level=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        GrievanceTier.objects.filter(pk=tier.pk).update(resolution_days=32767)
    tier.resolution_days = 31
    with pytest.raises(ValidationError):
        tier.full_clean()
    overdue = file_on(FILED)
    assert "১টি অভিযোগ পরের স্তরে গেছে" in escalate(TIER_2_START)
    overdue.refresh_from_db()
    assert overdue.level == 2


def test_an_office_without_a_grs_table_escalates_on_the_national_standard_days():
    grievance = file_on(FILED, key="kachua.chandpur")
    assert not GrievanceTier.objects.filter(office__key="kachua.chandpur").exists()
    assert grievance.deadline() == TIER_1_DEADLINE  # 30 working days, as for Joypurhat
    escalate(TIER_2_START)
    grievance.refresh_from_db()
    assert grievance.level == 2 and grievance.deadline() == TIER_2_DEADLINE  # 20 working days


def test_the_next_holder_and_the_citizen_are_told(django_capture_on_commit_callbacks):
    make_officer("anik", "joypurhat", 1, email="anik@example.gov.bd")
    make_officer("appeal", "joypurhat", 2, email="appeal@example.gov.bd")
    make_officer("appeal-gone", "joypurhat", 2, active=False, email="gone@example.gov.bd")
    make_officer("rangpur-anik", "rangpursadar.rangpur", 1, email="rangpur@example.gov.bd")
    make_officer("cell", None, 3, email="cell@example.gov.bd")
    grievance = file_on(FILED, email="rahima@example.com")
    deliver()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        escalate(TIER_2_START)
    deliver()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["appeal@example.gov.bd", "rahima@example.com"]
    to_appeal = next(m for m in mail.outbox if m.to == ["appeal@example.gov.bd"])
    assert grievance.tracking_number in to_appeal.subject
    assert f"/admin/grievances/grievance/{grievance.pk}/change/" in to_appeal.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        escalate(TIER_3_START)
    deliver()
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "cell@example.gov.bd",
        "rahima@example.com",
    ]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        escalate(TIER_3_START)
    deliver()
    assert mail.outbox == []  # nothing changed, nobody is told again


def test_as_of_must_be_a_date():
    with pytest.raises(CommandError, match="--as-of “16/12/2026”: তারিখটি পড়া যায়নি, কিছুই করা হয়নি। YYYY-MM-DD"):
        call_command("escalate_grievances", "--as-of", "16/12/2026")


def test_without_as_of_the_command_judges_on_today():
    today = timezone.localdate()
    long_ago = file_on(today - datetime.timedelta(days=120))  # 30 working days are long past
    just_filed = file_on(today)
    call_command("escalate_grievances", stdout=StringIO())
    long_ago.refresh_from_db()
    just_filed.refresh_from_db()
    assert (long_ago.level, long_ago.tier_since) == (2, today)
    assert just_filed.level == 1

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from grievances import ratelimit
from grievances.models import Grievance
from grievances.workdays import WorkingCalendar


def iso_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--as-of wants a date as YYYY-MM-DD, not {text!r}") from exc


class Command(BaseCommand):
    help = (
        "Move every unresolved grievance whose tier deadline has passed to the next tier, record why "
        "and notify its new holder. Safe to run again: a second run on the same day changes nothing. "
        "Cron runs it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of",
            type=iso_date,
            default=None,
            metavar="YYYY-MM-DD",
            help="the day to judge deadlines on (default: today in Asia/Dhaka); "
            "a grievance is overdue when this day is after its deadline",
        )

    def handle(self, as_of=None, **options):
        as_of = as_of or timezone.localdate()
        calendar = WorkingCalendar()
        escalated = []
        still_overdue = []
        for grievance in Grievance.objects.overdue(as_of, calendar):
            event = grievance.escalate_if_overdue(as_of, calendar)
            if event is None:
                if grievance.is_at_last_tier:
                    still_overdue.append(grievance)
                continue
            escalated.append(grievance)
            self.stdout.write(
                f"{grievance.tracking_number} {grievance.office.key}: tier {event.from_level} -> {event.to_level} "
                f"(deadline {event.deadline:%Y-%m-%d} passed; new tier counts from {grievance.tier_since:%Y-%m-%d})"
            )
        for grievance in still_overdue:
            self.stdout.write(
                f"{grievance.tracking_number} {grievance.office.key}: overdue at the last tier "
                f"(deadline {grievance.due:%Y-%m-%d}); nothing to escalate to"
            )
        self.stdout.write(
            f"As of {as_of:%Y-%m-%d}: {len(escalated)} escalated, {len(still_overdue)} overdue at the last tier."
        )
        pruned = ratelimit.prune()
        if pruned:
            self.stdout.write(f"Removed {pruned} rate-limit records older than a day.")

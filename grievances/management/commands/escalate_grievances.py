from django.core.management.base import BaseCommand
from django.utils import timezone

from charter_portal.arguments import date_argument
from charter_portal.bangla import bengali_date, bengali_digits
from grievances import ratelimit
from grievances.models import Grievance, Level
from grievances.workdays import WorkingCalendar


class Command(BaseCommand):
    help = (
        "Move every unresolved grievance whose tier deadline has passed to the next tier, record why "
        "and notify its new holder. Safe to run again: a second run on the same day changes nothing. "
        "Cron runs it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of",
            type=date_argument("--as-of"),
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
            # The tracking number and the office key as they are: what HQ searches for.
            self.stdout.write(
                f"{grievance.tracking_number} {grievance.office.key}: {Level(event.from_level).ordinal} স্তর থেকে "
                f"{Level(event.to_level).ordinal} স্তরে গেছে (সময়সীমা {bengali_date(event.deadline)} পার হয়েছে; "
                f"নতুন স্তরের সময় গোনা হচ্ছে {bengali_date(grievance.tier_since)} থেকে)"
            )
        for grievance in still_overdue:
            self.stdout.write(
                f"{grievance.tracking_number} {grievance.office.key}: শেষ স্তরেও সময়সীমা "
                f"({bengali_date(grievance.due)}) পার হয়েছে; এর পরে আর কোনো স্তর নেই"
            )
        n = bengali_digits
        self.stdout.write(
            f"{bengali_date(as_of)} পর্যন্ত: {n(len(escalated))}টি অভিযোগ পরের স্তরে গেছে, "
            f"{n(len(still_overdue))}টি শেষ স্তরেও সময় পার করেছে।"
        )
        pruned = ratelimit.prune()
        if pruned:
            self.stdout.write(f"এক দিনের বেশি পুরোনো {n(pruned)}টি অনুরোধ-সীমার রেকর্ড মুছে ফেলা হয়েছে।")

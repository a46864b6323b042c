import time

from django.core.management.base import BaseCommand

from charter_portal.bangla import bengali_digits as n
from grievances.models import Notification
from grievances.sending import send_due


class Command(BaseCommand):
    help = (
        "Send the grievance outbox (SMS and e-mail) after the changes that wrote it were committed: "
        "each send has a timeout, a failure is retried with a growing wait and given up after a few "
        "attempts (HQ's dashboard lists those). Once by default; --loop keeps running (a service)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep sending, every --interval seconds")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds with --loop")
        parser.add_argument("--limit", type=int, default=100, help="at most this many notices a round")

    def handle(self, loop=False, interval=5.0, limit=100, **options):
        while True:
            sent, failed, given_up = send_due(limit=limit)
            if sent or failed or given_up or not loop:
                pending = Notification.objects.pending().count()
                self.stdout.write(
                    f"পাঠানো হয়েছে {n(sent)}টি; ব্যর্থ {n(failed)}টি, পরে আবার চেষ্টা হবে; বারবার ব্যর্থ হওয়ায় বাদ "
                    f"{n(given_up)}টি (অভিযোগ ড্যাশবোর্ডে তালিকা আছে); অপেক্ষায় {n(pending)}টি"
                )
            if not loop:
                return
            if not sent:
                time.sleep(interval)

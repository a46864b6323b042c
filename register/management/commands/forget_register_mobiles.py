import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from charter_portal.bangla import bengali_date, bengali_digits
from pagecache.versions import new_version
from register.models import ServiceRequest


class Command(BaseCommand):
    help = (
        "Delete citizens' mobile numbers from register requests received more than "
        "REGISTER_MOBILE_RETENTION_DAYS ago. The requests and every count stay. Run it daily."
    )

    def handle(self, *args, **options):
        cutoff = timezone.localdate() - datetime.timedelta(days=settings.REGISTER_MOBILE_RETENTION_DAYS)
        forgotten = ServiceRequest.objects.filter(received_on__lt=cutoff).exclude(mobile="").update(mobile="")
        if forgotten:
            new_version()
        self.stdout.write(
            f"{bengali_date(cutoff)}-এর আগে গৃহীত আবেদনের {bengali_digits(forgotten)}টি মোবাইল নম্বর মুছে ফেলা হয়েছে; "
            "আবেদন ও হিসাব যেমন ছিল তেমনই আছে।"
        )

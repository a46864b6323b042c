from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from charter_portal.bangla import bengali_digits


class Command(BaseCommand):
    help = (
        "Write the Bengali 'try again shortly' page (templates/503.html) as a static file, "
        "STATIC_ROOT/errors/503.html, which nginx sends while both app servers are down. "
        "Run after collectstatic (it names the fingerprinted stylesheet and font)."
    )

    def handle(self, **options):
        target = Path(settings.STATIC_ROOT) / "errors" / "503.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        # A request for the directory: the header's links are the same on every page.
        request = RequestFactory().get("/")
        with translation.override(settings.LANGUAGE_CODE):
            html = render_to_string("503.html", request=request)
        target.write_text(html, encoding="utf-8")
        self.stdout.write(f"লেখা হয়েছে: {target} ({bengali_digits(len(html.encode()))} বাইট)")

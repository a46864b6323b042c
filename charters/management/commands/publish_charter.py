from django.core.management.base import BaseCommand, CommandError

from charters.management.publishing import add_publication_arguments, publish_draft
from offices.models import Office


class Command(BaseCommand):
    help = (
        "Publish an office's draft charter as its next version: the public page, its JSON, search and the CSV "
        "show it from now on. A draft that has not changed since the version in force publishes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("key", help="the office's key, e.g. joypurhat or kachua.chandpur")
        add_publication_arguments(parser, flag=False)

    def handle(self, key, **options):
        office = Office.objects.filter(key=key).first()
        if office is None:
            raise CommandError(f"No office with the key {key!r}.")
        publish_draft(self, office, options)

from django.core.management.base import BaseCommand

from charters.management.publishing import add_publication_arguments, publish_draft
from offices.management.lookup import office_by_key


class Command(BaseCommand):
    help = (
        "Publish an office's draft charter as its next version: the public page, its JSON, search and the CSV "
        "show it from now on. A draft that has not changed since the version in force publishes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("key", help="the office's key, e.g. joypurhat or kachua.chandpur")
        add_publication_arguments(parser, flag=False)

    def handle(self, key, **options):
        publish_draft(self, office_by_key(key), options)

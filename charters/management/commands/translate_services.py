from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from charter_portal.bangla import search_key
from charters.models import touch_charter
from charters.publishing import translate_published
from pagecache.versions import new_version
from services.models import Service


def read_glossary(path):
    """{search_key(Bengali name): English name} from a TAB-separated file; '#' starts a comment."""
    try:
        lines = Path(path).read_text("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from None
    glossary = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise CommandError(f"{Path(path).name}, line {number}: expected 'Bengali name<TAB>English name'")
        key, english = search_key(parts[0]), parts[1].strip()
        if glossary.get(key, english) != english:
            raise CommandError(f"{Path(path).name}, line {number}: this name already has another English name")
        glossary[key] = english
    return glossary


class Command(BaseCommand):
    help = (
        "Give services their English names from a glossary (Bengali name, TAB, English name): every "
        "service in the country whose Bengali name matches, however its letters and spaces are written. "
        "The standard charters repeat the same services, so one line names hundreds of rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("glossary", help="e.g. fixtures/translations/service-names.en.tsv")

    @transaction.atomic
    def handle(self, glossary, **options):
        names = read_glossary(glossary)
        matched, used = defaultdict(list), set()
        for service in Service.objects.only("pk", "name_bn", "name_en", "office_id").iterator():
            english = names.get(search_key(service.name_bn))
            if english and english != service.name_en:
                matched[english].append(service)
            if english:
                used.add(search_key(service.name_bn))
        changed = []
        for english, services in matched.items():
            for service in services:
                service.name_en = english
                service.search_text = service.searchable_text()
                changed.append(service)
        # One statement for the lot: saving row by row would renew the pages' version each time.
        Service.objects.bulk_update(changed, ["name_en", "search_text"], batch_size=500)
        for office_id in {service.office_id for service in changed}:
            touch_charter(office_id)
        versions = translate_published(
            lambda field, bengali: names.get(search_key(bengali)) if field == "name" else None
        )
        if changed or versions:
            new_version()
        unused = len(names) - len(used)
        self.stdout.write(
            f"{len(changed)} services given an English name ({versions} published versions); "
            f"{unused} glossary lines matched no service"
        )

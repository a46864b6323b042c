"""The national dataset: every field office with a full charter, so figures are taken at national scale.

The demo fixtures (the national tree and the five seed charters) are loaded, then every other
district office gets Joypurhat's charter and every other upazila office one of the four seed
upazila charters in turn, cloned with ``charters.cloning.clone_document`` (the office's name,
site and area rewritten, officers turned into posts to fill in). The headquarters keeps no
charter: a charter is cloned to an office of the same level, and HQ has none to copy.

``write_charter`` saves row by row with ``full_clean`` (about 65 ms an office on PostgreSQL,
35 s for the nation); the documents come from the seed charters through the same cloning rules,
so they are written here with ``bulk_create`` instead, keeping ``write_charter``'s one rule that
matters for the data: a post of an office above (the district programmer of Magura's charter)
is one officer of that office, shared by every charter that names it.
"""

import copy
from itertools import cycle
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from charters.cloning import clone_document
from charters.document import ServiceEntry, read_charter
from charters.models import Charter, CharterVersion
from charters.publishing import refresh_listings
from charters.snapshot import draft_documents
from charters.writing import _officer_values
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from pagecache.versions import new_version
from services.models import Expectation, Service

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

DISTRICT_SEEDS = ["joypurhat"]
UPAZILA_SEEDS = ["natoresadar.natore", "rangpursadar.rangpur", "kachua.chandpur", "magurasadar.magura"]

# The benchmark's "25-service charter": Joypurhat's 23 services cloned to Bogura's district office
# (twelve upazila offices below it), and two more citizen services.
BENCHMARK_OFFICE = "bogra"
EXTRA_SERVICES = 2


def fixture_paths():
    """The demo data: the national tree, the seed charters' drafts and their version 1."""
    from charters.management.commands.demo import demo_fixtures

    return demo_fixtures()


def build(offices=None):
    """Load the demo fixtures and give every office without a charter a cloned one.

    ``offices`` (a queryset) limits the cloning to those offices; the default is the nation.
    Returns the number of charters written.
    """
    call_command("loaddata", *map(str, fixture_paths()), verbosity=0)
    return clone_charters(offices)


def _with_ancestors(queryset):
    return queryset.select_related("upazila__district", "district", "parent__parent")


def clone_charters(offices=None):
    targets = _with_ancestors(offices if offices is not None else Office.objects.all())
    targets = targets.filter(charter__isnull=True).exclude(level=Office.Level.HQ).order_by("pk")
    sources = {o.key: o for o in _with_ancestors(Office.objects.filter(key__in=DISTRICT_SEEDS + UPAZILA_SEEDS))}
    seeds = {
        Office.Level.DISTRICT: cycle([sources[key] for key in DISTRICT_SEEDS]),
        Office.Level.UPAZILA: cycle([sources[key] for key in UPAZILA_SEEDS]),
    }
    # Districts before upazilas, as write_charter would meet them: a district's posts exist
    # before the upazila charters that name them.
    # Each seed is read once (read_charter is a dozen queries) and copied for each clone.
    read = {source.pk: read_charter(source) for source in sources.values()}
    documents = []
    for target in sorted(targets, key=lambda o: (o.level != Office.Level.DISTRICT, o.pk)):
        source = next(seeds[target.level])
        documents.append((target, clone_document(source, target, copy.deepcopy(read[source.pk])).document))
    for target, document in documents:
        if target.key == BENCHMARK_OFFICE:
            _add_services(document, EXTRA_SERVICES)
    write_charters(documents)
    return len(documents)


def _add_services(document, number):
    citizen = [s for s in document.services if s.category == Service.Category.CITIZEN]
    for n in range(1, number + 1):
        template = citizen[(n - 1) % len(citizen)]
        document.services.append(
            ServiceEntry(
                category=Service.Category.CITIZEN,
                serial=max(s.serial for s in citizen) + n,
                name=f"{template.name} (পরীক্ষামূলক সেবা {n})",
                **{name: getattr(template, name) for name in ServiceEntry.TEXT_FIELDS if name != "name"},
                responsible=template.responsible,
                superior=template.superior,
            )
        )


@transaction.atomic
def write_charters(documents):
    """``write_charter`` for many offices that have no charter yet, in a few bulk inserts."""
    offices_by_key = {o.key: o for o in Office.objects.only("pk", "key")}
    # A post of another office is that office's officer with the same designation, if it has one.
    posts = {}
    for officer in Officer.objects.order_by("-pk"):
        posts[(officer.office_id, officer.designation_bn)] = officer

    officers, new_officers = {}, []
    for office, document in documents:
        for entry in document.officers():
            if entry.office_key is None:
                officer = Officer(office=office, **_officer_values(entry))
                posts.setdefault((office.pk, entry.designation), officer)
                new_officers.append(officer)
            else:
                owner = offices_by_key[entry.office_key]
                officer = posts.get((owner.pk, entry.designation))
                if officer is None:
                    officer = posts[(owner.pk, entry.designation)] = Officer(office=owner, **_officer_values(entry))
                    new_officers.append(officer)
            officers[id(entry)] = officer
    Officer.objects.bulk_create(new_officers, batch_size=2000)

    def officer_for(entry):
        return officers[id(entry)] if entry is not None else None

    now = timezone.now()
    charters, services, expectations, tiers = [], [], [], []
    for office, document in documents:
        charters.append(
            Charter(
                office=office,
                vision_bn=document.vision,
                mission_bn=document.mission,
                service_columns=document.service_columns,
                issued_on=document.issued_on,
                signatory_name_bn=document.signatory_name,
                signatory_designation_bn=document.signatory_designation,
            )
        )
        services += [
            Service(
                office=office,
                category=entry.category,
                serial=entry.serial,
                **{f"{name}_bn": getattr(entry, name) for name in ServiceEntry.TEXT_FIELDS},
                responsible_officer=officer_for(entry.responsible),
                superior_officer=officer_for(entry.superior),
            )
            for entry in document.services
        ]
        expectations += [
            Expectation(office=office, serial=entry.serial, text_bn=entry.text) for entry in document.expectations
        ]
        tiers += [
            GrievanceTier(
                office=office,
                level=entry.level,
                when_to_contact_bn=entry.when_to_contact,
                contact_title_bn=entry.contact_title,
                contact_officer=officer_for(entry.contact_officer),
                contact_text_bn=entry.contact_text,
                resolution_days=entry.resolution_days,
            )
            for entry in document.tiers
        ]
    Charter.objects.bulk_create(charters, batch_size=2000)
    for model, rows in [(Service, services), (Expectation, expectations), (GrievanceTier, tiers)]:
        copy_rows(model, rows)
    publish_first_versions([office for office, _ in documents], now)
    new_version()  # bulk_create sends no signals: the cached pages must still change


def copy_rows(model, rows):
    """``bulk_create`` through PostgreSQL's COPY, for rows whose primary keys are not needed back:
    Django's bulk insert on PostgreSQL sends each column as an array that psycopg escapes string by
    string in Python, the largest share of the national load (9,390 services × 20 text columns)."""
    if connection.vendor != "postgresql":
        model.objects.bulk_create(rows, batch_size=2000)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        statement = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([field.get_db_prep_save(field.pre_save(row, True), connection) for field in fields])


def publish_first_versions(offices, published_at):
    """What ``publish`` does for each office, in bulk: its draft frozen as version 1, and the
    search listing of the versions in force. Citizens' pages read versions, never drafts."""
    documents = draft_documents(offices)
    versions = [
        CharterVersion(
            office=office,
            number=1,
            document=documents[office.pk],
            issued_on=None,
            summary="প্রথম প্রকাশিত সংস্করণ",
            published_at=published_at,
        )
        for office in offices
    ]
    CharterVersion.objects.bulk_create(versions, batch_size=200)
    refresh_listings([office.pk for office in offices])

"""Writing a CharterDocument: into an office's rows, or as a fixture."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from charter_portal.bangla import any_encoding_pattern
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Expectation, Service

from .document import OfficerEntry, ServiceEntry
from .errors import CharterError, CharterExists
from .models import Charter


def _validated(obj, what, line):
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise CharterError(f"{what}: {'; '.join(exc.messages)}", line) from None
    obj.save()
    return obj


def _officer_values(entry):
    values = {name: getattr(entry, name) for name in OfficerEntry.FIELDS}
    # Translated fields are written to the Bengali column explicitly.
    for name in ("name", "designation", "branch"):
        values[f"{name}_bn"] = values.pop(name)
    return values


def _resolve_office(office, entry):
    if entry.office_key is None:
        return office
    try:
        return Office.objects.get(key=entry.office_key)
    except Office.DoesNotExist:
        raise CharterError(
            f"officer {entry.describe()!r} belongs to office {entry.office_key!r}, which does not exist"
        ) from None


def _existing_officer(office, entry):
    """An officer of another office is reused when that office already lists the same post."""
    candidates = Officer.objects.filter(office=office, designation_bn=entry.designation)
    if entry.name:
        candidates = candidates.filter(name_bn=entry.name)
    return candidates.order_by("pk").first()


@transaction.atomic
def write_charter(office, document, *, replace=False):
    """Make ``document`` the office's charter; all of it, or (on any error) none of it."""
    existing = Charter.objects.filter(office=office).first()
    if existing and not replace:
        raise CharterExists(f"{office.key} already has a charter; use --replace to replace it")
    if existing:
        Service.objects.filter(office=office).delete()
        Expectation.objects.filter(office=office).delete()
        GrievanceTier.objects.filter(office=office).delete()
        # The office's own officers are the charter's; those another office's rows still point at stay.
        Officer.objects.filter(office=office, supervised_services__isnull=True, grievance_tiers__isnull=True).delete()

    Charter.objects.update_or_create(
        office=office,
        defaults={
            "vision_bn": document.vision,
            "mission_bn": document.mission,
            "service_columns": document.service_columns,
            "issued_on": document.issued_on,
            "signatory_name_bn": document.signatory_name,
            "signatory_designation_bn": document.signatory_designation,
            "updated_at": timezone.now(),
        },
    )

    officers = {}
    for entry in document.officers():
        owner = _resolve_office(office, entry)
        officer = None if owner == office else _existing_officer(owner, entry)
        if officer is None:
            officer = _validated(Officer(office=owner, **_officer_values(entry)), f"officer {entry.describe()}", None)
        officers[id(entry)] = officer

    def officer_for(entry):
        return officers[id(entry)] if entry is not None else None

    for entry in document.services:
        _validated(
            Service(
                office=office,
                category=entry.category,
                serial=entry.serial,
                **{f"{name}_bn": getattr(entry, name) for name in ServiceEntry.TEXT_FIELDS},
                responsible_officer=officer_for(entry.responsible),
                superior_officer=officer_for(entry.superior),
            ),
            f"service {entry.serial} ({entry.name[:40]})",
            entry.line,
        )
    for entry in document.expectations:
        _validated(
            Expectation(office=office, serial=entry.serial, text_bn=entry.text), f"expectation {entry.serial}", None
        )
    for entry in document.tiers:
        _validated(
            GrievanceTier(
                office=office,
                level=entry.level,
                when_to_contact_bn=entry.when_to_contact,
                contact_title_bn=entry.contact_title,
                contact_officer=officer_for(entry.contact_officer),
                contact_text_bn=entry.contact_text,
                resolution_days=entry.resolution_days,
            ),
            f"GRS tier {entry.level}",
            None,
        )
    return office.charter


# --- fixtures --------------------------------------------------------------------------

FIXTURE_TIMESTAMP = "2026-11-24T00:00:00+06:00"


def charter_fixture(office, document):
    """The document as loaddata objects, with the shipped fixtures' primary-key scheme:
    officers and services ``office_pk * 100 + n``, expectations ``office_pk * 100 + serial``,
    GRS tiers ``office_pk * 10 + level``."""
    objects = [
        {
            "model": "charters.charter",
            "pk": office.pk,
            "fields": {
                "vision_bn": document.vision,
                "mission_bn": document.mission,
                "service_columns": str(document.service_columns),
                "issued_on": document.issued_on.isoformat() if document.issued_on else None,
                "signatory_name_bn": document.signatory_name,
                "signatory_designation_bn": document.signatory_designation,
                "updated_at": FIXTURE_TIMESTAMP,
            },
        }
    ]
    officer_pks, numbers = {}, {}
    for entry in document.officers():
        owner = _resolve_office(office, entry)
        numbers[owner.pk] = numbers.get(owner.pk, 0) + 1
        officer_pks[id(entry)] = owner.pk * 100 + numbers[owner.pk]
        objects.append(
            {
                "model": "offices.officer",
                "pk": officer_pks[id(entry)],
                "fields": {"office": owner.pk, **_officer_values(entry)},
            }
        )

    def pk_of(entry):
        return officer_pks[id(entry)] if entry is not None else None

    for number, entry in enumerate(document.services, start=1):
        objects.append(
            {
                "model": "services.service",
                "pk": office.pk * 100 + number,
                "fields": {
                    "office": office.pk,
                    "category": int(entry.category),
                    "serial": entry.serial,
                    **{f"{name}_bn": getattr(entry, name) for name in ServiceEntry.TEXT_FIELDS},
                    "responsible_officer": pk_of(entry.responsible),
                    "superior_officer": pk_of(entry.superior),
                },
            }
        )
    for entry in document.expectations:
        objects.append(
            {
                "model": "services.expectation",
                "pk": office.pk * 100 + entry.serial,
                "fields": {"office": office.pk, "serial": entry.serial, "text_bn": entry.text},
            }
        )
    for entry in document.tiers:
        objects.append(
            {
                "model": "grievances.grievancetier",
                "pk": office.pk * 10 + entry.level,
                "fields": {
                    "office": office.pk,
                    "level": entry.level,
                    "when_to_contact_bn": entry.when_to_contact,
                    "contact_title_bn": entry.contact_title,
                    "contact_officer": pk_of(entry.contact_officer),
                    "contact_text_bn": entry.contact_text,
                    "resolution_days": entry.resolution_days,
                },
            }
        )
    return objects


def office_named_in(words):
    """The key of the office a text such as "জেলা কার্যালয়, মাগুরা" names, or None."""

    def mentions(text):
        return text and re.search(any_encoding_pattern(text), words)

    if mentions("প্রধান কার্যালয়"):
        return "hq"
    is_upazila = mentions("উপজেলা কার্যালয়")
    if not (is_upazila or mentions("জেলা কার্যালয়")):
        return None
    offices = Office.objects.select_related("district", "upazila__district")
    if is_upazila:
        for office in offices.filter(level=Office.Level.UPAZILA):
            if mentions(office.upazila.name_bn) and mentions(office.upazila.district.name_bn):
                return office.key
        return None
    for office in offices.filter(level=Office.Level.DISTRICT):
        if mentions(office.district.name_bn):
            return office.key
    return None


def site_key(url):
    """'http://doict.kalai.joypurhat.gov.bd/' → 'kalai.joypurhat'."""
    host = re.sub(r"^https?://", "", url.strip().lower()).split("/")[0]
    host = host.removeprefix("www.").removeprefix("doict.")
    return host.removesuffix(".gov.bd")


def tree_warnings(office, result):
    """What an imported document says that the office tree does not: another site, subordinate
    offices that are not the office's; an officer of an office the portal does not have is an error."""
    warnings = []
    if result.site and office.site and site_key(result.site) != site_key(office.site):
        warnings.append(
            (
                None,
                f"the document names the site {result.site}, but {office.key}'s site is {office.site}: is this the right office?",
            )
        )
    children = {child.key for child in office.children.all()}
    for line, url in result.subordinate_sites:
        key = site_key(url)
        if not Office.objects.filter(key=key).exists():
            warnings.append((line, f"the subordinate office {url} matches no office of the portal"))
        elif key not in children:
            warnings.append(
                (
                    line,
                    f"the subordinate office {url} ({key}) is not under {office.key} in the office tree; the page shows the tree",
                )
            )
    for entry in result.document.officers():
        if entry.office_key and not Office.objects.filter(key=entry.office_key).exists():
            raise CharterError(f"officer {entry.describe()} belongs to an unknown office")
    return warnings


def record_import(office, result, warnings):
    """Note on the office's draft which kind of file it was imported from and every warning with its
    place (from a scan, the cells the OCR was unsure of), for the staff to check before publishing."""
    Charter.objects.filter(office=office).update(
        import_source=result.source,
        import_warnings=[
            {"place": result.where(line) if line else "", "message": message} for line, message in warnings
        ],
    )

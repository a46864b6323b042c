"""Writing a CharterDocument: into an office's rows, or as a fixture."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from charter_portal.bangla import any_encoding_pattern, bn_digits
from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Expectation, Service

from .document import OfficerEntry, ServiceEntry, check_limits
from .errors import CharterError, CharterExists, OtherOfficeFile
from .keeping import departed, match_officers
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
            f"কর্মকর্তা {entry.describe()!r} দপ্তর {entry.office_key!r}-এর, কিন্তু পোর্টালে সে দপ্তর নেই"
        ) from None


def _existing_officer(office, entry):
    """An officer of another office is reused when that office already lists the same post."""
    candidates = Officer.objects.filter(office=office, designation_bn=entry.designation)
    if entry.name:
        candidates = candidates.filter(name_bn=entry.name)
    return candidates.order_by("pk").first()


def _write_officer(office, entry, officer, warnings):
    values = _officer_values(entry)
    if officer is None:
        return _validated(Officer(office=office, **values), f"কর্মকর্তা ({entry.describe()})", None)
    before = str(officer)
    for name, value in values.items():
        setattr(officer, name, value)
    _validated(officer, f"কর্মকর্তা ({entry.describe()})", None)
    if str(officer) != before:
        warnings.append(f"পদ «{officer.designation_bn}»-এ এখন «{officer}» (আগে «{before}»); একই কর্মকর্তার সারি হালনাগাদ হলো।")
    return officer


@transaction.atomic
def write_charter(office, document, *, replace=False):
    """Make ``document`` the office's charter; all of it, or (on any error) none of it.

    Replacing keeps the office's people: its officers are matched to the document's by name and
    designation and updated in place (their grievance desks stay with them); one who left the
    charter is deleted only if nothing names them. Returns the Bengali warnings about those who
    left or changed."""
    existing = Charter.objects.filter(office=office).first()
    if existing and not replace:
        raise CharterExists(f"{office.key}-এর চার্টার আগেই আছে; বদলাতে --replace দিন")
    check_limits(document)
    current = []
    if existing:
        Service.objects.filter(office=office).delete()
        Expectation.objects.filter(office=office).delete()
        GrievanceTier.objects.filter(office=office).delete()
        current = list(Officer.objects.filter(office=office).order_by("pk"))

    Charter.objects.update_or_create(
        office=office,
        defaults={
            "vision_bn": document.vision,
            "mission_bn": document.mission,
            "service_columns": document.service_columns,
            "issued_on": document.issued_on,
            "signatory_name_bn": document.signatory_name,
            "signatory_designation_bn": document.signatory_designation,
        },
    )

    warnings, officers = [], {}
    owners = {id(entry): _resolve_office(office, entry) for entry in document.officers()}
    own = [entry for entry in document.officers() if owners[id(entry)] == office]
    matches = match_officers(current, own)
    for entry in document.officers():
        owner = owners[id(entry)]
        if owner == office:
            officers[id(entry)] = _write_officer(office, entry, matches.get(id(entry)), warnings)
        else:
            officer = _existing_officer(owner, entry)
            if officer is None:
                officer = _validated(
                    Officer(office=owner, **_officer_values(entry)), f"কর্মকর্তা ({entry.describe()})", None
                )
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
            f"সেবা {bn_digits(entry.serial)} ({entry.name[:40]})",
            entry.line,
        )
    for entry in document.expectations:
        _validated(
            Expectation(office=office, serial=entry.serial, text_bn=entry.text),
            f"প্রত্যাশা {bn_digits(entry.serial)}",
            None,
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
            f"অভিযোগ প্রতিকারের স্তর {bn_digits(entry.level)}",
            None,
        )
    kept = {officer.pk for officer in officers.values()}
    warnings += departed([officer for officer in current if officer.pk not in kept])
    return warnings


@transaction.atomic
def write_import(office, result, warnings=(), *, replace=True):
    """Make an imported file (an ImportResult) the office's draft, replacing what it had, and
    record which reader made it and every warning with its place; all of it or none of it.
    Returns write_charter's warnings: the officers who left the charter, in Bengali."""
    left = write_charter(office, result.document, replace=replace)
    placed = result.placed_warnings([*warnings, *((None, message) for message in left)])
    Charter.objects.filter(office=office).update(import_source=result.source, import_warnings=placed)
    return left


# --- fixtures --------------------------------------------------------------------------


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


def office_site_key(office):
    """The key an office's own site gives (site_key of its site), the office's key without one."""
    return site_key(office.site) if office.site else office.key


def check_site(office, result, confirmed=False):
    """A document naming another office's site is refused for this office, before anything is
    written, unless HQ confirms (``confirmed``) that it is this office's file all the same."""
    if not result.site or confirmed or site_key(result.site) == office_site_key(office):
        return
    named = site_key(result.site)
    other = next((o for o in Office.objects.exclude(pk=office.pk) if office_site_key(o) == named), None)
    whose = f"{other.name_bn}-এর" if other else "পোর্টালের কোনো দপ্তরের নয় এমন"
    raise OtherOfficeFile(
        f"ফাইলের চার্টারে ওয়েবসাইট {result.site} লেখা, যা {whose} সাইট; {office.name_bn}-এর সাইট "
        f"{office.site or '—'}। অন্য দপ্তরের ফাইল এই দপ্তরে লেখা হয়নি। এটি এই দপ্তরেরই ফাইল হলে নিশ্চিত করে আবার দিন।",
        other.key if other else named,
    )


def tree_warnings(office, result, confirmed_site=False):
    """What an imported document says that the office tree does not: subordinate offices that are
    not the office's. Another office's site, or an officer of an office the portal does not have,
    is refused."""
    check_site(office, result, confirmed_site)
    warnings = []
    children = {child.key for child in office.children.all()}
    for line, url in result.subordinate_sites:
        key = site_key(url)
        if not Office.objects.filter(key=key).exists():
            warnings.append((line, f"আওতাধীন দপ্তর {url} পোর্টালের কোনো দপ্তরের সঙ্গে মেলে না"))
        elif key not in children:
            warnings.append(
                (
                    line,
                    f"আওতাধীন দপ্তর {url} ({key}) দপ্তরের তালিকায় {office.key}-এর অধীনে নেই; পাতায় তালিকার দপ্তরগুলোই দেখানো হয়",
                )
            )
    for entry in result.document.officers():
        if entry.office_key and not Office.objects.filter(key=entry.office_key).exists():
            raise CharterError(f"কর্মকর্তা {entry.describe()} এমন এক দপ্তরের, যা পোর্টালে নেই")
    return warnings

"""A charter as one document, and the one place that writes it to an office.

``import_charter`` reads a text export into a ``CharterDocument``; ``clone_charter``
reads one out of another office. Both hand it to ``write_charter``, which replaces
the office's charter in one transaction, or to ``charter_fixture``, which turns it
into a loaddata-ready fixture with the same primary-key scheme as the shipped ones.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from charter_portal.bangla import any_encoding_pattern
from grievances.models import GrievanceTier
from services.models import Expectation, Service

from .models import Charter, Office, Officer


class CharterExists(Exception):
    """The office already has a charter and the caller did not ask to replace it."""


@dataclass(eq=False)  # identity matters: one entry is one person, however often it is referred to
class OfficerEntry:
    name: str = ""
    designation: str = ""
    branch: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    room: str = ""
    upazila_code: str = ""
    office_key: str | None = None  # None: the charter's own office

    FIELDS = ("name", "designation", "branch", "phone", "mobile", "email", "room", "upazila_code")

    def describe(self):
        return ", ".join(part for part in (self.name, self.designation, self.phone, self.email) if part)


@dataclass
class ServiceEntry:
    category: int
    serial: int
    name: str
    delivery_method: str = ""
    required_papers: str = ""
    papers_source: str = ""
    fee: str = ""
    time_limit: str = ""
    responsible: OfficerEntry | None = None
    superior: OfficerEntry | None = None
    line: int | None = field(default=None, compare=False)  # where the source text had it

    TEXT_FIELDS = ("name", "delivery_method", "required_papers", "papers_source", "fee", "time_limit")


@dataclass
class ExpectationEntry:
    serial: int
    text: str


@dataclass
class TierEntry:
    level: int
    when_to_contact: str
    contact_title: str
    resolution_days: int
    contact_officer: OfficerEntry | None = None
    contact_text: str = ""


@dataclass
class CharterDocument:
    vision: str = ""
    mission: str = ""
    service_columns: str = Charter.ServiceColumns.STANDARD
    issued_on: date | None = None
    signatory_name: str = ""
    signatory_designation: str = ""
    services: list = field(default_factory=list)
    expectations: list = field(default_factory=list)
    tiers: list = field(default_factory=list)

    def officers(self):
        """Every officer entry the document refers to, once each, in order of first mention."""
        seen = []
        for entry in [
            *(e for s in self.services for e in (s.responsible, s.superior)),
            *(t.contact_officer for t in self.tiers),
        ]:
            if entry is not None and not any(entry is other for other in seen):
                seen.append(entry)
        return seen

    def counts(self):
        per_category = {category: 0 for category in Service.Category}
        for service in self.services:
            per_category[Service.Category(service.category)] += 1
        return per_category


# --- writing -------------------------------------------------------------------------


def _validated(obj, what, line):
    try:
        obj.full_clean()
    except ValidationError as exc:
        where = f"line {line}: " if line else ""
        raise ValueError(f"{where}{what}: {'; '.join(exc.messages)}") from None
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
        raise ValueError(
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
            "model": "offices.charter",
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


# --- reading one back out of the database, and cloning ----------------------------------


def read_charter(office):
    """The office's charter as a document (the inverse of ``write_charter``)."""
    charter = Charter.objects.get(office=office)
    entries = {}

    def entry_for(officer):
        if officer is None:
            return None
        if officer.pk not in entries:
            entries[officer.pk] = OfficerEntry(
                **{name: getattr(officer, name) or "" for name in OfficerEntry.FIELDS},
                office_key=None if officer.office_id == office.pk else officer.office.key,
            )
        return entries[officer.pk]

    services = Service.objects.filter(office=office).select_related(
        "responsible_officer__office", "superior_officer__office"
    )
    return CharterDocument(
        vision=charter.vision or "",
        mission=charter.mission or "",
        service_columns=charter.service_columns,
        issued_on=charter.issued_on,
        signatory_name=charter.signatory_name or "",
        signatory_designation=charter.signatory_designation or "",
        services=[
            ServiceEntry(
                category=s.category,
                serial=s.serial,
                **{name: getattr(s, name) or "" for name in ServiceEntry.TEXT_FIELDS},
                responsible=entry_for(s.responsible_officer),
                superior=entry_for(s.superior_officer),
            )
            for s in services
        ],
        expectations=[ExpectationEntry(e.serial, e.text) for e in Expectation.objects.filter(office=office)],
        tiers=[
            TierEntry(
                level=t.level,
                when_to_contact=t.when_to_contact,
                contact_title=t.contact_title,
                resolution_days=t.resolution_days,
                contact_officer=entry_for(t.contact_officer),
                contact_text=t.contact_text or "",
            )
            for t in GrievanceTier.objects.filter(office=office).select_related("contact_officer__office")
        ],
    )


def _area_names(office):
    """The names that make a text specific to an office, most specific first."""
    names = [office.name]
    if office.upazila_id:
        names += [office.upazila.name_bn, office.upazila.district.name_bn]
    elif office.district_id:
        names.append(office.district.name_bn)
    return names


def office_rewriter(source, target):
    """Rewrite a text written for ``source`` so it names ``target``: its name, site and area.

    One pass over the text, so a replacement is never replaced again.
    """
    pairs = list(zip(_area_names(source), _area_names(target), strict=False))
    if source.site and target.site:
        bare = lambda url: re.sub(r"^https?://", "", url).rstrip("/")  # noqa: E731
        pairs += [(source.site, target.site), (bare(source.site), bare(target.site))]
    pairs = [(old, new) for old, new in pairs if old and old != new]
    if not pairs:
        return lambda text: text
    patterns = sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)
    regex = re.compile("|".join(f"({any_encoding_pattern(old)})" for old, _ in patterns))

    def rewrite(text):
        return regex.sub(lambda match: patterns[match.lastindex - 1][1], text)

    return rewrite


@dataclass
class CloneReport:
    document: CharterDocument
    to_fill_in: list


def clone_document(source, target):
    """The source's charter made ready for the target, and what the target's staff must still fill in.

    Officers are the people of the source office, so they are not copied: each becomes an
    empty post (its designation only) in the target, or in the target's own office above,
    for the staff there to name.
    """
    if source.level != target.level:
        raise ValueError(
            f"{source.key} is a {source.get_level_display()} and {target.key} a {target.get_level_display()}: "
            "a charter is cloned to an office of the same level"
        )
    document = read_charter(source)
    rewrite = office_rewriter(source, target)
    source_ancestors = {o.key: o.level for o in source.ancestors()}
    target_ancestor_by_level = {o.level: o.key for o in target.ancestors()}
    posts, to_fill_in = {}, []

    def post_for(entry):
        if entry is None:
            return None
        if id(entry) not in posts:
            office_key = None
            if entry.office_key is not None:
                level = source_ancestors.get(entry.office_key)
                office_key = target_ancestor_by_level.get(level)
                if office_key is None:
                    posts[id(entry)] = None
                    return None
            posts[id(entry)] = OfficerEntry(
                designation=entry.designation or entry.name, branch=entry.branch, office_key=office_key
            )
            where = target.name if office_key is None else Office.objects.get(key=office_key).name
            to_fill_in.append(f"কর্মকর্তা ({where}): {posts[id(entry)].designation} — নাম, ফোন, ই-মেইল")
        return posts[id(entry)]

    for service in document.services:
        service.required_papers = rewrite(service.required_papers)
        service.papers_source = rewrite(service.papers_source)
        service.responsible = post_for(service.responsible)
        service.superior = post_for(service.superior)
    tiers = []
    for tier in document.tiers:
        tier.contact_officer = post_for(tier.contact_officer)
        tier.contact_text = rewrite(tier.contact_text)
        if tier.contact_officer is None and not tier.contact_text:
            # Nobody to contact in the target: better no tier than a tier that lies.
            to_fill_in.append(f"অভিযোগ প্রতিকারের স্তর {tier.level}: পুরো স্তরটি (যোগাযোগের ঠিকানা নেই)")
            continue
        tiers.append(tier)
    document.tiers = tiers
    document.issued_on = None
    document.signatory_name = document.signatory_designation = ""
    to_fill_in += ["চার্টারের তারিখ", "স্বাক্ষরকারীর নাম ও পদবি"]
    return CloneReport(document, to_fill_in)

"""A charter as one document, the form every way in and out of the database shares.

``import_charter`` reads a text export into a ``CharterDocument`` (charters.importer);
``clone_charter`` reads one out of another office (charters.cloning). Both hand it to
``write_charter`` (charters.writing), which replaces the office's charter in one transaction, or
to ``charter_fixture``, which turns it into a loaddata-ready fixture.
"""

from dataclasses import dataclass, field
from datetime import date

from charter_portal import limits
from charter_portal.bangla import bn_digits
from grievances.models import GrievanceTier
from services.models import Expectation, Service

from .errors import CharterError
from .models import Charter


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

    TEXT_FIELDS = Service.TEXT_FIELDS


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


# --- the limits (charter_portal.limits), checked before anything is written

SERVICE_LIMITS = {
    "name": ("নাম", limits.SERVICE_NAME),
    **{
        name: (str(Service._meta.get_field(name).verbose_name), limits.SERVICE_TEXT) for name in Service.TEXT_FIELDS[1:]
    },
}
OFFICER_LIMITS = {
    "name": ("নাম", limits.PERSON),
    "designation": ("পদবি", limits.PERSON),
    "branch": ("শাখা", limits.PERSON),
    "phone": ("ফোন", limits.PHONE),
    "mobile": ("মোবাইল", limits.PHONE),
    "email": ("ই-মেইল", limits.EMAIL),
}


def _within(place, label, text, limit, line=None):
    if len(text or "") > limit:
        raise CharterError(
            f"{place}: {label} {bn_digits(len(text))} অক্ষরের; সর্বোচ্চ {bn_digits(limit)} অক্ষর হতে পারে। "
            f"লেখাটি ছোট করে আবার আমদানি করুন; কিছুই লেখা হয়নি।",
            line,
            where=f"লাইন {bn_digits(line)}" if line else None,
        )


def check_limits(document):
    """Every text the importer would write, against its limit: a CharterError in Bengali naming
    the place (the service, officer, tier or part) for the first that is too long."""
    _within("ভিশন", "লেখা", document.vision, limits.CHARTER_PROSE)
    _within("মিশন", "লেখা", document.mission, limits.CHARTER_PROSE)
    _within("স্বাক্ষরকারী", "নাম", document.signatory_name, limits.PERSON)
    _within("স্বাক্ষরকারী", "পদবি", document.signatory_designation, limits.PERSON)
    for entry in document.services:
        place = f"সেবা {bn_digits(entry.serial)} ({entry.name[:40]})"
        for name, (label, limit) in SERVICE_LIMITS.items():
            _within(place, label, getattr(entry, name), limit, entry.line)
    for entry in document.officers():
        for name, (label, limit) in OFFICER_LIMITS.items():
            _within(f"কর্মকর্তা ({entry.describe()[:60]})", label, getattr(entry, name), limit)
    for entry in document.expectations:
        _within(f"প্রত্যাশা {bn_digits(entry.serial)}", "লেখা", entry.text, limits.EXPECTATION)
    for entry in document.tiers:
        place = f"অভিযোগ প্রতিকারের স্তর {bn_digits(entry.level)}"
        _within(place, "কখন যোগাযোগ করবেন", entry.when_to_contact, limits.TIER_WHEN)
        _within(place, "কার সঙ্গে যোগাযোগ করবেন", entry.contact_title, limits.TIER_TITLE)
        _within(place, "যোগাযোগের ঠিকানা", entry.contact_text, limits.TIER_CONTACT)

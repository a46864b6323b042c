"""Publishing an office's draft as a new version, withdrawing one, and what follows the version in
force: the search listing (services.ServiceListing) and the GRS chain that routes grievances
(grievances.PublishedTier). Every write here is one transaction."""

import datetime

from django.db import transaction
from django.db.models import Max

from grievances.models import PublishedTier
from offices.models import Office
from services.models import Service, ServiceListing
from services.promises import promise_fields

from .comparison import compare
from .errors import CharterError
from .models import Charter, CharterVersion
from .snapshot import draft_document, english, promises_the_same


class NothingToPublish(CharterError):
    """The draft promises exactly what the version in force does."""


def publish(office, *, issued_on, signatory_name, signatory_designation, user=None, published_at=None, as_signed=False):
    """Freeze the office's draft as its next version and make it the one in force.

    The date and signatory are required, except ``as_signed``: an imported paper charter published
    exactly as it was signed, which may carry neither (the page never invents them).
    """
    signatory_name, signatory_designation = (signatory_name or "").strip(), (signatory_designation or "").strip()
    if not as_signed and not isinstance(issued_on, datetime.date):
        raise CharterError("চার্টারের তারিখ দিন।")
    if not as_signed and not (signatory_name and signatory_designation):
        raise CharterError("স্বাক্ষরকারীর নাম ও পদবি দিন।")
    with transaction.atomic():
        # One publisher at a time per office: a second one waits here, then finds nothing new.
        office = Office.objects.select_for_update().get(pk=office.pk)
        charter = Charter.objects.filter(office=office).first()
        if charter is None:
            raise CharterError(f"{office}-এর কোনো চার্টারের খসড়া নেই; প্রকাশ করার কিছু নেই।")
        # The date and signatory are the publisher's: the draft keeps them for the next time (undone
        # with everything else below when there turns out to be nothing to publish).
        if (charter.issued_on, charter.signatory_name_bn, charter.signatory_designation_bn) != (
            issued_on,
            signatory_name,
            signatory_designation,
        ):
            charter.signatory_name_bn, charter.signatory_designation_bn = signatory_name, signatory_designation
            charter.note_english()  # an English signatory written for the old Bengali is stale now
            Charter.objects.filter(office=office).update(
                issued_on=issued_on,
                signatory_name_bn=signatory_name,
                signatory_designation_bn=signatory_designation,
                english_of=charter.english_of,
            )
        in_force = CharterVersion.objects.current_of(office)
        draft = draft_document(office)
        if promises_the_same(draft, in_force):
            raise NothingToPublish(
                f"{office}-এর খসড়ায় সংস্করণ {in_force.number}-এর পর কোনো পরিবর্তন নেই; নতুন সংস্করণ প্রকাশ করা হয়নি।"
            )
        number = (CharterVersion.objects.filter(office=office).aggregate(n=Max("number"))["n"] or 0) + 1
        version = CharterVersion.objects.create(
            office=office,
            number=number,
            document=draft,
            issued_on=issued_on,
            signatory_name=signatory_name,
            signatory_designation=signatory_designation,
            summary=compare(in_force.document if in_force else None, draft).summary(),
            published_by=user,
            **({"published_at": published_at} if published_at else {}),
        )
        refresh_listing(office)
    return version


def withdraw(version, user):
    """HQ takes a version out of force: it stays in the list, marked withdrawn."""
    with transaction.atomic():
        version = CharterVersion.objects.select_for_update().get(pk=version.pk)
        if version.withdrawn_at is not None:
            raise CharterError(f"সংস্করণ {version.number} আগেই প্রত্যাহার করা হয়েছে।")
        version.withdraw(user)
        refresh_listing(version.office)
    return version


def refresh_listing(office):
    """Make the office's search listing the services of its version in force (or none), and its
    published GRS chain that version's."""
    refresh_listings([getattr(office, "pk", office)])


def refresh_listings(office_ids):
    """The same for many offices, in four statements whatever their number."""
    ServiceListing.objects.filter(office_id__in=office_ids).delete()
    in_force = {}
    for version in CharterVersion.objects.in_force().filter(office_id__in=office_ids).order_by("office_id", "number"):
        in_force[version.office_id] = version  # the newest wins
    listings = []
    for office_id, version in in_force.items():
        for service in version.document["services"]:
            listing = ServiceListing(
                office_id=office_id,
                category=service["category"],
                serial=service["serial"],
                **{f"{name}_bn": service[name]["bn"] for name in Service.TEXT_FIELDS},
                **{f"{name}_en": english(service[name]) for name in Service.TEXT_FIELDS},
                **promise_fields(service),
            )
            listing.search_text = listing.searchable_text()
            listings.append(listing)
    ServiceListing.objects.bulk_create(listings, batch_size=1000)
    PublishedTier.objects.project(
        {office_id: (in_force[office_id].document if office_id in in_force else None) for office_id in office_ids}
    )


# Where a version document keeps translatable text, by the kind of thing it belongs to.
DOCUMENT_TEXTS = {
    "service": Service.TEXT_FIELDS,
    "expectation": ("text",),
    "tier": ("when_to_contact", "contact_title"),
    "officer": ("designation", "branch"),
}


def _document_parts(document):
    """(kind, dict) for every translatable part of a version document."""
    for service in document["services"]:
        yield "service", service
        for officer in (service["responsible_officer"], service["superior_officer"]):
            if officer:
                yield "officer", officer
    for expectation in document["expectations"]:
        yield "expectation", expectation
    for tier in document["grievance_tiers"]:
        yield "tier", tier
        if tier["contact_officer"]:
            yield "officer", tier["contact_officer"]


def translate_published(english_for):
    """Give the published versions the English of HQ's glossaries: ``english_for(kind, field,
    bengali, english)`` returns the English for a text (``english`` is what it has now), or None
    to leave it. The one change a published version takes besides its withdrawal, and it cannot
    touch what was signed: the English is the portal's translation of the Bengali, which stays
    exactly as published. Returns the number of versions changed."""
    changed = []
    with transaction.atomic():
        for version in CharterVersion.objects.select_for_update().order_by("pk"):
            touched = False
            for kind, part in _document_parts(version.document):
                for name in DOCUMENT_TEXTS[kind]:
                    text = part[name]
                    # A stale English is no English: the glossary may give the Bengali a fresh one.
                    translated = english_for(kind, name, text["bn"], english(text))
                    if translated and (translated != text["en"] or "en_of" in text):
                        text["en"], touched = translated, True
                        text.pop("en_of", None)
            if touched:
                changed.append(version)
        # bulk_update: past CharterVersion.save(), which refuses every other change; one statement a batch.
        CharterVersion.objects.bulk_update(changed, ["document"], batch_size=100)
        refresh_listings({version.office_id for version in changed})
    return len(changed)

"""The one loader of a charter as citizens see it: the office, its subordinate offices, the
national GRS cell, and the version of its charter in force (or another version, or, for its own
staff, the draft), thawed by charters.snapshot."""

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from grievances.models import GrievanceTier, Level, PublishedTier
from offices.models import Office

from .models import CharterVersion
from .snapshot import CharterContents, contents_from_document, draft_document


def _office_and_subordinates(key):
    """The office and the offices under it (the page lists them): one query."""
    offices = list(
        Office.objects.with_area()
        .filter(Q(key=key) | Q(parent__in=Office.objects.filter(key=key).values("pk")))
        .order_by("pk")
    )
    office = next((o for o in offices if o.key == key), None)
    return office, [o for o in offices if o is not office]


def _national_cell():
    return list(GrievanceTier.objects.national().select_related("contact_officer__office"))


def _contents(office, subordinates, document, *, national_cell, published_at):
    """The page's contents of a document, or of no charter at all (``document`` None)."""
    if document is None:
        return CharterContents(
            office=office, services=[], expectations=[], grievance_chain=[], subordinates=subordinates
        )
    return contents_from_document(
        office, document, national_cell=national_cell, subordinates=subordinates, published_at=published_at
    )


def _version_contents(office, subordinates, version, national_cell):
    document, published_at = (version.document, version.published_at) if version else (None, None)
    contents = _contents(office, subordinates, document, national_cell=national_cell, published_at=published_at)
    contents.version = version
    return contents


def load_charter(key, number=None):
    """The office ``key``'s charter page: the version in force, or version ``number`` (withdrawn
    ones included); None when there is no such office. Three queries, whatever its size."""
    office, subordinates = _office_and_subordinates(key)
    if office is None:
        return None
    versions = CharterVersion.objects.filter(office=office)
    if number is None:
        version = versions.in_force().order_by("-number").first()
    else:
        version = versions.filter(number=number).first()
        if version is None:
            return None
    national_cell = _national_cell()
    contents = _version_contents(office, subordinates, version, national_cell)
    printed = {tier["level"] for tier in version.document["grievance_tiers"]} if version else set()
    if number is None and version is not None and not printed >= {level.value for level in Level.office_levels()}:
        contents.law_chain = law_chain(office, national_cell)  # a query only where the paper lacks a tier
    return contents


def law_chain(office, national_cell):
    """The tiers the charter in force does not print, as the law gives them (the holder HQ assigned,
    the national days), followed by the national cell; [] when the paper prints its whole chain."""
    unprinted = PublishedTier.objects.of_office(office).filter(printed=False).select_related("office")
    tiers = [tier.as_tier() for tier in unprinted]
    return tiers + national_cell if tiers else []


def load_draft(key):
    """The office's draft, exactly as its page would show it once published."""
    office, subordinates = _office_and_subordinates(key)
    if office is None:
        return None
    return _contents(
        office, subordinates, draft_document(office), national_cell=_national_cell(), published_at=timezone.now()
    )


def all_charters(chunk_size=50):
    """Every office's page contents, in the national tree's order (pk), a chunk of versions at a time."""
    national_cell = _national_cell()
    in_force = CharterVersion.objects.in_force().filter(office=OuterRef("pk")).order_by("-number").values("pk")[:1]
    offices = list(Office.objects.with_area().annotate(version_id=Subquery(in_force)).order_by("pk"))
    children = {}
    for office in offices:
        children.setdefault(office.parent_id, []).append(office)
    for start in range(0, len(offices), chunk_size):
        chunk = offices[start : start + chunk_size]
        versions = CharterVersion.objects.in_bulk([o.version_id for o in chunk if o.version_id])
        for office in chunk:
            yield _version_contents(office, children.get(office.pk, []), versions.get(office.version_id), national_cell)

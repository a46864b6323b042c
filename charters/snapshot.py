"""A charter frozen as one JSON document, and thawed back into the objects its page shows.

Publishing stores ``draft_document(office)`` in a CharterVersion; the public page, the office's
JSON, the national files, search and the per-service page are all built from the document of the
version in force (``contents_from_document``), never from the rows staff are editing. A preview
goes through the very same two functions, so a draft previews exactly as it will publish.

The document carries the charter's own parts in both languages: the prose, the layout, the date
and signatory, the services, the expectations and the office's own GRS tiers. What is not the
office's to promise stays live: the office's place in the tree and its contacts, its subordinate
offices, the Cabinet Division's national cell.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from grievances.models import GrievanceTier
from offices.models import Office, Officer
from services.models import Expectation, Service
from services.promises import promise_fields, promise_in_document

from .models import Charter

FORMAT = 1
CHARTER_TEXTS = ("vision", "mission", "signatory_name", "signatory_designation")
OFFICER_TEXTS = ("name", "designation", "branch")
OFFICER_CONTACTS = ("phone", "mobile", "email", "room", "upazila_code")
TIER_TEXTS = ("when_to_contact", "contact_title", "contact_text")


@dataclass
class CharterContents:
    """What an office's charter page shows."""

    office: Office
    services: list
    expectations: list
    grievance_chain: list
    subordinates: list
    charter: Charter | None = None
    version: object = None  # the CharterVersion shown; None for a draft or no charter
    # The tiers of the national GRS chain the law gives where the paper prints none (Kachua's),
    # then the national cell: shown below the paper's parts, for the version in force only.
    law_chain: list = None

    @property
    def service_tables(self):
        """``[(category, services)]`` for the categories the charter has, in section order."""
        tables = [(category, [s for s in self.services if s.category == category]) for category in Service.Category]
        return [(category, rows) for category, rows in tables if rows]


def _texts(obj, names):
    """``{name: {"bn", "en"}}``; a stale English (charter_portal.translated) also keeps, as
    ``en_of``, the Bengali it was written for, so the published version knows it is stale."""
    record = getattr(obj, "english_of", None) or {}
    texts = {}
    for name in names:
        bengali, english = getattr(obj, f"{name}_bn") or "", getattr(obj, f"{name}_en") or None
        texts[name] = {"bn": bengali, "en": english}
        if english and record.get(name, bengali) != bengali:
            texts[name]["en_of"] = record[name]
    return texts


def english(text):
    """The English a page may show of a document's text: None where it has none or it is stale
    (the page then shows the Bengali, marked lang="bn")."""
    return None if "en_of" in text else text["en"]


def _thawed(names, data):
    return {
        f"{name}_{language}": english(data[name]) if language == "en" else data[name]["bn"]
        for name in names
        for language in ("bn", "en")
    }


def _officer(officer):
    if officer is None:
        return None
    return {
        "id": officer.pk,
        "office": officer.office.key,
        "office_id": officer.office_id,
        "office_name": {"bn": officer.office.name_bn or "", "en": officer.office.name_en or None},
        **_texts(officer, OFFICER_TEXTS),
        **{name: getattr(officer, name) or "" for name in OFFICER_CONTACTS},
    }


def draft_document(office):
    """The office's charter as its staff have it now (its rows), as a document; None if it has none."""
    return draft_documents([office]).get(office.pk)


def draft_documents(offices):
    """``{office pk: draft document}`` for the offices that have a charter: five queries, however
    many offices (the benchmark's national dataset publishes 558 at once)."""
    ids = [office.pk for office in offices]
    by_office = defaultdict(lambda: {"services": [], "expectations": [], "tiers": [], "subordinates": []})
    services = Service.objects.filter(office__in=ids).select_related(
        "responsible_officer__office", "superior_officer__office"
    )
    for service in services.order_by("office_id", "category", "serial"):
        by_office[service.office_id]["services"].append(service)
    for expectation in Expectation.objects.filter(office__in=ids).order_by("office_id", "serial"):
        by_office[expectation.office_id]["expectations"].append(expectation)
    tiers = GrievanceTier.objects.filter(office__in=ids).select_related("contact_officer__office")
    for tier in tiers.order_by("office_id", "level"):
        by_office[tier.office_id]["tiers"].append(tier)
    for child in (
        Office.objects.filter(parent__in=ids).only("pk", "parent_id", "key", "name_bn", "name_en").order_by("pk")
    ):
        by_office[child.parent_id]["subordinates"].append(child)
    return {
        charter.office_id: _document(charter, **by_office[charter.office_id])
        for charter in Charter.objects.filter(office__in=ids)
    }


def _document(charter, services, expectations, tiers, subordinates):
    return {
        "format": FORMAT,
        **_texts(charter, CHARTER_TEXTS),
        "service_columns": charter.service_columns,
        "issued_on": charter.issued_on.isoformat() if charter.issued_on else None,
        "services": [
            {
                "id": service.pk,
                "category": service.category,
                "serial": service.serial,
                **_texts(service, Service.TEXT_FIELDS),
                # The time limit as a number, as staff confirmed it or as its text reads.
                "promise": service.promise.as_json(),
                "responsible_officer": _officer(service.responsible_officer),
                "superior_officer": _officer(service.superior_officer),
            }
            for service in services
        ],
        "expectations": [{"serial": e.serial, **_texts(e, ("text",))} for e in expectations],
        "grievance_tiers": [
            {
                "level": tier.level,
                **_texts(tier, TIER_TEXTS),
                "contact_officer": _officer(tier.contact_officer),
                "resolution_days": tier.resolution_days,
            }
            for tier in tiers
        ],
        # The page lists the office's subordinate offices as they are now (they are HQ's, not the
        # office's to promise); the document keeps them so that "what changed" can say so.
        "subordinates": [{"key": o.key, **_texts(o, ("name",))} for o in subordinates],
    }


def promises(document):
    """What a document promises, without its date and signatory and without the row ids it
    carries for the page's sake: two documents with the same promises are the same charter,
    however often it is signed or re-imported."""

    def without_ids(value):
        if isinstance(value, dict) and "time_limit" in value:  # a service: a version from before
            value = {**value, "promise": promise_in_document(value).as_json()}  # promises reads its text
        if isinstance(value, dict):
            return {k: without_ids(v) for k, v in value.items() if k not in ("id", "office_id", "en_of")}
        if isinstance(value, list):
            return [without_ids(v) for v in value]
        return value

    return without_ids(
        {k: v for k, v in document.items() if k not in ("issued_on", "signatory_name", "signatory_designation")}
    )


def promises_the_same(draft, version):
    """Whether a draft document promises what a published version does: if so, publishing it
    would add nothing (its date and signatory alone are no new charter)."""
    if version is None:
        return False
    published = version.document
    if "subordinates" not in published:  # published before documents listed them
        draft = {k: v for k, v in draft.items() if k != "subordinates"}
    return promises(draft) == promises(published)


def contents_from_document(office, document, *, national_cell, subordinates, published_at):
    """The page's contents of a document: unsaved model objects, so every template and every
    rule of the models (anchors, links, translations, digits) works on them unchanged."""
    charter = Charter(
        office=office,
        service_columns=document["service_columns"],
        issued_on=datetime.date.fromisoformat(document["issued_on"]) if document["issued_on"] else None,
        **_thawed(CHARTER_TEXTS, document),
    )
    charter.published_at = published_at  # its "last updated": when this version was published
    officers = {}

    def officer(data):
        if data is None:
            return None
        if data["id"] not in officers:
            if data["office_id"] == office.pk:
                owner = office
            else:
                owner = Office(
                    pk=data["office_id"], key=data["office"], **_thawed(["name"], {"name": data["office_name"]})
                )
            officers[data["id"]] = Officer(
                pk=data["id"],
                office=owner,
                **_thawed(OFFICER_TEXTS, data),
                **{name: data[name] for name in OFFICER_CONTACTS},
            )
        return officers[data["id"]]

    services = [
        Service(
            pk=s["id"],
            office=office,
            category=s["category"],
            serial=s["serial"],
            responsible_officer=officer(s["responsible_officer"]),
            superior_officer=officer(s["superior_officer"]),
            **_thawed(Service.TEXT_FIELDS, s),
            **promise_fields(s),
        )
        for s in document["services"]
    ]
    expectations = [
        Expectation(office=office, serial=e["serial"], **_thawed(["text"], e)) for e in document["expectations"]
    ]
    own_tiers = [
        GrievanceTier(
            office=office,
            level=t["level"],
            contact_officer=officer(t["contact_officer"]),
            resolution_days=t["resolution_days"],
            **_thawed(TIER_TEXTS, t),
        )
        for t in document["grievance_tiers"]
    ]
    return CharterContents(
        office=office,
        services=services,
        expectations=expectations,
        grievance_chain=GrievanceTier.objects.chain_for(office, own_tiers, national_cell),
        subordinates=subordinates,
        charter=charter,
    )

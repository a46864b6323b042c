"""The English a charter document holds for another Bengali than it has now: stale
(charter_portal.translated records which Bengali each English was written for). The public
pages show the Bengali instead (charters.snapshot.english); the editor and the publish form
list these, so staff know which English to write again."""

from dataclasses import dataclass

from django.utils.translation import gettext

from charter_portal.bangla import bn_digits

from .comparison import (
    CHARTER_TEXTS,
    KINDS,
    OFFICER_TEXTS,
    SERVICE_TEXTS,
    SIGNATURE,
    TIER_TEXTS,
    named_officers,
    officer_text,
)


@dataclass
class StaleEnglish:
    where: str  # the part of the charter, as "what changed" names it
    label: str  # which text of it
    bengali: str  # the Bengali it has now
    english: str  # the English, written for an earlier Bengali


def stale_english(document):
    """Every stale English of a charter document (a draft's or a version's), in the paper's order."""
    found = []

    def check(kind, part, labels, data):
        where = str(KINDS[kind]) if part is None else f"{KINDS[kind]}: {part}"
        for name, label in labels.items():
            text = data.get(name)
            if text and "en_of" in text:
                found.append(StaleEnglish(where, str(label), text["bn"], text["en"]))

    check("prose", None, CHARTER_TEXTS, document)
    for service in document["services"]:
        check("service", service["name"]["bn"], SERVICE_TEXTS, service)
    for expectation in document["expectations"]:
        check("expectation", bn_digits(expectation["serial"]), {"text": KINDS["expectation"]}, expectation)
    for tier in document["grievance_tiers"]:
        check("tier", gettext("স্তর %(level)s") % {"level": bn_digits(tier["level"])}, TIER_TEXTS, tier)
    for officer in named_officers(document).values():
        check("officer", officer_text(officer), OFFICER_TEXTS, officer)
    check("signature", None, {k: v for k, v in SIGNATURE.items() if k != "issued_on"}, document)
    return found

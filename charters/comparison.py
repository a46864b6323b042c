"""What changed between two versions of a charter: services added and removed, and every
changed fee, time limit, paper and responsible officer, old beside new."""

from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import search_key

# The columns a citizen plans a visit by, in the order the comparison lists them.
COMPARED = {
    "fee": _("সেবার মূল্য"),
    "time_limit": _("সময়সীমা"),
    "required_papers": _("প্রয়োজনীয় কাগজপত্র"),
    "papers_source": _("কাগজপত্র প্রাপ্তিস্থান"),
    "responsible_officer": _("দায়িত্বপ্রাপ্ত কর্মকর্তা"),
}


@dataclass
class Change:
    service: dict
    column: str
    old: str
    new: str

    @property
    def label(self):
        return COMPARED[self.column]


@dataclass
class Comparison:
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    first: bool = False

    def __bool__(self):
        return bool(self.added or self.removed or self.changed)

    def summary(self):
        """One line for the list of versions, in the active language (digits are the template's)."""
        if self.first:
            return gettext("প্রথম প্রকাশিত সংস্করণ")
        parts = []
        if self.added:
            parts.append(gettext("%(n)sটি সেবা যোগ") % {"n": len(self.added)})
        if self.removed:
            parts.append(gettext("%(n)sটি সেবা বাদ") % {"n": len(self.removed)})
        services = {id(change.service) for change in self.changed}
        if services:
            parts.append(gettext("%(n)sটি সেবায় পরিবর্তন") % {"n": len(services)})
        return "; ".join(parts) or gettext("সেবার তালিকা অপরিবর্তিত; চার্টারের অন্য অংশ বদলেছে")


def officer_text(officer):
    if not officer:
        return ""
    return ", ".join(part for part in (officer["name"]["bn"], officer["designation"]["bn"]) if part)


def _value(service, column):
    if column == "responsible_officer":
        return officer_text(service[column])
    return service[column]["bn"]


def _key(service):
    return (service["category"], search_key(service["name"]["bn"]))


def compare(old, new):
    """``old`` and ``new`` are version documents (charters.snapshot); ``old`` None for the first."""
    if old is None:
        return Comparison(added=list(new["services"]), first=True)
    before = {_key(s): s for s in old["services"]}
    after = {_key(s): s for s in new["services"]}
    comparison = Comparison(
        added=[s for key, s in after.items() if key not in before],
        removed=[s for key, s in before.items() if key not in after],
    )
    for key, service in after.items():
        if key in before:
            for column in COMPARED:
                old_value, new_value = _value(before[key], column), _value(service, column)
                if old_value != new_value:
                    comparison.changed.append(Change(service, column, old_value, new_value))
    return comparison

"""What changed between two documents of a charter (charters.snapshot): every part of it, old
beside new. The one comparison the editor's draft status, the publish form, the list of versions
and each version's page show, so none of them can say less than a publish changes.

The parts, in the paper's order: vision and mission, the services (each text, officer, place and
the table's layout), the expectations, the GRS tiers (holder, contact, days), the officers the
charter names (names, posts, phones, e-mails), the subordinate offices, the date and signatory.
Bengali is compared, and the English beside it wherever someone wrote one.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from charter_portal.bangla import bn_digits, search_key
from services.promises import promise_in_document

from .models import Charter

COLUMNS = dict(Charter.ServiceColumns.choices)

LANGUAGES = ("bn", "en")

CHARTER_TEXTS = {"vision": _("ভিশন"), "mission": _("মিশন")}
SERVICE_TEXTS = {
    "name": _("সেবার নাম"),
    "delivery_method": _("সেবা প্রদান পদ্ধতি"),
    "required_papers": _("প্রয়োজনীয় কাগজপত্র"),
    "papers_source": _("কাগজপত্র প্রাপ্তিস্থান"),
    "fee": _("সেবার মূল্য"),
    "time_limit": _("সময়সীমা"),
}
SERVICE_OFFICERS = {"responsible_officer": _("দায়িত্বপ্রাপ্ত কর্মকর্তা"), "superior_officer": _("উর্ধ্বতন কর্মকর্তা")}
TIER_TEXTS = {
    "when_to_contact": _("কখন যোগাযোগ করবেন"),
    "contact_title": _("কার সঙ্গে যোগাযোগ করবেন"),
    "contact_text": _("যোগাযোগের ঠিকানা"),
}
OFFICER_TEXTS = {"name": _("নাম"), "designation": _("পদবি"), "branch": _("শাখা")}
# E-mail addresses keep their Latin digits (charter_portal.bangla).
OFFICER_CONTACTS = {
    "phone": _("ফোন"),
    "mobile": _("মোবাইল"),
    "email": _("ই-মেইল"),
    "room": _("কক্ষ নম্বর"),
    "upazila_code": _("উপজেলা কোড"),
}
SIGNATURE = {
    "issued_on": _("চার্টারের তারিখ"),
    "signatory_name": _("স্বাক্ষরকারীর নাম"),
    "signatory_designation": _("স্বাক্ষরকারীর পদবি"),
}
# The kinds of part, in the order the list shows them and the summary names them.
KINDS = {
    "prose": _("ভিশন ও মিশন"),
    "service": _("সেবা"),
    "layout": _("সেবা তালিকার কলাম"),
    "expectation": _("প্রত্যাশা"),
    "tier": _("অভিযোগ প্রতিকার ব্যবস্থা"),
    "officer": _("কর্মকর্তা"),
    "subordinate": _("অধীন দপ্তর"),
    "signature": _("তারিখ ও স্বাক্ষর"),
}
ADDED, REMOVED = _("যোগ হয়েছে"), _("বাদ গেছে")


@dataclass
class Change:
    """One difference: which part (``kind`` and its ``part`` name), what of it (``label``), old and new.
    An empty old means the part was added; an empty new that it was removed."""

    kind: str
    part: str
    label: str
    old: str
    new: str
    lang: str = "bn"  # the language of old and new
    literal: bool = False  # shown as written: no Bengali digits (e-mail addresses)
    service: dict | None = None

    @property
    def where(self):
        """The part as the list names it: its kind, then which one."""
        kind = str(KINDS[self.kind])
        return kind if self.part == kind else f"{kind}: {self.part}"


@dataclass
class Comparison:
    changes: list = field(default_factory=list)
    added: list = field(default_factory=list)  # services
    removed: list = field(default_factory=list)  # services
    first: bool = False

    def __bool__(self):
        return bool(self.changes)

    def summary(self):
        """One line for the list of versions, in the active language (digits are the template's)."""
        if self.first:
            return gettext("প্রথম প্রকাশিত সংস্করণ")
        parts = []
        if self.added:
            parts.append(gettext("%(n)sটি সেবা যোগ") % {"n": len(self.added)})
        if self.removed:
            parts.append(gettext("%(n)sটি সেবা বাদ") % {"n": len(self.removed)})
        listed = {id(s) for s in self.added + self.removed}
        services = {id(c.service) for c in self.changes if c.service is not None and id(c.service) not in listed}
        if services:
            parts.append(gettext("%(n)sটি সেবায় পরিবর্তন") % {"n": len(services)})
        others = [str(label) for kind, label in KINDS.items() if kind != "service" and self._has(kind)]
        if others:
            parts.append(gettext("বদলেছে: %(parts)s") % {"parts": ", ".join(others)})
        return "; ".join(parts) or gettext("কোনো পরিবর্তন নেই")

    def _has(self, kind):
        return any(c.kind == kind for c in self.changes)


def officer_text(officer):
    if not officer:
        return ""
    return ", ".join(part for part in (officer["name"]["bn"], officer["designation"]["bn"]) if part)


def _contacts(officer):
    if not officer:
        return ""
    return ", ".join(officer.get(name) or "" for name in ("phone", "mobile", "email") if officer.get(name))


def _date(value):
    return bn_digits(datetime.date.fromisoformat(value).strftime("%d/%m/%Y")) if value else ""


class _Differ:
    def __init__(self):
        self.changes = []

    def add(self, kind, part, label, old, new, **extra):
        old, new = old or "", new or ""
        if old != new:
            self.changes.append(Change(kind, str(part), str(label), old, new, **extra))

    def texts(self, kind, part, labels, old, new, **extra):
        """The Bengali of each text, then its English where either side has one."""
        for name, label in labels.items():
            before, after = (old or {}).get(name) or {}, (new or {}).get(name) or {}
            self.add(kind, part, label, before.get("bn"), after.get("bn"), **extra)
            if before.get("en") or after.get("en"):
                label_en = gettext("%(label)s (ইংরেজি)") % {"label": label}
                self.add(kind, part, label_en, before.get("en"), after.get("en"), lang="en", **extra)


def _match(old_items, new_items, *keys):
    """Pair the items of two lists by the first key, then what is left by the next (a renamed
    service keeps its place). Returns (pairs, removed, added)."""
    pairs, old_left, new_left = [], list(old_items), list(new_items)
    for key in keys:
        before = {}
        for item in old_left:
            before.setdefault(key(item), item)
        unmatched = []
        for item in new_left:
            match = before.pop(key(item), None)
            if match is None:
                unmatched.append(item)
            else:
                pairs.append((match, item))
        left = {id(item) for item in before.values()}
        old_left, new_left = [i for i in old_left if id(i) in left], unmatched
    return pairs, old_left, new_left


def _service_part(service):
    return service["name"]["bn"]


def _services(differ, comparison, old, new):
    pairs, removed, added = _match(
        old["services"],
        new["services"],
        lambda s: (s["category"], search_key(s["name"]["bn"])),
        lambda s: (s["category"], s["serial"]),
    )
    comparison.removed, comparison.added = removed, added
    for service in removed:
        differ.add("service", _service_part(service), REMOVED, service["name"]["bn"], "", service=service)
    for service in added:
        differ.add("service", _service_part(service), ADDED, "", service["name"]["bn"], service=service)
    for before, after in pairs:
        part, extra = _service_part(after), {"service": after}
        differ.texts("service", part, SERVICE_TEXTS, before, after, **extra)
        for name, officer_label in SERVICE_OFFICERS.items():
            differ.add("service", part, officer_label, officer_text(before[name]), officer_text(after[name]), **extra)
        # As published (an older version without one: its time limit's reading).
        promised = [service.get("promise") or promise_in_document(service).as_json() for service in (before, after)]
        if promised[0] != promised[1]:
            labels = (promise_in_document({"promise": p}).words for p in promised)
            differ.add("service", part, _("প্রতিশ্রুত সময় (পরিমাপের জন্য)"), *labels, **extra)
        place = (before["category"], before["serial"]), (after["category"], after["serial"])
        if place[0] != place[1]:
            differ.add("service", part, _("ধরন ও ক্রমিক নং"), *(bn_digits(f"২.{c}.{n}") for c, n in place), **extra)


def _expectations(differ, old, new):
    pairs, removed, added = _match(old["expectations"], new["expectations"], lambda e: e["serial"])
    for expectation in removed + added:
        differ.add(
            "expectation",
            bn_digits(expectation["serial"]),
            REMOVED if expectation in removed else ADDED,
            expectation["text"]["bn"] if expectation in removed else "",
            expectation["text"]["bn"] if expectation in added else "",
        )
    for before, after in pairs:
        differ.texts("expectation", bn_digits(after["serial"]), {"text": KINDS["expectation"]}, before, after)


def _tiers(differ, old, new):
    before = {t["level"]: t for t in old["grievance_tiers"]}
    after = {t["level"]: t for t in new["grievance_tiers"]}
    for level in sorted(set(before) | set(after)):
        part = gettext("স্তর %(level)s") % {"level": bn_digits(level)}
        b, a = before.get(level) or {}, after.get(level) or {}
        differ.texts("tier", part, TIER_TEXTS, b, a)
        holder_b, holder_a = b.get("contact_officer"), a.get("contact_officer")
        differ.add("tier", part, _("দায়িত্বপ্রাপ্ত কর্মকর্তা"), officer_text(holder_b), officer_text(holder_a))
        if _officer_key(holder_b) != _officer_key(holder_a):  # the same officer's contacts: listed below
            differ.add("tier", part, _("কর্মকর্তার যোগাযোগ"), _contacts(holder_b), _contacts(holder_a), literal=True)
        days = [bn_digits(t["resolution_days"]) if t.get("resolution_days") else "" for t in (b, a)]
        differ.add("tier", part, _("নিষ্পত্তির সময় (কার্যদিবস)"), *days)


def named_officers(document):
    """Every officer the document names, once: by row id where it carries one."""
    found = {}
    named = [(s["responsible_officer"], s["superior_officer"]) for s in document["services"]]
    named += [(t["contact_officer"],) for t in document["grievance_tiers"]]
    for officer in (o for group in named for o in group if o):
        found.setdefault(_officer_key(officer), officer)
    return found


def _officer_key(officer):
    if not officer:
        return None
    return officer.get("id") or (officer["name"]["bn"], officer["designation"]["bn"])


def _officer_changes(differ, old, new):
    before, after = named_officers(old), named_officers(new)
    for key in [k for k in after if k in before]:
        b, a = before[key], after[key]
        part = officer_text(a) or officer_text(b)
        differ.texts("officer", part, OFFICER_TEXTS, b, a)
        differ.texts("officer", part, {"office_name": _("দপ্তর")}, b, a)  # HQ renamed the office
        for name, label in OFFICER_CONTACTS.items():
            differ.add("officer", part, label, b.get(name), a.get(name), literal=name == "email")


def _subordinates(differ, old, new):
    if "subordinates" not in old or "subordinates" not in new:
        return  # a version published before the documents listed them
    before = {o["key"]: o for o in old["subordinates"]}
    after = {o["key"]: o for o in new["subordinates"]}
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key), after.get(key)
        differ.texts("subordinate", (a or b)["name"]["bn"], {"name": _("দপ্তরের নাম")}, b, a)


def compare(old, new):
    """``old`` and ``new`` are charter documents (charters.snapshot); ``old`` None for the first."""
    if old is None:
        return Comparison(added=list(new["services"]), first=True)
    differ, comparison = _Differ(), Comparison()
    differ.texts("prose", KINDS["prose"], CHARTER_TEXTS, old, new)
    _services(differ, comparison, old, new)
    columns = [str(COLUMNS.get(d["service_columns"], d["service_columns"])) for d in (old, new)]
    differ.add("layout", KINDS["layout"], KINDS["layout"], *columns)
    _expectations(differ, old, new)
    _tiers(differ, old, new)
    _officer_changes(differ, old, new)
    _subordinates(differ, old, new)
    differ.add(
        "signature", KINDS["signature"], SIGNATURE["issued_on"], _date(old["issued_on"]), _date(new["issued_on"])
    )
    differ.texts("signature", KINDS["signature"], {k: v for k, v in SIGNATURE.items() if k != "issued_on"}, old, new)
    comparison.changes = sorted(differ.changes, key=lambda c: list(KINDS).index(c.kind))
    return comparison

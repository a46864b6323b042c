"""A charter cloned from one office to another of the same level."""

import re
from dataclasses import dataclass

from charter_portal.bangla import any_encoding_pattern
from offices.models import Office

from .document import CharterDocument, OfficerEntry, read_charter
from .errors import CharterError


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


def clone_document(source, target, document=None):
    """The source's charter made ready for the target, and what the target's staff must still fill in.

    Officers are the people of the source office, so they are not copied: each becomes an
    empty post (its designation only) in the target, or in the target's own office above,
    for the staff there to name. ``document``: the source's charter already read (it is changed
    here; a caller cloning one source many times passes a copy each time).
    """
    if source.level != target.level:
        raise CharterError(
            f"{source.key} একটি {source.get_level_display()}, {target.key} একটি {target.get_level_display()}; "
            "চার্টার কেবল একই স্তরের দপ্তরে অনুলিপি করা যায়"
        )
    document = document if document is not None else read_charter(source)
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

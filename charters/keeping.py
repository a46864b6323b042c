"""Re-import keeps people: the officers of an office whose charter is written again are matched
to the new document's by name and designation (then, for a post whose holder changed, by
designation) and updated in place, so the grievance desks on their posts stay; one who left the
charter is deleted only if nothing names them any more, and every one who left is a warning."""

from charter_portal.bangla import search_key
from offices.models import Officer


def _post_key(text):
    return search_key(text or "")


def match_officers(current, entries):
    """``{id(entry): officer}``: each of the document's own officers matched to one of the office's
    officers, by name and designation; then, for a post whose holder changed, by designation."""
    matches, left = {}, list(current)
    for key in (
        lambda name, designation: (_post_key(name), _post_key(designation)),
        lambda name, designation: _post_key(designation),
    ):
        for entry in entries:
            if id(entry) in matches:
                continue
            wanted = key(entry.name, entry.designation)
            if not wanted:  # no designation: a post cannot be recognised by it
                continue
            officer = next((o for o in left if key(o.name_bn, o.designation_bn) == wanted), None)
            if officer is not None:
                matches[id(entry)] = officer
                left.remove(officer)
    return matches


def _still_named_by(officer):
    """What still names an officer once the office's charter rows are gone (a grievance desk,
    another office's charter, a grievance): the plural names of those rows."""
    names = []
    for relation in Officer._meta.related_objects:
        rows = relation.related_model._base_manager.filter(**{relation.field.name: officer})
        if rows.exists():
            names.append(str(relation.related_model._meta.verbose_name_plural))
    return names


def departed(officers):
    """Warnings for the officers who left the charter: deleted, unless something still names them."""
    warnings = []
    for officer in officers:
        named_by = _still_named_by(officer)
        if named_by:
            warnings.append(
                f"কর্মকর্তা «{officer}» নতুন চার্টারে নেই, কিন্তু {', '.join(named_by)}-এ তাঁর নাম আছে; "
                "তাই তাঁকে রাখা হলো। প্রয়োজনে দায়িত্ব নতুন কর্মকর্তাকে দিন।"
            )
        else:
            warnings.append(f"কর্মকর্তা «{officer}» নতুন চার্টারে নেই; দপ্তরের কর্মকর্তা তালিকা থেকে বাদ দেওয়া হলো।")
            officer.delete()
    return warnings

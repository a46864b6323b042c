"""Fixtures HQ writes by hand: checked row by row as loaddata saves them.

loaddata saves rows raw, past ``full_clean()``: a hand-written fixture could put an upazila office
under another district's office, give a district office no district, or quietly rewrite a place
that already exists (a fixture without primary keys finds an existing row by its natural key, and
loaddata would overwrite it). ``check_loaded_row`` runs on every raw save of the national tree and
raises ``FixtureRowError``, which loaddata reports as "Problem installing fixture '<file>': Could
not load offices.Office(pk=…): Office kalai.joypurhat: …" and rolls the whole command back.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q

# What a fixture may not change about a row that already exists. Loading the shipped fixtures
# again changes none of them; a hand-written row that does is a second place with the same key.
_TREE_FIELDS = ("level", "parent_id", "district_id", "upazila_id", "division_id", "name_bn", "name_en")


class FixtureRowError(ValueError):
    """A row of a fixture that may not be loaded; the message names the row. loaddata prefixes the
    file and the row's model to the message; ``row_message`` keeps the message alone (our loaddata
    reports it as its one line)."""

    def __init__(self, message):
        super().__init__(message)
        self.row_message = message


def _label(instance):
    return f"{type(instance).__name__} {instance.key or '(কী নেই)'}"


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(message for messages in error.message_dict.values() for message in messages)
    return "; ".join(error.messages)


def check_loaded_row(sender, instance, raw=False, **kwargs):
    """pre_save of Division, District, Upazila and Office: refuse a bad row of a fixture."""
    if not raw:
        return
    label = _label(instance)

    def refuse(message):
        raise FixtureRowError(f"{label}: {message}")

    try:
        instance._meta.get_field("key").run_validators(instance.key)
    except ValidationError as error:
        refuse(_messages(error))
    # One query for both questions (every row of the national tree comes through here): the row
    # with this primary key, and any other row with this key.
    manager = sender._default_manager
    rows = Q(key=instance.key) if instance.pk is None else Q(key=instance.key) | Q(pk=instance.pk)
    found = list(manager.filter(rows)[:2])
    if any(row.key == instance.key and row.pk != instance.pk for row in found):
        refuse("এই কী আগে থেকেই আছে; নতুন স্থান বা দপ্তরের জন্য নতুন কী দিন।")
    existing = next((row for row in found if instance.pk is not None and row.pk == instance.pk), None)
    if existing is not None:
        changed = [
            name
            for name in _TREE_FIELDS
            if hasattr(instance, name) and getattr(instance, name) != getattr(existing, name)
        ]
        if changed:
            refuse(
                f"এই কী আগে থেকেই আছে ({existing}); ফিক্সচার নতুন স্থান ও দপ্তর যোগ করে, "
                f"আগেরটি বদলায় না (যা বদলাত: {', '.join(changed)})।"
            )
    above = {"District": ("division_id", "বিভাগ"), "Upazila": ("district_id", "জেলা")}.get(sender.__name__)
    if above and getattr(instance, above[0]) is None:
        refuse(f"{above[1]} পাওয়া যায়নি: যে কী দেওয়া হয়েছে তা কোনো জানা {above[1]}র নয়।")
    if sender is _office_model():
        _check_office(instance, refuse)


def _office_model():
    from .models import Office

    return Office


def _check_office(office, refuse):
    Level = type(office).Level
    area = {
        Level.HQ: (office.district_id is None and office.upazila_id is None),
        Level.DISTRICT: (office.district_id is not None and office.upazila_id is None),
        Level.UPAZILA: (office.district_id is None and office.upazila_id is not None),
    }
    if office.level not in area:
        refuse(f"অজানা স্তর {office.level!r}; স্তর হবে hq, district অথবা upazila।")
    if not area[office.level]:
        needs = {
            Level.HQ: "জেলা বা উপজেলা থাকবে না",
            Level.DISTRICT: "শুধু জেলা থাকবে (জানা জেলার কী)",
            Level.UPAZILA: "শুধু উপজেলা থাকবে (জানা উপজেলার কী)",
        }[office.level]
        refuse(f"দপ্তরের এলাকা তার স্তরের সাথে মেলে না: {office.get_level_display()}-এর {needs}।")
    try:
        office.clean()
    except ValidationError as error:
        refuse(_messages(error))

"""The GRS chain of each office's version in force becomes rows routing reads (grievances.PublishedTier).

Where the version names no post for a tier (it prints none, or only an address in words), the post
the office's draft named until now stays its holder, as assigned by HQ: every grievance goes where
it went the day before this migration; from now on only a publish (or HQ) moves it.
"""

from django.db import migrations

OFFICE_LEVELS = {1: 30, 2: 20}  # the national standard days of an office's own tiers


def _contact(officer, office_model):
    office = office_model.objects.get(pk=officer.office_id)
    return {
        "id": officer.pk,
        "office": office.key,
        "office_id": office.pk,
        "office_name": {"bn": office.name_bn or "", "en": office.name_en or None},
        **{
            name: {"bn": getattr(officer, f"{name}_bn") or "", "en": getattr(officer, f"{name}_en") or None}
            for name in ("name", "designation", "branch")
        },
        **{name: getattr(officer, name) or "" for name in ("phone", "mobile", "email", "room", "upazila_code")},
    }


def project(apps, schema_editor):
    CharterVersion = apps.get_model("charters", "CharterVersion")
    PublishedTier = apps.get_model("grievances", "PublishedTier")
    GrievanceTier = apps.get_model("grievances", "GrievanceTier")
    Officer = apps.get_model("offices", "Officer")
    Office = apps.get_model("offices", "Office")
    in_force = {}
    for version in CharterVersion.objects.filter(withdrawn_at=None).order_by("office_id", "number"):
        in_force[version.office_id] = version
    draft = {(t.office_id, t.level): t.contact_officer_id for t in GrievanceTier.objects.exclude(office=None)}
    for office_id, version in in_force.items():
        printed = {tier["level"]: tier for tier in version.document["grievance_tiers"]}
        for level, standard in OFFICE_LEVELS.items():
            tier = printed.get(level)
            row = PublishedTier(office_id=office_id, level=level, printed=tier is not None)
            if tier is not None:
                row.texts = {name: tier[name] for name in ("when_to_contact", "contact_title", "contact_text")}
                row.contact, row.days = tier["contact_officer"], tier["resolution_days"]
            else:
                empty = {"bn": "", "en": None}
                title = {"bn": ["", "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "আপিল কর্মকর্তা"][level], "en": None}
                row.texts = {"when_to_contact": empty, "contact_title": title, "contact_text": empty}
                row.days = standard
            named = row.contact["id"] if row.contact else None
            if named and Officer.objects.filter(pk=named).exists():
                row.holder_id = named
            elif draft.get((office_id, level)):
                officer = Officer.objects.get(pk=draft[(office_id, level)])
                row.holder_id, row.holder_assigned = officer.pk, True
                row.holder_contact = _contact(officer, Office)
            row.save()


class Migration(migrations.Migration):
    dependencies = [
        ("charters", "0002_charter_version"),
        ("grievances", "0006_published_tiers_and_service_keys"),
    ]

    operations = [migrations.RunPython(project, migrations.RunPython.noop)]

"""The Cabinet Division's GRS cell: the third tier of every charter, kept once for the nation."""

from django.db import migrations

CELL = {
    "level": 3,
    "when_to_contact": "আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে",
    "contact_title": "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল",
    "contact_text": "অভিযোগ গ্রহণ কেন্দ্র ৫নং গেইট, বাংলাদেশ সচিবালয়, ঢাকা ওয়েবঃ www.grs.gov.bd",
    "resolution_days": 60,
}
ENGLISH = {
    "when_to_contact_en": "If the appeal officer fails to resolve it in time",
    "contact_title_en": "Grievance Management Cell, Cabinet Division",
    "contact_text_en": "Complaint reception centre, Gate 5, Bangladesh Secretariat, Dhaka. Web: www.grs.gov.bd",
}


def create_cell(apps, schema_editor):
    GrievanceTier = apps.get_model("grievances", "GrievanceTier")
    if GrievanceTier.objects.filter(office__isnull=True, level=3).exists():
        return
    bengali = {f"{field}_bn": value for field, value in CELL.items() if field not in ("level", "resolution_days")}
    GrievanceTier.objects.create(office=None, **CELL, **bengali, **ENGLISH)


def remove_cell(apps, schema_editor):
    apps.get_model("grievances", "GrievanceTier").objects.filter(office__isnull=True, level=3).delete()


class Migration(migrations.Migration):
    dependencies = [("grievances", "0001_initial")]
    operations = [migrations.RunPython(create_cell, remove_cell)]

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Charter moves here from offices: the state only; its table and rows stay."""

    initial = True
    dependencies = [("offices", "0004_charter_and_content_version_move_out")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Charter",
                    fields=[
                        (
                            "office",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="charter",
                                serialize=False,
                                to="offices.office",
                                verbose_name="দপ্তর",
                            ),
                        ),
                        ("vision", models.TextField(blank=True, verbose_name="ভিশন")),
                        ("vision_bn", models.TextField(blank=True, null=True, verbose_name="ভিশন")),
                        ("vision_en", models.TextField(blank=True, null=True, verbose_name="ভিশন")),
                        ("mission", models.TextField(blank=True, verbose_name="মিশন")),
                        ("mission_bn", models.TextField(blank=True, null=True, verbose_name="মিশন")),
                        ("mission_en", models.TextField(blank=True, null=True, verbose_name="মিশন")),
                        (
                            "service_columns",
                            models.CharField(
                                choices=[
                                    ("standard", "৭ কলাম: পদ্ধতি, কাগজপত্র ও প্রাপ্তিস্থান, মূল্য, সময়সীমা, কর্মকর্তা"),
                                    ("with_superior", "৮ কলাম: মানক ৭ কলাম ও উর্ধ্বতন কর্মকর্তা"),
                                    ("time_first", "৮ কলাম: সময়সীমা তৃতীয়, কাগজপত্র ও প্রাপ্তিস্থান আলাদা, উর্ধ্বতন কর্মকর্তা"),
                                ],
                                default="standard",
                                max_length=20,
                                verbose_name="সেবা তালিকার কলাম",
                            ),
                        ),
                        ("issued_on", models.DateField(blank=True, null=True, verbose_name="চার্টারের তারিখ")),
                        ("signatory_name", models.CharField(blank=True, max_length=200, verbose_name="স্বাক্ষরকারীর নাম")),
                        (
                            "signatory_name_bn",
                            models.CharField(blank=True, max_length=200, null=True, verbose_name="স্বাক্ষরকারীর নাম"),
                        ),
                        (
                            "signatory_name_en",
                            models.CharField(blank=True, max_length=200, null=True, verbose_name="স্বাক্ষরকারীর নাম"),
                        ),
                        (
                            "signatory_designation",
                            models.CharField(blank=True, max_length=200, verbose_name="স্বাক্ষরকারীর পদবি"),
                        ),
                        (
                            "signatory_designation_bn",
                            models.CharField(blank=True, max_length=200, null=True, verbose_name="স্বাক্ষরকারীর পদবি"),
                        ),
                        (
                            "signatory_designation_en",
                            models.CharField(blank=True, max_length=200, null=True, verbose_name="স্বাক্ষরকারীর পদবি"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, editable=False, verbose_name="সর্বশেষ হালনাগাদ"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "সিটিজেন চার্টার",
                        "verbose_name_plural": "সিটিজেন চার্টারসমূহ",
                        "db_table": "offices_charter",
                    },
                ),
            ],
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    """ContentVersion moves here from offices: the state only; its table and row stay."""

    initial = True
    dependencies = [("offices", "0004_charter_and_content_version_move_out")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("token", models.CharField(max_length=32)),
                    ],
                    options={"verbose_name": "প্রকাশিত তথ্যের সংস্করণ", "db_table": "offices_contentversion"},
                ),
            ],
        ),
    ]

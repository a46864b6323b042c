import uuid

from django.db import migrations, models


def create_the_version(apps, schema_editor):
    apps.get_model("offices", "ContentVersion").objects.create(pk=1, token=uuid.uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [("offices", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
            ],
            options={"verbose_name": "প্রকাশিত তথ্যের সংস্করণ"},
        ),
        migrations.RunPython(create_the_version, migrations.RunPython.noop),
    ]

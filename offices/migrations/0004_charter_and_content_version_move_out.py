from django.db import migrations


class Migration(migrations.Migration):
    """Charter moves to the charters app and ContentVersion to pagecache: the state only; their
    tables and rows stay where they are (each model names its table)."""

    dependencies = [("offices", "0003_office_search_text")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel("Charter"), migrations.DeleteModel("ContentVersion")],
        ),
    ]

"""Fill the search text of existing services; on PostgreSQL, index it with trigrams so that
substring search (LIKE '%…%') is an index scan, not a scan of every service in the country."""

from django.db import migrations

from charter_portal.bangla import search_key

FIELDS = ("name", "delivery_method", "required_papers", "papers_source")


def fill_search_text(apps, schema_editor):
    Service = apps.get_model("services", "Service")
    for service in Service.objects.all().iterator():

        def joined(names):
            values = (getattr(service, f"{name}_{language}") for name in names for language in ("bn", "en"))
            return search_key(" ".join(v for v in values if v))

        Service.objects.filter(pk=service.pk).update(search_text=joined(FIELDS[:1]) + " | " + joined(FIELDS[1:]))


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS services_service_search_trgm "
            "ON services_service USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS services_service_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("services", "0002_service_search_text")]
    operations = [
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """HQ's bulk import of charter files (a batch and its per-file results), above charters: it
    reads each file with charters.importer and writes it with charters.writing."""

    name = "imports"
    verbose_name = "চার্টার আমদানি"

"""What makes a model findable by the portal's search: a normalised copy of its text.

Office and ServiceListing (a published service) derive ``search_text`` (through ``search_key``, so every spelling of a
word meets every other) on every save. loaddata saves rows raw, past ``save()``;
``index_loaded_row`` is connected to their post_save to derive it for those rows too.
"""

from django.db import models


class Searchable(models.Model):
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def searchable_text(self):
        raise NotImplementedError

    def save(self, *args, **kwargs):
        self.search_text = self.searchable_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


def index_loaded_row(sender, instance, raw=False, **kwargs):
    if raw:
        sender._default_manager.filter(pk=instance.pk).update(search_text=instance.searchable_text())

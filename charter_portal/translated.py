"""English that is never stale: each translated row records, per field, the Bengali its English
was written for (``english_of``). Edit the Bengali and leave the English, and that English is
stale: the draft's document carries the record (charters.snapshot), the public English pages
show the Bengali instead (marked ``lang="bn"``), and the editor and the publish form list it.

Recorded on ``save()`` from the values the row was loaded with: English written (or changed)
now is English for the Bengali it is saved beside; English left as it was keeps the Bengali it
was written for (for a row that never recorded one, the Bengali it was loaded with). Code that
writes English past ``save()`` (bulk_update) calls ``english_written`` itself.
"""

from django.db import models
from modeltranslation.translator import translator


class EnglishTracked(models.Model):
    english_of = models.JSONField("ইংরেজি যে বাংলার অনুবাদ", default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def translated_fields(cls):
        return tuple(translator.get_options_for_model(cls).fields)

    @classmethod
    def from_db(cls, db, field_names, values):
        row = super().from_db(db, field_names, values)
        row._texts_loaded = row._texts()
        return row

    def _texts(self):
        """``{field: (bengali, english)}`` of the fields loaded (a deferred one is left out)."""
        loaded = self.__dict__
        return {
            name: (loaded[f"{name}_bn"] or "", loaded[f"{name}_en"] or "")
            for name in self.translated_fields()
            if f"{name}_bn" in loaded and f"{name}_en" in loaded
        }

    def save(self, *args, **kwargs):
        self.note_english()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "english_of"}
        super().save(*args, **kwargs)

    def note_english(self):
        loaded = getattr(self, "_texts_loaded", {})
        record = dict(self.english_of or {})
        for name, (bengali, english) in self._texts().items():
            before = loaded.get(name)
            if not english:
                record.pop(name, None)
            elif before is None or english != before[1]:
                record[name] = bengali
            elif name not in record:
                record[name] = before[0]
        self.english_of = record
        self._texts_loaded = self._texts()

    def english_written(self, name):
        """Record that the English of ``name`` was just written for its Bengali (bulk writers)."""
        self.english_of = {**(self.english_of or {}), name: getattr(self, f"{name}_bn") or ""}

    def stale_english(self):
        """The fields whose English was written for another Bengali than the one they have now."""
        return [
            name
            for name, (bengali, english) in self._texts().items()
            if english and (self.english_of or {}).get(name, bengali) != bengali
        ]

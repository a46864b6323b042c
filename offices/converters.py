from .models import OFFICE_KEY_PATTERN


class OfficeKeyConverter:
    """``<office_key:key>`` in every urls.py: an office's key, as Office.key validates it."""

    regex = OFFICE_KEY_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value

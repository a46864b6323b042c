from django.urls import path, register_converter

from . import opendata, views
from .models import OFFICE_KEY_PATTERN


class OfficeKeyConverter:
    regex = OFFICE_KEY_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OfficeKeyConverter, "office_key")

app_name = "offices"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("office/<office_key:key>/", views.charter, name="charter"),
]
# Mounted by charter_portal.urls outside the language prefixes, in the "opendata" namespace.
opendata_urlpatterns = [
    path("office/<office_key:key>.json", opendata.office_json, name="charter_json"),
    path("opendata/charters.json", opendata.all_charters_json, name="all_charters_json"),
]

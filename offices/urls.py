from django.urls import path, register_converter

from . import views
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

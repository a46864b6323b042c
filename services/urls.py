from django.urls import re_path

from offices.models import OFFICE_KEY_PATTERN

from . import views

app_name = "services"
urlpatterns = [
    re_path(r"^search/\Z", views.search, name="search"),
    re_path(
        rf"^office/(?P<key>{OFFICE_KEY_PATTERN})/services/(?P<category>[1-3])-(?P<serial>[0-9]{{1,4}})/\Z",
        views.service_detail,
        name="detail",
    ),
]
# Mounted by charter_portal.urls outside the language prefixes, in the "opendata" namespace.
opendata_urlpatterns = [
    re_path(r"^opendata/services\.csv\Z", views.services_csv, name="services_csv"),
]

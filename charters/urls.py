from django.urls import path

from . import opendata, views

app_name = "charters"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("district/<office_key:key>/", views.district, name="district"),
    path("office/<office_key:key>/", views.charter, name="charter"),
    path(
        "office/<office_key:key>/services/<service_category:category>-<service_serial:serial>/",
        views.service,
        name="service",
    ),
    path("office/<office_key:key>/versions/", views.versions, name="versions"),
    path("office/<office_key:key>/versions/<version_number:number>/", views.version, name="version"),
    path("office/<office_key:key>/preview/", views.preview, name="preview"),
]
# Mounted by charter_portal.urls outside the language prefixes, in the "opendata" namespace.
opendata_urlpatterns = [
    path("office/<office_key:key>.json", opendata.office_json, name="charter_json"),
    path("office/<office_key:key>/versions/<version_number:number>.json", opendata.version_json, name="version_json"),
    path("opendata/charters.json", opendata.all_charters_json, name="all_charters_json"),
    path("opendata/services.csv", opendata.services_csv, name="services_csv"),
    path("opendata/schema/charter-<int:version>.json", opendata.schema, name="schema"),
]

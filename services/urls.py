from django.urls import path

from . import views

app_name = "services"
urlpatterns = [
    path("search/", views.search, name="search"),
    path(
        "office/<office_key:key>/services/<service_category:category>-<service_serial:serial>/",
        views.service_detail,
        name="detail",
    ),
]

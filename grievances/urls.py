from django.urls import path, re_path

from offices.models import OFFICE_KEY_PATTERN

from . import views

app_name = "grievances"
urlpatterns = [
    re_path(rf"^office/(?P<key>{OFFICE_KEY_PATTERN})/grievance/\Z", views.file_grievance, name="file"),
    path("grievance/", views.lookup, name="lookup"),
    path("grievance/received/", views.received, name="received"),
    path("grievance/status/", views.status, name="status"),
    path("grievances/dashboard/", views.dashboard, name="dashboard"),
    path("grievances/report/", views.report, name="report"),
]

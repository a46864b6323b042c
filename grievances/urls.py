from django.urls import path

from . import views

app_name = "grievances"
urlpatterns = [
    path("office/<office_key:key>/grievance/", views.file_grievance, name="file"),
    path("grievance/", views.lookup, name="lookup"),
    path("grievance/received/", views.received, name="received"),
    path("grievance/status/", views.status, name="status"),
    path("grievances/dashboard/", views.dashboard, name="dashboard"),
    path("grievances/report/", views.report, name="report"),
]

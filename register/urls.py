from django.urls import path

from . import feedback, views

app_name = "register"
urlpatterns = [
    path("office/<office_key:key>/performance/", views.performance, name="performance"),
    path("performance/", views.national, name="national"),
    path("performance/report/", views.quarterly_report, name="report"),
    path("feedback/<str:token>/", feedback.answer, name="feedback"),
]
# Outside the language prefix, like the other open data.
data_urlpatterns = [
    path("office/<office_key:key>/performance.json", views.performance_json, name="performance_json"),
]

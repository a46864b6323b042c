from django.urls import path

from . import views

app_name = "services"
urlpatterns = [
    path("search/", views.search, name="search"),
]

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "সিটিজেন চার্টার পোর্টাল — প্রশাসন"
admin.site.site_title = "সিটিজেন চার্টার পোর্টাল"
admin.site.index_title = "দপ্তর ও চার্টার ব্যবস্থাপনা"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("offices.urls")),
    path("", include("services.urls")),
    path("", include("grievances.urls")),
]

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from charters.urls import opendata_urlpatterns as open_data
from register.urls import data_urlpatterns as register_data

admin.site.site_header = "সিটিজেন চার্টার পোর্টাল — প্রশাসন"
admin.site.site_title = "সিটিজেন চার্টার পোর্টাল"
admin.site.index_title = "দপ্তর ও চার্টার ব্যবস্থাপনা"

# The admin and open data are the same in either language (the admin is Bengali; every text in
# the open data carries both languages), so each has one URL. LocaleMiddleware serves any path
# without a language prefix in Bengali.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((open_data, "opendata"))),
    path("", include((register_data, "register_data"))),
]
# The citizen's pages: Bengali at /… (the portal's URLs as they always were), English at /en/….
urlpatterns += i18n_patterns(
    path("", include("charters.urls")),
    path("", include("services.urls")),
    path("", include("grievances.urls")),
    path("", include("register.urls")),
    prefix_default_language=False,
)

# Every error page in the portal's template and language, the admin's in the admin's frame.
handler400 = "charter_portal.http.bad_request"
handler403 = "charter_portal.http.permission_denied"
handler404 = "charter_portal.http.page_not_found"
handler500 = "charter_portal.http.server_error"

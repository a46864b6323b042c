"""App configurations the portal adjusts: django-axes' app, named in Bengali in the admin."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy


class AxesConfig(AxesAppConfig):
    # django-axes gives its app no verbose name, so HQ's admin index would say "Axes".
    verbose_name = gettext_lazy("লগইন পাহারা")

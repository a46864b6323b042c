from django.apps import AppConfig


class RegisterConfig(AppConfig):
    """The service register: each office's requests, and the published figures of whether its
    charter's promises are kept. On top of charters (the version in force decides the promise)."""

    name = "register"
    verbose_name = "সেবা রেজিস্টার"
    # No public_models: the figures' pages are kept for register.views.FRESH_FOR at most instead, so
    # that a request recorded at a counter does not renew every kept page of the country (pagecache).

from django.apps import AppConfig


class RegisterConfig(AppConfig):
    """The service register: each office's requests, and the published figures of whether its
    charter's promises are kept. On top of charters (the version in force decides the promise)."""

    name = "register"
    verbose_name = "সেবা রেজিস্টার"
    # The performance pages show these: a row saved or deleted renews the kept pages (pagecache).
    public_models = ["ServiceRequest", "RequestFeedback"]

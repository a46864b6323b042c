"""Production settings: DEBUG off, secrets and hosts from the environment.

DJANGO_SETTINGS_MODULE=charter_portal.settings.production
DJANGO_SECRET_KEY=...            (required)
DJANGO_ALLOWED_HOSTS=portal.example.gov.bd,www.portal.example.gov.bd
DATABASE_URL=postgres://...
"""

import os

from django.core.exceptions import ImproperlyConfigured

from charter_portal.settings import *  # noqa: F401,F403

DEBUG = False

try:
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
except KeyError as exc:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.") from exc

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

# TLS is terminated by the reverse proxy in front of gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TEMPLATES[0]["OPTIONS"]["loaders"] = [  # noqa: F405
    (
        "django.template.loaders.cached.Loader",
        [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    ),
]
TEMPLATES[0]["APP_DIRS"] = False  # noqa: F405

# Kept pages answered from memory: each worker learns of a new content version by LISTEN/NOTIFY
# (PostgreSQL only; pagecache.listener). PAGECACHE_LISTEN=0 asks the database on every request.
PAGECACHE_LISTEN = os.environ.get("PAGECACHE_LISTEN", "1") == "1"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Grievances. Behind the TLS proxy every request arrives from the proxy: the citizen is the last
# X-Forwarded-For entry, the one our proxy appended (nginx: proxy_add_x_forwarded_for).
GRIEVANCES_CLIENT_IP_HEADER = os.environ.get("GRIEVANCES_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
# SMTP with the outbox's whole-send deadline (grievances.mail).
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "grievances.mail.EmailBackend")
SMS_BACKEND = os.environ.get("DJANGO_SMS_BACKEND", "grievances.sms.HttpGatewayBackend")
PORTAL_URL = os.environ.get("PORTAL_URL", f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else "")

# Long work (HQ's bulk import of charter files) is queued in the database and run by
# `manage.py db_worker` (deploy/systemd/charter-portal-worker.service), off the request; the outbox's
# sending has a backend and a worker of its own (charter-portal-notices.service), so that a notice
# never waits behind a batch of imports.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "notices": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

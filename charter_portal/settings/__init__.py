"""Settings for development and tests; production overrides live in production.py.

Everything that differs between machines comes from the environment:
DATABASE_URL (or the libpq PG* variables) selects PostgreSQL, and with neither
set the portal runs on a SQLite file in the project, so a fresh clone needs no
set-up at all.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

from charter_portal.bangla import language_label

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-development-only-never-use-in-production")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Our apps, bottom to top, as their foreign keys run: the page cache (depends on nothing of
    # ours), the national tree, what offices promise, the grievances, the charter as a whole.
    "pagecache",
    "offices",
    "services",
    "grievances",
    "charters",
    # Django's Tasks API (the django-tasks backport) and its database backend with the db_worker.
    "django_tasks",
    "django_tasks_db",
    # HQ's bulk import of charter files, above charters; it runs as a task (TASKS below).
    "imports",
    # The service register and the published figures of promises kept (on top: it reads the versions).
    "register",
    # Locks the admin login after repeated failures (AXES_* below); named in Bengali.
    "charter_portal.apps.AxesConfig",
]

MIDDLEWARE = [
    "charter_portal.security.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves a kept public page before everything below runs (pagecache).
    "pagecache.middleware.PublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL: /en/… is English, every other path Bengali (see urls.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # An admin parameter with NUL, a number no key holds or an impossible year: a Bengali 400 (charter_portal/params.py).
    "charter_portal.params.StaffParametersMiddleware",
    # Bengali digits in the admin's pages (charter_portal/bangla.py).
    "charter_portal.bangla.AdminBengaliDigitsMiddleware",
    # Last, as django-axes requires: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "charter_portal.urls"
# A refused form (stale or missing CSRF token) in the portal's page and language, not Django's English.
CSRF_FAILURE_VIEW = "charter_portal.http.csrf_failure"
WSGI_APPLICATION = "charter_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.i18n",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # Every template needs the Bengali-digit filter, the translation tags and the
            # language marks for database text, so they are builtins.
            "builtins": ["charter_portal.bangla", "charter_portal.languages", "django.templatetags.i18n"],
        },
    },
]


def _database_from_environment():
    if os.environ.get("DATABASE_URL"):
        return dj_database_url.config(conn_max_age=60, conn_health_checks=True)
    if os.environ.get("PGDATABASE"):
        # libpq reads PGHOST, PGPORT, PGUSER and PGPASSWORD itself.
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ["PGDATABASE"],
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"),
    }


DATABASES = {"default": _database_from_environment()}

# "pages" holds the rendered public pages (pagecache): one cache per worker, which is enough
# because a page is filed under the data's version, read from the database with it. A page
# expires only when its view says (public_page's fresh_for); the pages of superseded versions are culled. Bounded in bytes per worker
# (PAGECACHE_MAX_BYTES, least recently used first); a page over PAGECACHE_MAX_PAGE_BYTES is never kept.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "pagecache.store.PageCache",
        "LOCATION": "pages",
        "TIMEOUT": None,
        "OPTIONS": {
            "MAX_ENTRIES": 2000,
            "MAX_BYTES": int(os.environ.get("PAGECACHE_MAX_BYTES", 64 * 2**20)),
            "MAX_PAGE_BYTES": int(os.environ.get("PAGECACHE_MAX_PAGE_BYTES", 512 * 2**10)),
        },
    },
}

# On PostgreSQL, learn of a new content version by LISTEN/NOTIFY (a listener thread per worker,
# pagecache.listener) instead of a query per request. Off here (tests run in transactions that never
# commit, which a listener cannot see); on in production.
PAGECACHE_LISTEN = os.environ.get("PAGECACHE_LISTEN", "0") == "1"

# The national open data files, built once per content version and kept gzipped
# (charters.opendata_files); shared by the workers of one machine.
OPENDATA_DIR = os.environ.get("OPENDATA_DIR", str(BASE_DIR / "var" / "opendata"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (Django's Tasks API through the django-tasks backport): here and in the tests
# a task runs at once, in the process that enqueues it; production queues it in the database
# for the db_worker (settings/production.py, deploy/systemd/charter-portal-worker.service).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # The outbox's sending (grievances.tasks): never immediate, which would send inside the citizen's
    # request. Here queued and not run (send_notifications sends); in production a worker of its own.
    "notices": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}
# HQ uploads a folder of charters at once (imports/): one file an office, 559 offices.
DATA_UPLOAD_MAX_NUMBER_FILES = 1000

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Bengali first, English second: Bengali at /…, English at /en/… (charter_portal/urls.py). The
# interface's strings are translated in locale/<language>/LC_MESSAGES/django.po, whose msgids are
# the Bengali strings; the database's text in each model's _bn/_en columns (modeltranslation).
LANGUAGE_CODE = "bn"
LANGUAGES = [("bn", "বাংলা"), ("en", "English")]
# locale/django/: Bengali for the strings of Django's admin, auth, forms (and django-axes) that
# Django's own Bengali catalogues leave empty, so that the admin reads in Bengali throughout.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "django"]
# One Bengali date format in the admin (charter_portal/formats/bn/formats.py).
FORMAT_MODULE_PATH = ["charter_portal.formats"]
TIME_ZONE = "Asia/Dhaka"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "bn"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("bn",)
# Translated fields' labels say their language: "সেবার নাম [বাংলা]", "সেবার নাম [English]".
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = language_label
# The admin's language tabs need jQuery UI's tabs widget: served from static/vendor/ (modeltranslation
# would load all of jQuery UI from ajax.googleapis.com, which the Content-Security-Policy refuses).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui-tabs.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# ---- Grievances (grievances/)
# E-mail: printed to the console in development (tests use Django's in-memory outbox); set
# DJANGO_EMAIL_BACKEND=grievances.mail.EmailBackend (SMTP with the send deadline) and EMAIL_HOST etc. in production.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "সিটিজেন চার্টার পোর্টাল <no-reply@doict.gov.bd>")
# A mail server that never answers must not hold anything up: every SMTP call gives up after this.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# SMS (grievances/sms.py): the console in development; in production the HTTP SMS gateway,
# DJANGO_SMS_BACKEND=grievances.sms.HttpGatewayBackend with its URL, key and sender id.
SMS_BACKEND = os.environ.get("DJANGO_SMS_BACKEND", "grievances.sms.ConsoleBackend")
SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "")
SMS_GATEWAY_KEY = os.environ.get("SMS_GATEWAY_KEY", "")
SMS_SENDER_ID = os.environ.get("SMS_SENDER_ID", "DoICT")
SMS_TIMEOUT = float(os.environ.get("SMS_TIMEOUT", "10"))
# The whole of one send (SMS or e-mail), however slowly the gateway trickles its answer; a claimed
# notice is leased for twice this (grievances.sending).
NOTIFICATION_SEND_DEADLINE = float(os.environ.get("NOTIFICATION_SEND_DEADLINE", "20"))
# Where HQ is told of a grievance no one holds (besides every active superuser with an address).
GRIEVANCES_HQ_EMAILS = [a for a in os.environ.get("GRIEVANCES_HQ_EMAILS", "").split(",") if a.strip()]
# Links in e-mail (to the status page, to the admin) start with this.
PORTAL_URL = os.environ.get("PORTAL_URL", "http://127.0.0.1:8000")

# How long a citizen's mobile number stays on a service request in the register (for the receipt and
# the feedback link); ``manage.py forget_register_mobiles`` deletes older ones, keeping the counts.
REGISTER_MOBILE_RETENTION_DAYS = int(os.environ.get("REGISTER_MOBILE_RETENTION_DAYS", "180"))
# Behind a reverse proxy every request comes from the proxy: name the header that carries the
# client's address (e.g. HTTP_X_FORWARDED_FOR) so the per-client rate limit counts clients.
GRIEVANCES_CLIENT_IP_HEADER = os.environ.get("GRIEVANCES_CLIENT_IP_HEADER", "")
# The peers whose GRIEVANCES_CLIENT_IP_HEADER is believed (addresses or networks): the reverse
# proxy. Anyone else reaching gunicorn directly is counted by its own address, whatever it sends.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if p.strip()]

# ---- Admin login throttling (django-axes): 5 failed logins for one username from one address lock
# that pair out for 15 minutes (others, and the same person elsewhere, can still log in); the
# address is the one the grievance rate limit sees (behind the proxy: X-Forwarded-For's last entry).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "charter_portal.security.client_address"
AXES_LOCKOUT_CALLABLE = "charter_portal.http.locked_out"

"""Wijkgeld settings. Everything that differs between machines comes from the environment.

Development defaults are safe to run on a laptop (DEBUG on, SQLite in ./var). Production sets
DEBUG=0 and must then provide SECRET_KEY and ALLOWED_HOSTS; see docs/operations.md.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("WIJKGELD_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
FRIENDLY_ERROR_PAGES = env_bool("FRIENDLY_ERROR_PAGES", True)
if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
else:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "wijkgeld.core",
    "wijkgeld.accounts",
    "wijkgeld.areas",
    "wijkgeld.community",
    "wijkgeld.money",
    "wijkgeld.alliance",
    "wijkgeld.fund",
    "wijkgeld.voting",
    "wijkgeld.people",
    "wijkgeld.public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wijkgeld.core.middleware.DutchFirstLocaleMiddleware",
    # Before anything reads a form body: refuses bodies it cannot read (and numbers out of range) with a 400.
    "wijkgeld.core.middleware.BadInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wijkgeld.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wijkgeld.accounts.middleware.ShortSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Our 404/500 pages also with DEBUG on (the demo); FRIENDLY_ERROR_PAGES=0 shows Django's own.
    "wijkgeld.core.error_pages.FriendlyErrorPagesMiddleware",
    # Last, so that it sees the response of every view and of the other middleware.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "wijkgeld" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkgeld.core.context_processors.site",
            ],
        },
    },
]

# SQLite in WAL mode is the embedded default; DATABASE_URL=postgres://... selects PostgreSQL.
VAR_DIR.mkdir(parents=True, exist_ok=True)
_default_db = f"sqlite:///{VAR_DIR / 'wijkgeld.sqlite3'}"
# Connections are kept for DB_CONN_MAX_AGE seconds: opening one per request costs more than a cast.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_db), conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
}
# FULL: an acknowledged ballot survives a power loss, not only a crash of the process (WAL with
# NORMAL may lose the last transactions). SQLITE_SYNCHRONOUS=NORMAL exists for the benchmark only.
_sqlite_sync = env_str("SQLITE_SYNCHRONOUS", "FULL").upper()
if _sqlite_sync not in {"FULL", "NORMAL", "EXTRA"}:
    raise ImproperlyConfigured("SQLITE_SYNCHRONOUS must be FULL, EXTRA or NORMAL.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at the
        # start of a transaction so that two writers queue instead of failing half-way.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            f"PRAGMA journal_mode=WAL; PRAGMA synchronous={_sqlite_sync}; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "public:home"

# Failed logins: after AXES_FAILURE_LIMIT failures for a username from one address, that pair waits.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# No log of successful logins (it would keep every login's IP address and browser for good); a failed
# attempt is kept only for the lockout: deleted on success, at the next login after the cool-off, and by
# `manage.py retention` (docs/privacy.md).
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# The same client address as the voting throttle: X-Forwarded-For only through TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "wijkgeld.core.client_ip.client_ip"

LANGUAGE_CODE = "nl"
# Each language in its own name, never translated: a resident looks for the name they can read (docs/languages.md).
# Django knows Arabic is written right to left (LANGUAGES_BIDI) and has number and date formats for each.
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("pl", "Polski"),
]
LOCALE_PATHS = [BASE_DIR / "wijkgeld" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "wijkgeld" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wijkgeld <noreply@localhost>")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
_cache_dir = env_str("CACHE_DIR", "")
if _cache_dir:
    # A file cache is shared by the worker processes of one machine (throttling across workers).
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": _cache_dir,
    }

# Security headers. Production gets secure cookies and HSTS; development stays on plain http.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "wijkgeld.core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed; see wijkgeld/core/client_ip.py.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is no address or network.") from _exc
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline scripts or styles anywhere: the site works without JavaScript by design.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Voting: the key of the stored code hashes (defaults to one derived from SECRET_KEY; see docs/voting.md).
# The VOTING_THROTTLE_* limits are read from the environment by wijkgeld.voting.throttle.
VOTING_CODE_KEY = env_str("VOTING_CODE_KEY", "")
# Payments above this amount wait for a second finance person (an area may set its own amount).
WIJKGELD_PAYMENT_CONFIRMATION_ABOVE_CENTS = env_int("WIJKGELD_PAYMENT_CONFIRMATION_ABOVE_CENTS", 1_000_000)

# People (placements and community builders; see docs/people.md and the DPIA in docs/privacy.md).
# Public counts about people below this number are shown as "fewer than N".
WIJKGELD_PEOPLE_SUPPRESS_BELOW = env_int("WIJKGELD_PEOPLE_SUPPRESS_BELOW", 5)
# Personal data of a placement is deleted this many months after it ends (manage.py purge_personal_data).
WIJKGELD_PEOPLE_RETENTION_MONTHS = env_int("WIJKGELD_PEOPLE_RETENTION_MONTHS", 12)
WIJKGELD_PEOPLE_INTEREST_RETENTION_DAYS = env_int("WIJKGELD_PEOPLE_INTEREST_RETENTION_DAYS", 90)
# Volunteer allowance maxima (Belastingdienst 2025: €210 a month, €2,100 a year); they change yearly.
WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_YEAR_CENTS = env_int("WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_YEAR_CENTS", 210_000)
WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_MONTH_CENTS = env_int("WIJKGELD_VOLUNTEER_ALLOWANCE_MAX_MONTH_CENTS", 21_000)

# Roles whose members must use a second factor (TOTP) before they can do anything else.
TWO_FACTOR_ROLES = ("programme_staff", "finance", "site_admin")
OTP_TOTP_ISSUER = "Wijkgeld"
# Finance and site administrators: logged out after 30 minutes without a request and 8 hours after
# logging in. Everyone else keeps Django's session age (SESSION_COOKIE_AGE, two weeks).
SHORT_SESSION_ROLES = ("finance", "site_admin")
SHORT_SESSION_IDLE_SECONDS = env_int("SHORT_SESSION_IDLE_SECONDS", 30 * 60)
SHORT_SESSION_MAX_SECONDS = env_int("SHORT_SESSION_MAX_SECONDS", 8 * 60 * 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

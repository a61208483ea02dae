"""FT3 Pathway Portal settings, read from the environment.

With nothing set the portal runs for development: DEBUG on, a SQLite file,
local-memory cache, Celery tasks run in-process and emails go to the console.
Every variable is documented in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from ft3portal.mailers import mailer_from_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if not DEBUG:
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DEBUG is off but SECRET_KEY is unset, the development key or shorter "
            "than 50 characters. Set SECRET_KEY to a long random value."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DEBUG is off but ALLOWED_HOSTS is empty. Set ALLOWED_HOSTS to the "
            "comma-separated host names the portal is served on."
        )

# The public base URL, for absolute links in emails and feeds. Unset, it is the
# address `make run` serves on (its HOST and PORT), so emailed links work on any port.
SITE_URL = env("SITE_URL").rstrip("/") or f"http://{env('HOST', '127.0.0.1')}:{env('PORT', '8000')}"
SITE_NAME = "FT3 Pathway Portal"

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, whose forms it gives a field per language
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    # The portal's apps, bottom layer first (imports point upward in this list
    # only; pyproject.toml's import-linter contract checks it).
    "core",
    "outbox",
    "accounts",
    "sitepages",
    "search",
    "glossary",
    "pathway",
    "stakeholders",
    "barriers",
    "contributions",
    "synergies",
    "assessments",
    "adoptions",
    "gaps",
    "curation",
    "digests",
    "portal",
    "benchmarks",
]

# contributions may not import the apps built on it; these plug them into its
# submission flow and item pages (contributions/extensions.py).
CONTRIBUTION_SUBMISSION_CHECK = "synergies.check.SimilarityCheck"
CONTRIBUTION_PRACTICE_RULE = "assessments.practice.PracticeRule"
CONTRIBUTION_PAGE_PANELS = {
    "top": ["curation.panels.review_link"],
    "details": ["assessments.panels.practice_badge", "gaps.panels.country_links"],
    "after": [
        "assessments.panels.assessment_summary",
        "adoptions.panels.adoptions",
        "synergies.panels.related_work",
    ],
}
# Functions loaddemo calls, after its own content, for the demo content of those apps.
CONTRIBUTION_DEMO_LOADERS = ["assessments.demo.load", "adoptions.demo.load"]

MIDDLEWARE = [
    # The request's time budget: first, so that it times everything below it.
    "core.middleware.RequestBudgetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, with the first visit's negotiation (core/i18n.py).
    "core.i18n.LanguageMiddleware",
    # ?lang= on the API, over Accept-Language (core/api_language.py).
    "core.api_language.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous reads answered from the page cache skip everything below (core/pagecache.py).
    "core.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "ft3portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.i18n.languages",
                "ft3portal.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "ft3portal.wsgi.application"

# Database: SQLite file unless DATABASE_URL points elsewhere (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles the search and facet queries for longer than they run
    # (it added 181 ms to an 86 ms facet query at 100,000 items): off for every
    # connection, unless DB_JIT=true.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c jit={'on' if env_bool('DB_JIT', False) else 'off'}"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Transactions take SQLite's write lock when they begin, so that a transaction
    # that reads before it writes (a count before an insert, as the submission limit
    # does) runs after a concurrent one instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

# The time budget of a web request's database work (core/middleware.py): on
# PostgreSQL each statement of a request is cancelled after this many seconds and
# the request answers 503, well before gunicorn's 30 s timeout kills the worker.
# Celery tasks and management commands are not limited.
REQUEST_DB_TIMEOUT = float(env("REQUEST_DB_TIMEOUT", "10"))
# A web request slower than this is logged with its path and duration.
SLOW_REQUEST_SECONDS = float(env("SLOW_REQUEST_SECONDS", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Seconds a request may wait for Redis (cache or broker) to accept a connection or
# answer a command: a frozen Redis must cost a request this, not a worker for good.
REDIS_TIMEOUT = 0.5

# Cache: Redis when REDIS_URL is set, else per-process memory. It holds only rate-limit
# counts, so it fails open: with Redis unreachable they are not counted (core/cache.py).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "ft3"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT,
                "socket_timeout": REDIS_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Pages for anonymous visitors, kept in this cache under the site-wide content version
# (core/content_version.py, core/pagecache.py). The version changes whenever a row of
# these models that public pages show changes: app labels, or "app.Model" labels.
PAGE_CACHE_ALIAS = "default"
# How long a kept page lives at most (pages that show the date stay right), and how
# long a proxy or browser may reuse one before asking again (with its ETag).
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "60"))
# Paths rendered on every request, never answered from the page cache (they still
# get validators and 304s): the API, whose throttles must count every request.
PAGE_CACHE_RENDERED_PATHS = ["/api/"]
PUBLIC_CONTENT_MODELS = [
    "glossary",
    "pathway",
    "barriers",
    "stakeholders",
    "contributions.Resource",
    "contributions.Initiative",
    "contributions.ItemTranslation",
    "synergies",
    "assessments",
    "adoptions",
    "gaps",
    "search",
]

# Checking resources' links (contributions/linkcheck.py): seconds to wait for an
# answer, days between two checks of a link, and whether links to private, loopback
# and link-local addresses are asked (off: partners could make the portal probe its
# own network; on only for an intranet install, or tests against a local server).
LINK_CHECK_TIMEOUT = float(env("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_EVERY_DAYS = int(env("LINK_CHECK_EVERY_DAYS", "30"))
LINK_CHECK_PRIVATE_ADDRESSES = env_bool("LINK_CHECK_PRIVATE_ADDRESSES", False)

# Seconds before an item's stored related work is worked out again by the hourly
# refresh, whatever changed (potential partners depend on every organisation's work).
RELATED_WORK_MAX_AGE = int(env("RELATED_WORK_MAX_AGE", str(24 * 3600)))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("pt", _("Portuguese")),
    ("pl", _("Polish")),
    ("it", _("Italian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["ft3portal.formats"]  # English dates as "2 December 2026"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the switcher's choice (core/views.py)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT")) if env("STATIC_ROOT") else BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
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

# Content Security Policy: everything self-hosted, scripts only with the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Behind N reverse proxies the client address is the Nth from the right in
# X-Forwarded-For, and X-Forwarded-Proto says whether the client used HTTPS; with 0
# (the portal serves clients itself) both headers are ignored, since any client can
# send them. Read by the rate limits (core/ratelimit.py), allauth and DRF's throttles.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# Security headers. HTTPS settings are on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    if TRUSTED_PROXY_COUNT > 0:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is hard to undo (browsers ship the list for months): the operator
    # opts in once every subdomain is served over HTTPS for good.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # check --deploy recommends preloading (security.W021); not preloading is
        # the choice made above, not an oversight.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]


# Email: console unless EMAIL_URL (smtp://user:password@host:port?tls=true) is set.
EMAIL_URL = env("EMAIL_URL")
MAILERS = {
    "default": (
        mailer_from_url(EMAIL_URL) if EMAIL_URL else {"BACKEND": "outbox.backends.ConsoleBackend"}
    )
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "FT3 Pathway Portal <noreply@ft3portal.localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Celery: Redis broker when configured; otherwise tasks run eagerly in-process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
# Publishing happens inside requests (outbox.emails.enqueue, after commit): a broker
# that is down or frozen must fail the publish within about a second, not hold the
# request. The outbox row stays pending and the sweep sends it (outbox/tasks.py).
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Tasks retried with a countdown must stay below this, or Redis redelivers them.
    "visibility_timeout": 3600,
    "socket_connect_timeout": REDIS_TIMEOUT,
    "socket_timeout": REDIS_TIMEOUT,
}
# Publishes from workers and beat (digest batches): one quick retry. Requests publish
# once, without it (outbox.emails.enqueue).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# How long personal data that nobody confirmed, or that is no longer needed, is kept.
# The privacy notice quotes these numbers and the daily `expire_personal_data` task
# (beat schedule below) applies them: one source for both.
PERSONAL_DATA_RETENTION_DAYS = {
    # A sign-up whose email address was never verified.
    "unconfirmed_account": 14,
    # A digest subscription never confirmed (its confirmation link works this long).
    "unconfirmed_subscription": 7,
    # A message sent through the contact form.
    "contact_message": 365,
}

# Every periodic task and when it runs: ft3portal/schedule.py.
from .schedule import CELERY_BEAT_SCHEDULE  # noqa: E402, F401

# REST API (ft3portal/api.py). JSON in and out; scripts authenticate with personal
# tokens, browsers with their session (CSRF enforced). Viewsets set their own
# pagination and filter backends (core.api): DRF imports the defaults named
# here while it defines its views, before the portal's API modules can load.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.tokens.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["core.parsers.BoundedJSONParser"],
    "DEFAULT_FILTER_BACKENDS": [],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    # Counted in the cache (Redis in production), per client address or per user.
    "DEFAULT_THROTTLE_RATES": {
        "anon": "1200/hour",
        "user": "6000/hour",
        # CSV downloads of whole collections (on top of the limits above).
        "downloads": "60/hour",
    },
    # The same proxy count as the account rate limits: the client address is the
    # Nth from the right in X-Forwarded-For, or REMOTE_ADDR with 0.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "EXCEPTION_HANDLER": "core.api_errors.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# The OpenAPI document's settings (drf-spectacular).
from .openapi import SPECTACULAR_SETTINGS  # noqa: E402, F401

# Accounts (django-allauth): people sign up and log in with their email address,
# which must be verified before the account can be used.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:profile"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
# No username to choose: allauth derives a unique one from the email address.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# ...but a display name, shown instead of the address wherever the portal names someone.
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
# allauth's messages and templates name a person by their display name (User.__str__).
ACCOUNT_USER_DISPLAY = str
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# One address per account, changed in place (the new one is verified first).
ACCOUNT_CHANGE_EMAIL = True
# Sign-up and password reset answer the same whether or not an address has an
# account; nothing is sent to an address that has none.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# Tell people when their password or email address changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Counted in the cache (Redis in production, so limits hold across processes).
# login_failed's "key" is the account together with the client's address
# (accounts/adapter.py): wrong passwords sent from elsewhere never lock the owner out.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip,100/h/ip",
    # Per address: a reset email to one address at most 5 times an hour, however
    # many clients ask (as subscribing to digests, digests/views.py).
    "reset_password": "20/m/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/m/user",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

"""FT3 Pathway Portal settings, read from the environment.

With nothing set the portal runs for development: DEBUG on, a SQLite file,
local-memory cache, Celery tasks run in-process and emails go to the console.
Every variable is documented in `.env.example`.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

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
    "search",
    "pathway",
    "stakeholders",
    "barriers",
    "contributions",
    "synergies",
    "gaps",
    "curation",
    "digests",
    "portal",
    "benchmarks",
]

# contributions may not import the apps built on it; these plug them into its
# submission flow and item pages (contributions/extensions.py).
CONTRIBUTION_SUBMISSION_CHECK = "synergies.check.SimilarityCheck"
CONTRIBUTION_PAGE_PANELS = {
    "top": ["curation.panels.review_link"],
    "details": ["gaps.panels.country_links"],
    "after": ["synergies.panels.related_work"],
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
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

# Security headers. HTTPS settings are on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)


# Email: console unless EMAIL_URL (smtp://user:password@host:port?tls=true) is set.
def mailer_from_url(url: str) -> dict:
    """Build a MAILERS entry from an smtp:// or smtps:// URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, not {url!r}.")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    options = {
        "host": parts.hostname or "localhost",
        "port": parts.port or (465 if parts.scheme == "smtps" else 25),
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_ssl": parts.scheme == "smtps",
        "use_tls": query.get("tls", "").lower() in ("1", "true", "yes"),
        "timeout": int(query.get("timeout", "20")),
    }
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}


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
CELERY_BEAT_SCHEDULE = {
    "send-pending-emails": {
        "task": "outbox.tasks.send_pending_emails",
        "schedule": 300.0,
    },
    # The curators' morning summary of the moderation queue.
    "send-curator-summary": {
        "task": "curation.tasks.send_curator_summary",
        "schedule": crontab(hour=7, minute=0),
    },
    # Email digests (digests/sending.py): weekly on Monday morning, monthly on the
    # 1st, an hourly catch-up that sends whatever is still due (the beat was down,
    # a worker died, the mail server failed), and a daily sweep of subscriptions
    # never confirmed. Running any of them twice sends nothing twice.
    "send-weekly-digests": {
        "task": "digests.tasks.send_digests",
        "schedule": crontab(minute=0, hour=6, day_of_week="mon"),
        "kwargs": {"frequency": "weekly"},
    },
    "send-monthly-digests": {
        "task": "digests.tasks.send_digests",
        "schedule": crontab(minute=0, hour=6, day_of_month="1"),
        "kwargs": {"frequency": "monthly"},
    },
    "send-due-digests": {
        "task": "digests.tasks.send_digests",
        "schedule": crontab(minute=30),
    },
    "delete-expired-digest-subscriptions": {
        "task": "digests.tasks.delete_expired_subscriptions",
        "schedule": crontab(minute=15, hour=3),
    },
}

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
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
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
    "NUM_PROXIES": int(env("TRUSTED_PROXY_COUNT", "0")),
    "EXCEPTION_HANDLER": "core.api_errors.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "FT3 Pathway Portal API",
    "DESCRIPTION": _(
        "Read and contribute to the precision-medicine patient pathway: stages, "
        "barriers, stakeholders, resources and initiatives. Anonymous clients read "
        "published content; partners write with a personal token from /accounts/tokens/. "
        "Every error answers with the same JSON shape (see the Error schema)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response schemas: what a client sends (slugs) differs
    # from what it reads (related objects with their links).
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api_errors.document_errors",
        "contributions.api.schema.document_possible_duplicates",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ModerationStatusEnum": "contributions.models.Status",
        "RevisionStatusEnum": "contributions.models.Revision.Status",
    },
    "TAGS": [
        {"name": "pathway", "description": _("The stages of the patient's pathway.")},
        {"name": "barriers", "description": _("What stops patients, by category.")},
        {"name": "stakeholders", "description": _("Stakeholder groups and organisations.")},
        {"name": "taxonomies", "description": _("Therapeutic areas, regions and countries.")},
        {"name": "resources", "description": _("The resource library.")},
        {"name": "initiatives", "description": _("The initiative directory.")},
        {"name": "revisions", "description": _("Proposed changes to published items.")},
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

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
# Behind N reverse proxies the client address is the Nth from the right in
# X-Forwarded-For; with 0 it is REMOTE_ADDR. Rate limits count per client address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# Counted in the cache (Redis in production, so limits hold across processes).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip,100/h/ip",
    "reset_password": "20/m/ip,5/m/key",
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

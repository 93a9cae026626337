"""Settings shared by every environment; every value that differs between machines comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.settings.env import env, envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env("ROUNDTABLE_DATA_DIR", str(BASE_DIR / "data")))

DEBUG = envbool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105 - never used with DEBUG off
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "axes",
    "talks",
    "exchanges",
    "accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.timezones.ReaderTimeZoneMiddleware",
    # After the reader's zone is known (times in the JSON are shown in it); off unless the setting below is set.
    "config.api_cache.ApiResponseCacheMiddleware",
    "config.page_cache.PageCacheMiddleware",  # the reading pages, for anonymous readers; off unless set below
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during authentication into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "talks.context.reader",
                "accounts.context.roles",
            ],
        },
    },
]

# Databases ----------------------------------------------------------------------------------------------------
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'roundtable.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker share the file: WAL lets readers go on while one writes, IMMEDIATE
    # takes the write lock at BEGIN so two writers queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if IS_POSTGRES:
    # The API's reads from rows (talks.api.rows) bind on the server, and PostgreSQL plans each once per connection
    # after it has run this many times. Behind a pooler that cannot keep prepared statements (PgBouncer in
    # transaction mode before 1.21), DB_PREPARE_THRESHOLD=0 turns them off.
    threshold = envint("DB_PREPARE_THRESHOLD", 5)
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = threshold or None

# Broker and cache ---------------------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": 300,
            # A Redis that hangs rather than refusing must not hold a page: give up on the cache quickly.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    # The embedded default: a broker in plain files, so `make run` needs no server.
    BROKER_DIR = DATA_DIR / "broker"
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "out"),
        "data_folder_out": str(BROKER_DIR / "out"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),  # else kombu makes ./control wherever the worker starts
        "store_processed": False,
    }
CELERY_TASK_ACKS_LATE = True  # a task is acknowledged only once it finished: a killed worker's task is redelivered
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # keep the JSON log lines of LOGGING below
# Deployments sharing one Redis keep their tasks apart by queue name.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", "celery")
CELERY_BEAT_SCHEDULE: dict = {}

# Reminders ----------------------------------------------------------------------------------------------------
# Reminders are rows in the database; beat runs the dispatcher, which claims due rows and enqueues one send task
# each. Every interval is in seconds so tests and small deployments can shorten them.
REMINDER_DISPATCH_EVERY = envint("REMINDER_DISPATCH_EVERY", 60, minimum=1)
REMINDER_DISPATCH_BATCH = envint("REMINDER_DISPATCH_BATCH", 500, minimum=1)  # rows a dispatcher claims per transaction
REMINDER_SEND_LEASE = envint("REMINDER_SEND_LEASE", 300, minimum=2)  # a sending worker silent this long is dead
REMINDER_QUEUE_LEASE = envint("REMINDER_QUEUE_LEASE", 300, minimum=2)  # a queued task unseen this long was lost
REMINDER_MAX_ATTEMPTS = envint("REMINDER_MAX_ATTEMPTS", 5, minimum=1)
REMINDER_RETRY_BACKOFF = envint("REMINDER_RETRY_BACKOFF", 60, minimum=1)  # doubles after each failed attempt
REMINDER_NUDGE_AFTER = envint("REMINDER_NUDGE_AFTER", 6 * 3600)  # a round still "scheduled" this long after start
REMINDER_WEBHOOK_TIMEOUT = envint("REMINDER_WEBHOOK_TIMEOUT", 10, minimum=1)
# Webhook URLs are chosen by readers: posting to loopback or private addresses is refused unless allowed here.
REMINDER_WEBHOOK_ALLOW_PRIVATE = envbool("REMINDER_WEBHOOK_ALLOW_PRIVATE", DEBUG)
CELERY_BEAT_SCHEDULE["dispatch-reminders"] = {
    "task": "accounts.tasks.dispatch_reminders",
    "schedule": REMINDER_DISPATCH_EVERY,
    # A tick nobody ran in time is dropped: the next one finds the same rows.
    "options": {"expires": REMINDER_DISPATCH_EVERY},
}

# Users --------------------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out login is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# "open": anyone may sign up as an analyst; "invite": only through a link an admin sends.
SIGNUP_MODE = env("SIGNUP_MODE", "invite").strip().lower()
if SIGNUP_MODE not in ("open", "invite"):
    raise ImproperlyConfigured(f"SIGNUP_MODE={SIGNUP_MODE!r}: use open or invite")
INVITATION_DAYS = envint("INVITATION_DAYS", 7, minimum=1)
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 3 * 3600, minimum=300)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Time and language --------------------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files -------------------------------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# Email --------------------------------------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20, minimum=1)
EMAIL_FILE_PATH = str(DATA_DIR / "mail")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Roundtable <roundtable@localhost>")

# Security -----------------------------------------------------------------------------------------------------
# Scripts and styles come from our own static files only: no inline script can run, so markup that slipped into
# a field could not execute even if it were ever shown unescaped. The admin works under it (tested in a browser).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one username from one address, that pair
# is locked out until the cool-off passes. A locked-out login gets the same answer whether the user exists or not.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The lockout runs a fixed time from when it began: trying again while locked out does not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False

# History ------------------------------------------------------------------------------------------------------
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Logs: one JSON object a line on stdout, for a log collector -----------------------------------------------------
LOG_LEVEL = env("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own console handlers would print every line a second time, in plain text.
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "INFO"},
        "celery": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
    },
}

# API ----------------------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous request is told how to authenticate (401 with WWW-Authenticate).
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["talks.api.permissions.RecordPermission"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", "60/min"),
        "user": env("API_THROTTLE_USER", "600/min"),
    },
    # How many proxies in front of us append to X-Forwarded-For: 0 reads the client's own address, so a client
    # cannot dodge its limit by sending the header itself.
    "NUM_PROXIES": envint("API_NUM_PROXIES", 0),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["talks.api.rendering.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "DATETIME_FORMAT": "iso-8601",
    "URL_FORMAT_OVERRIDE": "format",
}
# Rendered API reads for anonymous readers, kept this many seconds or until the next write to the record
# (config.api_cache). 0 turns it off; it needs a cache every process shares, so production enables it with Redis.
API_RESPONSE_CACHE_SECONDS = envint("API_RESPONSE_CACHE_SECONDS", 0, minimum=0)
# The reading pages as anonymous readers see them (config.page_cache), kept this many seconds or until the next write;
# short, as pages count down to the next round. Production enables it with Redis.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 0, minimum=0)
ROUNDTABLE_API = {
    "PAGE_SIZE": envint("API_PAGE_SIZE", 50, minimum=1),
    "MAX_PAGE_SIZE": envint("API_MAX_PAGE_SIZE", 500, minimum=1),
    "MAX_BODY_BYTES": envint("API_MAX_BODY_BYTES", 1_000_000, minimum=1024),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Roundtable API",
    "DESCRIPTION": (
        "The record of peace negotiations, round by round. Published records are open; drafts and writes are for "
        "editors (send `Authorization: Token <key>`). Lists take filters, `q`, `ordering`, `include=`, "
        "`updated_since` and a cursor; `?format=csv` gives the same list as CSV."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "COMPONENT_NO_READ_ONLY_REQUIRED": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "IssueCategoryEnum": "talks.choices.IssueCategory",
        "DatePrecisionEnum": "talks.choices.DatePrecision",
        "ImplementationStatusEnum": "talks.models.outcomes.ImplementationStatus",
        "SwapCategoryEnum": "exchanges.models.Category",
        "MeetingStatusEnum": "talks.models.meetings.Meeting.Status",
        "TrackStatusEnum": "talks.models.tracks.Track.Status",
        "SwapAgreementStatusEnum": "exchanges.models.SwapAgreement.Status",
        "SwapStageStatusEnum": "exchanges.models.SwapStage.Status",
        "SessionStatusEnum": "talks.models.meetings.MeetingSession.Status",
        "PartyKindEnum": "talks.models.actors.Party.Kind",
        "AreaKindEnum": "talks.models.actors.Area.Kind",
        "SourceKindEnum": "talks.models.sources.Source.Kind",
        "DemandKindEnum": "talks.models.positions.Demand.Kind",
        "OutcomeKindEnum": "talks.models.outcomes.Outcome.Kind",
    },
}

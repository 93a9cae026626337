"""Production: everything from the environment, hardened; `manage.py check --deploy` reports nothing."""

import os

os.environ.setdefault("DEBUG", "false")

from config.settings.base import *  # noqa: E402,F403
from config.settings.env import envbool, envint  # noqa: E402

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# Every process shares Redis, so a write seen by one drops the cached reads of all (config.api_cache).
API_RESPONSE_CACHE_SECONDS = envint("API_RESPONSE_CACHE_SECONDS", 300 if REDIS_URL else 0, minimum=0)  # noqa: F405
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 60 if REDIS_URL else 0, minimum=0)  # noqa: F405

"""Health endpoints for compose healthchecks and load balancers."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from config.celery import app as celery_app


@never_cache
def live(request):
    """The process answers: nothing else is checked, so a slow database never gets a web process restarted."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        return str(error)
    return None


def _broker_ok() -> str | None:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:
        return str(error)
    return None


@never_cache
def ready(request):
    """Ready to take traffic: the database and the broker both answer."""
    failures = {name: error for name, error in (("database", _database_ok()), ("broker", _broker_ok())) if error}
    if failures:
        return JsonResponse({"status": "unavailable", "failures": failures}, status=503)
    return JsonResponse({"status": "ok", "checks": ["database", "broker"]})

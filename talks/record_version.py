"""A version of the whole published record that moves on every write, so cached reads are dropped on write.

Any INSERT, UPDATE or DELETE of a record table, through any path Django runs SQL on (models, querysets'
`.update()`, the admin, the API, management commands, Celery tasks), moves the version once its transaction
commits. Readers key what they cache by the version: a write makes every older entry unreachable at once.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created

KEY = "record-version"
RECORD_TABLES = ('"talks_', '"exchanges_')  # the apps the API publishes (talks.api.visibility.RECORD_APPS)
WRITES = ("INSERT", "UPDATE", "DELETE")


def current() -> str:
    version = cache.get(KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(KEY, version, timeout=None)
        version = cache.get(KEY) or version
    return version


def bump() -> None:
    # Should the cache be away for this write (the project's Redis cache forgives errors), entries keyed by the
    # old version live on until their timeout: readers cache for seconds, not forever.
    cache.set(KEY, str(time.time_ns()), timeout=None)


def writes_record(sql: str) -> bool:
    return sql.lstrip()[:6].upper() in WRITES and any(table in sql for table in RECORD_TABLES)


class WriteWatcher:
    """A query wrapper on every connection: a write to the record moves the version when it commits."""

    def __init__(self, connection):
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if writes_record(sql):
            if self.connection.in_atomic_block:
                # Once per transaction (a bulk write is many statements); a rollback drops it with the rest.
                if not any(entry[1] is bump for entry in self.connection.run_on_commit):
                    transaction.on_commit(bump, using=self.connection.alias)
            else:
                bump()
        return result


def watch(sender, connection, **kwargs) -> None:
    if not any(isinstance(wrapper, WriteWatcher) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteWatcher(connection))


def connect() -> None:
    connection_created.connect(watch, dispatch_uid="talks.record_version.watch")

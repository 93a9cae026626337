"""PostgreSQL restarted while the web app and a worker run: both recover on their own, without a restart, and no
reminder is lost or doubled, even one whose send was under way when the database went. The cluster is the test's
own (initdb into a temporary directory); the machine's PostgreSQL is never touched."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

from tests.reminders.live import ROOT, ThrowawayPostgres, WebServer, Worker, running, service_env, wait_for

pytestmark = pytest.mark.services


@pytest.fixture
def postgres(test_database_url):
    cluster = ThrowawayPostgres()
    try:
        cluster.init()
        cluster.load_schema_from(test_database_url)  # pytest-django's test database: migrated, and empty
        yield cluster
    finally:
        cluster.destroy()


def seed(env, count: int) -> list[int]:
    """Reminders due now in the throwaway database, made by the project's own code in a subprocess."""
    code = f"import json; from tests.reminders.seed import due_reminders; print(json.dumps(due_reminders({count})))"
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def states(postgres, ids) -> dict[str, int]:
    try:
        rows = postgres.query("SELECT state, count(*) FROM accounts_reminder WHERE id = ANY(%s) GROUP BY state", [ids])
    except Exception:  # the server is restarting: ask again later
        return {}
    return dict(rows)


def test_web_and_worker_ride_out_a_postgres_restart_and_every_reminder_is_sent_once(
    postgres, smtp, queue_name, tmp_path
):
    env = service_env(database_url=postgres.url, redis_url=settings.REDIS_URL, smtp_port=smtp.port, queue=queue_name)
    # The web server runs the test settings only for their static files (no collectstatic needed).
    web = WebServer({**env, "DJANGO_SETTINGS_MODULE": "config.settings.test"}, tmp_path).start()
    try:
        with running(Worker("w1", env, tmp_path, beat=True)) as (worker,):
            before = seed(env, 10)
            wait_for(lambda: states(postgres, before) == {"sent": 10}, timeout=30, what="the first reminders")
            assert web.status("/") == 200

            smtp.hold("data")  # a send under way when the database goes: taken by the server, not yet recorded
            during = seed(env, 30)
            wait_for(smtp.holding.is_set, timeout=20, what="a send to be under way")
            postgres.stop("immediate")  # as a crash: every connection cut
            smtp.release()
            wait_for(
                lambda: b"the database is away" in worker.log.read_bytes(), timeout=20, what="the worker to notice"
            )
            assert web.status("/") == 500
            postgres.start()

            wait_for(lambda: states(postgres, during) == {"sent": 30}, timeout=60, what="the rest to be sent")
            wait_for(lambda: web.status("/") == 200, timeout=10, what="the web app to serve pages again")
            assert web.status("/accounts/login/") == 200
        assert "sent, but the database is away; retrying the record" in worker.log.read_text()
    finally:
        web.stop()

    deliveries = smtp.deliveries()
    assert len(deliveries) == 40 and set(deliveries.values()) == {1}

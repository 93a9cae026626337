"""Real services for the delivery tests: an SMTP sink on loopback, Celery workers as subprocesses, and throwaway
Redis and PostgreSQL servers that a test may kill. Nothing here touches the machine's own servers."""

import asyncio
import collections
import email
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))
POLL = 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_between_polls = threading.Event()  # never set: waiting on it is a bounded pause between two looks


def wait_for(predicate, *, timeout: float, what: str, interval: float = POLL):
    """Poll until `predicate()` is truthy; fail with `what` after `timeout` seconds. Returns the value.

    This waits on real processes (workers, brokers, databases) whose clocks a test cannot freeze; logic tests
    control time with time-machine instead."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout}s waiting for {what}")
        _between_polls.wait(interval)


# SMTP --------------------------------------------------------------------------------------------------------


class SmtpSink:
    """Accepts every message and keeps it; can hold a conversation at RCPT (before the message is given) or
    after DATA (the message is taken, the reply withheld) until released, to kill a worker at that moment."""

    def __init__(self):
        self.messages: list[email.message.Message] = []
        self.hold_at: str | None = None
        self.holding = threading.Event()
        self.released = threading.Event()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.released.set()
        self.controller.stop()

    def hold(self, where: str) -> None:
        self.hold_at, self.released = where, threading.Event()
        self.holding.clear()

    def release(self) -> None:
        self.hold_at = None
        self.released.set()

    async def _maybe_hold(self, where: str) -> None:
        if self.hold_at == where:
            self.holding.set()
            while not self.released.is_set():
                await asyncio.sleep(POLL)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        await self._maybe_hold("rcpt")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        await self._maybe_hold("data")
        return "250 Message accepted"

    def deliveries(self) -> collections.Counter:
        return collections.Counter(m["X-Roundtable-Delivery"] for m in self.messages)


# Celery workers ---------------------------------------------------------------------------------------------


def service_env(*, database_url: str, redis_url: str, smtp_port: int, queue: str, **extra) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "worker-under-test",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CELERY_QUEUE": queue,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_TIMEOUT": "5",
        "REMINDER_DISPATCH_EVERY": "1",
        "REMINDER_RETRY_BACKOFF": "1",
        "LOG_LEVEL": "INFO",
    }
    env.update({key: str(value) for key, value in extra.items()})
    return env


class Worker:
    """`celery worker` (optionally with an embedded beat) in its own process group."""

    def __init__(self, name: str, env: dict, logs: Path, *, beat: bool = False, concurrency: int = 2, include=()):
        self.name, self.env, self.log = name, env, logs / f"{name}.log"
        args = [CELERY, "-A", "config", "worker", "-n", f"{name}@%h", "--loglevel=INFO", "-Q", env["CELERY_QUEUE"]]
        args += ["--concurrency", str(concurrency), "--without-gossip", "--without-mingle", "--without-heartbeat"]
        if beat:
            args += ["--beat", "--schedule", str(logs / f"{name}-beat")]
        if include:
            args += ["--include", ",".join(include)]
        self.args = args
        self.process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        out = open(self.log, "ab")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            self.args, cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True
        )
        out.close()
        wait_for(lambda: b" ready." in self.log.read_bytes() or self._died(), timeout=30, what=f"{self.name} ready")
        assert self.process.poll() is None, f"{self.name} exited:\n{self.log.read_text()[-3000:]}"
        return self

    def _died(self) -> bool:
        return self.process.poll() is not None

    def pool_children(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def kill_child(self) -> int:
        """SIGKILL the pool process running the task, as the OOM killer would; the parent survives."""
        (child,) = self.pool_children()
        os.kill(child, signal.SIGKILL)
        return child

    def kill(self) -> None:
        """SIGKILL the whole worker: parent, pool and beat."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if not self.process or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.kill()


@contextmanager
def running(*workers: Worker):
    try:
        for worker in workers:
            worker.start()
        yield workers
    finally:
        for worker in workers:
            worker.stop()


# Throwaway servers ------------------------------------------------------------------------------------------


class ThrowawayRedis:
    """A redis-server of our own on a free port, without persistence: killing it loses the queue, as a crash
    of an unpersisted broker would."""

    def __init__(self, workdir: Path):
        self.port, self.dir = free_port(), workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "ThrowawayRedis":
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [*args, "--dir", str(self.dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(self._answers, timeout=10, what="redis to answer")
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


class ThrowawayPostgres:
    """A PostgreSQL cluster of our own (initdb into a temporary directory, its own port and socket directory),
    run as the `postgres` system user when we are root, because the server refuses to run as root. The directory
    sits directly under the system temp dir: the server user cannot enter root's private pytest directories."""

    def __init__(self):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="roundtable-pg-"))
        self.data, self.logfile = self.dir / "data", self.dir / "server.log"
        self.bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/roundtable"

    def _as_postgres(self, *args, check=True):
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if check and done.returncode:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}{done.stderr}")
        return done

    def init(self) -> "ThrowawayPostgres":
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._as_postgres("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self._as_postgres("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "roundtable")
        return self

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.logfile), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._as_postgres("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    def load_schema_from(self, database_url: str) -> None:
        """Copy a migrated database (schema and its few rows) instead of migrating from scratch: seconds saved."""
        dump = subprocess.run(
            [str(self.bin / "pg_dump"), "--no-owner", "--no-privileges", database_url],
            capture_output=True,
            check=True,
            timeout=60,
        )
        subprocess.run(
            [str(self.bin / "psql"), "-q", "-v", "ON_ERROR_STOP=1", self.url],
            input=dump.stdout,
            capture_output=True,
            check=True,
            timeout=60,
        )

    def query(self, sql: str, params=()) -> list[tuple]:
        """One short connection per question: the server may have restarted since the last."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True, connect_timeout=2) as conn:
            return conn.execute(sql, params).fetchall()


class WebServer:
    """gunicorn serving the project, as in production, in its own process group."""

    def __init__(self, env: dict, logs: Path):
        self.port, self.env, self.log = free_port(), env, logs / "web.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> "WebServer":
        out = open(self.log, "ab")  # noqa: SIM115 - closed with the process
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        args = [gunicorn, "config.wsgi:application", "-b", f"127.0.0.1:{self.port}", "-w", "1", "--timeout", "30"]
        self.process = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True)
        out.close()
        wait_for(lambda: self.status("/health/live") == 200, timeout=30, what="the web server")
        return self

    def status(self, path: str) -> int | None:
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(15)

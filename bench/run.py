"""`make bench`: generate the record at three sizes on PostgreSQL, serve it with gunicorn next to the baselines,
drive every endpoint with wrk, run the reminder dispatcher, and write bench/RESULTS.md.

BENCH_SCALE (default 1.0) is the largest size; the run also measures it at 1/100 and 1/10 to show how each figure
changes with the size of the tables. BENCH_SECONDS is the length of one wrk run. Only 127.0.0.1 is ever touched.
"""

import base64
import contextlib
import datetime
import json
import math
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench import dispatch, load, report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
HOST = "127.0.0.1"
CONCURRENCY = (1, 8, 32)
PORTS = {"project": 18701, "nocache": 18704, "b1": 18702, "b0": 18703}
APPS = {
    "project": "config.wsgi:application",
    "nocache": "config.wsgi:application",  # the project with its caches off: every read is built
    "b1": "bench.b1app:app",
    "b0": "bench.b0app:app",
}
MAX_SECONDS = float(os.environ.get("BENCH_MAX_SECONDS", "10"))
JSON_ENDPOINTS = ("api_list_p100", "api_detail", "api_first", "api_deep", "api_sync")


def loopback(url: str) -> str:
    if urlsplit(url).hostname != HOST:
        raise SystemExit(f"the benchmark only uses servers on {HOST}: {url}")
    return url


def database_url(admin: str, name: str) -> str:
    parts = urlsplit(admin)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


def create_database(admin: str, name: str) -> None:
    if not name.startswith("rt_bench"):
        raise SystemExit("benchmark databases are named rt_bench*")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def redis_url() -> str:
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
    parts = urlsplit(url)
    if parts.hostname != HOST:
        raise SystemExit(f"the benchmark only uses Redis on {HOST}: {url}")
    try:
        with socket.create_connection((HOST, parts.port or 6379), timeout=0.5):
            return url
    except OSError:
        return ""  # the project's cache falls back to memory without Redis


def django_env(db_url: str, secret: str, cache: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=db_url,
        SECRET_KEY=secret,
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        DEBUG="false",
        LOG_LEVEL="WARNING",
        # The benchmark measures serving, not the rate limiter's refusals.
        API_THROTTLE_ANON="1000000/s",
        API_THROTTLE_USER="1000000/s",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        ROUNDTABLE_DATA_DIR=str(DATA / "app"),
        PYTHONPATH=str(ROOT),
        REDIS_URL=cache,
    )
    return env


def python(*args, env, capture=False) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True)
    return done.stdout if capture else ""


def last_json(output: str):
    return json.loads(output.strip().splitlines()[-1])


class Server:
    """One gunicorn (the same flags for every variant) on a loopback port."""

    def __init__(self, name: str, env: dict, workers: int):
        self.name, self.port = name, PORTS[name]
        argv = [sys.executable, "-m", "gunicorn", APPS[name], "--workers", str(workers), "--worker-class", "sync"]
        argv += ["--bind", f"{HOST}:{self.port}", "--log-level", "warning", "--backlog", "2048"]
        self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{name} server exited with {self.proc.returncode}")
            try:
                socket.create_connection((HOST, self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"{name} server did not start")

    def url(self, path: str) -> str:
        return loopback(f"http://{HOST}:{self.port}{path}")

    def fetch(self, path: str) -> tuple[int, str, bytes]:
        request = urllib.request.Request(self.url(path), headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()

    def peak_memory_kb(self) -> list[int]:
        """VmHWM (peak resident set) of each worker: the processes whose parent is this gunicorn."""
        peaks = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            except OSError:
                continue
            if fields.get("PPid", "").strip() == str(self.proc.pid) and "VmHWM" in fields:
                peaks.append(int(fields["VmHWM"].split()[0]))
        return sorted(peaks)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def variants_of(endpoint: str, full: bool, cached: bool) -> tuple[str, ...]:
    # B1 builds JSON; the CSV export and the HTML pages have only the pre-computed ceiling B0. API reads and the
    # reading pages are cached for anonymous readers, so they also run with the caches off; the streamed CSV
    # export is never cached. Smaller data sets measure the project alone.
    variants = ("project", "nocache") if cached and endpoint != "api_csv" else ("project",)
    if endpoint not in JSON_ENDPOINTS:
        return (*variants, "b0") if full else variants
    return (*variants, "b1", "b0") if full else variants


def duration(base: float, one_request: float, concurrency: int, workers: int) -> float:
    """Long enough for several rounds of the queue wrk keeps full (a slow page at 32 connections), capped."""
    return float(math.ceil(min(MAX_SECONDS, max(base, 4 * one_request * concurrency / workers))))


def drain(server: "Server") -> None:
    """Wait out requests wrk left queued when it stopped, so they do not slow the next run."""
    with contextlib.suppress(urllib.error.HTTPError):
        server.fetch("/health/live" if server.name in ("project", "nocache") else "/drain")


def serve_and_measure(env: dict, urls: dict, workers: int, concurrency, seconds: float, full: bool) -> dict:
    json_urls = [urls[name] for name in JSON_ENDPOINTS]
    cached = bool(env.get("REDIS_URL"))
    servers = {"project": Server("project", env, workers)}
    if cached:
        caches_off = {"API_RESPONSE_CACHE_SECONDS": "0", "PAGE_CACHE_SECONDS": "0"}
        servers["nocache"] = Server("nocache", {**env, **caches_off}, workers)
    servers["b1"] = Server("b1", {**env, "BENCH_URLS": json.dumps(json_urls)}, workers)
    try:
        bodies, identity = {}, {}
        for name, path in urls.items():
            status, kind, body = servers["project"].fetch(path)
            if status != 200:
                raise SystemExit(f"{name}: the project answered {status}")
            bodies[path] = [kind, base64.b64encode(body).decode()]
            if name in JSON_ENDPOINTS:
                _, _, raw = servers["b1"].fetch(path)
                _, _, again = servers["project"].fetch(path)  # from the response cache when it is on
                _, _, built = servers.get("nocache", servers["project"]).fetch(path)
                identity[name] = {
                    "identical": raw == body == again == built,
                    "project_bytes": len(body),
                    "b1_bytes": len(raw),
                }
        b0_file = DATA / "b0-bodies.json"
        b0_file.write_text(json.dumps(bodies))
        servers["b0"] = Server("b0", {**env, "BENCH_B0_FILE": str(b0_file)}, workers)
        timing = {}
        for name, path in urls.items():  # warm every worker of every variant, and time one request
            for variant in variants_of(name, full, cached):
                for _ in range(workers * 2):
                    began = time.monotonic()
                    servers[variant].fetch(path)
                    timing[name, variant] = time.monotonic() - began
        runs = []
        for c in concurrency:  # interleaved: every variant of an endpoint back to back, at each concurrency
            for name, path in urls.items():
                for variant in variants_of(name, full, cached):
                    length = duration(seconds, timing[name, variant], c, workers)
                    result = load.drive(servers[variant].url(path), concurrency=c, seconds=length, host=HOST)
                    drain(servers[variant])
                    runs.append(
                        {"endpoint": name, "variant": variant, "concurrency": c, "seconds": length, **result.as_dict()}
                    )
                    print(
                        f"  c={c:<2} {name:<14} {variant:<7} {result.requests_per_s:9.1f}/s "
                        f"p50 {result.p50_ms:8.2f} ms  p99 {result.p99_ms:8.2f} ms",
                        flush=True,
                    )
        memory = {variant: server.peak_memory_kb() for variant, server in servers.items()}
        return {"runs": runs, "identity": identity, "memory_kb": memory}
    finally:
        for server in servers.values():
            server.stop()


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    mem = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(mem) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_at_start": os.getloadavg(),
    }


def point(admin: str, label: str, scale: float, full: bool, seconds: float, workers: int, cache: str) -> dict:
    name = f"rt_bench_{label}"
    db_url = database_url(admin, name)
    env = django_env(db_url, secrets.token_urlsafe(32), cache)
    started = time.monotonic()
    print(f"[{label}] scale {scale}: database {name}", flush=True)
    create_database(admin, name)
    python("manage.py", "migrate", "--noinput", "-v0", env=env)
    generated = last_json(python("-m", "bench.generate", "--scale", str(scale), env=env, capture=True))
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    generated_in = time.monotonic() - started
    probe = last_json(python("-m", "bench.probe", env=env, capture=True))
    print(f"[{label}] generated {generated} in {generated_in:.0f}s", flush=True)
    measured = serve_and_measure(env, probe["urls"], workers, CONCURRENCY if full else (8,), seconds, full)
    claims = [dispatch.claim_rate(db_url, env, k) for k in ((1, 2, 4) if full else (1,))]
    for claim in claims:
        print(f"[{label}] dispatch x{claim['processes']}: {claim['per_second']:.0f}/s, dup {claim['duplicates']}")
    latencies = [dispatch.latency(db_url, env, k) for k in (1, 2, 4)] if full else []
    plan = last_json(python("-m", "bench.dispatch", "explain", env=env, capture=True))["plan"]
    return {
        "label": label,
        "scale": scale,
        "generated": generated,
        "generated_seconds": generated_in,
        "probe": probe,
        **measured,
        "dispatch": claims,
        "latency": latencies,
        "claim_plan": plan,
        "seconds": time.monotonic() - started,
    }


def main():
    scale = float(os.environ.get("BENCH_SCALE", "1.0"))
    seconds = float(os.environ.get("BENCH_SECONDS", "3"))
    workers = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))
    admin = loopback(os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres"))
    DATA.mkdir(parents=True, exist_ok=True)
    cache = redis_url()
    started = time.monotonic()
    env = django_env(database_url(admin, "rt_bench_static"), "collectstatic", cache)
    python("manage.py", "collectstatic", "--noinput", "-v0", env=env)
    results = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "scale": scale,
        "seconds_per_run": seconds,
        "workers": workers,
        "cache": cache or "memory (no Redis on 127.0.0.1)",
        "points": [],
    }
    for label, factor, full in (("x1", 0.01, False), ("x10", 0.1, False), ("x100", 1.0, True)):
        results["points"].append(point(admin, label, scale * factor, full, seconds, workers, cache))
    results["machine"]["load_at_end"] = os.getloadavg()
    results["total_seconds"] = time.monotonic() - started
    (DATA / "results.json").write_text(json.dumps(results, indent=1, default=str))
    (ROOT / "bench" / "RESULTS.md").write_text(report.markdown(results))
    print(f"bench/RESULTS.md written in {results['total_seconds'] / 60:.1f} min")


if __name__ == "__main__":
    main()

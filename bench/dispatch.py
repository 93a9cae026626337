"""The reminder dispatcher under load: claim rate with N processes over the generated rows, duplicates, due->sent
latency, and the claim query's plan.

The coordinator (used by bench.run) resets the owed rows with psycopg and starts N worker processes of this
module; each worker calls the project's own accounts.reminders.dispatch.claim_due in a loop, as beat would, and
reports the ids it claimed.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import psycopg

ACTIVE = "state IN ('pending', 'queued', 'sending')"


def _setup():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()


def _wait(start: float) -> None:
    while time.time() < start:
        time.sleep(0.005)


def worker_claim(start: float) -> dict:
    """Claim until no due row is left; the ids go to the coordinator, which looks for any claimed twice."""
    _setup()
    from django.utils import timezone

    from accounts.reminders.dispatch import claim_due

    claimed: list[int] = []
    _wait(start)
    began = time.time()
    while True:
        _, found = claim_due(enqueue=claimed.extend, now=timezone.now())
        if found == 0:
            break
    return {"ids": claimed, "began": began, "ended": time.time()}


def worker_send(start: float, until: float) -> dict:
    """Dispatch and deliver as rows fall due (a tight loop in place of beat's one-minute tick and the broker)."""
    _setup()
    from django.utils import timezone

    from accounts.reminders.delivery import reminder_deliver

    outcomes: dict[str, int] = {}

    def deliver(ids):
        for reminder_id in ids:
            outcome = reminder_deliver(reminder_id=reminder_id, claim=f"bench-{os.getpid()}-{reminder_id}")
            outcomes[outcome] = outcomes.get(outcome, 0) + 1

    from accounts.reminders.dispatch import claim_due

    _wait(start)
    while time.time() < until:
        _, found = claim_due(enqueue=deliver, now=timezone.now())
        if found == 0:
            time.sleep(0.02)
    return {"outcomes": outcomes}


def explain() -> str:
    """EXPLAIN of the claim query as claim_due runs it (the same queryset, batch size and lock)."""
    _setup()
    from django.conf import settings
    from django.db import transaction
    from django.utils import timezone

    from accounts.reminders.dispatch import due_rows

    queryset = due_rows(timezone.now())[: settings.REMINDER_DISPATCH_BATCH]
    with transaction.atomic():
        return queryset.explain()


def _spawn(args: list[str], env: dict, count: int) -> list[dict]:
    procs = [
        subprocess.Popen([sys.executable, "-m", "bench.dispatch", *args], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=900)
        if proc.returncode:
            raise RuntimeError(f"dispatcher worker failed ({proc.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def claim_rate(dsn: str, env: dict, processes: int) -> dict:
    """Every owed row made due at once; `processes` dispatchers drain them."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            f"UPDATE accounts_reminder SET state = 'pending', claimed_by = '', attempts = 0, "
            f"next_attempt_at = now() - (id % 997) * interval '1 second' WHERE {ACTIVE}"
        )
        conn.execute("VACUUM ANALYZE accounts_reminder")
        due = conn.execute(f"SELECT count(*) FROM accounts_reminder WHERE {ACTIVE}").fetchone()[0]
        total = conn.execute("SELECT count(*) FROM accounts_reminder").fetchone()[0]
    start = time.time() + 3  # past every worker's Django start-up
    results = _spawn(["claim", "--start", str(start)], env, processes)
    ids = [i for r in results for i in r["ids"]]
    wall = max(r["ended"] for r in results) - start
    with psycopg.connect(dsn, autocommit=True) as conn:
        queued = conn.execute("SELECT count(*) FROM accounts_reminder WHERE state = 'queued'").fetchone()[0]
    return {
        "processes": processes,
        "rows": total,
        "due": due,
        "claimed": len(ids),
        "duplicates": len(ids) - len(set(ids)),
        "queued_in_db": queued,
        "seconds": wall,
        "per_second": len(set(ids)) / wall if wall else 0.0,
    }


def latency(dsn: str, env: dict, processes: int, rows: int = 600, window: float = 6.0) -> dict:
    """`rows` reminders falling due evenly over `window` seconds, dispatched and delivered as they come."""
    begin = time.time() + 3
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            f"UPDATE accounts_reminder SET state = 'pending', next_attempt_at = now() + interval '30 days' "
            f"WHERE {ACTIVE}"
        )
        conn.execute(
            "UPDATE accounts_reminder r SET state = 'pending', claimed_by = '', attempts = 0, sent_at = NULL, "
            "round_start = now() + interval '1 day', "
            "due_at = to_timestamp(%(begin)s) + pick.n * %(step)s * interval '1 second', "
            "next_attempt_at = to_timestamp(%(begin)s) + pick.n * %(step)s * interval '1 second' "
            "FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM accounts_reminder "
            f"WHERE {ACTIVE} ORDER BY id LIMIT %(rows)s) pick WHERE r.id = pick.id",
            {"begin": begin, "step": window / rows, "rows": rows},
        )
        picked = conn.execute(
            f"SELECT array_agg(id) FROM accounts_reminder WHERE next_attempt_at < now() + interval '1 day' AND {ACTIVE}"
        ).fetchone()[0]
    results = _spawn(["send", "--start", str(begin - 1), "--until", str(begin + window + 4)], env, processes)
    with psycopg.connect(dsn, autocommit=True) as conn:
        p50, p99, sent, twice = conn.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)), "
            "percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)), "
            "count(sent_at), count(*) FILTER (WHERE attempts > 1) FROM accounts_reminder WHERE id = ANY(%s)",
            [picked],
        ).fetchone()
    outcomes: dict[str, int] = {}
    for r in results:
        for name, n in r["outcomes"].items():
            outcomes[name] = outcomes.get(name, 0) + n
    return {
        "processes": processes,
        "rows": len(picked),
        "sent": sent,
        "sent_twice": twice,
        "p50_ms": (p50 or 0) * 1000,
        "p99_ms": (p99 or 0) * 1000,
        "outcomes": outcomes,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["claim", "send", "explain"])
    parser.add_argument("--start", type=float, default=0.0)
    parser.add_argument("--until", type=float, default=0.0)
    args = parser.parse_args()
    if args.mode == "claim":
        print(json.dumps(worker_claim(args.start)))
    elif args.mode == "send":
        print(json.dumps(worker_send(args.start, args.until)))
    else:
        print(json.dumps({"plan": explain()}))


if __name__ == "__main__":
    main()

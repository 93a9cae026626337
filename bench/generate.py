"""A large, realistic record for the benchmark, written with bulk inserts.

At scale 1.0: 200 tracks, 20,000 rounds, 100,000 demands with histories, 300,000 citations, 5,000 swap
agreements with stages and 1,000,000 planned reminder rows (mostly sent history, the rest owed later). Rows are
published, dated across ten years and spread over tracks and parties the way a busy tracker's would be.
Run with `python -m bench.generate --scale 0.1` against an empty, migrated database.
"""

import argparse
import datetime
import json
import os
import random
from itertools import islice

BATCH = 5000
CATEGORIES = ["territorial", "ceasefire", "humanitarian", "political", "security", "economic", "procedural"]
ACTIONS = ["raised", "reiterated", "modified", "accepted", "rejected", "withdrawn"]
STATUSES = ["held"] * 8 + ["concluded", "paused", "cancelled", "postponed", "scheduled"]


def batched(rows, size=BATCH):
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


def insert(model, rows) -> list:
    """Bulk-insert and return the rows with their primary keys (PostgreSQL and SQLite both return them)."""
    made = []
    for chunk in batched(rows):
        made.extend(model.objects.bulk_create(chunk))
    return made


def generate(scale: float, seed: int = 7) -> dict[str, int]:
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from exchanges.models import Category, SwapAgreement, SwapClaim, SwapQuota, SwapStage
    from talks.models import (
        Citation,
        Delegation,
        DelegationMember,
        Demand,
        DemandEvent,
        Meeting,
        Outcome,
        Party,
        Person,
        PersonRole,
        Source,
        Track,
    )

    rng = random.Random(seed)
    now = timezone.now()
    n_tracks = max(2, int(200 * scale))
    n_rounds = max(120, int(20_000 * scale))  # at least a few pages of the API
    n_demands = max(10, int(100_000 * scale))
    n_citations = max(30, int(300_000 * scale))
    n_swaps = max(2, int(5_000 * scale))
    published = {"publication": "published", "published_at": now}

    parties = insert(
        Party,
        (
            Party(
                name=f"Bench State {i}",
                slug=f"bench-state-{i}",
                kind="state",
                country_code=f"{chr(65 + i // 26)}{chr(65 + i % 26)}",
            )
            for i in range(60)
        ),
    )
    people = insert(
        Person,
        (Person(name=f"Bench Person {i}", slug=f"bench-person-{i}", party=rng.choice(parties)) for i in range(2000)),
    )
    insert(
        PersonRole,
        (
            PersonRole(person=p, title=rng.choice(["Minister", "Aide", "Envoy"]), started_on=datetime.date(2010, 1, 1))
            for p in people
        ),
    )
    tracks = insert(
        Track,
        (
            Track(name=f"Bench track {i}", slug=f"bench-track-{i}", started_on=datetime.date(2015, 1, 1), **published)
            for i in range(n_tracks)
        ),
    )
    start = datetime.date(2015, 1, 1)
    per_track = max(1, n_rounds // n_tracks)
    meetings = insert(
        Meeting,
        (
            Meeting(
                track=track,
                sequence=seq + 1,
                title=f"Round {seq + 1}",
                venue_city="Geneva",
                venue_country="CH",
                venue_timezone="Europe/Zurich",
                date=start + datetime.timedelta(days=(seq * 3650) // per_track),
                status=rng.choice(STATUSES),
                summary="Talks on " + rng.choice(CATEGORIES),
                **published,
            )
            for track in tracks
            for seq in range(per_track)
        ),
    )
    delegations = insert(
        Delegation, (Delegation(meeting=m, party=party) for m in meetings for party in rng.sample(parties, 2))
    )
    insert(
        DelegationMember, (DelegationMember(delegation=d, person=rng.choice(people), is_head=True) for d in delegations)
    )
    by_track: dict[int, list] = {}
    for m in meetings:
        by_track.setdefault(m.track_id, []).append(m)
    demands = insert(
        Demand,
        (
            Demand(
                track_id=track.pk,
                made_by=a,
                addressed_to=b,
                summary=f"Bench demand {i}",
                category=rng.choice(CATEGORIES),
                kind="demand",
                text="Withdrawal, guarantees and exchanges",
                **published,
            )
            for i in range(n_demands)
            for track in [rng.choice(tracks)]
            for a, b in [rng.sample(parties, 2)]
        ),
    )
    events = insert(
        DemandEvent,
        (
            DemandEvent(demand=d, meeting=m, occurred_on=m.date, action="raised" if k == 0 else rng.choice(ACTIONS[1:]))
            for d in demands
            for k, m in enumerate(
                sorted(rng.sample(by_track[d.track_id], min(2, len(by_track[d.track_id]))), key=lambda m: m.sequence)
            )
        ),
    )
    outcomes = insert(
        Outcome,
        (
            Outcome(
                meeting=m,
                kind="agreement",
                category=rng.choice(CATEGORIES),
                summary=f"Outcome of {m.title}",
                **published,
            )
            for m in meetings
        ),
    )
    sources = insert(
        Source,
        (Source(outlet=rng.choice(["Reuters", "AFP", "AP", "Interfax"]), title=f"Report {i}") for i in range(5000)),
    )
    facts = [
        (ContentType.objects.get_for_model(Meeting), meetings),
        (ContentType.objects.get_for_model(Demand), demands),
        (ContentType.objects.get_for_model(Outcome), outcomes),
    ]
    citations = insert(
        Citation,
        (
            Citation(
                source=rng.choice(sources),
                content_type=ct,
                object_id=rng.choice(rows).pk,
                attribution=rng.choice(["on_record", "anonymous", "media_report"]),
                excerpt="A short excerpt.",
            )
            for i in range(n_citations)
            for ct, rows in [facts[i % 3]]
        ),
    )
    swaps = _swaps(rng, meetings, parties, n_swaps, published, SwapAgreement)
    insert(
        SwapQuota,
        (
            SwapQuota(agreement=s, releasing_side_id=side, category=Category.PRISONERS_OF_WAR, count=500)
            for s in swaps
            for side in (s.side_a_id, s.side_b_id)
        ),
    )
    stages = insert(
        SwapStage,
        (
            SwapStage(
                agreement=s,
                side_a_id=s.side_a_id,
                side_b_id=s.side_b_id,
                status="carried_out",
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=k * 30),
                **published,
            )
            for s in swaps
            for k in range(3)
        ),
    )
    insert(
        SwapClaim,
        (
            SwapClaim(
                stage=st,
                claimant_id=side,
                releasing_side_id=side,
                category=Category.PRISONERS_OF_WAR,
                count=rng.randint(50, 200),
            )
            for st in stages
            for side in (st.side_a_id, st.side_b_id)
        ),
    )
    n_reminders = reminders(max(1000, int(1_000_000 * scale)), meetings, rng, now)
    return {
        "reminders": n_reminders,
        "tracks": len(tracks),
        "rounds": len(meetings),
        "demands": len(demands),
        "demand_events": len(events),
        "citations": len(citations),
        "swap_agreements": len(swaps),
        "swap_stages": len(stages),
    }


REMINDER_COLUMNS = (
    "key", "kind", "state", "user_id", "meeting_id", "round_start", "due_at", "next_attempt_at", "claimed_by",
    "attempts", "sent_at", "last_error", "skip_reason", "created_at", "updated_at",
)  # fmt: skip


def reminders(n: int, meetings, rng, now) -> int:
    """Reminder rows through COPY (a million bulk_create objects would take minutes): notices of a called-off
    round to active readers, so every owed row is one the dispatcher sends rather than skips. Nine rows in ten
    were due in the past and are sent history, outside the dispatcher's index; the tenth is owed later."""
    from django.db import connection

    from accounts.models import User

    users = insert(
        User,
        (User(username=f"bench-reader-{i}", email=f"reader{i}@example.org", password="!") for i in range(1000)),
    )
    columns = ", ".join(REMINDER_COLUMNS)
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor() as raw,
        raw.copy(f"COPY accounts_reminder ({columns}) FROM STDIN") as copy,
    ):
        for i in range(n):
            meeting = meetings[i % len(meetings)]
            due = now + datetime.timedelta(minutes=rng.randint(-4_500_000, 500_000))
            sent = due < now
            copy.write_row(
                (
                    f"bench:{i}",
                    "cancelled",
                    "sent" if sent else "pending",
                    users[i % len(users)].pk,
                    meeting.pk,
                    due + datetime.timedelta(days=1),
                    due,
                    due,
                    "",
                    1 if sent else 0,
                    due if sent else None,
                    "",
                    "",
                    now,
                    now,
                )
            )
    return n


def _swaps(rng, meetings, parties, n, published, SwapAgreement):
    rows = []
    for m in rng.sample(meetings, min(n, len(meetings))):
        a, b = rng.sample(parties, 2)
        rows.append(SwapAgreement(meeting=m, side_a=a, side_b=b, formula="500 for 500", **published))
    return insert(SwapAgreement, rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1.0")))
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()
    print(json.dumps(generate(args.scale)))


if __name__ == "__main__":
    main()

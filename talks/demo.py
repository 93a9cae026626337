"""The demo record: the first round of the 2025 Istanbul direct talks, as one news report of 16 May 2025 gives it.

Every fact is cited to the outlet the report attributes it to, relayed through the report itself. Loading uses
get_or_create on natural keys, so running it again adds nothing and leaves an editor's later changes alone.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from talks.choices import DateQualifier, DurationQualifier, IssueCategory
from talks.models import (
    Absence,
    Area,
    Citation,
    Delegation,
    DelegationMember,
    Demand,
    DemandEvent,
    Meeting,
    MeetingSession,
    Outcome,
    OutcomeProgress,
    Party,
    Person,
    PersonAlias,
    PersonRole,
    Source,
    Statement,
    Track,
    TrackParticipant,
)

ROUND_DAY = datetime.date(2025, 5, 16)
REPORT_PUBLISHED = datetime.datetime(2025, 5, 16, 18, 0, tzinfo=datetime.UTC)
ATTR = Citation.Attribution


@dataclass
class DemoRecord:
    """What the loader made or found, for the swap loader and for tests."""

    track: Track
    meeting: Meeting
    russia: Party
    ukraine: Party
    turkey: Party
    sources: dict[str, Source]
    swap_outcome: Outcome
    umerov: Person
    medinsky: Person


def cite(fact, source: Source, attribution: str, excerpt: str = "", *, via: Source | None = None, claim: str = ""):
    Citation.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        source=source,
        claim=claim,
        defaults={"attribution": attribution, "excerpt": excerpt, "via": via},
    )


def published_once(model, lookup: dict, defaults: dict):
    record, created = model.objects.get_or_create(**lookup, defaults=defaults)
    if created:
        record.publish()
    return record


def _parties() -> dict[str, Party]:
    rows = {
        "russia": ("Russian Federation", "Russia", "RU"),
        "ukraine": ("Ukraine", "Ukraine", "UA"),
        "turkey": ("Republic of Türkiye", "Türkiye", "TR"),
    }
    return {
        slug: Party.objects.get_or_create(
            slug=slug, defaults={"name": name, "short_name": short, "kind": Party.Kind.STATE, "country_code": code}
        )[0]
        for slug, (name, short, code) in rows.items()
    }


def _person(slug, name, native, party, aliases, roles) -> Person:
    person, _ = Person.objects.get_or_create(slug=slug, defaults={"name": name, "native_name": native, "party": party})
    for alias, language in aliases:
        PersonAlias.objects.get_or_create(person=person, name=alias, defaults={"language": language})
    for title, started, ended in roles:
        PersonRole.objects.get_or_create(
            person=person,
            title=title,
            started_on=started,
            defaults={"ended_on": ended, "organisation": party},
        )
    return person


def _people(p) -> dict[str, Person]:
    return {
        "umerov": _person(
            "rustem-umerov",
            "Rustem Umerov",
            "Рустем Умєров",
            p["ukraine"],
            [("Rustem Umierov", "en"), ("Умєров", "uk")],
            [
                ("Minister of Defence of Ukraine", datetime.date(2023, 9, 6), datetime.date(2025, 7, 17)),
                ("Secretary of the National Security and Defence Council of Ukraine", datetime.date(2025, 7, 17), None),
            ],
        ),
        "medinsky": _person(
            "vladimir-medinsky",
            "Vladimir Medinsky",
            "Владимир Мединский",
            p["russia"],
            [("Vladimir Medinskiy", "en"), ("Мединский", "ru")],
            [("Aide to the President of the Russian Federation", datetime.date(2020, 1, 25), None)],
        ),
        "putin": _person(
            "vladimir-putin",
            "Vladimir Putin",
            "Владимир Путин",
            p["russia"],
            [("Putin", "en")],
            [("President of the Russian Federation", datetime.date(2012, 5, 7), None)],
        ),
        "zelenskyy": _person(
            "volodymyr-zelenskyy",
            "Volodymyr Zelenskyy",
            "Володимир Зеленський",
            p["ukraine"],
            [("Volodymyr Zelensky", "en"), ("Volodymyr Zelenskiy", "en"), ("Зеленский", "ru")],
            [("President of Ukraine", datetime.date(2019, 5, 20), None)],
        ),
    }


def _sources() -> dict[str, Source]:
    report, _ = Source.objects.get_or_create(
        outlet="Euromaidan Press",
        title="Russia and Ukraine agree to largest-ever prisoner swap—but peace talks in Istanbul stall "
        "over Putin's \u201coutrageous\u201d demands",
        defaults={"kind": Source.Kind.ARTICLE, "language": "en", "published_at": REPORT_PUBLISHED},
    )
    relayed = {
        "reuters": ("Reuters", Source.Kind.WIRE, "Report quoting a Ukrainian diplomatic source"),
        "telegraph": ("The Telegraph", Source.Kind.ARTICLE, "Report quoting a source in Kyiv"),
        "interfax": ("Interfax", Source.Kind.WIRE, "Report on the pause in the talks"),
        "afp": ("AFP", Source.Kind.WIRE, "Report quoting a senior Ukrainian official"),
        "rbc": ("RBC (Telegram)", Source.Kind.SOCIAL, "Photograph of the delegations at the table"),
    }
    sources = {"report": report}
    for key, (outlet, kind, title) in relayed.items():
        sources[key] = Source.objects.get_or_create(
            outlet=outlet, title=title, defaults={"kind": kind, "language": "en", "published_at": None}
        )[0]
    return sources


def _tracks(p) -> tuple[Track, Meeting]:
    earlier = published_once(
        Track,
        {"slug": "russia-ukraine-2022"},
        {
            "name": "Russia–Ukraine talks (2022)",
            "status": Track.Status.CONCLUDED,
            "started_on": datetime.date(2022, 2, 28),
            "ended_on": datetime.date(2022, 5, 17),
            "description": "The direct talks of spring 2022, held in Belarus, online and in Istanbul.",
        },
    )
    track = published_once(
        Track,
        {"slug": "istanbul-direct-talks-2025"},
        {
            "name": "Russia–Ukraine direct talks, Istanbul (2025)",
            "status": Track.Status.ACTIVE,
            "started_on": ROUND_DAY,
            "description": "Direct talks between Russian and Ukrainian delegations resumed in Istanbul in May 2025.",
        },
    )
    for t in (earlier, track):
        for party in (p["russia"], p["ukraine"]):
            TrackParticipant.objects.get_or_create(track=t, party=party, role=TrackParticipant.Role.PARTY)
        TrackParticipant.objects.get_or_create(track=t, party=p["turkey"], role=TrackParticipant.Role.HOST)
    last_2022 = published_once(
        Meeting,
        {"track": earlier, "sequence": 1},
        {
            "title": "Istanbul round",
            "venue_city": "Istanbul",
            "venue_country": "TR",
            "venue_timezone": "Europe/Istanbul",
            "date": datetime.date(2022, 3, 29),
            "status": Meeting.Status.CONCLUDED,
            "format": Meeting.Format.DIRECT,
            "level": Meeting.Level.SENIOR_OFFICIALS,
        },
    )
    return track, last_2022


@transaction.atomic
def load_round() -> DemoRecord:
    p = _parties()
    people = _people(p)
    src = _sources()
    report = src["report"]
    track, last_2022 = _tracks(p)

    meeting = published_once(
        Meeting,
        {"track": track, "sequence": 1},
        {
            "title": "First round",
            "follows": last_2022,
            "summary": "First direct talks between the two sides in more than three years; nearly two hours.",
            "venue_city": "Istanbul",
            "venue_country": "TR",
            "venue_timezone": "Europe/Istanbul",
            "date": ROUND_DAY,
            "date_qualifier": DateQualifier.EXACT,
            "approx_duration": datetime.timedelta(hours=2),
            "duration_qualifier": DurationQualifier.NEARLY,
            "format": Meeting.Format.DIRECT,
            "level": Meeting.Level.SENIOR_OFFICIALS,
            "status": Meeting.Status.PAUSED,
        },
    )
    cite(meeting, report, ATTR.MEDIA_REPORT, "The delegations met in Istanbul on Friday for nearly two hours.")
    cite(meeting, src["rbc"], ATTR.MEDIA_REPORT, "Photograph of the two delegations at the table.", via=report)

    MeetingSession.objects.get_or_create(
        meeting=meeting,
        sequence=1,
        defaults={"status": MeetingSession.Status.HELD, "note": "Nearly two hours; then paused."},
    )
    MeetingSession.objects.get_or_create(
        meeting=meeting,
        sequence=2,
        defaults={
            "status": MeetingSession.Status.POSSIBLE,
            "note": "Resumption possible later the same day; not scheduled.",
        },
    )
    cite(
        meeting,
        src["interfax"],
        ATTR.MEDIA_REPORT,
        "The delegations paused the talks, with a possible resumption later in the day.",
        via=report,
    )

    for party, head, function in (
        (p["ukraine"], people["umerov"], "Head of delegation"),
        (p["russia"], people["medinsky"], "Head of delegation"),
    ):
        delegation, _ = Delegation.objects.get_or_create(meeting=meeting, party=party)
        DelegationMember.objects.get_or_create(
            delegation=delegation, person=head, defaults={"is_head": True, "function": function}
        )

    absence, _ = Absence.objects.get_or_create(
        meeting=meeting,
        person=people["putin"],
        defaults={"party": p["russia"], "note": "Declined to attend in person; sent a lower-level delegation."},
    )
    cite(absence, report, ATTR.MEDIA_REPORT, "Putin declined to attend in person and sent a lower-level delegation.")

    areas = [
        Area.objects.get_or_create(slug=slug, defaults={"name": name, "iso_code": code, "country_code": "UA"})[0]
        for slug, name, code in (
            ("donetsk-oblast", "Donetsk Oblast", "UA-14"),
            ("luhansk-oblast", "Luhansk Oblast", "UA-09"),
            ("kherson-oblast", "Kherson Oblast", "UA-65"),
            ("zaporizhzhia-oblast", "Zaporizhzhia Oblast", "UA-23"),
        )
    ]
    withdrawal = published_once(
        Demand,
        {"track": track, "summary": "Ukrainian troops to withdraw from four oblasts"},
        {
            "made_by": p["russia"],
            "addressed_to": p["ukraine"],
            "category": IssueCategory.TERRITORIAL,
            "kind": Demand.Kind.PRECONDITION,
            "condition_for": "a ceasefire",
            "text": "Ukraine to pull its forces out of the Donetsk, Luhansk, Kherson and Zaporizhzhia oblasts, "
            "which Russia claimed to annex in September 2022 but only partly occupies; described by Russia "
            "as the minimum for a ceasefire.",
        },
    )
    withdrawal.areas.add(*areas)
    raised, _ = DemandEvent.objects.get_or_create(
        demand=withdrawal,
        meeting=meeting,
        action=DemandEvent.Action.RAISED,
        defaults={"occurred_on": ROUND_DAY, "actor": p["russia"]},
    )
    cite(
        withdrawal,
        src["reuters"],
        ATTR.ANONYMOUS,
        "Moscow demanded that Ukraine withdraw troops from its own territory as a condition for a ceasefire.",
        via=report,
    )
    cite(
        withdrawal,
        src["telegraph"],
        ATTR.ANONYMOUS,
        "Russia treated withdrawal from the four oblasts as the \u201cminimum\u201d.",
        via=report,
    )
    cite(raised, src["reuters"], ATTR.ANONYMOUS, via=report)

    summit = published_once(
        Demand,
        {"track": track, "summary": "A meeting at the level of presidents"},
        {
            "made_by": p["ukraine"],
            "addressed_to": p["russia"],
            "category": IssueCategory.POLITICAL,
            "kind": Demand.Kind.REQUEST,
            "text": "Ukraine asked for a meeting of the two presidents.",
        },
    )
    asked, _ = DemandEvent.objects.get_or_create(
        demand=summit,
        meeting=meeting,
        action=DemandEvent.Action.RAISED,
        defaults={
            "occurred_on": ROUND_DAY,
            "actor": p["ukraine"],
            "note": "Russia said it had taken note of the request.",
        },
    )
    cite(summit, report, ATTR.ON_RECORD, "Medinsky said Russia had taken note of the request.")
    cite(asked, report, ATTR.ON_RECORD)

    swap_outcome = published_once(
        Outcome,
        {"meeting": meeting, "summary": "Exchange of 1,000 prisoners for 1,000"},
        {
            "kind": Outcome.Kind.AGREEMENT,
            "category": IssueCategory.HUMANITARIAN,
            "text": "The largest exchange of the war so far; a date was set but not made public.",
        },
    )
    swap_outcome.parties.add(p["russia"], p["ukraine"])
    progress, _ = OutcomeProgress.objects.get_or_create(
        outcome=swap_outcome,
        as_of=ROUND_DAY,
        status="agreed",
        defaults={"evidence": "Announced by both heads of delegation."},
    )
    cite(
        swap_outcome,
        report,
        ATTR.ON_RECORD,
        "Umerov announced a \u201c1,000 for 1,000\u201d exchange; Medinsky confirmed it.",
    )
    cite(progress, report, ATTR.ON_RECORD)

    proposals = published_once(
        Outcome,
        {"meeting": meeting, "summary": "Both sides to prepare ceasefire proposals"},
        {
            "kind": Outcome.Kind.JOINT_COMMITMENT,
            "category": IssueCategory.CEASEFIRE,
            "text": "Each side is to prepare its vision of a ceasefire for further discussion.",
        },
    )
    proposals.parties.add(p["russia"], p["ukraine"])
    committed, _ = OutcomeProgress.objects.get_or_create(outcome=proposals, as_of=ROUND_DAY, status="agreed")
    cite(committed, report, ATTR.ON_RECORD)
    cite(proposals, report, ATTR.ON_RECORD, "Medinsky said both sides must now prepare ceasefire proposals.")

    no_ceasefire = published_once(
        Outcome,
        {"meeting": meeting, "summary": "No agreement on a ceasefire"},
        {
            "kind": Outcome.Kind.DISAGREEMENT,
            "category": IssueCategory.CEASEFIRE,
            "text": "Progress stalled over Russia's territorial demands, which Ukrainian sources called "
            "excessive and unrealistic.",
        },
    )
    no_ceasefire.parties.add(p["russia"], p["ukraine"])
    cite(no_ceasefire, report, ATTR.ANONYMOUS, "According to multiple Ukrainian sources, progress stalled.")

    _statements(meeting, p, people, src, withdrawal, swap_outcome, absence)
    return DemoRecord(
        track=track,
        meeting=meeting,
        russia=p["russia"],
        ukraine=p["ukraine"],
        turkey=p["turkey"],
        sources=src,
        swap_outcome=swap_outcome,
        umerov=people["umerov"],
        medinsky=people["medinsky"],
    )


def _statements(meeting, p, people, src, withdrawal, swap_outcome, absence) -> None:
    report = src["report"]
    rows = [
        # (lookup text, speaker, description, side, quote, about, source, attribution)
        (
            "The demands are detached from reality.",
            None,
            "A Ukrainian diplomatic source",
            p["ukraine"],
            True,
            {"demand": withdrawal},
            src["reuters"],
            ATTR.ANONYMOUS,
        ),
        (
            "Russia regards Ukraine's withdrawal from the four oblasts as the minimum.",
            None,
            "A source in Kyiv",
            p["ukraine"],
            False,
            {"demand": withdrawal},
            src["telegraph"],
            ATTR.ANONYMOUS,
        ),
        (
            "A date for the exchange has been set but will not be made public.",
            people["umerov"],
            "",
            p["ukraine"],
            False,
            {"outcome": swap_outcome},
            report,
            ATTR.ON_RECORD,
        ),
        (
            "Russia is satisfied with the outcome and has taken note of Ukraine's request for a meeting of "
            "presidents; both sides are to prepare ceasefire proposals.",
            people["medinsky"],
            "",
            p["russia"],
            False,
            {},
            report,
            ATTR.ON_RECORD,
        ),
        (
            "Follow-up talks are possible today but not yet scheduled; the delegation is ready to continue "
            "as long as necessary.",
            None,
            "A senior Ukrainian official",
            p["ukraine"],
            False,
            {},
            src["afp"],
            ATTR.ANONYMOUS,
        ),
        (
            "Putin's decision not to come and to send a delegation without authority to take substantive decisions "
            "was criticised.",
            people["zelenskyy"],
            "",
            p["ukraine"],
            False,
            {"absence": absence},
            report,
            ATTR.ON_RECORD,
        ),
    ]
    for text, speaker, description, side, quote, about, source, attribution in rows:
        statement = published_once(
            Statement,
            {"meeting": meeting, "text": text},
            {
                "speaker": speaker,
                "speaker_description": description,
                "side": side,
                "is_quote": quote,
                "said_on": ROUND_DAY,
                **about,
            },
        )
        cite(statement, source, attribution, via=report if source != report else None)

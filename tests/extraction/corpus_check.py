"""Checks the labelled corpus: every label validates against the schema and every fact's evidence is in its article.

Run it alone with `.venv/bin/python -m tests.extraction.corpus_check`; `test_corpus.py` runs the same checks under
pytest. It imports nothing of the application: the corpus is the oracle the extractor will be judged by.
"""

import json
import re
import sys
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import available_timezones

import pycountry
from jsonschema import Draft202012Validator

CORPUS = Path(__file__).parent / "corpus"
SCHEMA = CORPUS / "label.schema.json"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@cache
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def label_paths() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*.json") if p != SCHEMA)


def article_paths() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def load(path: Path) -> tuple[dict, str]:
    label = json.loads(path.read_text(encoding="utf-8"))
    return label, path.with_suffix(".txt").read_text(encoding="utf-8")


def problems(path: Path) -> list[str]:
    """Everything wrong with one label file, as sentences naming the fact; empty when it is sound."""
    if not path.with_suffix(".txt").exists():
        return [f"{path.name}: no article {path.with_suffix('.txt').name} beside it"]
    label, text = load(path)
    errors = validator().iter_errors(label)
    found = [f"schema: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors]
    if found:
        return found  # the checks below assume the shape the schema guarantees
    found += _check_header(path, label)
    seen = set()
    for fact in label["facts"]:
        where = f"{fact['id']} ({fact['kind']})"
        if fact["id"] in seen:
            found.append(f"{where}: id used twice")
        seen.add(fact["id"])
        found += [f"{where}: evidence not in the article: {e!r}" for e in fact["evidence"] if e not in text]
        found += [f"{where}: {p}" for p in _check_value(fact, text)]
    return found


def _check_header(path: Path, label: dict) -> list[str]:
    found = []
    if label["article"] != path.with_suffix(".txt").name:
        found.append(f"article is {label['article']!r}, the file is {path.with_suffix('.txt').name}")
    published = datetime.fromisoformat(label["source"]["published_at"])
    if published.utcoffset() is None:
        found.append("published_at has no UTC offset")
    if label["about"] is not None:
        found += _country(label["about"]["country"]) + _calendar_day(label["about"]["date"])
    expect_round = label["expect"] == "round"
    if expect_round and not label["facts"]:
        found.append("expect is 'round' but there are no facts")
    if label["expect"] == "not_a_round" and (label["facts"] or label["about"] is not None):
        found.append("an article about no round has neither facts nor 'about'")
    if label["expect"] == "other_language" and label["language"] == "en":
        found.append("expect is 'other_language' but language is 'en'")
    return found


def _check_value(fact: dict, text: str) -> list[str]:
    found = []
    for areas in _walk(fact["value"], "areas"):
        found += [f"area {a!r} is no ISO 3166-2 subdivision" for a in areas if not pycountry.subdivisions.get(code=a)]
    for party in _parties(fact["value"]):
        if re.fullmatch(r"[A-Z]{2}", party):
            found += _country(party)
    for country in _walk(fact["value"], "country"):
        found += _country(country)
    for zone in _walk(fact["value"], "timezone"):
        if zone is not None and zone not in _zones():
            found.append(f"time zone {zone!r} is not an IANA zone")
    for when in _dates(fact["value"]):
        found += _check_date(when, fact["evidence"])
    if fact["kind"] == "statement" and fact["value"]["text"] not in text:
        found.append(f"statement text not in the article: {fact['value']['text']!r}")
    return found


def _check_date(when: dict, evidence: list[str]) -> list[str]:
    found = _calendar_day(when["date"])
    if when["precision"] == "day" and not found:
        day = date.fromisoformat(when["date"])
        relative = (when.get("relative_expression") or "").lower()
        named = [d for d in WEEKDAYS if d in relative]
        if named and named[0] != WEEKDAYS[day.weekday()]:
            found.append(f"{when['relative_expression']!r} is not a {day:%A} ({when['date']})")
    relative = when.get("relative_expression")
    if relative and not any(relative in e for e in evidence):
        found.append(f"relative expression {relative!r} is in none of the evidence")
    return found


def _calendar_day(value: str) -> list[str]:
    if len(value) != 10:
        return []
    try:
        date.fromisoformat(value)
    except ValueError:
        return [f"{value!r} is no calendar day"]
    return []


def _country(code: str) -> list[str]:
    return [] if pycountry.countries.get(alpha_2=code) else [f"{code!r} is no ISO 3166-1 alpha-2 country"]


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _walk(value, key: str):
    """Every value stored under `key` anywhere inside `value`."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key:
                yield v
            yield from _walk(v, key)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, key)


def _parties(value) -> list[str]:
    keys = ("party", "made_by", "addressed_to", "releasing", "released_by", "account_of", "side", "proposed_by")
    found = [v for k in keys for v in _walk(value, k) if isinstance(v, str)]
    found += [p for k in ("parties", "assigned_to") for group in _walk(value, k) for p in group]
    return found


def _dates(value) -> list[dict]:
    """Every date object inside a value (they are the dicts with a precision)."""
    if isinstance(value, dict):
        own = [value] if {"date", "precision", "qualifier"} <= value.keys() else []
        return own + [d for v in value.values() for d in _dates(v)]
    if isinstance(value, list):
        return [d for item in value for d in _dates(item)]
    return []


def corpus_problems() -> list[str]:
    """What the set as a whole must hold: a label per article, the tracks, lengths and repeated round issue 17 asks."""
    found = []
    labels = {p.stem for p in label_paths()}
    articles = {p.stem for p in article_paths()}
    found += [f"{name}.txt has no label" for name in sorted(articles - labels)]
    found += [f"{name}.json has no article" for name in sorted(labels - articles)]
    loaded = [load(p)[0] for p in label_paths() if p.stem in articles]
    rounds = [lb for lb in loaded if lb["expect"] == "round"]
    if len(rounds) < 11:
        found.append(f"{len(rounds)} round articles; the seed and at least ten more are wanted")
    other_tracks = {lb["about"]["track"] for lb in rounds} - {"russia-ukraine"}
    if len(other_tracks) < 3:
        found.append(f"tracks other than Russia-Ukraine: {sorted(other_tracks)}; at least three are wanted")
    outlets_per_round: dict[tuple, set] = {}
    for lb in loaded:
        if lb["about"]:
            key = (lb["about"]["track"], lb["about"]["date"])
            outlets_per_round.setdefault(key, set()).add(lb["source"]["outlet"])
    if not any(len(outlets) >= 2 for outlets in outlets_per_round.values()):
        found.append("no round is covered by two articles from different outlets")
    for path in article_paths():
        words = len(path.read_text(encoding="utf-8").split())
        if not 300 <= words <= 900:
            found.append(f"{path.name} has {words} words; news copy of 300-900 is wanted")
    for expect in ("not_a_round", "other_language"):
        if not any(lb["expect"] == expect for lb in loaded):
            found.append(f"no article with expect {expect!r}")
    return found


def main() -> int:
    failed = corpus_problems()
    for path in label_paths():
        failed += [f"{path.name}: {p}" for p in problems(path)]
    for line in failed:
        print(line)
    facts = sum(len(load(p)[0]["facts"]) for p in label_paths() if p.with_suffix(".txt").exists())
    print(f"{len(label_paths())} labels, {facts} facts, {len(failed)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The labelled corpus the article extractor (issue 17) is measured against is itself sound.

Each label validates against `corpus/label.schema.json`, every fact quotes its article exactly, and the set holds
what issue 17 asks of it. A label that fails here would mis-score the extractor, so it is fixed, never skipped.
"""

import json

import pytest

from tests.extraction import corpus_check as check


def test_the_schema_is_a_valid_json_schema():
    check.validator()


def test_the_corpus_covers_what_issue_17_asks_for():
    assert check.corpus_problems() == []


@pytest.mark.parametrize("path", check.label_paths(), ids=lambda p: p.stem)
def test_a_label_validates_and_quotes_its_article(path):
    assert check.problems(path) == []


def test_the_seed_article_is_the_shared_seed_unchanged():
    label, text = check.load(check.CORPUS / "istanbul-2025-05-16-euromaidan.json")
    assert label["provenance"]["written"] == "verbatim"
    assert text.startswith("Russia and Ukraine agree to largest-ever prisoner swap")


def test_the_checker_catches_evidence_that_is_not_in_the_article(tmp_path, monkeypatch):
    label, text = check.load(check.CORPUS / "istanbul-2025-05-16-euromaidan.json")
    label["facts"][0]["evidence"] = ["Russian and Ukrainian delegations met in Ankara"]
    label["facts"][1]["value"]["country"] = "XX"
    _copy(tmp_path, label, text)
    monkeypatch.setattr(check, "CORPUS", tmp_path)

    found = check.problems(tmp_path / "istanbul-2025-05-16-euromaidan.json")

    assert any("evidence not in the article" in p for p in found)
    assert any("'XX' is no ISO 3166-1 alpha-2 country" in p for p in found)


def test_the_checker_catches_a_weekday_that_does_not_fit_the_date(tmp_path, monkeypatch):
    label, text = check.load(check.CORPUS / "istanbul-2025-05-16-euromaidan.json")
    held = next(f for f in label["facts"] if f["kind"] == "date")
    held["value"]["date"]["date"] = "2025-05-15"  # "on Friday" was the 16th
    _copy(tmp_path, label, text)
    monkeypatch.setattr(check, "CORPUS", tmp_path)

    found = check.problems(tmp_path / "istanbul-2025-05-16-euromaidan.json")

    assert any("is not a Thursday" in p for p in found)


def _copy(folder, label, text):
    (folder / "istanbul-2025-05-16-euromaidan.json").write_text(json.dumps(label), encoding="utf-8")
    (folder / "istanbul-2025-05-16-euromaidan.txt").write_text(text, encoding="utf-8")

"""Snapshots of today's course content: counts that change only when the data changes.

The other test files check rules that hold for any content (every body sentence has a key entry,
every claim cites evidence...). The counts below only record what the data holds today, so a
failure here means the content changed: if that was intended, update the snapshot here (and the
lesson text or instructor guide that quotes the number).
"""
from __future__ import annotations

import pytest

import medialit as ml
from medialit import claims, data, reporting

SNAPSHOT = "content changed: update the snapshot if intended"

#: Body sentences of each case article (= entries in data/keys/sentence_labels.yaml).
BODY_SENTENCES = {"southfront_2026": 23, "voltaire_2024": 15, "linternaute_mt_2024": 23}


@pytest.fixture(scope="module")
def key():
    return reporting.load_key()


def test_case_articles():
    assert data.case_articles() == tuple(BODY_SENTENCES), SNAPSHOT


def test_body_sentences_and_key_entries(key):
    body = {aid: len(ml.load_article(aid).body_sentences()) for aid in data.case_articles()}
    assert body == BODY_SENTENCES, SNAPSHOT
    assert {aid: len(e) for aid, e in key["articles"].items()} == BODY_SENTENCES, SNAPSHOT
    assert len(reporting.key_frame(key)) == sum(BODY_SENTENCES.values()) == 61, SNAPSHOT


def test_lesson02_tables(key):
    assert len(reporting.scored_table(key=key)) == 61, SNAPSHOT
    mix = reporting.mix_table(key=key, guesses=False)
    ours = mix[mix.source == "our key"].groupby("article")["count"].sum().to_dict()
    assert ours == BODY_SENTENCES, SNAPSHOT
    summary = reporting.mix_summary(mix)
    assert "southfront_2026 (our key): " in summary and " of 23 opinion or prediction" in summary, SNAPSHOT
    assert len(reporting.EXERCISE_SENTENCES) == 14, SNAPSHOT


def test_lesson03_claims():
    table = claims.claims_table()
    assert "SouthFront (seed 000): 11 claims" in claims.describe_status_by_article(table), SNAPSHOT
    assert "SouthFront (seed 000): 2 of 11 claims offer any evidence" in claims.describe_evidence_share(table), SNAPSHOT


def test_lesson03_tables():
    a4 = ml.load_table("article4_consultations")
    assert len(a4) == 9, SNAPSHOT
    assert (a4["before_july_2023"] == "yes").sum() == 7, SNAPSHOT  # NATO's July 2023 page: "seven times"
    assert len(ml.load_table("checkers")) == 5, SNAPSHOT

"""Tests for lesson 02's module (medialit.reporting) and its data: the sentence key, the phrase
key, the exercise key and the model report with its source table.

Counts that only record today's data (61 sentences, 23/15/23...) live in test_content_snapshot.py."""
from __future__ import annotations

import copy
import math
import re

import pandas as pd
import pytest
import yaml

import medialit as ml
from medialit import data, own_article, reporting, text_utils
from medialit.analysis import key as key_mod


@pytest.fixture(scope="module")
def key():
    return reporting.load_key()


# ------------------------------------------------------------------ the sentence key


def test_key_covers_every_body_sentence_and_nothing_else(key):
    assert set(key["articles"]) == set(data.case_articles())
    for aid in data.case_articles():
        body = [s.id for s in ml.load_article(aid).body_sentences()]
        assert sorted(key["articles"][aid]) == sorted(body), aid
    assert reporting.validate_key(key) == []


def test_key_sentence_counts(key):
    counts = {aid: len(key["articles"][aid]) for aid in data.case_articles()}
    assert counts == {aid: len(ml.load_article(aid).body_sentences()) for aid in data.case_articles()}


def test_one_checked_key_loader_for_the_lesson_and_the_dashboard(key, monkeypatch):
    assert reporting.load_key is ml.analysis.load_key is key_mod.load_key
    assert reporting.validate_key is key_mod.validate_key
    assert reporting.KeyFileError is ml.analysis.KeyFileError and issubclass(reporting.KeyFileError, data.DataError)
    broken = copy.deepcopy(key)
    broken["articles"]["voltaire_2024"]["s010"]["label"] = "propaganda"
    real = data.load_yaml
    monkeypatch.setattr(data, "load_yaml", lambda name, coll="keys": broken if name == "sentence_labels" else real(name, coll))
    with pytest.raises(key_mod.KeyFileError, match="voltaire_2024 s010: unknown label 'propaganda'"):
        ml.analysis.load_key()  # the dashboard's key is checked too
    with pytest.raises(data.DataError, match="not in the course yet"):
        key_mod.load_key("no_such_key")


def test_case_articles_come_from_the_manifest(monkeypatch):
    fake = {"resources": [{"name": "b", "kind": "case article"}, {"name": "x", "kind": "primary source"},
                          {"name": "a", "kind": "case article"}, {"name": "y"}]}
    monkeypatch.setattr(data, "manifest", lambda collection: fake)
    assert data.case_articles() == ("b", "a")


def test_validate_key_reports_a_missing_sentence(key):
    broken = copy.deepcopy(key)
    del broken["articles"]["voltaire_2024"]["s010"]
    problems = reporting.validate_key(broken)
    assert any("voltaire_2024 s010 is a body sentence but has no key entry" in p for p in problems)


def test_validate_key_reports_an_entry_for_a_missing_or_non_body_sentence(key):
    broken = copy.deepcopy(key)
    broken["articles"]["voltaire_2024"]["s099"] = {"label": "opinion", "also": [], "why": "x"}
    broken["articles"]["voltaire_2024"]["s001"] = {"label": "opinion", "also": [], "why": "x"}  # the title
    problems = reporting.validate_key(broken)
    assert any("s099 has a key entry but is not a body sentence" in p for p in problems)
    assert any("s001 has a key entry but is not a body sentence" in p for p in problems)


def test_validate_key_reports_unknown_labels_and_empty_reasons(key):
    broken = copy.deepcopy(key)
    broken["articles"]["southfront_2026"]["s004"] = {"label": "propaganda", "also": ["fact"], "why": " "}
    problems = reporting.validate_key(broken)
    assert any("unknown label 'propaganda'" in p for p in problems)
    assert any("unknown alternative label 'fact'" in p for p in problems)
    assert any("'why') is empty" in p for p in problems)
    assert reporting.validate_key({"labels": {}}) == ["The key needs an 'articles:' mapping."]


def test_labels_in_code_match_the_key_file(key):
    assert key["label_set"] == "reporting"
    assert key["labels"] == reporting.LABELS
    assert set(reporting.EXAMPLES) == set(reporting.LABELS) == set(reporting.GENRE)
    assert 4 <= len(reporting.LABELS) <= 6


def test_key_is_consistent_with_the_opinion_records(key):
    """A sentence whose reason cites an OPINION status is opinion/prediction, or accepts opinion."""
    for aid, entries in key["articles"].items():
        for sid, e in entries.items():
            if "OPINION" in reporting.statuses(e["why"]):
                assert e["label"] in ("opinion", "prediction") or "opinion" in e["also"], (aid, sid)


def test_key_cites_evidence_wherever_a_status_is_named(key):
    from medialit import evidence_record as er

    known = er.records()
    for aid, entries in key["articles"].items():
        for sid, e in entries.items():
            ids = e.get("evidence") or []
            assert all(i in known for i in ids), (aid, sid, ids)
            if reporting.statuses(e["why"]):
                assert ids, (aid, sid, e["why"])
                # the named statuses must be carried by the cited records (never upgraded)
                carried = {known[i].status for i in ids}
                for st in reporting.statuses(e["why"]):
                    assert st in carried, (aid, sid, st, ids)
            assert not re.search(r"\bfacts? (sheet|section|\d)", e["why"], re.I), (aid, sid)


def test_attributed_report_definition_has_the_source_or_subject_test():
    assert "source of the information" in reporting.LABELS["attributed report"]
    assert "subject" in reporting.LABELS["attributed report"]


def test_model_report_quotations_are_verbatim_in_cited_evidence():
    assert reporting.quotations('He said: "a b" and \u201cc d\u201d.') == ["a b", "c d"]
    real = reporting.report_sources()
    changed = real.copy()
    row = changed.index[changed["sentence"] == "s013"][0]
    changed.loc[row, "evidence"] = "ev-m-rally-date"  # a record without Bates's words
    assert any("s013: the quotation" in p for p in reporting.check_report_sources(changed))
    changed.loc[row, "evidence"] = "ev-m-no-such-record"
    assert any("unknown evidence ids" in p for p in reporting.check_report_sources(changed))


def test_model_report_states_article5_obligation_and_both_sides():
    text = ml.load_article(reporting.MODEL_REPORT).text
    assert "will assist the Party or Parties so attacked by taking forthwith" in text
    assert "Encouraging invasions of our closest allies" in text
    assert "Sunday 11 February" in text and "re-election campaign" in text
    assert "Jason Miller" in text and "2%" in text


def test_statuses_are_parsed_exactly():
    assert reporting.statuses("x is WRONG, y UNCONFIRMED (row 2: OPINION)") == ["WRONG", "UNCONFIRMED", "OPINION"]
    assert reporting.statuses("unconfirmed in lower case does not count") == []


def test_key_frame_shape(key):
    kf = reporting.key_frame(key)
    assert len(kf) == sum(len(e) for e in key["articles"].values())
    assert list(kf.columns) == ["article", "sentence", "text", "key", "also", "why", "statuses"]
    row = kf[(kf.article == "linternaute_mt_2024") & (kf.sentence == "s015")].iloc[0]
    assert row["key"] == "attributed report" and "WRONG" in row["statuses"]


# ------------------------------------------------------------------ learner labels and compare


def test_learner_labels_accepts_every_shape():
    assert reporting.learner_labels(None) == {}
    assert reporting.learner_labels({"s004": "opinion", "s005": ""}) == {"s004": "opinion"}
    widget_data = {"label_set": "reporting", "labels": {"s004": {"label": "quotation", "note": "", "confidence": ""},
                                                          "s005": {"label": "", "note": "x", "confidence": ""}}}
    assert reporting.learner_labels(widget_data) == {"s004": "quotation"}

    class Fake:
        data = widget_data

    assert reporting.learner_labels(Fake(), sentences=["s005"]) == {}
    with pytest.raises(TypeError):
        reporting.learner_labels(42)


def test_exercise_answer_is_none_until_something_is_labelled():
    assert reporting.exercise_answer({"labels": {}}) is None
    assert reporting.exercise_answer({"s030": "opinion"}) is None  # outside the passage
    assert reporting.exercise_answer({"s004": "opinion", "s030": "opinion"}) == {"s004": "opinion"}


def _fake_signals(article, ids, **fired):
    rows = []
    art = ml.load_article(article)
    for sid in ids:
        row = {"article": article, "sentence": sid, "text": art.sentence(sid).text}
        for fam in ("attribution", "quotes", "hedges", "rhetoric", "opinion", "loaded"):
            row[fam] = sid in fired.get(fam, ())
        row["signals"] = "fake"
        rows.append(row)
    return pd.DataFrame(rows)


def test_compare_marks_agreement_kinds(key):
    entries = key["articles"]["voltaire_2024"]
    ids = list(entries)
    sig = _fake_signals("voltaire_2024", ids, attribution={"s006"})
    learner = {"s006": "attributed report",            # the key's label
               "s010": "unattributed assertion",       # an 'also' of the key
               "s011": "quotation"}                    # differs
    table = reporting.compare(learner, entries, sig, article="voltaire_2024")
    got = dict(zip(table.sentence, table.agree, strict=True))
    assert got["s006"] == "yes" and got["s010"] == "defensible" and got["s011"] == "no"
    assert got["s012"] == "not labelled"
    assert list(table.sentence) == ids
    assert reporting.agreement_counts(table) == {"yes": 1, "defensible": 1, "no": 1, "not labelled": len(ids) - 3}
    assert dict(zip(table.sentence, table.guess, strict=True))["s006"] == "attributed report"
    with pytest.raises(ValueError):
        reporting.compare(learner, entries, sig)


def test_guess_label_priority():
    g = reporting.guess_label
    assert g({"quotes": True, "attribution": True, "opinion": True}) == "quotation"
    # browser QA (lesson 04): a scare-quoted word with "said" was guessed a quotation
    assert g({"quotes": True, "direct_quote": False, "attribution": True}) == "attributed report"
    assert g({"quotes": True, "direct_quote": True, "attribution": True}) == "quotation"
    row = reporting.signal_table("linternaute_mt_2024", sentences=["s009"]).iloc[0]
    assert row["quotes"] and not row["direct_quote"] and row["attribution"]   # a short quoted term
    assert g(row.to_dict()) == "attributed report"   # what our key says, not "quotation"
    assert g({"attribution": True, "opinion": True}) == "attributed report"
    assert g({"hedges": True, "opinion": True}) == "prediction"
    # QA: "probably", "apparently" and questions were guessed "prediction"; only a forecast is one
    assert g({"hedges": True, "opinion": True, "forecast": False}) == "opinion"
    assert g({"hedges": True, "opinion": True, "forecast": True}) == "prediction"
    row = reporting.signal_table("southfront_2026", sentences=["s016"]).iloc[0].to_dict()
    assert (row["hedges"] or row["rhetoric"]) and not row["forecast"]
    assert g(row) == "opinion"   # our key: opinion
    assert g({"opinion": True}) == "opinion"
    assert g({}) == "unattributed assertion"


# ------------------------------------------------------------------ scores and examples (synthetic)


def _table(rows):
    return pd.DataFrame(rows)


def test_signal_scores_counts_by_hand():
    t = _table([
        {"key": "opinion", "opinion": True, "attribution": False},
        {"key": "opinion", "opinion": False, "attribution": False},
        {"key": "quotation", "opinion": True, "attribution": True},
        {"key": "attributed report", "opinion": False, "attribution": True},
        {"key": "unattributed assertion", "opinion": False, "attribution": False},
    ])
    s = reporting.signal_scores(t).set_index("family")
    assert s.loc["opinion", ["true_pos", "false_pos", "false_neg"]].tolist() == [1, 1, 1]
    assert s.loc["opinion", "precision"] == 0.5 and s.loc["opinion", "recall"] == 0.5
    assert s.loc["attribution", "precision"] == 1.0 and s.loc["attribution", "recall"] == 1.0
    assert "quotes" not in s.index  # no such column: not scored
    t2 = _table([{"key": "opinion", "opinion": False}])
    assert math.isnan(reporting.signal_scores(t2).set_index("family").loc["opinion", "precision"])


def test_misleading_examples_finds_each_kind_by_rule():
    base = {"attribution": False, "quotes": False, "hedges": False, "opinion": False, "loaded": False,
            "signals": "", "statuses": []}
    t = _table([
        dict(base, article="a", sentence="s1", text="q", key="quotation", why="", opinion=True, quotes=True, attribution=True),
        dict(base, article="a", sentence="s2", text="u", key="unattributed assertion", why=""),
        dict(base, article="a", sentence="s3", text="w", key="attributed report", why="x", attribution=True, statuses=["WRONG"]),
        dict(base, article="a", sentence="s4", text="o", key="opinion", why=""),
        dict(base, article="a", sentence="s5", text="fine", key="opinion", why="", opinion=True),
        dict(base, article="b", sentence="s2", text="u2", key="unattributed assertion", why=""),
    ])
    ex = reporting.misleading_examples(t, per_kind=5)
    kinds = dict(zip(zip(ex.article, ex.sentence, strict=True), ex.kind, strict=True))
    assert kinds[("a", "s1")] == "quoted opinion"
    assert kinds[("a", "s2")] == "quiet unsourced claim"
    assert kinds[("a", "s3")] == "attributed but not confirmed"
    assert kinds[("a", "s4")] == "opinion without signal words"
    assert ("a", "s5") not in kinds
    ex2 = reporting.misleading_examples(t, per_kind=5, exclude={"b": ["s2"]})
    assert ("b", "s2") not in set(zip(ex2.article, ex2.sentence, strict=True))
    assert len(reporting.misleading_examples(t, per_kind=1)) == 4


# ------------------------------------------------------------------ with the real cues (a broken lexicon fails here)


def test_signal_table_and_scores_on_the_real_articles(key):
    table = reporting.scored_table(key=key)
    assert len(table) == len(reporting.key_frame(key)) and table["attribution"].notna().all()
    scores = reporting.signal_scores(table).set_index("family")
    for fam in ("attribution", "opinion", "quotes"):
        assert 0 <= scores.loc[fam, "recall"] <= 1
        assert scores.loc[fam, "fired"] == scores.loc[fam, "true_pos"] + scores.loc[fam, "false_pos"]
    # a sentence of Salvini's quote: the cue machinery sees quotation marks and attribution
    row = table[(table.article == "voltaire_2024") & (table.sentence == "s012")].iloc[0]
    assert row["quotes"] and row["attribution"]


def test_quoted_hits_can_be_ignored():
    with_quotes = reporting.signal_table("voltaire_2024", sentences=["s012"])
    without = reporting.signal_table("voltaire_2024", sentences=["s012"], quoted=False)
    assert "(in quote)" in with_quotes.loc[0, "signals"]
    assert "(in quote)" not in without.loc[0, "signals"]


def _signal_table_one_sentence_at_a_time(article, quoted=True):
    """The table as signal_table made it before QA round 9 (the whole hits table filtered once per
    sentence), with its opinion columns read from cues.summary_table: the reference the faster
    table must equal, column for column."""
    from medialit import cues

    art = ml.load_article(article)
    chosen = art.body_sentences()
    course = cues.is_course_article(art)
    hits = cues.scan(chosen, course=course)
    if not quoted and len(hits):
        hits = hits[~hits["in_quote"].astype(bool)]
    opinion = dict(zip(*(cues.summary_table(chosen, course=course)[c] for c in ("sentence", "opinion")), strict=True))
    own = cues.scan(chosen, families=["opinion"], course=course)
    forecast = set(own[own["rule"].isin(reporting.signals.FORECAST_RULES)]["sentence"])
    fams = list(cues.FAMILIES)
    rows = []
    for s in chosen:
        mine = hits[hits["sentence"] == s.id]
        fired = set(mine["family"])
        row = {"article": art.id, "sentence": s.id, "text": s.text}
        for fam in fams:
            row[fam] = fam in fired
        row["direct_quote"] = bool((mine["rule"] == "quote.direct").any())
        row["forecast"] = s.id in forecast
        row["opinion"] = bool(opinion[s.id])
        row["opinion_hits"] = int(opinion[s.id])
        row["signals"] = "; ".join(f"{r.rule} '{reporting.signals.clip_words(r.text)}'"
                                   + (" (in quote)" if r.in_quote else "") for r in mine.itertuples())
        rows.append(row)
    return pd.DataFrame(rows, columns=["article", "sentence", "text", *fams, "direct_quote", "forecast", "opinion",
                                       "opinion_hits", "signals"])


@pytest.mark.parametrize("quoted", [True, False])
def test_signal_table_is_the_same_table_read_in_one_pass(quoted):
    """QA round 9 (slow): the table is now made in one pass over the hits; it is the same table."""
    for res in data.manifest("articles")["resources"]:
        pd.testing.assert_frame_equal(reporting.signal_table(res["name"], quoted=quoted),
                                      _signal_table_one_sentence_at_a_time(res["name"], quoted=quoted))


def test_signal_table_reads_the_hits_once_not_once_per_sentence(monkeypatch):
    """QA round 9: signal_table filtered the whole hits table once per sentence (3.8 s on a 300 KB
    article, O(sentences x hits)). Count the whole-column comparisons: a fixed number, whatever the
    length of the article."""
    text = "\n\n".join(f"The mayor said on Monday that {n} new buses are a disgrace, critics argued." for n in range(60))
    aid = ml.add_article(text, title="Buses", publisher="Gazette", url="https://gazette.example/b", date="2026-12-01")
    real_eq = pd.Series.__eq__
    calls = []

    def counting_eq(self, other):
        calls.append(len(self))
        return real_eq(self, other)

    monkeypatch.setattr(pd.Series, "__eq__", counting_eq)
    table = reporting.signal_table(aid)
    monkeypatch.setattr(pd.Series, "__eq__", real_eq)
    assert len(table) == 60 and table["attribution"].all()
    assert len(calls) <= 3, f"{len(calls)} whole-column comparisons for 60 sentences"


OWN_TEXT = """I made seven trips there, from August 2017 to December 2019.

I looked at photo archives of local and international media.

"This is a disgrace and a scandal," said the mayor.

The mayor said the plan was reckless.

We must stop this reckless plan now.

I think the plan is a terrible mistake.

The council met on Tuesday.
"""


@pytest.mark.parametrize("quoted", [True, False])
def test_opinion_columns_agree_with_cues_opinion(quoted):
    """QA round 9: the guess said "opinion" for "I made seven trips there", where cues.opinion (a lone
    I tells a story) finds nothing. The opinion columns are now cues.opinion's hits."""
    from medialit import cues

    aid = ml.add_article(OWN_TEXT, title="Trips", publisher="Blog", url="https://blog.example/t", date="2026-12-01")
    table = reporting.signal_table(aid, quoted=quoted)
    art = ml.load_article(aid)
    for row in table.to_dict("records"):
        found = cues.opinion(art.sentence(row["sentence"]).text)
        assert row["opinion"] == bool(found) and row["opinion_hits"] == len(found), row["text"]
    by_text = {r["text"]: r for r in table.to_dict("records")}
    story = by_text["I made seven trips there, from August 2017 to December 2019."]
    assert story["first_person"] and not story["opinion"]  # the pronoun still shows among the signals
    assert "first_person.pronoun 'I'" in story["signals"]
    assert reporting.guess_label(story) == "unattributed assertion"
    assert reporting.guess_label(by_text["I looked at photo archives of local and international media."]) \
        == "unattributed assertion"
    quote = by_text['"This is a disgrace and a scandal," said the mayor.']
    assert not quote["opinion"] and quote["loaded"] == quoted  # a quoted judgement is the speaker's
    assert by_text["We must stop this reckless plan now."]["opinion"]
    assert by_text["I think the plan is a terrible mistake."]["opinion_hits"] >= 2  # "I think", "terrible"...
    # and the same in lesson 04's table
    guesses = dict(zip(own_article.signals_for(aid)["text"], own_article.signals_for(aid)["guess"], strict=True))
    assert guesses["I made seven trips there, from August 2017 to December 2019."] == "unattributed assertion"


def test_opinion_columns_of_the_course_articles_are_the_opinion_of_cues_scan():
    """For the course's articles the opinion columns are cues.scan's "opinion" (with the course's
    phrase list, as every other column), and every guess "opinion" has an opinion hit."""
    from medialit import cues

    for aid in data.case_articles():
        art = ml.load_article(aid)
        table = reporting.signal_table(aid)
        summary = cues.summary_table(art.body_sentences(), course=True)
        assert table["opinion_hits"].tolist() == summary["opinion"].tolist()
        for row in table.to_dict("records"):
            if reporting.guess_label(row) == "opinion":
                assert row["opinion_hits"] > 0


def test_misleading_examples_on_the_real_key_skip_the_exercise(key):
    table = reporting.scored_table(key=key)
    ex = reporting.misleading_examples(table, per_kind=10,
                                       exclude={reporting.EXERCISE_ARTICLE: reporting.EXERCISE_SENTENCES})
    assert len(ex)
    assert not ((ex.article == reporting.EXERCISE_ARTICLE) & ex.sentence.isin(reporting.EXERCISE_SENTENCES)).any()
    assert set(ex.kind) <= set(reporting.MISLEAD_KINDS)


def test_mix_table_and_plot(key, tmp_path):
    mix = reporting.mix_table(learner={"southfront_2026": {"s002": "opinion", "s003": "quotation"}}, key=key)
    ours = mix[(mix.source == "our key")].groupby("article")["count"].sum().to_dict()
    assert ours == {aid: len(entries) for aid, entries in key["articles"].items()}
    you = mix[(mix.source == "you")]
    assert set(you.article) == {"southfront_2026"} and you["count"].sum() == 2
    guess = mix[(mix.source == "signals' guess")].groupby("article")["count"].sum().to_dict()
    assert guess == ours
    import matplotlib
    matplotlib.use("Agg")
    fig = reporting.plot_mix(mix)
    ax = fig.axes[0]
    assert len(ax.patches) == len(reporting.LABELS) * 7  # 3 key bars + 1 learner bar + 3 guesses
    assert {p.get_hatch() for p in ax.patches} >= {"//", ".."}
    summary = reporting.mix_summary(mix)
    sf = key["articles"]["southfront_2026"]
    n_op = sum(e["label"] in ("opinion", "prediction") for e in sf.values())
    assert f"southfront_2026 (our key): {n_op} of {len(sf)} opinion or prediction" in summary
    assert "southfront_2026 (you): 1 of 2 opinion or prediction" in summary
    fig.savefig(tmp_path / "mix.png")
    import matplotlib.pyplot as plt

    plt.close(fig)  # the caller closes what it draws (ml.plots.show does in lessons)


# ------------------------------------------------------------------ the phrase key


def test_phrase_key_offsets_match_the_text():
    pk = reporting.load_phrase_key()
    text = ml.load_article("southfront_2026").text
    assert pk["article"] == "southfront_2026"
    for sp in pk["spans"]:
        assert text[sp["start"]:sp["end"]] == sp["text"], sp["id"]
    assert reporting.validate_phrase_key(pk) == []
    assert len({sp["id"] for sp in pk["spans"]}) == len(pk["spans"])


def test_phrase_key_uses_semeval_2020_task11_names():
    semeval = {"Loaded Language", "Name Calling/Labeling", "Repetition", "Exaggeration/Minimisation", "Doubt",
               "Appeal to fear/prejudice", "Flag-Waving", "Causal Oversimplification", "Slogans",
               "Appeal to Authority", "Black-and-White Fallacy", "Thought-terminating Clichés",
               "Bandwagon/Reductio ad Hitlerum", "Whataboutism/Straw Men/Red Herring"}
    assert set(reporting.phrase_categories()) <= semeval


def test_validate_phrase_key_catches_shifted_offsets():
    pk = copy.deepcopy(reporting.load_phrase_key())
    pk["spans"][0]["start"] += 1
    pk["spans"][1]["category"] = "Sarcasm"
    problems = reporting.validate_phrase_key(pk)
    assert any(pk["spans"][0]["id"] in p and "not" in p for p in problems)
    assert any("unknown category 'Sarcasm'" in p for p in problems)


def test_compare_marks():
    pk = reporting.load_phrase_key()
    first, second = pk["spans"][0], pk["spans"][1]
    marks = {"marks": [
        {"start": first["start"], "end": first["end"], "category": first["category"]},
        {"start": second["start"] + 2, "end": second["end"], "category": "Doubt"},
        {"start": 1, "end": 5, "category": "Loaded Language"},
    ]}
    table = reporting.compare_marks(marks, pk)
    res = dict(zip(table.phrase, table.result, strict=True))
    assert res[first["text"]] == "same category"
    assert res[second["text"]] == "marked, other category"
    assert res["date"] == "not in our key"
    assert (table.result == "not marked").sum() == len(pk["spans"]) - 2
    assert (reporting.compare_marks(None, pk).result == "not marked").all()


# ------------------------------------------------------------------ the exercise key


def test_exercise_key_agrees_with_the_sentence_key(key):
    doc = data.load_yaml("02_opinion_or_reporting_ex1", "keys")
    q = doc["questions"]["02-ex1-labels"]
    entries = key["articles"][reporting.EXERCISE_ARTICLE]
    assert list(q["answer"]) == list(reporting.EXERCISE_SENTENCES)
    for sid, accepted in q["answer"].items():
        assert accepted == [entries[sid]["label"], *entries[sid]["also"]], sid
        assert q["why"][sid] == entries[sid]["why"]
    assert doc["questions"]["02-ex1-justify"]["type"] == "free"
    assert entries[doc["questions"]["02-ex1-attributed-wrong"]["answer"]]["label"] == "attributed report"


def test_exercise_key_checks_pass_and_fail(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path))
    monkeypatch.delenv("MEDIALIT_STRICT", raising=False)
    q = data.load_yaml("02_opinion_or_reporting_ex1", "keys")["questions"]["02-ex1-labels"]
    right = {sid: acc[-1] for sid, acc in q["answer"].items()}  # the last accepted alternative
    assert ml.check("02-ex1-labels", right).status == "correct"
    wrong = dict(right, s013="attributed report")
    fb = ml.check("02-ex1-labels", wrong)
    assert fb.status == "partly" and any("s013" in d and "Why:" in d for d in fb.details)
    assert ml.check("02-ex1-labels", None).status == "unanswered"


# ------------------------------------------------------------------ the model report


def test_model_report_every_sentence_has_a_source_row():
    assert reporting.check_report_sources() == []
    art = ml.load_article(reporting.MODEL_REPORT)
    table = reporting.report_sources()
    assert len(table) == len(art.body_sentences()) >= 10
    assert set(table["status"]) == {"CONFIRMED"}
    assert art.sentences[0].role == "title"


def test_model_report_manifest_entry_is_marked_written_for_the_course():
    res = data.resource("articles", reporting.MODEL_REPORT)
    assert res["kind"] == "written for the course"
    assert res["publisher"] == res["author"] == "medialit contributors"
    assert res["licence"] == "CC BY 4.0" and res["retrieved"] == "n/a"
    assert res["url"].startswith("n/a")


def test_model_report_has_no_loaded_words_of_seed_000():
    text = ml.load_article(reporting.MODEL_REPORT).text.lower()
    for sp in reporting.load_phrase_key()["spans"]:
        if len(sp["text"]) < 40:
            assert sp["text"].lower() not in text


def test_check_report_sources_detects_a_missing_row():
    real = reporting.report_sources()
    problems = reporting.check_report_sources(real.iloc[1:].copy())
    assert problems and "has no source row" in problems[0]
    changed = real.copy()
    changed.loc[0, "status"] = "UNCONFIRMED"
    assert any("CONFIRMED facts only" in p for p in reporting.check_report_sources(changed))
    assert any("two rows" in p for p in reporting.check_report_sources(pd.concat([real, real.iloc[:1]])))


def test_key_files_are_valid_yaml_with_unique_question_ids():
    doc = yaml.safe_load(open(data.data_file("keys", "02_opinion_or_reporting_ex1"), encoding="utf-8"))
    assert all(qid.startswith("02-") for qid in doc["questions"])


def test_describe_comparison_messages(key):
    entries = key["articles"]["voltaire_2024"]
    sig = _fake_signals("voltaire_2024", list(entries))
    empty = reporting.compare({}, entries, sig, article="voltaire_2024")
    assert "not labelled any sentence yet" in reporting.describe_comparison(empty)
    some = reporting.compare({"s006": "attributed report", "s011": "quotation"}, entries, sig, article="voltaire_2024")
    assert reporting.describe_comparison(some).startswith(f"You labelled 2 of {len(entries)} sentences: 1 match")
    assert not hasattr(reporting, "describe_agreement")  # one name: the class-level one is ml.analysis's


def test_exercise_feedback_covers_the_passage_only():
    fb = reporting.exercise_feedback({"s004": "opinion", "s020": "opinion"})
    assert list(fb.sentence) == list(reporting.EXERCISE_SENTENCES)
    assert dict(zip(fb.sentence, fb.agree, strict=True))["s004"] == "no"
    shown = dict(zip(fb.sentence, fb.key, strict=True))
    assert shown["s004"] == "attributed report" and shown["s005"] == ""  # no answer given away
    assert "appears once you label" in reporting.describe_comparison(reporting.exercise_feedback(None), key_shown=False)


def test_misleading_examples_rank_the_clearest_first():
    base = {"attribution": True, "quotes": True, "opinion": True, "signals": "", "statuses": [], "why": ""}
    t = _table([
        dict(base, article="a", sentence="s1", text="weak", key="quotation", opinion_hits=1),
        dict(base, article="a", sentence="s2", text="strong", key="quotation", opinion_hits=6),
        dict(base, article="a", sentence="s3", text="q", key="quotation", opinion=False, statuses=["WRONG"]),
        dict(base, article="a", sentence="s4", text="r", key="attributed report", opinion=False, statuses=["UNCONFIRMED"]),
    ])
    ex = reporting.misleading_examples(t, per_kind=1)
    assert dict(zip(ex.kind, ex.sentence, strict=True)) == {"quoted opinion": "s2", "attributed but not confirmed": "s4"}


def test_shorten_and_clean_text():
    assert text_utils.shorten("short", 40) == "short"
    long = text_utils.shorten("word " * 30, 40)
    assert len(long) == 40 and long.endswith("…")
    assert text_utils.shorten("ab  cd\nef", 60) == "ab cd ef"
    assert text_utils.shorten("abcd efgh", 6) == "abcd…"  # no space before the ellipsis
    assert text_utils.clean_text("a\x00b\ud83dc") == "a\ufffdb\ufffdc"


def test_signals_column_clips_long_quotations():
    hits = reporting.signal_table("voltaire_2024", sentences=["s012"]).loc[0, "signals"].split("; ")
    shown = [h.split(" ", 1)[1].removesuffix(" (in quote)")[1:-1] for h in hits]
    assert any(t.endswith("…") for t in shown)  # Salvini's whole quotation, cut
    assert all(len(t) <= reporting.signals.CLIP for t in shown)


def test_signals_are_clipped_between_words_never_inside_one():
    from medialit.reporting.signals import clip_words

    assert clip_words("Encouraging the invasion of our closest neighbour", 30) == "Encouraging the invasion of…"
    assert clip_words("short one", 30) == "short one"
    assert clip_words("exactly twenty nine characters", 30) == "exactly twenty nine characters"
    text = reporting.signal_table("voltaire_2024").loc[:, "signals"].str.cat(sep="; ")
    for words in re.findall(r"'([^']*?)…'", text):
        source = " ".join(" ".join(data.load_article("voltaire_2024").text.split()).split())
        assert words + " " in source or words + "," in source, f"cut inside a word: {words!r}"


def test_an_accepted_alternative_is_not_praised_as_matching_the_key():
    fb = ml.check("02-ex1-labels", {"s004": "unattributed assertion", "s005": "opinion"}, save=False, strict=False)
    s004 = next(d for d in fb.details if d.startswith("s004"))
    s005 = next(d for d in fb.details if d.startswith("s005"))
    assert "matches the key" not in s004
    assert "the key says 'attributed report'" in s004 and "'unattributed assertion' as an alternative" in s004
    assert "'opinion' matches the key" in s005
    assert "run the cell" not in str(fb)


def test_comparison_and_marks_views_keep_reasons_whole_and_fold_the_key():
    view = reporting.comparison_view({"s002": "opinion"}, "southfront_2026")
    text, mine, everything = view[0], view[1]._repr_html_(), view[2]._repr_html_()
    assert text.startswith("You labelled 1 of 23 sentences") and "1 is an alternative" in text
    assert "accepted alternative" in mine and "unattributed assertion (also accepted: opinion)" in mine
    why = reporting.compare({}, "southfront_2026").set_index("sentence").loc["s002", "why"]
    assert why.replace("'", "&#x27;").replace('"', "&quot;") in mine     # the reason in full
    assert everything.startswith("<details") and "Show our key and the signals&#x27; guess for all 23 sentences" in everything
    marks = reporting.marks_view({"marks": []})
    assert marks[0].startswith("You have not marked any phrase yet") and len(marks) == 2
    assert marks[1]._repr_html_().startswith("<details")

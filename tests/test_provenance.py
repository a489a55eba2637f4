"""Tests for medialit.provenance and the Lesson 01 data (quotes, outlets, MT artefacts, keys)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

import medialit as ml
from medialit import provenance as p
from medialit.display import SafeHTML

STATUSES = {"CONFIRMED", "WRONG", "UNCONFIRMED", "OPINION"}
# The contract in CONTRIBUTING.md ("Provenance checklist questions").
CHECKLIST = {
    "publisher": ["named", "not named", "can't tell"],
    "author": ["yes", "no", "can't tell"],
    "date": ["yes", "no", "can't tell"],
    "original": ["original", "republication", "translation", "can't tell"],
    "sources": ["for most claims", "for some claims", "for none", "can't tell"],
    "quotes": ["all", "some", "none", "can't tell"],
    "owner": ["yes", "partly", "no", "can't tell"],
    "purpose": ["yes", "partly", "no", "can't tell"],
}
CASES = ["southfront_2026", "voltaire_2024", "linternaute_mt_2024"]


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("text,day", [
    ("Saturday January 10, 2024", "Wednesday"),   # the article's date: really a Wednesday
    ("10 February 2024", "Saturday"),             # the rally
    ("2024-01-09", "Tuesday"),                    # Breton's European Parliament event
    ("2026-03-06", "Friday"),                     # SouthFront's dateline
    ("Sunday February 11, 2024", "Sunday"),
])
def test_weekday(text, day):
    assert p.weekday(text) == day


def test_weekday_accepts_date_objects():
    assert p.weekday(dt.date(2024, 5, 28)) == "Tuesday"


@pytest.mark.parametrize("bad", ["", "   ", "not a date", "10/02/2024", "Saturday"])
def test_weekday_refuses_unreadable_or_ambiguous_dates_plainly(bad):
    with pytest.raises(ValueError, match="date|ambiguous"):
        p.weekday(bad)


def test_weekday_refuses_non_text():
    with pytest.raises(TypeError, match="as text"):
        p.weekday(20240210)


def test_split_weekday():
    assert p.split_weekday("Saturday January 10, 2024") == ("Saturday", "January 10, 2024")
    assert p.split_weekday("sat. 10 Feb 2024") == ("Saturday", "10 Feb 2024")
    assert p.split_weekday("2024-02-10") == (None, "2024-02-10")


def test_date_check_flags_the_wrong_weekday():
    df = p.date_check(["Saturday January 10, 2024", ("rally", "Saturday 10 February 2024"), "2024-05-28"])
    assert list(df["actual_weekday"]) == ["Wednesday", "Saturday", "Tuesday"]
    assert list(df["weekday_matches"]) == [False, True, None]
    assert df.loc[1, "label"] == "rally"
    assert df.loc[0, "date"] == "2024-01-10"


# ---------------------------------------------------------------- quote drift

def test_changed_words_finds_the_documented_drift():
    q = ml.load_table("quotes").set_index("id")
    trump = p.changed_words(q.loc["q01", "as_printed"], q.loc["q01", "original"])
    assert trump.count(("would", "will")) == 2
    assert ("the hell", "") in trump
    assert any("bills" in o and "debts" in pr for o, pr in trump)
    assert p.changed_words(q.loc["q04", "as_printed"], q.loc["q04", "original"]) == [("are appalling", "is distressing")]
    bates = p.changed_words(q.loc["q05", "as_printed"], q.loc["q05", "original"])
    assert bates[:2] == [("invasions", "the invasion"), ("unhinged", "insane")]
    assert p.changed_words(q.loc["q03", "as_printed"], q.loc["q03", "original"]) == [("puts", "exposes")]


def test_drift_reports_added_words_whole():
    # "to you" was added; the diff must not pair "you" with the "You" of "You got to pay"
    q = ml.load_table("quotes").set_index("id")
    text = p.drift_summary(q.loc["q01", "as_printed"], q.loc["q01", "original"])
    assert "added: to you" in text and "dropped: You got to pay" in text
    assert "added: to;" not in text


def test_drift_reports_reordered_words_as_reordering():
    q = ml.load_table("quotes").set_index("id")
    text = p.drift_summary(q.loc["q06", "as_printed"], q.loc["q06", "original"])
    assert "Art 5 solidarity → the solidarity of Article 5 (word order changed)" in text
    assert "serve only → only serve (word order changed)" in text
    assert "solidarity → only" not in text and "dropped: only" not in text
    assert p.word_diff("only serve", "serve only") == [("reorder", "serve only", "only serve")]
    assert p.drift_summary("b a c", "a b c") == "a b → b a (word order changed)"
    html = p.drift_table(ml.load_table("quotes"), ["q06"])._repr_html_()
    assert "word order changed" in html


def test_moved_words_do_not_hide_real_substitutions():
    assert p.drift_summary("I will go home now", "I would go home now") == "would → will"
    assert p.drift_summary("the cat sat", "the dog sat") == "dog → cat"


def test_identical_quotes_have_no_drift():
    assert p.changed_words("Nobody's talking about Article 5.", "Nobody’s talking about Article 5") == []
    assert p.drift_summary("a b c", "a b c") == "no change in wording"
    assert p.drift_summary("the US, and", "the United States, and") == "United States → US"
    assert p.drift_summary("pay your debts.", "pay your bills.") == "bills → debts"
    assert p.drift_summary("whatever they want to you", "whatever the hell they want") == \
        "dropped: the hell; added: to you"


def test_words_outside_a_partial_original_are_not_counted_as_changes():
    ops = p.word_diff("Any suggestion undermines all of our security", "...undermines all of our security")
    assert ops[0] == ("outside", "", "Any suggestion")
    assert p.changed_words("Any suggestion undermines all of our security", "...undermines all of our security") == []


def test_quote_drift_escapes_html():
    out = p.quote_drift("I will go <script>alert(1)</script>", "I would go")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "[was: would]" in out and "[now: will]" in out
    assert "line-through" in out and "underline" in out   # not colour alone


def test_drift_table_rows():
    q = ml.load_table("quotes")
    table = p.drift_table(q, ["q04", "q05"])
    assert isinstance(table, SafeHTML)   # displays itself: no display(HTML(...)) in the lesson
    out = table._repr_html_()
    assert out.count("<tr>") == 3
    assert "are appalling → is distressing" in out and "invasions → the invasion" in out


def test_html_table_escapes_and_links_only_web_addresses():
    import pandas as pd

    df = pd.DataFrame([{"fact": "<img src=x>", "source": "A", "source_url": "javascript:alert(1)"},
                       {"fact": "ok", "source": "B", "source_url": "https://example.org/?a=1&b=2"}])
    table = p.html_table(df, ["fact", "source", "source_url"])
    assert isinstance(table, SafeHTML) and "source_url" not in repr(table)   # the link is not a column
    out = table._repr_html_()
    assert "<img" not in out and "&lt;img" in out
    assert "javascript:" not in out.split("href")[0] and 'href="javascript' not in out
    assert 'href="https://example.org/?a=1&amp;b=2"' in out


# ---------------------------------------------------------------- chains

def test_chain_text_in_order():
    text = p.chain_text("voltaire_2024")
    assert text.index("Voltaire Network") < text.index("Swiss Standpoint") < text.index("uncutnews")
    assert "UNCONFIRMED" in text.split("→")[0]


def test_chain_text_keeps_the_whole_status():
    # a qualified status must not be cut to its first word
    for aid in ("linternaute_mt_2024", "voltaire_2024"):
        steps = p.chain_text(aid).split("→")
        statuses = list(ml.republication_chain(aid)["status"])
        assert len(steps) == len(statuses)
        assert any(" " in st for st in statuses), "the test needs a qualified status"
        for step, status in zip(steps, statuses, strict=True):
            assert status in step


# ---------------------------------------------------------------- scorecard

def test_reference_key_matches_the_checklist_contract():
    ref = p.load_reference()
    assert sorted(ref) == sorted(CASES)
    for article, questions in ref.items():
        assert set(questions) == set(CHECKLIST), article
        for qid, entry in questions.items():
            allowed = CHECKLIST[qid]
            assert entry["answer"] in allowed, (article, qid)
            assert all(a in allowed for a in entry.get("accept") or []), (article, qid)
            assert entry["reason"].strip() and entry["source"].strip()


def test_checklist_contract_is_the_schema_and_the_widget_questions():
    from medialit import schema

    assert {q["id"]: list(q["choices"]) for q in schema.PROVENANCE_QUESTIONS} == CHECKLIST
    assert [q["id"] for q in schema.PROVENANCE_QUESTIONS] == list(CHECKLIST)   # the order learners see
    assert ml.PROVENANCE_QUESTIONS is schema.PROVENANCE_QUESTIONS
    assert all(q["question"].strip().endswith("?") for q in schema.PROVENANCE_QUESTIONS)


def _answers(**kw):
    return {"answers": {q: {"answer": a, "evidence": "e"} for q, a in kw.items()}}


def test_scorecard_results():
    ref = p.load_reference()
    data = {
        "linternaute_mt_2024": _answers(publisher="not named", author="yes", owner="partly", date=""),
        "voltaire_2024": {"data": _answers(original="Republication")},   # a store record, any case
        "southfront_2026": None,
    }
    sc = p.scorecard(data, ref)
    assert len(sc) == 24
    r = sc.set_index(["article", "question"])["result"]
    assert r["linternaute_mt_2024", "publisher"] == "matches"
    assert r["linternaute_mt_2024", "author"] == "differs"
    assert r["linternaute_mt_2024", "owner"] == "defensible"
    assert r["linternaute_mt_2024", "date"] == "not answered"
    assert r["voltaire_2024", "original"] == "matches"
    assert (sc[sc.article == "southfront_2026"].result == "not answered").all()
    counts = p.scorecard_counts(sc)
    assert counts.loc["linternaute_mt_2024"].sum() == 8
    assert counts.loc["linternaute_mt_2024", "matches"] == 1


def test_scorecard_accepts_widget_like_objects_and_curly_apostrophes():
    class Fake:
        data = _answers(owner="can’t tell")

    sc = p.scorecard({"linternaute_mt_2024": Fake()})
    row = sc[(sc.article == "linternaute_mt_2024") & (sc.question == "owner")].iloc[0]
    assert row.result == "matches"  # the key's answer is "can't tell", with a straight apostrophe


@pytest.mark.parametrize("junk", [None, 42, "text", [], {"answers": "x"}, {"answers": {"owner": 3}}])
def test_scorecard_never_raises_on_junk(junk):
    sc = p.scorecard({"southfront_2026": junk})
    assert set(sc.result) <= set(p.RESULTS)


def test_summary_and_plot():
    import matplotlib
    matplotlib.use("Agg")
    empty = p.scorecard({})
    assert "not answered any" in p.scorecard_summary(empty)
    sc = p.scorecard({"voltaire_2024": _answers(original="republication", author="yes")})
    text = p.scorecard_summary(sc)
    assert text.startswith("You answered 2 of 24") and "1 matches" in text and "1 differs" in text
    fig = p.plot_scorecard(sc)
    ax = fig.axes[0]
    assert len(ax.patches) == 3 * len(p.RESULTS)
    assert {t.get_text() for t in ax.get_legend().get_texts()} == set(p.RESULTS)
    assert any(patch.get_hatch() for patch in ax.patches)    # not colour alone
    import matplotlib.pyplot as plt
    plt.close(fig)


# ---------------------------------------------------------------- the lesson's data

def test_quotes_table_matches_the_articles():
    q = ml.load_table("quotes")
    assert q["id"].is_unique
    for _, row in q.iterrows():
        art = ml.load_article(row["article"])
        assert row["as_printed"] in art.sentence(row["sentence"]).text, row["id"]
        assert row["status"] in STATUSES, row["id"]
        assert row["source_url"].startswith("http"), row["id"]
        assert re.match(r"^(about )?\d{4}-\d{2}-\d{2}(/\d{2})?$", row["date"]), row["id"]


def test_quotes_dates_match_the_record():
    q = ml.load_table("quotes").set_index("id")
    assert q.loc["q01", "date"] == "2024-02-10" and "Conway" in q.loc["q01", "venue"]
    assert q.loc["q04", "date"] == "2024-02-11" and "campaign" in q.loc["q04", "venue"]
    assert q.loc["q05", "original"].startswith("Encouraging invasions of")
    assert "are appalling and dangerous" in q.loc["q04", "original"]
    assert q.loc["q08", "date"] == "2024-05-24" and "Economist" in q.loc["q08", "venue"]
    assert "UNCONFIRMED" not in q.loc["q08", "status_note"]
    assert "WRONG" not in q.loc["q07", "status_note"]
    assert "presidents of a big country" in q.loc["q02", "what_changed"]
    assert (q.loc["q09", "date"], q.loc["q10", "date"]) == ("2024-05-27", "2024-05-26")   # the Salvini splice
    assert "reporters" in q.loc["q10", "venue"]
    assert "sanmarinortv" not in q.loc["q09", "source_url"]
    assert "Tashkent" in q.loc["q11", "venue"] and q.loc["q11", "date"] == "2024-05-28"
    assert q.loc["q13", "status"] == "UNCONFIRMED"


def test_quote_originals_are_in_their_evidence():
    from medialit import evidence_record as er

    q = ml.load_table("quotes")
    assert "facts_section" not in q.columns
    for _, row in q.iterrows():
        ids = row["evidence"].split()
        assert ids and all(i.startswith("ev-p-") for i in ids), row["id"]
        assert all(i in er.records() for i in ids), row["id"]
        assert "(" not in row["original"], row["id"]            # no notes inside the wording
        assert er.supports_verbatim(row["original"], ids), row["id"]


def test_provenance_records_are_sound():
    from medialit import evidence_record as er

    assert not [x for x in er.problems() if "provenance.yaml" in x]
    recs = [r for r in er.records().values() if r.file == "provenance.yaml"]
    assert len(recs) >= 40 and all(r.id.startswith("ev-p-") for r in recs)
    assert er.get("ev-p-economist-troops").status == "CONFIRMED"
    assert er.get("ev-p-mt-rally-date").status == "WRONG"


def test_outlets_table_is_sourced_and_statused():
    o = ml.load_table("outlets")
    for col in ["outlet", "aspect", "fact", "source", "source_url", "checked_via", "date", "status", "evidence"]:
        assert col in o.columns
    assert set(o["status"]) <= STATUSES
    assert o["source_url"].str.startswith("http").all()
    assert not o["source_url"].str.contains("bluemoon").any()
    assert {"SouthFront", "Voltaire Network", "Swiss Standpoint", "Linternaute"} <= set(o["outlet"])
    assert (o["role"] == "evaluator").sum() >= 3
    wiki = o[o["fact"].str.contains("conspiracy")]
    assert len(wiki) == 1 and wiki.iloc[0]["fact"].startswith("English Wikipedia")  # whose description it is


def test_mt_artefacts_table():
    m = ml.load_table("mt_artefacts")
    art = ml.load_article("linternaute_mt_2024").text
    assert set(m["status"]) <= STATUSES
    for eng in ["What He Wants to Do Elected", "as part of a meeting", "An exit which", "dates from 2020"]:
        assert eng in art
        assert eng in " ".join(m["english_in_copy"])
    assert "facts_section" not in m.columns
    assert all(ev.startswith("ev-p-") for ev in " ".join(m["evidence"]).split())


def test_exercise_key_ids_are_prefixed():
    key = ml.data.load_yaml("01_source_provenance_ex1", "keys")
    assert key["questions"]
    for qid, q in key["questions"].items():
        assert qid.startswith("01-ex1-")
        assert q["type"] in {"choice", "text", "number", "set", "date", "labels", "free"}
        assert q.get("source")
        if q["type"] == "free":
            assert q["min_words"] > 0 and q["points"]


def test_exercise_weekday_answers_agree_with_pandas():
    key = ml.data.load_yaml("01_source_provenance_ex1", "keys")["questions"]
    assert key["01-ex1-weekday"]["answer"] == p.weekday("2024-05-27")
    assert key["01-ex1-weekday-welt"]["answer"] == p.weekday("2024-05-25") == "Saturday"


def test_exercise_key_matches_the_record():
    key = ml.data.load_yaml("01_source_provenance_ex1", "keys")["questions"]
    assert key["01-ex1-troops-status"]["answer"] == "CONFIRMED"
    assert "remarks to reporters" in [key["01-ex1-salvini-venue"]["answer"]] + key["01-ex1-salvini-venue"]["accept"]
    assert not any("framing" in pt for pt in key["01-ex1-rogozin-free"]["points"])
    for q in key.values():
        assert q.get("evidence") or "weekday computed" in q["source"]


# ---------------------------------------------------------------- tables that display themselves

def test_one_html_table_for_lessons_and_dashboard():
    import pandas as pd

    from medialit import display
    from medialit.analysis import views

    df = pd.DataFrame({"who": ["<b>A</b>", None], "share": [0.5, 0.83]})
    lesson, dashboard = p.html_table(df, ["who", "share"], link=None), views.html_table(df)
    assert lesson._repr_html_() == dashboard._repr_html_() == display.html_table(df)._repr_html_()
    assert "&lt;b&gt;A&lt;/b&gt;" in lesson._repr_html_() and "<b>" not in lesson._repr_html_()
    assert ">0.50<" in lesson._repr_html_() and ">0.83<" in lesson._repr_html_()   # pandas' number format
    assert ">None<" not in lesson._repr_html_() and ">nan<" not in lesson._repr_html_()
    assert views.SafeHTML is SafeHTML


def test_quote_table_shows_clues_or_the_full_record():
    quotes = ml.load_table("quotes")
    rows = quotes[quotes.sentence == "s012"]
    clues = p.quote_table(rows)._repr_html_()
    full = p.quote_table(rows, full_record=True)._repr_html_()
    assert "<th style='text-align:left'>venue</th>" not in clues and "<th style='text-align:left'>venue</th>" in full
    assert "<th style='text-align:left'>speaker</th>" in clues and 'href="http' in clues
    assert clues.count("<tr>") == full.count("<tr>") == len(rows) + 1


def test_plot_scorecard_returns_a_figure_and_prints_nothing(capsys):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    fig = p.plot_scorecard(p.scorecard({}))
    assert isinstance(fig, Figure) and capsys.readouterr().out == ""
    plt.close(fig)


def test_plots_show_puts_the_summary_under_the_figure(monkeypatch, capsys):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    events = []
    monkeypatch.setattr(ml.plots, "display_and_close", lambda fig: events.append(("figure", fig)))
    fig = p.plot_scorecard(p.scorecard({}))
    ml.plots.show(fig, "three bars.")
    events.append(("text", capsys.readouterr().out))
    assert events == [("figure", fig), ("text", "Plot summary: three bars.\n")]
    with pytest.raises(ValueError):
        ml.plots.show(fig, "")
    plt.close("all")

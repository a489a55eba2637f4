"""Tests for medialit.analysis: loading hostile folders, agreement statistics, views, export, HTML."""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import numpy as np
import pytest

import medialit as ml
from medialit.analysis import agreement as ag
from medialit.analysis import export as ex
from medialit.analysis import loading, views
from submission_helpers import ART, codes, labels_act, snapshot, sub, write


# ---------------------------------------------------------------- loading


def test_reads_a_file_made_by_export_submission(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("MEDIALIT_HOME", str(home))
    ml.store.put_activity(f"labels:{ART}", {"label_set": "reporting",
                                            "labels": {"s002": {"label": "opinion", "note": "hm", "confidence": "low"}}},
                          kind="sentence_labels", article=ART, learner="bob", home=home)
    ml.store.put_activity("check:q1", {"answer": ["a", 1], "correct": True}, kind="check", learner="bob", home=home)
    out = tmp_path / "class"
    out.mkdir()
    ml.export_submission(out / "bob.submission.json", learner="bob", home=home)
    cls = ml.load_class(out)
    assert list(cls.learners["learner"]) == ["bob"]
    assert cls.labels[["sentence", "label", "note", "confidence"]].values.tolist() == [["s002", "opinion", "hm", "low"]]
    assert cls.checks[["question", "answer", "correct"]].values.tolist() == [["q1", '["a", 1]', True]]
    assert cls.report.empty
    tidy = cls.tidy()
    assert set(tidy.columns) == {"learner", "activity", "kind", "article", "item", "field", "value"}
    assert len(tidy[(tidy["item"] == "s002")]) == 3  # label, note, confidence


def test_every_bad_file_is_reported_and_good_ones_survive(tmp_path):
    d = tmp_path / "class"
    d.mkdir()
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(sub("mallory", activities={f"labels:{ART}": labels_act({"s002": "opinion"})})))
    write(d, "alice.submission.json", sub("alice", activities={f"labels:{ART}": labels_act({"s002": "opinion"})}))
    write(d, "notjson.json", "this is not { json")
    write(d, "future.json", sub("fut", schema_version=2))
    write(d, "oldschema.json", sub("old", schema_version=0))
    write(d, "strschema.json", sub("old2", schema_version="1"))
    write(d, "boolschema.json", sub("old3", schema_version=True))
    write(d, "empty.json", "")
    write(d, "blank.json", "  \n ")
    write(d, "list.json", "[1, 2, 3]")
    write(d, "other-format.json", sub("zed", format="something-else"))
    write(d, "badid.json", sub("../../etc/passwd"))
    write(d, "noid.json", sub(None))
    write(d, "noacts.json", sub("carl", activities=[1, 2]))
    write(d, "big.json", sub("big", activities={}, padding="x" * 3000))
    (d / "latin1.json").write_bytes(b'{"learner": "\xe9"}')
    os.symlink(outside, d / "link-out.json")
    os.symlink(d / "alice.submission.json", d / "link-in.json")
    write(d, ".hidden.json", sub("ghost"))
    write(d, "readme.txt", "hello")
    (d / "sub").mkdir()
    write(d / "sub", "dave.json", sub("dave"))
    before = snapshot(d)

    cls = ml.load_class(d, max_bytes=2000)

    assert list(cls.learners["learner"]) == ["alice"]
    assert list(cls.labels["sentence"]) == ["s002"]
    skipped = set(cls.problems("file skipped")["file"])
    assert skipped == {"notjson.json", "future.json", "oldschema.json", "strschema.json", "boolschema.json", "empty.json",
                       "blank.json", "list.json", "other-format.json", "badid.json", "noid.json",
                       "noacts.json", "big.json", "latin1.json", "link-out.json", "link-in.json"}
    assert "not_json" in codes(cls, "notjson.json")
    assert "newer_schema" in codes(cls, "future.json")
    assert "bad_schema_version" in codes(cls, "oldschema.json")
    assert "empty" in codes(cls, "empty.json") and "empty" in codes(cls, "blank.json")
    assert "not_submission" in codes(cls, "other-format.json")
    assert "bad_learner_id" in codes(cls, "badid.json")
    assert "too_large" in codes(cls, "big.json")
    assert "bad_link" in codes(cls, "link-out.json")
    assert "link_read_already" in codes(cls, "link-in.json")
    assert "ignored_entry" in codes(cls, ".hidden.json")
    assert "ignored_entry" in codes(cls, "readme.txt")
    assert "subfolder" in codes(cls, "sub")
    assert "mallory" not in set(cls.labels["learner"])
    assert snapshot(d) == before  # nothing was modified


def test_items_and_activities_are_skipped_one_by_one(tmp_path):
    text_len = len(ml.load_article(ART).text)
    acts = {
        f"labels:{ART}": {"kind": "sentence_labels", "article": ART, "updated": "2026-03-06T10:00:00Z",
                          "data": {"label_set": "reporting", "labels": {
                              "s002": {"label": "opinion"}, "s999": {"label": "opinion"},
                              "s003": {"label": 5}, "s004": {"label": "x" * 500}, "s005": "prediction",
                              "s006": {"label": ""}, "s007": {"label": "quotation", "confidence": "huge"}}}},
        "labels:nowhere": labels_act({"s001": "opinion"}, article="nowhere_2025"),
        "mystery": {"kind": "teleport", "article": ART, "updated": "", "data": {}},
        "notarecord": 7,
        "listarticle": {"kind": "phrase_marks", "article": ["southfront_2026"], "updated": "", "data": {"marks": []}},
        "check:q-int-correct": {"kind": "check", "article": None, "updated": "", "data": {"answer": 1, "correct": 1}},
        f"phrases:{ART}": {"kind": "phrase_marks", "article": ART, "updated": "", "data": {"marks": [
            {"start": 0, "end": 5, "text": "ignored", "category": "loaded word", "note": ""},
            {"start": -1, "end": 5}, {"start": 10, "end": text_len + 1}, {"start": True, "end": 5},
            {"start": 7, "end": 3}, "nope"]}},
        f"provenance:{ART}": {"kind": "provenance_checklist", "article": ART, "updated": "", "data": {"answers": {
            "author": {"answer": "no", "evidence": "no byline"}, "date": {"answer": ["yes"]}, "owner": "yes"}}},
        f"claims:{ART}": {"kind": "claim_ledger", "article": ART, "updated": "", "data": {"rows": [
            {"id": "c1", "sentence": "s004", "claim": "x", "status": "supported"},
            {"id": "c2", "sentence": "s404", "claim": "y"}, {"id": "c3", "status": "true!!"},
            {"id": "c4", "claim": {"nested": 1}}]}},
        "check:q-deep": {"kind": "check", "article": None, "updated": "", "data": {"answer": [[[[[[1]]]]]]}},
        "check:q-ok": {"kind": "check", "article": None, "updated": "", "data": {"answer": "Wednesday", "correct": False}},
        "check:q-badcorrect": {"kind": "check", "article": None, "updated": "", "data": {"answer": 1, "correct": "yes"}},
    }
    write(tmp_path, "alice.submission.json", sub("alice", activities=acts))
    cls = ml.load_class(tmp_path, max_depth=4)
    assert dict(zip(cls.labels["sentence"], cls.labels["label"], strict=False)) == {"s002": "opinion", "s005": "prediction",
                                                                      "s007": "quotation"}
    assert cls.marks[["start", "end", "text"]].values.tolist() == [[0, 5, ml.load_article(ART).text[0:5]]]
    assert cls.provenance[["question", "answer"]].values.tolist() == [["author", "no"]]
    assert list(cls.claims["row"]) == ["c1"]
    assert list(cls.checks["question"]) == ["q-ok"]
    rep = codes(cls)
    for code in ["bad_sentence_id", "unknown_article", "unknown_kind", "not_a_record", "bad_offsets",
                 "unknown_status", "too_deep", "bad_correct", "unknown_confidence"]:
        assert code in rep, code
    assert codes(cls, level="item skipped").count("bad_sentence_id") == 2  # s999 (labels) and s404 (claims)
    # nowhere, teleport, notarecord, listarticle, q-deep, q-badcorrect, q-int-correct
    assert len(cls.problems("activity skipped")) == 7


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_a_named_pipe_is_skipped_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    write(tmp_path, "ok.json", sub("ok"))
    cls = ml.load_class(tmp_path)
    assert cls.learners["learner"].tolist() == ["ok"]
    assert "not_regular_file" in codes(cls, "pipe.json")


def test_deeply_nested_json_is_skipped(tmp_path):
    write(tmp_path, "deep.json", "[" * 100000 + "]" * 100000)
    write(tmp_path, "deepdict.json", '{"a":' * 50000 + "1" + "}" * 50000)
    write(tmp_path, "ok.json", sub("ok"))
    cls = ml.load_class(tmp_path)
    assert cls.learners["learner"].tolist() == ["ok"]
    assert "too_deep" in codes(cls, "deep.json")
    assert "too_deep" in codes(cls, "deepdict.json")


def test_duplicates_keep_the_newest_and_report_the_other(tmp_path):
    write(tmp_path, "a1.json", sub("amy", "2026-03-06T10:00:00Z", {f"labels:{ART}": labels_act({"s002": "opinion"})}))
    write(tmp_path, "a2.json", sub("amy", "2026-03-07T09:00:00Z", {f"labels:{ART}": labels_act({"s002": "quotation"})}))
    write(tmp_path, "a3.json", sub("amy", "2026-03-05T09:00:00Z", {f"labels:{ART}": labels_act({"s002": "prediction"})}))
    cls = ml.load_class(tmp_path)
    assert cls.learners["file"].tolist() == ["a2.json"]
    assert cls.labels["label"].tolist() == ["quotation"]
    assert set(cls.problems("file skipped")["file"]) == {"a1.json", "a3.json"}
    assert "duplicate" in codes(cls, "a1.json")
    # a tie on "exported" is broken by the file's modification time
    for p, t in (("a1.json", 1000), ("a2.json", 3000), ("a3.json", 2000)):
        write(tmp_path, p, sub("amy", "2026-03-06T10:00:00Z", {f"labels:{ART}": labels_act({"s002": p})}))
        os.utime(tmp_path / p, (t, t))
    cls = ml.load_class(tmp_path)
    assert cls.learners["file"].tolist() == ["a2.json"]


def test_max_files_limit_reports_the_rest(tmp_path):
    for i in range(5):
        write(tmp_path, f"s{i}.json", sub(f"s{i}"))
    cls = ml.load_class(tmp_path, max_files=3)
    assert len(cls.learners) == 3
    assert len(cls.problems("file skipped")) == 2


def test_long_free_text_is_cut_with_a_note(tmp_path):
    act = labels_act({"s002": "opinion"})
    act["data"]["labels"]["s002"]["note"] = "n" * 50
    write(tmp_path, "alice.json", sub("alice", activities={"x": act}))
    cls = ml.load_class(tmp_path, max_text=10)
    assert cls.labels["note"].tolist() == ["n" * 10]
    assert "too_long" in codes(cls, level="note")


def test_missing_folder_is_a_plain_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no folder"):
        ml.load_class(tmp_path / "nope")


def test_random_junk_never_stops_loading(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    good = sub("good", activities={f"labels:{ART}": labels_act({"s002": "opinion"})})
    json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                               lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                               max_leaves=20)
    records = st.dictionaries(st.sampled_from(["label", "note", "confidence", "start", "end", "category", "answer",
                                               "evidence", "id", "sentence", "status", "claim"]), json_values, max_size=6)
    data = st.fixed_dictionaries({}, optional={
        "labels": st.dictionaries(st.sampled_from(["s001", "s002", "s999", ""]), records | json_values, max_size=4),
        "marks": st.lists(records | json_values, max_size=4), "rows": st.lists(records | json_values, max_size=4),
        "answers": st.dictionaries(st.text(max_size=8), records | json_values, max_size=4),
        "answer": json_values, "correct": json_values, "label_set": json_values})
    activity = st.fixed_dictionaries({"kind": st.sampled_from(list(loading.KINDS) + ["x", None]),
                                      "article": st.sampled_from([ART, "nope", None, 3]),
                                      "updated": st.sampled_from(["2026-03-06T10:00:00Z", "", 5, "not a date"]),
                                      "data": data | json_values})
    junk_doc = st.fixed_dictionaries({"format": st.just("medialit-submission"), "schema_version": st.just(1),
                                      "learner": st.just("junk"),
                                      "activities": st.dictionaries(st.text(max_size=10), activity | json_values,
                                                                    max_size=4)})

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(doc=junk_doc | json_values, raw=st.binary(max_size=50))
    def run(doc, raw):
        folder = tmp_path / "fuzz"
        folder.mkdir(exist_ok=True)
        write(folder, "good.json", good)
        write(folder, "junk.json", doc)
        (folder / "raw.json").write_bytes(raw)
        cls = ml.load_class(folder)
        cls.tidy()
        ag.agreement_by_article(cls)
        views.progress(cls)
        views.free_text(cls)
        assert "good" in set(cls.learners["learner"])
        assert ("good", "s002", "opinion") in set(zip(cls.labels["learner"], cls.labels["sentence"], cls.labels["label"], strict=False))

    run()


# ---------------------------------------------------------------- statistics


def test_fleiss_kappa_hand_computed_equal_raters():
    # 4 sentences, 3 learners each, 2 labels.  P_i = 1, 1/3, 1/3, 1 -> P_bar = 2/3;
    # p = (6/12, 6/12) -> P_e = 1/2;  kappa = (2/3 - 1/2) / (1/2) = 1/3.
    counts = [[3, 0], [2, 1], [1, 2], [0, 3]]
    assert ag.fleiss_kappa(counts) == pytest.approx(1 / 3)
    # with two categories the per-category kappa equals the overall kappa (Fleiss 1971)
    assert ag.fleiss_kappa_by_category(counts) == pytest.approx([1 / 3, 1 / 3])


def test_fleiss_kappa_with_missing_ratings():
    # sentence 4 has one label only, so it is left out; raters vary 2, 2, 3.
    # P_i = 1, 0, 1 -> 2/3; p = (3/7, 4/7) -> P_e = 25/49; kappa = (2/3 - 25/49)/(24/49) = 23/72.
    counts = [[2, 0], [1, 1], [0, 3], [1, 0]]
    assert ag.fleiss_kappa(counts) == pytest.approx(23 / 72)
    assert math.isnan(ag.fleiss_kappa([[3, 0], [1, 0]]))          # one usable item
    assert math.isnan(ag.fleiss_kappa([[3, 0], [2, 0], [4, 0]]))  # no variation at all


def test_krippendorff_alpha_hand_computed_and_against_the_package():
    import krippendorff

    counts = [[3, 0], [2, 1], [1, 2], [0, 3]]
    # coincidences: o11 = 4, o22 = 4, o12 = o21 = 2, n = 12; D_o = 4/12; D_e = 2*6*6/(12*11) = 6/11
    assert ag.krippendorff_alpha(counts) == pytest.approx(1 - (1 / 3) / (6 / 11))
    # same data as a raters x sentences matrix with gaps (nan = learner skipped the sentence)
    raters = np.array([[0, 0, 1, np.nan, 1], [0, 1, 1, 1, np.nan], [np.nan, 0, 1, 1, 1]])
    from_counts = [[sum(1 for r in raters[:, i] if r == v) for v in (0, 1)] for i in range(raters.shape[1])]
    assert ag.krippendorff_alpha(from_counts) == pytest.approx(
        krippendorff.alpha(reliability_data=raters, level_of_measurement="nominal"))


def _class_from_labels(tmp_path, table, article=ART):
    """table: {learner: {sentence: label}} -> ClassData."""
    for learner, labs in table.items():
        write(tmp_path, f"{learner}.json", sub(learner, activities={f"labels:{article}": labels_act(labs, article)}))
    return ml.load_class(tmp_path)


def test_agreement_tables_on_a_small_class(tmp_path):
    cls = _class_from_labels(tmp_path, {
        "a": {"s002": "opinion", "s003": "quotation", "s004": "opinion"},
        "b": {"s002": "opinion", "s003": "quotation", "s004": "prediction"},
        "c": {"s002": "opinion", "s003": "quotation"},  # skipped s004
    })
    counts = ag.label_counts(cls, labels=["quotation", "opinion", "prediction", "attributed report"])
    assert list(counts.columns) == ["quotation", "opinion", "prediction", "attributed report"]
    assert counts.loc[(ART, "s004")].tolist() == [0, 1, 1, 0]
    by_art = ag.agreement_by_article(cls)
    row = by_art.iloc[0]
    assert (row["article"], row["learners"], row["sentences"], row["labels given"]) == (ART, 3, 3, 8)
    c = np.array([[0, 3, 0], [3, 0, 0], [0, 1, 1]])
    assert row["fleiss kappa"] == pytest.approx(ag.fleiss_kappa(c))
    assert row["krippendorff alpha"] == pytest.approx(ag.krippendorff_alpha(c))
    assert row["observed agreement"] == pytest.approx((1 + 1 + 0) / 3)
    disp = ag.disputed_sentences(cls, top=2)
    assert disp["sentence"].tolist() == ["s004", "s002"]
    assert disp.loc[0, "text"] == ml.load_article(ART).sentence("s004").text
    assert disp.loc[0, "labels given"] == "opinion 1 · prediction 1"
    by_label = ag.agreement_by_label(cls)
    assert dict(zip(by_label["label"], by_label["times used"], strict=False)) == {"opinion": 4, "prediction": 1, "quotation": 3}


def test_label_sets_are_never_mixed(tmp_path):
    write(tmp_path, "a.json", sub("a", activities={"p": labels_act({"s002": "opinion"}, label_set="practice"),
                                                   "r": labels_act({"s003": "quotation"})}))
    write(tmp_path, "b.json", sub("b", activities={"p": labels_act({"s002": "prediction"}, label_set="practice")}))
    cls = ml.load_class(tmp_path)
    # "practice" is more common, but the course key's label set "reporting" is used when present
    assert ag.current_labels(cls)["sentence"].tolist() == ["s003"]
    assert ag.current_labels(cls, "practice")["label"].tolist() == ["opinion", "prediction"]


def test_latest_label_wins_when_a_sentence_is_labelled_twice(tmp_path):
    acts = {"02:labels": labels_act({"s002": "opinion"}, updated="2026-03-06T10:00:00Z"),
            "ex1:labels": labels_act({"s002": "quotation"}, updated="2026-03-06T11:00:00Z")}
    write(tmp_path, "a.json", sub("a", activities=acts))
    cur = ag.current_labels(ml.load_class(tmp_path))
    assert cur["label"].tolist() == ["quotation"]


KEY = {"label_set": "reporting",
       "labels": {"attributed report": "", "unattributed assertion": "", "opinion": "", "prediction": "",
                  "quotation": ""},
       "articles": {ART: {"s002": {"label": "unattributed assertion", "also": ["opinion"], "why": "."},
                          "s003": {"label": "quotation"}, "s004": "prediction"}}}


def test_compare_with_key_and_confusion_matrix(tmp_path):
    cls = _class_from_labels(tmp_path, {
        "a": {"s002": "unattributed assertion", "s003": "quotation", "s004": "prediction", "s005": "opinion"},
        "b": {"s002": "opinion", "s003": "attributed report"},
        "c": {},
    })
    comp = views.compare_with_key(cls, KEY).set_index("learner")
    assert comp.loc["a", ["compared", "exact", "accepted"]].tolist() == [3, 3, 3]  # s005 not in the key
    assert comp.loc["b", ["compared", "exact", "accepted"]].tolist() == [2, 0, 1]  # "opinion" is an also
    assert comp.loc["b", "accuracy"] == 0 and comp.loc["b", "accuracy accepted"] == 0.5
    assert comp.loc["c", "compared"] == 0 and math.isnan(comp.loc["c", "accuracy"])
    assert comp.loc[views.CLASS_TOTAL, ["compared", "exact", "accepted"]].tolist() == [5, 3, 4]
    cm = views.confusion_matrix(cls, KEY)
    assert list(cm.index) == list(KEY["labels"])
    assert cm.loc["unattributed assertion", "opinion"] == 1
    assert cm.loc["quotation", "attributed report"] == 1
    assert cm.loc["quotation", "quotation"] == 1
    assert int(cm.to_numpy().sum()) == 5
    assert int(views.confusion_matrix(cls, KEY, learner="b").to_numpy().sum()) == 2


def test_progress_and_gradebook(tmp_path):
    n_body = len(ml.load_article(ART).body_sentences())
    body_ids = [s.id for s in ml.load_article(ART).body_sentences()]
    write(tmp_path, "a.json", sub("a", activities={
        "l": labels_act({s: "opinion" for s in body_ids}),
        "p": {"kind": "provenance_checklist", "article": ART, "updated": "",
              "data": {"answers": {"author": {"answer": "no", "evidence": ""}, "date": {"answer": "yes"}}}},
        "check:q1": {"kind": "check", "article": None, "updated": "", "data": {"answer": "x", "correct": True}}}))
    write(tmp_path, "b.json", sub("b", activities={"l": labels_act({body_ids[0]: "opinion"}),
                                                   "check:q2": {"kind": "check", "article": None, "updated": "",
                                                                "data": {"answer": "y", "correct": False}}}))
    cls = ml.load_class(tmp_path)
    prog = views.progress(cls)
    assert prog.loc["a", f"labels {ART}"] == 1.0
    assert prog.loc["b", f"labels {ART}"] == pytest.approx(1 / n_body)
    assert prog.loc["a", f"checklist {ART}"] == 1.0  # all that anyone was asked (the class's most: 2)
    assert prog.loc["b", f"checklist {ART}"] == 0
    assert prog.loc["a", "checks"] == 0.5
    summ = views.progress_summary(prog).set_index("task")
    assert summ.loc[f"labels {ART}"].tolist() == [1, 1, 0]
    gb = views.gradebook(cls, KEY).set_index("learner")
    assert gb.loc["a", "sentences labelled"] == n_body and gb.loc["a", "checks right"] == 1
    assert gb.loc["b", "checks right"] == 0 and gb.loc["b", "checks answered"] == 1
    chk = views.check_results(cls).set_index("question")
    assert chk.loc["q1", "share right"] == 1.0 and chk.loc["q2", "right"] == 0
    assert chk.loc["q2", ["answered", "marked", "share right"]].tolist() == [1, 1, 0.0]


def test_check_results_keep_free_text_apart(tmp_path):
    def chk(answer, correct):
        return {"kind": "check", "article": None, "updated": "", "data": {"answer": answer, "correct": correct}}

    write(tmp_path, "a.json", sub("a", activities={"check:free": chk("words", None), "check:q": chk("x", True)}))
    write(tmp_path, "b.json", sub("b", activities={"check:free": chk("more", None), "check:q": chk("y", False)}))
    res = views.check_results(ml.load_class(tmp_path)).set_index("question")
    assert res.loc["free", ["answered", "marked", "right"]].tolist() == [2, 0, 0]
    assert math.isnan(res.loc["free", "share right"])
    assert res.loc["q", ["answered", "marked", "right", "share right"]].tolist() == [2, 2, 1, 0.5]
    import medialit.analysis as A

    ft = views.free_text(ml.load_class(tmp_path))
    assert sorted(ft.loc[ft["where"] == "check free", "text"]) == ["more", "words"]
    assert A.describe_checks(res.reset_index()) == "2 questions answered; the hardest was q: 1 of 2 learners right (50%)."


def _check(answer, correct, **extra):
    return {"kind": "check", "article": None, "updated": "2026-03-06T10:00:00Z",
            "data": {"answer": answer, "correct": correct, **extra}}


def test_written_answers_of_every_release_are_listed_in_full_and_never_marked(tmp_path):
    """medialit 0.1 saved a long enough written answer as ``correct: true`` (and a short one as
    ``false``); check() now saves ``correct: null`` with a status. All of them are written answers:
    listed in full, with word count and the key's points, and never counted right or wrong."""
    from medialit import feedback

    qid = "02-ex1-justify"
    points = feedback.questions()[qid]["points"]
    long_old = " ".join(["word"] * 45) + " <b>end</b>"
    long_new = "Because " + " ".join(["reason"] * 50)
    write(tmp_path, "old.json", sub("old", activities={f"check:{qid}": _check(long_old, True),
                                                       "check:02-ex1-attributed-wrong": _check("s015", True)}))
    write(tmp_path, "short.json", sub("short", activities={f"check:{qid}": _check("too short", False)}))
    write(tmp_path, "new.json", sub("new", activities={f"check:{qid}": _check(long_new, None, status="for teacher")}))
    cls = ml.load_class(tmp_path)
    assert cls.report.empty
    fa = views.free_answers(cls).set_index("learner")
    assert list(fa.columns) == ["question", "words", "status", "answer", "checklist"]
    assert fa.loc["old", "answer"] == long_old and fa.loc["old", "words"] == 46
    assert fa.loc[["old", "short", "new"], "status"].tolist() == ["saved for teacher", "too short", "saved for teacher"]
    assert fa.loc["new", "checklist"] == "; ".join(f"☐ {' '.join(p.split())}" for p in points)
    ft = views.free_text(cls)
    assert sorted(ft.loc[ft["where"] == f"check {qid}", "learner"]) == ["new", "old", "short"]
    res = views.check_results(cls).set_index("question")
    assert res.loc[qid, ["answered", "marked", "right"]].tolist() == [3, 0, 0]
    assert math.isnan(res.loc[qid, "share right"])
    assert res.loc["02-ex1-attributed-wrong", ["answered", "marked", "right"]].tolist() == [1, 1, 1]
    gb = views.gradebook(cls).set_index("learner")
    assert gb.loc[["old", "short", "new"], "checks right"].tolist() == [1, 0, 0]
    assert gb.loc[["old", "short", "new"], "checks marked"].tolist() == [1, 0, 0]
    assert gb.loc[["old", "short", "new"], "written answers"].tolist() == [1, 1, 1]
    assert gb.loc["old", f"answer {qid}"] == long_old and gb.loc["short", f"words {qid}"] == 2
    import medialit.analysis as A

    assert A.describe_checks(res.reset_index()) == ("2 questions answered; the hardest was 02-ex1-attributed-wrong: "
                                                    "1 of 1 learner right (100%).")


def test_a_check_status_must_be_a_known_one(tmp_path):
    from medialit import schema

    clean, problems = schema.clean_check({"answer": "x", "correct": None, "status": "marked"}, strict=True)
    assert clean["status"] == "" and [p.code for p in problems] == ["unknown_status"]
    clean, problems = schema.clean_check({"answer": "x", "correct": None, "status": "too short"}, strict=True)
    assert clean["status"] == "too short" and problems == []
    assert schema.clean_check({"answer": "x", "correct": True}, strict=True)[0]["status"] == ""  # release 0.1
    write(tmp_path, "a.json", sub("a", activities={"check:q": _check("x", None, status={"x": 1})}))
    cls = ml.load_class(tmp_path)
    assert codes(cls) == ["unknown_status"] and cls.checks["answer"].tolist() == ["x"]


def test_free_text_has_written_answers_first_with_words_and_checklist(tmp_path):
    write(tmp_path, "a.json", sub("a", activities={"l": labels_act({"s002": "opinion"}),
                                                   "check:q": _check("two words", None)}))
    acts = {"l": labels_act({"s002": "opinion"})}
    acts["l"]["data"]["labels"]["s002"]["note"] = "a note of five words"
    acts["check:unknown-free"] = _check("one two three", None)
    write(tmp_path, "b.json", sub("b", activities=acts))
    ft = views.free_text(ml.load_class(tmp_path))
    assert list(ft.columns) == ["learner", "where", "field", "text", "words", "checklist"]
    assert ft[["learner", "where", "field", "words"]].values.tolist() == [
        ["a", "check q", "answer", 2], ["b", "check unknown-free", "answer", 3], ["b", f"{ART} s002", "note", 5]]
    assert ft["checklist"].tolist() == ["", "", ""]   # questions not in the keys have no points
    assert views.free_text(ml.load_class(tmp_path), learner="b")["learner"].tolist() == ["b", "b"]


# ---------------------------------------------------------------- safety: HTML, export, no eval


PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>']


def test_free_text_is_escaped_in_html(tmp_path):
    act = labels_act({"s002": "opinion", "s003": "quotation", "s004": "prediction"})
    for sid, payload in zip(("s002", "s003", "s004"), PAYLOADS, strict=False):
        act["data"]["labels"][sid]["note"] = payload
    claims = {"kind": "claim_ledger", "article": ART, "updated": "",
              "data": {"rows": [{"id": "c1", "claim": PAYLOADS[1], "claimant": PAYLOADS[0]}]}}
    write(tmp_path, "x.json", sub("x", activities={"l": act, "c": claims}))
    cls = ml.load_class(tmp_path)
    ft = views.free_text(cls)
    assert set(PAYLOADS) <= set(ft["text"])  # kept as written in the table...
    markup = views.html_table(ft, caption="<b>notes</b>")._repr_html_()
    for bad in ("<script", "<img", "<svg", "<b>notes"):
        assert bad not in markup                   # ...but never as live HTML
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "&lt;img src=x onerror=alert(1)&gt;" in markup
    import re

    assert not re.search(r"0x[0-9a-fA-F]{6,}", repr(views.html_table(ft))) and "s002" in repr(views.html_table(ft))
    # the notebook's plain DataFrame display escapes too (pandas' own _repr_html_)
    plain = ft._repr_html_()
    assert "<script" not in plain and "<img" not in plain and "&lt;script&gt;" in plain


def test_export_csv_writes_only_inside_the_folder(tmp_path):
    import pandas as pd

    out = tmp_path / "export"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out.mkdir()
    os.symlink(victim, out / "notes.csv")  # a trap: writing must replace the link, not follow it
    tables = {"notes": pd.DataFrame({"learner": ["a", "b", "c"], "text": ["=HYPERLINK(1)", "-0.5", "+cmd"]}),
              "gradebook": pd.DataFrame({"learner": ["a"], "score": [1.0]})}
    paths = ex.export_csv(tables, out)
    assert sorted(p.name for p in paths) == ["gradebook.csv", "notes.csv"]
    assert all(p.parent == out.resolve() for p in paths)
    assert victim.read_text() == "keep me"
    assert not (out / "notes.csv").is_symlink()
    back = pd.read_csv(out / "notes.csv", dtype=str)
    assert back["text"].tolist() == ["'=HYPERLINK(1)", "-0.5", "'+cmd"]
    for bad in ("../escape", "a/b", "..", "/etc/passwd", "UPPER", "", "x.csv"):
        with pytest.raises(ex.ExportError):
            ex.export_csv({bad: tables["gradebook"]}, out)
    assert not (tmp_path / "escape.csv").exists()
    assert sorted(p.name for p in out.iterdir()) == ["gradebook.csv", "notes.csv"]


def test_export_csv_of_a_whole_class(tmp_path):
    write(tmp_path, "a.json", sub("a", activities={"l": labels_act({"s002": "opinion"})}))
    cls = ml.load_class(tmp_path)
    paths = ex.export_csv(cls, tmp_path / "csv")
    assert {p.name for p in paths} == {f"{n}.csv" for n in cls.tables()} | {"free_answers.csv"}


def test_no_pickle_or_eval_in_the_analysis_package():
    src = Path(loading.__file__).parent
    for f in src.glob("*.py"):
        text = f.read_text(encoding="utf-8")
        for bad in ("import pickle", "pickle.", "eval(", "exec(", "read_pickle", "yaml.load(", "shelve",
                    "marshal"):
            assert bad not in text, f"{f.name} uses {bad}"


# ---------------------------------------------------------------- plots


def test_plots_and_summaries_run_on_a_small_class(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import medialit.analysis as A

    cls = _class_from_labels(tmp_path, {
        "a": {"s002": "unattributed assertion", "s003": "quotation", "s004": "prediction"},
        "b": {"s002": "opinion", "s003": "attributed report", "s004": "prediction"},
        "c": {"s002": "opinion", "s003": "quotation"}})
    labels = A.key_labels(KEY)
    summ = A.progress_summary(A.progress(cls))
    figs = [A.plot_progress(summ), A.plot_label_distribution(A.label_counts(cls, ART, labels=labels)),
            A.plot_agreement(A.agreement_by_article(cls)), A.plot_agreement_by_label(A.agreement_by_label(cls)),
            A.plot_disputed(cls, A.disputed_sentences(cls), labels=labels),
            A.plot_key_accuracy(A.compare_with_key(cls, KEY)), A.plot_confusion(A.confusion_matrix(cls, KEY)),
            A.plot_checks(A.check_results(cls))]
    assert all(f.axes for f in figs)
    plt.close("all")
    assert "3 learners" in A.describe_progress(summ)
    assert "s002" in A.describe_disputed(A.disputed_sentences(cls)) or "s003" in A.describe_disputed(A.disputed_sentences(cls))
    assert A.describe_confusion(A.confusion_matrix(cls, KEY)).startswith("5 of 8 labels (62%) match the key.")
    text = A.describe_key_accuracy(A.compare_with_key(cls, KEY))
    assert text.startswith("The class matched the key on 5 of 8 labels (62%); "), text  # counts, not "0.62 of 8"


@pytest.mark.parametrize("case", ["empty", "one learner"])
def test_every_view_and_plot_copes_with_tiny_classes(tmp_path, case):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import medialit.analysis as A

    write(tmp_path, "bad.json", "nope")
    if case == "one learner":
        write(tmp_path, "a.json", sub("a", activities={"l": labels_act({"s002": "opinion", "s003": "quotation"})}))
    cls = ml.load_class(tmp_path)
    labels = A.key_labels(KEY)
    by_article = A.agreement_by_article(cls)
    assert by_article["krippendorff alpha"].isna().all() and by_article["fleiss kappa"].isna().all()
    tables = {"progress": A.progress_summary(A.progress(cls)), "counts": A.label_counts(cls, ART, labels=labels),
              "by_article": by_article, "by_label": A.agreement_by_label(cls, labels=labels),
              "disputed": A.disputed_sentences(cls, key=KEY), "comparison": A.compare_with_key(cls, KEY),
              "confusion": A.confusion_matrix(cls, KEY), "checks": A.check_results(cls)}
    assert tables["disputed"].empty  # nobody else labelled the same sentence
    A.plot_progress(tables["progress"]), A.plot_label_distribution(tables["counts"])
    A.plot_agreement(by_article), A.plot_agreement_by_label(tables["by_label"])
    A.plot_disputed(cls, tables["disputed"], labels=labels), A.plot_key_accuracy(tables["comparison"])
    A.plot_confusion(tables["confusion"]), A.plot_checks(tables["checks"])
    plt.close("all")
    for text in (A.describe_progress(tables["progress"]), A.describe_agreement(by_article),
                 A.describe_disputed(tables["disputed"]), A.describe_key_accuracy(tables["comparison"]),
                 A.describe_confusion(tables["confusion"]), A.describe_checks(tables["checks"])):
        assert isinstance(text, str) and text
    assert len(A.export_csv({"gradebook": A.gradebook(cls, KEY)}, tmp_path / "out")) == 1


def test_class_folder_from_environment(tmp_path, monkeypatch):
    import medialit as ml

    monkeypatch.delenv("MEDIALIT_CLASS", raising=False)
    assert ml.analysis.class_folder() == ml.analysis.demo_folder()
    monkeypatch.setenv("MEDIALIT_CLASS", str(tmp_path))
    assert ml.analysis.class_folder() == tmp_path
    monkeypatch.setenv("MEDIALIT_CLASS", str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match="no such folder"):
        ml.analysis.class_folder()
    monkeypatch.setenv("MEDIALIT_EXPORT", str(tmp_path / "out"))
    assert ml.analysis.export_folder() == str(tmp_path / "out")
    monkeypatch.delenv("MEDIALIT_EXPORT")
    assert Path(ml.analysis.export_folder()).is_dir()


# ---------------------------------------------------------------- files written by earlier releases

FIXTURES = Path(__file__).parent / "fixtures" / "release_0_1"


def test_release_0_1_files_still_load():
    """Submissions and answers files written by medialit 0.1.0 load as they did then. The one
    intended change: a 3,000-character claim (allowed by the 0.1 widget) is cut to the single
    text limit, which both the widget and the dashboard now keep."""
    from medialit import schema

    expected = json.loads((FIXTURES / "expected_load_class.json").read_text(encoding="utf-8"))
    cls = ml.load_class(FIXTURES / "submissions")
    for name, df in cls.tables().items():
        if name in expected:
            assert df.astype(str).values.tolist() == expected[name], name
    assert cls.report[["file", "level", "activity"]].values.tolist() == expected["report_levels"]
    assert set(cls.report["code"]) == {"too_long"}
    assert cls.claims["claim"].str.len().max() == schema.LIMITS.text
    answers = ml.load_class(FIXTURES / "answers")
    assert sorted(answers.learners["learner"]) == ["ada", "ben"]
    assert set(codes(answers)) == {"answers_file", "too_long"}
    assert len(answers.labels) == len(cls.labels) and len(answers.claims) == len(cls.claims)


def test_dashboard_sentences_say_one_sentence_and_one_alpha_plainly(tmp_path):
    """QA pass: "1 sentences" and "alpha runs from 0.00 (x) to 0.00 (x)" for a single value."""
    import pandas as pd

    import medialit.analysis as A

    cls = _class_from_labels(tmp_path, {"a": {"s002": "opinion"}, "b": {"s002": "quotation"}})
    one = A.describe_distribution(A.label_counts(cls, ART), ART)
    assert one.startswith(f"{ART}: 1 sentence;") and "1 sentences" not in one, one
    single = pd.DataFrame({"article": [ART], "krippendorff alpha": [0.0], "fleiss kappa": [0.0]})
    text = A.describe_agreement(single)
    assert text == (f"Krippendorff's alpha is 0.00 ({ART}): below 0.67, so learners often disagree. "
                    "Fleiss' kappa tells the same story."), text
    same = pd.DataFrame({"article": ["a", "b"], "krippendorff alpha": [0.9, 0.9], "fleiss kappa": [0.9, 0.9]})
    assert A.describe_agreement(same).startswith("Krippendorff's alpha is 0.90 for all 2 articles: at or above 0.67")
    spread = pd.DataFrame({"article": ["a", "b"], "krippendorff alpha": [0.2, 0.9], "fleiss kappa": [0.2, 0.9]})
    assert "runs from 0.20 (a) to 0.90 (b)" in A.describe_agreement(spread)


def test_dashboard_counts_of_one_are_singular():
    import pandas as pd

    from medialit.analysis import app, first_answers
    from medialit.analysis import plots as P

    assert app._count(1, "activity", "activities") == "1 activity" and app._count(3, "activity", "activities") == "3 activities"
    cm = pd.DataFrame([[1, 0], [1, 0]], index=["opinion", "quotation"], columns=["opinion", "quotation"])
    text = P.describe_confusion(cm)
    assert text.startswith("1 of 2 labels (50%) matches the key.") and "(1 time)." in text, text
    table = pd.DataFrame({"activity": ["x"], "first agreement": [float("nan")], "final agreement": [float("nan")]})
    assert "kept for 1 activity," in first_answers.describe_first_answers(table)


def test_least_done_names_the_tasks_not_started_in_a_narrow_table():
    """Dashboard: the five learners who have done least, in four columns (a twelve-column table of
    shares scrolled sideways and failed the accessibility scan)."""
    import pandas as pd

    import medialit.analysis as A

    prog = pd.DataFrame({"labels a": [1.0, 0.0, 0.5], "checks": [1.0, 0.25, 0.0]}, index=["ann", "bo", "cy"])
    table = A.least_done(prog, 2)
    assert list(table.columns) == ["learner", "done", "not started", "partly done"]
    assert table.to_dict("records") == [
        {"learner": "bo", "done": "12%", "not started": "labels a", "partly done": "checks (25%)"},
        {"learner": "cy", "done": "25%", "not started": "checks", "partly done": "labels a (50%)"}]
    assert A.least_done(prog.iloc[:0]).empty

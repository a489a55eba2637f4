"""Commit before the key (issue 16 item 3): KeyReveal, ml.reveal, first answers in the store,
the schema and check()."""
from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path

import pytest

import medialit as ml
from medialit import schema, store

rv = importlib.import_module("medialit.widgets.reveal")  # (ml.widgets.reveal is the function)

ART = "southfront_2026"
LABELS = {"opinion": "a view", "attributed report": "someone said", "prediction": "future"}
FIXTURES = Path(__file__).parent / "fixtures" / "release_0_1"


def labeller(**kw):
    return ml.SentenceLabeller(ART, LABELS, label_set="reporting", activity="02:labels:" + ART, **kw)


def saved(activity: str, learner: str = "tester") -> dict:
    """The saved record's data, with its first answers (kept beside it) as "first"/"first_at"."""
    rec = store.get_activity(activity, learner=learner)
    return dict(rec["data"], **{f: rec[f] for f in ("first", "first_at") if f in rec})


def answers_doc(home: Path, learner: str = "tester") -> dict:
    return json.loads((home / f"{learner}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the widget


def test_building_the_widget_reveals_nothing(home):
    lab = labeller()
    lab.set_label("s003", "opinion")
    calls = []
    kr = ml.KeyReveal("02-labels-key", lambda: calls.append(1) or "THE KEY", activities=[lab])
    assert not kr.revealed and calls == [] and kr.result is None
    assert kr.output.outputs == ()
    assert rv.ANSWER_FIRST in kr.intro.value and kr.button.layout.display is None
    assert "first" not in saved("02:labels:" + ART)
    assert "reveals" not in answers_doc(home)
    # Run All again (a second build) still reveals nothing
    ml.KeyReveal("02-labels-key", lambda: calls.append(1) or "THE KEY", activities=[lab])
    assert calls == []


def test_reveal_freezes_first_answers_and_later_edits_are_kept_separately(home):
    lab = labeller()
    lab.set_label("s003", "opinion")
    lab.set_label("s004", "prediction")
    kr = ml.KeyReveal("02-labels-key", lambda: "THE KEY", activities=[lab])
    kr.button.click()  # the same handler as a keyboard press on the focused button
    assert kr.revealed and "THE KEY" in kr.text
    assert "You opened our key on" in kr.text and "your first answers are kept" in kr.text
    assert kr.button.layout.display == "none"
    rec = saved("02:labels:" + ART)
    assert rec["first"]["labels"]["s003"]["label"] == "opinion"
    assert schema._STAMP_RE.fullmatch(rec["first_at"])
    first_before = json.dumps(rec["first"], sort_keys=True)
    # later edits: saved as the latest work, the first answers never change
    lab.set_label("s003", "attributed report")
    lab.set_label("s005", "opinion")
    rec = saved("02:labels:" + ART)
    assert rec["labels"]["s003"]["label"] == "attributed report" and "s005" in rec["labels"]
    assert json.dumps(rec["first"], sort_keys=True) == first_before
    # pressing again (or ml.reveal) never refreezes
    kr.reveal()
    ml.reveal("02-labels-key", lambda: "THE KEY", activities=[lab])
    assert json.dumps(saved("02:labels:" + ART)["first"], sort_keys=True) == first_before


def test_rerun_and_restart_show_the_key_at_once(home, monkeypatch):
    lab = labeller()
    lab.set_label("s003", "opinion")
    ml.KeyReveal("02-labels-key", lambda: "THE KEY", activities=[lab]).reveal()
    # a kernel restart: nothing in memory, the same answers folder
    monkeypatch.setattr(store, "_chosen_learner", None)
    again = ml.KeyReveal("02-labels-key", lambda: "THE KEY", activities=[labeller()])
    assert again.revealed and "THE KEY" in again.text and "You opened our key on" in again.text
    # another key of the same lesson is still closed
    assert not ml.KeyReveal("02-phrases-key", lambda: "PHRASES").revealed
    # a new labeller shows the latest work; the first answers stay beside it in the file
    fresh = labeller()
    assert fresh.data["labels"]["s003"]["label"] == "opinion" and "first" not in fresh.data
    fresh.set_label("s003", "prediction")
    assert saved("02:labels:" + ART)["first"]["labels"]["s003"]["label"] == "opinion"


def test_a_stale_widget_never_overwrites_first_answers(home):
    """Two views of the same activity (two notebooks): the one built before the reveal saves
    later; the store keeps the first answers all the same."""
    stale = labeller()
    lab = labeller()
    lab.set_label("s003", "opinion")
    ml.reveal("02-labels-key", lambda: None, activities=[lab])
    stale.set_label("s010", "prediction")
    rec = saved("02:labels:" + ART)
    assert rec["first"]["labels"] == {"s003": {"label": "opinion", "note": "", "confidence": ""}}
    # a direct write with other first answers cannot replace them either
    store.put_activity("02:labels:" + ART, {"label_set": "reporting", "labels": {}}, kind="sentence_labels",
                       article=ART, first=True)
    assert saved("02:labels:" + ART)["first"]["labels"]["s003"]["label"] == "opinion"


def test_no_learner_keeps_the_key_closed(_isolated_answers):
    lab = labeller()
    lab.set_label("s003", "opinion")  # kept on the page, not saved
    kr = ml.KeyReveal("02-labels-key", lambda: "THE KEY", activities=[lab])
    assert kr.reveal() is False
    assert not kr.revealed and "THE KEY" not in kr.text
    assert "Choose your name" in kr.text and "press the button again" in kr.text
    assert not _isolated_answers.exists() or not list(_isolated_answers.glob("*.json"))
    # once a name is chosen, the edits are saved and the button works
    ml.set_learner("alice")
    assert kr.reveal() is True and "THE KEY" in kr.text
    assert saved("02:labels:" + ART, "alice")["first"]["labels"]["s003"]["label"] == "opinion"


def test_learner_change_follows_the_new_learners_key(home, monkeypatch):
    monkeypatch.delenv("MEDIALIT_LEARNER")
    ml.set_learner("alice")
    lab = labeller()
    kr = ml.KeyReveal("02-labels-key", lambda: ml.reporting.class_key_view(lab), activities=[lab])
    kr.reveal()
    views = list(kr.result.children)
    assert all(v.comm is not None for v in views)
    ml.set_learner("bob")
    assert not kr.revealed and kr.result is None and kr.button.layout.display is None
    assert all(v.comm is None for v in views)  # the old learner's live key stops redrawing
    ml.set_learner("alice")
    assert kr.revealed and "our key" in kr.text


def test_show_can_return_a_widget_or_fail_in_plain_words(home):
    lab = labeller()
    view = ml.live(lab, lambda w: f"{len(w.data['labels'])} labels")
    kr = ml.reveal("02-a-key", lambda: view, activities=[lab])
    assert kr.key_box.children == (view,)
    bad = ml.reveal("02-b-key", lambda: 1 / 0)
    assert bad.revealed and "could not be shown" in bad.text and "Traceback" not in bad.text


def test_bad_arguments_are_refused_in_plain_words(home):
    with pytest.raises(ValueError, match="reveal id"):
        ml.KeyReveal("../x", lambda: 1)
    with pytest.raises(TypeError, match="function"):
        ml.KeyReveal("02-x-key", "not callable")
    with pytest.raises(TypeError, match="activities"):
        ml.KeyReveal("02-x-key", lambda: 1, activities=[object()])


def test_the_keyboard_focus_goes_to_the_opened_key_line(home):
    """Keyboard walk-through: the pressed button hides itself and the focus fell back to the top
    of the page. The "You opened our key" line under it is where keyboard_assist.js puts it."""
    from medialit.widgets import base as wbase

    kr = ml.KeyReveal("02-x-key", lambda: "THE KEY")
    assert kr.children.index(kr.note) == kr.children.index(kr.button) + 1  # right after the button
    assert wbase.FOCUS_FALLBACK in kr.note._dom_classes
    assert not any(wbase.FOCUS_FALLBACK in c._dom_classes for c in kr.children if c is not kr.note)
    kr.button.click()
    assert kr.button.layout.display == "none" and "You opened our key" in kr.note.value
    assert wbase.FOCUS_FALLBACK in kr.note._dom_classes


def test_repr_is_stable(home):
    assert repr(ml.KeyReveal("02-x-key", lambda: 1)) == "KeyReveal('02-x-key', revealed=False)"


# ---------------------------------------------------------------- check() and questions


def test_check_keeps_the_first_answer(home):
    ml.check("02-ex1-attributed-wrong", "s007", strict=False)
    ml.check("02-ex1-attributed-wrong", "s015", strict=False)
    rec = saved("check:02-ex1-attributed-wrong")
    assert rec["answer"] == "s015" and rec["correct"] is True
    assert rec["first"]["answer"] == "s007" and rec["first"]["correct"] is False
    assert schema._STAMP_RE.fullmatch(rec["first_at"])


def test_written_answers_get_their_first_answer_when_the_key_opens(home):
    """A free answer is checked on every keystroke: the first check is not a first answer; the
    text on show when the learner opens the key is."""
    box = ml.Answer("02-predict-signals")
    box.set_value("c")
    box.set_value("condemned, cheap")
    assert "first" not in saved("check:02-predict-signals")
    ml.reveal("02-signals-key", lambda: "signals", activities=[box])
    box.set_value("condemned, cheap, reckless")
    rec = saved("check:02-predict-signals")
    assert rec["first"]["answer"] == "condemned, cheap" and rec["answer"] == "condemned, cheap, reckless"
    assert ml.reporting.inclass.saved_prediction() == "condemned, cheap"


def test_questions_frozen_at_reveal(home):
    ml.check("02-ex1-attributed-wrong", "s007", strict=False)
    ml.reveal("02-ex1-key", lambda: "KEY", questions=["02-ex1-attributed-wrong", "02-ex1-justify"])
    # answered before the key: its first answer stays; answered only after: no first answer
    ml.check("02-ex1-justify", "a written answer " * 10, strict=False)
    assert saved("check:02-ex1-attributed-wrong")["first"]["answer"] == "s007"
    assert "first" not in saved("check:02-ex1-justify")
    assert answers_doc(home)["reveals"]["02-ex1-key"]["activities"] == [
        "check:02-ex1-attributed-wrong", "check:02-ex1-justify"]


def test_answer_boxes_and_activity_ids_as_activities(home):
    box = ml.Answer("02-ex1-attributed-wrong")
    box.set_value("s011")
    lab = labeller()
    lab.set_label("s002", "opinion")
    ml.reveal("02-mixed-key", lambda: "KEY", activities=[box, "02:labels:" + ART])
    assert saved("check:02-ex1-attributed-wrong")["first"]["answer"] == "s011"
    assert saved("02:labels:" + ART)["first"]["labels"]["s002"]["label"] == "opinion"


# ---------------------------------------------------------------- schema: hostile and old records


def test_schema_cleans_first_answers_of_every_kind():
    for strict in (True, False):
        clean, problems = schema.clean_sentence_labels(
            {"label_set": "r", "labels": {"s001": "opinion"}, "first": {"labels": {"s001": {"label": "prediction"}}},
             "first_at": "2026-12-06T10:00:00Z"}, strict=strict)
        assert clean["first"]["labels"]["s001"]["label"] == "prediction" and clean["first_at"] == "2026-12-06T10:00:00Z"
        assert problems == []
        clean, _ = schema.clean_check({"answer": "b", "correct": True, "first": {"answer": "a", "correct": False},
                                       "first_at": "2026-12-06T10:00:00Z"}, strict=strict)
        assert clean["answer"] == "b" and clean["first"]["answer"] == "a" and clean["first"]["correct"] is False
        clean, _ = schema.clean_phrase_marks({"marks": [], "first": {"marks": [{"start": 0, "end": 3}]}},
                                             strict=strict, text="abcdef")
        assert clean["first"]["marks"][0]["text"] == "abc" and clean["first_at"] == ""
        clean, _ = schema.clean_provenance_checklist({"answers": {}, "first": {"answers": {"author": {"answer": "no"}}}},
                                                     strict=strict)
        assert clean["first"]["answers"]["author"]["answer"] == "no"
        clean, _ = schema.clean_claim_ledger({"rows": [], "first": {"rows": [{"id": "c1", "claim": "x"}]}}, strict=strict)
        assert clean["first"]["rows"][0]["claim"] == "x"


@pytest.mark.parametrize("first, first_at", [
    ("not a record", "2026-12-06T10:00:00Z"),
    ({"labels": "nope"}, "2026-12-06T10:00:00Z"),
    ({"labels": {"s001": "x"}, "first": {"labels": {}}}, "yesterday"),
    ([1, 2, 3], 12),
    ({"labels": {"s001": {"label": "y" * 5000}}}, None),
])
def test_hostile_first_answers_never_cost_the_latest_work(first, first_at):
    data = {"label_set": "r", "labels": {"s001": "opinion"}, "first": first, "first_at": first_at}
    for strict in (True, False):
        clean, problems = schema.clean_sentence_labels(data, strict=strict)
        assert clean["labels"]["s001"]["label"] == "opinion"
        assert all(p.level != schema.ACTIVITY_SKIPPED for p in problems)
        assert all(p.code in schema.CODES for p in problems)
        if "first" in clean:
            assert "first" not in clean["first"]  # never nested
            assert clean["first_at"] == "" or schema._STAMP_RE.fullmatch(clean["first_at"])


def test_hostile_reveals_in_an_answers_file_do_not_break_the_widget(home):
    home.mkdir(parents=True, exist_ok=True)
    doc = store.empty_document("tester")
    doc["reveals"] = {"02-labels-key": "not a record", "02-x-key": {"at": 5}}
    (home / "tester.json").write_text(json.dumps(doc), encoding="utf-8")
    assert not ml.KeyReveal("02-labels-key", lambda: "K").revealed
    kr = ml.KeyReveal("02-x-key", lambda: "K")
    assert not kr.revealed
    assert kr.reveal() and store.key_opened("02-x-key")


def test_release_0_1_answers_still_load_and_gain_first_answers(tmp_path, monkeypatch):
    home = tmp_path / "old"
    shutil.copytree(FIXTURES / "answers", home)
    monkeypatch.setenv("MEDIALIT_HOME", str(home))
    monkeypatch.setenv("MEDIALIT_LEARNER", "ada")
    before = (home / "ada.json").read_bytes()
    lab = labeller()
    assert lab.restored and not lab._blocked and lab.data["labels"]
    kr = ml.KeyReveal("02-labels-key", lambda: "K", activities=[lab])
    assert (home / "ada.json").read_bytes() == before  # building reveals and writes nothing
    kr.reveal()
    rec = saved("02:labels:" + ART, "ada")
    assert rec["first"]["labels"] == rec["labels"]
    # the 0.1 submissions (without first answers) load exactly as before
    cls = ml.load_class(FIXTURES / "submissions")
    assert len(cls.labels) and cls.report["code"].isin(["too_long"]).all()


# ---------------------------------------------------------------- the dashboard: first vs final


def _class_of(tmp_path, learners: dict) -> Path:
    """Each learner labels (first), opens the key, changes labels (final); export all."""
    out = tmp_path / "class"
    out.mkdir()
    for name, (first, final, first_q, final_q) in learners.items():
        ml.set_learner(name)
        lab = labeller()
        for sid, label in first.items():
            lab.set_label(sid, label)
        ml.check("02-ex1-attributed-wrong", first_q, strict=False)
        ml.reveal("02-labels-key", lambda: None, activities=[lab])
        for sid, label in final.items():
            lab.set_label(sid, label)
        ml.check("02-ex1-attributed-wrong", final_q, strict=False)
        ml.export_submission(out / f"{name}.submission.json")
    return out


def test_dashboard_first_answer_agreement_next_to_final(_isolated_answers, tmp_path):
    key = ml.analysis.load_key()["articles"][ART]
    right = {sid: key[sid]["label"] for sid in ("s004", "s007", "s008", "s010")}
    wrong = {sid: ("prediction" if lab != "prediction" else "opinion") for sid, lab in right.items()}
    folder = _class_of(tmp_path, {
        "ann": (wrong, right, "s007", "s015"),                      # all wrong first, all right after the key
        "bob": (right, right, "s015", "s015"),                      # right from the start
    })
    cls = ml.load_class(folder)
    assert cls.report.empty, cls.report
    assert len(cls.first_labels) == 8 and set(cls.first_labels["first_at"]) != {""}
    table = ml.analysis.first_answer_agreement(cls)
    labels = table[table["kind"] == "sentence labels"].iloc[0]
    assert labels["activity"] == "02:labels:" + ART and labels["learners"] == 2
    assert labels["first compared"] == 8 and labels["first agreement"] == pytest.approx(0.5)
    assert labels["final compared"] == 8 and labels["final agreement"] == pytest.approx(1.0)
    checks = table[table["kind"] == "check question"].iloc[0]
    assert checks["first agreement"] == pytest.approx(0.5) and checks["final agreement"] == pytest.approx(1.0)
    text = ml.analysis.describe_first_answers(table)
    assert "50% first, 100% final" in text
    # the CSV export carries the first answers too
    written = ml.analysis.export_csv(cls, tmp_path / "csv")
    names = {Path(p).name for p in (written.values() if isinstance(written, dict) else written)}
    assert any("first_labels" in n for n in names)


def test_dashboard_phrase_marks_first_and_final(home, tmp_path):
    key = ml.reporting.load_phrase_key()
    span = key["spans"][0]
    other = next(c for c in key["categories"] if c != span["category"] and c not in (span.get("also") or []))
    marker = ml.PhraseMarker(key["article"], ml.reporting.phrase_categories())
    marker.data = {"marks": [{"start": span["start"], "end": span["end"], "category": other}]}
    ml.reveal("02-phrases-key", lambda: None, activities=[marker])
    marker.data = {"marks": [{"start": span["start"], "end": span["end"], "category": span["category"]}]}
    out = tmp_path / "class"
    out.mkdir()
    ml.export_submission(out / "tester.submission.json")
    cls = ml.load_class(out)
    assert list(cls.first_marks["category"]) == [other]
    row = ml.analysis.first_answer_agreement(cls).set_index("kind").loc["phrase marks"]
    assert row["first compared"] == 1 and row["first agreement"] == 0.0 and row["final agreement"] == 1.0


def test_dashboard_without_first_answers_says_so(_isolated_answers):
    cls = ml.load_class(FIXTURES / "submissions")  # release 0.1: no first answers at all
    table = ml.analysis.first_answer_agreement(cls)
    assert table.empty and list(table.columns) == ml.analysis.first_answers.COLUMNS
    assert "No first answers yet" in ml.analysis.describe_first_answers(table)


def test_dashboard_skips_hostile_first_answers(_isolated_answers, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    acts = {
        "02:labels:" + ART: {"kind": "sentence_labels", "article": ART, "updated": "2026-12-06T10:00:00Z",
                             "data": {"label_set": "reporting", "labels": {"s004": "opinion"}},
                             "first": {"labels": {"s999": "opinion", "s004": {"label": 5}}}, "first_at": "soon"},
        "check:02-ex1-attributed-wrong": {"kind": "check", "article": None, "updated": "2026-12-06T10:00:00Z",
                                          "data": {"answer": "s015", "correct": True}, "first": "nope"},
    }
    doc = {"format": "medialit-submission", "schema_version": 1, "learner": "eve",
           "exported": "2026-12-06T10:00:00Z", "medialit_version": "0.1.0", "activities": acts}
    (folder / "eve.submission.json").write_text(json.dumps(doc), encoding="utf-8")
    cls = ml.load_class(folder)
    assert list(cls.labels["label"]) == ["opinion"] and list(cls.checks["correct"]) == [True]  # latest work kept
    assert cls.first_labels.empty or set(cls.first_labels["sentence"]) <= {"s004"}
    assert (cls.report["level"] != "activity skipped").all()
    ml.analysis.first_answer_agreement(cls)  # never raises


def test_labels_question_keeps_the_first_label_of_each_sentence(home, tmp_path):
    """Exercise 02-ex1: the feedback shows the key's label once a sentence is labelled, so the
    first label of each sentence is its first answer; a later change never replaces it."""
    rp = ml.reporting
    lab = ml.SentenceLabeller("linternaute_mt_2024", rp.LABELS, sentences=list(rp.EXERCISE_SENTENCES),
                              label_set="reporting")
    ml.Answer("02-ex1-labels", source=lab, table=rp.exercise_feedback)
    lab.set_label("s005", "quotation")          # wrong (key: opinion)
    lab.set_label("s009", "attributed report")  # right
    lab.set_label("s005", "opinion")            # corrected after seeing the key's label
    lab.set_label("s013", "opinion")            # right, labelled later
    rec = saved("check:02-ex1-labels")
    assert rec["answer"] == {"s005": "opinion", "s009": "attributed report", "s013": "opinion"}
    assert rec["first"]["answer"] == {"s005": "quotation", "s009": "attributed report", "s013": "opinion"}
    assert rec["first"]["correct"] is None
    # the dashboard: 2 of 3 first labels accepted, 3 of 3 final
    out = tmp_path / "class"
    out.mkdir()
    ml.export_submission(out / "tester.submission.json")
    table = ml.analysis.first_answer_agreement(ml.load_class(out))
    row = table[table["activity"] == "check:02-ex1-labels"].iloc[0]
    assert row["kind"] == "labels question" and row["first compared"] == 3 and row["final compared"] == 3
    assert row["first agreement"] == pytest.approx(2 / 3) and row["final agreement"] == pytest.approx(1.0)


# ---------------------------------------------------------------- lesson 02 and its exercise

KEY_SHOWING = ("class_key_view", "class_comparison", "comparison_view", "marks_view", "prediction_view",
               "after_class_key_view", "key_frame", "key_table", "exercise_answer")


@pytest.mark.parametrize("path", ["notebooks/02_opinion_or_reporting.ipynb",
                                  "exercises/02_opinion_or_reporting_ex1.ipynb"])
def test_lesson_02_shows_keys_only_behind_a_button(path):
    """Run All never prints our key: every cell that shows a key does it inside ml.KeyReveal, no
    learner cell calls ml.reveal, and no table printed on Run All names the key label of a
    sentence the learner labels."""
    import nbformat

    nb = nbformat.read(Path(__file__).parents[1] / path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    for src in code:
        if any(name in src for name in KEY_SHOWING):
            assert "ml.KeyReveal(" in src, f"{path}: a cell shows a key without a button:\n{src}"
        assert "ml.reveal(" not in src, f"{path}: a learner cell opens a key on Run All"
    shown = ml.reporting.misleading_examples(ml.reporting.scored_table(), per_kind=1, exclude=ml.reporting.LABELLED)
    for article, sentences in ml.reporting.LABELLED.items():
        assert not ((shown["article"] == article) & shown["sentence"].isin(sentences)).any()


def test_lesson_02_passages_are_body_sentences_with_a_key():
    rp = ml.reporting
    assert len(rp.CLASS_SENTENCES) == 16 and rp.CLASS_SENTENCES[0] == "s002"
    for article, sentences in rp.LABELLED.items():
        body = {s.id for s in ml.load_article(article).body_sentences()}
        assert set(sentences) <= body and set(rp.class_key(article, sentences)) == set(sentences)


def test_prediction_compared_with_the_signals(home):
    rp = ml.reporting
    inclass = rp.inclass
    assert inclass.predicted_words('s008: "condemned", Dangerous; s013: cheap and meat shield\n') == [
        "condemned", "dangerous", "cheap", "meat shield"]
    hits = list(rp.prediction_table("")["flagged words"])  # whatever the word lists flag today
    assert len(set(hits)) >= 3 and (rp.prediction_table("")["you predicted"] == "no").all()
    guess = f"{hits[0]}, {hits[-1].upper()}, zebra"
    table = rp.prediction_table(guess)
    assert set(table["sentence"]) == set(rp.PREDICT_SENTENCES)
    for word, said in zip(table["flagged words"], table["you predicted"], strict=True):
        assert said == ("yes" if word.casefold() in (hits[0].casefold(), hits[-1].casefold()) else "no"), word
    text = inclass.describe_prediction(guess, table)
    assert "You predicted 3 words or phrases" in text and "no rule fired on them: zebra" in text
    pairs = {(s, w.casefold()) for s, w in zip(table["sentence"], table["flagged words"], strict=True)}
    named = len({p for p in pairs if p[1] in (hits[0].casefold(), hits[-1].casefold())})
    assert f"the signals flagged {len(pairs)}, and you named {named} of them" in text  # a word two rules flag counts once
    assert "You made no prediction" in inclass.describe_prediction("", rp.prediction_table(""))
    # the view reads the prediction kept when the signals were opened
    ml.check(rp.PREDICT_QUESTION, "cheap, reckless", strict=False)
    kr = ml.reveal("02-signals-key", rp.prediction_view, questions=[rp.PREDICT_QUESTION])
    ml.check(rp.PREDICT_QUESTION, "one, two, three, four", strict=False)  # after the signals: kept apart
    assert "You predicted 2 words or phrases" in kr.text
    assert inclass.saved_prediction() == "cheap, reckless"


# ---------------------------------------------------------------- answers given field by field (defect 1)

ANATOMY = {"who": "Russian forces", "what": "a breakthrough", "where": "near Huliaipole", "when": "not said",
           "how_big": "major", "according_to": "none"}


def test_fields_answered_one_by_one_get_their_first_answers_when_the_key_opens(home):
    """A FieldsAnswer saves each field as it is typed (no verdict on show): the first answers are
    all the fields on show when the key opens, not the first field saved."""
    from medialit.widgets.claim_anatomy import FieldsAnswer

    box = FieldsAnswer("03-anatomy-huliaipole")
    for name, text in ANATOMY.items():          # as in the browser: one field, Enter/Tab, the next
        box.inputs[name].value = text
    assert "first" not in saved("check:03-anatomy-huliaipole")
    box.inputs["who"].value = "Russian troops"  # corrected before the key: that is the first answer
    key = ml.KeyReveal("03-anatomy-key", lambda: "key", activities=[box])
    assert key.reveal()
    box.inputs["when"].value = "yesterday"      # after the key: latest work only
    rec = saved("check:03-anatomy-huliaipole")
    assert rec["first"]["answer"] == dict(ANATOMY, who="Russian troops") and rec["answer"]["when"] == "yesterday"
    checkers = FieldsAnswer("03-checkers-good-for")
    checkers.inputs["isw"].value = "sources"
    checkers.inputs["deepstate"].value = "watched"
    assert "first" not in saved("check:03-checkers-good-for")
    ml.reveal("03-checkers-key", lambda: "key", activities=[checkers])
    assert saved("check:03-checkers-good-for")["first"]["answer"] == {"isw": "sources", "deepstate": "watched"}


def test_first_answer_rule_per_question_type():
    from medialit import feedback

    assert feedback.first_rule("fields") is False and feedback.first_rule("free") is False
    assert feedback.first_rule("labels") == "items"
    assert all(feedback.first_rule(t) is True for t in ("choice", "text", "number", "set", "date"))


def test_old_files_with_a_field_frozen_at_the_first_save_still_load(home):
    """Files saved before this rule may hold a one-field first answer: they load, the fields show
    the latest work, and the first answers already kept are never overwritten."""
    from medialit.widgets.claim_anatomy import FieldsAnswer

    home.mkdir(parents=True, exist_ok=True)
    (home / "tester.json").write_text(json.dumps({
        "schema_version": 1, "learner": "tester", "updated": "2026-12-01T10:00:00Z",
        "activities": {"check:03-anatomy-huliaipole": {
            "kind": "check", "article": None, "updated": "2026-12-01T10:00:00Z",
            "data": {"answer": ANATOMY, "correct": False},
            "first": {"answer": {"who": "field 1"}, "correct": False}, "first_at": "2026-12-01T09:58:00Z"}}}))
    box = FieldsAnswer("03-anatomy-huliaipole")
    assert box.value == ANATOMY
    assert ml.KeyReveal("03-anatomy-key", lambda: "key", activities=[box]).reveal()
    assert saved("check:03-anatomy-huliaipole")["first"]["answer"] == {"who": "field 1"}

"""Headless tests of the annotation widgets: drive them through their controls and handlers,
check the answers file on disk, and check the restore in a fresh Python process."""
from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit import store
from medialit.widgets import base as wbase

ARTICLE = "southfront_2026"
LABELS = {"fact": "can be checked against a record", "opinion": "a view or judgement", "other": "neither"}
CATS = {"loaded language": "words chosen to stir feelings", "hedge": "a word that softens a claim"}


def saved(home, activity=None, learner="tester"):
    doc = json.loads((home / f"{learner}.json").read_text(encoding="utf-8"))
    return doc if activity is None else doc["activities"][activity]


# ---------------------------------------------------------------- SentenceLabeller


def test_labeller_click_label_note_confidence_saves(home):
    lab = ml.SentenceLabeller(ARTICLE, LABELS, label_set="fact-opinion")
    assert not (home / "tester.json").exists(), "constructing a widget must not write anything"
    first = lab.current
    lab.label_buttons.value = "opinion"           # the learner clicks a label
    rec = saved(home, f"labels:{ARTICLE}")
    assert rec["kind"] == "sentence_labels" and rec["article"] == ARTICLE
    assert rec["data"] == {"label_set": "fact-opinion",
                           "labels": {first: {"label": "opinion", "note": "", "confidence": ""}}}
    lab.note.value = "uses 'skeleton key' <b>metaphor</b>"   # types a note (saved on Enter)
    lab.confidence.value = "medium"
    entry = saved(home, f"labels:{ARTICLE}")["data"]["labels"][first]
    assert entry == {"label": "opinion", "note": "uses 'skeleton key' <b>metaphor</b>", "confidence": "medium"}
    assert f"1 of {len(lab.sentences)} labelled" in lab.progress.value
    assert re.match(r"Saved \d\d:\d\d:\d\d to .*tester\.json$", lab.status)
    # learner text is escaped in the overview, never inserted as HTML
    assert "<b>metaphor</b>" not in lab.overview.value
    assert "&lt;b&gt;metaphor&lt;/b&gt;" in lab.overview.value
    assert "[O] opinion" in lab.overview.value  # label shown as text, not colour alone


def test_labeller_navigation_and_controls_follow_data(home):
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    ids = [s.id for s in ml.load_article(ARTICLE).body_sentences()]
    lab.label_buttons.value = "fact"
    lab.next_button.click()
    assert lab.current == ids[1]
    assert lab.label_buttons.value is None and lab.note.value == "" and lab.confidence.value == ""
    lab.label_buttons.value = "other"
    lab.goto.value = 0                          # "Go to" dropdown
    assert lab.current == ids[0] and lab.label_buttons.value == "fact"
    assert lab.prev_button.disabled
    lab.show(ids[-1])
    assert lab.next_button.disabled
    lab.prev_button.click()
    assert lab.current == ids[-2]
    data = saved(home, f"labels:{ARTICLE}")["data"]["labels"]
    assert {k: v["label"] for k, v in data.items()} == {ids[0]: "fact", ids[1]: "other"}
    lab.show(ids[1])
    lab.clear_button.click()
    assert ids[1] not in saved(home, f"labels:{ARTICLE}")["data"]["labels"]
    df = lab.to_frame()
    assert list(df.columns) == ["sentence", "text", "label", "confidence", "note"]
    assert df.set_index("sentence").loc[ids[0], "label"] == "fact" and len(df) == len(ids)


def test_labeller_sentence_choice_and_bad_arguments(home):
    art = ml.load_article(ARTICLE)
    assert len(ml.SentenceLabeller(art, LABELS, sentences="all").sentences) == len(art.sentences)
    lab = ml.SentenceLabeller(art, LABELS, sentences=["s003", "s005"], activity="t:labels")
    assert [s.id for s in lab.sentences] == ["s003", "s005"]
    with pytest.raises(ValueError):
        lab.set_label("s004", "fact")           # not in this labeller
    with pytest.raises(ValueError):
        lab.set_label("s003", "nonsense")
    with pytest.raises(ValueError):
        ml.SentenceLabeller(art, {})
    with pytest.raises(ml.DataError):
        ml.SentenceLabeller(art, LABELS, sentences=["s999"])
    assert not (home / "tester.json").exists()


def test_labeller_restores_in_same_kernel_and_never_overwrites_on_construction(home):
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    lab.set_label("s005", "fact", note="n", confidence="high")
    before = (home / "tester.json").read_bytes()
    again = ml.SentenceLabeller(ARTICLE, LABELS)
    assert (home / "tester.json").read_bytes() == before
    assert again.restored and "loaded" in again.status
    again.show("s005")
    assert (again.label_buttons.value, again.note.value, again.confidence.value) == ("fact", "n", "high")


def test_labeller_keeps_saved_label_outside_the_label_set(home):
    store.put_activity(f"labels:{ARTICLE}", {"label_set": "old", "labels": {"s004": {"label": "satire",
                       "note": "", "confidence": "bogus"}}}, kind="sentence_labels", article=ARTICLE)
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    lab.show("s004")
    assert lab.label_buttons.value is None and "satire" in lab.definition.value
    lab.set_label("s005", "fact")
    labels = saved(home, f"labels:{ARTICLE}")["data"]["labels"]
    assert labels["s004"]["label"] == "satire" and labels["s004"]["confidence"] == ""  # kept, cleaned


def test_labeller_300_sentences(home):
    from medialit.data import Article, segment

    text = "\n\n".join(f"Sentence number {i} says something about NATO." for i in range(300))
    art = Article("synthetic", text, {"title": "Synthetic"}, segment(text))
    lab = ml.SentenceLabeller(art, LABELS, activity="bench")
    assert len(lab.sentences) == 300
    lab.show(299)
    lab.label_buttons.value = "fact"
    assert "1 of 300 labelled" in lab.progress.value
    assert lab.overview.value.count("<tr") == 301


# ---------------------------------------------------------------- failures while saving


@pytest.mark.parametrize("code, words", [(errno.EROFS, "cannot be written"), (errno.ENOSPC, "disk is full")])
def test_save_failure_is_reported_and_saved_file_kept(home, monkeypatch, code, words):
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    lab.set_label("s004", "fact")
    before = (home / "tester.json").read_bytes()
    real_replace = os.replace

    def broken(*_args, **_kw):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store.os, "replace", broken)
    lab.set_label("s005", "opinion")
    assert (home / "tester.json").read_bytes() == before, "saved work must stay as it was"
    assert lab.unsaved and words in lab.status and "Not saved" in lab.status_html.value
    assert lab.data["labels"]["s005"]["label"] == "opinion", "the change stays in memory"
    assert not [p for p in home.iterdir() if p.name.endswith(".tmp")], "no temporary files left behind"
    monkeypatch.setattr(store.os, "replace", real_replace)
    lab.set_label("s006", "other")             # the next change retries and saves everything
    labels = saved(home, f"labels:{ARTICLE}")["data"]["labels"]
    assert {k: v["label"] for k, v in labels.items()} == {"s004": "fact", "s005": "opinion", "s006": "other"}
    assert not lab.unsaved and lab.status.startswith("Saved")


def test_save_failure_on_temp_file_creation(home, monkeypatch):
    pm = ml.PhraseMarker(ARTICLE, CATS)

    def broken(*_a, **_k):
        raise OSError(errno.EROFS, "Read-only file system")

    real = store.tempfile.mkstemp
    monkeypatch.setattr(store.tempfile, "mkstemp", broken)
    pm.add_phrase("NATO", "hedge")
    assert not (home / "tester.json").exists()
    assert not pm.status_ok and "cannot be written" in pm.status and len(pm.marks) == 1
    monkeypatch.setattr(store.tempfile, "mkstemp", real)
    assert pm.save() and saved(home, f"phrases:{ARTICLE}")["data"]["marks"] == pm.marks


def test_other_kind_or_newer_file_is_never_overwritten(home):
    store.put_activity("shared", {"marks": []}, kind="phrase_marks")
    before = (home / "tester.json").read_bytes()
    lab = ml.SentenceLabeller(ARTICLE, LABELS, activity="shared")
    lab.set_label("s004", "fact")
    assert (home / "tester.json").read_bytes() == before
    assert "different kind of work" in lab.status
    (home / "tester.json").write_text(json.dumps({"schema_version": 99, "activities": {}}))
    newer = (home / "tester.json").read_bytes()
    ledger = ml.ClaimLedger(ARTICLE)
    ledger.add_row("a claim")
    assert (home / "tester.json").read_bytes() == newer and "newer version" in ledger.status


def test_damaged_saved_data_is_left_alone(home):
    store.put_activity(f"provenance:{ARTICLE}", {"answers": ["not", "a", "dict"]}, kind="provenance_checklist")
    before = (home / "tester.json").read_bytes()
    pc = ml.ProvenanceChecklist(ARTICLE)
    pc.answer("author", "yes")
    assert (home / "tester.json").read_bytes() == before and "unexpected shape" in pc.status


# ---------------------------------------------------------------- PhraseMarker


def test_phrase_marker_offsets_repeats_and_overlaps(home):
    pm = ml.PhraseMarker(ARTICLE, CATS)
    text = ml.load_article(ARTICLE).text
    starts = pm.find("NATO")
    assert len(starts) >= 2
    pm.add_phrase("NATO", "loaded language", occurrence=2, note="second one")
    phrase = text[starts[1]:starts[1] + 30]
    pm.add_mark(starts[1], starts[1] + 30, "hedge")          # overlaps the first mark
    pm.add_phrase("nato", "loaded language", occurrence=1)   # same words, another place
    marks = saved(home, f"phrases:{ARTICLE}")["data"]["marks"]
    assert [(m["start"], m["end"], m["category"]) for m in marks] == [
        (starts[0], starts[0] + 4, "loaded language"),
        (starts[1], starts[1] + 4, "loaded language"),
        (starts[1], starts[1] + 30, "hedge"),
    ]
    assert marks[0]["text"] == text[starts[0]:starts[0] + 4] and marks[2]["text"] == phrase
    assert marks[1]["note"] == "second one"
    pm.remove_mark(0)
    assert len(saved(home, f"phrases:{ARTICLE}")["data"]["marks"]) == 2
    df = pm.to_frame()
    assert list(df.columns) == ["start", "end", "text", "category", "note"] and len(df) == 2
    with pytest.raises(ValueError):
        pm.add_phrase("NATO", "nonsense")
    with pytest.raises(ValueError):
        pm.add_phrase("no such phrase in here", "hedge")
    with pytest.raises(ValueError):
        pm.add_mark(0, len(text) + 5, "hedge")


def test_phrase_marker_front_end_updates_are_cleaned(home):
    pm = ml.PhraseMarker(ARTICLE, CATS)
    text = pm.text
    # what the browser sends: a wrong "text", a duplicate and junk
    pm.data = {"marks": [{"start": 10, "end": 20, "text": "WRONG", "category": "hedge", "note": "x"},
                         {"start": 10, "end": 20, "text": "", "category": "hedge", "note": "dup"},
                         {"start": "a", "end": 3}, "junk", {"start": 5, "end": 2, "category": "hedge"}]}
    marks = saved(home, f"phrases:{ARTICLE}")["data"]["marks"]
    assert marks == [{"start": 10, "end": 20, "text": text[10:20], "category": "hedge", "note": "x"}]


def test_phrase_marker_free_text_and_repr(home):
    with pytest.raises(ValueError):
        ml.PhraseMarker(None, CATS, text="Some text.")       # activity required
    pm = ml.PhraseMarker(None, CATS, text="They say it may be true, it may not.", activity="free:1")
    pm.add_phrase("may", "hedge", occurrence=2)
    rec = saved(home, "free:1")
    assert rec["article"] is None and rec["data"]["marks"][0]["start"] == pm.text.index("may", 14) == 28
    assert not re.search(r"0x[0-9a-fA-F]{6,16}", repr(pm))
    bundle = pm._repr_mimebundle_()
    assert not re.search(r"0x[0-9a-fA-F]{6,16}", json.dumps(bundle, default=str))


def test_phrase_marker_es_module_is_local():
    folder = Path(ml.widgets.__file__).parent
    js = (folder / "phrase_marker.js").read_text(encoding="utf-8")
    assert "export default" in js
    assert not re.search(r"https?://", js), "the front end must not load anything from the network"
    assert "innerHTML" not in js, "text must be inserted with textContent"
    assert str(ml.PhraseMarker._esm) == js, "the widget serves the module shipped in the package"


# ---------------------------------------------------------------- ProvenanceChecklist


def test_provenance_questions_match_contract():
    qs = {q["id"]: q["choices"] for q in ml.PROVENANCE_QUESTIONS}
    assert qs == {
        "publisher": ["named", "not named", "can't tell"],
        "author": ["yes", "no", "can't tell"],
        "date": ["yes", "no", "can't tell"],
        "original": ["original", "republication", "translation", "can't tell"],
        "sources": ["for most claims", "for some claims", "for none", "can't tell"],
        "quotes": ["all", "some", "none", "can't tell"],
        "owner": ["yes", "partly", "no", "can't tell"],
        "purpose": ["yes", "partly", "no", "can't tell"],
    }


def test_provenance_answer_and_evidence(home):
    pc = ml.ProvenanceChecklist(ARTICLE)
    pc.choice["author"].value = "yes"
    pc.evidence["author"].value = "byline under the title"
    pc.evidence["owner"].value = "https://example.org/about"
    data = saved(home, f"provenance:{ARTICLE}")["data"]
    assert data == {"answers": {"author": {"answer": "yes", "evidence": "byline under the title"},
                                "owner": {"answer": "", "evidence": "https://example.org/about"}}}
    assert "1 of 8 answered" in pc.progress.value
    pc.choice["author"].value = ""
    pc.evidence["author"].value = ""
    assert "author" not in saved(home, f"provenance:{ARTICLE}")["data"]["answers"]
    with pytest.raises(ValueError):
        pc.answer("author", "maybe")
    with pytest.raises(ValueError):
        ml.ProvenanceChecklist(ARTICLE, questions=[{"id": "a", "question": "?", "choices": ["x"]}] * 2)
    df = pc.to_frame()
    assert len(df) == 8 and df.set_index("question_id").loc["owner", "evidence"] == "https://example.org/about"


# ---------------------------------------------------------------- ClaimLedger


def test_claim_ledger_add_edit_delete_undo(home):
    led = ml.ClaimLedger(ARTICLE, rows=[{"claim": "NATO is test-driving Article 5", "sentence": "s004"}])
    assert len(led.rows) == 1 and not (home / "tester.json").exists()
    led.claimant.value = "the author"                 # edit in the editor
    led.status_choice.value = "unsupported"
    rows = saved(home, f"claims:{ARTICLE}")["data"]["rows"]
    assert rows[0]["claimant"] == "the author" and rows[0]["status"] == "unsupported" and rows[0]["id"] == "c1"
    assert set(rows[0]) == {"id", "sentence", "claim", "claimant", "evidence", "confirm", "status",
                            "confidence", "note"}
    led.add_button.click()
    assert led.selected == 1 and led.claim.value == ""
    led.sentence.value = "s006"                      # picking a sentence fills an empty claim
    assert led.rows[1]["claim"] == f"“{ml.load_article(ARTICLE).sentence('s006').text}”"
    led.confirm.value = "the NATO press office"
    led.pick.value = 0
    assert led.claimant.value == "the author"
    led.delete_button.click()
    assert [r["id"] for r in saved(home, f"claims:{ARTICLE}")["data"]["rows"]] == ["c2"]
    led.undo_button.click()
    assert [r["id"] for r in saved(home, f"claims:{ARTICLE}")["data"]["rows"]] == ["c1", "c2"]
    led.add_row("third", status="cannot tell yet")
    assert [r["id"] for r in led.rows] == ["c1", "c2", "c3"]
    with pytest.raises(ValueError):
        led.edit_row(0, status="true")
    with pytest.raises(ValueError):
        led.edit_row(0, colour="red")
    assert led.to_frame().shape == (3, 9)
    # pre-filled rows are ignored once something is saved
    again = ml.ClaimLedger(ARTICLE, rows=[{"claim": "something else"}])
    assert [r["id"] for r in again.rows] == ["c1", "c2", "c3"]


def test_claim_ledger_statuses_exact():
    assert ml.widgets.STATUSES == ("supported", "contradicted", "unsupported", "cannot tell yet")


def test_claim_ledger_text_is_escaped(home):
    led = ml.ClaimLedger(ARTICLE)
    led.add_row("<img src=x onerror=alert(1)>")
    assert "<img" not in led.table.value and "&lt;img" in led.table.value


# ---------------------------------------------------------------- learner id, several widgets, submission


def test_learner_box(home, monkeypatch):
    monkeypatch.delenv("MEDIALIT_LEARNER")
    box = ml.LearnerBox()
    assert box.id_box.value == "" and box.learner is None
    assert "No name chosen yet" in box.message.value and "cannot be saved" in box.message.value
    box.id_box.value = "../../etc/passwd"
    assert "cannot be used" in box.message.value and store.learner_or_none() is None
    assert "nothing is saved" in box.message.value
    box.id_box.value = "alice"
    assert store.current_learner() == "alice" and "alice.json" in box.message.value
    monkeypatch.setenv("MEDIALIT_LEARNER", "bob")
    fixed = ml.LearnerBox()
    assert fixed.id_box.disabled and "MEDIALIT_LEARNER" in fixed.message.value


def test_learner_box_with_an_unusable_environment_id(home, monkeypatch):
    monkeypatch.setenv("MEDIALIT_LEARNER", "../evil")
    box = ml.LearnerBox()
    assert box.id_box.disabled and box.use_button.disabled
    assert "MEDIALIT_LEARNER" in box.message.value and "teacher" in box.message.value


def test_learner_box_says_when_the_id_cannot_be_remembered(home, monkeypatch):
    monkeypatch.delenv("MEDIALIT_LEARNER")

    def refuse(path, text):
        raise store.StoreError("the folder cannot be written to (read-only or no permission)")

    box = ml.LearnerBox()
    monkeypatch.setattr(store, "atomic_write_text", refuse)
    box.id_box.value = "alice"
    assert store.current_learner() == "alice"
    assert "could not be remembered" in box.message.value and "⚠" in box.message.value
    assert (home / store.CHOICE_FILE).exists() is False


# ---------------------------------------------------------------- one clear learner identity


@pytest.fixture
def nobody(home, monkeypatch):
    """No learner id anywhere (no environment, no choice, no .learner), and a fresh registry of
    live widgets (widgets of earlier tests must not react to this test's id changes)."""
    import weakref

    monkeypatch.delenv("MEDIALIT_LEARNER")
    monkeypatch.setattr(wbase, "_live", weakref.WeakSet())
    for var in store.VOILA_VARIABLES:
        monkeypatch.delenv(var, raising=False)
    return home


def _four(**kw):
    return [ml.SentenceLabeller(ARTICLE, LABELS, **kw), ml.PhraseMarker(ARTICLE, CATS, **kw),
            ml.ProvenanceChecklist(ARTICLE, **kw), ml.ClaimLedger(ARTICLE, rows=[{"claim": "pre-filled"}], **kw)]


def _files(folder):
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_nothing_is_saved_before_an_id_and_each_widget_says_so(nobody):
    lab, pm, pc, led = _four()
    for widget in (lab, pm, pc, led):
        assert widget.learner is None and widget.saving_as.startswith("Choose your name in the start notebook")
        assert "before your work can be saved" in widget.status
    for widget in (lab, pc, led):  # shown inside the widget, as its first line
        assert "medialit-no-learner" in widget.owner_html.value and widget.children[0] is widget.owner_html
    lab.label_buttons.value = "opinion"
    pm.add_phrase("NATO", "hedge")
    pc.choice["author"].value = "no"
    led.edit_row(0, claimant="the outlet")
    assert all(w.unsaved and w.pending_edits for w in (lab, pm, pc, led))
    assert "Not saved" in lab.status_html.value
    assert _files(nobody) == [], "something was saved before a learner id was chosen"
    fb = ml.check("01-ex1-putin-place", "Moscow", strict=False)  # a checked answer is not filed under a made-up name either
    assert fb.saved_to is None and any("before your work can be saved" in d for d in fb.details)
    assert _files(nobody) == []


def test_edits_made_before_an_id_are_saved_once_it_is_chosen(nobody):
    """Never lose work: what was typed before the name is saved under the name, added to what
    that learner had saved before (a label on another sentence, a claim of their own)."""
    store.put_activity(f"labels:{ARTICLE}", {"label_set": "custom", "labels": {
        "s010": {"label": "fact", "note": "earlier", "confidence": ""}}}, kind="sentence_labels",
        article=ARTICLE, learner="bob")
    lab, pm, pc, led = _four()
    other_view = ml.SentenceLabeller(ARTICLE, LABELS)  # the same activity shown twice, untouched
    lab.set_label("s004", "opinion", note="before my name")
    pm.add_phrase("NATO", "hedge")
    pc.answer("author", "no", "no byline")
    led.edit_row(0, claimant="the outlet")
    box = ml.LearnerBox()
    box.id_box.value = "bob"
    doc = saved(nobody, learner="bob")["activities"]
    assert doc[f"labels:{ARTICLE}"]["data"]["labels"] == {
        "s004": {"label": "opinion", "note": "before my name", "confidence": ""},
        "s010": {"label": "fact", "note": "earlier", "confidence": ""}}
    assert [m["text"] for m in doc[f"phrases:{ARTICLE}"]["data"]["marks"]] == ["NATO"]
    assert doc[f"provenance:{ARTICLE}"]["data"]["answers"]["author"] == {"answer": "no", "evidence": "no byline"}
    assert [(r["claim"], r["claimant"]) for r in doc[f"claims:{ARTICLE}"]["data"]["rows"]] == [
        ("pre-filled", "the outlet")]
    for widget in (lab, pm, pc, led, other_view):
        assert widget.learner == "bob" and widget.saving_as == "Saving as: bob" and not widget.unsaved
    assert other_view.data == lab.data  # the untouched copy loaded the merged work
    assert "Saving as: bob" in lab.owner_html.value and "Saved" in lab.status


def test_an_answer_given_before_the_name_that_replaces_a_saved_one_keeps_a_copy(nobody):
    """The same sentence labelled before choosing the name and, differently, saved under it: the new
    label is used (the learner's latest choice) and the saved one is kept in a .conflict copy,
    with a notice, never silently replaced."""
    store.put_activity(f"labels:{ARTICLE}", {"label_set": "custom", "labels": {
        "s004": {"label": "fact", "note": "yesterday", "confidence": ""}}}, kind="sentence_labels",
        article=ARTICLE, learner="bob")
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    lab.set_label("s004", "opinion", note="today")
    ml.LearnerBox().id_box.value = "bob"
    assert saved(nobody, learner="bob")["activities"][f"labels:{ARTICLE}"]["data"]["labels"]["s004"]["label"] == "opinion"
    copies = list(nobody.glob("bob.json.conflict-*"))
    assert len(copies) == 1
    kept = json.loads(copies[0].read_text(encoding="utf-8"))["activities"][f"labels:{ARTICLE}"]["data"]
    assert kept["labels"]["s004"] == {"label": "fact", "note": "yesterday", "confidence": ""}
    assert "replaced answers saved under bob" in lab.status and copies[0].name in lab.status


def test_changing_the_id_retargets_every_live_widget(nobody):
    """An id change reaches the widgets already on the page: each loads the new learner's work,
    shows the new id and saves there; the first learner's file is not touched."""
    store.set_learner("alice")
    lab, pm, pc, led = _four()
    pinned = ml.SentenceLabeller(ARTICLE, LABELS, learner="zoe")  # an explicit learner= never follows
    lab.set_label("s004", "opinion")
    pm.add_phrase("NATO", "hedge")
    pc.answer("author", "no")
    led.add_row("alice's claim")
    pinned.set_label("s004", "fact")
    alice_before = (nobody / "alice.json").read_bytes()
    store.put_activity(f"labels:{ARTICLE}", {"label_set": "custom", "labels": {
        "s005": {"label": "other", "note": "", "confidence": ""}}}, kind="sentence_labels",
        article=ARTICLE, learner="carol")
    box, compact = ml.LearnerBox(), ml.LearnerBox(compact=True)
    assert compact.id_box.value == "alice" and "Saving as: alice" in compact.message.value
    box.id_box.value = "carol"
    assert "every activity on this page now shows and saves carol&#x27;s work" in box.message.value
    assert compact.id_box.value == "carol" and "Saving as: carol" in compact.message.value
    for widget in (lab, pm, pc, led):
        assert widget.learner == "carol" and widget.saving_as == "Saving as: carol"
    assert lab.data["labels"] == {"s005": {"label": "other", "note": "", "confidence": ""}} and lab.restored
    assert lab.label_buttons.value is None and "1 of" in lab.progress.value  # the controls show carol's work
    assert pm.marks == [] and pc.data == {"answers": {}} and pc.choice["author"].value == ""
    assert [r["claim"] for r in led.rows] == ["pre-filled"]  # a new learner starts from the pre-filled ledger
    assert "Saving as: carol" in lab.owner_html.value and "carol" in lab.status
    assert pinned.learner == "zoe" and pinned.saving_as == "Saving as: zoe"
    assert (nobody / "alice.json").read_bytes() == alice_before
    assert "carol.json" in _files(nobody) and saved(nobody, learner="carol")["activities"].keys() == {
        f"labels:{ARTICLE}"}  # loading wrote nothing
    lab.set_label("s006", "fact")
    assert set(saved(nobody, f"labels:{ARTICLE}", learner="carol")["data"]["labels"]) == {"s005", "s006"}
    assert (nobody / "alice.json").read_bytes() == alice_before
    led.delete_row(0)
    ml.set_learner("alice")  # back: alice's work comes back, carol's deleted row cannot be undone into it
    assert lab.data["labels"]["s004"]["label"] == "opinion" and [r["claim"] for r in led.rows][-1] == "alice's claim"
    assert led.undo_delete() is None


def test_an_id_chosen_in_another_notebook_is_picked_up_at_the_next_change(nobody):
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    lab.set_label("s004", "opinion")
    nobody.mkdir(parents=True, exist_ok=True)
    (nobody / store.CHOICE_FILE).write_text("dana\n")  # the start notebook's kernel chose "dana"
    lab.set_label("s005", "fact")
    assert lab.learner == "dana" and set(saved(nobody, f"labels:{ARTICLE}", learner="dana")["data"]["labels"]) == {
        "s004", "s005"}


def test_voila_sessions_ignore_the_shared_learner_file(nobody, monkeypatch):
    nobody.mkdir(parents=True, exist_ok=True)
    (nobody / store.CHOICE_FILE).write_text("alice\n")  # another browser's (or JupyterLab's) choice
    monkeypatch.setenv("VOILA_KERNEL_ID", "k1")
    box = ml.LearnerBox()
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    assert box.id_box.value == "" and lab.learner is None
    assert "each time you open or reload the page" in box.message.value
    box.id_box.value = "eve"
    assert lab.learner == "eve" and (nobody / store.CHOICE_FILE).read_text() == "alice\n"
    assert "this page only" in box.message.value


def test_merge_edits_keeps_both_sides():
    base = {"labels": {}, "rows": [{"id": "c1", "claim": "x"}], "set": "a"}
    saved_ = {"labels": {"s1": {"label": "fact"}}, "rows": [{"id": "c1", "claim": "x"}, {"id": "c2", "claim": "y"}],
              "set": "a"}
    mine = {"labels": {"s2": {"label": "opinion"}}, "rows": [{"id": "c3", "claim": "z"}], "set": "a"}
    got = wbase.merge_edits(base, saved_, mine)
    assert got == {"labels": {"s1": {"label": "fact"}, "s2": {"label": "opinion"}},
                   "rows": [{"id": "c2", "claim": "y"}, {"id": "c3", "claim": "z"}], "set": "a"}
    assert wbase.merge_edits(base, saved_, base) == saved_ and wbase.merge_edits({}, {}, {"a": 1}) == {"a": 1}


def test_whose_work_line_is_escaped():
    html = wbase.owner_html("Saving as: <img src=x onerror=alert(1)>", ok=True)
    assert "<img" not in html and "&lt;img" in html
    assert "<script>" not in wbase.owner_html("<script>x</script>", ok=False)


def test_widgets_share_one_file_and_export(home):
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    pm = ml.PhraseMarker(ARTICLE, CATS)
    pc = ml.ProvenanceChecklist(ARTICLE)
    led = ml.ClaimLedger(ARTICLE)
    lab.set_label("s004", "fact")
    pm.add_phrase("NATO", "hedge")
    pc.answer("date", "yes", "top of page")
    led.add_row("a claim")
    acts = saved(home)["activities"]
    assert set(acts) == {f"labels:{ARTICLE}", f"phrases:{ARTICLE}", f"provenance:{ARTICLE}", f"claims:{ARTICLE}"}
    path = ml.export_submission()
    sub = json.loads(Path(path).read_text())
    assert sub["format"] == "medialit-submission" and sub["schema_version"] == 1 and sub["learner"] == "tester"
    assert sub["activities"] == acts


def test_explicit_learner_and_home(tmp_path, home):
    other = tmp_path / "elsewhere"
    lab = ml.SentenceLabeller(ARTICLE, LABELS, learner="zoe", home=other)
    lab.set_label("s004", "fact")
    assert (other / "zoe.json").exists() and not (home / "tester.json").exists()
    with pytest.raises(ml.LearnerIdError):
        ml.SentenceLabeller(ARTICLE, LABELS, learner="../x")


# ---------------------------------------------------------------- restore in a fresh kernel

FRESH = textwrap.dedent("""
    import json, medialit as ml
    LABELS = {labels!r}
    CATS = {cats!r}
    lab = ml.SentenceLabeller({art!r}, LABELS)
    lab.show("s005")
    pm = ml.PhraseMarker({art!r}, CATS)
    pc = ml.ProvenanceChecklist({art!r})
    led = ml.ClaimLedger({art!r}, rows=[{{"claim": "ignored"}}])
    print(json.dumps({{"labels": lab.data, "shown": [lab.label_buttons.value, lab.note.value,
                       lab.confidence.value], "progress": lab.progress.value, "marks": pm.data,
                       "prov": pc.data, "author": pc.choice["author"].value, "rows": led.data,
                       "claimant": led.claimant.value}}))
""")


def test_restore_in_fresh_process(home):
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    lab.show("s005")
    lab.label_buttons.value = "opinion"
    lab.note.value = "strong verb"
    lab.confidence.value = "low"
    pm = ml.PhraseMarker(ARTICLE, CATS)
    pm.add_phrase("NATO", "loaded language", occurrence=2)
    pc = ml.ProvenanceChecklist(ARTICLE)
    pc.choice["author"].value = "no"
    led = ml.ClaimLedger(ARTICLE)
    led.add_row("first claim", claimant="the outlet")
    before = (home / "tester.json").read_bytes()
    code = FRESH.format(labels=LABELS, cats=CATS, art=ARTICLE)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(),
                         timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["labels"] == lab.data and got["shown"] == ["opinion", "strong verb", "low"]
    assert f"1 of {len(lab.sentences)} labelled" in got["progress"]
    assert got["marks"] == pm.data and got["prov"] == pc.data and got["author"] == "no"
    assert got["rows"] == led.data and got["claimant"] == "the outlet"
    assert (home / "tester.json").read_bytes() == before, "re-running the cells must not rewrite the file"


def test_status_html_is_escaped():
    assert "<script>" not in wbase.status_html("<script>x</script>", ok=False)


# ---------------------------------------------------------------- hostile saved data, light import

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def test_normalise_any_saved_json_gives_the_documented_shape(home):
    lab = ml.SentenceLabeller(ARTICLE, LABELS)
    pm = ml.PhraseMarker(ARTICLE, CATS)
    pc = ml.ProvenanceChecklist(ARTICLE)
    led = ml.ClaimLedger(ARTICLE)

    @settings(max_examples=150, deadline=None)
    @given(st.dictionaries(st.sampled_from(["labels", "marks", "answers", "rows", "x"]), json_values, max_size=3)
           | json_values)
    def check(value):
        for widget in (lab, pm, pc, led):
            try:
                out = widget.normalise(value)
            except ValueError:
                continue  # the widget then refuses to write over such a record
            json.dumps(out)
            if widget is lab:
                assert set(out) == {"label_set", "labels"}
                assert all(set(e) == {"label", "note", "confidence"} for e in out["labels"].values())
            elif widget is pm:
                assert all(set(m) == {"start", "end", "text", "category", "note"} and m["end"] > m["start"] >= 0
                           for m in out["marks"])
            elif widget is pc:
                assert all(set(e) == {"answer", "evidence"} for e in out["answers"].values())
            else:
                ids = [r["id"] for r in out["rows"]]
                assert len(ids) == len(set(ids)) and all(ids)
                assert all(r["status"] in ("",) + ml.widgets.STATUSES for r in out["rows"])

    check()


# ---------------------------------------------------------------- one contract with the dashboard

FIXTURES = Path(__file__).parent / "fixtures" / "release_0_1"


def _widgets(learner):
    art = "southfront_2026"
    return [ml.SentenceLabeller(art, {"opinion": "a view", "attributed report": "someone said", "prediction": "future"},
                                label_set="reporting", activity=f"02:labels:{art}", learner=learner),
            ml.PhraseMarker(art, {"hedge": "softens", "loaded word": "charged"}, activity=f"02:phrases:{art}",
                            learner=learner),
            ml.ProvenanceChecklist(art, activity=f"01:provenance:{art}", learner=learner),
            ml.ClaimLedger(art, activity=f"03:claims:{art}", learner=learner)]


def test_release_0_1_answers_restore(tmp_path, monkeypatch):
    """Answers files saved by the 0.1.0 widgets are restored as they were then (a 3,000-character
    claim is now cut to the one text limit the dashboard also keeps)."""
    from medialit import schema

    home = tmp_path / "answers"
    home.mkdir()
    for p in (FIXTURES / "answers").iterdir():
        (home / p.name).write_bytes(p.read_bytes())
    monkeypatch.setenv("MEDIALIT_HOME", str(home))
    expected = json.loads((FIXTURES / "expected_restore.json").read_text(encoding="utf-8"))
    for learner in ("ada", "ben"):
        for widget in _widgets(learner):
            assert widget.restored and not widget._blocked, widget.status
            want = expected[f"{learner}/{widget.activity}"]
            if widget.kind == "claim_ledger":
                for row in want["rows"]:
                    row["claim"] = row["claim"][: schema.LIMITS.text]
            assert widget.data == want, widget.activity
    assert (home / "ada.json").read_bytes() == (FIXTURES / "answers" / "ada.json").read_bytes()  # nothing rewritten


def test_ledger_text_limit_round_trip_widget_to_dashboard(home, tmp_path):
    from medialit import schema
    from submission_helpers import sub, write

    limit = schema.LIMITS.text
    led = ml.ClaimLedger(ARTICLE)
    led.add_row("a" * limit, evidence="e" * limit)
    led.add_row("b")
    led.edit_row(1, claim="b" * (limit + 1))            # one over: the widget cuts it on edit
    assert led.rows[1]["claim"] == "b" * limit
    assert f"kept the first {limit}" in led.status
    out = tmp_path / "class"
    out.mkdir()
    ml.export_submission(out / "tester.submission.json")
    cls = ml.load_class(out)
    assert list(cls.claims["claim"]) == ["a" * limit, "b" * limit]   # exactly at the limit: kept whole
    assert list(cls.claims["evidence"]) == ["e" * limit, ""]
    assert cls.report.empty
    # a file edited by hand past the limit: the dashboard cuts it and says so
    doc = json.loads((out / "tester.submission.json").read_text(encoding="utf-8"))
    doc["activities"][f"claims:{ARTICLE}"]["data"]["rows"][0]["claim"] = "c" * (limit + 1)
    write(out, "tester.submission.json", sub("tester", activities=doc["activities"]))
    cls = ml.load_class(out)
    assert cls.claims["claim"].iloc[0] == "c" * limit
    assert list(cls.report["code"]) == ["too_long"] and list(cls.report["level"]) == ["note"]
    # and a widget restoring that file cuts it the same way
    (ml.store.answers_path()).write_text(json.dumps({**doc, "format": None} | {"schema_version": 1}), encoding="utf-8")
    again = ml.ClaimLedger(ARTICLE)
    assert again.rows[0]["claim"] == "c" * limit


def test_contributing_record_tables_match_schema():
    from medialit import schema

    text = (Path(__file__).resolve().parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert schema.record_table() in text
    assert schema.checklist_table() in text
    assert ml.widgets.PROVENANCE_QUESTIONS is schema.PROVENANCE_QUESTIONS
    assert ml.widgets.STATUSES == schema.LEDGER_STATUSES


# ---------------------------------------------------------------- activity ids from the lesson


@pytest.fixture
def lesson(monkeypatch):
    """``ml.lesson(...)`` changes module state (and a pandas option): undo both after the test."""
    import pandas as pd

    width = pd.get_option("display.max_colwidth")
    monkeypatch.setattr(wbase, "_lesson", None)
    yield ml.lesson
    pd.set_option("display.max_colwidth", width)


def test_lesson_names_the_default_activity_ids(home, lesson):
    import pandas as pd

    lesson("02")
    assert ml.widgets.current_lesson() == "02"
    made = [ml.SentenceLabeller(ARTICLE, LABELS), ml.PhraseMarker(ARTICLE, CATS),
            ml.ProvenanceChecklist(ARTICLE), ml.ClaimLedger(ARTICLE)]
    assert [w.activity for w in made] == [f"02:labels:{ARTICLE}", f"02:phrases:{ARTICLE}",
                                          f"02:provenance:{ARTICLE}", f"02:claims:{ARTICLE}"]
    assert ml.SentenceLabeller(ARTICLE, LABELS, activity="mine").activity == "mine"   # explicit still wins
    assert pd.get_option("display.max_colwidth") >= 400       # whole sentences in tables
    lesson("02-ex1")
    assert ml.SentenceLabeller(ARTICLE, LABELS).activity == f"02-ex1:labels:{ARTICLE}"
    lesson(None)
    assert ml.SentenceLabeller(ARTICLE, LABELS).activity == f"labels:{ARTICLE}"


def test_work_saved_under_a_typed_id_is_restored_by_the_derived_one(home, lesson):
    typed = ml.SentenceLabeller(ARTICLE, LABELS, activity=f"03:labels:{ARTICLE}")  # as lessons did before
    typed.label_buttons.value = "fact"
    lesson("03")
    derived = ml.SentenceLabeller(ARTICLE, LABELS)
    assert derived.restored and derived.data == typed.data
    assert ml.saved_activities() == [f"03:labels:{ARTICLE}"]
    assert ml.answers_path() == home / "tester.json"


@pytest.mark.parametrize("bad", ["", "02:labels", "a b", "x" * 41, 2, "-02"])
def test_lesson_refuses_names_that_would_break_activity_ids(lesson, bad):
    with pytest.raises(ValueError, match="lesson name"):
        lesson(bad)
    assert ml.widgets.current_lesson() is None


# ---------------------------------------------------------------- PhraseMarker: emoji and other astral characters

EMOJI_TEXT = "🚨 BREAKING: the regime's puppets fled. 🇺🇦 Puppets? 𝐏uppets, ha ha ha."


def test_phrase_marker_offsets_are_code_points_with_emoji(home):
    from medialit.widgets.phrase_marker import code_points_to_utf16, utf16_to_code_points

    text = "🚨 BREAKING: the regime's puppets fled."
    start = text.index("puppets")                       # 25 code points, 26 UTF-16 code units
    assert start == 25 and code_points_to_utf16(text, start) == 26 == len(text[:start].encode("utf-16-le")) // 2
    assert utf16_to_code_points(text, 26) == 25 and utf16_to_code_points(text, 1) == 0   # inside the pair
    for i in range(len(EMOJI_TEXT) + 1):
        units = len(EMOJI_TEXT[:i].encode("utf-16-le")) // 2
        assert code_points_to_utf16(EMOJI_TEXT, i) == units and utf16_to_code_points(EMOJI_TEXT, units) == i

    pm = ml.PhraseMarker(None, CATS, text=text, activity="free:emoji")
    assert pm.add_phrase("puppets", "loaded language")["text"] == "puppets"
    # what the fixed front end sends: code-point offsets
    pm.data = {"marks": pm.marks + [{"start": 0, "end": 1, "text": "🚨", "category": "hedge", "note": ""}]}
    # what a front end from before the fix (still open in a browser tab) sends: UTF-16 offsets,
    # recognised by their text and converted; a mark saved by Python keeps its offsets
    pm.data = {"marks": pm.marks + [{"start": 17, "end": 25, "text": "regime's", "category": "hedge", "note": "old"}]}
    marks = saved(home, "free:emoji")["data"]["marks"]
    assert [(m["start"], m["end"], m["text"]) for m in marks] == [(0, 1, "🚨"), (16, 24, "regime's"),
                                                                     (25, 32, "puppets")]
    # a mark whose text matches neither reading keeps its offsets (and takes its text from the article)
    pm.data = {"marks": [{"start": 26, "end": 33, "text": "nonsense", "category": "hedge", "note": ""}]}
    assert pm.marks[0]["start"] == 26 and pm.marks[0]["text"] == "uppets "


def test_phrase_marker_find_does_not_overlap_and_ignores_case(home):
    pm = ml.PhraseMarker(None, CATS, text=EMOJI_TEXT, activity="free:find")
    assert pm.find("ha ha") == [EMOJI_TEXT.index("ha ha")]          # not twice in "ha ha ha"
    assert [EMOJI_TEXT[s:s + 7] for s in pm.find("PUPPETS")] == ["puppets", "Puppets"]
    pm.add_phrase("puppets", "hedge", occurrence=2)
    assert pm.marks[0]["text"] == "Puppets"


def _run_front_end(calls: list) -> list:
    """Run phrase_marker.js's offset and search helpers in Node; one result per ``(text, phrase)``."""
    import shutil
    import tempfile

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed, so the front end's offset conversion is not run here "
                    "(tests/browser/test_emoji_marks.py checks it in Chromium).")
    js = Path(ml.widgets.__file__).parent / "phrase_marker.js"
    script = """
import { offsetMap, findAll } from "./phrase_marker.mjs";
import fs from "fs";
const out = JSON.parse(fs.readFileSync(0, "utf8")).map(([text, phrase]) => {
  const map = offsetMap(text);
  const n = Array.from(text).length;
  const units = Array.from({ length: n + 1 }, (_, i) => map.toUnits(i));
  return { units, back: units.map((u) => map.toCodePoints(u)),
           found: findAll(text, phrase).map(([s, e]) => [map.toCodePoints(s), map.toCodePoints(e)]) };
});
console.log(JSON.stringify(out));
"""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "phrase_marker.mjs").write_bytes(js.read_bytes())
        (Path(tmp) / "run.mjs").write_text(script, encoding="utf-8")
        done = subprocess.run([node, "run.mjs"], cwd=tmp, input=json.dumps(calls), capture_output=True,
                              text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_phrase_marker_front_end_converts_offsets_like_python(home):
    """The browser's offsets (UTF-16) become Python's (code points), and the browser's "Which one"
    list finds the same places, in the same order, as ``PhraseMarker.find``."""
    import random

    from medialit.widgets.phrase_marker import code_points_to_utf16

    calls = [(EMOJI_TEXT, "puppets"), (EMOJI_TEXT, "ha ha"), (EMOJI_TEXT, "🇺🇦"), ("", "x"),
             ("lone \ud83d surrogate puppets", "puppets"), ("İstanbul, istanbul, ıstanbul", "ISTANBUL"),
             ("Straße STRASSE straẞe ſtraße", "straße"), ("a.b a*b (a) [a]", "(a)")]
    chars = list("aAiIİısSſkKxß ẞΣσς.*[(é") + ["e\u0301", "🚨", "😀", "𝐏", "🇺🇦"]
    rnd = random.Random(15)
    for _ in range(300):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 14)))
        start = rnd.randint(0, len(text))
        phrase = text[start:start + rnd.randint(1, 3)] or rnd.choice(chars)
        calls.append((text, phrase))
    for (text, phrase), got in zip(calls, _run_front_end(calls), strict=True):
        units = [code_points_to_utf16(text, i) for i in range(len(text) + 1)]
        assert got["units"] == units and got["back"] == list(range(len(text) + 1)), text
        if text.count("\ud83d"):
            continue  # a lone surrogate: Python's find is not asked about it
        pm = ml.PhraseMarker(None, CATS, text=text, activity="free:cmp") if text else None
        want = [[s, s + len(phrase)] for s in pm.find(phrase)] if pm else []
        assert got["found"] == want, (text, phrase)
    assert _run_front_end([(EMOJI_TEXT, "puppets")])[0]["found"][0] == [25, 32]


def test_phrase_marker_finds_whole_words_first(home):
    """Browser QA: typing "the" listed "o[the]rwise" and "o[the]rs". Whole words come first on both
    sides (Python and the browser's "Which one" list); part of a word is found only when the text
    has no whole-word place."""
    text = "The others, otherwise the rest. Rest-of-the-world: the_end 4x4x"
    pm = ml.PhraseMarker(None, CATS, text=text, activity="free:words")
    assert [text[s:s + 3] for s in pm.find("the")] == ["The", "the", "the"]
    assert pm.find("the") == [0, text.index("the rest"), text.index("the-world")]
    assert pm.find("otherw") == [text.index("otherwise")]          # no whole word: part of one
    assert pm.find(", other") == [text.index(", other")]             # starts with a comma: no check there
    assert pm.find("4x") == [text.index("4x4x"), text.index("4x4x") + 2]   # only inside a word: fallback
    calls = [(text, p) for p in ("the", "otherw", ", other", "4x", "rest", "the_")]
    for (_t, p), got in zip(calls, _run_front_end(calls), strict=True):
        assert got["found"] == [[s, s + len(p)] for s in pm.find(p)], p


def test_release_0_1_phrase_marks_keep_their_offsets(tmp_path, monkeypatch):
    """Marks saved by 0.1 (offsets into texts without emoji) load unchanged through the new code."""
    home = tmp_path / "answers"
    home.mkdir()
    for p in (FIXTURES / "answers").iterdir():
        (home / p.name).write_bytes(p.read_bytes())
    monkeypatch.setenv("MEDIALIT_HOME", str(home))
    art = "southfront_2026"
    text = ml.load_article(art).text
    old = json.loads((FIXTURES / "answers" / "ada.json").read_text(encoding="utf-8"))
    for m in old["activities"][f"02:phrases:{art}"]["data"]["marks"]:
        pm = ml.PhraseMarker(art, {"hedge": "softens", "loaded word": "charged"}, activity=f"02:phrases:{art}",
                             learner="ada")
        assert any((k["start"], k["end"]) == (m["start"], m["end"]) and k["text"] == text[m["start"]:m["end"]]
                   for k in pm.marks)


def test_the_overview_of_a_long_article_is_a_window_around_the_current_sentence(tmp_path, monkeypatch):
    from medialit.data import Article, segment
    from medialit.widgets import sentence_labeller as sl

    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path))
    monkeypatch.setenv("MEDIALIT_LEARNER", "ada")
    text = "\n\n".join(f"Officials said item {i} was ready." for i in range(sl.OVERVIEW_ALL + 200))
    art = Article("long", text, {"title": "long"}, segment(text))
    lab = ml.SentenceLabeller(art, LABELS, activity="t:long")
    assert lab.overview.value.count("<tr") == sl.OVERVIEW_WINDOW + 1       # rows + header
    lab.show(450)
    html = lab.overview.value
    assert "aria-current='true'" in html and "item 450 " in html and "item 10 " not in html
    assert f"of {sl.OVERVIEW_ALL + 200} and your labels" in html
    short = ml.SentenceLabeller("southfront_2026", LABELS, activity="t:short")
    assert "All sentences and your labels" in short.overview.value


# ---------------------------------------------------------------- two tabs, one learner (defect 2)


def _conflict_copies(home, learner="tester"):
    return sorted(home.glob(f"{learner}.json.conflict-*"))


def test_two_tabs_labelling_different_sentences_keep_both(home):
    """Tab B was opened before tab A labelled s002; B's save must not erase it, and A's next save
    must not erase B's label either: labels are independent items, so they merge."""
    tab_a = ml.SentenceLabeller(ARTICLE, LABELS, label_set="fact-opinion")
    tab_b = ml.SentenceLabeller(ARTICLE, LABELS, label_set="fact-opinion")
    tab_a.set_label("s002", "opinion")
    tab_b.set_label("s003", "fact")
    labels = saved(home, f"labels:{ARTICLE}")["data"]["labels"]
    assert {k: v["label"] for k, v in labels.items()} == {"s002": "opinion", "s003": "fact"}
    assert tab_b.data["labels"]["s002"]["label"] == "opinion"  # tab B now shows tab A's label
    assert tab_b.status.startswith(wbase.ELSEWHERE) and "Saved" in tab_b.status
    assert "⚠" in tab_b.status_html.value and "Not saved" not in tab_b.status_html.value
    tab_a.set_label("s004", "other")                            # tab A, which still says "Saved"
    labels = saved(home, f"labels:{ARTICLE}")["data"]["labels"]
    assert set(labels) == {"s002", "s003", "s004"} and tab_a.data["labels"]["s003"]["label"] == "fact"
    assert wbase.ELSEWHERE in tab_a.status and not _conflict_copies(home)
    tab_a.set_label("s005", "fact")                             # nothing new elsewhere: a plain save
    assert tab_a.status.startswith("Saved")


def test_two_tabs_changing_the_same_item_keep_ours_and_a_copy_of_theirs(home):
    tab_a = ml.SentenceLabeller(ARTICLE, LABELS, label_set="fact-opinion")
    tab_b = ml.SentenceLabeller(ARTICLE, LABELS, label_set="fact-opinion")
    tab_a.set_label("s002", "opinion", note="from tab A")
    tab_b.set_label("s002", "fact")
    rec = saved(home, f"labels:{ARTICLE}")
    assert rec["data"]["labels"]["s002"]["label"] == "fact"      # ours (the latest save) is saved
    [copy_] = _conflict_copies(home)                             # theirs is kept, not lost
    kept = json.loads(copy_.read_text(encoding="utf-8"))
    assert kept["activities"][f"labels:{ARTICLE}"]["data"]["labels"]["s002"]["note"] == "from tab A"
    assert tab_b.conflict_file == copy_ and copy_.name in tab_b.status and wbase.ELSEWHERE in tab_b.status
    assert json.loads((home / "tester.json").read_text())["activities"]  # the answers file is still whole


def test_two_tabs_merge_checklists_and_ledger_rows(home):
    pc_a, pc_b = ml.ProvenanceChecklist(ARTICLE), ml.ProvenanceChecklist(ARTICLE)
    pc_a.choice["author"].value = "no"
    pc_b.choice["date"].value = "yes"
    answers = saved(home, f"provenance:{ARTICLE}")["data"]["answers"]
    assert answers["author"]["answer"] == "no" and answers["date"]["answer"] == "yes"
    led_a = ml.ClaimLedger(ARTICLE)
    led_a.add_row("claim from A")
    led_b = ml.ClaimLedger(ARTICLE)                       # opened after A's first row
    led_a.edit_row(0, claimant="the outlet")
    led_b.add_row("claim from B")                         # rows merge by id
    rows = saved(home, f"claims:{ARTICLE}")["data"]["rows"]
    assert [r["claim"] for r in rows] == ["claim from A", "claim from B"] and rows[0]["claimant"] == "the outlet"
    assert len({r["id"] for r in rows}) == 2 and not _conflict_copies(home)
    led_c, led_d = ml.ClaimLedger(ARTICLE), ml.ClaimLedger(ARTICLE)
    led_c.add_row("new in C")                             # both tabs make a row with the same new id:
    led_d.add_row("new in D")                             # two rows, the later one takes the next id
    rows = saved(home, f"claims:{ARTICLE}")["data"]["rows"]
    assert sorted(r["claim"] for r in rows) == ["claim from A", "claim from B", "new in C", "new in D"]
    assert len({r["id"] for r in rows}) == 4 and not _conflict_copies(home)
    led_c.edit_row(len(led_c.rows) - 1, claimant="C's source")  # C's own row, as C knows it
    rows = {r["claim"]: r for r in saved(home, f"claims:{ARTICLE}")["data"]["rows"]}
    assert rows["new in C"]["claimant"] == "C's source" and rows["new in D"]["claimant"] == ""
    assert len(rows) == 4


def test_a_stale_tab_cannot_change_a_finished_skills_check(home):
    a, b = ml.SkillsCheck("before"), ml.SkillsCheck("before")
    item = [i for i in a.form.auto_items if i.type in ("choice", "label")][0]
    first, other = list(item.options)[:2]
    a.set_answer(item.id, first)
    b._quiet_set(a.data)
    b._synced = json.loads(json.dumps(a.data))           # B saw A's answer, not the lock
    a.finish(force=True)
    with contextlib.suppress(ValueError):
        b.set_answer(item.id, other)
    data = saved(home, "skills-check:before")["data"]
    assert data["finished"] is True and data["answers"][item.id] == first
    assert b.finished and b.data["answers"][item.id] == first


def test_merge3_rules():
    base = {"labels": {"s1": {"label": "a"}}, "marks": [{"start": 0, "end": 3, "category": "x"}], "steps": ["p"]}
    theirs = {"labels": {"s1": {"label": "a"}, "s2": {"label": "b"}},
              "marks": [{"start": 0, "end": 3, "category": "x"}, {"start": 5, "end": 9, "category": "y"}],
              "steps": ["p", "q"]}
    mine = {"labels": {}, "marks": [], "steps": ["p"]}
    merged, clashes = wbase.merge3(base, theirs, mine)
    assert merged == {"labels": {"s2": {"label": "b"}}, "marks": [{"start": 5, "end": 9, "category": "y"}],
                      "steps": ["p", "q"]} and clashes == []
    merged, clashes = wbase.merge3(base, theirs, dict(mine, steps=["p", "r"]))
    assert merged["steps"] == ["p", "r"] and clashes == ["/steps"]  # an ordered list is one value
    merged, clashes = wbase.merge3({"a": 1}, {"a": 2}, {"a": 2})
    assert merged == {"a": 2} and clashes == []


# ---------------------------------------------------------------- long text is never cut (defect 3)


def test_key_buttons_fit_their_text_and_field_descriptions_their_labels(home):
    from medialit.widgets.claim_anatomy import FieldsAnswer

    key = ml.KeyReveal("01b-drift-key", lambda: "key", label="Show the word-by-word comparison")
    assert key.button.layout.width == "fit-content" and key.button.layout.max_width == "100%"
    assert "medialit-fit" in key.button._dom_classes
    assert "medialit-fit" in ml.HandIn("02-ex1").button._dom_classes
    box = FieldsAnswer("03-checkers-good-for")
    longest = max(len(b.description) for b in box.inputs.values())
    assert longest >= 30  # "DeepStateMap (Ukrainian volunteers)"
    for field in box.inputs.values():
        width = field.style.description_width
        assert width.endswith("ch") and int(width[:-2]) >= min(longest, wbase.DESCRIPTION_CHARS)
    css = (Path(wbase.__file__).parent / "keyboard_assist.js").read_text(encoding="utf-8")
    rule = css[css.index(".medialit-widget .jupyter-button.medialit-fit"):]
    assert "white-space: normal" in rule[:400] and "width: fit-content" in rule[:400]
    label_rule = css[css.index(".medialit-widget .widget-inline-hbox > .widget-label"):]
    assert "white-space: normal" in label_rule[:300]


def test_focus_key_gives_a_widget_one_key_and_a_safe_class_name():
    import ipywidgets

    button = ipywidgets.Button(description="Down")
    assert wbase.focus_key(button, "step 3/down") is button
    assert [c for c in button._dom_classes if c.startswith("medialit-fk-")] == ["medialit-fk-step_3_down"]
    wbase.focus_key(button, "step4-down")  # a new key replaces the old one
    assert [c for c in button._dom_classes if c.startswith("medialit-fk-")] == ["medialit-fk-step4-down"]
    js = (Path(wbase.__file__).parent / "keyboard_assist.js").read_text(encoding="utf-8")
    for name in (wbase.FOCUS_KEY_PREFIX, wbase.FOCUS_FALLBACK, wbase.FOCUS_ROW):
        assert name in js  # the classes the browser side looks for


# ---------------------------------------------------------------- the no-name hint in Voila (defect 4)


def test_no_name_hint_in_voila_points_to_the_box_on_the_page(nobody, monkeypatch):
    from medialit.widgets.claim_anatomy import FieldsAnswer

    assert "start notebook" in store.no_learner_message()           # JupyterLab: either place works
    monkeypatch.setenv("VOILA_KERNEL_ID", "k1")
    hint = store.no_learner_message()
    assert "start notebook" not in hint and "Learner id" in hint and "top of this page" in hint
    lab, answer, fields, hand_in = (ml.SentenceLabeller(ARTICLE, LABELS), ml.Answer("02-ex1-attributed-wrong"),
                                    FieldsAnswer("03-anatomy-huliaipole"), ml.HandIn("02-ex1"))
    shown = [lab.saving_as, lab.status, lab.owner_html.value, answer.owner_html.value, fields.owner_html.value,
             hand_in.owner_html.value, str(store.NoLearnerError())]
    for text in shown:
        assert "start notebook" not in text and "Learner id" in text.replace("&quot;", '"')


def test_display_path_is_short_inside_the_course_and_the_home_folder(tmp_path, monkeypatch):
    """Browser QA: on a hub, save and conflict messages showed the server's whole path."""
    from medialit import paths

    monkeypatch.setenv("HOME", str(tmp_path))
    inside = paths.repo_root() / "answers" / "alice.json"
    assert wbase.display_path(inside) == "answers/alice.json"
    assert wbase.display_path(tmp_path / "answers" / "alice.json.conflict-1") == "~/answers/alice.json.conflict-1"
    elsewhere = Path("/srv/class/alice.json")
    assert wbase.display_path(elsewhere) == str(elsewhere)

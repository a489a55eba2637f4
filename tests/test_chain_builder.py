"""The republication-chain builder (lesson 01): its key, its feedback and the widget."""
from __future__ import annotations

import json

import ipywidgets as w
import pytest

import medialit as ml
from medialit import chains, evidence_record, schema, store
from medialit.widgets import base as wbase

ARTICLES = ("southfront_2026", "voltaire_2024", "linternaute_mt_2024")


# ---------------------------------------------------------------- the key


def test_key_follows_each_articles_recorded_chain():
    key = chains.load_chain_key()
    assert set(key) == set(ARTICLES)
    for aid in ARTICLES:
        entry = chains.chain_of(aid)
        assert len(entry["steps"]) == len(ml.republication_chain(aid)) >= 2, aid
        assert len(entry["distractors"]) >= 1, aid


def test_every_step_cites_existing_evidence_and_ids_are_unique():
    known = evidence_record.records()
    ids = []
    for aid in ARTICLES:
        entry = chains.chain_of(aid)
        for step in entry["steps"] + entry["distractors"]:
            ids.append(step["id"])
            assert step["label"] and step["why"] and step["evidence"], step["id"]
            assert len(step["id"]) <= schema.LIMITS.short
            for ev in step["evidence"]:
                assert known.get(ev) is not None, f"{step['id']} cites unknown record {ev}"
    assert len(ids) == len(set(ids))


def test_pool_mixes_steps_and_distractors_in_an_order_that_gives_nothing_away():
    pool = chains.chain_pool("voltaire_2024")
    assert [s["label"].lower() for s in pool] == sorted(s["label"].lower() for s in pool)
    assert {s["in_chain"] for s in pool} == {True, False}
    with pytest.raises(ValueError, match="no chain to build"):
        chains.chain_pool("nato_treaty_1949")


# ---------------------------------------------------------------- feedback


def _results(fb):
    return [(r.step, r.result) for r in fb.rows]


def test_the_key_order_is_complete_and_right():
    steps = [s["id"] for s in chains.chain_of("voltaire_2024")["steps"]]
    fb = chains.chain_feedback(steps, "voltaire_2024")
    assert fb.complete and fb.missing_count == 0
    assert "none is missing" in fb.summary()


def test_one_misplaced_step_is_out_of_order_the_others_stay_in_order():
    fb = chains.chain_feedback(["vn-swiss-standpoint", "vn-uncutnews", "vn-newsletter"], "voltaire_2024")
    assert _results(fb) == [("vn-swiss-standpoint", "in order"), ("vn-uncutnews", "in order"),
                            ("vn-newsletter", "out of order")]
    assert not fb.complete


def test_two_swapped_steps_are_both_out_of_order():
    # neither step of a swapped pair is in its place: calling the copy "in order" and the original
    # "out of order" (the first rule) told the learner the copy came first
    fb = chains.chain_feedback(["sf-brighteon", "sf-publishes"], "southfront_2026")
    assert fb.counts() == {"in order": 0, "out of order": 2, "not in this chain": 0}
    # one step moved among others: the others stay in order
    assert chains._longest_in_order([0, 3, 1, 2]) == {0, 2, 3} and chains._longest_in_order([0, 2, 1, 3]) == {0, 3}


def test_distractor_gets_its_reason_and_missing_steps_are_counted_not_named():
    fb = chains.chain_feedback(["mt-english-first"], "linternaute_mt_2024")
    assert _results(fb) == [("mt-english-first", "not in this chain")]
    assert "French" in fb.rows[0].why
    assert fb.missing_count == 2
    summary = fb.summary()
    assert "2 steps of the chain are missing" in summary
    html = chains.feedback_html(fb)._repr_html_()
    assert "Linternaute.com publishes the French article" not in html  # the key stays hidden


def test_empty_repeated_and_unknown_steps():
    assert "empty" in chains.chain_feedback([], "voltaire_2024").summary()
    fb = chains.chain_feedback(["vn-newsletter", "vn-newsletter", "nonsense", 7], "voltaire_2024")
    assert _results(fb) == [("vn-newsletter", "in order")]
    assert fb.unknown == ["nonsense"]


def test_key_view_names_every_step_and_where_the_learner_had_it():
    view = chains.key_view("voltaire_2024", {"steps": ["vn-swiss-standpoint", "vn-newsletter"]})
    text = str(view)
    assert "your step 1 (out of order)" in text and "your step 2 (out of order)" in text  # swapped
    assert "you left it out" in text  # uncutnews
    assert "uncutnews.ch" in view._repr_html_() and "<table" in view._repr_html_()


# ---------------------------------------------------------------- the record shape


def test_clean_chain_lenient_and_strict():
    clean, problems = schema.clean_chain({"steps": ["a", "a", 3, "b"]}, strict=True)
    assert clean == {"steps": ["a", "b"]} and [p.code for p in problems] == ["not_text"]
    assert schema.clean_chain({"steps": ["a", 3]}, strict=False)[0] == {"steps": ["a", "3"]}
    assert schema.clean_chain(None, strict=False)[0] == {"steps": []}
    assert schema.clean_chain({"steps": "a"}, strict=True)[0] is None
    assert schema.clean_chain({"steps": ["x" * 81]}, strict=True)[0] == {"steps": []}
    assert "chain" in schema.KINDS and schema.DEFAULT_PREFIX["chain"] == "chain"


def test_dashboard_reads_chains(tmp_path):
    sub = {"format": "medialit-submission", "schema_version": 1, "learner": "ana", "exported": "2026-12-06T10:00:00Z",
           "medialit_version": "x", "activities": {
               "01:chain:voltaire_2024": {"kind": "chain", "article": "voltaire_2024", "updated": "2026-12-06T10:00:00Z",
                                          "data": {"steps": ["vn-newsletter", "vn-swiss-standpoint"]}},
               "01:chain:southfront_2026": {"kind": "chain", "article": "southfront_2026",
                                            "updated": "2026-12-06T10:00:00Z", "data": {"answer": 1}}}}
    (tmp_path / "ana.submission.json").write_text(json.dumps(sub), encoding="utf-8")
    cls = ml.load_class(tmp_path)
    assert list(cls.chains["step"]) == ["vn-newsletter", "vn-swiss-standpoint"]
    assert list(cls.chains["position"]) == [1, 2]
    assert "chains" in cls.tables()


# ---------------------------------------------------------------- the widget


def test_builder_saves_every_change_and_restores_it(home):
    ml.lesson("01")
    try:
        b = ml.ChainBuilder("voltaire_2024")
        assert b.activity == "01:chain:voltaire_2024"
        b.add("vn-swiss-standpoint")
        b.add("vn-newsletter")
        b.move("vn-newsletter", -1)
        assert store.get_activity("01:chain:voltaire_2024")["data"]["steps"] == ["vn-newsletter", "vn-swiss-standpoint"]
        b.remove(2)
        assert store.get_activity("01:chain:voltaire_2024")["data"]["steps"] == ["vn-newsletter"]
        assert "saved chain is back" not in b.feedback_html.value
        again = ml.ChainBuilder("voltaire_2024")  # the cell run again, or a new kernel
        assert again.steps == ["vn-newsletter"] and again.restored
        # browser QA: after a reload nothing said where the feedback had gone
        assert "Your saved chain is back. Press <b>Check my chain</b>" in again.feedback_html.value
        again.check()
        assert "saved chain is back" not in again.feedback_html.value
    finally:
        ml.lesson(None)


def test_builder_controls_are_buttons_and_a_dropdown(home):
    b = ml.ChainBuilder("southfront_2026", activity="t:chain")
    assert isinstance(b.picker, w.Dropdown) and isinstance(b.add_button, w.Button)
    b.picker.value = "sf-publishes"
    b.add_button.click()  # what Enter or Space on the focused button does
    assert b.steps == ["sf-publishes"]
    assert "sf-publishes" not in [v for _, v in b.picker.options]  # a chosen step leaves the list
    b.add("sf-brighteon")
    up = b.chain_box.children[1].children[1]
    assert isinstance(up, w.Button) and up.description == "Up"
    up.click()
    assert b.steps == ["sf-brighteon", "sf-publishes"]
    assert b.chain_box.children[0].children[1].disabled  # the first step cannot move up


def _keys(widget) -> list[str]:
    return [c for c in widget._dom_classes if c.startswith(wbase.FOCUS_KEY_PREFIX)]


def test_a_moved_step_keeps_its_buttons_so_the_keyboard_focus_can_follow_it(home):
    """Keyboard walk-through: after Up/Down/Remove the focus fell back to the top of the page,
    because every press built new buttons. Each step now keeps its row (same widgets, same focus
    keys, which keyboard_assist.js uses to put the focus back); numbers, tooltips and disabled
    buttons follow the new places."""
    b = ml.ChainBuilder("voltaire_2024", activity="t:chain")
    ids = [s["id"] for s in b.pool][:4]
    b.set_steps(ids)
    rows = dict(zip(ids, b.chain_box.children, strict=True))
    keys = [k for row in rows.values() for button in row.children[1:] for k in _keys(button)]
    assert len(keys) == 12 == len(set(keys))  # one key per button, unique in the widget
    assert all(wbase.FOCUS_ROW in row._dom_classes for row in rows.values())
    moving = rows[ids[0]]
    number, up, down, out = moving.children
    down_key = _keys(down)
    down.click()  # Space or Enter on the focused Down button
    down.click()  # again, on the same button (the focus stayed on it)
    assert b.steps == [ids[1], ids[2], ids[0], ids[3]]
    assert list(b.chain_box.children) == [rows[ids[1]], rows[ids[2]], moving, rows[ids[3]]]  # reordered, not rebuilt
    assert moving.children == (number, up, down, out) and _keys(down) == down_key
    assert number.value.startswith("<p style='margin:4px 8px 4px 0'><b>3.</b>")
    assert (up.tooltip, down.tooltip, out.tooltip) == ("Move step 3 up", "Move step 3 down", "Take step 3 out")
    assert not up.disabled and not down.disabled
    assert rows[ids[1]].children[1].disabled and rows[ids[1]].children[1].tooltip == "Move step 1 up"
    down.click()  # to the last place: Down is disabled there (the focus then goes to its row's Up)
    assert b.steps[-1] == ids[0] and down.disabled and down.tooltip == "Move step 4 down"
    assert not rows[ids[3]].children[2].disabled and rows[ids[3]].children[2].tooltip == "Move step 3 down"
    # Remove: that step's row is closed, the others are kept as they are
    gone = rows[ids[2]]
    gone.children[3].click()
    assert b.steps == [ids[1], ids[3], ids[0]]
    assert list(b.chain_box.children) == [rows[ids[1]], rows[ids[3]], moving]
    assert gone.comm is None and all(child.comm is None for child in gone.children)
    assert moving.children[3].tooltip == "Take step 3 out"
    # a step taken out and added again gets a new row with the same keys
    b.add(ids[2])
    again = b.chain_box.children[-1]
    assert again is not gone and [_keys(x) for x in again.children[1:]] == [_keys(x) for x in gone.children[1:]]
    # with no step left, the focus goes to the list of steps
    b.set_steps([])
    assert [c.value for c in b.chain_box.children] == ["<p style='margin:4px 0'><i>Your chain is empty.</i></p>"]
    assert wbase.FOCUS_FALLBACK in b.picker._dom_classes and not rows[ids[1]].comm


def test_builder_feedback_after_check_and_kept_up_to_date(home):
    b = ml.ChainBuilder("southfront_2026", activity="t:chain")
    assert b.feedback_html.value == ""  # nothing before the learner asks
    b.add("sf-from-brighteon")
    fb = b.check()
    assert fb.rows[0].result == "not in this chain" and "not in this chain" in b.feedback_html.value
    b.remove("sf-from-brighteon")
    b.add("sf-publishes")
    b.add("sf-brighteon")
    assert "none is missing" in b.feedback_html.value and b.feedback().complete


def test_builder_refuses_unknown_steps_and_drops_unknown_saved_ones(home):
    b = ml.ChainBuilder("southfront_2026", activity="t:chain")
    with pytest.raises(ValueError, match="not a step of this list"):
        b.add("vn-newsletter")
    with pytest.raises(ValueError, match="There is no step 3"):
        b.remove(3)
    store.put_activity("t:chain2", {"steps": ["gone", "sf-publishes"]}, kind="chain", article="southfront_2026")
    assert ml.ChainBuilder("southfront_2026", activity="t:chain2").steps == ["sf-publishes"]
    with pytest.raises(ValueError, match="no chain to build"):
        ml.ChainBuilder("nato_treaty_1949", activity="t:chain3")


def test_learner_text_is_escaped(home):
    key = {"southfront_2026": {"steps": [{"id": "a", "label": "<b>x</b>", "why": "", "evidence": []}],
                               "distractors": [{"id": "b", "label": "<i>y</i>", "why": "<script>", "evidence": []}]}}
    b = ml.ChainBuilder("southfront_2026", key=key, activity="t:chain")
    b.add("b")
    b.check()
    assert "<script>" not in b.feedback_html.value and "&lt;i&gt;y&lt;/i&gt;" in b.chain_box.children[0].children[0].value


def test_an_optional_step_may_be_left_out_but_still_counts_when_chosen():
    fb = chains.chain_feedback(["vn-newsletter", "vn-swiss-standpoint"], "voltaire_2024")
    assert fb.complete and fb.missing_count == 0       # vn-uncutnews is optional (unconfirmed)
    assert "optional" in chains.key_view("voltaire_2024", {"steps": ["vn-newsletter"]}).text
    fb = chains.chain_feedback(["vn-uncutnews", "vn-newsletter", "vn-swiss-standpoint"], "voltaire_2024")
    assert [r.result for r in fb.rows].count("out of order") == 1 and not fb.complete
    assert chains.chain_feedback(["vn-newsletter"], "voltaire_2024").missing_count == 1


def test_the_chain_key_is_read_again_when_its_file_changes(tmp_path, monkeypatch):
    """Like the question bank, the chain key is cached only while its file stays the same."""
    import hashlib
    import shutil

    from medialit import chains, data

    root = tmp_path / "course"
    shutil.copytree(data.paths.repo_root() / "data", root / "data")
    monkeypatch.setenv("MEDIALIT_ROOT", str(root))
    key_path = root / "data" / "keys" / f"{chains.CHAIN_KEY}.yaml"
    before = chains.load_chain_key()
    first = next(iter(before))
    old_text = key_path.read_text(encoding="utf-8")
    step_label = before[first]["steps"][0]["label"]
    new_text = old_text.replace(step_label, step_label + " (edited)", 1)
    assert new_text != old_text
    key_path.write_text(new_text, encoding="utf-8")
    mf = root / "data" / "keys" / "datapackage.yaml"
    mf.write_text(mf.read_text(encoding="utf-8").replace(hashlib.sha256(old_text.encode()).hexdigest(),
                                                        hashlib.sha256(new_text.encode()).hexdigest()),
                  encoding="utf-8")
    after = chains.load_chain_key()
    assert after[first]["steps"][0]["label"] == step_label + " (edited)"

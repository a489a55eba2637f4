"""ml.Answer (exercise answers in widgets) and ml.HandIn (the hand-in box at the end of every
exercise): inputs chosen from the key, the same feedback as ml.check, saved through check(),
restored, following the learner id; the exercises use them and their model answers agree with
the keys in strict mode."""
from __future__ import annotations

import ast
import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import ipywidgets as w
import pytest
import traitlets

import medialit as ml
from medialit import data, feedback, store
from medialit.widgets import answer as answer_mod
from medialit.widgets import handin as handin_mod

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = sorted((ROOT / "content").glob("[0-9][0-9]_*_ex[0-9].py"))

KEY = """
questions:
  w-choice:
    type: choice
    answer: Wednesday
    accept: [wed]
    choices: [Monday, Wednesday, Saturday]
    hints: {Saturday: "That is what the article says; check a calendar."}
  w-rung:
    type: choice
    answer: "1"
    choices: {"0": "0 · bare assertion", "1": "1 · one side says so"}
  w-sentence:
    type: choice
    answer: s005
    article: nato_treaty_1949
    choices: [s004, s005]
  w-nochoices:
    type: choice
    answer: x
  w-text:
    type: text
    answer: Tashkent
  w-number:
    type: number
    answer: 9
  w-date:
    type: date
    answer: 2024-02-10
  w-set:
    type: set
    answer: [would, bills]
    choices: [would, bills, debts]
  w-labels:
    type: labels
    answer: {s002: opinion, s003: [attributed report, quotation]}
  w-free:
    type: free
    min_words: 5
    points: [the date, the place]
"""


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(data.paths.repo_root() / "data", root / "data")
    (root / "data" / "keys" / "widget_key.yaml").write_text(KEY)
    mf = root / "data" / "keys" / "datapackage.yaml"
    digest = hashlib.sha256(KEY.encode()).hexdigest()
    mf.write_text(mf.read_text().rstrip() + f"\n  - name: widget_key\n    path: widget_key.yaml\n    sha256: {digest}\n")
    return root


@pytest.fixture()
def course(course_copy, monkeypatch):
    monkeypatch.setenv("MEDIALIT_ROOT", str(course_copy))
    monkeypatch.setenv("MEDIALIT_LEARNER", "tester")
    monkeypatch.delenv("MEDIALIT_STRICT", raising=False)
    feedback._all_questions.cache_clear()
    yield course_copy
    feedback._all_questions.cache_clear()


def saved(qid, learner="tester"):
    record = store.get_activity(f"check:{qid}", learner=learner)
    return None if record is None else record["data"]


def same_feedback(widget, qid, answer):
    """The widget shows exactly the feedback ml.check gives for the same answer."""
    expected = feedback.check(qid, answer, save=False)
    assert str(widget.feedback) == str(expected)
    assert widget.feedback_html.value == expected._repr_html_()


# ---------------------------------------------------------------- inputs from the key


def test_each_type_gets_its_input(course):
    assert isinstance(ml.Answer("w-choice").input, w.RadioButtons)
    assert [t for t, _v in ml.Answer("w-choice").input.options] == ["Monday", "Wednesday", "Saturday"]
    assert [v for _t, v in ml.Answer("w-rung").options] == ["0", "1"]
    assert ml.Answer("w-rung").input.options[1] == ("1 · one side says so", "1")
    for qid in ("w-text", "w-number", "w-date"):
        assert isinstance(ml.Answer(qid).input, w.Text) and not ml.Answer(qid).input.continuous_update
    assert "10 February 2024" in ml.Answer("w-date").input.placeholder
    assert isinstance(ml.Answer("w-free").input, w.Textarea)
    boxes = ml.Answer("w-set").boxes
    assert [b.description for b in boxes] == ["would", "bills", "debts"] and all(isinstance(b, w.Checkbox) for b in boxes)


def test_sentence_question_offers_ids_with_their_text(course):
    a = ml.Answer("w-sentence")
    art = ml.load_article("nato_treaty_1949")
    assert [v for _t, v in a.options] == ["s004", "s005"]
    assert a.options[1][0] == f"s005: {art.sentence('s005').text}"
    assert a.input.description == "Sentence"


def test_plain_errors(course):
    with pytest.raises(KeyError, match="Did you mean"):
        ml.Answer("w-choise")
    with pytest.raises(ValueError, match="no 'choices'"):
        ml.Answer("w-nochoices")
    with pytest.raises(ValueError, match="source=labeller"):
        ml.Answer("w-labels")
    with pytest.raises(ValueError, match="not one of the choices"):
        ml.Answer("w-choice").set_value("Friday")


def test_widget_is_labelled_and_keyboard_ready(course):
    a = ml.Answer("w-text")
    assert "medialit-widget" in a._dom_classes and "medialit-answer" in a._dom_classes
    assert any(type(c).__name__ == "KeyboardAssist" for c in a.children)
    assert a.input.description == "Your answer" and a.input.description_allow_html is False
    assert "Saving as: tester" in a.owner_html.value


# ---------------------------------------------------------------- feedback and saving


@pytest.mark.parametrize("qid, given, stored, status", [
    ("w-choice", "Saturday", "Saturday", "wrong"),
    ("w-choice", "Wednesday", "Wednesday", "correct"),
    ("w-rung", "1", "1", "correct"),
    ("w-text", "  tashkent ", "  tashkent ", "correct"),
    ("w-number", "9", "9", "correct"),
    ("w-date", "10 February 2024", "10 February 2024", "correct"),
    ("w-date", "10/02/2024", "10/02/2024", "wrong"),
    ("w-set", ["would", "debts"], ["would", "debts"], "partly"),
])
def test_change_gives_check_feedback_and_saves_through_check(course, qid, given, stored, status):
    a = ml.Answer(qid)
    assert saved(qid) is None  # building the widget writes nothing
    a.set_value(given)
    assert a.feedback.status == status
    same_feedback(a, qid, given)
    rec = saved(qid)
    assert rec["answer"] == stored and rec["correct"] == {"correct": True}.get(status, False)
    doc = store.load_answers("tester")
    assert doc["activities"][f"check:{qid}"]["kind"] == "check"


def test_hint_of_the_key_is_shown(course):
    a = ml.Answer("w-choice")
    a.input.value = "Saturday"  # as a click in the browser does
    assert "check a calendar" in a.feedback_html.value


def test_free_answer_is_for_the_teacher_with_a_live_word_count(course):
    a = ml.Answer("w-free")
    assert "0 words (at least 5)" in a.words.value
    a.input.value = "Too short here"
    assert "3 words (at least 5)" in a.words.value
    assert a.feedback.correct is None and a.feedback.for_teacher
    text = "It was said in Naples on 26 May 2024, to reporters."
    a.input.value = text
    assert "11 words (at least 5) ✔" in a.words.value
    rec = saved("w-free")
    assert rec["answer"] == text and rec["correct"] is None and rec["status"] == "for teacher"
    assert "☐" in a.feedback_html.value and "the place" in a.feedback_html.value


def test_empty_answer_is_not_saved_and_says_so(course):
    a = ml.Answer("w-text")
    a.set_value("Tashkent")
    a.set_value("")
    assert a.feedback is None
    assert "your last answer stays saved" in a.feedback_html.value
    assert saved("w-text")["answer"] == "Tashkent"


def test_strict_mode_never_raises_on_a_learners_answer(course, monkeypatch):
    monkeypatch.setenv("MEDIALIT_STRICT", "1")
    a = ml.Answer("w-choice")
    a.set_value("Saturday")  # wrong: ml.check would raise here in strict mode
    assert a.feedback.status == "wrong"
    import os

    assert os.environ["MEDIALIT_STRICT"] == "1"
    with pytest.raises(AssertionError):
        ml.check("w-choice", "Saturday")


# ---------------------------------------------------------------- saved work


def test_saved_answer_comes_back_without_writing(course):
    ml.Answer("w-set").set_value(["would", "bills"])
    ml.Answer("w-free").set_value("one two three four five six")
    before = store.answers_path("tester").read_bytes()
    s = ml.Answer("w-set")
    assert [b.value for b in s.boxes] == [True, True, False] and s.feedback.status == "correct"
    f = ml.Answer("w-free")
    assert f.input.value == "one two three four five six" and "6 words" in f.words.value
    assert store.answers_path("tester").read_bytes() == before


def test_answer_of_an_earlier_release_loads_and_is_escaped(course):
    # release 0.1 saved any text for a choice question, and marked long free answers correct
    store.put_activity("check:w-choice", {"answer": "<img src=x onerror=alert(1)>", "correct": False}, kind="check")
    store.put_activity("check:w-free", {"answer": "an old answer of six words", "correct": True}, kind="check")
    a = ml.Answer("w-choice")
    assert a.input.value is None
    assert "&lt;img src=x" in a.feedback_html.value and "<img" not in a.feedback_html.value
    assert "not one of the choices" in a.feedback_html.value
    f = ml.Answer("w-free")
    assert f.input.value == "an old answer of six words" and f.feedback.for_teacher and f.feedback.correct is None


def test_no_learner_yet_then_chosen(course, monkeypatch):
    monkeypatch.delenv("MEDIALIT_LEARNER")
    a = ml.Answer("w-text")
    assert "Choose your name" in a.owner_html.value
    a.set_value("Tashkent")
    assert a.pending and "could not be saved" in str(a.feedback)
    assert not store.answers_path("zoe").exists()
    ml.set_learner("zoe", remember=False)
    assert saved("w-text", "zoe")["answer"] == "Tashkent"
    assert not a.pending and "Saving as: zoe" in a.owner_html.value


def test_follows_a_change_of_learner(course, monkeypatch):
    monkeypatch.delenv("MEDIALIT_LEARNER")
    ml.set_learner("amy", remember=False)
    ml.Answer("w-text").set_value("Moscow")
    ml.set_learner("bob", remember=False)
    a = ml.Answer("w-text")
    a.set_value("Tashkent")
    ml.set_learner("amy", remember=False)
    assert a.input.value == "Moscow" and a.feedback.status == "wrong" and "Saving as: amy" in a.owner_html.value
    assert saved("w-text", "bob")["answer"] == "Tashkent" and saved("w-text", "amy")["answer"] == "Moscow"


class FakeLabeller(traitlets.HasTraits):
    data = traitlets.Dict()


def test_labels_answer_follows_its_labeller(course):
    lab = FakeLabeller(data={"labels": {}})
    a = ml.Answer("w-labels", source=lab, table=lambda src: __import__("pandas").DataFrame(
        {"sentence": list(src.data["labels"]), "note": ["<b>x</b>"] * len(src.data["labels"])}))
    assert a.feedback is None and "label at least one sentence" in a.feedback_html.value
    lab.data = {"labels": {"s002": {"label": "opinion"}, "s009": {"label": "opinion"}}}
    same_feedback(a, "w-labels", {"s002": "opinion"})
    assert saved("w-labels")["answer"] == {"s002": "opinion"}
    assert "&lt;b&gt;x&lt;/b&gt;" in a.table_html.value and "<b>x</b>" not in a.table_html.value
    lab.data = {"labels": {"s002": {"label": "opinion"}, "s003": {"label": "quotation"}}}
    assert a.feedback.status == "correct"


def test_labels_answer_with_the_real_labeller(monkeypatch):
    monkeypatch.setenv("MEDIALIT_LEARNER", "tester")
    rp = ml.reporting
    lab = ml.SentenceLabeller("linternaute_mt_2024", rp.LABELS, sentences=list(rp.EXERCISE_SENTENCES),
                              label_set="reporting")
    a = ml.Answer("02-ex1-labels", source=lab, table=rp.exercise_feedback, columns=["sentence", "learner", "agree"])
    lab.set_label("s015", "attributed report")
    assert saved("02-ex1-labels") == {"answer": {"s015": "attributed report"}, "correct": False}
    assert "1 of 14 sentences match the key" in str(a.feedback)
    assert "s015" in a.table_html.value and "not labelled" in a.table_html.value


# ---------------------------------------------------------------- hand in


def test_hand_in_writes_only_on_the_button_and_offers_a_download(monkeypatch, _isolated_answers):
    monkeypatch.setenv("MEDIALIT_LEARNER", "alice")
    store.put_activity("check:x", {"answer": "<script>alert(1)</script>", "correct": None}, kind="check")
    h = ml.HandIn("02_ex1")
    assert not (_isolated_answers / "submissions").exists()  # Run All exports nothing
    assert "Handing in as: alice" in h.owner_html.value
    h.button.click()
    sub = _isolated_answers / "submissions" / "alice.submission.json"
    raw = sub.read_bytes()
    m = re.search(r"download='([^']+)' href='data:application/json;charset=utf-8;base64,([^']+)'", h.link.value)
    assert m and m.group(1) == "alice.02_ex1.submission.json" == h.file_name
    assert base64.b64decode(m.group(2)) == raw
    assert json.loads(raw)["activities"]["check:x"]["data"]["answer"] == "<script>alert(1)</script>"
    shown = h.message.value + h.link.value + h.owner_html.value
    assert str(_isolated_answers) not in shown and "submissions" not in h.message.value
    assert "<script>" not in h.link.value.split("href=")[0]


def test_hand_in_without_a_name_says_what_to_do(_isolated_answers):
    h = ml.HandIn("03_ex1")
    assert not h.hand_in()
    assert "Choose your name" in h.message.value and h.link.value == ""
    assert not (_isolated_answers / "submissions").exists()
    ml.set_learner("amy", remember=False)
    assert "Handing in as: amy" in h.owner_html.value
    assert h.hand_in() and "amy.03_ex1.submission.json" in h.link.value
    ml.set_learner("bob", remember=False)
    assert h.link.value == ""  # amy's file is not offered to bob


def test_hand_in_names_cannot_leave_their_folder():
    for bad in ("../x", "a/b", "", "x" * 41, "<b>", ".hidden"):
        with pytest.raises(ValueError):
            ml.HandIn(bad)
    with pytest.raises(store.LearnerIdError):
        handin_mod.download_name("../evil", "02_ex1")


def test_hand_in_failure_shows_no_server_path(monkeypatch, _isolated_answers):
    monkeypatch.setenv("MEDIALIT_LEARNER", "alice")

    def full(*_a, **_k):
        raise store.StoreError(f"Your work could not be saved to {_isolated_answers}/submissions/x: the disk is full.")

    monkeypatch.setattr(store, "export_submission", full)
    h = ml.HandIn("01_ex1")
    assert not h.hand_in()
    assert "disk is full" in h.message.value and str(_isolated_answers) not in h.message.value


# ---------------------------------------------------------------- the exercises use them


def _calls(src: Path, name: str) -> list[ast.Call]:
    tree = ast.parse(src.read_text(encoding="utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == name and isinstance(n.func.value, ast.Name) and n.func.value.id == "ml"]


def _cells(src: Path) -> list[tuple[list, str]]:
    import jupytext

    nb = jupytext.read(src, fmt="py:percent")
    return [(c.get("metadata", {}).get("tags", []), c["source"]) for c in nb.cells if c["cell_type"] == "code"]


@pytest.mark.parametrize("src", EXERCISES, ids=lambda p: p.stem)
def test_exercise_answers_every_question_in_a_widget(src):
    qids = [c.args[0].value for c in _calls(src, "Answer")]
    stem = src.stem.replace("_ex", "-ex")[:2] + "-ex" + src.stem.rsplit("_ex", 1)[1]
    key = {q for q in feedback.questions() if q.startswith(stem + "-")}
    assert key and sorted(qids) == sorted(key), f"{src.name}: questions without an answer widget"
    for tags, code in _cells(src):
        if "solution" in tags:
            continue
        assert "ml.check(" not in code and "export_submission" not in code, f"{src.name}: {code[:60]!r}"
        assert "# SOLUTION" not in code and not re.search(r"^\w+ = \.\.\.", code, re.M)
    for qid in qids:  # each widget can be built from its key
        ml.Answer(qid, source=ml.SentenceLabeller("linternaute_mt_2024", ml.reporting.LABELS)
                  if feedback.questions()[qid]["type"] == "labels" else None)


@pytest.mark.parametrize("src", EXERCISES, ids=lambda p: p.stem)
def test_exercise_ends_with_the_hand_in_box(src):
    (call,) = _calls(src, "HandIn")
    assert call.args[0].value == src.stem[:2] + "_ex" + src.stem.rsplit("_ex", 1)[1]
    cells = _cells(src)
    last_code = [code for tags, code in cells if "solution" not in tags and "instructor" not in tags]
    assert any("ml.HandIn(" in c for c in last_code[-2:]), f"{src.name}: the hand-in box is not near the end"


@pytest.mark.parametrize("src", EXERCISES, ids=lambda p: p.stem)
def test_model_answers_agree_with_the_key_in_strict_mode(src, monkeypatch):
    """Each solution cell's ml.check(qid, <model answer>) passes under MEDIALIT_STRICT=1, and a
    wrong answer there would fail (so the solutions test the keys)."""
    monkeypatch.setenv("MEDIALIT_STRICT", "1")
    monkeypatch.setenv("MEDIALIT_LEARNER", "tester")
    from medialit import provenance as prov

    calls = []

    class Recorder:  # stands in for ``ml`` in the solution cells: records each check
        @staticmethod
        def check(qid, value):
            calls.append((qid, value))
            return ml.check(qid, value, save=False)

    for tags, code in _cells(src):
        if "solution" in tags:
            exec(compile(code, src.name, "exec"), {"ml": Recorder, "prov": prov})  # noqa: S102
    for qid, value in calls:
        assert ml.check(qid, value, save=False).status in ("correct", "for teacher"), qid
        if feedback.questions()[qid]["type"] in ("choice", "text"):
            with pytest.raises(AssertionError):
                ml.check(qid, "certainly not this", save=False)
    assert sorted(q for q, _v in calls) == sorted(c.args[0].value for c in _calls(src, "Answer"))


def test_choice_keys_list_their_answer_among_the_choices():
    for qid, q in feedback.questions().items():
        if q["type"] not in ("choice", "set") or "choices" not in q:
            continue
        values = [v for _t, v in answer_mod.choice_options(q, qid)]
        assert len({feedback.norm(v) for v in values}) == len(values), qid
        wanted = q["answer"] if q["type"] == "set" else [q["answer"]]
        assert {feedback.norm(a) for a in wanted} <= {feedback.norm(v) for v in values}, qid
        for hint in q.get("hints") or {}:  # every hint belongs to a choice a learner can pick
            assert feedback.norm(hint) in {feedback.norm(v) for v in values}, (qid, hint)
        if q.get("article"):
            answer_mod.sentence_options(q, qid)  # every id is a sentence of the article


def test_two_tabs_answering_fields_keep_both_and_a_single_answer_keeps_a_copy(tmp_path, monkeypatch):
    # two tabs (two widgets) of the same learner and question: fields merge, a single answer that
    # both changed keeps ours and copies theirs, never a silent overwrite
    import json as _json

    from medialit import store
    from medialit.widgets.claim_anatomy import FieldsAnswer

    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path))
    monkeypatch.setenv("MEDIALIT_LEARNER", "twin")
    qid = "03-anatomy-huliaipole"
    a, b = FieldsAnswer(qid), FieldsAnswer(qid)
    first, second = list(a.inputs)[:2]
    a.inputs[first].value = "from tab A"
    b.inputs[second].value = "from tab B"
    saved = store.get_activity(f"check:{qid}", learner="twin")["data"]["answer"]
    assert saved[first] == "from tab A" and saved[second] == "from tab B"
    assert b.inputs[first].value == "from tab A"  # the other tab's field is shown here too
    free = next(q for q, spec in feedback.questions().items() if spec.get("type") == "free")
    c, d = ml.Answer(free), ml.Answer(free)
    c.set_value("written in tab C, a full answer")
    d.set_value("written in tab D, another answer")
    assert store.get_activity(f"check:{free}", learner="twin")["data"]["answer"].startswith("written in tab D")
    copies = list(tmp_path.glob("twin.json.conflict-*"))
    assert len(copies) == 1 and d.conflict_file == copies[0]
    kept = _json.loads(copies[0].read_text(encoding="utf-8"))["activities"][f"check:{free}"]
    assert kept["data"]["answer"].startswith("written in tab C")


# ---------------------------------------------------------------- two tabs saving at the same moment


def test_check_with_expect_saves_only_over_what_the_caller_saw(course):
    # ml.check without expect= saves whatever the file holds; with it, a compare-and-swap
    first = feedback.check("w-text", "Moscow")
    assert first.saved_to and saved("w-text") == {"answer": "Moscow", "correct": False}
    with pytest.raises(store.ChangedElsewhere) as caught:
        feedback.check("w-text", "Tashkent", expect=None)  # "there was no record": there is one now
    assert caught.value.current["data"] == {"answer": "Moscow", "correct": False}
    assert saved("w-text")["answer"] == "Moscow"  # nothing written
    seen = feedback.saved_data("Moscow", first)
    assert feedback.check("w-text", "Tashkent", expect=seen).saved_to
    assert saved("w-text") == {"answer": "Tashkent", "correct": True}
    free = feedback.check("w-free", "one two three four five six", expect=None)
    assert saved("w-free") == feedback.saved_data("one two three four five six", free)  # with "status"


def other_tab_saves_first(monkeypatch, other_tab_saves) -> list:
    """The next save of an answer is preceded by another tab's save: exactly between what this
    widget last read and its own write. Returns the ids of every save asked for."""
    real, todo, calls = store.put_activity, [other_tab_saves], []

    def put(activity_id, data, **kw):
        calls.append(activity_id)
        if todo and activity_id.startswith("check:"):
            todo.pop()()  # the other tab's own save goes straight through
        return real(activity_id, data, **kw)

    monkeypatch.setattr(store, "put_activity", put)
    return calls


def test_a_tab_saving_between_the_read_and_the_write_is_merged_not_lost(course, monkeypatch):
    from medialit.widgets.claim_anatomy import FieldsAnswer

    qid = "03-anatomy-huliaipole"
    tab_a, tab_b = FieldsAnswer(qid), FieldsAnswer(qid)
    one, two = list(tab_a.inputs)[:2]
    other_tab_saves_first(monkeypatch, lambda: setattr(tab_a.inputs[one], "value", "from tab A"))
    tab_b.inputs[two].value = "from tab B"
    answer = saved(qid)["answer"]
    assert answer.get(one) == "from tab A" and answer.get(two) == "from tab B"  # tab A's field is not lost
    assert tab_b.inputs[one].value == "from tab A"  # and shown in tab B
    assert any(d.startswith(answer_mod.ELSEWHERE) for d in tab_b.feedback.details)
    assert answer_mod.ELSEWHERE in tab_b.feedback_html.value  # and the learner is told, under the fields
    assert "✔" not in tab_b.feedback_html.value and "✘" not in tab_b.feedback_html.value  # never the key's verdicts
    assert not list(store.answers_path("tester").parent.glob("tester.json.conflict-*"))


def test_fields_that_cannot_be_saved_say_why_not_choose_a_name(course, monkeypatch):
    from medialit.widgets.claim_anatomy import SAVED_NOTE, FieldsAnswer

    tab = FieldsAnswer("03-anatomy-huliaipole")
    one = list(tab.inputs)[0]
    real, calls = store.put_activity, []

    def put(activity_id, data, **kw):  # another tab saves a new answer before every save of ours
        calls.append(data)
        real(activity_id, {"answer": {one: f"theirs {len(calls)}"}, "correct": False}, kind="check")
        return real(activity_id, data, **kw)

    monkeypatch.setattr(store, "put_activity", put)
    tab.inputs[one].value = "ours"
    shown = tab.feedback_html.value
    assert "Not saved yet" in shown and "keeps changing it" in shown and "choose your name" not in shown
    assert SAVED_NOTE not in shown and tab.pending


def test_a_tab_saving_between_the_read_and_the_write_keeps_a_copy(course, monkeypatch):
    tab_a, tab_b = ml.Answer("w-text"), ml.Answer("w-text")
    other_tab_saves_first(monkeypatch, lambda: tab_a.set_value("Tashkent"))
    tab_b.set_value("Samarkand")
    assert saved("w-text")["answer"] == "Samarkand" and tab_b.input.value == "Samarkand"  # ours, as shown
    copies = list(store.answers_path("tester").parent.glob("tester.json.conflict-*"))
    assert len(copies) == 1 and tab_b.conflict_file == copies[0]
    kept = json.loads(copies[0].read_text(encoding="utf-8"))["activities"]["check:w-text"]
    assert kept["data"]["answer"] == "Tashkent"  # theirs is kept, not lost
    assert answer_mod.ELSEWHERE in tab_b.feedback_html.value and copies[0].name in tab_b.feedback_html.value
    assert tab_b.feedback.status == "wrong" and not tab_b.pending


def test_a_tab_that_keeps_saving_ends_in_a_plain_message(course, monkeypatch):
    tab_b = ml.Answer("w-text")
    real, calls, busy = store.put_activity, [], [True]

    def put(activity_id, data, **kw):  # another tab saves a new answer before every save of ours
        calls.append(data)
        if busy[0]:
            real(activity_id, {"answer": f"other {len(calls)}", "correct": False}, kind="check")
        return real(activity_id, data, **kw)

    monkeypatch.setattr(store, "put_activity", put)
    tab_b.set_value("Samarkand")  # no exception
    fb = tab_b.feedback
    assert "keeps changing it" in tab_b.feedback_html.value and "could not be saved" in tab_b.feedback_html.value
    assert "Traceback" not in tab_b.feedback_html.value and "is saved" not in str(fb)
    assert tab_b.input.value == "Samarkand" and fb.saved_to is None  # kept on the page
    assert saved("w-text")["answer"] == f"other {len(calls)}"  # nothing overwritten unseen
    assert len(calls) == answer_mod.Answer.WRITE_ATTEMPTS  # bounded
    busy[0] = False  # the other tab is closed: the next change saves, over what was last seen
    tab_b.set_value("Tashkent")
    assert saved("w-text")["answer"] == "Tashkent" and tab_b.feedback.saved_to is not None

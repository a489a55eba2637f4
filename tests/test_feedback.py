"""check(): fixed feedback from keys, unanswered stubs, strict mode, saved answers."""
from __future__ import annotations

import shutil

import pytest

import medialit as ml
from medialit import data, feedback, store

KEY = """
questions:
  t-weekday:
    type: choice
    answer: Wednesday
    accept: [wed]
    correct: Right.
    wrong: Not quite.
    hints: {Saturday: "That is what the article says; check a calendar."}
  t-number:
    type: number
    answer: 9
  t-date:
    type: date
    answer: 2024-02-10
  t-set:
    type: set
    answer: [would, bills]
  t-labels:
    type: labels
    answer: {s002: opinion, s003: [attributed report, quotation]}
    why: {s002: "It judges."}
  t-free:
    type: free
    min_words: 5
    points: [the date, the place]
"""


@pytest.fixture()
def course(tmp_path, monkeypatch):
    root = tmp_path / "course"
    shutil.copytree(data.paths.repo_root() / "data", root / "data")
    (root / "data" / "keys" / "test_key.yaml").write_text(KEY)
    mf = root / "data" / "keys" / "datapackage.yaml"
    text = mf.read_text().replace("resources:\n", "resources:\n", 1)
    import hashlib

    digest = hashlib.sha256(KEY.encode()).hexdigest()
    entry = (f"  - name: test_key\n    path: test_key.yaml\n    sha256: {digest}\n")
    if "resources:\n" in text and not text.rstrip().endswith("resources:"):
        text = text.rstrip() + "\n" + entry
    else:
        text = text.rstrip() + "\n" + entry
    mf.write_text(text)
    monkeypatch.setenv("MEDIALIT_ROOT", str(root))
    monkeypatch.setenv("MEDIALIT_LEARNER", "tester")  # answers are saved only once a learner id is chosen
    monkeypatch.delenv("MEDIALIT_STRICT", raising=False)
    feedback._all_questions.cache_clear()
    yield root
    feedback._all_questions.cache_clear()


def test_choice_right_wrong_and_hint(course):
    assert ml.check("t-weekday", "  WED ").correct is True
    fb = ml.check("t-weekday", "Saturday")
    assert fb.correct is False and "calendar" in fb.message
    assert ml.check("t-weekday", "Friday").message == "Not quite."


def test_unanswered_never_raises_even_in_strict(course, monkeypatch):
    monkeypatch.setenv("MEDIALIT_STRICT", "1")
    for stub in (..., None, "", "   ", {}):
        assert ml.check("t-weekday", stub).status == "unanswered"


def test_strict_mode_raises_on_wrong(course, monkeypatch):
    monkeypatch.setenv("MEDIALIT_STRICT", "1")
    with pytest.raises(AssertionError, match="t-weekday"):
        ml.check("t-weekday", "Friday")
    assert ml.check("t-weekday", "Wednesday").correct


def test_number_date_set(course):
    assert ml.check("t-number", "9").correct and not ml.check("t-number", 8).correct
    assert not ml.check("t-number", "nine").correct
    assert ml.check("t-date", "10 February 2024").correct
    assert ml.check("t-date", "2024-02-10").correct
    assert not ml.check("t-date", "2024-01-10").correct
    assert ml.check("t-date", "Saturday 10 February 2024").correct


@pytest.mark.parametrize("ambiguous", ["10/02/2024", "02/10/2024", "10.02.2024"])
def test_check_refuses_numeric_dates_as_lesson_01_teaches(course, ambiguous):
    fb = ml.check("t-date", ambiguous)
    assert not fb.correct and "ambiguous" in fb.message
    assert ml.check("t-set", "Bills, would").correct
    fb = ml.check("t-set", ["would"])
    assert fb.status == "partly"


def test_labels_feedback_per_sentence_with_alternatives(course):
    fb = ml.check("t-labels", {"s002": "opinion", "s003": "quotation"})
    assert fb.correct and any("also accepts" in d for d in fb.details)
    fb = ml.check("t-labels", {"s002": "quotation"})
    assert fb.status == "wrong"
    assert any("It judges." in d for d in fb.details) and any("s003: not labelled" in d for d in fb.details)


def test_free_answer_is_saved_for_the_teacher_never_marked(course, monkeypatch):
    long = "The rally was on 10 February in Conway."
    fb = ml.check("t-free", long)
    assert fb.status == "for teacher" and fb.correct is None and fb.for_teacher
    assert fb.details == ["Did you mention: the date", "Did you mention: the place"]
    assert "You wrote 8 words." in fb.message and "Correct" not in str(fb)
    assert str(fb).startswith("✎ Saved for your teacher (t-free)") and "☐ Did you mention: the place" in str(fb)
    markup = fb._repr_html_()
    assert "Saved for your teacher" in markup and "☐ Did you mention: the date" in markup and "✔" not in markup
    rec = store.get_activity("check:t-free")
    assert rec["kind"] == "check"
    assert rec["data"] == {"answer": long, "correct": None, "status": "for teacher"}
    monkeypatch.setenv("MEDIALIT_STRICT", "1")  # strict mode marks nothing written, so never raises
    assert ml.check("t-free", long).correct is None


def test_short_free_answer_is_still_saved_marked_too_short(course, monkeypatch):
    monkeypatch.setenv("MEDIALIT_STRICT", "1")
    fb = ml.check("t-free", "too short")   # a free answer never raises, even in strict mode
    assert fb.status == "too short" and fb.correct is None
    assert fb.message.startswith("Write a little more: at least 5 words (you wrote 2 words).")
    assert "saved" in fb.message and len(fb.details) == 2
    assert store.get_activity("check:t-free")["data"] == {"answer": "too short", "correct": None,
                                                          "status": "too short"}
    assert "1 word)" in ml.check("t-free", "one").message
    assert ml.check("t-free", "<b>bold</b> claims without any source").status == "for teacher"
    assert "<b>" not in ml.check("t-free", "<b>x</b>")._repr_html_()


def test_a_written_answer_that_cannot_be_saved_says_so_outside_the_checklist(course, monkeypatch):
    monkeypatch.delenv("MEDIALIT_LEARNER")   # no learner id chosen: nothing can be saved
    fb = ml.check("t-free", "The rally was on 10 February in Conway.")
    assert fb.saved_to is None and fb.details[-1].startswith("Your answer could not be saved")
    assert str(fb).splitlines()[-1].startswith("  - Your answer could not be saved")
    assert "<li>• Your answer could not be saved" in fb._repr_html_()
    assert fb._repr_html_().count("☐") == 2


def test_marked_answers_have_no_status(course):
    ml.check("t-weekday", "Friday")
    assert store.get_activity("check:t-weekday")["data"] == {"answer": "Friday", "correct": False}


def test_answers_are_saved_for_the_dashboard(course):
    ml.check("t-weekday", "wed")
    rec = store.get_activity("check:t-weekday")
    assert rec["kind"] == "check" and rec["data"] == {"answer": "wed", "correct": True}


def test_unknown_question_suggests_close_ids(course):
    with pytest.raises(KeyError, match="t-weekday"):
        ml.check("t-weekdya", "x")


def test_feedback_html_is_escaped(course):
    fb = ml.check("t-weekday", "<script>alert(1)</script>")
    assert "<script>" not in fb._repr_html_()


def test_feedback_shows_record_ids_as_code_and_escapes_the_rest():
    fb = feedback.Feedback("q", "correct", "See record `ev-p-rally-date` <b>now</b>", ["a `x` b"])
    page = fb._repr_html_()
    assert "<code>ev-p-rally-date</code>" in page and "`" not in page
    assert "&lt;b&gt;now&lt;/b&gt;" in page and "<code>x</code>" in page

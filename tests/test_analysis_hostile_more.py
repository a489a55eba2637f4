"""More hostile class folders for the dashboard (a second QA pass): a learner called "class", class
lists that break the CSV reader, files built to exhaust memory or flood the report, labels outside
their label set, activity ids with hidden characters, a sub-folder swapped for a link while the
class is read, and two small inconsistencies of the activity picker and of activity times."""
from __future__ import annotations

import os
import shutil
import sys
import time

import pytest

import medialit as ml
from medialit import schema
from medialit.analysis import app as A
from medialit.analysis import files, loading, views
from medialit.analysis import export as ex
from medialit.analysis.report import MAX_FILE_REPORT

from submission_helpers import ART, codes, good_files, labels_act, load, more, sub, write


# ---------------------------------------------------------------- 1. a learner called "class"


def test_a_learner_called_class_is_not_the_class_total(tmp_path):
    good_files(tmp_path)
    write(tmp_path, "class.submission.json", sub("class", activities={f"labels:{ART}": labels_act({"s002": "opinion"})}))
    cls = load(tmp_path)
    comp = views.compare_with_key(cls, None)
    assert list(comp["learner"]).count("class") == 1 and comp["learner"].iloc[-1] == views.CLASS_TOTAL
    with pytest.raises(Exception):  # noqa: B017 - whatever the validator raises, the total is no learner id
        ml.store.validate_learner_id(views.CLASS_TOTAL)
    total = comp.set_index("learner").loc[views.CLASS_TOTAL, "compared"]
    assert total == comp[comp["learner"] != views.CLASS_TOTAL]["compared"].sum()
    book = views.gradebook(cls).set_index("learner")
    assert "class" in book.index and views.CLASS_TOTAL not in book.index
    assert ml.analysis.describe_key_accuracy(comp).startswith("The class matched")
    app = A.dashboard(tmp_path, export="")
    app.widget  # noqa: B018 - building every part must not raise
    assert "could not be drawn" not in app.learners.view.value


# ---------------------------------------------------------------- 2. class lists


def test_a_very_long_roster_line_is_a_plain_problem_not_a_csv_error(tmp_path):
    good_files(tmp_path)
    (tmp_path / "roster.txt").write_text("good1\n" + "x" * 200_000 + "\ngood2\n", encoding="utf-8")
    app = A.dashboard(tmp_path, export="")
    assert "line 2" in app.roster_problem and "200000 characters" in app.roster_problem
    status = dict(zip(app.class_table["learner"], app.class_table["status"], strict=True))
    assert status == {"good1": A.HANDED_IN, "good2": A.HANDED_IN}


def test_a_stray_quote_never_joins_lines_into_one_learner(tmp_path):
    good_files(tmp_path)
    (tmp_path / "roster.txt").write_text('"good1\ngood2\ncarol\n', encoding="utf-8")
    app = A.dashboard(tmp_path, export="")
    status = dict(zip(app.class_table["learner"], app.class_table["status"], strict=True))
    assert status == {"good2": A.HANDED_IN, "carol": A.MISSING, "good1": A.NOT_LISTED}
    assert "line 1" in app.roster_problem and "quote" in app.roster_problem and app.has_roster
    ids, problems = A.parse_roster_lines('learner,name\n"ann",Ann A.\n"b,c",x\nAnn Smith,y\n')
    assert ids == ["ann"]
    assert [p.split(" ", 2)[1] for p in problems] == ["3", "4"]
    assert all("cannot be a learner id" in p for p in problems)
    assert A.parse_roster("learner id\nann\nANN\n\n# x\nbo\n") == ["ann", "bo"]


# ---------------------------------------------------------------- 3. items per file, mark text, chains


def test_the_items_of_one_file_are_capped_and_reported_once(tmp_path):
    good_files(tmp_path)
    mark = {"start": 0, "end": 5}
    acts = {f"m{i}": {"kind": "phrase_marks", "article": ART, "data": {"marks": [mark] * 4}} for i in range(10)}
    write(tmp_path, "amp.submission.json", sub("amp", activities=acts))
    cls = load(tmp_path, max_file_items=10)
    assert len(cls.marks[cls.marks["learner"] == "amp"]) == 8  # two activities of four; the third would pass 10
    assert codes(cls, "amp.submission.json", "activity skipped") == ["too_many_items_in_file"]
    reason = cls.report.set_index("code").loc["too_many_items_in_file", "reason"]
    assert "the last 8 activities (about 32 items)" in reason and "10 items" in reason
    assert "too_many_items_in_file" in schema.CODES
    assert schema.LIMITS.file_items >= 10 * schema.LIMITS.items  # far above what a learner makes
    assert loading.MAX_FILE_ITEMS == schema.LIMITS.file_items


def test_marks_spanning_the_whole_article_do_not_copy_it_per_mark():
    text = "x" * 50_000
    lim = schema.Limits()
    clean, _ = schema.clean_phrase_marks({"marks": [{"start": 1, "end": 50_000}] * 2000}, strict=True, text=text)
    marks = clean["marks"]
    assert len(marks) == 2000 and len(marks[0]["text"]) == lim.text
    assert all(m["text"] is marks[0]["text"] for m in marks)  # one shared copy
    assert (marks[0]["start"], marks[0]["end"]) == (1, 50_000)  # offsets still say where it is
    lenient, _ = schema.clean_phrase_marks({"marks": [{"start": 1, "end": 50_000}]}, strict=False, text=text)
    assert len(lenient["marks"][0]["text"]) == 49_999  # the widgets are unchanged


def test_repeated_chain_steps_are_found_in_linear_time():
    steps = [str(i) for i in range(100_000)] + ["5"]
    t = time.perf_counter()
    clean, _ = schema.clean_chain({"steps": steps}, strict=True, limits=schema.Limits(items=200_000))
    assert time.perf_counter() - t < 2.0  # the old list check took minutes here
    assert len(clean["steps"]) == 100_000 and clean["steps"][:3] == ["0", "1", "2"]


# ---------------------------------------------------------------- 4. report rows per file


def test_one_file_cannot_flood_the_report(tmp_path):
    good_files(tmp_path)
    bad = {f"x{i}": "opinion" for i in range(50)}  # just under the cap of one activity
    acts = {f"a{i}": {"kind": "sentence_labels", "article": ART, "data": {"labels": bad}} for i in range(40)}
    acts["labels:ok"] = labels_act({"s002": "opinion"})
    write(tmp_path, "flood.submission.json", sub("flood", activities=acts))
    cls = load(tmp_path)
    rows = cls.report[cls.report["file"] == "flood.submission.json"]
    assert len(rows) == MAX_FILE_REPORT + 1
    assert more(cls, "flood.submission.json", "item skipped") == 40 * 50 - MAX_FILE_REPORT
    assert ("flood", "s002") in set(zip(cls.labels["learner"], cls.labels["sentence"], strict=True))


# ---------------------------------------------------------------- 5. label sets


def test_labels_outside_their_label_set_are_reported_and_kept_out(tmp_path):
    write(tmp_path, "alice.submission.json", sub("alice", activities={f"labels:{ART}": labels_act(
        {"s002": "opinion", "s003": "quotation"})}))
    write(tmp_path, "bob.submission.json", sub("bob", activities={f"labels:{ART}": labels_act(
        {"s002": "Opinion", "s003": "banana", "s004": "prediction"})}))
    write(tmp_path, "carol.submission.json", sub("carol", activities={f"labels:{ART}": labels_act(
        {"s002": "opinion"}, label_set="Reporting ")}))
    write(tmp_path, "dan.submission.json", sub("dan", activities={f"labels:{ART}": labels_act(
        {"s002": "my own label"}, label_set="custom")}))
    cls = load(tmp_path)
    assert codes(cls, "bob.submission.json", "item skipped") == ["unknown_label", "unknown_label"]
    bob = cls.problems(code="unknown_label")["reason"].tolist()
    assert "'Opinion'" in bob[0] and "'opinion' only in capitals" in bob[0] and "'banana'" in bob[1]
    assert codes(cls, "carol.submission.json", "note") == ["unknown_label_set"]
    assert not codes(cls, "dan.submission.json")  # a label set the course does not define is not checked
    assert set(ml.analysis.label_counts(cls).columns) == {"opinion", "quotation", "prediction"}
    assert {"unknown_label", "unknown_label_set"} <= set(schema.CODES)
    # the widgets (no label_sets) are unchanged
    clean, problems = schema.clean_sentence_labels({"label_set": "reporting", "labels": {"s1": "banana"}}, strict=False)
    assert clean["labels"]["s1"]["label"] == "banana" and not problems


# ---------------------------------------------------------------- 6. activity ids


def test_activity_ids_with_hidden_characters_are_shown_with_escapes(tmp_path):
    good_files(tmp_path)
    evil = f"02:labels:{ART}\u202e\nfake row"
    write(tmp_path, "m.submission.json", sub("m", activities={
        evil: labels_act({"s002": "opinion"}), "tele\u202eport": {"kind": "teleport"},
        "check:q\u202e": {"kind": "check", "data": {"answer": "a", "correct": True}}}))
    cls = load(tmp_path)
    assert set(cls.report["activity"]) >= {"tele\\u202eport"}
    assert list(cls.labels[cls.labels["learner"] == "m"]["activity"]) == [files.show_name(evil)]
    assert list(cls.checks["question"]) == ["q\\u202e"]
    out = ex.export_csv(cls, tmp_path.parent / (tmp_path.name + "-csv"))
    for p in out:
        assert "\u202e" not in p.read_text(encoding="utf-8"), p.name
    assert "\u202e" not in views.html_table(cls.report)._repr_html_()


# ---------------------------------------------------------------- 7. a sub-folder swapped for a link


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symbolic links")
def test_a_subfolder_swapped_for_a_link_after_listing_is_not_read(tmp_path, monkeypatch):
    cls_dir, outside = tmp_path / "class", tmp_path / "outside"
    (cls_dir / "bob").mkdir(parents=True)
    outside.mkdir()
    write(cls_dir / "bob", "bob.submission.json", sub("bob"))
    write(outside, "bob.submission.json", sub("mallory"))
    real = loading.list_submissions

    def listing_then_swap(*a, **k):
        out = real(*a, **k)
        shutil.rmtree(cls_dir / "bob")
        os.symlink(outside, cls_dir / "bob")
        return out

    monkeypatch.setattr(loading, "list_submissions", listing_then_swap)
    cls = ml.load_class(cls_dir, recursive=True)
    assert "mallory" not in set(cls.learners["learner"])
    assert codes(cls, "bob/bob.submission.json", "file skipped") == ["bad_link"]


def test_the_checked_open_refuses_a_file_outside_the_folder(tmp_path):
    """Where folders cannot be opened one by one (Windows), the opened file is checked instead."""
    (tmp_path / "class").mkdir()
    (tmp_path / "out").mkdir()
    write(tmp_path / "out", "x.json", sub("x"))
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    with pytest.raises(files.Skip):
        files._open_checked(tmp_path / "class" / ".." / "out" / "x.json", (tmp_path / "class").resolve(), flags,
                            10**6, False)
    write(tmp_path / "class", "y.json", sub("y"))
    os.close(files._open_checked(tmp_path / "class" / "y.json", (tmp_path / "class").resolve(), flags, 10**6, False))


# ---------------------------------------------------------------- 8. picker and activity times


def test_activity_options_are_told_apart_and_future_activity_times_are_not_trusted(tmp_path):
    write(tmp_path, "a.submission.json", sub("a", activities={
        f"02:labels:{ART}": labels_act({"s002": "opinion"}, updated="2026-03-06T10:00:00Z"),
        f"02:labels-b:{ART}": labels_act({"s002": "prediction"}, updated="9999-01-01T00:00:00Z")}))
    cls = load(tmp_path)
    texts = [t for t, _ in A.activity_options(cls)]
    assert len(set(texts)) == len(texts) == 3
    assert any(f"[02:labels-b:{ART}]" in t for t in texts)
    assert codes(cls, "a.submission.json", "note") == ["future_time"]
    assert ml.analysis.current_labels(cls)["label"].tolist() == ["opinion"]

"""The class dashboard as a web app (medialit.analysis.app): class list, activity and learner
pickers, per-learner view, CSV download links and plain messages for a wrong or empty folder."""
from __future__ import annotations

import base64
import html
import io
import os
import re
from pathlib import Path

import pytest

import medialit as ml
from medialit.analysis import app as A
from submission_helpers import ART, claim_row, claims_act, labels_act, snapshot, sub, write

ROOT = Path(__file__).resolve().parents[1]
EX_ART = "linternaute_mt_2024"
PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def _no_class_settings(monkeypatch):
    for var in ("MEDIALIT_CLASS", "MEDIALIT_ROSTER", "MEDIALIT_EXPORT"):
        monkeypatch.delenv(var, raising=False)


def _ids(article, n=2):
    return [s.id for s in ml.load_article(article).body_sentences()[:n]]


def lesson_and_exercise_class(folder: Path) -> Path:
    """alice and bob did lesson 02 (SouthFront) and exercise 02-ex1 (Linternaute); carol only the
    lesson; bob's exercise labels differ from alice's."""
    folder.mkdir(parents=True, exist_ok=True)
    a, b = _ids(EX_ART)
    for who, ex_label in (("alice", "opinion"), ("bob", "quotation")):
        write(folder, f"{who}.submission.json", sub(who, activities={
            f"02:labels:{ART}": labels_act({"s002": "opinion", "s003": "quotation"}),
            f"02-ex1:labels:{EX_ART}": labels_act({a: ex_label, b: "opinion"}, article=EX_ART)}))
    write(folder, "carol.submission.json", sub("carol", activities={
        f"02:labels:{ART}": labels_act({"s002": "prediction"})}))
    return folder


# ---------------------------------------------------------------- the class list (roster)


def test_roster_shows_missing_learners_with_the_reason(tmp_path):
    folder = lesson_and_exercise_class(tmp_path / "class")
    write(folder, "dave.submission.json", "{not json")          # unreadable: dave is missing, and why
    write(folder, "roster.txt", "# class 10B\nalice\nBob\n\ncarol\ndave\nerin\n")
    app = A.dashboard(folder, export="")
    table = app.class_table.set_index("learner")
    assert table.loc["alice", "status"] == A.HANDED_IN
    assert table.loc["bob", "status"] == A.HANDED_IN           # "Bob" on the list is the learner "bob"
    assert table.loc["dave", "status"] == A.MISSING
    assert "dave.submission.json" in table.loc["dave", "reason"] and "not JSON" in table.loc["dave", "reason"]
    assert table.loc["erin", "status"] == A.MISSING
    assert "no submission file" in table.loc["erin", "reason"]
    assert A.describe_class_list(app.class_table) == "3 handed in, 2 missing."
    status = app.status_html().markup
    assert "roster.txt" in status and "missing" in status and "not JSON" in status
    # the learner picker offers the missing learners, and their view gives the reason
    assert ("dave (missing)", "dave") in A.learner_options(app.cls, app.class_table)
    view = A.learner_view(app.cls, "dave", app.key, app.class_table)
    assert "No readable submission from dave" in view.markup and "not JSON" in view.markup
    # a learner who handed in but is not on the list is shown as such
    write(folder, "roster.txt", "alice\n")
    table = A.dashboard(folder, export="").class_table.set_index("learner")
    assert table.loc["carol", "status"] == A.NOT_LISTED


def test_roster_csv_with_header_and_from_the_environment(tmp_path, monkeypatch):
    folder = lesson_and_exercise_class(tmp_path / "class")
    roster = tmp_path / "my class.csv"
    roster.write_text("name,learner\nAlice A.,alice\nZoe Z.,zoe\n", encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_ROSTER", str(roster))
    assert A.roster_path(folder) == roster
    app = A.dashboard(folder, export="")
    assert dict(zip(app.class_table["learner"], app.class_table["status"], strict=True)) == {
        "alice": A.HANDED_IN, "zoe": A.MISSING, "bob": A.NOT_LISTED, "carol": A.NOT_LISTED}
    assert A.parse_roster("learner id\nann\nANN\n\n# x\nbo\n") == ["ann", "bo"]


def test_without_roster_every_learner_is_listed_and_the_page_says_how_to_add_one(tmp_path):
    folder = lesson_and_exercise_class(tmp_path / "class")
    app = A.dashboard(folder, export="")
    assert list(app.class_table["status"]) == [A.HANDED_IN] * 3
    assert "roster.txt" in app.status_html().markup and "No class list" in app.status_html().markup


def test_a_roster_that_cannot_be_used_is_a_plain_message(tmp_path):
    folder = lesson_and_exercise_class(tmp_path / "class")
    outside = tmp_path / "secret.txt"
    outside.write_text("alice\n")
    os.symlink(outside, folder / "roster.txt")          # a link out of the class folder is not followed
    app = A.dashboard(folder, export="")
    assert "outside the folder" in app.roster_problem and "Problem:" in app.status_html().markup
    assert not app.has_roster
    (folder / "roster.txt").unlink()
    (folder / "roster.txt").write_text("\n# nobody\n")
    assert "names no learners" in A.dashboard(folder, export="").roster_problem
    if hasattr(os, "mkfifo"):
        (folder / "roster.txt").unlink()
        os.mkfifo(folder / "roster.txt")                # a pipe would hang a plain open(): refused
        assert "not a regular file" in A.dashboard(folder, export="").roster_problem
    with pytest.raises(A.RosterError, match="does not exist"):
        A.read_roster(tmp_path / "nope.txt")


# ---------------------------------------------------------------- the article and activity picker


def test_picker_offers_the_exercise_and_the_lesson_separately(tmp_path):
    folder = lesson_and_exercise_class(tmp_path / "class")
    a, b = _ids(EX_ART)   # dan labelled the exercise's article in another activity: not counted for the exercise
    write(folder, "dan.submission.json", sub("dan", activities={f"01:labels:{EX_ART}": labels_act({a: "opinion"}, article=EX_ART)}))
    cls = ml.load_class(folder)
    opts = A.activity_options(cls)
    values = [v for _, v in opts]
    assert (EX_ART, f"02-ex1:labels:{EX_ART}") in values
    assert (ART, f"02:labels:{ART}") in values
    texts = dict((v, t) for t, v in opts)
    assert texts[(EX_ART, f"02-ex1:labels:{EX_ART}")] == f"{EX_ART} · exercise 02-ex1 (2 learners)"
    assert texts[(ART, f"02:labels:{ART}")] == f"{ART} · lesson 02 (3 learners)"
    assert texts[(EX_ART, None)] == f"{EX_ART} · all activities, newest label (3 learners)"
    assert A.activity_name("labels:x") == "no lesson named"
    # the exercise's view counts only the exercise's labels
    sub_cls = A.activity_class(cls, EX_ART, f"02-ex1:labels:{EX_ART}")
    assert set(sub_cls.labels["activity"]) == {f"02-ex1:labels:{EX_ART}"} and len(sub_cls.labels) == 4
    view = A.activity_view(cls, (EX_ART, f"02-ex1:labels:{EX_ART}"), key=None)
    assert view.text.startswith(f"{EX_ART}: 2 sentences")
    assert "<img src='data:image/png;base64," in view.markup and "Plot summary:" in view.markup
    assert "exercise 02-ex1" not in A.activity_view(cls, (ART, f"02:labels:{ART}")).markup.split("alt=")[0]


def test_all_activities_option_only_when_an_article_has_several(tmp_path):
    folder = lesson_and_exercise_class(tmp_path / "class")
    write(folder, "dan.submission.json", sub("dan", activities={
        f"labels:{ART}": labels_act({"s002": "opinion"}, updated="2026-03-07T10:00:00Z")}))
    values = [v for _, v in A.activity_options(ml.load_class(folder))]
    assert (ART, None) in values and (EX_ART, None) not in values
    assert A.activity_options(A.empty_class()) == []
    assert "No learner has labelled" in A.activity_view(A.empty_class(), None).markup


def test_practice_labels_are_never_drawn_or_listed_with_the_key(tmp_path):
    """Browser QA: lesson 00's practice labels ("gives an opinion") were drawn next to lesson 02's
    key ("key: unattributed assertion"), "all activities" counted learners it did not draw, and
    "One learner's work" set practice labels beside the key."""
    folder = tmp_path / "class"
    folder.mkdir()
    practice = {"s002": "gives an opinion", "s003": "not sure"}
    for who in ("alice", "erin"):
        write(folder, f"{who}.submission.json", sub(who, activities={
            f"00:labels:{ART}": labels_act(practice, label_set="practice")}))
    write(folder, "carol.submission.json", sub("carol", activities={
        f"00:labels:{ART}": labels_act(practice, label_set="practice"),
        f"02:labels:{ART}": labels_act({"s002": "opinion", "s003": "quotation"})}))
    write(folder, "dan.submission.json", sub("dan", activities={
        f"02-b:labels:{ART}": labels_act({"s002": "opinion"})}))
    cls = ml.load_class(folder)
    key = ml.analysis.load_key()
    texts = {v: t for t, v in A.activity_options(cls)}
    # all activities joins lesson 02 and 02-b (the key's label set): carol and dan, not alice or erin
    assert texts[(ART, None)] == f"{ART} · all activities, newest label (2 learners)"
    practice_view = A.activity_view(cls, (ART, f"00:labels:{ART}"), key=key)
    assert "not the key's ('reporting'), so the key is not drawn" in practice_view.text
    assert "3 learners" not in practice_view.text and practice_view.text.startswith(f"{ART}: 2 sentences")
    lesson_view = A.activity_view(cls, (ART, f"02:labels:{ART}"), key=key)
    assert "not drawn" not in lesson_view.text
    assert "each labelled by one learner only" in lesson_view.text   # carol alone: nothing to compare
    mine = A.learner_view(cls, "carol", key=key).markup
    practice_part = mine[mine.index("lesson 00"):mine.index("lesson 02")]
    lesson_part = mine[mine.index("lesson 02"):]
    assert "<th style='text-align:left'>key</th>" not in practice_part
    assert "<th style='text-align:left'>key</th>" in lesson_part


def test_form_answers_read_as_words_not_json():
    assert A.readable_answer('{"according_to": "the ministry", "how_big": "none"}') == \
        "according to: the ministry · how big: none"
    assert A.readable_answer('["a", "b"]') == "a · b"
    assert A.readable_answer("{not json") == "{not json"
    assert A.readable_answer("plain words") == "plain words"
    assert A.readable_answer(None) == ""


# ---------------------------------------------------------------- one learner's work


def test_learner_view_shows_their_work_and_escapes_their_text(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    acts = {f"02:labels:{ART}": labels_act({"s002": "opinion"}),
            f"03:claims:{ART}": claims_act([claim_row(claim=PAYLOAD, claimant="the author")]),
            f"02:phrases:{ART}": {"kind": "phrase_marks", "article": ART, "updated": "2026-03-06T10:00:00Z",
                                  "data": {"marks": [{"start": 0, "end": 5, "category": "hedge", "note": PAYLOAD}]}},
            "check:q1": {"kind": "check", "data": {"answer": 4, "correct": True}}}
    acts[f"02:labels:{ART}"]["data"]["labels"]["s002"]["note"] = PAYLOAD
    write(folder, "<img src=x onerror=alert(2)>.json", sub("mallory", activities=acts))
    write(folder, "alice.submission.json", sub("alice", activities={f"02:labels:{ART}": labels_act({"s003": "quotation"})}))
    cls = ml.load_class(folder)
    view = A.learner_view(cls, "mallory").markup
    assert "<script" not in view and "<img src=x" not in view and "onerror=alert(2)>" not in view
    assert html.escape(PAYLOAD, quote=True) in view or html.escape(PAYLOAD) in view
    assert "&lt;img src=x onerror=alert(2)&gt;.json" in view              # the file name, escaped
    for title in ("Labels: southfront_2026, lesson 02", "Phrase marks", "Claim ledger rows", "Check questions"):
        assert title in view
    sentence = next(s.text for s in ml.load_article(ART).sentences if s.id == "s002")
    assert html.escape(sentence) in view                                  # the sentence they labelled
    assert ">right<" in view
    assert "s003" not in view                                             # only this learner's work
    assert A.learner_options(cls) == [("alice", "alice"), ("mallory", "mallory")]


# ---------------------------------------------------------------- CSV downloads


def _link_csv(markup: str, name: str) -> str:
    m = re.search(rf"download='{name}\.csv' href='data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)'", markup)
    assert m, markup[:300]
    return base64.b64decode(m.group(1)).decode("utf-8")


def test_download_links_hold_the_csv_with_formulas_defused(tmp_path):
    import pandas as pd

    df = pd.DataFrame({"learner": ["a", "b"], "text": ["=HYPERLINK(\"http://x\")", "plain, with comma"],
                       "score": [0.5, -1.0]})
    markup = A.downloads_html({"gradebook": df, "notes": df.head(1)}).markup
    got = _link_csv(markup, "gradebook")
    assert got.splitlines()[1] == "a,\"'=HYPERLINK(\"\"http://x\"\")\",0.5"
    assert got == A.csv_text(df)
    (written,) = ml.analysis.export_csv({"gradebook": df}, tmp_path / "out")
    assert written.read_text(encoding="utf-8") == got                  # the same bytes as the saved file
    assert "(2 rows)" in markup and "(1 row)" in markup
    with pytest.raises(ml.analysis.ExportError):
        A.download_link("../evil", df)
    assert A.describe_downloads({"gradebook": df}) == "CSV files to download: gradebook.csv (2 rows)."


def test_downloads_write_nothing_unless_asked_and_an_export_folder_is_set(tmp_path, monkeypatch):
    import tempfile

    folder = lesson_and_exercise_class(tmp_path / "class")
    monkeypatch.delenv("MEDIALIT_EXPORT", raising=False)
    monkeypatch.setattr(tempfile, "mkdtemp", lambda *a, **k: pytest.fail("a temporary folder was made"))
    before = snapshot(tmp_path)
    app = A.dashboard(folder)
    box = app.downloads()
    assert len(box.children) == 1                                     # links only, no save button
    assert "alice" in _link_csv(box.children[0].value, "gradebook")
    assert snapshot(tmp_path) == before
    # with an export folder: a button, and only pressing it writes the files
    out = tmp_path / "export"
    monkeypatch.setenv("MEDIALIT_EXPORT", str(out))
    app = A.dashboard(folder)
    box = app.downloads()
    button, said = box.children[1], box.children[2]
    assert button.description == "Save CSV files to folder" and not out.exists()
    button.click()
    assert (out / "gradebook.csv").is_file() and "Saved" in said.value
    assert (out / "gradebook.csv").read_text(encoding="utf-8") == _link_csv(box.children[0].value, "gradebook")


def test_save_failure_is_a_plain_message(tmp_path):
    import pandas as pd

    blocker = tmp_path / "file"
    blocker.write_text("x")
    done, text = A.save_tables({"gradebook": pd.DataFrame({"a": [1]})}, blocker / "sub")
    assert not done
    assert str(blocker) in text and "Traceback" not in text


# ---------------------------------------------------------------- wrong, missing or empty folder


@pytest.mark.parametrize("case", ["missing", "a file", "empty", "only bad files", "environment"])
def test_wrong_or_empty_folder_is_a_plain_message(tmp_path, monkeypatch, case):
    target = tmp_path / "class"
    expect = {"missing": "There is no folder", "a file": "is a file, not a folder",
              "empty": "holds no submission files", "only bad files": "None of the 2 submission files",
              "environment": "no such folder"}[case]
    if case == "a file":
        target.write_text("x")
    elif case == "empty":
        target.mkdir()
    elif case == "only bad files":
        target.mkdir()
        write(target, "a.json", "not json")
        write(target, "b.json", "")
    if case == "environment":
        monkeypatch.setenv("MEDIALIT_CLASS", str(tmp_path / "mistyped"))
        app = A.dashboard(export="")
    else:
        app = A.dashboard(target, export="")
    assert expect in app.problem
    assert len(app.cls.learners) == 0
    status = app.status_html().markup
    assert "Problem:" in status and "role='alert'" in status
    assert html.escape(expect, quote=True) in status
    # every part of the page still builds
    assert app.activities.pick.options == () and "No learner has labelled" in app.activities.view.value
    assert app.learners.pick.options == () and "Choose a learner" in app.learners.view.value
    assert "gradebook.csv" in app.downloads().children[0].value


def test_the_whole_notebook_runs_on_a_mistyped_folder(tmp_path, monkeypatch):
    """What Voila runs for `make dashboard CLASS=/mistyped`: no cell raises, the page says so."""
    import contextlib

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    code = (ROOT / "content" / "90_instructor_dashboard.py").read_text(encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_CLASS", str(tmp_path / "mistyped"))
    monkeypatch.delenv("MEDIALIT_EXPORT", raising=False)
    scope = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "90_instructor_dashboard.py", "exec"), scope)  # noqa: S102
    plt.close("all")
    assert "no such folder" in scope["app"].problem
    assert "No work was found in the submissions." in out.getvalue()
    assert "gradebook.csv (0 rows)" in out.getvalue()
    assert not (tmp_path / "mistyped").exists()


def test_figure_html_escapes_the_summary():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from medialit.analysis.plots import figure_html

    fig, _ = plt.subplots()
    out = figure_html(fig, "a <b>bold</b> 'claim'")
    assert "alt='a &lt;b&gt;bold&lt;/b&gt; &#x27;claim&#x27;'" in out and "<b>" not in out
    assert not plt.get_fignums()
    with pytest.raises(ValueError):
        figure_html(plt.figure(), " ")
    plt.close("all")


def test_learner_view_shows_chains_and_the_skills_check(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    acts = {"01:chain:voltaire_2024": {"kind": "chain", "article": "voltaire_2024", "updated": "2026-03-06T10:00:00Z",
                                       "data": {"steps": ["vn-newsletter", "vn-swiss-standpoint"]}},
            "skills-check:before": {"kind": "skillcheck", "article": None, "updated": "2026-03-06T10:00:00Z",
                                    "data": {"form": "A", "phase": "before", "answers": {"A-prov-1": "a"},
                                             "written": "I would check the <b>club</b>.", "finished": True,
                                             "finished_at": "2026-03-06T10:00:00Z"}}}
    write(folder, "zoe.submission.json", sub("zoe", activities=acts))
    view = A.learner_view(ml.load_class(folder), "zoe").markup
    assert "Republication chains" in view and "vn-swiss-standpoint" in view
    assert "Skills check" in view and ">before<" in view
    assert "I would check the &lt;b&gt;club&lt;/b&gt;." in view  # the written answer, escaped

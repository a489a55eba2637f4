"""Issue 14, "Done when": a new student completes exercise 02 in Voila without touching code, and the
teacher sees their labels and written justification and downloads the gradebook.

The student (no MEDIALIT_LEARNER, no JUPYTERHUB_USER: a new learner on a plain server) opens
exercises/02_opinion_or_reporting_ex1.ipynb in Voila, types a name, labels the 14 sentences with
the buttons of Task 1's labeller (the first of the exercise's two; the "After class" one is left
alone), chooses the sentence of Task 2 in the picker, writes the justification in
the free-answer box, presses "Hand in my work" and downloads the file the page offers. The teacher
puts that file in a class folder: ``ml.load_class`` shows the labels and the whole justification
(free text, gradebook, CSV), and the dashboard notebook, served by Voila on that folder, shows the
learner's written answer and offers the gradebook for download.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import wait_for
from .servers import isolated_env, voila

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
EXERCISE = REPO / "exercises" / "02_opinion_or_reporting_ex1.ipynb"
DASHBOARD = REPO / "notebooks" / "90_instructor_dashboard.ipynb"
NAME = "newstudent7"
#: what the student chooses: the key's label for most sentences, another one for s013 and s014
LABELS = {
    "s004": "attributed report", "s005": "opinion", "s006": "opinion", "s007": "attributed report",
    "s008": "opinion", "s009": "attributed report", "s010": "quotation", "s011": "quotation",
    "s012": "attributed report", "s013": "attributed report", "s014": "opinion",
    "s015": "attributed report", "s016": "attributed report", "s017": "quotation",
}
JUSTIFICATION = (
    "s013: I chose attributed report because it seems to describe what Trump said at the rally. "
    "The key says opinion: 'more serious this time' and 'goes so far as' are the writer's own words, "
    "not a quotation, so I now agree with the key. s014: I chose opinion because of <i>a real uproar</i>, "
    "which judges the reactions & names no critic; the key accepts opinion but prefers unattributed "
    "assertion, because the sentence gives no source for its claim."
)


def activity(answers_file: Path, name: str):
    return json.loads(answers_file.read_text(encoding="utf-8"))["activities"][name]["data"]


def student_completes_exercise(page, url: str, answers_file: Path, artifacts: Path, downloads: Path) -> Path:
    """Everything a student does in the browser; returns the downloaded submission file."""
    from playwright.sync_api import expect

    page.goto(url, timeout=120_000)
    box = page.locator(".medialit-learner-box").first
    expect(box).to_be_visible(timeout=120_000)
    expect(page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor")).to_have_count(0)  # no code
    expect(page.get_by_text("Traceback")).to_have_count(0)
    # in Voila the hint points to the name box on this page (store.no_learner_message)
    expect(page.locator(".medialit-answer").first).to_contain_text('Type your name in the "Learner id" box')

    name_box = box.get_by_label("Learner id")
    name_box.fill(NAME)
    name_box.press("Enter")
    expect(box).to_contain_text(f"now {NAME}")
    expect(page.locator(".medialit-answer").first).to_contain_text(f"Saving as: {NAME}")

    # two labellers: Task 1's (seed 002) first, then the optional "After class" one (seed 001),
    # whose key stays closed until the student opens it
    expect(page.locator(".medialit-sentence-labeller")).to_have_count(2)
    expect(page.locator(".medialit-reveal")).to_have_count(1)
    expect(page.locator(".medialit-reveal")).to_contain_text("Answer first")
    labeller = page.locator(".medialit-sentence-labeller").first
    for i, label in enumerate(LABELS.values()):
        expect(labeller).to_contain_text(f"Sentence {i + 1} of 14")
        labeller.locator("button.widget-toggle-button", has_text=re.compile(rf"^\s*{label}\s*$")).click()
        expect(labeller.locator(".medialit-progress")).to_contain_text(f"{i + 1} of 14 labelled")
        if i < len(LABELS) - 1:
            labeller.get_by_role("button", name="Next").click()
    labels_answer = page.locator(".medialit-answer").filter(has=page.locator(".medialit-word-count")).count()
    assert labels_answer == 1  # only the justification box counts words
    check_box = page.locator(".medialit-answer").nth(0)
    expect(check_box).to_contain_text("13 of 14 sentences match the key")
    expect(check_box).to_contain_text("s013: ✘ you chose 'attributed report'")
    check_box.screenshot(path=str(artifacts / "done-when-labels-feedback.png"))
    wait_for(lambda: activity(answers_file, "check:02-ex1-labels")["answer"] == LABELS, "labels check saved", timeout=30)

    picker = page.locator(".medialit-answer").nth(1)
    picker.scroll_into_view_if_needed()
    picker.screenshot(path=str(artifacts / "done-when-picker.png"))
    first_try = picker.get_by_role("radio", name=re.compile(r"^s014: "))
    first_try.check()
    expect(picker).to_contain_text("Not yet")
    first_try.focus()
    page.keyboard.press("ArrowDown")  # keyboard only: the arrow key moves to the next sentence
    expect(picker.get_by_role("radio", name=re.compile(r"^s015: According to"))).to_be_checked()
    expect(picker).to_contain_text("Correct")
    wait_for(lambda: activity(answers_file, "check:02-ex1-attributed-wrong")["correct"] is True, "Task 2 saved", timeout=30)

    free = page.locator(".medialit-answer").filter(has=page.locator("textarea"))
    free.locator("textarea").fill(JUSTIFICATION)
    n_words = len(JUSTIFICATION.split())
    expect(free.locator(".medialit-word-count")).to_contain_text(f"{n_words} words (at least 40)")
    expect(free).to_contain_text("Saved for your teacher")
    saved = wait_for(lambda: activity(answers_file, "check:02-ex1-justify"), "justification saved", timeout=30)
    assert saved == {"answer": JUSTIFICATION, "correct": None, "status": "for teacher"}
    free.screenshot(path=str(artifacts / "done-when-justification.png"))

    handin = page.locator(".medialit-handin")
    assert not (answers_file.parent / "submissions").exists()  # opening the page exported nothing
    handin.get_by_role("button", name="Hand in my work").click()
    link = handin.locator("a.medialit-download")
    expect(link).to_contain_text(f"{NAME}.02_ex1.submission.json")
    expect(handin).not_to_contain_text(str(answers_file.parent))  # no server path on the page
    handin.screenshot(path=str(artifacts / "done-when-handin.png"))
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"{NAME}.02_ex1.submission.json"
    target = downloads / download.suggested_filename
    download.save_as(target)
    return target


def teacher_sees_work(submission: Path) -> None:
    """The teacher's side in Python: load_class, free text, gradebook and its CSV."""
    import medialit as ml
    from medialit.analysis import app, free_text, gradebook

    cls = ml.load_class(submission.parent)
    assert list(cls.learners["learner"]) == [NAME]
    assert set(cls.labels["article"]) == {"linternaute_mt_2024"}  # the "After class" labeller was left alone
    labels = cls.labels[(cls.labels["learner"] == NAME) & (cls.labels["article"] == "linternaute_mt_2024")]
    assert dict(zip(labels["sentence"], labels["label"], strict=True)) == LABELS
    ft = free_text(cls, NAME)
    assert JUSTIFICATION in list(ft["text"])
    book = gradebook(cls).set_index("learner")
    assert book.loc[NAME, "answer 02-ex1-justify"] == JUSTIFICATION
    assert book.loc[NAME, "words 02-ex1-justify"] == len(JUSTIFICATION.split())
    assert book.loc[NAME, "sentences labelled"] == 14
    csv = app.csv_text(gradebook(cls))
    assert JUSTIFICATION.replace('"', '""') in csv


def test_new_student_completes_exercise_02_and_teacher_sees_it(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    notebook = root / EXERCISE.name  # the course's own notebook is never written
    shutil.copy(EXERCISE, notebook)
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers)
    for var in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER"):  # a new student: nobody sets the id
        env.pop(var, None)
    class_folder = tmp_path / "class"
    class_folder.mkdir()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    with voila(notebook, env, tmp_path / "voila-student.log") as url:
        submission = student_completes_exercise(page, url, answers / f"{NAME}.json", artifacts, class_folder)
    assert not errors, errors
    doc = json.loads(submission.read_text(encoding="utf-8"))
    assert doc["learner"] == NAME and doc["format"] == "medialit-submission"

    teacher_sees_work(submission)

    # the teacher's dashboard in Voila, on the folder holding the downloaded file
    dash_root = tmp_path / "dashboard"
    dash_root.mkdir()
    shutil.copy(DASHBOARD, dash_root / DASHBOARD.name)
    env_t = isolated_env(tmp_path / "jupyter-teacher", tmp_path / "teacher-answers", learner="teacher")
    env_t["MEDIALIT_CLASS"] = str(class_folder)
    env_t.pop("MEDIALIT_EXPORT", None)
    with voila(dash_root / DASHBOARD.name, env_t, tmp_path / "voila-teacher.log") as url:
        page.goto(url, timeout=180_000)
        body = page.locator("body")
        expect(body).to_contain_text(NAME, timeout=180_000)
        expect(page.get_by_text("Traceback")).to_have_count(0)
        expect(body).to_contain_text("a real uproar", timeout=60_000)  # the justification, as text
        assert page.locator("i", has_text="a real uproar").count() == 0  # shown as text, never as HTML
        page.screenshot(path=str(artifacts / "done-when-teacher.png"), full_page=True)
        link = page.locator("a[download='gradebook.csv']").first
        expect(link).to_be_visible()
        with page.expect_download() as info:
            link.click()
        book = tmp_path / "gradebook.csv"
        info.value.save_as(book)
    text = book.read_text(encoding="utf-8")
    assert NAME in text and JUSTIFICATION.replace('"', '""') in text

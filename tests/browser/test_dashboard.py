"""The class dashboard as Voila serves it for `make dashboard CLASS=...`: a teacher picks an
article and activity, picks a learner and sees their labels, finds the CSV download links and the
class list with the missing learner; a mistyped folder is a plain message, not an error page."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import medialit as ml
from medialit import schema, store

from .servers import isolated_env, voila

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "90_instructor_dashboard.ipynb"
LESSON_ART, EX_ART = "southfront_2026", "linternaute_mt_2024"


def _labels(article, labels):
    return {"kind": "sentence_labels", "article": article, "updated": "2026-12-01T10:00:00Z",
            "data": {"label_set": "reporting",
                     "labels": {s: dict(zip(schema.LABEL_FIELDS, (lab, "", ""), strict=False)) for s, lab in labels.items()}}}


def small_class(folder: Path) -> Path:
    """alice and bob did lesson 02 and exercise 02-ex1; dave's file is broken; erin handed in
    nothing. The class list names all four."""
    folder.mkdir(parents=True)
    ex = [s.id for s in ml.load_article(EX_ART).body_sentences()[:2]]
    for who, ex_label in (("alice", "opinion"), ("bob", "quotation")):
        doc = {"format": store.SUBMISSION_FORMAT, "schema_version": store.SCHEMA_VERSION, "learner": who,
               "exported": "2026-12-01T10:00:00Z", "medialit_version": ml.__version__,
               "activities": {f"02:labels:{LESSON_ART}": _labels(LESSON_ART, {"s002": "opinion"}),
                              f"02-ex1:labels:{EX_ART}": _labels(EX_ART, {ex[0]: ex_label, ex[1]: "prediction"})}}
        (folder / f"{who}.submission.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "dave.submission.json").write_text("{ this is not json", encoding="utf-8")
    (folder / "roster.txt").write_text("alice\nbob\ndave\nerin\n", encoding="utf-8")
    return folder


def _env(tmp_path: Path, class_folder: Path) -> dict:
    env = isolated_env(tmp_path / "jupyter", tmp_path / "answers", "teacher")
    env.update({"MEDIALIT_CLASS": str(class_folder), "MEDIALIT_EXPORT": "", "MEDIALIT_ROSTER": ""})
    return env


def test_dashboard_in_voila_pick_activity_and_learner_and_download(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    folder = small_class(tmp_path / "class 10B")
    with voila(NOTEBOOK, _env(tmp_path, folder), tmp_path / "voila.log") as url:
        page.goto(url, timeout=120_000)
        status = page.locator(".medialit-dashboard-status")
        expect(status).to_be_visible(timeout=120_000)
        expect(page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor")).to_have_count(0)  # no code shown
        expect(status).to_contain_text("2 handed in, 2 missing")
        expect(status).to_contain_text("dave.submission.json")                       # the reason, from the report
        expect(status).to_contain_text("not JSON")

        # the activity picker: the exercise, not only the lesson
        activity = page.locator(".medialit-dashboard-activity")
        activity.get_by_label("Activity").select_option(label=f"{EX_ART} · exercise 02-ex1 (2 learners)")
        expect(activity.locator("img")).to_have_attribute("alt", re.compile(rf"^{EX_ART}: 2 sentences"))
        expect(activity).to_contain_text("Plot summary:")

        # the learner picker: bob's labels of the exercise
        learner = page.locator(".medialit-dashboard-learner")
        learner.get_by_label("Learner").select_option(label="bob")
        expect(learner).to_contain_text(f"Labels: {EX_ART}, exercise 02-ex1")
        expect(learner.locator("td", has_text=re.compile(r"^quotation$"))).to_have_count(1)
        learner.get_by_label("Learner").select_option(label="dave (missing)")
        expect(learner).to_contain_text("No readable submission from dave")
        learner.screenshot(path=str(artifacts / "dashboard-learner.png"))

        # the download link is there, is a link a keyboard reaches, and holds the gradebook
        link = page.locator("a.medialit-download[download='gradebook.csv']")
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(r"^data:text/csv;charset=utf-8;base64,"))
        expect(page.locator("a.medialit-download[download='class_list.csv']")).to_have_count(1)
        with page.expect_download() as got:
            link.click()
        saved = Path(got.value.path()).read_text(encoding="utf-8")
        assert saved.splitlines()[0].startswith("learner,") and "alice" in saved and "bob" in saved
        expect(page.get_by_role("button", name="Save CSV files to folder")).to_have_count(0)  # no EXPORT
        page.screenshot(path=str(artifacts / "dashboard-voila.png"), full_page=True)
    assert not any(p.suffix == ".csv" for p in folder.rglob("*"))                          # nothing written


def test_dashboard_in_voila_with_a_mistyped_folder_says_so(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    with voila(NOTEBOOK, _env(tmp_path, tmp_path / "mistyped"), tmp_path / "voila.log") as url:
        page.goto(url, timeout=120_000)
        message = page.locator(".medialit-message[role='alert']").first
        expect(message).to_be_visible(timeout=120_000)
        expect(message).to_contain_text("Problem:")
        expect(message).to_contain_text("no such folder")
        expect(message).to_contain_text(str(tmp_path / "mistyped"))
        expect(page.locator("a.medialit-download[download='gradebook.csv']")).to_be_visible()  # the page is whole
        body = page.locator("body")
        expect(body).not_to_contain_text("Traceback")
        expect(body).not_to_contain_text(re.compile(r"error (when )?executing cell", re.IGNORECASE))
        page.screenshot(path=str(artifacts / "dashboard-mistyped-folder.png"))

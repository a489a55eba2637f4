"""One clear learner identity, in a real browser.

* JupyterLab: type an id, label a sentence, change the id: the labeller already on the page shows
  the new id and that learner's own saved work at once, and the first learner's file is unchanged.
* Voila: two browser sessions (two contexts: separate cookies, separate kernels) each choose their
  own name; neither sees the other's id, and the ``.learner`` file of the shared answers folder is
  neither read nor written.

No ``MEDIALIT_LEARNER`` / ``JUPYTERHUB_USER`` is set: the learner chooses the id in the page.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from .conftest import (ARTICLE, LABELS, PROBLEMS_JS, chromium_browser, run_all, save_notebook,
                       wait_for_answers)
from .servers import isolated_env, jupyterlab, voila

pytestmark = pytest.mark.browser
ACTIVITY = f"labels:{ARTICLE}"


def identity_notebook(folder: Path) -> Path:
    """A LearnerBox (compact, as at the top of a lesson) and a labeller below it."""
    return save_notebook(folder / "identity.ipynb", [
        "import medialit as ml\nml.LearnerBox(compact=True)",
        f"lab = ml.SentenceLabeller({ARTICLE!r}, {LABELS!r}, label_set='browser-test')\nlab",
    ])


def no_learner_env(tmp_path: Path, answers: Path) -> dict:
    env = isolated_env(tmp_path / "jupyter", answers)
    for var in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER"):
        env.pop(var, None)
    return env


def label_button(labeller, name: str):
    return labeller.locator(".widget-toggle-buttons button", has_text=re.compile(rf"^\W*{re.escape(name)}\s*$"))


def choose_name(page, name: str) -> None:
    box = page.locator(".medialit-learner-box")
    field = box.get_by_label("Learner id")
    field.fill(name)
    field.press("Enter")


def labels_in(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["activities"][ACTIVITY]["data"]["labels"]


def test_lab_id_change_retargets_the_widget_on_the_page(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    identity_notebook(root)
    home = tmp_path / "answers"
    # ben already has work of his own for this activity (from an earlier lesson day)
    from medialit import store

    store.put_activity(ACTIVITY, {"label_set": "browser-test", "labels": {
        "s005": {"label": "condition", "note": "ben's earlier note", "confidence": ""}}},
        kind="sentence_labels", article=ARTICLE, learner="ben", home=home)
    ben_file, ann_file = home / "ben.json", home / "ann.json"
    ben_before = ben_file.read_bytes()
    page_errors = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))

    with jupyterlab(root, no_learner_env(tmp_path, home), tmp_path / "lab.log") as base:
        run_all(page, f"{base}/lab/tree/identity.ipynb", timeout_ms=60_000, idle_after=False)
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller.locator(".medialit-no-learner")).to_contain_text("Choose your name")

        # 1. ann types her id and labels the first sentence
        choose_name(page, "ann")
        owner = labeller.locator(".medialit-owner")
        expect(owner).to_have_text("Saving as: ann")
        label_button(labeller, "duty").click()
        wait_for_answers(ann_file, lambda d: d["activities"][ACTIVITY]["data"]["labels"]["s003"]["label"] == "duty")
        ann_before = ann_file.read_bytes()
        expect(labeller).to_contain_text("1 of 7 labelled")

        # 2. the id changes to ben: the same widget shows ben and ben's own saved work at once
        choose_name(page, "ben")
        expect(page.locator(".medialit-learner-box")).to_contain_text("Your learner id is now ben")
        expect(owner).to_have_text("Saving as: ben")
        expect(label_button(labeller, "duty")).to_have_attribute("aria-pressed", "false")
        expect(labeller).to_contain_text("1 of 7 labelled")  # ben's s005, not ann's s003
        expect(labeller.locator(".medialit-overview")).to_contain_text("ben's earlier note")
        expect(labeller.locator(".medialit-status")).to_contain_text("ben.json")
        labeller.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "identity-lab-after-change.png"))
        assert ben_file.read_bytes() == ben_before, "switching to ben rewrote ben's file"

        # 3. a label now goes to ben's file; ann's file is exactly as it was
        label_button(labeller, "other").click()
        wait_for_answers(ben_file, lambda d: d["activities"][ACTIVITY]["data"]["labels"].get("s003", {}).get("label")
                         == "other")
        assert set(labels_in(ben_file)) == {"s003", "s005"}
        assert ann_file.read_bytes() == ann_before, "the first learner's file changed after the id changed"
        assert labels_in(ann_file) == {"s003": {"label": "duty", "note": "", "confidence": ""}}
        assert not (home / "learner.json").exists()
        problems = page.evaluate(PROBLEMS_JS)
        assert not problems, "problem outputs:\n" + "\n".join(problems)
        assert not page_errors, f"JavaScript errors in the page: {page_errors}"


def test_voila_sessions_have_independent_identities(chromium_path, tmp_path, artifacts):
    from playwright.sync_api import expect

    root = tmp_path / "course"
    root.mkdir()
    nb = identity_notebook(root)
    home = tmp_path / "answers"
    home.mkdir()
    choice = home / ".learner"
    choice.write_text("mallory\n")  # a name chosen earlier in JupyterLab on this server
    ann_file, ben_file = home / "ann.json", home / "ben.json"

    with voila(nb, no_learner_env(tmp_path, home), tmp_path / "voila.log") as url, \
            chromium_browser(chromium_path) as browser:
        pages = []
        for _ in range(2):  # two learners, two browser sessions
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            page.set_default_timeout(30_000)
            page.goto(url, timeout=90_000)
            pages.append(page)
        for page in pages:  # each session starts without a name: the shared .learner is not read
            labeller = page.locator(".medialit-sentence-labeller")
            expect(labeller).to_be_visible(timeout=90_000)
            box = page.locator(".medialit-learner-box")
            expect(box.get_by_label("Learner id")).to_have_value("")
            expect(box).to_contain_text("each time you open or reload the page")
            # in Voila the hint points to the name box on this page (store.no_learner_message)
            expect(labeller.locator(".medialit-no-learner")).to_contain_text('Type your name in the "Learner id" box')
        a, b = pages
        a.locator(".medialit-learner-box").screenshot(path=str(artifacts / "identity-voila-no-name.png"))

        choose_name(a, "ann")
        lab_a = a.locator(".medialit-sentence-labeller")
        expect(lab_a.locator(".medialit-owner")).to_have_text("Saving as: ann")
        label_button(lab_a, "duty").click()
        wait_for_answers(ann_file, lambda d: labels_in_doc(d).get("s003", {}).get("label") == "duty")

        lab_b = b.locator(".medialit-sentence-labeller")
        time.sleep(0.5)
        expect(lab_b.locator(".medialit-no-learner")).to_have_count(1)  # ann's choice did not reach b
        choose_name(b, "ben")
        expect(lab_b.locator(".medialit-owner")).to_have_text("Saving as: ben")
        expect(lab_b).to_contain_text("0 of 7 labelled")
        label_button(lab_b, "condition").click()
        wait_for_answers(ben_file, lambda d: labels_in_doc(d).get("s003", {}).get("label") == "condition")

        # a is still ann: its next label goes to ann's file only
        expect(lab_a.locator(".medialit-owner")).to_have_text("Saving as: ann")
        lab_a.get_by_role("button", name="Next").click()
        label_button(lab_a, "other").click()
        wait_for_answers(ann_file, lambda d: labels_in_doc(d).get("s005", {}).get("label") == "other")
        assert set(labels_in(ben_file)) == {"s003"}
        b.screenshot(path=str(artifacts / "identity-voila-second-session.png"))
        assert choice.read_text() == "mallory\n", "a Voila session wrote the shared .learner file"
        assert not (home / "mallory.json").exists()


def labels_in_doc(doc) -> dict:
    return doc["activities"][ACTIVITY]["data"]["labels"]

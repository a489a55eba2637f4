"""A learner on a plain machine (no MEDIALIT_LEARNER, no JUPYTERHUB_USER) runs the start notebook in
JupyterLab: Run All saves and exports nothing, and every widget asks for a name; the learner labels
a sentence anyway (kept in memory), then types a name into the LearnerBox and presses Enter: the
widgets already on the page show the name at once (no re-run) and the label is saved under it; the
name is remembered in ``<answers folder>/.learner``; after a kernel restart and Run All the name
and the label are back, and the hand-in file is written.

The start notebook is copied to a temporary folder (the course's own notebook is never written);
``import medialit`` finds the course data through the installed package."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import PROBLEMS_JS, restart_kernel, run_all, wait_for
from .servers import isolated_env, jupyterlab, render_all_cells

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
START = REPO / "notebooks" / "00_start_here.ipynb"
NAME = "alice"
ACTIVITY = "00:labels:southfront_2026"
FIRST = "s002"  # the first sentence the start notebook's labeller shows
LABEL = "reports a fact"


def run_all_fresh(page) -> None:
    """Clear every output (and prompt number), Run All, wait until every code cell has run.

    Clearing first means no view from an earlier run can stand in for the new one."""
    run_all(page, timeout_ms=60_000, fresh=".medialit-learner-box", fresh_ms=10_000)


def saved_label(path: Path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc["activities"][ACTIVITY]["data"]["labels"][FIRST]["label"]


def test_learner_chooses_id_work_saved_and_found_after_restart(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    root = tmp_path / "course"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(START, root / "notebooks" / START.name)
    home = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", home)
    for var in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER"):  # a plain machine: nobody sets the id
        env.pop(var, None)
    render_all_cells(env["JUPYTERLAB_SETTINGS_DIR"])
    page_errors = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    answers_file, choice_file = home / f"{NAME}.json", home / ".learner"

    with jupyterlab(root, env, tmp_path / "lab.log") as base:
        page.goto(f"{base}/lab/tree/notebooks/{START.name}")
        run_all_fresh(page)

        # 1. nobody has chosen an id yet: no default id, nothing saved or exported by Run All
        box = page.locator(".medialit-learner-box")
        id_input = box.get_by_label("Learner id")
        expect(id_input).to_be_enabled()
        expect(id_input).to_have_value("")
        expect(box).to_contain_text("No name chosen yet")
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller.locator(".medialit-no-learner")).to_contain_text(
            "Choose your name in the start notebook or in the box above before your work can be saved")
        expect(page.locator(".medialit-claim-ledger .medialit-no-learner")).to_have_count(1)
        expect(page.locator(".medialit-handin .medialit-no-learner")).to_have_count(1)  # Run All hands nothing in
        assert not home.exists() or not [p for p in home.rglob("*") if p.is_file()], \
            f"files written before a name was chosen: {sorted(home.rglob('*'))}"

        # 2. label a sentence before choosing a name: shown, kept in memory, not saved
        expect(labeller).to_contain_text("Sentence 1 of 5")
        button = labeller.locator(".widget-toggle-buttons button", has_text=re.compile(rf"^\W*{LABEL}\s*$"))
        expect(button).to_have_attribute("aria-pressed", "false")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(labeller.locator(".medialit-status")).to_contain_text("Not saved")
        labeller.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "learner-flow-no-name.png"))
        assert not answers_file.exists()

        # 3. type a name, press Enter: the id is used and remembered, the widgets on the page follow
        #    at once (no re-run) and the label made before is saved under the name
        id_input.fill(NAME)
        id_input.press("Enter")
        expect(box).to_contain_text(f"Your learner id is now {NAME}")
        wait_for(lambda: choice_file.read_text(encoding="utf-8").strip() == NAME,
                 f"{choice_file} does not hold {NAME!r} after pressing Enter")
        box.screenshot(path=str(artifacts / "learner-flow-id-chosen.png"))
        expect(labeller.locator(".medialit-owner")).to_have_text(f"Saving as: {NAME}")
        expect(page.locator(".medialit-no-learner")).to_have_count(0)
        wait_for(lambda: saved_label(answers_file) == LABEL,
                 f"{answers_file} does not hold the label {LABEL!r} of {FIRST} made before the name")
        expect(labeller.locator(".medialit-status")).to_contain_text("Saved")
        doc = json.loads(answers_file.read_text(encoding="utf-8"))
        assert doc["learner"] == NAME
        assert choice_file.read_text(encoding="utf-8").strip() == NAME
        assert sorted(p.name for p in home.glob("*.json")) == [f"{NAME}.json"], "work filed under another id"
        labeller.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "learner-flow-labelled.png"))

        # 4. restart the kernel, Run All: the remembered id and the saved label come back
        restart_kernel(page, clear=False)  # run_all_fresh clears the outputs
        run_all_fresh(page)
        box = page.locator(".medialit-learner-box")
        expect(box.get_by_label("Learner id")).to_have_value(NAME)
        expect(box).to_contain_text(f"Your learner id is {NAME}.")
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_contain_text("1 of 5 labelled")
        expect(labeller.locator(".medialit-owner")).to_have_text(f"Saving as: {NAME}")
        assert not (home / "submissions").exists(), "Run All handed the work in"
        handin = page.locator(".medialit-handin")
        expect(handin.locator(".medialit-owner")).to_have_text(f"Handing in as: {NAME}")
        handin.get_by_role("button", name="Hand in my work").click()
        expect(handin.locator("a.medialit-download")).to_contain_text(f"{NAME}.00.submission.json")
        assert (home / "submissions" / f"{NAME}.submission.json").exists()
        button = labeller.locator(".widget-toggle-buttons button", has_text=re.compile(rf"^\W*{LABEL}\s*$"))
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(button).to_have_class(re.compile(r"\bmod-active\b"))
        problems = page.evaluate(PROBLEMS_JS)
        labeller.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "learner-flow-after-restart.png"))
        box.scroll_into_view_if_needed()
        box.screenshot(path=str(artifacts / "learner-flow-box-after-restart.png"))
        assert not problems, "problem outputs after the restart:\n" + "\n".join(problems)
        assert not page_errors, f"JavaScript errors in the page: {page_errors}"

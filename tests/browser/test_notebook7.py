"""Issue 18, item 3: the course in the Notebook 7 interface (``jupyter notebook``), not only in
JupyterLab. For the start notebook and lesson 02: Run All, every widget renders (none left as
"Error displaying widget" or "Loading widget"), the learner labels a sentence, saves the notebook,
restarts the kernel (through the Kernel menu's dialog), runs everything again and finds the work.

One Notebook 7 server serves copies of the two notebooks in a temporary folder; every Jupyter
folder is temporary too (servers.isolated_env)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import (PROBLEMS_JS, chromium_context, command, command_done, restart_kernel, run_all,
                       shutdown_kernels, wait_for_answers)
from .servers import isolated_env, notebook7, render_all_cells
from .test_lessons import EXPECTED

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
LEARNER = "nb7"
#: notebook -> (the answers activity of its first labeller, the label clicked on its first sentence)
CASES = {
    "00_start_here.ipynb": ("00:labels:southfront_2026", "reports a fact"),
    "02_opinion_or_reporting.ipynb": ("02:labels:southfront_2026", "opinion"),
}
#: Notebook 7.6's own start-up race (its keyboard-shortcuts plugin reads the settings schema of a
#: plugin not registered yet, in notebook_core.js, before any notebook code runs). Seen in about
#: half the page loads, with or without the course; reported by the test, not counted against it.
NOTEBOOK7_OWN = ("Cannot read properties of undefined (reading 'schema')", "/static/notebook/notebook_core.")
IDLE_JS = """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle' && !w.sessionContext.pendingInput; }"""


@pytest.fixture(scope="module")
def nb7(chromium_path, tmp_path_factory):
    """(base URL, browser context, answers folder, course folder) of one Notebook 7 server."""
    tmp = tmp_path_factory.mktemp("notebook7")
    root = tmp / "course"
    (root / "notebooks").mkdir(parents=True)
    for name in CASES:
        shutil.copy(REPO / "notebooks" / name, root / "notebooks" / name)
    answers = tmp / "answers"
    env = isolated_env(tmp / "jupyter", answers, LEARNER)
    render_all_cells(env["JUPYTERLAB_SETTINGS_DIR"])
    with notebook7(root, env, tmp / "notebook7.log") as base, \
            chromium_context(chromium_path, tmp / "chromium-profile") as context:
        yield base, context, answers, root


def _wait_idle(page) -> None:
    page.wait_for_function(IDLE_JS, timeout=90_000, polling=250)


def _run_all(page, notebook: str) -> None:
    """Clear the outputs, Run All, wait until every code cell has run; check every widget rendered.
    (Notebook 7 has no kernel status bar: the kernel is waited for through the page's app.)"""
    from playwright.sync_api import expect

    run_all(page, timeout_ms=180_000, fresh=".medialit-widget", fresh_ms=15_000, wait_for_idle=_wait_idle,
            run_command="notebook:run-all-cells")
    for kind, count in EXPECTED[f"notebooks/{notebook}"].items():
        views = page.locator(f".medialit-{kind}")
        expect(views).to_have_count(count, timeout=30_000)
        expect(views.first).to_be_visible()
    page.wait_for_timeout(500)  # late widget views
    problems = page.evaluate(PROBLEMS_JS)
    assert not problems, f"{notebook} in Notebook 7: problem outputs after Run All:\n" + "\n".join(problems)


def _label_button(page, label: str):
    labeller = page.locator(".medialit-sentence-labeller").first
    labeller.scroll_into_view_if_needed()
    return labeller.locator(".widget-toggle-buttons button", has_text=re.compile(rf"^\W*{re.escape(label)}\s*$"))


@pytest.mark.parametrize("notebook", sorted(CASES))
def test_notebook7_runs_saves_restarts_and_keeps_the_work(nb7, notebook, artifacts):
    from playwright.sync_api import expect

    base, context, answers, root = nb7
    activity, label = CASES[notebook]
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(f"{exc}\n{exc.stack}"))
    try:
        page.goto(f"{base}/notebooks/notebooks/{notebook}")
        # the Notebook 7 interface (one document per tab), not JupyterLab
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.name === 'Jupyter Notebook' && "
                               "!!window.jupyterapp.shell.currentWidget", timeout=90_000)
        _run_all(page, notebook)

        button = _label_button(page, label)
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        doc = wait_for_answers(answers / f"{LEARNER}.json",
                               lambda d: d["activities"][activity]["data"]["labels"])
        saved = doc["activities"][activity]["data"]["labels"]
        assert len(saved) == 1, saved

        # save the notebook: the file on disk now holds this run's outputs
        on_disk = root / "notebooks" / notebook
        before = on_disk.stat().st_mtime_ns
        command(page, "docmanager:save")
        command_done(page)
        assert on_disk.stat().st_mtime_ns != before, "Save did not write the notebook"
        nb = json.loads(on_disk.read_text(encoding="utf-8"))
        assert any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")

        # restart the kernel through the Kernel menu's dialog, run everything again
        restart_kernel(page, clear=False)  # _run_all clears the outputs
        _run_all(page, notebook)
        button = _label_button(page, label)
        expect(button).to_have_attribute("aria-pressed", "true")  # the work is found again
        status = page.locator(".medialit-sentence-labeller").first.locator(".medialit-status")
        expect(status).not_to_contain_text("cannot")
        after = json.loads((answers / f"{LEARNER}.json").read_text(encoding="utf-8"))
        assert after["activities"][activity]["data"]["labels"] == saved
        page.screenshot(path=str(artifacts / f"notebook7-{Path(notebook).stem}.png"))
        own = [e for e in errors if e.startswith(NOTEBOOK7_OWN[0]) and NOTEBOOK7_OWN[1] in e]
        if own:
            print(f"Notebook 7's own start-up error (not the course's), {len(own)}x: {NOTEBOOK7_OWN[0]}")
        ours = [e for e in errors if e not in own]
        assert not ours, f"JavaScript errors in the page: {ours}"
    finally:
        shutdown_kernels(page)
        page.close()

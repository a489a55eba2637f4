"""Every lesson and exercise in JupyterLab: Run All gives no error output, and the lesson's
widgets render as views (not "Error displaying widget" nor a text repr). In lesson 00 the
keyboard path is checked too: arrow keys stay in a drop-down list and a radio group (JupyterLab's
notebook shortcuts must not take them) and the focus ring is clearly visible.

One JupyterLab server and one browser serve all the notebooks (copies in a temporary folder, so
the course's own notebooks are never written)."""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from .servers import CHROMIUM_ARGS, isolated_env, jupyterlab

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
IDLE = "Python 3 (ipykernel) | Idle"
LEARNER = "lessons"

# the medialit widgets each notebook shows (CSS class -> how many)
EXPECTED = {
    "notebooks/00_start_here.ipynb": {"sentence-labeller": 1, "phrase-marker": 1, "provenance": 1,
                                      "claim-ledger": 1, "learner-box": 1},
    "notebooks/01_source_provenance.ipynb": {"provenance": 3},
    "notebooks/02_opinion_or_reporting.ipynb": {"sentence-labeller": 2, "phrase-marker": 1},
    "notebooks/03_unsupported_battlefield_claims.ipynb": {"claim-ledger": 2},
    "notebooks/04_your_own_article.ipynb": {"provenance": 1, "sentence-labeller": 1, "phrase-marker": 1,
                                            "claim-ledger": 1},
    "notebooks/90_instructor_dashboard.ipynb": {},
    "exercises/01_source_provenance_ex1.ipynb": {},
    "exercises/02_opinion_or_reporting_ex1.ipynb": {"sentence-labeller": 1},
    "exercises/03_unsupported_battlefield_claims_ex1.ipynb": {"claim-ledger": 1},
}
NOTEBOOKS = sorted(str(p.relative_to(REPO)) for d in ("notebooks", "exercises") for p in (REPO / d).glob("*.ipynb"))

# Problems in the outputs of the notebook on show (searched in the DOM of the current tab only).
PROBLEMS_JS = """() => {
  const node = window.jupyterapp.shell.currentWidget.node, out = [];
  node.querySelectorAll('.jp-OutputArea-output').forEach(o => {
    const mime = o.getAttribute('data-mime-type') || '', t = (o.innerText || '').slice(0, 600);
    if (mime.includes('stderr')) out.push('stderr: ' + t);
    if (mime.includes('error')) out.push('error: ' + t);
    if (/Error displaying widget|Loading widget|Traceback \\(most recent/.test(t)) out.push('text: ' + t);
    if (mime === 'text/plain' && /\\b(SentenceLabeller|PhraseMarker|ClaimLedger|ProvenanceChecklist|LearnerBox)\\(/.test(t))
      out.push('widget shown as text: ' + t);
  });
  return out;
}"""
RUN_DONE_JS = """() => {
  const p = [...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
  return p.length > 0 && p.every(e => /^\\[\\d+\\]:$/.test(e.textContent.trim()));
}"""


@pytest.fixture(scope="module")
def lab(chromium_path, tmp_path_factory):
    """(base URL, browser context, answers folder) of one JupyterLab serving copies of every notebook."""
    from playwright.sync_api import sync_playwright

    tmp = tmp_path_factory.mktemp("lessons")
    root = tmp / "course"
    for sub in ("notebooks", "exercises"):
        (root / sub).mkdir(parents=True)
        for nb in (REPO / sub).glob("*.ipynb"):
            shutil.copy(nb, root / sub / nb.name)
    answers = tmp / "answers"
    env = isolated_env(tmp / "jupyter", answers, LEARNER)
    # render every cell (no windowing), so the whole notebook's outputs are in the page
    tracker = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    with jupyterlab(root, env, tmp / "lab.log") as base, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(tmp / "chromium-profile"), executable_path=chromium_path, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000})
        try:
            yield base, context, answers
        finally:
            context.close()


def _focused(page) -> dict:
    return page.evaluate("""() => { const a = document.activeElement, s = getComputedStyle(a);
        return {tag: a.tagName, inWidget: !!a.closest('.medialit-widget'), value: a.value,
                outline: parseFloat(s.outlineWidth) || 0}; }""")


def _check_keyboard(page, answers: Path, artifacts: Path) -> None:
    """Lesson 00: arrow keys in the 'Go to' list and in a radio group, focus ring, pressed state."""
    from playwright.sync_api import expect

    labeller = page.locator(".medialit-sentence-labeller")
    labeller.get_by_role("button", name="Next").focus()  # a button: the notebook is in command mode
    go_to = labeller.get_by_label("Go to")
    go_to.focus()
    page.keyboard.press("ArrowDown")
    expect(labeller).to_contain_text("Sentence 2 of 5")
    assert _focused(page)["inWidget"], "ArrowDown in 'Go to' moved the focus out of the labeller"

    button = labeller.locator(".widget-toggle-buttons button", has_text=re.compile(r"^\s*not sure\s*$"))
    button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    assert _focused(page)["outline"] >= 2, "the focus ring of a label button is hardly visible"
    # the label's definition, a tooltip on hover, is shown for keyboard focus too
    hint = page.locator("#medialit-focus-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("You cannot decide yet")
    page.screenshot(path=str(artifacts / "focus-hint.png"))
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-pressed", "true")  # the chosen label is not colour-only

    checklist = page.locator(".medialit-provenance")
    checklist.get_by_role("radio", name="yes", exact=True).first.focus()  # question 2 (author)
    page.keyboard.press("ArrowDown")
    focused = _focused(page)
    assert focused["inWidget"] and focused["tag"] == "INPUT", f"ArrowDown left the radio group: {focused}"
    path = answers / f"{LEARNER}.json"
    expect(checklist.get_by_role("radio", name="no", exact=True).first).to_be_checked()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        doc = json.loads(path.read_text()) if path.exists() else {}
        entry = doc.get("activities", {}).get("00:provenance:southfront_2026", {}).get("data", {})
        if entry.get("answers", {}).get("author", {}).get("answer") == "no":
            break
        time.sleep(0.2)
    else:
        raise AssertionError(f"The radio answer chosen with an arrow key was not saved: {doc}")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_run_all_without_errors_and_widgets_render(lab, notebook, artifacts):
    from playwright.sync_api import expect

    base, context, answers = lab
    page = context.new_page()
    page.set_default_timeout(30_000)
    page_errors = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    try:
        page.goto(f"{base}/lab/tree/{notebook}")
        page.get_by_text(IDLE).first.wait_for(state="visible", timeout=60_000)
        page.evaluate("() => { window.__run = window.jupyterapp.commands.execute('runmenu:run-all'); }")
        page.wait_for_function(RUN_DONE_JS, timeout=120_000, polling=250)
        page.get_by_text(IDLE).first.wait_for(state="visible", timeout=60_000)
        for kind, count in EXPECTED.get(notebook, {}).items():
            views = page.locator(f".medialit-{kind}")
            expect(views).to_have_count(count, timeout=30_000)
            expect(views.first).to_be_visible()
        if not EXPECTED.get(notebook):  # no widgets: the outputs (tables, plots) are there
            assert page.locator(".jp-OutputArea-output").count() > 0
        page.wait_for_timeout(500)  # let late widget views finish rendering
        problems = page.evaluate(PROBLEMS_JS)
        stem = Path(notebook).stem
        page.screenshot(path=str(artifacts / f"lesson-{stem}.png"))
        assert not problems, f"{notebook}: problem outputs after Run All:\n" + "\n".join(problems)
        if notebook.endswith("00_start_here.ipynb"):
            _check_keyboard(page, answers, artifacts)
        assert not page_errors, f"{notebook}: JavaScript errors in the page: {page_errors}"
    finally:
        try:
            page.evaluate("() => window.jupyterapp.serviceManager.sessions.shutdownAll()")
        except Exception:  # noqa: BLE001 - the page may already be gone
            pass
        page.close()

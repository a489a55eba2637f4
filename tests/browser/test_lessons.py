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

from .conftest import PROBLEMS_JS, chromium_context, run_all, shutdown_kernels
from .servers import isolated_env, jupyterlab, render_all_cells

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
LEARNER = "lessons"

# the medialit widgets each notebook shows (CSS class -> how many); "reveal" is an ml.KeyReveal,
# "answer" an ml.Answer (an ml.FieldsAnswer or ml.SkillsCheck too), "chain" an ml.ChainBuilder
EXPECTED = {
    "notebooks/00_start_here.ipynb": {"sentence-labeller": 1, "phrase-marker": 1, "provenance": 1,
                                      "claim-ledger": 1, "learner-box": 1, "handin": 1},
    "notebooks/00b_skills_check_before.ipynb": {"skills-check": 1, "handin": 1},
    "notebooks/01_source_provenance.ipynb": {"chain": 3, "provenance": 3, "answer": 3, "reveal": 4},
    "notebooks/01b_tracing_quotes.ipynb": {"answer": 3, "reveal": 3},
    "notebooks/02_opinion_or_reporting.ipynb": {"sentence-labeller": 1, "phrase-marker": 1, "answer": 1, "reveal": 3},
    "notebooks/03_unsupported_battlefield_claims.ipynb": {"claim-ledger": 1, "answer": 3, "reveal": 3},
    "notebooks/03b_evidence_ladder_and_treaty.ipynb": {"claim-ledger": 1, "reveal": 1},
    "notebooks/04_your_own_article.ipynb": {"provenance": 1, "sentence-labeller": 1, "phrase-marker": 1,
                                            "claim-ledger": 1, "add-article": 1},
    "notebooks/05_skills_check_after.ipynb": {"skills-check": 1, "handin": 1},
    "notebooks/90_instructor_dashboard.ipynb": {},
    "exercises/01_source_provenance_ex1.ipynb": {"answer": 9, "reveal": 5, "handin": 1},
    "exercises/02_opinion_or_reporting_ex1.ipynb": {"sentence-labeller": 2, "answer": 3, "reveal": 1, "handin": 1},
    "exercises/03_unsupported_battlefield_claims_ex1.ipynb": {"claim-ledger": 1, "answer": 11, "reveal": 1,
                                                              "handin": 1},
}
NOTEBOOKS = sorted(str(p.relative_to(REPO)) for d in ("notebooks", "exercises") for p in (REPO / d).glob("*.ipynb"))

# Run All never opens a key: every KeyReveal shows its "Answer first" line and an empty key area.
KEYS_OPEN_JS = """() => [...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.medialit-reveal')]
  .filter(r => !/Answer first/.test(r.innerText) ||
               r.querySelectorAll('.medialit-reveal-key .jp-OutputArea-output').length > 0)
  .map(r => (r.innerText || '').slice(0, 200))"""


@pytest.fixture(scope="module")
def lab(chromium_path, tmp_path_factory):
    """(base URL, browser context, answers folder) of one JupyterLab serving copies of every notebook."""
    tmp = tmp_path_factory.mktemp("lessons")
    root = tmp / "course"
    for sub in ("notebooks", "exercises"):
        (root / sub).mkdir(parents=True)
        for nb in (REPO / sub).glob("*.ipynb"):
            shutil.copy(nb, root / sub / nb.name)
    answers = tmp / "answers"
    env = isolated_env(tmp / "jupyter", answers, LEARNER)
    render_all_cells(env["JUPYTERLAB_SETTINGS_DIR"])
    with jupyterlab(root, env, tmp / "lab.log") as base, chromium_context(chromium_path, tmp / "chromium-profile") as context:
        yield base, context, answers


def _focused(page) -> dict:
    return page.evaluate("""() => { const a = document.activeElement, s = getComputedStyle(a);
        return {tag: a.tagName, inWidget: !!a.closest('.medialit-widget'), value: a.value,
                outline: s.outlineStyle === "none" ? 0 : (parseFloat(s.outlineWidth) || 0)}; }""")


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

    note = labeller.get_by_placeholder(re.compile("optional short note"))
    note.focus()  # a text box: ipywidgets' own style hides the outline unless ours wins
    assert _focused(page)["tag"] == "INPUT" and _focused(page)["outline"] >= 2, "no focus ring on a text box"

    checklist = page.locator(".medialit-provenance")
    expect(checklist.get_by_role("radio", name="yes", exact=True)).to_have_count(1)  # one question: author
    checklist.get_by_role("radio", name="yes", exact=True).first.focus()
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
        # ?reset: a clean workspace, so the tabs of earlier notebooks (whose kernels were shut down)
        # are not opened again next to this one, where they can report "Kernel is dead"
        run_all(page, f"{base}/lab/tree/{notebook}?reset", timeout_ms=120_000, idle_ms=60_000)
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
        opened = page.evaluate(KEYS_OPEN_JS)
        assert not opened, f"{notebook}: Run All opened a key (or hid 'Answer first'): {opened}"
        if notebook.endswith("00_start_here.ipynb"):
            _check_keyboard(page, answers, artifacts)
        assert not page_errors, f"{notebook}: JavaScript errors in the page: {page_errors}"
    finally:
        shutdown_kernels(page)
        page.close()

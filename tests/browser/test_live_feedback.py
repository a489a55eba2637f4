"""Issue 14, item 3 (stale feedback): in lesson 02, a label clicked in the labeller updates the
comparison table and the mix chart under it without running any cell, in JupyterLab and in Voila.

The lesson is a copy in a temporary folder, so the course's own notebook is never written."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .servers import isolated_env, jupyterlab, voila

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
LESSON = "02_opinion_or_reporting.ipynb"
IDLE = "Python 3 (ipykernel) | Idle"
PROMPTS_JS = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(e => e.textContent.trim())"""


def _copy_lesson(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(REPO / "notebooks" / LESSON, root / LESSON)
    return root


def _click_label_and_see_feedback(page, artifacts: Path, where: str) -> None:
    """Click 'opinion' for the first sentence of seed 000; the live comparison and the live mix
    chart under the lesson's labellers must follow."""
    from playwright.sync_api import expect

    labeller = page.locator(".medialit-sentence-labeller").first
    comparison = page.locator(".medialit-live").first
    chart = page.locator(".medialit-live").nth(2)
    expect(comparison).to_contain_text("You have not labelled any sentence yet", timeout=120_000)
    expect(chart).to_contain_text("Plot summary:")
    expect(chart).not_to_contain_text("southfront_2026 (you)")
    assert "run this cell" not in page.inner_text("body").lower()
    labeller.scroll_into_view_if_needed()
    labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*opinion\s*$")).click()
    expect(comparison).to_contain_text("You labelled 1 of 23 sentences", timeout=15_000)
    expect(comparison.locator("table").first).to_contain_text("opinion")
    expect(chart).to_contain_text("southfront_2026 (you): 1 of 1 opinion or prediction", timeout=15_000)
    comparison.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"live-feedback-{where}.png"))
    # the folded key opens from the keyboard (a <details> summary takes focus; Enter opens it)
    summary = comparison.locator("details summary").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(comparison.locator("details").first).to_have_attribute("open", "")


def test_jupyterlab_comparison_updates_when_a_label_changes(browser_page, tmp_path, artifacts):
    page = browser_page
    root = _copy_lesson(tmp_path)
    env = isolated_env(tmp_path / "jupyter", tmp_path / "answers", "live")
    with jupyterlab(root, env, tmp_path / "lab.log") as base:
        page.goto(f"{base}/lab/tree/{LESSON}")
        page.get_by_text(IDLE).first.wait_for(state="visible", timeout=60_000)
        page.evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")
        page.wait_for_function(f"() => ({PROMPTS_JS})().every(p => /^\\[\\d+\\]:$/.test(p))",
                               timeout=180_000, polling=250)
        page.get_by_text(IDLE).first.wait_for(state="visible", timeout=60_000)
        before = page.evaluate(PROMPTS_JS)
        _click_label_and_see_feedback(page, artifacts, "jupyterlab")
        assert page.evaluate(PROMPTS_JS) == before, "a cell was run: the feedback must update by itself"
        page.evaluate("() => window.jupyterapp.serviceManager.sessions.shutdownAll()")


def test_voila_comparison_updates_when_a_label_changes(browser_page, tmp_path, artifacts):
    page = browser_page
    root = _copy_lesson(tmp_path)
    env = isolated_env(tmp_path / "jupyter", tmp_path / "answers", "live")
    with voila(root / LESSON, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=180_000)
        page.locator(".medialit-sentence-labeller").first.wait_for(state="visible", timeout=180_000)
        _click_label_and_see_feedback(page, artifacts, "voila")

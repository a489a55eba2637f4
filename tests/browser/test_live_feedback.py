"""Issue 14, item 3 (stale feedback), with issue 16's "commit before the key": in lesson 02 the
comparison table and the mix chart appear only when the learner presses "Show our key" (which keeps
their labels so far as first answers); after that, a label changed in the labeller updates both
without running any cell, in JupyterLab and in Voila.

The lesson is a copy in a temporary folder, so the course's own notebook is never written."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import run_all, shutdown_kernels
from .servers import isolated_env, jupyterlab, voila

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
LESSON = "02_opinion_or_reporting.ipynb"
PROMPTS_JS = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(e => e.textContent.trim())"""


def _copy_lesson(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(REPO / "notebooks" / LESSON, root / LESSON)
    return root


def _first_and_final(answers: Path, learner: str = "live") -> tuple:
    """The saved (first, final) labels of the lesson's labeller, once the answers file has them."""
    import json
    import time

    path, doc = answers / f"{learner}.json", {}
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        doc = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        rec = doc.get("activities", {}).get("02:labels:southfront_2026", {})
        if "first" in rec:
            return ({k: v["label"] for k, v in rec["first"]["labels"].items()},
                    {k: v["label"] for k, v in rec["data"]["labels"].items()})
        time.sleep(0.2)
    raise AssertionError(f"No first answers were saved for the lesson's labeller: {doc}")


def _click_label_and_see_feedback(page, artifacts: Path, where: str, answers: Path) -> None:
    """Click 'opinion' for the first sentence of seed 000, then open our key with the keyboard:
    the live comparison and the live mix chart appear only then, keep the first answers, and
    follow a label changed afterwards without running any cell."""
    from playwright.sync_api import expect

    labeller = page.locator(".medialit-sentence-labeller")
    expect(labeller).to_have_count(1, timeout=120_000)  # lesson 02 has one labeller (s002-s017)
    key = page.locator(".medialit-reveal").first
    expect(key).to_contain_text("Answer first", timeout=120_000)
    expect(page.locator(".medialit-live")).to_have_count(0)  # no comparison before the key is opened
    assert "run this cell" not in page.inner_text("body").lower()
    labeller.scroll_into_view_if_needed()
    labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*opinion\s*$")).click()
    button = key.get_by_role("button", name="Show our key")
    button.focus()
    page.keyboard.press("Enter")
    comparison = key.locator(".medialit-live").first
    chart = key.locator(".medialit-live").nth(1)
    expect(comparison).to_contain_text("You labelled 1 of 16 sentences", timeout=30_000)
    expect(comparison.locator("table").first).to_contain_text("opinion")
    expect(chart).to_contain_text("Plot summary:", timeout=15_000)
    expect(chart).to_contain_text("southfront_2026 (you): 1 of 1 opinion or prediction", timeout=15_000)
    expect(key).to_contain_text("your first answers are kept")
    assert _first_and_final(answers) == ({"s002": "opinion"}, {"s002": "opinion"})
    # a label changed after the key is open: the comparison and the chart follow by themselves,
    # and the first answer stays as it was
    labeller.scroll_into_view_if_needed()
    labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*quotation\s*$")).click()
    expect(comparison.locator("table").first).to_contain_text("quotation", timeout=15_000)
    expect(chart).to_contain_text("southfront_2026 (you): 0 of 1 opinion or prediction", timeout=15_000)
    first, final = _first_and_final(answers)
    assert first == {"s002": "opinion"}, first
    comparison.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"live-feedback-{where}.png"))
    # the folded key opens from the keyboard (a <details> summary takes focus; Enter opens it)
    summary = comparison.locator("details summary").first
    expect(summary).to_contain_text("15 sentences you have not labelled")
    summary.focus()
    page.keyboard.press("Enter")
    expect(comparison.locator("details").first).to_have_attribute("open", "")


def test_jupyterlab_comparison_updates_when_a_label_changes(browser_page, tmp_path, artifacts):
    page = browser_page
    root = _copy_lesson(tmp_path)
    env = isolated_env(tmp_path / "jupyter", tmp_path / "answers", "live")
    with jupyterlab(root, env, tmp_path / "lab.log") as base:
        run_all(page, f"{base}/lab/tree/{LESSON}", timeout_ms=180_000, idle_ms=60_000)
        before = page.evaluate(PROMPTS_JS)
        _click_label_and_see_feedback(page, artifacts, "jupyterlab", tmp_path / "answers")
        assert page.evaluate(PROMPTS_JS) == before, "a cell was run: the feedback must update by itself"
        shutdown_kernels(page)


def test_voila_comparison_updates_when_a_label_changes(browser_page, tmp_path, artifacts):
    page = browser_page
    root = _copy_lesson(tmp_path)
    env = isolated_env(tmp_path / "jupyter", tmp_path / "answers", "live")
    with voila(root / LESSON, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=180_000)
        page.locator(".medialit-sentence-labeller").first.wait_for(state="visible", timeout=180_000)
        _click_label_and_see_feedback(page, artifacts, "voila", tmp_path / "answers")

"""Commit before the key, in JupyterLab: Run All shows the key's button but not the key; the learner
labels a sentence, presses the button with the KEYBOARD (Tab to it, Enter): the key appears and the
label is kept as a first answer; a later change of the label is saved next to it; after a kernel
restart and Run All the key is on show at once and the first answer is still there."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import (ARTICLE, LABELS, LEARNER, restart_kernel, run_all, save_notebook, shutdown_kernels,
                       wait_for_answers)
from .servers import isolated_env, jupyterlab, render_all_cells

pytestmark = pytest.mark.browser
ACTIVITY = f"labels:{ARTICLE}"
KEY_TEXT = "OUR KEY: every sentence of Article 5 is a duty"


def write_notebook(folder):
    return save_notebook(folder / "reveal.ipynb", [
        "import medialit as ml",
        f"lab = ml.SentenceLabeller({ARTICLE!r}, {LABELS!r}, label_set='browser-test')\nlab",
        f"ml.KeyReveal('t-labels-key', lambda: {KEY_TEXT!r}, activities=[lab])",
    ])


def test_key_opens_from_the_keyboard_and_first_answers_survive_a_restart(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    nb = write_notebook(tmp_path)
    home = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", home)
    answers = home / f"{LEARNER}.json"
    with jupyterlab(tmp_path, env, tmp_path / "lab.log") as base:
        run_all(page, f"{base}/lab/tree/{nb.name}", timeout_ms=120_000)

        # 1. Run All: the button and the "answer first" line, no key
        reveal = page.locator(".medialit-reveal")
        button = reveal.get_by_role("button", name="Show our key")
        expect(button).to_be_visible()
        expect(reveal).to_contain_text("Answer first. When you press the button")
        for area in page.locator(".jp-OutputArea").all():  # (the code cell itself names the key)
            expect(area).not_to_contain_text(KEY_TEXT)

        # 2. label the first sentence, then reach the button with Tab and press Enter
        labeller = page.locator(".medialit-sentence-labeller")
        labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\W*duty\s*$")).click()
        wait_for_answers(answers, lambda d: d["activities"][ACTIVITY]["data"]["labels"])
        focused = False
        for _ in range(60):  # Tab until the key's button has the focus (the keyboard path)
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement?.classList.contains('medialit-reveal-button')"):
                focused = True
                break
        assert focused, "the key's button cannot be reached with Tab"
        page.keyboard.press("Enter")
        expect(reveal).to_contain_text(KEY_TEXT, timeout=20_000)
        expect(reveal).to_contain_text("You opened our key on")
        expect(button).to_be_hidden()
        doc = wait_for_answers(answers, lambda d: "first" in d["activities"][ACTIVITY])
        first = doc["activities"][ACTIVITY]["first"]["labels"]
        assert [v["label"] for v in first.values()] == ["duty"]
        assert "t-labels-key" in doc["reveals"]
        reveal.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "reveal-opened.png"))

        # 3. change the label after seeing the key: saved as the latest work, first answer unchanged
        labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\W*other\s*$")).click()
        doc = wait_for_answers(answers, lambda d: any(
            v["label"] == "other" for v in d["activities"][ACTIVITY]["data"]["labels"].values()))
        assert doc["activities"][ACTIVITY]["first"]["labels"] == first

        # 4. restart the kernel, Run All: the key is on show at once, the first answers are kept
        restart_kernel(page)
        expect(page.locator(".medialit-reveal")).to_have_count(0)
        run_all(page, timeout_ms=120_000)
        reveal = page.locator(".medialit-reveal")
        expect(reveal).to_contain_text(KEY_TEXT, timeout=20_000)
        expect(reveal).to_contain_text("your first answers are kept")
        expect(reveal.get_by_role("button", name="Show our key")).to_be_hidden()
        doc = json.loads(answers.read_text(encoding="utf-8"))
        assert doc["activities"][ACTIVITY]["first"]["labels"] == first
        reveal.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "reveal-after-restart.png"))


def test_lesson_02_run_all_prints_no_key_and_the_signals_open_after_a_prediction(browser_page, tmp_path, artifacts):
    """Lesson 02 (a copy): Run All shows three key buttons and no key; the learner writes a
    prediction, opens the signals from the keyboard, and sees the prediction compared; the
    prediction is kept as a first answer, and a later edit is kept apart."""
    import shutil

    from playwright.sync_api import expect

    from .conftest import wait_for

    page = browser_page
    lesson = "02_opinion_or_reporting.ipynb"
    shutil.copy(Path(__file__).resolve().parents[2] / "notebooks" / lesson, tmp_path / lesson)
    home = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", home)
    render_all_cells(env["JUPYTERLAB_SETTINGS_DIR"])
    answers = home / f"{LEARNER}.json"
    with jupyterlab(tmp_path, env, tmp_path / "lab.log") as base:
        run_all(page, f"{base}/lab/tree/{lesson}", timeout_ms=120_000)
        reveals = page.locator(".medialit-reveal")
        expect(reveals).to_have_count(3)
        for name in ("matches the key", "Show our key for the", "you predicted", "You have not marked any phrase"):
            for area in page.locator(".jp-OutputArea").all():
                expect(area).not_to_contain_text(name)
        box = page.locator(".medialit-answer textarea, textarea").first
        box.fill("condemned, zebra")
        wait_for(lambda: "condemned" in json.loads(answers.read_text(encoding="utf-8"))
                 ["activities"]["check:02-predict-signals"]["data"]["answer"], "prediction saved", timeout=30)
        signals = reveals.nth(1)
        button = signals.get_by_role("button", name="Show the signals")
        button.focus()
        page.keyboard.press("Enter")
        expect(signals).to_contain_text("you predicted", timeout=20_000)
        expect(signals).to_contain_text("no rule fired on them: zebra")
        signals.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "reveal-lesson02-signals.png"))
        box.fill("condemned, zebra, cheap")
        doc = wait_for_answers(answers, lambda d: "cheap" in d["activities"]["check:02-predict-signals"]["data"]["answer"])
        assert doc["activities"]["check:02-predict-signals"]["first"]["answer"] == "condemned, zebra"
        shutdown_kernels(page)


def test_voila_key_opens_with_space_and_stays_open_on_reload(browser_page, tmp_path, artifacts):
    """In Voila (no code shown): the key's button is pressed with Space; a new page (a new
    kernel) shows the key at once."""
    from playwright.sync_api import expect

    from .servers import voila

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    nb = write_notebook(root)
    home = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", home)
    answers = home / f"{LEARNER}.json"
    with voila(nb, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=90_000)
        reveal = page.locator(".medialit-reveal")
        button = reveal.get_by_role("button", name="Show our key")
        expect(button).to_be_visible(timeout=90_000)
        expect(page.locator("body")).not_to_contain_text(KEY_TEXT)
        page.locator(".medialit-sentence-labeller button.widget-toggle-button",
                     has_text=re.compile(r"^\W*condition\s*$")).click()
        wait_for_answers(answers, lambda d: d["activities"][ACTIVITY]["data"]["labels"])
        button.focus()
        page.keyboard.press("Space")
        expect(reveal).to_contain_text(KEY_TEXT, timeout=20_000)
        doc = wait_for_answers(answers, lambda d: "first" in d["activities"][ACTIVITY])
        assert [v["label"] for v in doc["activities"][ACTIVITY]["first"]["labels"].values()] == ["condition"]
        page.goto(url, timeout=90_000)  # a new kernel
        reveal = page.locator(".medialit-reveal")
        expect(reveal).to_contain_text(KEY_TEXT, timeout=90_000)
        expect(reveal).to_contain_text("your first answers are kept")
        reveal.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "reveal-voila.png"))

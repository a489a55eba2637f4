"""In JupyterLab: mark words that come after emoji, by typing them and by selecting them with the
mouse; the answers file holds the exact words at Python's offsets (code points: an emoji is one
character there, two UTF-16 units in the browser); after a kernel restart the marks come back on
the same words.

The text is a teacher article made with ``ml.add_article`` in the test's own ``MEDIALIT_HOME``
when that function exists, else a free text given with ``text=``."""
from __future__ import annotations

import importlib.util
import json

import pytest

from .conftest import LEARNER, restart_kernel, save_notebook, start_run_all, wait_for_answers, wait_idle
from .servers import isolated_env, jupyterlab

pytestmark = pytest.mark.browser

POST = ("🚨🚨 BREAKING: the regime's puppets fled the capital overnight, residents said. "
        "🇺🇦 Witnesses told reporters the Puppets left by train before dawn. "
        "😂😂 Nobody believes the official story any more, one shopkeeper said.")
CATS = {"loaded language": "words chosen to stir feelings", "hedge": "a word that softens a claim"}
ADD = dict(title="Regime puppets flee", publisher="Example Social", url="https://example.org/post/1",
           date="2026-12-06")


def has_add_article() -> bool:
    return importlib.util.find_spec("medialit.articles") is not None


def write_notebook(folder, name="emoji.ipynb"):
    if has_add_article():
        make = (f"art = ml.add_article({POST!r}, **{ADD!r})\n"
                f"pm = ml.PhraseMarker(art, {CATS!r}, activity='phrases:emoji')\npm")
    else:
        make = f"pm = ml.PhraseMarker(None, {CATS!r}, text={POST!r}, activity='phrases:emoji')\npm"
    save_notebook(folder / name, ["import medialit as ml", make])


def select_with_mouse(page, word: str, nth: int) -> None:
    """Drag the mouse over the ``nth`` place (0-based, case-sensitive) where ``word`` is in the text."""
    box = page.evaluate("""([word, nth]) => {
        const root = document.querySelector('.medialit-phrase-marker .pm-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            let i = node.textContent.indexOf(word);
            while (i !== -1) {
                if (seen++ === nth) {
                    const range = document.createRange();
                    range.setStart(node, i); range.setEnd(node, i + word.length);
                    range.startContainer.parentElement.scrollIntoView({block: 'center'});
                    const r = range.getBoundingClientRect();
                    return {left: r.left, right: r.right, y: r.top + r.height / 2};
                }
                i = node.textContent.indexOf(word, i + 1);
            }
        }
        return null;
    }""", [word, nth])
    assert box, f"{word!r} is not shown in the text"
    page.mouse.move(box["left"] + 1, box["y"])
    page.mouse.down()
    page.mouse.move((box["left"] + box["right"]) / 2, box["y"], steps=4)
    page.mouse.move(box["right"] - 1, box["y"], steps=4)
    page.mouse.up()


def test_marks_after_emoji_keep_their_words_after_a_restart(browser_page, tmp_path, artifacts, monkeypatch):
    from playwright.sync_api import expect

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    answers = tmp_path / "answers"
    write_notebook(root)
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    answers_file = answers / f"{LEARNER}.json"
    with jupyterlab(root, env, tmp_path / "lab.log") as base:
        page.goto(f"{base}/lab/tree/emoji.ipynb")
        start_run_all(page)
        marker = page.locator(".medialit-phrase-marker")
        expect(marker).to_be_visible(timeout=60_000)
        expect(marker.locator(".pm-text")).to_contain_text("🚨🚨 BREAKING")
        expect(marker.locator(".pm-owner")).to_have_text(f"Saving as: {LEARNER}")  # whose work this is

        # the keyboard path: type the phrase, keep the first place, choose the category, press Enter
        phrase = marker.get_by_label("Phrase")
        phrase.press_sequentially("puppets")
        expect(marker.locator(".pm-found")).to_have_text("found 2 time(s)")
        marker.get_by_label("Category").select_option("loaded language")
        phrase.press("Enter")
        expect(marker.locator("li.pm-mark")).to_have_count(1)
        expect(marker.locator("mark.pm-seg")).to_have_text(["puppets"])

        # the mouse path: drag over the second place (after the flag, four UTF-16 units)
        select_with_mouse(page, "Puppets", 0)
        expect(phrase).to_have_value("Puppets")
        expect(marker.get_by_label("Which one")).to_contain_text("selected")
        marker.get_by_label("Category").select_option("hedge")
        marker.get_by_role("button", name="Add mark").click()
        expect(marker.locator("li.pm-mark")).to_have_count(2)

        doc = wait_for_answers(answers_file, lambda d: len(d["activities"]["phrases:emoji"]["data"]["marks"]) == 2)
        if has_add_article():
            monkeypatch.setenv("MEDIALIT_HOME", str(answers))
            import medialit as ml

            text = ml.load_article(doc["activities"]["phrases:emoji"]["article"]).text
        else:
            text = POST
        first, second = text.index("puppets"), text.index("Puppets")
        marks = doc["activities"]["phrases:emoji"]["data"]["marks"]
        assert [(m["start"], m["end"], m["text"], m["category"]) for m in marks] == [
            (first, first + 7, "puppets", "loaded language"), (second, second + 7, "Puppets", "hedge")]
        # the list shows the offsets as Python counts them
        expect(marker.locator("li.pm-mark").first).to_contain_text(f"characters {first}–{first + 7}")
        marker.screenshot(path=str(artifacts / "emoji-marks.png"))

        # restart the kernel, clear the outputs, run all: the marks are back on the same words
        restart_kernel(page)
        expect(page.locator(".medialit-phrase-marker")).to_have_count(0)
        start_run_all(page)
        marker = page.locator(".medialit-phrase-marker")
        expect(marker).to_be_visible(timeout=60_000)
        expect(marker.locator("li.pm-mark")).to_have_count(2)
        expect(marker.locator("mark.pm-seg")).to_have_text(["puppets", "Puppets"])
        expect(marker.locator(".pm-status")).to_contain_text("loaded")
        wait_idle(page)
        after = json.loads(answers_file.read_text(encoding="utf-8"))["activities"]["phrases:emoji"]["data"]["marks"]
        assert after == marks
        marker.screenshot(path=str(artifacts / "emoji-marks-after-restart.png"))

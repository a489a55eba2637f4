"""Issue 15 in JupyterLab, with lesson 04: paste an article full of emoji into the AddArticle
widget and add it; work on it (label two sentences, mark a phrase that comes after an emoji);
restart the kernel; everything is back and the marked words are the right ones, both in the
answers file (Python's code-point offsets) and on the page (the highlighted words).

The lesson is a copy in a temporary folder, so the course's own notebook is never written."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import restart_kernel, run_all, shutdown_kernels, wait_for_answers
from .servers import isolated_env, jupyterlab

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
LESSON = "04_your_own_article.ipynb"
LEARNER = "emoji"
# emoji (astral characters, two UTF-16 units each) and a variation selector before the phrase
ARTICLE_TEXT = ("Bridge reopens 🌉 after the protests\n\n"
                "🚨 BREAKING: the regime's puppets fled. City officials 🏛️ said on Monday that the bridge "
                "would reopen on Friday.\n\n"
                "\"We are delighted 🎉,\" the mayor said. Critics called the plan a disaster 😡 on social media.\n")
ARTICLE_ID = "bridge-reopens-after-the-protests-2026-12-05"
SELECT_JS = """phrase => {
    const box = document.querySelector('.medialit-phrase-marker .pm-text');
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode()) && !node.textContent.includes(phrase)) {}
    const start = node.textContent.indexOf(phrase);
    const range = document.createRange();
    range.setStart(node, start); range.setEnd(node, start + phrase.length);
    const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
}"""
SET_ARTICLE_JS = """id => {
    const cells = window.jupyterapp.shell.currentWidget.content.widgets;
    const cell = cells.find(c => c.model.sharedModel.getSource().includes('ARTICLE = "kelvenford_practice_2026"'));
    cell.model.sharedModel.setSource(cell.model.sharedModel.getSource()
        .replace('ARTICLE = "kelvenford_practice_2026"', `ARTICLE = "${id}"`));
}"""


def _add_article(page, artifacts: Path) -> None:
    from playwright.sync_api import expect

    adder = page.locator(".medialit-add-article")
    adder.scroll_into_view_if_needed()
    adder.locator("textarea").fill(ARTICLE_TEXT)
    adder.locator("textarea").press("Tab")  # the text is sent when the box loses the focus
    expect(adder).to_contain_text("From pasted text")
    expect(adder.get_by_label("Title", exact=True)).to_have_value("Bridge reopens 🌉 after the protests")
    for label, value in (("Publisher or site", "Town Gazette"), ("URL", "https://gazette.example/bridge"),
                         ("Date published", "2026-12-05")):
        box = adder.get_by_label(label, exact=True)
        box.fill(value)
        box.press("Enter")
    adder.get_by_label("No author given (no byline)").check()
    expect(adder.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*no\s*$"))).to_have_attribute(
        "aria-pressed", "true")  # "A translation?": no (the default), shown as pressed, not by colour alone
    adder.get_by_role("button", name="Add article").click()
    expect(adder.locator(".medialit-status")).to_contain_text(f"Added as {ARTICLE_ID}", timeout=30_000)
    adder.screenshot(path=str(artifacts / "own-article-widget.png"))


def test_emoji_article_added_labelled_marked_and_restored(browser_page, tmp_path, artifacts, monkeypatch):
    from playwright.sync_api import expect

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(REPO / "notebooks" / LESSON, root / LESSON)
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    answers_file = answers / f"{LEARNER}.json"
    with jupyterlab(root, env, tmp_path / "lab.log") as base:
        run_all(page, f"{base}/lab/tree/{LESSON}", timeout_ms=180_000)

        # 1. paste the article into the widget, check the details, add it
        _add_article(page, artifacts)
        assert (answers / "articles" / f"{ARTICLE_ID}.txt").is_file()
        page.screenshot(path=str(artifacts / "own-article-added.png"))

        # 2. no cell is run again (as in Voila): the picker chooses the article just added and
        # every section below follows it
        expect(page.get_by_label("Article", exact=True).locator("option:checked")).to_contain_text(ARTICLE_ID)
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_contain_text("Bridge reopens 🌉 after the protests")
        expect(labeller).to_contain_text("Sentence 1 of 4")

        # 3. label two sentences by clicking
        labeller.scroll_into_view_if_needed()
        labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*opinion\s*$")).click()
        labeller.get_by_role("button", name="Next").click()
        expect(labeller).to_contain_text("Sentence 2 of 4")
        labeller.locator("button.widget-toggle-button",
                         has_text=re.compile(r"^\s*attributed report\s*$")).click()
        expect(labeller).to_contain_text("2 of 4 labelled")
        live = page.locator(".medialit-live").nth(1)
        expect(live).to_contain_text("You labelled 2 of 4 sentences")

        # 4. mark "puppets", which comes after an emoji, by selecting it with the mouse
        marker = page.locator(".medialit-phrase-marker")
        marker.scroll_into_view_if_needed()
        page.evaluate(SELECT_JS, "puppets")
        expect(marker.get_by_label("Phrase")).to_have_value("puppets")
        marker.get_by_label("Category").select_option(index=0)
        marker.get_by_role("button", name="Add mark").click()
        expect(marker.locator("li.pm-mark")).to_have_count(1)

        labels_id, phrases_id = f"04:labels:{ARTICLE_ID}", f"04:phrases:{ARTICLE_ID}"
        doc = wait_for_answers(answers_file, lambda d: len(d["activities"][labels_id]["data"]["labels"]) == 2
                               and d["activities"][phrases_id]["data"]["marks"])
        import medialit as ml

        monkeypatch.setenv("MEDIALIT_HOME", str(answers))  # read the article as the kernel does
        article = ml.load_article(ARTICLE_ID)
        text, sentences = article.text, article.body_sentences()
        assert "🌉" in text and "🏛️" in text and len(sentences) == 4
        labels = doc["activities"][labels_id]["data"]["labels"]
        assert {k: v["label"] for k, v in labels.items()} == {sentences[0].id: "opinion",
                                                              sentences[1].id: "attributed report"}
        [mark] = doc["activities"][phrases_id]["data"]["marks"]
        start = text.index("puppets")  # Python counts code points: the emoji before it is one
        assert mark["text"] == "puppets", f"the saved mark holds {mark['text']!r} (emoji offsets: issue 15)"
        assert (mark["start"], mark["end"]) == (start, start + len("puppets"))
        assert text[mark["start"]:mark["end"]] == "puppets"
        page.screenshot(path=str(artifacts / "own-article-worked.png"))

        # 5. keep the article in the first cell (as the lesson says), restart, clear, run all
        page.evaluate(SET_ARTICLE_JS, ARTICLE_ID)
        restart_kernel(page)
        expect(page.locator(".medialit-sentence-labeller")).to_have_count(0)
        run_all(page, timeout_ms=180_000)

        # 6. everything is back, and the highlighted words are the marked ones
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_contain_text("Bridge reopens 🌉 after the protests")
        expect(labeller).to_contain_text("2 of 4 labelled")
        expect(labeller.locator("button.widget-toggle-button.mod-active").first).to_have_text(
            re.compile(r"^\s*opinion\s*$"))
        expect(labeller.locator(".medialit-status")).to_contain_text("loaded")
        marker = page.locator(".medialit-phrase-marker")
        expect(marker.locator("li.pm-mark")).to_have_count(1)
        expect(marker.locator("li.pm-mark")).to_contain_text("“puppets”")
        expect(marker.locator("mark.pm-seg")).to_have_count(1)
        expect(marker.locator("mark.pm-seg")).to_have_text("puppets")
        expect(page.locator(".medialit-live").nth(2)).to_contain_text("You marked 1 phrase")
        assert json.loads(answers_file.read_text(encoding="utf-8"))["activities"][phrases_id]["data"]["marks"] == [mark]
        marker.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "own-article-after-restart.png"))
        shutdown_kernels(page)


def test_voila_choosing_another_article_rebuilds_every_section(browser_page, tmp_path, artifacts):
    """In Voila no cell can be run: choosing an article in the picker must bring its tools."""
    from playwright.sync_api import expect

    from .servers import voila

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(REPO / "notebooks" / LESSON, root / LESSON)
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, "voilauser")
    with voila(root / LESSON, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=120_000)
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_be_visible(timeout=120_000)
        expect(labeller).to_contain_text("PRACTICE ARTICLE")
        picker = page.get_by_label("Article", exact=True)
        option = picker.locator("option", has_text="(southfront_2026)").text_content()
        picker.select_option(label=option)
        expect(labeller).to_contain_text("Article 5 As A Skeleton Key")
        expect(page.locator(".medialit-provenance")).to_have_count(1)
        expect(page.locator(".medialit-sentence-labeller")).to_have_count(1)   # the old one is gone
        labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*opinion\s*$")).click()
        expect(page.locator(".medialit-live").nth(1)).to_contain_text("You labelled 1 of")
        doc = wait_for_answers(answers / "voilauser.json",
                               lambda d: d["activities"].get("04:labels:southfront_2026", {}).get("data", {})
                               .get("labels"))
        assert list(doc["activities"]["04:labels:southfront_2026"]["data"]["labels"].values())[0]["label"] == "opinion"
        page.screenshot(path=str(artifacts / "voila-own-article-switched.png"))

"""In Voila (the learner sees no code): click a label, type a note, and the answers file on disk
holds them; opening the page again (a new kernel) shows the saved label."""
from __future__ import annotations

import re

import pytest

from .conftest import LEARNER, label_of, wait_for_answers, write_notebook
from .servers import isolated_env, voila

pytestmark = pytest.mark.browser


def test_voila_click_label_saves_and_reload_restores(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    nb = write_notebook(root)
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    answers_file = answers / f"{LEARNER}.json"
    with voila(nb, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=90_000)
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_be_visible(timeout=90_000)
        expect(page.locator(".jp-InputArea, .jp-CodeMirrorEditor")).to_have_count(0)  # no code shown
        labeller.get_by_role("button", name="Next").click()
        expect(labeller).to_contain_text("Sentence 2 of 7")
        labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*condition\s*$")).click()
        note = labeller.get_by_placeholder(re.compile("optional short note"))
        note.fill("names the Security Council")
        note.press("Tab")
        doc = wait_for_answers(answers_file, lambda d: label_of(d, "s005")["note"] == "names the Security Council")
        assert label_of(doc, "s005") == {"label": "condition", "note": "names the Security Council", "confidence": ""}
        expect(labeller).to_contain_text("1 of 7 labelled")
        expect(labeller.locator(".medialit-status")).to_contain_text("Saved")
        labeller.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "voila-after-labelling.png"))

        # keyboard only: a confidence button is reached with focus and pressed with Space
        labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*high\s*$")).focus()
        page.keyboard.press("Space")
        wait_for_answers(answers_file, lambda d: label_of(d, "s005")["confidence"] == "high")

        # keyboard only in the PhraseMarker: type a phrase, Enter adds it; Delete on the list item removes it
        marker = page.locator(".medialit-phrase-marker")
        phrase = marker.get_by_label("Phrase")
        phrase.focus()
        page.keyboard.type("Security Council")
        marker.get_by_label("Category").select_option("hedge")
        phrase.focus()
        page.keyboard.press("Enter")
        doc = wait_for_answers(answers_file, lambda d: d["activities"]["phrases:nato_treaty_1949"]["data"]["marks"])
        (mark,) = doc["activities"]["phrases:nato_treaty_1949"]["data"]["marks"]
        assert (mark["text"], mark["category"]) == ("Security Council", "hedge")
        item = marker.locator("li.pm-mark")
        expect(item).to_have_count(1)
        marker.screenshot(path=str(artifacts / "voila-phrase-marker.png"))
        item.focus()
        page.keyboard.press("Delete")
        wait_for_answers(answers_file, lambda d: d["activities"]["phrases:nato_treaty_1949"]["data"]["marks"] == [])
        expect(marker.locator("li.pm-mark")).to_have_count(0)

        page.reload()  # Voila starts a new kernel for the new page
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_be_visible(timeout=90_000)
        expect(labeller).to_contain_text("1 of 7 labelled")
        labeller.get_by_label("Go to").select_option(index=1)
        active = labeller.locator("button.widget-toggle-button.mod-active")
        expect(active.first).to_have_text(re.compile(r"^\s*condition\s*$"))
        labeller.screenshot(path=str(artifacts / "voila-labeller-after-reload.png"))
    print(f"Voila screenshots in {artifacts}")

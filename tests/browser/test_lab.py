"""In JupyterLab: run a notebook, label a sentence by clicking, mark a phrase, type a note; the
answers file on disk holds them; after a kernel restart and Run All the widgets show them again."""
from __future__ import annotations

import re

import pytest

from .conftest import (ARTICLE, LEARNER, label_of, restart_kernel, start_run_all, wait_for_answers, wait_idle,
                       write_notebook)
from .servers import isolated_env, jupyterlab

pytestmark = pytest.mark.browser


def test_label_mark_note_saved_and_restored_after_restart(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    answers = tmp_path / "answers"
    write_notebook(root)
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    answers_file = answers / f"{LEARNER}.json"
    with jupyterlab(root, env, tmp_path / "lab.log") as base:
        page.goto(f"{base}/lab/tree/widgets.ipynb")
        start_run_all(page)
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_be_visible(timeout=60_000)
        first = "s003"  # the first body sentence of the treaty extract
        expect(labeller).to_contain_text("Sentence 1 of 7")

        # label the sentence by clicking, then type a note (saved on Enter)
        labeller.locator("button.widget-toggle-button", has_text=re.compile(r"^\s*duty\s*$")).click()
        note = labeller.get_by_placeholder(re.compile("optional short note"))
        note.fill("uses 'will consult'")
        note.press("Enter")
        expect(labeller).to_contain_text("1 of 7 labelled")

        # mark a phrase: selecting words in the text fills the Phrase box with the exact place
        marker = page.locator(".medialit-phrase-marker")
        marker.scroll_into_view_if_needed()
        page.evaluate("""() => {
            const box = document.querySelector('.medialit-phrase-marker .pm-text');
            const node = box.firstChild.firstChild;             // the text of the first segment
            const start = node.textContent.indexOf('North Atlantic');
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + 'North Atlantic'.length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""")
        expect(marker.get_by_label("Phrase")).to_have_value("North Atlantic")
        expect(marker.get_by_label("Which one")).to_contain_text("selected")
        # ... and the keyboard path: type the phrase, choose the occurrence and the category
        marker.get_by_label("Phrase").fill("armed attack")
        marker.get_by_label("Which one").select_option(index=1)   # the second occurrence
        marker.get_by_label("Category").select_option("key term")
        marker.get_by_role("button", name="Add mark").click()
        expect(marker.locator("li.pm-mark")).to_have_count(1)

        doc = wait_for_answers(answers_file, lambda d: label_of(d, first)["note"] == "uses 'will consult'"
                               and d["activities"][f"phrases:{ARTICLE}"]["data"]["marks"])
        assert label_of(doc, first) == {"label": "duty", "note": "uses 'will consult'", "confidence": ""}
        marks = doc["activities"][f"phrases:{ARTICLE}"]["data"]["marks"]
        from medialit import load_article

        text = load_article(ARTICLE).text
        second = [i for i in range(len(text)) if text.startswith("armed attack", i)][1]
        assert marks == [{"start": second, "end": second + 12, "text": "armed attack", "category": "key term",
                          "note": ""}]
        expect(labeller.locator(".medialit-status")).to_contain_text("Saved")
        labeller.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "lab-after-labelling.png"))
        marker.screenshot(path=str(artifacts / "lab-phrase-marker.png"))

        # restart the kernel, clear the old outputs (so no stale view can pass the test), run all again
        restart_kernel(page)
        expect(page.locator(".medialit-sentence-labeller")).to_have_count(0)
        start_run_all(page)
        labeller = page.locator(".medialit-sentence-labeller")
        expect(labeller).to_be_visible(timeout=60_000)
        expect(labeller).to_contain_text("1 of 7 labelled")
        active = labeller.locator("button.widget-toggle-button.mod-active")
        expect(active.first).to_have_text(re.compile(r"^\s*duty\s*$"))
        expect(labeller.get_by_placeholder(re.compile("optional short note"))).to_have_value("uses 'will consult'")
        expect(labeller.locator(".medialit-status")).to_contain_text("loaded")
        marker = page.locator(".medialit-phrase-marker")
        expect(marker.locator("li.pm-mark")).to_have_count(1)
        expect(marker.locator("li.pm-mark")).to_contain_text("armed attack")
        expect(marker.locator("mark.pm-seg")).to_have_count(1)
        wait_idle(page)
        labeller.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "lab-after-restart.png"))
        labeller.screenshot(path=str(artifacts / "lab-labeller-after-restart.png"))
    print(f"JupyterLab screenshots in {artifacts}")

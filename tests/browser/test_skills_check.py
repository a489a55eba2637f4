"""The skills check in a real browser: answer, finish, restart the kernel, everything is still there.

A learner picks an option with the mouse and ticks a box, then clicks Finish twice (the first click
only says how many questions are left). After a kernel restart and Run All, the widget shows the
same answers, locked, with the score per skill and no per-item answers (this is the before check).
"""
from __future__ import annotations

import pytest

from .conftest import LEARNER, PROBLEMS_JS, restart_kernel, save_notebook, start_run_all, wait_for_answers
from .servers import isolated_env, jupyterlab

pytestmark = pytest.mark.browser
ACTIVITY = "skills-check:before"


def check_notebook(folder):
    save_notebook(folder / "check.ipynb", ['import medialit as ml\nml.SkillsCheck("before")'])


def test_answer_finish_restart_still_locked(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    from medialit import skillcheck

    form = skillcheck.load_form(skillcheck.form_for(LEARNER, "before"))
    first = form.auto_items[0]
    multi = next(i for i in form.auto_items if i.type == "multi")
    tick = f"{multi.answer[0]}) {multi.options[multi.answer[0]]}"
    page = browser_page
    root = tmp_path / "course"
    root.mkdir()
    check_notebook(root)
    answers = tmp_path / "answers"
    answers_file = answers / f"{LEARNER}.json"
    with jupyterlab(root, isolated_env(tmp_path / "jupyter", answers, LEARNER), tmp_path / "lab.log") as base:
        page.goto(f"{base}/lab/tree/check.ipynb")
        start_run_all(page)
        widget = page.locator(".medialit-skills-check")
        expect(widget).to_be_visible(timeout=60_000)
        expect(widget).to_contain_text(f"form {form.id}")
        widget.get_by_role("radio", name=f"{first.answer}) {first.options[first.answer]}").check()
        widget.get_by_role("checkbox", name=tick).check()
        wait_for_answers(answers_file, lambda d: d["activities"][ACTIVITY]["data"]["answers"]
                         == {first.id: first.answer, multi.id: [multi.answer[0]]})
        finish = widget.get_by_role("button", name="Finish and lock my answers")
        finish.click()
        expect(widget).to_contain_text("not answered yet")
        finish.click()
        expect(widget).to_contain_text("Finished. Your answers are locked.")
        wait_for_answers(answers_file, lambda d: d["activities"][ACTIVITY]["data"]["finished"] is True)
        page.screenshot(path=str(artifacts / "skills-check-finished.png"))

        restart_kernel(page)
        expect(page.locator(".medialit-skills-check")).to_have_count(0)
        start_run_all(page)
        widget = page.locator(".medialit-skills-check")
        expect(widget).to_be_visible(timeout=60_000)
        expect(widget).to_contain_text("Finished. Your answers are locked.")
        expect(widget).to_contain_text("after the unit")
        expect(widget).not_to_contain_text("Right answer")
        radio = widget.get_by_role("radio", name=f"{first.answer}) {first.options[first.answer]}")
        expect(radio).to_be_checked()
        expect(radio).to_be_disabled()
        expect(widget.get_by_role("checkbox", name=tick)).to_be_checked()
        expect(widget.get_by_role("button", name="Finish and lock my answers")).to_be_disabled()
        problems = page.evaluate(PROBLEMS_JS)
        assert not problems, "problem outputs:\n" + "\n".join(problems)

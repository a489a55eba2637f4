"""Issue 16, "done when": a teacher opens the dashboard (Voila, `make dashboard`) on the synthetic
class, which took form A or B before the unit and the other form after it, and reads the learning
gain per skill, what the class can and cannot conclude, and finds the two CSV files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .servers import isolated_env, voila

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "90_instructor_dashboard.ipynb"


def test_dashboard_shows_the_learning_gain_per_skill_of_the_synthetic_class(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = browser_page
    env = isolated_env(tmp_path / "jupyter", tmp_path / "answers", "teacher")
    env.update({"MEDIALIT_CLASS": "", "MEDIALIT_EXPORT": "", "MEDIALIT_ROSTER": ""})   # the synthetic class
    with voila(NOTEBOOK, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=120_000)
        expect(page.get_by_role("heading", name="Learning: before and after")).to_be_visible(timeout=120_000)
        body = page.locator("body")
        expect(body).to_contain_text(re.compile(r"Plot summary: Overall, 27 learners: \d+% before, \d+% after; "
                                                r"normalised gain 0\.\d\d \(95% interval"), timeout=60_000)
        for skill in ("provenance", "opinion", "claims"):
            expect(body).to_contain_text(re.compile(rf"{skill} 0\.\d\d \(95% interval -?\d\.\d\d to \d\.\d\d\)"))
        expect(body).to_contain_text("cannot show that the unit caused the change")
        expect(body).to_contain_text("3 learners took (or finished) only one of the two checks")
        expect(page.locator("a.medialit-download[download='learning_summary.csv']")).to_have_count(1)
        expect(page.locator("a.medialit-download[download='learning_learners.csv']")).to_have_count(1)
        page.get_by_role("heading", name="Learning: before and after").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "dashboard-learning.png"), full_page=True)

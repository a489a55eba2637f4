"""The 45-minute budget (issue 16, item 4): every learner notebook fits a class period.

The per-notebook test executes each notebook once (tools/lesson_budget.py, one kernel each) and
fails with the tool's plain explanation. The other tests check the counting itself, so they can
fail without a kernel. Calibration and costs: docs/lesson-budget.md.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lesson_budget as lb  # noqa: E402

NOTEBOOKS = lb.learner_notebooks(ROOT)


def _nb(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def test_every_learner_notebook_is_measured():
    names = {p.name for p in NOTEBOOKS}
    assert "90_instructor_dashboard.ipynb" not in names
    assert {"03_unsupported_battlefield_claims.ipynb", "03_unsupported_battlefield_claims_ex1.ipynb"} <= names
    assert all(p.parent.name in ("notebooks", "exercises") for p in NOTEBOOKS)


def test_words_are_counted_as_a_reader_sees_them():
    assert lb.count_words("Don't panic: Article-5 was invoked in 2001.") == 7
    assert lb.count_words("see https://example.org/a/very/long/path now") == 2
    md = "A [link text](https://x.org/y) and `code` | a | b |\n|---|---|\n<b>bold</b>"
    assert lb.count_words(lb.markdown_text(md)) == 8  # A link text and code a b bold
    assert lb.count_words(lb.html_text("<style>.a{color:red}</style><p>Two words</p><script>x=1</script>")) == 2


def test_widget_text_counts_what_is_on_show_only():
    state = {
        "a": {"model_name": "HTMLModel", "state": {"value": "<p>three words here</p>", "description": ""}},
        "b": {"model_name": "TextModel", "state": {"value": "the learner's own typing", "description": "Who"}},
        "c": {"model_name": "DropdownModel", "state": {"_options_labels": ["one", "two options", "three"], "index": 1}},
        "d": {"model_name": "RadioButtonsModel", "state": {"_options_labels": ["yes", "no"]}},
        "e": {"model_name": "OutputModel", "state": {"outputs": [{"output_type": "stream", "name": "stdout",
                                                               "text": "printed words"}]}},
    }
    assert lb.count_words(lb.widget_text(state)) == 3 + 1 + 2 + 2 + 2


def test_stated_times_and_problems():
    nb = _nb(nbformat.v4.new_markdown_cell("# T\n\n**Time**: 45 minutes."),
             nbformat.v4.new_markdown_cell("## 1. Read (20 minutes)\n\ntext"),
             nbformat.v4.new_markdown_cell("## 2. Label\n\n## Key points"))
    sections, total = lb.stated_times(nb)
    assert total == 45 and sections == [("1. Read (20 minutes)", 20), ("2. Label", None)]
    est = lb.Estimate("x", 100, 0, 0.7, 10, 15.7, sections=sections, stated_total=total)
    msgs = lb.problems(est, lesson=True)
    assert any("2. Label" in m for m in msgs)
    over = lb.Estimate("x", 6000, 1000, 46.7, 10, 61.7, sections=[("1. A (30 minutes)", 30), ("2. B (20 minutes)", 20)],
                       stated_total=45)
    msgs = lb.problems(over, lesson=True)
    assert any("more than 45" in m for m in msgs) and any("add up to 50" in m for m in msgs)
    assert lb.problems(lb.Estimate("x", 100, 0, 0.7, 10, 15.7), lesson=False) == []


def test_costs_are_documented():
    doc = (ROOT / "docs" / "lesson-budget.md").read_text(encoding="utf-8")
    assert f"{lb.WORDS_PER_MINUTE} words a minute" in doc and f"{lb.SETUP_MINUTES} minutes" in doc
    for what, minutes in lb.COSTS.items():
        assert re.search(rf"\|\s*{re.escape(what)}\s*\|\s*{minutes:g}\s*\|", doc), f"{what} ({minutes:g}) missing from the doc"


@pytest.fixture(scope="module")
def questions():
    from medialit import feedback

    return feedback.questions()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_fits_the_period(path, questions):
    est = lb.estimate(path, questions=questions)
    assert est.words > 0 and est.total_minutes > lb.SETUP_MINUTES
    assert est.fits, f"{est.notebook} does not fit {lb.PERIOD} minutes:\n- " + "\n- ".join(est.problems)

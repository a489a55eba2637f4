"""Keyboard focus stays on the control a learner is using, in Voila, when a press redraws part of
the widget (keyboard-only walk-through: the focus jumped to the top of the page).

* Chain builder: Tab to step 1's **Down** and press Space: the step moves to place 2 and the focus
  is on the same step's Down button (its description says "Move step 2 down"), so a second press
  moves it on to place 3 without tabbing again; in the last place (Down disabled) the focus is on
  the step's Up; **Up** and **Remove** keep the focus in the chain too (after Remove, on the Remove
  button of the step that took its place).
* Key reveal: Tab to **Show our key** and press Enter: the button goes away and the focus moves
  to the opened key (not the top of the page); the next Tab goes on to the control after it.
"""
from __future__ import annotations

import json
import time

import pytest

from .conftest import chromium_browser, save_notebook, wait_for_answers
from .servers import isolated_env, voila

pytestmark = pytest.mark.browser
LEARNER = "focus"
ARTICLE = "voltaire_2024"
ACTIVITY = "t:chain"
KEY_TEXT = "OUR KEY: the newsletter came first"

#: where the focus is: the element, its chain row (label text), whether it fell back to the page
FOCUS_JS = """() => {
  const a = document.activeElement;
  const row = a && a.closest ? a.closest('.medialit-chain .widget-hbox') : null;
  const label = row ? row.querySelector('.widget-html') : null;
  const page = !a || a === document.body || a === document.documentElement;
  return {tag: a ? a.tagName : null, text: a && !page ? (a.textContent || '').trim().slice(0, 200) : '',
          title: a && a.getAttribute ? a.getAttribute('title') : null,
          row: label ? label.innerText.trim() : null,
          page,
          inChain: !!(a && a.closest && a.closest('.medialit-chain')),
          inReveal: !!(a && a.closest && a.closest('.medialit-reveal')),
          after: !!(a && a.closest && a.closest('.focus-test-after'))};
}"""
ROWS_JS = """() => [...document.querySelectorAll('.medialit-chain .widget-hbox .widget-html')]
  .map(e => e.innerText.trim()).filter(t => /^\\d+\\./.test(t))"""


def write_notebook(folder):
    return save_notebook(folder / "focus.ipynb", [
        "import medialit as ml\nimport ipywidgets as w",
        f"chain = ml.ChainBuilder({ARTICLE!r}, activity={ACTIVITY!r})\n"
        "chain.set_steps([s['id'] for s in chain.pool][:4])\nchain",
        f"ml.KeyReveal('t-focus-key', lambda: {KEY_TEXT!r})",
        "after = w.Button(description='After the key')\nafter.add_class('focus-test-after')\nafter",
    ])


def _focus(page) -> dict:
    return page.evaluate(FOCUS_JS)


def _tab_until(page, want, what: str, limit: int = 150) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = _focus(page)
        if want(focus):
            return focus
    raise AssertionError(f"{limit} presses of Tab never reached {what}; the focus ended on {_focus(page)}")


def _wait_focus(page, want, what: str, timeout: float = 20.0) -> dict:
    """Poll until ``want(focus)`` holds (the kernel answers, the widget redraws, the focus is put back)."""
    deadline = time.monotonic() + timeout
    focus = _focus(page)
    while time.monotonic() < deadline:
        focus = _focus(page)
        if want(focus):
            return focus
        time.sleep(0.1)
    raise AssertionError(f"after the press, the focus is not on {what}: {focus}")


def _settled_rows(page, labels: list[str], timeout: float = 20.0) -> None:
    """Wait until the chain on show lists ``labels`` in this order."""
    want = [f"{n}. {label}" for n, label in enumerate(labels, 1)]
    deadline = time.monotonic() + timeout
    rows = None
    while time.monotonic() < deadline:
        rows = page.evaluate(ROWS_JS)
        if rows == want:
            return
        time.sleep(0.1)
    raise AssertionError(f"the chain on show is {rows}, not {want}")


@pytest.fixture
def voila_page(chromium_path, tmp_path):
    """(page, answers file) of a Voila page showing a chain builder, a key reveal and a button."""
    from playwright.sync_api import expect

    root = tmp_path / "course"
    root.mkdir()
    nb = write_notebook(root)
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    with chromium_browser(chromium_path) as browser, voila(nb, env, tmp_path / "voila.log") as url:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.set_default_timeout(30_000)
        page.goto(url, timeout=180_000)
        expect(page.locator(".focus-test-after")).to_be_visible(timeout=180_000)
        expect(page.locator(".medialit-reveal").get_by_role("button", name="Show our key")).to_be_visible()
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
        yield page, answers / f"{LEARNER}.json"


def _chain_saved(answers, steps):
    return wait_for_answers(answers, lambda d: d["activities"][ACTIVITY]["data"]["steps"] == steps)


def test_chain_keyboard_focus_follows_the_moved_step(voila_page, artifacts):
    from medialit import chains

    page, answers = voila_page
    pool = chains.chain_pool(ARTICLE)[:4]
    ids = [s["id"] for s in pool]
    label = {s["id"]: s["label"] for s in pool}
    _settled_rows(page, [label[s] for s in ids])
    first = f"1. {label[ids[0]]}"
    _tab_until(page, lambda f: f["inChain"] and f["text"] == "Down" and f["row"] == first, "step 1's Down button")

    # Down twice in a row, without tabbing again: the step goes to place 2, then 3
    order = list(ids)
    moved = label[ids[0]]
    for place in (2, 3):
        page.keyboard.press("Space")
        order.insert(place - 1, order.pop(place - 2))
        _chain_saved(answers, order)
        _settled_rows(page, [label[s] for s in order])
        focus = _wait_focus(page, lambda f, place=place: f["text"] == "Down" and f["row"] == f"{place}. {moved}",
                            f"the moved step's Down button (place {place})")
        assert focus["title"] == f"Move step {place} down", focus  # what a screen reader says with it

    # a third time, to the last place: Down cannot be pressed there, the focus is on the step's Up
    page.keyboard.press("Enter")
    order.append(order.pop(2))
    _chain_saved(answers, order)
    _settled_rows(page, [label[s] for s in order])
    focus = _wait_focus(page, lambda f: f["text"] == "Up" and f["row"] == f"4. {moved}", "the moved step's Up button")
    assert focus["title"] == "Move step 4 up", focus

    # Up: back to place 3, the focus still on its Up button
    page.keyboard.press("Enter")
    order.insert(2, order.pop(3))
    _chain_saved(answers, order)
    _settled_rows(page, [label[s] for s in order])
    focus = _wait_focus(page, lambda f: f["text"] == "Up" and f["row"] == f"3. {moved}", "the moved step's Up button")
    assert focus["title"] == "Move step 3 up", focus

    # Remove: the step goes, the focus is on the Remove button of the step that took its place
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focus = _focus(page)
    assert focus["text"] == "Remove" and focus["row"] == f"3. {moved}", focus
    page.keyboard.press("Space")
    order.pop(2)
    _chain_saved(answers, order)
    _settled_rows(page, [label[s] for s in order])
    focus = _wait_focus(page, lambda f: f["inChain"] and f["text"] == "Remove" and
                        f["row"] == f"3. {label[order[2]]}", "the Remove button of the new step 3")
    assert focus["title"] == "Take step 3 out", focus
    page.locator(".medialit-chain").screenshot(path=str(artifacts / "focus-chain-after-remove.png"))
    doc = json.loads(answers.read_text(encoding="utf-8"))
    assert doc["activities"][ACTIVITY]["data"]["steps"] == order


def test_reveal_keyboard_focus_moves_to_the_opened_key(voila_page, artifacts):
    from playwright.sync_api import expect

    page, answers = voila_page
    reveal = page.locator(".medialit-reveal")
    _tab_until(page, lambda f: f["inReveal"] and f["tag"] == "BUTTON" and "Show our key" in f["text"],
               "the Show our key button")
    page.keyboard.press("Enter")
    expect(reveal).to_contain_text(KEY_TEXT, timeout=30_000)
    expect(reveal.get_by_role("button", name="Show our key")).to_be_hidden()
    wait_for_answers(answers, lambda d: "t-focus-key" in d["reveals"])
    focus = _wait_focus(page, lambda f: f["inReveal"], "the opened key")
    assert not focus["page"], focus
    reveal.screenshot(path=str(artifacts / "focus-reveal-opened.png"))
    # the next Tab goes on from the key, to the control after it (not back to the top of the page)
    focus = _tab_until(page, lambda f: not f["inReveal"], "a control after the key", limit=5)
    assert focus["after"], focus

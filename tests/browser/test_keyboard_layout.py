"""Keyboard and narrow screens, in JupyterLab and in Voila, at 1,024 px wide.

* Arrow keys stay in a toggle-button group (the labeller's labels, the ledger's status and
  confidence): ArrowLeft/Right/Up/Down move to the previous/next button and choose it (saved),
  Home/End the first/last; the focus stays in the widget, JupyterLab keeps the same active cell
  and Voila does not scroll; each group has one Tab stop (roving tabindex) and ``aria-pressed``
  follows the choice.
* At 1,024 px (JupyterLab with its file browser open): every button of the labeller and the
  ledger shows its whole text (no button shrunk to its icon), the toggle buttons stay inside the
  widget, and every ledger column can be reached (the table scrolls sideways inside its own box,
  with a visible hint while columns are hidden).
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from .conftest import chromium_browser, run_all, save_notebook
from .servers import isolated_env, jupyterlab, voila

pytestmark = pytest.mark.browser
ARTICLE = "southfront_2026"
LEARNER = "keys"
LABEL_ACTIVITY = f"labels:{ARTICLE}"
LEDGER_ACTIVITY = f"claims:{ARTICLE}"
COLUMNS = ["#", "id", "sentence", "claim", "claimant", "evidence", "who could confirm", "status", "confidence",
           "note"]
VIEWPORT = {"width": 1024, "height": 900}


def write_notebook(folder: Path) -> Path:
    return save_notebook(folder / "keys.ipynb", [
        "import medialit as ml\nfrom medialit import claims, reporting as rp",
        f"lab = ml.SentenceLabeller({ARTICLE!r}, rp.LABELS, label_set='reporting')\nlab",
        f"ledger = ml.ClaimLedger({ARTICLE!r}, rows=claims.ledger_rows({ARTICLE!r}))\nledger",
        "print('the cell after the widgets')",
    ])


@pytest.fixture
def page_1024(chromium_path, tmp_path):
    with chromium_browser(chromium_path) as browser:
        page = browser.new_page(viewport=VIEWPORT)
        page.set_default_timeout(30_000)
        yield page


def saved(answers: Path, activity: str, pick, timeout: float = 20.0):
    """Poll the answers file until ``pick(data)`` is truthy; return it."""
    path = answers / f"{LEARNER}.json"
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = json.loads(path.read_text(encoding="utf-8"))["activities"][activity]["data"]
            value = pick(last)
            if value:
                return value
        except (OSError, json.JSONDecodeError, KeyError, IndexError, TypeError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{activity} in {path} did not reach the expected state; last: {last}")


GROUP_STATE_JS = """group => {
  const buttons = [...group.querySelectorAll('button.widget-toggle-button')];
  const a = document.activeElement;
  return {
    focused: buttons.includes(a) ? a.textContent.trim() : null,
    inWidget: !!(a && a.closest('.medialit-widget')),
    pressed: buttons.filter(b => b.getAttribute('aria-pressed') === 'true').map(b => b.textContent.trim()),
    active: buttons.filter(b => b.classList.contains('mod-active')).map(b => b.textContent.trim()),
    tabStops: buttons.filter(b => b.getAttribute('tabindex') !== '-1').map(b => b.textContent.trim()),
    scrollY: window.scrollY,
    cell: (() => { const w = window.jupyterapp && window.jupyterapp.shell && window.jupyterapp.shell.currentWidget;
                   return w && w.content ? w.content.activeCellIndex : null; })(),
  };
}"""


def check_arrows(page, group, start: str, steps, on_saved):
    """Focus ``start`` in ``group``, press each key of ``steps`` [(key, expected button)] and check
    where the focus is, what is pressed, the Tab stop, the active cell / scroll, and the save."""
    from playwright.sync_api import expect

    group.locator("button.widget-toggle-button", has_text=re.compile(rf"^\W*{re.escape(start)}\s*$")).focus()
    before = group.evaluate(GROUP_STATE_JS)
    assert before["focused"] == start, before
    for key, expected in steps:
        page.keyboard.press(key)
        button = group.locator("button.widget-toggle-button", has_text=re.compile(rf"^\W*{re.escape(expected)}\s*$"))
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(button).to_have_class(re.compile(r"\bmod-active\b"))
        state = group.evaluate(GROUP_STATE_JS)
        where = f"after {key} (expected {expected!r}): {state}"
        assert state["focused"] == expected and state["inWidget"], f"the focus left the buttons {where}"
        assert state["pressed"] == [expected] and state["active"] == [expected], f"wrong pressed state {where}"
        assert state["tabStops"] == [expected], f"the group should have exactly one Tab stop {where}"
        assert state["cell"] == before["cell"], f"JupyterLab moved to another cell {where}"
        assert state["scrollY"] == before["scrollY"], f"the page scrolled {where}"
        on_saved(expected)


LABEL_STEPS = [("ArrowRight", "unattributed assertion"), ("ArrowLeft", "quotation"), ("End", "prediction"),
               ("ArrowRight", "attributed report"), ("ArrowDown", "quotation"), ("ArrowUp", "attributed report"),
               ("ArrowLeft", "prediction"), ("Home", "attributed report")]
STATUS_STEPS = [("ArrowRight", "supported"), ("ArrowDown", "contradicted"), ("End", "cannot tell yet"),
                ("ArrowLeft", "unsupported"), ("Home", "not decided")]


def check_keyboard(page, answers: Path) -> None:
    labeller = page.locator(".medialit-sentence-labeller")
    labels = labeller.locator(".widget-toggle-buttons").first
    check_arrows(page, labels, "quotation", LABEL_STEPS,
                 lambda label: saved(answers, LABEL_ACTIVITY, lambda d: d["labels"]["s002"]["label"] == label))

    ledger = page.locator(".medialit-claim-ledger")
    status, confidence = ledger.locator(".widget-toggle-buttons").nth(0), ledger.locator(".widget-toggle-buttons").nth(1)
    values = {"not decided": ""}
    check_arrows(page, status, "not decided", STATUS_STEPS,
                 lambda s: saved(answers, LEDGER_ACTIVITY, lambda d: d["rows"][0]["status"] == values.get(s, s)))
    check_arrows(page, confidence, "not set", [("ArrowRight", "low"), ("End", "high")],
                 lambda c: saved(answers, LEDGER_ACTIVITY, lambda d: d["rows"][0]["confidence"] == c))

    # one Tab stop per group: Tab from the chosen confidence leaves the group
    page.keyboard.press("Tab")
    state = confidence.evaluate(GROUP_STATE_JS)
    assert state["focused"] is None and state["inWidget"], f"Tab should leave the button group: {state}"
    page.keyboard.press("Shift+Tab")
    assert confidence.evaluate(GROUP_STATE_JS)["focused"] == "high", "Shift+Tab should come back to the chosen button"


BUTTONS_JS = """box => [...box.querySelectorAll('button')].filter(b => b.offsetParent !== null).map(b => {
  const r = b.getBoundingClientRect(), w = box.getBoundingClientRect();
  return {text: b.textContent.trim(), client: b.clientWidth, scroll: b.scrollWidth, left: r.left, right: r.right,
          boxLeft: w.left, boxRight: w.right};
})"""

REGION_JS = """box => {
  const region = box.querySelector('.medialit-ledger-scroll'), hint = box.querySelector('.medialit-scroll-hint');
  const r = region.getBoundingClientRect(), out = box.getBoundingClientRect();
  const heads = [...region.querySelectorAll('thead th')].map(th => {
    const t = th.getBoundingClientRect(); return {text: th.textContent.trim(), left: t.left, right: t.right};
  });
  return {left: r.left, right: r.right, boxLeft: out.left, boxRight: out.right, overflow: region.scrollWidth - region.clientWidth,
          scrollLeft: region.scrollLeft, hintShown: !!hint && !hint.hidden && hint.offsetParent !== null,
          moreRight: region.classList.contains('medialit-more-right'), heads};
}"""


def check_layout(page, artifacts: Path, where: str) -> None:
    from playwright.sync_api import expect

    for name in ("sentence-labeller", "claim-ledger"):
        box = page.locator(f".medialit-{name}")
        box.scroll_into_view_if_needed()
        buttons = box.evaluate(BUTTONS_JS)
        assert len(buttons) >= 5, buttons
        for b in buttons:
            assert b["text"], f"{where}: a button without text in the {name}: {b}"
            assert b["scroll"] <= b["client"] + 1, f"{where}: the text of a button is cut ({name}): {b}"
            assert b["left"] >= b["boxLeft"] - 1 and b["right"] <= b["boxRight"] + 1, \
                f"{where}: a button sticks out of the {name}: {b}"
        names = {b["text"].lstrip("✓\u00a0 ") for b in buttons}
        wanted = ({"Previous", "Next", "attributed report", "unattributed assertion", "prediction", "Clear label"}
                  if name == "sentence-labeller" else {"Add claim", "Delete this claim", "cannot tell yet"})
        assert wanted <= names, f"{where}: buttons missing in the {name}: {wanted - names}"
        box.screenshot(path=str(artifacts / f"{where}-1024-{name}.png"))

    ledger = page.locator(".medialit-claim-ledger")
    region = ledger.locator(".medialit-ledger-scroll")
    state = ledger.evaluate(REGION_JS)
    assert [h["text"] for h in state["heads"]] == COLUMNS
    assert state["left"] >= state["boxLeft"] - 1 and state["right"] <= state["boxRight"] + 1, \
        f"{where}: the ledger table is wider than its widget (columns cut off): {state}"
    if state["overflow"] > 0:  # some columns are hidden: say so, and let the keyboard reach them
        assert state["hintShown"] and state["moreRight"], f"{where}: hidden columns but no visible hint: {state}"
        region.focus()
        for _ in range(40):
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        state = ledger.evaluate(REGION_JS)
        assert state["scrollLeft"] > 0, f"{where}: the arrow keys did not scroll the ledger sideways: {state}"
        if where == "lab":
            assert page.evaluate("() => !!document.activeElement.closest('.medialit-ledger-scroll')"), \
                f"{where}: the arrow keys took the focus out of the ledger table"
        page.screenshot(path=str(artifacts / f"{where}-1024-ledger-scrolled.png"))
    last = state["heads"][-1]
    assert last["left"] >= state["left"] - 1 and last["right"] <= state["right"] + 1, \
        f"{where}: the 'note' column cannot be reached: {state}"
    expect(region).to_be_visible()


def test_jupyterlab_arrow_keys_and_1024_layout(page_1024, tmp_path, artifacts):
    page = page_1024
    root = tmp_path / "course"
    root.mkdir()
    write_notebook(root)
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    with jupyterlab(root, env, tmp_path / "lab.log") as base:
        run_all(page, f"{base}/lab/tree/keys.ipynb", timeout_ms=120_000)
        assert page.locator(".jp-SidePanel, #jp-left-stack").first.is_visible(), "the file browser should be open"
        check_layout(page, artifacts, "lab")
        check_keyboard(page, answers)
    assert not errors, f"JavaScript errors in the page: {errors}"


def test_voila_arrow_keys_and_1024_layout(page_1024, tmp_path, artifacts):
    from playwright.sync_api import expect

    page = page_1024
    root = tmp_path / "course"
    root.mkdir()
    nb = write_notebook(root)
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    with voila(nb, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=90_000)
        expect(page.locator(".medialit-claim-ledger")).to_be_visible(timeout=90_000)
        check_layout(page, artifacts, "voila")
        page.locator(".medialit-sentence-labeller").scroll_into_view_if_needed()
        check_keyboard(page, answers)
    assert not errors, f"JavaScript errors in the page: {errors}"

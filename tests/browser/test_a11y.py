"""Accessibility audit (issue 18, item 4): axe-core over every lesson and exercise after Run All,
in JupyterLab and in Voila, and one labelling task done with the keyboard only.

axe-core (the npm package, version ``AXE_VERSION``) is installed on first use into
``<repo>/.cache/axe`` with ``npm install --prefix``; without npm or the registry the audit skips
with a message saying so. Each finding is sorted by where its element is:

* **course**: inside an output area (widgets, tables, plots, printed text): the course's own
  output. The test fails on any serious or critical violation here.
* **lesson text**: inside a rendered Markdown cell: the lesson's words, but drawn with the host
  app's theme (Voila's link colour, for one). Reported, never hidden, not asserted.
* **app**: everything else, i.e. JupyterLab's or Voila's own page (menus, toolbars, panels, the
  page structure). Reported, never hidden, never asserted: the course cannot change it.

Every finding is printed and written to ``axe-report.json`` and ``axe-report.md`` in the
screenshots folder (``MEDIALIT_ARTIFACTS``); ``docs/accessibility.md`` summarises a run.
One JupyterLab server serves every notebook (copies in a temporary folder); Voila runs once per
notebook, as the other Voila tests do.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import chromium_browser, run_all, save_notebook, shutdown_kernels, wait_for_answers
from .servers import isolated_env, jupyterlab, render_all_cells, voila

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.14.1"
AXE_PREFIX = REPO / ".cache" / "axe"
AXE_JS = AXE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
LEARNER = "a11y"
#: impacts that fail the test when found in the course's own outputs
BLOCKING = ("serious", "critical")
#: every lesson and exercise that exists when the test runs (other notebooks come and go)
NOTEBOOKS = sorted(str(p.relative_to(REPO)) for d in ("notebooks", "exercises") for p in (REPO / d).glob("*.ipynb"))

# Runs axe on the whole page and sorts every violating element by where it is (see the docstring).
AXE_RUN_JS = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations'], elementRef: true});
  const where = el => {
    if (!el || !el.closest) return 'app';
    if (el.closest('.jp-OutputArea-output')) return 'course';
    if (el.closest('.jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownOutput')) return 'lesson text';
    return 'app';
  };
  const out = [];
  for (const v of result.violations) {
    for (const n of v.nodes) {
      out.push({rule: v.id, impact: n.impact || v.impact, help: v.help, url: v.helpUrl,
                group: where(n.element), target: JSON.stringify(n.target),
                widget: (n.element && n.element.closest && n.element.closest('.medialit-widget')
                         ? [...n.element.closest('.medialit-widget').classList].filter(c => c.startsWith('medialit-') && c !== 'medialit-widget').join(' ')
                         : ''),
                html: (n.html || '').slice(0, 240), text: ((n.element && n.element.innerText) || '').slice(0, 160),
                summary: (n.failureSummary || '').slice(0, 400)});
    }
  }
  return {version: axe.version, findings: out};
}"""

# Voila: the page is done when no "Loading widget" is left and the outputs stop changing.
VOILA_SETTLED_JS = """() => {
  const outs = document.querySelectorAll('.jp-OutputArea-output');
  const text = document.body.innerText || '';
  return {outputs: outs.length, widgets: document.querySelectorAll('.jupyter-widgets').length,
          loading: /Loading widget|Executing|Running cell/.test(text) ||
                   !!document.querySelector('#loading:not([style*="none"]) .spinner, .voila-spinner-container:not([style*="none"])')};
}"""

#: findings of every run, keyed by "<interface> <notebook>", for the report at the end
REPORT: dict[str, dict] = {}


def _install_axe() -> Path:
    """axe.min.js of axe-core ``AXE_VERSION``, installed with npm into ``.cache/axe`` on first use."""
    package = AXE_JS.parent / "package.json"
    if package.exists() and json.loads(package.read_text()).get("version") == AXE_VERSION:
        return AXE_JS
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is missing, so the accessibility audit (axe-core from the npm registry) is skipped. "
                    "Install Node.js and npm (`sudo apt-get install npm`) to run it.")
    AXE_PREFIX.mkdir(parents=True, exist_ok=True)
    (AXE_PREFIX.parent / ".gitignore").write_text("# downloaded by the tests; never committed\n*\n")
    try:
        done = subprocess.run([npm, "install", "--prefix", str(AXE_PREFIX), "--no-audit", "--no-fund",
                               "--no-save", "--loglevel=error", f"axe-core@{AXE_VERSION}"],
                              capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.skip("npm could not install axe-core within 5 minutes (no access to the npm registry?), "
                    "so the accessibility audit is skipped.")
    if done.returncode != 0 or not AXE_JS.exists():
        pytest.skip(f"npm could not install axe-core@{AXE_VERSION} (no access to the npm registry?), so the "
                    f"accessibility audit is skipped. npm said: {(done.stderr or done.stdout)[-600:]}")
    return AXE_JS


@pytest.fixture(scope="module")
def axe_js(chromium_path) -> Path:
    return _install_axe()


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """Copies of every lesson and exercise (the course's own notebooks are never written)."""
    root = tmp_path_factory.mktemp("a11y-course")
    for sub in ("notebooks", "exercises"):
        (root / sub).mkdir(parents=True)
        for nb in (REPO / sub).glob("*.ipynb"):
            shutil.copy(nb, root / sub / nb.name)
    return root


@pytest.fixture(scope="module")
def browser(chromium_path):
    with chromium_browser(chromium_path) as b:
        yield b


@pytest.fixture(scope="module")
def lab(axe_js, browser, course, tmp_path_factory):
    """(base URL, answers folder) of one JupyterLab serving the copies."""
    tmp = tmp_path_factory.mktemp("a11y-lab")
    answers = tmp / "answers"
    env = isolated_env(tmp / "jupyter", answers, LEARNER)
    render_all_cells(env["JUPYTERLAB_SETTINGS_DIR"])  # so axe sees every output
    with jupyterlab(course, env, tmp / "lab.log") as base:
        yield base, answers


@pytest.fixture(scope="module")
def report(artifacts):
    """Writes every finding (course and JupyterLab's/Voila's own) when the module is done."""
    yield REPORT
    if not REPORT:
        return
    (artifacts / "axe-report.json").write_text(json.dumps(REPORT, indent=1), encoding="utf-8")
    (artifacts / "axe-report.md").write_text(report_markdown(REPORT), encoding="utf-8")
    print(f"\naxe-core findings (course and the app's own) in {artifacts / 'axe-report.md'}")


def report_markdown(report: dict) -> str:
    """The findings as Markdown tables: per run, course and lesson text first, then the app's own."""
    lines = ["# axe-core findings", ""]
    for key, run in sorted(report.items()):
        lines += [f"## {key} (axe-core {run['version']})", ""]
        for group in ("course", "lesson text", "app"):
            found = [f for f in run["findings"] if f["group"] == group]
            counts: dict[tuple, int] = {}
            for f in found:
                counts[(f["rule"], f["impact"], f["widget"])] = counts.get((f["rule"], f["impact"], f["widget"]), 0) + 1
            lines.append(f"- **{group}**: " + ("none" if not counts else "; ".join(
                f"{rule} ({impact}{', ' + widget if widget else ''}) x{n}"
                for (rule, impact, widget), n in sorted(counts.items()))))
        lines.append("")
    return "\n".join(lines)


def audit(page, axe_path: Path, key: str, report: dict) -> list[dict]:
    """Run axe on ``page``; record every finding under ``key``; return the blocking course ones."""
    page.add_script_tag(path=str(axe_path))
    result = page.evaluate(AXE_RUN_JS)
    report[key] = result
    findings = result["findings"]
    for group in ("course", "lesson text", "app"):
        rules = sorted({f"{f['rule']} ({f['impact']})" for f in findings if f["group"] == group})
        print(f"{key}: {group}: {', '.join(rules) if rules else 'no violations'}")
    return [f for f in findings if f["group"] == "course" and f["impact"] in BLOCKING]


def describe(blocking: list[dict]) -> str:
    return "\n".join(f"- {f['rule']} ({f['impact']}, {f['group']}{', ' + f['widget'] if f['widget'] else ''}): "
                     f"{f['help']}\n  {f['html']}\n  text: {f['text']!r}\n  {f['summary']}" for f in blocking)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_axe_in_jupyterlab_after_run_all(lab, browser, axe_js, report, notebook, artifacts):
    base, _ = lab
    page = _new_page(browser)
    try:
        run_all(page, f"{base}/lab/tree/{notebook}", timeout_ms=180_000, idle_ms=90_000)
        page.wait_for_function("() => !/Loading widget/.test(document.body.innerText)", timeout=30_000)
        page.wait_for_timeout(800)  # late widget views
        blocking = audit(page, axe_js, f"JupyterLab {notebook}", report)
        if blocking:
            page.screenshot(path=str(artifacts / f"a11y-lab-{Path(notebook).stem}.png"))
        assert not blocking, (f"{notebook} in JupyterLab: serious or critical accessibility violations in the "
                              f"course's own outputs:\n{describe(blocking)}")
    finally:
        shutdown_kernels(page)
        page.close()


def _new_page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(30_000)
    return page


@contextlib.contextmanager
def _in_voila(page, notebook: Path, env: dict, tmp_path: Path):
    """Serve ``notebook`` with Voila, open it in ``page`` and wait until it has settled."""
    with voila(notebook, env, tmp_path / "voila.log") as url:
        page.goto(url, timeout=180_000)
        _voila_settle(page)
        yield url


def _voila_settle(page, timeout: float = 180) -> None:
    """Wait until Voila has rendered every output and widget and nothing changes for 2 s."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = page.evaluate(VOILA_SETTLED_JS)
        if state != last:
            last, since = state, time.monotonic()
        elif state["outputs"] and not state["loading"] and time.monotonic() - since >= 2:
            return
        time.sleep(0.25)
    raise AssertionError(f"Voila did not finish rendering within {timeout} s: {last}")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_axe_in_voila(browser, axe_js, course, report, notebook, tmp_path, artifacts):
    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    page = _new_page(browser)
    try:
        with _in_voila(page, course / notebook, env, tmp_path):
            text = page.inner_text("body")
            assert "Traceback" not in text, f"{notebook} in Voila shows an error:\n{text[:2000]}"
            blocking = audit(page, axe_js, f"Voila {notebook}", report)
            if blocking:
                page.screenshot(path=str(artifacts / f"a11y-voila-{Path(notebook).stem}.png"), full_page=True)
            assert not blocking, (f"{notebook} in Voila: serious or critical accessibility violations in the "
                                  f"course's own outputs:\n{describe(blocking)}")
    finally:
        page.close()


# ---------------------------------------------------------------- the audit itself can fail

BAD_CELLS = [
    # a plot shown the way Jupyter shows a figure by itself: an image with no alternative text
    # (critical: image-alt); ml.plots.show gives it the summary instead
    "import matplotlib.pyplot as plt\nfrom IPython.display import HTML, display\n"
    "fig, ax = plt.subplots(figsize=(3, 2))\nax.bar(['a', 'b'], [1, 2])\ndisplay(fig)\nplt.close(fig)",
    # a box that scrolls but cannot get keyboard focus (serious: scrollable-region-focusable)
    "HTML('<div style=\"max-height:3em;overflow:auto\">' + '<p>line</p>' * 30 + '</div>')",
]


def test_axe_finds_the_known_failures_in_course_outputs(lab, browser, axe_js, course):
    """A notebook with a bare image and an unreachable scrolling box: the audit must find both, as
    the course's own (so a course output with these problems fails the tests above)."""
    base, _ = lab
    (course / "selfcheck").mkdir(exist_ok=True)
    save_notebook(course / "selfcheck" / "bad.ipynb", BAD_CELLS)
    page = _new_page(browser)
    try:
        run_all(page, f"{base}/lab/tree/selfcheck/bad.ipynb", timeout_ms=120_000, idle_ms=90_000, idle_after=False)
        page.wait_for_timeout(500)
        blocking = audit(page, axe_js, "self-check", {})
        found = {(f["rule"], f["impact"]) for f in blocking}
        assert {("image-alt", "critical"), ("scrollable-region-focusable", "serious")} <= found, blocking
    finally:
        shutdown_kernels(page)
        page.close()


# ---------------------------------------------------------------- keyboard only

KEYBOARD_EXERCISE = "exercises/02_opinion_or_reporting_ex1.ipynb"

FOCUS_JS = """() => { const a = document.activeElement;
  const lab = a && a.closest ? a.closest('.medialit-sentence-labeller') : null;
  const group = a && a.closest ? a.closest('.widget-toggle-buttons') : null;
  return {inLabeller: !!lab, tag: a ? a.tagName : '', text: a ? (a.innerText || a.value || '').trim().slice(0, 60) : '',
          group: group ? (group.getAttribute('aria-label') || '') : '',
          toggle: !!(a && a.classList && a.classList.contains('widget-toggle-button'))}; }"""


def _tab_until(page, want, what: str, shift: bool = False, limit: int = 120) -> dict:
    """Press Tab (or Shift+Tab) until ``want(focus)`` holds; the number of presses is limited."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if shift else "Tab")
        focus = page.evaluate(FOCUS_JS)
        if want(focus):
            return focus
    raise AssertionError(f"{limit} presses of {'Shift+Tab' if shift else 'Tab'} never reached {what}; "
                         f"the focus ended on {page.evaluate(FOCUS_JS)}")


def test_keyboard_only_labelling_in_voila(browser, course, tmp_path, artifacts):
    """Exercise 02 in Voila, keyboard only: Tab into the labeller, label three sentences with
    Home/End/arrow keys on the label buttons and Enter on "Next"; every label is saved."""
    from medialit import reporting as rp

    answers = tmp_path / "answers"
    env = isolated_env(tmp_path / "jupyter", answers, LEARNER)
    answers_file = answers / f"{LEARNER}.json"
    names = list(rp.LABELS)
    sentences = list(rp.EXERCISE_SENTENCES)[:3]
    # Home chooses the first label, End the last, Home then ArrowRight the second
    plan = [(["Home"], names[0]), (["End"], names[-1]), (["Home", "ArrowRight"], names[1])]
    page = _new_page(browser)
    try:
        with _in_voila(page, course / KEYBOARD_EXERCISE, env, tmp_path):
            page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
            _tab_until(page, lambda f: f["inLabeller"], "the sentence labeller", limit=200)
            in_labels = lambda f: f["inLabeller"] and f["toggle"] and f["group"] == "Label"  # noqa: E731
            after_key = {"Home": names[0], "End": names[-1]}  # the label each first key chooses
            for i, (keys, label) in enumerate(plan):
                _tab_until(page, in_labels, "the label buttons")
                for n, key in enumerate(keys):
                    page.keyboard.press(key)
                    page.wait_for_timeout(200)  # a person's pace between two keys (not 0 ms)
                    if n < len(keys) - 1:
                        # a person sees the first choice saved before pressing the next key (on a
                        # loaded machine the save can take longer than 200 ms)
                        wait_for_answers(answers_file, lambda d, i=i, first=after_key[key]: any(
                            k.endswith("labels:linternaute_mt_2024") and
                            a["data"]["labels"].get(sentences[i], {}).get("label") == first
                            for k, a in d["activities"].items()))
                        if not in_labels(page.evaluate(FOCUS_JS)):
                            # on a heavily loaded machine the buttons can be drawn again after the
                            # save and the focus falls back to the page (seen once in the full
                            # suite, never alone): a keyboard user tabs back to the labels
                            _tab_until(page, in_labels, "the label buttons")
                focus = page.evaluate(FOCUS_JS)
                assert focus["inLabeller"] and focus["text"].endswith(label), (keys, label, focus)
                wait_for_answers(answers_file, lambda d, i=i, label=label: any(
                    k.endswith("labels:linternaute_mt_2024") and
                    a["data"]["labels"].get(sentences[i], {}).get("label") == label
                    for k, a in d["activities"].items()))
                if i < len(plan) - 1:
                    _tab_until(page, lambda f: f["inLabeller"] and f["tag"] == "BUTTON" and f["text"] == "Next",
                               "the Next button", shift=True)
                    page.keyboard.press("Enter")
                    page.wait_for_function(
                        "(n) => (document.querySelector('.medialit-sentence-labeller').innerText || '')"
                        ".includes(`Sentence ${n} of`)", arg=i + 2)
            page.locator(".medialit-sentence-labeller").first.screenshot(path=str(artifacts / "a11y-keyboard-labeller.png"))
        doc = json.loads(answers_file.read_text(encoding="utf-8"))
        (labels,) = [a["data"]["labels"] for k, a in doc["activities"].items()
                     if k.endswith("labels:linternaute_mt_2024")]
        assert {sid: labels[sid]["label"] for sid in sentences} == {
            sid: label for sid, (_, label) in zip(sentences, plan, strict=True)}
    finally:
        page.close()


# ---------------------------------------------------------------- the package fixes, without a browser

def test_plots_show_gives_the_image_its_summary_as_alt_text(monkeypatch, capsys):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import IPython.display

    import medialit.plots as plots

    shown = []
    monkeypatch.setattr(plots, "_in_ipython", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append((obj, raw)))
    fig, ax = plt.subplots()
    ax.bar(["a"], [1])
    plots.show(fig, 'Two bars; "b" is <higher> & wider.')
    ((bundle, raw),) = shown
    assert raw and bundle["image/png"] and bundle["text/plain"] == 'Plot: Two bars; "b" is <higher> & wider.'
    assert 'alt="Two bars; &quot;b&quot; is &lt;higher&gt; &amp; wider."' in bundle["text/html"]
    assert bundle["text/html"].startswith('<img src="data:image/png;base64,' + bundle["image/png"][:20])
    assert capsys.readouterr().out == 'Plot summary: Two bars; "b" is <higher> & wider.\n'
    assert not plt.get_fignums() or fig.number not in plt.get_fignums()  # closed
    # a figure shown without ml.plots.show keeps Jupyter's own display (no made-up alt text)
    fig2 = plt.figure()
    plots.display_and_close(fig2)
    assert shown[-1] == (fig2, False)


def test_live_figures_carry_their_summary_as_alt_text():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import importlib

    live = importlib.import_module("medialit.widgets.live")  # the module (ml.widgets.live is the function)
    fig, ax = plt.subplots()
    ax.bar(["a"], [1])
    image, summary = live.to_outputs((fig, "one bar"))
    assert 'alt="one bar"' in image["data"]["text/html"] and image["data"]["image/png"]
    assert summary["text"] == "Plot summary: one bar\n"


def test_dataframes_scroll_in_a_box_the_keyboard_reaches(monkeypatch):
    import types

    import IPython
    import pandas as pd
    from IPython.core.formatters import DisplayFormatter

    from medialit import display

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert display.use_keyboard_scroll_boxes() is False  # outside IPython nothing changes
    shell = types.SimpleNamespace(display_formatter=DisplayFormatter())  # a kernel's formatters, alone
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    assert display.use_keyboard_scroll_boxes()
    markup = shell.display_formatter.formatters["text/html"](pd.DataFrame({"<b>col</b>": ["<script>x</script>"]}))
    assert markup.startswith("<div class='medialit-table-scroll' tabindex='0' role='group' aria-label='Table")
    assert "overflow-x:auto" in markup and "<script>x" not in markup and markup.endswith("</div>")
    box = display.keyboard_scroll_box("<table></table>", "Scores <of> 'all'")
    assert "aria-label='Scores &lt;of&gt; &#x27;all&#x27;'" in box

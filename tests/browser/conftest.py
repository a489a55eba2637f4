"""Shared set-up of the browser tests: Debian's Chromium driven by Python Playwright.

These tests skip, with a message, when ``/usr/bin/chromium`` is missing:
install it with ``sudo apt-get install chromium`` (``.ci/run`` does this in CI).
"""
from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

import pytest

from .servers import CHROMIUM, CHROMIUM_ARGS

SKIP_MESSAGE = (f"{CHROMIUM} is missing, so the browser tests are skipped. To run them, install Debian's "
                "Chromium: `sudo apt-get install chromium` (the Python package playwright is in the dev extras).")

ARTICLE = "nato_treaty_1949"
LABELS = {"duty": "says what the members must do", "condition": "says when it applies",
          "other": "none of these"}
CATEGORIES = {"key term": "a word the legal meaning depends on", "hedge": "a word that leaves room for choice"}
LEARNER = "browser"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives JupyterLab or Voila in a real browser (Chromium)")


def mark_tests_in(folder: Path, items, *marks) -> None:
    """Give every collected test in ``folder`` (and below) the pytest ``marks``."""
    for item in items:
        if folder in Path(str(item.fspath)).parents:
            for mark in marks:
                item.add_marker(mark)


def pytest_collection_modifyitems(config, items):
    mark_tests_in(Path(__file__).parent, items, pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        pytest.skip(SKIP_MESSAGE)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("The Python package playwright is not installed: pip install -e '.[dev]'.")
    return CHROMIUM


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory):
    """Screenshots go here (``MEDIALIT_ARTIFACTS`` if set, else a temporary folder)."""
    folder = Path(os.environ.get("MEDIALIT_ARTIFACTS") or tmp_path_factory.mktemp("browser-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nBrowser test screenshots: {folder}")
    return folder


def save_notebook(path: Path, sources: list[str]) -> Path:
    """Write a notebook of code cells (``sources``) that runs in the ``python3`` kernel; return ``path``."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(nb, path)
    return path


def write_notebook(folder: Path, name: str = "widgets.ipynb") -> Path:
    """A small notebook that shows a labeller, a phrase marker and a provenance checklist."""
    return save_notebook(folder / name, [
        "import medialit as ml",
        f"lab = ml.SentenceLabeller({ARTICLE!r}, {LABELS!r}, label_set='browser-test')\nlab",
        f"pm = ml.PhraseMarker({ARTICLE!r}, {CATEGORIES!r})\npm",
        f"ml.ProvenanceChecklist({ARTICLE!r})",
    ])


@contextlib.contextmanager
def chromium_context(chromium_path: str, profile: Path):
    """A persistent Chromium context (its own profile folder ``profile``), 1280x1000, closed at the end."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(profile), executable_path=chromium_path, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000})
        try:
            yield context
        finally:
            context.close()


@contextlib.contextmanager
def chromium_browser(chromium_path: str):
    """A Chromium browser (no profile on disk: each new context starts empty), closed at the end."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(chromium_path, tmp_path):
    with chromium_context(chromium_path, tmp_path / "chromium-profile") as context:
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(30_000)
        yield page


def wait_for(check, what: str, timeout: float = 15.0):
    """Poll ``check()`` until it returns something true; return it. A file being rewritten (not yet
    there, half-written JSON, a key not yet saved) counts as "not yet"."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except (OSError, json.JSONDecodeError, KeyError, TypeError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{what} (waited {timeout} s); last: {last!r}")


def wait_for_answers(path: Path, check, timeout: float = 20.0):
    """Poll the answers file until ``check(doc)`` is true; return the document."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if path.exists():
            try:
                last = json.loads(path.read_text(encoding="utf-8"))
                if check(last):
                    return last
            except (json.JSONDecodeError, KeyError, TypeError):
                pass
        time.sleep(0.2)
    raise AssertionError(f"The answers file {path} did not reach the expected state within {timeout} s. "
                         f"Last content: {json.dumps(last, indent=1)[:2000] if last else 'no file'}")


def label_of(doc, sentence):
    return doc["activities"][f"labels:{ARTICLE}"]["data"]["labels"][sentence]


# ---------------------------------------------------------------- a notebook on show in JupyterLab
# (the hub tests use these too)

#: the status bar names the kernel once it is there (the toolbar says "idle" before a kernel exists)
IDLE = "Python 3 (ipykernel) | Idle"
#: every code cell of the notebook on show has run (each prompt holds a number)
RUN_DONE_JS = """() => {
  const p = [...window.jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
  return p.length > 0 && p.every(e => /^\\[\\d+\\]:$/.test(e.textContent.trim()));
}"""
#: problems in the outputs of the notebook on show (searched in the DOM of the current tab only)
PROBLEMS_JS = """() => {
  const node = window.jupyterapp.shell.currentWidget.node, out = [];
  node.querySelectorAll('.jp-OutputArea-output').forEach(o => {
    const mime = o.getAttribute('data-mime-type') || '', t = (o.innerText || '').slice(0, 600);
    if (mime.includes('stderr')) out.push('stderr: ' + t);
    if (mime.includes('error')) out.push('error: ' + t);
    if (/Error displaying widget|Loading widget|Traceback \\(most recent/.test(t)) out.push('text: ' + t);
    if (mime === 'text/plain' && /\\b(SentenceLabeller|PhraseMarker|ClaimLedger|ProvenanceChecklist|LearnerBox|KeyReveal|ChainBuilder|FieldsAnswer|SkillsCheck)\\(/.test(t))
      out.push('widget shown as text: ' + t);
  });
  return out;
}"""


def command(page, name: str) -> None:
    """Start a JupyterLab command (not awaited: some open a dialog and wait for an answer)."""
    page.evaluate("name => { window.__medialitCommand = window.jupyterapp.commands.execute(name); }", name)


def command_done(page, timeout_ms: int = 60_000) -> None:
    """Wait until the last command started with :func:`command` has finished."""
    page.evaluate("""ms => Promise.race([window.__medialitCommand.then(() => true),
                     new Promise((_, reject) => setTimeout(() => reject(new Error('command timed out')), ms))])""",
                  timeout_ms)


def wait_idle(page, timeout_ms: int = 60_000) -> None:
    """Wait until JupyterLab's status bar shows the notebook's kernel, idle."""
    page.get_by_text(IDLE).first.wait_for(state="visible", timeout=timeout_ms)


def start_run_all(page) -> None:
    """Wait for the kernel, then start Run All (without waiting for it to finish)."""
    wait_idle(page)
    command(page, "runmenu:run-all")


def run_all(page, url: str | None = None, *, timeout_ms: int = 120_000, idle_ms: int = 60_000,
            idle_after: bool = True, fresh: str | None = None, fresh_ms: int = 10_000,
            wait_for_idle=None, run_command: str = "runmenu:run-all") -> None:
    """Open ``url`` (if given), wait for the kernel, Run All, wait until every code cell has run
    (``timeout_ms``) and, with ``idle_after``, for the kernel to be idle again.

    ``fresh``: first clear every output and wait until the first element matching this CSS selector
    is gone (``fresh_ms``), so no view from an earlier run can stand in for the new one.
    ``wait_for_idle(page)``: how to wait for the kernel (default: :func:`wait_idle` with ``idle_ms``;
    Notebook 7 has no such status bar). ``run_command``: the command that runs every cell."""
    def idle() -> None:
        if wait_for_idle is not None:
            wait_for_idle(page)
        else:
            wait_idle(page, idle_ms)

    if url is not None:
        page.goto(url)
    idle()
    if fresh is not None:
        command(page, "notebook:clear-all-cell-outputs")
        command_done(page)
        page.locator(fresh).first.wait_for(state="detached", timeout=fresh_ms)
    command(page, run_command)
    page.wait_for_function(RUN_DONE_JS, timeout=timeout_ms, polling=250)
    if idle_after:
        idle()


def restart_kernel(page, clear: bool = True) -> None:
    """Restart the kernel through the Kernel menu's dialog; with ``clear``, clear every output too."""
    command(page, "kernelmenu:restart")
    page.locator(".jp-Dialog button.jp-mod-accept").click()  # "Restart"
    command_done(page)
    if clear:
        command(page, "notebook:clear-all-cell-outputs")
        command_done(page)


def shutdown_kernels(page) -> None:
    """Shut down every kernel the page's Jupyter started (nothing happens if the page is gone)."""
    try:
        page.evaluate("() => window.jupyterapp.serviceManager.sessions.shutdownAll()")
    except Exception:  # noqa: BLE001 - the page may already be gone
        pass

"""Shared set-up of the browser tests: Debian's Chromium driven by Python Playwright.

These tests skip, with a message, when ``/usr/bin/chromium`` is missing:
install it with ``sudo apt-get install chromium`` (``.ci/run`` does this in CI).
"""
from __future__ import annotations

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


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


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


def write_notebook(folder: Path, name: str = "widgets.ipynb") -> Path:
    """A small notebook that shows a labeller, a phrase marker and a provenance checklist."""
    import nbformat

    cells = [
        nbformat.v4.new_code_cell("import medialit as ml"),
        nbformat.v4.new_code_cell(
            f"lab = ml.SentenceLabeller({ARTICLE!r}, {LABELS!r}, label_set='browser-test')\nlab"),
        nbformat.v4.new_code_cell(f"pm = ml.PhraseMarker({ARTICLE!r}, {CATEGORIES!r})\npm"),
        nbformat.v4.new_code_cell(f"ml.ProvenanceChecklist({ARTICLE!r})"),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture
def browser_page(chromium_path, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium-profile"), executable_path=chromium_path, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000},
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(30_000)
            yield page
        finally:
            context.close()


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

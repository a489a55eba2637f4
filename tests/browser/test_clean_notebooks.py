"""Learners' work never changes the course's own notebooks (config/jupyter_server_config.py).

* Without a browser: the course's contents manager writes nothing into notebooks/, exercises/,
  solutions/ when only outputs and widget state changed, saves edited cells as the learner's
  working copy in the answers folder (and shows it when the notebook is opened again), refuses new
  files, renames and deletions there, and never lets a learner id lead a copy out of its folder.
* In JupyterLab (started with the course's config, as ``make lab`` does): a learner runs lesson 00,
  labels a sentence, marks a phrase, answers a provenance question, fills in the claim ledger,
  types an answer into a new code cell and presses Ctrl+S; ``git status --porcelain notebooks
  exercises solutions`` stays empty, the widgets' work is in the answers file and the typed cell
  is in the working copy, and comes back when the page is opened again.

Everything runs in a temporary copy of the course (its own git repository); the checkout is never
written.
"""
from __future__ import annotations

import asyncio
import json
import re
import runpy
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "config" / "jupyter_server_config.py"
COURSE_DIRS = ("notebooks", "exercises", "solutions")
START = "notebooks/00_start_here.ipynb"
TYPED = 'my_answer = "the claim names no source"'


def copy_course(dest: Path) -> Path:
    """The course's notebooks and config (as they are in the working tree) in a new git repository."""
    dest.mkdir(parents=True)
    for sub in (*COURSE_DIRS, "config"):
        shutil.copytree(REPO / sub, dest / sub, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    git = ["git", "-c", "user.name=medialit test", "-c", "user.email=test@example.invalid",
           "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "course"]):
        subprocess.run([*git, *args], cwd=dest, check=True, capture_output=True)
    return dest


def git_status(course: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain", *COURSE_DIRS], cwd=course, check=True,
                          capture_output=True, text=True).stdout


# ---------------------------------------------------------------------------------------------
# the contents manager on its own (no browser, no server)

@pytest.fixture
def manager(tmp_path, monkeypatch):
    course = copy_course(tmp_path / "course")
    answers = tmp_path / "answers"
    monkeypatch.setenv("MEDIALIT_HOME", str(answers))
    monkeypatch.setenv("MEDIALIT_LEARNER", "alice")
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("MEDIALIT_COURSE", raising=False)
    ns = runpy.run_path(str(course / "config" / "jupyter_server_config.py"))
    cm = ns["CourseContentsManager"](root_dir=str(course))
    return cm, course, answers


def _run(coro):
    return asyncio.run(coro)


def _code_index(nb) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")


def test_outputs_and_widget_state_never_written(manager):
    cm, course, answers = manager
    before = (course / START).read_bytes()
    nb = _run(cm.get(START))["content"]
    i = _code_index(nb)
    nb.cells[i].outputs = [{"output_type": "stream", "name": "stdout", "text": "Saved to answers/alice.json\n"}]
    nb.cells[i].execution_count = 7
    nb.cells[i].metadata["execution"] = {"iopub.status.idle": "2026-12-06T10:00:00Z"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    model = _run(cm.save({"type": "notebook", "format": "json", "content": nb}, START))
    assert (course / START).read_bytes() == before
    assert git_status(course) == ""
    assert not list(answers.rglob("*.ipynb")), "an unchanged notebook must not get a working copy"
    assert model["path"] == START and model.get("content") is None


def test_edited_cells_go_to_the_learners_working_copy(manager, monkeypatch):
    cm, course, answers = manager
    before = (course / START).read_bytes()
    nb = _run(cm.get(START))["content"]
    i = _code_index(nb)
    nb.cells[i].source += "\n" + TYPED
    nb.cells[i].outputs = [{"output_type": "stream", "name": "stdout", "text": "hello\n"}]
    _run(cm.save({"type": "notebook", "format": "json", "content": nb}, START))
    assert (course / START).read_bytes() == before and git_status(course) == ""
    working = answers / "notebook-copies" / "alice" / START
    saved = json.loads(working.read_text(encoding="utf-8"))
    assert TYPED in "".join(saved["cells"][i]["source"])
    assert saved["cells"][i]["outputs"] == [] and "widgets" not in saved["metadata"]
    # opened again: the learner's copy, with its own modification time
    again = _run(cm.get(START))
    assert TYPED in again["content"].cells[i].source
    assert again["last_modified"].timestamp() == pytest.approx(working.stat().st_mtime, abs=1)
    # another learner on the same computer sees the course's notebook
    monkeypatch.setenv("MEDIALIT_LEARNER", "bob")
    assert TYPED not in _run(cm.get(START))["content"].cells[i].source
    monkeypatch.setenv("MEDIALIT_LEARNER", "alice")
    # back to the course's cells: the copy goes, the tracked file is still untouched
    nb.cells[i].source = nb.cells[i].source.replace("\n" + TYPED, "")
    _run(cm.save({"type": "notebook", "format": "json", "content": nb}, START))
    assert not working.exists()
    assert (course / START).read_bytes() == before


def test_no_new_renamed_or_deleted_files_in_course_folders(manager):
    from tornado import web

    cm, course, _answers = manager
    attempts = [
        lambda: cm.new_untitled("notebooks", type="notebook"),
        lambda: cm.save({"type": "file", "format": "text", "content": "x"}, "exercises/notes.txt"),
        lambda: cm.save({"type": "directory"}, "solutions/mine"),
        lambda: cm.delete_file(START),
        lambda: cm.rename_file(START, "notebooks/renamed.ipynb"),
        lambda: cm.rename_file(START, "moved.ipynb"),
    ]
    for attempt in attempts:
        with pytest.raises(web.HTTPError) as err:
            _run(attempt())
        assert err.value.status_code == 403 and "course's own notebooks" in err.value.log_message
    _run(cm.create_checkpoint(START))
    assert _run(cm.list_checkpoints(START)) == []
    assert not list(course.rglob(".ipynb_checkpoints")), "a checkpoint copy was made in a course folder"
    assert git_status(course) == ""
    # outside the course folders everything works as usual
    _run(cm.save({"type": "file", "format": "text", "content": "my notes"}, "notes.txt"))
    assert (course / "notes.txt").read_text() == "my notes"


@pytest.mark.parametrize("hostile", ["../../outside", "a/b", ".hidden", "x" * 80])
def test_learner_id_cannot_lead_a_copy_out_of_its_folder(manager, monkeypatch, hostile):
    cm, course, answers = manager
    monkeypatch.delenv("MEDIALIT_LEARNER")
    answers.mkdir(parents=True, exist_ok=True)
    (answers / ".learner").write_text(hostile + "\n", encoding="utf-8")
    nb = _run(cm.get(START))["content"]
    nb.cells[_code_index(nb)].source += "\n" + TYPED
    _run(cm.save({"type": "notebook", "format": "json", "content": nb}, START))
    (copy,) = [p for p in answers.rglob("*.ipynb")]
    assert copy == answers / "notebook-copies" / "_no_id" / START
    assert git_status(course) == ""


# ---------------------------------------------------------------------------------------------
# JupyterLab in a browser, as `make lab` starts it

def _wait(check, what: str, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except (OSError, json.JSONDecodeError, KeyError, TypeError, IndexError, StopIteration):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{what} (waited {timeout} s)")


@pytest.mark.browser
def test_full_lesson_in_jupyterlab_leaves_git_status_clean(browser_page, tmp_path, artifacts):
    from playwright.sync_api import expect

    from .conftest import command, command_done, run_all, wait_idle
    from .servers import isolated_env, jupyterlab, render_all_cells

    page = browser_page
    course = copy_course(tmp_path / "course")
    answers = tmp_path / "answers"
    learner = "cleanlab"
    env = isolated_env(tmp_path / "jupyter", answers, learner)
    env["JUPYTER_CONFIG_PATH"] = str(course / "config")  # what `make lab` sets
    render_all_cells(env["JUPYTERLAB_SETTINGS_DIR"])
    answers_file = answers / f"{learner}.json"
    working = answers / "notebook-copies" / learner / START
    log = tmp_path / "lab.log"

    with jupyterlab(course, env, log) as base:
        run_all(page, f"{base}/lab/tree/{START}", timeout_ms=120_000)

        # label a sentence
        labeller = page.locator(".medialit-sentence-labeller")
        labeller.locator(".widget-toggle-buttons button", has_text=re.compile(r"^\W*reports a fact\s*$")).click()
        # mark a phrase (keyboard path of the phrase marker)
        marker = page.locator(".medialit-phrase-marker")
        marker.get_by_label("Phrase").fill("Article 5")
        marker.get_by_label("Category").select_option(index=0)
        marker.get_by_role("button", name="Add mark").click()
        expect(marker.locator("li.pm-mark")).to_have_count(1)
        # answer a provenance question and fill in the ledger
        page.locator(".medialit-provenance").get_by_role("radio", name="yes", exact=True).first.check()
        claimant = page.locator(".medialit-claim-ledger").get_by_placeholder("who makes the claim?")
        claimant.fill("SouthFront, citing nobody")
        claimant.press("Tab")

        def saved():
            doc = json.loads(answers_file.read_text(encoding="utf-8"))
            acts = doc["activities"]
            labels = next(a for k, a in acts.items() if ":labels:" in k or k.startswith("labels:"))
            phrases = next(a for k, a in acts.items() if ":phrases:" in k or k.startswith("phrases:"))
            ledger = next(a for k, a in acts.items() if ":claims:" in k or k.startswith("claims:"))
            prov = next(a for k, a in acts.items() if ":provenance:" in k or k.startswith("provenance:"))
            return (any(e.get("label") == "reports a fact" for e in labels["data"]["labels"].values())
                    and phrases["data"]["marks"] and ledger["data"]["rows"][0]["claimant"] == "SouthFront, citing nobody"
                    and any(a.get("answer") == "yes" for a in prov["data"]["answers"].values()))

        _wait(saved, f"the widgets' work did not reach {answers_file}")

        # type an answer of one's own into a new code cell, run it, save with Ctrl+S
        page.evaluate("""() => { const nb = window.jupyterapp.shell.currentWidget.content;
                                 nb.activeCellIndex = nb.widgets.length - 1; }""")
        command(page, "notebook:insert-cell-below")
        command_done(page)
        command(page, "notebook:enter-edit-mode")
        command_done(page)
        page.keyboard.type(TYPED)
        page.keyboard.press("Shift+Enter")
        wait_idle(page)
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=30_000)
        page.screenshot(path=str(artifacts / "clean-notebooks-after-save.png"))

        status = git_status(course)
        assert status == "", f"saving changed the course's tracked notebooks:\n{status}"
        copy_text = _wait(lambda: working.is_file() and working.read_text(encoding="utf-8"),
                          f"Ctrl+S did not write the working copy {working}")
        copy_nb = json.loads(copy_text)
        assert any(TYPED in "".join(c["source"]) for c in copy_nb["cells"]), "the typed cell is not in the copy"
        assert all(c.get("outputs", []) == [] for c in copy_nb["cells"]), "outputs were saved in the working copy"
        assert "widgets" not in copy_nb["metadata"]

        # the page opened again shows the typed cell (from the working copy): nothing typed is lost
        page.reload()
        wait_idle(page)
        sources = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.model.sharedModel
                                         .cells.map(c => c.getSource())""")
        assert any(TYPED in s for s in sources), "the typed cell is missing after opening the notebook again"
    assert "medialit: the notebooks in" in log.read_text(), "JupyterLab did not load config/jupyter_server_config.py"
    assert git_status(course) == ""

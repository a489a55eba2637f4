"""Issue 18, faults: a learner whose answers folder cannot be written (a read-only home on a hub).

Every cell of the start notebook still runs, nothing is written, and the learner gets one plain
message ("Your work cannot be saved: the folder ... cannot be written to ... Ask your teacher.")
instead of a traceback. Running as root, ``chmod`` does not stop writes, so the folder is made
unwritable in ways that hold for root too: a path through a file, or ``mkdir``/``mkstemp``
refusing with a permission error. (tests/hub/test_hub.py checks the real read-only home.)
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import medialit as ml
from medialit import paths, store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def blocked_home(tmp_path, monkeypatch):
    """MEDIALIT_HOME inside a *file*: the answers folder can never be created, even by root."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n")
    folder = blocker / "medialit-answers"
    monkeypatch.setenv("MEDIALIT_HOME", str(folder))
    monkeypatch.setenv("MEDIALIT_LEARNER", "guest")
    return folder


def test_paths_do_not_raise_and_saving_says_so_plainly(blocked_home):
    assert paths.answers_dir() == blocked_home  # no NotADirectoryError from a mere "where is it?"
    assert store.answers_path() == blocked_home / "guest.json"
    assert store.load_answers()["activities"] == {}
    problem = paths.answers_problem()
    assert problem.startswith("Your work cannot be saved: the folder") and str(blocked_home) in problem
    assert "Ask your teacher" in problem
    with pytest.raises(store.StoreError) as err:
        store.put_activity("a", {"v": 1}, kind="check")
    text = str(err.value)
    assert "cannot be written to" in text and "Ask your teacher" in text and "Errno" not in text
    assert (blocked_home.parent).read_text() == "not a folder\n"


def test_permission_error_on_mkdir_and_on_the_temporary_file(tmp_path, monkeypatch):
    """What a real read-only home does: creating the folder or a file in it is refused."""
    folder = tmp_path / "home" / "medialit-answers"
    monkeypatch.setenv("MEDIALIT_HOME", str(folder))
    monkeypatch.setenv("MEDIALIT_LEARNER", "guest")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "mkdir", refuse)
    monkeypatch.setattr(store.tempfile, "mkstemp", refuse)
    assert paths.answers_dir() == folder and paths.answers_problem() is not None
    box = ml.LearnerBox()
    assert "cannot be written to" in box.message.value and "Ask your teacher" in box.message.value
    lab = ml.SentenceLabeller("nato_treaty_1949", {"duty": "must do", "other": "none"}, label_set="ro-test")
    lab.label_buttons.value = "duty"  # the learner clicks a label: kept on screen, not saved, said plainly
    assert lab.unsaved and "cannot be written to" in lab.status and "Errno" not in lab.status
    with pytest.raises(store.StoreError, match="cannot be written to"):
        store.put_activity("a", {"v": 1}, kind="check")
    assert not folder.exists()


def test_writable_home_has_no_problem(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path / "answers"))
    assert paths.answers_problem() is None
    box_text = ml.LearnerBox().message.value
    assert "cannot be written" not in box_text


def test_start_notebook_runs_every_cell_in_an_unwritable_home(tmp_path):
    """The bug: Run All of 00_start_here stopped at the first cell that asked for the answers
    folder (``ml.LearnerBox()``, then ``ml.answers_path()``) with NotADirectoryError/PermissionError."""
    import nbformat
    from nbclient import NotebookClient

    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    env_before = {k: os.environ.get(k) for k in ("MEDIALIT_HOME", "MEDIALIT_LEARNER", "MEDIALIT_STRICT")}
    os.environ.update(MEDIALIT_HOME=str(blocker / "answers"), MEDIALIT_LEARNER="guest")
    os.environ.pop("MEDIALIT_STRICT", None)
    try:
        nb = nbformat.read(REPO / "notebooks" / "00_start_here.ipynb", as_version=4)
        NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        for k, v in env_before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [(c.source[:60], o.get("ename"), o.get("evalue")) for c in code for o in c.get("outputs", [])
              if o.output_type == "error"]
    assert not errors, errors
    assert all(c.get("execution_count") for c in code), "a cell did not run"
    text = "\n".join(o.get("text", "") for c in code for o in c.get("outputs", []) if o.output_type == "stream")
    assert "Traceback" not in text and "Errno" not in text
    assert blocker.read_text() == "x"

"""Where the course keeps its files.

* the repository root (found from this file, or ``MEDIALIT_ROOT``),
* ``data/`` (articles, keys, tables, lexicons, measured results),
* the answers folder (``MEDIALIT_HOME``, else ``answers/`` in the course folder).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

_MARKER = Path("data") / "articles" / "datapackage.yaml"


def repo_root() -> Path:
    """Return the course folder (the one that holds ``data/`` and ``notebooks/``)."""
    return _root_for(os.environ.get("MEDIALIT_ROOT") or "")


@functools.lru_cache(maxsize=16)
def _root_for(env: str) -> Path:
    """The course folder for a value of ``MEDIALIT_ROOT`` ("" when unset), found once: a class of
    a thousand files reads course data thousands of times (a failure is not remembered)."""
    if env:
        root = Path(env).expanduser().resolve()
        if not (root / _MARKER).is_file():
            raise FileNotFoundError(
                f"MEDIALIT_ROOT is set to {root}, but that folder has no {_MARKER}. "
                "Point it at the medialit course folder, or unset it."
            )
        return root
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / _MARKER).is_file():
            return parent
    raise FileNotFoundError(
        "Cannot find the medialit course folder (the one with data/articles/datapackage.yaml). "
        "Install the course with `make lab` from its folder, or set MEDIALIT_ROOT."
    )


def data_dir() -> Path:
    """The ``data/`` folder of the course."""
    return repo_root() / "data"


def answers_dir() -> Path:
    """The folder where learners' answers are saved (created if missing and possible).

    A folder that cannot be created (a read-only home, a path through a file) is still returned:
    reading finds nothing there, and saving fails with a plain message (see
    :func:`answers_problem`), so a lesson runs to its end instead of stopping at the first cell
    that asks where the answers go.
    """
    env = os.environ.get("MEDIALIT_HOME")
    folder = Path(env).expanduser() if env else repo_root() / "answers"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # said in plain words by answers_problem() and by every save
    return folder


def cannot_write_message(folder: Path) -> str:
    """The one plain sentence a learner sees when ``folder`` cannot be written."""
    return (f"Your work cannot be saved: the folder {folder} cannot be written to (read-only or no "
            "permission). Ask your teacher.")


def answers_problem() -> str | None:
    """None when answers can be saved; else a plain message saying that they cannot, and why."""
    folder = answers_dir()
    if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
        return None
    return cannot_write_message(folder)


def teacher_dir(create: bool = True) -> Path:
    """The teacher folder: ``MEDIALIT_HOME`` when set, else the course's ``answers/`` folder.

    It holds ``articles/`` (teacher articles), ``keys/`` (teacher keys) and
    ``exercises/`` (generated exercise notebooks). ``create=False``: only say where it is (for
    readers, such as the dashboard, that must not write anything).
    """
    if create:
        return answers_dir()
    env = os.environ.get("MEDIALIT_HOME")
    return Path(env).expanduser() if env else repo_root() / "answers"


def _teacher_sub(name: str) -> Path:
    folder = teacher_dir() / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def teacher_articles_dir() -> Path:
    """Teacher articles: one ``<id>.txt`` each plus ``datapackage.yaml`` (created if missing)."""
    return _teacher_sub("articles")


def teacher_keys_dir() -> Path:
    """Teacher keys: ``<name>.yaml`` plus ``datapackage.yaml`` (created if missing)."""
    return _teacher_sub("keys")


def teacher_exercises_dir() -> Path:
    """Exercise notebooks generated for teacher articles (created if missing)."""
    return _teacher_sub("exercises")

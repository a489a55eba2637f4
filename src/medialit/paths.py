"""Where the course keeps its files.

* the repository root (found from this file, or ``MEDIALIT_ROOT``),
* ``data/`` (articles, keys, tables, lexicons),
* the answers folder (``MEDIALIT_HOME``, else ``answers/`` in the course folder).
"""
from __future__ import annotations

import os
from pathlib import Path

_MARKER = Path("data") / "articles" / "datapackage.yaml"


def repo_root() -> Path:
    """Return the course folder (the one that holds ``data/`` and ``notebooks/``)."""
    env = os.environ.get("MEDIALIT_ROOT")
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
    """The folder where learners' answers are saved (created if missing)."""
    env = os.environ.get("MEDIALIT_HOME")
    folder = Path(env).expanduser() if env else repo_root() / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    return folder

"""Jupyter server settings shipped with medialit: learners' work never changes the course's own notebooks.

``make lab`` (and ``make voila``) load this file through ``JUPYTER_CONFIG_PATH=<course>/config``;
on a hub, set that variable in the single-user environment (see docs/deployment.md).

The notebooks in ``notebooks/``, ``exercises/`` and ``solutions/`` are tracked by git and
shared by everyone who uses the course folder. The work itself is saved elsewhere: every widget
writes to the learner's answers file on every change. So when JupyterLab saves one of those
notebooks (Ctrl+S, autosave, closing the tab):

* outputs, execution counts, widget state and editor metadata are never written;
* if the cells are the course's own (the learner only ran them and used the widgets), nothing is
  written at all: the tracked file keeps every byte;
* if the learner changed the cells (typed code, an answer, a note of their own), the notebook
  (without outputs) is saved as the learner's **working copy**,
  ``<answers folder>/notebook-copies/<learner id>/notebooks/<name>.ipynb``; opening the
  notebook again shows that copy, so typed work is never lost and never reaches the next
  learner or ``git pull``. A working copy that is back to the course's cells is removed;
* new files, renames and deletions inside those three folders are refused with a plain message,
  and no checkpoint copies (``.ipynb_checkpoints/``) are made there.

The answers folder is ``MEDIALIT_HOME``, else ``answers/`` in the course folder (never tracked).
The learner id is ``MEDIALIT_LEARNER``, else ``JUPYTERHUB_USER``, else the id remembered in
``<answers folder>/.learner``; with none, copies go to ``notebook-copies/_no_id/``.
``MEDIALIT_COURSE`` names the course folder when this file is copied elsewhere.
"""
from __future__ import annotations

import copy
import datetime as _dt
import os
import tempfile
from pathlib import Path

import nbformat
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from tornado import web

#: the folders whose notebooks are the course's own (tracked by git)
COURSE_DIRS = ("notebooks", "exercises", "solutions")
COPIES = "notebook-copies"
NO_ID = "_no_id"  # not a valid learner id (ids start with a letter or digit), so never a learner's folder

REFUSED = ("The folders notebooks/, exercises/ and solutions/ hold the course's own notebooks, which stay "
           "as they came: {what} Your work in the widgets is saved on every change; keep files of your own "
           "in another folder.")


def course_root() -> Path:
    """The course folder: ``MEDIALIT_COURSE``, else the folder above this file."""
    env = os.environ.get("MEDIALIT_COURSE")
    return Path(env).expanduser().resolve() if env else Path(__file__).resolve().parents[1]


def answers_root() -> Path:
    env = os.environ.get("MEDIALIT_HOME")
    return Path(env).expanduser() if env else course_root() / "answers"


def learner_folder() -> str:
    """The learner id to file a working copy under (checked like every learner id), or ``_no_id``."""
    candidates = [os.environ.get("MEDIALIT_LEARNER"), os.environ.get("JUPYTERHUB_USER")]
    try:
        candidates.append((answers_root() / ".learner").read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        pass
    try:
        from medialit.store import LearnerIdError, validate_learner_id
    except ImportError:  # the package is not installed in the server's Python: no per-learner copies
        return NO_ID
    for value in candidates:
        if value:
            try:
                return validate_learner_id(value)
            except LearnerIdError:
                continue
    return NO_ID


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def cells_of(nb) -> list[tuple]:
    """What makes a notebook the course's own: each cell's type, text, tags and attachments."""
    return [(c.get("cell_type"), _source(c), tuple(c.get("metadata", {}).get("tags", ())),
             repr(sorted((c.get("attachments") or {}).items()))) for c in nb.get("cells", [])]


def stripped(nb, metadata) -> nbformat.NotebookNode:
    """``nb`` without outputs, execution counts, widget state or editor metadata (as the course
    builds its notebooks: cells keep only their tags; the notebook gets ``metadata``)."""
    out = nbformat.from_dict(copy.deepcopy(dict(nb)))
    out.metadata = nbformat.from_dict(copy.deepcopy(dict(metadata)))
    for cell in out.cells:
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = nbformat.from_dict({"tags": list(tags)} if tags else {})
        if isinstance(cell.get("source"), list):
            cell["source"] = _source(cell)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return out


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class CourseContentsManager(AsyncLargeFileManager):
    """JupyterLab's file manager, except that the course's own notebooks are never written (see above)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.log.info("medialit: the notebooks in %s/{%s} are kept as they came; learners' changed notebooks "
                      "are saved as working copies in %s", course_root(), ",".join(COURSE_DIRS),
                      answers_root() / COPIES)

    # ------------------------------------------------------------------ where a path belongs
    def course_path(self, path: str) -> str | None:
        """``"notebooks/x.ipynb"`` when ``path`` (relative to the server's root) is in a course
        folder, ``"notebooks"`` for the folder itself, None otherwise."""
        try:
            os_path = Path(self._get_os_path(path.strip("/"))).resolve()
        except web.HTTPError:
            return None
        root = course_root()
        for name in COURSE_DIRS:
            folder = (root / name).resolve()
            if os_path == folder:
                return name
            try:
                rel = os_path.relative_to(folder)
            except ValueError:
                continue
            return f"{name}/{rel.as_posix()}"
        return None

    def copy_path(self, course_rel: str) -> Path:
        return answers_root() / COPIES / learner_folder() / course_rel

    def _refuse(self, what: str):
        raise web.HTTPError(403, REFUSED.format(what=what))

    # ------------------------------------------------------------------ reading
    async def get(self, path, content=True, type=None, format=None, require_hash=False):
        rel = self.course_path(path)
        if rel is None or not rel.endswith(".ipynb") or type not in (None, "notebook"):
            return await super().get(path, content=content, type=type, format=format, require_hash=require_hash)
        working = self.copy_path(rel)
        if not working.is_file():
            return await super().get(path, content=content, type=type, format=format, require_hash=require_hash)
        model = await super().get(path, content=False, type="notebook", require_hash=require_hash)
        model["last_modified"] = _dt.datetime.fromtimestamp(working.stat().st_mtime, tz=_dt.timezone.utc)
        if content:
            nb = nbformat.reads(working.read_text(encoding="utf-8"), as_version=4)
            self.mark_trusted_cells(nb, path)
            model["content"] = nb
            model["format"] = "json"
            self.validate_notebook_model(model)
        return model

    # ------------------------------------------------------------------ writing
    async def save(self, model, path=""):
        path = path.strip("/")
        rel = self.course_path(path)
        if rel is None:
            return await super().save(model, path)
        template = Path(self._get_os_path(path))
        if rel in COURSE_DIRS or model.get("type") == "directory":
            if template.is_dir():
                return await super().get(path, content=False)
            self._refuse("no new folders can be made in them.")
        if model.get("type") != "notebook" or model.get("chunk") is not None or not template.is_file():
            self._refuse(f"{Path(path).name} was not saved there.")
        if "content" not in model:
            raise web.HTTPError(400, "No file content was sent.")
        self.run_pre_save_hooks(model=model, path=path)
        course = nbformat.read(str(template), as_version=4)
        mine = stripped(nbformat.from_dict(model["content"]), course.metadata)
        working = self.copy_path(rel)
        if cells_of(mine) == cells_of(course):
            working.unlink(missing_ok=True)  # back to the course's cells: nothing of the learner's to keep
        else:
            _write_atomic(working, nbformat.writes(mine) + "\n")
            self.log.info("medialit: %s saved as the working copy %s", rel, working)
        return await self.get(path, content=False)

    # Checkpoints ("File > Revert Notebook to Checkpoint") would be copies inside the course folders;
    # for the course's notebooks the working copy takes their place, so none are made.
    async def create_checkpoint(self, path):
        if self.course_path(path) is None:
            return await super().create_checkpoint(path)
        model = await self.get(path, content=False)
        return {"id": "checkpoint", "last_modified": model["last_modified"]}

    async def list_checkpoints(self, path):
        if self.course_path(path) is None:
            return await super().list_checkpoints(path)
        return []

    async def restore_checkpoint(self, checkpoint_id, path):
        if self.course_path(path) is None:
            return await super().restore_checkpoint(checkpoint_id, path)
        self._refuse("they keep no checkpoints (your saved version is your working copy).")

    async def delete_checkpoint(self, checkpoint_id, path):
        if self.course_path(path) is None:
            return await super().delete_checkpoint(checkpoint_id, path)

    async def delete_file(self, path):
        if self.course_path(path) is not None:
            self._refuse("nothing in them can be deleted.")
        return await super().delete_file(path)

    async def rename_file(self, old_path, new_path):
        if self.course_path(old_path) is not None or self.course_path(new_path) is not None:
            self._refuse("nothing can be renamed or moved into or out of them.")
        return await super().rename_file(old_path, new_path)


if "get_config" in globals():  # loaded by Jupyter (not imported by a test)
    c = get_config()  # noqa: F821 - provided by Jupyter's config loader
    c.ServerApp.contents_manager_class = CourseContentsManager

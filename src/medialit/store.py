"""Learners' answers on disk: one JSON file per learner, written atomically on every change.

File layout (``<answers folder>/<learner id>.json``)::

    {
      "schema_version": 1,
      "learner": "alice",
      "updated": "2026-03-06T10:00:00Z",
      "activities": {
        "<activity id>": {"kind": "...", "article": "...", "updated": "...", "data": {...}}
      }
    }

A record may also hold the learner's first answers, ``"first"`` (the same shape as ``data``) and
``"first_at"``, kept when a key was opened (:func:`freeze_first`) or at the first ``check()``
answer and never overwritten; ``data`` goes on holding the latest work. The document's
``"reveals"`` records which keys were opened and when (:func:`key_opened`).

A hand-in (:func:`export_submission`) wraps the activities with ``format``, ``exported`` and
``medialit_version``, and carries the learner's own articles (lesson 04) in ``"articles"``.

Rules this module keeps:

* a learner id is checked before it becomes a file name, so it can never leave its folder;
* there is no default learner id: until one is chosen (:func:`set_learner`, the environment, or
  the ``.learner`` file remembered outside Voila), saving raises :class:`NoLearnerError`;
* every write goes to a temporary file in the same folder, is flushed to disk, then renamed
  over the old file: a crash or a kill mid-write leaves the previous file intact;
* a file that cannot be read (not JSON, wrong shape) is moved aside with a warning and never
  silently overwritten;
* a disk that is full or read-only gives a :class:`StoreError` in plain words; what was saved
  before stays as it was.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import errno
import json
import os
import re
import tempfile
import threading
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

from . import paths

SCHEMA_VERSION = 1
SUBMISSION_FORMAT = "medialit-submission"
MAX_LEARNER_ID = 64
_LEARNER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]*$")
_chosen_learner: str | None = None
_lock = threading.RLock()
#: Functions called as ``fn(new_id)`` when the learner id in use changes (the widgets' registry).
_listeners: list[Callable[[str], None]] = []
#: What the learner sees wherever work cannot be saved because no learner id is chosen yet.
NO_LEARNER_MESSAGE = ("Choose your name in the start notebook or in the box above before your work can be "
                      "saved.")
#: The same in Voila, where the start notebook's choice is not carried over (each browser session
#: chooses its own id): the only place to choose is the "Learner id" box at the top of the page.
VOILA_NO_LEARNER_MESSAGE = ("Type your name in the \"Learner id\" box at the top of this page before your work "
                            "can be saved.")
#: Environment variables Voila sets in the kernels it starts (see voila/handler.py and
#: voila/voila_kernel_manager.py): every Voila kernel has at least one of them.
VOILA_VARIABLES = ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_SERVER_URL", "VOILA_APP_PORT", "VOILA_PREHEAT")


class LearnerIdError(ValueError):
    """A learner id that cannot be used as a file name."""


class NoLearnerError(LearnerIdError):
    """No learner id has been chosen yet, so nothing can be saved (the message says what to do)."""

    def __init__(self, message: str | None = None):
        super().__init__(message or no_learner_message())


class StoreError(RuntimeError):
    """Saving failed (disk full, read-only folder...). The message is meant for the learner."""


class StoreWarning(UserWarning):
    """Something was wrong with a saved file; the learner should know, nothing was lost."""


class ChangedElsewhere(Exception):
    """:func:`put_activity` with ``expect=`` found that another writer (a second browser tab or
    kernel with the same learner) changed the activity since the writer last read or wrote it.
    Nothing was written. ``current``: the record in the file now (None when there is none)."""

    def __init__(self, activity_id: str, current: dict | None):
        super().__init__(f"The activity {activity_id!r} was changed by another tab or window.")
        self.activity_id = activity_id
        self.current = current


def now_iso() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def validate_learner_id(learner_id: Any) -> str:
    """Return ``learner_id`` if it is safe as a file name, else raise :class:`LearnerIdError`.

    Allowed: 1 to 64 characters, letters, digits and ``. _ @ + -``, starting with a letter or
    digit and not ending with ``.`` (so ``..``, ``a/b``, ``../../x``, hidden files and a hidden
    trailing line break are refused).
    """
    if not isinstance(learner_id, str):
        raise LearnerIdError(f"A learner id must be text, not {type(learner_id).__name__}.")
    if learner_id == "" or learner_id.strip() == "":
        raise LearnerIdError("The learner id is empty. Choose a name such as 'alice' or 'student07'.")
    if len(learner_id) > MAX_LEARNER_ID:
        raise LearnerIdError(
            f"The learner id is {len(learner_id)} characters long; the limit is {MAX_LEARNER_ID}."
        )
    if any(not ch.isprintable() for ch in learner_id):
        raise LearnerIdError(
            f"The learner id {learner_id!r} contains a hidden character (a line break, tab or "
            "similar). Type it again using only letters, digits and . _ @ + -."
        )
    if learner_id.endswith("."):
        raise LearnerIdError(
            f"The learner id {learner_id!r} ends with a full stop, which some computers drop from "
            "file names. Leave it out."
        )
    # fullmatch: with match, "$" would also accept a trailing line break ("alice\n")
    if not _LEARNER_RE.fullmatch(learner_id) or ".." in learner_id:
        raise LearnerIdError(
            f"The learner id {learner_id!r} cannot be used: use only letters, digits and . _ @ + - "
            "(no spaces, no slashes), starting with a letter or a digit."
        )
    return learner_id


#: File in the answers folder that remembers the id chosen with :func:`set_learner`, so that
#: the choice survives a kernel restart (one line: the id).
CHOICE_FILE = ".learner"


def _choice_path() -> Path:
    return paths.answers_dir() / CHOICE_FILE


def in_voila() -> bool:
    """True in a kernel started by Voila (a lesson shown as a web app, one kernel per browser tab).

    There every browser session has its own learner id: the ``.learner`` file (one per answers
    folder, shared by every browser on the server) is neither read nor written.
    """
    return any(os.environ.get(var) for var in VOILA_VARIABLES)


def no_learner_message() -> str:
    """What to do when no learner id is chosen yet: :data:`NO_LEARNER_MESSAGE`, or in Voila
    (:func:`in_voila`, where the start notebook's choice does not reach the page)
    :data:`VOILA_NO_LEARNER_MESSAGE`."""
    return VOILA_NO_LEARNER_MESSAGE if in_voila() else NO_LEARNER_MESSAGE


def _environment_learner() -> str | None:
    for var in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER"):
        value = os.environ.get(var)
        if value:
            try:
                return validate_learner_id(value)
            except LearnerIdError as exc:
                raise LearnerIdError(f"{var} is set, but: {exc}") from None
    return None


def add_learner_listener(listener: Callable[[str], None]) -> None:
    """Call ``listener(new_id)`` whenever the learner id in use changes (once per function)."""
    if listener not in _listeners:
        _listeners.append(listener)


def remove_learner_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _announce(new_id: str) -> None:
    for listener in list(_listeners):
        listener(new_id)


def set_learner(learner_id: str, *, remember: bool = True) -> str:
    """Choose the learner id (``MEDIALIT_LEARNER``/``JUPYTERHUB_USER``, when set, still win).

    With ``remember=True`` the choice is also written (atomically) to ``.learner`` in the answers
    folder, so a restarted kernel, or another notebook of the course, uses the same id; in Voila
    (:func:`in_voila`) it never is, so one browser's id never reaches another's session. If that
    file cannot be written, the id is still used in this session and a :class:`StoreWarning` says
    that it will not be remembered.

    Every live widget that follows the learner in use (see :mod:`medialit.widgets.base`) switches
    to the new id at once: it shows and saves that learner's work; the old learner's file is left
    as it is.
    """
    global _chosen_learner
    chosen = same_learner_on_disk(validate_learner_id(learner_id))
    if _chosen_learner is None:
        _chosen_learner = remembered_learner()
    before = _chosen_learner
    _chosen_learner = chosen
    if remember and not in_voila():
        try:
            atomic_write_text(_choice_path(), chosen + "\n")
        except (StoreError, OSError) as exc:
            warnings.warn(f"The learner id {chosen} is used now, but it could not be remembered for "
                          f"next time ({exc}). After a restart, choose it again.", StoreWarning, stacklevel=2)
    if chosen != before and not any(os.environ.get(v) for v in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER")):
        _announce(chosen)  # with an id from the environment, the id in use does not change
    return chosen


def same_learner_on_disk(learner_id: str, home: str | os.PathLike | None = None) -> str:
    """The id whose answers file already holds this learner's work when it differs only in capital
    letters ("jill" typed, "Jill.json" saved yesterday): that id, so the work comes back and no second
    file is started (the class dashboard, JupyterHub, Windows and macOS all treat the two as one).
    Otherwise ``learner_id`` itself (also when several files would match: nothing is guessed)."""
    try:
        folder = _home(home)
        if (folder / f"{learner_id}.json").is_file():
            return learner_id
        wanted = learner_id.casefold()
        found = [n[:-5] for n in os.listdir(folder) if n.endswith(".json") and n[:-5].casefold() == wanted]
    except OSError:
        return learner_id
    if len(found) != 1:
        return learner_id
    try:
        return validate_learner_id(found[0])
    except LearnerIdError:
        return learner_id


def remembered_learner() -> str | None:
    """The id last chosen with :func:`set_learner` in this answers folder, or None (always None
    in Voila, where each browser session chooses its own).

    A remembered id that is not a valid learner id (a damaged or edited file) is ignored with a
    :class:`StoreWarning`; the file is left as it is.
    """
    if in_voila():
        return None
    path = _choice_path()
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_LEARNER_ID + 8)
    except OSError:  # not there yet, or unreadable: no remembered choice
        return None
    try:
        return validate_learner_id(raw.decode("utf-8").strip())
    except (UnicodeDecodeError, LearnerIdError):
        warnings.warn(f"{path} does not hold a usable learner id, so it was ignored; "
                      "choose your id again in the start notebook.", StoreWarning, stacklevel=3)
        return None


def learner_or_none() -> str | None:
    """The learner id in use, or None when none is chosen yet (then nothing can be saved).

    In order: ``MEDIALIT_LEARNER``, ``JUPYTERHUB_USER``, the id chosen with :func:`set_learner` in
    this session, the one remembered in the answers folder from an earlier session (read once,
    then kept for this session, so one kernel never switches learner behind its widgets' back;
    never in Voila). There is no default id: work is never filed under a made-up name.
    """
    global _chosen_learner
    from_env = _environment_learner()
    if from_env:
        return from_env
    if _chosen_learner is None:
        _chosen_learner = remembered_learner()
    return _chosen_learner


def learner_chosen() -> bool:
    """True when a learner id is in use, so work can be saved (``ml.learner_chosen()``)."""
    try:
        return learner_or_none() is not None
    except LearnerIdError:
        return False


def current_learner() -> str:
    """The learner id in use (see :func:`learner_or_none`); :class:`NoLearnerError` (a
    :class:`LearnerIdError`, in plain words) when none is chosen yet."""
    learner = learner_or_none()
    if learner is None:
        raise NoLearnerError()
    return learner


def _home(home: str | os.PathLike | None) -> Path:
    if home is None:
        return paths.answers_dir()
    folder = Path(home).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def answers_path(learner: str | None = None, home: str | os.PathLike | None = None) -> Path:
    """The answers file of ``learner`` (default: :func:`current_learner`)."""
    learner = validate_learner_id(learner) if learner is not None else current_learner()
    folder = _home(home).resolve()
    path = (folder / f"{learner}.json").resolve()
    if path.parent != folder:  # belt and braces: validation already forbids this
        raise LearnerIdError(f"The learner id {learner!r} would leave the answers folder.")
    return path


def _plain_os_error(exc: OSError, path: Path) -> StoreError:
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        why = "the disk is full"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or not path.parent.is_dir():
        # (a folder that could not be created: ENOENT/ENOTDIR from the temporary file)
        return StoreError(f"{paths.cannot_write_message(path.parent)} What was saved before is still there.")
    else:
        why = exc.strerror or str(exc)
    return StoreError(
        f"Your work could not be saved to {path}: {why}. What was saved before is still there. "
        "Free some space or ask your teacher, then change any answer to save again."
    )


#: A handed-in submission: the learner reads and writes it, the group (teachers, when learners
#: hand in to a shared folder) reads it, others nothing. Answers files keep mkstemp's private 0o600.
SUBMISSION_MODE = 0o640


def atomic_write_text(path: Path, text: str, mode: int | None = None) -> None:
    """Write ``text`` to ``path`` atomically (temporary file in the same folder, fsync, rename).
    ``mode``: the file's permission bits (default: private to its owner)."""
    path = Path(path)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        with contextlib.suppress(OSError):  # make the rename itself durable where possible
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as exc:
        raise _plain_os_error(exc, path) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def atomic_write_json(path: Path, obj: Any, mode: int | None = None) -> None:
    """Serialise ``obj`` as pretty, key-sorted JSON and write it atomically."""
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n", mode)


def empty_document(learner: str) -> dict:
    return {"schema_version": SCHEMA_VERSION, "learner": learner, "updated": now_iso(), "activities": {}}


def _valid_document(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and doc.get("schema_version") == SCHEMA_VERSION
        and isinstance(doc.get("activities"), dict)
        and all(isinstance(v, dict) for v in doc["activities"].values())
    )


def _move_aside(path: Path, reason: str) -> Path:
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    os.replace(path, target)
    warnings.warn(
        f"Your answers file {path.name} could not be read ({reason}). It was kept as {target.name} "
        "so nothing is lost; a new, empty answers file is used from now on. Show both to your teacher.",
        StoreWarning,
        stacklevel=3,
    )
    return target


@contextlib.contextmanager
def lock_file(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (created if missing) against other processes; best
    effort: where fcntl is missing or the folder is read-only, it just runs the block."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # read-only folder: reading still works, writing will report
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Lock against other kernels writing the same learner's file (best effort on non-POSIX)."""
    with _lock, lock_file(path.with_name(f".{path.name}.lock")):
        yield


def _read(path: Path, learner: str) -> dict:
    if not path.exists():
        return empty_document(learner)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        _move_aside(path, f"it is not valid JSON: {exc.__class__.__name__}")
        return empty_document(learner)
    if isinstance(doc, dict) and isinstance(doc.get("schema_version"), int) and doc["schema_version"] > SCHEMA_VERSION:
        raise StoreError(
            f"{path.name} was written by a newer version of medialit (schema {doc['schema_version']}). "
            "Update the course (git pull, then make lab) before continuing; the file was not changed."
        )
    if not _valid_document(doc):
        _move_aside(path, "it does not have the shape of a medialit answers file")
        return empty_document(learner)
    return doc


def load_answers(learner: str | None = None, home: str | os.PathLike | None = None) -> dict:
    """Return the whole answers document of ``learner`` (an empty one if there is none yet)."""
    learner = validate_learner_id(learner) if learner is not None else current_learner()
    path = answers_path(learner, home)
    with _file_lock(path):
        return _read(path, learner)


def get_activity(activity_id: str, learner: str | None = None, home=None) -> dict | None:
    """The saved record of one activity (``{"kind", "article", "updated", "data"}``) or None."""
    return load_answers(learner, home)["activities"].get(activity_id)


def saved_activities(learner: str | None = None, home: str | os.PathLike | None = None) -> list[str]:
    """The ids of the activities ``learner`` has saved work for, sorted (``ml.saved_activities()``)."""
    return sorted(load_answers(learner, home)["activities"])


def put_activity(
    activity_id: str,
    data: Any,
    *,
    kind: str,
    article: str | None = None,
    learner: str | None = None,
    home: str | os.PathLike | None = None,
    first: bool | str = False,
    expect: Any = ...,
) -> Path:
    """Save one activity's ``data`` (JSON-able) for ``learner`` at once; return the file path.

    Reads the file fresh, replaces this activity only, and writes atomically, so several
    widgets (or two open notebooks) never erase each other's activities.

    First answers (the record's ``first`` and ``first_at``, beside ``data``; see
    :func:`freeze_first`) already in the file are kept: they are never overwritten. ``first=True`` (used by
    ``check()``) also keeps ``data`` as the first answers when there are none yet and the learner
    has not opened a key covering this activity; ``first="items"`` keeps a first answer per item
    of ``data["answer"]`` (a labels answer checked sentence by sentence).

    ``expect``: the record's ``data`` as this writer last read or wrote it (None: there was no
    record). When given and the file holds something else (another tab or kernel of the same
    learner saved meanwhile), nothing is written and :class:`ChangedElsewhere` is raised, with the
    record now in the file, so the writer can merge and try again (a compare-and-swap under the
    file lock: two writers never overwrite each other unseen).
    """
    if not isinstance(activity_id, str) or not activity_id:
        raise ValueError("activity_id must be a non-empty string")
    learner = validate_learner_id(learner) if learner is not None else current_learner()
    path = answers_path(learner, home)
    json.dumps(data)  # fail early, before touching the file, if data is not JSON-able
    with _file_lock(path):
        doc = _read(path, learner)
        if expect is not ...:
            old = doc["activities"].get(activity_id)
            if (old.get("data") if isinstance(old, dict) else None) != expect:
                raise ChangedElsewhere(activity_id, copy.deepcopy(old) if isinstance(old, dict) else None)
        stamp = now_iso()
        doc["activities"][activity_id] = {"kind": kind, "article": article, "updated": stamp, "data": data,
                                          **_with_first(doc, activity_id, kind, data, stamp if first else None,
                                                        items=first == "items")}
        doc["updated"] = stamp
        doc["learner"] = learner
        atomic_write_json(path, doc)
    return path


def keep_conflict_copy(activity_id: str, record: Any, *, learner: str | None = None,
                       home: str | os.PathLike | None = None) -> Path:
    """Keep another writer's version of one activity (``record``) beside the answers file, as
    ``<learner>.json.conflict-<time>`` (written atomically, never overwritten), before it is
    replaced: used when two tabs changed the same items differently. Returns the copy's path."""
    learner = validate_learner_id(learner) if learner is not None else current_learner()
    path = answers_path(learner, home)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    # the name is claimed first (O_EXCL), so two copies made at the same clock tick never share one
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.conflict-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            break
        except FileExistsError:
            continue
    else:
        raise StoreError(f"Too many copies of other versions next to {path.name}: move some of them away.")
    atomic_write_json(target, {"format": "medialit-conflict", "schema_version": SCHEMA_VERSION, "learner": learner,
                               "kept": now_iso(), "activities": {activity_id: record}})
    return target


FIRST_FIELDS = ("first", "first_at")  # the same as medialit.schema.FIRST_FIELDS


def _with_first(doc: dict, activity_id: str, kind: str, data: Any, stamp: str | None, items: bool = False) -> dict:
    """The first-answer fields of this activity's new record: the ones the file holds (never
    replaced), or new ones (``data`` itself, at ``stamp``) when ``stamp`` is given, there are none
    yet and no key covering the activity was opened. ``items``: ``data["answer"]`` is a mapping
    (labels per sentence) whose items each keep their own first answer: new items are added to
    the first answers, items already there never change."""
    old = doc["activities"].get(activity_id)
    opened = _key_opened_for(doc, activity_id)
    if isinstance(old, dict) and old.get("kind") in (None, kind) and "first" in old:
        kept = {f: old[f] for f in FIRST_FIELDS if f in old}
        before = kept["first"].get("answer") if isinstance(kept["first"], dict) else None
        new = data.get("answer") if isinstance(data, dict) else None
        if items and stamp is not None and not opened and isinstance(before, dict) and isinstance(new, dict):
            added = {k: v for k, v in new.items() if k not in before}
            if added:
                kept["first"] = dict(kept["first"], answer={**before, **added})
        return kept
    if stamp is not None and not opened:
        first = json.loads(json.dumps(data))
        if items and isinstance(first, dict):
            first["correct"] = None  # each item has its own first answer: no verdict for the whole
        return {"first": first, "first_at": stamp}
    return {}


def _reveals(doc: dict) -> dict:
    found = doc.get("reveals")
    return {k: v for k, v in found.items() if isinstance(v, dict)} if isinstance(found, dict) else {}


def _key_opened_for(doc: dict, activity_id: str) -> bool:
    return any(activity_id in r["activities"] for r in _reveals(doc).values() if isinstance(r.get("activities"), list))


def freeze_first(
    activities: dict,
    reveal_id: str | None = None,
    *,
    learner: str | None = None,
    home: str | os.PathLike | None = None,
) -> dict:
    """Keep the learner's answers now as their first answers, in one atomic write.

    ``activities``: ``{activity id: (kind, article, data)}``; ``data`` is the work on show (None:
    what the file holds; for an activity with nothing saved and ``data=None`` nothing is written,
    but a later first answer to it is no longer taken as a first answer). The record gets
    ``first`` (a copy of ``data``, the same shape) and ``first_at`` (the time) beside ``data``,
    which goes on holding the latest work. Activities that already have first answers keep them. ``reveal_id`` (a key being opened) is recorded with the time and
    the activity ids in the file's ``reveals`` (see :func:`key_opened`). Returns
    ``{activity id: first_at}`` for every activity that has first answers now.
    """
    learner = validate_learner_id(learner) if learner is not None else current_learner()
    path = answers_path(learner, home)
    for data in (v[2] for v in activities.values()):
        json.dumps(data)
    out = {}
    with _file_lock(path):
        doc = _read(path, learner)
        stamp = now_iso()
        for act_id, (kind, article, data) in activities.items():
            old = doc["activities"].get(act_id)
            if isinstance(old, dict) and old.get("kind") not in (None, kind):
                continue  # another kind of work under this id: never touched
            if isinstance(old, dict) and "first" in old:
                out[act_id] = old.get("first_at", "")
                continue
            if data is None:
                data = old.get("data") if isinstance(old, dict) else None
            if data is None:
                continue
            doc["activities"][act_id] = {
                "kind": kind, "article": article if article is not None else (old or {}).get("article"),
                "updated": stamp, "data": data, "first": json.loads(json.dumps(data)), "first_at": stamp}
            out[act_id] = stamp
        if reveal_id is not None:
            reveals = _reveals(doc)
            if not isinstance((reveals.get(reveal_id) or {}).get("at"), str) or not reveals[reveal_id]["at"]:
                reveals[reveal_id] = {"at": stamp, "activities": sorted(activities)}
            doc["reveals"] = reveals
        doc["updated"] = stamp
        doc["learner"] = learner
        atomic_write_json(path, doc)
    return out


def key_opened(reveal_id: str, learner: str | None = None, home: str | os.PathLike | None = None) -> str | None:
    """When ``learner`` opened the key ``reveal_id`` (``YYYY-MM-DDTHH:MM:SSZ``), or None if never."""
    found = _reveals(load_answers(learner, home)).get(reveal_id)
    at = found.get("at") if found else None
    return at if isinstance(at, str) and at else None


def export_submission(
    path: str | os.PathLike | None = None, learner: str | None = None, home: str | os.PathLike | None = None
) -> Path:
    """Write one file with all of a learner's work, the file an instructor collects.

    Default location: ``<answers folder>/submissions/<learner>.submission.json``.

    The file is ``{"format": "medialit-submission", "schema_version", "learner", "exported",
    "medialit_version", "activities"}`` and, when the learner worked on articles of their own
    (lesson 04, ``ml.add_article``), ``"articles"``: ``{article id: {title, publisher, url, date,
    author, language, sentence_rules, sha256, sentences_sha256, paragraph_roles, text}}`` for every added article
    (never a course article) one of the activities refers to, read through the same loader as
    the learner's tools (:func:`medialit.articles.handin_entry`), so the teacher's dashboard can
    show that work (see :mod:`medialit.schema.carried`). An article that cannot be carried (no
    longer loads, or past the limits the dashboard reads) is left out with a
    :class:`StoreWarning` saying so; the rest of the work is handed in as always.
    """
    from . import __version__

    learner = validate_learner_id(learner) if learner is not None else current_learner()
    doc = load_answers(learner, home)
    if path is None:
        folder = _home(home) / "submissions"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{learner}.submission.json"
    path = Path(path)
    submission = {
        "format": SUBMISSION_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "learner": learner,
        "exported": now_iso(),
        "medialit_version": __version__,
        "activities": doc["activities"],
    }
    size = len(json.dumps(submission, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")) + 1024
    carried = _own_articles(doc["activities"], size)
    if carried:
        submission["articles"] = carried
    atomic_write_json(path, submission, mode=SUBMISSION_MODE)
    return path


def referred_articles(activities: dict) -> list[str]:
    """The article ids (text) the activities refer to, in order of first mention."""
    seen: dict = {}
    for rec in activities.values():
        article = rec.get("article") if isinstance(rec, dict) else None
        if isinstance(article, str) and article:
            seen.setdefault(article, None)
    return list(seen)


def _own_articles(activities: dict, used_bytes: int) -> dict:
    """``{article id: entry}`` of the learner's own articles to carry in a hand-in (see
    :func:`export_submission`), within the limits the dashboard reads
    (:data:`medialit.schema.LIMITS` ``.articles`` and ``.article_chars``, and a file of at most
    :data:`medialit.schema.FILE_BYTES`); each one left out is a :class:`StoreWarning`."""
    from . import articles, data

    out: dict = {}
    chars = 0
    for article_id in referred_articles(activities):
        if not articles.is_added(article_id):
            continue  # a course article (the teacher has it), or one not in this folder
        try:
            entry = articles.handin_entry(article_id)
        except (data.DataError, articles.ArticleError) as exc:
            warnings.warn(f"Your article {article_id!r} could not be put into the hand-in ({exc}), so your teacher "
                          "will not see your work on it.", StoreWarning, stacklevel=3)
            continue
        size = len(json.dumps({article_id: entry}, ensure_ascii=False, indent=4).encode("utf-8"))
        why = _left_out(len(out), chars + len(entry["text"]), used_bytes + size)
        if why:
            warnings.warn(f"Your article {article_id!r} was left out of the hand-in: {why}. Your teacher will see "
                          "your work on it only if they add the same article.", StoreWarning, stacklevel=3)
            continue
        out[article_id] = entry
        chars += len(entry["text"])
        used_bytes += size
    return out


def _left_out(carried: int, chars: int, size: int) -> str:
    """Why one more own article cannot go into a hand-in that carries ``carried`` already and would
    then hold ``chars`` characters of their text and ``size`` bytes ("" when it can)."""
    from . import schema

    if carried >= schema.LIMITS.articles:
        return f"a hand-in carries at most {schema.LIMITS.articles} articles of your own"
    if chars > schema.LIMITS.article_chars:
        return (f"your own articles in one hand-in may hold {schema.LIMITS.article_chars:,} characters of text "
                "together, and this one would pass that")
    if size > schema.FILE_BYTES:
        return f"the hand-in would be larger than the {schema.FILE_BYTES // (1024 * 1024)} MB the dashboard reads"
    return ""

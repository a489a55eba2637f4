"""The shared base of every medialit widget: one ``data`` trait, saved on every change.

How a widget keeps a learner's work safe:

* on construction it reads the saved record of its activity (``store.get_activity``) and shows
  it, so re-running the cell in a new kernel brings the work back; nothing is written while it
  is being built, so an empty widget never overwrites saved work;
* every change of ``data`` (a new dict is assigned, see :meth:`ActivityBase.update_data`) is
  written at once with ``store.put_activity`` (atomic: temporary file + rename);
* when saving fails (read-only folder, full disk...) the learner sees a plain message in the
  status line, the work stays in memory, and the next change (or :meth:`save`) tries again.

Whose work it is:

* every widget shows a "Saving as: <id>" line (:attr:`ActivityBase.saving_as`, synced to the
  front end; a :class:`BoxActivity` shows it as its first line);
* a widget made before any learner id is chosen says so inside itself, writes nothing, keeps the
  learner's changes in memory, and saves them as soon as an id is chosen (added to whatever that
  learner saved before, see :func:`merge_edits`);
* widgets made without ``learner=`` follow the id in use: when it changes (``ml.set_learner``,
  a :class:`~medialit.widgets.LearnerBox`), every live one loads the new learner's saved work and
  shows the new id at once (:func:`follow_learner`); the old learner's file is not touched.
"""
from __future__ import annotations

import copy
import datetime as _dt
import html
import json
import re
import warnings
import weakref
from pathlib import Path
from typing import Any, Callable

import anywidget
import ipywidgets
import traitlets

from .. import schema, store
from ..schema import CONFIDENCES  # noqa: F401 - re-exported: the confidence choices ("" = not given)


#: A lesson name: "00", "02", "02-ex1"... (it becomes the first part of activity ids, so no ":").
_LESSON_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
_lesson: str | None = None
#: Tables show whole sentences (pandas cuts text at 50 characters by default).
TEXT_WIDTH = 400


def lesson(name: str | None) -> None:
    """Set up a lesson notebook; call it once, in the first code cell: ``ml.lesson("02")``.

    * The widgets made afterwards save their work under ``"<lesson>:<kind>:<article>"``, for
      example ``"02:labels:southfront_2026"``, so no notebook types an activity id by hand (a
      typo would silently start a new activity). An explicit ``activity="..."`` still wins.
    * Tables show whole sentences (pandas' ``display.max_colwidth`` becomes :data:`TEXT_WIDTH`).

    ``ml.lesson(None)`` forgets the lesson (widgets then use ``"<kind>:<article>"``).
    """
    global _lesson
    if name is not None and (not isinstance(name, str) or not _LESSON_RE.fullmatch(name)):
        raise ValueError("A lesson name is short text of letters, digits and '-', such as '02' or '02-ex1'.")
    _lesson = name
    if name is not None:
        import pandas as pd

        width = pd.get_option("display.max_colwidth")
        if width is not None and width < TEXT_WIDTH:
            pd.set_option("display.max_colwidth", TEXT_WIDTH)


def current_lesson() -> str | None:
    """The lesson set with :func:`lesson` (None when none was set)."""
    return _lesson


def default_activity(kind_prefix: str, article_id: str) -> str:
    """The activity id a widget uses when none is given: ``"<lesson>:<kind>:<article>"``, or
    ``"<kind>:<article>"`` when no lesson was set."""
    base = f"{kind_prefix}:{article_id}"
    return f"{_lesson}:{base}" if _lesson else base


def esc(value: Any) -> str:
    """Escape any text (learner notes, article text) before it is shown as HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def text_of(value: Any, limit: int = schema.LIMITS.text) -> str:
    """Coerce a value read from a file into a bounded string (hostile files must not break us)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return value[:limit]


def resolve_article(article):
    """Return ``(article_id, Article or None)`` for an article id, an ``Article`` or None."""
    if article is None:
        return None, None
    if isinstance(article, str):
        from ..data import load_article

        art = load_article(article)
        return art.id, art
    if hasattr(article, "id") and hasattr(article, "text") and hasattr(article, "sentences"):
        return article.id, article
    raise TypeError("article must be an article id such as 'southfront_2026' or an Article from ml.load_article().")


def display_path(path: Path) -> str:
    """A short, readable form of a saved file's path: "answers/alice.json" inside the course,
    "~/answers/alice.json" inside the user's home folder (a hub), else the whole path."""
    path = Path(path)
    from .. import paths

    for base, prefix in ((paths.repo_root, ""), (Path.home, "~/")):
        try:
            return prefix + path.resolve().relative_to(base().resolve()).as_posix()
        except (ValueError, RuntimeError, OSError):
            continue
    return str(path)


#: The start of the warning a widget shows when the same learner changed its work in another tab.
ELSEWHERE = "This work was also changed in another tab or window."


def status_html(message: str, ok: bool, warn: bool = False) -> str:
    """The status line as HTML: a live region so screen readers announce saves and errors.
    ``warn``: saved, but with a notice to read (shown like an error, without "Not saved")."""
    sign = ("⚠" if warn else "✔") if ok else "⚠ Not saved:"
    style = "" if ok and not warn else "font-weight:bold;border-left:4px solid #D55E00;padding-left:6px;"
    return (
        f'<div class="medialit-status" role="status" aria-live="polite" style="{style}">'
        f"{esc(sign)} {esc(message)}</div>"
    )


class ActivityBase(traitlets.HasTraits):
    """Mixin for every activity widget: holds ``data``, saves it, restores it.

    Subclasses set :attr:`kind` and :attr:`default_prefix`, implement :meth:`empty_data`
    and :meth:`normalise` (turn whatever was saved into the documented shape), and call
    :meth:`_setup_activity` before building their controls and :meth:`_activate` at the end
    of ``__init__``.
    """

    #: the activity's data, exactly the shape documented in CONTRIBUTING.md
    data = traitlets.Dict()
    #: plain-language status: "Saved 10:42:07 to answers/alice.json" or what went wrong
    status = traitlets.Unicode("")
    #: ISO time of the last successful save in this session ("" if none yet)
    saved_at = traitlets.Unicode("")
    #: the last saving error ("" when the last save worked)
    save_error = traitlets.Unicode("")
    #: whose work this is, for the front end: "Saving as: alice", or what to do when no id is chosen
    saving_as = traitlets.Unicode("").tag(sync=True)

    kind = ""
    default_prefix = ""
    _active = False

    # ------------------------------------------------------------------ set-up
    def _setup_activity(self, *, activity, article_id, learner, home) -> dict:
        """Resolve the ids, read saved work and return the data to start from (not yet saved)."""
        self.article_id = article_id
        if activity is None:
            if article_id is None:
                raise ValueError("Give an activity id (activity='...') when there is no article.")
            activity = default_activity(self.default_prefix, article_id)
        if not isinstance(activity, str) or not activity.strip():
            raise ValueError("activity must be a non-empty text such as 'labels:southfront_2026'.")
        self.activity = activity
        #: True when the widget follows the learner id in use (no ``learner=`` given)
        self.follows_learner = learner is None
        self.learner = store.validate_learner_id(learner) if learner is not None else store.learner_or_none()
        self.home = home
        self._unsaved = False
        #: the ``.conflict`` copy kept when another tab changed the same items differently (or None)
        self.conflict_file = None
        if self.follows_learner:
            follow_learner(self)
        return self._load_record()

    def _load_record(self) -> dict:
        """Read the saved record of ``self.learner`` (none when no id is chosen yet) and return the
        data to show; sets ``restored``, ``saved_before``, ``load_message`` and ``_blocked``."""
        activity = self.activity
        self._blocked = ""  # a reason never to save (e.g. the saved record is another kind of work)
        self.restored = False
        self.saved_before = ""
        self.load_message = ""
        #: the record's data as this widget last read or wrote it (None: no record), to notice a
        #: save from another tab or kernel of the same learner (see :meth:`_write`)
        self._synced = None
        if self.learner is None:
            return self.empty_data()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", store.StoreWarning)
                record = store.get_activity(activity, learner=self.learner, home=self.home)
            notes = [str(w.message) for w in caught if issubclass(w.category, store.StoreWarning)]
            self.load_message = " ".join(notes)
        except (store.StoreError, OSError) as exc:
            self._blocked = f"Your saved work could not be read, so nothing will be written over it. {exc}"
            return self.empty_data()
        if record is None:
            return self.empty_data()
        if record.get("kind") not in (None, self.kind):
            self._blocked = (
                f"The activity id {activity!r} already holds a different kind of work "
                f"({record.get('kind')}) in {self.learner}'s answers. Nothing will be written over it: "
                "give this widget its own activity='...' id."
            )
            return self.empty_data()
        self.restored = True
        self._synced = record.get("data")
        self.saved_before = text_of(record.get("updated"), 40)
        try:
            return self.normalise(record.get("data"))
        except Exception as exc:  # a damaged record must not stop the lesson, nor be overwritten
            self._blocked = f"The saved work for {activity!r} has an unexpected shape ({exc}); it was left as it is."
            return self.empty_data()

    def _activate(self) -> None:
        """Call at the end of ``__init__``: from now on every change of ``data`` is saved."""
        self._active = True
        # what a learner without saved work starts from (a pre-filled ledger, say)
        self._start_data = copy.deepcopy(self.data) if not (self.restored or self._blocked) else self.empty_data()
        self._show_owner()
        self._announce_load()

    def _announce_load(self) -> None:
        if self.learner is None:
            self._set_status(self._no_learner_text(), ok=False)
        elif self._blocked:
            self._set_status(self._blocked, ok=False)
        elif self.restored:
            when = self.saved_before.replace("T", " ").replace("Z", " UTC")
            msg = (f"Your saved work (last saved {when}) was loaded from {display_path(self.answers_file)}."
                   if when else f"Your saved work was loaded from {display_path(self.answers_file)}.")
            self._set_status((self.load_message + " " + msg).strip(), ok=True)
        else:
            msg = f"Nothing saved yet. Your work will be saved to {display_path(self.answers_file)} as you go."
            self._set_status((self.load_message + " " + msg).strip(), ok=True)

    # ------------------------------------------------------------------ the contract
    def empty_data(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def normalise(self, data: Any) -> dict:
        """``data`` in its documented shape (:mod:`medialit.schema`, lenient mode): text is cut to
        its limit, unknown choices are blanked. Raises ValueError when it cannot be used."""
        clean, problems = self.clean(data)
        if clean is None:
            raise ValueError("; ".join(p.message for p in problems) or "unusable record")
        self.clean_notes = [p.message for p in problems if p.code == "too_long"]
        return clean

    def clean(self, data: Any):  # pragma: no cover - abstract
        """``schema.clean_<kind>(data, strict=False, ...)`` for this widget."""
        raise NotImplementedError

    @traitlets.validate("data")
    def _validate_data(self, proposal):
        # Every change, from Python or from the browser, is brought to the documented shape and
        # limits (the same ones the dashboard applies).
        return self.normalise(proposal["value"])

    def to_frame(self):  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def answers_file(self) -> Path:
        """The learner's answers file this widget writes to (NoLearnerError when no id is chosen)."""
        if self.learner is None:
            raise store.NoLearnerError()
        return store.answers_path(self.learner, self.home)

    # ------------------------------------------------------------------ whose work
    def _no_learner_text(self) -> str:
        return store.no_learner_message() + " Your changes are kept here until then."

    def _show_owner(self) -> None:
        """Show whose work this is (the "Saving as" line)."""
        ok = self.learner is not None
        self.saving_as = f"Saving as: {self.learner}" if ok else self._no_learner_text()
        line = getattr(self, "owner_html", None)
        if line is not None:
            line.value = owner_html(self.saving_as, ok)

    @property
    def pending_edits(self) -> bool:
        """True when the learner changed something before any learner id was chosen."""
        return self.learner is None and self._unsaved

    def _follow_learner(self, new_id: str) -> None:
        """The learner id in use became ``new_id``: show (and from now on save) that learner's work.

        Changes made before any id was chosen are saved for ``new_id`` at once, added to what
        ``new_id`` saved before. The previous learner's file is not written (except to save a
        change that failed to save earlier, under the id it was made with)."""
        if not getattr(self, "follows_learner", False) or new_id == self.learner or not self._active:
            return
        pending = self.pending_edits
        if self.learner is not None and self._unsaved:
            self.save()  # one last try, under the id the change was made with
        mine = copy.deepcopy(self.data)
        self.learner = new_id
        self._unsaved = False
        start = self._load_record()
        if not self.restored and not self._blocked:
            start = copy.deepcopy(self._start_data)
        if pending and self._blocked:  # keep the changes on show; they cannot go into that record
            self._unsaved = True
            self._show_owner()
            self._announce_load()
            return
        if pending:
            _merged, clashes = merge3(self._start_data, start, mine)
            self._quiet_set(self.normalise(merge_edits(self._start_data, start, mine)))
            self._show_owner()
            kept = self._keep_saved_before(clashes)
            if self.save() and kept is not None:
                self._set_status(
                    f"Some answers you gave before choosing your name replaced answers saved under {new_id}; "
                    f"the saved version is kept in {display_path(kept)}. {self.status}", ok=True, warn=True)
            return
        self._quiet_set(start)
        self._show_owner()
        self._announce_load()

    def _keep_saved_before(self, clashes: list) -> Path | None:
        """Answers given before a name was chosen changed ``clashes`` that the chosen learner had
        saved differently: keep that learner's saved record in a ``.conflict`` copy (None when
        nothing clashed, or no copy could be made)."""
        if not clashes:
            return None
        try:
            record = store.get_activity(self.activity, learner=self.learner, home=self.home)
            if record is None:
                return None
            return store.keep_conflict_copy(self.activity, record, learner=self.learner, home=self.home)
        except (store.StoreError, store.LearnerIdError, OSError):
            return None

    def _quiet_set(self, data: dict) -> None:
        """Show ``data`` without saving it (it came from the file, or is saved right after)."""
        self._active = False
        try:
            self.data = data
        finally:
            self._active = True
        if hasattr(self, "_deleted"):  # an undo must never bring another learner's row back
            self._deleted = None
        sync = getattr(self, "_sync_controls", None)
        if callable(sync):
            sync()
        self._refresh()

    # ------------------------------------------------------------------ saving
    def update_data(self, change: Callable[[dict], Any]) -> None:
        """Apply ``change`` to a deep copy of ``data`` and assign it (which saves it).

        ``data`` must always be replaced, never mutated in place: traitlets only notices a new
        object, and only a noticed change is saved.
        """
        new = copy.deepcopy(self.data)
        change(new)
        self.data = new

    @traitlets.observe("data")
    def _data_changed(self, change) -> None:
        if self._active:
            self.save()
            self._refresh()

    def _refresh(self) -> None:
        """Redraw what depends on ``data`` (subclasses override)."""

    def save(self) -> bool:
        """Write ``data`` now. Return True when it is on disk; on failure, show why and keep it."""
        if self.learner is None:
            self._unsaved = True
            try:  # chosen meanwhile in another notebook (the remembered .learner file)?
                found = store.learner_or_none()
            except store.LearnerIdError:
                found = None
            if found is not None and self.follows_learner:
                retarget_all(found)  # saves this widget's work (and any other's) under that id
                return not self._unsaved
            self._set_status(self._no_learner_text(), ok=False)
            return False
        if self._blocked:
            self._set_status(self._blocked, ok=False)
            return False
        try:
            path, notice = self._write()
        except (store.StoreError, store.LearnerIdError) as exc:
            self._unsaved = True
            self.save_error = str(exc)
            self._set_status(f"{exc} Your work is kept here until it can be saved.", ok=False)
            return False
        except OSError as exc:  # anything the store did not translate
            self._unsaved = True
            self.save_error = str(exc)
            self._set_status(
                f"Your work could not be saved ({exc.strerror or exc}). It is kept here; "
                "change any answer to try again.", ok=False,
            )
            return False
        self._unsaved = False
        self.save_error = ""
        now = _dt.datetime.now()
        self.saved_at = now.isoformat(timespec="seconds")
        cut = " ".join(getattr(self, "clean_notes", ()))
        message = f"Saved {now:%H:%M:%S} to {display_path(path)}" + (f" (note: {cut})" if cut else "")
        self._set_status(f"{notice} {message}" if notice else message, ok=True, warn=bool(notice))
        return True

    #: How many times a save merges another tab's change and tries again before it gives up.
    WRITE_ATTEMPTS = 5

    def _write(self) -> tuple[Path, str]:
        """Write ``data`` unless another tab or kernel of the same learner changed the record since
        this widget last read or wrote it; then take that change in first (:meth:`_take_in`) and
        try again. Returns the file's path and what the learner should know ("" when nothing
        happened elsewhere)."""
        notice = ""
        for _ in range(self.WRITE_ATTEMPTS):
            try:
                path = store.put_activity(self.activity, self.data, kind=self.kind, article=self.article_id,
                                          learner=self.learner, home=self.home, expect=self._synced)
            except store.ChangedElsewhere as exc:
                notice = self._take_in(exc.current) or notice
                continue
            self._synced = json.loads(json.dumps(self.data))
            return path, notice
        raise store.StoreError("Your work could not be saved: another tab or window keeps changing it. "
                               "Close the other tabs of this lesson, then change any answer to save again.")

    def _take_in(self, record: dict | None) -> str:
        """Another writer saved ``record`` for this activity since our last read or write: merge
        the items it changed that this widget did not (:func:`merge3`) into what is on show. Where
        both changed the same item differently (or the work cannot be merged item by item), ours is
        kept and theirs is copied to a ``.conflict`` file (:func:`store.keep_conflict_copy`).
        Returns the plain warning for the status line."""
        theirs_raw = record.get("data") if isinstance(record, dict) else None
        self._base_data, self._synced = self._synced, theirs_raw
        if record is None:  # the record is gone: nothing of theirs to keep
            return ""
        theirs = None
        if record.get("kind") in (None, self.kind):
            try:
                theirs = self.normalise(copy.deepcopy(theirs_raw))
            except Exception:  # noqa: BLE001 - their record is unusable: keep a copy, save ours
                theirs = None
        try:
            base = self.normalise(copy.deepcopy(self._base_data)) if self._base_data is not None else self.empty_data()
        except Exception:  # noqa: BLE001
            base = self.empty_data()
        clashes = ["everything"] if theirs is None else []
        if theirs is not None:
            merged, clashes = merge3(base, theirs, self.data)
            self._quiet_set(self.normalise(merged))
        if not clashes:
            return (f"{ELSEWHERE} Its changes were added to yours here; reload the other one to see all of it.")
        kept = store.keep_conflict_copy(self.activity, record, learner=self.learner, home=self.home)
        self.conflict_file = kept
        return (f"{ELSEWHERE} Some of the same answers were changed there too: yours, as shown here, are saved; "
                f"the other version is kept in {display_path(kept)}. Show it to your teacher if you need it.")

    def _set_status(self, message: str, ok: bool, warn: bool = False) -> None:
        self.status = message
        self._show_status(message, ok, warn)

    def _show_status(self, message: str, ok: bool, warn: bool = False) -> None:
        """Show the status line (subclasses with a status widget override); ``warn``: saved, but
        with something the learner should read (another tab changed the same work)."""

    @property
    def unsaved(self) -> bool:
        """True when the latest change could not be written to disk yet."""
        return self._unsaved


def owner_html(message: str, ok: bool) -> str:
    """The "whose work" line as HTML (escaped): quiet when an id is in use, a notice when not."""
    if ok:
        return f'<div class="medialit-owner" style="color:#333;font-size:0.9em">{esc(message)}</div>'
    return ('<div class="medialit-owner medialit-no-learner" role="status" aria-live="polite" '
            'style="font-weight:bold;border-left:4px solid #D55E00;padding-left:6px;margin:2px 0">'
            f"⚠ {esc(message)}</div>")


#: Everything on show that follows the learner id in use (activity widgets made without
#: ``learner=``, learner boxes). Weak: a widget that is gone is forgotten.
_live: "weakref.WeakSet" = weakref.WeakSet()


def follow_learner(obj) -> None:
    """Keep ``obj`` (which has a ``_follow_learner(new_id)`` method) in step with the learner id."""
    _live.add(obj)
    store.add_learner_listener(retarget_all)


def _is_open(obj) -> bool:
    return not isinstance(obj, ipywidgets.Widget) or getattr(obj, "comm", None) is not None


def live_followers() -> list:
    """The open widgets that follow the learner id in use."""
    return [obj for obj in list(_live) if _is_open(obj)]


def retarget_all(new_id: str) -> None:
    """Point every live widget at ``new_id`` (called by ``store.set_learner``).

    Widgets holding work typed before any id was chosen go first, so that their work is saved
    before the other widgets showing the same activity load it."""
    followers = sorted(live_followers(), key=lambda obj: not getattr(obj, "pending_edits", False))
    for obj in followers:
        try:
            obj._follow_learner(new_id)
        except Exception as exc:  # one broken widget must not keep the others on the old learner
            warnings.warn(f"A widget could not switch to learner {new_id}: {exc}", store.StoreWarning, stacklevel=2)


def merge_edits(base: Any, saved: Any, mine: Any) -> Any:
    """``saved`` with the changes that turned ``base`` into ``mine`` applied on top.

    Used when a learner worked before choosing an id and the chosen learner already has saved
    work for that activity: nothing of either is dropped. Dicts merge key by key (the learner's
    new change wins), lists keep the saved items and add the new ones, other values take the new
    one. Items the learner removed are removed only if the saved work still has them unchanged.
    """
    if mine == base:
        return copy.deepcopy(saved)
    if isinstance(mine, dict) and isinstance(saved, dict):
        base = base if isinstance(base, dict) else {}
        out = copy.deepcopy(saved)
        for key in [*base, *(k for k in mine if k not in base)]:
            if key not in mine:
                if key in out and out[key] == base[key]:
                    out.pop(key)
            elif key not in base or mine[key] != base[key]:
                out[key] = merge_edits(base.get(key), out[key], mine[key]) if key in out else copy.deepcopy(mine[key])
        return out
    if isinstance(mine, list) and isinstance(saved, list):
        base = base if isinstance(base, list) else []
        out = [copy.deepcopy(x) for x in saved if x in mine or x not in base]
        out += [copy.deepcopy(x) for x in mine if x not in base and x not in out]
        return out
    return copy.deepcopy(mine)


_GONE = object()


def _item_key(item: Any):
    """What identifies an item of a list, for merging: its ``id`` (claim rows), else its span
    (``start``, ``end``: phrase marks); None for anything else (then the list is one value)."""
    if isinstance(item, dict):
        if isinstance(item.get("id"), (str, int)) and item.get("id") != "":
            return ("id", item["id"])
        if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
            return ("span", item["start"], item["end"])
    return None


def _by_key(items: Any) -> dict | None:
    """A list of items as ``{key: item}`` in order, or None when its items have no unique keys."""
    if not isinstance(items, list):
        return None
    keys = [_item_key(x) for x in items]
    if any(k is None for k in keys) or len(set(keys)) != len(keys):
        return None
    return dict(zip(keys, items, strict=True))


def merge3(base: Any, theirs: Any, mine: Any, where: str = "") -> tuple[Any, list[str]]:
    """Merge two writers' changes of the same work: ``base`` is what this writer last read or
    wrote, ``theirs`` what another writer saved since, ``mine`` what this writer has now.

    Returns ``(merged, clashes)``. Mappings (labels by sentence id, answers by question) merge key
    by key, lists of items with an ``id`` or a span (claim rows, marks) item by item, keeping
    ``mine``'s order; an item only one side changed takes that side's version, an item both
    changed the same way is kept once; two different rows that both sides added under the same id
    are both kept (ours takes the next free id). Anything else changed differently on both sides
    is a clash: ``mine`` is kept there and its place is listed in ``clashes``."""
    if _same(theirs, base):
        return _copy(mine), []
    if _same(mine, base) or _same(mine, theirs):
        return _copy(theirs), []
    maps = [x if isinstance(x, dict) else _by_key(x) for x in (base, theirs, mine)]
    listed = isinstance(mine, list) and isinstance(theirs, list)
    if (isinstance(mine, dict) and isinstance(theirs, dict)) or (listed and None not in maps[1:]):
        b, t, m = ({} if maps[0] is None or (listed and not isinstance(base, list)) else maps[0]), maps[1], maps[2]
        out, clashes = {}, []
        added_apart = []  # items both sides added under the same id, with different contents
        for key in [*m, *(k for k in t if k not in m)]:
            bk, tk, mk = b.get(key, _GONE), t.get(key, _GONE), m.get(key, _GONE)
            if listed and key[0] == "id" and bk is _GONE and _GONE not in (tk, mk) and not _same(tk, mk):
                # two new rows that happen to get the same id ("c1" in both tabs) are two rows, never
                # merged field by field into one that neither side wrote. Theirs is saved already (the
                # other tab knows it by that id), so ours takes the next free id.
                out[key] = _copy(tk)
                added_apart.append(_copy(mk))
                continue
            value, found = merge3(bk, tk, mk, f"{where}/{key}")
            clashes += found
            if value is not _GONE:
                out[key] = value
        if not listed:
            return out, clashes
        items = list(out.values())
        used = {str(x.get("id")) for x in items if isinstance(x, dict)}
        for item in added_apart:
            item["id"] = _fresh_id(str(item["id"]), used)
            used.add(item["id"])
            items.append(item)
        return items, clashes
    return _copy(mine), [where or "/"]


def _fresh_id(taken: str, used: set[str]) -> str:
    """A new id for a row whose id the other side already used: the next ``cN`` for claim-style
    ids, else the id with ``-2``, ``-3``... added."""
    if re.fullmatch(r"c\d+", taken):
        return schema.new_claim_id(used)
    n = 2
    while f"{taken}-{n}" in used:
        n += 1
    return f"{taken}-{n}"


def _copy(value: Any) -> Any:
    return value if value is _GONE else copy.deepcopy(value)


def _same(a: Any, b: Any) -> bool:
    return a is b if _GONE in (a, b) else a == b


def short_repr(obj, extra: str = "") -> str:
    """A repr without memory addresses (stable in notebooks and nbval)."""
    return f"{type(obj).__name__}(activity={getattr(obj, 'activity', '?')!r}{extra})"



def fit_button(button: ipywidgets.Button) -> ipywidgets.Button:
    """Size a button to its text (ipywidgets gives every button 148 px and cuts longer text with
    "…"): as wide as its text, never wider than its box, wrapping onto a second line when the box
    is narrower (the ``medialit-fit`` rule of ``keyboard_assist.js``). Returns the button."""
    button.layout.width = "fit-content"
    button.layout.max_width = "100%"
    button.layout.height = "auto"
    button.add_class("medialit-fit")
    return button


#: CSS class prefix of a focus key (see :func:`focus_key` and ``keyboard_assist.js``).
FOCUS_KEY_PREFIX = "medialit-fk-"
#: CSS class of the element that takes the focus when the focused control goes away and nothing
#: equivalent is left (``keyboard_assist.js``).
FOCUS_FALLBACK = "medialit-focus-fallback"
#: CSS class of a row of controls: when the focused control is still there but disabled or hidden
#: (a step moved to the end cannot move down), the focus goes to the first usable control of its row.
FOCUS_ROW = "medialit-focus-row"


def focus_key(widget: ipywidgets.DOMWidget, key: str) -> ipywidgets.DOMWidget:
    """Give ``widget`` a focus key: when the press of a focused control makes the widget draw
    that control again (a box's children reordered or rebuilt, so the browser element is new),
    ``keyboard_assist.js`` puts the focus back on the control with the same key in the same
    medialit widget, instead of letting it fall back to the top of the page. Keys are unique in
    their widget, e.g. ``"step3-down"`` for the Down button of one chain step wherever it moves.
    Returns the widget."""
    token = re.sub(r"[^A-Za-z0-9_-]", "_", str(key))
    for cls in [c for c in widget._dom_classes if c.startswith(FOCUS_KEY_PREFIX)]:
        widget.remove_class(cls)
    widget.add_class(FOCUS_KEY_PREFIX + token)
    return widget


#: The longest description kept on one line beside its field (in characters); longer ones wrap.
DESCRIPTION_CHARS = 36


def description_style(labels) -> dict:
    """``style=`` for a column of fields with these descriptions: wide enough for the longest one
    (up to :data:`DESCRIPTION_CHARS`), so no description is cut ("DeepStateMap (Ukr…"); a longer
    one wraps (``keyboard_assist.js`` lets the descriptions of medialit widgets wrap)."""
    longest = max((len(str(label)) for label in labels), default=0)
    return {"description_width": f"{max(8, min(longest, DESCRIPTION_CHARS) + 2)}ch"}


class KeyboardAssist(anywidget.AnyWidget):
    """A hidden helper inside each ipywidgets-based medialit widget (see ``keyboard_assist.js``).

    In the browser it keeps the arrow keys for drop-down lists and radio buttons (JupyterLab's
    notebook shortcuts would otherwise move the focus to another cell), groups each question's
    radio buttons, draws a clearly visible focus ring and marks the pressed toggle button with a
    tick and ``aria-pressed`` (so a chosen label is not shown by colour alone).

    It also keeps the keyboard focus in the widget when a press makes the focused control go
    away (redrawn, hidden or disabled): the focus goes to the control with the same focus key
    (:func:`focus_key`), else to the first usable control of its row (:data:`FOCUS_ROW`), else
    to a control with the same text at the same place among those (the next "Remove" after a
    row is removed), else to the widget's :data:`FOCUS_FALLBACK` element, else to the control
    now at the same place in the widget's Tab order. Never when the learner moved the focus.
    """

    _esm = Path(__file__).parent / "keyboard_assist.js"

    def __init__(self, **kwargs):
        kwargs.setdefault("layout", ipywidgets.Layout(display="none"))
        super().__init__(**kwargs)

    def __repr__(self) -> str:
        return "KeyboardAssist()"


class BoxActivity(ActivityBase, ipywidgets.VBox):
    """An activity widget built from stock ipywidgets, with a status line."""

    def __init__(self, *args, children=(), **kwargs):
        self.owner_html = ipywidgets.HTML(value="")  # "Saving as: <id>", or what to do without an id
        super().__init__(*args, children=[self.owner_html, *children, KeyboardAssist()], **kwargs)

    def _make_status(self):
        self.status_html = ipywidgets.HTML(value="")
        return self.status_html

    def _show_status(self, message: str, ok: bool, warn: bool = False) -> None:
        if getattr(self, "status_html", None) is not None:
            self.status_html.value = status_html(message, ok, warn)

    def __repr__(self) -> str:
        return short_repr(self)

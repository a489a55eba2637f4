"""Commit before the key: our key is opened by the learner, never printed by Run All.

``ml.KeyReveal(reveal_id, show, activities=[...], questions=[...])`` shows one button and one
line ("Answer first..."). Pressing the button (mouse, or Tab then Enter/Space: it is a plain
``<button>``):

1. keeps the learner's answers at that moment as their **first answers**: for every widget in
   ``activities`` (any medialit activity widget, an :class:`~medialit.widgets.Answer`, or an
   activity id as text) and every ``check()`` question id in ``questions``, the work on show is
   written, in one atomic write, into the activity's record as ``first`` with the time
   ``first_at``, beside ``data`` (:func:`medialit.store.freeze_first`). First answers are never
   overwritten afterwards: later edits are saved as usual, next to them;
2. records that ``reveal_id`` was opened, with the time (the answers file's ``reveals``);
3. calls ``show()`` and shows what it returns under the button (a table, text, a figure with its
   summary as ``(fig, summary)``, or any widget such as an ``ml.live(...)`` view).

The button then goes away; a keyboard user's focus moves to the "You opened our key" line just
under it (the start of the key), so the next Tab goes on from there.

Once opened, re-running the cell (or restarting the kernel) shows the key at once with the line
"You opened our key on <date>; your first answers are kept." Building the widget (Run All)
never opens anything.

**No learner id chosen yet**: the key stays closed. The button then says to choose a name first,
because first answers can only be kept under a name; nothing is shown or written. (We chose this
over showing the key without keeping first answers: a key seen before any answer is saved would
leave the teacher with no first answers to compare.)

``ml.reveal(reveal_id, show, ...)`` is the deliberate code path (same as pressing the button now;
teachers' copies use it in instructor cells). It returns the opened :class:`KeyReveal`.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Callable, Iterable

import ipywidgets as w

from .. import store
from .base import FOCUS_FALLBACK, KeyboardAssist, esc, fit_button, follow_learner
from .live import error_output, to_outputs

#: What the learner reads before opening a key.
ANSWER_FIRST = ("Answer first. When you press the button, your answers so far are kept as your first "
                "answers; you can still change them afterwards.")
#: reveal ids: "02-labels-key", "01-chain-key"... (letters, digits, "-", "_", ".", ":").
_REVEAL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}")


def opened_line(stamp: str) -> str:
    """"You opened our key on 6 December 2026 at 14:05 UTC; your first answers are kept."."""
    try:
        when = _dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
        shown = f"{when.day} {when:%B %Y} at {when:%H:%M} UTC"
    except (TypeError, ValueError):
        shown = "an earlier date"
    return f"You opened our key on {shown}; your first answers are kept."


def _say(text: str, ok: bool = True) -> str:
    style = "" if ok else "font-weight:bold;border-left:4px solid #D55E00;padding-left:6px;"
    return f"<div class='medialit-reveal-note' role='status' aria-live='polite' style='{style}'>{esc(text)}</div>"


class KeyReveal(w.VBox):
    """A button that opens our key after keeping the learner's first answers (see the module)."""

    def __init__(self, reveal_id: str, show: Callable[[], Any], *, activities: Iterable = (),
                 questions: Iterable[str] = (), label: str = "Show our key"):
        if not isinstance(reveal_id, str) or not _REVEAL_RE.fullmatch(reveal_id):
            raise ValueError("A reveal id is short text of letters, digits and '-', such as '02-labels-key'.")
        if not callable(show):
            raise TypeError("KeyReveal needs show: a function without arguments that returns the key to show.")
        self.reveal_id = reveal_id
        self.show = show
        self.activities = list(activities)
        self.questions = [str(q) for q in questions]
        for obj in self.activities:
            _activity_entry(obj)  # a wrong kind of object is refused now, not when pressed
        self.opened_at: str | None = None
        self.result: Any = None
        self.intro = w.HTML(f"<div class='medialit-reveal-intro'>{esc(ANSWER_FIRST)}</div>")
        self.button = w.Button(description=str(label), icon="key",
                               tooltip="Keep your answers so far as your first answers, then show our key")
        fit_button(self.button)
        self.button.add_class("medialit-reveal-button")
        self.note = w.HTML("")
        # Pressing the button hides it: the keyboard focus then goes to this line ("You opened our
        # key on ..."), the start of what opened, so Tab goes on from the key, not from the top of
        # the page (keyboard_assist.js; a screen reader reads the line and then the key).
        self.note.add_class(FOCUS_FALLBACK)
        self.output = w.Output()
        self.output.add_class("medialit-reveal-key")
        self.key_box = w.VBox([self.output])
        self.button.on_click(lambda _b: self.reveal())
        super().__init__(children=[self.intro, self.button, self.note, self.key_box, KeyboardAssist()])
        self.add_class("medialit-widget")
        self.add_class("medialit-reveal")
        self._load()
        follow_learner(self)

    # ------------------------------------------------------------------ state
    @property
    def revealed(self) -> bool:
        """True once this learner has opened the key (in this session or before)."""
        return self.opened_at is not None

    def _load(self) -> None:
        """Show the key at once if the learner in use opened it before; else only the button."""
        try:
            learner = store.learner_or_none()
            self.opened_at = store.key_opened(self.reveal_id, learner) if learner is not None else None
        except (store.StoreError, store.LearnerIdError, OSError):
            self.opened_at = None
        if self.opened_at is None:
            self._closed()
        else:
            self._draw()

    def _closed(self) -> None:
        if isinstance(self.result, w.Widget):
            _close_tree(self.result)
        self.result = None
        self.intro.layout.display = None
        self.button.layout.display = None
        self.note.value = ""
        self.output.outputs = ()
        self.key_box.children = (self.output,)

    def _follow_learner(self, new_id: str) -> None:
        """Another learner id is in use: show the key only if that learner opened it."""
        self._load()

    # ------------------------------------------------------------------ opening
    def reveal(self) -> bool:
        """Keep the first answers, record the opening, show the key. Returns True when the key is
        on show (False, with a plain message, when no learner id is chosen or saving failed)."""
        if self.revealed:
            self._draw()
            return True
        try:
            learner = store.current_learner()
        except store.LearnerIdError as exc:
            self.note.value = _say(f"{exc} Our key opens only after your answers are saved under your name, "
                                   "so that your first answers can be kept. Then press the button again.", ok=False)
            return False
        entries: dict = {}
        for obj in self.activities:
            entries.update(_activity_entry(obj))
        for qid in self.questions:
            entries.setdefault(f"check:{qid}", ("check", None, None))
        try:
            store.freeze_first(entries, self.reveal_id, learner=learner)
            self.opened_at = store.key_opened(self.reveal_id, learner) or store.now_iso()
        except (store.StoreError, store.LearnerIdError, OSError) as exc:
            self.note.value = _say(f"Your first answers could not be kept, so our key stays closed: {exc}", ok=False)
            return False
        self._draw()
        return True

    def _draw(self) -> None:
        """Show the "opened" line and what ``show()`` returns."""
        self.intro.layout.display = "none"
        self.button.layout.display = "none"
        self.note.value = _say(opened_line(self.opened_at or ""))
        try:
            result = self.show()
        except Exception as exc:  # noqa: BLE001 - a key that cannot be drawn must not stop the lesson
            self.result = None
            self.output.outputs = (error_output(exc),)
            self.key_box.children = (self.output,)
            return
        old, self.result = self.result, result
        if isinstance(old, w.Widget) and old is not result:
            _close_tree(old)  # live views drawn before (another learner, a second press) stop redrawing
        if isinstance(result, w.Widget):
            self.key_box.children = (result,)
            return
        try:
            self.output.outputs = tuple(to_outputs(result))
        except Exception as exc:  # noqa: BLE001
            self.output.outputs = (error_output(exc),)
        self.key_box.children = (self.output,)

    @property
    def text(self) -> str:
        """The plain text on show: the note line and the key (for tests)."""
        shown = re.sub(r"<[^>]+>", "", self.note.value)
        parts = [shown] if shown else []
        if self.revealed and isinstance(self.result, w.Widget):
            parts.append(getattr(self.result, "text", repr(self.result)))
        for out in self.output.outputs:
            parts.append(out.get("text") or str(out.get("data", {}).get("text/plain", "")))
        return "\n".join(parts)

    def __repr__(self) -> str:
        return f"KeyReveal({self.reveal_id!r}, revealed={self.revealed})"


def _close_tree(widget) -> None:
    """Close a widget and every widget inside it (a box of live views stops redrawing)."""
    for child in getattr(widget, "children", ()) or ():
        if isinstance(child, w.Widget):
            _close_tree(child)
    widget.close()


def _activity_entry(obj) -> dict:
    """``{activity id: (kind, article, data on show)}`` for one item of ``activities``."""
    if isinstance(obj, str):
        return {obj: (_kind_of(obj), None, None)}
    if getattr(obj, "activity", None) and getattr(obj, "kind", None) and isinstance(getattr(obj, "data", None), dict):
        data = None if getattr(obj, "_blocked", "") else dict(obj.data)
        return {obj.activity: (obj.kind, getattr(obj, "article_id", None), data)}
    if hasattr(obj, "question_id"):  # an ml.Answer: its answer is saved by check()
        return {f"check:{obj.question_id}": ("check", None, None)}
    raise TypeError(f"KeyReveal(activities=...) takes medialit widgets, ml.Answer boxes or activity ids, "
                    f"not {type(obj).__name__}.")


def _kind_of(activity_id: str) -> str:
    """The kind of an activity given by id (from its saved record; "check" for "check:..." ids)."""
    if activity_id.startswith("check:"):
        return "check"
    try:
        record = store.get_activity(activity_id)
    except (store.StoreError, store.LearnerIdError, OSError):
        record = None
    kind = (record or {}).get("kind")
    return kind if isinstance(kind, str) else "unknown"


def reveal(reveal_id: str, show: Callable[[], Any], *, activities: Iterable = (),
           questions: Iterable[str] = ()) -> KeyReveal:
    """Open our key now, as pressing the button of :class:`KeyReveal` does; return the widget.

    Use it deliberately (a learner who wants the key without the button, or a teacher's
    instructor cell): Run All runs it too, so a lesson never puts it in a learner's cell."""
    kr = KeyReveal(reveal_id, show, activities=activities, questions=questions)
    kr.reveal()
    return kr

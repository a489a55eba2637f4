"""LearnerBox: see and change the learner id, and see where the work is saved.

There is no default id: until a name is chosen here (or comes from ``MEDIALIT_LEARNER`` /
``JUPYTERHUB_USER``, or from the ``.learner`` file remembered in JupyterLab), nothing is saved and
the box says so. Every box and every activity widget on the page follows the id chosen in any of
them at once. In Voila (one kernel per browser tab) the name is asked for in each session and
never written to, or read from, the shared ``.learner`` file.
"""
from __future__ import annotations

import os
import warnings

import ipywidgets as w

from .. import paths, store
from .base import KeyboardAssist, display_path, esc, follow_learner

_ID_RULES = "letters, digits, . _ @ + or -, no spaces"


class LearnerBox(w.VBox):
    """Shows the learner id in use and lets the learner choose another one.

    The id becomes the answers file's name, so it is checked (letters, digits and ``. _ @ + -``).
    When ``MEDIALIT_LEARNER`` or ``JUPYTERHUB_USER`` is set, the id comes from there and cannot
    be changed here. ``compact=True`` gives the one-line form used at the top of each lesson.
    """

    def __init__(self, *, compact: bool = False):
        self.compact = bool(compact)
        self.voila = store.in_voila()
        self.id_box = w.Text(description="Learner id", placeholder="your name, e.g. alice or student07",
                             description_allow_html=False, continuous_update=False,
                             tooltip="Your learner id: your answers file is named after it")
        self.use_button = w.Button(description="Use this id", tooltip="Save your work under this id from now on")
        self.message = w.HTML()
        self.use_button.on_click(lambda _b: self.apply())
        self.id_box.observe(lambda _ch: self.apply(), "value")
        super().__init__(children=[w.HBox([self.id_box, self.use_button],
                                          layout=w.Layout(flex_flow="row wrap")),
                                   self.message, KeyboardAssist()])
        self.add_class("medialit-widget")
        self.add_class("medialit-learner-box")
        if self.compact:
            self.add_class("medialit-learner-box-compact")
        self._fixed_by = next((v for v in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER") if os.environ.get(v)), None)
        follow_learner(self)
        try:
            current = store.learner_or_none()
        except store.LearnerIdError as exc:
            if self._fixed_by:  # the environment's id is unusable; typing another would not help
                self.id_box.disabled = self.use_button.disabled = True
                self._say(f"{exc} Ask your teacher to fix {self._fixed_by}; until then your work "
                          "cannot be saved.", ok=False)
            else:
                self._say(str(exc), ok=False)
            return
        if self._fixed_by:
            self.id_box.disabled = self.use_button.disabled = True
        self._show(current)

    _updating = False

    # ------------------------------------------------------------------ messages
    def _say(self, text: str, ok: bool) -> None:
        style = "" if ok else "font-weight:bold;border-left:4px solid #D55E00;padding-left:6px;"
        prefix = "" if ok else "⚠ "
        self.message.value = f'<div role="status" aria-live="polite" style="{style}">{esc(prefix + text)}</div>'

    def _where(self, learner: str) -> str:
        return display_path(store.answers_path(learner))

    def _show(self, current: str | None) -> None:
        """Show ``current`` in the box and say what it means."""
        self._updating = True
        try:
            self.id_box.value = current or ""
        finally:
            self._updating = False
        if current is None:
            text = (f"No name chosen yet, so your work cannot be saved. Type a short name ({_ID_RULES}) "
                    "and press Enter.")
            if self.voila:
                text += (" In this web app your name is needed each time you open or reload the page; "
                         "type the same name and your saved work comes back.")
            self._say(text, ok=False)
        elif problem := paths.answers_problem():  # a read-only home: say so once, in plain words
            self._say(f"Your learner id is {current}. {problem}", ok=False)
        elif self._fixed_by:
            self._say(f"Your learner id is {current} (set by {self._fixed_by}). "
                      f"Your work is saved to {self._where(current)}.", ok=True)
        elif self.compact:
            self._say(f"Saving as: {current} ({self._where(current)}). To change it, type another id "
                      "and press Enter.", ok=True)
        else:
            text = (f"Your learner id is {current}. Your work is saved to {self._where(current)}. "
                    "To change it, type a new id and press Enter.")
            if self.voila:
                text += " In this web app the name holds for this page only, until it is reloaded."
            self._say(text, ok=True)

    # ------------------------------------------------------------------ the learner in use
    @property
    def learner(self) -> str | None:
        """The learner id in use (None when none is chosen yet)."""
        return store.learner_or_none()

    def _follow_learner(self, new_id: str) -> None:
        """Another box (or ``ml.set_learner``) chose ``new_id``: show it here too."""
        if self._fixed_by:
            return
        self._show(new_id)

    def apply(self) -> bool:
        """Use the id typed in the box. Returns True when it was accepted."""
        if self._updating:
            return False
        if self._fixed_by:
            self._say(f"Your learner id is set by {self._fixed_by} and cannot be changed here.", ok=False)
            return False
        value = self.id_box.value.strip()
        try:
            before = store.learner_or_none()
        except store.LearnerIdError:
            before = None
        # A widget callback's warnings never reach the learner (JupyterLab sends them to its log
        # console), so a choice that could not be remembered is said in the box itself.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", store.StoreWarning)
            try:
                chosen = store.set_learner(value)
            except store.LearnerIdError as exc:
                stays = f" Your id stays {before}." if before else " No name is chosen yet, so nothing is saved."
                self._say(f"{exc}{stays}", ok=False)
                return False
        not_remembered = [str(c.message) for c in caught if issubclass(c.category, store.StoreWarning)]
        for other in caught:  # anything else is passed on as usual
            if not issubclass(other.category, store.StoreWarning):
                warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
        where = (f"Your work is saved to {self._where(chosen)}; every activity on this page now shows and "
                 f"saves {chosen}'s work.")
        text = f"Your learner id is now {chosen}. {where}"
        if chosen != value:  # "jill" typed, "Jill" saved before: the saved work is used
            text = (f"Your saved work is under {chosen} (capital letters do not make a different name), so that "
                    f"is your learner id. {where}")
        if self.voila:
            text += " In this web app the name holds for this page only, until it is reloaded."
        if not_remembered:
            self._say(f"{text} But: {' '.join(not_remembered)}", ok=False)
        else:
            self._say(text, ok=True)
        return True

    def __repr__(self) -> str:
        return "LearnerBox()"

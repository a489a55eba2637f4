"""LearnerBox: see and change the learner id, and see where the work is saved."""
from __future__ import annotations

import os
import warnings

import ipywidgets as w

from .. import store
from .base import KeyboardAssist, display_path, esc


class LearnerBox(w.VBox):
    """Shows the learner id in use and lets the learner choose another one.

    The id becomes the answers file's name, so it is checked (letters, digits and ``. _ @ + -``).
    When ``MEDIALIT_LEARNER`` or ``JUPYTERHUB_USER`` is set, the id comes from there and cannot
    be changed here.
    """

    def __init__(self):
        self.id_box = w.Text(description="Learner id", placeholder="e.g. alice or student07",
                             description_allow_html=False, continuous_update=False,
                             tooltip="Your learner id: your answers file is named after it")
        self.use_button = w.Button(description="Use this id", tooltip="Save your work under this id from now on")
        self.message = w.HTML()
        self.use_button.on_click(lambda _b: self.apply())
        self.id_box.observe(lambda _ch: self.apply(), "value")
        super().__init__(children=[w.HBox([self.id_box, self.use_button]), self.message, KeyboardAssist()])
        self.add_class("medialit-widget")
        self.add_class("medialit-learner-box")
        self._fixed_by = next((v for v in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER") if os.environ.get(v)), None)
        try:
            current = store.current_learner()
        except store.LearnerIdError as exc:
            if self._fixed_by:  # the environment's id is unusable; typing another would not help
                self.id_box.disabled = self.use_button.disabled = True
                self._say(f"{exc} Ask your teacher to fix {self._fixed_by}; until then your work "
                          "cannot be saved.", ok=False)
            else:
                self._say(str(exc), ok=False)
            return
        self._updating = True
        self.id_box.value = current
        self._updating = False
        if self._fixed_by:
            self.id_box.disabled = self.use_button.disabled = True
            self._say(f"Your learner id is {current} (set by {self._fixed_by}). "
                      f"Your work is saved to {display_path(store.answers_path(current))}.", ok=True)
        else:
            self._say(f"Your learner id is {current}. Your work is saved to "
                      f"{display_path(store.answers_path(current))}. To change it, type a new id and press Enter.",
                      ok=True)

    _updating = False

    def _say(self, text: str, ok: bool) -> None:
        style = "" if ok else "font-weight:bold;border-left:4px solid #D55E00;padding-left:6px;"
        prefix = "" if ok else "⚠ "
        self.message.value = f'<div role="status" aria-live="polite" style="{style}">{esc(prefix + text)}</div>'

    @property
    def learner(self) -> str:
        return store.current_learner()

    def apply(self) -> bool:
        """Use the id typed in the box. Returns True when it was accepted."""
        if self._updating:
            return False
        if self._fixed_by:
            self._say(f"Your learner id is set by {self._fixed_by} and cannot be changed here.", ok=False)
            return False
        value = self.id_box.value.strip()
        # A widget callback's warnings never reach the learner (JupyterLab sends them to its log
        # console), so a choice that could not be remembered is said in the box itself.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", store.StoreWarning)
            try:
                chosen = store.set_learner(value)
            except store.LearnerIdError as exc:
                self._say(f"{exc} Your id stays {store.current_learner()}.", ok=False)
                return False
        not_remembered = [str(c.message) for c in caught if issubclass(c.category, store.StoreWarning)]
        for other in caught:  # anything else is passed on as usual
            if not issubclass(other.category, store.StoreWarning):
                warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
        path = display_path(store.answers_path(chosen))
        text = (f"Your learner id is now {chosen}. Your work is saved to {path}. "
                "Run the activity cells below again so they load and save this learner's work.")
        if not_remembered:
            self._say(f"{text} But: {' '.join(not_remembered)}", ok=False)
        else:
            self._say(text, ok=True)
        return True

    def __repr__(self) -> str:
        return "LearnerBox()"

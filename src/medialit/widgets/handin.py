"""HandIn: the same last box in every exercise. One button writes the learner's submission
(:func:`medialit.store.export_submission`, all their saved work) and offers it as a download
from the page itself, so it works in JupyterLab and in Voila alike.

* Nothing is written when the cell runs (Run All never exports): only the button does.
* No path on the server is shown; the learner sees the file's name and a download link
  (``<a download>`` with a ``data:`` URI, so nothing else is served).
* The file name is ``<learner>.<exercise>.submission.json``: the learner id is checked by the
  store and the exercise name here, so neither can leave its folder or break the page.
"""
from __future__ import annotations

import base64
import re
import warnings

import ipywidgets as w

from .. import paths, store
from .base import KeyboardAssist, esc, fit_button, follow_learner, owner_html

_EXERCISE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
#: Larger files are not put into the page (the learner is told to ask the teacher).
MAX_DOWNLOAD_BYTES = 8 * 1024 * 1024
_LINK = ("display:inline-block;padding:4px 10px;border:2px solid #0072B2;border-radius:3px;"
         "color:#0072B2;font-weight:bold;text-decoration:underline")


def download_name(learner: str, exercise: str) -> str:
    """``alice.02_ex1.submission.json`` (it starts with the learner id and a dot, as the
    dashboard expects of a submission file)."""
    return f"{store.validate_learner_id(learner)}.{exercise}.submission.json"


def download_html(name: str, raw: bytes) -> str:
    """A link that downloads ``raw`` as ``name`` from the page itself (nothing else is served)."""
    href = "data:application/json;charset=utf-8;base64," + base64.b64encode(raw).decode("ascii")
    size = f"{len(raw) / 1024:.1f} kB" if len(raw) >= 1024 else f"{len(raw)} bytes"
    return (f"<a class='medialit-download' download='{esc(name)}' href='{href}' style='{_LINK}'>"
            f"⬇ Download {esc(name)}</a> <span>({size})</span>")


class HandIn(w.VBox):
    """``ml.HandIn("02_ex1")``: a "Hand in my work" button, then a link to download the file."""

    def __init__(self, exercise: str):
        if not isinstance(exercise, str) or not _EXERCISE_RE.fullmatch(exercise):
            raise ValueError("The exercise name is short text of letters, digits, '_' and '-', such as '02_ex1'.")
        self.exercise = exercise
        self.file_name = ""
        self.owner_html = w.HTML()
        self.button = w.Button(description="Hand in my work", icon="paper-plane", button_style="",
                               tooltip="Write one file with all your saved work and offer it for download")
        self.message = w.HTML("<div role='status' aria-live='polite'>Press the button when your teacher asks "
                              "for your work. You can hand in again later: the new file replaces the old one."
                              "</div>")
        self.link = w.HTML()
        fit_button(self.button)
        self.button.on_click(lambda _b: self.hand_in())
        super().__init__(children=[self.owner_html, self.button, self.message, self.link, KeyboardAssist()])
        self.add_class("medialit-widget")
        self.add_class("medialit-handin")
        self._follow_learner(None)
        follow_learner(self)

    def _follow_learner(self, new_id) -> None:
        try:
            learner = store.learner_or_none()
        except store.LearnerIdError:
            learner = None
        if learner is None:
            self.owner_html.value = owner_html(store.no_learner_message(), ok=False)
        else:
            self.owner_html.value = owner_html(f"Handing in as: {learner}", ok=True)
        if new_id is not None:  # a file made for the previous learner is not offered any more
            self.link.value = ""
            self.file_name = ""

    def _say(self, text: str, ok: bool) -> None:
        style = "" if ok else "font-weight:bold;border-left:4px solid #D55E00;padding-left:6px;"
        self.message.value = f"<div role='status' aria-live='polite' style='{style}'>{esc(text)}</div>"

    def hand_in(self) -> bool:
        """Write the submission and offer it for download. Returns True when the link is ready."""
        self.link.value = ""
        try:
            learner = store.current_learner()
            with warnings.catch_warnings(record=True) as caught:  # an own article left out: said below
                warnings.simplefilter("always", store.StoreWarning)
                path = store.export_submission()
            raw = path.read_bytes()
        except store.NoLearnerError as exc:
            self._say(f"{exc} Then press the button again.", ok=False)
            return False
        except (store.StoreError, store.LearnerIdError) as exc:
            why = str(exc).replace(str(paths.answers_dir()), "your answers folder")  # no server path on the page
            self._say(f"Your work could not be handed in: {why}", ok=False)
            return False
        except OSError as exc:
            self._say(f"Your work could not be handed in ({exc.strerror or exc}). Ask your teacher.", ok=False)
            return False
        self.file_name = download_name(learner, self.exercise)
        if len(raw) > MAX_DOWNLOAD_BYTES:
            self._say("Your work was saved, but the file is too large to download from the page. Ask your "
                      "teacher to collect it.", ok=False)
            return False
        n = len(store.saved_activities(learner))
        left_out = " ".join(str(w.message) for w in caught if issubclass(w.category, store.StoreWarning))
        self._say(f"Done: {n} saved activit{'y' if n == 1 else 'ies'} of {learner} in one file. Download it and "
                  "hand it in as your teacher asks (upload it, or put it in the class folder)."
                  + (f" Note: {left_out}" if left_out else ""), ok=True)
        self.link.value = download_html(self.file_name, raw)
        return True

    def __repr__(self) -> str:
        return f"HandIn({self.exercise!r})"

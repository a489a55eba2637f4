"""FieldsAnswer: answer a question one field at a time, before our key is opened (lesson 03).

``ml.FieldsAnswer("03-anatomy-huliaipole")`` reads a ``type: fields`` question from the keys and
shows one input per field: a text box (the claim anatomy: who, what, where, when, how big,
according to whom) or, when the question has ``choices``, a drop-down list per field (the
checkers: what each one is good for). Every change is saved through :func:`medialit.check`
(activity ``check:<question id>``), exactly like :class:`~medialit.widgets.Answer`, which this
widget extends: the learner's name, saving before a name is chosen, restoring after a restart.

Unlike ``Answer``, the widget never shows whether a field is right: the learner commits first.
The feedback per field is drawn by :func:`field_feedback`, which a lesson puts behind
``ml.KeyReveal`` (with ``activities=[widget]``, so the answers at that moment become the
learner's first answers) inside ``ml.live(widget, ...)``, so it follows later edits.
"""
from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets

from .. import feedback
from .answer import STYLE, Answer, choice_options, question
from .base import ELSEWHERE, description_style, esc

_BOX = {"width": "min(100%, 760px)"}
SAVED_NOTE = ("Saved as you go. Nothing here is marked yet: open our key below when you have "
              "answered, and each field gets its feedback there.")


class FieldsAnswer(Answer):
    """One input per field of a ``fields`` question; feedback only through :func:`field_feedback`.

    ``data`` (a traitlet, not synced) is ``{"answer": {field: text}}``, so ``ml.live`` can follow it.
    """

    data = traitlets.Dict()

    def __init__(self, question_id: str):
        # refused before the base class builds anything or follows the learner
        kind = question(question_id)["type"]
        if kind != "fields":
            raise ValueError(f"Question {question_id!r} is of type {kind!r}; FieldsAnswer needs a 'fields' question "
                             "(use ml.Answer for the others).")
        super().__init__(question_id)

    def _build(self) -> list:
        self.fields = dict(self.q.get("fields") or {})
        labels = [str(spec.get("label", name)) for name, spec in self.fields.items()]
        common = {"description_allow_html": False, "style": description_style(labels)}
        self.inputs: dict[str, Any] = {}
        if self.q.get("choices"):
            options = [("(choose)", "")] + choice_options(self.q, self.question_id)
            for name, spec in self.fields.items():
                self.inputs[name] = w.Dropdown(options=options, value="", description=str(spec.get("label", name)),
                                               layout=w.Layout(**_BOX), **common)
        else:
            for name, spec in self.fields.items():
                self.inputs[name] = w.Text(value="", description=str(spec.get("label", name)),
                                           placeholder="Type, then press Enter or Tab (write 'none' if it is missing).",
                                           continuous_update=False, layout=w.Layout(**_BOX), **common)
        for box in self.inputs.values():
            box.observe(lambda _ch: self._changed(), "value")
        prompt = self.q.get("prompt", "")
        return [w.HTML(f"<p style='margin:2px 0'>{esc(prompt)}</p>"), *self.inputs.values()]

    @property
    def value(self) -> Any:
        given = {name: box.value.strip() for name, box in self.inputs.items() if str(box.value or "").strip()}
        return given or None

    def set_value(self, value: Any) -> None:
        """Fill the fields (a dict ``{field: text or option}``), as a learner would; checks and saves."""
        if not isinstance(value, dict):
            raise ValueError("Give the answers as a dictionary, such as {'who': 'Russian forces'}.")
        unknown = sorted(set(value) - set(self.inputs))
        if unknown:
            raise ValueError(f"No field called {', '.join(unknown)}; the fields are {', '.join(self.inputs)}.")
        self._quiet = True
        try:
            for name, text in value.items():
                self.inputs[name].value = "" if text is None else str(text)
        finally:
            self._quiet = False
        self._changed()

    def _put_saved(self, saved: Any) -> str:
        if not isinstance(saved, dict):
            return "Your saved answer could not be shown in the fields: answer again to replace it."
        for name, box in self.inputs.items():
            text = saved.get(name)
            text = "" if text is None else str(text)
            if isinstance(box, w.Dropdown) and text not in {v for _t, v in box.options}:
                text = ""
            box.value = text
        return ""

    def _clear(self) -> None:
        self._quiet = True
        try:
            for box in self.inputs.values():
                box.value = ""
        finally:
            self._quiet = False

    def _show(self, fb) -> None:
        """Never show a verdict here: only whether the answer is saved (the key is opened below)."""
        self.feedback = fb
        self.data = {"answer": dict(self.value or {})}
        text = SAVED_NOTE if self.value else "Not answered yet: fill in the fields above."
        # what happened to the save, in the feedback's own words (never the key's per-field verdicts,
        # which fb.details also holds)
        said = [d for d in fb.details if d.startswith(("Your answer could not be saved", ELSEWHERE))] if fb else []
        if fb is not None and self.value and self.pending:
            if self.learner is None:
                text = "Not saved yet: choose your name first (box at the top). Nothing here is marked yet."
            else:
                text = " ".join(["Not saved yet.", *said])
        elif said:
            text = " ".join([text, *(d for d in said if d.startswith(ELSEWHERE))])
        self.feedback_html.value = (STYLE + "<div class='medialit-feedback-empty' role='status' style='border-left:6px "
                                    f"solid #555555;padding:4px 10px;margin:4px 0'>{esc(text)}</div>")

    def activity_cost(self) -> tuple[str, float]:
        """``(what, minutes)`` for ``tools/lesson_budget.py``: half a minute per field."""
        return f"{len(self.fields)} x answer field", 0.5 * len(self.fields)

    def __repr__(self) -> str:
        return f"FieldsAnswer({self.question_id!r}, fields={len(getattr(self, 'fields', {}))})"


def field_feedback(widget: FieldsAnswer) -> list:
    """What the key shows for a :class:`FieldsAnswer`: one sentence, then one line per field
    (✔ or ✘ with the key's reason), as escaped HTML. Use it inside ``ml.live(widget, ...)``."""
    from ..display import SafeHTML

    fb = feedback.check(widget.question_id, widget.value, save=False, strict=False)
    items = "".join(f"<li>{feedback._show(d)}</li>" for d in fb.details)
    body = f"<p><strong>{feedback._show(fb.message)}</strong></p><ul style='list-style:none;padding-left:0.5em'>{items}</ul>"
    return [SafeHTML(body, fb.message + "\n" + "\n".join(fb.details))]

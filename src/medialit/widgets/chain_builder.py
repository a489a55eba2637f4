"""ChainBuilder: build the republication chain of one article, step by step, and get feedback.

The learner picks steps from a list (the chain's real steps mixed with a few that do not belong,
:func:`medialit.chains.chain_pool`), puts them in order with Up and Down buttons, and presses
"Check my chain" to see which steps are in order, out of order or not in the chain, and how many
are missing (:func:`medialit.chains.chain_feedback`). The key itself (the recorded chain) is not
shown here: a lesson shows it through ``ml.KeyReveal`` with :func:`medialit.chains.key_view`.

Every control is a stock button or drop-down list, so Tab, Enter, Space and the arrow keys work;
the chain is saved on every change like every other widget.

Each step keeps its own row of widgets (its number, Up, Down, Remove) for as long as it is in the
chain: a move reorders the rows and updates their numbers, tooltips and disabled buttons, nothing
is built again. The browser still draws a moved row anew (ipywidgets redraws a box's children from
the first one that changed), so each button carries a focus key (:func:`~.base.focus_key`) and the
keyboard assist puts the focus back on the moved step's same button: Down, Down moves a step two
places without tabbing again. After Remove, the focus goes to the Remove button of the step that
took its place (or to the step list when the chain is empty).
"""
from __future__ import annotations

from typing import Any

import ipywidgets as w

from .. import chains, schema
from .base import FOCUS_FALLBACK, FOCUS_ROW, BoxActivity, esc, focus_key, resolve_article


class ChainBuilder(BoxActivity):
    """Build the republication chain of ``article`` (oldest step first), with feedback.

    ``data`` is ``{"steps": [step id, ...]}`` (ids from ``data/keys/01_chains.yaml``).
    """

    kind = "chain"
    default_prefix = "chain"

    def __init__(self, article, *, key=None, activity=None, learner=None, home=None):
        article_id, art = resolve_article(article)
        self.pool = chains.chain_pool(article_id, key)  # raises a plain error for an unknown article
        self._key = key
        self._labels = {s["id"]: str(s["label"]) for s in self.pool}
        self.article = art
        self._checked = False
        initial = self._setup_activity(activity=activity, article_id=article_id, learner=learner, home=home)
        name = art.title if art is not None else article_id
        head = w.HTML(
            f"<h4 style='margin:4px 0'>Build the chain: {esc(name)}</h4>"
            "<p style='margin:2px 0'>Oldest step first. Choose a step in the list and press <b>Add step</b>; "
            "move a step with <b>Up</b> and <b>Down</b>, or take it out with <b>Remove</b>. Not every step "
            "in the list belongs. Press <b>Check my chain</b> for feedback. Tab moves between controls.</p>")
        self.picker = w.Dropdown(description="Step", description_allow_html=False,
                                 layout=w.Layout(width="min(100%, 640px)"))
        self.picker.add_class(FOCUS_FALLBACK)  # the focus goes here when the last step is removed
        self.add_button = w.Button(description="Add step", icon="plus", tooltip="Add the chosen step at the end")
        self.add_button.on_click(lambda _b: self._add_picked())
        self.chain_box = w.VBox()
        self._rows: dict[str, w.HBox] = {}  # step id -> its row (number, Up, Down, Remove), kept while in the chain
        self._empty = w.HTML("<p style='margin:4px 0'><i>Your chain is empty.</i></p>")
        self.check_button = w.Button(description="Check my chain", icon="check",
                                     tooltip="Compare your chain with the course's key")
        self.check_button.on_click(lambda _b: self.check())
        self.feedback_html = w.HTML()
        rows = [head, w.HBox([self.picker, self.add_button], layout=w.Layout(flex_flow="row wrap")),
                self.chain_box, self.check_button, self.feedback_html, self._make_status()]
        super().__init__(children=rows, data=initial)
        self.add_class("medialit-widget")
        self.add_class("medialit-chain")
        self._activate()
        self._refresh()
        if self.steps:  # saved work is back; the feedback is shown only when asked for, as before
            self.feedback_html.value = ("<p class='medialit-chain-note' style='margin:4px 0'>Your saved chain is back. "
                                        "Press <b>Check my chain</b> to see the feedback on it again.</p>")

    # ------------------------------------------------------------------ the contract
    def empty_data(self) -> dict:
        return {"steps": []}

    def clean(self, data: Any):
        clean, problems = schema.clean_chain(data, strict=False)
        if clean is not None:  # a step the key no longer knows is dropped, with a note
            known = [s for s in clean["steps"] if s in self._labels]
            if len(known) != len(clean["steps"]):
                problems = list(problems) + [schema.Problem(schema.NOTE, "bad_shape", "unknown chain steps left out")]
            clean = {**clean, "steps": known}
        return clean, problems

    # ------------------------------------------------------------------ actions
    @property
    def steps(self) -> list[str]:
        """The learner's chain: step ids, oldest first."""
        return list(self.data.get("steps", []))

    def _step_id(self, step: str | int) -> str:
        if isinstance(step, int) and not isinstance(step, bool):
            if not 1 <= step <= len(self.steps):
                raise ValueError(f"There is no step {step}: the chain has {len(self.steps)}.")
            return self.steps[step - 1]
        if step not in self._labels:
            raise ValueError(f"{step!r} is not a step of this list; the ids are {', '.join(self._labels)}.")
        return step

    def add(self, step: str) -> None:
        """Add a step at the end of the chain (a step already in it stays where it is)."""
        sid = self._step_id(step)
        if sid not in self.steps:
            self.set_steps(self.steps + [sid])

    def remove(self, step: str | int) -> None:
        """Take a step (id, or its position from 1) out of the chain."""
        sid = self._step_id(step)
        self.set_steps([s for s in self.steps if s != sid])

    def move(self, step: str | int, by: int) -> None:
        """Move a step (id, or its position from 1) up (``by=-1``) or down (``by=1``)."""
        sid = self._step_id(step)
        steps = self.steps
        if sid not in steps:
            raise ValueError(f"{sid!r} is not in your chain yet; add it first.")
        i = steps.index(sid)
        j = min(max(i + by, 0), len(steps) - 1)
        steps.insert(j, steps.pop(i))
        self.set_steps(steps)

    def set_steps(self, steps) -> None:
        """Replace the whole chain (saved at once)."""
        for s in steps:
            self._step_id(s)
        self.update_data(lambda data: data.__setitem__("steps", list(dict.fromkeys(steps))))

    def check(self) -> chains.ChainFeedback:
        """Feedback on the chain as it is now (shown under the button, and kept up to date after)."""
        self._checked = True
        fb = chains.chain_feedback(self.steps, self.article_id, self._key)
        self.feedback_html.value = chains.feedback_html(fb)._repr_html_()
        return fb

    def feedback(self) -> chains.ChainFeedback:
        """Feedback on the chain as it is now, without showing it."""
        return chains.chain_feedback(self.steps, self.article_id, self._key)

    # ------------------------------------------------------------------ display
    def _add_picked(self) -> None:
        if self.picker.value:
            self.add(self.picker.value)

    def _row(self, sid: str) -> w.HBox:
        """The row of step ``sid`` (made once, then kept while the step is in the chain)."""
        row = self._rows.get(sid)
        if row is None:
            n = next(i for i, s in enumerate(self.pool) if s["id"] == sid)  # stable while the widget lives
            buttons = []
            for what, icon, by in (("Up", "arrow-up", -1), ("Down", "arrow-down", 1), ("Remove", "times", 0)):
                button = w.Button(description=what, icon=icon, layout=w.Layout(width="auto"))
                focus_key(button, f"step{n}-{what.lower()}")
                if by:
                    button.on_click(lambda _b, s=sid, by=by: self.move(s, by))
                else:
                    button.on_click(lambda _b, s=sid: self.remove(s))
                buttons.append(button)
            row = w.HBox([w.HTML(), *buttons], layout=w.Layout(flex_flow="row wrap", align_items="center"))
            row.add_class(FOCUS_ROW)
            self._rows[sid] = row
        return row

    def _refresh(self) -> None:
        steps = self.steps
        self.picker.options = [("choose a step…", "")] + [(s["label"], s["id"]) for s in self.pool
                                                           if s["id"] not in steps]
        self.picker.value = ""
        rows = []
        for n, sid in enumerate(steps, 1):
            row = self._row(sid)
            number, up, down, out = row.children
            number.value = f"<p style='margin:4px 8px 4px 0'><b>{n}.</b> {esc(self._labels[sid])}</p>"
            up.tooltip, up.disabled = f"Move step {n} up", n == 1
            down.tooltip, down.disabled = f"Move step {n} down", n == len(steps)
            out.tooltip = f"Take step {n} out"
            rows.append(row)
        self.chain_box.children = rows or [self._empty]
        for sid in [s for s in self._rows if s not in steps]:  # a removed step's row is closed
            row = self._rows.pop(sid)
            for child in row.children:
                child.close()
            row.close()
        if self._checked:
            self.check()

    def to_frame(self):
        """One row per step of the learner's chain: position, step id, label."""
        import pandas as pd

        return pd.DataFrame([(n, s, self._labels[s]) for n, s in enumerate(self.steps, 1)],
                            columns=["position", "step", "label"])

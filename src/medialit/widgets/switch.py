"""A yes/no switch that other cells can follow with :func:`medialit.live`.

Exercise 01 uses one for "I am offline: show the course's record", so that a learner in Voila, who
cannot edit code, can still reveal the dates and venues when a source link is dead. The switch is
a view setting: it is not saved with the learner's work.
"""
from __future__ import annotations

import ipywidgets as widgets
import traitlets


class Switch(widgets.VBox):
    """A labelled checkbox whose state is in ``data["on"]`` (the trait :func:`live` watches)."""

    data = traitlets.Dict()

    def __init__(self, description: str, value: bool = False):
        self.box = widgets.Checkbox(value=bool(value), description=description, indent=False,
                                    layout=widgets.Layout(width="auto"))
        super().__init__([self.box])
        self.data = {"on": bool(value)}
        self.box.observe(self._changed, names="value")

    @property
    def on(self) -> bool:
        return bool(self.data.get("on"))

    def _changed(self, change) -> None:
        self.data = {"on": bool(change["new"])}

    def __repr__(self) -> str:
        return f"Switch({self.box.description!r}, on={self.on})"

"""Look up an evidence record or a glossary term without writing code (for Voila, where learners
have no code cells to run ``ml.evidence("ev-…")`` or ``ml.glossary("hedge")``).

``ml.Lookup()`` shows one text box and a **Show** button. Type a record id (``ev-b-sf-lyman``, or
several separated by spaces) or a glossary term (``hedge``), then press Enter or the button: the
record (claim, status, sources with links and excerpts) or the definition appears under the box.
An id or term that does not exist gets a plain sentence with the closest ones. Nothing is saved:
looking something up is not an answer.
"""
from __future__ import annotations

import ipywidgets as w

from .base import KeyboardAssist, description_style, esc, fit_button

#: What the box says before anything is typed.
PLACEHOLDER = "a record id such as ev-b-sf-lyman, or a word such as hedge"
#: The line under the box before anything is looked up.
EMPTY = "Type a record id (ev-...) or a glossary word, then press Enter or Show."


def lookup_html(query: str) -> str:
    """The HTML shown for ``query``: evidence records for ids starting with ``ev-`` (several may be
    separated by spaces), else the glossary entry (or the closest terms). Every text is escaped."""
    from ..data import DataError
    from ..evidence_record import evidence
    from ..terms import lookup

    q = " ".join(str(query or "").split())
    if not q:
        return _note(EMPTY)
    if len(q) > 400:
        return _note("That is too long to look up: type one record id or one word.")
    parts = q.split()
    if all(p.lower().startswith("ev-") for p in parts):
        try:
            return evidence(" ".join(p.lower() for p in parts))._repr_html_()
        except DataError as exc:
            return _note(str(exc))
    return lookup(q)._repr_html_()


def _note(text: str) -> str:
    return f"<p class='medialit-lookup-note' role='status'>{esc(text)}</p>"


class Lookup(w.VBox):
    """A box to look up an evidence record or a glossary term (see the module's docstring)."""

    def __init__(self, value: str = ""):
        self.box = w.Text(value=str(value or ""), placeholder=PLACEHOLDER, description="Look up",
                          continuous_update=False, style=description_style(["Look up"]),
                          layout=w.Layout(width="100%", max_width="44em"))
        self.button = fit_button(w.Button(description="Show", tooltip="Show the record or the definition"))
        self.result = w.HTML("")  # the box's placeholder says what to type
        self.result.add_class("medialit-lookup-result")
        super().__init__([w.HBox([self.box, self.button]), self.result, KeyboardAssist()])
        self.add_class("medialit-widget")
        self.add_class("medialit-lookup")
        self.box.observe(lambda _change: self.show(), "value")  # Enter (or leaving the box)
        self.button.on_click(lambda _b: self.show())
        if self.box.value.strip():
            self.show()

    def show(self, query: str | None = None) -> str:
        """Look up ``query`` (default: what is in the box), show it, and return the HTML shown."""
        if query is not None and query != self.box.value:
            self.box.value = query  # shown through the observer
            return self.result.value
        self.result.value = lookup_html(self.box.value)
        return self.result.value

    def __repr__(self) -> str:
        return f"Lookup({self.box.value!r})"

"""PhraseMarker: mark words or phrases in a text with a category (anywidget, local ES module).

Marks are stored as character offsets into the text plus the exact text, so two marks of the
same phrase at different places stay apart, and marks may overlap. The front end
(``phrase_marker.js``, shipped in the package: no CDN) offers two ways to mark:

* with a mouse: select words in the text, pick a category, press "Add mark";
* with the keyboard only: type the phrase (or part of it) in the "Phrase" box, choose which
  occurrence and a category, press Enter or "Add mark". Marks are listed below the text; arrow
  keys move through the list, Delete removes the focused mark.
"""
from __future__ import annotations

import pathlib
import re
from typing import Any

import anywidget
import traitlets

from ..plots import PALETTE
from .. import schema
from .base import ActivityBase, resolve_article, short_repr

_HERE = pathlib.Path(__file__).parent


class PhraseMarker(ActivityBase, anywidget.AnyWidget):
    """Mark phrases in an article (or a free text) with categories.

    Parameters
    ----------
    article : str, Article or None
        An article id or :class:`~medialit.data.Article`; offsets are into ``Article.text``.
        Use ``None`` with ``text=`` and ``activity=`` to mark a free text.
    categories : dict
        ``{category: one-line definition}``, e.g. ``{"loaded language": "...", "hedge": "..."}``.
    text : str, optional
        The text to mark when there is no article.

    ``data`` is ``{"marks": [{"start", "end", "text", "category", "note"}]}``.
    """

    _esm = _HERE / "phrase_marker.js"
    _css = _HERE / "phrase_marker.css"

    kind = "phrase_marks"
    default_prefix = "phrases"

    data = traitlets.Dict().tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    status_ok = traitlets.Bool(True).tag(sync=True)
    text = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    categories = traitlets.List().tag(sync=True)

    def __init__(self, article=None, categories: dict | None = None, *, text: str | None = None,
                 activity=None, learner=None, home=None):
        article_id, art = resolve_article(article)
        if art is not None and text is not None:
            raise ValueError("Give either an article or text=..., not both.")
        if art is None:
            if text is None:
                raise ValueError("PhraseMarker needs an article id, an Article, or text='...' with activity='...'.")
            if activity is None:
                raise ValueError("With text='...', also give an activity id, e.g. activity='phrases:my-text'.")
            body, title = str(text), "Your text"
        else:
            body, title = art.text, art.title
        if not isinstance(categories, dict) or not categories:
            raise ValueError("categories must be a dict such as {'hedge': 'a word that softens a claim'}.")
        if any(len(str(name)) > schema.LIMITS.short for name in categories):
            raise ValueError(f"A category name can be at most {schema.LIMITS.short} characters long.")
        self._text = body
        cats = [
            {"name": str(name), "definition": str(defn), "colour": PALETTE[i % len(PALETTE)],
             "tag": str(i + 1)}
            for i, (name, defn) in enumerate(categories.items())
        ]
        self._category_names = [c["name"] for c in cats]
        initial = self._setup_activity(activity=activity, article_id=article_id, learner=learner, home=home)
        super().__init__(text=body, title=title, categories=cats, data=initial)
        self._activate()

    # ------------------------------------------------------------------ data shape
    def empty_data(self) -> dict:
        return {"marks": []}

    def clean(self, data: Any):
        return schema.clean_phrase_marks(data, strict=False, text=self._text)

    # ------------------------------------------------------------------ learner actions
    def find(self, phrase: str) -> list[int]:
        """Start offsets of every occurrence of ``phrase`` in the text (case-insensitive)."""
        if not phrase:
            return []
        return [m.start() for m in re.finditer(re.escape(phrase), self._text, flags=re.IGNORECASE)]

    def add_mark(self, start: int, end: int, category: str, note: str = "") -> dict:
        """Mark ``text[start:end]`` with ``category``; returns the stored mark."""
        if category not in self._category_names:
            raise ValueError(f"{category!r} is not a category here: {', '.join(self._category_names)}.")
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(self._text):
            raise ValueError(f"Offsets {start}-{end} are outside the text (0-{len(self._text)}).")
        mark = {"start": start, "end": end, "text": self._text[start:end], "category": category, "note": str(note)}
        self.update_data(lambda d: d["marks"].append(mark))
        return mark

    def add_phrase(self, phrase: str, category: str, occurrence: int = 1, note: str = "") -> dict:
        """Mark the ``occurrence``-th (1, 2, ...) place where ``phrase`` appears."""
        starts = self.find(phrase)
        if not starts:
            raise ValueError(f"{phrase!r} does not appear in the text.")
        if not 1 <= occurrence <= len(starts):
            raise ValueError(f"{phrase!r} appears {len(starts)} time(s); choose an occurrence from 1 to {len(starts)}.")
        start = starts[occurrence - 1]
        return self.add_mark(start, start + len(phrase), category, note)

    def remove_mark(self, index: int) -> dict:
        """Remove mark number ``index`` (0-based, in the order of :attr:`marks`)."""
        marks = self.data.get("marks", [])
        if not 0 <= index < len(marks):
            raise IndexError(f"There is no mark number {index}; there are {len(marks)}.")
        removed = marks[index]
        self.update_data(lambda d: d["marks"].pop(index))
        return removed

    def set_note(self, index: int, note: str) -> None:
        marks = self.data.get("marks", [])
        if not 0 <= index < len(marks):
            raise IndexError(f"There is no mark number {index}; there are {len(marks)}.")

        def change(d):
            d["marks"][index]["note"] = str(note)

        self.update_data(change)

    @property
    def marks(self) -> list[dict]:
        return list(self.data.get("marks", []))

    # ------------------------------------------------------------------ status / results
    def _show_status(self, message: str, ok: bool) -> None:
        self.status_ok = ok

    def to_frame(self):
        """One row per mark: start, end, text, category, note."""
        import pandas as pd

        return pd.DataFrame(self.marks, columns=["start", "end", "text", "category", "note"])

    def __repr__(self) -> str:
        return short_repr(self, f", {len(self.marks)} marks")

"""PhraseMarker: mark words or phrases in a text with a category (anywidget, local ES module).

Marks are stored as character offsets into the text plus the exact text, so two marks of the
same phrase at different places stay apart, and marks may overlap. The front end
(``phrase_marker.js``, shipped in the package: no CDN) offers two ways to mark:

* with a mouse: select words in the text, pick a category, press "Add mark";
* with the keyboard only: type the phrase (or part of it) in the "Phrase" box, choose which
  occurrence and a category, press Enter or "Add mark". Marks are listed below the text; arrow
  keys move through the list, Delete removes the focused mark.

Offsets count code points, as Python's ``str`` does, everywhere: in ``data``, the answers file and
the dashboard. The browser counts UTF-16 code units (an emoji is two of them), so the front end
converts at the boundary; :func:`utf16_to_code_points` and :func:`code_points_to_utf16` are the
same conversion in Python.
"""
from __future__ import annotations

import bisect
import pathlib
import re
from typing import Any

import anywidget
import traitlets

from ..plots import PALETTE
from .. import schema
from .base import ActivityBase, resolve_article, short_repr

_HERE = pathlib.Path(__file__).parent
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 code units each (emoji, ...)



#: A word character, as the browser's "Which one" list counts it ([\\p{L}\\p{N}_] in phrase_marker.js).
_WORD = re.compile(r"\w")

def _astral_points(text: str) -> list[int]:
    """The code-point index of every astral character of ``text``, ascending."""
    return [m.start() for m in _ASTRAL.finditer(text)]


def code_points_to_utf16(text: str, offset: int) -> int:
    """The browser's offset (UTF-16 code units) of Python's ``offset`` (code points) in ``text``."""
    return offset + bisect.bisect_left(_astral_points(text), offset)


def utf16_to_code_points(text: str, offset: int) -> int:
    """Python's offset (code points) of the browser's ``offset`` (UTF-16 code units) in ``text``.
    An offset between the two halves of an astral character counts as its start."""
    units = [p + j for j, p in enumerate(_astral_points(text))]  # UTF-16 index of each astral character
    return offset - bisect.bisect_left(units, offset)


def _utf16_mark(body: str, units: list[int], m: Any) -> Any:
    """``m`` with code-point offsets if its offsets are UTF-16 ones (see ``PhraseMarker._from_utf16``)."""
    if not (isinstance(m, dict) and type(m.get("start")) is int and type(m.get("end")) is int
            and isinstance(m.get("text"), str) and m["text"] and body[m["start"]:m["end"]] != m["text"]):
        return m
    s = m["start"] - bisect.bisect_left(units, m["start"])
    e = m["end"] - bisect.bisect_left(units, m["end"])
    return {**m, "start": s, "end": e} if body[s:e] == m["text"] else m


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
        self._has_astral = _ASTRAL.search(body) is not None
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
        return schema.clean_phrase_marks(self._from_utf16(data), strict=False, text=self._text)

    def _from_utf16(self, data: Any) -> Any:
        """Marks with UTF-16 offsets (sent by an older front end still open in a browser tab) are
        turned into code-point offsets. Such a mark is recognised by its ``text``: it is what the
        UTF-16 offsets cut from the text, not what the code-point offsets cut. Marks whose text
        matches the code-point offsets (all the marks Python saves) are left as they are."""
        if not (self._has_astral and isinstance(data, dict) and isinstance(data.get("marks"), list)):
            return data
        body, marks, cap = self._text, data["marks"], schema.LIMITS.items
        units = [p + j for j, p in enumerate(_astral_points(body))]  # UTF-16 index of each astral character
        fixed = [_utf16_mark(body, units, m) for m in marks[:cap]] + marks[cap:]
        return {**data, "marks": fixed}

    # ------------------------------------------------------------------ learner actions
    def find(self, phrase: str) -> list[int]:
        """Start offsets (code points) of every occurrence of ``phrase`` in the text, ignoring case.
        Occurrences do not overlap ("ha ha" is found once in "ha ha ha"); the browser's "Which one"
        list numbers them the same way, so "occurrence 2" means the same place in both.

        Whole words first: a phrase that starts (ends) with a letter, digit or ``_`` is found only
        where no such character comes before (after) it, so "the" is not found inside "others";
        only when there is no whole-word place at all are places inside words listed (someone
        marking part of a word)."""
        if not phrase:
            return []
        body = re.escape(phrase)
        whole = (r"(?<!\w)" if _WORD.match(phrase[0]) else "") + body + (r"(?!\w)" if _WORD.match(phrase[-1]) else "")
        starts = [m.start() for m in re.finditer(whole, self._text, flags=re.IGNORECASE)]
        return starts or [m.start() for m in re.finditer(body, self._text, flags=re.IGNORECASE)]

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
    def _show_status(self, message: str, ok: bool, warn: bool = False) -> None:
        self.status_ok = ok  # (a warning after a save is in the message itself)

    def to_frame(self):
        """One row per mark: start, end, text, category, note."""
        import pandas as pd

        return pd.DataFrame(self.marks, columns=["start", "end", "text", "category", "note"])

    def __repr__(self) -> str:
        return short_repr(self, f", {len(self.marks)} marks")

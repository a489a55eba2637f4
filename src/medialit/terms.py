"""The course glossary (``ml.glossary``; the module is ``terms`` so that importing it never hides the function): short, plain definitions of the words the lessons use.

``ml.glossary()`` shows every term; ``ml.glossary("hedge")`` shows one entry (other forms such as
"OSINT" or "hedging" work too). An unknown term gets the closest terms as suggestions, never an
error. The terms live in ``data/tables/glossary.csv`` (listed in its manifest); ``docs/glossary.md``
is written from the same table by ``python -m medialit.terms`` (a test keeps the two in step).
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from pathlib import Path

from . import data
from .display import esc

DOC = Path("docs") / "glossary.md"


@dataclass(frozen=True)
class Entry:
    """One glossary term: the term, other forms it goes by, and its definition."""

    term: str
    also: tuple[str, ...]
    definition: str

    def __str__(self) -> str:
        also = f" (also: {', '.join(self.also)})" if self.also else ""
        return f"{self.term}{also}: {self.definition}"

    def _repr_html_(self) -> str:
        also = f" <span style='color:#555'>(also: {esc(', '.join(self.also))})</span>" if self.also else ""
        return f"<p><strong>{esc(self.term)}</strong>{also}: {esc(self.definition)}</p>"


@dataclass(frozen=True)
class NotFound:
    """What ``ml.glossary`` shows for a term it does not have: the closest terms."""

    asked: str
    suggestions: tuple[str, ...]

    def __str__(self) -> str:
        close = (" Did you mean: " + ", ".join(self.suggestions) + "?") if self.suggestions else ""
        return f"The glossary has no entry for '{self.asked}'.{close} ml.glossary() lists every term."

    def _repr_html_(self) -> str:
        return f"<p role='status'>{esc(str(self))}</p>"


def entries() -> list[Entry]:
    """Every entry, in alphabetical order of the term."""
    table = data.load_table("glossary")
    out = [Entry(r["term"].strip(), tuple(a.strip() for a in r["also"].split(";") if a.strip()), r["definition"].strip())
           for r in table.to_dict("records")]
    return sorted(out, key=lambda e: e.term.casefold())


def _norm(text: str) -> str:
    return " ".join(str(text).replace("-", " ").split()).casefold()


def lookup(term: str) -> Entry | NotFound:
    """The entry for ``term`` or one of its other forms (case, hyphens and spaces ignored), else
    a :class:`NotFound` with up to three close terms."""
    wanted = _norm(term)
    names: dict[str, Entry] = {}
    for e in entries():
        for name in (e.term, *e.also):
            names.setdefault(_norm(name), e)
    if wanted in names:
        return names[wanted]
    if wanted.endswith("s") and wanted[:-1] in names:  # "claims", "hedges"
        return names[wanted[:-1]]
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    close += [n for n in names if wanted and wanted in n and n not in close]
    terms = tuple(dict.fromkeys(names[n].term for n in close))[:3]
    return NotFound(str(term), terms)


def table():
    """The glossary as a table (term, also, definition), escaped for display."""
    import pandas as pd

    from .display import html_table

    frame = pd.DataFrame([(e.term, ", ".join(e.also), e.definition) for e in entries()],
                         columns=["term", "also", "definition"])
    return html_table(frame, caption="Glossary: ml.glossary(\"term\") shows one entry.")


def glossary(term: str | None = None):
    """``ml.glossary()``: every term as a table; ``ml.glossary("hedge")``: one entry (or suggestions)."""
    if term is None:
        return table()
    return lookup(term)


def markdown() -> str:
    """``docs/glossary.md`` as text, written from the same table."""
    lines = ["# Glossary", "",
             "Short, plain definitions of the words the lessons use. In a notebook, `ml.glossary()` shows",
             "them all and `ml.glossary(\"hedge\")` one of them. This page is written from",
             "`data/tables/glossary.csv` by `python -m medialit.terms`; edit the table, not this page.", ""]
    for e in entries():
        also = f" (also: {', '.join(e.also)})" if e.also else ""
        lines += [f"**{e.term}**{also}: {e.definition}", ""]
    return "\n".join(lines)


def write_doc(root: Path | None = None) -> Path:
    """Write ``docs/glossary.md`` (under ``root``, default the course folder)."""
    from . import paths

    target = (root or paths.repo_root()) / DOC
    target.write_text(markdown(), encoding="utf-8")
    return target


if __name__ == "__main__":  # python -m medialit.terms
    print(f"Wrote {write_doc()}", file=sys.stdout)

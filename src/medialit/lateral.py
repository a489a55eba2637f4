"""Lateral reading in lesson 01: open the sources about an outlet one at a time.

:func:`source_opener` shows a drop-down list of the sources the course's ``outlets`` table holds
about one outlet (only their names); choosing one shows what that source documents (the fact, its
date, its status, and a link), one source at a time, as a learner opening tabs would see them.
Nothing is saved: what the learner concludes goes into a ``check()`` question.
"""
from __future__ import annotations

from .display import esc


def outlet_sources(outlet: str):
    """The rows of the ``outlets`` table about ``outlet`` (a plain error for an unknown outlet)."""
    from .data import load_table

    table = load_table("outlets")
    rows = table[table.outlet == outlet]
    if rows.empty:
        raise ValueError(f"The course has no sources about {outlet!r}; outlets: {', '.join(sorted(set(table.outlet)))}.")
    return rows.reset_index(drop=True)


def source_card(row) -> str:
    """One source as HTML: who says it, the fact, date and status, and the link (escaped)."""
    url = str(row.get("source_url", ""))
    link = (f" <a href='{esc(url)}' target='_blank' rel='noopener'>open the page</a>"
            if url.startswith(("http://", "https://")) else "")
    return (f"<div class='medialit-source' style='border-left:4px solid #0072B2;padding-left:8px'>"
            f"<p style='margin:2px 0'><b>{esc(row['source'])}</b> ({esc(row['date'])}; status "
            f"{esc(row['status'])}){link}</p><p style='margin:2px 0'>{esc(row['fact'])}</p></div>")


def source_opener(outlet: str):
    """A drop-down list of the sources about ``outlet``; the chosen one is shown under it."""
    import ipywidgets as w

    rows = outlet_sources(outlet)
    options = [("choose a source to open…", -1)] + [(f"{r['source']} ({r['aspect']})", i) for i, r in rows.iterrows()]
    pick = w.Dropdown(options=options, value=-1, description="Open", layout=w.Layout(width="min(100%, 640px)"))
    shown = w.HTML("<p><i>No source opened yet.</i></p>")

    def show(change):
        shown.value = source_card(rows.iloc[change["new"]]) if change["new"] >= 0 else "<p><i>No source opened yet.</i></p>"

    pick.observe(show, "value")
    box = w.VBox([pick, shown])
    box.add_class("medialit-widget")
    return box

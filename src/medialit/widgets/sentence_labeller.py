"""SentenceLabeller: one label per sentence, with an optional note and confidence.

One sentence is edited at a time (Previous / Next / Go to), and an HTML overview table shows
the sentences with their labels as text, so the number of ipywidgets does not grow with the
article. Up to 300 sentences the overview lists them all; a longer article (a teacher's
60,000-word text) shows a window of 100 around the current sentence.
"""
from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..plots import PALETTE
from .. import schema
from .base import CONFIDENCES, BoxActivity, esc, resolve_article

_CONF_OPTIONS = [("not set", ""), ("low", "low"), ("medium", "medium"), ("high", "high")]
#: Up to this many sentences the overview lists them all; a longer article shows a window.
OVERVIEW_ALL = 300
OVERVIEW_WINDOW = 100


def _tag(name: str) -> str:
    """A short text tag for a label, so labels are never told apart by colour alone."""
    return name[:1].upper() if name else "?"


def _row(*children) -> w.HBox:
    """A row of controls that wraps on a narrow page instead of shrinking its buttons to their
    icons (the CSS for ``medialit-button-row`` is in keyboard_assist.js)."""
    row = w.HBox(list(children))
    row.add_class("medialit-button-row")
    return row


class SentenceLabeller(BoxActivity):
    """Label the sentences of an article, one label per sentence.

    Parameters
    ----------
    article : str or Article
        An article id (``"southfront_2026"``) or an :class:`~medialit.data.Article`.
    labels : dict
        ``{label: one-line definition}``, in the order the buttons should appear.
    activity : str, optional
        Where the work is saved (default ``"<lesson>:labels:<article>"``, see ``ml.lesson``).
    sentences : "body", "all" or list of sentence ids
        Which sentences to label (default: the article's running text).
    label_set : str
        A name for the set of labels, stored with the answers (default ``"custom"``).
    learner, home : optional
        Learner id and answers folder (default: the current learner and ``MEDIALIT_HOME``).

    ``data`` is ``{"label_set": str, "labels": {"s004": {"label", "note", "confidence"}}}``.
    """

    kind = "sentence_labels"
    default_prefix = "labels"

    def __init__(self, article, labels: dict, *, activity=None, sentences="body", label_set=None,
                 learner=None, home=None):
        article_id, art = resolve_article(article)
        if art is None:
            raise ValueError("SentenceLabeller needs an article (an id such as 'southfront_2026' or an Article).")
        if not isinstance(labels, dict) or not labels:
            raise ValueError("labels must be a dict such as {'fact': 'can be checked', 'opinion': '...'}.")
        self.labels = {str(k): str(v) for k, v in labels.items()}
        if "" in self.labels:
            raise ValueError("A label cannot be empty text.")
        if any(len(k) > schema.LIMITS.short for k in self.labels):
            raise ValueError(f"A label can be at most {schema.LIMITS.short} characters long.")
        self.label_set = "custom" if label_set is None else str(label_set)
        self.article = art
        if sentences == "body":
            chosen = art.body_sentences()
        elif sentences == "all":
            chosen = list(art.sentences)
        elif isinstance(sentences, (list, tuple)):
            chosen = [art.sentence(str(sid)) for sid in sentences]
        else:
            raise ValueError("sentences must be 'body', 'all' or a list of sentence ids such as ['s003', 's004'].")
        if not chosen:
            raise ValueError(f"Article '{article_id}' has no sentences to label.")
        self.sentences = chosen
        self._ids = [s.id for s in chosen]
        self._index_of = {sid: i for i, sid in enumerate(self._ids)}
        self._escaped = [esc(s.text) for s in chosen]
        self._colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(self.labels)}
        initial = self._setup_activity(activity=activity, article_id=article_id, learner=learner, home=home)
        self.position = 0
        self._syncing = False

        title = w.HTML(
            f"<h4 style='margin:4px 0'>Label each sentence: {esc(art.title)}</h4>"
            f"<p style='margin:2px 0'>Pick one label per sentence. Use Previous / Next or "
            f"'Go to' to move (Tab to reach a control, Enter or Space to press it, arrow keys choose among the "
            f"label buttons and in lists).</p>"
        )
        self.legend = w.HTML(self._legend_html())
        self.progress = w.HTML()
        self.where = w.HTML()
        self.sentence_view = w.HTML()
        self.prev_button = w.Button(description="Previous", icon="arrow-left",
                                    tooltip="Show the previous sentence")
        self.next_button = w.Button(description="Next", icon="arrow-right",
                                    tooltip="Show the next sentence")
        self.goto = w.Dropdown(
            options=[(f"{s.id}: {s.text[:60]}{'…' if len(s.text) > 60 else ''}", i) for i, s in enumerate(chosen)],
            value=0, description="Go to", description_allow_html=False,
            tooltip="Choose a sentence to label", layout=w.Layout(width="min(100%, 520px)"),
        )
        names = list(self.labels)
        self.label_buttons = w.ToggleButtons(
            options=[(f"{name}", name) for name in names], value=None,
            tooltips=[f"{name}: {self.labels[name]}" for name in names],
            description="Label", description_allow_html=False, style={"button_width": "auto"},
        )
        self.clear_button = w.Button(description="Clear label", tooltip="Remove the label of this sentence")
        self.definition = w.HTML()
        self.note = w.Text(description="Note", placeholder="optional short note (press Enter or Tab to save)",
                           continuous_update=False, description_allow_html=False,
                           layout=w.Layout(width="min(100%, 520px)"))
        self.confidence = w.ToggleButtons(options=_CONF_OPTIONS, value="", description="Confidence",
                                          tooltips=["no confidence given", "I am not sure", "fairly sure",
                                                    "very sure"],
                                          description_allow_html=False, style={"button_width": "auto"})
        self.overview_toggle = w.ToggleButton(value=True, description="Hide overview",
                                              tooltip="Show or hide the table of all sentences")
        self.overview = w.HTML(layout=w.Layout(max_height="320px", overflow="auto"))
        status = self._make_status()

        self.prev_button.on_click(lambda _b: self.previous())
        self.next_button.on_click(lambda _b: self.next())
        self.clear_button.on_click(lambda _b: self.clear())
        self.goto.observe(self._on_goto, "value")
        self.label_buttons.observe(self._on_label, "value")
        self.note.observe(self._on_note, "value")
        self.confidence.observe(self._on_confidence, "value")
        self.overview_toggle.observe(self._on_overview_toggle, "value")

        super().__init__(
            children=[
                title, self.legend, self.progress, self.where, self.sentence_view,
                _row(self.prev_button, self.next_button, self.goto),
                self.label_buttons, _row(self.clear_button, self.definition),
                self.note, self.confidence, self.overview_toggle, self.overview, status,
            ],
            data=initial,
        )
        self.add_class("medialit-widget")
        self.add_class("medialit-sentence-labeller")
        self._activate()
        self._show_position()

    # ------------------------------------------------------------------ data shape
    def empty_data(self) -> dict:
        return {"label_set": self.label_set, "labels": {}}

    def clean(self, data: Any):
        clean, problems = schema.clean_sentence_labels(data, strict=False)
        if clean is not None:
            clean["label_set"] = self.label_set
        return clean, problems

    # ------------------------------------------------------------------ learner actions
    @property
    def current(self) -> str:
        """The id of the sentence on show."""
        return self._ids[self.position]

    @property
    def labelled_count(self) -> int:
        """How many of the sentences on show have a label."""
        labels = self.data.get("labels", {})
        return sum(1 for sid in self._ids if labels.get(sid, {}).get("label"))

    def show(self, where) -> None:
        """Show a sentence, by position (0, 1, ...) or id (``"s004"``)."""
        if isinstance(where, str):
            if where not in self._index_of:
                raise ValueError(f"Sentence {where!r} is not in this labeller (it has {self._ids[0]} to {self._ids[-1]}).")
            where = self._index_of[where]
        self.position = max(0, min(int(where), len(self._ids) - 1))
        self._show_position()

    def next(self) -> None:
        self.show(self.position + 1)

    def previous(self) -> None:
        self.show(self.position - 1)

    def set_label(self, sentence_id: str | None = None, label: str | None = None, *, note: str | None = None,
                  confidence: str | None = None) -> None:
        """Set the label (and optionally note / confidence) of a sentence (default: the one on show)."""
        sid = sentence_id or self.current
        if sid not in self._index_of:
            raise ValueError(f"Sentence {sid!r} is not in this labeller.")
        if label is not None and label != "" and label not in self.labels:
            raise ValueError(f"{label!r} is not one of the labels: {', '.join(self.labels)}.")
        if confidence is not None and confidence not in ("",) + CONFIDENCES:
            raise ValueError("confidence must be 'low', 'medium', 'high' or ''.")

        def change(data):
            entry = dict(data["labels"].get(sid, {"label": "", "note": "", "confidence": ""}))
            if label is not None:
                entry["label"] = label
            if note is not None:
                entry["note"] = str(note)
            if confidence is not None:
                entry["confidence"] = confidence
            if entry["label"] or entry["note"] or entry["confidence"]:
                data["labels"][sid] = entry
            else:
                data["labels"].pop(sid, None)
            data["label_set"] = self.label_set

        self.update_data(change)
        if sid == self.current:
            self._sync_controls()

    def clear(self, sentence_id: str | None = None) -> None:
        """Remove the label of a sentence (its note and confidence stay)."""
        self.set_label(sentence_id, "")

    # ------------------------------------------------------------------ handlers
    def _on_goto(self, change) -> None:
        if not self._syncing and change["new"] is not None:
            self.show(change["new"])

    def _on_label(self, change) -> None:
        if not self._syncing:
            self.set_label(self.current, change["new"] or "")

    def _on_note(self, change) -> None:
        if not self._syncing:
            self.set_label(self.current, note=change["new"])

    def _on_confidence(self, change) -> None:
        if not self._syncing:
            self.set_label(self.current, confidence=change["new"] or "")

    def _on_overview_toggle(self, change) -> None:
        self.overview.layout.display = None if change["new"] else "none"
        self.overview_toggle.description = "Hide overview" if change["new"] else "Show overview"

    # ------------------------------------------------------------------ drawing
    def _refresh(self) -> None:
        self._draw_progress()
        self._draw_overview()
        self._draw_definition()

    def _show_position(self) -> None:
        i = self.position
        s = self.sentences[i]
        self.where.value = (f"<p style='margin:6px 0 0 0'><b>Sentence {i + 1} of {len(self._ids)}</b> "
                            f"({esc(s.id)}, paragraph {s.paragraph + 1})</p>")
        self.sentence_view.value = (
            "<blockquote class='medialit-sentence' style='font-size:1.1em;margin:4px 0;padding:6px 10px;"
            f"border-left:4px solid #0072B2'>{self._escaped[i]}</blockquote>"
        )
        self.prev_button.disabled = i == 0
        self.next_button.disabled = i == len(self._ids) - 1
        self._sync_controls()
        self._refresh()

    def _sync_controls(self) -> None:
        entry = self.data.get("labels", {}).get(self.current, {})
        self._syncing = True
        try:
            self.goto.value = self.position
            label = entry.get("label", "")
            self.label_buttons.value = label if label in self.labels else None
            self.note.value = entry.get("note", "")
            self.confidence.value = entry.get("confidence", "") or ""
        finally:
            self._syncing = False

    def _draw_progress(self) -> None:
        n = len(self._ids)
        done = self.labelled_count
        self.progress.value = (f"<p class='medialit-progress' style='margin:4px 0'><b>{done} of {n} labelled</b>"
                               f"{' — all done!' if done == n else ''}</p>")

    def _draw_definition(self) -> None:
        label = self.data.get("labels", {}).get(self.current, {}).get("label", "")
        if not label:
            self.definition.value = "<span style='padding-left:8px'>No label yet.</span>"
        elif label in self.labels:
            self.definition.value = (f"<span style='padding-left:8px'>Chosen: <b>{esc(label)}</b> — "
                                     f"{esc(self.labels[label])}</span>")
        else:
            self.definition.value = (f"<span style='padding-left:8px'>Saved label <b>{esc(label)}</b> is not one "
                                     "of this lesson's labels; pick one to replace it.</span>")

    def _legend_html(self) -> str:
        items = "".join(
            f"<li><span aria-hidden='true' style='display:inline-block;width:0.9em;height:0.9em;"
            f"background:{self._colour[name]};border:1px solid #000;margin-right:4px'></span>"
            f"<b>[{esc(_tag(name))}] {esc(name)}</b>: {esc(defn)}</li>"
            for name, defn in self.labels.items()
        )
        return f"<details open><summary>What the labels mean</summary><ul style='margin:2px 0'>{items}</ul></details>"

    def _label_cell(self, label: str) -> str:
        if not label:
            return "<span style='color:#555'>—</span>"
        colour = self._colour.get(label, "#999999")
        return (f"<span style='border-bottom:3px solid {colour};font-weight:bold'>[{esc(_tag(label))}] "
                f"{esc(label)}</span>")

    def _overview_window(self) -> tuple[int, int]:
        """The rows the overview shows: all of them up to OVERVIEW_ALL sentences; for a longer article
        a window of OVERVIEW_WINDOW rows around the current sentence (a 60,000-word article would
        otherwise re-send thousands of rows on every click)."""
        n = len(self._ids)
        if n <= OVERVIEW_ALL:
            return 0, n
        start = max(0, min(self.position - OVERVIEW_WINDOW // 4, n - OVERVIEW_WINDOW))
        return start, start + OVERVIEW_WINDOW

    def _draw_overview(self) -> None:
        labels = self.data.get("labels", {})
        rows = []
        first, last = self._overview_window()
        for i in range(first, last):
            sid = self._ids[i]
            entry = labels.get(sid, {})
            here = i == self.position
            mark = "▶" if here else ""
            attrs = " aria-current='true' style='font-weight:bold;background:#eef'" if here else ""
            conf = entry.get("confidence", "")
            rows.append(
                f"<tr{attrs}><td>{mark}</td><td>{sid}</td><td>{self._escaped[i]}</td>"
                f"<td>{self._label_cell(entry.get('label', ''))}</td><td>{esc(conf)}</td>"
                f"<td>{esc(entry.get('note', ''))}</td></tr>"
            )
        self.overview.value = (
            "<style>.medialit-overview th, .medialit-overview td {padding:2px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}</style>"
            "<table class='medialit-overview' style='border-collapse:collapse;font-size:0.9em'>"
            f"<caption style='text-align:left'>{self._overview_caption(first, last)}</caption>"
            "<thead><tr><th scope='col'>now</th><th scope='col'>id</th>"
            "<th scope='col'>sentence</th><th scope='col'>label</th><th scope='col'>confidence</th>"
            "<th scope='col'>note</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        )

    def _overview_caption(self, first: int, last: int) -> str:
        n = len(self._ids)
        if first == 0 and last == n:
            return "All sentences and your labels"
        return (f"Sentences {first + 1} to {last} of {n} and your labels (the overview shows the "
                f"{last - first} around the current sentence; use Go to for the others)")

    # ------------------------------------------------------------------ results
    def to_frame(self):
        """One row per sentence on show: sentence, text, label, confidence, note ("" when not given)."""
        import pandas as pd

        labels = self.data.get("labels", {})
        rows = [
            (s.id, s.text, labels.get(s.id, {}).get("label", ""), labels.get(s.id, {}).get("confidence", ""),
             labels.get(s.id, {}).get("note", ""))
            for s in self.sentences
        ]
        extra = [sid for sid in labels if sid not in self._index_of]  # saved work outside this view
        rows += [(sid, "", labels[sid]["label"], labels[sid]["confidence"], labels[sid]["note"]) for sid in extra]
        return pd.DataFrame(rows, columns=["sentence", "text", "label", "confidence", "note"])

    def __repr__(self) -> str:
        return f"SentenceLabeller(activity={self.activity!r}, {self.labelled_count} of {len(self._ids)} labelled)"

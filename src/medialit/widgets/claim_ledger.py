"""ClaimLedger: a table of claims, with who makes them, the evidence offered, who could confirm
them independently, and what the learner concluded."""
from __future__ import annotations

from typing import Any

import ipywidgets as w

from .. import schema
from ..schema import CLAIM_FIELDS as FIELDS
from ..schema import LEDGER_STATUSES as STATUSES  # the statuses a claim can have ("" = not decided yet)
from .base import CONFIDENCES, BoxActivity, esc, resolve_article
_STATUS_HELP = {
    "": "not decided",
    "supported": "independent evidence backs it",
    "contradicted": "independent evidence goes against it",
    "unsupported": "no evidence is offered for it",
    "cannot tell yet": "you need more information",
}

_COLUMNS = ("#", "id", "sentence", "claim", "claimant", "evidence", "who could confirm", "status", "confidence",
            "note")
# Every column keeps a readable width and text wraps inside it; when the page is narrower than the
# table (1,024 px with the file browser open), the table scrolls sideways inside its own box, a
# shadow marks the side where more columns are and the hint below shows (keyboard_assist.js).
_TABLE_CSS = (
    ".medialit-ledger-scroll {max-height:300px;overflow:auto;border:1px solid #ccc}"
    ".medialit-ledger {border-collapse:collapse;font-size:0.9em;min-width:100%}"
    ".medialit-ledger th, .medialit-ledger td {padding:2px 6px;border-bottom:1px solid #ddd;text-align:left;"
    "vertical-align:top;min-width:6.5em;max-width:22em;white-space:normal;overflow-wrap:anywhere}"
    ".medialit-ledger th {position:sticky;top:0;background:#f4f4f4;z-index:1}"
    ".medialit-ledger th:first-child, .medialit-ledger td:first-child {min-width:2.5em}"
    ".medialit-ledger th:nth-child(4), .medialit-ledger td:nth-child(4) {min-width:16em}"
    ".medialit-scroll-hint {margin:2px 0;font-size:0.9em}"
)
_SCROLL_HINT = ("↔ The table is wider than this box: scroll sideways to see all "
                f"{len(_COLUMNS)} columns, up to <b>note</b> (scroll bar, Shift + mouse wheel, or click the "
                "table and use the arrow keys).")


class ClaimLedger(BoxActivity):
    """Keep a ledger of the claims in an article: add, edit and delete rows.

    ``rows`` pre-fills claims (dicts with at least ``"claim"``, optionally ``"sentence"`` and
    ``"id"``) only when nothing is saved yet.

    ``data`` is ``{"rows": [{"id", "sentence", "claim", "claimant", "evidence", "confirm",
    "status", "confidence", "note"}]}``.
    """

    kind = "claim_ledger"
    default_prefix = "claims"

    def __init__(self, article, *, rows=None, activity=None, learner=None, home=None):
        article_id, art = resolve_article(article)
        self.article = art
        initial = self._setup_activity(activity=activity, article_id=article_id, learner=learner, home=home)
        if not self.restored and not self._blocked and rows:
            # shown at once, written at the learner's first change (never on construction)
            initial = self.normalise({"rows": [self._prefill(r) for r in rows]})
        self._syncing = False
        self._deleted = None  # (index, row) of the last deleted row, for Undo
        self.selected = 0
        name = art.title if art is not None else activity
        head = w.HTML(
            f"<h4 style='margin:4px 0'>Claim ledger: {esc(name)}</h4>"
            "<p style='margin:2px 0'>One row per claim. Choose a claim to edit, fill in who makes it, the "
            "evidence offered, who could confirm it independently and your conclusion. Tab moves between "
            "controls; Enter or Space presses a button; arrow keys choose among the status or confidence "
            "buttons and in lists.</p>"
        )
        # the table scrolls inside its own box (sideways too, with a hint), so no column is lost
        self.table = w.HTML(layout=w.Layout(min_width="0"))
        self.pick = w.Dropdown(description="Edit claim", description_allow_html=False,
                               tooltip="Choose the claim to edit", layout=w.Layout(width="min(100%, 560px)"))
        sentence_options = [("none", "")]
        if art is not None:
            sentence_options += [(f"{s.id}: {s.text[:60]}{'…' if len(s.text) > 60 else ''}", s.id)
                                 for s in art.sentences]
        self._sentence_ids = {v for _k, v in sentence_options}
        self.sentence = w.Dropdown(options=sentence_options, value="", description="Sentence",
                                   description_allow_html=False, tooltip="The sentence the claim is in (optional)",
                                   layout=w.Layout(width="min(100%, 560px)"))
        wide = w.Layout(width="min(100%, 560px)")
        self.claim = w.Textarea(description="Claim", placeholder="the claim, in quotes or in your words",
                                continuous_update=False, description_allow_html=False, layout=wide)
        self.claimant = w.Text(description="Claimant", placeholder="who makes the claim?",
                               continuous_update=False, description_allow_html=False, layout=wide)
        self.evidence = w.Text(description="Evidence", placeholder="what evidence is offered (or 'none')",
                               continuous_update=False, description_allow_html=False, layout=wide)
        self.confirm = w.Text(description="Confirm", placeholder="who could confirm it independently?",
                              continuous_update=False, description_allow_html=False, layout=wide,
                              tooltip="Who could confirm it independently?")
        self.status_choice = w.ToggleButtons(
            options=[("not decided", "")] + [(s, s) for s in STATUSES], value="", description="Status",
            tooltips=[_STATUS_HELP[""]] + [_STATUS_HELP[s] for s in STATUSES], description_allow_html=False,
            style={"button_width": "auto"},
        )
        self.confidence = w.ToggleButtons(options=[("not set", ""), ("low", "low"), ("medium", "medium"),
                                                   ("high", "high")], value="", description="Confidence",
                                          description_allow_html=False, style={"button_width": "auto"})
        self.note = w.Text(description="Note", placeholder="optional", continuous_update=False,
                           description_allow_html=False, layout=wide)
        self.add_button = w.Button(description="Add claim", icon="plus", tooltip="Add a new, empty claim row")
        self.delete_button = w.Button(description="Delete this claim", icon="trash",
                                      tooltip="Delete the claim shown in the editor (you can undo)")
        self.undo_button = w.Button(description="Undo delete", icon="undo", disabled=True,
                                    tooltip="Bring back the claim you deleted last")
        self.editor = w.VBox([self.pick, self.sentence, self.claim, self.claimant, self.evidence, self.confirm,
                              self.status_choice, self.confidence, self.note])
        self.add_button.on_click(lambda _b: self.add_row())
        self.delete_button.on_click(lambda _b: self.delete_row())
        self.undo_button.on_click(lambda _b: self.undo_delete())
        self.pick.observe(self._on_pick, "value")
        for field in ("sentence", "claim", "claimant", "evidence", "confirm", "note"):
            getattr(self, field).observe(lambda ch, f=field: self._on_field(f, ch), "value")
        self.status_choice.observe(lambda ch: self._on_field("status", ch), "value")
        self.confidence.observe(lambda ch: self._on_field("confidence", ch), "value")
        buttons = w.HBox([self.add_button, self.delete_button, self.undo_button])
        buttons.add_class("medialit-button-row")  # wraps instead of shrinking (keyboard_assist.js)
        super().__init__(children=[head, self.table, buttons, self.editor, self._make_status()], data=initial)
        self.add_class("medialit-widget")
        self.add_class("medialit-claim-ledger")
        self._activate()
        self._refresh()

    # ------------------------------------------------------------------ data shape
    def empty_data(self) -> dict:
        return {"rows": []}

    def _prefill(self, row) -> dict:
        if isinstance(row, str):
            row = {"claim": row}
        if not isinstance(row, dict) or "claim" not in row:
            raise ValueError("Each pre-filled row needs at least a 'claim'.")
        return row

    @staticmethod
    def _clean_row(row: dict) -> dict:
        clean, _ = schema.clean_claim_ledger({"rows": [row]}, strict=False)
        return clean["rows"][0]

    def clean(self, data: Any):
        return schema.clean_claim_ledger(data, strict=False)

    @staticmethod
    def _new_id(used) -> str:
        return schema.new_claim_id(used)

    # ------------------------------------------------------------------ actions
    @property
    def rows(self) -> list[dict]:
        return list(self.data.get("rows", []))

    def add_row(self, claim: str = "", sentence: str = "", **fields) -> dict:
        """Add a claim row (and show it in the editor); returns the new row."""
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise ValueError(f"Unknown field(s): {', '.join(sorted(unknown))}. Fields: {', '.join(FIELDS[1:])}.")
        self._check_values(dict(fields, sentence=sentence))
        row = self._clean_row(dict(fields, claim=claim, sentence=sentence, id=""))
        row["id"] = self._new_id({r["id"] for r in self.rows})
        self.update_data(lambda d: d["rows"].append(row))
        self.selected = len(self.rows) - 1
        self._refresh()
        return row

    def _check_values(self, fields: dict) -> None:
        if fields.get("status", "") not in ("",) + STATUSES:
            raise ValueError(f"status must be one of: {', '.join(STATUSES)} (or '' for not decided).")
        if fields.get("confidence", "") not in ("",) + CONFIDENCES:
            raise ValueError("confidence must be 'low', 'medium', 'high' or ''.")
        if fields.get("sentence", "") and self.article is not None and fields["sentence"] not in self._sentence_ids:
            raise ValueError(f"Sentence {fields['sentence']!r} is not in this article.")

    def edit_row(self, index: int | None = None, **fields) -> dict:
        """Change fields of a row (default: the one in the editor)."""
        index = self.selected if index is None else index
        rows = self.rows
        if not 0 <= index < len(rows):
            raise IndexError(f"There is no claim number {index}; there are {len(rows)}.")
        unknown = set(fields) - set(FIELDS[1:])
        if unknown:
            raise ValueError(f"Unknown field(s): {', '.join(sorted(unknown))}. Fields: {', '.join(FIELDS[1:])}.")
        self._check_values(fields)

        def change(d):
            d["rows"][index].update({k: str(v) for k, v in fields.items()})
            if fields.get("sentence") and not d["rows"][index]["claim"] and self.article is not None:
                d["rows"][index]["claim"] = f"“{self.article.sentence(fields['sentence']).text}”"

        self.update_data(change)
        return self.rows[index]

    def delete_row(self, index: int | None = None) -> dict | None:
        """Delete a row (default: the one in the editor). :meth:`undo_delete` brings it back."""
        index = self.selected if index is None else index
        rows = self.rows
        if not 0 <= index < len(rows):
            return None
        removed = rows[index]
        self._deleted = (index, removed)
        self.update_data(lambda d: d["rows"].pop(index))
        self.selected = max(0, min(index, len(self.rows) - 1))
        self._refresh()
        return removed

    def undo_delete(self) -> dict | None:
        """Put back the last deleted row where it was."""
        if self._deleted is None:
            return None
        index, row = self._deleted
        self._deleted = None
        index = min(index, len(self.rows))
        self.update_data(lambda d: d["rows"].insert(index, row))
        self.selected = index
        self._refresh()
        return row

    def select(self, index: int) -> None:
        """Show row ``index`` in the editor."""
        self.selected = max(0, min(int(index), max(len(self.rows) - 1, 0)))
        self._refresh()

    # ------------------------------------------------------------------ handlers and drawing
    def _on_pick(self, change) -> None:
        if not self._syncing and change["new"] is not None:
            self.select(change["new"])

    def _on_field(self, field: str, change) -> None:
        if not self._syncing and self.rows:
            self.edit_row(self.selected, **{field: change["new"] or ""})
            self._sync_editor()

    def _refresh(self) -> None:
        if not hasattr(self, "table"):
            return
        self._draw_table()
        self._sync_editor()
        self.undo_button.disabled = self._deleted is None

    def _sync_editor(self) -> None:
        rows = self.rows
        self._syncing = True
        try:
            self.pick.options = [(f"{i + 1}. {r['id']}: {r['claim'][:60] or '(empty claim)'}", i)
                                 for i, r in enumerate(rows)]
            has = bool(rows)
            for ctl in (self.pick, self.sentence, self.claim, self.claimant, self.evidence, self.confirm,
                        self.status_choice, self.confidence, self.note, self.delete_button):
                ctl.disabled = not has
            if not has:
                self.pick.value = None
                for ctl in (self.claim, self.claimant, self.evidence, self.confirm, self.note):
                    ctl.value = ""
                self.sentence.value = ""
                self.status_choice.value = ""
                self.confidence.value = ""
                return
            self.selected = min(self.selected, len(rows) - 1)
            row = rows[self.selected]
            self.pick.value = self.selected
            self.sentence.value = row["sentence"] if row["sentence"] in self._sentence_ids else ""
            for f in ("claim", "claimant", "evidence", "confirm", "note"):
                getattr(self, f).value = row[f]
            self.status_choice.value = row["status"]
            self.confidence.value = row["confidence"]
        finally:
            self._syncing = False

    def _draw_table(self) -> None:
        rows = self.rows
        if not rows:
            self.table.value = "<p><i>No claims yet: press “Add claim”.</i></p>"
            return
        cells = []
        for i, r in enumerate(rows):
            here = i == self.selected
            attrs = " aria-current='true' style='font-weight:bold;background:#eef'" if here else ""
            cells.append(
                f"<tr{attrs}><td>{'▶ ' if here else ''}{i + 1}</td><td>{esc(r['id'])}</td><td>{esc(r['sentence'])}</td>"
                f"<td>{esc(r['claim'])}</td><td>{esc(r['claimant'])}</td><td>{esc(r['evidence'])}</td>"
                f"<td>{esc(r['confirm'])}</td><td>{esc(r['status'] or 'not decided')}</td>"
                f"<td>{esc(r['confidence'])}</td><td>{esc(r['note'])}</td></tr>"
            )
        head = "".join(f"<th scope='col'>{h}</th>" for h in _COLUMNS)
        self.table.value = (
            f"<style>{_TABLE_CSS}</style>"
            f"<p class='medialit-scroll-hint' data-medialit-hint-for='ledger' hidden>{_SCROLL_HINT}</p>"
            "<div class='medialit-scroll-x medialit-ledger-scroll' data-medialit-hint='ledger' tabindex='0' "
            "role='region' aria-label='Your claims table (scrolls sideways)' data-lm-suppress-shortcuts='true'>"
            "<table class='medialit-ledger'>"
            f"<caption style='text-align:left'>Your claims ({len(rows)})</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(cells)}</tbody></table></div>"
        )

    def to_frame(self):
        """One row per claim with all the ledger's fields."""
        import pandas as pd

        return pd.DataFrame(self.rows, columns=list(FIELDS))

    def __repr__(self) -> str:
        return f"ClaimLedger(activity={self.activity!r}, {len(self.rows)} claims)"

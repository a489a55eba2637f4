"""Lesson 04 ("Your own article"): the same tools on any article, with feedback that needs no key.

A teacher's article has no answer key, so the feedback here does not mark anything. It says
what is done and what is still open, and puts the learner's work next to the transparent signals
of :mod:`medialit.cues`: the learner compares and writes notes. The signals are English word
lists; for an article in another language they are not run, and every view says so plainly.

* :func:`article_picker`: a drop-down of every article (course and teacher articles);
* :func:`details`: an article's details from its manifest, as a table;
* :func:`signals_for` / :func:`signals_note`: the signals per sentence (English only);
* :func:`provenance_view`, :func:`labels_view`, :func:`marks_view`, :func:`ledger_view`: what
  ``ml.live`` shows under each tool.

Everything shown is escaped (:func:`medialit.display.html_table`).
"""
from __future__ import annotations

from typing import Any

from . import data
from .display import html_table, plural

#: What the details table shows, in this order (manifest field -> heading).
DETAIL_FIELDS = {"title": "title", "publisher": "publisher or site", "author": "author",
                 "published": "date published", "url": "URL", "language": "language",
                 "translated": "a translation?", "kind": "kind", "notes": "notes"}


def _article(article: Any):
    return data.load_article(article) if isinstance(article, str) else article


def is_english(article: Any) -> bool:
    """True when the article's manifest says it is in English (``en``, ``en (machine-translated...)``);
    the same test as :func:`medialit.cues.english_only_note`."""
    from . import cues

    return not cues.english_only_note(_article(article))


def signals_note(article: Any) -> str:
    """One plain sentence: are the signals used for this article, and why not?"""
    art = _article(article)
    if is_english(art):
        return ("The signals are word lists written for English news: they point at words worth a second "
                "look, they do not decide anything.")
    from . import cues

    return (cues.english_only_note(art) + " So the signals are switched off in this lesson for this article, "
            "rather than firing on the wrong words: your own reading and your notes count.")


def signals_for(article: Any):
    """The signals per body sentence (``reporting.signal_table`` plus a ``guess`` column), or an empty
    table for an article that is not in English."""
    import pandas as pd

    from .reporting import guess_label, signal_table

    art = _article(article)
    if not is_english(art):
        return pd.DataFrame(columns=["sentence", "text", "signals", "guess"])
    table = signal_table(art)
    table["guess"] = [guess_label(row) for row in table.to_dict("records")]
    return table


def article_picker(default: str | None = None):
    """A drop-down of every article (title and id); its ``value`` is the chosen id."""
    import ipywidgets as w

    table = data.list_articles()
    options = [(f"{row.title[:70]}{'…' if len(row.title) > 70 else ''} ({row.id})", row.id)
               for row in table.itertuples()]
    ids = [v for _k, v in options]
    value = default if default in ids else (ids[0] if ids else None)
    return w.Dropdown(options=options, value=value, description="Article", description_allow_html=False,
                      layout=w.Layout(width="min(100%, 640px)"))


def details(article: Any):
    """The article's details (title, publisher, author, date, URL, language...) as a two-column table."""
    import pandas as pd

    meta = _article(article).meta
    rows = [(name, meta[key]) for key, name in DETAIL_FIELDS.items() if meta.get(key) not in (None, "")]
    return html_table(pd.DataFrame(rows, columns=["field", "value"]))


# ---------------------------------------------------------------- live views (ml.live)


def provenance_view(checklist: Any) -> list:
    """Under the provenance checklist: how many questions are answered, and which answers still
    have no evidence."""
    import pandas as pd

    answers = (getattr(checklist, "data", checklist) or {}).get("answers", {})
    questions = getattr(checklist, "questions", None) or []
    rows = []
    for q in questions:
        entry = answers.get(q["id"], {})
        rows.append((q["question"], entry.get("answer", ""), entry.get("evidence", "")))
    table = pd.DataFrame(rows, columns=["question", "your answer", "your evidence"])
    done = table[table["your answer"] != ""]
    if not len(done):
        return "You have not answered any question yet. Answer one above and this summary updates at once."
    bare = done[done["your evidence"].str.strip() == ""]
    text = f"You answered {len(done)} of {plural(len(table), 'question')}."
    if len(bare):
        text += (f" {plural(len(bare), 'answer')} {'has' if len(bare) == 1 else 'have'} no evidence yet: "
                 "write where you looked (a URL, or 'the article's last line').")
    else:
        text += " Every answer has its evidence."
    return [text, html_table(done, ["question", "your answer", "your evidence"])]


def labels_view(labeller: Any, signals: Any = None) -> list:
    """Under the labeller: your labels next to the signals' naive guess for the same sentences.
    ``signals``: the article's :func:`signals_for` table (computed when None)."""
    import pandas as pd

    from .reporting import learner_labels

    art = labeller.article
    signals = signals_for(art) if signals is None else signals
    mine = learner_labels(labeller)
    by_id = {r["sentence"]: r for r in signals.to_dict("records")}
    rows = [(s.id, s.text, mine[s.id], by_id.get(s.id, {}).get("guess", ""), by_id.get(s.id, {}).get("signals", ""))
            for s in labeller.sentences if s.id in mine]
    table = pd.DataFrame(rows, columns=["sentence", "text", "your label", "signals' guess", "signals"])
    total = plural(len(labeller.sentences), "sentence")
    if not len(table):
        return [f"You have not labelled any sentence yet ({total} to label). Label one above: this table "
                "updates at once.", signals_note(art)]
    if not is_english(art):
        return [f"You labelled {len(table)} of {total}.", signals_note(art),
                html_table(table, ["sentence", "text", "your label"])]
    same = int((table["your label"] == table["signals' guess"]).sum())
    text = (f"You labelled {len(table)} of {total}. The signals' guess is the same as yours for {same} of them. "
            "Where they differ, who is right? The signals see only words; write your reason in the note.")
    return [text, html_table(table, ["sentence", "text", "your label", "signals' guess", "signals"])]


def _sentence_at(art, offset: int) -> str:
    return next((s.id for s in art.sentences if s.start <= offset < s.end), "")


def marks_view(marker: Any) -> list:
    """Under the phrase marker: your marks (sentence, phrase, category, note) and, for an English
    article, the signals that fire on the same words."""
    import pandas as pd

    from . import cues

    art = data.load_article(marker.article_id) if getattr(marker, "article_id", None) else None
    marks = list((getattr(marker, "data", marker) or {}).get("marks", []))
    if not marks:
        return "You have not marked any phrase yet. Mark one above: this table updates at once."
    english = art is not None and is_english(art)
    rows = []
    for m in marks:
        start, end = int(m.get("start", 0)), int(m.get("end", 0))
        sid = _sentence_at(art, start) if art is not None else ""
        found = ""
        if english and sid:
            s = art.sentence(sid)
            raw = art.text[s.start:s.end]  # the hits' offsets are into the text as it stands
            hits = [h for fam in cues.signals(raw).values() for h in fam]
            found = "; ".join(sorted({f"{h.rule} '{h.text}'" for h in hits
                                      if h.start < end - s.start and h.end > start - s.start}))
        rows.append((sid, m.get("text", ""), m.get("category", ""), m.get("note", ""), found or "none"))
    table = pd.DataFrame(rows, columns=["sentence", "phrase", "category", "note", "signals on these words"])
    flagged = int((table["signals on these words"] != "none").sum())
    text = f"You marked {plural(len(table), 'phrase')}."
    if english:
        text += (f" The signals also fire on {flagged} of them. A phrase the signals miss can still be loaded: "
                 "say why in its note.")
        return [text, html_table(table)]
    return [text, signals_note(art) if art is not None else "",
            html_table(table, ["sentence", "phrase", "category", "note"])]


def ledger_view(ledger: Any) -> list:
    """Under the claim ledger: how many claims have a claimant, evidence and a status so far."""
    import pandas as pd

    rows = list((getattr(ledger, "data", ledger) or {}).get("rows", []))
    if not rows:
        return "Your ledger is empty. Add a claim above: this summary updates at once."
    table = pd.DataFrame(rows)
    for col in ("sentence", "claim", "claimant", "evidence", "confirm", "status"):
        if col not in table:
            table[col] = ""
    filled = {col: int((table[col].astype(str).str.strip() != "").sum())
              for col in ("claimant", "evidence", "confirm", "status")}
    n = len(table)
    text = (f"Your ledger has {plural(n, 'claim')}: {filled['claimant']} with a claimant, {filled['evidence']} with "
            f"the evidence offered, {filled['confirm']} with who could confirm it, {filled['status']} with a status.")
    if filled["status"] < n:
        text += " A claim with no status yet: is it supported, contradicted, unsupported, or can you not tell yet?"
    return [text, html_table(table, ["sentence", "claim", "claimant", "evidence", "confirm", "status"],
                             names={"confirm": "who could confirm"})]

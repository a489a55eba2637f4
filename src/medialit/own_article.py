"""Lesson 04 ("Your own article"): the same tools on any article, with feedback that needs no key.

A teacher's article has no answer key, so the feedback here does not mark anything. It says
what is done and what is still open, and puts the learner's work next to the transparent signals
of :mod:`medialit.cues`: the learner compares and writes notes. The signals are English word
lists; for an article in another language they are not run, and every view says so plainly.

* :func:`article_picker`: a drop-down of every article (course and teacher articles);
* :func:`follow`: a section's tools for the article chosen in the picker, built again when the
  choice changes (JupyterLab and Voila alike: no cell is run again); the sections are
  :func:`about_section`, :func:`provenance_section`, :func:`labels_section`,
  :func:`marks_section` and :func:`ledger_section`;
* :func:`details`: an article's details from its manifest, as a table;
* :func:`signals_for` / :func:`signals_note`: the signals per sentence (English only);
* :func:`provenance_view`, :func:`labels_view`, :func:`marks_view`, :func:`ledger_view`: what
  ``ml.live`` shows under each tool.

Everything shown is escaped (:func:`medialit.display.html_table`).
"""
from __future__ import annotations

import re
from typing import Any, Callable

import ipywidgets

from . import data
from .display import html_table, plural
from .text_utils import shorten

#: What the details table shows, in this order (manifest field -> heading).
DETAIL_FIELDS = {"title": "title", "publisher": "publisher or site", "author": "author",
                 "published": "date published", "url": "URL", "language": "language",
                 "translated": "a translation?", "kind": "kind", "notes": "notes"}

#: The opening of an added article's notes in manifests written before they were worded neutrally.
_OLD_ADDED_NOTE = re.compile(r"^Added by the teacher from ")


def _article(article: Any):
    return data.load_article(article) if isinstance(article, str) else article


def is_english(article: Any) -> bool:
    """True when the article's manifest says it is in English (``en``, ``en (machine-translated...)``);
    the same test as :func:`medialit.cues.english_only_note`."""
    from . import cues

    return not cues.english_only_note(_article(article))


#: Words that are common in English and rare in other languages written in the Latin alphabet
#: (no "a", "on", "to", "for", "in"...: Polish, Italian or Danish use them too).
_ENGLISH_WORDS = frozenset("the and of with that this which was were been has have had said would will their they "
                           "from it its by are not but who his her she he an".split())
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: How much of a text is read to judge its language, and the fewest words that can be judged.
LANGUAGE_SAMPLE = 20_000
LANGUAGE_MIN_WORDS = 20


def text_looks_english(text: str) -> bool | None:
    """Does ``text`` (an article before it is added) look like English? ``False`` when the signals'
    own test finds it is in another language (:func:`medialit.cues.english_only_note`: more French,
    German, Spanish... function words than English ones, or mostly another script), or when, in
    :data:`LANGUAGE_MIN_WORDS` words or more, almost none of its words is one of the commonest
    English words (Polish, Czech, Danish, Turkish...: languages the signals' test does not know);
    ``True`` when they make up a fair share of it (8 % or more; English news has about 20 %);
    ``None`` when it cannot tell (a short or unusual text). Only the first :data:`LANGUAGE_SAMPLE`
    characters are read."""
    from . import cues

    sample = str(text or "")[:LANGUAGE_SAMPLE]
    words = [m.group(0).lower().replace("’", "'") for m in _WORD_RE.finditer(sample)]
    if not words:
        return None
    if cues.english_only_note(sample):
        return False
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    share = sum(1 for word in words if word in _ENGLISH_WORDS) / len(words)
    if share >= 0.08:
        return True
    return False if share < 0.03 else None


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


def _article_options() -> list[tuple[str, str]]:
    table = data.list_articles()
    return [(f"{row.title[:70]}{'…' if len(row.title) > 70 else ''} ({row.id})", row.id)
            for row in table.itertuples()]


def article_picker(default: str | None = None, adder: Any = None):
    """A drop-down of every article (title and id); its ``value`` is the chosen id.

    With ``adder`` (an :class:`~medialit.AddArticle`), an article added there joins the list and
    is chosen at once, so the tools that :func:`follow` the picker switch to it without any cell
    being run again (as in Voila, where no cell can be)."""
    import ipywidgets as w

    options = _article_options()
    ids = [v for _k, v in options]
    value = default if default in ids else (ids[0] if ids else None)
    picker = w.Dropdown(options=options, value=value, description="Article", description_allow_html=False,
                        layout=w.Layout(width="min(100%, 640px)"))
    if adder is not None:
        if getattr(adder, "article_id", "") and adder.article_id in ids:
            picker.value = adder.article_id

        def _added(change: dict) -> None:
            new = change.get("new")
            if not new:
                return
            options = _article_options()
            if new in [v for _k, v in options]:
                picker.options = options
                picker.value = new

        adder.observe(_added, names="article_id")
    return picker


class FollowArticle(ipywidgets.VBox):
    """A lesson section's tools for the article chosen in a picker, built again whenever the
    choice changes (made by :func:`follow`). Nothing is lost on a switch: every tool saves each
    change at once, and the new tools load the saved work of the article chosen."""

    def __init__(self, picker: Any, build: Callable[[str], Any]):
        super().__init__()
        self.add_class("medialit-follow-article")
        self.picker = picker
        self.build = build
        self.article_id: str | None = None
        self.tools: list = []  # the course widgets on show (a checklist, a labeller...)
        self.error = ""
        picker.observe(self._changed, names="value")
        self.show(picker.value)

    def _changed(self, change: dict) -> None:
        if self.comm is None:  # closed: stop following the picker
            self.picker.unobserve(self._changed, names="value")
            return
        self.show(change.get("new"))

    def show(self, article_id: str | None) -> None:
        """Build the section for ``article_id`` and put it on show in place of the old one."""
        old = list(self.children)
        try:
            if not article_id:
                raise ValueError("no article is chosen; choose one in the list above")
            result = self.build(article_id)
            parts = list(result) if isinstance(result, (list, tuple)) else [result]
            self.error = ""
        except Exception as exc:  # noqa: BLE001 - the lesson carries on with a plain sentence
            parts = [_error_widget(exc)]
            self.error = f"{type(exc).__name__}: {exc}"
        children = [_as_widget(p) for p in parts]
        self.tools = [c for c in children if hasattr(c, "activity") and hasattr(c, "data")]
        self.article_id = article_id
        self.children = tuple(children)
        for w in old:
            _retire(w)


def _as_widget(part: Any):
    if isinstance(part, ipywidgets.Widget):
        return part
    from .widgets.live import to_outputs

    out = ipywidgets.Output()
    out.outputs = tuple(to_outputs(part))
    return out


def _error_widget(exc: BaseException):
    from .widgets.live import error_output

    out = ipywidgets.Output()
    out.outputs = (error_output(exc),)
    return out


def _retire(widget: Any) -> None:
    """Take a tool off show. A live view stops; a course widget is closed, unless it holds work
    typed before a learner id was chosen (it stays open, so that work is saved when one is)."""
    if getattr(widget, "pending_edits", False):
        return
    try:
        widget.close()
    except Exception:  # noqa: BLE001 - an already closed widget
        pass


def follow(picker: Any, build: Callable[[str], Any]) -> FollowArticle:
    """The tools ``build(article_id)`` returns, for the article chosen in ``picker``, built again
    when the choice changes. ``build`` returns a widget, or a list of widgets, tables and strings::

        own.follow(picker, own.labels_section)
    """
    return FollowArticle(picker, build)


# ---------------------------------------------------------------- lesson 04's sections

#: The provenance questions asked in lesson 04 (a subset of lesson 01's checklist).
PROVENANCE_IDS = ("publisher", "author", "date", "original")


def about_section(article_id: str) -> list:
    """Which article is chosen, its details, and its first lines."""
    art = data.load_article(article_id)
    n = plural(len(art.body_sentences()), "sentence")
    return [f"Chosen article: {article_id} ({n} to label)", details(art),
            "Its first lines (you read the whole text in sections 4 and 5):",
            html_table(art.to_frame(), ["sentence", "text"], max_rows=3)]


def provenance_section(article_id: str) -> list:
    """Lesson 01's checklist (four questions) and, under it, which answers still lack evidence."""
    from .widgets import PROVENANCE_QUESTIONS, ProvenanceChecklist, live

    questions = [q for q in PROVENANCE_QUESTIONS if q["id"] in PROVENANCE_IDS]
    checklist = ProvenanceChecklist(article_id, questions=questions)
    return [checklist, "Which answers still lack evidence (it updates as you answer):",
            live(checklist, provenance_view)]


def labels_section(article_id: str) -> list:
    """The sentence labeller and, under it, your labels next to the signals' guess."""
    from . import reporting
    from .widgets import SentenceLabeller, live

    labeller = SentenceLabeller(article_id, reporting.LABELS, label_set="reporting")
    signals = signals_for(article_id)
    return [labeller, signals_note(article_id), live(labeller, lambda lab: labels_view(lab, signals))]


def marks_section(article_id: str) -> list:
    """The phrase marker and, under it, your marks with the signals on the same words."""
    from . import reporting
    from .widgets import PhraseMarker, live

    marker = PhraseMarker(article_id, reporting.phrase_categories())
    return [marker, "Your marks, with the signals on the same words (a phrase they miss can still be loaded):",
            live(marker, marks_view)]


def ledger_section(article_id: str) -> list:
    """The claim ledger and, under it, what is filled in and what is still open."""
    from .widgets import ClaimLedger, live

    ledger = ClaimLedger(article_id)
    return [ledger, live(ledger, ledger_view)]


def _detail_value(key: str, value: Any) -> Any:
    """A manifest value as a reader should see it: yes/no, not Python's True/False; an added
    article's kind and notes in words that do not say who added it (a learner may have)."""
    from .articles import ADDED_KIND, TEACHER_KIND

    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "kind" and value == TEACHER_KIND:
        return ADDED_KIND
    if key == "notes" and isinstance(value, str):  # manifests written before the wording changed
        return _OLD_ADDED_NOTE.sub("Added from ", value)
    return value


def details(article: Any):
    """The article's details (title, publisher, author, date, URL, language...) as a two-column table."""
    import pandas as pd

    meta = _article(article).meta
    rows = [(name, _detail_value(key, meta[key])) for key, name in DETAIL_FIELDS.items()
            if meta.get(key) not in (None, "")]
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
                "updates at once."]  # the signals' note is shown once, above (labels_section)
    if not is_english(art):
        return [f"You labelled {len(table)} of {total}.", html_table(table, ["sentence", "text", "your label"])]
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


#: What learners type in the ledger's evidence box when no evidence is offered.
_NONE_WORDS = frozenset({"", "none", "no", "nothing", "n/a", "na", "-", "--", "?", "none offered", "no evidence",
                         "not given", "none given", "not stated", "unknown"})


def _no_evidence(text: str) -> bool:
    """True when the evidence box says there is none ("", "none", "no evidence", "-" ...)."""
    return " ".join(str(text).lower().replace(".", " ").split()) in _NONE_WORDS


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
    bare = table[(table["status"].astype(str).str.strip() == "supported")
                 & table["evidence"].astype(str).map(_no_evidence)]
    if len(bare):
        which = ", ".join(str(c).strip() or "?" for c in bare["claim"].head(3))
        text += (f" {plural(len(bare), 'claim')} marked supported {'has' if len(bare) == 1 else 'have'} no evidence "
                 f"offered ({shorten(which, 80)}): supported means evidence backs the claim, so with none "
                 "'unsupported' or 'cannot tell yet' fits better.")
    return [text, html_table(table, ["sentence", "claim", "claimant", "evidence", "confirm", "status"],
                             names={"confirm": "who could confirm"})]

"""The key as a table, and a learner's labels next to the key and the signals (lesson 02
sections 4-5 and the exercise's feedback)."""
from __future__ import annotations

from typing import Any, Iterable

from .. import data
from ..display import agree, plural
from .labels import EXERCISE_ARTICLE, EXERCISE_SENTENCES, statuses
from .learner import learner_labels
from .signals import guess_label, signal_table

_AGREE_ORDER = ("yes", "defensible", "no", "not labelled")


def key_frame(key: dict | None = None, articles: Iterable[str] | None = None):
    """The key as a DataFrame: article, sentence, text, key, also (list), why, statuses (list)."""
    import pandas as pd

    from ..analysis.key import load_key

    key = load_key() if key is None else key
    rows = []
    for aid in (articles or key["articles"]):
        art = data.load_article(aid)
        for s in art.body_sentences():
            entry = key["articles"][aid].get(s.id)
            if entry is None:
                continue
            rows.append((aid, s.id, s.text, entry["label"], list(entry.get("also") or []),
                         entry.get("why", ""), statuses(entry.get("why", ""))))
    return pd.DataFrame(rows, columns=["article", "sentence", "text", "key", "also", "why", "statuses"])


def _agree(learner: str, key: str, also: list[str]) -> str:
    if not learner:
        return "not labelled"
    if learner == key:
        return "yes"
    if learner in also:
        return "defensible"
    return "no"


def compare(learner_labels_: Any, key: Any, cues_table: Any = None, article: str | None = None):
    """Learner labels, key and signals side by side, one row per sentence.

    ``learner_labels_``: anything :func:`learner_labels` accepts. ``key``: an article id, or that
    article's key entries ``{sid: {label, also, why}}`` (then give ``article=``). ``cues_table``:
    the article's :func:`signal_table` (computed when ``None``).
    Columns: sentence, text, learner, key, also, signals, guess, agree ("yes", "defensible",
    "no", "not labelled"), why.
    """
    import pandas as pd

    from ..analysis.key import load_key

    if isinstance(key, str):
        article = key
        key = load_key()["articles"][key]
    if article is None:
        raise ValueError("compare() needs the article id: give key='southfront_2026' or article=...")
    mine = learner_labels(learner_labels_)
    table = signal_table(article, sentences=list(key)) if cues_table is None else cues_table
    by_id = {r["sentence"]: r for r in table.to_dict("records")}
    rows = []
    for sid, entry in key.items():
        sig = by_id.get(sid, {})
        text = sig.get("text") or data.load_article(article).sentence(sid).text
        also = list(entry.get("also") or [])
        learner = mine.get(sid, "")
        rows.append((sid, text, learner, entry["label"], ", ".join(also), sig.get("signals", ""),
                     guess_label(sig) if sig else "", _agree(learner, entry["label"], also), entry.get("why", "")))
    return pd.DataFrame(rows, columns=["sentence", "text", "learner", "key", "also", "signals", "guess", "agree", "why"])


def agreement_counts(table) -> dict[str, int]:
    """How many rows of a :func:`compare` table agree, are defensible, differ or are not labelled."""
    counts = table["agree"].value_counts().to_dict() if len(table) else {}
    return {k: int(counts.get(k, 0)) for k in _AGREE_ORDER}


def describe_comparison(table, key_shown: bool = True) -> str:
    """One plain sentence about a :func:`compare` table (says so when nothing is labelled yet).

    ``key_shown=False`` for tables that hide the key of unlabelled sentences (the exercise).
    (Not to be confused with :func:`medialit.analysis.describe_agreement`, which describes the
    agreement between the learners of a class.)
    """
    c = agreement_counts(table)
    done = c["yes"] + c["defensible"] + c["no"]
    if done == 0:
        shows = "our key and the signals only" if key_shown else "the signals only (the key appears once you label)"
        return (f"You have not labelled any sentence yet: the table shows {shows}. "
                "Label a sentence above and this feedback updates at once.")
    text = (f"You labelled {done} of {plural(len(table), 'sentence')}: {agree(c['yes'], 'matches', 'match')} our key, "
            f"{agree(c['defensible'], 'is an alternative', 'are alternatives')} the key accepts, "
            f"{agree(c['no'], 'differs', 'differ')}.")
    return text + (" Read the 'why' column for the ones that differ." if c["no"] else "")


def key_with_alternatives(key: str, also: str) -> str:
    """The key's label, with the alternatives it accepts: "opinion (also accepted: prediction)"."""
    return f"{key} (also accepted: {also})" if also else key


#: What the ``agree`` column says, in words a learner reads in the comparison table.
AGREE_WORDS = {"yes": "matches the key", "defensible": "accepted alternative", "no": "differs",
               "not labelled": "not labelled yet"}


def labelled_parts(table: Any) -> list:
    """The start of every comparison view, for a :func:`compare` table: one sentence about the
    learner's labels and, if they labelled any, a table of those sentences (the text, their label,
    the key with the alternatives it accepts, the result in words, the key's reason). Adds the
    columns "key (and accepted)" and "result" to ``table``."""
    from ..display import html_table

    table["key (and accepted)"] = [key_with_alternatives(k, a) for k, a in zip(table["key"], table["also"], strict=True)]
    table["result"] = table["agree"].map(AGREE_WORDS)
    parts: list = [describe_comparison(table)]
    mine = table[table["agree"] != "not labelled"]
    if len(mine):
        parts.append(html_table(mine, ["sentence", "text", "learner", "key (and accepted)", "result", "why"],
                                names={"learner": "your label"}))
    return parts


def comparison_view(labeller: Any, article: str, cues_table: Any = None, key: dict | None = None) -> list:
    """What lesson 02 shows under a labeller, redrawn live (``ml.live``): one sentence about your
    labels, a table of the sentences you labelled (your label, the key with the alternatives it
    accepts, the result, the key's reason in full) and, folded, our key and the signals' guess for
    every sentence. ``key``: that article's key entries (default: the course's key)."""
    from ..display import html_table

    table = compare(labeller, article if key is None else key, cues_table, article=article)
    parts = labelled_parts(table)
    parts.append(html_table(table, ["sentence", "text", "key (and accepted)", "guess", "why"],
                            names={"guess": "signals' guess"},
                            fold=f"Show our key and the signals' guess for all {plural(len(table), 'sentence')}"))
    return parts


def exercise_feedback(source: Any):
    """Per-sentence feedback for the exercise passage: :func:`compare` on seed 002 s004-s017.

    The key, its alternatives, the signals' guess and the reason are shown only for sentences the
    learner has labelled, so the table never gives the answers away in advance.
    """
    from ..analysis.key import load_key

    entries = load_key()["articles"][EXERCISE_ARTICLE]
    passage = {sid: entries[sid] for sid in EXERCISE_SENTENCES}
    table = compare(learner_labels(source, EXERCISE_SENTENCES), passage,
                    signal_table(EXERCISE_ARTICLE, sentences=EXERCISE_SENTENCES), article=EXERCISE_ARTICLE)
    hidden = table["agree"] == "not labelled"
    table.loc[hidden, ["key", "also", "guess", "why"]] = ""
    return table

"""Lesson 02 in one class period (issue 16): the passage labelled in class, the "predict the
signals" step, and what the lesson's key buttons (``ml.KeyReveal``) show.

* In class, learners label sentences s002-s017 of seed 000 (:data:`CLASS_SENTENCES`, 16 of its
  23 body sentences, with every label of the lesson but "quotation", which seed 000 never uses);
  sentences s006-s014 of seed 001 are in the exercise's optional "After class" part.
* Before the signals are shown, learners write which words of two sentences they expect the
  signals to flag (:data:`PREDICT_QUESTION`, saved through ``check()``). :func:`prediction_view`
  then sets their prediction -- the first answer kept when they opened the signals -- beside
  what :mod:`medialit.cues` flags.
"""
from __future__ import annotations

import re
from typing import Any

from .labels import EXERCISE_ARTICLE, EXERCISE_SENTENCES


CLASS_ARTICLE = "southfront_2026"
CLASS_SENTENCES = tuple(f"s{n:03d}" for n in range(2, 18))
PREDICT_QUESTION = "02-predict-signals"
PREDICT_SENTENCES = ("s008", "s013")
_SPLIT = re.compile(r"[,;\n]+|\s+(?:and|or)\s+")


#: The optional "After class" part of the exercise: the core of seed 001.
AFTER_CLASS = {"voltaire_2024": tuple(f"s{n:03d}" for n in range(6, 15))}
#: Every passage learners label in lesson 02 and its exercise: tables shown on Run All leave them
#: out, so no key label of a sentence to label is printed before its key is opened.
LABELLED = {CLASS_ARTICLE: CLASS_SENTENCES, EXERCISE_ARTICLE: EXERCISE_SENTENCES, **AFTER_CLASS}


def class_key(article: str = CLASS_ARTICLE, sentences=CLASS_SENTENCES) -> dict:
    """Our key's entries for a passage (default: the one labelled in class), ``{sid: {label, also, why}}``."""
    from ..analysis.key import load_key

    entries = load_key()["articles"][article]
    return {sid: entries[sid] for sid in sentences}


def class_comparison(labeller: Any, article: str = CLASS_ARTICLE, sentences=CLASS_SENTENCES) -> list:
    """Your labels of a passage next to our key and the signals (``ml.live`` render): one
    sentence, a table of the sentences you labelled (text, your label, our key with the labels it
    also accepts, the result, our reason) and, folded, our key for the ones you have not labelled
    yet (without their text, which the labeller above shows)."""
    from ..display import html_table, plural
    from .compare import compare, labelled_parts

    table = compare(labeller, class_key(article, sentences), article=article)
    parts = labelled_parts(table)
    rest = table[table["agree"] == "not labelled"]
    if len(rest):
        parts.append(html_table(rest, ["sentence", "key (and accepted)", "guess", "why"],
                                names={"guess": "signals' guess"},
                                fold=f"Show our key for the {plural(len(rest), 'sentence')} you have not labelled"))
    return parts


def class_key_view(labeller: Any):
    """What the "show our key" button of section 3 opens: the live comparison, then the live mix
    chart (our key, your labels, the signals' guess), both redrawn as you change a label."""
    import ipywidgets

    from ..widgets import live
    from .mix import mix_view

    return ipywidgets.VBox([live(labeller, class_comparison),
                            live({CLASS_ARTICLE: labeller}, mix_view, delay=0.5)])


def after_class_key_view(labeller: Any, article: str):
    """What a "show our key" button of the exercise's After class part opens: the live comparison
    for that article's passage in :data:`AFTER_CLASS`."""
    from ..widgets import live

    return live(labeller, lambda lab: class_comparison(lab, article, AFTER_CLASS[article]))


def predicted_words(text: Any) -> list[str]:
    """The words or phrases of a written prediction: split at commas, semicolons, line breaks and
    "and"/"or"; quotation marks, sentence ids and blanks dropped; lower case; no repeats."""
    out: list[str] = []
    for part in _SPLIT.split(str(text or "")):
        word = re.sub(r"\bs0\d\d\b:?", " ", part).strip(" \t\"'“”‘’«».!?:()[]").casefold()
        word = " ".join(word.split())
        if word and word not in out:
            out.append(word)
    return out


def _matches(predicted: str, flagged: str) -> bool:
    flagged = flagged.casefold().strip("\"'“”‘’")
    return predicted == flagged or (len(predicted) >= 3 and (predicted in flagged or flagged in predicted))


def prediction_table(prediction: Any):
    """One row per signal hit in :data:`PREDICT_SENTENCES`: sentence, rule, the words flagged,
    and whether your prediction named them ("yes"/"no")."""
    import pandas as pd

    from .. import cues, data

    art = data.load_article(CLASS_ARTICLE)
    mine = predicted_words(prediction)
    rows = []
    for sid in PREDICT_SENTENCES:
        for hit in cues.scan([art.sentence(sid).text]).to_dict("records"):
            named = any(_matches(p, hit["text"]) for p in mine)
            rows.append((sid, hit["rule"], hit["text"], "yes" if named else "no"))
    return pd.DataFrame(rows, columns=["sentence", "rule", "flagged words", "you predicted"])


def describe_prediction(prediction: Any, table) -> str:
    """One plain sentence comparing a prediction with the signals' hits."""
    mine = predicted_words(prediction)
    # each word or phrase once, even when two rules fired on it ("reckless": loaded and evaluative)
    once = table.assign(_key=table["flagged words"].str.lower()).drop_duplicates(["sentence", "_key"])
    flagged = list(once["flagged words"])
    if not mine:
        return (f"You made no prediction before opening the signals. They flagged {len(flagged)} words or phrases "
                "in the two sentences: read which rule fired on which words.")
    found = int((once["you predicted"] == "yes").sum())
    missed = [p for p in mine if not any(_matches(p, f) for f in flagged)]
    text = (f"You predicted {len(mine)} words or phrases; the signals flagged {len(flagged)}, and you named "
            f"{found} of them.")
    if missed:
        text += " You expected these too, but no rule fired on them: " + ", ".join(missed) + "."
    return text + " Where do you and the signals differ, and why?"


def saved_prediction(question_id: str = PREDICT_QUESTION) -> str:
    """The prediction kept as the learner's first answer (else their latest one, else "")."""
    from .. import store

    try:
        record = store.get_activity(f"check:{question_id}")
    except (store.StoreError, store.LearnerIdError, OSError):
        return ""
    record = record or {}
    for part in (record.get("first"), record.get("data")):
        if isinstance(part, dict) and isinstance(part.get("answer"), str):
            return part["answer"]
    return ""


def prediction_view(question_id: str = PREDICT_QUESTION) -> list:
    """What the "show the signals" button of section 4 opens: your prediction, then the signals'
    hits in the two sentences with "you predicted" yes/no."""
    from ..display import html_table

    prediction = saved_prediction(question_id)
    table = prediction_table(prediction)
    return [describe_prediction(prediction, table),
            html_table(table, ["sentence", "rule", "flagged words", "you predicted"])]

"""First answers against the key (issue 16, "commit before the key").

A learner's first answers are their work at the moment they opened a key (``ml.KeyReveal``), or
their first ``check()`` answer to a question answered in one go; later edits are kept separately
(:func:`medialit.store.freeze_first`). :func:`first_answer_agreement` sets, per activity,
agreement of the first answers with the key next to agreement of the final answers of the same
learners, so a teacher sees how much of the final agreement came after the key was open.

* sentence labels: the share of labelled sentences whose label is the key's label or an
  alternative the key accepts (``also``), over the key's sentences;
* phrase marks: of our phrase key's spans a learner marked, the share marked with the key's
  category or one it also accepts;
* ``check()`` questions: the share of answers marked correct when they were given (written
  answers are never marked, so they are left out); for a ``labels`` question (labels checked
  sentence by sentence), the share of sentences whose first label the key accepts.
"""
from __future__ import annotations

import math

from ..display import plural
from .key import key_table, resolve_key
from .loading import ClassData

COLUMNS = ["activity", "kind", "learners", "first compared", "first agreement", "final compared",
           "final agreement"]


def _share(hits, n) -> float:
    return float(hits) / n if n else math.nan


def _label_rows(cls: ClassData, key) -> list[tuple]:
    import numpy as np

    first, final = cls.first_labels, cls.labels
    if first is None or first.empty:
        return []
    kt = key_table(key)[["article", "sentence", "label", "also"]].rename(columns={"label": "key"})
    rows = []
    for activity, f in first.groupby("activity", sort=True):
        learners = set(f["learner"])
        later = final[(final["activity"] == activity) & final["learner"].isin(learners)]
        scores = []
        for part in (f, later):
            m = part[part["label"].str.strip() != ""].merge(kt, on=["article", "sentence"], how="inner")
            ok = np.array([lab == k or lab in also for lab, k, also in zip(m["label"], m["key"], m["also"], strict=True)],
                          dtype=bool)
            scores.append((len(m), _share(ok.sum(), len(m))))
        rows.append((activity, "sentence labels", len(learners), *scores[0], *scores[1]))
    return rows


def _label_items(texts, accepted: dict) -> tuple[int, float]:
    """``(items compared, share accepted)`` of labels answers (JSON ``{sid: label}`` texts) against
    a labels question's key ``{sid: label or [label, alternatives...]}``."""
    import json

    from ..feedback import norm

    n = ok = 0
    for text in texts:
        try:
            answer = json.loads(text)
        except (TypeError, ValueError):
            continue
        for sid, label in (answer.items() if isinstance(answer, dict) else ()):
            if sid in accepted and isinstance(label, str) and label.strip():
                want = accepted[sid] if isinstance(accepted[sid], list) else [accepted[sid]]
                n += 1
                ok += norm(label) in {norm(a) for a in want}
    return n, _share(ok, n)


def _labels_question(activity: str) -> dict | None:
    """The key of a ``labels`` check question (``check:<id>``), or None."""
    from .. import feedback

    q = feedback.questions().get(activity.split(":", 1)[1] if activity.startswith("check:") else activity)
    return q["answer"] if q and q.get("type") == "labels" and isinstance(q.get("answer"), dict) else None


def _check_rows(cls: ClassData) -> list[tuple]:
    first, final = cls.first_checks, cls.checks
    if first is None or first.empty:
        return []
    rows = []
    for activity, f in first.groupby("activity", sort=True):
        accepted = _labels_question(activity)
        if accepted is not None:  # a labels question: the first label of each sentence
            learners = set(f["learner"])
            later = final[(final["activity"] == activity) & final["learner"].isin(learners)]
            rows.append((activity, "labels question", len(learners), *_label_items(f["answer"], accepted),
                         *_label_items(later["answer"], accepted)))
            continue
        f = f[f["correct"].map(lambda v: isinstance(v, bool))]
        if f.empty:
            continue  # written answers: never marked
        learners = set(f["learner"])
        later = final[(final["activity"] == activity) & final["learner"].isin(learners)]
        later = later[later["correct"].map(lambda v: isinstance(v, bool))]
        rows.append((activity, "check question", len(learners), len(f), _share(sum(f["correct"]), len(f)),
                     len(later), _share(sum(later["correct"]), len(later))))
    return rows


def _mark_share(marks, phrase_key) -> tuple[int, float]:
    """``(key phrases marked, share with the key's category or one it accepts)`` over learners."""
    from ..reporting.phrases import compare_marks

    n = ok = 0
    for _learner, rows in marks.groupby("learner"):
        table = compare_marks(rows[["start", "end", "category"]].to_dict("records"), phrase_key)
        marked = table[~table["result"].isin(["not marked", "not in our key"])]
        n += len(marked)
        ok += int(marked["result"].isin(["same category", "defensible category"]).sum())
    return n, _share(ok, n)


def _mark_rows(cls: ClassData) -> list[tuple]:
    first = cls.first_marks
    if first is None or first.empty:
        return []
    from ..reporting.phrases import load_phrase_key

    phrase_key = load_phrase_key()
    rows = []
    for activity, f in first[first["article"] == phrase_key["article"]].groupby("activity", sort=True):
        learners = set(f["learner"])
        later = cls.marks[(cls.marks["activity"] == activity) & cls.marks["learner"].isin(learners)]
        rows.append((activity, "phrase marks", len(learners), *_mark_share(f, phrase_key),
                     *_mark_share(later, phrase_key)))
    return rows


def first_answer_agreement(cls: ClassData, key: dict | None = None):
    """One row per activity with first answers: ``activity, kind, learners, first compared, first
    agreement, final compared, final agreement`` (agreements are shares 0-1; NaN when nothing
    could be compared). ``key``: the sentence-label key (default: the course's)."""
    import pandas as pd

    key = resolve_key(key)
    rows = _label_rows(cls, key) + _mark_rows(cls) + _check_rows(cls)
    return pd.DataFrame(rows, columns=COLUMNS)


def describe_first_answers(table) -> str:
    """One plain sentence about :func:`first_answer_agreement`."""
    if table is None or table.empty:
        return ("No first answers yet: they are kept when learners open a key in the lessons (or give "
                "their first answer to a marked question), so this table fills as the class works.")
    both = table.dropna(subset=["first agreement", "final agreement"])
    if both.empty:
        return (f"First answers were kept for {plural(len(table), 'activity', 'activities')}, but none could be "
                "compared with the key yet.")
    gain = both["final agreement"] - both["first agreement"]
    top = both.loc[gain.idxmax()]
    return (f"First answers were kept for {plural(len(table), 'activity', 'activities')}. Agreement with the key before the key was "
            f"open ranged from {both['first agreement'].min():.0%} to {both['first agreement'].max():.0%}; the "
            f"largest rise after it was open is in {top['activity']} ({top['first agreement']:.0%} first, "
            f"{top['final agreement']:.0%} final). Final answers made after seeing the key show what learners "
            "copied or corrected, not what they knew.")

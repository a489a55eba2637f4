"""Tables an instructor reads: progress, comparison with the key, confusion matrix, checks,
learners' written answers and free text (always HTML-escaped for display) and a gradebook summary.

Written (``free``) check answers are never counted as right or wrong, whatever the file says
(medialit 0.1 saved ``"correct": true`` for a long enough one): :func:`free_answers` lists every
one in full, with its word count and the key's points as a checklist for the teacher to tick.

Every function returns a pandas DataFrame; the matching plots are in
:mod:`medialit.analysis.plots`.
"""
from __future__ import annotations

import math

import numpy as np

from .. import data as _data
from ..display import SafeHTML
from ..display import html_table as _html_table
from ..schema import PROVENANCE_IDS  # the checklist question ids
from .agreement import current_labels
from .key import KeyFileError, key_labels, key_table, resolve_key
from .loading import ClassData, course_articles

COMPLETE, PARTIAL, NOT_STARTED = "complete", "partly done", "not started"
#: The ``learner`` of :func:`compare_with_key`'s last row, the whole class: a space and brackets
#: make it a name that no learner id can be (:func:`medialit.store.validate_learner_id`), so a
#: learner called "class" is never mistaken for it.
CLASS_TOTAL = "(whole class)"
#: How :func:`free_answers` shows a written answer's state.
SAVED_FOR_TEACHER, TOO_SHORT = "saved for teacher", "too short"
FREE_COLUMNS = ["learner", "question", "words", "status", "answer", "checklist"]


def _body_counts(cls: ClassData | None = None) -> dict:
    """Body sentences per article: the course's, and the learners' own articles their files carry."""
    out = {a: v.n_body for a, v in course_articles().items()}
    own = None if cls is None else cls.own_articles
    if own is not None and len(own):
        out.update(zip(own["article"], own["body_sentences"].astype(int), strict=True))
    return out


def progress(cls: ClassData):
    """What each learner has done: one row per learner, one column per task, values 0 to 1.

    Tasks: ``labels <article>`` (sentences labelled), ``checklist <article>`` (provenance questions
    answered), ``marks <article>`` and ``claims <article>`` (1 if at least one phrase mark / claim row,
    else 0) and ``checks`` (share of the check questions anyone in the class answered). Labels and
    checklist questions are counted out of the most that any learner of the class did for that
    article (a lesson asks for some of an article's sentences and questions, not all: a learner who
    did all that was asked shows 1, as the most careful classmate does); a learner's own article
    (lesson 04, carried in their hand-in) is counted out of all its body sentences. Tasks nobody
    started are left out.
    """
    import pandas as pd

    learners = list(cls.learners["learner"])
    cols = {}
    body = _body_counts(cls)
    cur = current_labels(cls)
    if len(cur):
        g = cur.groupby(["article", "learner"]).size()
        for article in sorted(cur["article"].unique()):
            most = min(int(g.loc[article].max()), max(body.get(article, 1), 1))
            if cls.is_own_article(article):
                most = max(body.get(article, 1), 1)  # the learner's own article: all its body sentences
            cols[f"labels {article}"] = (g.loc[article] / max(most, 1)).clip(upper=1.0)
    if len(cls.provenance):
        p = cls.provenance[cls.provenance["question"].isin(PROVENANCE_IDS)]
        p = p.drop_duplicates(["learner", "article", "question"])
        g = p.groupby(["article", "learner"]).size()
        for article in sorted(p["article"].unique()):
            cols[f"checklist {article}"] = g.loc[article] / max(int(g.loc[article].max()), 1)
    for name, df in (("marks", cls.marks), ("claims", cls.claims)):
        if len(df):
            g = df.groupby(["article", "learner"]).size()
            for article in sorted(df["article"].unique()):
                cols[f"{name} {article}"] = (g.loc[article] > 0).astype(float)
    if len(cls.checks):
        nq = cls.checks["question"].nunique()
        cols["checks"] = cls.checks.drop_duplicates(["learner", "question"]).groupby("learner").size() / nq
    out = pd.DataFrame({k: v.reindex(learners) for k, v in cols.items()}, index=pd.Index(learners, name="learner"))
    return out.fillna(0.0)


def progress_summary(prog) -> "object":
    """Per task: how many learners completed it, partly did it, or did not start."""
    import pandas as pd

    rows = []
    for task in prog.columns:
        v = prog[task]
        rows.append({"task": task, COMPLETE: int((v >= 0.999).sum()),
                     PARTIAL: int(((v > 0) & (v < 0.999)).sum()), NOT_STARTED: int((v <= 0).sum())})
    return pd.DataFrame(rows, columns=["task", COMPLETE, PARTIAL, NOT_STARTED])


def least_done(prog, n: int = 5):
    """The ``n`` learners who have done least (mean share over :func:`progress`'s tasks), one row
    each: ``learner``, ``done`` ("16%"), ``not started`` and ``partly done`` (the tasks, as text).
    Narrow enough to read without scrolling sideways, however many tasks the class has."""
    import pandas as pd

    cols = ["learner", "done", "not started", "partly done"]
    if prog is None or not len(prog):
        return pd.DataFrame(columns=cols)
    overall = prog.mean(axis=1).sort_values(kind="stable")
    rows = []
    for learner in overall.index[:n]:
        v = prog.loc[learner]
        rows.append((learner, f"{overall[learner]:.0%}", ", ".join(v.index[v <= 0]) or "none",
                     ", ".join(f"{t} ({v[t]:.0%})" for t in v.index[(v > 0) & (v < 0.999)]) or "none"))
    return pd.DataFrame(rows, columns=cols)


def compare_with_key(cls: ClassData, key: dict | None = None, article: str | None = None):
    """Each learner's agreement with the key, and the class's (last row, ``learner ==`` :data:`CLASS_TOTAL`).

    ``exact``: the learner's label is the key's ``label``. ``accepted``: it is the key's label or
    one of the key's ``also`` alternatives (defensible answers), so ``accuracy accepted`` >=
    ``accuracy``. Only sentences that are in the key and that the learner labelled are compared.
    ``key``: a dict, a key's name (the course's or a teacher's checked key) or a path; None: the
    course's key.
    """
    import pandas as pd

    key = resolve_key(key)
    kt = key_table(key)
    cur = current_labels(cls, (key or {}).get("label_set") if key else None)
    if article is not None:
        cur, kt = cur[cur["article"] == article], kt[kt["article"] == article]
    m = cur.merge(kt.rename(columns={"label": "key"}), on=["article", "sentence"], how="inner")
    m["exact"] = m["label"] == m["key"]
    in_also = np.array([lab in also for lab, also in zip(m["label"], m["also"], strict=False)], dtype=bool)
    m["accepted"] = m["exact"].to_numpy(dtype=bool) | in_also
    g = m.groupby("learner").agg(compared=("exact", "size"), exact=("exact", "sum"), accepted=("accepted", "sum"))
    g = g.reindex(cls.learners["learner"], fill_value=0)
    g.index.name = "learner"
    total = g.sum().to_frame(CLASS_TOTAL).T
    g = pd.concat([g, total]).astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        g["accuracy"] = np.where(g["compared"] > 0, g["exact"] / g["compared"].where(g["compared"] > 0, 1), math.nan)
        g["accuracy accepted"] = np.where(g["compared"] > 0, g["accepted"] / g["compared"].where(g["compared"] > 0, 1), math.nan)
    g["key sentences"] = len(kt)
    return g.reset_index(names="learner")[["learner", "key sentences", "compared", "exact", "accepted",
                                           "accuracy", "accuracy accepted"]]


def confusion_matrix(cls: ClassData, key: dict | None = None, learner: str | None = None,
                     article: str | None = None):
    """Rows: the key's label; columns: the label learners gave; cells: number of labels.

    Compares with the key's ``label`` only (not ``also``). ``learner``/``article`` narrow it down.
    ``key`` as in :func:`compare_with_key`.
    """
    import pandas as pd

    key = resolve_key(key)
    kt = key_table(key)
    cur = current_labels(cls, (key or {}).get("label_set") if key else None)
    if learner is not None:
        cur = cur[cur["learner"] == learner]
    if article is not None:
        cur = cur[cur["article"] == article]
    m = cur.merge(kt.rename(columns={"label": "key"}), on=["article", "sentence"], how="inner")
    order = key_labels(key)
    given = order + sorted(set(m["label"]) - set(order))
    tab = pd.crosstab(pd.Categorical(m["key"], categories=order),
                      pd.Categorical(m["label"], categories=given), dropna=False)
    tab.index.name, tab.columns.name = "key label", "learners' label"
    return tab.astype(int)


def _free_questions() -> dict:
    """The course's free-text check questions by id (empty when the keys cannot be read: then a
    check counts as written when its ``correct`` is empty)."""
    from ..feedback import questions

    try:
        return {qid: q for qid, q in questions().items() if q.get("type") == "free"}
    except (_data.DataError, OSError, KeyError, TypeError, ValueError):
        return {}


def _latest_checks(cls: ClassData):
    """Each learner's last answer to each check question, with ``free`` (a written answer: its
    question is a free-text question in the keys, or it was saved unmarked) and ``correct``
    emptied for written answers, so that no written answer counts as right or wrong."""
    c = cls.checks.drop_duplicates(["learner", "question"], keep="last")
    free_ids = set(_free_questions())
    free = c["question"].isin(free_ids) | c["correct"].isna()
    correct = c["correct"].astype(object).where(~free, None)
    return c.assign(free=free.astype(bool), correct=correct)


def _checklist(points) -> str:
    """The key's points as boxes to tick: "☐ the date; ☐ the place"."""
    return "; ".join(f"☐ {' '.join(str(p).split())}" for p in points or [] if str(p).strip())


def _word_counts(texts) -> list[int]:
    """Words in each text (runs of non-blank characters, as ``check()`` counts them)."""
    return [len(str(t).split()) for t in texts.tolist()]


def free_answers(cls: ClassData, learner: str | None = None):
    """Every written (free-text) check answer in full, one row per learner and question (the
    last saved), sorted by question: ``learner, question, words, status, answer, checklist``.

    ``status`` is "saved for teacher", or "too short" below the key's ``min_words`` (the learner
    was told, and the answer is kept); ``checklist`` is the key's points as boxes to tick. Files of
    earlier releases that marked a written answer correct are listed too. The answer is as the
    learner wrote it: show it with :func:`html_table` (which escapes it), never as raw HTML.
    """
    import pandas as pd

    written = _skillcheck_written(cls, learner)
    if cls.checks.empty:
        return written if len(written) else pd.DataFrame(columns=FREE_COLUMNS)
    c = _latest_checks(cls)
    c = c[c["free"]]
    if learner is not None:
        c = c[c["learner"] == learner]
    qs = _free_questions()
    asked = {q: qs.get(q) or {} for q in c["question"].unique()}
    need = {q: int(spec.get("min_words", 1) or 1) for q, spec in asked.items()}
    boxes = {q: _checklist(spec.get("points")) for q, spec in asked.items()}
    words, qids = _word_counts(c["answer"]), c["question"].tolist()
    out = pd.DataFrame({
        "learner": c["learner"].to_numpy(), "question": c["question"].to_numpy(), "words": words,
        "status": [TOO_SHORT if w < need[q] else SAVED_FOR_TEACHER for w, q in zip(words, qids, strict=True)],
        "answer": c["answer"].to_numpy(), "checklist": [boxes[q] for q in qids],
    }, columns=FREE_COLUMNS)
    if len(written):
        out = pd.concat([out, written], ignore_index=True) if len(out) else written
    return out.sort_values(["question", "learner"], kind="stable").reset_index(drop=True)


def _skillcheck_written(cls: ClassData, learner: str | None = None):
    """The skills check's written answers (the item the teacher scores with its rubric), in the
    columns of :func:`free_answers`: ``question`` names the check and the item ("skills check
    before, form A: A-write"), ``checklist`` gives the rubric's scores 2, 1 and 0."""
    import pandas as pd

    records = getattr(cls, "skillchecks", None)
    if records is None or records.empty:
        return pd.DataFrame(columns=FREE_COLUMNS)
    from .. import skillcheck

    rows, items = [], {}
    for rec in records.itertuples(index=False):
        text = str(rec.written or "")
        if not text.strip() or (learner is not None and rec.learner != learner):
            continue
        form = str(rec.form)
        if form not in items:  # each form read once, not once per learner
            try:
                items[form] = skillcheck.load_form(form).written_item
            except Exception:  # noqa: BLE001 - an unknown form: the answer is still shown, without a rubric
                items[form] = None
        item = items[form]
        rubric = "; ".join(f"{score}: {' '.join(item.rubric[score].split())}" for score in sorted(item.rubric, reverse=True)) \
            if item is not None else ""
        where = f"skills check {rec.phase}, form {rec.form}" + (f": {item.id}" if item is not None else "")
        n = len(text.split())
        rows.append((rec.learner, where, n, SAVED_FOR_TEACHER, text, rubric))
    return pd.DataFrame(rows, columns=FREE_COLUMNS)


def check_results(cls: ClassData):
    """Per check question: learners who answered, how many answers were marked right or wrong
    (written answers to free-text questions are never marked), how many were right, and the
    share right of those marked."""
    import pandas as pd

    cols = ["question", "answered", "marked", "right", "share right"]
    if cls.checks.empty:
        return pd.DataFrame(columns=cols)
    c = _latest_checks(cls)
    c = c.assign(_marked=c["correct"].map(lambda v: v is True or v is False),
                 _right=c["correct"].map(lambda v: v is True))
    g = c.groupby("question").agg(answered=("learner", "size"), marked=("_marked", "sum"), right=("_right", "sum"))
    g["share right"] = (g["right"] / g["marked"].where(g["marked"] > 0)).astype(float)
    return g.reset_index()[cols].astype({"answered": int, "marked": int, "right": int})


def free_text(cls: ClassData, learner: str | None = None):
    """Everything a learner wrote in their own words: first every written answer to a free-text
    check question (in full, as in :func:`free_answers`), then every non-empty note, evidence and
    claim. Columns ``learner, where, field, text, words, checklist`` (``checklist``: the key's
    points, for written answers only).

    The text is as the learner wrote it: show it with :func:`html_table` (which escapes it),
    never as raw HTML.
    """
    import pandas as pd

    fa = free_answers(cls)
    where = fa["question"].where(fa["question"].str.startswith("skills check"), "check " + fa["question"])
    parts = [pd.DataFrame({"learner": fa["learner"], "where": where, "field": "answer",
                           "text": fa["answer"], "checklist": fa["checklist"]})] if len(fa) else []
    spec = [(cls.labels, "sentence", ["note"]), (cls.marks, "mark", ["note"]),
            (cls.provenance, "question", ["evidence"]),
            (cls.claims, "row", ["claim", "claimant", "evidence", "confirm", "note"])]
    for df, item, fields in spec:
        if df.empty:
            continue
        d = df.assign(where=df["article"] + " " + df[item].astype(str))
        long = d.melt(id_vars=["learner", "where"], value_vars=fields, var_name="field", value_name="_text")
        long = long.rename(columns={"_text": "text"})
        parts.append(long[long["text"].str.strip() != ""].assign(checklist=""))
    cols = ["learner", "where", "field", "text", "words", "checklist"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True)
    out["words"] = np.array(_word_counts(out["text"]), dtype=int)
    if learner is not None:
        out = out[out["learner"] == learner]
    return out[cols].reset_index(drop=True)


def html_table(df, max_rows: int = 50, caption: str | None = None) -> SafeHTML:
    """A DataFrame as a table that displays itself, with every cell, header and the caption escaped
    (learners' text can hold ``<script>`` or ``onerror=`` payloads: they show as text and never
    run). The first ``max_rows`` rows are shown (:func:`medialit.display.html_table`)."""
    return _html_table(df, max_rows=max_rows, caption=caption)


def gradebook(cls: ClassData, key: dict | None = None):
    """One row per learner for a gradebook: work done, agreement with the key, checks answered,
    marked and right, and each written answer in full with its word count (``answer <question>``
    and ``words <question>``, one pair per free-text question anyone answered). Written answers
    count as answered, never as marked, right or wrong."""
    key = resolve_key(key)
    lg = cls.learners[["learner", "file", "exported"]].set_index("learner")
    cur = current_labels(cls)
    lg["sentences labelled"] = cur.groupby("learner").size().reindex(lg.index, fill_value=0)
    lg["phrase marks"] = cls.marks.groupby("learner").size().reindex(lg.index, fill_value=0)
    lg["checklist answers"] = cls.provenance.groupby("learner").size().reindex(lg.index, fill_value=0)
    lg["claim rows"] = cls.claims.groupby("learner").size().reindex(lg.index, fill_value=0)
    chk = _latest_checks(cls)
    marked = chk[~chk["free"]]
    lg["checks answered"] = chk.groupby("learner").size().reindex(lg.index, fill_value=0)
    lg["checks marked"] = marked.groupby("learner").size().reindex(lg.index, fill_value=0)
    lg["checks right"] = marked[marked["correct"] == True].groupby("learner").size().reindex(lg.index, fill_value=0)  # noqa: E712
    lg["written answers"] = chk["free"].groupby(chk["learner"]).sum().reindex(lg.index, fill_value=0).astype(int)
    try:
        comp = compare_with_key(cls, key)
        comp = comp[comp["learner"] != CLASS_TOTAL].set_index("learner")
    except KeyFileError:  # no key yet: the rest of the gradebook is still useful
        pass
    else:
        lg["accuracy"] = comp["accuracy"].reindex(lg.index)
        lg["accuracy accepted"] = comp["accuracy accepted"].reindex(lg.index)
    fa = free_answers(cls)
    for qid, rows in fa.groupby("question", sort=True):
        rows = rows.set_index("learner")
        lg[f"answer {qid}"] = rows["answer"].reindex(lg.index).fillna("")
        lg[f"words {qid}"] = rows["words"].reindex(lg.index).fillna(0).astype(int)
    return lg.reset_index()

"""Lesson 02 ("Opinion or reporting?"): the sentence label set, the reference keys, and the
comparisons between a learner's labels, the transparent signals of :mod:`medialit.cues` and our key.

The label set (:data:`LABELS`) has five labels. Reporting is ``attributed report`` and
``quotation``; ``unattributed assertion`` states a fact without a source; ``opinion`` and
``prediction`` are the writer's own view. The reference key (``data/keys/sentence_labels.yaml``)
labels every body sentence of the three case articles, with defensible alternatives (``also``)
a one-line reason (``why``) and, where the reason names a status, the evidence record ids behind it
(``evidence``; open one with ``ml.evidence(id)``).

The signals are words, not meaning. :func:`signal_scores` measures how well each family of
signals matches the key (precision and recall) and :func:`misleading_examples` finds, by code,
the sentences where the signals point the wrong way.

Everything here works on plain dicts and DataFrames, so it runs outside notebooks too.
pandas and matplotlib are imported only inside the functions that need them.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from . import data

#: The label set of lesson 02: name -> one-line definition (the same text as in the key file).
LABELS: dict[str, str] = {
    "attributed report": (
        "Reports a fact, an event or what someone said, in the writer's own words, and names who it "
        "comes from (a person, organisation, document or outlet: 'X said', 'according to Y'). Test: is "
        "the named person the source of the information (they said or wrote it), or only its subject? "
        "Only a source makes it an attributed report."
    ),
    "quotation": (
        "Mainly someone else's exact words in quotation marks, with the speaker named or clear from "
        "the context. The view inside the quote is the speaker's; the sentence reports it."
    ),
    "unattributed assertion": (
        "States something checkable as plain fact but does not say where it comes from. It may be "
        "true or false: the sentence alone gives the reader no way to check."
    ),
    "opinion": (
        "The writer's own judgement: it evaluates, blames or praises, guesses at motives, or uses "
        "loaded words or a rhetorical question to persuade. It cannot be checked as true or false."
    ),
    "prediction": (
        "The writer's guess about the future or about what would happen if something occurred "
        "('will', 'would', 'if ... then'). It cannot be checked yet."
    ),
}

#: One invented example per label (about a town bridge, so that no example gives away the key).
EXAMPLES: dict[str, str] = {
    "attributed report": "The town council said on Monday that the bridge had closed for repairs.",
    "quotation": "\"We expect to reopen the bridge in June,\" the council's engineer told reporters.",
    "unattributed assertion": "The repairs cost twice the original budget.",
    "opinion": "The new bridge is an embarrassing waste of money.",
    "prediction": "If the council keeps spending like this, the town will be bankrupt within a year.",
}

#: Genre-level grouping used in the lesson's first section (SemEval-2023 Task 3 genre labels).
GENRE: dict[str, str] = {
    "attributed report": "reporting",
    "quotation": "reporting",
    "unattributed assertion": "neither: a claim without a source",
    "opinion": "opinion",
    "prediction": "opinion",
}

#: The three case articles labelled in the key, in the order the lesson shows them.
ARTICLES: tuple[str, ...] = ("southfront_2026", "voltaire_2024", "linternaute_mt_2024")
#: Articles the lesson labels with the learner (the exercise uses the passage below).
LESSON_ARTICLES: tuple[str, ...] = ("southfront_2026", "voltaire_2024")
#: The exercise passage: seed 002, sentences s004 to s017 (its first five body paragraphs).
EXERCISE_ARTICLE = "linternaute_mt_2024"
EXERCISE_SENTENCES: tuple[str, ...] = tuple(f"s{n:03d}" for n in range(4, 18))

#: Which key labels count as the "right answer" for each signal family when we score it.
#: A family "fires" on a sentence when it has at least one hit; the sentence is a positive when
#: its key label is in the set. ``opinion`` is the union of the opinion-type families of cues.
TARGETS: dict[str, frozenset[str]] = {
    "attribution": frozenset({"attributed report", "quotation"}),
    "quotes": frozenset({"quotation"}),
    "opinion": frozenset({"opinion", "prediction"}),
    "evaluative": frozenset({"opinion", "prediction"}),
    "loaded": frozenset({"opinion", "prediction"}),
    "intensifiers": frozenset({"opinion", "prediction"}),
    "first_person": frozenset({"opinion", "prediction"}),
    "hedges": frozenset({"prediction", "opinion"}),
    "rhetoric": frozenset({"prediction", "opinion"}),
    "unsourced_numbers": frozenset({"unattributed assertion"}),
    "military_claims": frozenset({"unattributed assertion"}),
}
#: Why each family is paired with those labels (printed by the lesson).
TARGET_REASONS: dict[str, str] = {
    "attribution": "a reporting verb or 'according to' should mean the sentence says where its content comes from",
    "quotes": "quotation marks should mean someone's exact words are reported",
    "opinion": "evaluative, loaded, hedging, first-person, intensifying or rhetorical words should mean the writer's own view",
    "evaluative": "judging words should mean opinion",
    "loaded": "emotionally loaded words should mean opinion",
    "intensifiers": "'very', 'utterly'... should mean the writer is pushing a view",
    "first_person": "'I', 'we' should mean someone gives their own view",
    "hedges": "'may', 'would', 'in all likelihood' should mean a guess",
    "rhetoric": "questions and 'will ... if' forecasts should mean the writer's view or a prediction",
    "unsourced_numbers": "a figure without a source should mean an unattributed assertion",
    "military_claims": "'captured', 'encircled'... should mean a battlefield claim, usually without a source",
}

_STATUS_RE = re.compile(r"\b(CONFIRMED|WRONG|UNCONFIRMED|OPINION)\b")
_AGREE_ORDER = ("yes", "defensible", "no", "not labelled")


class KeyFileError(data.DataError):
    """The key file is malformed (kept as a DataError so callers can catch one type)."""


# ------------------------------------------------------------------------------ the key


def load_key(name: str = "sentence_labels") -> dict:
    """The sentence-label key (``data/keys/<name>.yaml``) after checking that it is well formed.

    Raises :class:`medialit.data.DataError` with a plain message if a label is unknown, an entry
    points to a sentence that does not exist, or a body sentence has no entry.
    """
    key = data.load_yaml(name, "keys")
    problems = validate_key(key)
    if problems:
        raise KeyFileError("The key data/keys/%s.yaml has problems:\n- %s" % (name, "\n- ".join(problems)))
    return key


def validate_key(key: Any, articles: Iterable[str] | None = None) -> list[str]:
    """Every problem of a sentence-label key, as plain sentences (an empty list means it is fine).

    Checks: the label set, that each ``label``/``also`` is a known label, that every body sentence
    of each article has an entry, and that every entry points to an existing body sentence.
    """
    problems: list[str] = []
    if not isinstance(key, dict) or not isinstance(key.get("articles"), dict):
        return ["The key needs an 'articles:' mapping."]
    labels = key.get("labels")
    if not isinstance(labels, dict) or not labels:
        problems.append("The key needs a 'labels:' mapping of label -> definition.")
        labels = {}
    wanted = list(articles) if articles is not None else list(key["articles"])
    for aid in wanted:
        entries = key["articles"].get(aid)
        if not isinstance(entries, dict):
            problems.append(f"Article '{aid}' has no entries in the key.")
            continue
        try:
            body = [s.id for s in data.load_article(aid).body_sentences()]
        except data.DataError as exc:
            problems.append(str(exc))
            continue
        for sid in body:
            if sid not in entries:
                problems.append(f"{aid} {sid} is a body sentence but has no key entry.")
        for sid, entry in entries.items():
            if sid not in body:
                problems.append(f"{aid} {sid} has a key entry but is not a body sentence of the article.")
            if not isinstance(entry, dict):
                problems.append(f"{aid} {sid}: the entry must be a mapping with label, also and why.")
                continue
            if entry.get("label") not in labels:
                problems.append(f"{aid} {sid}: unknown label {entry.get('label')!r}.")
            also = entry.get("also", [])
            if not isinstance(also, list):
                problems.append(f"{aid} {sid}: 'also' must be a list.")
                also = []
            for alt in also:
                if alt not in labels:
                    problems.append(f"{aid} {sid}: unknown alternative label {alt!r}.")
                if alt == entry.get("label"):
                    problems.append(f"{aid} {sid}: 'also' repeats the main label.")
            if not str(entry.get("why", "")).strip():
                problems.append(f"{aid} {sid}: the reason ('why') is empty.")
    return problems


def statuses(why: str) -> list[str]:
    """The statuses (CONFIRMED, WRONG, UNCONFIRMED, OPINION) named in a key reason."""
    return _STATUS_RE.findall(str(why))


def key_frame(key: dict | None = None, articles: Iterable[str] | None = None):
    """The key as a DataFrame: article, sentence, text, key, also (list), why, statuses (list)."""
    import pandas as pd

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


# ------------------------------------------------------------------------------ learner labels


def learner_labels(source: Any, sentences: Iterable[str] | None = None) -> dict[str, str]:
    """A learner's labels as ``{sentence id: label}`` (empty labels dropped).

    ``source`` may be a SentenceLabeller, its ``.data`` dict, a ``{sid: label}`` dict, a
    ``{sid: {"label": ...}}`` dict, or ``None``. ``sentences`` keeps only those ids.
    """
    if source is None:
        return {}
    raw = getattr(source, "data", source)
    if isinstance(raw, dict) and isinstance(raw.get("labels"), dict):
        raw = raw["labels"]
    if not isinstance(raw, Mapping):
        raise TypeError("Give the labeller, its .data, or a dict such as {'s004': 'opinion'}.")
    keep = set(sentences) if sentences is not None else None
    out: dict[str, str] = {}
    for sid, entry in raw.items():
        label = entry.get("label", "") if isinstance(entry, Mapping) else entry
        if isinstance(label, str) and label.strip() and (keep is None or sid in keep):
            out[str(sid)] = label.strip()
    return out


def exercise_answer(source: Any) -> dict[str, str] | None:
    """The learner's labels for the exercise passage, or ``None`` when none is labelled yet
    (so that ``ml.check`` says "not answered yet")."""
    labels = learner_labels(source, EXERCISE_SENTENCES)
    return labels or None


# ------------------------------------------------------------------------------ signals


def _families() -> tuple[str, ...]:
    from . import cues

    return tuple(cues.FAMILIES) + ("opinion",)


def signal_table(article: Any, sentences: Iterable[str] | None = None, quoted: bool = True):
    """One row per body sentence: which signal families fired, and on which words.

    Columns: ``article``, ``sentence``, ``text``, one boolean column per family of
    :mod:`medialit.cues` plus ``opinion`` (any opinion-type family), and ``signals`` (a readable
    list such as ``"loaded.emotive 'cynical'; attribution.verb 'said'"``). With ``quoted=False``
    hits inside quotation marks are ignored (they are the speaker's words, not the writer's).
    """
    import pandas as pd

    from . import cues

    art = data.load_article(article) if isinstance(article, str) else article
    chosen = art.body_sentences()
    if sentences is not None:
        keep = set(sentences)
        chosen = [s for s in chosen if s.id in keep]
    hits = cues.scan(chosen) if chosen else pd.DataFrame(columns=cues.SCAN_COLUMNS)
    if not quoted and len(hits):
        hits = hits[~hits["in_quote"].astype(bool)]
    fams = list(cues.FAMILIES)
    rows = []
    for s in chosen:
        mine = hits[hits["sentence"] == s.id]
        fired = set(mine["family"])
        row = {"article": art.id, "sentence": s.id, "text": s.text}
        for fam in fams:
            row[fam] = fam in fired
        row["opinion"] = bool(fired & set(cues.OPINION_FAMILIES))
        row["opinion_hits"] = int(mine["family"].isin(cues.OPINION_FAMILIES).sum())
        row["signals"] = "; ".join(f"{r.rule} '{_clip(r.text)}'" + (" (in quote)" if r.in_quote else "")
                                   for r in mine.itertuples())
        rows.append(row)
    return pd.DataFrame(rows, columns=["article", "sentence", "text", *fams, "opinion", "opinion_hits", "signals"])


def _count(value: Any) -> int:
    """An integer count from a table cell (missing or NaN -> 0)."""
    try:
        return 0 if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return 0


def _clip(text: str, limit: int = 40) -> str:
    """Shorten long matched text (a whole quotation) for the readable ``signals`` column."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def guess_label(row: Mapping[str, Any]) -> str:
    """The signals' naive guess of a label for one row of :func:`signal_table`.

    A fixed priority, so that it can be explained in one breath: quotation marks -> quotation;
    else an attribution cue -> attributed report; else a hedge or a prediction cue -> prediction;
    else any other opinion-type cue -> opinion; else unattributed assertion.
    """
    if row.get("quotes") and row.get("attribution"):
        return "quotation"
    if row.get("attribution"):
        return "attributed report"
    if row.get("hedges") or row.get("rhetoric"):
        return "prediction"
    if row.get("opinion"):
        return "opinion"
    return "unattributed assertion"


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


def describe_agreement(table, key_shown: bool = True) -> str:
    """One plain sentence about a :func:`compare` table (says so when nothing is labelled yet).

    ``key_shown=False`` for tables that hide the key of unlabelled sentences (the exercise).
    """
    c = agreement_counts(table)
    done = c["yes"] + c["defensible"] + c["no"]
    if done == 0:
        shows = "our key and the signals only" if key_shown else "the signals only (the key appears once you label)"
        return (f"You have not labelled any sentence yet: the table shows {shows}. "
                "Label a few sentences above and run this cell again.")
    return (f"You labelled {done} of {len(table)} sentences: {c['yes']} match our key, {c['defensible']} are "
            f"alternatives the key accepts, {c['no']} differ. Read the 'why' column for the ones that differ.")


def exercise_feedback(source: Any):
    """Per-sentence feedback for the exercise passage: :func:`compare` on seed 002 s004-s017.

    The key, its alternatives, the signals' guess and the reason are shown only for sentences the
    learner has labelled, so the table never gives the answers away in advance.
    """
    entries = load_key()["articles"][EXERCISE_ARTICLE]
    passage = {sid: entries[sid] for sid in EXERCISE_SENTENCES}
    table = compare(learner_labels(source, EXERCISE_SENTENCES), passage,
                    signal_table(EXERCISE_ARTICLE, sentences=EXERCISE_SENTENCES), article=EXERCISE_ARTICLE)
    hidden = table["agree"] == "not labelled"
    table.loc[hidden, ["key", "also", "guess", "why"]] = ""
    return table


def scored_table(articles: Iterable[str] = ARTICLES, quoted: bool = True, key: dict | None = None):
    """Key and signals joined for every body sentence of ``articles`` (used for scoring)."""
    import pandas as pd

    key = load_key() if key is None else key
    kf = key_frame(key, articles)
    sig = pd.concat([signal_table(a, quoted=quoted) for a in articles], ignore_index=True)
    return kf.merge(sig.drop(columns=["text"]), on=["article", "sentence"], how="left")


def signal_scores(table, targets: Mapping[str, Iterable[str]] | None = None):
    """Precision and recall of each signal family against the key.

    ``table`` is :func:`scored_table` (key + one boolean column per family). For each family,
    a sentence is *predicted* when the family fired and *positive* when its key label is in
    ``targets[family]`` (default :data:`TARGETS`). Precision = right firings / all firings
    (empty when the family never fired); recall = right firings / all positives.
    Columns: family, positives (the key labels), fired, true_pos, false_pos, false_neg,
    precision, recall.
    """
    import pandas as pd

    targets = TARGETS if targets is None else targets
    rows = []
    for fam, labels in targets.items():
        if fam not in table.columns:
            continue
        labels = set(labels)
        fired = table[fam].fillna(False).astype(bool)
        positive = table["key"].isin(labels)
        tp, fp, fn = int((fired & positive).sum()), int((fired & ~positive).sum()), int((~fired & positive).sum())
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        rows.append((fam, ", ".join(sorted(labels)), int(fired.sum()), tp, fp, fn,
                     round(precision, 2), round(recall, 2)))
    return pd.DataFrame(rows, columns=["family", "positives", "fired", "true_pos", "false_pos",
                                       "false_neg", "precision", "recall"])


#: The kinds of misleading example :func:`misleading_examples` looks for, with the lesson's words.
MISLEAD_KINDS: dict[str, str] = {
    "quoted opinion": "Opinion signals fire, but the key says the sentence reports someone else's words: "
                      "a quoted opinion is still reporting of an opinion.",
    "quiet unsourced claim": "No signal fires at all, yet the sentence states a fact without any source: "
                             "a neutral-sounding assertion has no loaded words.",
    "attributed but not confirmed": "Attribution signals fire, but the evidence record says the content is WRONG or "
                                    "UNCONFIRMED: naming a source is not the same as being right.",
    "opinion without signal words": "The key says opinion, but no opinion signal fires: judgement can hide "
                                    "in ordinary words.",
}


def misleading_examples(table, per_kind: int = 2, exclude: Mapping[str, Iterable[str]] | None = None):
    """Sentences where the signals mislead, found by rule from a :func:`scored_table`.

    Kinds (see :data:`MISLEAD_KINDS`): opinion cues on a quotation or attributed report; no cue
    at all on an unattributed assertion; attribution cues on content the evidence record calls WRONG or
    UNCONFIRMED; opinion without any opinion cue. Within a kind the clearest come first (most
    opinion cues on a quotation; claims the record doubts; attributed reports before quotations),
    then reading order. ``exclude`` maps an article id to sentence ids to
    leave out (for example the exercise passage). Returns kind, article, sentence, text, key,
    signals, explanation, why; at most ``per_kind`` rows of each kind, in reading order.
    """
    import pandas as pd

    from . import cues

    fams = [f for f in cues.FAMILIES if f in table.columns]
    skip = {(a, s) for a, ids in (exclude or {}).items() for s in ids}
    rows = []
    for r in table.to_dict("records"):
        if (r["article"], r["sentence"]) in skip:
            continue
        any_cue = any(bool(r.get(f)) for f in fams)
        sts = r.get("statuses") or statuses(r.get("why", ""))
        kinds = []
        if r["key"] in ("quotation", "attributed report") and r.get("opinion"):
            kinds.append("quoted opinion")
        if r["key"] == "unattributed assertion" and not any_cue:
            kinds.append("quiet unsourced claim")
        if r.get("attribution") and ({"WRONG", "UNCONFIRMED"} & set(sts)):
            kinds.append("attributed but not confirmed")
        if r["key"] == "opinion" and not r.get("opinion"):
            kinds.append("opinion without signal words")
        doubtful = bool({"WRONG", "UNCONFIRMED"} & set(sts))
        rank = {  # the clearest examples first; reading order breaks ties
            "quoted opinion": -_count(r.get("opinion_hits")),
            "quiet unsourced claim": 0 if doubtful else 1,
            "attributed but not confirmed": 0 if r["key"] == "attributed report" else 1,
            "opinion without signal words": 0,
        }
        for kind in kinds:
            rows.append((kind, r["article"], r["sentence"], r["text"], r["key"], r.get("signals", ""),
                         MISLEAD_KINDS[kind], r.get("why", ""), rank[kind]))
    out = pd.DataFrame(rows, columns=["kind", "article", "sentence", "text", "key", "signals", "explanation", "why", "_rank"])
    order = {k: i for i, k in enumerate(MISLEAD_KINDS)}
    out = out.assign(_o=out["kind"].map(order)).sort_values(["_o", "_rank"], kind="stable").drop(columns=["_o", "_rank"])
    return out.groupby("kind", sort=False).head(per_kind).reset_index(drop=True)


# ------------------------------------------------------------------------------ the mix chart


def mix_table(articles: Iterable[str] = ARTICLES, learner: Mapping[str, Any] | None = None,
              key: dict | None = None, guesses: bool = True):
    """Counts of each label per article and per source ("our key", "you", "signals' guess").

    ``learner`` maps an article id to anything :func:`learner_labels` accepts; articles the
    learner has not labelled get no "you" row. Columns: article, source, label, count.
    """
    import pandas as pd

    key = load_key() if key is None else key
    learner = learner or {}
    rows = []
    for aid in articles:
        entries = key["articles"][aid]
        for label in LABELS:
            rows.append((aid, "our key", label, sum(1 for e in entries.values() if e["label"] == label)))
        mine = {s: l for s, l in learner_labels(learner.get(aid)).items() if s in entries}
        if mine:
            for label in LABELS:
                rows.append((aid, "you", label, sum(1 for l in mine.values() if l == label)))
        if guesses:
            sig = signal_table(aid, sentences=list(entries))
            guessed = [guess_label(r) for r in sig.to_dict("records")]
            for label in LABELS:
                rows.append((aid, "signals' guess", label, guessed.count(label)))
    return pd.DataFrame(rows, columns=["article", "source", "label", "count"])


def plot_mix(mix, ax=None):
    """Stacked horizontal bars: the sentence-type mix per article and source, as shares.

    Colour-blind-safe colours with a hatch per label (never colour alone) and the count written
    in each segment. Returns the matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    from . import plots

    if ax is None:
        n_bars = mix.groupby(["article", "source"]).ngroups if len(mix) else 1
        fig, ax = plt.subplots(figsize=(9, 1.0 + 0.55 * n_bars))
    else:
        fig = ax.figure
    bars = list(dict.fromkeys(zip(mix["article"], mix["source"])))
    names = [f"{a}\n{s}" for a, s in bars]
    left = [0.0] * len(bars)
    for i, label in enumerate(LABELS):
        widths, counts = [], []
        for a, s in bars:
            part = mix[(mix["article"] == a) & (mix["source"] == s)]
            total = part["count"].sum()
            n = int(part.loc[part["label"] == label, "count"].sum())
            counts.append(n)
            widths.append(n / total if total else 0.0)
        st = plots.style(i)
        ax.barh(names, widths, left=left, label=label, color=st["color"], hatch=st["hatch"],
                edgecolor=st["edgecolor"])
        for j, (w_, n) in enumerate(zip(widths, counts)):
            if w_ >= 0.06:
                ax.text(left[j] + w_ / 2, j, str(n), ha="center", va="center", fontsize=9,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
        left = [l + w_ for l, w_ in zip(left, widths)]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the labelled body sentences (numbers in the bars = sentences)")
    ax.set_title("Sentence types per article")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / max(len(bars), 1)), ncol=3, frameon=False)
    fig.tight_layout()
    return fig


def mix_summary(mix) -> str:
    """A one-line text version of :func:`plot_mix` (for ``ml.plots.summary``)."""
    parts = []
    for (a, s), part in mix.groupby(["article", "source"], sort=False):
        total = int(part["count"].sum())
        top = part.sort_values("count", ascending=False, kind="stable").iloc[0]
        opinion = int(part[part["label"].isin(["opinion", "prediction"])]["count"].sum())
        parts.append(f"{a} ({s}): {opinion} of {total} opinion or prediction, most common '{top['label']}'")
    return "; ".join(parts) + "."


# ------------------------------------------------------------------------------ phrases


def load_phrase_key(name: str = "phrase_key") -> dict:
    """The phrase key (``data/keys/phrase_key.yaml``) after checking its offsets against the text."""
    key = data.load_yaml(name, "keys")
    problems = validate_phrase_key(key)
    if problems:
        raise KeyFileError("The phrase key has problems:\n- " + "\n- ".join(problems))
    return key


def validate_phrase_key(key: Any) -> list[str]:
    """Problems of a phrase key: offsets that do not match the article text, unknown categories."""
    if not isinstance(key, dict) or not isinstance(key.get("spans"), list):
        return ["The phrase key needs an 'article:' and a 'spans:' list."]
    try:
        art = data.load_article(key.get("article", ""))
    except data.DataError as exc:
        return [str(exc)]
    cats = key.get("categories") or {}
    problems = []
    for sp in key["spans"]:
        start, end, text = sp.get("start"), sp.get("end"), sp.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(art.text)):
            problems.append(f"{sp.get('id')}: offsets {start}-{end} are outside the text.")
            continue
        if art.text[start:end] != text:
            problems.append(f"{sp.get('id')}: the text at {start}-{end} is {art.text[start:end]!r}, not {text!r}.")
        sent = sp.get("sentence")
        if sent:
            try:
                s = art.sentence(sent)
                if not (s.start <= start and end <= s.end):
                    problems.append(f"{sp.get('id')}: the span is not inside sentence {sent}.")
            except data.DataError as exc:
                problems.append(str(exc))
        for cat in [sp.get("category"), *(sp.get("also") or [])]:
            if cat not in cats:
                problems.append(f"{sp.get('id')}: unknown category {cat!r}.")
    return problems


def phrase_categories(key: dict | None = None) -> dict[str, str]:
    """The phrase categories (SemEval-2020 Task 11 names) with our one-line definitions."""
    key = load_phrase_key() if key is None else key
    return dict(key["categories"])


def compare_marks(marks: Any, key: dict | None = None):
    """A learner's phrase marks against the phrase key, one row per key span and per extra mark.

    ``marks``: a PhraseMarker, its ``.data``, or a list of ``{start, end, category}``. A learner
    mark *matches* a key span when the two overlap. ``result``: "same category", "defensible
    category" (in the key's ``also``), "marked, other category", "not marked", or "not in our key"
    (a learner mark that overlaps no key span: worth discussing, not wrong by itself).
    """
    import pandas as pd

    key = load_phrase_key() if key is None else key
    raw = getattr(marks, "data", marks)
    if isinstance(raw, Mapping):
        raw = raw.get("marks", [])
    raw = [m for m in (raw or []) if isinstance(m, Mapping)]
    art = data.load_article(key["article"])
    rows, used = [], set()
    for sp in key["spans"]:
        overlapping = [i for i, m in enumerate(raw)
                       if int(m.get("start", -1)) < sp["end"] and int(m.get("end", -1)) > sp["start"]]
        cats = [str(raw[i].get("category", "")) for i in overlapping]
        used.update(overlapping)
        if not overlapping:
            result = "not marked"
        elif sp["category"] in cats:
            result = "same category"
        elif set(cats) & set(sp.get("also") or []):
            result = "defensible category"
        else:
            result = "marked, other category"
        rows.append((sp["sentence"], sp["text"], sp["category"], ", ".join(cats), result, sp.get("basis", ""), sp.get("why", "")))
    for i, m in enumerate(raw):
        if i in used:
            continue
        s, e = int(m.get("start", 0)), int(m.get("end", 0))
        sid = next((x.id for x in art.sentences if x.start <= s < x.end), "")
        rows.append((sid, art.text[s:e], "", str(m.get("category", "")), "not in our key", "", ""))
    return pd.DataFrame(rows, columns=["sentence", "phrase", "key category", "your category", "result", "basis", "why"])


# ------------------------------------------------------------------------------ the model report

MODEL_REPORT = "model_report_2024-02-10"


def report_sources():
    """The source table of the model report (one row per body sentence)."""
    return data.load_table("model_report_sources")


def check_report_sources() -> list[str]:
    """Problems linking the model report to its source table and the evidence record (an empty list
    means every body sentence has exactly one row with the same text, a URL, a publisher, evidence ids
    that exist and are CONFIRMED, status CONFIRMED, and every quotation in the sentence appears
    verbatim in an excerpt of the evidence the row cites)."""
    from . import evidence_record as er

    art = data.load_article(MODEL_REPORT)
    table = report_sources()
    known = er.records()
    problems = []
    by_id = {}
    for r in table.to_dict("records"):
        if r["sentence"] in by_id:
            problems.append(f"{r['sentence']} has two rows in the source table.")
        by_id[r["sentence"]] = r
    body = art.body_sentences()
    for s in body:
        r = by_id.get(s.id)
        if r is None:
            problems.append(f"{s.id} of the model report has no source row.")
            continue
        if " ".join(r["text"].split()) != s.text:
            problems.append(f"{s.id}: the text in the source table differs from the report.")
        if not all(u.strip().startswith(("http://", "https://")) for u in r["source_url"].split(";")):
            problems.append(f"{s.id}: source_url must hold one or more URLs separated by ';'.")
        if r["status"] != "CONFIRMED":
            problems.append(f"{s.id}: status is {r['status']!r}; the model report uses CONFIRMED facts only.")
        ids = str(r.get("evidence") or "").split()
        if not ids or not str(r["publisher"]).strip():
            problems.append(f"{s.id}: evidence and publisher must be filled in.")
        missing = [i for i in ids if i not in known]
        if missing:
            problems.append(f"{s.id}: unknown evidence ids {', '.join(missing)}.")
            continue
        for i in ids:
            if known[i].status != "CONFIRMED":
                problems.append(f"{s.id}: evidence {i} is {known[i].status}, not CONFIRMED.")
        excerpts = [er.normalise(src.excerpt) for i in ids for src in known[i].sources]
        for quote in quotations(s.text):
            if not any(er.normalise(quote) in ex for ex in excerpts):
                problems.append(f"{s.id}: the quotation {quote!r} is in no excerpt of {' '.join(ids)}.")
    for sid in set(by_id) - {s.id for s in body}:
        problems.append(f"The source table has a row for {sid}, which is not a body sentence of the report.")
    return problems


_QUOTE_RE = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d')


def quotations(text: str) -> list[str]:
    """The passages of ``text`` inside double quotation marks (straight or curly)."""
    return [a or b for a, b in _QUOTE_RE.findall(text)]

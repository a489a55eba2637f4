"""How well each family of signals matches the key (precision and recall), and the sentences
where the signals point the wrong way, found by rule."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .compare import key_frame
from .labels import statuses
from ..cues.rules import OPINION_FAMILIES
from .signals import TARGETS, signal_table

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
_DOUBTED = frozenset({"WRONG", "UNCONFIRMED"})


def scored_table(articles: Iterable[str] | None = None, quoted: bool = True, key: dict | None = None):
    """Key and signals joined for every body sentence of ``articles`` (default: the case articles),
    used for scoring."""
    import pandas as pd

    from .. import data
    from ..analysis.key import load_key

    articles = data.case_articles() if articles is None else list(articles)
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


def _count(value: Any) -> int:
    """An integer count from a table cell (missing or NaN -> 0)."""
    try:
        return 0 if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return 0


def _kinds(r: Mapping[str, Any], families: list[str]) -> list[tuple[str, int]]:
    """The misleading kinds one row of a :func:`scored_table` belongs to, each with its rank
    (lower = clearer example; reading order breaks ties)."""
    sts = set(r.get("statuses") or statuses(r.get("why", "")))
    doubtful = bool(_DOUBTED & sts)
    found = []
    # opinion words in a quotation: the family columns show them (the opinion column keeps only
    # the writer's own words)
    opinion_families = [f for f in families if f in OPINION_FAMILIES and r.get(f)]
    if r["key"] in ("quotation", "attributed report") and (r.get("opinion") or opinion_families):
        found.append(("quoted opinion", -max(_count(r.get("opinion_hits")), len(opinion_families))))
    if r["key"] == "unattributed assertion" and not any(bool(r.get(f)) for f in families):
        found.append(("quiet unsourced claim", 0 if doubtful else 1))
    if r.get("attribution") and doubtful:
        found.append(("attributed but not confirmed", 0 if r["key"] == "attributed report" else 1))
    if r["key"] == "opinion" and not r.get("opinion"):
        found.append(("opinion without signal words", 0))
    return found


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

    from .. import cues

    fams = [f for f in cues.FAMILIES if f in table.columns]
    skip = {(a, s) for a, ids in (exclude or {}).items() for s in ids}
    rows = []
    for r in table.to_dict("records"):
        if (r["article"], r["sentence"]) in skip:
            continue
        for kind, rank in _kinds(r, fams):
            rows.append((kind, r["article"], r["sentence"], r["text"], r["key"], r.get("signals", ""),
                         MISLEAD_KINDS[kind], r.get("why", ""), rank))
    out = pd.DataFrame(rows, columns=["kind", "article", "sentence", "text", "key", "signals", "explanation", "why",
                                      "_rank"])
    order = {k: i for i, k in enumerate(MISLEAD_KINDS)}
    out = out.assign(_o=out["kind"].map(order)).sort_values(["_o", "_rank"], kind="stable").drop(columns=["_o", "_rank"])
    return out.groupby("kind", sort=False).head(per_kind).reset_index(drop=True)

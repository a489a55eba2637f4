"""The mix chart: counts of each label per article for our key, the learner and the signals'
guess, drawn as stacked bars with a one-line text summary."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .labels import LABELS
from .learner import learner_labels
from .signals import guess_label, signal_table


def mix_table(articles: Iterable[str] | None = None, learner: Mapping[str, Any] | None = None,
              key: dict | None = None, guesses: bool = True):
    """Counts of each label per article and per source ("our key", "you", "signals' guess").

    ``articles``: default the case articles. ``learner`` maps an article id to anything
    :func:`learner_labels` accepts; articles the learner has not labelled get no "you" row.
    Columns: article, source, label, count.
    """
    import pandas as pd

    from .. import data
    from ..analysis.key import load_key

    articles = data.case_articles() if articles is None else articles
    key = load_key() if key is None else key
    learner = learner or {}
    rows = []
    for aid in articles:
        entries = key["articles"][aid]
        for label in LABELS:
            rows.append((aid, "our key", label, sum(1 for e in entries.values() if e["label"] == label)))
        mine = {s: lab for s, lab in learner_labels(learner.get(aid)).items() if s in entries}
        if mine:
            for label in LABELS:
                rows.append((aid, "you", label, sum(1 for lab in mine.values() if lab == label)))
        if guesses:
            sig = signal_table(aid, sentences=list(entries))
            guessed = [guess_label(r) for r in sig.to_dict("records")]
            for label in LABELS:
                rows.append((aid, "signals' guess", label, guessed.count(label)))
    return pd.DataFrame(rows, columns=["article", "source", "label", "count"])


def plot_mix(mix, ax=None):
    """Stacked horizontal bars: the sentence-type mix per article and source, as shares.

    Colour-blind-safe colours with a hatch per label (never colour alone) and the count written
    in each segment. Returns the matplotlib Figure; it neither displays nor prints anything
    (show it with its one-line summary, :func:`mix_summary`).
    """
    import matplotlib.pyplot as plt

    from .. import plots

    if ax is None:
        n_bars = mix.groupby(["article", "source"]).ngroups if len(mix) else 1
        fig, ax = plt.subplots(figsize=(9, 1.0 + 0.55 * n_bars))
    else:
        fig = ax.figure
    bars = list(dict.fromkeys(zip(mix["article"], mix["source"], strict=True)))
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
        for j, (w_, n) in enumerate(zip(widths, counts, strict=True)):
            if w_ >= 0.06:
                ax.text(left[j] + w_ / 2, j, str(n), ha="center", va="center", fontsize=9,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
        left = [x + w_ for x, w_ in zip(left, widths, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the labelled body sentences (numbers in the bars = sentences)")
    ax.set_title("Sentence types per article")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / max(len(bars), 1)), ncol=3, frameon=False)
    fig.tight_layout()
    return fig


def mix_summary(mix) -> str:
    """A one-line text version of :func:`plot_mix` (the summary printed under the plot)."""
    parts = []
    for (a, s), part in mix.groupby(["article", "source"], sort=False):
        total = int(part["count"].sum())
        top = part.sort_values("count", ascending=False, kind="stable").iloc[0]
        opinion = int(part[part["label"].isin(["opinion", "prediction"])]["count"].sum())
        parts.append(f"{a} ({s}): {opinion} of {total} opinion or prediction, most common '{top['label']}'")
    return "; ".join(parts) + "."


def mix_view(labellers: Mapping[str, Any]) -> tuple:
    """The mix chart and its one-line summary for the learner's labellers (``{article id:
    labeller}``), as the pair ``ml.live`` shows: the plot with "Plot summary: ..." under it."""
    mix = mix_table(learner=labellers)
    return plot_mix(mix), mix_summary(mix)

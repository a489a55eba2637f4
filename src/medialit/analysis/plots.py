"""Plots of a class's results, readable when projected: large fonts, Okabe-Ito colours paired with
hatch patterns and printed numbers (colour is never the only signal).

Each ``plot_*`` function takes the DataFrame made by the matching table function and returns a
matplotlib Figure and neither displays nor prints; each ``describe_*`` function returns the one-line
text summary. A notebook shows both with ``ml.plots.show(fig, summary)``.
"""
from __future__ import annotations

import math

import numpy as np

from .. import plots as _p
from ..display import plural
from ..text_utils import shorten
from .views import CLASS_TOTAL

FONT = 15
#: Krippendorff's (2004) rules of thumb: >= 0.8 reliable; 0.667-0.8 tentative conclusions only.
ALPHA_GOOD, ALPHA_TENTATIVE = 0.8, 0.667


def _fig(height: float, width: float = 11.0):
    import matplotlib.pyplot as plt

    _p.setup(FONT)
    fig, ax = plt.subplots(figsize=(width, max(2.5, height)), layout="constrained")
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


#: At most this many label segments per bar, rows of a per-label or per-question plot, or columns
#: of the confusion matrix; the rest are folded into "other ..." (a hostile or careless class can
#: use thousands of different labels or question ids, which would make a figure too large to draw).
MAX_SEGMENTS, MAX_ROWS = 12, 40


def _tx(text) -> str:
    """Learners' text as matplotlib shows it literally: ``$`` would start math mode (and an unbalanced
    ``$x^$`` makes drawing fail), so it is escaped; very long text is shortened."""
    text = " ".join(str(text).split())
    text = text if len(text) <= 60 else text[:59] + "…"
    return text.replace("$", r"\$")


def _fold(table, keep=MAX_SEGMENTS, other="other labels"):
    """``table`` with at most ``keep`` columns: the most used ones (in their order), the rest summed."""
    if table.shape[1] <= keep:
        return table
    totals = table.sum(axis=0)
    top = set(totals.sort_values(ascending=False, kind="stable").index[: keep - 1])
    kept = [c for c in table.columns if c in top]
    out = table[kept].copy()
    out[f"{other} ({table.shape[1] - len(kept)})"] = table.drop(columns=kept).sum(axis=1)
    return out


def _fmt(x) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.2f}"


def _stacked(ax, names, table, columns, total_label):
    """Horizontal stacked bars: one bar per row of ``table``, one segment per column."""
    y = np.arange(len(names))[::-1]
    left = np.zeros(len(names))
    widest = max(float(table[columns].to_numpy(dtype=float).sum(axis=1).max()) if len(table) else 0.0, 1.0)
    for i, col in enumerate(columns):
        vals = table[col].to_numpy(dtype=float)
        st = _p.style(i)
        ax.barh(y, vals, left=left, label=_tx(col), color=st["color"], hatch=st["hatch"],
                edgecolor="black", linewidth=0.8)
        for yy, l, v in zip(y, left, vals, strict=False):
            if v >= 1 and v / widest > 0.045:
                ax.text(l + v / 2, yy, f"{int(v)}", ha="center", va="center", fontsize=FONT - 2,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
        left += vals
    ax.set_yticks(y, [_tx(n) for n in names])
    ax.set_xlabel(total_label)
    ax.figure.legend(loc="outside lower center", ncol=min(len(columns), 3), frameon=False)


# ---------------------------------------------------------------- progress


def plot_progress(summary):
    """Per task: learners who completed it, partly did it, did not start (from ``progress_summary``)."""
    fig, ax = _fig(0.55 * len(summary) + 2.2)
    cols = [c for c in summary.columns if c != "task"]
    _stacked(ax, list(summary["task"]), summary, cols, "learners")
    ax.set_title("Who has done what")
    return fig


def describe_progress(summary) -> str:
    if summary.empty:
        return "No work was found in the submissions."
    n = int(summary.iloc[0, 1:].sum())
    worst = summary.sort_values("not started", ascending=False).iloc[0]
    best = summary.sort_values("complete", ascending=False).iloc[0]
    return (f"{plural(n, 'learner')}; most completed task: {best['task']} ({best['complete']} complete); "
            f"least started: {worst['task']} ({worst['not started']} not started).")


# ---------------------------------------------------------------- label distribution


def _key_labels_by_sentence(key) -> dict:
    """``{(article, sentence): label}`` from a reference key (``load_key()``) or such a mapping."""
    if not key:
        return {}
    if isinstance(key, dict) and isinstance(key.get("articles"), dict):
        from .key import key_table

        kt = key_table(key)
        return {(a, s): lab for a, s, lab in zip(kt["article"], kt["sentence"], kt["label"], strict=False)}
    return dict(key)


def plot_label_distribution(counts, title: str = "Labels given per sentence", key: dict | None = None):
    """Stacked bars of how many learners gave each label, one bar per sentence (``label_counts``).

    ``key``: optional reference key (``load_key()``) or ``{(article, sentence): label}``; the key's
    label is printed as "key: ..." at the end of each bar.
    """
    key = _key_labels_by_sentence(key)
    counts = _fold(counts)
    fig, ax = _fig(0.42 * len(counts) + 2.6)
    articles = counts.index.get_level_values(0).unique() if counts.index.nlevels > 1 else []
    names = [f"{a.split('_')[0]} {s}" if len(articles) > 1 else s for a, s in counts.index] \
        if counts.index.nlevels > 1 else list(counts.index)
    _stacked(ax, names, counts, list(counts.columns), "learners")
    if key:
        tot = counts.to_numpy(dtype=float).sum(axis=1)
        for yy, idx, t in zip(np.arange(len(counts))[::-1], counts.index, tot, strict=False):
            if idx in key:
                ax.text(t + 0.3, yy, f"key: {_tx(key[idx])}", va="center", fontsize=FONT - 3)
        ax.set_xlim(0, tot.max() * 1.45 if len(tot) else 1)
    ax.set_title(_tx(title))
    return fig


def describe_distribution(counts, article: str = "") -> str:
    """One plain sentence about a :func:`plot_label_distribution` table: how many sentences, how
    many labelled the same by every learner who labelled them, and the most split one. With one
    learner per sentence there is no agreement to describe, and it says so."""
    if counts.empty:
        return "No sentence labels yet."
    c = counts.to_numpy(dtype=float)
    per_sentence = c.sum(axis=1)
    head = f"{article + ': ' if article else ''}{plural(len(counts), 'sentence')}"
    if per_sentence.max() <= 1:
        return (f"{head}, each labelled by one learner only, so there is no agreement to describe yet.")
    share = c.max(axis=1) / np.maximum(per_sentence, 1)
    unanimous = int((share >= 0.999).sum())
    if unanimous == len(counts):
        return f"{head}; every sentence got the same label from everyone who labelled it."
    i = int(share.argmin())
    where = counts.index[i][-1] if isinstance(counts.index[i], tuple) else counts.index[i]
    return (f"{head}; {unanimous} labelled the same by everyone who labelled them; most split: {where}, "
            f"where the commonest label had {share[i]:.0%} of {plural(int(per_sentence[i]), 'vote')}.")


# ---------------------------------------------------------------- agreement


def _agreement_bars(table, names, title):
    if len(table) > MAX_ROWS:  # the most used labels only (thousands of made-up labels would not fit)
        order = (table["times used"].sort_values(ascending=False, kind="stable").index[:MAX_ROWS]
                 if "times used" in table else table.index[:MAX_ROWS])
        names = [n for i, n in zip(table.index, names, strict=False) if i in set(order)]
        table = table.loc[[i for i in table.index if i in set(order)]]
        title = f"{title} ({MAX_ROWS} most used)"
    names = [_tx(n) for n in names]
    fig, ax = _fig(0.9 * len(table) + 2.4)
    y = np.arange(len(table))[::-1]
    h = 0.38
    for i, (col, off) in enumerate((("krippendorff alpha", h / 2), ("fleiss kappa", -h / 2))):
        vals = table[col].to_numpy(dtype=float)
        st = _p.style(4 if i == 0 else 0)
        st["hatch"] = "" if i == 0 else "//"
        ax.barh(y + off, np.nan_to_num(vals), height=h, label=col.replace("krippendorff", "Krippendorff's")
                .replace("fleiss", "Fleiss'"), color=st["color"], hatch=st["hatch"], edgecolor="black")
        for yy, v in zip(y + off, vals, strict=False):
            ax.text(max(np.nan_to_num(v), 0) + 0.02, yy, _fmt(v), va="center", fontsize=FONT - 2)
    lo = min(-0.1, float(np.nanmin(table[["krippendorff alpha", "fleiss kappa"]].to_numpy(dtype=float)))
             - 0.05) if len(table) and not np.all(np.isnan(table[["krippendorff alpha", "fleiss kappa"]]
                                                            .to_numpy(dtype=float))) else -0.1
    ax.set_xlim(lo, 1.12)
    ax.axvline(0, color="black", linewidth=1)
    for x, txt in ((ALPHA_TENTATIVE, "0.67"), (ALPHA_GOOD, "0.8")):
        ax.axvline(x, color="black", linestyle="--", linewidth=1)
        ax.text(x, 1.0, txt, transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=FONT - 3)
    ax.set_yticks(y, names)
    ax.set_xlabel("agreement beyond chance (0 = chance, 1 = perfect)")
    fig.legend(loc="outside lower center", ncol=2, frameon=False)
    ax.set_title(title, pad=22)
    return fig


def plot_agreement(by_article):
    """Krippendorff's alpha and Fleiss' kappa per article (``agreement_by_article``)."""
    return _agreement_bars(by_article, list(by_article["article"]), "Agreement between learners, per article")


def plot_agreement_by_label(by_label):
    """Per-label agreement (``agreement_by_label``)."""
    return _agreement_bars(by_label, list(by_label["label"]), "Agreement between learners, per label")


def describe_agreement(table, name_col: str = "article") -> str:
    if table.empty:
        return "Not enough labels to measure agreement."
    t = table.dropna(subset=["krippendorff alpha"])
    if t.empty:
        whys = [w for w in table.get("why n/a", []) if isinstance(w, str) and w]
        why = max(set(whys), key=whys.count) if whys else "too few learners labelled the same sentences."
        return f"Agreement cannot be measured yet: {why}"
    lo, hi = t.loc[t["krippendorff alpha"].idxmin()], t.loc[t["krippendorff alpha"].idxmax()]
    if _fmt(lo["krippendorff alpha"]) == _fmt(hi["krippendorff alpha"]):  # one value: no range to give
        value = hi["krippendorff alpha"]
        where = f"({hi[name_col]})" if len(t) == 1 else f"for all {plural(len(t), name_col)}"
        verdict = ("below 0.67, so learners often disagree" if value < ALPHA_TENTATIVE
                   else "at or above 0.67")
        return (f"Krippendorff's alpha is {_fmt(value)} {where}: {verdict}. "
                "Fleiss' kappa tells the same story.")
    verdict = ("all below 0.67, so learners often disagree" if hi["krippendorff alpha"] < ALPHA_TENTATIVE
               else "some at or above 0.67")
    return (f"Krippendorff's alpha runs from {_fmt(lo['krippendorff alpha'])} ({lo[name_col]}) to "
            f"{_fmt(hi['krippendorff alpha'])} ({hi[name_col]}); {verdict}. Fleiss' kappa tells the same story.")


def plot_disputed(cls, disputed, label_set: str | None = None, labels: list[str] | None = None):
    """The label votes on the most disputed sentences (``disputed_sentences``). ``labels`` fixes
    the order (and so the colour and hatch) of the labels, e.g. ``key_labels(key)``."""
    from .agreement import label_counts

    counts = label_counts(cls, label_set=label_set, labels=labels)
    idx = list(zip(disputed["article"], disputed["sentence"], strict=False))
    sub = counts.loc[idx] if idx else counts.iloc[:0]
    return plot_label_distribution(sub, title="The most disputed sentences")


def describe_disputed(disputed) -> str:
    if disputed.empty:
        return "No sentence has labels from two or more learners yet."
    r = disputed.iloc[0]
    text = shorten(r["text"], 70)
    return (f"Most disputed: {r['article']} {r['sentence']} (\"{text}\"): only {r['share']:.0%} of "
            f"{plural(r['learners'], 'learner')} chose the commonest label, {r['most common']}.")


# ---------------------------------------------------------------- the key


def plot_key_accuracy(comparison):
    """Each learner's share of labels that match the key (bars) and that the key accepts (dots)."""
    t = comparison[(comparison["learner"] != CLASS_TOTAL) & (comparison["compared"] > 0)]
    t = t.sort_values("accuracy")
    cls_row = comparison[comparison["learner"] == CLASS_TOTAL].iloc[0]
    if len(t) > 60:  # a large class: a histogram reads better than a bar per learner
        fig, ax = _fig(5)
        ax.hist(t["accuracy"], bins=np.linspace(0, 1, 21), color=_p.PALETTE[4], hatch="//", edgecolor="black")
        ax.set_xlabel("share of labels that match the key")
        ax.set_ylabel("learners")
    else:
        fig, ax = _fig(0.36 * len(t) + 2.4)
        y = np.arange(len(t))
        ax.barh(y, t["accuracy"], color=_p.PALETTE[4], hatch="//", edgecolor="black", label="matches the key")
        ax.plot(t["accuracy accepted"], y, "D", color=_p.PALETTE[0], markeredgecolor="black", markersize=8,
                label="matches the key or an accepted alternative")
        ax.set_yticks(y, [_tx(f"{lrn} ({n})") for lrn, n in zip(t["learner"], t["compared"], strict=False)], fontsize=FONT - 3)
        ax.set_xlabel("share of the learner's labels (number compared in brackets)")
        ax.set_xlim(0, 1.05)
    ax.axvline(cls_row["accuracy"], color="black", linestyle="--")
    ax.text(cls_row["accuracy"], 1.0, f"class {_fmt(cls_row['accuracy'])}", transform=ax.get_xaxis_transform(),
            ha="center", va="bottom", fontsize=FONT - 2)
    if len(t) <= 60:
        fig.legend(loc="outside lower center", ncol=1, frameon=False)
    ax.set_title("Agreement with the reference key", pad=22)
    return fig


def describe_key_accuracy(comparison) -> str:
    """One plain sentence about :func:`compare_with_key`: counts first, shares in per cent."""
    c = comparison[comparison["learner"] == CLASS_TOTAL].iloc[0]
    t = comparison[(comparison["learner"] != CLASS_TOTAL) & (comparison["compared"] > 0)]
    if t.empty:
        return "No learner labelled a sentence that is in the key."
    n = int(c["compared"])
    return (f"The class matched the key on {int(c['exact']):,} of {n:,} label{'s' if n != 1 else ''} "
            f"({c['accuracy']:.0%}); "
            f"{int(c['accepted']):,} ({c['accepted'] / max(n, 1):.0%}) counting accepted alternatives. "
            f"Learners range from {t['accuracy'].min():.0%} to {t['accuracy'].max():.0%}.")


def plot_confusion(cm, title: str = "Key label (rows) against learners' label (columns)"):
    """The confusion matrix (``confusion_matrix``): counts printed in every cell, the diagonal
    (agreement with the key) outlined, shading from the colour-blind-safe 'cividis' map."""
    from matplotlib.patches import Rectangle

    if cm.shape[1] > MAX_SEGMENTS:  # keep the key's labels, fold the rarest other labels together
        import pandas as pd

        extra = [c for c in cm.columns if c not in set(cm.index)]
        keep = cm[extra].sum(axis=0).sort_values(ascending=False, kind="stable").index[: max(MAX_SEGMENTS - len(cm.index) - 1, 1)]
        cols = [c for c in cm.columns if c in set(cm.index) or c in set(keep)]
        rest = [c for c in cm.columns if c not in set(cols)]
        folded = cm[cols].copy()
        folded[f"other labels ({len(rest)})"] = cm[rest].sum(axis=1)
        folded.columns = pd.Index([str(c) for c in folded.columns], name=cm.columns.name)
        folded.index = pd.Index([str(c) for c in cm.index], name=cm.index.name)
        cm = folded
    n_r, n_c = cm.shape
    fig, ax = _fig(0.8 * n_r + 3.2, width=max(9.0, 1.5 * n_c + 4))
    vals = cm.to_numpy(dtype=float)
    rows = vals.sum(axis=1, keepdims=True)
    share = np.divide(vals, rows, out=np.zeros_like(vals), where=rows > 0)
    ax.imshow(share, cmap="cividis", vmin=0, vmax=1, aspect="auto")
    for i in range(n_r):
        for j in range(n_c):
            light = share[i, j] > 0.55
            ax.text(j, i, f"{int(vals[i, j])}\n{share[i, j]:.0%}", ha="center", va="center",
                    fontsize=FONT - 2, color="black" if light else "white")
            if cm.index[i] == cm.columns[j]:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor=_p.PALETTE[0],
                                       linewidth=4))
    ax.set_xticks(range(n_c), [_tx(c).replace(" ", "\n") for c in cm.columns])
    ax.set_yticks(range(n_r), [_tx(r) for r in cm.index])
    ax.set_xlabel(cm.columns.name or "learners' label")
    ax.set_ylabel(cm.index.name or "key label")
    ax.set_title(title)
    return fig


def describe_confusion(cm) -> str:
    vals = cm.to_numpy(dtype=float)
    total = vals.sum()
    if total == 0:
        return "No labels to compare with the key."
    diag = sum(vals[i, j] for i, r in enumerate(cm.index) for j, c in enumerate(cm.columns) if r == c)
    off = vals.copy()
    for i, r in enumerate(cm.index):
        for j, c in enumerate(cm.columns):
            if r == c:
                off[i, j] = -1
    i, j = np.unravel_index(off.argmax(), off.shape)
    mix = (f" The commonest mix-up: the key says '{cm.index[i]}', learners said '{cm.columns[j]}' "
           f"({plural(int(off[i, j]), 'time')})." if off[i, j] > 0 else "")
    return f"{int(diag)} of {plural(int(total), 'label')} ({diag / total:.0%}) {'matches' if int(diag) == 1 else 'match'} the key.{mix}"


def plot_checks(results):
    """Per check question: learners right, not right, and answers that are not marked (free text),
    from ``check_results``."""
    import pandas as pd

    title = "Check questions"
    if len(results) > MAX_ROWS:  # the most answered questions only
        results = results.sort_values("answered", ascending=False, kind="stable").head(MAX_ROWS)
        title = f"Check questions ({MAX_ROWS} most answered)"
    t = pd.DataFrame({"right": results["right"], "not right": results["marked"] - results["right"],
                      "not marked (free text)": results["answered"] - results["marked"]})
    fig, ax = _fig(0.5 * len(t) + 2.4)
    _stacked(ax, list(results["question"]), t, list(t.columns), "learners")
    ax.set_title(title)
    return fig


def describe_checks(results) -> str:
    marked = results[results["marked"] > 0]
    if marked.empty:
        return "No marked check questions were answered."
    r = marked.sort_values("share right", kind="stable").iloc[0]
    return (f"{plural(len(results), 'question')} answered; the hardest was {r['question']}: {int(r['right'])} of "
            f"{plural(r['marked'], 'learner')} right ({r['share right']:.0%}).")


# ---------------------------------------------------------------- figures inside widgets (the dashboard app)


def figure_html(fig, summary: str, dpi: int = 80) -> str:
    """``fig`` as an ``<img>`` (PNG in a ``data:`` URI, so it shows inside an HTML widget in
    JupyterLab and Voila alike) with the summary as its alt text and printed under it as
    "Plot summary: ..." (escaped); the figure is closed."""
    import base64
    import html
    import io

    import matplotlib.pyplot as plt

    if not isinstance(summary, str) or not summary.strip():
        raise ValueError("Give the one-line text summary that goes under the plot.")
    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", dpi=dpi)
    finally:
        plt.close(fig)
    src = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    text = html.escape(summary, quote=True)
    return (f"<figure style='margin:0'><img src='{src}' alt='{text}' style='max-width:100%;height:auto'>"
            f"<figcaption>Plot summary: {text}</figcaption></figure>")

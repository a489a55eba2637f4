"""Agreement between learners on sentence labels: Krippendorff's alpha and Fleiss' kappa.

Both statistics are computed from a table of counts: one row per sentence (item), one column per
label (category), each cell the number of learners who gave that label. Learners who skipped a
sentence simply do not count for it, so the number of raters ``n_i`` varies between sentences.

* **Krippendorff's alpha** (nominal) comes from the maintained ``krippendorff`` package
  (``krippendorff.alpha(value_counts=..., level_of_measurement="nominal")``), which handles
  missing ratings by design: sentences with fewer than two labels carry no pairs and drop out.
* **Fleiss' kappa** is computed here with Fleiss' (1971) formulas generalised to a varying number
  of raters per item (the usual "Fleiss-style with varying raters" variant): only sentences with
  at least two labels are used; for each, ``P_i = (sum_j n_ij^2 - n_i) / (n_i (n_i - 1))``;
  ``P_bar`` is the mean of ``P_i``; ``p_j = sum_i n_ij / sum_i n_i``; ``P_e = sum_j p_j^2``;
  ``kappa = (P_bar - P_e) / (1 - P_e)``. With the same number of raters on every item this is
  exactly Fleiss' kappa. Per label: ``kappa_j = 1 - sum_i n_ij (n_i - n_ij) /
  (sum_i n_i (n_i - 1) p_j (1 - p_j))`` (Fleiss 1971, eq. 14, with ``n_i`` per item).

Both are ``nan`` when they are undefined (fewer than two usable sentences, or everyone used a
single label so there is no variation to agree about); :func:`why_undefined` says which, in plain
words, and the tables carry it in a ``why n/a`` column.

When a learner labelled the same sentence in two activities (a lesson and an exercise), the most
recently updated label is used.
"""
from __future__ import annotations

import functools
import math

import numpy as np

from .loading import ClassData


# ---------------------------------------------------------------- the statistics


def _as_counts(counts) -> np.ndarray:
    arr = np.asarray(counts, dtype=float)
    if arr.ndim != 2:
        raise ValueError("counts must be a 2-D table: one row per item, one column per category.")
    if (arr < 0).any() or not np.all(np.isfinite(arr)):
        raise ValueError("counts must be finite and non-negative.")
    return arr


def fleiss_kappa(counts) -> float:
    """Fleiss' kappa of an items x categories count table (varying raters allowed, see module doc)."""
    arr = _as_counts(counts)
    n_i = arr.sum(axis=1)
    arr, n_i = arr[n_i >= 2], n_i[n_i >= 2]
    if len(arr) < 2:
        return math.nan
    p_i = ((arr ** 2).sum(axis=1) - n_i) / (n_i * (n_i - 1))
    p_bar = p_i.mean()
    p_j = arr.sum(axis=0) / n_i.sum()
    p_e = float((p_j ** 2).sum())
    if p_e >= 1.0 - 1e-12:
        return math.nan
    return float((p_bar - p_e) / (1 - p_e))


def fleiss_kappa_by_category(counts) -> np.ndarray:
    """Fleiss' kappa for each category (one against the rest), ``nan`` where unused."""
    arr = _as_counts(counts)
    n_i = arr.sum(axis=1)
    arr, n_i = arr[n_i >= 2], n_i[n_i >= 2]
    if len(arr) < 2:
        return np.full(np.asarray(counts).shape[1], np.nan)
    p_j = arr.sum(axis=0) / n_i.sum()
    disagree = (arr * (n_i[:, None] - arr)).sum(axis=0)
    denom = (n_i * (n_i - 1)).sum() * p_j * (1 - p_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = 1 - disagree / denom
    out[denom == 0] = np.nan
    return out


def krippendorff_alpha(counts) -> float:
    """Krippendorff's alpha (nominal) of an items x categories count table, via ``krippendorff``."""
    import krippendorff

    arr = _as_counts(counts)
    arr = arr[arr.sum(axis=1) >= 2]
    if len(arr) < 1 or (arr.sum(axis=0) > 0).sum() < 2:
        return math.nan
    return float(krippendorff.alpha(value_counts=arr, level_of_measurement="nominal"))


def why_undefined(counts, labels=None) -> str:
    """Plain words for why Krippendorff's alpha or Fleiss' kappa of ``counts`` is ``nan``, or
    ``""`` when both are defined. ``labels``: the column names, to name the one label used."""
    arr = _as_counts(counts)
    usable = arr[arr.sum(axis=1) >= 2] if arr.ndim == 2 and arr.size else np.zeros((0, 0))
    if len(usable) == 0:
        return ("no sentence was labelled by two or more learners, so there is nothing to compare "
                "yet (with one learner, agreement cannot be measured).")
    used = np.flatnonzero(usable.sum(axis=0) > 0)
    if len(used) < 2:
        name = f" ('{labels[used[0]]}')" if labels is not None and len(used) == 1 else ""
        return (f"every learner gave the same label{name} to every sentence compared, so there is no "
                "variation to measure agreement beyond chance against: alpha and kappa are undefined "
                "(this is not low agreement).")
    if len(usable) < 2:
        return ("only one sentence was labelled by two or more learners: Fleiss' kappa needs at least "
                "two (Krippendorff's alpha is shown but rests on very little data).")
    return ""


def observed_agreement(counts) -> np.ndarray:
    """Per item: the share of pairs of learners who gave the same label (``nan`` if < 2 labels)."""
    arr = _as_counts(counts)
    n_i = arr.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = ((arr ** 2).sum(axis=1) - n_i) / (n_i * (n_i - 1))
    p[n_i < 2] = np.nan
    return p


# ---------------------------------------------------------------- tables from a class


def current_labels(cls: ClassData, label_set: str | None = None):
    """One label per learner x article x sentence (the most recently updated one).

    ``label_set``: keep only that label set (labels from different label sets cannot be
    compared). ``None``: the course key's label set (``reporting``) if the class used it, else
    the most common label set in the class.
    """
    df = cls.labels
    memo = cls.__dict__.setdefault("_memo", {})
    memo_key = ("current_labels", label_set, id(df), len(df))
    if memo_key in memo:
        return memo[memo_key]
    if df.empty:
        return df[["learner", "article", "sentence", "label", "note", "confidence", "label_set", "activity"]]
    if label_set is None:
        label_set = _default_label_set(df)
    df = df[df["label_set"] == label_set]
    if df.duplicated(["learner", "article", "sentence"]).any():
        df = df.sort_values(["updated", "activity"]).drop_duplicates(["learner", "article", "sentence"], keep="last")
    out = df.sort_values(["article", "sentence", "learner"]).reset_index(drop=True)[
        ["learner", "article", "sentence", "label", "note", "confidence", "label_set", "activity"]]
    if len(memo) > 8:
        memo.clear()
    memo[memo_key] = out
    return out


def _key_label_set() -> str | None:
    """The course key's ``label_set`` (None without a usable key). Reading and checking the key
    costs ~0.1 s, so the answer is kept until the key file or the keys or articles manifest changes
    (the same rule as :func:`.loading.course_articles`)."""
    from .. import data, paths
    from . import key as key_mod

    folder = paths.data_dir() / "keys"
    stamps = []
    for f in (folder / data.MANIFEST, folder / key_mod.KEY_FILE, folder.parent / "articles" / data.MANIFEST):
        try:
            st = f.stat()
            stamps.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append(None)
    # the loader itself is part of the cache key, so a replaced load_key (tests) is always called
    return _key_label_set_cached(key_mod.load_key, str(folder), tuple(stamps))


@functools.lru_cache(maxsize=4)
def _key_label_set_cached(load_key, folder: str, stamps: tuple) -> str | None:
    from .. import data

    try:
        return load_key().get("label_set")
    except data.DataError:  # KeyFileError included
        return None


def _default_label_set(df) -> str:
    present = set(df["label_set"])
    ks = _key_label_set()
    if ks in present:
        return ks
    # counted in learners, not rows: one learner with a thousand activities cannot pick the label set
    return df.drop_duplicates(["learner", "label_set"])["label_set"].value_counts().idxmax()


def label_counts(cls: ClassData, article: str | None = None, label_set: str | None = None,
                 labels: list[str] | None = None):
    """Counts table: index ``(article, sentence)``, one column per label, cells = learners.

    ``labels`` fixes the column order (e.g. the key's labels); labels not listed come after.
    """
    import pandas as pd

    cur = current_labels(cls, label_set)
    if article is not None:
        cur = cur[cur["article"] == article]
    if cur.empty:
        return pd.DataFrame(columns=list(labels or []),
                            index=pd.MultiIndex.from_tuples([], names=["article", "sentence"]))
    tab = cur.groupby(["article", "sentence", "label"]).size().unstack("label", fill_value=0)
    order = [c for c in (labels or []) if c in tab.columns] + sorted(c for c in tab.columns if c not in (labels or []))
    for c in labels or []:
        if c not in tab.columns:
            tab[c] = 0
    cols = list(labels or []) + [c for c in order if c not in (labels or [])]
    tab = tab[cols]
    tab.columns.name = "label"
    return tab


def agreement_by_article(cls: ClassData, label_set: str | None = None):
    """Per article: learners, sentences with >= 2 labels, Krippendorff's alpha, Fleiss' kappa and
    the mean observed agreement (share of agreeing pairs)."""
    import pandas as pd

    counts = label_counts(cls, label_set=label_set)
    cur = current_labels(cls, label_set)
    rows = []
    for article in sorted(set(counts.index.get_level_values("article"))):
        c = counts.loc[article].to_numpy()
        usable = c.sum(axis=1) >= 2
        rows.append({
            "article": article,
            "learners": int(cur.loc[cur["article"] == article, "learner"].nunique()),
            "sentences": int(usable.sum()),
            "labels given": int(c.sum()),
            "krippendorff alpha": krippendorff_alpha(c),
            "fleiss kappa": fleiss_kappa(c),
            "observed agreement": float(np.nanmean(observed_agreement(c))) if usable.any() else math.nan,
            "why n/a": why_undefined(c, list(counts.columns)),
        })
    return pd.DataFrame(rows, columns=["article", "learners", "sentences", "labels given",
                                       "krippendorff alpha", "fleiss kappa", "observed agreement", "why n/a"])


def agreement_by_label(cls: ClassData, article: str | None = None, label_set: str | None = None,
                       labels: list[str] | None = None):
    """Per label: times used, Fleiss' kappa for that label, and Krippendorff's alpha of the
    yes/no question "is it this label?" (both over all articles unless ``article`` is given)."""
    import pandas as pd

    counts = label_counts(cls, article=article, label_set=label_set, labels=labels)
    c = counts.to_numpy(dtype=float)
    kappas = fleiss_kappa_by_category(c) if len(c) else []
    rows = []
    for j, label in enumerate(counts.columns):
        binary = np.column_stack([c[:, j], c.sum(axis=1) - c[:, j]]) if len(c) else np.zeros((0, 2))
        alpha = krippendorff_alpha(binary)
        kappa = float(kappas[j]) if len(c) else math.nan
        why = ""
        if math.isnan(alpha) or math.isnan(kappa):
            why = why_undefined(binary)
            usable = binary[binary.sum(axis=1) >= 2] if len(binary) else binary
            if len(usable) and usable[:, 0].sum() == 0:
                why = ("no sentence labelled by two or more learners got this label, so there is no "
                       "agreement about it to measure.")
            elif len(usable) and usable[:, 1].sum() == 0:
                why = ("every learner gave this label to every sentence compared, so there is no "
                       "variation to measure agreement beyond chance against (this is not low agreement).")
            elif not why and math.isnan(kappa):
                why = "Fleiss' kappa for one label needs that label to be both used and not used."
        rows.append({"label": label, "times used": int(c[:, j].sum()) if len(c) else 0,
                     "fleiss kappa": kappa, "krippendorff alpha": alpha, "why n/a": why})
    return pd.DataFrame(rows, columns=["label", "times used", "fleiss kappa", "krippendorff alpha", "why n/a"])


def disputed_sentences(cls: ClassData, top: int = 10, key: dict | None | bool = False,
                       label_set: str | None = None, min_raters: int = 2):
    """The sentences learners disagreed on most, with their text.

    Sorted by observed agreement (share of pairs of learners who agree), lowest first, then by
    the number of learners. ``key``: a key dict, ``None`` to load the course key, ``False`` (the
    default) to leave the key's label out.
    """
    import pandas as pd

    from .loading import sentence_texts

    counts = label_counts(cls, label_set=label_set)
    cols = ["article", "sentence", "text", "learners", "agreement", "most common",
            "share", "labels given"]
    if counts.empty:
        return pd.DataFrame(columns=cols)
    c = counts.to_numpy(dtype=float)
    n = c.sum(axis=1)
    agree = observed_agreement(c)
    top_idx = c.argmax(axis=1)
    labels = np.asarray(counts.columns)
    rows = []
    for i, (article, sid) in enumerate(counts.index):
        if n[i] < min_raters:
            continue
        spread = " · ".join(f"{labels[j]} {int(c[i, j])}" for j in np.argsort(-c[i], kind="stable") if c[i, j] > 0)
        rows.append((article, sid, None, int(n[i]), float(agree[i]), labels[top_idx[i]],
                     float(c[i, top_idx[i]] / n[i]), spread))
    df = pd.DataFrame(rows, columns=cols).sort_values(["agreement", "learners"], ascending=[True, False],
                                                     kind="stable").head(top).reset_index(drop=True)
    texts = sentence_texts(df["article"].unique(), cls)  # a learner's own article: the text they handed in
    df["text"] = [texts.get((a, s), "") for a, s in zip(df["article"], df["sentence"], strict=True)]
    if key is not False:
        from .key import key_table

        kt = key_table(key).set_index(["article", "sentence"])["label"]
        df["key"] = [kt.get((a, s), "") for a, s in zip(df["article"], df["sentence"], strict=True)]
    return df

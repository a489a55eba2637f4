"""What a class learned: the skills check before and after the unit, per skill and overall.

Each learner takes one form of the skills check before the unit and the other form after it
(:func:`medialit.skillcheck.form_for` gives half the class form A first). The records are kept by
:func:`~medialit.analysis.load_class` in ``cls.skillchecks``; this module scores them with
:func:`medialit.skillcheck.score` and builds three tables and a plain-words conclusion:

* :func:`long_table`: one row per learner x phase x skill (``overall`` included), with the points
  scored, the points possible and the fraction;
* :func:`learner_table`: one row per learner x skill: before, after, gain and the learner's own
  normalised gain, with a ``status`` saying whether the learner counts for the class;
* :func:`class_summary`: one row per skill and ``overall``: learners with both checks, mean
  before, mean after, mean gain, the class's normalised gain and bootstrap intervals;
* :func:`conclusion`: sentences for a teacher on what a class of this size can and cannot conclude.

**Normalised gain.** The class's gain is Hake's average normalised gain, computed on the class
means: ``g = (mean after - mean before) / (1 - mean before)``, the share of the points the class
could still gain that it did gain (R. R. Hake, "Interactive-engagement versus traditional
methods", *American Journal of Physics* 66(1), 1998, https://doi.org/10.1119/1.18809). Computing
it on the means (and not averaging each learner's own gain) keeps every learner in: a learner with
100% before has no room to gain, so their *own* normalised gain is not defined (shown as empty,
with a note), but their scores still count in the class means. ``g`` is undefined only when the
class mean before is 100%.

**Interval.** A percentile bootstrap over learners: the learners with both checks are resampled
with replacement ``n_boot`` times (default 2000, fixed seed, so the same class always gives the
same interval), ``g`` is computed for each resample, and the middle 95% of those values is the
interval. It shows how much ``g`` depends on which learners happened to be in the class; it
says nothing about causes. With fewer than :data:`MIN_FOR_INTERVAL` learners no interval is given.

**Who counts.** Only learners who finished both checks on different forms. A learner with one
check (or one not finished) and a learner who took the same form twice are left out and counted.
"""
from __future__ import annotations

import json
import math

import numpy as np

from .. import plots as _p
from ..display import SafeHTML, esc, plural

PHASES = ("before", "after")
OVERALL = "overall"
#: Fewer learners than this with both checks: no interval (a bootstrap of 2-4 values means nothing).
MIN_FOR_INTERVAL = 5
N_BOOT = 2000
SEED = 2026
LEVEL = 0.95
LONG_COLUMNS = ["learner", "phase", "form", "skill", "score", "max_points", "fraction", "finished"]
LEARNER_COLUMNS = ["learner", "skill", "status", "form before", "form after", "before", "after", "gain",
                   "normalised gain", "note"]
SUMMARY_COLUMNS = ["skill", "learners", "mean before", "mean after", "mean gain", "normalised gain", "g low",
                   "g high", "gain low", "gain high", "left out (one check)", "left out (same form twice)",
                   "A first", "B first", "at 100% before"]
BOTH, SAME_FORM = "both checks", "same form twice"


def skills() -> tuple:
    """The skills of the check (from :mod:`medialit.skillcheck`), in their order."""
    from .. import skillcheck

    return tuple(skillcheck.SKILLS)


def _skill_order(names) -> list:
    try:
        known = list(skills())
    except ImportError:  # pragma: no cover - the skills check ships with the course
        known = []
    names = [n for n in dict.fromkeys(names) if n != OVERALL]
    ordered = [s for s in known if s in names] + sorted(n for n in names if n not in known)
    return ordered + [OVERALL]


# ---------------------------------------------------------------- scores


def long_table(cls, *, scorer=None):
    """One row per learner x phase x skill (and ``overall``): ``learner, phase, form, skill,
    score, max_points, fraction, finished``. ``scorer(form, answers)`` gives per-item points
    (default :func:`medialit.skillcheck.score`); written answers are not part of the score."""
    import pandas as pd

    records = getattr(cls, "skillchecks", None)
    if records is None or len(records) == 0:
        return pd.DataFrame(columns=LONG_COLUMNS)
    if scorer is None:
        from ..skillcheck import score as scorer
    parts, recs = [], list(records.itertuples(index=False))
    for i, rec in enumerate(recs):
        answers = json.loads(rec.answers) if isinstance(rec.answers, str) else dict(rec.answers or {})
        items = scorer(rec.form, answers)
        parts.append(pd.DataFrame({"rec": i, "skill": items["skill"].to_numpy(),
                                   "points": items["points"].to_numpy(dtype=float),
                                   "max_points": items["max_points"].to_numpy(dtype=float)}))
    scored = pd.concat(parts, ignore_index=True)
    per = pd.concat([scored, scored.assign(skill=OVERALL)]).groupby(["rec", "skill"], sort=False)[
        ["points", "max_points"]].sum().sort_index(level=0, sort_remaining=False)
    rows = []
    for (i, skill), pts, mx in zip(per.index, per["points"], per["max_points"], strict=True):
        rec = recs[i]
        rows.append((rec.learner, rec.phase, rec.form, skill, float(pts), float(mx),
                     float(pts) / mx if mx > 0 else math.nan, bool(rec.finished)))
    return pd.DataFrame(rows, columns=LONG_COLUMNS)


def learner_table(long, *, finished_only: bool = True):
    """One row per learner x skill: ``status`` (:data:`BOTH` when the learner counts for the class,
    else why not), the forms, ``before``, ``after``, ``gain`` (after - before) and the learner's own
    ``normalised gain`` (empty at 100% before: no room to gain; the ``note`` says so).

    ``finished_only``: a check the learner did not mark finished counts as not taken."""
    import pandas as pd

    if long is None or len(long) == 0:
        return pd.DataFrame(columns=LEARNER_COLUMNS)
    done = long["finished"].astype(bool).to_numpy()
    use = long[done] if finished_only else long
    unfinished = set(zip(long.loc[~done, "learner"], long.loc[~done, "phase"], strict=True))
    frac = dict(zip(zip(use["learner"], use["phase"], use["skill"], strict=True), use["fraction"], strict=True))
    forms = dict(zip(zip(use["learner"], use["phase"], strict=True), use["form"].astype(str), strict=True))
    skills_of = long.groupby("learner", sort=True)["skill"].agg(set)
    order = _skill_order(long["skill"])
    rows = []
    for learner, mine in skills_of.items():
        fb, fa = forms.get((learner, "before"), ""), forms.get((learner, "after"), "")
        if fb and fa:
            status = SAME_FORM if fb == fa else BOTH
        else:
            status = "before only" if fb else "after only" if fa else "none"
        missing = [p for p in PHASES if (learner, p) in unfinished and not forms.get((learner, p))]
        base_note = f"{' and '.join(missing)} check not finished" if missing else ""
        for skill in order:
            if skill not in mine:
                continue
            b = float(frac.get((learner, "before", skill), math.nan))
            a = float(frac.get((learner, "after", skill), math.nan))
            gain = a - b
            note = base_note
            if b >= 1.0:
                g = math.nan
                note = "; ".join(x for x in (note, "100% before: no room to gain") if x)
            else:
                g = gain / (1.0 - b)
            if status == SAME_FORM:
                note = "; ".join(x for x in (note, "same questions twice: not counted") if x)
            rows.append((learner, skill, status, fb, fa, b, a, gain, g, note))
    return pd.DataFrame(rows, columns=LEARNER_COLUMNS)


# ---------------------------------------------------------------- the class


def normalised_gain(before: float, after: float) -> float:
    """``(after - before) / (1 - before)``; NaN when ``before`` is 1 (no room to gain) or unknown."""
    if not (before < 1.0) or math.isnan(after):
        return math.nan
    return (after - before) / (1.0 - before)


def _bootstrap(before, after, n_boot: int, seed: int, level: float):
    """Percentile intervals of the class's normalised gain and mean gain, resampling learners."""
    n = len(before)
    if n < MIN_FOR_INTERVAL or n_boot < 1:
        return (math.nan,) * 4
    idx = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    mb, ma = before[idx].mean(axis=1), after[idx].mean(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(mb < 1.0, (ma - mb) / (1.0 - mb), np.nan)
    q = [50 * (1 - level), 100 - 50 * (1 - level)]
    g_lo, g_hi = (np.nanpercentile(g, q) if np.isnan(g).mean() <= 0.05 else (math.nan, math.nan))
    d_lo, d_hi = np.percentile(ma - mb, q)
    return float(g_lo), float(g_hi), float(d_lo), float(d_hi)


def class_summary(learners, *, n_boot: int = N_BOOT, seed: int = SEED, level: float = LEVEL):
    """One row per skill and ``overall`` (:data:`SUMMARY_COLUMNS`) from :func:`learner_table`:
    learners with both checks, mean before and after, mean gain, the class's normalised gain
    (on the means, see the module docstring) with a percentile bootstrap interval (``g low``,
    ``g high``; and ``gain low``/``gain high`` for the mean gain), and who was left out."""
    import pandas as pd

    if learners is None or len(learners) == 0:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    per_learner = learners.drop_duplicates("learner")
    one = int(per_learner["status"].isin(["before only", "after only"]).sum())
    same = int((per_learner["status"] == SAME_FORM).sum())
    counted = per_learner[per_learner["status"] == BOTH]
    a_first, b_first = int((counted["form before"] == "A").sum()), int((counted["form before"] == "B").sum())
    rows = []
    for skill in _skill_order(learners["skill"]):
        t = learners[(learners["skill"] == skill) & (learners["status"] == BOTH)]
        t = t.dropna(subset=["before", "after"])
        b, a = t["before"].to_numpy(dtype=float), t["after"].to_numpy(dtype=float)
        mb = float(b.mean()) if len(b) else math.nan
        ma = float(a.mean()) if len(a) else math.nan
        g_lo, g_hi, d_lo, d_hi = _bootstrap(b, a, n_boot, seed, level)
        rows.append((skill, len(t), mb, ma, ma - mb, normalised_gain(mb, ma), g_lo, g_hi, d_lo, d_hi,
                     one, same, a_first, b_first, int((b >= 1.0).sum())))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def learning_tables(cls, **kw) -> dict:
    """``{"learning_learners": learner_table, "learning_summary": class_summary}`` for CSV export."""
    learners = learner_table(long_table(cls))
    return {"learning_learners": learners, "learning_summary": class_summary(learners, **kw)}


# ---------------------------------------------------------------- plain words


def _pct(x) -> str:
    return "n/a" if x is None or math.isnan(x) else f"{x:.0%}"


def _g(x) -> str:
    return "n/a" if x is None or math.isnan(x) else f"{x:.2f}"


def _interval(r) -> str:
    if math.isnan(r["g low"]):
        return "no interval"
    return f"{LEVEL:.0%} interval {_g(r['g low'])} to {_g(r['g high'])}"


def conclusion(summary) -> list[str]:
    """Plain sentences for a teacher: what the class's results show, and what a class of this size
    without a comparison class can and cannot conclude."""
    if summary is None or len(summary) == 0 or OVERALL not in set(summary["skill"]):
        return ["No learner has taken the skills check yet, so there is no before-and-after to compare. "
                "Learners take one form before the unit (notebook 00b) and the other after it (notebook 05)."]
    s = summary.set_index("skill")
    o = s.loc[OVERALL]
    n, one, same = int(o["learners"]), int(o["left out (one check)"]), int(o["left out (same form twice)"])
    out = []
    if n == 0:
        out.append("No learner has finished both checks yet, so there is no before-and-after to compare.")
    else:
        out.append(f"{plural(n, 'learner')} finished both checks. The mean overall score went from "
                   f"{_pct(o['mean before'])} before the unit to {_pct(o['mean after'])} after it: a "
                   f"normalised gain of {_g(o['normalised gain'])} (the share of the points still to "
                   f"gain that the class gained; {_interval(o)}).")
        if math.isnan(o["g low"]):
            out.append(f"With fewer than {MIN_FOR_INTERVAL} learners there is no interval: these numbers "
                       "describe these learners only, and say nothing reliable about a change.")
        elif o["g low"] > 0:
            out.append("The interval lies above 0, so this class scored higher after the unit than before, "
                       "by more than the chance of which learners were in it would explain.")
        elif o["g high"] < 0:
            out.append("The interval lies below 0, so this class scored lower after the unit than before.")
        else:
            out.append("The interval includes 0, so these results do not show a change: there may be one "
                       "that is too small for a class of this size to detect.")
        skills_text = [f"{k} {_g(r['normalised gain'])} ({_interval(r)})" for k, r in s.iterrows() if k != OVERALL]
        if skills_text:
            out.append("Normalised gain by skill: " + "; ".join(skills_text) + ".")
        unclear = [k for k, r in s.iterrows() if k != OVERALL and not math.isnan(r["g low"])
                   and r["g low"] <= 0 <= r["g high"]]
        if unclear:
            out.append(f"For {' and '.join(unclear)} the interval includes 0: the results do not show a "
                       "change in that skill on its own.")
        if not math.isnan(o["g low"]):
            width = o["g high"] - o["g low"]
            out.append(f"With {plural(n, 'learner')} the overall interval is {width:.2f} wide, and the "
                       "intervals per skill (fewer questions each) are wider: differences between skills "
                       "smaller than that are not reliable.")
        out.append("There was no comparison class that did not take the unit, so these results cannot show "
                   "that the unit caused the change: learners also learn elsewhere, and the second check "
                   "was their second try at this kind of task.")
        a, b = int(o["A first"]), int(o["B first"])
        if a and b and abs(a - b) <= max(2, 0.2 * n):
            out.append(f"The forms were counterbalanced ({a} took form A first, {b} form B first), so a "
                       "difference in difficulty between the two forms does not explain the change.")
        else:
            out.append(f"The forms were not counterbalanced ({a} took form A first, {b} form B first), so "
                       "part of the change may come from one form being easier than the other.")
        top = {k: int(r["at 100% before"]) for k, r in s.iterrows() if int(r["at 100% before"])}
        if top:
            where = "; ".join(f"{plural(v, 'learner')} on {'the whole check' if k == OVERALL else k}"
                              for k, v in top.items())
            out.append(f"Some learners scored 100% before ({where}): they count in the class means, but "
                       "have no room to gain there, so their own normalised gain is left empty.")
    if one:
        out.append(f"{plural(one, 'learner')} took (or finished) only one of the two checks and "
                   f"{'is' if one == 1 else 'are'} left out; the per-learner table lists them.")
    if same:
        out.append(f"{plural(same, 'learner')} took the same form twice and {'is' if same == 1 else 'are'} "
                   "left out (answering the same questions again would inflate the gain).")
    return out


def describe_learning(summary) -> str:
    """The one-line summary under :func:`plot_learning`."""
    if summary is None or len(summary) == 0 or int(summary["learners"].max()) == 0:
        return "No learner has finished both skills checks yet."
    o = summary.set_index("skill").loc[OVERALL]
    per = summary[summary["skill"] != OVERALL].dropna(subset=["normalised gain"])
    extra = ""
    if len(per) > 1:
        hi = per.loc[per["normalised gain"].idxmax()]
        lo = per.loc[per["normalised gain"].idxmin()]
        extra = f" Largest gain: {hi['skill']} ({_g(hi['normalised gain'])}); smallest: {lo['skill']} ({_g(lo['normalised gain'])})."
    return (f"Overall, {plural(int(o['learners']), 'learner')}: {_pct(o['mean before'])} before, "
            f"{_pct(o['mean after'])} after; normalised gain {_g(o['normalised gain'])} ({_interval(o)}).{extra}")


def plot_learning(summary):
    """Left: mean score before and after per skill (bars with the percentages printed; before is
    orange and plain, after blue and hatched). Right: the normalised gain per skill with its
    bootstrap interval as a bar, and a line at 0. Returns the Figure."""
    import matplotlib.pyplot as plt

    from .plots import FONT

    _p.setup(FONT)
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5.5), layout="constrained",
                                      gridspec_kw={"width_ratios": [3, 2]})
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    if summary is None or len(summary) == 0 or int(summary["learners"].max()) == 0:
        for ax in (left, right):
            ax.set_axis_off()
        left.text(0.5, 0.5, "No learner has finished both checks yet.", ha="center", va="center",
                  transform=left.transAxes, fontsize=FONT)
        return fig
    names = list(summary["skill"])
    y = np.arange(len(names))[::-1]
    h = 0.38
    for i, (col, off, style) in enumerate((("mean before", h / 2, _p.style(0)), ("mean after", -h / 2, _p.style(4)))):
        vals = summary[col].to_numpy(dtype=float)
        left.barh(y + off, np.nan_to_num(vals), height=h, color=style["color"], hatch="" if i == 0 else "//",
                  edgecolor="black", label=col.removeprefix("mean "))
        for yy, v in zip(y + off, vals, strict=True):
            left.text(np.nan_to_num(v) + 0.01, yy, _pct(v), va="center", fontsize=FONT - 3)
    left.set_yticks(y, [f"{k} ({n})" for k, n in zip(names, summary["learners"], strict=True)])
    left.set_xlim(0, 1.15)
    left.set_xlabel("mean score (share of points; learners in brackets)")
    left.legend(loc="lower right", frameon=False)
    left.set_title("Skills check: before and after")
    g = summary["normalised gain"].to_numpy(dtype=float)
    lo, hi = summary["g low"].to_numpy(dtype=float), summary["g high"].to_numpy(dtype=float)
    err = np.vstack([np.nan_to_num(g - lo), np.nan_to_num(hi - g)])
    right.errorbar(np.nan_to_num(g), y, xerr=err, fmt="D", color=_p.PALETTE[5], ecolor="black",
                   markeredgecolor="black", markersize=9, capsize=6, linewidth=2)
    for yy, v, l_, h_ in zip(y, g, lo, hi, strict=True):
        text = _g(v) if math.isnan(l_) else f"{_g(v)} [{_g(l_)}, {_g(h_)}]"
        right.text(0.02, yy + 0.28, text, transform=right.get_yaxis_transform(), fontsize=FONT - 4)
    right.axvline(0, color="black", linewidth=1, linestyle="--")
    finite = np.concatenate([x[np.isfinite(x)] for x in (g, lo, hi)] + [np.array([0.0, 1.0])])
    right.set_xlim(min(-0.1, finite.min() - 0.1), max(1.0, finite.max() + 0.05))
    right.set_ylim(-0.6, len(names) - 0.3)
    right.set_yticks(y, names)
    right.set_xlabel(f"normalised gain ({LEVEL:.0%} interval)")
    right.set_title("Normalised gain")
    return fig


def learning_html(cls, **kw) -> SafeHTML:
    """The dashboard section: the plot with its summary, the conclusion as a list, the class
    summary and the per-learner table (every cell escaped)."""
    from .plots import figure_html
    from .views import html_table

    tables = learning_tables(cls, **kw)
    summary = tables["learning_summary"]
    words = conclusion(summary)
    text = describe_learning(summary)
    parts = ["<ul class='medialit-learning-conclusion'>" + "".join(f"<li>{esc(w)}</li>" for w in words) + "</ul>"]
    if len(summary) and int(summary["learners"].max()) > 0:
        parts.insert(0, figure_html(plot_learning(summary), text))
    if len(summary):
        parts.append(html_table(summary.round(2), caption="Class summary per skill").markup)
        wide = tables["learning_learners"]
        wide = wide.pivot_table(index=["learner", "status"], columns="skill", values="gain", sort=False,
                                dropna=False).reset_index() if len(wide) else wide
        parts.append(html_table(wide.round(2), max_rows=500,
                                caption="Gain per learner (after minus before, share of points)").markup)
    return SafeHTML("".join(parts), text + "\n" + "\n".join(words))

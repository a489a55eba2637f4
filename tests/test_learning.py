"""Learning before and after the unit (medialit.analysis.learning): scores, normalised gain,
bootstrap intervals, the plain-words conclusion, the plot, CSV export and the dashboard section."""
from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from medialit.analysis import learning as L

SK = ("provenance", "opinion", "claims")


def _long(rows):
    """A long table from ``(learner, phase, form, {skill: (points, max)})`` rows (``overall`` added)."""
    out = []
    for learner, phase, form, per, *rest in rows:
        finished = rest[0] if rest else True
        for skill, (pts, mx) in per.items():
            out.append((learner, phase, form, skill, float(pts), float(mx), pts / mx, finished))
        pts, mx = sum(p for p, _ in per.values()), sum(m for _, m in per.values())
        out.append((learner, phase, form, L.OVERALL, float(pts), float(mx), pts / mx, finished))
    return pd.DataFrame(out, columns=L.LONG_COLUMNS)


def _row(summary, skill):
    return summary.set_index("skill").loc[skill]


# ---------------------------------------------------------------- hand-computed


def test_normalised_gain_by_hand_on_a_tiny_table():
    long = _long([("ann", "before", "A", {"claims": (2, 4)}), ("ann", "after", "B", {"claims": (3, 4)}),
                  ("ben", "before", "B", {"claims": (1, 4)}), ("ben", "after", "A", {"claims": (3, 4)})])
    lt = L.learner_table(long)
    mine = lt[lt["skill"] == "claims"].set_index("learner")
    assert mine.loc["ann", "gain"] == pytest.approx(0.25)
    assert mine.loc["ann", "normalised gain"] == pytest.approx(0.25 / 0.5)
    assert mine.loc["ben", "normalised gain"] == pytest.approx(0.5 / 0.75)
    assert set(mine["status"]) == {L.BOTH}
    s = _row(L.class_summary(lt), "claims")
    assert s["learners"] == 2
    assert s["mean before"] == pytest.approx(0.375) and s["mean after"] == pytest.approx(0.75)
    # g on the class means, not the mean of the learners' own gains (0.583...)
    assert s["normalised gain"] == pytest.approx((0.75 - 0.375) / (1 - 0.375))
    assert math.isnan(s["g low"])                 # 2 learners: no interval
    assert s["A first"] == 1 and s["B first"] == 1
    text = " ".join(L.conclusion(L.class_summary(lt)))
    assert "2 learners finished both checks" in text and "no interval" in text.lower()
    assert L.normalised_gain(1.0, 1.0) != L.normalised_gain(1.0, 1.0)  # NaN


def test_learners_with_one_check_or_the_same_form_twice_are_left_out_and_counted():
    rows = [("ann", "before", "A", {"claims": (2, 4)}), ("ann", "after", "B", {"claims": (4, 4)}),
            ("ben", "before", "B", {"claims": (1, 4)}),                                  # before only
            ("cat", "after", "A", {"claims": (3, 4)}),                                   # after only
            ("dan", "before", "A", {"claims": (0, 4)}), ("dan", "after", "A", {"claims": (4, 4)}),  # same form
            ("eve", "before", "B", {"claims": (1, 4)}), ("eve", "after", "A", {"claims": (1, 4)}, False)]
    lt = L.learner_table(_long(rows))
    status = lt.drop_duplicates("learner").set_index("learner")["status"]
    assert status.to_dict() == {"ann": L.BOTH, "ben": "before only", "cat": "after only", "dan": L.SAME_FORM,
                                "eve": "before only"}
    assert "after check not finished" in lt.set_index("learner").loc["eve", "note"].iloc[0]
    s = _row(L.class_summary(lt), L.OVERALL)
    assert s["learners"] == 1 and s["mean before"] == 0.5 and s["mean after"] == 1.0
    assert s["left out (one check)"] == 3 and s["left out (same form twice)"] == 1
    text = " ".join(L.conclusion(L.class_summary(lt)))
    assert "3 learners took (or finished) only one of the two checks and are left out" in text
    assert "1 learner took the same form twice and is left out" in text
    # counting an unfinished check as taken brings eve in
    lt_all = L.learner_table(_long(rows), finished_only=False)
    assert _row(L.class_summary(lt_all), L.OVERALL)["learners"] == 2


def test_a_learner_at_100_percent_before():
    rows = [("top", "before", "A", {"claims": (4, 4)}), ("top", "after", "B", {"claims": (3, 4)}),
            ("mid", "before", "B", {"claims": (2, 4)}), ("mid", "after", "A", {"claims": (4, 4)})]
    lt = L.learner_table(_long(rows)).set_index(["learner", "skill"])
    assert math.isnan(lt.loc[("top", "claims"), "normalised gain"])
    assert lt.loc[("top", "claims"), "gain"] == pytest.approx(-0.25)
    assert "no room to gain" in lt.loc[("top", "claims"), "note"]
    s = L.class_summary(L.learner_table(_long(rows)))
    r = _row(s, "claims")
    # top still counts in the class means: before 0.75, after 0.875 -> g = 0.125 / 0.25
    assert r["learners"] == 2 and r["at 100% before"] == 1
    assert r["normalised gain"] == pytest.approx(0.5)
    assert "Some learners scored 100% before (1 learner on claims" in " ".join(L.conclusion(s))
    # a whole class at 100% before: g is undefined, said without a crash
    full = L.class_summary(L.learner_table(_long([(w, p, f, {"claims": (4, 4)}) for w in ("a", "b")
                                                  for p, f in (("before", "A"), ("after", "B"))])))
    assert math.isnan(_row(full, "claims")["normalised gain"])
    assert "n/a" in L.describe_learning(full)


def test_empty_class_gives_plain_words_not_a_crash():
    empty = pd.DataFrame(columns=L.LONG_COLUMNS)
    lt = L.learner_table(empty)
    s = L.class_summary(lt)
    assert list(lt.columns) == L.LEARNER_COLUMNS and list(s.columns) == L.SUMMARY_COLUMNS
    words = L.conclusion(s)
    assert len(words) == 1 and "No learner has taken the skills check yet" in words[0]
    assert L.describe_learning(s).startswith("No learner")
    fig = L.plot_learning(s)
    fig.savefig(__import__("io").BytesIO(), format="png")
    _close(fig)


# ---------------------------------------------------------------- intervals


def _simulated(n, g_true, seed, items=6):
    """Learners whose chance on each item after the unit is p + g_true (1 - p)."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        p = 1 / (1 + np.exp(-rng.normal(0, 1)))
        first, second = ("A", "B") if i % 2 else ("B", "A")
        for phase, form, q in (("before", first, p), ("after", second, p + g_true * (1 - p))):
            rows.append((f"s{i:03d}", phase, form, {s: (int((rng.random(items) < q).sum()), items) for s in SK}))
    return _long(rows)


def test_interval_recovers_a_known_gain_and_contains_zero_without_one():
    s = L.class_summary(L.learner_table(_simulated(120, 0.4, seed=3)))
    for _, r in s.iterrows():
        assert r["g low"] < 0.4 < r["g high"], r["skill"]
        assert r["g low"] > 0
    none = L.class_summary(L.learner_table(_simulated(120, 0.0, seed=4)))
    o = _row(none, L.OVERALL)
    assert o["g low"] < 0 < o["g high"]
    assert "includes 0" in " ".join(L.conclusion(none))


def test_bootstrap_is_reproducible_fast_and_narrows_with_more_learners():
    import time

    lt = L.learner_table(_simulated(1000, 0.3, seed=5))
    t = time.perf_counter()
    a = L.class_summary(lt)
    assert time.perf_counter() - t < 5        # vectorised: 2000 resamples of 1000 learners x 4 skills
    pd.testing.assert_frame_equal(a, L.class_summary(lt))
    assert not a.equals(L.class_summary(lt, seed=7))
    small = _row(L.class_summary(L.learner_table(_simulated(20, 0.3, seed=5))), L.OVERALL)
    big = _row(a, L.OVERALL)
    assert (small["g high"] - small["g low"]) > 2 * (big["g high"] - big["g low"])


def test_conclusion_says_what_cannot_be_concluded():
    s = L.class_summary(L.learner_table(_simulated(30, 0.5, seed=1)))
    text = " ".join(L.conclusion(s))
    assert "30 learners finished both checks" in text
    assert "above 0" in text
    assert "no comparison class" in text and "cannot show that the unit caused" in text
    assert "counterbalanced (15 took form A first, 15 form B first)" in text
    assert "not reliable" in text                                   # the width of the interval
    one_sided = L.class_summary(L.learner_table(_long([
        (f"s{i}", p, f, {"claims": (i % 4, 4)}) for i in range(6) for p, f in (("before", "A"), ("after", "B"))])))
    assert "not counterbalanced (6 took form A first, 0 form B first)" in " ".join(L.conclusion(one_sided))


def test_plot_and_summary_line():
    s = L.class_summary(L.learner_table(_simulated(30, 0.5, seed=1)))
    fig = L.plot_learning(s)
    left, right = fig.axes
    assert [t.get_text().split(" (")[0] for t in left.get_yticklabels()] == list(s["skill"])
    assert len(left.patches) == 2 * len(s)                # before and after bar per skill
    hatches = {p.get_hatch() for p in left.patches}
    assert hatches == {None, "//"} or hatches == {"", "//"}  # colour is not the only signal
    line = L.describe_learning(s)
    assert line.startswith("Overall, 30 learners:") and "normalised gain" in line and "interval" in line
    _close(fig)


def _close(fig):
    """The caller closes what it draws (ml.plots.show does in the dashboard)."""
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_csv_export_columns(tmp_path):
    from medialit.analysis import export_csv

    lt = L.learner_table(_simulated(10, 0.3, seed=2))
    tables = {"learning_learners": lt, "learning_summary": L.class_summary(lt)}
    paths = export_csv(tables, tmp_path)
    assert sorted(p.name for p in paths) == ["learning_learners.csv", "learning_summary.csv"]
    with open(tmp_path / "learning_summary.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == L.SUMMARY_COLUMNS and len(rows) == 1 + len(SK) + 1
    with open(tmp_path / "learning_learners.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == L.LEARNER_COLUMNS and len(rows) == 1 + 10 * (len(SK) + 1)


# ---------------------------------------------------------------- the synthetic class

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import synthetic_class as synthetic  # noqa: E402 - tools/synthetic_class.py (not part of the package)
import synthetic_skillcheck  # noqa: E402 - tools/synthetic_skillcheck.py


def _summary_of(folder):
    import medialit as ml

    cls = ml.load_class(folder)
    return cls, L.class_summary(L.learner_table(L.long_table(cls)))


def test_synthetic_class_with_a_known_effect_recovers_it(tmp_path):
    """The generator's true normalised gain (0.4 for every skill) lies inside each interval, and no
    interval reaches 0."""
    synthetic.make_class(tmp_path, learners=80, seed=11, broken=False, effect={s: 0.4 for s in SK})
    cls, s = _summary_of(tmp_path)
    assert cls.report.empty or not cls.report["activity"].str.startswith("skills-check").any()
    assert list(s["skill"]) == [*SK, L.OVERALL]
    for _, r in s.iterrows():
        assert r["g low"] < 0.4 < r["g high"], (r["skill"], r["g low"], r["g high"])
        assert r["g low"] > 0, r["skill"]
    o = _row(s, L.OVERALL)
    assert o["learners"] + o["left out (one check)"] <= 80 and o["learners"] >= 70
    assert o["A first"] > 25 and o["B first"] > 25                       # counterbalanced by form_for


def test_synthetic_class_without_an_effect_shows_none(tmp_path):
    synthetic.make_class(tmp_path, learners=80, seed=12, broken=False, effect=synthetic_skillcheck.NO_EFFECT)
    _, s = _summary_of(tmp_path)
    o = _row(s, L.OVERALL)
    assert o["g low"] < 0 < o["g high"]
    assert "includes 0" in " ".join(L.conclusion(s))


def test_intervals_cover_the_true_gain_in_most_synthetic_classes():
    """Over 30 made-up classes of 40 learners, the 95% interval of the overall gain holds the true
    gain (0.35) in at least 24 (a broken interval, e.g. one that ignored the spread, would not)."""
    import datetime as dt
    import json

    t = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    ids = [f"s{i:02d}" for i in range(40)]
    covered = 0
    for seed in range(30):
        recs = synthetic_skillcheck.records(ids, seed, {k: 0.35 for k in SK}, before_at=t,
                                            after_at={i: "2026-03-20T10:00:00Z" for i in ids})
        rows = [(lr, a, r["data"]["phase"], r["data"]["form"], json.dumps(r["data"]["answers"]), "",
                 r["data"]["finished"], "", r["updated"]) for lr, acts in recs.items() for a, r in acts.items()]
        cls = type("Cls", (), {"skillchecks": pd.DataFrame(rows, columns=__import__(
            "medialit.analysis.loading", fromlist=["x"]).SKILLCHECK_COLUMNS)})()
        o = _row(L.class_summary(L.learner_table(L.long_table(cls)), n_boot=1000), L.OVERALL)
        covered += o["g low"] < 0.35 < o["g high"]
    assert covered >= 24, covered


def test_effect_option_of_the_command_line():
    assert synthetic_skillcheck.parse_effect(None) == synthetic_skillcheck.DEFAULT_EFFECT
    assert synthetic_skillcheck.parse_effect("0.5") == {s: 0.5 for s in SK}
    assert synthetic_skillcheck.parse_effect("claims=0.6")["claims"] == 0.6
    assert synthetic_skillcheck.parse_effect("", none=True) == {s: 0.0 for s in SK}
    for bad in ("1.5", "lots", "spelling=0.3", "nan"):
        with pytest.raises(ValueError):
            synthetic_skillcheck.parse_effect(bad)
    assert synthetic_skillcheck.effect_option({s: 0.0 for s in SK}) == "--no-effect"
    assert synthetic_skillcheck.effect_option(synthetic_skillcheck.DEFAULT_EFFECT) == ""


# ---------------------------------------------------------------- loading and the dashboard


def _sc(phase, form, answers, finished=True, when="2026-03-06T10:00:00Z"):
    return {"kind": "skillcheck", "article": None, "updated": when,
            "data": {"form": form, "phase": phase, "answers": answers, "written": "<b>my plan</b>",
                     "finished": finished, "finished_at": when if finished else ""}}


def _class_folder(folder: Path) -> Path:
    from submission_helpers import sub, write

    folder.mkdir(parents=True, exist_ok=True)
    write(folder, "ann.submission.json", sub("ann", activities={
        "skills-check:before": _sc("before", "A", {"A-prov-1": "a"}),
        "skills-check:after": _sc("after", "B", {"B-prov-1": "zzz"})}))       # not an option: item skipped
    write(folder, "ben.submission.json", sub("ben", activities={
        "skills-check:before": _sc("before", "C", {})}))                      # no form C: activity skipped
    return folder


def test_bad_skillcheck_records_are_reported_with_a_code_and_skipped(tmp_path):
    import medialit as ml

    cls = ml.load_class(_class_folder(tmp_path))
    assert list(cls.skillchecks.columns) == __import__("medialit.analysis.loading", fromlist=["x"]).SKILLCHECK_COLUMNS
    assert set(zip(cls.skillchecks["learner"], cls.skillchecks["phase"], strict=True)) == {("ann", "before"), ("ann", "after")}
    rep = cls.report.set_index("learner")
    assert rep.loc["ben", "code"] == "bad_form" and rep.loc["ben", "level"] == "activity skipped"
    assert "unknown_choice" in set(cls.report["code"])
    long = L.long_table(cls)
    assert set(long["learner"]) == {"ann"} and (long["fraction"] == 0).all()   # "a" is not A-prov-1's key
    assert "skillchecks" in cls.tables()


def test_dashboard_shows_learning_and_offers_its_csv_files(tmp_path):
    import medialit as ml
    from medialit.analysis import app as A

    synthetic.make_class(tmp_path / "class", learners=24, seed=5, broken=False)
    app = A.dashboard(tmp_path / "class", export="")
    html = app.learning.value
    assert "Normalised gain by skill" in html and "Plot summary: Overall," in html
    assert "no comparison class" in html and "<img src='data:image/png;base64," in html
    assert "Class summary per skill" in html and "Gain per learner" in html
    heads = [c.value for c in app.widget.children if hasattr(c, "value") and str(c.value).startswith("<h3>")]
    assert "<h3>Learning: before and after</h3>" in heads
    links = app.downloads().children[0].value
    assert "learning_summary.csv" in links and "learning_learners.csv" in links
    # an empty folder: plain words, no plot, no crash
    (tmp_path / "empty").mkdir()
    empty = A.dashboard(tmp_path / "empty", export="").learning.value
    assert "No learner has taken the skills check yet" in empty and "<img" not in empty
    assert "learning_summary" in A.standard_tables(ml.analysis.app.empty_class(), None)


def test_learners_text_in_the_learning_section_is_escaped(tmp_path, monkeypatch):
    """A learner id cannot carry markup, but the tables are escaped anyway: check with a summary
    whose skill name holds a payload (a teacher's own form could name anything)."""
    payload = "<script>alert(1)</script>"
    long = _long([("ann", "before", "A", {payload: (1, 4)}), ("ann", "after", "B", {payload: (3, 4)})])
    monkeypatch.setattr(L, "long_table", lambda cls, **kw: long)
    html = L.learning_html(object()).markup
    assert payload not in html and "&lt;script&gt;" in html


def test_the_skills_checks_written_answer_reaches_the_teacher(tmp_path):
    """The teacher scores the written item with its rubric: its answer is in the written answers
    (dashboard and CSV), with the rubric as the checklist, for each phase."""
    import medialit as ml
    from medialit.analysis.views import free_answers, free_text

    cls = ml.load_class(_class_folder(tmp_path))
    fa = free_answers(cls)
    rows = fa[fa["question"].str.startswith("skills check")]
    assert set(rows["question"]) == {"skills check before, form A: A-write", "skills check after, form B: B-write"}
    assert (rows["learner"] == "ann").all() and (rows["answer"] == "<b>my plan</b>").all()
    assert rows["checklist"].str.startswith("2: ").all() and "0: " in rows["checklist"].iloc[0]
    assert len(free_answers(cls, learner="ann")) == 2 and free_answers(cls, learner="ben").empty
    assert "skills check before, form A: A-write" in set(free_text(cls, learner="ann")["where"])

"""Hostile submissions aimed at the record kinds added in December 2026: the skills check
("skillcheck"), the republication chain ("chain") and the first answers kept when a key is opened
(``first`` / ``first_at`` on any record).

As in test_analysis_hostile: the bad parts are reported and skipped, the good learners next to them
still load, the folder is never modified, and nothing a learner typed reaches a table, a page or a
CSV cell as live HTML or a formula.
"""
from __future__ import annotations

import csv
import io

import pytest

import medialit.analysis as A
from medialit.analysis import export as ex
from medialit.analysis import first_answers as fa
from medialit.analysis import learning as L
from medialit.analysis import views
from submission_helpers import ART, assert_good_loaded, codes, good_files, labels_act, load, sub, write

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0",
            "+SUM(1)", "@SUM(1)", "\t=1", "\uff1d1+1", "$x^$"]
HUGE = "x" * 300_000


def _skillcheck(phase, form, answers, written="", finished=True):
    return {"kind": "skillcheck", "updated": "2026-03-06T10:00:00Z",
            "data": {"form": form, "phase": phase, "answers": answers, "written": written,
                     "finished": finished, "finished_at": "2026-03-06T10:00:00Z" if finished else ""}}


def _good_checks(folder):
    """Two learners with both checks, on opposite forms, so the learning section has a class."""
    for name, first, second in (("good1", "A", "B"), ("good2", "B", "A")):
        acts = {f"labels:{ART}": labels_act({"s002": "opinion", "s003": "quotation" if name == "good1" else "prediction"}),
                "skills-check:before": _skillcheck("before", first, {}),
                "skills-check:after": _skillcheck("after", second, {})}
        write(folder, f"{name}.submission.json", sub(name, activities=acts))


@pytest.mark.parametrize("data", [
    None, 7, "text", [], {"form": None}, {"form": "C", "phase": "before", "answers": {}},
    {"form": "A", "phase": "during", "answers": {}},
    {"form": "A", "phase": "before", "answers": "all right"},
    {"form": "A", "phase": "before", "answers": {"A-prov-1": {"nested": [1, 2]}, "no-such-item": "a"}},
    {"form": "A", "phase": "before", "answers": {"A-prov-1": float("nan"), "A-prov-3": ["a"] * 100_000}},
    {"form": "A", "phase": "before", "answers": {f"k{i}": "a" for i in range(20_000)}, "written": HUGE},
    {"form": "A", "phase": "before", "answers": {}, "finished": "yes", "finished_at": "not a time"},
])
def test_broken_skillcheck_records_are_reported_and_the_class_still_loads(tmp_path, data):
    good_files(tmp_path)
    write(tmp_path, "bad.submission.json", sub("bad", activities={
        "skills-check:before": {"kind": "skillcheck", "updated": "2026-03-06T10:00:00Z", "data": data}}))
    cls = load(tmp_path)
    assert_good_loaded(cls)
    assert any(c for c in codes(cls, "bad.submission.json")), "the broken check must be reported"
    tables = L.learning_tables(cls)  # no crash, whatever survived cleaning
    assert set(tables) == {"learning_learners", "learning_summary"}
    html = L.learning_html(cls)._repr_html_()
    assert "<script" not in html


def test_payloads_in_skillcheck_chain_and_first_answers_are_escaped_and_defused(tmp_path):
    _good_checks(tmp_path)
    acts = {}
    for i, p in enumerate(PAYLOADS):
        acts[f"skills-check:{'before' if i % 2 else 'after'}"] = _skillcheck(
            "before" if i % 2 else "after", "A" if i % 2 else "B", {"A-prov-1": p, "B-prov-1": p, p: p}, written=p)
        acts[f"01:chain:{p}"] = {"kind": "chain", "article": ART, "updated": "2026-03-06T10:00:00Z",
                                 "data": {"steps": [p, p + "2"]}}
    labels = labels_act({"s002": "opinion"})
    labels["first"] = {"label_set": "reporting", "labels": {
        f"s{i + 2:03d}": {"label": p, "note": p, "confidence": p} for i, p in enumerate(PAYLOADS)}}
    labels["first_at"] = PAYLOADS[1]
    acts[f"02:labels:{ART}"] = labels
    write(tmp_path, "payload.submission.json", sub("payload", activities=acts))
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"payload"})
    tables = {**cls.tables(), **L.learning_tables(cls), "first_answers": fa.first_answer_agreement(cls),
              "free": views.free_text(cls)}
    for name, df in tables.items():
        markup = views.html_table(df, caption=PAYLOADS[0])._repr_html_() + df._repr_html_()
        assert "<script" not in markup and "<img" not in markup, name
    page = L.learning_html(cls)._repr_html_() + fa.describe_first_answers(tables["first_answers"])
    assert "<script" not in page and "<img src=x" not in page  # (the plot itself is an <img> with alt text)
    outdir = tmp_path.parent / (tmp_path.name + "-csv")
    for path in ex.export_csv(tables, outdir):
        assert path.parent == outdir.resolve()
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.lstrip(" ").startswith(("=", "+", "@", "\t", "\r", "\uff1d")), (path.name, cell)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = L.plot_learning(L.class_summary(L.learner_table(L.long_table(cls))))
    fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


@pytest.mark.parametrize("first", [7, "x", [1, 2], {"labels": "all"}, {"labels": {"s002": {"label": ["a"]}}},
                                   {"label_set": "reporting", "labels": {f"s{i:03d}": {"label": "opinion"}
                                                                         for i in range(50_000)}}])
def test_broken_first_answers_never_cost_the_latest_work(tmp_path, first):
    good_files(tmp_path)
    labels = labels_act({"s002": "opinion", "s003": "quotation"})
    labels["first"], labels["first_at"] = first, "2026-03-06T09:00:00Z"
    write(tmp_path, "odd.submission.json", sub("odd", activities={f"02:labels:{ART}": labels}))
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"odd"})
    odd = cls.labels[cls.labels["learner"] == "odd"]
    assert set(zip(odd["sentence"], odd["label"], strict=False)) == {("s002", "opinion"), ("s003", "quotation")}
    fa.first_answer_agreement(cls)  # no crash


@pytest.mark.parametrize("data", [None, {"steps": "abc"}, {"steps": [None, 3, {"x": 1}]},
                                  {"steps": ["s"] * 100_000}, {"steps": [HUGE]}])
def test_broken_chains_are_reported_and_skipped(tmp_path, data):
    good_files(tmp_path)
    write(tmp_path, "chain.submission.json", sub("chain", activities={
        "01:chain:voltaire_2024": {"kind": "chain", "article": "voltaire_2024", "updated": "2026-03-06T10:00:00Z",
                                   "data": data}}))
    cls = load(tmp_path)
    assert_good_loaded(cls)
    assert codes(cls, "chain.submission.json"), "the broken chain must be reported"
    assert A.check_results(cls) is not None

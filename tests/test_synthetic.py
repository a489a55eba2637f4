"""Tests for the synthetic class generator and the committed 30-learner demo class."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import medialit as ml
from medialit import data, paths
from medialit.analysis.loading import FILE_SKIPPED

ROOT = paths.repo_root()
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import synthetic_class as synthetic  # noqa: E402 - tools/synthetic_class.py (not part of the package)
COMMAND = ("tools/make_synthetic_class.py --learners 30 --seed 2026 --out data/synthetic/class_30 "
           "--manifest data/synthetic/datapackage.yaml")


def _bytes(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    synthetic.make_class(tmp_path / "a", learners=8, seed=7)
    synthetic.make_class(tmp_path / "b", learners=8, seed=7)
    synthetic.make_class(tmp_path / "c", learners=8, seed=8)
    a, b, c = (_bytes(tmp_path / x) for x in "abc")
    assert a == b
    assert a.keys() == c.keys() and a != c


def test_generated_class_is_realistic_and_loads(tmp_path):
    synthetic.make_class(tmp_path, learners=40, seed=3)
    cls = ml.load_class(tmp_path)
    assert len(cls.learners) == 40
    # every activity kind is present
    assert len(cls.labels) and len(cls.marks) and len(cls.provenance) and len(cls.claims) and len(cls.checks)
    assert set(cls.labels["article"]) == set(synthetic.CASE_ARTICLES)
    assert set(cls.marks["article"]) == {"southfront_2026"}
    # learners differ in accuracy and in how much they did
    comp = ml.analysis.compare_with_key(cls)
    acc = comp[(comp["learner"] != ml.analysis.views.CLASS_TOTAL) & (comp["compared"] >= 10)]["accuracy"]
    assert acc.max() - acc.min() > 0.25
    done = cls.labels.groupby("learner").size()
    assert done.max() > 2 * done.min() or len(done) < 40
    # the broken files, and only they, are skipped
    skipped = set(cls.problems(FILE_SKIPPED)["file"])
    expected_bad = {n for n, why in synthetic.broken_files(40).items() if not why.startswith("valid")}
    assert skipped == expected_bad
    assert set(cls.problems("activity skipped")["reason"].str.contains("bbc_2025")) == {True}
    # sentence ids all come from the articles; check ids come from the course's keys
    for article, group in cls.labels.groupby("article"):
        ids = {s.id for s in ml.load_article(article).sentences}
        assert set(group["sentence"]) <= ids
    qids = {q for q, _ in synthetic._check_questions()}
    assert set(cls.checks["question"]) <= qids
    # payloads are there to show escaping
    assert ml.analysis.free_text(cls)["text"].str.contains("<script>").any()


def test_written_answers_are_stored_as_check_stores_them(tmp_path):
    """Free answers in the synthetic class have check()'s shape (correct null, a status, some too
    short), except one learner's, stored as medialit 0.1 stored them (correct true or false); the
    dashboard lists all of them and counts none as right or wrong."""
    import json

    from medialit import feedback, schema

    synthetic.make_class(tmp_path, learners=12, seed=4)
    free_ids = {q for q, spec in feedback.questions().items() if spec["type"] == "free"}
    old_style = synthetic.learner_ids(12)[0]
    stored = {}
    for path in sorted(tmp_path.glob("student*.submission.json")):
        if ".old." in path.name or not path.read_text(encoding="utf-8").strip():
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        for act_id, act in doc["activities"].items():
            qid = act_id.removeprefix("check:")
            if qid in free_ids:
                stored[doc["learner"], qid] = act["data"]
    new = {k: v for k, v in stored.items() if k[0] != old_style}
    assert len(new) >= 10 and all(v["correct"] is None for v in new.values())
    statuses = {v["status"] for v in new.values()}
    assert statuses == set(schema.CHECK_STATUSES)            # some answers are too short
    for (_, qid), v in new.items():
        short = len(v["answer"].split()) < feedback.questions()[qid]["min_words"]
        assert v["status"] == (schema.FREE_TOO_SHORT if short else schema.FREE_FOR_TEACHER)
    old = [v for k, v in stored.items() if k[0] == old_style]
    assert old and all(isinstance(v["correct"], bool) and "status" not in v for v in old)
    cls = ml.load_class(tmp_path)
    listed = ml.analysis.free_answers(cls)
    checks = listed[~listed["question"].str.startswith("skills check")]  # the skills check's written item too
    assert set(zip(checks["learner"], checks["question"], strict=True)) == set(stored)
    res = ml.analysis.check_results(cls).set_index("question")
    assert (res.loc[sorted({q for _, q in stored}), "marked"] == 0).all()


def test_no_broken_files_when_asked(tmp_path):
    synthetic.make_class(tmp_path, learners=6, seed=1, broken=False)
    cls = ml.load_class(tmp_path)
    assert cls.problems(FILE_SKIPPED).empty and len(cls.learners) == 6


def test_cli_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "x.json").write_text("{}")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_synthetic_class.py"), "--learners", "3",
                        "--out", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 2 and "not empty" in r.stderr


def test_committed_class_is_listed_and_up_to_date(tmp_path):
    folder = ml.analysis.demo_folder()  # checks every sha256 against the manifest
    mf = data.manifest("synthetic")
    listed = {(ROOT / "data" / "synthetic" / r["path"]).resolve() for r in mf["resources"]}
    assert listed == {p.resolve() for p in folder.iterdir()}
    for r in mf["resources"]:
        for f in data.REQUIRED_FIELDS:
            assert r.get(f) not in (None, ""), (r["name"], f)
        assert "SYNTHETIC" in r["notes"]
    synthetic.make_class(tmp_path, learners=30, seed=2026)
    fresh = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    committed = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert fresh == committed, (
        "data/synthetic/class_30 no longer matches what the generator makes from the current keys "
        f"(did data/keys/sentence_labels.yaml change?). Regenerate it: delete the folder, run {COMMAND}")


def test_committed_class_covers_the_real_key():
    cls = ml.load_class(ml.analysis.demo_folder())
    kt = ml.analysis.key_table()
    in_key = set(zip(kt["article"], kt["sentence"], strict=False))
    assert set(zip(cls.labels["article"], cls.labels["sentence"], strict=False)) <= in_key
    assert len(cls.learners) == 30


def test_cli_writes_a_manifest_listing_every_file(tmp_path):
    import yaml

    out = tmp_path / "synthetic" / "demo"
    mf = tmp_path / "synthetic" / "datapackage.yaml"
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_synthetic_class.py"), "--learners", "6",
                        "--seed", "5", "--out", str(out), "--manifest", str(mf)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    doc = yaml.safe_load(mf.read_text())
    listed = {res["path"]: res for res in doc["resources"]}
    assert set(listed) == {f"demo/{p.name}" for p in out.iterdir()}
    for path, res in listed.items():
        assert res["sha256"] == hashlib.sha256((tmp_path / "synthetic" / path).read_bytes()).hexdigest()
        assert all(res.get(f) not in (None, "") for f in data.REQUIRED_FIELDS)
    assert "on purpose: not JSON" in listed["demo/notes-from-lesson.json"]["notes"]


def test_cli_default_folder_and_bad_count(tmp_path, monkeypatch, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("mksc", ROOT / "tools" / "make_synthetic_class.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.chdir(tmp_path)
    assert mod.main(["--learners", "0", "--seed", "1"]) == 2
    assert "at least 1" in capsys.readouterr().err
    assert mod.main(["--learners", "3", "--seed", "5"]) == 0
    assert len(list((tmp_path / "synthetic_class_3_seed5").glob("*.json"))) >= 3


def test_committed_class_has_the_skills_check_before_and_after():
    """The demo class shows learning: a moderate gain on every skill, forms counterbalanced by
    form_for, and three learners left out on purpose (one check missed before, one after, one not
    finished)."""
    from medialit import skillcheck
    from medialit.analysis import learning

    cls = ml.load_class(ml.analysis.demo_folder())
    sc = cls.skillchecks
    assert set(sc["phase"]) == {"before", "after"}
    for learner, phase, form in zip(sc["learner"], sc["phase"], sc["form"], strict=True):
        assert form == skillcheck.form_for(learner, phase)
    gaps = synthetic.skills_check_gaps(30)
    tables = learning.learning_tables(cls)
    status = tables["learning_learners"].drop_duplicates("learner").set_index("learner")["status"]
    assert {w for w, s in status.items() if s != learning.BOTH} == set(gaps)
    overall = tables["learning_summary"].set_index("skill").loc[learning.OVERALL]
    assert overall["learners"] == len(status) - len(gaps) and overall["left out (one check)"] == len(gaps)
    assert 0 < overall["g low"] < overall["normalised gain"] < overall["g high"]


def test_cli_effect_options(tmp_path):
    tool = [sys.executable, str(ROOT / "tools" / "make_synthetic_class.py"), "--learners", "6", "--seed", "5"]
    r = subprocess.run(tool + ["--out", str(tmp_path / "a"), "--effect", "0.5", "--no-effect"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "not both" in r.stderr
    r = subprocess.run(tool + ["--out", str(tmp_path / "b"), "--effect", "reading=0.5"], capture_output=True, text=True)
    assert r.returncode == 2 and "Unknown skill 'reading'" in r.stderr
    r = subprocess.run(tool + ["--out", str(tmp_path / "c"), "--no-effect"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "--seed 5 --no-effect." in (tmp_path / "c" / "README.txt").read_text()
    cls = ml.load_class(tmp_path / "c")
    assert len(cls.skillchecks) >= 10 and set(cls.skillchecks["phase"]) == {"before", "after"}


def test_the_skills_check_leaves_every_other_activity_as_it_was(tmp_path):
    """The skills check draws from its own random generator: with and without it, every other
    activity of every file is the same."""
    import json

    synthetic.make_class(tmp_path / "with", learners=9, seed=3)
    synthetic.make_class(tmp_path / "without", learners=9, seed=3, skills_check=False)
    added = 0
    for path in sorted((tmp_path / "with").glob("*.submission.json")):
        text = path.read_text(encoding="utf-8")
        other = (tmp_path / "without" / path.name).read_text(encoding="utf-8")
        if not text.strip() or text == other:
            continue
        doc, before = json.loads(text), json.loads(other)
        checks = [k for k in doc["activities"] if k.startswith("skills-check:")]
        assert checks and all(doc["activities"][k]["kind"] == "skillcheck" for k in checks)
        added += len(checks)
        for k in checks:
            del doc["activities"][k]
        assert doc == before, path.name
    assert added >= 15


def test_committed_class_has_first_answers_for_label_activities():
    """The demo class gives the dashboard's first-answer section something to show: most label
    activities keep first answers (from before the key was opened), some differ from the final
    labels, and agreement with the key is lower for first answers than for final ones."""
    from medialit.analysis import first_answers

    cls = ml.load_class(ml.analysis.demo_folder())
    first, final = cls.first_labels, cls.labels
    assert first is not None and len(first) > 300
    assert set(first["article"]) == set(synthetic.CASE_ARTICLES)
    assert (first["first_at"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")).all()
    merged = first.merge(final, on=["learner", "activity", "sentence"], suffixes=("_first", "_final"))
    changed = merged[merged["label_first"] != merged["label_final"]]
    assert 3 <= changed["learner"].nunique() < cls.labels["learner"].nunique()
    table = first_answers.first_answer_agreement(cls)
    labels = table[table["kind"] == "sentence labels"]
    assert len(labels) == len(synthetic.CASE_ARTICLES)
    assert (labels["first agreement"] < labels["final agreement"]).all()
    assert "First answers were kept for" in first_answers.describe_first_answers(table)


def test_first_answers_leave_every_other_field_as_it_was(tmp_path):
    """First answers draw from their own random generator: with and without them, every record
    is the same apart from its ``first`` and ``first_at``; they are never later than the record."""
    import json

    synthetic.make_class(tmp_path / "with", learners=9, seed=3)
    synthetic.make_class(tmp_path / "without", learners=9, seed=3, first_answers=False)
    added = 0
    for path in sorted((tmp_path / "with").glob("*.submission.json")):
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            continue
        doc = json.loads(text)
        before = json.loads((tmp_path / "without" / path.name).read_text(encoding="utf-8"))
        for act in doc["activities"].values():
            if "first" in act:
                assert act["kind"] == "sentence_labels" and act["first_at"] < act["updated"]
                assert set(act["first"]["labels"]) <= set(act["data"]["labels"])
                del act["first"], act["first_at"]
                added += 1
        assert doc == before, path.name
    assert added >= 10

"""A class built the way learners build it: the real widgets and the real ``check()`` in a temporary
answers folder for three learners, each exported with ``ml.export_submission`` and read back with
``ml.load_class``. The synthetic generator writes files directly; this test is the one that would
notice if ``check()`` and the dashboard stopped agreeing on how a written answer is stored.

The teacher must see every written (free) answer in full, in the notes table, the gradebook and
the exported CSV files, and nothing may call a written answer right or wrong.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

import medialit as ml
from medialit import feedback, store
from medialit.analysis import views

ARTICLE = "southfront_2026"
JUSTIFY, ROGOZIN, CHOICE = "02-ex1-justify", "01-ex1-rogozin-free", "02-ex1-attributed-wrong"

ADA_JUSTIFY = (
    "I labelled s015 an attributed report because it begins with 'According to' and names Breton, "
    "but the key says the content is WRONG as framed: Breton told the story a month before the rally. "
    "So the label is about who speaks, and the status is about whether it is true.\n"
    "Second, s009 uses the words 'we will' from Trump, inside quotation marks, so it is a quotation. "
    "<script>alert('ada')</script> & that is all.")
BEN_JUSTIFY = "I think s015 is an opinion because it sounds unfair."       # 10 words: too short
CLEO_ROGOZIN = (
    "The post reacted to a reported Ukrainian drone strike on a Russian radar around 25 May 2024, not to "
    "Stoltenberg. Without the date and the occasion a reader links the warning to the wrong event, "
    "although Rogozin did blame Washington. Tracing the quote to the Telegram post catches it.")


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def real_class(tmp_path_factory):
    """Three learners' work made with the real widgets and check(), exported and loaded."""
    mp = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("real_class")
    home, out = root / "answers", root / "class"
    out.mkdir()
    mp.setenv("MEDIALIT_HOME", str(home))
    mp.delenv("MEDIALIT_STRICT", raising=False)
    mp.delenv("JUPYTERHUB_USER", raising=False)
    mp.setattr(store, "_chosen_learner", None)
    key = ml.analysis.load_key()
    key_labels = ml.analysis.key_labels(key)
    labels = {lab: lab for lab in key_labels}
    feedbacks = {}
    try:
        for name, n_labels, work in (
                ("ada", 4, {CHOICE: "s015", JUSTIFY: ADA_JUSTIFY}),
                ("ben", 2, {CHOICE: "s009", JUSTIFY: BEN_JUSTIFY}),
                ("cleo", 3, {ROGOZIN: CLEO_ROGOZIN})):
            mp.setenv("MEDIALIT_LEARNER", name)      # check() saves for the learner in use
            lab = ml.SentenceLabeller(ARTICLE, labels, label_set=key["label_set"], learner=name, home=home)
            for i in range(n_labels):
                lab.label_buttons.value = key_labels[i % len(key_labels)]   # the learner clicks a label
                lab.next_button.click()
            prov = ml.ProvenanceChecklist(ARTICLE, learner=name, home=home)
            prov.choice["author"].value = "no"                          # picks an answer
            prov.evidence["author"].value = f"{name}: no byline anywhere"  # types evidence
            for qid, answer in work.items():
                feedbacks[name, qid] = ml.check(qid, answer)
            ml.export_submission(out / f"{name}.submission.json", learner=name, home=home)
        cls = ml.load_class(out)
        yield {"cls": cls, "key": key, "feedback": feedbacks, "root": root, "home": home}
    finally:
        mp.undo()


def test_learners_are_told_their_written_answer_is_saved_not_marked(real_class):
    fb = real_class["feedback"]
    assert fb["ada", CHOICE].correct is True and fb["ben", CHOICE].correct is False
    for who, qid in (("ada", JUSTIFY), ("ben", JUSTIFY), ("cleo", ROGOZIN)):
        f = fb[who, qid]
        assert f.correct is None and f.for_teacher, (who, qid)
        assert "Correct" not in str(f) and "✔" not in f._repr_html_()
        assert f.saved_to and Path(f.saved_to).name == f"{who}.json"
    assert fb["ada", JUSTIFY].status == "for teacher" and "Saved for your teacher" in str(fb["ada", JUSTIFY])
    assert fb["ben", JUSTIFY].status == "too short"
    assert fb["ben", JUSTIFY].message.startswith("Write a little more: at least 40 words (you wrote 10 words)")


def test_the_class_loads_with_the_widgets_work(real_class):
    cls = real_class["cls"]
    assert sorted(cls.learners["learner"]) == ["ada", "ben", "cleo"]
    assert cls.problems("file skipped").empty and cls.problems("activity skipped").empty
    assert cls.labels.groupby("learner").size().to_dict() == {"ada": 4, "ben": 2, "cleo": 3}
    assert sorted(cls.provenance["evidence"]) == [f"{n}: no byline anywhere" for n in ("ada", "ben", "cleo")]
    saved = cls.checks.set_index(["learner", "question"])
    assert saved.loc[("ada", JUSTIFY), "answer"] == ADA_JUSTIFY
    assert saved.loc[("ada", JUSTIFY), "correct"] is None


def test_every_written_answer_is_in_free_text_in_full(real_class):
    cls = real_class["cls"]
    ft = views.free_text(cls)
    answers = ft[ft["field"] == "answer"].set_index(["learner", "where"])
    assert len(answers) == 3
    expected = {("ada", JUSTIFY): ADA_JUSTIFY, ("ben", JUSTIFY): BEN_JUSTIFY, ("cleo", ROGOZIN): CLEO_ROGOZIN}
    points = {qid: feedback.questions()[qid]["points"] for qid in (JUSTIFY, ROGOZIN)}
    for (who, qid), text in expected.items():
        row = answers.loc[(who, f"check {qid}")]
        assert row["text"] == text                           # in full, not cut
        assert row["words"] == len(text.split())
        assert row["checklist"].startswith("☐ ") and row["checklist"].count("☐") == len(points[qid])
        assert " ".join(points[qid][0].split()) in row["checklist"]
    assert list(ft["field"][:3]) == ["answer"] * 3          # written answers come first
    fa = views.free_answers(cls).set_index("learner")
    assert fa.loc["ada", "status"] == "saved for teacher" and fa.loc["ben", "status"] == "too short"
    assert views.free_answers(cls, learner="cleo")["question"].tolist() == [ROGOZIN]
    markup = views.html_table(ft)._repr_html_()
    assert "<script" not in markup and "&lt;script&gt;alert(&#x27;ada&#x27;)&lt;/script&gt; &amp; that" in markup


def test_nothing_counts_a_written_answer_right_or_wrong(real_class):
    cls, key = real_class["cls"], real_class["key"]
    res = views.check_results(cls).set_index("question")
    for qid in (JUSTIFY, ROGOZIN):
        assert res.loc[qid, "marked"] == 0 and res.loc[qid, "right"] == 0
    assert res.loc[CHOICE, ["answered", "marked", "right"]].tolist() == [2, 2, 1]
    gb = views.gradebook(cls, key).set_index("learner")
    assert gb["checks right"].to_dict() == {"ada": 1, "ben": 0, "cleo": 0}
    assert gb["checks marked"].to_dict() == {"ada": 1, "ben": 1, "cleo": 0}
    assert gb["checks answered"].to_dict() == {"ada": 2, "ben": 2, "cleo": 1}
    assert gb["written answers"].to_dict() == {"ada": 1, "ben": 1, "cleo": 1}
    prog = views.progress(cls)
    assert prog.loc["cleo", "checks"] == pytest.approx(1 / 3)   # answered, not right


def test_gradebook_and_csv_hold_the_written_answers(real_class, tmp_path):
    cls, key = real_class["cls"], real_class["key"]
    gb = views.gradebook(cls, key)
    assert gb.set_index("learner").loc["ada", f"answer {JUSTIFY}"] == ADA_JUSTIFY
    assert gb.set_index("learner").loc["cleo", f"answer {JUSTIFY}"] == ""
    assert gb.set_index("learner").loc["ben", f"words {JUSTIFY}"] == 10
    ml.analysis.export_csv({"gradebook": gb}, tmp_path / "gb")
    rows = {r["learner"]: r for r in _read_csv(tmp_path / "gb" / "gradebook.csv")}
    assert rows["ada"][f"answer {JUSTIFY}"] == ADA_JUSTIFY     # line break and payload kept, as text
    assert rows["ada"][f"words {JUSTIFY}"] == str(len(ADA_JUSTIFY.split()))
    assert rows["cleo"][f"answer {ROGOZIN}"] == CLEO_ROGOZIN and rows["ben"]["checks right"] == "0"
    written = ml.analysis.export_csv(cls, tmp_path / "all")
    assert "free_answers.csv" in {p.name for p in written}
    free = {(r["learner"], r["question"]): r for r in _read_csv(tmp_path / "all" / "free_answers.csv")}
    assert free["ada", JUSTIFY]["answer"] == ADA_JUSTIFY and free["ben", JUSTIFY]["status"] == "too short"
    assert free["cleo", ROGOZIN]["words"] == str(len(CLEO_ROGOZIN.split()))
    assert free["cleo", ROGOZIN]["checklist"].startswith("☐ ")

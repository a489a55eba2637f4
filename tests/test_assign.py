"""Assigning a teacher's article (medialit.assign): the exercise notebook, the key template,
check_key, and the teacher's key used by ml.check, the answer boxes and the class dashboard."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

import medialit as ml
from medialit import assign, data, feedback, paths
from medialit.analysis import key as key_mod

TEXT = """City council votes to close the bridge

The city council voted on Tuesday to close the old bridge for repairs, the mayor said.

"We had no choice," said councillor Ana Ruiz. Critics call the decision a disaster for the shops on the river.

The works will surely take years. The bridge carries 12,000 cars a day, according to the transport office.
"""
FIELDS = dict(title="City council votes to close the bridge", publisher="The Gazette",
              url="https://gazette.example/bridge", date="2026-12-05", author="Jane Doe")
#: The teacher's labels for the body sentences, in order.
LABELS = ["attributed report", "quotation", "opinion", "prediction", "attributed report"]


@pytest.fixture
def article() -> str:
    return ml.add_article(TEXT, **FIELDS)


def body_ids(aid: str) -> list[str]:
    return [s.id for s in ml.load_article(aid).body_sentences()]


def fill(path: Path, aid: str, labels=None, claims=True) -> dict:
    """Fill in the key template at ``path`` as a teacher would; returns the key."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for sid, label in zip(body_ids(aid), labels or LABELS, strict=True):
        entry = doc["articles"][aid][sid]
        entry["label"], entry["why"] = label, f"Because of the words in {sid}."
    doc["articles"][aid][body_ids(aid)[2]]["also"] = ["unattributed assertion"]
    rows = doc["ledgers"][aid]["rows"]
    if claims:
        rows[0].update(sentence="s006", claim="The bridge carries 12,000 cars a day.", record_status="UNCONFIRMED",
                       accept=["unsupported", "cannot tell yet"], why="Only the transport office says so.")
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return doc


@pytest.fixture
def checked(article):
    made = assign.make_exercise(article)
    fill(made["key"], article)
    assert assign.check_key(made["key"]) == []
    return article, made


# ---------------------------------------------------------------- the template


def test_make_exercise_writes_the_notebook_and_a_template_with_one_entry_per_sentence_and_claim(article):
    made = assign.make_exercise(article)
    assert made["exercise"] == paths.teacher_exercises_dir().resolve() / f"{article}.ipynb"
    assert made["key"] == paths.teacher_keys_dir().resolve() / f"{article}.yaml"
    doc = yaml.safe_load(made["key"].read_text(encoding="utf-8"))
    art = ml.load_article(article)
    entries = doc["articles"][article]
    assert list(entries) == body_ids(article)
    for sid, entry in entries.items():
        assert entry == {"text": art.sentence(sid).text, "label": "", "also": [], "why": ""}
    assert doc["label_set"] == "reporting" and list(doc["labels"]) == list(ml.reporting.LABELS)
    rows = doc["ledgers"][article]["rows"]
    assert len(rows) == assign.TEMPLATE_CLAIM_ROWS
    assert all(set(r) == {"id", "sentence", "claim", "record_status", "accept", "why"} for r in rows)
    q = doc["questions"][assign.justify_question(article)]
    assert q["type"] == "free" and q["min_words"] == assign.MIN_WORDS and q["points"]
    assert not (data.paths.data_dir() / "keys" / f"{article}.yaml").exists()  # never into data/


def test_the_template_keeps_emoji_quotes_and_colons_readable():
    aid = ml.add_article('🚨 BREAKING: the regime\'s "puppets" fled: #news.\n\nA second sentence: here it is.',
                         **dict(FIELDS, title="Puppets fled"))
    text = assign.key_template(aid)
    assert "🚨" in text
    doc = yaml.safe_load(text)
    assert [e["text"] for e in doc["articles"][aid].values()] == [s.text for s in ml.load_article(aid).body_sentences()]


def test_a_fresh_template_has_plain_problems_for_every_empty_label_and_reason(article):
    made = assign.make_exercise(article)
    problems = assign.check_key(made["key"])
    assert len(problems) == 2, problems
    assert problems[0].startswith("No label yet for 5 sentences: s002, s003")
    assert "reason ('why') is empty for 5 sentences" in problems[1]
    assert not (paths.teacher_keys_dir() / data.MANIFEST).exists()  # nothing recorded


def test_a_filled_key_passes_and_is_recorded_with_its_sha256(checked):
    article, made = checked
    mf = yaml.safe_load((paths.teacher_keys_dir() / data.MANIFEST).read_text(encoding="utf-8"))
    (res,) = mf["resources"]
    assert res["name"] == article and res["path"] == f"{article}.yaml"
    assert res["sha256"] == data.sha256_of(made["key"]) and res["articles"] == [article]
    assert key_mod.validate_key(key_mod.load_key(article)) == []


# ---------------------------------------------------------------- check_key catches each problem


def _edit(path: Path, change) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("change, expected", [
    (lambda d, a: d["articles"][a].update(s999={"label": "opinion", "also": [], "why": "x"}),
     "s999: there is no body sentence s999"),
    (lambda d, a: d["articles"][a]["s002"].update(label="fact"), "s002: unknown label 'fact'"),
    (lambda d, a: d["articles"][a]["s002"].update(label=""), "No label yet for 1 sentence: s002"),
    (lambda d, a: d["articles"][a]["s003"].update(why=""), "reason ('why') is empty for 1 sentence: s003"),
    (lambda d, a: d["articles"][a]["s002"].update(label=5), "s002: the label must be text, not int"),
    (lambda d, a: d["articles"][a]["s002"].update(also="opinion"), "s002: 'also' must be a list"),
    (lambda d, a: d["articles"][a]["s002"].update(also=["rumour"]), "s002: unknown label 'rumour' in 'also'"),
    (lambda d, a: d["articles"][a]["s002"].update(also=["attributed report"]), "'also' repeats the main label"),
    (lambda d, a: d["articles"][a]["s002"].update(why=["a", "list"]), "s002: 'why' must be text, not list"),
    (lambda d, a: d["articles"][a]["s002"].update(text="Something else."), "s002: its 'text' is not"),
    (lambda d, a: d["articles"][a].pop("s004"), "1 body sentence of the article has no entry: s004"),
    (lambda d, a: d["articles"].update({a: ["s002"]}), "the sentences must be a mapping"),
    (lambda d, a: d["articles"].update({"no-such-article-2026-01-01": {}}), "There is no article 'no-such-article"),
    (lambda d, a: d["articles"].update({"../../etc": {}}), "'../../etc' is not an article id"),
    (lambda d, a: d.pop("articles"), "needs an 'articles:' section"),
    (lambda d, a: d.update(label_set="mine"), "'label_set' must be reporting"),
    (lambda d, a: d["labels"].update(rumour="a new label"), "'labels' must be the five labels"),
    (lambda d, a: d["ledgers"][a]["rows"][0].update(record_status="TRUE"), "'record_status' must be one of"),
    (lambda d, a: d["ledgers"][a]["rows"][0].update(accept=["maybe"]), "unknown status 'maybe' in 'accept'"),
    (lambda d, a: d["ledgers"][a]["rows"][0].update(accept="unsupported"), "'accept' must list"),
    (lambda d, a: d["ledgers"][a]["rows"][0].update(sentence="s404"), "there is no sentence 's404'"),
    (lambda d, a: d["ledgers"][a]["rows"][0].update(claim=""), "'claim' is empty or not text"),
    (lambda d, a: d["ledgers"][a]["rows"][1].update(claim="Half filled."), "claim row 2 (c2): 'why' is empty"),
    (lambda d, a: d["ledgers"][a].update(rows={"c1": {}}), "the ledger needs a 'rows:' list"),
    (lambda d, a: d["ledgers"].update(other={"rows": []}), "The ledger 'other' is not for an article of this key"),
    (lambda d, a: d["questions"].update({"02-ex1-justify": {"type": "free", "prompt": "x"}}),
     "'02-ex1-justify' is already used by another key"),
    (lambda d, a: d["questions"].update({assign.labels_question(a): {"type": "free", "prompt": "x"}}),
     "is already used by another key"),
    (lambda d, a: d["questions"].update(q1={"type": "essay", "prompt": "x"}), "type 'essay' is unknown"),
    (lambda d, a: d["questions"].update(q1={"type": "choice", "prompt": "x", "answer": ""}), "'answer' is empty"),
    (lambda d, a: d["questions"].update(q1={"type": "free", "prompt": ""}), "the 'prompt' is empty"),
    (lambda d, a: d["questions"].update(q1={"type": "free", "prompt": "x", "points": "one"}),
     "'points' must be a list"),
    (lambda d, a: d["questions"].update({"Bad Id!": {"type": "free", "prompt": "x"}}), "must be lower-case"),
])
def test_check_key_names_each_problem_in_plain_words(checked, change, expected):
    article, made = checked
    _edit(made["key"], lambda d: change(d, article))
    problems = assign.check_key(made["key"])
    assert any(expected in p for p in problems), problems
    assert all("Traceback" not in p and len(p) < 400 for p in problems)


@pytest.mark.parametrize("content, expected", [
    (b"articles: [unclosed", "is not valid YAML at line 2"),
    (b"label: why: : :\n  - x", "is not valid YAML"),
    (b"\xff\xfe not utf-8", "is not UTF-8 text"),
    (b"- just\n- a list\n", "The key must be a YAML mapping"),
    (b"", "The key must be a YAML mapping"),
])
def test_check_key_refuses_files_that_are_not_keys(tmp_path, content, expected):
    path = tmp_path / "key.yaml"
    path.write_bytes(content)
    problems = assign.check_key(path)
    assert len(problems) == 1 and expected in problems[0], problems


def test_check_key_on_a_missing_file_or_a_file_that_is_not_yaml(tmp_path):
    assert "There is no key file" in assign.check_key(tmp_path / "nope.yaml")[0]
    (tmp_path / "key.txt").write_text("x")
    assert "is not a key file" in assign.check_key(tmp_path / "key.txt")[0]


def test_empty_claim_rows_are_left_out_and_a_key_without_claims_is_fine(article):
    made = assign.make_exercise(article)
    fill(made["key"], article, claims=False)
    assert assign.check_key(made["key"]) == []
    assert assign.ledger_rows(article) == []
    view = assign.ledger_view(None, article)
    assert "no claims" in view[0]


def test_a_key_outside_the_teacher_folder_is_checked_but_not_recorded(checked, tmp_path):
    article, made = checked
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(made["key"].read_bytes())
    assert assign.check_key(copy) == []
    assert not assign.in_use(copy) and assign.in_use(made["key"])
    assert [r["name"] for r in yaml.safe_load((paths.teacher_keys_dir() / data.MANIFEST).read_text())["resources"]] \
        == [article]


# ---------------------------------------------------------------- ml.check and the answer boxes


def test_check_gives_feedback_from_the_teachers_key(checked):
    article, _made = checked
    qid = assign.labels_question(article)
    ids = body_ids(article)
    ml.set_learner("alice", remember=False)
    right = ml.check(qid, dict(zip(ids, LABELS, strict=True)))
    assert right.status == "correct" and right.saved_to
    alt = dict(zip(ids, LABELS, strict=True), **{ids[2]: "unattributed assertion"})
    assert ml.check(qid, alt).status == "correct"  # an accepted alternative
    wrong = ml.check(qid, {ids[0]: "opinion"}, strict=False)
    assert wrong.status == "wrong"
    why = f"Why: Because of the words in {ids[0]}."
    assert f"{ids[0]}: ✘ you chose 'opinion', the key says 'attributed report'. {why}" in wrong.details
    free = ml.check(assign.justify_question(article), "too short")
    assert free.status == "too short" and free.for_teacher
    assert ml.check("02-ex1-attributed-wrong", "s015").correct  # the course's questions are unchanged


def test_answer_boxes_work_on_the_teachers_questions(checked):
    article, _made = checked
    ml.set_learner("bob", remember=False)
    labeller = ml.SentenceLabeller(article, ml.reporting.LABELS, label_set="reporting")
    box = assign.answer(assign.labels_question(article), source=labeller)
    assert isinstance(box, ml.Answer)
    labeller.set_label(body_ids(article)[0], "attributed report")
    assert box.feedback.status == "partly" or box.feedback.status == "correct"
    assert "1 of 5 sentences match the key" in box.feedback.message
    written = assign.answer(assign.justify_question(article))
    written.set_value("word " * 45)
    assert written.feedback.status == "for teacher"


def test_before_the_key_is_checked_the_exercise_says_so_and_check_names_the_key(article):
    made = assign.make_exercise(article)
    box = assign.answer(assign.labels_question(article))
    assert "has not finished the key" in repr(box)
    with pytest.raises(KeyError, match="has not passed `medialit check-key` yet"):
        ml.check(assign.labels_question(article), {"s002": "opinion"})
    assert made["key"].exists()


def test_a_key_edited_after_its_check_is_left_out_until_checked_again(checked):
    article, made = checked
    qid = assign.labels_question(article)
    assert qid in feedback.questions()
    made["key"].write_text(made["key"].read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert qid not in feedback.questions()
    with pytest.raises(KeyError, match="changed since it was checked"):
        ml.check(qid, {"s002": "opinion"})
    assert ml.check("02-ex1-attributed-wrong", "s015", save=False).correct  # never breaks the course's questions
    _key, problems = key_mod.class_key()
    assert any("changed since it was checked" in p for p in problems)
    assert assign.check_key(made["key"]) == []
    assert qid in feedback.questions()


def test_a_broken_teacher_folder_never_breaks_the_course_questions(checked):
    article, made = checked
    (paths.teacher_keys_dir() / data.MANIFEST).write_text("resources: [[[", encoding="utf-8")
    assert assign.labels_question(article) not in feedback.questions()
    assert "02-ex1-justify" in feedback.questions()
    made["key"].write_bytes(b"\xff\xfe")
    assert "02-ex1-justify" in feedback.questions()


# ---------------------------------------------------------------- the dashboard


def _learner(name: str, article: str, labels: list[str]) -> Path:
    ml.set_learner(name, remember=False)
    labeller = ml.SentenceLabeller(article, ml.reporting.LABELS, label_set="reporting")
    for sid, label in zip(body_ids(article), labels, strict=True):
        labeller.set_label(sid, label)
    return ml.export_submission()


def test_the_dashboard_compares_a_class_with_the_teachers_key(checked):
    article, _made = checked
    _learner("alice", article, LABELS)
    _learner("bob", article, ["opinion", "quotation", "unattributed assertion", "prediction", "opinion"])
    folder = paths.answers_dir() / "submissions"
    cls = ml.load_class(folder)
    assert set(cls.labels["article"]) == {article}, cls.report
    ca = ml.analysis
    by_name = ca.compare_with_key(cls, article).set_index("learner")
    assert by_name.loc["alice", "accuracy"] == 1.0
    assert by_name.loc["bob", "exact"] == 2 and by_name.loc["bob", "accepted"] == 3
    by_path = ca.compare_with_key(cls, str(assign.key_path(article))).set_index("learner")
    assert by_path.equals(by_name)
    assert ca.confusion_matrix(cls, article).to_numpy().sum() == 10
    assert ca.gradebook(cls, article).set_index("learner").loc["bob", "accuracy"] == pytest.approx(0.4)
    app = ca.dashboard(folder)
    assert article in app.key["articles"] and "southfront_2026" in app.key["articles"]
    assert not app.key_problem
    merged = ca.compare_with_key(cls, app.key).set_index("learner")
    assert merged.loc["bob", "accuracy"] == pytest.approx(0.4)
    from medialit.analysis.app import learner_view

    shown = str(learner_view(cls, "bob", app.key))
    assert ">key</th>" in shown and shown.count("attributed report") == 2  # the key's labels beside bob's


def test_the_claim_ledger_starts_from_the_teachers_claims_and_compares_with_them(checked):
    article, _made = checked
    rows = assign.ledger_rows(article)
    assert [(r["id"], r["sentence"], r["claim"], r["status"]) for r in rows] == [
        ("c1", "s006", "The bridge carries 12,000 cars a day.", "")]
    ml.set_learner("carol", remember=False)
    ledger = ml.ClaimLedger(article, rows=rows)
    summary, _table = assign.ledger_view(ledger, article)
    assert summary.startswith("You have not chosen a status for any of the 1 claims yet")
    ledger.edit_row(0, status="supported")
    summary, table = assign.ledger_view(ledger, article)
    assert summary.endswith("0 match the key.")
    assert "Only the transport office says so." in str(table)
    ledger.edit_row(0, status="cannot tell yet")
    assert assign.ledger_view(ledger, article)[0].endswith("1 matches the key.")


def test_load_key_names_a_missing_teacher_key_plainly(article):
    with pytest.raises(key_mod.KeyFileError, match="nor a teacher key that passed"):
        key_mod.load_key(article)
    made = assign.make_exercise(article)
    with pytest.raises(key_mod.KeyFileError, match="run `medialit check-key"):
        key_mod.load_key(made["key"])


# ---------------------------------------------------------------- overwriting and paths


def test_make_exercise_again_changes_nothing_and_never_overwrites_a_filled_key(article):
    made = assign.make_exercise(article)
    before = {p: p.read_bytes() for p in made.values()}
    assert assign.make_exercise(article) == made  # untouched files: nothing changes
    assert {p: p.read_bytes() for p in made.values()} == before
    fill(made["key"], article)
    filled = made["key"].read_bytes()
    with pytest.raises(assign.AssignError, match="already filled in, so nothing was written"):
        assign.make_exercise(article)
    assert made["key"].read_bytes() == filled
    made["key"].write_text("not: [valid", encoding="utf-8")  # a broken key is the teacher's too
    with pytest.raises(assign.AssignError):
        assign.make_exercise(article)


def test_make_exercise_never_overwrites_an_edited_notebook(article):
    made = assign.make_exercise(article)
    made["exercise"].write_text(made["exercise"].read_text(encoding="utf-8").replace("Task 1", "Part A"))
    with pytest.raises(assign.AssignError, match="was changed since it was made"):
        assign.make_exercise(article)
    assert "Part A" in made["exercise"].read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["../evil", "..", "a/b", "/etc/passwd", "keys/../../x", "", "A B", "x" * 80,
                                 "ok\n", None, 3])
def test_ids_cannot_leave_the_teacher_folder(bad):
    with pytest.raises(assign.AssignError, match="is not an article id"):
        assign.make_exercise(bad)
    with pytest.raises(assign.AssignError):
        assign.key_path(bad)
    with pytest.raises(assign.AssignError):
        assign.exercise_path(bad)


def test_unknown_or_course_articles_are_refused_plainly():
    with pytest.raises(assign.AssignError, match="add it first with `medialit add-article`"):
        assign.make_exercise("no-such-article-2026-01-01")
    with pytest.raises(assign.AssignError, match="already has the course's own key"):
        assign.make_exercise("southfront_2026")
    assert not list(paths.teacher_keys_dir().iterdir())


def test_an_unsafe_name_in_the_keys_manifest_is_left_out(checked, tmp_path):
    article, made = checked
    secret = tmp_path / "secret.yaml"
    secret.write_bytes(made["key"].read_bytes())
    mf = paths.teacher_keys_dir() / data.MANIFEST
    doc = yaml.safe_load(mf.read_text())
    doc["resources"].append({"name": "../secret", "path": "../../secret.yaml", "sha256": data.sha256_of(secret)})
    doc["resources"].append({"name": "evil", "path": os.path.relpath(secret, mf.parent),
                             "sha256": data.sha256_of(secret)})
    mf.write_text(yaml.safe_dump(doc))
    keys, problems = assign.teacher_keys()
    assert list(keys) == [article]
    assert sum("unsafe" in p or "leave" in p for p in problems) == 2, problems


# ---------------------------------------------------------------- the exercise notebook runs


def _run(nb_path: Path, home: Path) -> list:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(nb_path, as_version=4)
    env = {**os.environ, "MEDIALIT_HOME": str(home), "MEDIALIT_LEARNER": "nbclient", "MEDIALIT_STRICT": "1"}
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(nb_path.parent)}}).execute(env=env)
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def test_the_exercise_notebook_runs_top_to_bottom_before_and_after_the_key(article):
    made = assign.make_exercise(article)
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(made["exercise"], as_version=4)
    nbformat.validate(nb)
    src = "\n".join(c.source for c in nb.cells)
    for needed in ("ml.SentenceLabeller(", "ml.ClaimLedger(", "assign.answer(assign.justify_question", "ml.HandIn("):
        assert needed in src
    home = paths.teacher_dir()
    outputs = _run(made["exercise"], home)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("has not finished the key" in str(o) for o in outputs)
    fill(made["key"], article)
    assert assign.check_key(made["key"]) == []
    outputs = _run(made["exercise"], home)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert not any("has not finished the key" in str(o) for o in outputs)


def test_reading_the_teacher_keys_creates_no_folder(tmp_path, monkeypatch):
    home = tmp_path / "elsewhere"
    monkeypatch.setenv("MEDIALIT_HOME", str(home))
    assert "02-ex1-justify" in feedback.questions()
    assert key_mod.class_key()[1] == []
    assert not home.exists()


def test_one_checked_key_per_article(checked):
    article, made = checked
    second = made["key"].with_name("second-key.yaml")
    second.write_bytes(made["key"].read_bytes())
    problems = assign.check_key(second)
    assert problems == [f"The article already has the checked key keys/{article}.yaml: keep one key per article "
                        "(move the other one out of the keys folder, then check this one again)."]
    assert any("second-key.yaml has not passed" in p for p in assign.teacher_keys()[1])

"""Issue 15's "done when": a teacher turns a saved news page into an assigned exercise with their own
key and sees their class in the dashboard, following only the instructor guide's section "Bring
your own article: assign it". The commands are run as the guide writes them (the ``medialit``
console script, in the course folder); the learners use the real widgets of the exercise."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import medialit as ml
from medialit import assign

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "instructor-guide.md"
MEDIALIT = Path(sys.executable).parent / "medialit"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>City council votes to close the bridge | The Gazette</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2026-12-05T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>
<article>
<h1>City council votes to close the bridge</h1>
<p>The city council voted on Tuesday to close the old bridge for repairs, the mayor said at a press conference.</p>
<p>"We had no choice," said councillor Ana Ruiz. Critics call the decision a disaster for the shops on the river.</p>
<p>The works will surely take years. The bridge carries 12,000 cars a day, according to the transport office.</p>
</article>
<footer>© The Gazette. Subscribe to our newsletter.</footer>
</body></html>
"""
#: The teacher's key, as the guide says to fill it in: label, why, also per sentence (by the
#: sentence's text, since ids are only known once the article is added).
TEACHER = {
    "The city council voted": ("attributed report", [], "Names its source: the mayor."),
    '"We had no choice,"': ("quotation", [], "The councillor's own words, in quotation marks."),
    "Critics call the decision": ("opinion", ["unattributed assertion"],
                                  "'A disaster' is a judgement; no critic is named."),
    "The works will surely": ("prediction", [], "A guess about the future ('will')."),
    "The bridge carries": ("attributed report", [], "The figure comes from the transport office."),
}


def guide_section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("## Bring your own article: assign it")
    return text[start:text.index("\n## ", start + 5)]


def run(*args: str, env: dict) -> subprocess.CompletedProcess:
    """``medialit ARGS`` as a teacher types it in the course folder."""
    return subprocess.run([str(MEDIALIT), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def fill_key(path: Path, article_id: str) -> None:
    """Fill in the template as step 2 of the guide says: a label, a why and `also` per sentence,
    one claim row; the written question as it is."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in doc["articles"][article_id].values():
        (label, also, why), = [v for k, v in TEACHER.items() if entry["text"].startswith(k)]
        entry.update(label=label, also=also, why=why)
    sid = next(s.id for s in ml.load_article(article_id).body_sentences() if s.text.startswith("The bridge carries"))
    doc["ledgers"][article_id]["rows"][0].update(
        sentence=sid, claim="The bridge carries 12,000 cars a day.", record_status="UNCONFIRMED",
        accept=["unsupported", "cannot tell yet"],
        why="Only the transport office gives the figure; no count is published.")
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def learner_works(name: str, article_id: str, labels: dict[str, str], status: str, written: str) -> Path:
    """A learner does the exercise with its widgets (as its cells make them) and hands in."""
    ml.set_learner(name, remember=False)
    ml.lesson(assign.exercise_name(article_id))
    try:
        labeller = ml.SentenceLabeller(article_id, ml.reporting.LABELS, label_set="reporting")
        feedback_box = assign.answer(assign.labels_question(article_id), source=labeller)
        for s in labeller.sentences:
            labeller.set_label(s.id, next(v for k, v in labels.items() if s.text.startswith(k)))
        ledger = ml.ClaimLedger(article_id, rows=assign.ledger_rows(article_id))
        ledger.edit_row(0, claimant="the transport office", evidence="names a source only", status=status)
        justify = assign.answer(assign.justify_question(article_id))
        justify.set_value(written)
        hand_in = ml.HandIn(assign.exercise_name(article_id))
        assert hand_in.hand_in(), hand_in.message.value
    finally:
        ml.lesson(None)
    assert feedback_box.feedback is not None and justify.feedback.status == "for teacher"
    return ml.paths.answers_dir() / "submissions" / f"{name}.submission.json"


@pytest.mark.skipif(not MEDIALIT.exists(), reason="the medialit console script is not installed (pip install -e .)")
def test_a_teacher_assigns_a_saved_news_page_and_sees_the_class(tmp_path, _isolated_answers):
    home = _isolated_answers  # MEDIALIT_HOME of this test: the teacher folder
    env = {**os.environ, "MEDIALIT_HOME": str(home)}
    env.pop("MEDIALIT_LEARNER", None)
    section = guide_section()
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")

    # Adding the saved page (engineer A's command, from the README / guide)
    added = run("add-article", str(page), "--title", "City council votes to close the bridge",
                "--publisher", "The Gazette", "--url", "https://gazette.example/city/bridge",
                "--date", "2026-12-05", "--author", "Jane Doe", env=env)
    assert added.returncode == 0, added.stderr
    article_id = added.stdout.strip()
    assert article_id == "city-council-votes-to-close-the-bridge-2026-12-05"

    # Step 1: make the exercise and the key template
    assert f"medialit make-exercise {article_id}" in section
    made = run("make-exercise", article_id, env=env)
    assert made.returncode == 0, made.stderr
    printed = dict(re.findall(r"^(exercise|key): (.+)$", made.stdout, re.M))
    exercise, key = Path(printed["exercise"]), Path(printed["key"])
    assert exercise == home.resolve() / "exercises" / f"{article_id}.ipynb" and exercise.is_file()
    assert key == home.resolve() / "keys" / f"{article_id}.yaml" and key.is_file()

    # Step 3 before step 2: the unfilled template is refused in plain words, exit status 1
    assert f"medialit check-key answers/keys/{article_id}.yaml" in section
    early = run("check-key", str(key), env=env)
    assert early.returncode == 1 and "No label yet for 5 sentences" in early.stdout and "Traceback" not in early.stderr

    # Step 2: fill in the key; step 3: check it
    fill_key(key, article_id)
    checked = run("check-key", str(key), env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "is fine" in checked.stdout

    # Step 1 again never overwrites the filled-in key
    again = run("make-exercise", article_id, env=env)
    assert again.returncode == 2 and "already filled in" in again.stderr and "Traceback" not in again.stderr

    # Step 4: two learners do the exercise with its widgets and hand in
    right = {k: v[0] for k, v in TEACHER.items()}
    other = dict(right, **{"The city council voted": "unattributed assertion", "Critics call the decision":
                           "unattributed assertion", "The bridge carries": "opinion"})
    files = [learner_works("amira", article_id, right, "cannot tell yet", "word " * 45),
             learner_works("ben", article_id, other, "supported", "I labelled " + "carefully " * 40)]
    class_folder = tmp_path / "class"
    class_folder.mkdir()
    for f in files:
        (class_folder / f.name).write_bytes(f.read_bytes())

    # Step 5: the dashboard on the class folder, and the same from code
    assert "make dashboard CLASS=" in section
    cls = ml.load_class(class_folder)
    assert set(cls.learners["learner"]) == {"amira", "ben"}
    assert not len(cls.report[cls.report["level"] != "note"]), cls.report
    comparison = ml.analysis.compare_with_key(cls, article_id).set_index("learner")
    assert comparison.loc["amira", "accuracy"] == 1.0
    assert comparison.loc["ben", "exact"] == 2 and comparison.loc["ben", "accepted"] == 3
    app = ml.analysis.dashboard(class_folder)
    assert not app.key_problem and article_id in app.key["articles"]
    from medialit.analysis.app import activity_options
    from medialit.analysis.downloads import standard_tables

    assert any(opt[0].startswith(f"{article_id} · exercise ") for opt in activity_options(app.cls))
    gradebook = ml.analysis.gradebook(app.cls, app.key).set_index("learner")
    assert gradebook.loc["ben", "accuracy"] == pytest.approx(0.4)
    assert gradebook.loc["amira", f"words {assign.justify_question(article_id)}"] == 45
    tables = standard_tables(app.cls, app.key, None)
    assert len(tables["gradebook"]) == 2
    claims = app.cls.claims.set_index("learner")
    assert claims.loc["ben", "status"] == "supported"

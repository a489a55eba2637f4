"""A learner's own article (lesson 04) travels with their hand-in, and the teacher's dashboard shows
the work on it: ``export_submission`` carries it (``"articles"``), ``load_class`` checks it and
checks the activities against that learner's copy, and "One learner's work" shows the sentences.

Every hostile case gets a report row with a code of :data:`medialit.schema.CODES`, and the rest of
the file is still read."""
from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

import pytest

import medialit as ml
import medialit.analysis as A
from medialit import articles, data, schema, store
from medialit.analysis import app, loading

from submission_helpers import ART, labels_act, sub, write

TEXT = ("Manafort sentenced to 47 months\n\n"
        "ALEXANDRIA, Va. – Paul Manafort was sentenced on Thursday to 47 months in prison. The judge said "
        "the guidelines were \"excessive.\" Prosecutors had asked for a longer term.\n\n"
        "Critics called the sentence a disgrace. Supporters said it was fair.\n")
TITLE = "Manafort sentenced to 47 months"
OWN = "manafort-sentenced-to-47-months-2019-03-07"


def _add(text=TEXT, title=TITLE, **fields) -> str:
    args = dict(publisher="The Gazette", url="https://example.org/manafort", date="2019-03-07")
    args.update(fields)
    return ml.add_article(text, title=title, **args)


def entry(text=TEXT, title=TITLE, rules=data.SENTENCE_RULES, **over) -> dict:
    """A carried article as ``export_submission`` writes it (``over`` replaces fields)."""
    e = {"title": title, "publisher": "The Gazette", "url": "https://example.org/manafort", "date": "2019-03-07",
         "author": "none given", "language": "en", "sentence_rules": rules,
         "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "text": text}
    e.update(over)
    return e


def own_labels(labels, article=OWN, activity=None):
    return {activity or f"04:labels:{article}": labels_act(labels, article=article)}


def load(folder: Path):
    return ml.load_class(folder)


def codes(cls) -> list[str]:
    return list(cls.report["code"])


def assert_plain_report(cls) -> None:
    assert set(cls.report["code"]) <= set(schema.CODES)
    for reason in cls.report["reason"]:
        assert reason[:1].isalpha() or reason.startswith("…"), reason
        assert reason.rstrip(")").endswith("."), reason
        assert "Traceback" not in reason and "Error" not in reason, reason


# ---------------------------------------------------------------- end to end


def test_learner_hands_in_own_article_and_teacher_sees_the_work(tmp_path, monkeypatch):
    """A learner adds an article in their folder, labels two sentences, marks a phrase and hands
    in; the teacher, with another folder and no copy of the article, sees all of it."""
    learner_home, teacher_home, klass = tmp_path / "ana-home", tmp_path / "teacher-home", tmp_path / "class"
    klass.mkdir()
    monkeypatch.setenv("MEDIALIT_HOME", str(learner_home))
    monkeypatch.setenv("MEDIALIT_LEARNER", "ana")
    aid = _add()
    assert aid == OWN
    from medialit.reporting import LABELS, phrase_categories

    ml.lesson("04")
    try:
        lab = ml.SentenceLabeller(aid, LABELS, label_set="reporting")
        first, second = lab.sentences[0], lab.sentences[1]
        lab.set_label(first.id, "attributed report")
        lab.set_label(second.id, "quotation", note="the judge's own word")
        pm = ml.PhraseMarker(aid, phrase_categories())
        category = list(phrase_categories())[0]
        pm.add_phrase("disgrace", category)
        path = ml.export_submission(klass / "ana.submission.json")
    finally:
        ml.lesson(None)
    doc = json.loads(path.read_text(encoding="utf-8"))
    art = data.load_article(aid)
    carried = doc["articles"][aid]
    assert set(carried) == set(schema.CARRIED_FIELDS) | {"sentences_sha256", "paragraph_roles"}
    assert carried["text"] == art.text and carried["sentence_rules"] == data.SENTENCE_RULES
    assert carried["sha256"] == hashlib.sha256(art.text.encode()).hexdigest()
    assert (carried["title"], carried["date"], carried["publisher"]) == (TITLE, "2019-03-07", "The Gazette")

    monkeypatch.setenv("MEDIALIT_HOME", str(teacher_home))  # the teacher's folder: the article is not there
    monkeypatch.setenv("MEDIALIT_LEARNER", "teacher")
    assert aid not in data.article_ids()
    cls = load(klass)
    assert cls.report.empty, cls.report.to_string()
    got = set(zip(cls.labels["article"], cls.labels["sentence"], cls.labels["label"], strict=True))
    assert got == {(aid, first.id, "attributed report"), (aid, second.id, "quotation")}
    [mark] = cls.marks.to_dict("records")
    assert (mark["article"], mark["text"], mark["category"]) == (aid, "disgrace", category)
    assert list(cls.own_articles["article"]) == [aid] and cls.is_own_article(aid)

    view = app.learner_view(cls, "ana")
    assert first.text in view.markup and "the judge&#x27;s own word" in view.markup
    assert "ALEXANDRIA" in view.markup and "disgrace" in view.markup
    assert 'href="https://example.org/manafort"' in view.markup and "The Gazette" in view.markup
    assert "learner's own article" in view.text
    [(text, choice)] = app.activity_options(cls)
    assert choice == (aid, f"04:labels:{aid}") and "own article" in text
    # two labels of the article's body sentences are not "complete" (it counted one sentence before)
    n_body = len(art.body_sentences())
    assert int(cls.own_articles["body_sentences"].iloc[0]) == n_body > 2
    assert A.progress(cls).loc["ana", f"labels {aid}"] == pytest.approx(2 / n_body)
    # the disputed sentences show the learner's sentence texts; the downloads list the article
    disputed = A.agreement.disputed_sentences(cls, top=5, min_raters=1)
    assert set(disputed["text"]) <= {first.text, second.text} and len(disputed)
    assert "own_articles" in A.downloads.standard_tables(cls, None)


def test_export_carries_only_added_articles_the_activities_refer_to(_isolated_answers):
    store.set_learner("bea")
    used, unused = _add(), _add(TEXT.replace("Critics", "Lawyers"), title="Another article")
    store.put_activity(f"labels:{used}", {"label_set": "reporting", "labels": {}}, kind="sentence_labels", article=used)
    store.put_activity(f"labels:{ART}", {"label_set": "reporting", "labels": {}}, kind="sentence_labels", article=ART)
    store.put_activity("check:q1", {"answer": "yes", "correct": None}, kind="check")
    doc = json.loads(store.export_submission().read_text(encoding="utf-8"))
    assert list(doc["articles"]) == [used]  # not the course article, not the unused one
    assert unused not in doc["articles"]


def test_a_hand_in_with_course_work_only_is_unchanged(_isolated_answers):
    store.set_learner("cy")
    store.put_activity(f"labels:{ART}", {"label_set": "reporting", "labels": {}}, kind="sentence_labels", article=ART)
    doc = json.loads(store.export_submission().read_text(encoding="utf-8"))
    assert "articles" not in doc


def test_export_leaves_out_a_changed_article_with_a_warning(_isolated_answers):
    store.set_learner("dee")
    aid = _add()
    store.put_activity(f"labels:{aid}", {"label_set": "reporting", "labels": {}}, kind="sentence_labels", article=aid)
    (_isolated_answers / "articles" / f"{aid}.txt").write_text(TEXT + "An edit.\n", encoding="utf-8")
    with pytest.warns(store.StoreWarning, match="could not be put into the hand-in"):
        doc = json.loads(store.export_submission().read_text(encoding="utf-8"))
    assert "articles" not in doc and f"labels:{aid}" in doc["activities"]


def test_the_hand_in_button_says_which_article_was_left_out(_isolated_answers):
    store.set_learner("dee")
    aid = _add()
    store.put_activity(f"labels:{aid}", {"label_set": "reporting", "labels": {}}, kind="sentence_labels", article=aid)
    (_isolated_answers / "articles" / f"{aid}.txt").write_text(TEXT + "An edit.\n", encoding="utf-8")
    button = ml.HandIn("04")
    assert button.hand_in()
    assert "Done:" in button.message.value and "could not be put into the hand-in" in button.message.value
    assert aid in button.message.value


def test_export_keeps_within_the_limits_the_dashboard_reads(_isolated_answers, monkeypatch):
    store.set_learner("eve")
    monkeypatch.setattr(schema.contract, "LIMITS", schema.Limits(articles=2))
    monkeypatch.setattr(schema, "LIMITS", schema.Limits(articles=2))
    ids = [_add(TEXT.replace("Critics", f"Critic number {n}"), title=f"Article {n}") for n in range(3)]
    for aid in ids:
        store.put_activity(f"labels:{aid}", {"label_set": "reporting", "labels": {}}, kind="sentence_labels",
                           article=aid)
    with pytest.warns(store.StoreWarning, match="at most 2 articles"):
        doc = json.loads(store.export_submission().read_text(encoding="utf-8"))
    assert list(doc["articles"]) == ids[:2]


# ---------------------------------------------------------------- old hand-ins


def test_an_old_hand_in_says_what_happened_with_the_whole_id(tmp_path):
    write(tmp_path, "ana.submission.json", sub("ana", activities={
        **own_labels({"s002": "opinion"}),
        f"labels:{ART}": labels_act({"s002": "opinion"})}))
    cls = load(tmp_path)
    assert set(cls.labels["article"]) == {ART}  # the rest of the file is read
    [row] = cls.report.to_dict("records")
    assert row["code"] == "unknown_article" and row["level"] == "activity skipped"
    assert repr(OWN) in row["reason"]  # the whole id, not cut mid-word
    assert "lesson 04" in row["reason"] and "hand in again" in row["reason"]
    assert_plain_report(cls)


def test_a_very_long_article_id_is_cut_sensibly(tmp_path):
    long_id = "x" * 5000
    write(tmp_path, "ana.submission.json", sub("ana", activities=own_labels({"s002": "opinion"}, article=long_id,
                                                                              activity="a1")))
    [reason] = load(tmp_path).report["reason"]
    assert "(5000 characters)" in reason and len(reason) < 600


# ---------------------------------------------------------------- hostile carried articles


def _carrying(folder: Path, articles_field, activities=None, learner="mal") -> Path:
    return write(folder, f"{learner}.submission.json",
                 sub(learner, activities=activities if activities is not None else own_labels({"s002": "opinion"}),
                     articles=articles_field))


@pytest.mark.parametrize("bad_id, code", [
    ("../x", "bad_article_id"), ("x/../../etc", "bad_article_id"), ("Upper-Case", "bad_article_id"),
    ("a" * 65, "bad_article_id"), ("x\n", "bad_article_id"), (ART, "course_article_id"),
])
def test_unsafe_or_course_ids_are_refused(tmp_path, bad_id, code):
    _carrying(tmp_path, {bad_id: entry()}, {**own_labels({"s002": "opinion"}, article=bad_id, activity="a1"),
                                            f"labels:{ART}": labels_act({"s003": "quotation"})})
    cls = load(tmp_path)
    assert code in codes(cls)
    assert_plain_report(cls)
    assert ("mal", ART, "s003") in set(zip(cls.labels["learner"], cls.labels["article"], cls.labels["sentence"],
                                           strict=True))
    assert cls.own_articles.empty


def test_a_course_id_never_replaces_the_course_article(tmp_path):
    """A file that carries its own text under a course article's id: the course's text is used."""
    course = data.load_article(ART)
    fake = "Everything here is made up. " * 3 + "\n"
    marks = {"kind": "phrase_marks", "article": ART, "data": {"marks": [
        {"start": 0, "end": 10, "text": "", "category": "c", "note": ""}]}}
    _carrying(tmp_path, {ART: entry(fake)}, {f"phrases:{ART}": marks})
    cls = load(tmp_path)
    assert "course_article_id" in codes(cls)
    assert list(cls.marks["text"]) == [course.text[0:10]]
    assert list(cls.marks["article"]) == [ART]


def test_a_hash_that_does_not_match_the_text_is_refused(tmp_path):
    _carrying(tmp_path, {OWN: entry(sha256="0" * 64)})
    cls = load(tmp_path)
    assert "article_hash_mismatch" in codes(cls) and cls.labels.empty
    [why] = cls.problems(code="unknown_article")["reason"]
    assert "could not be used" in why
    assert_plain_report(cls)


def test_a_text_changed_after_hand_in_is_refused(tmp_path):
    _carrying(tmp_path, {OWN: dict(entry(), text=TEXT + "Added later.\n")})
    assert "article_hash_mismatch" in codes(load(tmp_path))


def test_oversized_text_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(articles, "MAX_BYTES", 2_000)  # add_article's limit, made small to keep the test fast
    big = TEXT + "More words here. " * 200
    _carrying(tmp_path, {OWN: entry(big)})
    cls = load(tmp_path)
    assert "bad_article_text" in codes(cls) and cls.labels.empty
    assert_plain_report(cls)


def test_carried_text_counts_toward_the_files_limit(tmp_path):
    """All carried texts of one file together: at most LIMITS.article_chars characters."""
    half = "Words and more words. " * (schema.LIMITS.article_chars // 40)
    _carrying(tmp_path, {"first-one": entry(half), OWN: entry(half + "x\n")})
    cls = load(tmp_path)
    assert "too_many_articles" in codes(cls) and cls.labels.empty
    assert_plain_report(cls)


def test_a_thousand_carried_articles_are_capped(tmp_path):
    many = {f"article-{n}": entry() for n in range(1000)}
    _carrying(tmp_path, many, {f"a{n}": labels_act({"s002": "opinion"}, article=f"article-{n}") for n in (0, 999)})
    cls = load(tmp_path)
    [row] = cls.problems(code="too_many_articles").to_dict("records")
    assert "1000" in row["reason"] and f"first {schema.LIMITS.articles}" in row["reason"]
    assert set(cls.labels["article"]) == {"article-0"}  # read: the first ten only
    assert len(cls.report) <= 5
    assert_plain_report(cls)


@pytest.mark.parametrize("field", [["a list"], "a string", 7, None])
def test_articles_that_are_not_a_mapping(tmp_path, field):
    _carrying(tmp_path, field)
    cls = load(tmp_path)
    assert "bad_articles" in codes(cls) and "unknown_article" in codes(cls)
    assert_plain_report(cls)


def test_activities_naming_no_article_or_a_list_do_not_stop_the_file(tmp_path):
    acts = {**own_labels({"s002": "opinion"}),
            "a1": labels_act({"s002": "opinion"}, article=["a", "list"]),
            "a2": labels_act({"s002": "opinion"}, article={"a": 1}),
            "a3": labels_act({"s002": "opinion"}, article=None)}
    _carrying(tmp_path, {OWN: entry()}, acts)
    cls = load(tmp_path)
    assert list(cls.labels["article"]) == [OWN]
    reasons = list(cls.problems(code="unknown_article")["reason"])
    assert reasons == ["its article is a list, not an article id.", "its article is a record, not an article id.",
                       "it names no article."]
    assert_plain_report(cls)


@pytest.mark.parametrize("value", ["just text", ["a", "list"], 42, None])
def test_entries_that_are_not_records(tmp_path, value):
    _carrying(tmp_path, {OWN: value, "other-one": entry()})
    cls = load(tmp_path)
    assert "not_a_record" in codes(cls) and cls.labels.empty
    assert_plain_report(cls)


def test_html_and_script_in_the_fields_are_shown_as_text(tmp_path):
    nasty = '<script>alert("t")</script><img src=x onerror=alert(1)>'
    _carrying(tmp_path, {OWN: entry(title=nasty, publisher=nasty, author=nasty, url="javascript:alert(1)")})
    cls = load(tmp_path)
    assert cls.report.empty, cls.report.to_string()  # plain text is allowed ...
    view = app.learner_view(cls, "mal")
    assert "<script" not in view.markup and "<img" not in view.markup and "&lt;script&gt;" in view.markup
    assert "href" not in view.markup  # ... and a URL that is not http(s) is never a link
    assert "javascript:alert(1)" in view.markup  # shown as text


@pytest.mark.parametrize("over", [{"title": "two\nlines"}, {"title": ""}, {"publisher": "p" * 301}, {"url": 7},
                                  {"date": "07/03/2019"}, {"language": "English; DROP"}, {"author": ["x"]}])
def test_fields_that_are_not_plain_short_text_are_refused(tmp_path, over):
    _carrying(tmp_path, {OWN: entry(**over)})
    cls = load(tmp_path)
    assert "bad_article_field" in codes(cls) and cls.labels.empty
    assert_plain_report(cls)


@pytest.mark.parametrize("rules", [99, 0, "3", True, None, 2.0])
def test_unknown_sentence_rules_are_refused(tmp_path, rules):
    _carrying(tmp_path, {OWN: entry(rules=rules)})
    cls = load(tmp_path)
    assert "unknown_sentence_rules" in codes(cls) and cls.labels.empty
    assert_plain_report(cls)


def test_sentences_are_split_with_the_recorded_rules(tmp_path):
    """Rules 1 and 3 split this text differently: the labels are checked against the ids the
    learner's rules give."""
    text = "Critics called it ‘a disgrace.’ The judge left. He said so.\n"
    r1, r3 = (data.segment(text, language="en", rules=r) for r in (1, 3))
    assert (len(r1), len(r3)) == (2, 3)
    last1, last3 = r1[-1].id, r3[-1].id  # s002 and s003, both "He said so."
    _carrying(tmp_path, {OWN: entry(text, title="Sentences", rules=1)}, own_labels({last1: "opinion", last3: "quotation"}))
    cls = load(tmp_path)
    assert list(cls.labels["sentence"]) == [last1]
    assert "bad_sentence_id" in codes(cls)
    assert cls.sentence_texts(OWN)[last1] == r1[-1].text


def test_sentences_that_split_differently_here_are_refused(tmp_path):
    _carrying(tmp_path, {OWN: entry(sentences_sha256="f" * 64)})
    cls = load(tmp_path)
    assert "article_sentences_differ" in codes(cls) and cls.labels.empty
    assert_plain_report(cls)


def test_marks_are_checked_against_the_learners_own_text(tmp_path):
    n = len(TEXT)
    marks = {"kind": "phrase_marks", "article": OWN, "data": {"marks": [
        {"start": TEXT.index("disgrace"), "end": TEXT.index("disgrace") + 8, "text": "", "category": "c", "note": ""},
        {"start": n - 2, "end": n + 50, "text": "", "category": "c", "note": ""}]}}
    _carrying(tmp_path, {OWN: entry()}, {f"phrases:{OWN}": marks})
    cls = load(tmp_path)
    assert list(cls.marks["text"]) == ["disgrace"] and "bad_offsets" in codes(cls)


# ---------------------------------------------------------------- two learners, one id


def test_different_texts_under_one_id_are_never_mixed(tmp_path):
    other = TEXT.replace("Critics called the sentence a disgrace.", "Nobody commented.")
    _carrying(tmp_path, {OWN: entry()}, own_labels({"s005": "opinion"}), learner="alice")
    _carrying(tmp_path, {OWN: entry(other)}, own_labels({"s005": "quotation"}), learner="bob")
    _carrying(tmp_path, {OWN: entry()}, own_labels({"s005": "prediction"}), learner="carol")
    cls = load(tmp_path)
    names = dict(zip(cls.labels["learner"], cls.labels["article"], strict=True))
    assert names == {"alice": f"{OWN}~alice", "bob": f"{OWN}~bob", "carol": f"{OWN}~alice"}
    assert len(cls.problems(code="article_renamed")) == 3
    assert cls.sentence_texts(f"{OWN}~bob")["s005"] == "Nobody commented."
    assert cls.sentence_texts(f"{OWN}~alice")["s005"] == "Critics called the sentence a disgrace."
    assert "Nobody commented." in app.learner_view(cls, "bob").markup
    assert "a disgrace" in app.learner_view(cls, "carol").markup
    assert_plain_report(cls)


def test_the_same_text_from_two_learners_is_compared(tmp_path):
    _carrying(tmp_path, {OWN: entry()}, own_labels({"s002": "opinion"}), learner="alice")
    _carrying(tmp_path, {OWN: entry()}, own_labels({"s002": "quotation"}), learner="bob")
    cls = load(tmp_path)
    assert cls.report.empty and set(cls.labels["article"]) == {OWN}
    by_article = ml.analysis.agreement_by_article(cls)
    assert list(by_article["article"]) == [OWN] and int(by_article["learners"].iloc[0]) == 2


def test_a_text_unlike_the_teachers_own_article_of_that_id_is_renamed(tmp_path, _isolated_answers):
    assert _add() == OWN  # the teacher added an article with that id too
    other = TEXT.replace("Supporters said it was fair.", "Supporters cheered.")
    _carrying(tmp_path, {OWN: entry(other)}, own_labels({"s006": "opinion"}), learner="alice")
    _carrying(tmp_path, {OWN: entry()}, own_labels({"s006": "quotation"}), learner="bob")
    _carrying(tmp_path, {}, own_labels({"s006": "prediction"}), learner="carol")  # handed in before
    cls = load(tmp_path)
    names = dict(zip(cls.labels["learner"], cls.labels["article"], strict=True))
    assert names == {"alice": f"{OWN}~alice", "bob": OWN, "carol": OWN}
    assert list(cls.problems(code="article_renamed")["learner"]) == ["alice"]
    # bob's copy is the teacher's article itself: not listed as a learner's own, compared with a key as usual
    assert list(cls.own_articles["learner"]) == ["alice"] and not cls.is_own_article(OWN)


# ---------------------------------------------------------------- the class tables


def test_class_tables_never_compare_an_own_article_with_the_key(tmp_path):
    from medialit.analysis import downloads, views

    key = ml.analysis.load_key()
    _carrying(tmp_path, {OWN: entry()}, {**own_labels({"s002": "opinion", "s003": "quotation"}),
                                         f"labels:{ART}": labels_act({"s002": "opinion"})}, learner="alice")
    _carrying(tmp_path, {OWN: entry()}, own_labels({"s002": "quotation", "s003": "quotation"}), learner="bob")
    cls = load(tmp_path)
    comp = views.compare_with_key(cls, key)
    compared = dict(zip(comp["learner"], comp["compared"], strict=True))
    assert compared["bob"] == 0 and compared["alice"] == 1  # bob labelled only his own article
    assert ml.analysis.confusion_matrix(cls, key).to_numpy().sum() == 1
    disputed = ml.analysis.disputed_sentences(cls, key=key)
    assert set(disputed.loc[disputed["article"] == OWN, "key"]) <= {""}
    tables = downloads.standard_tables(cls, key)
    assert "own_articles" not in tables or len(tables["own_articles"])
    for choice in [c for _t, c in app.activity_options(cls)]:
        view = app.activity_view(cls, choice, key)
        if choice[0] == OWN:
            assert "no key for it" in view.text
    assert "<th style='text-align:left'>key</th>" not in app.learner_view(cls, "bob", key).markup
    assert "<th style='text-align:left'>key</th>" in app.learner_view(cls, "alice", key).markup
    assert "own_articles" in cls.tables()
    ml.analysis.export_csv(cls, tmp_path.parent / (tmp_path.name + "-csv"))


def test_course_only_classes_load_as_before(tmp_path):
    write(tmp_path, "ana.submission.json", sub("ana", activities={f"labels:{ART}": labels_act({"s002": "opinion"})}))
    cls = load(tmp_path)
    assert cls.report.empty and "own_articles" not in cls.tables() and cls.own_articles.empty
    assert not cls.is_own_article(ART)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        app.learner_view(cls, "ana")


def test_every_new_code_is_explained():
    new = ["bad_articles", "too_many_articles", "bad_article_id", "course_article_id", "bad_article_field",
           "bad_article_text", "article_hash_mismatch", "unknown_sentence_rules", "article_sentences_differ",
           "article_renamed"]
    assert all(len(schema.CODES[c].split()) >= 4 for c in new)
    assert loading.RENAMED.format(article="a", learner="b") == "a~b"


def test_page_furniture_stays_out_of_the_body_on_both_sides(tmp_path, monkeypatch):
    """QA on pasted articles: a byline, a time stamp and a subhead were labelled like sentences.
    They are recorded as furniture when the article is added, and the hand-in carries those roles,
    so the teacher's dashboard counts the same body sentences as the learner's labeller."""
    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path / "learner"))
    text = ("Council closes bridge\n\nBy Ana Silva\n\nUpdated 8:12 p.m. ET, November 10, 2020\n\n"
            "The town council closed the old bridge on Monday, the mayor said.\n\nWhat happens next\n\n"
            "Repairs will take a year. Drivers must use the ring road.\n")
    aid = ml.add_article(text, title="Council closes bridge", publisher="The Gazette",
                         url="https://example.org/bridge", date="2020-11-10")
    art = data.load_article(aid)
    assert [s.text for s in art.body_sentences()] == [
        "The town council closed the old bridge on Monday, the mayor said.", "Repairs will take a year.",
        "Drivers must use the ring road."]
    roles = {s.text: s.role for s in art.sentences}
    assert roles["By Ana Silva"] == "source-line" and roles["What happens next"] == "heading"
    entry = articles.handin_entry(aid)
    assert entry["paragraph_roles"] == {"0": "title", "1": "source-line", "2": "source-line", "4": "heading"}
    carried, problems = schema.clean_carried_articles({aid: entry})
    assert not problems
    again = articles.carried_sentences(entry["text"], entry["title"], entry["language"], entry["sentence_rules"],
                                       carried[aid]["paragraph_roles"])
    assert [s.role for s in again] == [s.role for s in art.sentences]
    bad = dict(entry, paragraph_roles={"1": "<script>"})
    _, problems = schema.clean_carried_articles({aid: bad})
    assert [p.code for p in problems] == ["bad_roles"]

"""Collect a class's submission files into tidy tables, with a plain-words validation report.

:func:`load_class` reads every ``*.json`` file in one folder (the files learners made with
``ml.export_submission()``) and returns a :class:`ClassData`: one table per activity kind and a
``report`` table with one row per problem (file, learner, level, activity, a stable ``code`` and
the reason in plain words). A problem skips as little as it can -- the whole file, one activity,
one item -- or is only a note; it never stops the other files from loading.

The steps, each in its own module:

1. :mod:`.files` lists and reads the files safely (size, count and depth limits, symbolic links,
   pipes, names shown with escapes);
2. :mod:`.envelope` decodes and parses each file with :func:`json.loads` only and checks the
   submission envelope (format, schema version, learner id), then keeps the newest file of each
   learner;
3. :mod:`medialit.schema` checks each activity's records (``strict=True``), the same contract the
   widgets write;
4. here: the rows become DataFrames.

A file may also carry the learner's own articles (lesson 04, its top-level ``"articles"``):
:func:`medialit.schema.clean_carried_articles` checks each one, and :class:`_OwnArticles` splits
its text into sentences with the rules recorded in the file (the function the learner's session
used, :func:`medialit.articles.carried_sentences`), so the activities about it are checked against
*that learner's* copy (sentence ids, mark offsets). Its id stays as it is in the tables, unless
learners handed in different texts under one id (or a text that differs from the teacher's own
article of that id): then each text is named ``<article id>~<learner id>`` after the first learner
(in learner-id order) who handed it in, learners with the very same text share that name, and a
note says so (code ``article_renamed``). ``ClassData.own_articles`` lists them.

After ``MAX_REPORT`` problems of one kind in one activity (or skipped activities in one file, or
ignored files in the folder) the rest are counted in one "… and N more" row (code
``more_not_listed``); so are the problems of one file's activities after ``MAX_FILE_REPORT`` rows
(all kinds together). A file's activities are read in order until their items pass
``max_file_items`` (code ``too_many_items_in_file``). Activity ids are shown, in the report and
in the tables, with unprintable characters as escapes, as file names are (:func:`show_name`).
Nothing in the folder is ever modified. Every check, and why it is there,
is listed in the docstrings of :mod:`.files` and :mod:`.envelope`; every ``code`` in
:data:`medialit.schema.CODES`.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .. import schema
from ..store import referred_articles
from ..schema import CONFIDENCES, KINDS, LEDGER_STATUSES as STATUSES, shorten  # noqa: F401 - re-exported
from .envelope import clean_stamp, envelope_notes, newest_per_learner, read_envelopes, stamp
from .files import list_submissions, read_submissions, show_name  # noqa: F401 - show_name re-exported
from .report import (ACTIVITY_SKIPPED, FILE_SKIPPED, ITEM_SKIPPED, MAX_FILE_REPORT, MAX_REPORT, NOTE,  # noqa: F401
                     COLUMNS as REPORT_COLUMNS, CappedReport)

#: Default limits (all can be changed per call of :func:`load_class`); the record limits are
#: :data:`medialit.schema.LIMITS`, the same the widgets keep.
MAX_BYTES = schema.FILE_BYTES
MAX_FILES = 5000
MAX_DEPTH = schema.LIMITS.depth
MAX_LABEL = schema.LIMITS.short
MAX_TEXT = schema.LIMITS.text
MAX_ITEMS = schema.LIMITS.items
MAX_FILE_ITEMS = schema.LIMITS.file_items
#: Activity ids longer than this are refused (``bad_activity_id``).
MAX_ACTIVITY_ID = 200

LABEL_COLUMNS = ["learner", "activity", "article", "label_set", "sentence", "label", "note",
                 "confidence", "updated"]
MARK_COLUMNS = ["learner", "activity", "article", "mark", "start", "end", "text", "category",
                "note", "updated"]
PROVENANCE_COLUMNS = ["learner", "activity", "article", "question", "answer", "evidence", "updated"]
CLAIM_COLUMNS = ["learner", "activity", "article", "row", *schema.CLAIM_FIELDS[1:], "updated"]
CHECK_COLUMNS = ["learner", "activity", "question", "answer", "correct", "updated"]
#: Republication chains (kind "chain"): one row per learner x activity x step, in the learner's order.
CHAIN_COLUMNS = ["learner", "activity", "article", "position", "step", "updated"]
#: The skills check (kind "skillcheck"): one row per learner x phase; ``answers`` as JSON text.
SKILLCHECK_COLUMNS = ["learner", "activity", "phase", "form", "answers", "written", "finished", "finished_at",
                      "updated"]
LEARNER_COLUMNS = ["learner", "file", "exported", "medialit_version", "activities"]
#: The learners' own articles their files carry (lesson 04): one row per learner x article.
#: ``article`` is the id in the class tables, ``handed_in_as`` the id in the learner's file (they
#: differ only when learners handed in different texts under one id: ``<id>~<learner>``).
OWN_ARTICLE_COLUMNS = ["article", "handed_in_as", "learner", "title", "publisher", "url", "date", "author",
                       "language", "sentence_rules", "sentences", "body_sentences", "sha256"]
#: How an own article is named in the tables when its id names different texts (see the module's docstring).
RENAMED = "{article}~{learner}"
#: First answers (kept when the learner opened a key, or at the first check(); see
#: medialit.store.freeze_first): the same columns plus ``first_at``.
FIRST_LABEL_COLUMNS = [*LABEL_COLUMNS, "first_at"]
FIRST_CHECK_COLUMNS = [*CHECK_COLUMNS, "first_at"]
FIRST_MARK_COLUMNS = [*MARK_COLUMNS, "first_at"]
_FIRST_TABLE = {"sentence_labels": "first_labels", "check": "first_checks", "phrase_marks": "first_marks"}
_TABLE = {"sentence_labels": "labels", "phrase_marks": "marks", "provenance_checklist": "provenance",
          "claim_ledger": "claims", "check": "checks", "skillcheck": "skillchecks",
          "chain": "chains"}


# ---------------------------------------------------------------- course facts (cached)


class CourseArticle(NamedTuple):
    length: int
    sentence_ids: frozenset
    text: str
    n_body: int


@functools.lru_cache(maxsize=2)
def _course(stamp: tuple) -> dict:
    from .. import data

    out = {}
    for name in data.article_ids():  # the course's articles and the ones the teacher added
        try:
            art = data.load_article(name)
        except data.DataError:  # an article that fails its checks is treated as unknown
            continue
        out[name] = CourseArticle(len(art.text), frozenset(s.id for s in art.sentences), art.text,
                                         len(art.body_sentences()))
    return out


@functools.lru_cache(maxsize=1)
def course_label_sets() -> dict:
    """``{label set: frozenset of labels}`` for the label sets whose labels the course defines
    (``reporting``, lesson 02's labels, which every key uses); others are not checked."""
    from ..reporting.labels import LABELS

    return {"reporting": frozenset(LABELS)}


def course_articles() -> dict:
    """``{article id: CourseArticle(length, sentence_ids, text, n_body)}`` for every course article
    that loads, teacher articles included (re-read when an articles manifest changes)."""
    from .. import data

    return _course(data.articles_stamp())


# ---------------------------------------------------------------- result object


@dataclass
class ClassData:
    """A class's work as tidy tables (pandas DataFrames), plus the validation report.

    Attributes: ``learners`` (one row per kept file), ``labels``, ``marks``, ``provenance``,
    ``claims``, ``checks`` (one row per learner x item, fields as columns), ``report`` (one row
    per problem: file, learner, level, activity, code, reason) and ``folder``. :meth:`tidy` gives
    the long form: one row per learner x item x field. ``own_articles``: the learners' own articles
    their files carry (:data:`OWN_ARTICLE_COLUMNS`), with their sentences' texts in ``own_texts``
    (:meth:`sentence_texts`).
    """

    folder: Path
    learners: Any
    labels: Any
    marks: Any
    provenance: Any
    claims: Any
    checks: Any
    report: Any
    skillchecks: Any = None  # the skills check before and after the unit (analysis.learning)
    chains: Any = None  # republication chains built in lesson 01 (kind "chain")
    first_labels: Any = None  # first answers of sentence labels (analysis.first_answers)
    first_checks: Any = None  # first answers of check() questions (analysis.first_answers)
    first_marks: Any = None  # first answers of phrase marks (analysis.first_answers)
    own_articles: Any = None  # the learners' own articles their files carry (OWN_ARTICLE_COLUMNS)
    own_texts: Any = field(default=None, repr=False)  # {article id in the tables: {sentence id: text}}
    _tidy: Any = field(default=None, repr=False)

    def tables(self) -> dict:
        """The tables by name (used by :func:`medialit.analysis.export_csv`)."""
        return {"learners": self.learners, "labels": self.labels, "marks": self.marks,
                "provenance": self.provenance, "claims": self.claims, "checks": self.checks,
                **({"skillchecks": self.skillchecks} if self.skillchecks is not None else {}),
                **({"chains": self.chains} if self.chains is not None else {}),
                **({"first_labels": self.first_labels} if self.first_labels is not None else {}),
                **({"first_checks": self.first_checks} if self.first_checks is not None else {}),
                **({"first_marks": self.first_marks} if self.first_marks is not None else {}),
                **({"own_articles": self.own_articles} if self.own_articles is not None and len(self.own_articles)
                   else {}),
                "report": self.report}

    def tidy(self):
        """One row per learner x activity x item x field: columns ``learner, activity, kind,
        article, item, field, value`` (values as text)."""
        if self._tidy is None:
            import pandas as pd

            parts = []
            spec = [
                ("sentence_labels", self.labels, "sentence", list(schema.LABEL_FIELDS)),
                ("phrase_marks", self.marks, "mark", ["start", "end", "text", "category", "note"]),
                ("provenance_checklist", self.provenance, "question", list(schema.PROVENANCE_FIELDS)),
                ("claim_ledger", self.claims, "row", list(schema.CLAIM_FIELDS[1:])),
                ("check", self.checks, "question", list(schema.CHECK_FIELDS)),
            ]
            for kind, df, item, fields in spec:
                if df.empty:
                    continue
                d = df.assign(kind=kind, item=df[item].astype(str))
                if "article" not in d:
                    d["article"] = ""
                long = d.melt(id_vars=["learner", "activity", "kind", "article", "item"],
                              value_vars=fields, var_name="field", value_name="value")
                long["value"] = long["value"].astype(str)
                parts.append(long)
            cols = ["learner", "activity", "kind", "article", "item", "field", "value"]
            self._tidy = (pd.concat(parts, ignore_index=True)[cols] if parts
                          else pd.DataFrame(columns=cols))
        return self._tidy

    def is_own_article(self, article: str) -> bool:
        """True when ``article`` (an id in the tables) is a learner's own article a file carried."""
        oa = self.own_articles
        return oa is not None and len(oa) > 0 and bool((oa["article"] == article).any())

    def sentence_texts(self, article: str) -> dict:
        """``{sentence id: text}`` of a learner's own article (an id in the tables), else ``{}``."""
        return (self.own_texts or {}).get(article, {})

    def problems(self, level: str | None = None, code: str | None = None):
        """The report, optionally only one ``level`` (e.g. ``"file skipped"``) or ``code``."""
        r = self.report
        if level is not None:
            r = r[r["level"] == level]
        if code is not None:
            r = r[r["code"] == code]
        return r.reset_index(drop=True) if r is not self.report else r

    def __repr__(self) -> str:
        skipped = int((self.report["level"] == FILE_SKIPPED).sum()) if len(self.report) else 0
        return (f"ClassData({len(self.learners)} learners from {self.folder.name!r}, "
                f"{len(self.labels)} sentence labels, {skipped} files skipped)")


def sentence_texts(articles, cls: "ClassData | None" = None) -> dict:
    """``{(article, sentence id): text}`` for ``articles``: a learner's own article from the texts
    their file carried (``cls``, split as in the learner's session), a course article from its file;
    any other id gives nothing."""
    from .. import data

    known = course_articles()
    out = {}
    for article in articles:
        own = cls.sentence_texts(article) if cls is not None else {}
        if own:
            out.update({(article, sid): text for sid, text in own.items()})
        elif article in known:
            out.update({(article, s.id): s.text for s in data.load_article(article).sentences})
    return out


# ---------------------------------------------------------------- the learners' own articles


class _FileArticles(NamedTuple):
    """The learner's own articles one file carries: ``facts`` (``{id in the file: CourseArticle}``
    of each one its activities are checked against, when not the teacher's very same article),
    ``names`` (``{id in the file: id in the tables}``) and ``refused`` (ids it carries that could
    not be used)."""

    facts: dict
    names: dict
    refused: frozenset


_NO_OWN = _FileArticles({}, {}, frozenset())


class _Copy(NamedTuple):
    """One accepted own article of one file, split into sentences."""

    name: str  # the file
    learner: str
    entry: dict
    sentences: tuple
    identity: tuple  # (sha256 of the text, hash of the sentences' ids and offsets)


#: Sentences of carried texts already split, newest last: ``{(sha256, title, language, rules):
#: (characters, sentences)}``, kept up to :data:`_SPLIT_CHARS` characters of text in all.
_SPLIT_CACHE: dict = {}
_SPLIT_CHARS = 4_000_000


def _split(entry: dict) -> tuple:
    """The sentences of a carried text (the same function and rules as the learner's session,
    :func:`medialit.articles.carried_sentences`). The same text handed in by several learners, or
    read again when the dashboard reloads the class, is split once (its ``sha256`` was checked)."""
    from ..articles import carried_sentences

    roles = entry.get("paragraph_roles")
    key = (entry["sha256"], entry["title"], entry["language"], entry["sentence_rules"],
           None if roles is None else tuple(sorted(roles.items())))
    hit = _SPLIT_CACHE.pop(key, None)
    if hit is None:
        text = entry["text"]
        hit = (len(text), tuple(carried_sentences(text, entry["title"], entry["language"], entry["sentence_rules"],
                                                  roles)))
    _SPLIT_CACHE[key] = hit
    while len(_SPLIT_CACHE) > 1 and sum(n for n, _ in _SPLIT_CACHE.values()) > _SPLIT_CHARS:
        del _SPLIT_CACHE[next(iter(_SPLIT_CACHE))]
    return hit[1]


def _bundled_ids() -> frozenset:
    """The ids of the articles in the course's ``data/articles/`` (not the teacher's folder)."""
    from .. import data

    try:
        return frozenset(str(r.get("name")) for r in data.manifest("articles")["resources"])
    except data.DataError:
        return frozenset()


def _unknown_article(article: Any, refused) -> str:
    """Why an activity's article cannot be used, in plain words (the id shown whole, see
    :func:`medialit.schema.show_article_id`)."""
    if article is None or article == "":
        return "it names no article."
    if not isinstance(article, str):
        what = {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "a record"}
        return f"its article is {what.get(type(article), 'not text')}, not an article id."
    shown = schema.show_article_id(article)
    if article in refused:
        return (f"the article {shown} is not one of the course's articles, and the copy of it this file carries "
                "could not be used (the row about the learner's own article says why).")
    return (f"the article {shown} is not one of the course's articles, and this file does not carry it. It is "
            "probably the learner's own article from lesson 04: if they hand in again with this version of "
            "medialit (or a newer one), the file includes the article and this work can be shown.")


class _OwnArticles:
    """The learners' own articles the kept files carry: checked
    (:func:`medialit.schema.clean_carried_articles`), split into sentences, and named in the class
    tables (see the module's docstring). ``problems[file]`` are report rows, ``files[file]`` a
    :class:`_FileArticles`, ``rows`` the :data:`OWN_ARTICLE_COLUMNS` table, ``texts`` the
    sentences' texts by id in the tables. Nothing is done for files that carry none."""

    def __init__(self, kept: list, course: dict, limits: schema.Limits):
        self.problems: dict = {}
        self.files: dict = {}
        self.rows: list = []
        self.texts: dict = {}
        self.course = course
        copies: dict = {}  # id in the file -> [_Copy], in learner order
        bundled = None
        for s in kept:
            if "articles" not in s.doc:
                continue
            bundled = _bundled_ids() if bundled is None else bundled
            for copy in self._read(s, bundled, limits):
                copies.setdefault(copy.entry["id"], []).append(copy)
        for article_id, found in copies.items():
            self._name(article_id, found)

    def _read(self, s, bundled: frozenset, limits: schema.Limits) -> list:
        """The usable own articles of one file (its problems noted), each split into sentences."""
        from .. import data

        carried = s.doc["articles"]
        clean, problems = schema.clean_carried_articles(carried, course_ids=bundled, limits=limits)
        referred = set(referred_articles(s.doc["activities"]))
        # ids the activities name that the file carries but that cannot be used (said in their messages)
        refused = {a for a in referred if isinstance(carried, dict) and a in carried and a not in clean}
        out = []
        for article_id, entry in clean.items():
            if article_id not in referred:
                continue  # carried but not used by any activity: nothing to show
            sentences = _split(entry)
            spans = data.spans_hash(sentences)
            if entry.get("sentences_sha256") not in (None, spans):
                problems.append(schema.Problem(
                    ITEM_SKIPPED, "article_sentences_differ",
                    f"the learner's own article {schema.show_article_id(article_id)} was not read: this computer "
                    "splits its text into other sentences than the learner's did (another version of medialit or "
                    "of its sentence splitter), so their sentence ids would point at other words; update medialit "
                    "on both computers and ask the learner to hand in again."))
                refused.add(article_id)
                continue
            out.append(_Copy(s.name, s.learner, dict(entry, id=article_id), sentences, (entry["sha256"], spans)))
        self.problems[s.name] = problems
        self.files[s.name] = _FileArticles({}, {}, frozenset(refused))
        return out

    def _teacher_identity(self, article_id: str) -> tuple | None:
        """The identity of the teacher's own article ``article_id`` (None when there is none)."""
        import hashlib

        from .. import data

        if article_id not in self.course:
            return None
        try:
            art = data.load_article(article_id)
        except data.DataError:  # changed since the class was opened: not the same article
            return None
        return hashlib.sha256(art.text.encode("utf-8")).hexdigest(), data.spans_hash(art.sentences)

    def _name(self, article_id: str, found: list) -> None:
        """Name each text handed in under ``article_id`` in the tables, and note a renaming."""
        teacher = self._teacher_identity(article_id)
        versions: dict = {}
        for copy in found:
            versions.setdefault(copy.identity, []).append(copy)
        for identity, same in versions.items():
            if identity == teacher or (teacher is None and len(versions) == 1):
                name = article_id
            else:
                name = RENAMED.format(article=article_id, learner=same[0].learner)
                other = ("the teacher's own article with that id" if teacher is not None
                         else "the text other learners handed in under the same id")
                for copy in same:
                    self.problems[copy.name].append(schema.Problem(
                        NOTE, "article_renamed",
                        f"the learner's own article {article_id!r} has a different text from {other}, so it is "
                        f"shown as {name!r} in the tables, never mixed with the others (learners who handed in "
                        "the very same text share that name)."))
            self._keep(name, same, identity == teacher)

    def _keep(self, name: str, same: list, teachers: bool) -> None:
        """Record the name, facts, table rows and sentence texts of one text handed in by ``same``;
        for ``teachers`` (the very same text as the teacher's own article of that id, which the
        learners may have added from the teacher's exercise) only its name: it is no own article."""
        for copy in same:
            self.files[copy.name].names[copy.entry["id"]] = name
        if teachers:
            return
        first = same[0]
        sentences = first.sentences
        facts = CourseArticle(len(first.entry["text"]), frozenset(x.id for x in sentences), first.entry["text"],
                              sum(x.role == "body" for x in sentences))
        self.texts[name] = {x.id: x.text for x in sentences}
        for copy in same:
            self.files[copy.name].facts[copy.entry["id"]] = facts
            e = copy.entry
            self.rows.append((name, e["id"], copy.learner, e["title"], e["publisher"], e["url"], e["date"],
                              e["author"], e["language"], e["sentence_rules"], len(copy.sentences), facts.n_body,
                              e["sha256"]))

    def frame(self):
        import pandas as pd

        return pd.DataFrame(self.rows, columns=OWN_ARTICLE_COLUMNS)

    def report(self, s, report: CappedReport) -> None:
        """The report rows about the own articles of the kept file ``s``."""
        for p in self.problems.get(s.name, ()):
            report.add(s.name, s.learner, p.level, "", p.code, p.message)


# ---------------------------------------------------------------- activities -> rows


class _Rows:
    """Checks each activity of a kept submission with :mod:`medialit.schema` (strict) and keeps
    one row per item, by table."""

    def __init__(self, report: CappedReport, limits: schema.Limits, course: dict, label_sets: dict | None = None):
        import datetime as dt

        self.report = report
        self.lim = limits
        self.course = course
        self.label_sets = label_sets
        self.file = _NO_OWN  # the learner's own articles in the file being read (see submission)
        self.file_course = course  # the course's articles and, while a file is read, its own ones
        self.tables: dict = {t: [] for t in _TABLE.values()}
        self.tables.update({t: [] for t in _FIRST_TABLE.values()})
        # an 'updated' time later than this is not trusted, as an export time is not (envelope)
        self.latest = stamp(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1))

    def submission(self, name: str, learner: str, activities: dict, own: _FileArticles | None = None) -> None:
        """Read one kept file's activities; ``own``: the learner's own articles it carries
        (:class:`_OwnArticles`), each counted as one item of the file's limit."""
        acts_group, outer = (name, "activities"), (name, "file")
        self.file = own or _NO_OWN
        self.file_course = {**self.course, **own.facts} if own is not None and own.facts else self.course
        budget, used, left = self.lim.file_items, len(self.file.names), [0, 0]  # left out: activities, their items
        for act_id, rec in activities.items():
            if not left[0]:
                shown = show_name(act_id if len(act_id) <= MAX_ACTIVITY_ID else shorten(act_id, 40))
                kept = self._activity(name, learner, len(act_id), shown, rec, acts_group, budget - used)
                if self.report.pending:
                    for level, what in ((ITEM_SKIPPED, "items were skipped"), (NOTE, "notes")):
                        self.report.flush((name, shown, level), name, learner, level, shown,
                                          f"{what} for the same kind of reason", outer=outer)
                if kept is not None:
                    used += kept
                    continue
            left[0] += 1  # this activity would pass the file's limit: it and every later one are left out
            left[1] += _n_items(rec)
        self.report.flush(acts_group, name, learner, ACTIVITY_SKIPPED, "",
                          "activities were skipped for the same kind of reason", outer=outer)
        self.report.flush_outer(outer, name, learner, "problems in this file's activities")
        if left[0]:
            self.report.add(name, learner, ACTIVITY_SKIPPED, "", "too_many_items_in_file",
                            f"its activities hold more than {budget} items in all (labels, marks, answers, rows, "
                            f"steps), the limit for one file; the last {left[0]} activities (about {left[1]} items) "
                            "were not read.")

    def _activity(self, name, learner, id_length, act_id, rec, acts_group, room: int) -> int | None:
        """Check one activity and keep its rows; the number of items kept, or None (nothing kept
        or reported) when they are more than ``room``, what is left of the file's limit."""
        outer = (name, "file")
        why = self._unusable(id_length, rec, self.file_course, self.file.refused)
        if why is None:
            kind, article, data = rec["kind"], rec.get("article"), rec["data"]
            if any(f in rec for f in schema.FIRST_FIELDS) and kind != "skillcheck":  # checked like data
                data = dict(data, **{f: rec[f] for f in schema.FIRST_FIELDS if f in rec})
            clean, problems = self._clean(kind, data, article)
            kept = 0 if clean is None else _kept(kind, clean)
            if kept > room:
                return None
            for p in problems:
                if p.level == ACTIVITY_SKIPPED:
                    why = (p.code, p.message + ".")
                else:
                    self.report.add(name, learner, p.level, act_id, p.code, p.message, group=(name, act_id, p.level),
                                    outer=outer)
            if clean is not None:
                updated = clean_stamp(rec.get("updated"))
                if updated > self.latest:
                    self.report.add(name, learner, NOTE, act_id, "future_time",
                                    f"its updated time {updated!r} is in the future, so it was not trusted (the "
                                    "computer's clock may be wrong).", group=(name, act_id, NOTE), outer=outer)
                    updated = ""
                self._append(kind, clean, (learner, act_id, self.file.names.get(article, article)), updated)
                return kept
        if why is not None:
            self.report.add(name, learner, ACTIVITY_SKIPPED, act_id, *why, group=acts_group, outer=outer)
        return 0

    @staticmethod
    def _unusable(id_length, rec, course, refused=frozenset()) -> tuple[str, str] | None:
        """``(code, reason)`` when the activity envelope cannot be used; ``refused``: ids of the
        learner's own articles the file carries but that could not be used."""
        if id_length > MAX_ACTIVITY_ID:
            return "bad_activity_id", "the activity id is too long."
        if not isinstance(rec, dict):
            return "not_a_record", "the activity is not a record."
        kind = rec.get("kind")
        if kind not in KINDS:
            return "unknown_kind", f"unknown activity kind {shorten(str(kind), 30)!r} (known: {', '.join(KINDS)})."
        article = rec.get("article")
        if kind not in ("check", "skillcheck") and (not isinstance(article, str) or article not in course):
            return "unknown_article", _unknown_article(article, refused)
        if not isinstance(rec.get("data"), dict):
            return "not_a_record", "its 'data' is not a record."
        return None

    def _clean(self, kind, data, article):
        lim = self.lim
        if kind == "sentence_labels":
            return schema.clean_sentence_labels(data, strict=True, sentence_ids=self.file_course[article].sentence_ids,
                                                article=article, limits=lim, label_sets=self.label_sets)
        if kind == "phrase_marks":
            return schema.clean_phrase_marks(data, strict=True, text=self.file_course[article].text, limits=lim)
        if kind == "provenance_checklist":
            return schema.clean_provenance_checklist(data, strict=True, limits=lim)
        if kind == "claim_ledger":
            return schema.clean_claim_ledger(data, strict=True, sentence_ids=self.file_course[article].sentence_ids,
                                             article=article, limits=lim)
        if kind == "skillcheck":
            return schema.clean_skillcheck(data, strict=True, limits=lim)
        if kind == "chain":
            return schema.clean_chain(data, strict=True, limits=lim)
        return schema.clean_check(data, strict=True, limits=lim)

    def _append(self, kind, clean, who, updated) -> None:
        learner, act_id, article = who
        first = clean.get("first") if kind in _FIRST_TABLE else None
        if first is not None:  # first answers, cleaned like the rest (schema.keeps_first)
            rows = []
            _Rows._append(self._first_sink(rows), kind, first, who, updated)
            self.tables[_FIRST_TABLE[kind]].extend((*r, clean.get("first_at", "")) for r in rows)
        out = self.tables[_TABLE[kind]]
        if kind == "sentence_labels":
            ls = clean["label_set"]
            out.extend((learner, act_id, article, ls, sid, r["label"], r["note"], r["confidence"], updated)
                       for sid, r in clean["labels"].items())
        elif kind == "phrase_marks":
            out.extend((learner, act_id, article, i, m["start"], m["end"], m["text"], m["category"], m["note"], updated)
                       for i, m in enumerate(clean["marks"], 1))
        elif kind == "provenance_checklist":
            out.extend((learner, act_id, article, q, a["answer"], a["evidence"], updated)
                       for q, a in clean["answers"].items())
        elif kind == "claim_ledger":
            out.extend((learner, act_id, article, *r.values(), updated) for r in clean["rows"])
        elif kind == "chain":
            out.extend((learner, act_id, article, i, step, updated) for i, step in enumerate(clean["steps"], 1))
        elif kind == "skillcheck":
            import json

            out.append((learner, act_id, clean["phase"], clean["form"],
                        json.dumps(clean["answers"], ensure_ascii=False, sort_keys=True), clean["written"],
                        bool(clean["finished"]), clean["finished_at"], updated))
        else:
            qid = act_id.split(":", 1)[1] if act_id.startswith("check:") else act_id
            out.append((learner, act_id, qid, clean["answer_text"], clean["correct"], updated))

    @staticmethod
    def _first_sink(rows: list):
        """A stand-in for ``self`` whose tables all collect into ``rows`` (first answers)."""
        class Sink:
            tables = {t: rows for t in (*_TABLE.values(), *_FIRST_TABLE.values())}
        return Sink()

    def frames(self) -> dict:
        import pandas as pd

        cols = {"labels": LABEL_COLUMNS, "marks": MARK_COLUMNS, "provenance": PROVENANCE_COLUMNS,
                "claims": CLAIM_COLUMNS, "checks": CHECK_COLUMNS,
                "skillchecks": SKILLCHECK_COLUMNS, "chains": CHAIN_COLUMNS,
                "first_labels": FIRST_LABEL_COLUMNS, "first_checks": FIRST_CHECK_COLUMNS,
                "first_marks": FIRST_MARK_COLUMNS}
        out = {t: pd.DataFrame(rows, columns=cols[t]) for t, rows in self.tables.items()}
        out["checks"]["correct"] = out["checks"]["correct"].astype(object)
        out["marks"] = out["marks"].astype({"start": "int64", "end": "int64", "mark": "int64"})
        return out


#: The fields of a record that hold its items, one per entry (a check is one item).
_ITEM_FIELDS = ("labels", "marks", "answers", "rows", "steps")


def _size(data) -> int:
    """Items in one activity's ``data`` (or first answers)."""
    if not isinstance(data, dict):
        return 0
    return sum(len(v) for f in _ITEM_FIELDS if isinstance(v := data.get(f), (list, dict)))


def _kept(kind: str, clean: dict) -> int:
    """Items kept of one cleaned activity, its first answers included (at least 1)."""
    if kind == "check":
        return 2 if clean.get("first") is not None else 1
    first = clean.get("first")
    return max(1, _size(clean) + (_size(first) if kind != "skillcheck" else 0))


def _n_items(rec) -> int:
    """Items of one activity record as written in the file (at least 1)."""
    if not isinstance(rec, dict) or rec.get("kind") == "check":
        return 1
    return max(1, _size(rec.get("data")) + _size(rec.get("first")))


def _learner_row(s) -> tuple:
    version = s.doc.get("medialit_version", "")
    return (s.learner, s.name, stamp(s.exported), shorten(version, 20) if isinstance(version, str) else "",
            len(s.doc["activities"]))


# ---------------------------------------------------------------- the one entry point


def load_class(
    folder: str | os.PathLike,
    *,
    max_bytes: int = MAX_BYTES,
    max_files: int = MAX_FILES,
    max_depth: int = MAX_DEPTH,
    max_label: int = MAX_LABEL,
    max_text: int = MAX_TEXT,
    max_items: int = MAX_ITEMS,
    recursive: bool = False,
    max_file_items: int = MAX_FILE_ITEMS,
) -> ClassData:
    """Read every submission file in ``folder`` and return a :class:`ClassData`.

    Only files whose names end in ``.json`` are read, directly inside ``folder`` or, with
    ``recursive=True``, also in its sub-folders (up to three levels, as an LMS download with one
    folder per learner has; links to folders are not followed). A file in a sub-folder is named
    by its path inside ``folder``. Nothing is written or changed.

    >>> cls = load_class("data/synthetic/class_30")      # doctest: +SKIP
    >>> cls.report                                       # doctest: +SKIP
    """
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise FileNotFoundError(f"There is no folder {str(root)!r}. Point load_class at the folder "
                                "that holds the learners' submission files.")
    with _gc_paused():
        return _load(root.resolve(), max_bytes, max_files, recursive,
                     schema.Limits(short=max_label, text=max_text, items=max_items, depth=max_depth,
                                   file_items=max_file_items))


@contextlib.contextmanager
def _gc_paused():
    """Pause Python's cycle collector while a class is read. Parsed JSON holds no reference
    cycles (reference counting frees it as usual), but each collection walks every document read
    so far: on 1,000 learners that was a quarter of the loading time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(root: Path, max_bytes: int, max_files: int, recursive: bool, limits: schema.Limits) -> ClassData:
    import pandas as pd

    report = CappedReport()
    candidates = list_submissions(root, report, recursive=recursive, max_files=max_files)
    raw_files = read_submissions(root, candidates, report, max_bytes)
    kept = newest_per_learner(read_envelopes(raw_files, report), report)
    course = course_articles()
    own = _OwnArticles(kept, course, limits)
    rows = _Rows(report, limits, course, course_label_sets())
    for s in kept:
        envelope_notes(s, report)
        own.report(s, report)
        rows.submission(s.name, s.learner, s.doc["activities"], own.files.get(s.name))
    return ClassData(
        folder=root,
        learners=pd.DataFrame([_learner_row(s) for s in kept], columns=LEARNER_COLUMNS),
        **rows.frames(),
        report=report.frame(),
        own_articles=own.frame(),
        own_texts=own.texts,
    )

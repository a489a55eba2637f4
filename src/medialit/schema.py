"""The learner-record contract, held once: what each activity kind saves, its limits, and how a
record is cleaned.

Every activity in an answers file or a submission is ``{"kind", "article", "updated", "data"}``
(see :mod:`medialit.store`). This module says what ``data`` holds for each kind (:data:`KINDS`),
which constants it may use (:data:`CONFIDENCES`, :data:`LEDGER_STATUSES`,
:data:`PROVENANCE_QUESTIONS`) and how long each field may be (:data:`LIMITS`: one limit per
field, used by the widgets *and* the dashboard).

One cleaning function per kind, ``clean_<kind>(data, *, strict) -> (clean, problems)``:

* ``strict=False`` (the widgets, restoring a saved record): coerce what can be coerced (a number
  where text was expected becomes text, an unknown status becomes "not decided", text is cut to
  its limit) and drop only what cannot be used;
* ``strict=True`` (the dashboard, :func:`medialit.analysis.load_class`): take nothing on trust;
  an item that is not exactly of the documented shape is skipped.

``clean`` is the record in its documented shape, or ``None`` when the whole activity is unusable.
Each :class:`Problem` has a ``level`` (:data:`ITEM_SKIPPED`, :data:`NOTE`,
:data:`ACTIVITY_SKIPPED`), a stable machine-readable ``code`` (listed in :data:`CODES`, with its
meaning in plain words) and a plain-words ``message`` for the teacher.

:func:`record_table` writes the "Activity kinds" table of CONTRIBUTING.md from these constants
(``tests/test_widgets.py`` checks that the two agree).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from .text_utils import shorten

KINDS = ("sentence_labels", "phrase_marks", "provenance_checklist", "claim_ledger", "check")
#: Default activity-id prefix of each kind (``labels:<article>``...).
DEFAULT_PREFIX = {"sentence_labels": "labels", "phrase_marks": "phrases",
                  "provenance_checklist": "provenance", "claim_ledger": "claims", "check": "check"}

#: How sure a learner is; "" means not given.
CONFIDENCES = ("low", "medium", "high")
#: What a learner concluded about a claim in the ledger; "" means not decided yet.
LEDGER_STATUSES = ("supported", "contradicted", "unsupported", "cannot tell yet")

#: The provenance checklist (ids and choices are part of the file format).
PROVENANCE_QUESTIONS = [
    {"id": "publisher", "question": "Who published this? Is the outlet named on the page?",
     "choices": ["named", "not named", "can't tell"]},
    {"id": "author", "question": "Is an author named?", "choices": ["yes", "no", "can't tell"]},
    {"id": "date", "question": "Is a publication date given?", "choices": ["yes", "no", "can't tell"]},
    {"id": "original", "question": "Is this the original, or a copy, republication or translation?",
     "choices": ["original", "republication", "translation", "can't tell"]},
    {"id": "sources", "question": "Does it say where its facts come from (links, named sources)?",
     "choices": ["for most claims", "for some claims", "for none", "can't tell"]},
    {"id": "quotes", "question": "Can its quotes be traced to the original speaker, date and place?",
     "choices": ["all", "some", "none", "can't tell"]},
    {"id": "owner", "question": "Can you find out who owns or funds the outlet?",
     "choices": ["yes", "partly", "no", "can't tell"]},
    {"id": "purpose", "question": "Does it say what kind of text it is (news, opinion, advocacy)?",
     "choices": ["yes", "partly", "no", "can't tell"]},
]
PROVENANCE_IDS = tuple(q["id"] for q in PROVENANCE_QUESTIONS)

#: Fields of one item of each kind, in file order.
LABEL_FIELDS = ("label", "note", "confidence")
MARK_FIELDS = ("start", "end", "text", "category", "note")
PROVENANCE_FIELDS = ("answer", "evidence")
CLAIM_FIELDS = ("id", "sentence", "claim", "claimant", "evidence", "confirm", "status", "confidence", "note")
CHECK_FIELDS = ("answer", "correct")
#: What ``check()`` saves as ``status`` for a free-text answer (never marked right or wrong, so
#: ``correct`` is null): read by the teacher, or too short for the key's ``min_words``. Earlier
#: releases saved no status (and ``correct: true`` for a long enough free answer).
FREE_FOR_TEACHER, FREE_TOO_SHORT = "for teacher", "too short"
CHECK_STATUSES = (FREE_FOR_TEACHER, FREE_TOO_SHORT)
#: Claim-ledger fields that are short text (ids and choices) and free text.
CLAIM_SHORT = ("id", "sentence", "status", "confidence")
CLAIM_TEXT = ("claim", "claimant", "evidence", "confirm", "note")


@dataclass(frozen=True)
class Limits:
    """One limit per field. ``short``: ids, labels, categories, answer choices, statuses and
    confidences (longer is refused by the dashboard, cut by the widgets); ``text``: notes,
    evidence, claims and check answers (longer is cut, with a note); ``items``: marks or claim
    rows in one activity; ``depth``: nesting inside a ``check`` answer."""

    short: int = 80
    text: int = 2000
    items: int = 2000
    depth: int = 32


LIMITS = Limits()

#: ``level`` of a problem, from most to least serious (the dashboard report uses the same words).
FILE_SKIPPED = "file skipped"
ACTIVITY_SKIPPED = "activity skipped"
ITEM_SKIPPED = "item skipped"
NOTE = "note"
LEVELS = (FILE_SKIPPED, ACTIVITY_SKIPPED, ITEM_SKIPPED, NOTE)


class Problem(NamedTuple):
    level: str
    code: str
    message: str


#: Every ``code`` a problem (or a row of the dashboard report) can have, in plain words.
CODES = {
    # items and activities (this module)
    "bad_shape": "a record does not have the documented shape",
    "not_a_record": "an entry is not a record (a JSON object)",
    "not_text": "a value that must be text is not text",
    "too_long": "a text is longer than its limit (free text is cut, short text is refused)",
    "too_many_items": "an activity holds more marks or claim rows than the limit",
    "too_deep": "a value is nested more deeply than the limit",
    "bad_sentence_id": "a sentence id that does not exist in the article",
    "bad_offsets": "a mark whose start and end do not fall inside the text",
    "unknown_status": "a claim or check status that is not one of the documented statuses",
    "unknown_confidence": "a confidence that is not low, medium or high",
    "no_answer": "a check record without an answer",
    "bad_correct": "a check's 'correct' that is not true, false or null",
    "unknown_kind": "an activity of a kind medialit does not know",
    "unknown_article": "an activity about an article that is not in the course",
    "bad_activity_id": "an activity id that is too long",
    "more_not_listed": "more problems of the same kind, counted rather than listed",
    # files (medialit.analysis.files and .envelope)
    "not_json": "a file that is not JSON",
    "not_utf8": "a file that is not readable text",
    "empty": "a file that is empty (or only blanks)",
    "too_large": "a file larger than the size limit (or growing while read)",
    "huge_number": "a number with far too many digits",
    "not_submission": "JSON that is not a medialit submission",
    "newer_schema": "a file written by a newer version of medialit",
    "bad_schema_version": "a schema version that is not the one medialit reads",
    "conflicting_keys": "an envelope field given twice with different values",
    "bad_learner_id": "a missing or unsafe learner id",
    "no_activities": "a file without an 'activities' record",
    "duplicate": "an older file of a learner who has a newer one",
    "too_many_files": "more files than the file limit",
    "unreadable": "a file that cannot be read",
    "not_regular_file": "a pipe, device, socket or link to something that is not a file",
    "bad_link": "a symbolic link that is broken, loops, or points outside the folder or at it",
    "link_read_already": "a symbolic link to a file that is read already",
    # notes on files and folders
    "ignored_entry": "a hidden file, a file that is not .json, or a link to a folder",
    "subfolder": "a sub-folder that was not read",
    "unlistable_folder": "a sub-folder that cannot be listed",
    "listing_capped": "a folder with more entries than are looked at",
    "encoding": "a byte-order mark or UTF-16/32 text, read anyway",
    "repeated_keys": "a key repeated inside one record (the last one is used)",
    "nan": "NaN or Infinity, which are not standard JSON",
    "bad_characters": "lone surrogates or NUL characters, replaced by U+FFFD",
    "windows_reserved": "a learner id that Windows cannot use as a file name",
    "answers_file": "an answers file rather than an exported submission",
    "name_mismatch": "a file name that does not match the learner id inside",
    "no_export_time": "a file without a readable export time",
    "future_time": "a time in the future, not trusted",
}


# ---------------------------------------------------------------- small helpers


def _coerce(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


class _Cleaner:
    """Shared rules for text fields; collects problems for one activity."""

    __slots__ = ("strict", "lim", "problems")

    def __init__(self, strict: bool, limits: Limits):
        self.strict = strict
        self.lim = limits
        self.problems: list = []

    def add(self, level: str, code: str, message: str) -> None:
        self.problems.append(Problem(level, code, message))

    def short(self, value: Any, required: bool = False):
        """Short text, or None when it cannot be used (strict: not text or too long)."""
        if value is None and not required:
            return ""
        if type(value) is not str:
            if self.strict:
                return None
            value = _coerce(value)
        if len(value) > self.lim.short:
            return None if self.strict else value[: self.lim.short]
        return value

    def short_problem(self, value: Any) -> tuple[str, str]:
        """``(code, words)`` saying why :meth:`short` refused ``value``."""
        if isinstance(value, str):
            return "too_long", f"longer than {self.lim.short} characters"
        return "not_text", "not text"

    def text(self, value: Any, what: str):
        """Free text cut to the limit (with a note), or None when strict and not text."""
        if value is None:
            return ""
        if type(value) is not str:
            if self.strict:
                return None
            value = _coerce(value)
        if len(value) > self.lim.text:
            self.add(NOTE, "too_long", f"{what} is {len(value)} characters long; kept the first {self.lim.text}.")
            return value[: self.lim.text]
        return value


def _capped_list(data: Any, field: str, c: _Cleaner):
    """``data[field]`` as a list of at most ``limits.items`` entries: strict mode refuses a longer
    list (None), lenient mode keeps the first ones. The entries are called by the field's name."""
    items = _container(data, field, list, c, "a list")
    if items is None or len(items) <= c.lim.items:
        return items
    if c.strict:
        c.add(ACTIVITY_SKIPPED, "too_many_items", f"it has {len(items)} {field}; the limit is {c.lim.items}")
        return None
    c.add(NOTE, "too_many_items", f"it has {len(items)} {field}; kept the first {c.lim.items}.")
    return items[: c.lim.items]


def _container(data: Any, field: str, kind: type, c: _Cleaner, words: str):
    """``data[field]`` if it is a ``kind``; else None with an activity-level problem (lenient
    mode treats a missing ``data`` or field as empty)."""
    value = data.get(field) if isinstance(data, dict) else None
    if isinstance(value, kind):
        return value
    if not c.strict and value is None:
        return kind()
    c.add(ACTIVITY_SKIPPED, "bad_shape" if isinstance(data, dict) else "not_a_record",
          f"its '{field}' is not {words}" if isinstance(data, dict) else "its 'data' is not a record")
    return None


# ---------------------------------------------------------------- one function per kind


def clean_sentence_labels(data: Any, *, strict: bool, sentence_ids=None, article: str = "",
                          limits: Limits = LIMITS):
    """``{"label_set": str, "labels": {sentence id: {"label", "note", "confidence"}}}``.

    ``sentence_ids`` (optional): the article's sentence ids; others are skipped. Strict mode
    drops entries whose label is empty (a cleared label)."""
    c = _Cleaner(strict, limits)
    labels = _container(data, "labels", dict, c, "a mapping from sentence ids to labels")
    if labels is None:
        return None, c.problems
    label_set = c.short(data.get("label_set", "") if isinstance(data, dict) else "")
    if label_set is None:
        c.add(ACTIVITY_SKIPPED, "bad_shape", "its 'label_set' is not a short text")
        return None, c.problems
    out = {}
    short, long_ = limits.short, limits.text
    for sid, rec in labels.items():
        if sentence_ids is not None and sid not in sentence_ids:
            c.add(ITEM_SKIPPED, "bad_sentence_id", f"sentence id {shorten(str(sid), 20)!r} does not exist in {article}.")
            continue
        if not strict and len(sid) > short:
            sid = sid[:short]
        if isinstance(rec, str):  # the short form {"s004": "opinion"}
            rec = {"label": rec}
        elif not isinstance(rec, dict):
            c.add(ITEM_SKIPPED, "not_a_record", f"the entry for {shorten(sid, 20)} is not a label record.")
            continue
        label, note, conf = rec.get("label"), rec.get("note", ""), rec.get("confidence", "")
        if not (type(label) is str and len(label) <= short):  # the common case needs no call
            value, label = label, c.short(label, required=True)
            if label is None:
                c.add(ITEM_SKIPPED, c.short_problem(value)[0],
                      f"the label of {sid} is not text of at most {short} characters.")
                continue
        if strict:
            label = label.strip()
            if not label:
                continue  # a cleared label: the sentence is simply not labelled
        if not (type(note) is str and len(note) <= long_):
            note = c.text(note, f"the note on {sid}")
            if note is None:
                note = ""
                c.add(NOTE, "not_text", f"the note on {sid} is not text; ignored it.")
        if conf != "" and conf not in CONFIDENCES:
            c.add(NOTE, "unknown_confidence", f"the confidence of {sid} is not low/medium/high; ignored it.")
            conf = ""
        out[sid] = {"label": label, "note": note, "confidence": conf}
    return {"label_set": label_set, "labels": out}, c.problems


def clean_phrase_marks(data: Any, *, strict: bool, text: str, limits: Limits = LIMITS):
    """``{"marks": [{"start", "end", "text", "category", "note"}]}`` with offsets into ``text``
    (code points, as Python indexes ``str``: an emoji is one; the browser's UTF-16 offsets are
    converted by the PhraseMarker before they get here); each mark's ``text`` is taken from ``text`` itself, never from the file. Lenient mode also
    drops repeated marks (same place and category) and sorts them."""
    c = _Cleaner(strict, limits)
    marks = _capped_list(data, "marks", c)
    if marks is None:
        return None, c.problems
    n = len(text)
    out = []
    for i, m in enumerate(marks, 1):
        if not isinstance(m, dict):
            c.add(ITEM_SKIPPED, "not_a_record", f"mark {i} is not a record.")
            continue
        s, e = m.get("start"), m.get("end")
        if not strict:
            try:
                s, e = int(s), int(e)
            except (TypeError, ValueError):
                pass
        if not (type(s) is int and type(e) is int and 0 <= s < e <= n):
            c.add(ITEM_SKIPPED, "bad_offsets",
                  f"mark {i} has offsets {shorten(repr(s), 12)}-{shorten(repr(e), 12)} outside the text (0-{n}).")
            continue
        value = m.get("category", "")
        cat = c.short(value)
        if cat is None:
            c.add(ITEM_SKIPPED, c.short_problem(value)[0], f"mark {i} has a category that is not short text.")
            continue
        note = c.text(m.get("note", ""), f"the note on mark {i}") or ""
        out.append({"start": s, "end": e, "text": text[s:e], "category": cat, "note": note})
    if not strict:
        seen, kept = set(), []
        for m in out:  # the same phrase, place and category twice: keep the first (with its note)
            key = (m["start"], m["end"], m["category"])
            if key not in seen:
                seen.add(key)
                kept.append(m)
        out = sorted(kept, key=lambda m: (m["start"], m["end"], m["category"]))
    return {"marks": out}, c.problems


def clean_provenance_checklist(data: Any, *, strict: bool, limits: Limits = LIMITS):
    """``{"answers": {question id: {"answer", "evidence"}}}``. Strict mode drops entries with
    neither an answer nor evidence."""
    c = _Cleaner(strict, limits)
    answers = _container(data, "answers", dict, c, "a mapping from question ids to answers")
    if answers is None:
        return None, c.problems
    out = {}
    for qid, rec in answers.items():
        if isinstance(rec, str) and not strict:  # the short form {"author": "no"}, as early widgets saved
            rec = {"answer": rec}
        qid_ok = c.short(qid)
        if qid_ok is None or not isinstance(rec, dict):
            c.add(ITEM_SKIPPED, "bad_shape", f"checklist entry {shorten(str(qid), 20)!r} is malformed.")
            continue
        ans = c.short(rec.get("answer", ""))
        ev = c.text(rec.get("evidence", ""), f"the evidence for {qid_ok}")
        if ans is None or ev is None:
            code = c.short_problem(rec.get("answer"))[0] if ans is None else "not_text"
            c.add(ITEM_SKIPPED, code, f"the answer to {qid_ok!r} is not text of the right length.")
            continue
        if strict and not ans.strip() and not ev.strip():
            continue
        out[qid_ok] = {"answer": ans, "evidence": ev}
    return {"answers": out}, c.problems


def new_claim_id(used) -> str:
    """The next free claim id ``c1``, ``c2``... not in ``used``."""
    numbers = [int(m.group(1)) for u in used if (m := re.fullmatch(r"c(\d+)", u))]
    return f"c{max(numbers, default=0) + 1}"


def clean_claim_ledger(data: Any, *, strict: bool, sentence_ids=None, article: str = "",
                       limits: Limits = LIMITS):
    """``{"rows": [{"id", "sentence", "claim", "claimant", "evidence", "confirm", "status",
    "confidence", "note"}]}``. Strict mode skips a row with a field of the wrong type, an unknown
    sentence id (when ``sentence_ids`` is given), status or confidence, and numbers rows without
    an id; lenient mode blanks an unknown status or confidence and gives every row a unique id."""
    c = _Cleaner(strict, limits)
    rows = _capped_list(data, "rows", c)
    if rows is None:
        return None, c.problems
    out = []
    for i, r in enumerate(rows, 1):
        if not isinstance(r, dict):
            c.add(ITEM_SKIPPED, "not_a_record", f"claim row {i} is not a record.")
            continue
        vals, bad = _claim_row(c, r, i, strict, sentence_ids, article)
        if bad:
            c.add(ITEM_SKIPPED, bad[0], f"claim row {i}: {bad[1]}.")
            continue
        if strict and not vals["id"]:
            vals["id"] = str(i)
        out.append(vals)
    if not strict:
        _unique_claim_ids(out)
    return {"rows": out}, c.problems


def _claim_row(c, r: dict, i: int, strict: bool, sentence_ids, article: str):
    """One ledger row's cleaned fields and, if the row must be skipped, ``(code, reason)``."""
    vals, bad = {}, None
    for f in CLAIM_FIELDS:
        value = r.get(f, "")
        if f in CLAIM_SHORT:
            v = c.short(value)
            if v is None:
                code, words = c.short_problem(value)
                bad = (code, f"its {f} is {words}")
        else:
            v = c.text(value, f"the {f} of claim row {i}")
            if v is None:
                bad = ("not_text", f"its {f} is not text")
        vals[f] = v
    if bad is None and vals["sentence"] and sentence_ids is not None and vals["sentence"] not in sentence_ids:
        bad = ("bad_sentence_id", f"sentence id {vals['sentence']!r} does not exist in {article}")
    if bad is None and vals["status"] and vals["status"] not in LEDGER_STATUSES:
        if strict:
            bad = ("unknown_status", f"status {vals['status']!r} is not one of {', '.join(LEDGER_STATUSES)}")
        vals["status"] = ""
    if bad is None and vals["confidence"] and vals["confidence"] not in CONFIDENCES:
        if strict:
            bad = ("unknown_confidence", f"confidence {vals['confidence']!r} is not low/medium/high")
        vals["confidence"] = ""
    return vals, bad


def _unique_claim_ids(rows: list[dict]) -> None:
    """Lenient mode: every row gets a unique id (a missing or repeated id gets a new one)."""
    used = {r["id"] for r in rows if r["id"]}
    seen: set = set()
    for r in rows:
        if not r["id"] or r["id"] in seen:
            r["id"] = new_claim_id(used)
            used.add(r["id"])
        seen.add(r["id"])


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of a JSON value, stopping as soon as it exceeds ``limit``."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            deepest = max(deepest, d)
            if deepest > limit:
                return deepest
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


def clean_check(data: Any, *, strict: bool, limits: Limits = LIMITS):
    """``{"answer": <JSON value>, "correct": true/false/null}``, plus ``"status"`` (one of
    :data:`CHECK_STATUSES`) for a free-text answer; ``answer_text`` is added: the answer as text
    (JSON for anything but text), cut to the text limit. A missing status is "" (files of earlier
    releases); an unknown one is dropped with a note, keeping the answer."""
    c = _Cleaner(strict, limits)
    if not isinstance(data, dict):
        c.add(ACTIVITY_SKIPPED, "not_a_record", "its 'data' is not a record")
        return None, c.problems
    if "answer" not in data:
        c.add(ACTIVITY_SKIPPED, "no_answer", "it has no 'answer'")
        return None, c.problems
    answer = data["answer"]
    if _depth(answer, limits.depth) > limits.depth:
        c.add(ACTIVITY_SKIPPED, "too_deep", f"its answer is nested more than {limits.depth} levels deep")
        return None, c.problems
    correct = data.get("correct")
    if not (correct is None or isinstance(correct, bool)):
        if strict:
            c.add(ACTIVITY_SKIPPED, "bad_correct", "its 'correct' is not true, false or null")
            return None, c.problems
        correct = None
    status = data.get("status", "")
    if status not in ("", *CHECK_STATUSES):
        c.add(NOTE, "unknown_status", f"its status {shorten(str(status), 20)!r} is not "
                                      f"{' or '.join(repr(s) for s in CHECK_STATUSES)}; ignored it.")
        status = ""
    text = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False, sort_keys=True)
    text = c.text(text, "the answer")
    return {"answer": answer, "correct": correct, "status": status, "answer_text": text}, c.problems


# ---------------------------------------------------------------- the CONTRIBUTING table


def _choices(values) -> str:
    return "/".join(f'"{v}"' for v in (*values, ""))


def record_table() -> str:
    """The "Activity kinds and their data" table of CONTRIBUTING.md, written from this module."""
    conf, status = _choices(CONFIDENCES), _choices(LEDGER_STATUSES)
    claim_fields = ", ".join(
        f'"{f}": ' + {"sentence": '"s019" or ""', "status": status, "confidence": conf}.get(f, "str")
        for f in CLAIM_FIELDS)
    data = {
        "sentence_labels": '{"label_set": str, "labels": {"s004": {"label": str, "note": str, '
                           f'"confidence": {conf}}}}}}}',
        "phrase_marks": '{"marks": [{"start": int, "end": int, "text": str, "category": str, "note": str}]} '
                        "(offsets into `Article.text`)",
        "provenance_checklist": '{"answers": {"<question id>": {"answer": str, "evidence": str}}}',
        "claim_ledger": f'{{"rows": [{{{claim_fields}}}]}}',
        "check": '{"answer": <JSON value>, "correct": true/false/null, "status": "for teacher"/"too short" (written answers only)}',
    }
    item = {"check": "<question id>"}
    lines = ["| kind | default activity id | data |", "|---|---|---|"]
    for kind in KINDS:
        d = data[kind]
        d = f"`{d}`" if not d.endswith(")") else f"`{d.split(' (')[0]}` ({d.split(' (', 1)[1]}"
        lines.append(f"| `{kind}` | `{DEFAULT_PREFIX[kind]}:{item.get(kind, '<article>')}` | {d} |")
    lines.append("")
    lines.append(f"Limits (`medialit.schema.LIMITS`, the same in the widgets and the dashboard): ids, labels, "
                 f"categories, answer choices, statuses and confidences at most {LIMITS.short} characters; "
                 f"notes, evidence, claims and check answers at most {LIMITS.text} (longer is cut); at most "
                 f"{LIMITS.items} marks or claim rows per activity.")
    return "\n".join(lines)


def checklist_table() -> str:
    """The "Provenance checklist questions" table of CONTRIBUTING.md, written from this module."""
    lines = ["| id | question | choices |", "|---|---|---|"]
    lines += [f"| `{q['id']}` | {q['question']} | {' / '.join(q['choices'])} |" for q in PROVENANCE_QUESTIONS]
    return "\n".join(lines)

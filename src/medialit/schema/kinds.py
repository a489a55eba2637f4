"""One cleaning function per activity kind of the course's widgets:
``clean_<kind>(data, *, strict, ...) -> (clean, problems)`` (see :mod:`medialit.schema`)."""
from __future__ import annotations

import json
import re
from typing import Any

from ..text_utils import shorten
from .cleaner import _capped_list, _Cleaner, _container, keeps_first
from .contract import (ACTIVITY_SKIPPED, CHECK_STATUSES, CLAIM_FIELDS, CLAIM_SHORT, CONFIDENCES, ITEM_SKIPPED,
                       LEDGER_STATUSES, LIMITS, NOTE, Limits)

def _spelling(name: str) -> str:
    """A name with capitals and runs of spaces ignored (to recognise a near miss, never to match)."""
    return " ".join(name.split()).casefold()


def _near_miss(name: str, known) -> str | None:
    """The one name of ``known`` that ``name`` differs from only in capitals or spaces, else None."""
    hits = [k for k in known if k != name and _spelling(k) == _spelling(name)]
    return hits[0] if len(hits) == 1 else None


def _known_labels(c: _Cleaner, label_set: str, label_sets: dict | None):
    """The labels of ``label_set`` if the course defines them, else None (with a note when the
    name differs from one of the course's only in capitals or spaces)."""
    if not label_sets:
        return None
    allowed = label_sets.get(label_set)
    meant = None if allowed is not None else _near_miss(label_set, label_sets)
    if meant is not None:
        c.add(NOTE, "unknown_label_set",
              f"its label set {label_set!r} is not {meant!r} (capitals and spaces count), so its labels are "
              f"not compared with the labels of {meant!r}; correct the label set in the notebook the "
              "learners used.")
    return allowed


def _stray_label(c: _Cleaner, label: str, allowed, sid: str, label_set: str) -> bool:
    """True (with a problem) when ``label`` is not one of the ``allowed`` labels (None: any label)."""
    if allowed is None or label in allowed:
        return False
    meant = _near_miss(label, allowed)
    hint = f"; it differs from {meant!r} only in capitals or spaces, which count" if meant else ""
    c.add(ITEM_SKIPPED, "unknown_label",
          f"the label {shorten(label, 30)!r} of {shorten(sid, 20)} is not one of the labels of "
          f"{shorten(label_set, 30)!r}{hint}.")
    return True


def _note_and_confidence(c: _Cleaner, sid: str, note: Any, conf: Any) -> tuple[str, str]:
    """A label's note (cut to the text limit) and confidence ("" when not low/medium/high)."""
    if not (type(note) is str and len(note) <= c.lim.text):
        note = c.text(note, f"the note on {sid}")
        if note is None:
            note = ""
            c.add(NOTE, "not_text", f"the note on {sid} is not text; ignored it.")
    if conf != "" and conf not in CONFIDENCES:
        c.add(NOTE, "unknown_confidence", f"the confidence of {sid} is not low/medium/high; ignored it.")
        conf = ""
    return note, conf


@keeps_first
def clean_sentence_labels(data: Any, *, strict: bool, sentence_ids=None, article: str = "",
                          limits: Limits = LIMITS, label_sets: dict | None = None):
    """``{"label_set": str, "labels": {sentence id: {"label", "note", "confidence"}}}``.

    ``sentence_ids`` (optional): the article's sentence ids; others are skipped. Strict mode
    drops entries whose label is empty (a cleared label).

    ``label_sets`` (optional, ``{name: labels}``): the label sets whose labels are known (the
    course's). The same rule as every other choice in a record (a confidence, a status): names
    are compared exactly, capitals and spaces included, and nothing is guessed. A label that is
    not one of its known label set's labels is skipped (``unknown_label``), so that it can
    neither become a category of its own nor lower the agreement; a label set that differs from
    a known one only in capitals or spaces is kept under its own name with a note
    (``unknown_label_set``: its labels are not compared with those of the known set). Other
    label sets (a teacher's own, ``custom``, ``practice``) are not checked."""
    c = _Cleaner(strict, limits)
    labels = _container(data, "labels", dict, c, "a mapping from sentence ids to labels")
    if labels is None:
        return None, c.problems
    label_set = c.short(data.get("label_set", "") if isinstance(data, dict) else "")
    if label_set is None:
        c.add(ACTIVITY_SKIPPED, "bad_shape", "its 'label_set' is not a short text")
        return None, c.problems
    allowed = _known_labels(c, label_set, label_sets)
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
        if _stray_label(c, label, allowed, sid, label_set):
            continue
        if not (type(note) is str and len(note) <= long_) or (conf != "" and conf not in CONFIDENCES):
            note, conf = _note_and_confidence(c, sid, note, conf)  # the common case needs no call
        out[sid] = {"label": label, "note": note, "confidence": conf}
    return {"label_set": label_set, "labels": out}, c.problems


@keeps_first
def clean_phrase_marks(data: Any, *, strict: bool, text: str, limits: Limits = LIMITS):
    """``{"marks": [{"start", "end", "text", "category", "note"}]}`` with offsets into ``text``
    (code points, as Python indexes ``str``: an emoji is one; the browser's UTF-16 offsets are
    converted by the PhraseMarker before they get here); each mark's ``text`` is taken from ``text`` itself, never from the file. Lenient mode also
    drops repeated marks (same place and category) and sorts them.

    Strict mode (the dashboard) keeps at most ``limits.text`` characters of a mark's ``text`` (a
    phrase is never that long; the offsets still say where the mark is) and shares one copy
    between marks at the same place, so marks spanning a whole article cannot copy it thousands
    of times."""
    c = _Cleaner(strict, limits)
    marks = _capped_list(data, "marks", c)
    if marks is None:
        return None, c.problems
    n = len(text)
    out = []
    pieces: dict = {}
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
        if strict:
            piece = pieces.get((s, e))
            if piece is None:
                piece = pieces[(s, e)] = text[s:min(e, s + limits.text)]
        else:
            piece = text[s:e]
        out.append({"start": s, "end": e, "text": piece, "category": cat, "note": note})
    if not strict:
        seen, kept = set(), []
        for m in out:  # the same phrase, place and category twice: keep the first (with its note)
            key = (m["start"], m["end"], m["category"])
            if key not in seen:
                seen.add(key)
                kept.append(m)
        out = sorted(kept, key=lambda m: (m["start"], m["end"], m["category"]))
    return {"marks": out}, c.problems


@keeps_first
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


@keeps_first
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


@keeps_first
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


@keeps_first
def clean_chain(data: Any, *, strict: bool, limits: Limits = LIMITS):
    """``{"steps": [step id, ...]}``: a republication chain, oldest step first (lesson 01,
    :class:`medialit.widgets.ChainBuilder`; step ids from ``data/keys/01_chains.yaml``). A step id
    is short text; a repeated id is kept once (its first place)."""
    c = _Cleaner(strict, limits)
    steps = _capped_list(data, "steps", c)
    if steps is None:
        return None, c.problems
    out: list[str] = []
    seen: set = set()
    for i, sid in enumerate(steps, 1):
        ok = c.short(sid, required=True)
        if ok is None or not ok.strip():
            c.add(ITEM_SKIPPED, "not_text" if ok is None and not isinstance(sid, str) else "bad_shape",
                  f"chain step {i} is not a step id.")
            continue
        if ok not in seen:
            seen.add(ok)
            out.append(ok)
    return {"steps": out}, c.problems

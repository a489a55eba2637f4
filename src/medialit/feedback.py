"""``check(question_id, answer)``: fixed, teacher-written feedback from the keys in ``data/keys/``
and from the teacher's own keys that passed ``medialit check-key`` (:mod:`medialit.assign`).

Each key file has a ``questions:`` mapping (format in CONTRIBUTING.md). The feedback is the same
for everyone and every run (no randomness, no model). The learner's answer is saved with their
other work, so the instructor dashboard can show it.

* An answer that is ``...`` (the exercise stub), ``None`` or empty is "not answered yet": the
  learner gets a reminder, never an error.
* A ``free`` (written) answer is never marked right or wrong: it is saved for the teacher with
  ``"correct": null`` and ``"status": "for teacher"`` (or ``"too short"`` when it has fewer than
  the key's ``min_words``; still saved), and the learner sees the word count and the key's points
  as a checklist for self-review. The dashboard lists every free answer in full.
* The first answer to a question is kept beside the latest one and never overwritten (the
  record's ``first``/``first_at``, see :func:`medialit.store.freeze_first`): at the first
  ``check()`` for a question answered in one go; for a ``labels`` answer, the first label of
  each sentence (the feedback shows the key's label once a sentence is labelled); for a written
  (``free``) answer, checked while it is typed, when the learner opens a key that lists the
  question (``ml.KeyReveal(..., questions=[...])``).
* With ``MEDIALIT_STRICT=1`` (set by the tests) a wrong answer raises ``AssertionError``, so running
  the ``solutions/`` notebooks tests that the keys and the model answers agree. A free answer never
  raises: there is nothing to mark.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import functools
import html
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from . import data, store
from .schema import FREE_FOR_TEACHER, FREE_TOO_SHORT

TYPES = ("choice", "text", "number", "set", "date", "labels", "free", "fields")
#: Question types whose answer is built up over many saves without a verdict on show: a written
#: answer is checked as it is typed, a ``fields`` answer (``ml.FieldsAnswer``) is saved field by
#: field and only marked behind our key. Their first save is not a first answer: the answer on show
#: when the learner opens the key (``ml.KeyReveal(..., activities=[box])`` or ``questions=[...]``)
#: is. Every other type keeps its first checked answer (``labels``: the first label of each sentence).
BUILT_UP_TYPES = ("free", "fields")


def first_rule(kind: str) -> bool | str:
    """How ``check()`` keeps a first answer for a question of type ``kind`` (``first=`` of
    :func:`medialit.store.put_activity`): False for :data:`BUILT_UP_TYPES` (kept at the key only),
    ``"items"`` for labels (per sentence), True for the rest (the first checked answer)."""
    if kind in BUILT_UP_TYPES:
        return False
    return "items" if kind == "labels" else True
#: How each of the key's points is put to the learner after a written answer (a checklist).
POINT_PREFIX = "Did you mention: "


@dataclass
class Feedback:
    """The result of :func:`check`. Shows itself as a short, coloured and worded box."""

    question_id: str
    status: str  # "correct" | "wrong" | "unanswered" | "partly" | "for teacher" | "too short"
    message: str
    details: list[str] = field(default_factory=list)
    saved_to: str | None = None

    @property
    def correct(self) -> bool | None:
        """True or False for a marked answer; None when not answered or written for the teacher."""
        return {"correct": True, "wrong": False, "partly": False}.get(self.status)

    @property
    def for_teacher(self) -> bool:
        """A written (free) answer: saved for the teacher, never marked right or wrong."""
        return self.status in (FREE_FOR_TEACHER, FREE_TOO_SHORT)

    # icon, word, colour (Okabe-Ito, safe for colour-blind readers; the icon and word carry the meaning)
    _ICONS = {"correct": ("✔", "Correct", "#0072B2"), "wrong": ("✘", "Not yet", "#D55E00"),
              "partly": ("◐", "Partly", "#E69F00"), "unanswered": ("…", "Not answered yet", "#555555"),
              FREE_FOR_TEACHER: ("✎", "Saved for your teacher", "#009E73"),
              FREE_TOO_SHORT: ("✎", "Saved, but too short", "#E69F00")}

    def _is_point(self, detail: str) -> bool:
        """A key point of a written answer, shown as a box to tick for self-review."""
        return self.for_teacher and detail.startswith(POINT_PREFIX)

    def __str__(self) -> str:
        icon, word, _ = self._ICONS[self.status]
        lines = [f"{icon} {word} ({self.question_id}): {self.message}"]
        lines += [f"  {'☐' if self._is_point(d) else '-'} {d}" for d in self.details]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        icon, word, colour = self._ICONS[self.status]
        if self.for_teacher:  # the key's points as boxes to tick for self-review
            items = "".join(f"<li>{'☐' if self._is_point(d) else '•'} {_show(d)}</li>" for d in self.details)
            style = ' style="list-style:none;padding-left:0.5em"'
        else:
            items, style = "".join(f"<li>{_show(d)}</li>" for d in self.details), ""
        listing = f"<ul{style}>{items}</ul>" if items else ""
        return (
            f'<div role="status" style="border-left:6px solid {colour};padding:4px 10px;margin:4px 0">'
            f"<strong>{icon} {html.escape(word)}</strong> "
            f"<span style='color:#555'>({html.escape(self.question_id)})</span><br>"
            f"{_show(self.message)}{listing}</div>"
        )


_CODE_SPAN = re.compile(r"`([^`\n]{1,120})`")


def _show(text: str) -> str:
    """Feedback text as HTML: escaped, with `code spans` (record ids such as `ev-p-rally-date`)
    shown as code instead of with their backticks."""
    return _CODE_SPAN.sub(r"<code>\1</code>", html.escape(str(text)))


@functools.lru_cache(maxsize=8)
def _all_questions(_stamp: tuple) -> dict[str, dict]:
    questions: dict[str, dict] = {}
    for res in data.manifest("keys")["resources"]:
        if not str(res["path"]).endswith((".yaml", ".yml")):
            continue
        doc = data.load_yaml(res["name"], "keys")
        for qid, q in ((doc or {}).get("questions") or {}).items():
            if qid in questions:
                raise data.DataError(f"Question id {qid!r} appears in two key files; ids must be unique.")
            if q.get("type") not in TYPES:
                raise data.DataError(f"Question {qid!r} has type {q.get('type')!r}; use one of {', '.join(TYPES)}.")
            questions[qid] = dict(q, _key=res["name"])
    return questions


def _course_questions() -> dict[str, dict]:
    """Every question of the course's own key files (``data/keys/``), by id."""
    mf = data.paths.data_dir() / "keys" / data.MANIFEST
    return _all_questions((str(mf), mf.stat().st_mtime_ns))


def questions() -> dict[str, dict]:
    """Every question of every key file, by id: the course's (``data/keys/``), then those of the
    teacher's keys that passed ``medialit check-key`` (``keys/`` in the teacher folder; see
    :mod:`medialit.assign`). A teacher key that cannot be used is left out, never the course's."""
    course = _course_questions()
    extra, _problems = teacher_questions()
    if not extra:
        return course
    return {**{qid: q for qid, q in extra.items() if qid not in course}, **course}


def teacher_questions() -> tuple[dict[str, dict], list[str]]:
    """``({question id: question}, problems)`` of the teacher's checked keys; a teacher folder that
    cannot be read gives a problem in plain words, never an error."""
    from . import assign

    try:
        return assign.teacher_questions()
    except (OSError, data.DataError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return {}, [f"The teacher's keys could not be read, so only the course's questions are used: {exc}"]


def norm(value: Any) -> str:
    """Normalise a short answer: case, spaces, surrounding quotes and final punctuation ignored."""
    text = " ".join(str(value).split()).casefold()
    return text.strip(" \"'“”‘’«».!?;:,")


def _is_unanswered(answer: Any) -> bool:
    if answer is ... or answer is None:
        return True
    if isinstance(answer, str) and not answer.strip():
        return True
    if isinstance(answer, (list, tuple, set, dict)) and len(answer) == 0:
        return True
    return False


def _to_date(value: Any) -> _dt.date:
    """The date a learner wrote, read exactly as lesson 01 teaches (``provenance.to_date``): a
    numeric date such as "10/02/2024" is refused as ambiguous. Raises ``ValueError`` in plain words."""
    from .provenance import to_date

    return to_date(value).date()


def _accepted(q: dict) -> set[str]:
    return {norm(a) for a in [q.get("answer"), *(q.get("accept") or [])] if a is not None}


def _evaluate(qid: str, q: dict, answer: Any) -> Feedback:
    kind = q["type"]
    right, wrong = q.get("correct", "That matches the key."), q.get("wrong", "That does not match the key yet.")
    hints = {norm(k): v for k, v in (q.get("hints") or {}).items()}
    if kind in ("choice", "text"):
        ok = norm(answer) in _accepted(q)
        msg = right if ok else hints.get(norm(answer), wrong)
        return Feedback(qid, "correct" if ok else "wrong", msg)
    if kind == "number":
        try:
            value = float(answer)
        except (TypeError, ValueError):
            return Feedback(qid, "wrong", f"Please answer with a number (you gave {answer!r}).")
        ok = abs(value - float(q["answer"])) <= float(q.get("tolerance", 0))
        return Feedback(qid, "correct" if ok else "wrong", right if ok else hints.get(norm(answer), wrong))
    if kind == "date":
        expected = _to_date(q["answer"])
        try:
            value = _to_date(answer)
        except ValueError as exc:
            return Feedback(qid, "wrong", str(exc))
        ok = value == expected
        return Feedback(qid, "correct" if ok else "wrong", right if ok else hints.get(value.isoformat(), wrong))
    if kind == "set":
        if isinstance(answer, str):
            answer = [a for a in re.split(r"[,;\n]", answer) if a.strip()]
        given, expected = {norm(a) for a in answer}, {norm(a) for a in q["answer"]}
        details = []
        missing, extra = sorted(expected - given), sorted(given - expected)
        if missing:
            details.append(f"{len(missing)} item(s) of the key are missing from your answer.")
        if extra:
            details.append("Not in the key: " + ", ".join(extra))
        ok = not missing and not extra
        status = "correct" if ok else ("partly" if given & expected else "wrong")
        return Feedback(qid, status, right if ok else wrong, details)
    if kind == "labels":
        return _evaluate_labels(qid, q, answer)
    if kind == "free":
        return _evaluate_free(qid, q, answer)
    if kind == "fields":  # one answer per field (lesson 03's claim anatomy and checkers)
        from .claims import evaluate_fields

        return Feedback(qid, *evaluate_fields(q, answer))
    raise data.DataError(f"Unknown question type {kind!r}")


def word_count(text: Any) -> int:
    """Words in a written answer (runs of non-blank characters), as the learner and the dashboard count them."""
    return len(str(text).split())


def _evaluate_free(qid: str, q: dict, answer: Any) -> Feedback:
    """A written answer: never right or wrong. Saved for the teacher with the word count and the
    key's points as a checklist, or marked too short (and still saved) below ``min_words``."""
    words = word_count(answer)
    need = int(q.get("min_words", 1))
    points = [f"{POINT_PREFIX}{p}" for p in q.get("points") or []]
    n_words = f"{words} word{'' if words == 1 else 's'}"
    if words < need:
        return Feedback(qid, FREE_TOO_SHORT,
                        f"Write a little more: at least {need} words (you wrote {n_words}). What you wrote so "
                        "far is saved for your teacher, marked as too short.", points)
    thanks = q.get("correct") or "Thank you: your answer is saved for your teacher."
    check_list = " Check it against the points below." if points and "points below" not in thanks else ""
    return Feedback(qid, FREE_FOR_TEACHER, f"You wrote {n_words}. {thanks}{check_list}", points)


def label_verdict(given: str, accepted: list[str]) -> str:
    """Feedback on an accepted label: praise a match with the key's label, but name the key's
    label when ``given`` is only an alternative the key accepts (``accepted[0]`` is the key's)."""
    if norm(given) == norm(accepted[0]):
        note = " (the key also accepts: " + ", ".join(accepted[1:]) + ")" if len(accepted) > 1 else ""
        return f"'{given}' matches the key{note}."
    return f"the key says '{accepted[0]}'; it also accepts your '{given}' as an alternative."


def _evaluate_labels(qid: str, q: dict, answer: Any) -> Feedback:
    if not isinstance(answer, dict):
        return Feedback(qid, "wrong", "Give your labels as a dictionary such as {'s004': 'opinion'}.")
    key: dict = q["answer"]
    why = q.get("why") or {}
    details, n_right, n_done = [], 0, 0
    unknown = sorted(set(answer) - set(key))
    for sid, expected in key.items():
        accepted = [expected] if isinstance(expected, str) else list(expected)
        given = answer.get(sid)
        if _is_unanswered(given):
            details.append(f"{sid}: not labelled yet.")
            continue
        n_done += 1
        if norm(given) in {norm(a) for a in accepted}:
            n_right += 1
            details.append(f"{sid}: ✔ {label_verdict(given, accepted)}")
        else:
            reason = f" Why: {why[sid]}" if sid in why else ""
            details.append(f"{sid}: ✘ you chose '{given}', the key says '{accepted[0]}'.{reason}")
    for sid in unknown:
        details.append(f"{sid}: this sentence is not part of the question (check the id).")
    if n_done == 0:
        return Feedback(qid, "unanswered", "Label at least one sentence first: nothing is labelled yet.", details)
    msg = f"{n_right} of {len(key)} sentences match the key."
    if n_right == len(key) and not unknown:
        return Feedback(qid, "correct", msg + " " + q.get("correct", ""), details)
    status = "partly" if n_right else "wrong"
    if n_done < len(key) and n_right == n_done and not unknown:
        msg += " Keep going: some sentences are not labelled yet."
    return Feedback(qid, status, msg + " " + q.get("wrong", ""), details)


def _jsonable(answer: Any) -> Any:
    try:
        json.dumps(answer)
        return answer
    except (TypeError, ValueError):
        if isinstance(answer, (set, tuple)):
            return sorted(str(a) for a in answer)
        return str(answer)


def saved_data(answer: Any, fb: Feedback) -> dict:
    """The record's ``data`` that :func:`check` saves for ``answer`` with the feedback ``fb``:
    ``{"answer": ..., "correct": ...}``, plus ``"status"`` for a written (free) answer."""
    record = {"answer": _jsonable(answer), "correct": fb.correct}
    if fb.for_teacher:
        record["status"] = fb.status
    return record


def check(question_id: str, answer: Any = ..., *, save: bool = True, strict: bool | None = None,
          expect: Any = ...) -> Feedback:
    """Compare ``answer`` with the key for ``question_id`` and return fixed feedback.

    The answer is saved with the learner's work (activity ``check:<question id>``). ``strict``:
    raise ``AssertionError`` on a wrong answer (default: when ``MEDIALIT_STRICT=1``, as in the
    tests, so solutions check the keys); answer widgets pass ``strict=False``.

    ``expect`` (for answer widgets; leave it out otherwise): what the saved record of this
    question held (its ``data``, as :func:`saved_data` gives it) when the caller last read or
    wrote it, or None when there was no saved record. If the file holds something else by now
    (the same learner answered in another tab or kernel meanwhile), nothing is saved and
    :class:`medialit.store.ChangedElsewhere` is raised, with ``.current`` the record in the file
    now, so the caller can take that answer in and try again. Without ``expect`` the answer is
    saved whatever the file holds, and saving problems come back as a line of the feedback.
    """
    qs = questions()
    if question_id not in qs:
        close = difflib.get_close_matches(question_id, list(qs), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        problems = teacher_questions()[1]
        note = (" Teacher keys not in use: " + " ".join(problems)) if problems else ""
        raise KeyError(f"There is no question {question_id!r} in data/keys/ or the teacher's checked keys.{hint}{note}")
    q = qs[question_id]
    if _is_unanswered(answer):
        prompt = q.get("prompt", "")
        return Feedback(question_id, "unanswered",
                        "Not answered yet: give your answer first."
                        + (f" ({prompt})" if prompt else ""))
    fb = _evaluate(question_id, q, answer)
    if save:
        try:
            record = saved_data(answer, fb)
            # the first answer given is kept as the first answer, never overwritten; a labels
            # answer keeps the first label of each sentence; an answer built up over many saves
            # (written, or field by field) gets its first answer when the learner opens a key
            path = store.put_activity(f"check:{question_id}", record, kind="check", first=first_rule(q["type"]),
                                      expect=expect)
            fb.saved_to = str(path)
        except store.ChangedElsewhere:
            raise  # for the caller that gave expect=: nothing was saved, it merges and tries again
        except (store.StoreError, store.LearnerIdError) as exc:
            fb.details.append(f"Your answer could not be saved: {exc}")
    if strict is None:
        strict = os.environ.get("MEDIALIT_STRICT") == "1"
    if strict and fb.status in ("wrong", "partly"):
        raise AssertionError(str(fb))
    return fb

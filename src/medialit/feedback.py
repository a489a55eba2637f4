"""``check(question_id, answer)``: fixed, teacher-written feedback from the keys in ``data/keys/``.

Each key file has a ``questions:`` mapping (format in CONTRIBUTING.md). The feedback is the same
for everyone and every run (no randomness, no model). The learner's answer is saved with their
other work, so the instructor dashboard can show it.

* An answer that is ``...`` (the exercise stub), ``None`` or empty is "not answered yet": the
  learner gets a reminder, never an error.
* With ``MEDIALIT_STRICT=1`` (set by the tests) a wrong answer raises ``AssertionError``, so running
  the ``solutions/`` notebooks tests that the keys and the model answers agree.
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

TYPES = ("choice", "text", "number", "set", "date", "labels", "free")


@dataclass
class Feedback:
    """The result of :func:`check`. Shows itself as a short, coloured and worded box."""

    question_id: str
    status: str  # "correct" | "wrong" | "unanswered" | "partly"
    message: str
    details: list[str] = field(default_factory=list)
    saved_to: str | None = None

    @property
    def correct(self) -> bool | None:
        return {"correct": True, "wrong": False, "partly": False}.get(self.status)

    _ICONS = {"correct": ("✔", "Correct", "#0072B2"), "wrong": ("✘", "Not yet", "#D55E00"),
              "partly": ("◐", "Partly", "#E69F00"), "unanswered": ("…", "Not answered yet", "#555555")}

    def __str__(self) -> str:
        icon, word, _ = self._ICONS[self.status]
        lines = [f"{icon} {word} ({self.question_id}): {self.message}"] + [f"  - {d}" for d in self.details]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        icon, word, colour = self._ICONS[self.status]
        items = "".join(f"<li>{html.escape(d)}</li>" for d in self.details)
        return (
            f'<div role="status" style="border-left:6px solid {colour};padding:4px 10px;margin:4px 0">'
            f"<strong>{icon} {html.escape(word)}</strong> "
            f"<span style='color:#555'>({html.escape(self.question_id)})</span><br>"
            f"{html.escape(self.message)}{'<ul>' + items + '</ul>' if items else ''}</div>"
        )


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


def questions() -> dict[str, dict]:
    """Every question of every key file, by id."""
    mf = data.paths.data_dir() / "keys" / data.MANIFEST
    return _all_questions((str(mf), mf.stat().st_mtime_ns))


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
        words = len(str(answer).split())
        need = int(q.get("min_words", 1))
        if words < need:
            return Feedback(qid, "wrong", f"Write a little more: at least {need} words (you wrote {words}).")
        points = [f"Did you mention: {p}" for p in q.get("points", [])]
        return Feedback(qid, "correct", q.get("correct", "Thank you: your answer is saved for your teacher."), points)
    raise data.DataError(f"Unknown question type {kind!r}")


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
            note = " (the key also accepts: " + ", ".join(accepted[1:]) + ")" if len(accepted) > 1 else ""
            details.append(f"{sid}: ✔ '{given}' matches the key{note}.")
        else:
            reason = f" Why: {why[sid]}" if sid in why else ""
            details.append(f"{sid}: ✘ you chose '{given}', the key says '{accepted[0]}'.{reason}")
    for sid in unknown:
        details.append(f"{sid}: this sentence is not part of the question (check the id).")
    if n_done == 0:
        return Feedback(qid, "unanswered", "Label at least one sentence, then run the cell again.", details)
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


def check(question_id: str, answer: Any = ..., *, save: bool = True) -> Feedback:
    """Compare ``answer`` with the key for ``question_id`` and return fixed feedback.

    The answer is saved with the learner's work (activity ``check:<question id>``).
    """
    qs = questions()
    if question_id not in qs:
        close = difflib.get_close_matches(question_id, list(qs), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"There is no question {question_id!r} in data/keys/.{hint}")
    q = qs[question_id]
    if _is_unanswered(answer):
        prompt = q.get("prompt", "")
        return Feedback(question_id, "unanswered",
                        "Not answered yet: replace the ... with your answer and run the cell again."
                        + (f" ({prompt})" if prompt else ""))
    fb = _evaluate(question_id, q, answer)
    if save:
        try:
            path = store.put_activity(f"check:{question_id}", {"answer": _jsonable(answer), "correct": fb.correct},
                                      kind="check")
            fb.saved_to = str(path)
        except (store.StoreError, store.LearnerIdError) as exc:
            fb.details.append(f"Your answer could not be saved: {exc}")
    if os.environ.get("MEDIALIT_STRICT") == "1" and fb.status in ("wrong", "partly"):
        raise AssertionError(str(fb))
    return fb

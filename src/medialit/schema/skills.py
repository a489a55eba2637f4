"""Cleaning a skills-check record (:mod:`medialit.skillcheck`); part of :mod:`medialit.schema`."""
from __future__ import annotations

import re
from typing import Any

from ..text_utils import shorten
from .cleaner import _Cleaner, _container
from .contract import ACTIVITY_SKIPPED, ITEM_SKIPPED, LIMITS, NOTE, Limits

_ISO_TIME_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


def clean_skillcheck(data: Any, *, strict: bool, items=None, limits: Limits = LIMITS):
    """``{"form": "A"|"B", "phase": "before"|"after", "answers": {item id: value or [values]},
    "written": str, "finished": bool, "finished_at": ISO time or ""}`` (:mod:`medialit.skillcheck`).

    ``items`` (optional): ``{item id: (type, allowed values)}``; by default the form's own items
    (:func:`medialit.skillcheck.item_options`). An answer to an unknown or written item, or one
    that is not among the item's options, is skipped; an empty answer counts as not answered.
    Strict mode refuses a form or phase that is not exactly "A"/"B" and "before"/"after" and skips a
    "tick all" answer holding anything but its options; lenient mode accepts "a" or "Before", an
    empty form or phase (not chosen yet), one value for a "tick all" item, and drops unknown values."""
    c = _Cleaner(strict, limits)
    if not isinstance(data, dict):
        c.add(ACTIVITY_SKIPPED, "not_a_record", "its 'data' is not a record")
        return None, c.problems
    form, phase = data.get("form"), data.get("phase")
    if not strict:
        form = form.strip().upper() if isinstance(form, str) else form
        phase = phase.strip().lower() if isinstance(phase, str) else phase
    if form not in ("A", "B", *(() if strict else ("", None))) or phase not in ("before", "after", *(() if strict else ("", None))):
        c.add(ACTIVITY_SKIPPED, "bad_form", f"its form {shorten(repr(form), 12)} or phase {shorten(repr(phase), 12)} "
                                            "is not A/B and before/after")
        return None, c.problems
    answers = _container(data, "answers", dict, c, "a mapping from item ids to answers")
    if answers is None:
        return None, c.problems
    if items is None and form:
        from ..skillcheck import item_options

        items = item_options(form)
    out = _skillcheck_answers(answers, items or {}, form, c)
    written = c.text(data.get("written", ""), "the written answer")
    if written is None:
        c.add(NOTE, "not_text", "its written answer is not text; ignored it.")
        written = ""
    finished = data.get("finished", False) is True
    if not isinstance(data.get("finished", False), bool):
        c.add(NOTE, "bad_shape", "its 'finished' is neither true nor false; counted the check as not finished.")
    stamp = data.get("finished_at", "")
    if not finished or not (isinstance(stamp, str) and len(stamp) <= limits.short and _ISO_TIME_RE.fullmatch(stamp)):
        if finished and stamp not in ("", None):
            c.add(NOTE, "bad_shape", "its 'finished_at' is not a time; ignored it.")
        stamp = ""
    return {"form": form or "", "phase": phase or "", "answers": out, "written": written,
            "finished": finished, "finished_at": stamp}, c.problems


def _skillcheck_answers(answers: dict, items: dict, form: str, c: _Cleaner) -> dict:
    """The usable answers of a skills-check record (see :func:`clean_skillcheck`)."""
    out: dict = {}
    for iid, value in list(answers.items())[: c.lim.items]:
        spec = items.get(iid)
        if spec is None or spec[0] == "written":
            c.add(ITEM_SKIPPED, "unknown_item", f"form {form or '?'} has no item {shorten(str(iid), 20)!r} to answer.")
            continue
        kind, allowed = spec
        if value in ("", [], None):
            continue
        if kind == "multi":
            values = [value] if isinstance(value, str) and not c.strict else value
            if not isinstance(values, list) or (c.strict and not all(v in allowed for v in values)):
                c.add(ITEM_SKIPPED, "unknown_choice", f"the answer to {iid} is not a list of its options.")
                continue
            picked = [a for a in allowed if a in values]
            if picked:
                out[iid] = picked
            continue
        if not (isinstance(value, str) and value in allowed):
            c.add(ITEM_SKIPPED, "unknown_choice", f"the answer to {iid} ({shorten(repr(value), 20)}) is not one of its options.")
            continue
        out[iid] = value
    return out

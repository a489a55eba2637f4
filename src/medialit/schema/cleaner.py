"""Shared cleaning rules of :mod:`medialit.schema`: short and free text, capped lists, containers,
and :func:`keeps_first`, which lets every ``clean_<kind>`` carry the learner's first answers."""
from __future__ import annotations

import functools
import re
from typing import Any

from .contract import ACTIVITY_SKIPPED, NOTE, Limits, Problem

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


# ---------------------------------------------------------------- first answers (any kind)

#: Fields a record of any kind may also hold (issue 16, "commit before the key"): ``first`` is the
#: learner's work at the moment they opened the key (or gave their first ``check()`` answer), in
#: the kind's own ``data`` shape; ``first_at`` is when (``YYYY-MM-DDTHH:MM:SSZ``). The store keeps
#: them beside ``data`` (the latest work) and never overwrites them once set
#: (:func:`medialit.store.freeze_first`). Every ``clean_<kind>`` accepts them inside ``data`` too
#: (the dashboard passes ``dict(record["data"], first=..., first_at=...)``) and cleans them.
FIRST_FIELDS = ("first", "first_at")
_STAMP_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def keeps_first(clean_fn):
    """Make ``clean_<kind>`` accept and clean the :data:`FIRST_FIELDS` too (a decorator).

    The rest of ``data`` is cleaned as before; ``first`` is cleaned by the same function with the
    same arguments (nested first answers are dropped) and ``first_at`` must be a UTC time stamp.
    Unusable first answers are left out with a note: they never cost the learner's latest work.
    Records without these fields (every release before them) are cleaned exactly as before."""
    @functools.wraps(clean_fn)
    def clean(data: Any, *, strict: bool, **kwargs):
        if not (isinstance(data, dict) and any(f in data for f in FIRST_FIELDS)):
            return clean_fn(data, strict=strict, **kwargs)
        clean_data, problems = clean_fn({k: v for k, v in data.items() if k not in FIRST_FIELDS},
                                        strict=strict, **kwargs)
        if clean_data is None:
            return None, problems
        first, first_at = data.get("first"), data.get("first_at")
        kept = None
        if isinstance(first, dict):
            kept, more = clean_fn({k: v for k, v in first.items() if k not in FIRST_FIELDS},
                                  strict=strict, **kwargs)
            problems = list(problems) + [
                Problem(NOTE if p.level == ACTIVITY_SKIPPED else p.level, p.code, "In the first answers: " + p.message)
                for p in more]
        if kept is None:
            if first is not None:
                problems = list(problems) + [Problem(NOTE, "bad_shape", "its first answers are not usable; left them out.")]
            return clean_data, problems
        if not (type(first_at) is str and _STAMP_RE.fullmatch(first_at)):
            if first_at not in (None, ""):
                problems = list(problems) + [Problem(NOTE, "bad_shape",
                                                     "the time of its first answers is not a UTC time stamp; left it out.")]
            first_at = ""
        clean_data["first"], clean_data["first_at"] = kept, first_at
        return clean_data, problems

    return clean


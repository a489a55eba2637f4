"""From the bytes of one file to a checked submission envelope, and the duplicate rule.

* :func:`parse_submission`: decode (UTF-8, a byte-order mark or UTF-16/32 tolerated), parse
  with :func:`json.loads` only (no pickle, no eval; integers of more than ``MAX_DIGITS`` digits,
  repeated envelope keys with different values, NaN and Infinity are caught), replace lone
  surrogates and NUL characters, then check the envelope: format, ``schema_version`` (exactly
  the integer :data:`medialit.store.SCHEMA_VERSION`), learner id (the store's rule) and an
  ``activities`` record. Problems raise :class:`~.report.Skip`; harmless oddities become notes.
* :func:`newest_per_learner`: one file per learner. Ids that differ only in letter case name the
  same file on Windows and macOS, so they are the same learner; the newest ``exported`` time
  wins (a time more than a day in the future is not trusted), then the newest file, then the
  file name.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any, NamedTuple

from .. import store
from ..schema import shorten
from .files import BAD_CHARS, RawFile
from .report import FILE_SKIPPED, NOTE, CappedReport, Skip

MAX_DIGITS = 100  # digits in a JSON integer (Python refuses to read more than 4300 anyway)
_ENVELOPE = ("format", "schema_version", "learner", "activities", "exported")
# A lone surrogate or a NUL can only enter a parsed document through a \u escape (the raw text
# is valid UTF-8, and JSON forbids raw control characters in strings), so a document whose text
# has no such escape needs no cleaning (a literal "\\u0000" is a harmless false alarm).
_BAD_ESCAPE = re.compile(r"\\u(?:0000|[dD][89abcdefABCDEF][0-9a-fA-F]{2})")
#: Names Windows reserves for devices (with any extension): a learner id like this cannot be a file there.
WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_STAMP = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z")
_FAR_PAST = _dt.datetime(1, 1, 1, tzinfo=_dt.timezone.utc)


class Note(NamedTuple):
    code: str
    reason: str


class Submission(NamedTuple):
    """One parsed file: ``key`` is the learner id as compared for duplicates."""

    key: str
    exported: _dt.datetime | None
    mtime: float
    name: str
    doc: dict
    notes: list

    @property
    def learner(self) -> str:
        return self.doc["learner"]


# ---------------------------------------------------------------- times


def parse_time(value: Any) -> _dt.datetime | None:
    """An ISO time as an aware UTC datetime, or None."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        t = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=_dt.timezone.utc)
    try:
        return t.astimezone(_dt.timezone.utc)
    except (OverflowError, ValueError):
        return None


def stamp(t: _dt.datetime | None) -> str:
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}Z" if t else ""


def clean_stamp(value: Any) -> str:
    """An ``updated`` value as ``YYYY-MM-DDTHH:MM:SSZ`` ("" when it is not a time)."""
    return value if isinstance(value, str) and _STAMP.match(value) else stamp(parse_time(value))


# ---------------------------------------------------------------- bytes -> document


def _decode(raw: bytes, notes: list) -> str:
    """Bytes to text: UTF-8 (a byte-order mark is tolerated), or UTF-16/32 as Windows tools save it."""
    enc = json.detect_encoding(raw)
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        raise Skip("not_utf8", "it is not readable text (not UTF-8).") from None
    if enc == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf"):
        notes.append(Note("encoding", "it starts with a byte-order mark (BOM), as some editors add; read it anyway."))
    elif enc not in ("utf-8", "utf-8-sig"):
        notes.append(Note("encoding", f"it is saved as {enc.upper().replace('-SIG', '')} text rather than "
                                      "UTF-8; read it anyway."))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise Skip("empty", "it is empty.")
    return text


def _clean_strings(doc: Any) -> tuple[Any, int]:
    """Replace lone surrogates and NUL characters (only reachable through ``\\u`` escapes) in every
    key and string by U+FFFD; return the cleaned document and the number of strings changed."""
    changed = 0

    def fix(v):
        nonlocal changed
        if BAD_CHARS.search(v):
            changed += 1
            return BAD_CHARS.sub("\ufffd", v)
        return v

    if isinstance(doc, str):
        return fix(doc), changed
    stack = [doc]
    while stack:
        c = stack.pop()
        if isinstance(c, dict):
            items = list(c.items())
            if any(BAD_CHARS.search(k) for k, _ in items):
                c.clear()
                for k, v in items:
                    c[fix(k)] = v
                items = list(c.items())
            for k, v in items:
                if isinstance(v, str):
                    c[k] = fix(v)
                elif isinstance(v, (dict, list)):
                    stack.append(v)
        elif isinstance(c, list):
            for i, v in enumerate(c):
                if isinstance(v, str):
                    c[i] = fix(v)
                elif isinstance(v, (dict, list)):
                    stack.append(v)
    return doc, changed


def _pairs_hook(repeated: list):
    """An ``object_pairs_hook`` that builds each record in C and, only when the record is shorter
    than its list of pairs (a key given twice), appends ``(record, key, same value?)`` to
    ``repeated``, comparing type-sensitively with the value given just before."""

    def pairs(items):
        d = dict(items)  # the last value of a repeated key wins, at its first key's place
        if len(d) != len(items):
            seen: dict = {}
            for k, v in items:
                if k in seen:
                    repeated.append((d, k, seen[k] == v and type(seen[k]) is type(v)))
                seen[k] = v
        return d

    return pairs


def _load_json(text: str, notes: list) -> dict:
    """:func:`json.loads` with repeated keys, huge integers and NaN caught."""
    repeated: list = []   # (the dict, key, same value?) for keys that appear twice in one record
    constants: list = []
    pairs = _pairs_hook(repeated)

    def big_int(s):
        if len(s.lstrip("-")) > MAX_DIGITS:
            raise Skip("huge_number", f"it holds a number with {len(s.lstrip('-'))} digits, far too large to be "
                                      "part of a submission.")
        return int(s)

    def constant(name):
        constants.append(name)
        return float(name)

    try:
        doc = json.loads(text, object_pairs_hook=pairs, parse_int=big_int, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise Skip("not_json", f"it is not JSON (the reader stopped at line {exc.lineno}, column {exc.colno}: "
                               f"{exc.msg}).") from None
    except RecursionError:
        raise Skip("too_deep", "its JSON is nested too deeply to be a submission.") from None
    except (ValueError, OverflowError, MemoryError) as exc:  # pragma: no cover - belt and braces
        raise Skip("not_json", f"its JSON cannot be read ({shorten(str(exc), 80)}).") from None
    if not isinstance(doc, dict):
        raise Skip("not_submission", f"it is JSON but not a submission (a {type(doc).__name__}, not a record).")
    for d, k, same in repeated:
        if d is doc and k in _ENVELOPE and not same:
            raise Skip("conflicting_keys", f"it gives {k!r} twice with different values, so it is unclear which "
                                           "one to trust.")
    if repeated:
        keys = sorted({shorten(str(k), 30) for _, k, _ in repeated})
        notes.append(Note("repeated_keys", f"it repeats the key{'s' if len(keys) > 1 else ''} "
                                           f"{', '.join(repr(k) for k in keys[:5])}{' …' if len(keys) > 5 else ''} "
                                           "inside one record; the last value of each was used."))
    if constants:
        notes.append(Note("nan", "it uses NaN or Infinity, which are not standard JSON; read them as numbers."))
    return doc


def _check_envelope(doc: dict, notes: list) -> None:
    fmt = doc.get("format")
    if fmt is not None and fmt != store.SUBMISSION_FORMAT:
        raise Skip("not_submission", f"it is not a medialit submission (format {shorten(str(fmt), 40)!r}).")
    version = doc.get("schema_version")
    if type(version) is int and version > store.SCHEMA_VERSION:
        raise Skip("newer_schema", f"it was written by a newer version of medialit (schema version {version}; "
                                   f"this one reads version {store.SCHEMA_VERSION}). Update the course to read it.")
    if type(version) is not int or version != store.SCHEMA_VERSION:
        raise Skip("bad_schema_version", f"its schema version is {shorten(repr(version), 20)}, not "
                                         f"{store.SCHEMA_VERSION}.")
    learner = doc.get("learner")
    try:
        store.validate_learner_id(learner)
    except store.LearnerIdError as exc:
        raise Skip("bad_learner_id", f"its learner id cannot be used: {exc}") from None
    if WINDOWS_RESERVED.match(learner):
        notes.append(Note("windows_reserved", f"the learner id {learner!r} is a name Windows reserves for a "
                                              "device, so this learner's answers file cannot be saved on Windows."))
    if not isinstance(doc.get("activities"), dict):
        raise Skip("no_activities", "it has no 'activities' record.")


def parse_submission(raw: bytes) -> tuple[dict, list]:
    """Parse and check the envelope of a submission; return ``(document, notes)`` or raise
    :class:`Skip`. Only :func:`json.loads` is used (no pickle, no eval)."""
    notes: list = []
    text = _decode(raw, notes)
    doc = _load_json(text, notes)
    doc, n_bad = _clean_strings(doc) if _BAD_ESCAPE.search(text) else (doc, 0)
    if n_bad:
        notes.append(Note("bad_characters", f"{n_bad} text value{'s' if n_bad > 1 else ''} held characters that "
                                            "cannot be shown or saved (a lone surrogate or a NUL); they were "
                                            "replaced by \ufffd."))
    _check_envelope(doc, notes)
    return doc, notes


def _exported(doc: dict, notes: list, now: _dt.datetime) -> _dt.datetime | None:
    """The export time (else the ``updated`` time); a time more than a day ahead is not trusted."""
    for field in ("exported", "updated"):
        value = doc.get(field)
        t = parse_time(value)
        if t is not None and t > now + _dt.timedelta(days=1):
            notes.append(Note("future_time", f"its {field} time {shorten(value, 40)!r} is in the future, so it "
                                             "was not trusted (the computer's clock may be wrong)."))
            t = None
        if t is not None:
            return t
    return None


def read_envelopes(files, report: CappedReport):
    """A :class:`Submission` for every :class:`~.files.RawFile` whose envelope is usable; the
    others are report rows."""
    now = _dt.datetime.now(_dt.timezone.utc)
    out = []
    for f in files:
        f: RawFile
        try:
            doc, notes = parse_submission(f.raw)
        except Skip as why:
            report.add(f.name, "", FILE_SKIPPED, "", why.code, str(why))
            continue
        out.append(Submission(doc["learner"].casefold(), _exported(doc, notes, now), f.mtime, f.name, doc, notes))
    return out


def newest_per_learner(subs: list[Submission], report: CappedReport) -> list[Submission]:
    """The newest submission of each learner (sorted by learner id, then file name); each older
    duplicate is a report row."""
    subs = sorted(subs, key=lambda d: (d.key, d.exported or _FAR_PAST, d.mtime, d.name), reverse=True)
    kept: dict = {}
    for s in subs:
        if s.key in kept:
            k = kept[s.key]
            same = ("" if k.learner == s.learner else
                    f" ({s.learner!r} and {k.learner!r} differ only in letter case, which name the same file on "
                    "Windows and macOS)")
            report.add(s.name, s.learner, FILE_SKIPPED, "", "duplicate",
                       f"duplicate: {k.name} is a newer submission by the same learner{same}, so this older one "
                       "was not used.")
            continue
        kept[s.key] = s
    return sorted(kept.values(), key=lambda s: (s.learner, s.name))


def envelope_notes(s: Submission, report: CappedReport) -> None:
    """Notes on a kept submission: its parsing notes, and whether it is an answers file, named
    after another learner, or without an export time."""
    for code, reason in s.notes:
        report.add(s.name, s.learner, NOTE, "", code, reason)
    if s.doc.get("format") is None:
        report.add(s.name, s.learner, NOTE, "", "answers_file",
                   "an answers file rather than an exported submission; read it anyway.")
    if not s.name.rsplit("/", 1)[-1].startswith(s.learner + "."):
        report.add(s.name, s.learner, NOTE, "", "name_mismatch",
                   f"the file name does not match the learner id inside ({s.learner!r}).")
    if s.exported is None:
        report.add(s.name, s.learner, NOTE, "", "no_export_time", "it has no readable export time.")

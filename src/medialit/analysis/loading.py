"""Collect a class's submission files into tidy tables, with a plain-words validation report.

:func:`load_class` reads every ``*.json`` file directly inside one folder (the files learners
made with ``ml.export_submission()``), checks each one, and returns a :class:`ClassData` with one
table per activity kind and a ``report`` table that lists everything that was skipped and why.

How problems are handled (every one is a row of ``report`` with the file name and a reason):

* **whole file skipped** -- not JSON, not readable text, empty, larger than ``max_bytes`` (also
  if it grows while being read), nested too deeply, a number with more than ``MAX_DIGITS``
  digits, a symbolic link that points outside the folder (or to the folder itself, to nothing,
  or in a loop), a pipe, device or socket (never opened in a way that could block), not a
  medialit submission, a wrong or newer ``schema_version`` (``1.0`` and ``true`` are not ``1``),
  an envelope key (``learner``, ``schema_version``...) given twice with different values, a
  missing or unsafe learner id (also one with a hidden trailing line break), or an older
  duplicate of a learner who also has a newer file (the newest ``exported`` time is kept; on a
  tie the newest file modification time, then the file name). Learner ids that differ only in
  letter case or a final dot are the same learner (they name the same file on Windows and
  macOS); an ``exported`` time more than a day in the future is not trusted;
* **one activity skipped** -- unknown activity kind, unknown article id, ``data`` of the wrong
  shape; the learner's other activities are kept;
* **one item skipped** -- an unknown sentence id, a label that is not text or is too long, a
  mark whose offsets fall outside the article, a malformed claim row or checklist answer;
* **notes** (nothing lost) -- hidden files, files that are not ``.json``, sub-folders (read
  only with ``recursive=True``; links to folders are never followed), a file
  name that does not match the learner id inside, text cut to ``max_text`` characters, a
  byte-order mark or UTF-16 text, repeated keys inside a record (the last is used), NaN or
  Infinity, lone surrogates or NUL characters (replaced by U+FFFD so every table can be shown
  and saved), a learner id that Windows cannot use as a file name.

After ``MAX_REPORT`` problems of one kind in one activity (or skipped activities in one file, or
ignored files in the folder) the rest are counted in one "... and N more" row, so a hostile file
cannot flood the report. File names in the report have unprintable characters (line breaks,
bidirectional overrides, bytes that are not UTF-8) written as escapes.

Safety: files are parsed with :func:`json.loads` only (no pickle, no eval); nothing in the
folder is modified; symbolic links are resolved and followed only when they stay inside the
folder; at most ``max_files`` files and ``max_bytes`` bytes per file are read.
"""
from __future__ import annotations

import collections
import datetime as _dt
import functools
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import store

#: Default limits (all can be changed per call of :func:`load_class`).
MAX_BYTES = 5 * 1024 * 1024
MAX_FILES = 5000
MAX_DEPTH = 32          # nesting allowed inside a ``check`` answer (the rest has a fixed shape)
MAX_LABEL = 80          # characters in a label, category, answer choice or confidence
MAX_TEXT = 2000         # characters in a note, evidence or claim text (longer is cut, with a note)
MAX_ITEMS = 2000        # marks or claim rows per activity
MAX_FOLDER_DEPTH = 3    # sub-folder levels read by load_class(..., recursive=True)
MAX_LISTED = 50_000     # files and folders looked at in one call (a bound on the listing itself)
MAX_REPORT = 50         # report rows of one kind listed one by one (per activity, per file, ignored files)

KINDS = ("sentence_labels", "phrase_marks", "provenance_checklist", "claim_ledger", "check")
CONFIDENCES = ("low", "medium", "high", "")
STATUSES = ("supported", "contradicted", "unsupported", "cannot tell yet", "")

LABEL_COLUMNS = ["learner", "activity", "article", "label_set", "sentence", "label", "note",
                 "confidence", "updated"]
MARK_COLUMNS = ["learner", "activity", "article", "mark", "start", "end", "text", "category",
                "note", "updated"]
PROVENANCE_COLUMNS = ["learner", "activity", "article", "question", "answer", "evidence", "updated"]
CLAIM_COLUMNS = ["learner", "activity", "article", "row", "sentence", "claim", "claimant",
                 "evidence", "confirm", "status", "confidence", "note", "updated"]
CHECK_COLUMNS = ["learner", "activity", "question", "answer", "correct", "updated"]
LEARNER_COLUMNS = ["learner", "file", "exported", "medialit_version", "activities"]
REPORT_COLUMNS = ["file", "learner", "level", "activity", "reason"]

#: ``level`` values of the report, from most to least serious.
FILE_SKIPPED = "file skipped"
ACTIVITY_SKIPPED = "activity skipped"
ITEM_SKIPPED = "item skipped"
NOTE = "note"


# ---------------------------------------------------------------- course facts (cached)


@functools.lru_cache(maxsize=2)
def _course(manifest_mtime_ns: int) -> dict:
    from .. import data

    out = {}
    for res in data.manifest("articles")["resources"]:
        try:
            art = data.load_article(res["name"])
        except data.DataError:  # an article that fails its checks is treated as unknown
            continue
        out[res["name"]] = (len(art.text), frozenset(s.id for s in art.sentences), art.text,
                            len(art.body_sentences()))
    return out


def course_articles() -> dict:
    """``{article id: (text length, frozenset of sentence ids, text, number of body sentences)}``
    for every course article that loads (re-read when the articles manifest changes)."""
    from .. import paths

    mf = paths.data_dir() / "articles" / "datapackage.yaml"
    return _course(mf.stat().st_mtime_ns)


# ---------------------------------------------------------------- result object


@dataclass
class ClassData:
    """A class's work as tidy tables (pandas DataFrames), plus the validation report.

    Attributes: ``learners`` (one row per kept file), ``labels``, ``marks``, ``provenance``,
    ``claims``, ``checks`` (one row per learner x item, fields as columns), ``report`` (one row
    per problem: file, learner, level, activity, reason) and ``folder``. :meth:`tidy` gives the
    long form: one row per learner x item x field.
    """

    folder: Path
    learners: Any
    labels: Any
    marks: Any
    provenance: Any
    claims: Any
    checks: Any
    report: Any
    _tidy: Any = field(default=None, repr=False)

    def tables(self) -> dict:
        """The tables by name (used by :func:`medialit.analysis.export_csv`)."""
        return {"learners": self.learners, "labels": self.labels, "marks": self.marks,
                "provenance": self.provenance, "claims": self.claims, "checks": self.checks,
                "report": self.report}

    def tidy(self):
        """One row per learner x activity x item x field: columns ``learner, activity, kind,
        article, item, field, value`` (values as text)."""
        if self._tidy is None:
            import pandas as pd

            parts = []
            spec = [
                ("sentence_labels", self.labels, "sentence", ["label", "note", "confidence"]),
                ("phrase_marks", self.marks, "mark", ["start", "end", "text", "category", "note"]),
                ("provenance_checklist", self.provenance, "question", ["answer", "evidence"]),
                ("claim_ledger", self.claims, "row", ["sentence", "claim", "claimant", "evidence",
                                                      "confirm", "status", "confidence", "note"]),
                ("check", self.checks, "question", ["answer", "correct"]),
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

    def problems(self, level: str | None = None):
        """The report, optionally only one ``level`` (e.g. ``"file skipped"``)."""
        if level is None:
            return self.report
        return self.report[self.report["level"] == level].reset_index(drop=True)

    def __repr__(self) -> str:
        skipped = int((self.report["level"] == FILE_SKIPPED).sum()) if len(self.report) else 0
        return (f"ClassData({len(self.learners)} learners from {self.folder.name!r}, "
                f"{len(self.labels)} sentence labels, {skipped} files skipped)")


# ---------------------------------------------------------------- helpers


_STAMP = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z")


class _Skip(Exception):
    """A reason to skip the whole file (message in plain words)."""


def _parse_time(value: Any) -> _dt.datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        t = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=_dt.timezone.utc)
    return t


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


def _shorten(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class _Reader:
    """Validates one file's activities and appends rows to shared lists."""

    def __init__(self, rows: dict, report: list, limits: dict, course: dict):
        self.rows = rows
        self.report = report
        self.lim = limits
        self.course = course
        self.seen: dict = {}

    def problem(self, ctx, level, reason):
        """Record a problem; ``ctx`` is (file, learner, activity). After ``MAX_REPORT`` problems of
        one level in one activity (or ``MAX_REPORT`` skipped activities in one file) the rest are
        only counted, so one hostile file cannot flood the report."""
        file, learner, activity = ctx
        key = (file, activity if level != ACTIVITY_SKIPPED else None, level)
        n = self.seen.get(key, 0) + 1
        self.seen[key] = n
        if n <= MAX_REPORT:
            self.report.append((file, learner, level, activity, reason))

    def flush(self, file, learner, activity, level):
        """Add the "... and N more" row for the problems not listed one by one."""
        n = self.seen.pop((file, activity if level != ACTIVITY_SKIPPED else None, level), 0)
        if n > MAX_REPORT:
            what = {ITEM_SKIPPED: "items were skipped", NOTE: "notes",
                    ACTIVITY_SKIPPED: "activities were skipped"}[level]
            self.report.append((file, learner, level, activity if level != ACTIVITY_SKIPPED else "",
                                f"… and {n - MAX_REPORT} more {what} for the same kind of reason "
                                "(not listed one by one)."))

    def text(self, value, what, ctx, *, short=False, required=False):
        """Validated text or None (item skipped). Long free text is cut with a note."""
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            return None
        limit = self.lim["max_label"] if short else self.lim["max_text"]
        if len(value) > limit:
            if short:
                return None
            self.problem(ctx, NOTE, f"{what} is {len(value)} characters long; kept the first {limit}.")
            return value[:limit]
        return value

    # one method per kind; each returns a reason string if the whole activity is unusable
    def sentence_labels(self, ctx, learner, act_id, article, updated, data):
        labels = data.get("labels")
        if not isinstance(labels, dict):
            return "its 'labels' is not a mapping from sentence ids to labels"
        label_set = data.get("label_set", "")
        if not isinstance(label_set, str) or len(label_set) > self.lim["max_label"]:
            return "its 'label_set' is not a short text"
        sids = self.course[article][1]
        out = self.rows["labels"]
        for sid, rec in labels.items():
            if sid not in sids:
                self.problem(ctx, ITEM_SKIPPED,
                             f"sentence id {_shorten(str(sid), 20)!r} does not exist in {article}.")
                continue
            if isinstance(rec, str):  # tolerate the short form {"s004": "opinion"}
                rec = {"label": rec}
            if not isinstance(rec, dict):
                self.problem(ctx, ITEM_SKIPPED, f"the entry for {sid} is not a label record.")
                continue
            label = self.text(rec.get("label"), "label", ctx, short=True, required=True)
            if label is None:
                self.problem(ctx, ITEM_SKIPPED,
                             f"the label of {sid} is not text of at most {self.lim['max_label']} characters.")
                continue
            label = label.strip()
            if not label:
                continue  # a cleared label: the sentence is simply not labelled
            note = self.text(rec.get("note", ""), f"the note on {sid}", ctx)
            conf = rec.get("confidence", "")
            if note is None:
                note = ""
                self.problem(ctx, NOTE, f"the note on {sid} is not text; ignored it.")
            if conf not in CONFIDENCES:
                self.problem(ctx, NOTE, f"the confidence of {sid} is not low/medium/high; ignored it.")
                conf = ""
            out.append((learner, act_id, article, label_set, sid, label, note, conf, updated))
        return None

    def phrase_marks(self, ctx, learner, act_id, article, updated, data):
        marks = data.get("marks")
        if not isinstance(marks, list):
            return "its 'marks' is not a list"
        if len(marks) > self.lim["max_items"]:
            return f"it has {len(marks)} marks; the limit is {self.lim['max_items']}"
        n, _, text, _ = self.course[article]
        out = self.rows["marks"]
        for i, m in enumerate(marks):
            if not isinstance(m, dict):
                self.problem(ctx, ITEM_SKIPPED, f"mark {i + 1} is not a record.")
                continue
            s, e = m.get("start"), m.get("end")
            if not (type(s) is int and type(e) is int and 0 <= s < e <= n):
                self.problem(ctx, ITEM_SKIPPED,
                             f"mark {i + 1} has offsets {_shorten(repr(s), 12)}-{_shorten(repr(e), 12)} "
                             f"outside the article text (0-{n}).")
                continue
            cat = self.text(m.get("category", ""), "category", ctx, short=True)
            if cat is None:
                self.problem(ctx, ITEM_SKIPPED, f"mark {i + 1} has a category that is not short text.")
                continue
            note = self.text(m.get("note", ""), f"the note on mark {i + 1}", ctx) or ""
            # the marked text is taken from the article itself, not from the file
            out.append((learner, act_id, article, i + 1, s, e, text[s:e], cat, note, updated))
        return None

    def provenance_checklist(self, ctx, learner, act_id, article, updated, data):
        answers = data.get("answers")
        if not isinstance(answers, dict):
            return "its 'answers' is not a mapping from question ids to answers"
        out = self.rows["provenance"]
        for qid, rec in answers.items():
            if not isinstance(qid, str) or len(qid) > self.lim["max_label"] or not isinstance(rec, dict):
                self.problem(ctx, ITEM_SKIPPED, f"checklist entry {_shorten(str(qid), 20)!r} is malformed.")
                continue
            ans = self.text(rec.get("answer", ""), "answer", ctx, short=True)
            ev = self.text(rec.get("evidence", ""), f"the evidence for {qid}", ctx)
            if ans is None or ev is None:
                self.problem(ctx, ITEM_SKIPPED, f"the answer to {qid!r} is not text of the right length.")
                continue
            if not ans.strip() and not ev.strip():
                continue
            out.append((learner, act_id, article, qid, ans, ev, updated))
        return None

    def claim_ledger(self, ctx, learner, act_id, article, updated, data):
        rows = data.get("rows")
        if not isinstance(rows, list):
            return "its 'rows' is not a list"
        if len(rows) > self.lim["max_items"]:
            return f"it has {len(rows)} rows; the limit is {self.lim['max_items']}"
        sids = self.course[article][1]
        out = self.rows["claims"]
        for i, r in enumerate(rows):
            if not isinstance(r, dict):
                self.problem(ctx, ITEM_SKIPPED, f"claim row {i + 1} is not a record.")
                continue
            vals = {}
            bad = None
            for f_ in ("id", "sentence", "status", "confidence"):
                v = self.text(r.get(f_, ""), f_, ctx, short=True)
                if v is None:
                    bad = f"its {f_} is not short text"
                vals[f_] = v
            for f_ in ("claim", "claimant", "evidence", "confirm", "note"):
                v = self.text(r.get(f_, ""), f"the {f_} of claim row {i + 1}", ctx)
                if v is None:
                    bad = f"its {f_} is not text"
                vals[f_] = v
            if bad is None and vals["sentence"] and vals["sentence"] not in sids:
                bad = f"sentence id {vals['sentence']!r} does not exist in {article}"
            if bad is None and vals["status"] not in STATUSES:
                bad = f"status {vals['status']!r} is not one of {', '.join(s for s in STATUSES if s)}"
            if bad is None and vals["confidence"] not in CONFIDENCES:
                bad = f"confidence {vals['confidence']!r} is not low/medium/high"
            if bad:
                self.problem(ctx, ITEM_SKIPPED, f"claim row {i + 1}: {bad}.")
                continue
            out.append((learner, act_id, article, vals["id"] or str(i + 1), vals["sentence"],
                        vals["claim"], vals["claimant"], vals["evidence"], vals["confirm"],
                        vals["status"], vals["confidence"], vals["note"], updated))
        return None

    def check(self, ctx, learner, act_id, article, updated, data):
        if "answer" not in data:
            return "it has no 'answer'"
        answer = data["answer"]
        if _depth(answer, self.lim["max_depth"]) > self.lim["max_depth"]:
            return f"its answer is nested more than {self.lim['max_depth']} levels deep"
        correct = data.get("correct")
        if not (correct is None or isinstance(correct, bool)):
            return "its 'correct' is not true, false or null"
        qid = act_id.split(":", 1)[1] if act_id.startswith("check:") else act_id
        text = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False, sort_keys=True)
        if len(text) > self.lim["max_text"]:
            self.problem(ctx, NOTE, f"the answer is {len(text)} characters long; kept the first {self.lim['max_text']}.")
            text = text[: self.lim["max_text"]]
        self.rows["checks"].append((learner, act_id, qid, text, correct, updated))
        return None

    def activities(self, fname, learner, acts) -> None:
        for act_id, rec in acts.items():
            self._activity(fname, learner, act_id, rec)
            for level in (ITEM_SKIPPED, NOTE):
                self.flush(fname, learner, act_id if len(act_id) <= 200 else _shorten(act_id, 40), level)
        self.flush(fname, learner, None, ACTIVITY_SKIPPED)

    def _activity(self, fname, learner, act_id, rec) -> None:
        if len(act_id) > 200:
            self.problem((fname, learner, _shorten(act_id, 40)), ACTIVITY_SKIPPED,
                         "the activity id is too long.")
            return
        ctx = (fname, learner, act_id)

        def skip(reason):
            self.problem(ctx, ACTIVITY_SKIPPED, reason)

        if not isinstance(rec, dict):
            skip("the activity is not a record.")
            return
        kind = rec.get("kind")
        if kind not in KINDS:
            skip(f"unknown activity kind {_shorten(str(kind), 30)!r} (known: {', '.join(KINDS)}).")
            return
        article = rec.get("article")
        if kind != "check":
            if not isinstance(article, str) or article not in self.course:
                skip(f"unknown article id {_shorten(str(article), 40)!r} "
                     f"(known: {', '.join(sorted(self.course))}).")
                return
        data = rec.get("data")
        if not isinstance(data, dict):
            skip("its 'data' is not a record.")
            return
        updated = rec.get("updated")
        if not (isinstance(updated, str) and _STAMP.match(updated)):
            updated = _stamp(_utc(_parse_time(updated)))
        reason = getattr(self, kind)(ctx, learner, act_id, article, updated, data)
        if reason:
            skip(reason + ".")


# ---------------------------------------------------------------- files


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB" if n >= 1e3 else f"{n} bytes"


#: Characters that cannot be shown or saved as UTF-8 (lone surrogates) or that break CSV tools (NUL).
_BAD_CHARS = re.compile("[\ud800-\udfff\x00]")
# A lone surrogate or a NUL can only enter a parsed document through a \u escape (the raw text
# is valid UTF-8, and JSON forbids raw control characters in strings), so a document whose text
# has no such escape needs no cleaning (a literal "\\u0000" is a harmless false alarm).
_BAD_ESCAPE = re.compile(r"\\u(?:0000|[dD][89abcdefABCDEF][0-9a-fA-F]{2})")
#: Names Windows reserves for devices (with any extension): a learner id like this cannot be a file there.
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
MAX_DIGITS = 100        # digits in a JSON integer (Python refuses to read more than 4300 anyway)


def show_name(name: str) -> str:
    """A file name as it can be shown and saved safely: characters that are not printable (line
    breaks, bidirectional overrides, bytes that are not UTF-8...) are written as ``\\xNN`` /
    ``\\uNNNN`` escapes, so a name can neither break a table nor pretend to be another name."""
    if name.isprintable() and not _BAD_CHARS.search(name):
        return name
    out = []
    for ch in name:
        if ch.isprintable() and not _BAD_CHARS.match(ch):
            out.append(ch)
        elif "\udc80" <= ch <= "\udcff":  # a byte that is not UTF-8, as the file system gave it
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


def _read_file(entry_path: Path, root: Path, max_bytes: int) -> tuple[bytes, float]:
    """The bytes of one file and its modification time, or :class:`_Skip` with the reason.

    The file is opened without following a last-moment symbolic link and without blocking (a
    named pipe swapped in after the first check cannot hang the dashboard), and is checked again
    on the open file itself (``fstat``), so a file that changes while it is read cannot slip past.
    """
    path = entry_path
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    if entry_path.is_symlink():
        try:
            target = entry_path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise _Skip("it is a symbolic link to something that does not exist (or a loop of links).") from None
        if target == root:
            raise _Skip("it is a symbolic link to the folder itself; it was not followed.")
        if root not in target.parents:
            raise _Skip("it is a symbolic link pointing outside the folder; it was not followed.")
        path = target
    flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        st = os.stat(path, follow_symlinks=False)
        if not stat.S_ISREG(st.st_mode):
            if entry_path != path:
                raise _Skip("it is a symbolic link to something that is not a file.")
            raise _Skip("it is not a regular file (a pipe, device or socket).")
        if st.st_size > max_bytes:
            raise _Skip(f"it is {_size(st.st_size)}; the limit is {_size(max_bytes)}.")
        fd = os.open(path, flags)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise _Skip("it is not a regular file (a pipe, device or socket).")
            if st.st_size > max_bytes:
                raise _Skip(f"it is {_size(st.st_size)}; the limit is {_size(max_bytes)}.")
            chunks, got = [], 0
            while got <= max_bytes:
                try:
                    chunk = os.read(fd, min(1 << 20, max_bytes + 1 - got))
                except BlockingIOError:  # pragma: no cover - regular files do not block
                    break
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
            raw = b"".join(chunks)
        finally:
            os.close(fd)
    except PermissionError:
        raise _Skip("it cannot be read (no permission).") from None
    except OSError as exc:
        raise _Skip(f"it cannot be read ({exc.strerror or exc}).") from None
    if len(raw) > max_bytes:
        raise _Skip(f"it grew larger than the limit of {_size(max_bytes)} while it was being read.")
    if not raw.strip():
        raise _Skip("it is empty.")
    return raw, st.st_mtime


def _decode(raw: bytes, notes: list) -> str:
    """Bytes to text: UTF-8 (a byte-order mark is tolerated), or UTF-16/32 as Windows tools save it."""
    enc = json.detect_encoding(raw)
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        raise _Skip("it is not readable text (not UTF-8).") from None
    if enc == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf"):
        notes.append("it starts with a byte-order mark (BOM), as some editors add; read it anyway.")
    elif enc not in ("utf-8", "utf-8-sig"):
        notes.append(f"it is saved as {enc.upper().replace('-SIG', '')} text rather than UTF-8; read it anyway.")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise _Skip("it is empty.")
    return text


def _clean_strings(doc: Any) -> tuple[Any, int]:
    """Replace lone surrogates and NUL characters (only reachable through ``\\u`` escapes) in every
    key and string by U+FFFD; return the cleaned document and the number of strings changed."""
    changed = 0

    def fix(v):
        nonlocal changed
        if _BAD_CHARS.search(v):
            changed += 1
            return _BAD_CHARS.sub("\ufffd", v)
        return v

    if isinstance(doc, str):
        return fix(doc), changed
    stack = [doc]
    while stack:
        c = stack.pop()
        if isinstance(c, dict):
            items = list(c.items())
            if any(_BAD_CHARS.search(k) for k, _ in items):
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


_ENVELOPE = ("format", "schema_version", "learner", "activities", "exported")


def _parse(raw: bytes) -> tuple[dict, list]:
    """Parse and check the envelope of a submission; return ``(document, notes)`` or raise
    :class:`_Skip`. Only :func:`json.loads` is used (no pickle, no eval)."""
    notes: list = []
    text = _decode(raw, notes)
    repeated: list = []   # (the dict, key, same value?) for keys that appear twice in one record
    constants: list = []

    def pairs(items):
        d = {}
        for k, v in items:
            if k in d:
                repeated.append((d, k, d[k] == v and type(d[k]) is type(v)))
            d[k] = v
        return d

    def big_int(s):
        if len(s.lstrip("-")) > MAX_DIGITS:
            raise _Skip(f"it holds a number with {len(s.lstrip('-'))} digits, far too large to be "
                        "part of a submission.")
        return int(s)

    def constant(name):
        constants.append(name)
        return float(name)

    try:
        doc = json.loads(text, object_pairs_hook=pairs, parse_int=big_int, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise _Skip(f"it is not JSON (the reader stopped at line {exc.lineno}, column {exc.colno}: "
                    f"{exc.msg}).") from None
    except RecursionError:
        raise _Skip("its JSON is nested too deeply to be a submission.") from None
    except (ValueError, OverflowError, MemoryError) as exc:  # pragma: no cover - belt and braces
        raise _Skip(f"its JSON cannot be read ({_shorten(str(exc), 80)}).") from None
    if not isinstance(doc, dict):
        raise _Skip(f"it is JSON but not a submission (a {type(doc).__name__}, not a record).")
    for d, k, same in repeated:
        if d is doc and k in _ENVELOPE and not same:
            raise _Skip(f"it gives {k!r} twice with different values, so it is unclear which one to "
                        "trust.")
    if repeated:
        keys = sorted({_shorten(str(k), 30) for _, k, _ in repeated})
        notes.append(f"it repeats the key{'s' if len(keys) > 1 else ''} "
                     f"{', '.join(repr(k) for k in keys[:5])}{' …' if len(keys) > 5 else ''} inside one "
                     "record; the last value of each was used.")
    if constants:
        notes.append("it uses NaN or Infinity, which are not standard JSON; read them as numbers.")
    doc, n_bad = _clean_strings(doc) if _BAD_ESCAPE.search(text) else (doc, 0)
    if n_bad:
        notes.append(f"{n_bad} text value{'s' if n_bad > 1 else ''} held characters that cannot be "
                     "shown or saved (a lone surrogate or a NUL); they were replaced by \ufffd.")
    fmt = doc.get("format")
    if fmt is not None and fmt != store.SUBMISSION_FORMAT:
        raise _Skip(f"it is not a medialit submission (format {_shorten(str(fmt), 40)!r}).")
    version = doc.get("schema_version")
    if type(version) is int and version > store.SCHEMA_VERSION:
        raise _Skip(f"it was written by a newer version of medialit (schema version {version}; "
                    f"this one reads version {store.SCHEMA_VERSION}). Update the course to read it.")
    if type(version) is not int or version != store.SCHEMA_VERSION:
        raise _Skip(f"its schema version is {_shorten(repr(version), 20)}, not {store.SCHEMA_VERSION}.")
    learner = doc.get("learner")
    try:
        store.validate_learner_id(learner)
    except store.LearnerIdError as exc:
        raise _Skip(f"its learner id cannot be used: {exc}") from None
    if _WINDOWS_RESERVED.match(learner):
        notes.append(f"the learner id {learner!r} is a name Windows reserves for a device, so this "
                     "learner's answers file cannot be saved on Windows.")
    if not isinstance(doc.get("activities"), dict):
        raise _Skip("it has no 'activities' record.")
    return doc, notes


def _learner_key(learner: str) -> str:
    """Two ids that name the same answers file on Windows or macOS (letter case) are the same
    learner. (A trailing dot, which Windows drops, is refused by the store's id check.)"""
    return learner.casefold()


def _utc(t: _dt.datetime | None) -> _dt.datetime | None:
    if t is None:
        return None
    try:
        return t.astimezone(_dt.timezone.utc)
    except (OverflowError, ValueError):
        return None


def _stamp(t: _dt.datetime | None) -> str:
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}Z" if t else ""


def _links_to_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


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
) -> ClassData:
    """Read every submission file in ``folder`` and return a :class:`ClassData`.

    Only files whose names end in ``.json`` are read, directly inside ``folder`` or, with
    ``recursive=True``, also in its sub-folders (up to ``MAX_FOLDER_DEPTH`` levels, as an LMS
    download with one folder per learner has; links to folders are not followed). Hidden files,
    other files and (without ``recursive``) sub-folders get a note in the report; a file in a
    sub-folder is named by its path inside ``folder``. Nothing is written or changed.
    A file with a problem is skipped and reported; it never stops the other files from loading.
    See the module docstring for every check and limit.

    >>> cls = load_class("data/synthetic/class_30")      # doctest: +SKIP
    >>> cls.report                                       # doctest: +SKIP
    """
    import pandas as pd

    root = Path(folder).expanduser()
    if not root.is_dir():
        raise FileNotFoundError(f"There is no folder {str(root)!r}. Point load_class at the folder "
                                "that holds the learners' submission files.")
    root = root.resolve()
    limits = {"max_depth": max_depth, "max_label": max_label, "max_text": max_text,
              "max_items": max_items}
    report: list = []
    rows: dict = {k: [] for k in ("labels", "marks", "provenance", "claims", "checks")}
    reader = _Reader(rows, report, limits, course_articles())

    candidates = []  # (name inside the folder, DirEntry)
    ignored = 0
    listed = 0
    folders = collections.deque([(root, "", 0)])
    while folders and listed <= MAX_LISTED:
        here, prefix, level = folders.popleft()
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if here == root:
                raise PermissionError(f"The folder {str(root)!r} cannot be listed ({exc.strerror or exc}); "
                                      "check that you may read it.") from None
            ignored += 1
            if ignored <= MAX_REPORT:
                report.append((show_name(prefix.rstrip("/")), "", NOTE, "",
                               f"this sub-folder cannot be listed ({exc.strerror or exc}); its files were not read."))
            continue
        for e in entries:
            listed += 1
            if listed > MAX_LISTED:
                break
            rel = prefix + e.name
            name = show_name(rel)
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if e.name.startswith("."):
                why = "hidden file or folder; ignored."
            elif is_dir and recursive and not e.name.lower().endswith(".json"):
                if level + 1 <= MAX_FOLDER_DEPTH:
                    folders.append((Path(e.path), rel + "/", level + 1))
                    continue
                why = f"a sub-folder more than {MAX_FOLDER_DEPTH} levels deep; not read."
            elif is_dir:
                why = ("a folder whose name ends in .json, not a file; only files are read."
                       if e.name.lower().endswith(".json") else
                       "a sub-folder; only files directly in the folder are read "
                       "(load_class(folder, recursive=True) reads sub-folders too).")
            elif not e.name.lower().endswith(".json"):
                why = "not a .json file; ignored."
                if recursive and _links_to_folder(e):
                    why = "a link to a folder; links are not followed (only real sub-folders are read)."
            else:
                candidates.append((rel, e))
                continue
            ignored += 1
            if ignored <= MAX_REPORT:
                report.append((name, "", NOTE, "", why))
    if listed > MAX_LISTED:
        report.append(("", "", NOTE, "", f"the folder holds more than {MAX_LISTED} files and folders; "
                                         "only the first ones found were looked at."))
    candidates.sort(key=lambda c: c[0])
    if ignored > MAX_REPORT:
        report.append(("", "", NOTE, "", f"… and {ignored - MAX_REPORT} more files or folders that are not "
                                         ".json submissions were ignored (not listed one by one)."))
    if len(candidates) > max_files:
        for rel, e in candidates[max_files:]:
            report.append((show_name(rel), "", FILE_SKIPPED, "",
                           f"the folder has more than {max_files} .json files; only the first "
                           f"{max_files} (by name) were read."))
        candidates = candidates[:max_files]

    docs = []  # (learner key, exported datetime or None, mtime, shown name, doc, notes)
    direct = {rel for rel, e in candidates if not e.is_symlink()}
    now = _dt.datetime.now(_dt.timezone.utc)
    for rel, e in candidates:
        name = show_name(rel)
        if e.is_symlink():
            try:
                target = Path(e.path).resolve(strict=True)
            except (OSError, RuntimeError):
                target = None
            inside = target is not None and root in target.parents
            if inside and target.relative_to(root).as_posix() in direct and target.is_file():
                report.append((name, "", FILE_SKIPPED, "",
                               f"it is a symbolic link to {show_name(target.relative_to(root).as_posix())}, "
                               "which is read once already."))
                continue
        try:
            raw, mtime = _read_file(Path(e.path), root, max_bytes)
            doc, notes = _parse(raw)
        except _Skip as why:
            report.append((name, "", FILE_SKIPPED, "", str(why)))
            continue
        exported = None
        for field_ in ("exported", "updated"):
            value = doc.get(field_)
            t = _utc(_parse_time(value))
            if t is not None and t > now + _dt.timedelta(days=1):
                notes.append(f"its {field_} time {_shorten(value, 40)!r} is in the future, so it was not "
                             "trusted (the computer's clock may be wrong).")
                t = None
            if t is not None:
                exported = t
                break
        docs.append((_learner_key(doc["learner"]), exported, mtime, name, doc, notes))

    # duplicates: newest "exported" wins, then newest file, then the file name
    far_past = _dt.datetime(1, 1, 1, tzinfo=_dt.timezone.utc)
    docs.sort(key=lambda d: (d[0], d[1] or far_past, d[2], d[3]), reverse=True)
    kept: dict = {}
    for lkey, exported, mtime, name, doc, notes in docs:
        learner = doc["learner"]
        if lkey in kept:
            k_name, k_learner = kept[lkey]
            same = ("" if k_learner == learner else
                    f" ({learner!r} and {k_learner!r} differ only in letter case or a final dot, which "
                    "name the same file on Windows and macOS)")
            report.append((name, learner, FILE_SKIPPED, "",
                           f"duplicate: {k_name} is a newer submission by the same learner{same}, "
                           "so this older one was not used."))
            continue
        kept[lkey] = (name, learner)

    learners = []
    for lkey, exported, mtime, name, doc, notes in sorted(docs, key=lambda d: (d[4]["learner"], d[3])):
        if kept.get(lkey, ("",))[0] != name:
            continue
        learner = doc["learner"]
        for n in notes:
            report.append((name, learner, NOTE, "", n))
        if doc.get("format") is None:
            report.append((name, learner, NOTE, "",
                           "an answers file rather than an exported submission; read it anyway."))
        if not name.rsplit("/", 1)[-1].startswith(learner + "."):
            report.append((name, learner, NOTE, "",
                           f"the file name does not match the learner id inside ({learner!r})."))
        if exported is None:
            report.append((name, learner, NOTE, "", "it has no readable export time."))
        version = doc.get("medialit_version", "")
        learners.append((learner, name, _stamp(exported),
                         _shorten(version, 20) if isinstance(version, str) else "",
                         len(doc["activities"])))
        reader.activities(name, learner, doc["activities"])

    def frame(key, cols):
        return pd.DataFrame(rows[key], columns=cols)

    labels = frame("labels", LABEL_COLUMNS)
    checks = frame("checks", CHECK_COLUMNS)
    checks["correct"] = checks["correct"].astype(object)
    marks = frame("marks", MARK_COLUMNS).astype({"start": "int64", "end": "int64", "mark": "int64"})
    order = {FILE_SKIPPED: 0, ACTIVITY_SKIPPED: 1, ITEM_SKIPPED: 2, NOTE: 3}
    rep = pd.DataFrame(report, columns=REPORT_COLUMNS)
    if len(rep):
        rep = (rep.assign(_o=rep["level"].map(order)).sort_values(["_o", "file"], kind="stable")
               .drop(columns="_o").reset_index(drop=True))
    return ClassData(
        folder=root,
        learners=pd.DataFrame(learners, columns=LEARNER_COLUMNS),
        labels=labels,
        marks=marks,
        provenance=frame("provenance", PROVENANCE_COLUMNS),
        claims=frame("claims", CLAIM_COLUMNS),
        checks=checks,
        report=rep,
    )

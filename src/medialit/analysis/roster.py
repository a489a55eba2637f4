"""The dashboard's optional class list (roster): who should have handed in, and who is missing and why."""
from __future__ import annotations

import os
from pathlib import Path

from ..display import showable
from .loading import ClassData
from .report import FILE_SKIPPED

ROSTER_NAMES = ("roster.txt", "roster.csv")
MAX_ROSTER_BYTES = 1_000_000
MAX_ROSTER = 5000
MAX_ID = 200
MAX_LINE = 10_000  # characters in one line of a class list (a CSV row of an LMS export included)
HANDED_IN, MISSING, NOT_LISTED = "handed in", "missing", "not on the class list"


class RosterError(ValueError):
    """A class list that cannot be used (message in plain words)."""


def roster_path(folder: str | os.PathLike | None) -> Path | None:
    """The class list to use: ``MEDIALIT_ROSTER`` if set, else ``roster.txt`` or ``roster.csv`` in
    ``folder``, else None (no class list)."""
    named = os.environ.get("MEDIALIT_ROSTER", "").strip()
    if named:
        return Path(named).expanduser()
    if folder is None:
        return None
    for name in ROSTER_NAMES:
        p = Path(folder) / name
        if os.path.lexists(p):  # whatever it is: read_roster refuses a pipe, a folder or a link out
            return p
    return None


def parse_roster(text: str) -> list[str]:
    """Learner ids from a class list: one per line, or a CSV whose first row names a ``learner``
    or ``id`` column (else its first column is used). Empty lines and lines starting with ``#`` are
    skipped; each id appears once (ids differing only in letter case are the same learner). Lines
    that cannot name a learner are left out (:func:`parse_roster_lines` says which and why)."""
    return parse_roster_lines(text)[0]


def parse_roster_lines(text: str) -> tuple[list[str], list[str]]:
    """``(learner ids, problems)`` of a class list (see :func:`parse_roster`).

    A class list names one learner per line, always: each line is read on its own (as one CSV
    row: quotes may hold a comma, but never a line break), so a stray quote cannot join the
    following lines into one name. A line that is too long, whose quotes are not closed, or whose
    id is not a learner id (:func:`medialit.store.validate_learner_id`: 1 to 64 letters, digits
    and ``. _ @ + -``) is left out, with one plain-words problem naming the line."""
    import csv

    from ..store import LearnerIdError, validate_learner_id
    from ..text_utils import shorten

    rows, problems = [], []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(rows) >= MAX_ROSTER * 2:
            problems.append(f"it has more than {MAX_ROSTER * 2} lines; line {no} and the ones after it were not read")
            break
        if len(line) > MAX_LINE:
            problems.append(f"line {no} is {len(line)} characters long (one learner per line, at most {MAX_LINE})")
            continue
        try:
            fields = next(csv.reader([line], strict=True), [])
        except csv.Error:
            problems.append(f"line {no} ({shorten(line, 40)!r}) has a quote that is not closed")
            continue
        if fields and fields[0].strip() and not fields[0].lstrip().startswith("#"):
            rows.append((no, fields))
    col = 0
    if rows:
        head = [c.strip().casefold() for c in rows[0][1]]
        for name in ("learner", "learner id", "id"):
            if name in head:
                col, rows = head.index(name), rows[1:]
                break
    out, seen = [], set()
    for no, fields in rows:
        ident = fields[col].strip() if col < len(fields) else ""
        try:
            validate_learner_id(ident)
        except LearnerIdError:
            what = f"{shorten(ident, 40)!r}" if ident else "nothing"
            problems.append(f"line {no} names {what}, which cannot be a learner id (1 to 64 letters, digits "
                            "and . _ @ + -)")
            continue
        if ident.casefold() not in seen:
            seen.add(ident.casefold())
            out.append(ident)
    return out[:MAX_ROSTER], problems


def read_roster(path: str | os.PathLike, root: str | os.PathLike | None = None,
                problems: list | None = None) -> list[str]:
    """The learner ids of the class list at ``path``, read as safely as a submission (size limit,
    no pipes or devices, a link inside the class folder ``root`` only). :class:`RosterError` in
    plain words if it cannot be used. Lines left out (:func:`parse_roster_lines`) are added to
    ``problems``, if given, as plain words."""
    from .files import read_file, show_name
    from .report import Skip

    path = Path(path).expanduser()
    base = Path(root).expanduser().resolve() if root is not None else path.parent.resolve()
    shown = show_name(str(path))
    if not path.exists() and not path.is_symlink():
        raise RosterError(f"The class list {shown!r} does not exist; check MEDIALIT_ROSTER.")
    try:
        raw, _ = read_file(path, base, MAX_ROSTER_BYTES)
    except Skip as why:
        raise RosterError(f"The class list {shown!r} was not read: {why}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(f"The class list {shown!r} is not readable text (save it as UTF-8).") from None
    ids, bad = parse_roster_lines(showable(text))  # every csv error is caught there, line by line
    if problems is not None:
        problems.extend(bad)
    if not ids:
        raise RosterError(f"The class list {shown!r} names no learners (one learner id per line).")
    return ids


def _report_reasons(report) -> dict:
    """``{casefolded learner id or file stem: [reason, ...]}`` for every skipped file."""
    out: dict = {}
    if report.empty:
        return out
    for file, learner, reason in report.loc[report["level"] == FILE_SKIPPED, ["file", "learner", "reason"]].itertuples(index=False):
        first = str(file).split("/", 1)[0]
        names = {str(learner).casefold(), str(file).rsplit("/", 1)[-1].split(".", 1)[0].casefold(),
                 first.split(".", 1)[0].casefold()}
        for n in names - {""}:
            out.setdefault(n, []).append(f"{file}: {reason}")
    return out


def class_list(cls: ClassData, roster: list[str] | None):
    """One row per learner: ``learner, status, file, reason``. Status: "handed in", "missing"
    (on the class list, no readable file: the reason comes from the load report) or "not on the
    class list". Without a roster every learner who handed in is listed."""
    import pandas as pd

    handed = {str(lr).casefold(): (str(lr), str(f)) for lr, f in zip(cls.learners["learner"], cls.learners["file"], strict=True)}
    reasons = _report_reasons(cls.report)
    rows, listed = [], set()
    for ident in roster or []:
        key = ident.casefold()
        listed.add(key)
        if key in handed:
            rows.append((handed[key][0], HANDED_IN, handed[key][1], ""))
        else:
            why = reasons.get(key) or ["no submission file with this learner id was found in the folder."]
            rows.append((ident, MISSING, "", " · ".join(why[:5])))
    for key, (learner, file) in sorted(handed.items()):
        if key not in listed:
            rows.append((learner, NOT_LISTED if roster else HANDED_IN, file, ""))
    return pd.DataFrame(rows, columns=["learner", "status", "file", "reason"])


def describe_class_list(table) -> str:
    if table.empty:
        return "No learners yet."
    n = table["status"].value_counts()
    parts = [f"{n.get(HANDED_IN, 0)} handed in"]
    if n.get(MISSING, 0):
        parts.append(f"{n[MISSING]} missing")
    if n.get(NOT_LISTED, 0):
        parts.append(f"{n[NOT_LISTED]} not on the class list")
    return ", ".join(parts) + "."



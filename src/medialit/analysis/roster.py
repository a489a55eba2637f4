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
    skipped; each id appears once (ids differing only in letter case are the same learner)."""
    import csv

    rows = [r for r in csv.reader(text.splitlines()) if r and r[0].strip() and not r[0].lstrip().startswith("#")]
    col = 0
    if rows:
        head = [c.strip().casefold() for c in rows[0]]
        for name in ("learner", "learner id", "id"):
            if name in head:
                col, rows = head.index(name), rows[1:]
                break
    out, seen = [], set()
    for r in rows[: MAX_ROSTER * 2]:
        ident = r[col].strip() if col < len(r) else ""
        if ident and len(ident) <= MAX_ID and ident.casefold() not in seen:
            seen.add(ident.casefold())
            out.append(ident)
    return out[:MAX_ROSTER]


def read_roster(path: str | os.PathLike, root: str | os.PathLike | None = None) -> list[str]:
    """The learner ids of the class list at ``path``, read as safely as a submission (size limit,
    no pipes or devices, a link inside the class folder ``root`` only). :class:`RosterError` in
    plain words if it cannot be used."""
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
    ids = parse_roster(showable(text))
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



"""Write a class's tables as CSV files for a gradebook, inside one folder the instructor names.

Only fixed, checked file names (``<table name>.csv``, names of lower-case letters, digits and
``_``) are written, each directly inside ``folder`` (a path that would leave the folder is
refused). Files are written atomically (temporary file + rename); a symbolic link already sitting
at a target name is replaced by the file, never followed. Cells that a spreadsheet would run as a
formula (text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
``'`` so that opening a CSV of learners' text in a spreadsheet cannot run anything.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .. import store

_NAME = re.compile(r"^[a-z0-9][a-z0-9_]{0,40}$")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class ExportError(ValueError):
    """A table name or folder that cannot be used (message in plain words)."""


def _defuse(value):
    if isinstance(value, str) and value.startswith(_FORMULA):
        try:
            float(value)  # a plain negative number such as "-0.25" stays a number
            return value
        except ValueError:
            return "'" + value
    return value


def export_csv(tables, folder: str | os.PathLike) -> list[Path]:
    """Write each table to ``<folder>/<name>.csv`` and return the paths written.

    ``tables``: a :class:`~medialit.analysis.ClassData` (all its tables), or a mapping of
    ``name -> DataFrame`` (names: lower-case letters, digits and ``_``). ``folder`` is created
    if it does not exist; nothing is written anywhere else.
    """
    if hasattr(tables, "tables"):
        tables = tables.tables()
    if not isinstance(tables, dict) or not tables:
        raise ExportError("Give export_csv a ClassData or a non-empty mapping of name -> DataFrame.")
    for name, df in tables.items():
        if not hasattr(df, "to_csv") or not hasattr(df, "columns"):
            raise ExportError(f"The table {name!r} is not a pandas DataFrame.")
        if not isinstance(name, str) or not _NAME.match(name):
            raise ExportError(f"The table name {name!r} cannot be a file name: use lower-case letters, "
                              "digits and _ only (for example 'gradebook').")
    target = Path(folder).expanduser()
    target.mkdir(parents=True, exist_ok=True)
    target = target.resolve()
    written = []
    for name, df in tables.items():
        path = target / f"{name}.csv"
        if path.parent != target:  # cannot happen with the name check; kept as a second lock
            raise ExportError(f"{name!r} would be written outside {target}.")
        if path.is_dir():
            raise ExportError(f"{path} is a folder; remove it or choose another export folder.")
        out = df.copy()
        if out.index.name is not None or getattr(out.index, "nlevels", 1) > 1:
            out = out.reset_index()
        for col in out.columns:
            if out[col].dtype == object or str(out[col].dtype).startswith(("string", "str")):
                out[col] = out[col].map(_defuse)
        store.atomic_write_text(path, out.to_csv(index=False, lineterminator="\n"))
        written.append(path)
    return written

"""Write a class's tables as CSV files for a gradebook, inside one folder the instructor names.

Only fixed, checked file names (``<table name>.csv``, names of lower-case letters, digits and
``_``) are written, each directly inside ``folder`` (a path that would leave the folder is
refused). Files are written atomically (temporary file + rename); a symbolic link already sitting
at a target name is replaced by the file, never followed. Cells that a spreadsheet would run as a
formula (text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
``'`` so that opening a CSV of learners' text in a spreadsheet cannot run anything; this covers
column headers too (a counts table has learners' labels as headers) and cells of every type.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .. import store
from ..text_utils import BAD_CHARS as _UNSAVABLE

_NAME = re.compile(r"[a-z0-9][a-z0-9_]{0,40}")   # used with fullmatch: "$" would let "x\n" through
#: Names Windows keeps for devices: "con.csv" there is not a file.
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", re.IGNORECASE)
#: First characters that make a spreadsheet read a cell as a formula (OWASP's list, plus line
#: breaks and the full-width forms some spreadsheets also accept).
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class ExportError(ValueError):
    """A table name or folder that cannot be used (message in plain words)."""


def _defuse(value):
    if not isinstance(value, str):
        return value
    value = _UNSAVABLE.sub("\ufffd", value)  # lone surrogates cannot be written as UTF-8; NUL breaks readers
    # a lone carriage return is not quoted by the CSV writer (lines end in "\n"), and a spreadsheet
    # would start a new row there, so "x\r=cmd()" would become a formula cell: keep line breaks as "\n"
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.lstrip(" ").startswith(_FORMULA):
        if re.fullmatch(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?", value):
            return value  # a plain number such as "-0.25" stays a number
        return "'" + value
    return value


def _defuse_any(value):
    """Defuse text cells and also text inside other cells (tuples of labels, categories...)."""
    if isinstance(value, str):
        return _defuse(value)
    if isinstance(value, (tuple, list)):
        return _defuse(", ".join(str(v) for v in value))
    return value


def export_csv(tables, folder: str | os.PathLike) -> list[Path]:
    """Write each table to ``<folder>/<name>.csv`` and return the paths written.

    ``tables``: a :class:`~medialit.analysis.ClassData` (all its tables, plus ``free_answers``:
    every written answer in full with its word count and the key's points, see
    :func:`~medialit.analysis.free_answers`), or a mapping of ``name -> DataFrame`` (names:
    lower-case letters, digits and ``_``). ``folder`` is created if it does not exist; nothing is
    written anywhere else.
    """
    if hasattr(tables, "tables"):
        from .views import free_answers

        tables = {**tables.tables(), "free_answers": free_answers(tables)}
    if not isinstance(tables, dict) or not tables:
        raise ExportError("Give export_csv a ClassData or a non-empty mapping of name -> DataFrame.")
    for name, df in tables.items():
        if not hasattr(df, "to_csv") or not hasattr(df, "columns"):
            raise ExportError(f"The table {name!r} is not a pandas DataFrame.")
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise ExportError(f"The table name {name!r} cannot be a file name: use lower-case letters, "
                              "digits and _ only (for example 'gradebook').")
        if _RESERVED.fullmatch(name):
            raise ExportError(f"The table name {name!r} is a name Windows keeps for a device; choose "
                              "another (for example 'gradebook').")
    import pandas as pd

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
        if getattr(out.columns, "nlevels", 1) > 1:
            out.columns = [" ".join(str(c) for c in col) for col in out.columns]
        headers = [_defuse(str(c)) for c in out.columns]  # headers can be learners' labels
        out = out.set_axis(range(out.shape[1]), axis=1)
        for col in out.columns:
            if not (pd.api.types.is_numeric_dtype(out[col].dtype) or pd.api.types.is_bool_dtype(out[col].dtype)):
                out[col] = out[col].astype(object).map(_defuse_any)
        out.columns = headers
        store.atomic_write_text(path, out.to_csv(index=False, lineterminator="\n"))
        written.append(path)
    return written

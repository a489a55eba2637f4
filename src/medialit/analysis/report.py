"""The rows of :attr:`ClassData.report <medialit.analysis.ClassData>`: one per problem, capped so
that one hostile file or folder cannot flood the report."""
from __future__ import annotations

from typing import NamedTuple

from ..schema import ACTIVITY_SKIPPED, FILE_SKIPPED, ITEM_SKIPPED, LEVELS, NOTE  # noqa: F401 - re-exported

MAX_REPORT = 50  # report rows of one kind listed one by one (per activity, per file, ignored files)
COLUMNS = ["file", "learner", "level", "activity", "code", "reason"]


class Row(NamedTuple):
    file: str
    learner: str
    level: str
    activity: str
    code: str
    reason: str


class Skip(Exception):
    """A reason to skip the whole file: a stable ``code`` (see :data:`medialit.schema.CODES`)
    and a plain-words message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class CappedReport:
    """Report rows; after ``cap`` rows of one group the rest are only counted, and
    :meth:`flush` adds one "… and N more" row for them."""

    def __init__(self, cap: int = MAX_REPORT):
        self.cap = cap
        self.rows: list[Row] = []
        self._counts: dict = {}

    def add(self, *row, group=None) -> None:
        """Add ``Row(*row)``; with a ``group``, only the first ``cap`` rows of that group."""
        if group is not None:
            n = self._counts[group] = self._counts.get(group, 0) + 1
            if n > self.cap:
                return
        self.rows.append(Row(*row))

    @property
    def pending(self) -> bool:
        """True while some group has rows counted but not yet flushed."""
        return bool(self._counts)

    def flush(self, group, file: str, learner: str, level: str, activity: str, what: str) -> None:
        """The "… and N more ``what``" row for the rows of ``group`` not listed one by one."""
        n = self._counts.pop(group, 0)
        if n > self.cap:
            self.rows.append(Row(file, learner, level, activity, "more_not_listed",
                                 f"… and {n - self.cap} more {what} (not listed one by one)."))

    def frame(self):
        """The report as a DataFrame, most serious level first, then by file name."""
        import pandas as pd

        rep = pd.DataFrame(self.rows, columns=COLUMNS)
        if len(rep):
            order = {level: i for i, level in enumerate(LEVELS)}
            rep = (rep.assign(_o=rep["level"].map(order)).sort_values(["_o", "file"], kind="stable")
                   .drop(columns="_o").reset_index(drop=True))
        return rep

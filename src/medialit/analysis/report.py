"""The rows of :attr:`ClassData.report <medialit.analysis.ClassData>`: one per problem, capped so
that one hostile file or folder cannot flood the report."""
from __future__ import annotations

from typing import NamedTuple

from ..schema import ACTIVITY_SKIPPED, FILE_SKIPPED, ITEM_SKIPPED, LEVELS, NOTE  # noqa: F401 - re-exported

MAX_REPORT = 50  # report rows of one kind listed one by one (per activity, per file, ignored files)
#: Report rows about the activities of one file listed one by one, all kinds together (the
#: "… and N more" rows of its activities included); the rest are counted in one row.
MAX_FILE_REPORT = 4 * MAX_REPORT
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

    def __init__(self, cap: int = MAX_REPORT, outer_cap: int = MAX_FILE_REPORT):
        self.cap = cap
        self.outer_cap = outer_cap
        self.rows: list[Row] = []
        self._counts: dict = {}
        self._outer: dict = {}  # outer group -> [rows listed, problems hidden, most serious level hidden]

    def add(self, *row, group=None, outer=None) -> None:
        """Add ``Row(*row)``; with a ``group``, only the first ``cap`` rows of that group; with an
        ``outer`` group (one file), only the first ``outer_cap`` rows of all its groups together
        (see :meth:`flush_outer`)."""
        if group is not None:
            n = self._counts[group] = self._counts.get(group, 0) + 1
            if n > self.cap:
                return
        r = Row(*row)
        if outer is None or self._room(outer, 1, r.level):
            self.rows.append(r)

    def _room(self, outer, problems: int, level: str) -> bool:
        """True if ``outer`` may list one more row; else its ``problems`` are counted as hidden."""
        k = self._outer.get(outer)
        if k is None:
            k = self._outer[outer] = [0, 0, len(LEVELS)]
        if k[0] < self.outer_cap:
            k[0] += 1
            return True
        k[1] += problems
        k[2] = min(k[2], LEVELS.index(level) if level in LEVELS else len(LEVELS) - 1)
        return False

    @property
    def pending(self) -> bool:
        """True while some group has rows counted but not yet flushed."""
        return bool(self._counts)

    def flush(self, group, file: str, learner: str, level: str, activity: str, what: str, outer=None) -> None:
        """The "… and N more ``what``" row for the rows of ``group`` not listed one by one (itself
        one of the rows of ``outer``, if given)."""
        n = self._counts.pop(group, 0)
        if n > self.cap and (outer is None or self._room(outer, n - self.cap, level)):
            self.rows.append(Row(file, learner, level, activity, "more_not_listed",
                                 f"… and {n - self.cap} more {what} (not listed one by one)."))

    def flush_outer(self, outer, file: str, learner: str, what: str) -> None:
        """The "… and N more ``what``" row for the problems of ``outer`` not listed one by one
        (at the level of the most serious of them)."""
        k = self._outer.pop(outer, None)
        if k is not None and k[1]:
            self.rows.append(Row(file, learner, LEVELS[k[2]], "", "more_not_listed",
                                 f"… and {k[1]} more {what} (not listed one by one)."))

    def frame(self):
        """The report as a DataFrame, most serious level first, then by file name."""
        import pandas as pd

        rep = pd.DataFrame(self.rows, columns=COLUMNS)
        if len(rep):
            order = {level: i for i, level in enumerate(LEVELS)}
            rep = (rep.assign(_o=rep["level"].map(order)).sort_values(["_o", "file"], kind="stable")
                   .drop(columns="_o").reset_index(drop=True))
        return rep

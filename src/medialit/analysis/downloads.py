"""The dashboard's CSV files: download links built in the page (nothing written on the server) and
an explicit save to the export folder."""
from __future__ import annotations

import base64
import os
from pathlib import Path

from ..display import SafeHTML, esc
from .loading import ClassData

#: A table bigger than this as CSV gets no download link (the browser would hold it in the page);
#: the page says to use "Save CSV files to folder" instead.
MAX_DOWNLOAD_BYTES = 20_000_000
_LINK = ("display:inline-block;margin:0.2em 0.4em 0.2em 0;padding:0.35em 0.8em;border:1px solid #0072B2;"
         "border-radius:4px;color:#000;background:#fff;text-decoration:none")


def csv_text(df) -> str:
    """``df`` as the CSV text :func:`~medialit.analysis.export_csv` writes (same formula
    defusing: a cell a spreadsheet would run gets a leading ``'``)."""
    import pandas as pd

    from .export import _defuse, _defuse_any

    out = df.copy()
    if out.index.name is not None or getattr(out.index, "nlevels", 1) > 1:
        out = out.reset_index()
    if getattr(out.columns, "nlevels", 1) > 1:
        out.columns = [" ".join(str(c) for c in col) for col in out.columns]
    headers = [_defuse(str(c)) for c in out.columns]
    out = out.set_axis(range(out.shape[1]), axis=1)
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col].dtype) or pd.api.types.is_bool_dtype(out[col].dtype)):
            out[col] = out[col].astype(object).map(_defuse_any)
    out.columns = headers
    return out.to_csv(index=False, lineterminator="\n")


def _check_name(name: str) -> str:
    from .export import _NAME, _RESERVED, ExportError

    if not isinstance(name, str) or not _NAME.fullmatch(name) or _RESERVED.fullmatch(name):
        raise ExportError(f"The table name {name!r} cannot be a file name: use lower-case letters, digits and _.")
    return name


def download_link(name: str, df) -> str:
    """An HTML link that downloads ``df`` as ``<name>.csv`` from the page itself (a ``data:`` URI;
    nothing is written on the server)."""
    name = _check_name(name)
    data = csv_text(df).encode("utf-8")
    rows = f"{len(df)} row{'s' if len(df) != 1 else ''}"
    if len(data) > MAX_DOWNLOAD_BYTES:
        return (f"<span>{esc(name)}.csv ({rows}) is too large to download from the page; use "
                "“Save CSV files to folder” (make dashboard EXPORT=/folder).</span>")
    href = "data:text/csv;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")
    return (f"<a class='medialit-download' download='{esc(name)}.csv' href='{href}' style='{_LINK}'>"
            f"⬇ Download {esc(name)}.csv</a> <span>({rows})</span>")


def downloads_html(tables: dict) -> SafeHTML:
    """One download link per table, as a list."""
    items = "".join(f"<li>{download_link(name, df)}</li>" for name, df in tables.items())
    return SafeHTML(f"<ul class='medialit-downloads' style='list-style:none;padding-left:0'>{items}</ul>",
                    describe_downloads(tables))


def describe_downloads(tables: dict) -> str:
    """Plain text: the CSV files offered, with their row counts."""
    return "CSV files to download: " + ", ".join(
        f"{name}.csv ({len(df)} row{'s' if len(df) != 1 else ''})" for name, df in tables.items()) + "."


def export_target() -> Path | None:
    """The export folder the teacher named (``MEDIALIT_EXPORT``), or None: then the dashboard
    offers download links only and writes nothing."""
    named = os.environ.get("MEDIALIT_EXPORT", "").strip()
    return Path(named).expanduser() if named else None


def save_tables(tables: dict, folder: str | os.PathLike) -> tuple[bool, str]:
    """Write the tables as CSV files into ``folder`` (:func:`~medialit.analysis.export_csv`);
    ``(done, plain message)``, never an exception."""
    from ..store import StoreError
    from .export import ExportError, export_csv

    try:
        written = export_csv(tables, folder)
    except (ExportError, StoreError) as exc:
        return False, str(exc)
    except OSError as exc:
        return False, f"The CSV files could not be saved in {str(folder)!r} ({exc.strerror or exc})."
    return True, f"Saved {len(written)} CSV files in {written[0].parent}: " + ", ".join(p.name for p in written) + "."


def standard_tables(cls: ClassData, key: dict | None, roster_table=None) -> dict:
    """The tables offered for download: gradebook, free text, progress, agreement, disputed
    sentences, the validation report, the skills check before and after (``learning_learners``,
    ``learning_summary``), the class list when there is one and the learners' own articles
    (lesson 04) when their hand-ins carry any."""
    from .agreement import agreement_by_article, disputed_sentences
    from .views import free_text, gradebook, progress

    tables = {"gradebook": gradebook(cls, key), "free_text": free_text(cls),
              "progress": progress(cls).reset_index(), "agreement": agreement_by_article(cls),
              "disputed": disputed_sentences(cls, top=8, key=key if key else False), "report": cls.report}
    from .learning import learning_tables

    tables.update(learning_tables(cls))  # the skills check before and after: per learner, per skill
    if roster_table is not None and len(roster_table):
        tables["class_list"] = roster_table
    own = getattr(cls, "own_articles", None)
    if own is not None and len(own):  # the learners' own articles their hand-ins carry (not their texts)
        tables["own_articles"] = own
    return tables



"""Tables that display themselves in a notebook, with every cell escaped.

:func:`html_table` is the one table renderer of the course: the lessons (through
:func:`medialit.provenance.html_table`) and the instructor dashboard (through
:func:`medialit.analysis.html_table`) both use it. It returns a :class:`SafeHTML`, which Jupyter
shows as a table when it is the last line of a cell, so lessons never need ``display(HTML(...))``.
"""
from __future__ import annotations

import html
import re

_UNSHOWABLE = re.compile("[\ud800-\udfff\x00]")


def showable(text: str) -> str:
    """``text`` with lone surrogates and NUL replaced: they cannot be sent to the browser as UTF-8
    (the whole output would fail)."""
    return _UNSHOWABLE.sub("\ufffd", text)


class SafeHTML:
    """HTML that was built from escaped text; displays in Jupyter via ``_repr_html_``."""

    def __init__(self, markup: str, text: str = ""):
        self.markup = markup
        self.text = text

    def __repr__(self) -> str:  # plain-text view (no memory address, so outputs are stable)
        return self.text or "(HTML table)"

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


def _cells(series) -> list[str]:
    """The cells of one column as text: numbers formatted as pandas formats them in a table
    (a shared number of decimals), missing values as empty cells."""
    import pandas as pd

    if len(series) and pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        text = series.to_string(index=False, header=False, na_rep="")
        return [t.strip() for t in text.split("\n")] if text else [""] * len(series)
    return ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in series]


def _is_web_address(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def html_table(df, columns=None, *, link: tuple[str, str] | None = None, max_rows: int | None = None,
               caption: str | None = None) -> SafeHTML:
    """``df`` as a table with every cell, header and the caption escaped (text can hold
    ``<script>`` or ``onerror=`` payloads: they show as text and never run).

    ``columns`` picks and orders the columns (default: all). ``link=(label column, url column)``
    turns each label into a link to its row's URL (only http(s) addresses are linked; the URL
    column itself is not shown). ``max_rows`` shows only the first rows and says how many more
    there are. Text is left-aligned, numbers right-aligned.
    """
    import pandas as pd

    label_col, url_col = link if link else (None, None)
    cols = [c for c in (df.columns if columns is None else columns) if c != url_col]
    shown = df if max_rows is None else df.head(max_rows)
    urls = ([str(u) for u in shown[url_col].fillna("")] if url_col in shown.columns
            else [""] * len(shown))
    table = {}
    for c in cols:
        values = shown[c] if c in shown.columns else pd.Series([""] * len(shown), dtype=object)
        numeric = c in shown.columns and pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        table[c] = (_cells(values), "right" if numeric else "left")
    head = "".join(f"<th style='text-align:left'>{html.escape(str(c))}</th>" for c in cols)
    rows = []
    for i in range(len(shown)):
        cells = []
        for c in cols:
            texts, align = table[c]
            value = html.escape(texts[i])
            if c == label_col and _is_web_address(urls[i]):
                value = f'<a href="{html.escape(urls[i], quote=True)}" target="_blank" rel="noopener">{value}</a>'
            cells.append(f"<td style='text-align:{align}'>{value}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<p><strong>{html.escape(str(caption))}</strong></p>" if caption else ""
    more = f"<p>… {len(df) - len(shown)} more rows</p>" if len(df) > len(shown) else ""
    markup = f"{cap}<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"
    plain_cols = [c for c in cols if c in shown.columns]
    plain = (str(caption) + "\n" if caption else "") + shown[plain_cols].to_string(index=False, max_colwidth=60)
    return SafeHTML(showable(markup), showable(plain))

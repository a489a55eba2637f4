"""Tables that display themselves in a notebook, with every cell escaped.

:func:`html_table` is the one table renderer of the course: the lessons (through
:func:`medialit.provenance.html_table`) and the instructor dashboard (through
:func:`medialit.analysis.html_table`) both use it. It returns a :class:`SafeHTML`, which Jupyter
shows as a table when it is the last line of a cell, so lessons never need ``display(HTML(...))``.
"""
from __future__ import annotations

import html

from .text_utils import clean_text

def showable(text: str) -> str:
    """``text`` with lone surrogates and NUL replaced: they cannot be sent to the browser as UTF-8
    (the whole output would fail). The same cleaning as :func:`medialit.text_utils.clean_text`."""
    return clean_text(text)


def esc(value) -> str:
    """Any value as escaped HTML text (None is empty; characters a browser cannot take are replaced)."""
    return showable(html.escape("" if value is None else str(value), quote=True))


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
               caption: str | None = None, fold: str | None = None, missing: str = "",
               names: dict | None = None) -> SafeHTML:
    """``df`` as a table with every cell, header and the caption escaped (text can hold
    ``<script>`` or ``onerror=`` payloads: they show as text and never run).

    ``columns`` picks and orders the columns (default: all). ``link=(label column, url column)``
    turns each label into a link to its row's URL (only http(s) addresses are linked; the URL
    column itself is not shown). ``max_rows`` shows only the first rows and says how many more
    there are. Text is left-aligned and wraps between words (never cut), numbers right-aligned.
    Missing values show as ``missing`` (default: an empty cell), never as ``NaN``. ``names`` renames
    columns for the reader (``{"your_answer": "your answer"}``).

    ``fold="Show the 14 quotes"`` folds the table behind that one-line summary (an HTML
    ``<details>`` block: closed at first, opened with a click or with Enter/Space on the summary,
    so it is keyboard-usable without any script).
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
        texts = _cells(values)
        if missing:
            texts = [t or missing for t in texts]
        table[c] = (texts, "right" if numeric else "left")
    names = names or {}
    head = "".join(f"<th style='text-align:left'>{html.escape(str(names.get(c, c)))}</th>" for c in cols)
    rows = []
    for i in range(len(shown)):
        cells = []
        for c in cols:
            texts, align = table[c]
            value = html.escape(texts[i])
            if c == label_col and _is_web_address(urls[i]):
                value = f'<a href="{html.escape(urls[i], quote=True)}" target="_blank" rel="noopener">{value}</a>'
            cells.append(f"<td style='text-align:{align};vertical-align:top'>{value}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<p><strong>{html.escape(str(caption))}</strong></p>" if caption else ""
    more = f"<p>… {len(df) - len(shown)} more rows</p>" if len(df) > len(shown) else ""
    markup = f"{cap}<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"
    plain_cols = [c for c in cols if c in shown.columns]
    plain = (str(caption) + "\n" if caption else "") + shown[plain_cols].to_string(
        index=False, max_colwidth=60, na_rep=missing or "")
    if fold:
        markup = folded(fold, markup)
        plain = f"{fold} (folded)\n{plain}"
    return SafeHTML(showable(markup), showable(plain))


def folded(summary: str, markup: str) -> str:
    """``markup`` folded behind a one-line, escaped ``summary`` (``<details>``: closed at first,
    opened by a click or by Enter/Space on the focused summary)."""
    return ("<details class='medialit-fold'><summary style='cursor:pointer;font-weight:bold'>"
            f"{html.escape(str(summary))}</summary>{markup}</details>")


def plural(n, singular: str, plural_form: str | None = None) -> str:
    """``n`` with the right form of a noun: ``plural(1, "learner")`` -> "1 learner",
    ``plural(3, "learner")`` -> "3 learners", ``plural(2, "is", "are")`` -> "2 are".

    Counts are whole numbers: a float such as 2.0 is shown as "2"; a fractional count is refused
    (it would read as "0.5 learners")."""
    if isinstance(n, float):
        if not n.is_integer():
            raise ValueError(f"A count must be a whole number, not {n}.")
        n = int(n)
    n = int(n)
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{n} {word}"


def agree(n, singular_verb: str, plural_verb: str) -> str:
    """``n`` followed by the verb form that agrees with it: ``agree(1, "matches", "match")`` ->
    "1 matches", ``agree(2, "differs", "differ")`` -> "2 differ"."""
    return plural(n, singular_verb, plural_verb)


#: the name a keyboard or screen-reader user hears for a plain table's scrolling box
TABLE_BOX_LABEL = "Table (when it is wider than the page, scroll it with the arrow keys)"


def keyboard_scroll_box(markup: str, label: str = TABLE_BOX_LABEL) -> str:
    """``markup`` inside a box that scrolls sideways when it is too wide and that the keyboard can
    reach (``tabindex=0``, ``role=group``, named by ``label``, escaped): a table wider than the
    output area is then scrolled inside its own box, never in an output area Tab cannot reach.
    JupyterLab's notebook shortcuts leave the arrow keys to the focused box."""
    return (f"<div class='medialit-table-scroll' tabindex='0' role='group' aria-label='{esc(label)}' "
            "data-lm-suppress-shortcuts='true' style='overflow-x:auto;max-width:100%'>"  # arrows: JupyterLab's
            f"{markup}</div>")


def _dataframe_html(df):
    markup = df._repr_html_()  # pandas' own (escaped) table; None if pandas is told not to make one
    return None if markup is None else keyboard_scroll_box(markup)


def use_keyboard_scroll_boxes() -> bool:
    """In IPython (Jupyter, Voila), show every pandas DataFrame inside :func:`keyboard_scroll_box`.

    Called when this module is imported (every course table and widget imports it), so a wide
    DataFrame that a lesson shows as the last line of a cell can be scrolled with the keyboard.
    Does nothing outside IPython and imports nothing (a kernel has IPython loaded already; a
    plain ``import medialit`` stays light). Returns whether it is in use."""
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    html_formatter = shell.display_formatter.formatters["text/html"]
    for module in ("pandas", "pandas.core.frame"):  # DataFrame.__module__ is "pandas" from pandas 3 on
        html_formatter.for_type_by_name(module, "DataFrame", _dataframe_html)
    return True


use_keyboard_scroll_boxes()

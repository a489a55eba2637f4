"""Lesson 01 (source provenance): date checks, quote drift, republication chains, the scorecard.

Everything here is deterministic and works on plain data (strings, dicts, DataFrames), so the
lesson's analysis cells never depend on a widget being displayed. Learner text is always passed
through :func:`html.escape` before it is shown as HTML.

>>> weekday("2024-01-10")
'Wednesday'
>>> changed_words("I will go", "I would go")
[('would', 'will')]
"""
from __future__ import annotations

import datetime as _dt
import difflib
import html
import re
from typing import Any, Iterable, Mapping

from .display import SafeHTML, agree, plural
from .display import folded
from .display import html_table as _html_table

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Scorecard outcomes, in plotting order.
RESULTS = ("matches", "defensible", "differs", "not answered")
#: The reference key of the lesson's provenance checklists (in data/keys/).
REFERENCE_KEY = "01_provenance_reference"

_WEEKDAY_RE = re.compile(
    r"^\s*(?P<day>mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b[\s,.]*",
    re.IGNORECASE,
)
_AMBIGUOUS_RE = re.compile(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*$")


# ---------------------------------------------------------------- dates


def split_weekday(text: str) -> tuple[str | None, str]:
    """Split a leading weekday name off a written date.

    >>> split_weekday("Saturday January 10, 2024")
    ('Saturday', 'January 10, 2024')
    >>> split_weekday("2024-02-10")
    (None, '2024-02-10')
    """
    if not isinstance(text, str):
        raise TypeError(f"Give the date as text, for example '2024-02-10' (got {type(text).__name__}).")
    m = _WEEKDAY_RE.match(text)
    if not m:
        return None, text.strip()
    stem = m.group("day").lower()[:3]
    day = next(d for d in WEEKDAYS if d.lower().startswith(stem))
    return day, text[m.end():].strip()


def to_date(value: Any):
    """A pandas Timestamp for a written date ("10 February 2024", "2024-02-10", a ``date``...).

    A leading weekday name is ignored (use :func:`split_weekday` to keep it). Numeric dates such as
    "10/02/2024" are refused because they mean different days in different countries.
    """
    import pandas as pd

    if isinstance(value, (_dt.date, pd.Timestamp)):
        return pd.Timestamp(value)
    _, rest = split_weekday(value)
    if not rest:
        raise ValueError("The date is empty. Write it like '2024-02-10' or '10 February 2024'.")
    if _AMBIGUOUS_RE.match(rest):
        raise ValueError(
            f"'{rest}' is ambiguous (day/month or month/day?). Write it like '2024-02-10' or "
            "'10 February 2024'."
        )
    try:
        ts = pd.to_datetime(rest)
    except (ValueError, TypeError, OverflowError) as exc:
        raise ValueError(
            f"Could not read '{rest}' as a date. Write it like '2024-02-10' or '10 February 2024'."
        ) from exc
    if pd.isna(ts):
        raise ValueError(f"Could not read '{rest}' as a date. Write it like '2024-02-10'.")
    return ts


def weekday(value: Any) -> str:
    """The English weekday name of a date, computed with pandas.

    >>> weekday("10 February 2024")
    'Saturday'
    """
    return to_date(value).day_name()


def date_check(statements: Iterable[str | tuple[str, str]]):
    """Check the weekday that a text gives for a date.

    ``statements`` holds written dates as they appear in a text ("Saturday January 10, 2024") or
    ``(label, written date)`` pairs. Returns a DataFrame with the stated weekday, the weekday the
    date really fell on, and whether they agree (``None`` when the text names no weekday).
    """
    import pandas as pd

    rows = []
    for item in statements:
        label, text = item if isinstance(item, tuple) else (item, item)
        stated, _ = split_weekday(text)
        ts = to_date(text)
        actual = ts.day_name()
        rows.append({
            "label": label,
            "as_printed": text,
            "date": ts.date().isoformat(),
            "stated_weekday": stated or "",
            "actual_weekday": actual,
            "weekday_matches": None if stated is None else stated == actual,
        })
    return pd.DataFrame(rows, columns=["label", "as_printed", "date", "stated_weekday",
                                       "actual_weekday", "weekday_matches"])


# ---------------------------------------------------------------- quote drift

_NOTE_RE = re.compile(r"\s*\((?:only|close|said|fuller|Russian|Italian)[^)]*\)\s*$")
_ELLIPSIS = ("...", "…")
_EDGE_PUNCT = " .,;:!?\"“”"


def _key(token: str) -> str:
    """What a word is compared by: lower case, straight apostrophes, no punctuation."""
    return re.sub(r"[^\w']", "", token.lower().replace("’", "'"))


def clean_quote(text: str) -> str:
    """Drop the course's bracketed notes ("(only these words ... )") and edge ellipses from a quote."""
    text = _NOTE_RE.sub("", text or "").strip()
    text = re.sub(r"^(\.\.\.|…)\s*", "", text)
    text = re.sub(r"\s*(\.\.\.|…)$", "", text)
    return text.strip()


def _words(text: str) -> list[str]:
    return [t for t in text.split() if _key(t)]


#: Short function words: a match on one of these alone is not evidence that a phrase was moved.
_MINOR = frozenset("a an and are as at be by for from has have i in is it its of on or so that the their they "
                   "this to was we were will with would you your".split())


def _raw_opcodes(a: list[str], b: list[str]) -> list[list]:
    """difflib opcodes as ``[op, i1, i2, j1, j2]`` lists over word keys."""
    sm = difflib.SequenceMatcher(a=[_key(t) for t in a], b=[_key(t) for t in b], autojunk=False)
    return [list(o) for o in sm.get_opcodes()]


def _unanchor_lone_matches(ops: list[list], a: list[str], b: list[str]) -> list[list]:
    """An insertion, one matched word and a deletion (or the reverse) where the matched word is
    written differently on each side ("You" / "you.") is usually a false anchor between two
    sentences: count the word as added on one side and dropped on the other instead.

    "...they want. You got to pay. You..." against "...they want to you. You..." then reads
    "added: to you; dropped: You got to pay" rather than "added: to; dropped: got to pay"."""
    out = [list(o) for o in ops]
    k = 0
    while k + 2 < len(out):
        x, e, y = out[k], out[k + 1], out[k + 2]
        lone = e[0] == "equal" and e[2] - e[1] == 1 and a[e[1]] != b[e[3]]
        if lone and {x[0], y[0]} == {"insert", "delete"}:
            ins, dele = (x, y) if x[0] == "insert" else (y, x)
            if x[0] == "insert":      # insert P, match w, delete D  ->  insert P+w, delete w+D
                ins = ["insert", e[1], e[1], x[3], e[4]]
                dele = ["delete", e[1], y[2], e[4], e[4]]
                out[k:k + 3] = [ins, dele]
            else:                     # delete D, match w, insert P  ->  delete D+w, insert w+P
                dele = ["delete", x[1], e[2], x[3], x[3]]
                ins = ["insert", e[2], e[2], e[3], y[4]]
                out[k:k + 3] = [dele, ins]
        k += 1
    return out


def _segments(oa: list[str], ob: list[str]) -> list[tuple[int, int]]:
    """Split two word-key lists into consecutive segments that hold the same shared words.

    Returns the (length in a, length in b) of each segment. Shared words are those found on both
    sides; each segment ends as soon as both sides have used the same shared words, so
    "art 5 solidarity serve only" / "the solidarity of article 5 only serve" splits after
    "solidarity" / "5"."""
    from collections import Counter

    shared = set(oa) & set(ob)
    segs, i0, j0 = [], 0, 0
    while i0 < len(oa) or j0 < len(ob):
        found = None
        for i in range(i0 + 1, len(oa) + 1):
            ca = Counter(w for w in oa[i0:i] if w in shared)
            if not ca:
                continue
            for j in range(j0 + 1, len(ob) + 1):
                if Counter(w for w in ob[j0:j] if w in shared) == ca:
                    found = (i, j)
                    break
            if found:
                break
        if not found:
            segs.append((len(oa) - i0, len(ob) - j0))
            break
        i, j = found
        # a trailing run of unshared words on one side only belongs to the next segment
        segs.append((i - i0, j - j0))
        i0, j0 = i, j
    return segs


def _merge_moved_phrases(ops: list[list], a: list[str], b: list[str]) -> list[list]:
    """Join the opcodes around a content word that was dropped in one place and added in another
    (the same word moved), then split that stretch into phrase changes."""
    ka, kb = [_key(t) for t in a], [_key(t) for t in b]
    merged = _moved_word_windows(ops, ka, kb)
    if not merged:
        return ops
    out, n = [], 0
    for lo, hi in merged:
        # take in changes that touch the window directly
        while lo > 0 and ops[lo - 1][0] != "equal":
            lo -= 1
        while hi + 1 < len(ops) and ops[hi + 1][0] != "equal":
            hi += 1
        out.extend(ops[n:lo])
        out.extend(_phrase_ops(ka, kb, ops[lo][1], ops[hi][2], ops[lo][3], ops[hi][4]))
        n = hi + 1
    out.extend(ops[n:])
    return out


def _moved_word_windows(ops: list[list], ka: list[str], kb: list[str]) -> list[list[int]]:
    """Merged ranges of opcode numbers between which a content word moved (at most 4 apart)."""
    where_a, where_b = {}, {}
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op != "equal":
            for w in ka[i1:i2]:
                where_a.setdefault(w, n)
            for w in kb[j1:j2]:
                where_b.setdefault(w, n)
    windows = []
    for w in where_a.keys() & where_b.keys():
        lo, hi = sorted((where_a[w], where_b[w]))
        if w not in _MINOR and not w.isdigit() and hi - lo <= 4:
            windows.append([lo, hi])
    windows.sort()
    merged: list[list[int]] = []
    for lo, hi in windows:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return merged


def _phrase_ops(ka: list[str], kb: list[str], i1: int, i2: int, j1: int, j2: int) -> list[list]:
    """Opcodes for one stretch split into phrases: equal, insert, delete, reorder or replace."""
    out, i, j = [], i1, j1
    for la, lb in _segments(ka[i1:i2], kb[j1:j2]):
        sa, sb = ka[i:i + la], kb[j:j + lb]
        if sa == sb:
            op = "equal"
        elif not sa:
            op = "insert"
        elif not sb:
            op = "delete"
        else:
            shared = set(sa) & set(sb)
            moved = [w for w in sa if w in shared] != [w for w in sb if w in shared]
            op = "reorder" if moved else "replace"
        out.append([op, i, i + la, j, j + lb])
        i, j = i + la, j + lb
    return out


def _swap_moved_words(ops: list[list], a: list[str], b: list[str]) -> list[list]:
    """An addition and a dropping of the same words around a short unchanged run is one word moved:
    "serve only" / "only serve" becomes a single reordering."""
    ka, kb = [_key(t) for t in a], [_key(t) for t in b]
    out = [list(o) for o in ops]
    k = 0
    while k + 2 < len(out):
        x, e, y = out[k], out[k + 1], out[k + 2]
        if e[0] == "equal" and e[2] - e[1] <= 2 and {x[0], y[0]} == {"insert", "delete"}:
            ins, dele = (x, y) if x[0] == "insert" else (y, x)
            if kb[ins[3]:ins[4]] == ka[dele[1]:dele[2]]:
                out[k:k + 3] = [["reorder", x[1], y[2], x[3], y[4]]]
        k += 1
    return out


def word_diff(printed: str, original: str) -> list[tuple[str, str, str]]:
    """Word-level comparison of a quote as printed with its original wording.

    Returns ``(op, original_words, printed_words)`` triples in reading order. ``op`` is
    ``"equal"``, ``"replace"``, ``"reorder"`` (the same or similar words in a new order, e.g.
    "serve only" / "only serve"), ``"delete"`` (in the original, missing from the print),
    ``"insert"`` (added in the print) or ``"outside"`` (printed words before or after the part
    of the original that is on record, when the original starts or ends with "..."). Words are
    compared without case and punctuation; bare punctuation such as "[...]" is skipped. A long
    block replaced by a single word is split into that one-word swap plus the dropped rest.

    >>> [op for op in word_diff("the solidarity of Article 5 only serve", "Art 5 solidarity serve only")]
    [('reorder', 'Art 5 solidarity', 'the solidarity of Article 5'), ('reorder', 'serve only', 'only serve')]
    """
    orig = _NOTE_RE.sub("", original or "").strip()
    open_start, open_end = orig.startswith(_ELLIPSIS), orig.endswith(_ELLIPSIS)
    a, b = _words(clean_quote(orig)), _words(clean_quote(printed))
    ops = _raw_opcodes(a, b)
    ops = _unanchor_lone_matches(ops, a, b)
    ops = _merge_moved_phrases(ops, a, b)
    ops = _swap_moved_words(ops, a, b)
    out: list[tuple[str, str, str]] = []
    for op, i1, i2, j1, j2 in ops:
        o, p = a[i1:i2], b[j1:j2]
        if op == "replace" and min(len(o), len(p)) == 1 and max(len(o), len(p)) >= 3:
            out.append(("replace", o[0], p[0]))
            out.append(("delete", " ".join(o[1:]), "") if len(o) > 1 else ("insert", "", " ".join(p[1:])))
        else:
            out.append((op, " ".join(o), " ".join(p)))
    if open_start and out and out[0][0] == "insert":
        out[0] = ("outside", "", out[0][2])
    if open_end and out and out[-1][0] == "insert":
        out[-1] = ("outside", "", out[-1][2])
    return out


def changed_words(printed: str, original: str) -> list[tuple[str, str]]:
    """The ``(original, printed)`` pairs that differ; ``""`` on one side means added or dropped.

    >>> changed_words("appalling and insane", "appalling and unhinged")
    [('unhinged', 'insane')]
    """
    return [(o, p) for op, o, p in word_diff(printed, original) if op not in ("equal", "outside")]


def drift_summary(printed: str, original: str) -> str:
    """The changes as one line of text, e.g. ``would → will; dropped: the hell; added: to you``.

    >>> drift_summary("only serve", "serve only")
    'serve only → only serve (word order changed)'
    """
    parts = []
    for op, o, p in word_diff(printed, original):
        if op in ("equal", "outside"):
            continue
        o, p = o.strip(_EDGE_PUNCT), p.strip(_EDGE_PUNCT)
        if o.lower() != p.lower():
            text = f"added: {p}" if not o else f"dropped: {o}" if not p else f"{o} → {p}"
            parts.append(text + (" (word order changed)" if op == "reorder" else ""))
    return "; ".join(parts) if parts else "no change in wording"


def quote_drift(printed: str, original: str) -> str:
    """HTML showing how a quote drifted: original words struck through, printed words underlined.

    Colour is not the only signal: dropped words are struck through and marked "was:", added
    words are underlined, bold and marked "now:"; words outside the recorded original are in
    italics. All text is escaped.
    """
    pieces = []
    for op, o, p in word_diff(printed, original):
        if op == "equal":
            pieces.append(html.escape(p))
            continue
        if op == "outside":
            pieces.append(f'<i title="outside the part of the original on record">{html.escape(p)}</i>')
            continue
        moved = " (word order changed)" if op == "reorder" else ""
        if o:
            pieces.append('<del style="text-decoration:line-through;background:#fbe3d6" '
                          f'title="in the original{moved}">[was: {html.escape(o)}]</del>')
        if p:
            pieces.append('<ins style="text-decoration:underline;font-weight:bold;background:#d6eaf8" '
                          f'title="as printed{moved}">[now{moved}: {html.escape(p)}]</ins>')
    return " ".join(pieces)


def drift_table(quotes, ids: Iterable[str] | None = None) -> SafeHTML:
    """A table of quote drift for rows of the lesson's quote table (columns id, speaker,
    as_printed, original). Each row shows the marked-up diff and a plain-text list of changes.
    It displays itself in a notebook; all text is escaped."""
    df = quotes if ids is None else quotes[quotes["id"].isin(list(ids))]
    head = "<tr><th>id</th><th>speaker</th><th>printed vs original</th><th>changes (text)</th></tr>"
    body, plain = [], []
    for _, row in df.iterrows():
        changes = drift_summary(row["as_printed"], row["original"])
        body.append(
            "<tr>" + f"<td>{html.escape(str(row['id']))}</td>"
            f"<td>{html.escape(str(row['speaker']))}</td>"
            f"<td style='text-align:left'>{quote_drift(row['as_printed'], row['original'])}</td>"
            f"<td style='text-align:left'>{html.escape(changes)}</td>"
            "</tr>"
        )
        plain.append(f"{row['id']} ({row['speaker']}): {changes}")
    return SafeHTML("<table>" + head + "".join(body) + "</table>", "\n".join(plain))


# ---------------------------------------------------------------- tables


def html_table(df, columns: list[str], link: tuple[str, str] | None = ("source", "source_url"), *,
               fold: str | None = None, names: dict | None = None) -> SafeHTML:
    """Selected columns as a table that displays itself, with every cell escaped
    (:func:`medialit.display.html_table`).

    ``link=(label column, url column)`` turns the label into a link to the URL (only http(s)
    addresses are linked). The URL column itself is not shown separately. ``fold="Show the 14
    quotes"`` folds the table behind that one-line summary; ``names`` renames columns.
    """
    return _html_table(df, columns, link=link, fold=fold, names=names)


#: The columns that help a learner trace a quote: who spoke and where to look.
QUOTE_CLUES = ("id", "as_printed", "speaker", "source", "source_url", "checked_via")
#: The course's whole record of a quote: the clues plus its date, venue and what changed.
QUOTE_RECORD = ("id", "as_printed", "speaker", "date", "venue", "what_changed", "source", "source_url",
                "checked_via")


def quote_table(quotes, full_record: bool = False) -> SafeHTML:
    """Rows of the quote table as clues for tracing them (speaker and sources, linked), or with
    ``full_record=True`` the course's whole record (date, venue, what changed) for a learner who
    is offline or meets a dead link."""
    return html_table(quotes, list(QUOTE_RECORD if full_record else QUOTE_CLUES))


# ---------------------------------------------------------------- republication chains (medialit.chains)
from .chains import chain_text  # noqa: E402,F401 - re-exported: prov.chain_text(article)


# ---------------------------------------------------------------- the scorecard


def load_reference(name: str = REFERENCE_KEY) -> dict:
    """The reference answers of the provenance checklists: ``{article: {question: {...}}}``."""
    from .data import load_yaml

    doc = load_yaml(name, "keys")
    return doc["articles"]


def _answers_of(item: Any) -> dict:
    """The ``{question: {"answer", "evidence"}}`` mapping from a widget, its data, or a store record."""
    if item is None:
        return {}
    if hasattr(item, "data") and not isinstance(item, Mapping):
        item = item.data
    if not isinstance(item, Mapping):
        return {}
    if "data" in item and isinstance(item["data"], Mapping):
        item = item["data"]
    answers = item.get("answers", item)
    return answers if isinstance(answers, Mapping) else {}


def _norm_choice(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("’", "'").lower().split())


def scorecard(checklist_data: Mapping[str, Any], reference: Mapping[str, Any] | None = None):
    """Compare a learner's provenance checklists with the reference answers.

    ``checklist_data`` maps an article id to the learner's checklist: a ``ProvenanceChecklist``,
    its ``.data`` dict (``{"answers": {qid: {"answer", "evidence"}}}``), a store record, or
    ``None`` when the learner has not started (a widget asking fewer questions is compared on
    those only). ``reference`` defaults to the lesson's key.
    Returns one row per article and question with ``result`` in :data:`RESULTS`.
    """
    import pandas as pd

    reference = load_reference() if reference is None else reference
    if "articles" in reference and isinstance(reference["articles"], Mapping):
        reference = reference["articles"]
    rows = []
    for article, questions in reference.items():
        item = checklist_data.get(article) if checklist_data else None
        answers, asked = _answers_of(item), {q["id"] for q in getattr(item, "questions", None) or []}
        for qid, ref in ((q, r) for q, r in questions.items() if not asked or q in asked):  # a widget's questions only
            given = answers.get(qid) or {}
            if isinstance(given, str):
                given = {"answer": given}
            mine = given.get("answer", "") if isinstance(given, Mapping) else ""
            mine = mine if isinstance(mine, str) else ""
            accepted = [str(a) for a in ref.get("accept") or []]
            if not _norm_choice(mine):
                result = "not answered"
            elif _norm_choice(mine) == _norm_choice(str(ref["answer"])):
                result = "matches"
            elif _norm_choice(mine) in {_norm_choice(a) for a in accepted}:
                result = "defensible"
            else:
                result = "differs"
            rows.append({
                "article": article, "question": qid, "your_answer": mine.strip(),
                "reference": str(ref["answer"]), "also_defensible": ", ".join(accepted),
                "result": result, "reason": ref.get("reason", ""), "source": ref.get("source", ""),
                "your_evidence": str(given.get("evidence", "") if isinstance(given, Mapping) else ""),
            })
    return pd.DataFrame(rows, columns=["article", "question", "your_answer", "reference",
                                       "also_defensible", "result", "reason", "source",
                                       "your_evidence"])


def scorecard_counts(frame):
    """Counts of each result per article (articles as rows, :data:`RESULTS` as columns)."""
    import pandas as pd

    if frame.empty:
        return pd.DataFrame(columns=list(RESULTS))
    counts = pd.crosstab(frame["article"], frame["result"])
    counts = counts.reindex(columns=list(RESULTS), fill_value=0)
    return counts.reindex(list(dict.fromkeys(frame["article"])))


def plot_scorecard(frame, ax=None):
    """Horizontal stacked bars: for each article, how many answers match, are defensible, differ
    or are missing. Colour-blind-safe colours plus hatches and printed counts. Returns the figure."""
    import matplotlib.pyplot as plt

    from . import plots

    counts = scorecard_counts(frame)
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 1.2 + 0.8 * max(len(counts), 1)))
    else:
        fig = ax.figure
    left = [0] * len(counts)
    labels = list(counts.index)
    for i, result in enumerate(RESULTS):
        values = list(counts[result]) if len(counts) else []
        bars = ax.barh(labels, values, left=left, label=result, **plots.style(i))
        for bar, v in zip(bars, values, strict=False):
            if v:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, str(v),
                        ha="center", va="center", fontsize=10,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
        left = [a + b for a, b in zip(left, values, strict=False)]
    ax.invert_yaxis()
    ax.set_xlabel("checklist questions")
    ax.set_title("Your provenance checklists compared with the reference")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=len(RESULTS), frameon=False)
    fig.tight_layout()
    return fig


def scorecard_summary(frame) -> str:
    """One sentence describing the scorecard (for the text line under the plot)."""
    if frame.empty:
        return "There are no checklist questions to compare."
    total = len(frame)
    n = frame["result"].value_counts()
    answered = total - int(n.get("not answered", 0))
    if answered == 0:
        return (f"You have not answered any of the {total} checklist questions yet; "
                "the chart shows them all as 'not answered'.")
    parts = [agree(int(n.get("matches", 0)), "matches", "match"), f"{int(n.get('defensible', 0))} defensible",
             agree(int(n.get("differs", 0)), "differs", "differ")]
    per_article = []
    for article, grp in frame.groupby("article", sort=False):
        per_article.append(f"{article}: {int((grp['result'] == 'matches').sum())}/{len(grp)} match")
    return (f"You answered {answered} of {total} questions: " + ", ".join(parts)
            + f" ({'; '.join(per_article)}).")


#: Column headings of the scorecard table, in words.
SCORECARD_NAMES = {"question": "question", "your_answer": "your answer", "reference": "reference answer",
                   "result": "result", "reason": "reason"}


def scorecard_plot(checklists: Mapping[str, Any]) -> tuple:
    """The scorecard chart and its one-line summary for ``{article: checklist}``, as the pair
    ``ml.live`` shows (the plot, then "Plot summary: ..." under it)."""
    card = scorecard(checklists)
    return plot_scorecard(card), scorecard_summary(card)


def scorecard_tables(checklists: Mapping[str, Any]) -> SafeHTML:
    """The reference answers with their reasons in full, one folded table per article whose
    one-line summary says how many of your answers match (redrawn live with ``ml.live``)."""
    card = scorecard(checklists)
    blocks, plain = [], []
    for article, grp in card.groupby("article", sort=False):
        answered = int((grp["result"] != "not answered").sum())
        same = int((grp["result"] == "matches").sum())
        line = (f"{article}: {answered} of {plural(len(grp), 'question')} answered, "
                f"{agree(same, 'matches', 'match')} the reference (show the reference answers and reasons)")
        table = _html_table(grp, list(SCORECARD_NAMES), names=SCORECARD_NAMES)
        blocks.append(folded(line, table._repr_html_()))
        plain.append(line)
    return SafeHTML("".join(blocks), "\n".join(plain))

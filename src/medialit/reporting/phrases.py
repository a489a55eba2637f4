"""The phrase key (``data/keys/phrase_key.yaml``: propaganda techniques marked in seed 000, with
SemEval-2020 Task 11 category names) and a learner's phrase marks compared with it."""
from __future__ import annotations

from typing import Any, Mapping

from .. import data


def load_phrase_key(name: str = "phrase_key") -> dict:
    """The phrase key (``data/keys/phrase_key.yaml``) after checking its offsets against the text.

    Raises :class:`medialit.analysis.KeyFileError` (a :class:`~medialit.data.DataError`) when it
    has problems."""
    from ..analysis.key import KeyFileError

    key = data.load_yaml(name, "keys")
    problems = validate_phrase_key(key)
    if problems:
        raise KeyFileError("The phrase key has problems:\n- " + "\n- ".join(problems))
    return key


def validate_phrase_key(key: Any) -> list[str]:
    """Problems of a phrase key: offsets that do not match the article text, unknown categories."""
    if not isinstance(key, dict) or not isinstance(key.get("spans"), list):
        return ["The phrase key needs an 'article:' and a 'spans:' list."]
    try:
        art = data.load_article(key.get("article", ""))
    except data.DataError as exc:
        return [str(exc)]
    cats = key.get("categories") or {}
    problems = []
    for sp in key["spans"]:
        start, end, text = sp.get("start"), sp.get("end"), sp.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(art.text)):
            problems.append(f"{sp.get('id')}: offsets {start}-{end} are outside the text.")
            continue
        if art.text[start:end] != text:
            problems.append(f"{sp.get('id')}: the text at {start}-{end} is {art.text[start:end]!r}, not {text!r}.")
        sent = sp.get("sentence")
        if sent:
            try:
                s = art.sentence(sent)
                if not (s.start <= start and end <= s.end):
                    problems.append(f"{sp.get('id')}: the span is not inside sentence {sent}.")
            except data.DataError as exc:
                problems.append(str(exc))
        for cat in [sp.get("category"), *(sp.get("also") or [])]:
            if cat not in cats:
                problems.append(f"{sp.get('id')}: unknown category {cat!r}.")
    return problems


def phrase_categories(key: dict | None = None) -> dict[str, str]:
    """The phrase categories (SemEval-2020 Task 11 names) with our one-line definitions."""
    key = load_phrase_key() if key is None else key
    return dict(key["categories"])


def _result(span: Mapping[str, Any], cats: list[str]) -> str:
    """How the learner's categories ``cats`` (of the marks overlapping ``span``) compare with it."""
    if not cats:
        return "not marked"
    if span["category"] in cats:
        return "same category"
    if set(cats) & set(span.get("also") or []):
        return "defensible category"
    return "marked, other category"


def compare_marks(marks: Any, key: dict | None = None):
    """A learner's phrase marks against the phrase key, one row per key span and per extra mark.

    ``marks``: a PhraseMarker, its ``.data``, or a list of ``{start, end, category}``. A learner
    mark *matches* a key span when the two overlap. ``result``: "same category", "defensible
    category" (in the key's ``also``), "marked, other category", "not marked", or "not in our key"
    (a learner mark that overlaps no key span: worth discussing, not wrong by itself).
    """
    import pandas as pd

    key = load_phrase_key() if key is None else key
    raw = getattr(marks, "data", marks)
    if isinstance(raw, Mapping):
        raw = raw.get("marks", [])
    raw = [m for m in (raw or []) if isinstance(m, Mapping)]
    art = data.load_article(key["article"])
    rows, used = [], set()
    for sp in key["spans"]:
        overlapping = [i for i, m in enumerate(raw)
                       if int(m.get("start", -1)) < sp["end"] and int(m.get("end", -1)) > sp["start"]]
        cats = [str(raw[i].get("category", "")) for i in overlapping]
        used.update(overlapping)
        rows.append((sp["sentence"], sp["text"], sp["category"], ", ".join(cats), _result(sp, cats),
                     sp.get("basis", ""), sp.get("why", "")))
    for i, m in enumerate(raw):
        if i in used:
            continue
        s, e = int(m.get("start", 0)), int(m.get("end", 0))
        sid = next((x.id for x in art.sentences if x.start <= s < x.end), "")
        rows.append((sid, art.text[s:e], "", str(m.get("category", "")), "not in our key", "", ""))
    return pd.DataFrame(rows, columns=["sentence", "phrase", "key category", "your category", "result", "basis", "why"])


def describe_marks(table) -> str:
    """One sentence about a :func:`compare_marks` table (says so when nothing is marked yet)."""
    from ..display import agree, plural

    n_key = int((table["result"] != "not in our key").sum())
    counts = table["result"].value_counts()
    yours = int(len(table) - counts.get("not marked", 0))
    if yours == 0:
        return (f"You have not marked any phrase yet: the table shows our key only ({plural(n_key, 'phrase')}). "
                "Mark a phrase above and this feedback updates at once.")
    same, alt = int(counts.get("same category", 0)), int(counts.get("defensible category", 0))
    other, extra = int(counts.get("marked, other category", 0)), int(counts.get("not in our key", 0))
    text = (f"You marked {same + alt + other} of our key's {plural(n_key, 'phrase')}: "
            f"{agree(same, 'has', 'have')} the same category, {agree(alt, 'has', 'have')} a category the key "
            f"also accepts, {agree(other, 'has', 'have')} another category.")
    if extra:
        text += (f" {plural(extra, 'phrase')} you marked {'is' if extra == 1 else 'are'} not in our key: "
                 f"be ready to defend {'it' if extra == 1 else 'them'}.")
    return text


def marks_view(marker: Any, key: dict | None = None) -> list:
    """What lesson 02 shows under the phrase marker, redrawn live (``ml.live``): one sentence, the
    phrases you marked next to our key, and (folded) our whole phrase key with its reasons."""
    from ..display import html_table, plural

    table = compare_marks(marker, key)
    parts: list = [describe_marks(table)]
    mine = table[table["result"] != "not marked"]
    if len(mine):
        parts.append(html_table(mine, ["phrase", "your category", "key category", "result", "why"]))
    ours = table[table["result"] != "not in our key"]
    parts.append(html_table(ours, ["sentence", "phrase", "key category", "basis", "why"],
                            fold=f"Show our phrase key ({plural(len(ours), 'phrase')})"))
    return parts

"""The reference key for sentence labels (``data/keys/sentence_labels.yaml``): one checked loader.

Shape::

    label_set: reporting
    labels: {attributed report: "definition", ...}
    articles:
      southfront_2026:
        s002: {label: unattributed assertion, also: [opinion], why: "...", evidence: [ev-...]}

``label`` is the key's answer; ``also`` lists defensible alternatives that an "accepted" score
counts as correct. :func:`load_key` checks the file with :func:`validate_key` before returning it,
so lesson 02 (``ml.reporting``) and the class dashboard (``ml.analysis``) use the same checked key.
Every function that compares with the key takes the key as a ``dict`` argument; ``None`` means
"load the course's key file".
"""
from __future__ import annotations

from typing import Any, Iterable

from ..data import DataError

KEY_NAME = "sentence_labels"
KEY_FILE = KEY_NAME + ".yaml"


class KeyFileError(DataError, ValueError):
    """The key is missing or malformed (message in plain words). A :class:`~medialit.data.DataError`
    like every problem with a course data file (and a ValueError, as before)."""


def load_key(name: str = KEY_NAME) -> dict:
    """The sentence-label key (``data/keys/<name>.yaml``, read through the keys manifest) after
    checking that it is well formed.

    Raises :class:`KeyFileError` (a :class:`~medialit.data.DataError`) with a plain message if the
    file is not in the course, a label is unknown, an entry points to a sentence that does not
    exist, or a body sentence has no entry.
    """
    from .. import data

    for res in data.manifest("keys")["resources"]:
        if res.get("name") == name or res.get("path") == f"{name}.yaml":
            key = data.load_yaml(res["name"], "keys")
            break
    else:
        raise KeyFileError(f"The key data/keys/{name}.yaml is not in the course yet; pass a key as a dict.")
    problems = validate_key(key)
    if problems:
        raise KeyFileError("The key data/keys/%s.yaml has problems:\n- %s" % (name, "\n- ".join(problems)))
    return key


def validate_key(key: Any, articles: Iterable[str] | None = None) -> list[str]:
    """Every problem of a sentence-label key, as plain sentences (an empty list means it is fine).

    Checks: the label set, that each ``label``/``also`` is a known label, that every body sentence
    of each article has an entry, and that every entry points to an existing body sentence.
    """
    if not isinstance(key, dict) or not isinstance(key.get("articles"), dict):
        return ["The key needs an 'articles:' mapping."]
    problems: list[str] = []
    labels = key.get("labels")
    if not isinstance(labels, dict) or not labels:
        problems.append("The key needs a 'labels:' mapping of label -> definition.")
        labels = {}
    for aid in (list(articles) if articles is not None else list(key["articles"])):
        problems += _article_problems(aid, key["articles"].get(aid), labels)
    return problems


def _article_problems(aid: str, entries: Any, labels: dict) -> list[str]:
    """The problems of one article's key entries (see :func:`validate_key`)."""
    from .. import data

    if not isinstance(entries, dict):
        return [f"Article '{aid}' has no entries in the key."]
    try:
        body = [s.id for s in data.load_article(aid).body_sentences()]
    except DataError as exc:
        return [str(exc)]
    problems = [f"{aid} {sid} is a body sentence but has no key entry." for sid in body if sid not in entries]
    for sid, entry in entries.items():
        if sid not in body:
            problems.append(f"{aid} {sid} has a key entry but is not a body sentence of the article.")
        if not isinstance(entry, dict):
            problems.append(f"{aid} {sid}: the entry must be a mapping with label, also and why.")
            continue
        if entry.get("label") not in labels:
            problems.append(f"{aid} {sid}: unknown label {entry.get('label')!r}.")
        also = entry.get("also", [])
        if not isinstance(also, list):
            problems.append(f"{aid} {sid}: 'also' must be a list.")
            also = []
        for alt in also:
            if alt not in labels:
                problems.append(f"{aid} {sid}: unknown alternative label {alt!r}.")
            if alt == entry.get("label"):
                problems.append(f"{aid} {sid}: 'also' repeats the main label.")
        if not str(entry.get("why", "")).strip():
            problems.append(f"{aid} {sid}: the reason ('why') is empty.")
    return problems


def key_table(key: dict | None = None):
    """The key as a DataFrame: ``article, sentence, label, also`` (``also`` is a tuple of labels).

    Accepts ``{sentence: "label"}`` or ``{sentence: {"label", "also", "why"}}`` per article.
    """
    import pandas as pd

    if key is None:
        key = load_key()
    if not isinstance(key, dict) or not isinstance(key.get("articles"), dict):
        raise KeyFileError("A key must be a mapping with an 'articles' mapping (article -> sentence -> label).")
    rows = []
    for article, sentences in key["articles"].items():
        if not isinstance(sentences, dict):
            raise KeyFileError(f"The key's entry for {article!r} is not a mapping of sentence ids.")
        for sid, rec in sentences.items():
            if isinstance(rec, str):
                rec = {"label": rec}
            if not isinstance(rec, dict) or not isinstance(rec.get("label"), str):
                raise KeyFileError(f"The key's entry for {article} {sid} has no text 'label'.")
            also = rec.get("also") or []
            if isinstance(also, str):
                also = [also]
            rows.append((article, str(sid), rec["label"], tuple(str(a) for a in also)))
    return pd.DataFrame(rows, columns=["article", "sentence", "label", "also"])


def key_labels(key: dict | None = None) -> list[str]:
    """The label names of the key in their defined order (then any used but not defined)."""
    if key is None:
        key = load_key()
    names: list[str] = list((key.get("labels") or {}).keys()) if isinstance(key.get("labels"), dict) else []
    for lab in key_table(key)["label"]:
        if lab not in names:
            names.append(lab)
    return names

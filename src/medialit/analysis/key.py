"""The reference key for sentence labels (``data/keys/sentence_labels.yaml``).

Shape::

    label_set: reporting
    labels: {attributed report: "definition", ...}
    articles:
      southfront_2026:
        s002: {label: unattributed assertion, also: [opinion], why: "..."}

``label`` is the key's answer; ``also`` lists defensible alternatives that an "accepted" score
counts as correct. Every function that compares with the key takes the key as a ``dict`` argument;
``None`` means "load the course's key file".
"""
from __future__ import annotations

from ..data import DataError

KEY_FILE = "sentence_labels.yaml"


class KeyFileError(DataError, ValueError):
    """The key is missing or malformed (message in plain words). A :class:`~medialit.data.DataError`
    like every problem with a course data file (and a ValueError, as before)."""


def load_key() -> dict:
    """The course's sentence-label key, read through the keys manifest (so it is checked)."""
    from .. import data

    for res in data.manifest("keys")["resources"]:
        if res.get("path") == KEY_FILE:
            return data.load_yaml(res["name"], "keys")
    raise KeyFileError(f"The key data/keys/{KEY_FILE} is not in the course yet; pass a key as a dict.")


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


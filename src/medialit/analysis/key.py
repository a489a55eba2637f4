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
"load the course's key file"; a name or a path loads that key (:func:`resolve_key`).

A teacher's key for an article they added (``keys/<article id>.yaml`` in the teacher folder, made
by ``medialit make-exercise`` and checked by ``medialit check-key``, see :mod:`medialit.assign`) is
loaded by its name or its path; :func:`class_key` is the course's key plus every checked teacher
key, which the class dashboard compares with.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from ..data import DataError

KEY_NAME = "sentence_labels"
KEY_FILE = KEY_NAME + ".yaml"


class KeyFileError(DataError, ValueError):
    """The key is missing or malformed (message in plain words). A :class:`~medialit.data.DataError`
    like every problem with a course data file (and a ValueError, as before)."""


def _is_path(name: Any) -> bool:
    return isinstance(name, os.PathLike) or (isinstance(name, str) and (
        name.endswith((".yaml", ".yml")) or "/" in name or os.sep in name))


def _teacher_key(name: str) -> dict | None:
    """The sentence-label part of the checked teacher key ``name`` (None if there is none)."""
    from .. import assign

    key, _problems = assign.sentence_key([name])
    return key if key["articles"] else None


def _key_from_path(path: str | os.PathLike) -> dict:
    """A key file given by its path: a teacher key (checked with :func:`medialit.assign.check_key`)
    or any file of the sentence-label shape."""
    from .. import assign

    path = Path(path).expanduser()
    doc, problems = assign._read_key(path)
    if problems:
        raise KeyFileError(problems[0])
    if isinstance(doc, dict) and ("ledgers" in doc or "questions" in doc):  # a teacher key
        problems = assign.key_problems(doc, path.stem)
        if problems:
            raise KeyFileError(f"The key {path.name} has problems (run `medialit check-key {path}`):\n- "
                               + "\n- ".join(problems))
        doc = {k: doc[k] for k in ("label_set", "labels", "articles")}
        doc["articles"] = {a: {s: {k: v for k, v in e.items() if k != "text"} for s, e in entries.items()}
                           for a, entries in doc["articles"].items()}
    return doc


def load_key(name: str | os.PathLike = KEY_NAME) -> dict:
    """The sentence-label key after checking that it is well formed: ``data/keys/<name>.yaml``
    (read through the keys manifest), else the teacher's checked key ``<name>``
    (``keys/<name>.yaml`` in the teacher folder), or the key file at a path (``name`` ending in
    ``.yaml`` or containing a ``/``).

    Raises :class:`KeyFileError` (a :class:`~medialit.data.DataError`) with a plain message if the
    key is in neither place, a label is unknown, an entry points to a sentence that does not
    exist, or a body sentence has no entry.
    """
    from .. import data

    if _is_path(name):
        key, name = _key_from_path(name), Path(name).name
    else:
        for res in data.manifest("keys")["resources"]:
            if res.get("name") == name or res.get("path") == f"{name}.yaml":
                key = data.load_yaml(res["name"], "keys")
                break
        else:
            key = _teacher_key(str(name))
            if key is None:
                raise KeyFileError(f"The key {name!r} is not in the course yet (data/keys/), nor a teacher key that "
                                   "passed `medialit check-key`; pass a key as a dict, a name or a path.")
    problems = validate_key(key)
    if problems:
        raise KeyFileError("The key data/keys/%s.yaml has problems:\n- %s" % (name, "\n- ".join(problems)))
    return key


def resolve_key(key: Any) -> dict | None:
    """``key`` as a dict: a dict as it is, ``None`` as ``None`` (the caller's default), a name or a
    path through :func:`load_key`."""
    if isinstance(key, (str, os.PathLike)):
        return load_key(key)
    return key


def class_key(key: dict | None = None) -> tuple[dict, list[str]]:
    """``(key, problems)``: the course's key (or ``key``) plus the sentence labels of every teacher key
    that passed ``medialit check-key``; ``problems`` says in plain words which teacher keys are left
    out and why. The class dashboard compares with this key."""
    from .. import assign

    key = load_key() if key is None else key
    teacher, problems = assign.sentence_key()
    if not teacher["articles"]:
        return key, problems
    merged = dict(key, articles=dict(key.get("articles") or {}))
    for aid, entries in teacher["articles"].items():
        if aid in merged["articles"]:
            problems = problems + [f"A teacher key has entries for {aid}, which the course's key already has; "
                                   "the course's are used."]
            continue
        merged["articles"][aid] = entries
    return merged, problems


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

    key = load_key() if key is None else resolve_key(key)
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
    key = load_key() if key is None else resolve_key(key)
    names: list[str] = list((key.get("labels") or {}).keys()) if isinstance(key.get("labels"), dict) else []
    for lab in key_table(key)["label"]:
        if lab not in names:
            names.append(lab)
    return names

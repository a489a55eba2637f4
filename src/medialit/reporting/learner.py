"""A learner's sentence labels, read from a SentenceLabeller, its saved data or a plain dict."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .labels import EXERCISE_SENTENCES


def learner_labels(source: Any, sentences: Iterable[str] | None = None) -> dict[str, str]:
    """A learner's labels as ``{sentence id: label}`` (empty labels dropped).

    ``source`` may be a SentenceLabeller, its ``.data`` dict, a ``{sid: label}`` dict, a
    ``{sid: {"label": ...}}`` dict, or ``None``. ``sentences`` keeps only those ids.
    """
    if source is None:
        return {}
    raw = getattr(source, "data", source)
    if isinstance(raw, dict) and isinstance(raw.get("labels"), dict):
        raw = raw["labels"]
    if not isinstance(raw, Mapping):
        raise TypeError("Give the labeller, its .data, or a dict such as {'s004': 'opinion'}.")
    keep = set(sentences) if sentences is not None else None
    out: dict[str, str] = {}
    for sid, entry in raw.items():
        label = entry.get("label", "") if isinstance(entry, Mapping) else entry
        if isinstance(label, str) and label.strip() and (keep is None or sid in keep):
            out[str(sid)] = label.strip()
    return out


def exercise_answer(source: Any) -> dict[str, str] | None:
    """The learner's labels for the exercise passage, or ``None`` when none is labelled yet
    (so that ``ml.check`` says "not answered yet")."""
    labels = learner_labels(source, EXERCISE_SENTENCES)
    return labels or None

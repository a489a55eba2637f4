"""Small builders for submission files, shared by the analysis tests."""
from __future__ import annotations

import json
from pathlib import Path

ART = "southfront_2026"


def sub(learner="alice", exported="2026-03-06T10:00:00Z", activities=None, **extra):
    """A submission document as ``ml.export_submission()`` writes it; ``extra`` overrides fields."""
    doc = {"format": "medialit-submission", "schema_version": 1, "learner": learner,
           "exported": exported, "medialit_version": "0.1.0",
           "activities": activities if activities is not None else {}}
    doc.update(extra)
    return doc


def labels_act(labels, article=ART, updated="2026-03-06T10:00:00Z", label_set="reporting"):
    """A sentence-labels activity from ``{sentence id: label}``."""
    return {"kind": "sentence_labels", "article": article, "updated": updated,
            "data": {"label_set": label_set,
                     "labels": {s: {"label": lab, "note": "", "confidence": ""} for s, lab in labels.items()}}}


def write(folder: Path, name: str, doc) -> Path:
    """Write ``doc`` (bytes, text, or a JSON-able object) to ``folder/name``."""
    p = folder / name
    if isinstance(doc, bytes):
        p.write_bytes(doc)
    else:
        p.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return p

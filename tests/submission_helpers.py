"""Builders of submission files and report helpers, shared by the analysis and widget tests.

Records are built from the constants of :mod:`medialit.schema`, the contract the widgets write
and the dashboard reads.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from pathlib import Path

import medialit as ml
from medialit import schema, store

ART = "southfront_2026"


def sub(learner="alice", exported="2026-03-06T10:00:00Z", activities=None, **extra):
    """A submission document as ``ml.export_submission()`` writes it; ``extra`` overrides fields."""
    doc = {"format": store.SUBMISSION_FORMAT, "schema_version": store.SCHEMA_VERSION, "learner": learner,
           "exported": exported, "medialit_version": ml.__version__,
           "activities": activities if activities is not None else {}}
    doc.update(extra)
    return doc


def labels_act(labels, article=ART, updated="2026-03-06T10:00:00Z", label_set="reporting"):
    """A sentence-labels activity from ``{sentence id: label}``."""
    return {"kind": "sentence_labels", "article": article, "updated": updated,
            "data": {"label_set": label_set,
                     "labels": {s: dict(zip(schema.LABEL_FIELDS, (lab, "", ""), strict=False)) for s, lab in labels.items()}}}


def claim_row(**fields):
    """A claim-ledger row with every field of :data:`medialit.schema.CLAIM_FIELDS` ("" unless given)."""
    unknown = set(fields) - set(schema.CLAIM_FIELDS)
    assert not unknown, unknown
    return {f: fields.get(f, "") for f in schema.CLAIM_FIELDS}


def claims_act(rows, article=ART, updated="2026-03-06T10:00:00Z"):
    """A claim-ledger activity from a list of ``claim_row(...)`` dicts."""
    return {"kind": "claim_ledger", "article": article, "updated": updated, "data": {"rows": rows}}


def write(folder: Path, name: str, doc) -> Path:
    """Write ``doc`` (bytes, text, or a JSON-able object) to ``folder/name``."""
    p = folder / name
    if isinstance(doc, bytes):
        p.write_bytes(doc)
    else:
        p.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return p


def good_files(folder: Path) -> None:
    """Two valid learners who labelled the same sentences."""
    write(folder, "good1.submission.json",
          sub("good1", activities={f"labels:{ART}": labels_act({"s002": "opinion", "s003": "quotation"})}))
    write(folder, "good2.submission.json",
          sub("good2", activities={f"labels:{ART}": labels_act({"s002": "opinion", "s003": "prediction"})}))


def assert_good_loaded(cls, also=()):
    assert {"good1", "good2", *also} <= set(cls.learners["learner"])
    got = set(zip(cls.labels["learner"], cls.labels["sentence"], cls.labels["label"], strict=False))
    assert {("good1", "s002", "opinion"), ("good2", "s003", "prediction")} <= got


def snapshot(folder: Path) -> dict:
    """sha256 + mtime + mode of every entry (symlinks by their target text, pipes by mode only)."""
    out = {}
    for here, dirs, files in os.walk(folder, followlinks=False):
        for n in sorted(dirs + files):
            p = Path(here) / n
            key = p.relative_to(folder).as_posix()
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                out[key] = ("link", os.readlink(p), st.st_mtime_ns)
            elif stat.S_ISREG(st.st_mode):
                data = p.read_bytes() if st.st_mode & 0o444 else b""
                out[key] = ("file", hashlib.sha256(data).hexdigest(), st.st_mtime_ns, st.st_mode)
            else:
                out[key] = ("other", st.st_mode, st.st_mtime_ns)
    return out


def load(folder, **kw):
    """``ml.load_class(folder, **kw)``, checking that nothing in the folder changed."""
    before = snapshot(folder)
    cls = ml.load_class(folder, **kw)
    assert snapshot(folder) == before, "load_class modified the folder"
    return cls


def _rows(cls, file=None, level=None):
    r = cls.report
    if file is not None:
        r = r[r["file"] == file]
    if level is not None:
        r = r[r["level"] == level]
    return r


def codes(cls, file=None, level=None) -> list:
    """The report's ``code`` column (optionally for one file and/or level)."""
    return list(_rows(cls, file, level)["code"])


def more(cls, file, level) -> int:
    """N of the "… and N more" row (code ``more_not_listed``) of ``file`` at ``level`` (0 if none)."""
    r = _rows(cls, file, level)
    r = r[r["code"] == "more_not_listed"]
    return sum(int(re.search(r"(\d+) more", t).group(1)) for t in r["reason"])

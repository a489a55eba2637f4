"""The model report (a short report written for the course from CONFIRMED facts only) and the
check that links each of its sentences to a source row and to the evidence record."""
from __future__ import annotations

import re

from .. import data

MODEL_REPORT = "model_report_2024-02-10"

_QUOTE_RE = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d')


def report_sources():
    """The source table of the model report (one row per body sentence)."""
    return data.load_table("model_report_sources")


def quotations(text: str) -> list[str]:
    """The passages of ``text`` inside double quotation marks (straight or curly)."""
    return [a or b for a, b in _QUOTE_RE.findall(text)]


def check_report_sources(table=None) -> list[str]:
    """Problems linking the model report to its source table (default :func:`report_sources`) and
    the evidence record. An empty list means every body sentence has exactly one row with the same
    text, a URL, a publisher, evidence ids that exist and are CONFIRMED, status CONFIRMED, and every
    quotation in the sentence appears verbatim in an excerpt of the evidence the row cites."""
    from .. import evidence_record as er

    art = data.load_article(MODEL_REPORT)
    table = report_sources() if table is None else table
    known = er.records()
    problems = []
    by_id = {}
    for r in table.to_dict("records"):
        if r["sentence"] in by_id:
            problems.append(f"{r['sentence']} has two rows in the source table.")
        by_id[r["sentence"]] = r
    body = art.body_sentences()
    for s in body:
        r = by_id.get(s.id)
        if r is None:
            problems.append(f"{s.id} of the model report has no source row.")
        else:
            problems += _row_problems(s, r, known, er.normalise)
    for sid in set(by_id) - {s.id for s in body}:
        problems.append(f"The source table has a row for {sid}, which is not a body sentence of the report.")
    return problems


def _row_problems(s, r, known, normalise) -> list[str]:
    """The problems of the source row ``r`` of body sentence ``s`` (see :func:`check_report_sources`)."""
    problems = []
    if " ".join(r["text"].split()) != s.text:
        problems.append(f"{s.id}: the text in the source table differs from the report.")
    if not all(u.strip().startswith(("http://", "https://")) for u in r["source_url"].split(";")):
        problems.append(f"{s.id}: source_url must hold one or more URLs separated by ';'.")
    if r["status"] != "CONFIRMED":
        problems.append(f"{s.id}: status is {r['status']!r}; the model report uses CONFIRMED facts only.")
    ids = str(r.get("evidence") or "").split()
    if not ids or not str(r["publisher"]).strip():
        problems.append(f"{s.id}: evidence and publisher must be filled in.")
    missing = [i for i in ids if i not in known]
    if missing:
        return problems + [f"{s.id}: unknown evidence ids {', '.join(missing)}."]
    for i in ids:
        if known[i].status != "CONFIRMED":
            problems.append(f"{s.id}: evidence {i} is {known[i].status}, not CONFIRMED.")
    excerpts = [normalise(src.excerpt) for i in ids for src in known[i].sources]
    for quote in quotations(s.text):
        if not any(normalise(quote) in ex for ex in excerpts):
            problems.append(f"{s.id}: the quotation {quote!r} is in no excerpt of {' '.join(ids)}.")
    return problems

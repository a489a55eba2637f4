"""The course's evidence record: one record per fact the course states or relies on.

Every table, key and lesson cites record ids (``ev-…``) instead of an outside document, so any
reader can check a fact: ``ml.evidence("ev-p-rally-date")`` shows the claim, its status, and each
source with its link, date and a short verbatim excerpt.

The records live in ``data/evidence/*.yaml`` (listed with sha256 in that folder's manifest), as::

    records:
      - id: ev-p-rally-date            # "ev-" + lowercase words joined by "-"
        claim: Trump spoke at a rally in Conway, South Carolina, on Saturday 10 February 2024.
        status: CONFIRMED              # CONFIRMED / WRONG / UNCONFIRMED / OPINION
        detail: …                      # optional: what exactly the status covers
        related: [ev-…]                # optional: linked records (e.g. the other side's statement)
        sources:
          - publisher: Associated Press        # who published the words
            published: "2024-02-10"            # their date, or "not recorded"
            url: https://…                     # the page the excerpt was read on
            seen: copy                         # original or copy
            checked_via: syndicated copy at …  # required for a copy
            excerpt: "…"                       # short, verbatim
            checked: "2026-12-06"              # when it was checked

A status never goes beyond its excerpts. Where two parties to a conflict disagree, each statement
is its own record and the two are linked with ``related``.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from .data import DataError

STATUSES = ("CONFIRMED", "WRONG", "UNCONFIRMED", "OPINION")
SEEN = ("original", "copy")
#: How an evidence id looks, in text and in data files.
ID_PATTERN = re.compile(r"\bev-[a-z0-9]+(?:-[a-z0-9]+)*(?![\w…-])")
_ID_FULL = re.compile(r"ev-[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MAX_EXCERPT = 600
COLLECTION = "evidence"


@dataclass(frozen=True)
class Source:
    publisher: str
    published: str
    url: str
    seen: str
    excerpt: str
    checked: str
    checked_via: str = ""


@dataclass(frozen=True)
class Record:
    id: str
    claim: str
    status: str
    sources: tuple[Source, ...]
    detail: str = ""
    related: tuple[str, ...] = ()
    file: str = ""

    @property
    def status_text(self) -> str:
        return f"{self.status} ({self.detail})" if self.detail else self.status

    def text(self) -> str:
        """The record as plain text (also what ``repr`` shows)."""
        lines = [f"{self.id}: {self.claim}", f"  Status: {self.status_text}"]
        for i, s in enumerate(self.sources, 1):
            seen = "original" if s.seen == "original" else f"copy ({s.checked_via})"
            lines += [f"  Source {i}: {s.publisher}, {s.published} [{seen}]",
                      f"    {s.url}", f"    Excerpt: \"{s.excerpt}\"", f"    Checked: {s.checked}"]
        if self.related:
            lines.append("  Related records: " + ", ".join(self.related))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        return _records_html([self])


class Records(tuple):
    """Several records; shows as one block in a notebook."""

    def __repr__(self) -> str:
        return "\n\n".join(r.text() for r in self)

    def _repr_html_(self) -> str:
        return _records_html(list(self))


def _str(value) -> str:
    return "" if value is None else str(value).strip()


def _parse(raw: dict, file: str) -> Record:
    sources = tuple(
        Source(publisher=_str(s.get("publisher")), published=_str(s.get("published")),
               url=_str(s.get("url")), seen=_str(s.get("seen")), excerpt=_str(s.get("excerpt")),
               checked=_str(s.get("checked")), checked_via=_str(s.get("checked_via")))
        for s in (raw.get("sources") or []) if isinstance(s, dict)
    )
    related = raw.get("related") or []
    if isinstance(related, str):
        related = related.split()
    return Record(id=_str(raw.get("id")), claim=" ".join(_str(raw.get("claim")).split()),
                  status=_str(raw.get("status")), detail=" ".join(_str(raw.get("detail")).split()),
                  related=tuple(_str(r) for r in related), sources=sources, file=file)


def _raw_records() -> list[tuple[str, list]]:
    """(file name, list of raw records) for every listed evidence file."""
    from . import data

    out = []
    for res in data.manifest(COLLECTION)["resources"]:
        path = data.data_file(COLLECTION, res["name"])
        doc = data.read_yaml(path.read_text(encoding="utf-8")) or {}
        recs = doc.get("records") if isinstance(doc, dict) else None
        if not isinstance(recs, list):
            raise DataError(f"data/evidence/{res['path']} needs a top-level 'records:' list.")
        out.append((res["path"], recs))
    return out


_CACHE: dict = {}


def records() -> dict[str, Record]:
    """Every record, by id (read once per process; files are checked against the manifest)."""
    from . import data

    key = tuple((r["name"], r["sha256"]) for r in data.manifest(COLLECTION)["resources"])
    if _CACHE.get("key") != key:
        out: dict[str, Record] = {}
        for file, raws in _raw_records():
            for raw in raws:
                if isinstance(raw, dict):
                    rec = _parse(raw, file)
                    out.setdefault(rec.id, rec)
        _CACHE.update(key=key, records=out)
    return _CACHE["records"]


def get(record_id: str) -> Record:
    """One record; an unknown id raises :class:`DataError` naming the closest ids."""
    recs = records()
    rid = str(record_id).strip()
    if rid in recs:
        return recs[rid]
    close = difflib.get_close_matches(rid, list(recs), n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise DataError(f"There is no evidence record called '{rid}'.{hint}")


def evidence(ids):
    """Show one record (``evidence("ev-…")``) or several (a list, or ids separated by spaces)."""
    if isinstance(ids, str):
        parts = ids.split()
        if len(parts) == 1:
            return get(parts[0])
        ids = parts
    return Records(get(i) for i in ids)


def cited_ids(text: str) -> list[str]:
    """The evidence ids a text cites, in order, without repeats."""
    return list(dict.fromkeys(ID_PATTERN.findall(text or "")))


def frame(ids=None):
    """The records as a pandas table (one row per source)."""
    import pandas as pd

    recs = records()
    chosen = [recs[i] for i in ids] if ids is not None else list(recs.values())
    rows = [{"id": r.id, "claim": r.claim, "status": r.status_text, "publisher": s.publisher,
             "published": s.published, "url": s.url, "seen": s.seen, "checked_via": s.checked_via,
             "excerpt": s.excerpt, "checked": s.checked}
            for r in chosen for s in r.sources]
    return pd.DataFrame(rows)


# ------------------------------------------------------------------ checks


def problems() -> list[str]:
    """Everything wrong with the record, in plain words (empty when it is sound)."""
    out: list[str] = []
    first_file: dict[str, str] = {}
    parsed: list[Record] = []
    for file, raws in _raw_records():
        for n, raw in enumerate(raws, 1):
            if not isinstance(raw, dict):
                out.append(f"{file} record {n}: not a mapping")
                continue
            rec = _parse(raw, file)
            where = f"{file} {rec.id or f'record {n}'}"
            if rec.id in first_file:
                out.append(f"{where}: id also used in {first_file[rec.id]}")
            first_file.setdefault(rec.id, file)
            out += _record_problems(rec, where)
            parsed.append(rec)
    for rec in parsed:
        out += [f"{rec.file} {rec.id}: related id {r} does not exist" for r in rec.related if r not in first_file]
    return out


def _record_problems(rec: Record, where: str) -> list[str]:
    out = []
    if not _ID_FULL.fullmatch(rec.id):
        out.append(f"{where}: id must look like ev-some-words")
    if not rec.claim:
        out.append(f"{where}: no claim")
    if rec.status not in STATUSES:
        out.append(f"{where}: status {rec.status!r} is not one of {', '.join(STATUSES)}")
    if not rec.sources:
        out.append(f"{where}: no sources")
    for i, s in enumerate(rec.sources, 1):
        out += [f"{where} source {i}: {p}" for p in _source_problems(s)]
    return out


def _source_problems(s: Source) -> list[str]:
    checks = [
        (re.match(r"^https?://\S+$", s.url), "url must be a web address"),
        (s.excerpt, "no excerpt"),
        (len(s.excerpt) <= MAX_EXCERPT, f"excerpt longer than {MAX_EXCERPT} characters"),
        (s.publisher, "no publisher"),
        (s.published == "not recorded" or _DATE.fullmatch(s.published),
         "published must be YYYY[-MM[-DD]] or 'not recorded'"),
        (s.seen in SEEN, "seen must be 'original' or 'copy'"),
        (s.seen != "copy" or s.checked_via, "a copy needs checked_via (which copy was read)"),
        (_DATE.fullmatch(s.checked), "checked must be a date"),
    ]
    return [message for ok, message in checks if not ok]


def normalise(text: str) -> str:
    """Text for verbatim comparison: straight quotes and apostrophes, dashes, one space, no case."""
    text = (text or "").translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-",
                                                 "—": "-", "\u00a0": " ", "…": "..."}))
    return " ".join(text.split()).casefold()


def supports_verbatim(wording: str, ids) -> bool:
    """True when every part of ``wording`` (parts split by ``[...]`` or ``…``) appears verbatim in
    one excerpt of the given records."""
    recs = records()
    excerpts = [normalise(s.excerpt) for i in ids if i in recs for s in recs[i].sources]
    parts = [p.strip(" .,;:\"'") for p in re.split(r"\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…", normalise(wording))]
    parts = [p for p in parts if p]
    return bool(parts) and all(any(p in e for e in excerpts) for p in parts)


# ------------------------------------------------------------------ display


_STATUS_MARK = {"CONFIRMED": "✔", "WRONG": "✘", "UNCONFIRMED": "?", "OPINION": "❝"}


def _records_html(recs: list[Record]) -> str:
    e = html.escape
    blocks = []
    for r in recs:
        items = []
        for s in r.sources:
            seen = "original" if s.seen == "original" else f"copy: {e(s.checked_via)}"
            items.append(
                f"<li><b>{e(s.publisher)}</b>, {e(s.published)} ({seen})<br>"
                f"<a href=\"{e(s.url, quote=True)}\" target=\"_blank\" rel=\"noopener noreferrer\">{e(s.url)}</a><br>"
                f"<q>{e(s.excerpt)}</q><br><small>checked {e(s.checked)}</small></li>")
        related = (f"<div>Related records: {e(', '.join(r.related))}</div>" if r.related else "")
        blocks.append(
            f"<div style=\"border-left:4px solid #0072B2;padding:4px 10px;margin:8px 0;text-align:left\">"
            f"<div><code>{e(r.id)}</code></div><div><b>Claim:</b> {e(r.claim)}</div>"
            f"<div><b>Status:</b> {_STATUS_MARK.get(r.status, '')} {e(r.status_text)}</div>"
            f"<div><b>Sources:</b><ol style=\"margin:2px 0\">{''.join(items)}</ol></div>{related}</div>")
    return "".join(blocks)


def markdown() -> str:
    """The whole record as a Markdown page (written to ``docs/evidence.md`` by ``make build``)."""
    from . import data

    titles = {r["path"]: r.get("title", r["path"]) for r in data.manifest(COLLECTION)["resources"]}
    out = ["# The course's evidence record", "",
           "<!-- Generated from data/evidence/*.yaml by tools/build_notebooks.py; do not edit. -->", "",
           "Every fact the course states rests on one of these records. Each gives the claim, its",
           "status (CONFIRMED, WRONG, UNCONFIRMED or OPINION), and for each source the link, the",
           "publisher and date, whether we read the original or a copy, a short verbatim excerpt and",
           "the day we checked it. In a notebook, open one with `ml.evidence(\"ev-…\")`.", ""]
    by_file: dict[str, list[Record]] = {}
    for rec in records().values():
        by_file.setdefault(rec.file, []).append(rec)
    for file, recs in by_file.items():
        out += [f"## {titles.get(file, file)}", ""]
        for r in sorted(recs, key=lambda x: x.id):
            out += [f"### `{r.id}`", "", f"**Claim:** {_md(r.claim)}", "", f"**Status:** {_md(r.status_text)}", ""]
            for s in r.sources:
                seen = "original" if s.seen == "original" else f"copy ({_md(s.checked_via)})"
                out.append(f"- {_md(s.publisher)}, {_md(s.published)}, {seen}: <{s.url}>  ")
                out.append(f"  > {_md(s.excerpt)}  ")
                out.append(f"  checked {_md(s.checked)}")
            if r.related:
                out += ["", "Related: " + ", ".join(f"`{x}`" for x in r.related)]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    return re.sub(r"([\\`*_<>\[\]|])", r"\\\1", str(text))

"""The course's evidence record (data/evidence/): sound records, every citation resolvable, quotes
verbatim in their excerpts, no outside research notes cited, the course's own sentences."""
from __future__ import annotations

import csv
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import medialit as ml
from medialit import data, evidence_record as er

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import check_evidence  # noqa: E402
import check_overlap  # noqa: E402

NOTES = ROOT.parent / "shared" / "facts.md"
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


# ------------------------------------------------------------ the record itself


def test_the_record_is_sound():
    assert er.problems() == []


def test_the_record_covers_the_course():
    recs = er.records()
    assert len(recs) >= 60, "the course states far more facts than the record holds"
    assert {r.status for r in recs.values()} <= set(er.STATUSES)
    for r in recs.values():
        assert r.sources and all(s.url.startswith("http") and s.excerpt for s in r.sources), r.id


def test_every_cited_id_exists():
    assert check_evidence.unknown_citations() == []


def _rows(name):
    with open(data.data_file("tables", name), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


TABLES = ["quotes", "claims", "outlets", "checkers", "model_report_sources", "mt_artefacts",
          "article4_consultations"]


@pytest.mark.parametrize("name", TABLES)
def test_every_table_row_cites_the_record(name):
    rows = _rows(name)
    assert rows and "evidence" in rows[0], f"{name}.csv needs an 'evidence' column"
    assert not any("facts_section" in r for r in rows)
    known = er.records()
    for i, row in enumerate(rows, 2):
        ids = row["evidence"].split()
        assert ids, f"{name}.csv line {i} cites no evidence"
        assert all(x in known for x in ids), f"{name}.csv line {i}: unknown id in {ids}"


def test_every_original_wording_in_quotes_is_verbatim_in_its_evidence():
    for row in _rows("quotes"):
        original = row["original"].strip()
        if not original or original.startswith("("):
            continue
        # a bracketed note such as "(only these words ...)" is the course's, not the speaker's
        wording = re.sub(r"\s*\((?:only|not|no )[^)]*\)\s*$", "", original)
        assert er.supports_verbatim(wording, row["evidence"].split()), (
            f"{row['id']}: the original wording is not verbatim in the excerpts of {row['evidence']}")


def test_every_quote_in_the_model_report_is_verbatim_in_the_evidence_it_cites():
    art = ml.load_article("model_report_2024-02-10")
    cites = {r["sentence"]: r["evidence"].split() for r in _rows("model_report_sources")}
    checked = 0
    for s in art.sentences:
        for m in _QUOTED.finditer(s.text):
            quote = m.group(1) or m.group(2)
            if len(quote.split()) < 2:
                continue  # a single scare-quoted word is checked with its sentence's source
            assert s.id in cites, f"{s.id} quotes {quote!r} but has no row in model_report_sources.csv"
            assert er.supports_verbatim(quote, cites[s.id]), (
                f"{s.id}: {quote!r} is not verbatim in an excerpt of {cites[s.id]}")
            checked += 1
    assert checked >= 5


def test_docs_evidence_is_up_to_date():
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "build_evidence_doc.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


# ------------------------------------------------------------ no outside notes, own words

_NOTES_MENTION = re.compile(r"fact[- ]?sheet|facts\.md|facts? section|shared/", re.IGNORECASE)


def test_no_course_file_mentions_the_research_notes():
    hits = []
    for folder in ("content", "notebooks", "exercises", "solutions", "data", "docs", "src"):
        for p in (ROOT / folder).rglob("*"):
            if p.is_file() and p.suffix in {".py", ".ipynb", ".md", ".csv", ".yaml", ".txt", ".js"}:
                for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                    if _NOTES_MENTION.search(line):
                        hits.append(f"{p.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    assert hits == []


def test_no_course_sentence_repeats_twelve_words_of_the_research_notes():
    if not NOTES.is_file():
        pytest.skip("../shared/facts.md is not beside this checkout; the overlap check needs it")
    assert check_overlap.overlaps(NOTES.read_text(encoding="utf-8"), check_overlap.course_files()) == []


def test_overlap_check_finds_a_copied_sentence_but_not_a_quotation(tmp_path):
    notes = "The rally took place in a small town in the south of the country on a sunny Saturday afternoon."
    copied = tmp_path / "copied.md"
    copied.write_text("As we know, the rally took place in a small town in the south of the country on a sunny day.\n")
    quoted = tmp_path / "quoted.md"
    quoted.write_text('A witness said: "the rally took place in a small town in the south of the country on a sunny Saturday".\n')
    assert len(check_overlap.overlaps(notes, [copied])) == 1
    assert check_overlap.overlaps(notes, [quoted]) == []


# ------------------------------------------------------------ the module, on a record of our own


def _fake_course(tmp_path, body: str):
    (tmp_path / "data" / "articles").mkdir(parents=True)
    (tmp_path / "data" / "articles" / "datapackage.yaml").write_text("resources: []\n")
    ev = tmp_path / "data" / "evidence"
    ev.mkdir()
    (ev / "x.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    digest = data.sha256_of(ev / "x.yaml")
    (ev / "datapackage.yaml").write_text(
        f"resources:\n  - name: x\n    path: x.yaml\n    sha256: {digest}\n    title: test records\n")
    return tmp_path


GOOD = """\
records:
  - id: ev-x-rally
    claim: The rally was on <b>Saturday</b>.
    status: CONFIRMED
    related: [ev-x-other]
    sources:
      - publisher: Example News
        published: "2024-02-10"
        url: https://example.org/a?b=<script>
        seen: copy
        checked_via: a mirror
        excerpt: 'He said: "No, I would not protect you." at the rally'
        checked: "2026-12-06"
  - id: ev-x-other
    claim: Another.
    status: OPINION
    sources:
      - {publisher: P, published: not recorded, url: "https://example.org/b", seen: original, excerpt: "x", checked: "2026-12-06"}
"""


def test_records_open_by_id_and_escape_html(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_ROOT", str(_fake_course(tmp_path, GOOD)))
    assert er.problems() == []
    rec = ml.evidence("ev-x-rally")
    assert rec.status == "CONFIRMED" and rec.sources[0].checked_via == "a mirror"
    page = rec._repr_html_()
    assert "<b>Saturday</b>" not in page and "&lt;b&gt;Saturday" in page and "<script>" not in page
    both = ml.evidence(["ev-x-rally", "ev-x-other"])
    assert [r.id for r in both] == ["ev-x-rally", "ev-x-other"]
    assert "ev-x-other" in repr(both)
    with pytest.raises(data.DataError, match="ev-x-rally"):
        ml.evidence("ev-x-raly")
    assert er.supports_verbatim("No, I would not protect you.", ["ev-x-rally"])
    assert er.supports_verbatim("He said: [...] at the rally", ["ev-x-rally"])
    assert not er.supports_verbatim("No, I will not protect you.", ["ev-x-rally"])
    assert not er.supports_verbatim("No, I would not protect you.", ["ev-x-other"])
    assert "ev-x-rally" in er.markdown() and "\\<b\\>" in er.markdown()


@pytest.mark.parametrize("broken, complaint", [
    ("status: CONFIRMED", "status: MAYBE"),
    ("seen: copy", "seen: mirror"),
    ("checked_via: a mirror", "checked_via: ''"),
    ("url: https://example.org/a?b=<script>", "url: example.org"),
    ("excerpt: 'He said", "excerpt: ''\n        note: 'He said"),
    ("related: [ev-x-other]", "related: [ev-x-gone]"),
    ("id: ev-x-other", "id: ev-x-rally"),
    ("published: \"2024-02-10\"", "published: 10/02/2024"),
])
def test_problems_name_each_broken_field(tmp_path, monkeypatch, broken, complaint):
    monkeypatch.setenv("MEDIALIT_ROOT", str(_fake_course(tmp_path, GOOD.replace(broken, complaint, 1))))
    assert len(er.problems()) >= 1

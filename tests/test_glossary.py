"""The course glossary: ml.glossary() and docs/glossary.md come from one table."""
from __future__ import annotations

from pathlib import Path

import medialit as ml
from medialit import terms

ROOT = Path(__file__).resolve().parents[1]


def test_glossary_has_the_terms_the_issue_asks_for():
    names = {e.term for e in terms.entries()}
    assert 12 <= len(names) <= 20
    for t in ("provenance", "attribution", "hedge", "lateral reading", "primary source", "republication",
              "machine translation", "opinion", "loaded word", "claim", "evidence", "party to a conflict",
              "open-source investigation", "unconfirmed"):
        assert t in names
    for e in terms.entries():
        assert 1 <= e.definition.count(".") + e.definition.count("?") <= 3, e.term  # one or two sentences


def test_lookup_by_term_form_and_suggestions():
    assert ml.glossary("Hedge").term == "hedge"
    assert ml.glossary("OSINT").term == "open-source investigation"
    assert ml.glossary("open source investigation").term == "open-source investigation"
    assert ml.glossary("claims").term == "claim"
    miss = ml.glossary("provenence")
    assert isinstance(miss, terms.NotFound) and "provenance" in miss.suggestions
    assert "no entry" in str(ml.glossary("zzzz")) and ml.glossary("zzzz").suggestions == ()
    assert "<script>" not in terms.NotFound("<script>", ())._repr_html_()


def test_table_shows_every_term():
    html = ml.glossary()._repr_html_()
    assert all(e.term in html for e in terms.entries())


def test_docs_page_is_in_sync_with_the_table():
    page = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert page == terms.markdown(), "docs/glossary.md is out of date: run python -m medialit.terms"

"""ml.Lookup: an evidence record or a glossary term, looked up without code (Voila)."""
from __future__ import annotations

import medialit as ml
from medialit.widgets.lookup import EMPTY, lookup_html


def test_a_record_id_shows_the_record_with_its_sources():
    box = ml.Lookup()
    assert box.result.value == "" and "ev-" in box.box.placeholder
    assert EMPTY in lookup_html("   ")
    shown = box.show("ev-b-sf-lyman")
    record = ml.evidence("ev-b-sf-lyman")
    assert "UNCONFIRMED" in shown and record.sources[0].url in shown
    assert box.box.value == "ev-b-sf-lyman" and box.result.value == shown


def test_several_ids_and_capitals_are_accepted():
    shown = lookup_html("  EV-B-SF-LYMAN   ev-b-lyman-ua-genstaff ")
    assert "ev-b-sf-lyman" in shown and "ev-b-lyman-ua-genstaff" in shown


def test_an_unknown_id_or_term_gets_a_plain_sentence_with_the_closest_ones():
    assert "There is no evidence record called" in lookup_html("ev-b-sf-lymn") and "ev-b-sf-lyman" in lookup_html(
        "ev-b-sf-lymn")
    assert "hedge" in lookup_html("hedg").lower()
    assert "too long" in lookup_html("x" * 500)


def test_a_glossary_term_shows_its_definition():
    shown = lookup_html("Hedges")
    assert "<strong>hedge</strong>" in shown


def test_typed_text_is_escaped():
    shown = lookup_html("<img src=x onerror=alert(1)>")
    assert "<img" not in shown and "&lt;img" in shown
    shown = lookup_html("ev-<script>")
    assert "<script>" not in shown


def test_enter_in_the_box_shows_the_result():
    box = ml.Lookup()
    box.box.value = "hedge"  # what Enter does (continuous_update is off)
    assert "<strong>hedge</strong>" in box.result.value
    assert "hedge" in ml.Lookup("hedge").result.value  # a value given at the start is shown at once

"""Lesson 03's answers in fields: the claim anatomy and the checkers questions (ml.FieldsAnswer)."""
from __future__ import annotations

import pytest

from medialit import claims, feedback, store
from medialit.widgets.claim_anatomy import FieldsAnswer, field_feedback

MODEL = {"who": "Russian forces", "what": "a breakthrough through defensive lines",
         "where": "the Gulyaipole (Huliaipole) front", "when": "5 March 2026",
         "how_big": "not stated", "according_to": "nobody named"}


def test_model_anatomy_matches_the_key(home):
    fb = feedback.check("03-anatomy-huliaipole", MODEL, strict=True)
    assert fb.status == "correct" and len(fb.details) == 6


def test_each_field_gets_its_own_feedback(home):
    answer = dict(MODEL, how_big="major strategic", according_to="SouthFront", when="yesterday")
    fb = feedback.check("03-anatomy-huliaipole", answer, strict=False)
    assert fb.status == "partly" and fb.message.startswith("3 of 6")
    text = "\n".join(fb.details)
    assert "judgement, not a size" in text              # the hint for "major"
    assert "names no source" not in text or "SouthFront publishes" in text
    assert "the key says: 5 March (2026)" in text        # no hint: the key's answer and reason


def test_keywords_match_whole_words_only():
    spec = {"accept": ["no"], "why": "w", "answer": "nobody"}
    assert claims.field_verdict(spec, "no source")[0] is True
    assert claims.field_verdict(spec, "nonetheless a source")[0] is False
    assert claims.field_verdict(spec, "")[0] is None
    assert claims.field_verdict({"accept": ["dismantl*"]}, "Dismantling lines")[0] is True


def test_choice_fields_and_unanswered(home):
    fb = feedback.check("03-checkers-falls-short", {"isw": "us_view", "ua_staff": "party", "ru_mod": "moment"},
                        strict=False)
    assert fb.status == "partly" and fb.message.startswith("2 of 5")
    assert any("not answered yet" in d for d in fb.details)
    assert any("the key says: a side in the war" in d for d in fb.details)  # the key's option, in words
    assert feedback.check("03-checkers-good-for", {}).status == "unanswered"
    assert claims.evaluate_fields({"fields": {}}, "text")[0] == "wrong"


def test_widget_saves_without_showing_a_verdict_and_restores(home):
    box = FieldsAnswer("03-anatomy-huliaipole")
    box.set_value({"who": "Russian forces", "how_big": "major"})
    saved = store.get_activity("check:03-anatomy-huliaipole")
    assert saved["data"]["answer"] == {"who": "Russian forces", "how_big": "major"}
    assert "✔" not in box.feedback_html.value and "✘" not in box.feedback_html.value
    assert box.data == {"answer": {"who": "Russian forces", "how_big": "major"}}
    again = FieldsAnswer("03-anatomy-huliaipole")
    assert again.inputs["who"].value == "Russian forces" and again.inputs["what"].value == ""
    shown = field_feedback(again)[0].text
    assert "1 of 6" in shown and "judgement, not a size" in shown
    assert again.activity_cost() == ("6 x answer field", 3.0)


def test_widget_refuses_other_questions_and_fields(home):
    with pytest.raises(ValueError, match="fields"):
        FieldsAnswer("03-ex1-status-reserves")
    box = FieldsAnswer("03-checkers-good-for")
    with pytest.raises(ValueError, match="No field"):
        box.set_value({"nato": "counts"})


def test_anatomy_key_behind_a_reveal(home):
    from medialit.widgets.reveal import KeyReveal

    box = FieldsAnswer("03-anatomy-huliaipole")
    box.set_value(MODEL)
    key = KeyReveal("03-anatomy-key", lambda: claims.anatomy_key(box), activities=[box])
    assert not key.revealed and "Russian forces" not in key.text
    assert key.reveal()
    assert "6 of 6" in key.text
    record = store.get_activity("check:03-anatomy-huliaipole")
    assert record["first"]["answer"] == MODEL


def test_choice_field_accepts_its_also_options(home):
    spec = {"answer": "counts", "also": ["claims"], "why": "w", "choices": {}}
    assert claims.field_verdict(spec, "claims")[0] is True
    assert claims.field_verdict(spec, "presence")[0] is False
    fb = feedback.check("03-checkers-good-for", {"ua_staff": "claims", "ru_mod": "counts"}, strict=False)
    assert fb.message.startswith("1 of 5")               # ua_staff: "claims" is accepted; ru_mod is not

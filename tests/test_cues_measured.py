"""Issue 17: general rules instead of case-article phrases, the audit's misleading hits, and the
measured rates shown to learners (generated from the benchmark's record, never typed by hand).

The example sentences are invented for these tests (none comes from an evaluation set).
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

import medialit as ml
from medialit import cues
from medialit.cues import measured

ROOT = Path(__file__).resolve().parents[1]


def rules(hits):
    return {h.rule for h in hits}


def texts(hits):
    return [h.text for h in hits]


# ------------------------------------------------------------------ the audit's misleading hits


def test_agentless_passive_is_not_attribution():
    assert cues.attribution("An exit which has been heavily criticized raises questions.") == []
    assert cues.attribution("The decision was widely condemned across Europe.") == []
    # with an agent, or with the person addressed as subject, someone is named or spoke
    assert "criticized" in texts(cues.attribution("The plan was criticized by the mayor."))
    assert cues.attribution("She was told that the building was unsafe.")
    # an instruction ("told to leave", QA round 9) passes on no information: no attribution
    assert cues.attribution("She was told to leave the building.") == []


def test_descriptive_hypothetical_is_not_a_hedge():
    assert "hypothetical" not in [t.lower() for t in texts(cues.hedges("He described a hypothetical meeting with an ally."))]
    assert "Hypothetically" in texts(cues.hedges("Hypothetically, the plan could work."))


def test_reported_conditional_is_not_a_forecast():
    s = "The treaty provides that if a member is attacked, each ally will come to its aid."
    assert "opinion.prediction" not in rules(cues.rhetoric(s))
    assert "opinion.prediction" not in rules(cues.opinion(s))
    assert "opinion.prediction" not in rules(cues.rhetoric("She said that if prices rise, voters will punish the party."))
    assert "opinion.prediction" in rules(cues.rhetoric("If prices rise, voters will punish the government."))


def test_mixed_straight_and_curly_quotes_pair_up():
    s = '"Nothing will change,\u201d the minister said in a statement.'
    assert cues.quote_spans(s) == [(0, s.index("\u201d") + 1)]
    said = [h for h in cues.attribution(s) if h.text == "said"]
    assert said and not said[0].in_quote
    s2 = '\u201cWe stay," he said. The latter remains sure that \u201cthis is the way."'
    spans = cues.quote_spans(s2)
    assert len(spans) == 2 and s2[spans[0][1]:].startswith(" he said")


def test_capitalised_scare_quotes():
    hits = cues.loaded("Officials keep warning of an impending \u201cIranian threat\u201d to Europe.")
    assert "loaded.scare_quotes" in rules(hits)
    assert "loaded.scare_quotes" not in rules(cues.loaded("She writes for \u201cFox News\u201d every week."))


def test_scare_quotes_as_a_modifier_even_with_a_reporting_verb():
    s = "Stripped of his \u2018peacemaker\u2019 image, the man who vowed to end wars is starting one."
    scare = [h for h in cues.loaded(s) if h.rule == "loaded.scare_quotes"]
    assert scare and not scare[0].in_quote


def test_spoke_is_a_reporting_verb_so_the_date_is_sourced():
    s = "On Sunday February 11, the Secretary General spoke on the subject."
    assert "spoke" in texts(cues.attribution(s))
    assert cues.unsourced_numbers(s) == []


def test_according_to_which_names_no_source():
    s = "He repeated his own vision according to which allies pay too little."
    assert "attribution.according_to" not in rules(cues.attribution(s))
    assert "attribution.according_to" in rules(cues.attribution("Turnout rose, according to the commission."))


def test_the_very_essence_is_not_an_intensifier():
    assert cues.intensifiers("This is the very essence of the alliance.") == []
    assert texts(cues.intensifiers("The talks went very badly.")) == ["very"]


# ------------------------------------------------------------------ general rules that replace memorised phrases


def test_reported_speech_opinion_belongs_to_the_source():
    s = "The mayor said the plan was reckless and would surely fail."
    assert cues.opinion(s) == []
    assert "reckless" in texts(cues.opinion(s, quoted=True))
    # the writer's own question still counts
    assert rules(cues.opinion("Why did the mayor say the plan was reckless?")) == {"opinion.question"}
    assert "reckless" in texts(cues.opinion("The plan was reckless."))


def test_a_sentence_that_is_all_quotation_does_not_name_its_source():
    s = '"We will never give up on this fight, and we told them so."'
    assert cues.attribution(s) == []
    assert cues.quotes(s)
    assert "attribution.quote" in rules(cues.attribution('"We will never give up on this fight," she said.'))


@pytest.mark.parametrize("s, word", [
    ("Most voters believe the tax is unfair.", "believe"),
    ("The senator opposes the bill and hopes to stop it.", "opposes"),
    ("Two governors endorsed her on Monday.", "endorsed"),
    ("Clinton: Time for a new strategy.", "Clinton:"),
    ("Support stands at 53% in the latest Daily Herald-Town Radio Poll.", "in the latest Daily Herald-Town Radio Poll"),
    ("The agency repeatedly denounced the plan and pointed to its costs.", "pointed to"),
])
def test_stance_and_speaker_cues(s, word):
    hits = cues.attribution(s)
    assert word in texts(hits)
    assert all(h.rule.startswith("attribution.") and s[h.start:h.end] == h.text for h in hits)


def test_stance_cues_negative():
    assert cues.attribution('"We hope for peace and we reject war."') == []  # the speaker's own wish
    assert cues.attribution("The army received unwavering support from allies.") == []
    assert cues.attribution("Note: the shop is closed on Sundays.") == []


def test_every_hit_names_its_rule_and_words():
    s = "Critics say the reckless plan, which the mayor supports, will fail if prices rise."
    for fam, hits in cues.signals(s).items():
        for h in hits:
            assert h.rule in cues.RULES and cues.RULE_FAMILY[h.rule] == fam
            assert s[h.start:h.end] == h.text and h.why


# ------------------------------------------------------------------ the course's own phrase list

MOVED = ["meat shield", "mob-style", "global dominance", "proxy forces", "hallucinate", "extortion racket",
         "real target*", "in all likelihood"]


def test_case_article_phrases_are_not_in_the_general_lists():
    general = {w for rule in cues.RULES for w in cues.lexicon_words(rule)}
    assert not set(MOVED) & general
    s = "They used the villagers as a meat shield in their quest for global dominance."
    assert not {"meat shield", "global dominance"} & {t.lower() for t in texts(cues.loaded(s))}
    course = cues.signals(s, ["loaded"], course=True)["loaded"]
    assert {"meat shield", "global dominance"} <= {t.lower() for t in texts(course)}


def test_course_list_only_for_the_course_articles():
    art = ml.load_article("southfront_2026")
    assert cues.is_course_article(art)
    assert not cues.is_course_article(art.sentences)
    assert not cues.is_course_article("southfront_2026")

    class Teacher:
        id = "my_article"
        meta = {"kind": ml.data.TEACHER_KIND, "path": "my_article.txt"}
        sentences = art.sentences

    assert not cues.is_course_article(Teacher())
    with_course = cues.scan(art)
    without = cues.scan(art.sentences)
    assert len(with_course) >= len(without)
    assert set(cues.scan(Teacher())["text"]) == set(without["text"])


# ------------------------------------------------------------------ measured rates, from the record

RECORD = ROOT / "data" / "measured" / "cues_eval.json"


def test_record_was_written_by_the_benchmark():
    rec = cues.measured_rates()
    assert rec == json.loads(RECORD.read_text(encoding="utf-8"))
    assert rec["recorded_by"] == "benchmarks/bench_cues_eval.py" and rec["tuned_on"] == "train"
    for sig, split in measured.SHOWN:
        entry = rec["signals"][sig]
        fig = entry["splits"][split]
        assert entry["split_sizes"][split] == fig["n"] > 0
        assert {"precision", "recall", "macro_f1", "fired", "positives", "rules"} <= set(fig)
        assert all(r["fired"] >= r["right"] for r in fig["rules"].values())
        assert "macro_f1" in rec["baseline"][sig][split]


def test_note_matches_the_record():
    rec = cues.measured_rates()
    sentences = measured.rate_sentences(rec)
    assert len(sentences) == len(measured.SHOWN)
    for s, (sig, split) in zip(sentences, measured.SHOWN, strict=True):
        fig = rec["signals"][sig]["splits"][split]
        m = re.search(r"On ([\d,]+) news sentences .* right about (\d+) times in 10, and it caught (\d+) of every 10", s)
        assert m, s
        assert int(m.group(1).replace(",", "")) == fig["n"]
        assert int(m.group(2)) == round(10 * fig["precision"]) and int(m.group(3)) == round(10 * fig["recall"])
    note = cues.measured_rates_note()
    html = note._repr_html_()
    assert all(ml.display.esc(s) in html for s in sentences) and "<li>" in html
    assert sentences[0] in repr(note)


def test_note_escapes_and_refuses_a_hand_made_record():
    rec = json.loads(RECORD.read_text(encoding="utf-8"))
    rec["signals"]["opinion"]["title"] = "<script>x</script>"
    assert "<script>" not in cues.measured_rates_note(rec)._repr_html_()
    del rec["recorded_by"]
    with pytest.raises(measured.MeasuredRatesError):
        measured._check_record(rec)


def _load_tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_readme_block_is_in_sync():
    tool = _load_tool("build_readme_rates")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool.render(text) == text, "run tools/build_readme_rates.py"
    assert measured.rate_sentences()[0] in text


def test_benchmark_skips_without_the_sets(capsys, tmp_path):
    spec = importlib.util.spec_from_file_location("bench_cues_eval", ROOT / "benchmarks" / "bench_cues_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--eval", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_a_supposed_military_event_is_not_a_claim():
    s = "If the threshold is lowered to an intercepted missile, refusing to act becomes impossible."
    assert cues.military_claims(s) == []
    assert cues.military_claims("Air defences intercepted two missiles over the city.")
    assert cues.military_claims("If asked, the officials say that the troops destroyed three tanks.")


def test_framing_inside_an_attributed_account_is_the_source_s():
    s = "According to the commissioner, the call was in reality an exchange with another official."
    assert "opinion.framing" in rules(cues.rhetoric(s))  # the family still points at the words
    assert cues.opinion(s) == []  # but they are not the writer's opinion

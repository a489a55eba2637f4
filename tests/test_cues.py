"""Tests for medialit.cues: each rule family, offsets, quotations, hostile inputs, and a small
hand-written sanity evaluation (neutral wire-style sentences vs opinion sentences)."""
from __future__ import annotations

import dataclasses
import sys
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit import cues


def rules(hits):
    return [h.rule for h in hits]


def texts(hits):
    return [h.text for h in hits]


def assert_offsets(s, hits):
    for h in hits:
        assert 0 <= h.start <= h.end <= len(s), h
        assert s[h.start:h.end] == h.text, h
        assert h.rule in cues.RULES, h.rule
        assert h.why and h.why.strip()


def all_hits(s):
    out = []
    for hits in cues.signals(s, [*cues.FAMILIES, "opinion"]).values():
        out.extend(hits)
    return out


# ------------------------------------------------------------------ Hit, RULES, lexicons

def test_hit_is_frozen_and_has_fields():
    h = cues.attribution("The minister said the talks would resume.")[0]
    assert (h.rule, h.text, h.in_quote) == ("attribution.verb", "said", False)
    assert h.family == "attribution"
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.text = "x"  # frozen


def test_every_rule_has_a_family_and_a_description():
    for rule, desc in cues.RULES.items():
        assert cues.RULE_FAMILY[rule] in cues.FAMILIES
        assert len(desc) > 20 and desc[0].isupper()
    for fam in cues.FAMILIES:
        assert any(f == fam for f in cues.RULE_FAMILY.values()), fam


def test_lexicons_are_listed_and_large_enough():
    for name in cues.LEXICONS:
        path = ml.data.data_file("lexicons", name)  # manifest-verified
        assert path.is_file()
        res = ml.data.resource("lexicons", name)
        assert res["licence"] == "CC BY 4.0"
        assert "Own authorship" in res["notes"]
    assert len(cues.lexicon_words("evaluative.adjective")) >= 300
    loaded_total = sum(len(cues.lexicon_words(r)) for r in ("loaded.emotive", "loaded.name_calling", "loaded.exaggeration"))
    assert loaded_total >= 400
    assert "according to" in cues.lexicon_words("attribution.according_to")
    assert "puppet" in cues.lexicon_words("loaded.name_calling")


def test_lexicon_parser_rejects_bad_files():
    with pytest.raises(ValueError, match="unknown rule"):
        cues._parse_lexicon("[no.such.rule]\nword\n", "x.txt")
    with pytest.raises(ValueError, match="before any"):
        cues._parse_lexicon("word\n", "x.txt")
    with pytest.raises(ValueError, match="unknown flag"):
        cues._parse_lexicon("[loaded.emotive]\nword @nonsense\n", "x.txt")
    entries = cues._parse_lexicon("# comment\n[loaded.emotive]\nfoo*  # note\nbar baz @not_after=DET|very\n", "x.txt")
    assert [e.tokens for e in entries] == [("foo*",), ("bar", "baz")]
    assert ("the",) in entries[1].not_after and ("very",) in entries[1].not_after


def test_explain_names_words():
    text = cues.explain("loaded.name_calling")
    assert "Word list" in text and "entries" in text
    assert cues.explain("opinion.question") == cues.RULES["opinion.question"]
    with pytest.raises(KeyError, match="Known rules"):
        cues.explain("nope")


# ------------------------------------------------------------------ attribution

@pytest.mark.parametrize("s, rule, text", [
    ("The minister said on Monday that talks would resume.", "attribution.verb", "said"),
    ("Turnout was 61 percent, according to the electoral commission.", "attribution.according_to", "according to"),
    ("The company confirmed the closure in a statement on Friday.", "attribution.statement", "in a statement"),
    ("The plan was delayed, people familiar with the matter told the newspaper.", "attribution.unnamed", "people familiar with"),
    ("It was reported that the convoy had turned back.", "attribution.unnamed", "It was reported"),
    ("The general reportedly resigned last week.", "attribution.unnamed", "reportedly"),
    ('The mayor put it bluntly: "The budget is empty."', "attribution.colon_quote", 'bluntly: "'),
    ("Police denied using force against the crowd.", "attribution.verb", "denied"),
    ("The health ministry warned of shortages in rural hospitals.", "attribution.verb", "warned"),
    ("A spokesperson for the army declined to give details.", "attribution.statement", "spokesperson"),
])
def test_attribution_positive(s, rule, text):
    hits = cues.attribution(s)
    assert (rule, text) in [(h.rule, h.text) for h in hits]
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "The talks ended on Tuesday.",
    "The United States and its allies met in Brussels.",
    "Their claims were lost in the noise.",
    "The village lies near the river.",
    "The firm added 300 jobs in the quarter.",
    "Several reports have examined the disaster.",
    "Firefighters brought the blaze under control after six hours.",
])
def test_attribution_negative(s):
    assert cues.attribution(s) == []


def test_direct_quote_counts_as_attribution():
    s = "“We will not leave our homes,” one resident said."
    hits = cues.attribution(s)
    assert "attribution.quote" in rules(hits) and "attribution.verb" in rules(hits)
    q = [h for h in hits if h.rule == "attribution.quote"][0]
    assert q.in_quote and q.text.startswith("“")


# ------------------------------------------------------------------ quotes

@pytest.mark.parametrize("s, quoted", [
    ('He said "the deal is done and dusted" on Monday.', '"the deal is done and dusted"'),
    ("He said “the deal is done and dusted” on Monday.", "“the deal is done and dusted”"),
    ("Il a dit « nous ne partirons pas d'ici » hier.", "« nous ne partirons pas d'ici »"),
    ("Er sagte „wir bleiben hier bis morgen“ gestern.", "„wir bleiben hier bis morgen“"),
])
def test_quotes_marks(s, quoted):
    hits = cues.quotes(s)
    assert texts(hits) == [quoted]
    assert hits[0].rule == "quote.direct"
    assert_offsets(s, hits)


def test_scare_quotes_and_apostrophes():
    s = "Stripped of his ‘peacemaker’ facade, the alliance’s leader spoke."
    hits = cues.quotes(s)
    assert [(h.rule, h.text) for h in hits] == [("quote.short", "‘peacemaker’")]
    assert cues.quotes("The alliance’s leader didn’t speak at the ministers’ meeting.") == []


def test_quote_fragments_open_and_close():
    assert rules(cues.quotes('He replied: "No, I will not come.')) == ["quote.open"]
    closing = 'You must pay your debts." He then left the stage.'
    hits = cues.quotes(closing)
    assert rules(hits) == ["quote.close"] and hits[0].text == 'You must pay your debts."'


def test_quote_spans_with_carried_state():
    s = "In fact, I will encourage them to do whatever they want."
    assert cues.quote_spans(s) == []
    assert cues.quote_spans(s, starts_in_quote=True) == [(0, len(s))]


# ------------------------------------------------------------------ hedges and modals

@pytest.mark.parametrize("s, text", [
    ("The talks may resume next week.", "may"),
    ("The decision might be reversed.", "might"),
    ("The strike could spread to other ports.", "could"),
    ("The minister will probably resign.", "probably"),
    ("The fire appears to have started in the kitchen.", "appears to"),
    ("In all probability, the vote will be delayed.", "In all probability"),
    ("The government should apologise.", "should"),
    ("Europe ought to pay for its own defence.", "ought"),
    ("Prices are likely to rise again.", "likely"),
])
def test_hedges_positive(s, text):
    hits = cues.hedges(s)
    assert text in texts(hits)
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "The law took effect in May.",
    "Theresa May met the delegation.",
    "The company could not be reached for comment.",
    "The claim could not be independently verified.",
    "The vote was held on Sunday.",
])
def test_hedges_negative(s):
    assert cues.hedges(s) == []


def test_would_counts_only_in_the_writers_own_voice():
    assert rules(cues.hedges("Such a move would be a mistake.")) == ["hedge.conditional"]
    assert cues.hedges("The minister said the talks would resume.") == []
    assert cues.hedges("The bill would ban single-use plastics.") == []
    assert cues.hedges("They announced rules that would take effect in May.") == []


def test_obligation_modal_rule():
    assert rules(cues.hedges("We must act now.")) == ["modal.obligation"]


# ------------------------------------------------------------------ first person

def test_first_person():
    hits = cues.first_person("I think we should stop.")
    assert ("first_person.stance", "I think") in [(h.rule, h.text) for h in hits]
    assert ("first_person.stance", "we should") in [(h.rule, h.text) for h in hits]
    assert ("first_person.pronoun", "our") in [(h.rule, h.text) for h in cues.first_person("They took our jobs.")]
    assert "I" not in texts(hits)  # inside the longer stance phrase
    assert "first_person.stance" in rules(cues.first_person("In my view, the law is flawed."))


@pytest.mark.parametrize("s", [
    "The US and the EU signed the deal.",
    "The veterans of World War I were honoured.",
    "The mine closed in 1990.",
    "They said it would take months.",
])
def test_first_person_negative(s):
    assert cues.first_person(s) == []


# ------------------------------------------------------------------ evaluative, loaded, intensifiers

@pytest.mark.parametrize("s, text", [
    ("The plan is absurd.", "absurd"),
    ("It was a disastrous decision by the board.", "disastrous"),
    ("Unfortunately, the museum closed.", "Unfortunately"),
    ("The launch was a fiasco.", "fiasco"),
    ("The council squandered the money.", "squandered"),
    ("The new bridge is a magnificent piece of engineering.", "magnificent"),
])
def test_evaluative_positive(s, text):
    hits = cues.evaluative(s)
    assert text in texts(hits)
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "The committee met for three hours on Tuesday.",
    "The bank cut its growth forecast to 1.5 percent.",
    "The natural disaster forced 2,000 people from their homes.",
    "The engine failure grounded the aircraft.",
    "The talks failed to produce an agreement.",
])
def test_evaluative_negative(s):
    assert cues.evaluative(s) == []


@pytest.mark.parametrize("s, rule, text", [
    ("The president's puppets in parliament voted yes.", "loaded.name_calling", "puppets"),
    ("The regime jailed the journalists.", "loaded.name_calling", "regime"),
    ("Thugs attacked the protesters.", "loaded.name_calling", "Thugs"),
    ("The government's European vassals fell into line.", "loaded.name_calling", "vassals"),
    ("It was a barbaric act.", "loaded.emotive", "barbaric"),
    ("This is the worst ever deal for workers.", "loaded.exaggeration", "worst ever"),
    ("The so-called experts were wrong.", "loaded.so_called", "so-called"),
    ("He is a cynical liar.", "loaded.name_calling", None),
    ("They sent in the thugs again.", "loaded.name_calling", "thugs"),
])
def test_loaded_positive(s, rule, text):
    hits = cues.loaded(s)
    assert hits, s
    assert_offsets(s, hits)
    if text is not None:
        assert (rule, text) in [(h.rule, h.text) for h in hits]


@pytest.mark.parametrize("s", [
    "The sanctions regime was extended for six months.",
    "The town lies on the border.",
    "The ministry said the soldiers returned to base.",
    "The visa regime for students will change in July.",
    "Police arrested three people in connection with the robbery.",
])
def test_loaded_negative(s):
    assert cues.loaded(s) == []


def test_intensifiers():
    assert texts(cues.intensifiers("The results were extremely poor.")) == ["extremely"]
    assert "by far" in texts(cues.intensifiers("It is by far the largest port."))
    assert cues.intensifiers("The very first train left at six.") == []
    assert cues.intensifiers("Iran enriched uranium; highly enriched uranium is closely watched.") == []


# ------------------------------------------------------------------ rhetoric and opinion

def test_rhetoric_question_exclamation_prediction():
    q = cues.rhetoric("Who really believes this will work?")
    assert [h.rule for h in q] == ["opinion.question"]
    assert q[0].text == "Who really believes this will work?"
    assert rules(cues.rhetoric("What a week!")) == ["opinion.exclamation"]
    pred = cues.rhetoric("The coalition will collapse if the vote fails.")
    assert rules(pred) == ["opinion.prediction"] and pred[0].text == "will collapse if"
    assert cues.rhetoric("The museum will reopen on Monday.") == []


def test_opinion_is_union_and_in_quote_choice():
    s = '"This is a shameful decision," the mayor said.'
    # the sentence reports the mayor's opinion: by default no opinion signal for the author
    assert cues.opinion(s) == [] == cues.opinion(s, quoted=False)
    hits = cues.opinion(s, quoted=True)
    assert hits and all(h.in_quote for h in hits)
    assert cues.signals(s, ["opinion"])["opinion"] == []  # signals means the same as opinion(s)
    # a loaded word is loaded whoever says it
    assert cues.loaded(s) and cues.loaded(s, quoted=False) == []
    # a quoted "we" is the speaker, not the author: no opinion from the bare pronoun
    assert cues.opinion('"We will respond," the minister said.') == []
    # the author's own words
    own = cues.opinion("This shameful decision must be reversed.")
    assert {"shameful", "must"} <= set(texts(own)) and not any(h.in_quote for h in own)
    # no span appears twice even when a word is in two lists (reckless: evaluative + loaded)
    spans = [(h.start, h.end) for h in cues.opinion("A reckless, reckless plan.")]
    assert len(spans) == len(set(spans)) == 2
    # a word inside a longer hit is not repeated; a question keeps the words inside it
    assert texts(cues.opinion("The plan will surely fail.")) == ["will surely"]
    assert "really" in texts(cues.opinion("Who really believes this?"))


def test_module_docstring_examples():
    import doctest

    assert doctest.testmod(cues).failed == 0


# ------------------------------------------------------------------ unsourced numbers

def test_unsourced_numbers():
    s = "Prices rose 3.2% in March, the fastest pace since 2019."
    hits = cues.unsourced_numbers(s)
    assert [(h.rule, h.text) for h in hits] == [("unsourced.percent", "3.2%"), ("unsourced.date", "2019")]
    assert_offsets(s, hits)
    # a month and year, or a year after a time word, is a date, not a figure (content audit, model s016)
    s = "By February 2024, the alliance had used the clause once."
    assert [(h.rule, h.text) for h in cues.unsourced_numbers(s)] == [("unsourced.date", "February 2024")]
    assert [(h.rule, h.text) for h in cues.unsourced_numbers("The deal was signed in 1949.")] == [("unsourced.date", "1949")]
    assert [(h.rule, h.text) for h in cues.unsourced_numbers("The club has 2024 members.")] == [("unsourced.number", "2024")]
    assert cues.unsourced_numbers("Prices rose 3.2% in March, the statistics office said.") == []
    assert rules(cues.unsourced_numbers("The deal was signed on 4 April 1949.")) == ["unsourced.date"]
    assert texts(cues.unsourced_numbers("Thousands marched and $2.5 billion was spent.")) == ["Thousands", "$2.5 billion"]
    assert cues.unsourced_numbers("Article 5 of the treaty is about collective defence.") == []
    assert cues.unsourced_numbers("Covid-19 and the G7 were discussed.") == []


@pytest.mark.parametrize("s", [
    # identifiers, not amounts (QA on local news, tech and health reports)
    "Please call the detective at (214) 670-5813.",
    "The depot is at 145 Hiram Industrial Dr, next to Interstate 285.",
    "Officers were sent to the 1400 block of Griffith Street.",
    "Every patient in the trial had Type 2 diabetes.",
    "The laptop runs MacOS 11.",
    "The film (94 min.) opens on Friday.",
    "The concert is shown in 3-D.",
    # dates that are no claim to check: a citation, a dateline that opens with its date, a life's record
    "We misnamed the saxophonist in an earlier story (15 May, page 37).",
    "June 22 (UPI) -- A new chip was unveiled.",
    "She was born in Alexandria on April 6, 1939.",
    "The first edition was published in 1999.",
])
def test_unsourced_numbers_leave_identifiers_and_records_alone(s):
    assert cues.unsourced_numbers(s) == []


@pytest.mark.parametrize("s, text", [
    ("About 500 people attended.", "500"),          # a sentence that opens with a quantity word
    ("Russia fired 48 missiles on March 3.", "48"),
    ("Trump spoke at a rally on 10 February 2024 (a Saturday).", None),  # "spoke": attributed, nothing
    ("The rally (10 February 2024) drew a crowd.", "10 February 2024"),   # brackets without a page
])
def test_unsourced_numbers_still_flag_figures(s, text):
    got = [h.text for h in cues.unsourced_numbers(s)]
    assert (text in got) if text else got == [], got


# ------------------------------------------------------------------ military claims

@pytest.mark.parametrize("s, rule, text", [
    ("Russian troops cleared Drobysheve on Tuesday.", "military.territory", "cleared Drobysheve"),
    ("Government forces liberated the village of Kamianka.", "military.territory", "liberated the village"),
    ("The brigade broke through the enemy's defensive lines.", "military.territory", "broke through the enemy's defensive lines"),
    ("The enemy lost up to 1,200 servicemen in a day.", "military.casualties", "lost up to 1,200 servicemen"),
    ("At least 14 civilians were killed in the strike.", "military.casualties", "At least 14 civilians"),
    ("Air defences destroyed 14 tanks and three drones.", "military.equipment", "destroyed 14 tanks"),
    ("Twelve drones were shot down over the region.", "military.equipment", "Twelve drones were shot down"),
    # strikes (QA on war reports: no rule saw them)
    ("Ukraine said it struck an oil refinery in Russia's Samara region overnight.", "military.strike",
     "struck an oil refinery"),
    ("Russian forces shelled a hospital in Kherson on Tuesday.", "military.strike", "shelled a hospital"),
    ("A missile strike hit an apartment block in Dnipro, officials said.", "military.strike",
     "missile strike hit an apartment"),
    ("Israeli airstrikes on Gaza City destroyed a school.", "military.strike", "airstrikes on Gaza"),
    ("Kyiv launched a drone strike on the Crimean bridge.", "military.strike", "drone strike on the Crimean bridge"),
    ("Russia strikes Kyiv power grid with missiles.", "military.strike", "strikes Kyiv power grid"),
    ("The army lost 300 men in a week.", "military.casualties", "lost 300"),
    ("Russia lost 1,200 over the past day, Kyiv said.", "military.casualties", "lost 1,200"),
    ("The strike killed 40 Palestinians.", "military.casualties", "killed 40"),
])
def test_military_positive(s, rule, text):
    hits = cues.military_claims(s)
    assert (rule, text) in [(h.rule, h.text) for h in hits], hits
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "The court cleared Smith of all charges.",
    "The negotiators reached an agreement on Friday.",
    "The company advanced its schedule by a month.",
    "Tickets can be booked in advance.",
    # no weapon or force named: no strike
    "Workers went on strike at the plant on Monday.",
    "The storm hit the power plant and knocked out electricity.",
    "A car struck a pedestrian in the town centre.",
    "Hurricane Ian hit the city of Fort Myers on Wednesday.",
    "Shell plans to sell its refinery in Germany.",
    "Inflation hit a record in the region last year.",
    # counts of something other than people (QA: business, election and sport reports)
    "The party lost 12 seats in the election.",
    "She captured 40% of the vote.",
    "The team lost 3 games in a row.",
    "Shares lost 5 percent on Monday.",
    "The company killed 40 jobs in the region.",
    "One of the soldiers called me last week.",      # "one of": a person, not a count
    # "attacks on ..." is a noun, and a month is no target
    "The senator's military record drew attacks on Senator Kerry.",
    "Army officials described a drone attack in December.",
])
def test_military_negative(s):
    assert cues.military_claims(s) == []


# ------------------------------------------------------------------ hostile inputs

@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_non_text_raises_typeerror(bad):
    for fn in (cues.attribution, cues.opinion, cues.loaded, cues.signals):
        with pytest.raises(TypeError, match="text"):
            fn(bad)


@pytest.mark.parametrize("s", ["", " ", "\n\t  ", "said", "Terrible", "?", "!", '"', "«", "‘", "<", "&", "🙂", "🙂🙂 🔥!"])
def test_tiny_inputs(s):
    hits = all_hits(s)
    assert_offsets(s, hits)
    if not s.strip():
        assert hits == []


def test_one_word_works():
    assert texts(cues.attribution("said")) == ["said"]
    assert texts(cues.evaluative("terrible")) == ["terrible"]


@pytest.mark.parametrize("s", [
    "Le gouvernement a annoncé une réforme terrible des retraites, selon le ministre, et la grève continue.",
    "Die Regierung hat gestern in Berlin eine neue Reform angekündigt, sagte der Minister am Montag.",
    "Правительство объявило о новой реформе, сообщил министр в понедельник вечером.",
    "El gobierno anunció una reforma terrible de las pensiones, según el ministro, y la huelga sigue.",
])
def test_non_english_gives_no_word_hits(s):
    hits = all_hits(s)
    assert_offsets(s, hits)
    assert not [h for h in hits if h.family in ("evaluative", "loaded", "hedges", "first_person", "attribution")]


@pytest.mark.parametrize("s", [
    "C'est terrible, dit le ministre.",
    "Das ist eine absurde Idee.",
    "Es una idea terrible y absurda.",
    "È una decisione terribile.",
])
def test_short_non_english_sentences(s):
    assert cues.opinion(s) == [] and cues.loaded(s) == [] and cues.first_person(s) == []


@pytest.mark.parametrize("s, words", [
    # headlines drop the small words that the language test counts
    ("Furious minister slams cowardly rebel attack, vows brutal revenge", {"cowardly", "brutal"}),
    ("Defiant senator dismisses ridiculous offshore account claims, blames Kremlin-backed rivals", {"ridiculous"}),
])
def test_english_headlines_without_small_words_keep_their_signals(s, words):
    hits = set(texts(all_hits(s)))
    assert words <= hits, hits


def test_a_language_the_marker_lists_do_not_know_still_gets_no_word_hits():
    s = "Rząd ogłosił nowe przepisy dotyczące granicy wschodniej kraju w poniedziałek wieczorem."
    assert all_hits(s) == []


def test_an_english_sentence_quoting_another_language_stays_english():
    s = "The disgraceful ruling, the minister said, was « une honte pour la démocratie et pour nous »."
    assert "disgraceful" in texts(cues.opinion(s))
    assert "said" in texts(cues.attribution(s))
    # all quotation (no words of the writer's own): judged on the quoted words
    with pytest.warns(cues.CuesLanguageWarning):
        assert cues.evaluative("« C'est une honte terrible pour la démocratie et pour nous tous »") == []


def test_emoji_and_accents_keep_offsets():
    s = "🔥🔥 The minister 🙂 said the plan was a disgrace — naïve and reckless!"
    hits = all_hits(s)
    assert_offsets(s, hits)
    assert {"said", "disgrace", "naïve", "reckless"} <= set(texts(hits))


def test_html_is_masked_but_offsets_refer_to_input():
    s = '<p class="lead" title="terrible puppet">The <b>minister</b> said the plan was <em>absurd</em>.</p><!-- reckless -->'
    hits = all_hits(s)
    assert_offsets(s, hits)
    assert "terrible" not in texts(hits) and "puppet" not in texts(hits) and "reckless" not in texts(hits)
    assert "absurd" in texts(cues.evaluative(s)) and "said" in texts(cues.attribution(s))
    assert cues.evaluative('<a title="terrible" href="/x">link</a>') == []
    assert cues.quotes('<a href="a very long attribute value here">x</a>') == []
    script = "<script>var awful = 'terrible';</script><style>.bad{}</style>Fine weather."
    assert all_hits(script) == []
    ent = "The &ldquo;plan&rdquo; was described&nbsp;as absurd &amp; naive."
    assert_offsets(ent, all_hits(ent))
    assert {"absurd", "naive"} <= set(texts(cues.evaluative(ent)))


@pytest.mark.parametrize("s", [
    "<" * 20000 + "a" * 10,
    "<a " * 20000,
    "<!--" * 20000,
    "<script>" * 5000,
    '"' * 40000,
    "“" * 40000,
    "&amp" * 20000,
    "? ! " * 20000,
    "will if " * 10000,
])
def test_pathological_inputs_finish(s):
    hits = all_hits(s)
    assert_offsets(s, hits)


def test_one_megabyte_text():
    base = ('The minister said the plan was a disgrace. "We may never recover," she warned. '
            'Russian forces captured the village of Petrivka and destroyed 3 tanks. Prices rose 4% in May. ')
    big = base * (1_000_000 // len(base) + 1)
    assert len(big) > 1_000_000
    hits = cues.signals(big)
    for fam in ("attribution", "evaluative", "hedges", "military_claims", "quotes"):
        assert hits[fam], fam
    sample = hits["evaluative"][:50] + hits["quotes"][-5:]
    assert_offsets(big, sample)


_PIECES = list("abc XYZ.,;:!?\"'“”‘’«»<>/=&#-0123456789") + [
    "said", " may ", "terrible", "puppet", "<b>", "</b>", "&amp;", "I think", " if ", " will ", "🙂", "é", "\n",
    " according to ", "killed 5 soldiers", "captured the village", "so-called", "<a title=\"bad\">",
    "İstanbul-puppet", "ǅ", "ﬁ", "https://x.org/a?b=1", "\u00a0", "\u200b"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_offsets_property(s):
    hits = all_hits(s)
    assert_offsets(s, hits)
    for fam, fhits in cues.signals(s).items():
        assert all(h.family == fam for h in fhits)
        assert fhits == sorted(fhits, key=lambda h: h.start) or fam == "attribution"


# ------------------------------------------------------------------ scan and summary_table

def test_scan_strings_and_objects():
    sents = ["The minister said the plan was absurd.", "The vote was held on Sunday.", ""]
    df = cues.scan(sents)
    assert list(df.columns) == cues.SCAN_COLUMNS
    assert set(df["i"]) == {0}
    assert {"attribution", "evaluative"} <= set(df["family"])
    for row in df.itertuples():
        assert sents[row.i][row.start:row.end] == row.text
    # "opinion" counts the writer's own words: not "absurd" reported after "said" (issue 17)
    objs = [SimpleNamespace(id="s001", text="The plan was absurd."), SimpleNamespace(id="s002", text=sents[1])]
    df2 = cues.scan(objs, families=["opinion"])
    assert set(df2["sentence"]) == {"s001"} and set(df2["family"]) == {"opinion"}
    with pytest.raises(TypeError):
        cues.scan([1, 2])
    with pytest.raises(TypeError):
        cues.scan(None)
    with pytest.raises(ValueError, match="Unknown family"):
        cues.scan(sents, families=["nope"])


def test_scan_carries_open_quotes_across_sentences():
    sents = ['He answered: "No, I will not protect you.',
             "In fact, I will encourage them to do whatever they want.",
             'You must pay your debts."',
             "The crowd applauded."]
    df = cues.scan(sents)
    q = df[df.family == "quotes"]
    assert list(q["rule"]) == ["quote.open", "quote.continued", "quote.close"]
    must = df[(df.text == "must") & (df.rule == "modal.obligation")]
    assert list(must["in_quote"]) == [True]
    no_carry = cues.scan(sents, carry_quotes=False)
    assert "quote.continued" not in set(no_carry["rule"])


def test_summary_table_one_row_per_sentence():
    art = ml.load_article("southfront_2026")
    table = cues.summary_table(art.sentences)
    assert len(table) == len(art.sentences)
    assert list(table.columns) == ["i", "sentence", "text", *cues.FAMILIES, "opinion"]
    assert table["sentence"].iloc[0] == "s001"
    assert (table["opinion"] > 0).sum() >= 5 and (table["loaded"] > 0).sum() >= 3
    assert (table["military_claims"] > 0).sum() >= 1
    # an Article works directly, and scan rows match the sentence texts
    df = cues.scan(art)
    by_id = {s.id: s.text for s in art.sentences}
    for row in df.itertuples():
        assert by_id[row.sentence][row.start:row.end] == row.text


def test_case_articles_offsets():
    for aid in ("southfront_2026", "voltaire_2024", "linternaute_mt_2024", "nato_treaty_1949"):
        art = ml.load_article(aid)
        for s in art.sentences:
            assert_offsets(s.text, all_hits(s.text))


# ------------------------------------------------------------------ sanity evaluation

# Written for these tests (not taken from the case articles or any corpus): plain wire-style
# report sentences, some with attribution, numbers, quotes of neutral content and ordinary modals.
NEUTRAL = [
    "The central bank raised its benchmark interest rate by a quarter of a percentage point on Wednesday, the third increase this year.",
    "Officials said the bridge would reopen to traffic after inspections were completed.",
    "The company reported a net profit of 1.2 billion euros for the second quarter.",
    "Rescue teams recovered two more bodies from the collapsed building overnight, local authorities said.",
    "The parliament approved the budget by 312 votes to 198.",
    "The foreign ministers are scheduled to meet in Geneva next week.",
    "Police arrested three people in connection with the robbery, a spokesperson said.",
    "The storm made landfall near the port city early on Saturday.",
    '"We will review the proposal and respond in due course," the ministry said in a statement.',
    "The agreement was signed by representatives of both governments at a ceremony in the capital.",
    "Voter turnout was 61 percent, according to the electoral commission.",
    "The airline cancelled about 200 flights because of the strike.",
    "The court adjourned the hearing until March 14.",
    "The ship was carrying 40 containers of grain when it left the port.",
    "The museum will remain closed on Mondays during the renovation.",
    "The defence ministry said its air defences intercepted two drones over the region.",
    "The president met the prime minister for talks on trade and energy.",
    "Unemployment fell to 5.1 percent in October from 5.3 percent in September, the statistics office said.",
    "The bill now goes to the upper house, which is expected to vote on it next month.",
    "The company did not respond to a request for comment.",
    "Firefighters brought the blaze under control after six hours.",
    "The results of the investigation have not been made public.",
    "The summit ended without a joint communique.",
    "Protesters gathered outside the parliament building on Thursday afternoon.",
    "The treaty entered into force in 1949 after it was ratified by the signatory states.",
    "The new line will connect the airport with the city centre.",
    "The opposition leader told reporters that her party would table an amendment.",
    "Shares in the company fell 4 percent in early trading.",
    "The vaccine is given in two doses, four weeks apart.",
    "The delegation arrived in the capital on Sunday evening.",
    "The minister could face a no-confidence vote later this month.",
    "Talks may resume after the holiday, two diplomats familiar with the matter said.",
    "The factory employs about 3,000 people.",
    "The river rose above its banks in several villages, the regional government said.",
    "The report was published on the agency's website on Tuesday.",
    "The match was postponed because of heavy rain.",
    "The ambassador was summoned to the foreign ministry.",
    "Authorities closed the border crossing for several hours.",
    "The law requires companies with more than 250 employees to publish pay data.",
    "Both candidates will take part in a televised debate on Friday.",
]

# Written for these tests: opinion-page and commentary sentences of several kinds (judgements,
# recommendations, first-person stance, rhetorical questions, speculation, predictions).
OPINION = [
    "This budget is a disgrace to everyone who works for a living.",
    "The government should abandon this plan before it does any more damage.",
    "I think the minister has completely misunderstood the problem.",
    "Who really believes that these sanctions will change anything?",
    "The decision was short-sighted, and voters will remember it.",
    "Frankly, the council's handling of the floods has been a shambles.",
    "We must stop pretending that the old rules still work.",
    "The new stadium is a magnificent addition to the city.",
    "It is absurd to expect teachers to fix every social problem.",
    "The talks will probably collapse if neither side gives ground.",
    "Our leaders have failed us yet again.",
    "The reform is a bold and welcome step.",
    "What a terrible week for the coalition!",
    "This is, in my view, the most important election in a generation.",
    "The company's excuses are simply not credible.",
    "Europe ought to take its own defence far more seriously.",
    "The report is a whitewash that protects the powerful.",
    "Perhaps the president never intended to keep his promise.",
    "The plan is naive at best and dangerous at worst.",
    "These so-called experts have been wrong about everything.",
    "Sooner or later the bubble will burst.",
    "The film is a dull, overlong mess.",
    "It seems the ministry has learned nothing from its mistakes.",
    "The regime's propaganda machine is working overtime.",
    "Ordinary families are paying the price for the government's greed.",
    "The mayor deserves credit for keeping the libraries open.",
    "Nobody in their right mind would sign such a deal.",
    "Raising taxes now would be a huge mistake.",
    "The minister's speech was full of empty promises and tired slogans.",
    "Critics are right to be furious about the decision.",
    "The airline's treatment of passengers has been appalling.",
    "The opposition is likely to exploit the scandal for months.",
    "Let's be honest: the strategy has failed.",
    "The country needs leaders with courage, not career politicians.",
    "This is the worst government in living memory.",
    "The league must act now to protect young players.",
    "How can anyone defend this policy?",
    "The agreement is a betrayal of the workers who built this company.",
    "Investors would be wise to stay away from the shares.",
    "The city's new cycling lanes are a brilliant idea.",
]


def test_sanity_sets_are_distinct_and_sized():
    assert len(NEUTRAL) == 40 and len(OPINION) == 40
    assert not set(NEUTRAL) & set(OPINION)


def test_opinion_recall_and_false_positive_rate():
    recall = sum(bool(cues.opinion(s)) for s in OPINION) / len(OPINION)
    fpr_own_words = sum(bool(cues.opinion(s)) for s in NEUTRAL) / len(NEUTRAL)
    fpr_with_quotes = sum(bool(cues.opinion(s, quoted=True)) for s in NEUTRAL) / len(NEUTRAL)
    assert recall >= 0.8, recall
    assert fpr_own_words <= fpr_with_quotes <= 0.25, (fpr_own_words, fpr_with_quotes)


def test_quoting_an_opinion_reports_it():
    # the same opinions, now quoted by a reporter: not the author's own voice, unless quoted=True
    reported = [f"“{s}” the columnist wrote." for s in OPINION]
    assert sum(bool(cues.opinion(s)) for s in reported) == 0
    assert sum(bool(cues.opinion(s, quoted=True)) for s in reported) / len(reported) >= 0.8
    assert all(cues.attribution(s) for s in reported)


def test_opinion_means_the_same_everywhere():
    s = '"This is a disgraceful, reckless plan," the mayor said.'
    quoted = cues.opinion(s, quoted=True)
    assert len(quoted) == 2 and all(h.in_quote for h in quoted)  # the words are there, but quoted
    assert cues.opinion(s) == []
    assert cues.signals(s, ["opinion"])["opinion"] == []
    assert cues.summary_table([s])["opinion"].tolist() == [0]
    assert cues.scan([s], families=["opinion"]).empty
    # and they agree on the author's own words
    own = "This is a disgraceful, reckless plan."
    assert len(cues.opinion(own)) == 2
    assert cues.signals(own, ["opinion"])["opinion"] == cues.opinion(own)
    assert cues.summary_table([s, own])["opinion"].tolist() == [0, 2]


def test_loaded_rarely_fires_on_neutral_reports():
    assert sum(bool(cues.loaded(s)) for s in NEUTRAL) <= 2


def test_attribution_on_sanity_sets():
    # every neutral sentence that names its source is found
    sourced = [s for s in NEUTRAL if any(k in s for k in (" said", "according to", "told reporters", "request for comment"))]
    assert len(sourced) >= 10
    assert all(cues.attribution(s) for s in sourced)
    # opinion sentences rarely attribute
    assert sum(bool(cues.attribution(s)) for s in OPINION) <= 4


def test_straight_single_quotes_and_apostrophes():
    s = "The PM said 'we will not back down' on Monday."
    assert texts(cues.quotes(s)) == ["'we will not back down'"]
    assert cues.quotes("The workers' union and the alliance’s chief don't agree.") == []
    assert cues.quote_spans("We will win,’ he said.", starts_in_quote=True) == [(0, 13)]


def test_urls_are_masked():
    s = "Read https://example.com/terrible-news/2024?id=5 and www.puppet-regime.org now."
    assert all_hits(s) == []


def test_lessons_can_reach_cues_through_ml():
    assert ml.cues.attribution is cues.attribution
    assert set(("attribution", "opinion", "loaded", "scan", "summary_table", "RULES")) <= set(dir(ml.cues))


@pytest.mark.parametrize("s", [
    "a" * 200_000 + ': "x" ' + "b" * 10,
    "000 " * 100_000 + " soldiers killed",
    "1,000" * 50_000,
    "' " * 40_000 + "x",
    ('"quote" word ' * 20_000) + "terrible",
])
def test_long_runs_are_not_quadratic(s):
    # these would take minutes with a quadratic step; here they must simply finish
    hits = all_hits(s)
    assert_offsets(s, hits[:100] + hits[-100:])


# ------------------------------------------------------------------ regular forms, shapes, framing

@pytest.mark.parametrize("word, pos, expected", [
    ("hallucinate", "verb", {"hallucinates", "hallucinated", "hallucinating"}),
    ("slam", "verb", {"slams", "slammed", "slamming"}),
    ("grovel", "verb", {"grovels", "grovelled", "groveled", "grovelling", "groveling"}),
    ("bully", "verb", {"bullies", "bullied", "bullying"}),
    ("terrible", "adj", {"terribly"}),
    ("chaotic", "adj", {"chaotically"}),
    ("clumsy", "adj", {"clumsily", "clumsier", "clumsiest"}),
    ("grim", "adj", {"grimly", "grimmer", "grimmest"}),
    ("mess", "noun", {"messes"}),
    ("thug", "noun", {"thugs"}),
])
def test_regular_forms(word, pos, expected):
    assert {f for f, _k in cues._regular_forms(word, pos)} == expected


def test_already_inflected_entries_get_no_extra_forms():
    assert cues._regular_forms("squandered", "verb") == []
    assert cues._regular_forms("thugs", "noun") == []
    assert cues._regular_forms("cowardly", "adj") == []


@pytest.mark.parametrize("s, rule, text", [
    ("The generals fantasize about victory.", "loaded.emotive", "fantasize"),
    ("The leadership fantasizes about victory.", "loaded.emotive", "fantasizes"),
    ("They fantasized about a threat that never existed.", "loaded.emotive", "fantasized"),
    ("The board is fantasizing about growth.", "loaded.emotive", "fantasizing"),
    ("The minister mocks the unions at every turn.", "evaluative.verb", "mocks"),
    ("The plan was terribly conceived.", "evaluative.adverb", "terribly"),
    ("It was the grimmest week of his career.", "evaluative.adjective", "grimmest"),
    ("The press betrays its readers.", "loaded.emotive", "betrays"),
    ("The cabals in the capital decide everything.", "loaded.name_calling", "cabals"),
])
def test_inflected_forms_are_found(s, rule, text):
    hits = cues.opinion(s)
    assert (rule, text) in [(h.rule, h.text) for h in hits], hits
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "Greater cooperation between the ports was discussed.",  # great is @exact
    "Several homes were badly damaged by the flood.",  # bad is @exact
    "The goods were unloaded at the port.",  # an adjective gets no plural
    "Crude oil prices fell 2 percent.",
    "Cheaper imports pushed prices down.",
    "The army withdrew to better defensive positions.",
])
def test_exact_entries_and_guards_keep_reports_clean(s):
    assert cues.opinion(s) == [], cues.opinion(s)


def test_lexicon_flags_are_checked():
    entries = cues._parse_lexicon("[loaded.emotive]\nspew @verb\nfoul @adj\n", "x.txt")
    assert [e.forms for e in entries] == ["verb", "adj"]
    with pytest.raises(ValueError, match="single word"):
        cues._parse_lexicon("[loaded.emotive]\nspew forth @verb\n", "x.txt")
    # generated forms are not listed as entries of the word list, but explain() mentions them
    assert "fantasizes" not in cues.lexicon_words("loaded.emotive")
    assert "fantasize" in cues.lexicon_words("loaded.emotive")
    assert "Regular forms" in cues.explain("evaluative.adjective")


@pytest.mark.parametrize("s, text", [
    ("The manoeuvre exposed unhealable rifts in the coalition.", "unhealable"),
    ("This is an unwinnable war.", "unwinnable"),
    ("The damage to trust is irreparable.", "irreparable"),
    ("Such conduct is unforgivable.", "unforgivable"),
])
def test_absolute_adjectives_by_shape(s, text):
    hits = cues.evaluative(s)
    assert text in texts(hits), hits
    assert text in texts(cues.opinion(s))
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "The minister was unable to attend.",
    "The road was impassable after the storm.",
    "The disease is incurable, doctors said.",
    "The pool will be unavailable until March.",
])
def test_descriptive_un_able_words_do_not_fire(s):
    assert not [h for h in cues.evaluative(s) if h.rule == "evaluative.absolute"]


def test_scare_quotes():
    s = "Their ‘democracy’ is run from abroad."
    hits = cues.loaded(s)
    assert [(h.rule, h.text) for h in hits] == [("loaded.scare_quotes", "‘democracy’")]
    assert_offsets(s, hits)
    assert cues.loaded("The government's 'reforms' cost billions.")
    # quoting a speaker, a name, or a term introduced as a term is not scare quotes
    assert "loaded.scare_quotes" not in rules(cues.loaded('The minister called the plan "reckless", aides said.'))
    assert cues.loaded('The ship, known as the "ghost", was found drifting.') == []
    assert cues.loaded('The "Iron Dome" system intercepted the rockets.') == []
    assert cues.loaded('The word "stagflation" describes rising prices with weak growth.') == []


@pytest.mark.parametrize("s, text", [
    ("The real reason for the delay is money.", "real reason"),
    ("The truth is that the exercise failed.", "The truth is"),
    ("The truth is that the plan was never funded.", "The truth is"),
    ("In reality, the policy rewards the rich.", "In reality"),
    ("It is no coincidence that the report came out on a Friday.", "It is no coincidence"),
    ("Let us be clear: this deal is bad.", "Let us be clear"),
])
def test_framing_phrases(s, text):
    hits = cues.rhetoric(s)
    assert ("opinion.framing", text) in [(h.rule, h.text) for h in hits], hits
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "The real estate market cooled in the third quarter.",
    "Real wages rose for the first time in two years.",
    "Shareholders may vote by proxy at the annual meeting.",
])
def test_framing_negative(s):
    assert not [h for h in cues.opinion(s) if h.rule == "opinion.framing"]


@pytest.mark.parametrize("s, text", [
    ("Their proxy army is falling back.", "proxy army"),
    ("The corrupt elites are plundering the country.", "elites"),
    ("The junta has silenced every newspaper.", "junta"),
    ("Their mouthpieces repeat the same lines.", "mouthpieces"),
    ("The fraudsters peddle lies about the war.", "peddle"),
    ("The opposition is on the brink of collapse.", "on the brink of collapse"),
    ("Their greed knows no bounds.", "knows no bounds"),
])
def test_new_loaded_vocabulary(s, text):
    hits = cues.loaded(s)
    assert text in texts(hits), hits
    assert_offsets(s, hits)


@pytest.mark.parametrize("s", [
    "Members who cannot attend may cast a proxy vote.",
    "The regime of the river changes each spring.",
    "The regime of sanctions was tightened.",
    "The country's military junta has ruled since 2021.",
    "The business elites of the city met the mayor.",
    "The roof collapsed under the weight of the snow.",
    "The app was downloaded more than a million times.",
    "Weaponised drones were shown at the fair.",
])
def test_new_loaded_vocabulary_guards(s):
    assert cues.loaded(s) == [], cues.loaded(s)


@pytest.mark.parametrize("s, text", [
    ("Analysts expect the bank to raise rates.", "expect"),
    ("The mayor called for calm.", "called for"),
    ("The governor signalled that rates would stay high.", "signalled"),
    ("The document, seen by reporters, shows the costs doubled.", "seen by reporters"),
    ("As the ministry put it, the measures are temporary.", "put it"),
])
def test_new_attribution_cues(s, text):
    assert text in texts(cues.attribution(s))


def test_an_expectation_with_nobody_named_is_an_unnamed_source():
    # "expected by whom?": the forecast comes from someone the sentence does not name (a public
    # attribution corpus marks 93% of such train sentences as attribution)
    assert [(h.rule, h.text) for h in cues.attribution("The bill is expected to pass.")] == [
        ("attribution.unnamed", "is expected to")]
    assert rules(cues.attribution("The plan is widely seen as a gamble.")) == ["attribution.unnamed"]
    assert cues.attribution("The bill will pass.") == []


def test_new_attribution_cues_negative():
    assert cues.attribution("We expect better from our leaders.") == []
    assert cues.attribution("Who really believes this?") == []
    assert cues.attribution("The court put it to a vote.") == []
    assert cues.attribution("Thousands protested in the capital.") == []  # an action, not a statement
    assert cues.attribution("The festival concluded on Sunday.") == []
    assert cues.attribution("The bank will maintain its rates.") == []


# ------------------------------------------------------------------ the larger evaluation set

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))  # the evaluation set sits next to this file
from cues_eval_sentences import ATTRIBUTED, LOADED, NEUTRAL as EVAL_NEUTRAL, OPINION as EVAL_OPINION, split  # noqa: E402


def _rate(fn, sentences):
    return sum(bool(fn(s)) for s in sentences) / len(sentences)


def test_eval_set_shape():
    assert len(EVAL_NEUTRAL) >= 120 and len(EVAL_OPINION) + len(LOADED) >= 120 and len(ATTRIBUTED) >= 60
    every = EVAL_NEUTRAL + EVAL_OPINION + LOADED + ATTRIBUTED
    assert len(set(every)) == len(every)
    assert not set(every) & set(NEUTRAL + OPINION)
    for s in every:
        assert_offsets(s, all_hits(s))
    assert split([0, 1, 2, 3], "dev") == [0, 2] and split([0, 1, 2, 3], "heldout") == [1, 3]


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_eval_opinion(part):
    pos = split(EVAL_OPINION, part) + split(LOADED, part)
    recall = _rate(cues.opinion, pos)
    fpr = _rate(cues.opinion, split(EVAL_NEUTRAL, part))
    assert recall >= 0.85, recall
    assert fpr <= 0.1, fpr


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_eval_loaded(part):
    recall = _rate(cues.loaded, split(LOADED, part))
    fpr = _rate(cues.loaded, split(EVAL_NEUTRAL, part))
    assert recall >= 0.8, recall
    assert fpr <= 0.05, fpr
    # commentary that is not propaganda mostly gets no loaded hit
    assert _rate(cues.loaded, split(EVAL_OPINION, part)) <= 0.25


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_eval_attribution(part):
    assert _rate(cues.attribution, split(ATTRIBUTED, part)) >= 0.85
    assert _rate(cues.attribution, split(EVAL_OPINION, part) + split(LOADED, part)) <= 0.1


@pytest.mark.parametrize("s, text", [
    ("The delay beggars belief.", "beggars belief"),
    ("The board is out of touch with its members.", "out of touch"),
    ("The regulator turned a blind eye to the warnings.", "turned a blind eye"),
    ("The changes are cosmetic.", "cosmetic"),
])
def test_opinion_idioms(s, text):
    assert text in texts(cues.opinion(s))


def test_opinion_idiom_guards():
    assert cues.opinion("The cosmetic surgery clinic opened in May.") == []


# ------------------------------------------------------------------ news-corpus-style evaluation set
# tests/cues_eval_news.py imitates the messier prose of labelled news corpora (long sentences,
# headlines in Title Case, curly and straight quotes, quoted tweets, partisan-blog name-calling).
# Minimum rates, measured on the dev half while tuning and on the held-out half without looking
# at it sentence by sentence; a regression below them fails.

import cues_eval_news as NEWS  # noqa: E402


def test_news_eval_set_shape():
    groups = [NEWS.OBJECTIVE, NEWS.ATTRIBUTED, NEWS.SUBJECTIVE, NEWS.LOADED, NEWS.QUOTED_LOADED]
    every = [s for g in groups for s in g]
    assert len(every) >= 250 and all(len(g) >= 25 for g in groups)
    assert len(set(every)) == len(every)
    old = EVAL_NEUTRAL + EVAL_OPINION + LOADED + ATTRIBUTED + NEUTRAL + OPINION
    assert not set(every) & set(old)
    for s in every:
        assert_offsets(s, all_hits(s))


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_news_attribution(part):
    pos = NEWS.split(NEWS.ATTRIBUTED, part) + NEWS.split(NEWS.QUOTED_LOADED, part)
    assert _rate(cues.attribution, pos) >= 0.9
    assert _rate(cues.attribution, NEWS.split(NEWS.OBJECTIVE, part)) <= 0.05
    assert _rate(cues.attribution, NEWS.split(NEWS.SUBJECTIVE, part) + NEWS.split(NEWS.LOADED, part)) <= 0.1


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_news_opinion(part):
    assert _rate(cues.opinion, NEWS.split(NEWS.SUBJECTIVE, part)) >= 0.78
    assert _rate(cues.opinion, NEWS.split(NEWS.LOADED, part)) >= 0.9
    assert _rate(cues.opinion, NEWS.split(NEWS.OBJECTIVE, part)) <= 0.08
    assert _rate(cues.opinion, NEWS.split(NEWS.ATTRIBUTED, part)) <= 0.1


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_news_loaded(part):
    assert _rate(cues.loaded, NEWS.split(NEWS.LOADED, part)) >= 0.88
    assert _rate(cues.loaded, NEWS.split(NEWS.QUOTED_LOADED, part)) >= 0.85
    assert _rate(cues.loaded, NEWS.split(NEWS.OBJECTIVE, part)) <= 0.05
    assert _rate(cues.loaded, NEWS.split(NEWS.ATTRIBUTED, part)) <= 0.05
    assert _rate(cues.loaded, NEWS.split(NEWS.SUBJECTIVE, part)) <= 0.1


@pytest.mark.parametrize("s, rule, text", [
    ("The agency said so in a recorded address on Monday.", "attribution.medium", "in a recorded address"),
    ("The judge set out her reasons in her written ruling.", "attribution.medium", "in her written ruling"),
    ("A survey of 1,500 voters, conducted last week, found 52 percent disapproved.", "attribution.finding",
     "survey of 1,500 voters, conducted last week, found"),
    ("Intelligence agencies concluded in January that the hack was ordered abroad.", "attribution.finding",
     "concluded in January that"),
    ("The governor called the lawmakers \u2018spineless cowards\u2019.", "attribution.labelling",
     "called the lawmakers \u2018spineless cowards\u2019"),
    ("\"There is no evidence,\" the statement read.", "attribution.verb", "statement read"),
    ("Per a senior official, the visit is off.", "attribution.according_to", "Per a"),
    ("It emerged on Friday that the talks had failed.", "attribution.unnamed", "It emerged"),
    ("She left, adding that she would return.", "attribution.verb", "adding that"),
])
def test_news_attribution_shapes(s, rule, text):
    assert (rule, text) in [(h.rule, h.text) for h in cues.attribution(s)]


@pytest.mark.parametrize("s", [
    "The tanks advanced in a column of vehicles.",
    "He was found in the post office.",
    "The plane was found that morning.",
    "The court ruled that country for decades.",
    "The paper was found in a drawer.",
    "Data found on the laptop was deleted.",
    "A 5 per cent rise in prices.",
    "The church still has a long way to go before it can say it has dealt with the problem.",
    "The answer was, to put it mildly, unconvincing.",
])
def test_news_attribution_shapes_negative(s):
    assert cues.attribution(s) == []


@pytest.mark.parametrize("s, rule, text", [
    ("The Trump-hating media ignored it.", "loaded.compound", "Trump-hating"),
    ("Gun-grabbing liberals are at it again.", "loaded.compound", "Gun-grabbing"),
    ("Sharia-loving radicals rallied.", "loaded.compound", "Sharia-loving"),
    ("Liberal hacks cheered.", "loaded.name_calling", "hacks"),
    ("Only sheep believe the networks.", "loaded.name_calling", "sheep"),
    ("A mob of protesters chased him.", "loaded.name_calling", "mob"),
    ("The spineless senators caved.", "loaded.emotive", "spineless"),
    ("The system is rigged.", "loaded.emotive", "rigged"),
    ("The media are the enemy of the people.", "loaded.emotive", "enemy of the people"),
    ("The invasion of illegal migrants continues.", "loaded.emotive", "invasion of illegal"),
])
def test_news_loaded_vocabulary(s, rule, text):
    assert (rule, text) in [(h.rule, h.text) for h in cues.loaded(s)]


@pytest.mark.parametrize("s", [
    "He sells peace-loving toys and fun-loving games.",
    "The former adviser pleaded guilty to lying to the FBI.",
    "They raise sheep and goats on the hill farm.",
    "A mob boss was arrested in Palermo.",
    "The hack of the server exposed customer data.",
    "The lab rats were fed sugar for six weeks.",
    "The Atlanta Hawks won on Sunday.",
    "The car was rigged with explosives.",
    "The reactor meltdown forced an evacuation.",
])
def test_news_loaded_guards(s):
    assert cues.loaded(s) == []


@pytest.mark.parametrize("s, text", [
    ("The illegal aliens flooding our country are destroying our communities.", "illegal aliens"),
    ("Migrants flooding across the border overwhelmed the town.", "Migrants flooding"),
    ("A flood of migrants is coming, the blog warned.", "flood of migrants"),
])
def test_dehumanising_migration_metaphors(s, text):
    assert text in texts(cues.loaded(s))


@pytest.mark.parametrize("s", ["Heavy rain was flooding our basement.", "Bees were swarming into the hive.",
                               "The river flooded the town, officials said."])
def test_literal_floods_and_swarms_are_not_loaded(s):
    assert cues.loaded(s) == []



def test_scare_quotes_and_marks_belong_to_the_right_voice():
    # scare quotes are the author's device: they count as the author's own opinion
    own = cues.opinion("Their \u2018democracy\u2019 is a sham.")
    assert "\u2018democracy\u2019" in texts(own) and not any(h.in_quote for h in own)
    # an exclamation mark inside a quotation is the speaker's, even if the clause starts outside
    s = "The candidate wrote: \u201cThe media is lying to you!\u201d"
    marks = [h for h in cues.rhetoric(s) if h.rule == "opinion.exclamation"]
    assert marks and all(h.in_quote for h in marks)
    assert not [h for h in cues.opinion(s) if h.rule == "opinion.exclamation"]
    assert [h for h in cues.opinion("What a week that was!") if h.rule == "opinion.exclamation"]


# ------------------------------------------------------------------ issue 17, second round: general rules

@pytest.mark.parametrize("s", [
    "Horrible choice.'",                      # a straight ' after a full stop closes a quotation
    "So I wanted more.\u2019",                # the same with a curly mark
    "It was a reckless, shameful plan,' she said.",
])
def test_a_closing_mark_after_punctuation_ends_an_earlier_quotation(s):
    # the words belong to a speaker whose quotation began in an earlier sentence
    assert cues.opinion(s) == []
    assert any(h.rule == "quote.close" for h in cues.quotes(s))


def test_an_apostrophe_is_still_an_apostrophe():
    assert cues.quotes("The players' coach left.") == []
    assert "reckless" in texts(cues.opinion("The players' reckless coach left."))


def test_text_copied_from_a_spreadsheet_cell():
    # a CSV cell: the whole text wrapped in straight quotes, each mark inside doubled
    s = '"One parent accused him of ""grooming"" children, the paper said."'
    assert texts(cues.quotes(s)) == ['"grooming"']
    s = '"""The plan is reckless,"" the mayor said."'
    assert [h.in_quote for h in cues.evaluative(s)] == [True]
    assert cues.opinion(s) == []
    # a doubled mark after a bracket opens, as a single one would
    s = '"Housewives (""homemakers"") are a minority, the blog said."'
    assert texts(cues.quotes(s)) == ['"homemakers"']
    # only that exact shape is changed: an ordinary quotation is left alone
    s = '"The plan is reckless," the mayor said.'
    assert [h.in_quote for h in cues.evaluative(s)] == [True]


@pytest.mark.parametrize("s", [
    "She starred in the series Fool Me Once last year.",
    "The charity Feeding Our Future received the funds.",
    "A review of Who We Are appeared in the paper.",
])
def test_capitalised_first_person_words_inside_a_name_are_not_the_writer(s):
    assert cues.first_person(s) == []


def test_first_person_at_the_start_of_a_clause_still_counts():
    assert texts(cues.first_person("He paused: We are not ready.")) == ["We"]
    assert texts(cues.first_person("We are not ready.")) == ["We"]


@pytest.mark.parametrize("s, text", [
    ("I have never understood why the party keeps losing.", "I have never understood"),
    ("We simply do not believe the figures.", "We simply do not believe"),
    ("I strongly disagree with the ruling.", "I strongly disagree"),
])
def test_first_person_stance_with_words_between(s, text):
    hits = [h for h in cues.first_person(s) if h.rule == "first_person.stance"]
    assert texts(hits) == [text]
    assert text in texts(cues.opinion(s))


@pytest.mark.parametrize("s", [
    "I went to the market on Tuesday and bought bread.",
    "She cooked me a meal.",
    "My train was late.",
])
def test_a_lone_singular_first_person_tells_a_story_not_a_view(s):
    assert [h.rule for h in cues.first_person(s)] == ["first_person.pronoun"]  # still shown as a voice
    assert cues.opinion(s) == []                                            # but not counted as opinion


def test_a_collective_we_in_the_writers_voice_counts():
    assert "our" in texts(cues.opinion("It is time our leaders told the truth."))


def test_words_before_a_reporting_verb_are_the_writers():
    # "thoughtful" is the writer's judgement of the people who argue
    assert texts(cues.opinion("Thoughtful critics argue that the plan has gaps.")) == ["Thoughtful"]
    # what follows the verb is the source's
    assert cues.opinion("Critics argue that the plan is reckless and absurd.") == []
    # a tag at the end ("..., the mayor said") makes everything before it the source's
    assert cues.opinion("The plan is reckless and absurd, the mayor said on Monday.") == []
    assert cues.opinion("The plan is reckless, according to the mayor.") == []
    # an inverted tag names its speaker after the verb
    for tag in ("said the mayor", "says Smith", "warn officials", "warned a UN envoy", "they said"):
        assert cues.opinion(f"The plan is reckless and absurd, {tag}.") == [], tag


def test_a_verb_after_a_comma_with_an_object_is_not_a_tag():
    # a headline's second verb ("..., vows revenge") names no speaker: the words before are the writer's
    s = "Furious minister slams cowardly rebel attack, vows brutal revenge"
    assert {"Furious", "cowardly"} <= set(texts(cues.opinion(s)))
    # a speaker set off by commas before the verb still closes a tag
    assert cues.opinion("The plan is reckless, the minister, who spoke from Kyiv, said on Monday.") == []
    assert cues.opinion("The plan is reckless, the minister, who spoke from Kyiv, said.") == []


def test_an_apostrophe_inside_a_word_does_not_open_a_tag():
    # "Smith’s" is not a closing quotation mark: the verb near the end is not a tag, and the
    # stance before it is the writer's
    s = "But I think Smith’s argument inadvertently reveals something important about the race."
    assert "I think" in texts(cues.opinion(s))


def test_a_speaker_named_by_role_alone_does_not_make_the_sentence_reported_speech():
    # no words of the spokesman follow: "evaded" is the writer's judgement
    assert texts(cues.opinion("The spokesman evaded questions.")) == ["evaded"]
    assert texts(cues.opinion("The press office declined to comment on the disgraceful episode.")) == ["disgraceful"]
    # the role still counts as attribution, and a verb of saying still hands the words to the source
    assert "spokesman" in texts(cues.attribution("The spokesman evaded questions."))
    assert cues.opinion("A spokeswoman said the plan was reckless.") == []


def test_no_speech_is_a_flag_of_the_word_list():
    # the flag is parsed per entry and allowed on attribution entries only
    entries = cues._parse_lexicon("[attribution.statement]\nthe envoy's aide @no_speech\nin a memo\n", "x.txt")
    assert [e.no_speech for e in entries] == [True, False]
    with pytest.raises(ValueError, match="no_speech"):
        cues._parse_lexicon("[loaded.emotive]\nfoul @no_speech\n", "x.txt")
    # every flagged entry of the course's lists leaves the words after it to the writer
    from medialit.cues.lexicon import _lexicon

    flagged = sorted(_lexicon().no_speech)
    assert {"spokesman", "declined to comment", "press office"} <= set(flagged)
    for phrase in flagged:
        s = f"Later the {phrase} came up, and the reckless plan was news again."
        assert any(h.rule == "attribution.statement" for h in cues.attribution(s)), phrase
        assert "reckless" in texts(cues.opinion(s)), phrase
    # an unflagged statement phrase still hands the words after it to the source
    assert "reckless" not in texts(cues.opinion("In a statement, the plan was called reckless."))


@pytest.mark.parametrize("s, rule, text", [
    ("Stripped of his facade, the minister looked tired.", "loaded.emotive", "facade"),
    ("The ministry is manufacturing a narrative about the strike.", "loaded.emotive", "manufacturing a narrative"),
    ("Sending the jets would start World War III.", "loaded.exaggeration", "World War III"),
    ("This decision will lead to war.", "opinion.prediction", "will lead to"),
])
def test_content_audit_misses_have_general_rules(s, rule, text):
    assert (rule, text) in [(h.rule, h.text) for h in cues.opinion(s)]


@pytest.mark.parametrize("s", [
    "The building's facade was restored in 2019.",
    "The glass facade of the museum cracked.",
    "The new rules will take effect on Monday.",
    "The minister said the move will trigger a review.",
])
def test_content_audit_rules_stay_quiet_on_plain_reporting(s):
    assert cues.opinion(s) == []


@pytest.mark.parametrize("s", [
    "''The voters are furious,'' Mr. Gidley said, ''and a speech will not sway them.''",
    "``The voters are furious,'' Mr. Gidley said.",
    "\u201cThe voters are furious,\u201c Mr. Gidley said.",   # a left mark typed for the right one
])
def test_typed_quotation_marks_leave_the_reporting_verb_outside(s):
    hits = cues.attribution(s)
    assert [(h.text, h.in_quote) for h in hits if h.rule == "attribution.verb"] == [("said", False)]
    assert [h.in_quote for h in cues.loaded(s) + cues.evaluative(s)] in ([], [True])
    assert cues.opinion(s) == []


def test_two_apostrophes_inside_a_word_are_left_alone():
    assert cues.quotes("The rock''n''roll band played.") == []


def test_attribution_second_round_words():
    assert "note that" in texts(cues.attribution("Experts note that the limits are new."))
    assert "self-described" in texts(cues.attribution("He is a self-described socialist."))
    # the writer's scorn stays the writer's: "self-proclaimed" is not a source
    assert cues.attribution("The self-proclaimed expert was wrong.") == []


def test_a_reporting_verb_reaches_only_its_own_part_of_the_sentence():
    # after a semicolon the writer speaks again
    assert texts(cues.opinion("He said the plan was reckless; it is a disgrace.")) == ["disgrace"]
    assert cues.opinion("He said the plan was reckless; critics disagreed.") == []
    # a colon after the verb still introduces what the source said
    assert cues.opinion("The mayor said: the plan is reckless.") == []


@pytest.mark.parametrize("s, text", [
    ("The two statements are contradictory.", "contradictory"),
    ("The decision undermines the alliance.", "undermines"),
    ("Then he suddenly backtracked.", "backtracked"),
    ("The minister evaded journalists' questions.", "evaded"),
    ("The exit has been heavily criticized.", "heavily criticized"),
])
def test_content_audit_judging_words(s, text):
    assert text in texts(cues.opinion(s))


@pytest.mark.parametrize("s", [
    "The virus is one mutation away from evading a key drug.",
    "The suspect evaded capture for three weeks.",
    "The lab reported contradictory results.",
])
def test_content_audit_judging_words_stay_quiet_when_literal(s):
    assert cues.opinion(s) == []


@pytest.mark.parametrize("s, text", [
    ("Something curious happened next.", "curious"),
    ("The campaign raised an astounding sum.", "astounding"),
    ("Oddly, nobody asked the minister.", "Oddly"),
    ("The plan rests on a shallow reading of history.", "shallow"),
])
def test_third_pass_judging_words(s, text):
    assert text in texts(cues.opinion(s))


@pytest.mark.parametrize("s", [
    "Children are curious about the new museum.",
    "The boat ran aground in shallow water.",
    "He suffered superficial wounds in the crash.",
])
def test_third_pass_judging_words_stay_quiet_when_descriptive(s):
    assert cues.opinion(s) == []


@pytest.mark.parametrize("s, figures", [
    ("KYIV, Ukraine, March 3 (AP) — Forces fired 40 missiles overnight.", ["40"]),
    ("PASADENA, Calif., Jan. 1 — A handful of pilots flew.", []),
    ("Update 09:14 GMT — Three blasts were heard.", []),
    ("At 11:20 a.m. the convoy of 30 trucks left.", ["30"]),
    ("At 5 p.m. Tuesday, 300 people gathered.", ["300"]),
    ("12:00pm — Police repeat the name.", []),
    ("1. First, 40 soldiers crossed.", ["40"]),
    ("Prices rose 3.5 per cent in 2024.", ["3.5 per cent", "2024"]),
])
def test_times_datelines_and_list_numbers_are_no_figures_to_check(s, figures):
    assert texts(cues.unsourced_numbers(s)) == figures


@pytest.mark.parametrize("s", [
    "It was the '90s all over again: a shameful, cowardly retreat.",
    "It was the ’90s again, a shameful retreat.",
    "In the early '80s, she worked at a law firm.",
])
def test_a_year_cut_short_opens_no_quotation(s):
    assert cues.quote_spans(s) == []


def test_a_quotation_that_starts_with_a_number_is_still_one():
    assert cues.quote_spans("‘24 hours is too long,’ she said.") == [(0, 23)]
    assert cues.quote_spans("He said 'the 2024 vote was rigged' loudly.") == [(8, 34)]


def _paragraphs(*paras):
    from types import SimpleNamespace

    out = []
    for p, sentences in enumerate(paras):
        for t in sentences:
            out.append(SimpleNamespace(id=f"s{len(out) + 1:03d}", text=t, paragraph=p))
    return out


def test_a_speakers_turn_in_a_transcript_keeps_their_words_theirs():
    sents = _paragraphs(
        ["Q: Were the delays a disgrace?", "Is it not shameful?"],
        ["A: No.", "That is a disgraceful exaggeration spread by cowards."],
        ["KOVAL: Frankly, no.", "The delays are a shameful betrayal, he said 40 times."],
        ["The interview was a shameful farce."],
    )
    table = cues.summary_table(sents).set_index("sentence")
    # the interviewer's questions are the publication's own words
    assert table.loc["s002", "opinion"] > 0
    # an answer's turn (A: or a name) runs to the end of its paragraph
    assert table.loc["s004", "opinion"] == 0
    assert table.loc["s006", "opinion"] == 0 and table.loc["s006", "unsourced_numbers"] == 0
    # a new paragraph is the writer again
    assert table.loc["s007", "opinion"] > 0
    rows = cues.scan(sents)
    s006 = rows[rows.sentence == "s006"]
    assert {"attribution.turn", "attribution.verb"} <= set(s006.rule)  # "said" still shows
    turn = s006[s006.rule == "attribution.turn"].iloc[0]
    assert turn.text == sents[5].text and turn.why
    assert "A:" in texts(cues.attribution("A: No, it goes beyond that."))


def test_without_paragraphs_a_speaker_label_reaches_only_its_own_sentence():
    rows = cues.summary_table(["KOVAL: Frankly, no.", "The delays are a shameful betrayal."])
    assert rows.loc[1, "opinion"] > 0 and rows.loc[1, "attribution"] == 0
    # and the one-sentence functions know no context
    assert "disgraceful" in texts(cues.opinion("That is a disgraceful exaggeration."))


def test_a_dateline_with_a_colon_opens_no_speakers_turn():
    # one paragraph opening "NEW DELHI:" is a dateline, not a transcript: the writer's words stay theirs
    sents = _paragraphs(["NEW DELHI: Russia launched drones overnight.",
                         "This was a cowardly and disgraceful attack that killed 12 people."])
    table = cues.summary_table(sents).set_index("sentence")
    assert table.loc["s002", "opinion"] > 0 and table.loc["s002", "unsourced_numbers"] == 1


def test_a_round_up_whose_paragraphs_open_with_places_is_no_transcript():
    # each place opens one paragraph; speakers in a transcript take turns (a label comes back)
    sents = _paragraphs(["Kherson: Shelling hit the market.", "This brutal attack was shameless."],
                        ["Belgorod: Drones struck a depot.", "The regime's claims are absurd."],
                        ["Zaporizhzhia: Power was cut.", "It was a cruel blow."])
    table = cues.summary_table(sents).set_index("sentence")
    assert (table.loc[["s002", "s004", "s006"], "opinion"] > 0).all()
    interview = _paragraphs(["TAPPER: Was it a disgrace?"], ["KOVAL: Frankly, yes.", "It was shameful."],
                            ["TAPPER: Why?"], ["KOVAL: Because.", "The delays were a disgrace."])
    table = cues.summary_table(interview).set_index("sentence")
    assert table.loc["s003", "opinion"] == 0 and table.loc["s006", "opinion"] == 0


# ---------------------------------------------------------------- QA round on new genres (fact checks,
# courts, science, sport): sentences written for these tests in the shapes those articles use

@pytest.mark.parametrize("s, rule, text", [
    ("The judge ruled that the search was unlawful.", "attribution.finding", "ruled that"),
    ("The court held that the law may be unconstitutional.", "attribution.finding", "held that"),
    ("The jury heard that the attack lasted an hour.", "attribution.finding", "heard that"),
    ("The findings, published in a journal, suggest the drug may be harmful.", "attribution.finding",
     "findings, published in a journal, suggest"),
    ("Two studies find that sleep helps memory.", "attribution.finding", "studies find"),
])
def test_court_and_science_reporting_shapes(s, rule, text):
    assert (rule, text) in [(h.rule, h.text) for h in cues.attribution(s)]


@pytest.mark.parametrize("s", [
    "He held that post for a decade.",
    "They heard that noise every night.",
    "She held a rally that drew thousands.",
])
def test_demonstrative_that_after_court_verbs_reports_nothing(s):
    assert not [h for h in cues.attribution(s) if h.rule == "attribution.finding"]


@pytest.mark.parametrize("s, words", [
    # the source's hedge is the source's once the finding is seen
    ("The findings, published in a journal, suggest the drug may be harmful.", []),
    # a noun of saying after a possessive names a claim; what the writer says of it stays the writer's
    ("The minister's claim is probably wrong.", ["probably", "wrong"]),
    # a place of saying inside the subject: the verdict after "is" is the fact checker's
    ("The claim in the viral post is a shameful fabrication.", ["shameful"]),
    ("A misleading post on Facebook is a shameful hoax.", ["misleading", "shameful", "hoax"]),
    # the writer points to their own earlier words, then speaks on
    ("As we have explained before, this claim is wildly misleading.", ["wildly", "misleading"]),
    # a fact check's headings are not speakers
    ("Verdict: False. The claim is baseless.", ["baseless"]),
])
def test_writer_keeps_the_verdict(s, words):
    assert [h.text for h in cues.opinion(s)] == words


@pytest.mark.parametrize("s, words", [
    ("The minister's aides claim that the figures are wrong.", []),  # a verb after a plural noun
    ("The minister's claim that the figures are wrong was repeated.", []),  # "that" hands the words over
    ("The minister wrote on Facebook that the plan was a disgrace.", []),
    ("In it I argued that the reason was simple greed.", []),  # reported, if from the writer's past
])
def test_reported_words_stay_the_sources(s, words):
    assert [h.text for h in cues.opinion(s)] == words


@pytest.mark.parametrize("s, kept", [
    ("We contacted the ministry but have not received a reply.", False),
    ("We found the picture on a verified account.", False),
    ("As we stood under the roof, he pointed north.", False),
    ("We must not abandon our allies.", True),
    ("We believe the plan is a mistake.", True),
])
def test_newsroom_we_tells_the_story_and_takes_no_side(s, kept):
    assert any(h.rule.startswith("first_person.") for h in cues.opinion(s)) is kept
    assert cues.first_person(s)  # the first-person family still shows the pronoun


def test_fact_check_headings_are_not_speakers_or_verbs():
    assert cues.attribution("Claim: A study shows the vaccine alters DNA.") == [
        h for h in cues.attribution("Claim: A study shows the vaccine alters DNA.") if h.rule != "attribution.verb"]
    for s in ("Verdict: False.", "Rating: Pants on Fire.", "Our ruling: Mostly false."):
        assert not [h for h in cues.attribution(s) if h.rule == "attribution.colon_speaker"], s


@pytest.mark.parametrize("s", [
    "The 'keeper was beaten at the near post.",
    "They'll play 'til midnight.",
    "Rock 'n' roll never died.",
    "Give 'em a chance.",
])
def test_a_word_cut_short_at_its_start_opens_no_quotation(s):
    assert cues.quote_spans(s) == []


def test_a_quotation_that_starts_with_a_cut_word_still_closes():
    s = "He said 'til death do us part' was his motto."
    assert cues.quote_spans(s) == [(8, 30)]


@pytest.mark.parametrize("s, hedged", [
    ("Smokers are less likely to survive.", False),
    ("Women were twice as likely to agree.", False),
    ("The rate is more likely than not to rise.", False),
    ("The plan will likely fail.", True),
])
def test_measured_likelihood_is_no_hedge(s, hedged):
    assert any(h.text == "likely" for h in cues.hedges(s)) is hedged


@pytest.mark.parametrize("s", [
    "West Ham won 3-1 at home.",
    "The Senate voted 52-48 to pass it.",
    "DeLay, 63, was also convicted.",
    "The 42-year-old striker scored twice.",
    "The risk fell (95% CI wide).",
])
def test_scores_ages_and_confidence_levels_are_no_figures_to_check(s):
    assert cues.unsourced_numbers(s) == []


def test_a_figure_next_to_them_is_still_flagged():
    assert [h.text for h in cues.unsourced_numbers("West Ham won 3-1 before 40,000 fans.")] == ["40,000"]


@pytest.mark.parametrize("s, words", [
    ("Hilaire Belloc, in his book The Servile State, defined it.", []),  # a title
    ("The Liberal Democrats called it a disgrace.", ["disgrace"]),
    ("This plan is a Disaster.", ["Disaster"]),  # a capital alone is no name
    ("Furious Minister Slams Cowardly Attack On Border Town", ["Furious", "Slams", "Cowardly"]),  # a title-case headline
])
def test_a_judging_word_inside_a_name_is_not_the_writers(s, words):
    assert [h.text for h in cues.opinion(s)] == words


@pytest.mark.parametrize("s, kept", [
    ("A growing number of analysts speculate that sales will slow.", False),  # the analysts' guess
    ("It was warm that day, he guessed, much like the day before.", False),
    ("Police suspect arson.", False),
    ("I suspect the plan will fail.", True),
    ("We can only guess what he meant.", True),
    ("It is widely assumed that the talks failed.", True),  # impersonal: the writer's
    ("Imagine a world without NATO.", True),  # the writer addresses the reader
])
def test_a_guess_is_the_writers_only_when_the_writer_guesses(s, kept):
    words = ("speculat", "guess", "suspect", "assum", "imagin")
    assert any(h.text.lower().split()[-1].startswith(words) for h in cues.opinion(s)) is kept


def test_a_past_that_did_not_happen_is_no_forecast():
    assert not [h for h in cues.opinion("It would have been his first goal if his shot had gone in.")
                if h.rule == "opinion.prediction"]
    assert [h.rule for h in cues.opinion("If the talks fail, the war will go on.")] == ["opinion.prediction"]


def test_a_noun_of_saying_after_a_possessive_is_shown_as_a_statement():
    assert [(h.rule, h.text) for h in cues.attribution("The PM's claim is probably wrong.")] == [
        ("attribution.statement", "claim")]
    assert "reporting verb" not in cues.attribution("The PM's claim is probably wrong.")[0].why
    assert [h.rule for h in cues.attribution("He's said it before.")] == ["attribution.verb"]  # he has said


# ---------------------------------------------------------------- QA round on war and wire reports:
# sentences written for these tests in the shapes those reports use

@pytest.mark.parametrize("s, rule, text", [
    ("Russian strikes hit the city, killing at least 11 people.", "military.casualties", "killing at least 11"),
    ("The raid killed seventeen fighters.", "military.casualties", "killed seventeen fighters"),
    ("Russia has also lost 8,860 tanks.", "military.equipment", "lost 8,860 tanks"),
    ("Troops captured two tanks.", "military.equipment", "captured two tanks"),
    ("Ukraine downs all 27 drones launched overnight.", "military.equipment", "downs all 27 drones"),
    ("The rebels sank a cargo ship.", "military.equipment", "sank a cargo ship"),
    ("Air defences shot down 22 out of 33 drones.", "military.equipment", "shot down 22 out of 33 drones"),
])
def test_war_report_claim_shapes(s, rule, text):
    assert (rule, text) in [(h.rule, h.text) for h in cues.military_claims(s)]


@pytest.mark.parametrize("s", [
    "The U.S. think tank was founded in 2007.",
    "(Reporting by Jane Roe; Editing by John Doe)",
    "A war that has already claimed more than 10,000 civilian lives.",
    "Some 120,000 troops were posted on the border.",
])
def test_war_report_attribution_false_alarms(s):
    assert not [h for h in cues.attribution(s) if h.rule in ("attribution.stance", "attribution.verb",
                                                               "attribution.statement")]


def test_a_posted_message_is_still_a_statement():
    assert "posted on" in texts(cues.attribution("He posted on Telegram that the attack failed."))


def test_a_tass_dateline_is_no_figure_to_check():
    assert texts(cues.unsourced_numbers("MOSCOW, August 15. /TASS/. Kiev attacked with 12 drones.")) == ["12"]


def test_an_article_marked_english_whose_words_are_not_gets_the_plain_warning():
    from types import SimpleNamespace

    sents = [SimpleNamespace(id="s001", text="Москва заявила, что войска взяли село.", paragraph=0),
             SimpleNamespace(id="s002", text="Украина это отрицает, заявил представитель.", paragraph=0)]

    class Marked(list):
        meta = {"language": "en"}
        sentences = property(lambda self: list(self))

    with pytest.warns(cues.CuesLanguageWarning, match="not in English"):
        assert cues.scan(Marked(sents)).empty


@pytest.mark.parametrize("s", ["His claim couldn't be independently verified.",
                               "The claim could not be independently verified by Reuters."])
def test_a_verification_note_is_no_hedge_of_the_writer(s):
    assert cues.opinion(s) == []


@pytest.mark.parametrize("s", [
    "Her great grandchildren came to the funeral.",      # QA on obituaries, weather and film listings
    "Damaging winds are expected on Tuesday.",
    "Repairs cost an awful lot of money.",
    "The film won best picture in 1975.",
    "A great deal of money was spent on the road.",
])
def test_judging_words_in_fixed_neutral_phrases_are_no_opinion(s):
    assert [h for h in cues.opinion(s) if h.rule.startswith("evaluative.")] == []

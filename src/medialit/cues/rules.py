"""The rules: the table of every rule (family, description, "why" sentence), the :class:`Hit`
that a rule produces, and the word constants that several modules share.

A rule id such as ``"attribution.verb"`` names a group and a rule; :data:`RULE_FAMILY` gives the
family (the public function) that the rule belongs to. The word lists themselves live in ``data/lexicons/*.txt``
(see :mod:`medialit.cues.lexicon`).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    """One signal: which rule fired, on which words, where, and why.

    ``s[start:end] == text`` for the sentence ``s`` that was analysed.
    """

    rule: str
    text: str
    start: int
    end: int
    why: str
    in_quote: bool = False

    @property
    def family(self) -> str:
        """The family (function) this hit belongs to, e.g. ``"attribution"``."""
        return RULE_FAMILY.get(self.rule, self.rule.split(".", 1)[0])


#: rule id -> (family, plain-language description, why-template using {text})
_RULE_TABLE: dict[str, tuple[str, str, str]] = {
    # attribution
    "attribution.verb": ("attribution", "A reporting verb (said, told, announced, denied...) shows that the information comes from someone.",
                         "'{text}' is a reporting verb: the sentence passes on what someone said or wrote."),
    "attribution.according_to": ("attribution", "A phrase such as 'according to' or 'citing' names where the information comes from.",
                                 "'{text}' points to the source of the information."),
    "attribution.statement": ("attribution", "A phrase such as 'in a statement', 'told reporters' or 'a spokesperson' marks an official or reported statement.",
                              "'{text}' marks a statement made by someone, so the sentence reports it."),
    "attribution.unnamed": ("attribution", "Unnamed or vague sources ('sources say', 'reportedly', 'it was reported', 'is expected to') attribute the information without saying exactly who.",
                            "'{text}' attributes the information to a source that is not named."),
    "attribution.colon_quote": ("attribution", "A speaker followed by a colon and a quotation mark introduces someone's own words.",
                                "'{text}' introduces a quotation with a colon, so the words that follow are someone else's."),
    "attribution.stance": ("attribution", "A verb that gives someone's thought, wish or position (believes, thinks, hopes, fears, supports, opposes, rejected, urging, asked): the sentence passes on someone's view, not the writer's. A passive with no 'by ...' (\"has been criticized\") names nobody, so it does not count.",
                           "'{text}' gives someone's thought, wish or position: the sentence reports a view held by someone."),
    "attribution.colon_speaker": ("attribution", "A name at the start of a sentence followed by a colon ('Clinton: Time to act.', 'REPORTER: Why now?'), as in headlines, transcripts and interviews: the words after the colon are that speaker's or source's.",
                                  "'{text}' names who is speaking: the words after the colon are theirs."),
    "attribution.turn": ("attribution", "In an interview or transcript, a sentence that follows a speaker's name and colon in the same paragraph ('KOVAL: Frankly, no. The delays are shameful.'): the speaker is still talking, so the words are theirs. Found by cues.scan and cues.summary_table, which read the sentences in order.",
                         "The speaker named at the start of this paragraph is still talking: these are their words, not the writer's."),
    "attribution.medium": ("attribution", "The word 'in' + a/his/her/its/the + a means of communication (in a tweet, in her ruling, in a televised address, in an open letter, in a sermon, in the latest ... poll): the words that follow were said or written somewhere by someone. Found by its shape, so new combinations count too.",
                           "'{text}' names the statement, post, letter or speech the information comes from."),
    "attribution.finding": ("attribution", "A study, survey, poll, report, analysis or data set followed in the same sentence by 'found', 'shows', 'concluded'... ('a survey of 1,500 voters found'), or 'found/concluded/ruled ... that': the sentence reports someone's findings.",
                            "'{text}' reports what a study, report or inquiry found, so the information comes from it."),
    "attribution.labelling": ("attribution", "A labelling verb (called, branded, described ... as, dismissed ... as, dubbed) followed by words in quotation marks: the sentence reports the label someone used.",
                              "'{text}' reports the words someone used to label a person or thing."),
    "attribution.quote": ("attribution", "The sentence reproduces someone's words in quotation marks (four words or more).",
                          "The sentence quotes someone's words directly: {text}"),
    # quotes
    "quote.direct": ("quotes", "A complete direct quotation (four words or more) inside the sentence.",
                     "These words stand inside quotation marks, so they are presented as someone's exact words."),
    "quote.short": ("quotes", "A short quoted term (one to three words): either a quoted word or 'scare quotes' that distance the author from a term.",
                    "'{text}' is a short quoted term: check whether it quotes someone or signals doubt or mockery ('scare quotes')."),
    "quote.open": ("quotes", "A quotation opens in this sentence and continues after it.",
                   "A quotation starts here and continues into the next sentence."),
    "quote.close": ("quotes", "A quotation that began before this sentence ends here.",
                    "These words end a quotation that started in an earlier sentence."),
    "quote.continued": ("quotes", "The whole sentence lies inside a quotation that began in an earlier sentence.",
                        "The whole sentence is inside a quotation that started before it."),
    # hedges and modals
    "hedge.modal": ("hedges", "A modal verb of possibility (may, might, could) presents something as possible, not certain.",
                    "'{text}' presents this as possible rather than certain: it speculates or hedges."),
    "hedge.adverb": ("hedges", "A hedging adverb or adjective (probably, likely, perhaps, apparently) signals uncertainty or a guess.",
                     "'{text}' signals a guess or uncertainty rather than an established fact."),
    "hedge.verb": ("hedges", "A verb such as 'seems', 'appears to' or 'suggests' hedges a claim.",
                   "'{text}' hedges: it says something seems true without saying it is."),
    "hedge.conditional": ("hedges", "The word 'would' in a sentence that names no source: the writer speculates about what would happen (reported speech such as 'she said it would...' does not count).",
                          "'{text}' speculates about what would happen, and the sentence gives no source for it."),
    "hedge.phrase": ("hedges", "A hedging or speculating phrase ('in all likelihood', 'it is possible that').",
                     "'{text}' is a speculating phrase: the sentence guesses rather than reports."),
    "modal.obligation": ("hedges", "A modal of obligation or necessity (should, must, ought to) tells the reader what ought to happen.",
                         "'{text}' says what ought to happen: that is a recommendation or judgement, not a report."),
    # first person
    "first_person.pronoun": ("first_person", "A first-person pronoun (I, me, we, our...) shows the writer or speaker talking about themselves.",
                             "'{text}' is first person: someone is speaking for themselves or their group."),
    "first_person.stance": ("first_person", "A first-person stance ('I think', 'we believe', 'in my view') states a personal opinion.",
                            "'{text}' states a personal view, so what follows is opinion."),
    # evaluative
    "evaluative.adjective": ("evaluative", "An evaluative adjective judges something as good or bad (excellent, disastrous, foolish).",
                             "'{text}' judges rather than describes: it is an evaluation."),
    "evaluative.adverb": ("evaluative", "An evaluative or stance adverb shows the writer's attitude (fortunately, clearly, shamefully).",
                          "'{text}' shows the writer's attitude to what is reported."),
    "evaluative.noun": ("evaluative", "An evaluative noun judges something (a failure, a triumph, nonsense).",
                        "'{text}' is a judgement expressed as a noun."),
    "evaluative.verb": ("evaluative", "An evaluative verb judges an action while describing it (squander, bungle, excel).",
                        "'{text}' describes an action and judges it at the same time."),
    "evaluative.absolute": ("evaluative", "An 'un-/in-/ir- ... -able/-ible' adjective (unforgivable, irreparable, unwinnable) declares that something can never be done or undone: a sweeping judgement. Found by its shape, so new coinages count too; a short list of descriptive ones (unable, unavailable, impassable, incurable...) is left out.",
                            "'{text}' says something can never be done or undone: that is a sweeping judgement, not a measurement."),
    # loaded
    "loaded.emotive": ("loaded", "A loaded or emotive word chosen to provoke strong feelings (catastrophic, barbaric, betrayal).",
                       "'{text}' is emotionally loaded: it pushes the reader to feel something, not just to know something."),
    "loaded.name_calling": ("loaded", "A label or name used to belittle or demonise a person or group (puppet, regime, thugs).",
                            "'{text}' is a label that belittles or demonises instead of describing."),
    "loaded.exaggeration": ("loaded", "An exaggeration or sweeping claim (the worst ever, never before, total disaster).",
                            "'{text}' exaggerates or generalises; check whether the evidence supports it."),
    "loaded.so_called": ("loaded", "Words such as 'so-called', 'self-styled' or 'self-proclaimed' before a name mock or dispute it.",
                         "'{text}' casts doubt on or mocks the name that follows."),
    "loaded.compound": ("loaded", "A hyphenated label built on hate, obsession or grabbing ('Trump-hating', 'America-hating', 'gun-grabbing', 'Russia-obsessed', 'terror-loving'): found by its shape, it paints a group by a motive instead of describing it.",
                        "'{text}' labels people by a motive attributed to them (hating, grabbing, obsessed...): that is name-calling, not description."),
    "loaded.scare_quotes": ("loaded", "A single lower-case word or two in quotation marks in a sentence that names no speaker ('their \u2018democracy\u2019'): scare quotes that mock or dispute the word.",
                            "{text} stands in quotation marks although nobody is quoted: the author distances themselves from the word or mocks it ('scare quotes')."),
    # intensifiers
    "intensifier.adverb": ("intensifiers", "An intensifier (very, extremely, utterly, absolutely) strengthens a statement.",
                           "'{text}' turns up the volume of the statement."),
    "intensifier.phrase": ("intensifiers", "An intensifying phrase ('by far', 'at all', 'more than ever').",
                           "'{text}' strengthens the statement beyond a plain report."),
    # rhetoric
    "opinion.question": ("rhetoric", "A question in the text (often rhetorical in opinion writing) invites the reader to a conclusion.",
                         "This is a question, not a report: it may be steering the reader to an answer."),
    "opinion.exclamation": ("rhetoric", "An exclamation mark signals emotion or emphasis.",
                            "The exclamation mark adds emotion or emphasis."),
    "opinion.prediction": ("rhetoric", "A prediction or conditional forecast ('will ... if', 'inevitably', 'sooner or later').",
                           "'{text}' predicts what will happen: a forecast, not a fact yet."),
    "opinion.framing": ("rhetoric", "A phrase that tells the reader what to conclude or claims to reveal the hidden story ('the truth is', 'the real reason', 'in reality', 'it is no coincidence', 'let us be clear').",
                        "'{text}' tells the reader how to read the facts: the writer is arguing, not reporting."),
    # unsourced numbers
    "unsourced.percent": ("unsourced_numbers", "A percentage in a sentence that does not say where the figure comes from.",
                          "The figure '{text}' appears without a source in this sentence."),
    "unsourced.number": ("unsourced_numbers", "A number or amount in a sentence that does not say where the figure comes from.",
                         "The number '{text}' appears without a source in this sentence."),
    "unsourced.date": ("unsourced_numbers", "A date in a sentence that does not say where the information comes from.",
                       "The date '{text}' is given without a source in this sentence."),
    # military claims
    "military.territory": ("military_claims", "A claim that forces captured, liberated, cleared, encircled or advanced on a place or front.",
                           "'{text}' claims a gain of ground; such claims need confirmation from more than one side."),
    "military.casualties": ("military_claims", "A count of killed, wounded or lost soldiers or people.",
                            "'{text}' is a casualty figure; check who counted and whether others confirm it."),
    "military.equipment": ("military_claims", "A claim that weapons or vehicles were destroyed, shot down or intercepted.",
                           "'{text}' claims destroyed or intercepted equipment; check the source and any independent evidence."),
    "military.strike": ("military_claims", "A claim that a place or target was struck, shelled or bombed (missile, drone, air or artillery strikes).",
                        "'{text}' claims a strike on a target; check who reports it, and whether pictures or other sides confirm it."),
}

#: rule id -> plain-language description of what the rule looks for.
RULES: dict[str, str] = {rule: desc for rule, (_fam, desc, _why) in _RULE_TABLE.items()}
#: rule id -> family name.
RULE_FAMILY: dict[str, str] = {rule: fam for rule, (fam, _d, _w) in _RULE_TABLE.items()}
_WHY: dict[str, str] = {rule: why for rule, (_f, _d, why) in _RULE_TABLE.items()}

#: the families, in the order :func:`signals` returns them.
FAMILIES: tuple[str, ...] = (
    "attribution", "quotes", "hedges", "first_person", "evaluative", "loaded", "intensifiers",
    "rhetoric", "unsourced_numbers", "military_claims",
)
#: families whose hits make up :func:`opinion`.
OPINION_FAMILIES: tuple[str, ...] = ("evaluative", "loaded", "hedges", "first_person", "intensifiers", "rhetoric")

#: lexicon files (manifest names in data/lexicons/) and the families they feed.
LEXICONS: tuple[str, ...] = (
    "attribution", "hedges", "first_person", "evaluative", "loaded", "intensifiers", "rhetoric", "military",
)
#: the course's own list (phrases found in its case articles): only for the course's own articles.
COURSE_LEXICON = "course"

# Determiners and similar words: ``DET`` in a word list's @not_after/@not_before; the scare-quote
# rule looks past them ('known as the "ghost"') and the military rule never takes one for a place name.
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your such no any some every each "
    "another other false new fresh unverified earlier recent latest previous similar several many "
    "numerous both all most few various multiple".split()
)

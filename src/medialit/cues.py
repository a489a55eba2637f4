"""Transparent, rule-based language signals ("cues") for one sentence at a time.

Every signal is a :class:`Hit`: the id of the rule that fired (``"attribution.verb"``), the
matched words exactly as they appear in the input, their character offsets (``s[start:end] ==
text``), one plain-language sentence saying why the rule fires, and ``in_quote`` (whether the
words stand inside a direct quotation). An empty list means "no signal", never "no problem":
the cues point at words worth a second look, they do not decide anything.

The three functions the lessons use most::

    >>> import medialit as ml
    >>> [h.rule for h in ml.cues.attribution('The minister said on Monday that talks would resume.')]
    ['attribution.verb']
    >>> [(h.rule, h.text) for h in ml.cues.opinion('This reckless plan will surely fail.')]
    [('evaluative.adjective', 'reckless'), ('opinion.prediction', 'will surely')]
    >>> ml.cues.loaded('The talks ended on Tuesday.')
    []

Families (each is also a function returning ``list[Hit]``): :func:`attribution`, :func:`quotes`,
:func:`hedges` (hedges, speculation and modals of obligation), :func:`first_person`,
:func:`evaluative`, :func:`loaded` (loaded/emotive words, name-calling, exaggeration, scare
quotes, in the sense of SemEval-2020 Task 11), :func:`intensifiers`, :func:`rhetoric` (questions,
exclamations, predictions, framing phrases such as "the truth is" or "the real reason"),
:func:`unsourced_numbers` and :func:`military_claims`. :func:`opinion` is the union of the
opinion-type families (evaluative, loaded, hedges, obligation modals, first-person stance,
intensifiers, rhetoric) in the author's own words: a quoted opinion is reported, not held, so
words inside quotation marks count only with ``opinion(s, quoted=True)``. :func:`loaded` keeps
quoted words (a loaded word is loaded whoever says it). :func:`signals`, :func:`scan` and :func:`summary_table` run every
family; :data:`RULES` describes every rule in plain language.

How the rules work (so that they can be explained to a class):

* Word lists live in ``data/lexicons/*.txt`` (written for this course, CC BY 4.0; see the
  manifest there). One entry per line, ``[rule.id]`` section headers, ``#`` comments. An entry is
  a word or a phrase; a final ``*`` matches any ending (``disgrace*``); ``@lower`` matches only
  the lower-case spelling (``may`` but not the month ``May``); ``@not_after=a|b`` and
  ``@not_before=c|d e`` skip the entry after or before those words (``DET`` stands for
  determiners such as *the, a, his*; ``NUM`` for a number). Lists are loaded once, lazily, and
  verified against the manifest through :func:`medialit.data.data_file`.
* Regular forms: each word is listed once and its regular English forms are added when the lists
  load, from its part of speech (``@adj``, ``@noun``, ``@verb`` on the entry, or the section's
  default: adjectives in ``[evaluative.adjective]``, nouns in ``[evaluative.noun]`` and
  ``[loaded.name_calling]``, verbs in ``[evaluative.verb]``; ``@exact`` adds none). A verb gets
  -s, -ed and -ing (*hallucinate* -> *hallucinates, hallucinated, hallucinating*), a noun its
  plural, an adjective its -ly adverb (*terrible* -> *terribly*, counted as an evaluative adverb)
  and, when short, -er/-est (*grim* -> *grimmer, grimmest*). The forms keep the entry's checks.
* Shapes, not lists: an ``un-/in-/ir- ... -able/-ible`` adjective (*unforgivable, unwinnable*)
  counts as a sweeping judgement (``evaluative.absolute``) unless it is one of the descriptive
  ones reports use (*unable, unavailable, impassable*...); one or two lower-case words in quotation
  marks in a sentence that quotes nobody are scare quotes (``loaded.scare_quotes``); a hyphenated
  label built on a motive (*Trump-hating, gun-grabbing, Russia-obsessed*; not *peace-loving*) is
  name-calling (``loaded.compound``); "in" + *a/his/her/its/the* + a means of communication
  (*in a tweet, in her ruling, in a televised address*) names where words were said
  (``attribution.medium``).
* A few patterns are written in this file: speaker + colon + quote, quotation marks, numbers and
  dates, questions and exclamations, findings ("a survey of 1,500 voters ... found", "concluded
  in January that": ``attribution.finding``), a labelling verb followed by a quotation ("called
  the lawmakers 'cowards'": ``attribution.labelling``), "will ... if" predictions, "would" in a sentence that names
  no source (reported speech such as "she said it would..." does not count), military-claim
  patterns (a territorial verb followed by a place noun or a place name; casualty counts;
  destroyed or intercepted equipment).

Direct quotations (a choice, documented here): words inside quotation marks are the speaker's,
not the author's. Every hit says whether it is ``in_quote``. :func:`opinion` and :func:`loaded`
still report quoted words (a loaded word in a quote is still loaded language, and a class often
wants to see it), marked ``in_quote=True``; pass ``quoted=False`` to keep only the author's own
words. Bare first-person pronouns count as opinion only outside quotes (a quoted "we" is the
speaker talking, not the author taking a stance). :func:`attribution` fires for reported speech,
including a sentence that reproduces someone's words in quotation marks.
:func:`unsourced_numbers` reports numbers only in sentences where no attribution cue fired.

Robustness: empty or blank text gives ``[]``; ``None`` or a non-string raises ``TypeError``;
text that does not look like English gets no word-list hits (quotes, numbers and punctuation
rules still run); pasted HTML is masked (nothing matches inside ``<tags attr="...">``, comments,
``<script>``/``<style>`` or ``&entities;``) while offsets still refer to the input. Every step is
a linear pass, so a book-length text is fine (see ``benchmarks/bench_cues.py``).

``import medialit.cues`` imports neither pandas nor matplotlib; :func:`scan` and
:func:`summary_table` import pandas when called.
"""
from __future__ import annotations

import bisect
import functools
import re
import threading
from dataclasses import dataclass, replace as _replace
from typing import Any, Iterable

__all__ = [
    "Hit", "RULES", "FAMILIES", "OPINION_FAMILIES", "attribution", "quotes", "hedges", "first_person",
    "evaluative", "loaded", "intensifiers", "rhetoric", "unsourced_numbers", "military_claims",
    "opinion", "signals", "scan", "summary_table", "quote_spans", "explain", "lexicon_words", "RULE_FAMILY",
    "SCAN_COLUMNS", "LEXICONS",
]


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


# ---------------------------------------------------------------------------- the rules

#: rule id -> (family, plain-language description, why-template using {text})
_RULE_TABLE: dict[str, tuple[str, str, str]] = {
    # attribution
    "attribution.verb": ("attribution", "A reporting verb (said, told, announced, denied...) shows that the information comes from someone.",
                         "'{text}' is a reporting verb: the sentence passes on what someone said or wrote."),
    "attribution.according_to": ("attribution", "A phrase such as 'according to' or 'citing' names where the information comes from.",
                                 "'{text}' points to the source of the information."),
    "attribution.statement": ("attribution", "A phrase such as 'in a statement', 'told reporters' or 'a spokesperson' marks an official or reported statement.",
                              "'{text}' marks a statement made by someone, so the sentence reports it."),
    "attribution.unnamed": ("attribution", "Unnamed or vague sources ('sources say', 'reportedly', 'it was reported') attribute the information without saying exactly who.",
                            "'{text}' attributes the information to a source that is not named."),
    "attribution.colon_quote": ("attribution", "A speaker followed by a colon and a quotation mark introduces someone's own words.",
                                "'{text}' introduces a quotation with a colon, so the words that follow are someone else's."),
    "attribution.medium": ("attribution", "The word 'in' + a/his/her/its/the + a means of communication (in a tweet, in her ruling, in a televised address, in an open letter, in a sermon): the words that follow were said or written somewhere by someone. Found by its shape, so new combinations count too.",
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

_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your such no any some every each "
    "another other false new fresh unverified earlier recent latest previous similar several many "
    "numerous both all most few various multiple".split()
)
# Words before a capital "I" that make it a roman numeral (World War I, Phase I, Louis I).
_ROMAN_BEFORE = frozenset(
    "war phase type class part chapter article title level stage category annex section act "
    "volume book grade tier henry louis charles george edward william james richard elizabeth "
    "peter nicholas alexander paul john mary frederick wilhelm".split()
)
# Frequent English function words, used only to decide whether a text looks English.
_ENGLISH_MARKERS = frozenset(
    "the of and to is that for with by it from he she they this are were has have had be been not "
    "would said which who its their his her but or at what when there than after about into more "
    "could says over as why how can you we our my your these those "
    # also words of other languages (German "in", "was", "will"; French "a", "on"): they count
    # for English only when they outnumber the other languages' function words, see below
    "a an in on will also was so".split()
)

# Frequent function words of other languages written in Latin letters (none of them a common
# English word), to keep short non-English sentences from matching English word lists.
_OTHER_MARKERS = frozenset(
    # French
    "le la les des du une est et dans pour pas qui que sur avec au aux ce cette sont nous vous ils elle "
    "c'est n'est l'on d'un d'une selon "
    # German
    "der das und ist nicht mit dem ein eine sich auf für von zu im ich wir sie sind werden wurde "
    # Spanish, Portuguese
    "el los las y es del por con una para como pero muy está son não uma com para os também "
    # Italian
    "il di che non è della delle degli gli sono anche "
    # Dutch
    "het een en van niet ik zijn op ook".split()
)

# ---------------------------------------------------------------------------- lexicons

@dataclass(frozen=True)
class _Entry:
    rule: str
    tokens: tuple[str, ...]  # lower-case tokens; last may end with "*"
    lower_only: bool = False
    not_after: tuple[tuple[str, ...], ...] = ()
    not_before: tuple[tuple[str, ...], ...] = ()
    source: str = ""  # "lexicon:line" for explain()
    forms: str = ""  # "adj", "noun", "verb" (regular forms are added) or "exact" (none); "" = section default
    generated: bool = False  # a regular form made from another entry, not a line of the file

    def __post_init__(self):
        # one-word alternatives go into sets (fast look-up); longer ones stay as sequences
        for name in ("not_after", "not_before"):
            alts = getattr(self, name)
            object.__setattr__(self, name + "_words", frozenset(a[0] for a in alts if len(a) == 1 and a[0] != "#num"))
            object.__setattr__(self, name + "_num", any(a == ("#num",) for a in alts))
            object.__setattr__(self, name + "_seqs", tuple(a for a in alts if len(a) > 1))


class _Lexicon:
    """All word lists merged into lookup tables keyed by the (first) lower-case token."""

    def __init__(self, entries: list[_Entry]):
        self.single: dict[str, list[_Entry]] = {}
        self.prefix: dict[str, list[_Entry]] = {}
        self.phrase: dict[str, list[_Entry]] = {}
        self.rule_words: dict[str, set[str]] = {}
        for e in entries:
            if len(e.tokens) == 1 and e.tokens[0].endswith("*"):
                self.prefix.setdefault(e.tokens[0][:-1], []).append(e)
            elif len(e.tokens) == 1:
                self.single.setdefault(e.tokens[0], []).append(e)
            else:
                self.phrase.setdefault(e.tokens[0], []).append(e)
            if not e.generated:
                self.rule_words.setdefault(e.rule, set()).add(" ".join(e.tokens))
        for lst in self.phrase.values():
            lst.sort(key=lambda e: -len(e.tokens))
        self.prefix_lengths = sorted({len(p) for p in self.prefix})
        self.entries = entries


def _parse_lexicon(text: str, source: str) -> list[_Entry]:
    entries: list[_Entry] = []
    rule = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            rule = line[1:-1].strip()
            if rule not in _RULE_TABLE:
                raise ValueError(f"{source} line {lineno}: unknown rule section [{rule}].")
            continue
        if rule is None:
            raise ValueError(f"{source} line {lineno}: an entry comes before any [rule.id] section.")
        word, *flags = line.split("@")
        tokens = tuple(t.lower() for t in re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*\*?", word.strip().replace("’", "'")))
        if not tokens:
            raise ValueError(f"{source} line {lineno}: no word in {raw!r}.")
        kw: dict[str, Any] = {}
        for flag in flags:
            flag = flag.strip()
            if flag == "lower":
                kw["lower_only"] = True
            elif flag in _FORM_FLAGS:
                if len(tokens) != 1 or tokens[0].endswith("*"):
                    raise ValueError(f"{source} line {lineno}: @{flag} works only on a single word without '*'.")
                kw["forms"] = flag
            elif flag.startswith(("not_after=", "not_before=")):
                key, val = flag.split("=", 1)
                alts: list[tuple[str, ...]] = []
                for alt in val.split("|"):
                    if alt.strip() == "DET":
                        alts.extend((d,) for d in sorted(_DETERMINERS))
                    elif alt.strip() == "NUM":
                        alts.append(("#num",))
                    else:
                        alts.append(tuple(alt.lower().split()))
                kw[key] = tuple(alts)
            else:
                raise ValueError(f"{source} line {lineno}: unknown flag @{flag}.")
        entries.append(_Entry(rule, tokens, source=f"{source}:{lineno}", **kw))
    return entries


# ---------------------------------------------------------------------------- regular forms
#
# A word list names each word once; the regular English forms are generated when the lists are
# loaded, from the part of speech of the entry: the section gives a default (adjectives in
# [evaluative.adjective], nouns in [evaluative.noun] and [loaded.name_calling], verbs in
# [evaluative.verb]); an entry can say @adj, @noun or @verb itself (the loaded list mixes them),
# or @exact to get no extra forms (``great``: "greater" is not a judgement). The forms keep the
# entry's rule and @lower/@not_after/@not_before checks, except that the -ly adverb of an
# evaluative adjective counts as an evaluative adverb. A form that the file already lists for the
# same family keeps the file's own line (and its checks).

_FORM_FLAGS = frozenset({"adj", "noun", "verb", "exact"})
_SECTION_FORMS = {
    "evaluative.adjective": "adj",
    "evaluative.noun": "noun",
    "evaluative.verb": "verb",
    "loaded.name_calling": "noun",
}
_VOWELS = frozenset("aeiou")


def _plural(w: str) -> str:
    """noun plural / verb 3rd person: fiasco -> fiascos, mess -> messes, bully -> bullies."""
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def _doubles(w: str) -> bool:
    """Ends consonant-vowel-consonant (slam, grovel): the final consonant may double (slammed)."""
    if not (len(w) >= 3 and w[-1] not in _VOWELS and w[-1] not in "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS):
        return False
    # one syllable (slam, brag), or British -l (grovel -> grovelled); not squander -> squanderred
    return len(re.findall(r"[aeiouy]+", w)) == 1 or w.endswith("l")


def _regular_forms(w: str, pos: str) -> list[tuple[str, str]]:
    """(form, kind) pairs for word ``w``; kind is "plural", "verb", "adverb" or "degree"."""
    out: list[tuple[str, str]] = []
    if not w.isascii() or not w.replace("-", "").isalpha() or len(w) < 3:
        return out
    # an entry that is already an inflected form (squandered, boasts, thugs) gets no more forms
    if pos == "noun":
        if not (w.endswith("s") and not w.endswith(("ss", "us", "is"))):
            out.append((_plural(w), "plural"))
    elif pos == "verb":
        if w.endswith(("ed", "ing", "ion")) or (w.endswith("s") and not w.endswith("ss")):
            return out
        out.append((_plural(w), "verb"))
        if w.endswith("e"):
            stem_ed, stem_ing = w + "d", (w[:-2] + "ying" if w.endswith("ie") else (w + "ing" if w.endswith("ee") else w[:-1] + "ing"))
        elif w.endswith("y") and w[-2] not in _VOWELS:
            stem_ed, stem_ing = w[:-1] + "ied", w + "ing"
        else:
            stem_ed, stem_ing = w + "ed", w + "ing"
        if not (_doubles(w) and not w.endswith("l")):  # slam -> slammed only; grovel -> both
            out += [(stem_ed, "verb"), (stem_ing, "verb")]
        if _doubles(w):
            out += [(w + w[-1] + "ed", "verb"), (w + w[-1] + "ing", "verb")]
    elif pos == "adj":
        if w.endswith("ly"):
            return out  # cowardly, costly: no -lily, no costlier ("costlier imports" is a report)
        if w.endswith("le") and w[-3] not in _VOWELS:
            ly = w[:-1] + "y"  # terrible -> terribly
        elif w.endswith("ic"):
            ly = w + "ally"  # chaotic -> chaotically
        elif w.endswith("y") and w[-2] not in _VOWELS:
            ly = w[:-1] + "ily"  # clumsy -> clumsily
        elif w.endswith("ue"):
            ly = w[:-1] + "ly"  # undue -> unduly
        elif w.endswith("ll"):
            ly = w + "y"  # dull -> dully
        else:
            ly = w + "ly"
        out.append((ly, "adverb"))
        if len(w) <= 6 and "-" not in w and not w.endswith(("ed", "ing", "ic", "al", "ous", "ish", "id", "ent", "ant", "est")):
            # short adjectives: grim -> grimmer, grimmest
            if w.endswith("e"):
                er, est = w + "r", w + "st"
            elif w.endswith("y") and w[-2] not in _VOWELS:
                er, est = w[:-1] + "ier", w[:-1] + "iest"
            elif _doubles(w):
                er, est = w + w[-1] + "er", w + w[-1] + "est"
            else:
                er, est = w + "er", w + "est"
            out += [(er, "degree"), (est, "degree")]
    return out


def _with_regular_forms(entries: list[_Entry]) -> list[_Entry]:
    """The entries plus generated regular forms (see the comment above)."""
    listed = {(e.tokens[0], e.rule.split(".", 1)[0]) for e in entries if len(e.tokens) == 1}
    out = list(entries)
    seen: set[tuple[str, str]] = set()
    for e in entries:
        if len(e.tokens) != 1 or e.tokens[0].endswith("*"):
            continue
        pos = e.forms or _SECTION_FORMS.get(e.rule, "")
        if pos in ("", "exact"):
            continue
        word = e.tokens[0]
        for form, kind in _regular_forms(word, pos):
            rule = "evaluative.adverb" if (kind == "adverb" and e.rule == "evaluative.adjective") else e.rule
            fam = rule.split(".", 1)[0]
            if (form, fam) in listed or (form, rule) in seen:
                continue
            seen.add((form, rule))
            out.append(_Entry(rule, (form,), e.lower_only, e.not_after, e.not_before,
                              source=f"{e.source} (a regular form of '{word}')", generated=True))
    return out


_LEX_LOCK = threading.Lock()
_LEX: _Lexicon | None = None


def _lexicon() -> _Lexicon:
    """Load and merge every lexicon file once (manifest-verified)."""
    global _LEX
    if _LEX is None:
        with _LEX_LOCK:
            if _LEX is None:
                from .data import data_file

                entries: list[_Entry] = []
                for name in LEXICONS:
                    path = data_file("lexicons", name)
                    entries.extend(_parse_lexicon(path.read_text(encoding="utf-8"), f"data/lexicons/{path.name}"))
                _LEX = _Lexicon(_with_regular_forms(entries))
    return _LEX


def lexicon_words(rule: str) -> list[str]:
    """The word-list entries behind a rule (sorted), e.g. ``lexicon_words("loaded.name_calling")``."""
    if rule not in _RULE_TABLE:
        raise KeyError(f"Unknown rule {rule!r}. Known rules: {', '.join(sorted(RULES))}.")
    return sorted(_lexicon().rule_words.get(rule, ()))


# ---------------------------------------------------------------------------- HTML masking

_HTML_START = re.compile(r"<!--|<(?:script|style)\b|<[A-Za-z/!?]|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", re.I)
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")


_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”«»]+", re.I)


def _mask_urls(s: str) -> str:
    """Blank out web addresses (same length): words inside a URL are not the text's words."""
    if "://" not in s and "www." not in s.lower():
        return s
    return _URL.sub(lambda m: " " * len(m.group(0)), s)


def _mask_html(s: str) -> str:
    """Blank out tags, comments, script/style blocks, entities and URLs (same length as ``s``)."""
    s = _mask_urls(s)
    if "<" not in s and "&" not in s:
        return s
    pieces: list[str] = []
    pos = 0  # copied up to here
    i = 0
    lower = None
    n = len(s)
    while True:
        m = _HTML_START.search(s, i)
        if not m:
            break
        st = m.start()
        tok = m.group(0)
        if tok == "<!--":
            e = s.find("-->", st + 4)
            end = n if e < 0 else e + 3
        elif tok[0] == "&":
            end = m.end()
        elif tok.lower().startswith(("<script", "<style")):
            if lower is None:
                lower = s.lower()
            name = "</script" if tok.lower().startswith("<script") else "</style"
            e = lower.find(name, st)
            if e < 0:
                end = n
            else:
                g = s.find(">", e)
                end = n if g < 0 else g + 1
        else:
            t = _TAG.match(s, st)
            if not t:
                i = st + 1
                continue
            end = t.end()
        pieces.append(s[pos:st])
        pieces.append(" " * (end - st))
        pos = i = end
    pieces.append(s[pos:])
    return "".join(pieces)


# ---------------------------------------------------------------------------- quotations

_QUOTE_CHARS = re.compile("[\"“”«»„‘’‹›']")
_CLOSERS = {"“": "”", "«": "»", "„": "“”", "‹": "›", '"': '"', "‘": "’", "'": "'"}
_SINGLE = "‘'"


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _quote_regions(m: str, starts_in_quote: bool = False) -> list[tuple[int, int, str]]:
    """Spans of direct quotations in the masked text: (start, end, kind).

    kind: "full" (opened and closed here), "open" (opens, not closed), "close" (closes a quote
    that began earlier), "inside" (the whole text lies inside a quote that began earlier).
    Single quotes (‘ ’ and ') only open before a letter after a space or bracket, and only close
    before a non-letter, so apostrophes (the alliance’s, don't) are not taken for quotes.
    """
    regions: list[tuple[int, int, str]] = []
    n = len(m)
    opener = None
    open_at = 0
    if starts_in_quote:
        opener, open_at = "continued", 0
    seen_mark = False
    for q in _QUOTE_CHARS.finditer(m):
        p = q.start()
        c = q.group(0)
        prev = m[p - 1] if p > 0 else " "
        nxt = m[p + 1] if p + 1 < n else " "
        if opener is None:
            if c in "“«„‹":
                opener, open_at = c, p
            elif c == '"':
                # a straight quote that looks like a closer, as the first mark, ends a quote
                # that started before this sentence
                if not seen_mark and not prev.isspace() and (nxt.isspace() or not _is_letter(nxt)) and p > 0:
                    regions.append((0, p + 1, "close"))
                else:
                    opener, open_at = c, p
            elif c in _SINGLE:
                if (prev.isspace() or prev in "([{—–-\"“") and _is_letter(nxt):
                    opener, open_at = c, p
            elif c in "”»›" and not seen_mark:
                regions.append((0, p + 1, "close"))
            # a stray ’ or ' outside a quote is an apostrophe
            seen_mark = seen_mark or c not in "’'"
            continue
        if opener == "continued":
            if c in "”»\"" or (c in "’'" and prev in ",.!?;:" and not _is_letter(nxt)):
                regions.append((0, p + 1, "close"))
                opener = None
                seen_mark = True
            continue
        seen_mark = True
        if opener in _SINGLE:
            if c in "’'" and not _is_letter(nxt) and not prev.isspace():
                regions.append((open_at, p + 1, "full"))
                opener = None
            continue
        if c in _CLOSERS[opener] and not (c == "“" and opener != "„"):
            regions.append((open_at, p + 1, "full"))
            opener = None
    if opener == "continued":
        regions.append((0, n, "inside"))
    elif opener is not None:
        regions.append((open_at, n, "open"))
    return regions


def quote_spans(s: str, starts_in_quote: bool = False) -> list[tuple[int, int]]:
    """Character spans of the direct quotations in ``s`` (quotation marks included).

    ``starts_in_quote=True`` says that a quotation opened in an earlier sentence is still open.
    """
    _check_text(s)
    return [(a, b) for a, b, _k in _analyse(s, starts_in_quote).quotes]


# ---------------------------------------------------------------------------- analysis

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class _Analysis:
    __slots__ = ("s", "masked", "tokens", "lows", "quotes", "quote_starts", "english", "lex_hits", "cache", "lowset")

    def __init__(self, s: str, starts_in_quote: bool):
        self.s = s
        self.masked = _mask_html(s)
        self.tokens = [(t.start(), t.end()) for t in _WORD.finditer(self.masked)]
        self.lows = [self.masked[a:b].lower().replace("’", "'") for a, b in self.tokens]
        self.lowset = set(self.lows)
        self.quotes = _quote_regions(self.masked, starts_in_quote)
        self.quote_starts: list[int] | None = None
        self.english = _looks_english(self.lows)
        self.lex_hits: list[tuple[str, int, int, int]] | None = None  # (rule, start, end, first token)
        self.cache: dict[str, tuple[Hit, ...]] = {}

    def in_quote(self, start: int, end: int) -> bool:
        # regions are sorted and do not overlap: look at the last one starting at or before `start`
        if not self.quotes:
            return False
        if self.quote_starts is None:
            self.quote_starts = [q[0] for q in self.quotes]
        k = bisect.bisect_right(self.quote_starts, start) - 1
        return k >= 0 and end <= self.quotes[k][1]

    def hit(self, rule: str, start: int, end: int) -> Hit:
        text = self.s[start:end]
        why = _WHY[rule].format(text=_short(text))
        return Hit(rule, text, start, end, why, self.in_quote(start, end))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _looks_english(lows: list[str]) -> bool:
    """False when a text has more French/German/Spanish/Italian/Dutch/Portuguese function words
    than English ones, or (8+ words) almost no English function words."""
    en = sum(1 for w in lows if w in _ENGLISH_MARKERS)
    other = sum(1 for w in lows if w in _OTHER_MARKERS)
    if other > en:
        return False
    return len(lows) < 8 or en / len(lows) >= 0.06


def _check_text(s: Any) -> None:
    if not isinstance(s, str):
        kind = "None" if s is None else type(s).__name__
        raise TypeError(
            f"cues work on one sentence given as text (a str), but got {kind}. "
            "For an article, pass article.sentences to scan(), or a sentence's .text."
        )


@functools.lru_cache(maxsize=2048)
def _analyse(s: str, starts_in_quote: bool = False) -> _Analysis:
    return _Analysis(s, starts_in_quote)


def _tokens_match(lows: list[str], i: int, seq: tuple[str, ...]) -> bool:
    if i < 0 or i + len(seq) > len(lows):
        return False
    for k, w in enumerate(seq):
        low = lows[i + k]
        if w == "#num":
            if not low[:1].isdigit():
                return False
        elif w.endswith("*"):
            if not low.startswith(w[:-1]):
                return False
        elif low != w and not (low.endswith("'s") and low[:-2] == w):
            return False
    return True


def _entry_ok(a: _Analysis, e: _Entry, i: int, j: int) -> bool:
    """Context checks for an entry matched on tokens i..j-1."""
    if e.lower_only:
        s0, e0 = a.tokens[i]
        if not a.masked[s0:e0].islower():
            return False
    if e.not_after and i > 0:
        prev = a.lows[i - 1]
        if prev in e.not_after_words or (prev.endswith("'s") and prev[:-2] in e.not_after_words):
            return False
        if e.not_after_num and prev[:1].isdigit():
            return False
        for seq in e.not_after_seqs:
            if _tokens_match(a.lows, i - len(seq), seq):
                return False
    if e.not_before and j < len(a.lows):
        nxt = a.lows[j]
        if nxt in e.not_before_words or (nxt.endswith("'s") and nxt[:-2] in e.not_before_words):
            return False
        if e.not_before_num and nxt[:1].isdigit():
            return False
        for seq in e.not_before_seqs:
            if _tokens_match(a.lows, j, seq):
                return False
    return True


def _lexicon_hits(a: _Analysis) -> list[tuple[str, int, int, int]]:
    """One pass over the tokens: every word-list match as (rule, start, end, token index)."""
    if a.lex_hits is not None:
        return a.lex_hits
    out: list[tuple[str, int, int, int]] = []
    if not a.english or not a.tokens:
        a.lex_hits = out
        return out
    lex = _lexicon()
    lows, toks = a.lows, a.tokens
    single, prefix, phrase, plens = lex.single, lex.prefix, lex.phrase, lex.prefix_lengths
    for i, low in enumerate(lows):
        base = low[:-2] if low.endswith("'s") else low
        cands = phrase.get(base)
        if cands and i + 1 < len(lows):
            nxt = lows[i + 1]
            for e in cands:
                t1 = e.tokens[1]
                if nxt != t1 and t1[-1] != "*" and t1 != "#num" and not (nxt.endswith("'s") and nxt[:-2] == t1):
                    continue  # quick reject on the second word
                nt = len(e.tokens)
                if _tokens_match(lows, i, e.tokens) and _entry_ok(a, e, i, i + nt):
                    out.append((e.rule, toks[i][0], toks[i + nt - 1][1], i))
        found = single.get(low) or (single.get(base) if base != low else None)
        if found:
            for e in found:
                if _entry_ok(a, e, i, i + 1):
                    out.append((e.rule, toks[i][0], toks[i][1], i))
        elif plens:
            for L in plens:
                if L > len(base):
                    break
                got = prefix.get(base[:L])
                if got:
                    for e in got:
                        if _entry_ok(a, e, i, i + 1):
                            out.append((e.rule, toks[i][0], toks[i][1], i))
                    break
        if not found and "-" in low and len(low) == toks[i][1] - toks[i][0]:
            # look up the parts of a hyphenated word ("mob-style", "war-mongering" is whole)
            off = toks[i][0]
            for part in re.finditer(r"[^\W_]+", low):
                for e in single.get(part.group(0), ()):
                    if e.rule.startswith("loaded.") and not e.not_after and not e.lower_only:
                        out.append((e.rule, off + part.start(), off + part.end(), i))
    a.lex_hits = out
    return out


def _collect(a: _Analysis, rules: Iterable[str] | None = None, prefix: tuple[str, ...] = ()) -> list[Hit]:
    wanted = set(rules) if rules is not None else None
    hits = [a.hit(r, s, e) for r, s, e, _i in _lexicon_hits(a)
            if (wanted is not None and r in wanted) or (prefix and r.startswith(prefix))]
    return _dedupe(hits)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """Sort by position; drop exact duplicates and hits inside a longer hit of the same family."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.rule))
    out: list[Hit] = []
    reach: dict[str, int] = {}  # family -> furthest end of the hits kept so far (all start earlier)
    for h in hits:
        fam = h.family
        if h.end <= reach.get(fam, -1):
            continue
        reach[fam] = h.end
        out.append(h)
    return out


# ---------------------------------------------------------------------------- families

_COLON_QUOTE = re.compile(r":\s*[\"“«„‘']")
_WORD_BEFORE = re.compile(r"[^\W\d_][\w’'.\-)]*\s*$")


# "in a tweet", "in her ruling", "in a televised address": in + determiner + up to two words +
# a means of communication (not "in a column of tanks", not "in the post office")
_MEDIUM_NOUNS = frozenset(
    "statement statements interview interviews tweet tweets post posts letter letters speech speeches remarks "
    "comments memo memos email emails e-mail e-mails filing filings ruling rulings judgment judgement sermon "
    "sermons homily homilies report reports op-ed essay column editorial briefing address video videos "
    "message messages blog podcast broadcast testimony affidavit complaint lawsuit indictment release "
    "communique communiqué declaration announcement conversation memoir newsletter decision submission "
    "petition manifesto notes".split())
_MEDIUM_RE = re.compile(
    r"\b[Ii]n\s+(?:a|an|the|his|her|its|their|this|that|one)\s+(?:[^\W\d_][\w’'\-]*\s+){0,2}?"
    r"(?:" + "|".join(sorted((re.escape(w) for w in _MEDIUM_NOUNS), key=len, reverse=True)) + r")"
    r"(?![\w\-’'])(?!\s+(?:of|office|offices|box|boxes|bar|book|game|games)\b)")
# "a survey of 1,500 voters ... found": a source of findings, then a verb of finding (same sentence)
_FINDING_NOUNS = frozenset(
    "study studies survey surveys poll polls report reports analysis analyses review audit inquiry investigation "
    "research researchers scientists data figures statistics census records documents paper assessment estimates "
    "experiment probe evaluation autopsy post-mortem findings tests".split())
_FINDING_VERBS = frozenset(
    "found finds show shows showed concluded concludes revealed reveals indicated indicates suggests suggested "
    "estimated determined documented".split())
_PASSIVE_AUX = frozenset("was were been being is are be".split())
_PLACE_PREPS = frozenset("on in at inside near under among beside behind".split())
_TIME_WORDS = frozenset("morning afternoon evening night day week month year summer winter spring autumn "
                        "time weekend season".split())
# "concluded in January that...": a verb of finding followed by "that" within a few words
_FOUND_THAT = frozenset("found concluded determined assessed".split())
# "called the lawmakers 'spineless cowards'": a labelling verb, then a quotation in the same clause
_LABEL_VERBS = frozenset(
    "called calls calling branded brands branding labelled labeled labelling labeling dubbed dubbing termed "
    "described describes describing dismissed dismisses dismissing derided slammed characterised characterized "
    "portrayed denounced decried".split())


def _f_attribution(a: _Analysis) -> list[Hit]:
    hits = _collect(a, prefix=("attribution.",))
    if a.english:
        lows = a.lows
        if "in" in a.lowset and a.lowset & _MEDIUM_NOUNS:
            listed = {h.start for h in hits}  # a listed phrase ("in a statement") keeps its own rule
            for m in _MEDIUM_RE.finditer(a.masked):
                if m.start() not in listed:
                    hits.append(a.hit("attribution.medium", m.start(), m.end()))
        if a.lowset & _FINDING_VERBS and a.lowset & _FINDING_NOUNS:
            last_noun = -99
            for i, w in enumerate(lows):
                if w in _FINDING_NOUNS:
                    last_noun = i
                elif (w in _FINDING_VERBS and 0 < i - last_noun <= 12 and not _sentence_break(a, last_noun, i)
                      and lows[i - 1] not in _PASSIVE_AUX  # "the report was found in a drawer"
                      and not (i + 1 < len(lows) and lows[i + 1] in _PLACE_PREPS)):  # "data found on the laptop"
                    hits.append(a.hit("attribution.finding", a.tokens[last_noun][0], a.tokens[i][1]))
                    last_noun = -99
        if "that" in a.lowset and a.lowset & _FOUND_THAT:
            for i, w in enumerate(lows):
                if w in _FOUND_THAT:
                    for k in range(i + 1, min(len(lows), i + 7)):
                        if lows[k] == "that":
                            # not "was found that morning"
                            if not _clause_break(a, i, k) and not (k + 1 < len(lows) and lows[k + 1] in _TIME_WORDS):
                                hits.append(a.hit("attribution.finding", a.tokens[i][0], a.tokens[k][1]))
                            break
        if a.quotes and a.lowset & _LABEL_VERBS:
            starts = [q[0] for q in a.quotes if q[2] == "full"]
            for i, w in enumerate(lows):
                if w not in _LABEL_VERBS:
                    continue
                te = a.tokens[i][1]
                k = bisect.bisect_left(starts, te)
                if k < len(starts):
                    qs = starts[k]
                    between = a.masked[te:qs]
                    if len(_WORD.findall(between)) <= 8 and not any(c in between for c in ".!?;:"):
                        end = next(q[1] for q in a.quotes if q[0] == qs)
                        hits.append(a.hit("attribution.labelling", a.tokens[i][0], end))
    if ":" in a.masked:
        for m in _COLON_QUOTE.finditer(a.masked):
            # the word before the colon (looked for in the 40 characters before it), the colon
            # and the opening quotation mark
            lo = max(0, m.start() - 40)
            w = _WORD_BEFORE.search(a.masked, lo, m.start())
            if w:
                hits.append(a.hit("attribution.colon_quote", w.start(), m.end()))
    for st, en, kind in a.quotes:
        if kind == "inside":
            continue
        if len(_WORD.findall(a.masked[st:en])) >= 4:
            hits.append(a.hit("attribution.quote", st, en))
    return _dedupe(hits)


def _f_quotes(a: _Analysis) -> list[Hit]:
    hits = []
    for st, en, kind in a.quotes:
        if kind == "full":
            words = len(_WORD.findall(a.masked[st:en]))
            if words == 0:
                continue
            rule = "quote.short" if words <= 3 else "quote.direct"
        else:
            rule = {"open": "quote.open", "close": "quote.close", "inside": "quote.continued"}[kind]
        hits.append(a.hit(rule, st, en))
    return hits


_WOULD = frozenset({"would", "wouldn't", "would've", "'d"})
_WOULD_NOT_AFTER = frozenset(
    "that which who what it they he she we i you "
    # "the bill would ban...": describing what a proposal contains, common in plain reporting
    "bill bills proposal proposals legislation law laws measure measures rule rules regulation regulations "
    "amendment amendments treaty deal agreement plan plans scheme tariff tariffs tax budget draft directive "
    "decree order package programme program resolution sanctions reform reforms policy project".split()
)


def _f_hedges(a: _Analysis) -> list[Hit]:
    hits = _collect(a, prefix=("hedge.", "modal."))
    # "would" speculates only in the writer's own voice: not in reported speech ("said it
    # would"), not in "a plan that would..." (describing what a proposal contains)
    if a.english and (a.lowset & _WOULD) and not _family(a, "attribution"):
        for i, w in enumerate(a.lows):
            if w in _WOULD and w != "'d" and not (i > 0 and a.lows[i - 1] in _WOULD_NOT_AFTER):
                s, e = a.tokens[i]
                hits.append(a.hit("hedge.conditional", s, e))
    return _dedupe(hits)


_I_NOT_PRONOUN_AFTER = _ROMAN_BEFORE


def _f_first_person(a: _Analysis) -> list[Hit]:
    hits = []
    for r, s, e, i in _lexicon_hits(a):
        if not r.startswith("first_person."):
            continue
        word = a.masked[s:e]
        if r == "first_person.pronoun":
            if word == "US":  # the country
                continue
            if word == "I" and i > 0 and a.lows[i - 1] in _I_NOT_PRONOUN_AFTER:
                continue
            if word in ("i", "Us") and i > 0:
                continue
        hits.append(a.hit(r, s, e))
    return _dedupe(hits)


_ABSOLUTE = re.compile(r"(?:un|in|im|ir|il)([a-z]{3,}?)(?:e?able|ible)$")
# a whole word (not part of a hyphenated or apostrophe word) that could have that shape
_ABSOLUTE_WORD = re.compile(r"(?<![\w'’\-])[UuIi][a-zA-Z]{4,}[ai]ble(?![\w'’\-])")
# descriptive "un-...-able" words that plain reports use every day
_ABSOLUTE_NOT = frozenset(
    "unable unavailable inevitable invisible impassable inaccessible uninhabitable incurable inoperable "
    "unsuitable unprofitable insoluble inflammable inflatable incapable inedible unusable unreachable "
    "illegible indelible incompatible ineligible inadmissible unidentifiable unenforceable unrecognisable "
    "unrecognizable impermeable invariable inseparable immovable indivisible irreversible inhospitable "
    "unreadable unseasonable unstable unsustainable unaffordable unavoidable unsinkable inaudible "
    "impossible improbable unlikeable incomparable unbreakable unpredictable uncomfortable unreliable "
    "unacceptable unaccountable unsearchable illimitable inimitable indistinguishable imaginable "
    "immeasurable innumerable irrigable invulnerable unquestionable".split())


def _f_evaluative(a: _Analysis) -> list[Hit]:
    hits = _collect(a, prefix=("evaluative.",))
    if a.english and ("able" in a.masked or "ible" in a.masked):
        taken = {h.start for h in hits}
        for m in _ABSOLUTE_WORD.finditer(a.masked):
            low = m.group(0).lower()
            if low in _ABSOLUTE_NOT or not _ABSOLUTE.match(low) or m.start() in taken:
                continue
            hits.append(a.hit("evaluative.absolute", m.start(), m.end()))
    return _dedupe(hits)


_SO_CALLED = re.compile(r"\b(?:so[\s\-]called|self[\s\-](?:styled|proclaimed|appointed|described)|would-be|wannabe)\b", re.I)


_SCARE_NOT_AFTER = frozenset(
    "called calls call dubbed nicknamed termed named word words term terms phrase label labelled labeled "
    "as titled entitled headlined marked read reads spelled spelt".split())


def _scare_quotes(a: _Analysis) -> list[Hit]:
    """One or two lower-case words in quotation marks, when the sentence quotes nobody."""
    hits: list[Hit] = []
    for st, en, kind in a.quotes:
        if kind != "full":
            continue
        inner = _WORD.findall(a.masked[st:en])
        if not 1 <= len(inner) <= 2 or not inner[0][:1].islower() or not inner[0][:1].isalpha():
            continue
        k = bisect.bisect_left(a.tokens, (st, -1)) - 1  # the word before the opening mark
        while k >= 0 and a.lows[k] in _DETERMINERS:
            k -= 1  # known as the "ghost"
        if k >= 0 and a.lows[k] in _SCARE_NOT_AFTER:
            continue
        if _family(a, "attribution"):
            return []
        # the quotation marks are the author's own device, not someone else's words
        hits.append(_replace(a.hit("loaded.scare_quotes", st, en), in_quote=False))
    return hits


# "Trump-hating", "gun-grabbing", "Russia-obsessed": a hyphenated label built on a motive
_COMPOUND_SUFFIXES = ("-hating", "-hater", "-haters", "-grabbing", "-grabber", "-grabbers", "-obsessed",
                      "-worshipping", "-worshiping", "-loving", "-deranged")
_COMPOUND_RE = re.compile(
    r"(?<![\w\-’'])([^\W\d_][\w’']*(?:-[^\W\d_][\w’']*)*)-(?:hating|haters?|grabbing|grabbers?|obsessed|"
    r"worshipp?ing|loving|deranged)(?![\w\-])", re.I)
# "-loving" is praise in "peace-loving", "fun-loving": only a label in "Sharia-loving", "terror-loving"
_LOVING_OK = frozenset(
    "peace freedom liberty fun music nature animal sun water shade pleasure art family god home outdoor "
    "book sports football dog cat law".split())


def _f_loaded(a: _Analysis) -> list[Hit]:
    hits = _collect(a, prefix=("loaded.",))
    if a.english and "-" in a.masked and any(w.endswith(_COMPOUND_SUFFIXES) for w in a.lowset):
        for m in _COMPOUND_RE.finditer(a.masked):
            if m.group(0).lower().endswith("-loving") and m.group(1).lower().split("-")[-1] in _LOVING_OK:
                continue
            hits.append(a.hit("loaded.compound", m.start(), m.end()))
    if a.english and a.quotes:
        hits.extend(_scare_quotes(a))
    if a.english and ("so" in a.lowset or "self" in a.lowset or any(w.startswith(("so-", "self-", "would-", "wannabe")) for w in a.lowset)):
        for m in _SO_CALLED.finditer(a.masked):
            hits.append(a.hit("loaded.so_called", m.start(), m.end()))
    return _dedupe(hits)


def _f_intensifiers(a: _Analysis) -> list[Hit]:
    return _collect(a, prefix=("intensifier.",))


_END_CLAUSE = re.compile(r"[.!?…;:]")
_WILL = frozenset({"will", "won't", "would", "wouldn't", "going", "'ll"})  # not "shall": legal texts
_IF = frozenset({"if", "unless"})


def _f_rhetoric(a: _Analysis) -> list[Hit]:
    hits = _collect(a, prefix=("opinion.",))
    m = a.masked
    for rule, mark in (("opinion.question", "?"), ("opinion.exclamation", "!")):
        p = m.find(mark)
        while p >= 0:
            # a run of marks (?!, ??) counts once
            q = p
            while q + 1 < len(m) and m[q + 1] in "?!":
                q += 1
            # span: from the start of the clause to the mark
            st = p
            while st > 0 and m[st - 1] not in ".!?…\n" and not (m[st - 1] in "\"“”«»" and st - 1 > 0 and m[st - 2] in ".!?"):
                st -= 1
            while st < p and (m[st].isspace() or m[st] in "\"“”«»‘’'(—–-"):
                st += 1
            if any(ch.isalnum() for ch in m[st:p]) or st == p:
                # whose "!" or "?" it is depends on where the mark stands, not the clause start
                hits.append(_replace(a.hit(rule, st, q + 1), in_quote=a.in_quote(p, q + 1)))
            p = m.find(mark, q + 1)
    if a.english and (a.lowset & _IF) and (a.lowset & _WILL or any(w.endswith("'ll") for w in a.lowset)):
        lows = a.lows
        wills = [i for i, w in enumerate(lows) if w in _WILL and (w != "going" or (i + 1 < len(lows) and lows[i + 1] == "to"))
                 or w.endswith("'ll")]
        ifs = [i for i, w in enumerate(lows) if w in _IF]
        best = None
        for w in wills:
            # the nearest "if"/"unless" on each side (bisect keeps long texts linear)
            k = bisect.bisect_left(ifs, w)
            for f in ifs[max(0, k - 1):k + 1]:
                if abs(w - f) <= 20 and not _clause_break(a, min(w, f), max(w, f)):
                    span = (min(w, f), max(w, f))
                    if best is None or span[1] - span[0] < best[1] - best[0]:
                        best = span
        if best:
            hits.append(a.hit("opinion.prediction", a.tokens[best[0]][0], a.tokens[best[1]][1]))
    return _dedupe(hits)


def _clause_break(a: _Analysis, i: int, j: int) -> bool:
    return bool(_END_CLAUSE.search(a.masked, a.tokens[i][1], a.tokens[j][0]))


_END_SENTENCE = re.compile(r"[!?…;]|\.\s+[A-Z]")


def _sentence_break(a: _Analysis, i: int, j: int) -> bool:
    """A sentence end between tokens i and j ("U.S. officials" and "Jan. 3" are not one)."""
    return bool(_END_SENTENCE.search(a.masked, a.tokens[i][1], a.tokens[j][0]))


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
_NUMBER_RE = re.compile(
    r"(?P<date>\b(?:" + _MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")(?:\s+\d{4}\b)?)"
    r"|(?P<percent>(?<![\w.\-/])\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percentage points?\b))"
    r"|(?P<number>(?<![\w\-/])(?:[$€£¥₽]\s?)?\d+(?:[,.\u202f\u00a0]\d{3}){0,6}(?:[.,]\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?(?![\w/])"
    r"|\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|hundreds|thousands|millions|billions)\b)",
    re.I,
)
_NUMBER_NOT_AFTER = re.compile(
    r"(?:\b(?:article|articles|section|chapter|paragraph|para|no|number|page|pp?|resolution|rule|"
    r"clause|amendment|item|annex|point|room|flight|route|highway|channel|season|episode|version|"
    r"covid|g|f|su|mig|t|s)\.?\s*|[#№§-])$", re.I)


_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})


def _f_unsourced_numbers(a: _Analysis) -> list[Hit]:
    if not _DIGIT.search(a.masked) and not (_NUMBER_WORDS & a.lowset):
        return []
    if _family(a, "attribution"):
        return []
    hits = []
    m = a.masked
    for mt in _NUMBER_RE.finditer(m):
        kind = mt.lastgroup
        st, en = mt.span()
        txt = m[st:en].rstrip()
        en = st + len(txt)
        if kind == "number":
            if _NUMBER_NOT_AFTER.search(m, max(0, st - 14), st):
                continue
        hits.append(a.hit(f"unsourced.{kind}", st, en))
    return hits


_NUM = (r"(?:\d{1,3}(?:[,\s]\d{3}){1,6}|\d+(?:\.\d+)?)(?:\s?(?:thousand|million))?"
        r"|dozens|scores|hundreds|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands"
        r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred")
_QUANT = r"(?:(?:up\s+to|over|more\s+than|nearly|almost|about|around|roughly|some|at\s+least|as\s+many\s+as|approximately)\s+)?"
_CASUALTY = (r"killed|dead|deaths|died|wounded|injured|casualties|servicemen|soldiers|troops|fighters|militants|"
             r"personnel|civilians|mercenaries|combatants|prisoners|pows|people\s+killed")
_EQUIP = (r"tanks?|armou?red\s+(?:vehicles?|personnel\s+carriers?)|infantry\s+fighting\s+vehicles?|vehicles|drones?|uavs?|"
          r"missiles?|rockets?|aircraft|(?:fighter\s+)?jets?|warplanes?|helicopters?|howitzers?|artillery(?:\s+pieces?|\s+systems?)?|"
          r"(?:rocket\s+)?launchers?|air\s+defen[cs]e\s+systems?|radars?|himars|ammunition\s+depots?|depots?|warships?|boats?")
_CASUALTY_RE = re.compile(
    r"\b" + _QUANT + r"(?:" + _NUM + r")\s+(?:[A-Za-z’'\-]+\s+){0,3}?(?:" + _CASUALTY + r")\b"
    r"|\b(?:killed|wounded|eliminated|neutrali[sz]ed|lost|captured)\s+" + _QUANT + r"(?:" + _NUM + r")\b"
    r"(?:\s+(?:[A-Za-z’'\-]+\s+){0,2}?(?:" + _CASUALTY + r")\b)?",
    re.I,
)
_EQUIP_RE = re.compile(
    r"\b(?:destroyed|destroying|downed|shot\s+down|intercepted|knocked\s+out|disabled|eliminated|hit|struck|wiped\s+out)\s+"
    r"(?:[\w’'\-]+\s+){0,4}?(?:" + _EQUIP + r")\b"
    r"|\b(?:" + _NUM + r")\s+(?:[\w’'\-]+\s+){0,2}?(?:" + _EQUIP + r")\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:destroyed|downed|shot\s+down|intercepted|eliminated|hit|disabled)\b",
    re.I,
)
_CASUALTY_TRIGGERS = frozenset("killed dead deaths died wounded injured casualties servicemen soldiers troops fighters militants "
                               "personnel civilians mercenaries combatants prisoners pows eliminated lost captured".split())
_EQUIP_TRIGGERS = frozenset("destroyed destroying downed shot intercepted knocked disabled eliminated hit struck wiped".split())


def _f_military(a: _Analysis) -> list[Hit]:
    if not a.english:
        return []
    hits: list[Hit] = []
    lex = _lexicon_hits(a)
    verbs = [(s, e, i) for r, s, e, i in lex if r == "military.territory"]
    if verbs:
        ctx = bool(a.lowset & _MILITARY_CONTEXT)
        for s, e, i in verbs:
            end_tok = None
            name_tok = None
            for k in range(i + 1, min(len(a.lows), i + 9)):
                if _clause_break(a, k - 1, k):
                    break
                if a.lows[k] in _PLACE_NOUNS or a.lows[k].rstrip("s") in _PLACE_NOUNS:
                    end_tok = k
                    break
                if (name_tok is None and ctx and k <= i + 4 and a.masked[a.tokens[k][0]].isupper()
                        and a.lows[k] not in _DETERMINERS):
                    name_tok = k
            if end_tok is None:
                end_tok = name_tok
            if end_tok is not None:
                hits.append(a.hit("military.territory", s, a.tokens[end_tok][1]))
    if a.lowset & _CASUALTY_TRIGGERS:
        for mt in _CASUALTY_RE.finditer(a.masked):
            hits.append(a.hit("military.casualties", mt.start(), mt.end()))
    if a.lowset & _EQUIP_TRIGGERS:
        for mt in _EQUIP_RE.finditer(a.masked):
            hits.append(a.hit("military.equipment", mt.start(), mt.end()))
    return _dedupe(hits)


_PLACE_NOUNS = frozenset(
    "village villages town towns city cities settlement settlements front frontline front-line positions position "
    "lines line outskirts district districts region regions bridgehead heights hill hills stronghold strongholds "
    "airfield airport base bases port harbour harbor island peninsula oblast territory territories area "
    "neighbourhood neighborhood suburb suburbs garrison trenches trench fortifications road highway river bank "
    "border crossing railway junction hamlet valley ridge".split()
)
_MILITARY_CONTEXT = frozenset(
    "troops forces army military soldiers units unit brigade brigades battalion battalions regiment division "
    "fighters militants offensive counteroffensive counter-offensive front frontline artillery shelling "
    "assault airborne marines militia militias rebels insurgents garrison defenders".split()
)


_FAMILY_FUNCS = {
    "attribution": _f_attribution,
    "quotes": _f_quotes,
    "hedges": _f_hedges,
    "first_person": _f_first_person,
    "evaluative": _f_evaluative,
    "loaded": _f_loaded,
    "intensifiers": _f_intensifiers,
    "rhetoric": _f_rhetoric,
    "unsourced_numbers": _f_unsourced_numbers,
    "military_claims": _f_military,
}


def _family(a: _Analysis, family: str) -> tuple[Hit, ...]:
    got = a.cache.get(family)
    if got is None:
        got = tuple(_FAMILY_FUNCS[family](a)) if a.s.strip() else ()
        a.cache[family] = got
    return got


def _run(family: str, s: str, starts_in_quote: bool = False) -> list[Hit]:
    _check_text(s)
    if not s.strip():
        return []
    return list(_family(_analyse(s, starts_in_quote), family))


def _opinion_hits(a: _Analysis, quoted: bool = True) -> list[Hit]:
    hits: list[Hit] = []
    for fam in OPINION_FAMILIES:
        for h in _family(a, fam):
            if fam == "first_person" and h.rule == "first_person.pronoun" and h.in_quote:
                continue  # a quoted "we" is the speaker, not the author taking a stance
            if not quoted and h.in_quote:
                continue
            hits.append(h)
    # One hit per span: a word in two lists (reckless: evaluative and loaded) is kept once, the
    # first family winning; a hit inside a longer word-level hit ("surely" in "will surely") is
    # dropped. Clause-level hits (questions, exclamations) do not swallow the words inside them.
    out: list[Hit] = []
    cover_end = -1
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if h.rule in _CLAUSE_RULES:
            out.append(h)
            continue
        if h.end <= cover_end:
            continue
        cover_end = h.end
        out.append(h)
    return out


_CLAUSE_RULES = frozenset({"opinion.question", "opinion.exclamation"})


# ---------------------------------------------------------------------------- public API

def attribution(s: str) -> list[Hit]:
    """Hits showing that sentence ``s`` attributes information to a source.

    Reporting verbs (said, told, announced, denied...), 'according to', 'in a statement',
    unnamed sources ('sources say', 'reportedly', 'it was reported'), a speaker + colon + quote,
    and direct quotations of four words or more.
    """
    return _run("attribution", s)


def quotes(s: str) -> list[Hit]:
    """Direct quotations in ``s`` (straight and curly double quotes, « », „ “, ‘ ’)."""
    return _run("quotes", s)


def hedges(s: str) -> list[Hit]:
    """Hedges and speculation (may, might, probably, appears to...) and modals of obligation (should, must)."""
    return _run("hedges", s)


def first_person(s: str) -> list[Hit]:
    """First-person pronouns (I, we, our...) and first-person stance ('I think', 'in my view')."""
    return _run("first_person", s)


def evaluative(s: str) -> list[Hit]:
    """Evaluative adjectives, adverbs, nouns and verbs (word list ``data/lexicons/evaluative.txt``)."""
    return _run("evaluative", s)


def loaded(s: str, quoted: bool = True) -> list[Hit]:
    """Loaded and emotive words, name-calling labels, 'so-called', and exaggeration.

    ``quoted=False`` drops hits inside direct quotations (the author's own words only).
    """
    hits = _run("loaded", s)
    return hits if quoted else [h for h in hits if not h.in_quote]


def intensifiers(s: str) -> list[Hit]:
    """Intensifiers (very, extremely, utterly, absolutely, by far...)."""
    return _run("intensifiers", s)


def rhetoric(s: str) -> list[Hit]:
    """Questions, exclamations and predictions ('will ... if', 'inevitably', 'sooner or later')."""
    return _run("rhetoric", s)


def unsourced_numbers(s: str) -> list[Hit]:
    """Numbers, percentages and dates in a sentence where no attribution cue fired."""
    return _run("unsourced_numbers", s)


def military_claims(s: str) -> list[Hit]:
    """Battlefield claims: places captured/liberated/encircled, casualty counts, destroyed equipment."""
    return _run("military_claims", s)


def opinion(s: str, quoted: bool = False) -> list[Hit]:
    """Hits showing that the *author* of ``s`` evaluates, persuades, predicts or speculates.

    The union of :func:`evaluative`, :func:`loaded`, :func:`hedges` (speculation and obligation
    modals), :func:`first_person` (stance phrases), :func:`intensifiers` and :func:`rhetoric`,
    in the author's own words: a judgement inside a direct quotation is the speaker's, and a
    sentence that quotes it *reports* an opinion (``'"A disgrace," the mayor said.'`` gives
    no hit). Scare quotes count, since they are the author's device. ``quoted=True`` also
    returns the hits inside quotations (marked ``in_quote=True``), as :func:`signals` does.
    """
    _check_text(s)
    if not s.strip():
        return []
    return _opinion_hits(_analyse(s, False), quoted)


def signals(s: str, families: Iterable[str] | None = None, *, starts_in_quote: bool = False) -> dict[str, list[Hit]]:
    """Every family's hits for sentence ``s``: ``{family: [Hit, ...]}`` (families in :data:`FAMILIES` order).

    ``families`` may name a subset, and may include ``"opinion"``. ``starts_in_quote=True`` says
    a quotation from an earlier sentence is still open (``scan`` tracks this for you).
    """
    _check_text(s)
    wanted = list(FAMILIES) if families is None else list(families)
    for fam in wanted:
        if fam not in _FAMILY_FUNCS and fam != "opinion":
            raise ValueError(f"Unknown family {fam!r}. Families: {', '.join(FAMILIES)}, opinion.")
    if not s.strip():
        return {fam: [] for fam in wanted}
    a = _analyse(s, starts_in_quote)
    return {fam: (_opinion_hits(a) if fam == "opinion" else list(_family(a, fam))) for fam in wanted}


def explain(rule: str) -> str:
    """The plain-language description of a rule, with a few of its words when it uses a word list."""
    if rule not in RULES:
        raise KeyError(f"Unknown rule {rule!r}. Known rules: {', '.join(sorted(RULES))}.")
    words = lexicon_words(rule)
    if not words:
        return RULES[rule]
    sample = ", ".join(words[:8])
    forms = ""
    if any(e.generated and e.rule == rule for e in _lexicon().entries):
        forms = " Regular forms of these words (plural, -s/-ed/-ing, -ly, -er/-est) count too."
    return f"{RULES[rule]} Word list ({len(words)} entries), for example: {sample}.{forms}"


def _items(sentences: Any) -> list[tuple[Any, str, Any]]:
    """(id, text, paragraph) for a str, a list of str, Sentence-like objects or an Article."""
    if isinstance(sentences, str):
        return [(0, sentences, None)]
    if hasattr(sentences, "sentences") and not isinstance(sentences, (list, tuple)):
        sentences = sentences.sentences
    if sentences is None:
        raise TypeError("scan() needs a list of sentences (strings or objects with .id and .text), not None.")
    out = []
    for i, item in enumerate(sentences):
        if isinstance(item, str):
            out.append((i, item, None))
        elif hasattr(item, "text"):
            text = item.text
            _check_text(text)
            out.append((getattr(item, "id", i), text, getattr(item, "paragraph", None)))
        else:
            raise TypeError(
                f"Item {i} of the sentences is a {type(item).__name__}; give strings or objects with .id and .text."
            )
    return out


def _iter_signals(sentences: Any, carry_quotes: bool, families: list[str]):
    open_for = 0
    last_par: Any = object()
    for pos, (sid, text, par) in enumerate(_items(sentences)):
        if par != last_par:
            open_for = 0
        last_par = par
        starts = carry_quotes and 0 < open_for <= 6
        sig = signals(text, families, starts_in_quote=starts)
        # is a quotation still open at the end of this sentence?
        regions = _analyse(text, starts).quotes if text.strip() else []
        if regions and regions[-1][2] in ("open", "inside"):
            open_for += 1
        else:
            open_for = 0
        yield pos, sid, text, sig


SCAN_COLUMNS = ["i", "sentence", "family", "rule", "text", "start", "end", "in_quote", "why"]


def scan(sentences: Any, families: Iterable[str] | None = None, carry_quotes: bool = True):
    """One row per hit, as a pandas DataFrame.

    ``sentences``: a list of strings, a list of objects with ``.id`` and ``.text`` (such as
    ``article.sentences``), or an Article. Columns: ``i`` (position), ``sentence`` (id, or the
    position for plain strings), ``family``, ``rule``, ``text``, ``start``, ``end`` (offsets in
    that sentence), ``in_quote``, ``why``. ``families`` limits the families (``"opinion"`` allowed).
    With ``carry_quotes`` a quotation left open at the end of a sentence marks the next sentences
    of the same paragraph as quoted until it closes (at most six sentences).
    """
    import pandas as pd

    wanted = list(FAMILIES) if families is None else list(families)
    rows = []
    for pos, sid, _text, sig in _iter_signals(sentences, carry_quotes, wanted):
        for fam in wanted:
            for h in sig[fam]:
                rows.append((pos, sid, fam, h.rule, h.text, h.start, h.end, h.in_quote, h.why))
    return pd.DataFrame(rows, columns=SCAN_COLUMNS)


def summary_table(sentences: Any, carry_quotes: bool = True):
    """One row per sentence: its id and text, then the number of hits of each family and of ``opinion``."""
    import pandas as pd

    rows = []
    for pos, sid, text, sig in _iter_signals(sentences, carry_quotes, [*FAMILIES, "opinion"]):
        row = {"i": pos, "sentence": sid, "text": text}
        row.update({fam: len(hits) for fam, hits in sig.items()})
        rows.append(row)
    return pd.DataFrame(rows, columns=["i", "sentence", "text", *FAMILIES, "opinion"])

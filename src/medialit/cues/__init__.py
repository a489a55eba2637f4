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

Families (each a function returning ``list[Hit]``): :func:`attribution`, :func:`quotes`,
:func:`hedges`, :func:`first_person`, :func:`evaluative`, :func:`loaded`, :func:`intensifiers`,
:func:`rhetoric`, :func:`unsourced_numbers` and :func:`military_claims`; :data:`RULES` describes
every rule. :func:`signals`, :func:`scan` and :func:`summary_table` run every family.

"opinion" has one meaning everywhere (:func:`opinion`, and the ``"opinion"`` entry of
:func:`signals`, :func:`scan` and :func:`summary_table`): the opinion-type families in the
*author's own words*. A quoted opinion is reported, not held, so words inside quotation marks
count only with ``opinion(s, quoted=True)``. :func:`loaded` keeps quoted words (a loaded word is
loaded whoever says it); every hit says whether it is ``in_quote``.

Where things are: :mod:`~medialit.cues.rules` (the rule table), :mod:`~medialit.cues.lexicon`
(the word lists in ``data/lexicons/`` and their regular forms), :mod:`~medialit.cues.text`
(masking, quotations, tokens, word-list matching), :mod:`~medialit.cues.families` (the detectors;
attribution in :mod:`~medialit.cues.attribution`), :mod:`~medialit.cues.measured` (how often the
signals were right on public news they never saw: :func:`measured_rates`, :func:`measured_rates_note`).
Phrases found only in the course's case articles are in a separate list (``data/lexicons/course.txt``)
that counts only when :func:`scan` reads a course article (see :func:`is_course_article`).
Empty or blank text gives ``[]``; ``None`` or a non-string raises ``TypeError``.

The cues are English-only. Text that is clearly in another language (more French, German,
Spanish... function words than English ones, or mostly another script) gets no hits from any
family but :func:`quotes`, with a :class:`CuesLanguageWarning` in plain words;
:func:`english_only_note` gives the same note as text (``""`` for English), for a sentence, a
list of sentences or an Article (whose manifest ``language`` counts first, so a German article
added by a teacher gets no English signals at all).
``import medialit.cues`` imports neither pandas nor matplotlib (:func:`scan` and
:func:`summary_table` import pandas when called).
"""
from __future__ import annotations

import bisect
import contextlib
import gc
import re
import warnings
from typing import Any, Iterable

from .attribution import after_possessive, opening_label, opens_turn, speaker_label
from .families import _FAMILY_FUNCS, LANGUAGE_NEUTRAL_FAMILIES, _family, _starts_clause
from .measured import measured_rates, measured_rates_note
from .lexicon import _lexicon, _parse_lexicon, _regular_forms, lexicon_words  # noqa: F401
from .rules import _DETERMINERS, FAMILIES, LEXICONS, OPINION_FAMILIES, RULE_FAMILY, RULES, Hit
from .text import _analyse, _Analysis, _check_text, _clause_break, _foreign_from, _note_for, english_only_note, quote_spans

# _parse_lexicon and _regular_forms are re-exported for tests/test_cues.py, and _analyse (its cache)
# is used by benchmarks/bench_cues.py.

__all__ = [
    "Hit", "RULES", "FAMILIES", "OPINION_FAMILIES", "attribution", "quotes", "hedges", "first_person",
    "evaluative", "loaded", "intensifiers", "rhetoric", "unsourced_numbers", "military_claims",
    "opinion", "signals", "scan", "summary_table", "quote_spans", "explain", "lexicon_words", "RULE_FAMILY",
    "SCAN_COLUMNS", "LEXICONS", "english_only_note", "CuesLanguageWarning", "LANGUAGE_NEUTRAL_FAMILIES",
    "is_course_article", "measured_rates", "measured_rates_note",
]

# ---------------------------------------------------------------------------- English only


class CuesLanguageWarning(UserWarning):
    """The text is not English: the cues give no hits on it (the message says so in plain words)."""


def _warn_foreign(note: str, stacklevel: int) -> None:
    """Warn with ``note`` (if any); ``stacklevel`` counts from this function (the caller's caller's...)."""
    if note:
        warnings.warn(note, CuesLanguageWarning, stacklevel=stacklevel)


def _warn_if_foreign(a: _Analysis, stacklevel: int) -> None:
    """Called by the one-sentence functions: a plain note instead of silent empty results."""
    if a.foreign:
        _warn_foreign(english_only_note(a.s), stacklevel)


# ---------------------------------------------------------------------------- opinion: one meaning everywhere

_CLAUSE_RULES = frozenset({"opinion.question", "opinion.exclamation"})
# Cues that make a sentence reported speech ("X said the plan was reckless", "according to...",
# "Clinton: ..."): judging words there are the source's, as they would be inside quotation marks.
# Not a stance verb ("one thinks", "I believe": often the writer's own voice) nor a labelling verb.
_REPORTING_RULES = frozenset({"attribution.verb", "attribution.according_to", "attribution.statement",
                              "attribution.unnamed", "attribution.finding", "attribution.colon_speaker", "attribution.turn",
                              "attribution.medium"})


# A lone I / me / my mostly tells what happened to the writer (first-person reporting, reviews,
# interviews); it states a view with a verb of thinking ("I think": first_person.stance). A
# collective we / our / us in the writer's voice speaks for a side ("we must", "our leaders").
_SINGULAR_SELF = frozenset("i me my mine myself i'm i've i'd i'll".split())

# what a newsroom or a narrator does ("we found", "we have contacted", "as we stood"): "we" then
# tells the story of the reporting, and takes no side
_NARRATING_VERBS = frozenset(
    "found searched checked contacted asked looked wrote reviewed analysed analyzed used received reached "
    "stood went spoke visited called emailed e-mailed requested examined traced tried watched saw met "
    "interviewed obtained compared noticed discovered verified ran sent took came reported explained "
    "travelled traveled drove walked arrived left sat listened heard read followed counted filed "
    "approached tested tracked geolocated downloaded archived find receive contact".split())
_NARRATING_FILLERS = frozenset("have had 've 'd also then first later previously already again "
                               "not never still since once did".split())
_WE_FORMS = frozenset("we we've we'd".split())


def _we_narrates(a: Any, h: Hit) -> bool:
    """Is this "we" the subject of a verb of reporting work or of a story ("we contacted", "we have
    not received", "as we stood")? Such a "we" is the newsroom or the narrator, not a side taken."""
    low = h.text.lower().replace("’", "'")
    if low not in _WE_FORMS:
        return False
    toks = a.tokens
    k = bisect.bisect_left(toks, (h.start, -1))
    lows = a.lows
    j = k + 1
    while j < len(lows) and j <= k + 3 and lows[j] in _NARRATING_FILLERS:
        j += 1
    return j < len(lows) and lows[j] in _NARRATING_VERBS


_GERUND_PREPS = frozenset("for by without after before of in about from on".split())


def _words_follow(a: _Analysis, h: Hit) -> bool:
    """Does a noun of saying hand over words: "that" or a colon right after it ("his claim that
    ...", "her forecast: ...")?"""
    rest = a.masked[h.end:h.end + 6].lstrip()
    return rest.startswith(":") or rest.lower().startswith("that ")


# where words were said ("on Facebook", "in the viral post", "a Facebook post")
_PLACE_RULES = frozenset({"attribution.medium", "attribution.statement"})
_SUBJECT_ENDS = frozenset("is was are were has have had appears appeared seems seemed remains".split())


def _ends_subject(a: _Analysis, h: Hit) -> bool:
    """A place of saying right before "is/was/has...": it only names what the sentence is about
    ("The claim in the viral post is false", "A post on Facebook was shared 10,000 times"), and
    what is said of it is the writer's."""
    k = bisect.bisect_left(a.tokens, (h.end, -1))
    return k < len(a.tokens) and a.lows[k] in _SUBJECT_ENDS and not _clause_break(a, k - 1, k)


def _takes_no_side(a: _Analysis, h: Hit) -> bool:
    """A hit of an opinion family that shows no view of the writer's, even outside quotations."""
    if h.rule == "first_person.pronoun":
        return (h.in_quote  # a quoted "we" is the speaker, not the author taking a stance
                or h.text.lower().replace("’", "'") in _SINGULAR_SELF  # "I went", "she told me": a story
                or _we_narrates(a, h))  # "we contacted the ministry", "as we stood": the newsroom's story
    if h.rule == "hedge.verb":
        return _someone_elses_guess(a, h)
    return h.rule in _WORD_RULES and _in_a_name(a, h)


# verbs of guessing that say what their subject believes: with a third party as subject
# ("analysts speculate that...", "police suspect", ", he guessed,") they report that party's guess
_GUESS_VERBS = ("speculat", "guess", "suspect", "assum", "presum", "surmis", "imagin")
_GUESS_SKIP = frozenset("to try trying tried and who that also have has had not n't may might could would will can "
                        "often widely still now then publicly privately openly already long some many only just even simply merely "
                        "really".split())
_WRITER_SUBJECTS = frozenset("i we you one let's i'd we'd".split())
_IMPERSONAL = frozenset("is are was were be been being it".split())


def _someone_elses_guess(a: _Analysis, h: Hit) -> bool:
    low = h.text.lower()
    if not low.startswith(_GUESS_VERBS) or low.endswith(("ion", "ions")):
        return False  # "seems", "appears to"; "speculation" (a noun) stays the writer's
    k = bisect.bisect_left(a.tokens, (h.start, -1))
    j = k - 1
    while j >= 0 and k - j <= 4 and a.lows[j] in _GUESS_SKIP:
        j -= 1
    if j < 0 or _clause_break(a, j, k):
        return False  # "Imagine ...", "Guess what?": the writer addresses the reader
    w = a.lows[j]
    return w not in _WRITER_SUBJECTS and w not in _IMPERSONAL


def _in_a_name(a: _Analysis, h: Hit) -> bool:
    """A judging word written with a capital inside a run of capitalised words, not at the start of
    a clause: part of a name or title ("The Servile State", "the Liberal Democrats", "Great
    Britain"), not the writer's judgement."""
    t = h.text
    if not t[:1].isupper() or t.isupper() or " " in t:
        return False
    k = bisect.bisect_left(a.tokens, (h.start, -1))
    toks, m = a.tokens, a.masked
    if k == 0 or (k < len(toks) and _starts_clause(a, h.start)) or _title_case(a):
        return False
    prev_cap = m[toks[k - 1][0]].isupper() and toks[k - 1][1] >= h.start - 1
    nxt_cap = k + 1 < len(toks) and m[toks[k + 1][0]].isupper() and toks[k + 1][0] <= h.end + 1
    return prev_cap or nxt_cap


def _title_case(a: _Analysis) -> bool:
    """A headline written in title case ("Furious Minister Slams Cowardly Attack"): most of its
    longer words start with a capital, so a capital tells nothing about names."""
    longer = [st for st, en in a.tokens if en - st > 3]
    return len(longer) >= 3 and sum(a.masked[st].isupper() for st in longer) * 10 >= len(longer) * 7


_WORD_RULES = frozenset({"loaded.emotive", "loaded.name_calling", "evaluative.adjective", "evaluative.noun",
                         "evaluative.adverb", "evaluative.verb", "intensifier.adverb", "hedge.adverb"})


_SELF_SUBJECTS = frozenset("i we i've we've i'd we'd".split())


def _writer_cites_self(a: _Analysis, k: int) -> bool:
    """"As we have explained, ...", "as I wrote last week, ...": the writer points to their own
    earlier words, and the sentence goes on in the writer's voice. (Not "I argued that ...": what
    follows "that" is then reported, if only from the writer's past.)"""
    j = k - 1
    while j >= 0 and k - j <= 3 and a.lows[j] in _NARRATING_FILLERS:
        j -= 1
    return j >= 1 and a.lows[j] in _SELF_SUBJECTS and a.lows[j - 1] == "as" and not _clause_break(a, j - 1, k)


def _reporting_cues(a: _Analysis) -> list[Hit]:
    """The reporting cues outside quotation marks (the sentence passes on what a source said).
    Not "deserves credit for saying so": a verb of saying after a preposition names an act; not a
    speaker named by role alone ("the spokesman evaded questions"), or a refusal to comment: the
    word lists mark such entries @no_speech (no words of theirs follow)."""
    out = []
    no_speech = _lexicon(a.course).no_speech
    for h in _family(a, "attribution"):
        if h.rule not in _REPORTING_RULES or h.in_quote:
            continue
        if h.rule == "attribution.statement" and " ".join(h.text.lower().split()) in no_speech:
            continue
        k = bisect.bisect_left(a.tokens, (h.start, -1))
        if h.text.lower().endswith("ing") and k > 0 and a.lows[k - 1] in _GERUND_PREPS:
            continue
        if after_possessive(a, h) and not _words_follow(a, h):
            continue
        if h.rule in _PLACE_RULES and _ends_subject(a, h):
            continue
        if _writer_cites_self(a, k):
            continue
        out.append(h)
    return out


def _clause_starts(a: _Analysis) -> list[int]:
    """Where each part of the sentence between semicolons (outside quotations) starts: a
    reporting verb in one part ("he declared...;") does not make the next part reported speech."""
    return [0] + [m.end() for m in _SEMICOLON.finditer(a.masked) if not a.in_quote(m.start(), m.end())]


# A tag that closes the sentence ("..., the mayor said on Monday.", "..., according to officials."):
# a comma, dash or closing quotation mark at most _TAG_BEFORE words before the cue, and at most
# _TAG_AFTER words after it. Everything before such a tag is the source's, not the writer's.
_TAG_BEFORE = 4
_TAG_AFTER = 6
_TAG_MARKS = ",—–\"”’'"
_TAG_CONTENT = 3
_SEMICOLON = re.compile(";")


_TAG_SPEAKER_START = _DETERMINERS | frozenset("he she they we i it you one".split())
# what may follow a verb that closes a tag whose speaker came before the comma ("..., the minister,
# who spoke from Kyiv, said on Monday"): the end, or when and where it was said
_TAG_AFTER_VERB = frozenset(
    "on in at during last this yesterday today tonight earlier later late when after before while by "
    "via from over through as without with recently again also previously afterwards".split())


def _names_speaker(a: _Analysis, k: int, k_end: int, mark: int) -> bool:
    """Does a tag name who speaks? "..., the mayor said" has its speaker before the verb, and
    "..., said the mayor" ("..., warns UN", "..., say officials") after it; a verb right after the
    comma with an object after it is the writer's own clause ("..., vows brutal revenge")."""
    if bisect.bisect_left(a.tokens, (mark, -1)) < k or k_end - k > 1:
        return True  # words between the mark and the verb, or in the cue ("the poll found"): the speaker
    if k_end >= len(a.tokens):
        return True  # the verb ends the sentence: its speaker came before the comma
    w = a.lows[k_end]
    return (w in _TAG_SPEAKER_START or w in _TAG_AFTER_VERB or w.endswith("s")
            or a.masked[a.tokens[k_end][0]].isupper())


def _tag_mark(a: _Analysis, lo: int, hi: int) -> int:
    """The last comma, dash or quotation mark in ``masked[lo:hi]`` (-1: none); an apostrophe inside
    a word ("they’ve") is not one."""
    m = a.masked
    best = -1
    for c in _TAG_MARKS:
        p = m.rfind(c, lo, hi)
        if c in "’'":
            while p > 0 and p + 1 < len(m) and m[p - 1].isalnum() and m[p + 1].isalnum():
                p = m.rfind(c, lo, p)
        best = max(best, p)
    return best


def _writer_before(a: _Analysis, cue: Hit) -> int:
    """Where the writer's own words end in reported speech: words before the reporting cue are
    the writer's ("Thoughtful critics argue that...": *thoughtful* is the writer's judgement),
    unless the cue closes the sentence as a tag ("It is reckless, the mayor said."). -1: none."""
    k = bisect.bisect_left(a.tokens, (cue.start, -1))
    k_end = bisect.bisect_left(a.tokens, (cue.end, -1))
    if len(a.tokens) - k_end <= _TAG_AFTER:
        lo = a.tokens[max(0, k - _TAG_BEFORE - 1)][1] if k > _TAG_BEFORE else 0
        mark = _tag_mark(a, lo, cue.start)
        # what the tag closes must be more than a word or two ("Oddly, nobody asked him." is
        # the writer's own sentence; "The plan is reckless, the mayor said." is a tag)
        if mark >= 0 and bisect.bisect_left(a.tokens, (mark, -1)) >= _TAG_CONTENT and _names_speaker(a, k, k_end, mark):
            return -1
    return cue.start


def _opinion_hits(a: _Analysis, quoted: bool = False) -> list[Hit]:
    """The opinion-type families' hits: the author's own words, plus quoted words if ``quoted``.

    In reported speech (a reporting cue outside quotation marks) the words after the cue, up to
    the next semicolon, belong to the source, as they would inside quotation marks; so do the
    words before a cue that closes the sentence as a tag (:func:`_writer_before`). Questions and
    exclamations stay the writer's own devices everywhere. ``quoted=True`` keeps every hit.
    """
    if a.turn and not quoted:
        return []  # a speaker's turn in a transcript: every word is theirs, questions too
    hits: list[Hit] = []
    cues_ = [] if quoted else _reporting_cues(a)
    parts = _clause_starts(a) if cues_ else [0]
    # for each part of the sentence: where the writer's own words end (-1: none; the end of the
    # text: no reporting cue in that part)
    writer_end = []
    for k, st in enumerate(parts):
        en = parts[k + 1] if k + 1 < len(parts) else len(a.s) + 1
        cue = next((c for c in cues_ if st <= c.start < en), None)
        writer_end.append(len(a.s) + 1 if cue is None else _writer_before(a, cue))
    for fam in OPINION_FAMILIES:
        for h in _family(a, fam):
            if cues_ and h.rule not in _CLAUSE_RULES:
                k = bisect.bisect_right(parts, h.start) - 1
                if h.end > writer_end[k]:
                    continue
            if (not quoted and h.in_quote) or _takes_no_side(a, h):
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


def _run(family: str, s: str, starts_in_quote: bool = False) -> list[Hit]:
    _check_text(s)
    if not s.strip():
        return []
    a = _analyse(s, starts_in_quote)
    if family not in LANGUAGE_NEUTRAL_FAMILIES:
        _warn_if_foreign(a, 5)  # _warn_foreign, _warn_if_foreign, _run, the family function, its caller
    return list(_family(a, family))


# ---------------------------------------------------------------------------- one family at a time

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
    """Loaded and emotive words, name-calling labels, 'so-called', scare quotes and exaggeration
    (in the sense of SemEval-2020 Task 11).

    ``quoted=False`` drops hits inside direct quotations (the author's own words only).
    """
    hits = _run("loaded", s)
    return hits if quoted else [h for h in hits if not h.in_quote]


def intensifiers(s: str) -> list[Hit]:
    """Intensifiers (very, extremely, utterly, absolutely, by far...)."""
    return _run("intensifiers", s)


def rhetoric(s: str) -> list[Hit]:
    """Questions, exclamations, predictions ('will ... if', 'inevitably', 'sooner or later') and
    framing phrases ('the truth is', 'the real reason')."""
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
    no hit). Scare quotes count, since they are the author's device. In reported speech the
    words before the reporting verb are still the writer's ("Thoughtful critics argue that...")
    unless the verb closes the sentence as a tag ("..., the mayor said."). A lone I / me / my
    tells the writer's story and does not count; a stance does ("I think", "I have never
    understood"), and so does a collective we / our. ``quoted=True`` also returns the hits
    inside quotations (marked ``in_quote=True``); a bare quoted pronoun ("we") never counts.
    """
    _check_text(s)
    if not s.strip():
        return []
    a = _analyse(s, False)
    _warn_if_foreign(a, 4)
    return _opinion_hits(a, quoted)


# ---------------------------------------------------------------------------- every family

def signals(s: str, families: Iterable[str] | None = None, *, starts_in_quote: bool = False,
            course: bool = False) -> dict[str, list[Hit]]:
    """Every family's hits for sentence ``s``: ``{family: [Hit, ...]}`` (families in :data:`FAMILIES` order).

    ``families`` may name a subset, and may include ``"opinion"`` (the same hits as :func:`opinion`:
    the author's own words). ``starts_in_quote=True`` says a quotation from an earlier sentence is
    still open (``scan`` tracks this for you). ``course=True`` also uses the course's own list of
    phrases from its case articles (``scan`` sets it for the course's own articles only).
    """
    _check_text(s)
    wanted = _wanted(families)
    if not s.strip():
        return {fam: [] for fam in wanted}
    return _signals_of(_analyse(s, starts_in_quote, bool(course)), wanted)


def _wanted(families: Iterable[str] | None) -> list[str]:
    """The families asked for, checked once (a plain error for an unknown name)."""
    wanted = list(FAMILIES) if families is None else list(families)
    for fam in wanted:
        if fam not in _FAMILY_FUNCS and fam != "opinion":
            raise ValueError(f"Unknown family {fam!r}. Families: {', '.join(FAMILIES)}, opinion.")
    return wanted


def _signals_of(a: _Analysis, wanted: list[str], copy: bool = True) -> dict[str, Any]:
    """``{family: hits}`` for an analysed sentence; ``copy=False`` (for :func:`scan`) gives the
    cached tuples themselves, which the caller must not change."""
    if copy:
        return {fam: (_opinion_hits(a) if fam == "opinion" else list(_family(a, fam))) for fam in wanted}
    cache = a.cache  # families already computed (families use each other): no call needed for them
    out = {}
    for fam in wanted:
        got = cache.get(fam)
        out[fam] = got if got is not None else (_opinion_hits(a) if fam == "opinion" else _family(a, fam))
    return out


def is_course_article(article: Any) -> bool:
    """True for an Article of the course's own (``data/articles/``), False for one a teacher added,
    for plain sentences and for anything else: the course's own phrase list counts only for the former."""
    meta = getattr(article, "meta", None)
    if not isinstance(meta, dict) or not isinstance(getattr(article, "id", None), str):
        return False
    from .. import data

    if meta.get("kind") == data.TEACHER_KIND or meta.get("path") is None:
        return False
    return article.id in {r.get("name") for r in data.manifest("articles")["resources"]}


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


# ---------------------------------------------------------------------------- many sentences (tables)

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


def _is_transcript(items: list[tuple[Any, str, Any]]) -> bool:
    """Is this an interview or a transcript: do two paragraphs or more open with a speaker's label
    ("KOVAL:", "Q:", "A:"), one of the labels opening two paragraphs or more? Speakers in a
    transcript take turns; a round-up whose paragraphs open with places ("Kherson: ...",
    "Belgorod: ...") or a dateline ("NEW DELHI: ...") names each once."""
    seen: set[str] = set()
    last_par: Any = object()
    for _sid, text, par in items:
        if par is None or par == last_par:
            continue
        last_par = par
        label = opening_label(text)
        if label is None:
            continue
        if label in seen or (label in ("q", "a") and seen & {"q", "a"}):
            return True
        seen.add(label)
    return False


def _language_note(sentences: Any, language: str | None) -> tuple[str | None, bool]:
    """(plain note or "", whether the English-only families are off for every sentence); the note is
    None for a list of sentences, whose language is judged while scanning it."""
    meta = getattr(sentences, "meta", None)
    if language is None and isinstance(meta, dict) and meta.get("language"):
        language = str(meta["language"])
    if language is not None:
        note = english_only_note("", language)
        if note:
            return note, True
        # marked as English: still judged from its words while scanning (a Russian text added as
        # English would otherwise give no hits and no word of why)
        return None, False
    if isinstance(sentences, str) or not sentences:
        return english_only_note(sentences or ""), False
    return None, False  # a list: decided while scanning, from each sentence's word counts


def _iter_analysed(sentences: Any, carry_quotes: bool, language: str | None = None, course: bool | None = None,
                   depth: int = 4):
    """(position, id, text, analysis or None for blank text, English-only families off) for each
    sentence, tracking quotations left open across sentences. Warns (plainly) about text that is not
    English; ``depth`` counts the frames from :func:`_warn_foreign` to the user's call."""
    note, english_off = _language_note(sentences, language)
    course = is_course_article(sentences) if course is None else bool(course)
    if note is not None:
        _warn_foreign(note, depth)
    en_words = other_words = non_latin = words = 0  # for the language test of a whole list
    open_for = 0
    # a transcript: after "KOVAL: Frankly, no." the rest of the paragraph is still Koval talking
    # (only with paragraphs to go by: an Article's sentences, not a plain list of strings; and only
    # when two paragraphs or more open with a speaker's label, so a dateline "NEW DELHI:" is none)
    turn = False
    last_par: Any = object()
    items = _items(sentences)
    transcript = carry_quotes and _is_transcript(items)
    # the cache of analysed sentences helps when the same sentences are read again (an article's
    # tools); a list longer than the cache would only push every sentence through it and out again
    analyse = _analyse if len(items) <= _ANALYSE_CACHE else _Analysis
    for pos, (sid, text, par) in enumerate(items):
        if par != last_par:
            open_for = 0
            turn = False
        last_par = par
        if not text or text.isspace():
            open_for = 0
            yield pos, sid, text, None, english_off
            continue
        an = analyse(text, carry_quotes and 0 < open_for <= 6, course, turn)
        if transcript and par is not None:
            label = speaker_label(an)
            if label is not None:
                turn = opens_turn(label)
        if note is None:
            c = an.counts
            en_words += c[0]
            other_words += c[1]
            non_latin += c[2]
            words += c[3]
        # is a quotation still open at the end of this sentence?
        regions = an.quotes
        if regions and regions[-1][2] in ("open", "inside"):
            open_for += 1
        else:
            open_for = 0
        yield pos, sid, text, an, english_off
    if note is None:  # the same test as english_only_note() on the whole list, from the counts
        _warn_foreign(_note_for(_foreign_from((en_words, other_words, non_latin, words))), depth)


def _iter_signals(sentences: Any, carry_quotes: bool, families: list[str], language: str | None = None,
                  course: bool | None = None, copy: bool = True):
    """(position, id, text, {family: hits}) for each sentence (see :func:`_iter_analysed`)."""
    families = _wanted(families)
    for pos, sid, text, an, english_off in _iter_analysed(sentences, carry_quotes, language, course, depth=5):
        sig = _signals_of(an, families, copy) if an is not None else {fam: [] for fam in families}
        if english_off:
            sig = {fam: (hits if fam in LANGUAGE_NEUTRAL_FAMILIES else []) for fam, hits in sig.items()}
        yield pos, sid, text, sig


_ANALYSE_CACHE = _analyse.cache_info().maxsize or 0

SCAN_COLUMNS = ["i", "sentence", "family", "rule", "text", "start", "end", "in_quote", "why"]


@contextlib.contextmanager
def _gc_paused():
    """Pause Python's cycle collector while many sentences are scanned, then restore it.

    A scan makes many small objects (tokens, hits, rows) while thousands of analysed sentences stay
    cached, and each automatic collection walks all of them: about a fifth of the time on news
    sentences (``benchmarks/bench_cues_eval.py``). Nothing made here forms a reference cycle, so
    reference counting frees it all the same; the collector is switched back on at the end, even
    after an error, and left alone if it was already off.
    """
    was_on = gc.isenabled()
    if was_on:
        gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def scan(sentences: Any, families: Iterable[str] | None = None, carry_quotes: bool = True, *,
         language: str | None = None, course: bool | None = None):
    """One row per hit, as a pandas DataFrame.

    ``sentences``: a list of strings, a list of objects with ``.id`` and ``.text`` (such as
    ``article.sentences``), or an Article. Columns: ``i`` (position), ``sentence`` (id, or the
    position for plain strings), ``family``, ``rule``, ``text``, ``start``, ``end`` (offsets in
    that sentence), ``in_quote``, ``why``. ``families`` limits the families (``"opinion"`` allowed).
    With ``carry_quotes`` a quotation left open at the end of a sentence marks the next sentences
    of the same paragraph as quoted until it closes (at most six sentences).

    The cues are English-only: for an Article whose ``language`` is not English (or with
    ``language="de"``...), only quotations are found, and a :class:`CuesLanguageWarning` says so
    in plain words (as it does when the sentences do not look English).

    ``course``: also use the course's own phrase list (``data/lexicons/course.txt``). By default
    (``None``) it is on only for an Article of the course's own, never for one a teacher added
    or for a plain list of sentences (see :func:`is_course_article`).
    """
    wanted = _wanted(families)
    per_sentence = []  # (position, id, number of hits) of each sentence with hits
    fams: list[str] = []
    hits_all: list[Hit] = []
    # (family, its function or None for "opinion"); for text that is not English (the whole list,
    # english_off) only the language-neutral families run
    todo = [(fam, _FAMILY_FUNCS.get(fam)) for fam in wanted]
    with _gc_paused():
        for pos, sid, _text, an, english_off in _iter_analysed(sentences, carry_quotes, language, course):
            if an is None:
                continue
            n0 = len(hits_all)
            cache = an.cache  # families already computed (families use each other)
            english = not an.foreign
            for fam, fn in todo:
                if english_off and fam not in LANGUAGE_NEUTRAL_FAMILIES:
                    continue
                got = cache.get(fam)
                if got is None:
                    if fn is None:
                        got = _opinion_hits(an)
                    elif english:  # what _family does, without a call per family
                        got = fn(an)
                        got = cache[fam] = tuple(got) if got else ()
                    else:
                        got = _family(an, fam)
                if got:
                    hits_all.extend(got)
                    fams.extend([fam] * len(got))
            if len(hits_all) > n0:
                per_sentence.append((pos, sid, len(hits_all) - n0))
        return _scan_frame(per_sentence, fams, hits_all)


def _scan_frame(per_sentence: list[tuple[int, Any, int]], fams: list[str], hits: list[Hit]):
    """The table of :func:`scan`, built column by column: numbers go in as typed arrays (the same
    table as one row tuple per hit, several times faster to build)."""
    import numpy as np
    import pandas as pd

    if not hits:
        return pd.DataFrame([], columns=SCAN_COLUMNS)
    n = len(hits)
    counts = np.fromiter((c for _p, _s, c in per_sentence), dtype=np.int64, count=len(per_sentence))
    sids = [s for _p, s, _c in per_sentence]
    positions = np.fromiter((p for p, _s, _c in per_sentence), dtype=np.int64, count=len(per_sentence))
    if all(type(s) is int and -(2**63) <= s < 2**63 for s in sids):  # plain positions, or integer ids
        sentence: Any = np.repeat(np.array(sids, dtype=np.int64), counts)
    else:
        sentence = [s for s, c in zip(sids, counts.tolist(), strict=True) for _k in range(c)]
    in_quote = [h.in_quote for h in hits]
    columns = {
        "i": np.repeat(positions, counts), "sentence": sentence, "family": fams,
        "rule": [h.rule for h in hits], "text": [h.text for h in hits],
        "start": np.fromiter((h.start for h in hits), dtype=np.int64, count=n),
        "end": np.fromiter((h.end for h in hits), dtype=np.int64, count=n),
        "in_quote": np.array(in_quote, dtype=bool) if all(type(q) is bool for q in in_quote) else in_quote,
        "why": [h.why for h in hits],
    }
    return pd.DataFrame(columns, columns=SCAN_COLUMNS)


def summary_table(sentences: Any, carry_quotes: bool = True, *, language: str | None = None,
                  course: bool | None = None):
    """One row per sentence: its id and text, then the number of hits of each family and of
    ``opinion`` (the author's own words, as :func:`opinion` counts them). Not-English text: see :func:`scan`."""
    import pandas as pd

    rows = []
    with _gc_paused():
        for pos, sid, text, sig in _iter_signals(sentences, carry_quotes, [*FAMILIES, "opinion"], language, course,
                                                 copy=False):
            row = {"i": pos, "sentence": sid, "text": text}
            row.update({fam: len(hits) for fam, hits in sig.items()})
            rows.append(row)
    return pd.DataFrame(rows, columns=["i", "sentence", "text", *FAMILIES, "opinion"])

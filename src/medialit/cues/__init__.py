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
(masking, quotations, tokens, word-list matching), :mod:`~medialit.cues.families` (the detectors).
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

import warnings
from typing import Any, Iterable

from .families import _FAMILY_FUNCS, LANGUAGE_NEUTRAL_FAMILIES, _family
from .lexicon import _lexicon, _parse_lexicon, _regular_forms, lexicon_words  # noqa: F401
from .rules import FAMILIES, LEXICONS, OPINION_FAMILIES, RULE_FAMILY, RULES, Hit
from .text import _analyse, _Analysis, _check_text, english_only_note, quote_spans

# _parse_lexicon and _regular_forms are re-exported for tests/test_cues.py, and _analyse (its cache)
# is used by benchmarks/bench_cues.py.

__all__ = [
    "Hit", "RULES", "FAMILIES", "OPINION_FAMILIES", "attribution", "quotes", "hedges", "first_person",
    "evaluative", "loaded", "intensifiers", "rhetoric", "unsourced_numbers", "military_claims",
    "opinion", "signals", "scan", "summary_table", "quote_spans", "explain", "lexicon_words", "RULE_FAMILY",
    "SCAN_COLUMNS", "LEXICONS", "english_only_note", "CuesLanguageWarning", "LANGUAGE_NEUTRAL_FAMILIES",
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


def _opinion_hits(a: _Analysis, quoted: bool = False) -> list[Hit]:
    """The opinion-type families' hits: the author's own words, plus quoted words if ``quoted``."""
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
    no hit). Scare quotes count, since they are the author's device. ``quoted=True`` also
    returns the hits inside quotations (marked ``in_quote=True``); a bare quoted pronoun ("we")
    never counts.
    """
    _check_text(s)
    if not s.strip():
        return []
    a = _analyse(s, False)
    _warn_if_foreign(a, 4)
    return _opinion_hits(a, quoted)


# ---------------------------------------------------------------------------- every family

def signals(s: str, families: Iterable[str] | None = None, *, starts_in_quote: bool = False) -> dict[str, list[Hit]]:
    """Every family's hits for sentence ``s``: ``{family: [Hit, ...]}`` (families in :data:`FAMILIES` order).

    ``families`` may name a subset, and may include ``"opinion"`` (the same hits as :func:`opinion`:
    the author's own words). ``starts_in_quote=True`` says a quotation from an earlier sentence is
    still open (``scan`` tracks this for you).
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


def _language_note(sentences: Any, language: str | None) -> tuple[str, bool]:
    """(plain note or "", whether the English-only families are off for every sentence)."""
    meta = getattr(sentences, "meta", None)
    if language is None and isinstance(meta, dict) and meta.get("language"):
        language = str(meta["language"])
    if language is not None:
        note = english_only_note("", language)
        return note, bool(note)
    if isinstance(sentences, str) or not sentences:
        return english_only_note(sentences or ""), False
    return english_only_note(sentences), False


def _iter_signals(sentences: Any, carry_quotes: bool, families: list[str], language: str | None = None):
    note, english_off = _language_note(sentences, language)
    _warn_foreign(note, 4)  # _warn_foreign, this generator, scan or summary_table, their caller
    open_for = 0
    last_par: Any = object()
    for pos, (sid, text, par) in enumerate(_items(sentences)):
        if par != last_par:
            open_for = 0
        last_par = par
        starts = carry_quotes and 0 < open_for <= 6
        sig = signals(text, families, starts_in_quote=starts)
        if english_off:
            sig = {fam: (hits if fam in LANGUAGE_NEUTRAL_FAMILIES else []) for fam, hits in sig.items()}
        # is a quotation still open at the end of this sentence?
        regions = _analyse(text, starts).quotes if text.strip() else []
        if regions and regions[-1][2] in ("open", "inside"):
            open_for += 1
        else:
            open_for = 0
        yield pos, sid, text, sig


SCAN_COLUMNS = ["i", "sentence", "family", "rule", "text", "start", "end", "in_quote", "why"]


def scan(sentences: Any, families: Iterable[str] | None = None, carry_quotes: bool = True, *,
         language: str | None = None):
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
    """
    import pandas as pd

    wanted = list(FAMILIES) if families is None else list(families)
    rows = []
    for pos, sid, _text, sig in _iter_signals(sentences, carry_quotes, wanted, language):
        for fam in wanted:
            for h in sig[fam]:
                rows.append((pos, sid, fam, h.rule, h.text, h.start, h.end, h.in_quote, h.why))
    return pd.DataFrame(rows, columns=SCAN_COLUMNS)


def summary_table(sentences: Any, carry_quotes: bool = True, *, language: str | None = None):
    """One row per sentence: its id and text, then the number of hits of each family and of
    ``opinion`` (the author's own words, as :func:`opinion` counts them). Not-English text: see :func:`scan`."""
    import pandas as pd

    rows = []
    for pos, sid, text, sig in _iter_signals(sentences, carry_quotes, [*FAMILIES, "opinion"], language):
        row = {"i": pos, "sentence": sid, "text": text}
        row.update({fam: len(hits) for fam, hits in sig.items()})
        rows.append(row)
    return pd.DataFrame(rows, columns=["i", "sentence", "text", *FAMILIES, "opinion"])

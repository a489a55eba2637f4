"""The ten family detectors: each takes an analysed sentence and returns its hits.

Most rules are word lists (see :mod:`medialit.cues.lexicon`); the rest are written here, next to
the detector that uses them:

* shapes, not lists: an ``un-/in-/ir- ... -able/-ible`` adjective (*unforgivable, unwinnable*)
  counts as a sweeping judgement (``evaluative.absolute``) unless it is one of the descriptive
  ones reports use (*unable, unavailable, impassable*...); one or two lower-case words in
  quotation marks in a sentence that quotes nobody are scare quotes (``loaded.scare_quotes``); a
  hyphenated label built on a motive (*Trump-hating, gun-grabbing, Russia-obsessed*; not
  *peace-loving*) is name-calling (``loaded.compound``); "in" + *a/his/her/its/the* + a means of
  communication (*in a tweet, in her ruling*) names where words were said (``attribution.medium``);
* patterns: speaker + colon + quote, quotation marks, numbers and dates, questions and
  exclamations, findings ("a survey of 1,500 voters ... found", "concluded in January that"), a
  labelling verb followed by a quotation ("called the lawmakers 'cowards'"), "will ... if"
  predictions, "would" in a sentence that names no source (not reported speech such as "she said
  it would..."), and military claims (a territorial verb followed by a place noun or a place
  name; casualty counts; destroyed or intercepted equipment).

:func:`_f_unsourced_numbers` reports numbers only in a sentence where no attribution cue fired.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace as _replace

from .attribution import _f_attribution, quoted_title
from .rules import _DETERMINERS, Hit
from .text import _WORD, _Analysis, _clause_break, _collect, _dedupe, _lex_groups

# ---------------------------------------------------------------------------- quotes

def _f_quotes(a: _Analysis) -> list[Hit]:
    if not a.quotes:
        return []
    hits = []
    for (st, en, kind), words in zip(a.quotes, a.quote_words(), strict=True):
        if kind in ("full", "open") and words and a.english and quoted_title(a, st, en, words):
            continue  # a title in quotation marks ("The Texas Chain Saw Massacre", the article "..."): no one's words
        if kind == "full":
            if words == 0:
                continue
            rule = "quote.short" if words <= 3 else "quote.direct"
        else:
            rule = {"open": "quote.open", "close": "quote.close", "inside": "quote.continued"}[kind]
        hits.append(a.hit(rule, st, en))
    return hits


# ---------------------------------------------------------------------------- hedges

_WOULD = frozenset({"would", "wouldn't", "would've", "'d"})
_WOULD_NOT_AFTER = frozenset(
    "that which who what it they he she we i you "
    # "the bill would ban...": describing what a proposal contains, common in plain reporting
    "bill bills proposal proposals legislation law laws measure measures rule rules regulation regulations "
    "amendment amendments treaty deal agreement plan plans scheme tariff tariffs tax budget draft directive "
    "decree order package programme program resolution sanctions reform reforms policy project".split()
)


def _f_hedges(a: _Analysis) -> list[Hit]:
    hits = _collect(a, ("hedge.", "modal."))
    # "would" speculates only in the writer's own voice: not in reported speech ("said it
    # would"), not in "a plan that would..." (describing what a proposal contains)
    if a.english and not a.lowset.isdisjoint(_WOULD) and not _family(a, "attribution"):
        for i, w in enumerate(a.lows):
            if w in _WOULD and w != "'d" and not (i > 0 and a.lows[i - 1] in _WOULD_NOT_AFTER):
                s, e = a.tokens[i]
                hits.append(a.hit("hedge.conditional", s, e))
    return _dedupe(hits)


# ---------------------------------------------------------------------------- first person

# Words before a capital "I" that make it a roman numeral (World War I, Phase I, Louis I).
_ROMAN_BEFORE = frozenset(
    "war phase type class part chapter article title level stage category annex section act "
    "volume book grade tier henry louis charles george edward william james richard elizabeth "
    "peter nicholas alexander paul john mary frederick wilhelm".split()
)


def _starts_clause(a: _Analysis, start: int) -> bool:
    """Is the word at ``start`` the first of a sentence, quotation or list item (after . : ; ! ? ( " — ...)?"""
    k = start - 1
    m = a.masked
    while k >= 0 and m[k].isspace():
        k -= 1
    return k < 0 or m[k] in ".:;!?([{\"“‘'—–-•"


# "I have never understood why...", "we simply do not believe...": a first-person subject, up to
# three small words (auxiliaries, negation, adverbs), then a verb of thinking or judging, in any
# tense. The fixed phrases of the word list ("i think") are the adjacent case.
_STANCE_SUBJECTS = frozenset({"i", "we"})
_STANCE_FILLERS = frozenset(
    "have has had do does did don't didn't doesn't haven't hadn't never always still really simply just "
    "can can't cannot could couldn't would wouldn't will won't not also honestly genuinely truly frankly "
    "personally long firmly strongly sincerely certainly now".split())
_STANCE_VERBS = frozenset(
    "think thinks thought believe believed doubt doubted suspect suspected wonder wondered understand "
    "understood agree disagree admire admired regret regretted suppose supposed reckon "
    "reckoned fear feared hope hoped wish wished argue argued contend contended maintain maintained "
    "insist insisted trust trusted".split())


def _stance_spans(a: _Analysis) -> list[tuple[int, int]]:
    lows = a.lows
    if a.lowset.isdisjoint(_STANCE_SUBJECTS) or a.lowset.isdisjoint(_STANCE_VERBS):
        return []
    spans = []
    for i, w in enumerate(lows):
        if w not in _STANCE_SUBJECTS:
            continue
        j = i + 1
        while j < len(lows) and j <= i + 3 and lows[j] in _STANCE_FILLERS:
            j += 1
        if j < len(lows) and lows[j] in _STANCE_VERBS and not _clause_break(a, i, j):
            spans.append((a.tokens[i][0], a.tokens[j][1]))
    return spans


def _f_first_person(a: _Analysis) -> list[Hit]:
    hits = [a.hit("first_person.stance", s, e) for s, e in _stance_spans(a)]
    for r, s, e, i in _lex_groups(a).get("first_person.", ()):
        word = a.masked[s:e]
        if r == "first_person.pronoun":
            if word == "US":  # the country
                continue
            if word == "I" and i > 0 and a.lows[i - 1] in _ROMAN_BEFORE:
                continue
            if word in ("i", "Us") and i > 0:
                continue
            if i > 0 and word[:1].isupper() and word != "I" and not _starts_clause(a, s):
                continue  # capitalised inside a sentence: part of a name or title ("Fool Me Once")
        hits.append(a.hit(r, s, e))
    return _dedupe(hits)


# ---------------------------------------------------------------------------- evaluative

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
    hits = _collect(a, ("evaluative.",))
    if a.english and ("able" in a.masked or "ible" in a.masked):
        taken = {h.start for h in hits}
        for m in _ABSOLUTE_WORD.finditer(a.masked):
            low = m.group(0).lower()
            if low in _ABSOLUTE_NOT or not _ABSOLUTE.match(low) or m.start() in taken:
                continue
            hits.append(a.hit("evaluative.absolute", m.start(), m.end()))
    return _dedupe(hits)


# ---------------------------------------------------------------------------- loaded

_SO_CALLED = re.compile(r"\b(?:so[\s\-]called|self[\s\-](?:styled|proclaimed|appointed|described)|would-be|wannabe)\b", re.I)
_POSSESSIVES = frozenset("his her their its our my your the a an this that".split())
_SCARE_NOT_AFTER = frozenset(
    "called calls call dubbed nicknamed termed named word words term terms phrase label labelled labeled "
    "as titled entitled headlined marked read reads spelled spelt".split())


def _scare_quotes(a: _Analysis) -> list[Hit]:
    """One or two lower-case words in quotation marks, when the sentence quotes nobody."""
    hits: list[Hit] = []
    for (st, en, kind), n_words in zip(a.quotes, a.quote_words(), strict=True):
        if kind != "full" or not 1 <= n_words <= 2:
            continue
        inner = _WORD.findall(a.masked, st, en)
        if not 1 <= len(inner) <= 2 or not inner[0][:1].isalpha():
            continue
        k0 = bisect.bisect_left(a.tokens, (st, -1)) - 1  # the word before the opening mark
        # capitalised scare quotes (an impending "Iranian threat"): two words, the second one
        # lower-case (so not a name such as "Fox News"), inside the sentence
        if not inner[0][:1].islower() and not (len(inner) == 2 and inner[1][:1].islower() and k0 >= 0):
            continue
        k = k0
        while k >= 0 and a.lows[k] in _DETERMINERS:
            k -= 1  # known as the "ghost"
        if k >= 0 and a.lows[k] in _SCARE_NOT_AFTER:
            continue
        # between a possessive or article and a noun ("his 'peacemaker' facade") the quoted word is the
        # writer's own modifier, even when the sentence reports someone's words elsewhere
        nxt = bisect.bisect_left(a.tokens, (en, -1))
        modifier = (k0 >= 0 and a.lows[k0] in _POSSESSIVES and nxt < len(a.tokens)
                    and a.masked[a.tokens[nxt][0]].islower() and a.tokens[nxt][0] - en <= 2)
        if not modifier and _family(a, "attribution"):
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
_COMPOUND_QUICK = re.compile("|".join(re.escape(x) for x in _COMPOUND_SUFFIXES))
# "-loving" is praise in "peace-loving", "fun-loving": only a label in "Sharia-loving", "terror-loving"
_LOVING_OK = frozenset(
    "peace freedom liberty fun music nature animal sun water shade pleasure art family god home outdoor "
    "book sports football dog cat law".split())


def _f_loaded(a: _Analysis) -> list[Hit]:
    hits = _collect(a, ("loaded.",))
    if a.english and "-" in a.masked and _COMPOUND_QUICK.search(a.low):
        for m in _COMPOUND_RE.finditer(a.masked):
            if m.group(0).lower().endswith("-loving") and m.group(1).lower().split("-")[-1] in _LOVING_OK:
                continue
            hits.append(a.hit("loaded.compound", m.start(), m.end()))
    if a.english and a.quotes:
        hits.extend(_scare_quotes(a))
    if a.english and ("called" in a.low or "self" in a.low or "would-be" in a.low or "wannabe" in a.low):
        for m in _SO_CALLED.finditer(a.masked):
            hits.append(a.hit("loaded.so_called", m.start(), m.end()))
    return _dedupe(hits)


def _f_intensifiers(a: _Analysis) -> list[Hit]:
    return _collect(a, ("intensifier.",))


# ---------------------------------------------------------------------------- rhetoric

_WILL = frozenset({"will", "won't", "would", "wouldn't", "going", "'ll"})  # not "shall": legal texts
_IF = frozenset({"if", "unless"})


def _f_rhetoric(a: _Analysis) -> list[Hit]:
    hits = _collect(a, ("opinion.",))
    if "?" in a.masked:
        hits += _mark_hits(a, "opinion.question", "?")
    if "!" in a.masked:
        hits += _mark_hits(a, "opinion.exclamation", "!")
    if a.english and not a.lowset.isdisjoint(_IF) and (not a.lowset.isdisjoint(_WILL) or any(w.endswith("'ll") for w in a.lowset)):
        hits += _prediction_hits(a)
    return _dedupe(hits)


def _mark_hits(a: _Analysis, rule: str, mark: str) -> list[Hit]:
    """Each clause that ends with ``mark`` (a run of marks such as ?! counts once)."""
    hits = []
    m = a.masked
    p = m.find(mark)
    while p >= 0:
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
    return hits


def _past_counterfactual(lows: list[str], i: int) -> bool:
    """"would have been", "would not have won": a past that did not happen, no forecast."""
    if lows[i] not in ("would", "wouldn't"):
        return False
    j = i + 1
    if j < len(lows) and lows[j] in ("not", "never", "probably", "surely", "certainly", "likely"):
        j += 1
    return j < len(lows) and lows[j] == "have"


def _prediction_hits(a: _Analysis) -> list[Hit]:
    """The shortest "will ... if" (or "if ... will") span within one clause of 20 words, unless a
    reporting cue comes before it: "the treaty provides that if ... each ally will ...", "she said
    that if ... they will ..." pass on someone else's conditional, not the writer's forecast."""
    lows = a.lows
    reported_from = min((h.start for h in _family(a, "attribution")
                         if not h.in_quote and h.rule not in ("attribution.quote", "attribution.stance")), default=None)
    wills = [i for i, w in enumerate(lows) if (w in _WILL and (w != "going" or (i + 1 < len(lows) and lows[i + 1] == "to"))
                                               or w.endswith("'ll")) and not _past_counterfactual(lows, i)]
    ifs = [i for i, w in enumerate(lows) if w in _IF]
    best = None
    for w in wills:
        # the nearest "if"/"unless" on each side (bisect keeps long texts linear)
        k = bisect.bisect_left(ifs, w)
        for f in ifs[max(0, k - 1):k + 1]:
            span = (min(w, f), max(w, f))
            if abs(w - f) <= 20 and not _clause_break(a, *span) and (best is None or span[1] - span[0] < best[1] - best[0]):
                best = span
    if best is None or (reported_from is not None and reported_from < a.tokens[best[0]][0]):
        return []
    return [a.hit("opinion.prediction", a.tokens[best[0]][0], a.tokens[best[1]][1])]


# ---------------------------------------------------------------------------- unsourced numbers

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
_NUMBER_RE = re.compile(
    r"(?P<date>\b(?:" + _MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")(?:\s+\d{4}\b)?"
    r"|\b(?:" + _MONTHS + r")\s+\d{4}\b)"
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
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TIME_WORD_BEFORE = re.compile(r"\b(?:in|since|by|until|till|before|after|from|to|during|through|of|early|late|mid|year|summer|winter|spring|autumn"
                               r"|the|its|his|her|their|this|that|a)[\s-]+$", re.I)
_NUMBER_WORDS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})


# where a number, percentage or date can begin: a run of digits, a currency sign, a month's name
# or a word such as "thousands"
_NUMBER_START = re.compile(r"\d+|[$€£¥₽]")
_NUMBER_START_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec tens hundreds thousands dozens millions billions".split())


def _number_matches(a: _Analysis) -> list[re.Match]:
    """The matches ``_NUMBER_RE.finditer`` would give, found faster: the pattern is tried only
    where a number, a currency sign, a month or a number word begins (a sentence is mostly other words)."""
    m = a.masked
    starts = [x.start() for x in _NUMBER_START.finditer(m)]
    words = a.lowset & _NUMBER_START_WORDS
    if words:
        starts += [a.tokens[i][0] for i, w in enumerate(a.lows) if w in words]
        starts.sort()
    out = []
    end = 0
    for p in starts:
        if p < end:
            continue
        mt = _NUMBER_RE.match(m, p)
        if mt and mt.end() > p:
            out.append(mt)
            end = mt.end()
    return out


# numbers that are no figure to check: a time of day ("09:14 GMT", "5 p.m."), a dateline that
# opens a report ("KYIV, Ukraine, March 3 (AP) —", "MOSCOW, Dec 5 (Reuters) -") and the number of
# a list item ("1. First, ...")
_CLOCK = re.compile(r"(?<![\w.:])\d{1,2}(?::\d{2}){1,2}(?:\s?[AaPp]\.?[Mm]\b\.?)?(?![\w:])"
                    r"|(?<![\w.:])\d{1,2}(?:[.:]\d{2})?\s?[AaPp]\.?[Mm](?:\b\.?|(?=\W|$))")
# a month as a dateline writes it: "March", "Mar.", "Sept"
_DATELINE_MONTH = r"(?:" + _MONTHS + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’.\- ]{1,40}(?:,\s*[A-Z][\w'’.\- ]{1,40}){0,2}"
    r"(?:,?\s*" + _DATELINE_MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?)?"
    r"\s*(?:\([A-Za-z][\w .&/-]{0,30}\))?\s*(?:[—–-]|\.\s*/[A-Z][A-Za-z\-]{1,15}/\.?)")
_LIST_MARK = re.compile(r"\s*\(?\d{1,2}[.)](?=\s)")
# more numbers that are no figure to check: a score or tally ("a 3-1 win", "voted 52–48"), a
# person's age ("DeLay, 63, was", "the 42-year-old striker") and a confidence level ("95% CI")
_NO_FIGURE = re.compile(
    r"(?<![\w.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w.,%])"
    r"|(?<=[a-z], )\d{1,3}(?=,)"
    r"|(?<![\w.,])\d{1,3}[-–\s]years?[-–\s]old\b"
    r"|(?<![\w.,])\d{2}(?:\.\d)?\s?%\s?(?:CI\b|confidence\b)"
    # identifiers, not amounts: a phone number, a street number, a running time, "3-D"
    r"|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
    r"|(?<![\w.,])\d{1,5}\s+(?:[A-Z][\w’'.-]*\s+){1,3}(?:St|Street|Dr|Drive|Rd|Road|Ave|Avenue|Blvd|Boulevard|"
    r"Lane|Ln|Way|Place|Pl|Court|Ct|Square|Sq|Terrace|Parkway|Pkwy)\b\.?"
    r"|\b\d{1,5}\s+block\s+of\b"
    r"|\(\d{1,3}\s?min(?:utes|s)?\.?\)"
    r"|(?<![\w.,])\d-D\b", re.I)
# a number inside a name ("Interstate 285", "Type 2 diabetes", "MacOS 11", "Boeing 737"): right after a
# capitalised word that does not open the sentence with a quantity ("About 500 people")
_NAME_BEFORE = re.compile(r"(?<![\w’'])([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,})\s$")
_QUANTITY_OPENERS = frozenset("about nearly some over around almost roughly only just at more less fewer up "
                              "with by for and but or of in on to from between than all another".split())
_CITATION_WORD = re.compile(r"\b(?:page|pages|p\.|pp\.|section|edition|column|col\.|accessed|retrieved|updated)",
                            re.I)
# a date that is no claim to check: in brackets with a page (a citation: "(15 May, page 37)"), or after
# born/died/published/founded/dated (a record of someone's life or of a document)
_DATE_RECORD_BEFORE = re.compile(r"\b(?:born|died|published|founded|established|dated|graduated|married|"
                                 r"buried)\b(?:\s+\w+){0,4}\s+(?:on|in)?\s*$", re.I)


# a dateline that opens with its date: "June 22 (UPI) -- ..."
_DATE_DATELINE = re.compile(r"\s*" + _DATELINE_MONTH + r"\s+\d{1,2}"
                            r"(?:,?\s+\d{4})?\s*\([A-Za-z][\w .&/-]{0,30}\)\s*(?:--|[—–-])")


def _opening_end(m: str) -> int:
    """Where a dateline or a list mark that opens ``m`` ends (-1: none); its numbers are no figures."""
    ends = [mt.end() for mt in (_DATELINE.match(m), _DATE_DATELINE.match(m), _LIST_MARK.match(m)) if mt]
    return max(ends, default=-1)


def _not_figure(m: str, st: int, en: int, opening_end: int) -> bool:
    """Does the number at ``m[st:en]`` lie in a span whose numbers are no figure to check (see
    :data:`_CLOCK`, :data:`_NO_FIGURE`, and ``opening_end`` from :func:`_opening_end`)? The patterns
    are tried only on a few characters around the number, not on the whole sentence."""
    if en <= opening_end:
        return True
    lo, hi = max(0, st - 8), min(len(m), en + 20)
    for pattern in (_CLOCK, _NO_FIGURE):
        for mt in pattern.finditer(m, lo, hi):
            if mt.start() <= st and en <= mt.end():
                return True
    return False


def _number_in_name(m: str, st: int) -> bool:
    """Is the number at ``st`` part of a name ("Interstate 285", "Type 2", "MacOS 11")? (The word
    right before it, after a space, is capitalised; see :data:`_NAME_BEFORE`.)"""
    if st < 2 or m[st - 1] != " " or not m[m.rfind(" ", 0, st - 1) + 1].isupper():
        return False  # the quick test: most numbers follow a lower-case word or a sign
    mt = _NAME_BEFORE.search(m, max(0, st - 30), st)
    return bool(mt) and mt.group(1).lower() not in _QUANTITY_OPENERS and not re.fullmatch(_MONTHS, mt.group(1))


def _record_date(m: str, st: int, en: int) -> bool:
    """Is the date at ``m[st:en]`` a citation in brackets or a record of a life or a document
    (born, died, published ... on/in it)? Neither is a claim that needs a source."""
    before, after = m[:st], m[en:]
    opened = before.rfind("(")
    if opened > before.rfind(")") and ")" in after:  # in brackets with a page or an edition: a citation
        inside = m[opened:en + after.index(")") + 1]
        if _CITATION_WORD.search(inside):
            return True
    return bool(_DATE_RECORD_BEFORE.search(m, max(0, st - 60), st))


def _f_unsourced_numbers(a: _Analysis) -> list[Hit]:
    if _family(a, "attribution"):
        return []
    if not _DIGIT.search(a.masked) and _NUMBER_WORDS.isdisjoint(a.lowset):
        return []
    hits = []
    m = a.masked
    matches = _number_matches(a)
    opening_end = _opening_end(m) if matches else -1  # once per sentence, not per number
    for mt in matches:
        kind = mt.lastgroup
        st, en = mt.span()
        if _not_figure(m, st, en, opening_end):
            continue
        txt = m[st:en].rstrip()
        en = st + len(txt)
        if kind == "number":
            if _NUMBER_NOT_AFTER.search(m, max(0, st - 14), st) or _number_in_name(m, st):
                continue
            if _YEAR.fullmatch(txt) and _TIME_WORD_BEFORE.search(m, max(0, st - 12), st):
                kind = "date"  # "in 2024", "since 1949": a year, not a figure to check
        if kind == "date" and _record_date(m, st, en):
            continue
        hits.append(a.hit(f"unsourced.{kind}", st, en))
    return hits


# ---------------------------------------------------------------------------- military claims

_NUM = (r"(?:\d{1,3}(?:[,\s]\d{3}){1,6}|\d+(?:\.\d+)?)(?:\s?(?:thousand|million))?"
        r"|dozens|scores|hundreds|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands"
        r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
        r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+dozen")
_QUANT = r"(?:(?:up\s+to|over|more\s+than|nearly|almost|about|around|roughly|some|at\s+least|as\s+many\s+as|approximately)\s+)?"
_CASUALTY = (r"killed|dead|deaths|died|wounded|injured|casualties|servicemen|soldiers|troops|fighters|militants|"
             r"personnel|civilians|mercenaries|combatants|prisoners|pows|people\s+killed")
_EQUIP = (r"tanks?|armou?red\s+(?:vehicles?|personnel\s+carriers?)|infantry\s+fighting\s+vehicles?|vehicles|drones?|uavs?|"
          r"missiles?|rockets?|aircraft|(?:fighter\s+)?jets?|warplanes?|helicopters?|howitzers?|artillery(?:\s+pieces?|\s+systems?)?|"
          r"(?:rocket\s+)?launchers?|air\s+defen[cs]e\s+systems?|radars?|himars|ammunition\s+depots?|depots?|warships?|boats?|"
          r"ships?|vessels?|tankers?|submarines?|frigates?|combat\s+vehicles?")
# the verbs that count people killed, wounded or taken ("killed 12", "lost up to 1,200 servicemen")
_COUNT_VERBS = r"killed|wounded|eliminated|neutrali[sz]ed|lost|captured|killing|wounding|injuring"
_CASUALTY_RE = re.compile(
    r"\b(?!one\s+of\b)" + _QUANT + r"(?:" + _NUM + r")\s+(?:[A-Za-z’'\-]+\s+){0,3}?(?:" + _CASUALTY + r")\b"
    r"|\b(?:" + _COUNT_VERBS + r")\s+(?:and\s+wounding\s+)?"
    + _QUANT + r"(?:" + _NUM + r")\b(?![,.]?\d)"
    r"(?!\s+(?:[\w’'\-]+\s+){0,2}?(?:" + _EQUIP + r")\b)"  # "lost 40 tanks": equipment, below
    r"(?:\s+(?:[A-Za-z’'\-]+\s+){0,2}?(?:" + _CASUALTY + r")\b)?",
    re.I,
)
_EQUIP_RE = re.compile(
    r"\b(?:destroyed|destroying|destroys|downed|downs|shot\s+down|shoots\s+down|intercepted|intercepts|knocked\s+out|"
    r"disabled|eliminated|hit|struck|wiped\s+out|lost|captured|seized|sank|sunk|sinking)\s+"
    r"(?:[\w’'\-][\w’',.\-]*\s+){0,5}?(?:" + _EQUIP + r")\b"
    r"|\b(?:" + _NUM + r")\s+(?:[\w’'\-]+\s+){0,2}?(?:" + _EQUIP + r")\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:destroyed|downed|shot\s+down|intercepted|eliminated|hit|disabled)\b",
    re.I,
)
_CASUALTY_TRIGGERS = frozenset("killed dead deaths died wounded injured casualties servicemen soldiers troops fighters militants "
                               "personnel civilians mercenaries combatants prisoners pows eliminated lost captured killing "
                               "wounding injuring".split())
_EQUIP_TRIGGERS = frozenset("destroyed destroying destroys downed downs shot shoots intercepted intercepts knocked disabled "
                            "eliminated hit struck wiped lost captured seized sank sunk sinking".split())

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


# Strikes: a word that always means an attack from the air or by artillery ("shelled", "airstrike"),
# a general verb of hitting once a weapon or armed force is named in the sentence ("forces attacked",
# "a missile hit"), or a strike/attack noun right after a weapon word ("drone strike on ..."); then,
# in the same clause, a target (a place or a facility) within eight words. "Workers went on strike at
# the plant" and "the storm hit the power plant" name no weapon or force, so they are no strike.
_STRIKE_ALWAYS = frozenset("shelled shelling bombed bombing bombarded bombarding bombardment airstrike airstrikes "
                           "air-strike air-strikes".split())
_STRIKE_IF_ARMED = frozenset("struck strike strikes striking hit hits hitting attacked attack attacks attacking "
                             "targeted targeting".split())
_STRIKE_NOUNS = frozenset("strike strikes attack attacks raid raids".split())
_WEAPONS = frozenset("missile missiles drone drones rocket rockets artillery shells bomb bombs warplane warplanes "
                     "airstrike airstrikes cruise ballistic kamikaze shahed shaheds himars mortar mortars".split())
_ARMED = _WEAPONS | frozenset("forces troops army military navy aircraft jets militants rebels fighters".split())
_WEAPON_BEFORE = frozenset("air missile drone rocket artillery mortar military".split())
_TARGETS = _PLACE_NOUNS | frozenset(
    "refinery depot plant station substation facility facilities infrastructure headquarters post bridge warehouse "
    "hospital school building block apartment factory airbase grid dam convoy barracks shelter market "
    "residential houses homes".split()
)
#: words after "strikes"/"attacks" that show a noun ("attacks on GOP senators"), not a verb with its object
_NOT_AN_OBJECT = frozenset("on in against by at of from were was are is have had has and or to for near".split())
#: capitalised words after "on"/"in" that are times, not targets ("an attack in December")
_TIME_NAMES = frozenset("january february march april may june july august september october november december "
                        "monday tuesday wednesday thursday friday saturday sunday".split())
#: targets that are military in themselves: "it struck an oil refinery" needs no weapon word
_MILITARY_TARGETS = frozenset("refinery refineries depot depots airfield airfields airbase airbases barracks headquarters "
                              "positions convoy bridgehead".split())
_STRIKE_TRIGGERS = _STRIKE_ALWAYS | _STRIKE_IF_ARMED


def _strike_start(a: _Analysis, i: int, armed: bool) -> int | None:
    """The token where a strike starts if token ``i`` is one, else None (with no weapon or force in
    the sentence, "struck"/"hit"/"attacked" count only before a military target: see
    :func:`_strike_hits`)."""
    w = a.lows[i]
    if w in _STRIKE_ALWAYS:
        return i
    if w in _STRIKE_NOUNS and i and a.lows[i - 1] in _WEAPON_BEFORE:
        return i - 1  # "drone strike", "missile attacks"
    if w in _STRIKE_IF_ARMED and w not in _STRIKE_NOUNS:
        return i  # "forces attacked", "a missile hit" (a bare "strike"/"attack" noun is not enough)
    if (w in ("strikes", "attacks") and armed and i and a.lows[i - 1] not in _DETERMINERS
            and i + 1 < len(a.lows) and a.lows[i + 1] not in _NOT_AN_OBJECT):
        return i  # the verb: "Russia strikes Kyiv's power grid", not "the strikes" or "attacks on a senator"
    return None


def _strike_hits(a: _Analysis) -> list[Hit]:
    """``military.strike``: a strike (see above) and its target in the same clause."""
    hits = []
    armed = not a.lowset.isdisjoint(_ARMED)
    if (not armed and a.lowset.isdisjoint(_STRIKE_ALWAYS) and a.lowset.isdisjoint(_WEAPON_BEFORE)
            and a.lowset.isdisjoint(_MILITARY_TARGETS)):
        return hits  # only "struck/hit/attacked" with no weapon, force or military target: nothing
    for i, w in enumerate(a.lows):
        if w not in _STRIKE_TRIGGERS:
            continue
        start = _strike_start(a, i, armed)
        if start is None:
            continue
        loose = not armed and w in _STRIKE_IF_ARMED  # "a car struck a pedestrian": military targets only
        for k in range(i + 1, min(len(a.lows), i + 9)):
            if _clause_break(a, k - 1, k) or "," in a.masked[a.tokens[k - 1][1]:a.tokens[k][0]]:
                break
            target = a.lows[k]
            if target in _MILITARY_TARGETS or (not loose and (target in _TARGETS or target.rstrip("s") in _TARGETS)):
                hits.append(a.hit("military.strike", a.tokens[start][0], a.tokens[k][1]))
                break
            if (not loose and a.lows[k - 1] in ("on", "in") and a.masked[a.tokens[k][0]].isupper()
                    and a.lows[k] not in _DETERMINERS and a.lows[k] not in _TIME_NAMES):
                hits.append(a.hit("military.strike", a.tokens[start][0], a.tokens[k][1]))  # "strikes on Kharkiv"
                break
    return hits


def _f_military(a: _Analysis) -> list[Hit]:
    if not a.english:
        return []
    hits = _territory_hits(a)
    if not a.lowset.isdisjoint(_STRIKE_TRIGGERS):
        hits += _strike_hits(a)
    if not a.lowset.isdisjoint(_CASUALTY_TRIGGERS):
        hits += [a.hit("military.casualties", mt.start(), mt.end()) for mt in _CASUALTY_RE.finditer(a.masked)
                 if _counts_people(a.masked, mt)]
    if not a.lowset.isdisjoint(_EQUIP_TRIGGERS):
        hits += [a.hit("military.equipment", mt.start(), mt.end()) for mt in _EQUIP_RE.finditer(a.masked)]
    if hits and not a.lowset.isdisjoint(_IF_WORDS):
        hits = [h for h in hits if not _in_if_clause(a, h.start)]
    return _dedupe(hits)


_IF_WORDS = frozenset({"if", "unless", "whether"})

_COUNT_VERB = re.compile(r"(?:" + _COUNT_VERBS + r")\b", re.I)
_CASUALTY_WORD = re.compile(r"\b(?:" + _CASUALTY + r")\b", re.I)
#: what may follow a bare count after "killed/lost/captured N" ("lost 1,200 over the past day", "killed 3
#: and injured dozens"): a preposition, a conjunction or a time word, not a noun of its own
_AFTER_BARE_COUNT = frozenset("of in over on during and or as at since near this last while after before the a an "
                              "by for from within across according including inside outside among yesterday today "
                              "overnight".split())
#: people, who may be counted after the number ("lost 300 men", "killed 40 villagers")
_PEOPLE = frozenset("people persons men women children kids residents villagers civilians workers members staff police "
                    "policemen officers journalists medics doctors patients passengers volunteers guards sailors pilots "
                    "recruits conscripts defenders attackers invaders occupiers others protesters demonstrators "
                    "victims hostages detainees inmates migrants refugees students pupils teachers relatives siblings "
                    "brothers sisters sons daughters lives".split())
#: a people's name ("two brave Americans", "40 Palestinians", "12 Ukrainians")
_NATIONALS = re.compile(r"[A-Z][a-z]+(?:ans|ians|ese|is|ers)$")


def _counts_people(text: str, mt: re.Match) -> bool:
    """Is a casualty match about people? "lost 12 seats", "captured 40% of the vote" and "killed
    40 jobs" count something else: after "killed/lost/captured N" must come a word for people or
    a casualty, a capitalised name ("killed 40 Palestinians"), or no noun at all ("lost 1,200 over
    the past day")."""
    if not _COUNT_VERB.match(mt.group()) or _CASUALTY_WORD.search(mt.group(), 1 + mt.group().find(" ")):
        return True
    rest = text[mt.end():mt.end() + 60]
    if re.match(r"\s*(?:%|per\s?cent\b|percent\b)", rest, re.I):
        return False
    words = re.findall(r"[\w’'\-]+|[^\w\s]", rest)[:3]
    if not words or not (words[0][0].isalnum()):
        return True  # "lost 1,200." / "killed 3, ..."
    if words[0][0].isupper() or words[0].lower() in _AFTER_BARE_COUNT:
        return True
    return any(w.lower() in _PEOPLE or _CASUALTY_WORD.fullmatch(w) or _NATIONALS.match(w) for w in words)


def _in_if_clause(a: _Analysis, start: int) -> bool:
    """Does ``start`` lie in an "if ..." clause ("If the threshold is lowered to an intercepted
    missile, ..."): a supposition, not a claim that something happened."""
    k = bisect.bisect_left(a.tokens, (start, -1))
    for j in range(k - 1, max(-1, k - 25), -1):
        if a.lows[j] in _IF_WORDS:
            return not re.search(r"[,;:.!?]", a.masked[a.tokens[j][1]:start])
    return False


def _territory_hits(a: _Analysis) -> list[Hit]:
    """A territorial verb (captured, liberated...) then, in the same clause, a place noun within
    eight words, or else (when the sentence speaks of troops) a capitalised name within four."""
    hits = []
    ctx = not a.lowset.isdisjoint(_MILITARY_CONTEXT)
    for r, s, _e, i in _lex_groups(a).get("military.", ()):
        if r != "military.territory":
            continue
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
    return hits


# ---------------------------------------------------------------------------- running the families

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


#: Families that read no English words: quotation marks are found in any language. Every other
#: family is English-only and gives no hits on text that does not look English.
LANGUAGE_NEUTRAL_FAMILIES = frozenset({"quotes"})


def _family(a: _Analysis, family: str) -> tuple[Hit, ...]:
    """One family's hits for an analysed sentence, computed once (families use each other)."""
    got = a.cache.get(family)
    if got is None:
        english_or_neutral = not a.foreign or family in LANGUAGE_NEUTRAL_FAMILIES
        got = tuple(_FAMILY_FUNCS[family](a)) if a.tokens_or_text and english_or_neutral else ()
        a.cache[family] = got
    return got

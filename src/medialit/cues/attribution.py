"""The attribution detector (:func:`medialit.cues.attribution`): who says so?

Word lists (``data/lexicons/attribution.txt``: reporting verbs, stance verbs, 'according to',
statement phrases, unnamed sources) plus shapes: "in" + a means of communication ("in a tweet"),
findings ("a survey ... found"), labelling verbs before a quotation, speaker + colon + quotation,
a name opening the sentence + colon ("Clinton: ..."), and direct quotations of four words or more
in a sentence that has room for its speaker. Two general checks keep hits honest: a passive with
no "by ..." agent ("has been heavily criticized") names nobody, and a stance verb inside a
quotation ("we hope") is the speaker's own view.
"""
from __future__ import annotations

import bisect
import re

from .rules import Hit
from .text import _WORD, _Analysis, _clause_break, _collect, _dedupe, _sentence_break

# ---------------------------------------------------------------------------- attribution

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
    "petition manifesto notes poll survey surveys".split())
_MEDIUM_RE = re.compile(
    r"\b[Ii]n\s+(?:a|an|the|his|her|its|their|this|that|one)\s+(?:[^\W\d_][\w’'\-]*\s+){0,2}?"
    r"(?:" + "|".join(sorted((re.escape(w) for w in _MEDIUM_NOUNS), key=len, reverse=True)) + r")"
    r"(?![\w\-’'])(?!\s+(?:of|office|offices|box|boxes|bar|book|game|games)\b)"
    # a named poll or survey: "in the latest Washington Post-ABC News Poll", "in a CNN/ORC poll"
    r"|\b[Ii]n\s+(?:a|an|the|this|that|one|its|their)\s+(?:[^\W_][\w’'./\-]*\s+){0,5}?(?:[Pp]oll|[Ss]urvey)(?![\w\-’'])")
# "a survey of 1,500 voters ... found": a source of findings, then a verb of finding (same sentence)
_FINDING_NOUNS = frozenset(
    "study studies survey surveys poll polls report reports analysis analyses review audit inquiry investigation "
    "research researchers scientists data figures statistics census records documents paper assessment estimates "
    "experiment probe evaluation autopsy post-mortem findings tests".split())
_FINDING_VERBS = frozenset(
    "found finds find show shows showed concluded concludes conclude revealed reveals reveal indicated indicates "
    "indicate suggests suggested suggest estimated determined documented".split())
_PASSIVE_AUX = frozenset("was were been being is are be".split())
_PLACE_PREPS = frozenset("on in at inside near under among beside behind".split())
_TIME_WORDS = frozenset("morning afternoon evening night day week month year summer winter spring autumn "
                        "time weekend season".split())
# "concluded in January that...": a verb of finding followed by "that" within a few words
_FOUND_THAT = frozenset("found concluded determined assessed ruled held heard".split())
# a court's words: "the judge ruled that", "the court held that", "the jury heard that" (only with
# "that" straight after: "held a rally that drew thousands" is no finding), and only when a clause
# starts after "that" (a determiner, a pronoun or a name): "ruled that country" is governing
_THAT_NEXT_ONLY = frozenset("ruled held heard".split())
_CLAUSE_OPENERS = frozenset("the a an his her their its our my your he she they it we i you there this these those "
                            "no any some all both neither none such every each".split())


def _clause_subject_next(a: _Analysis, j: int) -> bool:
    """Does a clause start at token ``j`` (a determiner, a pronoun or a capitalised name)?"""
    if j >= len(a.lows):
        return False
    return a.lows[j] in _CLAUSE_OPENERS or a.masked[a.tokens[j][0]].isupper()
# "called the lawmakers 'spineless cowards'": a labelling verb, then a quotation in the same clause
_LABEL_VERBS = frozenset(
    "called calls calling branded brands branding labelled labeled labelling labeling dubbed dubbing termed "
    "described describes describing dismissed dismisses dismissing derided slammed characterised characterized "
    "portrayed denounced decried".split())



# "has been (heavily) criticized": a passive names no one who criticised unless "by ..." follows
_PASSIVE_BE = frozenset("is are was were be been being get gets got getting gotten 's 're".split())
_PASSIVE_SKIP = frozenset("not also widely often long already repeatedly since never once reportedly "
                          "publicly sharply strongly heavily roundly broadly much".split())
# verbs whose passive subject is the person addressed ("he was told", "she was asked"): someone
# spoke to them, and the sentence goes on to say what
# ("he is convinced", "she was worried": the subject's own state of mind)
_ADDRESSEE_VERBS = frozenset("told asked urged informed warned reminded assured briefed quoted convinced worried".split())


def _agentless_passive(a: _Analysis, h: Hit) -> bool:
    """A one-word reporting or stance verb used as a passive with no "by ..." agent after it."""
    k = bisect.bisect_left(a.tokens, (h.start, -1))
    if (k >= len(a.tokens) or a.tokens[k][1] != h.end or a.lows[k] in _ADDRESSEE_VERBS
            or a.lows[k].endswith(("ing", "s"))):  # "is seeking", "is says": not a participle
        return False
    j = k - 1
    while j >= 0 and k - j <= 3 and (a.lows[j] in _PASSIVE_SKIP or a.lows[j].endswith("ly")):
        j -= 1
    if j < 0 or a.lows[j] not in _PASSIVE_BE or _clause_break(a, j, k):
        return False
    return not any(a.lows[m] == "by" and not _clause_break(a, k, m) for m in range(k + 1, min(len(a.lows), k + 5)))


# "he's said", "it's claimed": a verb after these contractions, not after a possessive
_S_CONTRACTIONS = frozenset("he's she's it's that's who's there's what's where's here's let's one's".split())


def _as_statement(a: _Analysis, h: Hit) -> Hit:
    """A verb of saying read as a noun after a possessive ("Sunak's claim", "the ministry's
    forecast") is shown as what it is: the name of someone's statement, not a reporting verb."""
    if h.rule in ("attribution.verb", "attribution.stance") and after_possessive(a, h):
        return a.hit("attribution.statement", h.start, h.end)
    return h


def after_possessive(a: _Analysis, h: Hit) -> bool:
    """A one-word reporting or stance word right after a possessive is a noun: "Sunak's claim",
    "the ministry's forecast", "voters' hopes" name someone's claim (an attribution) but, unless
    "that" or a colon follows, do not pass on its words: what the sentence says of it is the
    writer's ("The PM's claim is probably wrong")."""
    if h.rule not in ("attribution.verb", "attribution.stance", "attribution.statement"):
        return False
    k = bisect.bisect_left(a.tokens, (h.start, -1))
    if k == 0 or k >= len(a.tokens) or a.tokens[k][1] != h.end:
        return False
    prev = a.lows[k - 1]
    if prev.endswith("'s"):
        return prev not in _S_CONTRACTIONS
    return prev.endswith("s") and a.tokens[k - 1][1] < h.start and a.masked[a.tokens[k - 1][1]] in "'’"


def _death_toll(a: _Analysis, h: Hit) -> bool:
    """ "the war has claimed more than 10,000 lives": a death toll, nobody's claim."""
    if not h.text.lower().startswith("claim"):
        return False
    k = bisect.bisect_left(a.tokens, (h.end, -1))
    for j in range(k, min(len(a.lows), k + 8)):
        if a.lows[j] in ("lives", "life"):
            return not _clause_break(a, k - 1, j)
    return False


def _heading_word(a: _Analysis, h: Hit) -> bool:
    """A word that opens the text as a heading, then a colon ("Claim: ...", "Statement: ..."): a
    label of the page, not a verb of saying."""
    return h.start == len(a.s) - len(a.s.lstrip()) and a.s[h.end:h.end + 1] == ":" and a.s[h.start:h.end].istitle()


def _f_attribution(a: _Analysis) -> list[Hit]:
    hits = [_as_statement(a, h) for h in _collect(a, ("attribution.",))
            # a quoted "we hope", "we must reject" is the speaker's own view, already quoted
            if not (h.rule == "attribution.stance" and h.in_quote)
            and not (h.rule in ("attribution.verb", "attribution.stance") and _agentless_passive(a, h))
            and not _heading_word(a, h) and not _death_toll(a, h)]
    if a.english:
        hits += _medium_hits(a, {h.start for h in hits})
        hits += _finding_hits(a)
        hits += _found_that_hits(a)
        hits += _labelling_hits(a)
    hits += _colon_quote_hits(a)
    if a.english and ":" in a.masked:
        hits += _speaker_colon_hits(a)
    # a direct quotation of four words or more, in a sentence that has room for its speaker: a
    # sentence that is all quotation (one word or none outside the marks) does not say here who
    # speaks (the speaker is named in a sentence nearby; quotes() still flags the quotation)
    if not a.quotes:
        return _with_turn(a, _dedupe(hits))
    quoted = [(st, en) for (st, en, kind), n in zip(a.quotes, a.quote_words(), strict=True) if kind != "inside" and n >= 4]
    if _words_outside_quotes(a) < 2:
        # all quotation: a "said" inside it is the speaker's own story, not this sentence's source
        hits = [h for h in hits if not h.in_quote]
    elif quoted:
        hits += [a.hit("attribution.quote", st, en) for st, en in quoted]
    return _with_turn(a, _dedupe(hits))


def _with_turn(a: _Analysis, hits: list[Hit]) -> list[Hit]:
    """The hits, after a hit for the whole sentence when a speaker named earlier in the paragraph
    is still talking (a transcript; see ``cues._iter_analysed``). Added after the others are
    deduplicated, so that a "said" inside the sentence still shows."""
    if not (a.turn and a.tokens):
        return hits
    text = a.s
    return [a.hit("attribution.turn", len(text) - len(text.lstrip()), len(text.rstrip())), *hits]


# interview labels: the interviewer's questions are the publication's own words, not a speaker's turn
_INTERVIEWER_LABELS = frozenset({"q", "question", "interviewer"})


def speaker_label(a: _Analysis) -> str | None:
    """The speaker's label when the sentence opens with one ("KOVAL:", "Jake Tapper:", "A:"), else None."""
    if not (a.english and ":" in a.masked):
        return None
    hits = _speaker_colon_hits(a)
    return hits[0].text[:-1] if hits else None


def opening_label(text: str) -> str | None:
    """The label that opens ``text`` ("KOVAL", "Q", "A", "Deir Al-Balah"), in lower case, or None."""
    if ":" not in text[:80]:
        return None
    if _QUESTION.match(text):
        return "q"
    found = _label_span(text)
    return None if found is None else " ".join(text[found[0]:found[1] - 1].split()).lower()


def opens_turn(label: str | None) -> bool:
    """Does the label hand the following sentences of the paragraph to a speaker? Not the interviewer's."""
    return label is not None and label.strip().lower() not in _INTERVIEWER_LABELS


def _words_outside_quotes(a: _Analysis) -> int:
    """How many words of the sentence stand outside every quotation."""
    return len(a.tokens) - sum(a.quote_words())


def _medium_hits(a: _Analysis, listed: set[int]) -> list[Hit]:
    """ "in a tweet", "in her ruling"; a listed phrase ("in a statement") keeps its own rule."""
    if "in" not in a.lowset or (a.lowset.isdisjoint(_MEDIUM_NOUNS) and "poll" not in a.low):
        return []
    return [a.hit("attribution.medium", m.start(), m.end()) for m in _MEDIUM_RE.finditer(a.masked)
            if m.start() not in listed]


def _finding_hits(a: _Analysis) -> list[Hit]:
    """ "a survey of 1,500 voters ... found": a source of findings, then a verb of finding."""
    if a.lowset.isdisjoint(_FINDING_VERBS) or a.lowset.isdisjoint(_FINDING_NOUNS):
        return []
    hits = []
    lows = a.lows
    last_noun = -99
    for i, w in enumerate(lows):
        if w in _FINDING_NOUNS:
            last_noun = i
        elif (w in _FINDING_VERBS and 0 < i - last_noun <= 12 and not _sentence_break(a, last_noun, i)
              and lows[i - 1] not in _PASSIVE_AUX  # "the report was found in a drawer"
              and not (i + 1 < len(lows) and lows[i + 1] in _PLACE_PREPS)):  # "data found on the laptop"
            hits.append(a.hit("attribution.finding", a.tokens[last_noun][0], a.tokens[i][1]))
            last_noun = -99
    return hits


def _found_that_hits(a: _Analysis) -> list[Hit]:
    """ "concluded in January that...": a verb of finding, then "that" within six words."""
    if "that" not in a.lowset or a.lowset.isdisjoint(_FOUND_THAT):
        return []
    hits = []
    lows = a.lows
    for i, w in enumerate(lows):
        if w not in _FOUND_THAT:
            continue
        reach = i + 2 if w in _THAT_NEXT_ONLY else i + 7
        k = next((k for k in range(i + 1, min(len(lows), reach)) if lows[k] == "that"), None)
        if k is not None and w in _THAT_NEXT_ONLY and not _clause_subject_next(a, k + 1):
            continue  # "ruled that country for decades", "held that post": "that" points, nothing is reported
        # not "was found that morning"
        if k is not None and not _clause_break(a, i, k) and not (k + 1 < len(lows) and lows[k + 1] in _TIME_WORDS):
            hits.append(a.hit("attribution.finding", a.tokens[i][0], a.tokens[k][1]))
    return hits


def _labelling_hits(a: _Analysis) -> list[Hit]:
    """ "called the lawmakers 'spineless cowards'": a labelling verb, then a quotation (same clause)."""
    if not a.quotes or a.lowset.isdisjoint(_LABEL_VERBS):
        return []
    hits = []
    starts = [q[0] for q in a.quotes if q[2] == "full"]
    for i, w in enumerate(a.lows):
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
    return hits


# "Clinton: Time for a new strategy." / "JAKE TAPPER: Welcome back.": a name of one to four
# capitalised words opening the sentence, then a colon (headlines, transcripts, interviews)
_SPEAKER_COLON = re.compile(r"^\s*((?:[A-Z][\w.’'\-]*|of|the|for|and|de|von|van)(?:\s+(?:[A-Z][\w.’'\-]*|of|the|for|and|de|von|van)){0,4}):\s+[^\s\d@#]")
_NOT_SPEAKERS = frozenset(
    "note update editor's editors photo photos video watch read related correction disclaimer breaking exclusive "
    "analysis opinion comment warning article section chapter part step rule question answer background context "
    "summary source sources credit image caption listen live timeline fact facts bottom key takeaway takeaways "
    "why what how when where who subject re fw fwd ps p.s. tl dr tldr update pictured above below a contributing "
    "contributors twitter facebook byline revealed latest pledged plus remember paid notice scanner "
    # a fact check's own headings ("Claim: ...", "Verdict: False", "Our ruling: ..."): the checker speaks
    "claim claims verdict rating ruling conclusion conclusions finding findings checked".split())


# "A: No." in a question-and-answer interview: the answer (a lone capital A, then a colon); "Q:"
# the interviewer's question
_ANSWER = re.compile(r"\s*A:\s+\S")
_QUESTION = re.compile(r"\s*Q:\s+\S")


def _label_span(text: str) -> tuple[int, int, bool] | None:
    """The speaker's label that opens ``text``: (start, end with the colon, whether it is an
    answer's "A:"), or None (no label, or a heading such as "Note:" or "Update 3:")."""
    if _ANSWER.match(text):
        st = text.index("A")
        return st, st + 2, True
    m = _SPEAKER_COLON.match(text)
    if not m:
        return None
    words = m.group(1).split()
    if words[0].lower() in _NOT_SPEAKERS or words[-1].lower() in _NOT_SPEAKERS or any(c.isdigit() for c in m.group(1)):
        return None
    return m.start(1), m.end(1) + 1, False


def _speaker_colon_hits(a: _Analysis) -> list[Hit]:
    """A name opening the sentence, then a colon: the words after it are that speaker's (or source's)."""
    found = _label_span(a.masked)
    if found is None:
        return []
    st, en, answer = found
    if not answer and a.in_quote(st, en - 1):
        return []
    return [a.hit("attribution.colon_speaker", st, en)]


def _colon_quote_hits(a: _Analysis) -> list[Hit]:
    """A speaker, a colon and an opening quotation mark ('The mayor put it bluntly: "...')."""
    if ":" not in a.masked:
        return []
    hits = []
    for m in _COLON_QUOTE.finditer(a.masked):
        # the word before the colon is looked for in the 40 characters before it
        w = _WORD_BEFORE.search(a.masked, max(0, m.start() - 40), m.start())
        if w:
            hits.append(a.hit("attribution.colon_quote", w.start(), m.end()))
    return hits

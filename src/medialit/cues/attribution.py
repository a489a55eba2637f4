"""The attribution detector (:func:`medialit.cues.attribution`): who says so?

Word lists (``data/lexicons/attribution.txt``: reporting verbs, stance verbs, 'according to',
statement phrases, unnamed sources) plus shapes: "in" + a means of communication ("in a tweet"),
findings ("a survey ... found"), labelling verbs before a quotation, speaker + colon + quotation,
a name opening the sentence + colon ("Clinton: ..."), and direct quotations of four words or more
in a sentence that has room for its speaker. Two general checks keep hits honest: a passive with
no "by ..." agent ("has been heavily criticized") names nobody, and a stance verb inside a
quotation ("we hope") is the speaker's own view. Context checks keep a word of saying to its
speech sense (not a noun: "its annual forecast"; not an instruction: "were told to evacuate"; not
a telephone call: "called me last week"; not an adjective: "their pledged candidates"); a label
before a colon counts only as a speaker (not "Director:", "Q:" or a dateline "LAHORE:"); a title in
quotation marks ("The Texas Chain Saw Massacre") quotes no one. Verbs of estimating count with a
source as subject ("the company projected revenue of..."), and impersonal passives ("it was also
decided that...") are unnamed sources.
"""
from __future__ import annotations

import bisect
import re

from .rules import Hit
from .text import _WORD, _Analysis, _clause_break, _dedupe, _lex_groups, _sentence_break

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


def _agentless_passive(a: _Analysis, k: int) -> bool:
    """The one-word reporting or stance verb at token ``k`` used as a passive with no "by ..." agent after it."""
    if a.lows[k] in _ADDRESSEE_VERBS or a.lows[k].endswith(("ing", "s")):  # "is seeking", "is says": no participle
        return False
    j = k - 1
    while j >= 0 and k - j <= 3 and (a.lows[j] in _PASSIVE_SKIP or a.lows[j].endswith("ly")):
        j -= 1
    if j < 0 or a.lows[j] not in _PASSIVE_BE or _clause_break(a, j, k):
        return False
    return not any(a.lows[m] == "by" and not _clause_break(a, k, m) for m in range(k + 1, min(len(a.lows), k + 5)))


# "he's said", "it's claimed": a verb after these contractions, not after a possessive
_S_CONTRACTIONS = frozenset("he's she's it's that's who's there's what's where's here's let's one's".split())


def after_possessive(a: _Analysis, h: Hit) -> bool:
    """A one-word reporting or stance word right after a possessive is a noun: "Sunak's claim",
    "the ministry's forecast", "voters' hopes" name someone's claim (an attribution) but, unless
    "that" or a colon follows, do not pass on its words: what the sentence says of it is the
    writer's ("The PM's claim is probably wrong")."""
    if h.rule not in ("attribution.verb", "attribution.stance", "attribution.statement"):
        return False
    k = bisect.bisect_left(a.tokens, (h.start, -1))
    if k >= len(a.tokens) or a.tokens[k][1] != h.end:
        return False
    return _possessive_before(a, k)


def _possessive_before(a: _Analysis, k: int) -> bool:
    """Does a possessive ("Sunak's", "voters'") stand right before token ``k``?"""
    if k == 0:
        return False
    prev = a.lows[k - 1]
    if prev.endswith("'s"):
        return prev not in _S_CONTRACTIONS
    return prev.endswith("s") and a.tokens[k - 1][1] < a.tokens[k][0] and a.masked[a.tokens[k - 1][1]] in "'’"


def _death_toll(a: _Analysis, start: int, end: int) -> bool:
    """ "the war has claimed more than 10,000 lives": a death toll, nobody's claim."""
    if not a.low.startswith("claim", start):
        return False
    k = bisect.bisect_left(a.tokens, (end, -1))
    for j in range(k, min(len(a.lows), k + 8)):
        if a.lows[j] in ("lives", "life"):
            return not _clause_break(a, k - 1, j)
    return False


def _heading_word(a: _Analysis, start: int, end: int) -> bool:
    """A word that opens the text as a heading, then a colon ("Claim: ...", "Statement: ..."): a
    label of the page, not a verb of saying."""
    return a.s[end:end + 1] == ":" and not a.s[:start].strip() and a.s[start:end].istitle()


# ---------------------------------------------------------------------------- words of saying in another sense
# A word of the lists can be a noun ("its annual forecast"), an instruction ("were told to
# evacuate"), a telephone call ("called me") or an adjective ("their pledged candidates"): cheap
# context checks give the verb of saying back only its speech sense.

# words of saying whose noun names a figure, an intention or a feeling, not someone's words: "its
# annual forecast", "earnings estimates", "FaceTime calls" (nouns that name words, such as "claims",
# "reports", "questions" or "pledges", stay attribution cues)
_NOUN_TOO = frozenset("forecast forecasts estimate estimates plan plans call calls offer offers hope hopes fear fears "
                      "worry worries support supports".split())
# what follows such a noun, and not the verb (which takes "that", "to" or an object): a
# preposition, a conjunction, "is"/"has" ("estimates and raised", "plans as", "forecast for 2025"); not a
# modal ("what the agency estimates will be needed": the verb, its "that" left out)
_AFTER_NOUN = frozenset("of for from and or but as in on at with over about after before during amid is are was "
                        "were has have had while because although though if".split())
# what opens the noun phrase: a determiner or a preposition ("its annual forecast", "during FaceTime calls")
_PHRASE_OPENERS = frozenset("the a an his her its their our my your this these those such no every another of in "
                            "on at for from with during about over after before amid despite without against".split())
# what the verb of saying follows instead: its subject (a pronoun), an auxiliary, "to", a relative word
_VERB_BEFORE = frozenset("i we you he she they it who which that to not never also will would can could may might "
                         "should must do does did has have had is are was were be been being".split())
# a plural "s" that is no plural noun ("was", "this", "thus"...): "earnings estimates" is two nouns
_NOT_PLURAL = frozenset("is was has does his its this thus yes plus perhaps always whereas news".split())
_ADVERBS = frozenset("now still already even just only also never soon then often again".split())
# told/asked + "to" + a verb: an instruction ("were told to evacuate", "was asked to resign"), unless
# the verb is one of speaking ("was asked to comment": the answer follows)
_INSTRUCTED = frozenset("told asked ordered instructed advised urged".split())
_SPEAK_VERBS = frozenset("comment name explain respond answer say describe testify speak address discuss elaborate "
                         "clarify confirm identify list rank rate weigh predict estimate assess evaluate give share "
                         "state recount recall reflect justify detail outline summarize summarise define tell "
                         "write pick choose select".split())
# called + a pronoun and nothing it is called: a telephone call ("One of them called me last week")
_CALL_FORMS = frozenset("call calls called calling".split())
_OBJECT_PRONOUNS = frozenset("me him her us them you".split())
_SUBJECT_PRONOUNS = frozenset("i we you he she they".split())
_AFTER_PHONED = frozenset("and back up at from to last yesterday today tonight every after before when while again "
                          "twice once early late".split())
# a participle straight after a determiner and before a noun is an adjective ("their pledged candidates")
_ADJ_DETS = frozenset("the a an his her its their our my your these those such no every another".split())
_NOT_A_NOUN = _VERB_BEFORE | _PHRASE_OPENERS | _AFTER_NOUN | frozenset("than there".split())
# verbs of estimating (listed in the word list): they pass on a figure only with a source as their
# subject and a figure as their object ("the company ... projected revenue of", "Analysts had been
# modeling $642 million", "advocates estimate there could be"); "the projected winners", "climate
# modeling" or "projected onto a screen" name no one (see _estimates_something, _source_subject)
_SOURCE_VERBS = frozenset("project projects projected projecting estimate modeled modelled modeling modelling".split())
_OTHER_SENSE_WORDS = _NOUN_TOO | _INSTRUCTED | _CALL_FORMS | _SOURCE_VERBS


_PUNCT = re.compile(r"[^\w\s]")
_WORDS_FOLLOW = frozenset(":\"“«„‘'")


def _punct_between(a: _Analysis, i: int, j: int) -> bool:
    """A punctuation mark between tokens i and j (i < j), or no token j (the end of the text)."""
    if j >= len(a.tokens):
        return True
    return _PUNCT.search(a.masked, a.tokens[i][1], a.tokens[j][0]) is not None


def _other_sense(a: _Analysis, k: int) -> bool:
    """The one-word verb of saying at token ``k`` used in another sense: a noun, an instruction, a
    telephone call or an adjective (see the word sets above), or a verb of estimating with no
    source as its subject."""
    low = a.lows[k]
    if low in _SOURCE_VERBS:
        return not (_estimates_something(a, k) and _source_subject(a, k))
    if low.endswith("'s"):
        return low[:-2] in _SOURCE_VERBS  # "the project's website": a noun
    if low in _OTHER_SENSE_WORDS:
        other = ((low in _NOUN_TOO and _read_as_noun(a, k)) or (low in _INSTRUCTED and _instruction(a, k))
                 or (low in _CALL_FORMS and (_phoned(a, k) or _names_a_title(a, k))))
    else:  # "self-described" is the speaker's own word
        other = low.endswith("ed") and "-" not in low and _participle_adjective(a, k)
    return other and not _possessive_before(a, k)  # "the agency's forecast" names a statement


def _read_as_noun(a: _Analysis, k: int) -> bool:
    """ "its annual forecast,", "earnings estimates and", "during FaceTime calls.": a determiner or a
    preposition (or, for an -s word, a noun: see :func:`_noun_before`) before it, and what follows a
    noun after it. Not a short tag after a comma ("..., the company estimates.")."""
    lows = a.lows
    end = _punct_between(a, k, k + 1)
    if end and a.masked[a.tokens[k][1]:a.tokens[k][1] + 3].lstrip()[:1] in _WORDS_FOLLOW:
        return False  # "Their plan: ...", "the forecast “...”": the words follow
    if not end and lows[k + 1] not in _AFTER_NOUN:
        return False  # "the company forecast revenue of...": an object follows, a verb
    if lows[k].endswith("s") and k and _noun_before(a, k):
        return True  # "earnings estimates", "quarterly profit estimates", "transition plans"
    for j in range(k - 1, max(-1, k - 4), -1):
        if _punct_between(a, j, j + 1) or lows[j] in _VERB_BEFORE:
            return False
        if lows[j] in _PHRASE_OPENERS:
            # "..., the company estimates.": a subject and its verb after a comma, "as" or "than"
            return not (end and j > 0 and (_punct_between(a, j - 1, j) or lows[j - 1] in ("as", "than")))
    return False


def _noun_before(a: _Analysis, k: int) -> bool:
    """A noun in lower case before the -s word at token ``k``, which makes it a plural noun: a
    plural ("earnings estimates": a plural subject does not take the verb's -s), or a noun with no
    determiner before it ("begins transition plans", "quarterly profit estimates"), which cannot be
    the verb's subject ("the company estimates" can)."""
    lows = a.lows
    prev = lows[k - 1]
    if (not a.masked[a.tokens[k - 1][0]].islower() or _punct_between(a, k - 1, k) or prev in _NOT_A_NOUN
            or prev.endswith(("'s", "ly")) or prev in _ADVERBS):
        return False
    if prev.endswith("s") and not prev.endswith(("ss", "us", "is")) and prev not in _NOT_PLURAL:
        return True
    return k < 2 or (lows[k - 2] not in _ADJ_DETS and lows[k - 2] not in _PHRASE_OPENERS
                     and not _punct_between(a, k - 2, k - 1))


def _instruction(a: _Analysis, k: int) -> bool:
    """ "were told to evacuate", "was asked to resign": a passive with no "by" agent, then "to" and
    a verb that is not one of speaking. An order was given; the sentence passes on no one's words."""
    lows = a.lows
    n = len(lows)
    if k + 2 >= n or lows[k + 1] != "to" or lows[k + 2] in _SPEAK_VERBS or _punct_between(a, k, k + 1):
        return False
    j = k - 1
    while j >= 0 and k - j <= 2 and (lows[j] in _PASSIVE_SKIP or lows[j].endswith("ly")):
        j -= 1
    if j < 0 or lows[j] not in _PASSIVE_BE:
        return False
    return not any(lows[m] == "by" and not _clause_break(a, k, m) for m in range(k + 3, min(n, k + 12)))


def _phoned(a: _Analysis, k: int) -> bool:
    """ "called me and said", "called him last week", "called us.": a pronoun, then no name or label
    (not "called her "a liar"", nor the aside "..., as he called them.")."""
    lows = a.lows
    if k + 1 >= len(lows) or lows[k + 1] not in _OBJECT_PRONOUNS or _punct_between(a, k, k + 1):
        return False
    if k + 2 < len(lows) and not _punct_between(a, k + 1, k + 2):
        return lows[k + 2] in _AFTER_PHONED
    rest = a.masked[a.tokens[k + 1][1]:a.tokens[k + 2][0] if k + 2 < len(lows) else len(a.masked)].strip()
    return rest[:1] in (".", "") and not (k >= 2 and lows[k - 1] in _SUBJECT_PRONOUNS and lows[k - 2] in ("as", "what"))


def _names_a_title(a: _Analysis, k: int) -> bool:
    """ "a play called "Los Hijos de Trump"": "called" gives the name of a thing (see :func:`quoted_title`)."""
    end = a.tokens[k][1]
    for st, en, kind in a.quotes:
        if st >= end:
            return kind == "full" and not a.masked[end:st].strip() and quoted_title(a, st, en, 0, title_case=False)
    return False


def _participle_adjective(a: _Analysis, k: int) -> bool:
    """ "their pledged candidates", "the widely reported case": a determiner (and perhaps an -ly
    adverb), the participle, then a lower-case noun."""
    lows = a.lows
    j = k - 1
    if j >= 0 and lows[j].endswith("ly"):
        j -= 1
    if j < 0 or lows[j] not in _ADJ_DETS or _punct_between(a, j, k) or _punct_between(a, k, k + 1):
        return False
    nxt = lows[k + 1]
    return nxt.isalpha() and a.masked[a.tokens[k + 1][0]].islower() and nxt not in _NOT_A_NOUN


_SPEECH_RULES = frozenset({"attribution.verb", "attribution.stance"})


def _word_list_hits(a: _Analysis) -> list[Hit]:
    """The attribution word lists' hits (deduplicated as :func:`text._dedupe` does), checked: not a
    verb of saying in another sense (see :func:`_other_sense`) or in an agentless passive, not a
    stance inside a quotation (a quoted "we hope" is the speaker's own view, already quoted), not a
    heading word or a death toll; a verb after a possessive is shown as a statement ("the
    ministry's forecast"). Works on the matches' token positions, making a Hit only for those kept."""
    groups = a.lex_groups if a.lex_groups is not None else _lex_groups(a)
    found = groups.get("attribution.")
    if not found:
        return []
    if len(found) > 1:
        found = sorted(found, key=_span_order)
    toks, lows = a.tokens, a.lows
    toll = "lives" in a.lowset or "life" in a.lowset  # (a quick look before _death_toll)
    hits = []
    reach = -1
    for r, st, en, i in found:
        if en <= reach:
            continue  # inside a longer hit kept before (or the same words)
        speech = r in _SPEECH_RULES and toks[i][1] == en  # one word
        # (a quick look first: a word that has another sense, or an -ed form after a determiner or
        # an -ly adverb; most verbs of saying are neither)
        if speech and (lows[i] in _OTHER_SENSE_WORDS or lows[i][-2:] == "'s" or (i and lows[i].endswith("ed") and (
                lows[i - 1] in _ADJ_DETS or lows[i - 1].endswith("ly")))) and _other_sense(a, i):
            continue
        reach = en
        if r in _SPEECH_RULES:
            if (r == "attribution.stance" and a.in_quote(st, en)) or (speech and _agentless_passive(a, i)):
                continue
            if speech and _possessive_before(a, i):
                r = "attribution.statement"
        if (st == 0 or a.s[st - 1].isspace()) and _heading_word(a, st, en) or (toll and _death_toll(a, st, en)):
            continue
        hits.append(a.hit(r, st, en))
    return hits


def _span_order(m: tuple[str, int, int, int]) -> tuple[int, int, str]:
    """The order of :func:`text._dedupe`: by start, the longest first, then by rule."""
    return m[1], m[1] - m[2], m[0]


def _f_attribution(a: _Analysis) -> list[Hit]:
    hits = _word_list_hits(a)
    if a.english:
        hits += _medium_hits(a, hits)
        hits += _finding_hits(a)
        hits += _found_that_hits(a)
        hits += _labelling_hits(a)
        lowset = a.lowset
        if "it" in lowset and ("was" in lowset or "is" in lowset or "been" in lowset):
            hits += _impersonal_hits(a)
    hits += _colon_quote_hits(a)
    if a.english and ":" in a.masked:
        hits += _speaker_colon_hits(a)
    # a direct quotation of four words or more, in a sentence that has room for its speaker: a
    # sentence that is all quotation (one word or none outside the marks) does not say here who
    # speaks (the speaker is named in a sentence nearby; quotes() still flags the quotation)
    if not a.quotes:
        return _with_turn(a, _dedupe(hits))
    quoted = [(st, en) for (st, en, kind), n in zip(a.quotes, a.quote_words(), strict=True)
              if kind != "inside" and n >= 4 and not (a.english and quoted_title(a, st, en, n))]
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
    """The speaker's label when the sentence opens with one ("KOVAL:", "Jake Tapper:", "A:", the
    interviewer's "Q:"), else None. Read in a transcript (``cues._iter_analysed``), where a label in
    capitals is a speaker even before a sentence that reads like a dateline's."""
    if not (a.english and ":" in a.masked):
        return None
    found = _speaker_span(a)
    return None if found is None else a.s[found[0]:found[1] - 1]


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


# ---------------------------------------------------------------------------- titles in quotation marks
# "an inferior rip-off of "The Texas Chain Saw Massacre"", "the article "Are the elections headed to
# a recount?"": the name of a work, a headline or a slogan in quotation marks quotes no speaker.

# a work, a headline or a slogan, named straight before its title (a comma may come between)
_WORK_NOUNS = frozenset(
    "film films movie movies book books novel novels memoir memoirs biography show shows series sitcom documentary "
    "episode episodes song songs single album albums track anthem ballad play plays musical opera poem poems "
    "podcast podcasts painting exhibition exhibit theme slogan motto hashtag program programme thriller comedy drama "
    "magazine newspaper article articles headline headlines editorial editorials essay essays column op-ed "
    "titled entitled".split())
# "a film called "Parasite"": a name given, when no one (a pronoun, a name) does the calling
_NAMING_VERBS = frozenset("called named dubbed".split())
_WORK_BEFORE = _WORK_NOUNS | _NAMING_VERBS
_TITLE_SMALL = frozenset("a an the of in on at to for and or but nor with from by as vs via de la le du des von van "
                         "into over upon".split())
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"”’']?\s+[A-Z]")
# a cited headline: the quotation, then its page ("Prop. 13 proves costly," Page A8, Jan. 13)
_PAGE_AFTER = re.compile(r"\s*,?\s*(?:[Pp]age|p\.|pp\.)\s*[A-Z]?\d")


def quoted_title(a: _Analysis, st: int, en: int, words: int, title_case: bool = True) -> bool:
    """Is the quotation at ``st:en`` (``words`` words) a title rather than someone's words: named as a
    work, headline or slogan just before it, or (with ``title_case``) four words or more in Title
    Case ("Once Upon a Time in Hollywood") with no sentence inside, in a sentence that is not itself
    a Title-Case headline (where a quoted speaker's words are capitalised too)?"""
    masked, toks = a.masked, a.tokens
    k = bisect.bisect_left(toks, (st, -1))  # the first token inside the quotation
    if (k and a.lows[k - 1] in _WORK_BEFORE and k < len(toks) and not masked[toks[k][0]].islower()
            and not masked[toks[k - 1][1]:st].strip(" ,")):
        # "the film "Parasite"", "the article "Are the..."" (not "called the show "the news show of record"")
        if a.lows[k - 1] in _WORK_NOUNS or _named_thing(a, k - 1):
            return True
    after = masked[en:en + 8]
    if ("age" in after or "p." in after) and _PAGE_AFTER.match(masked, en):
        return True
    if (not title_case or words < 4 or not masked[toks[k][0]].isupper()
            or (masked[toks[k + 1][0]].islower() and a.lows[k + 1] not in _TITLE_SMALL)  # (most quotations)
            or not _title_case(a, k, k + words) or _SENTENCE_INSIDE.search(masked, st, en)):
        return False
    outside = [masked[s0:e0] for s0, e0 in toks if not a.in_quote(s0, e0)]
    return len(outside) >= 2 and any(w[:1].islower() and w not in _TITLE_SMALL for w in outside)


def _named_thing(a: _Analysis, i: int) -> bool:
    """ "a film called "Parasite"": a noun (no speaker) before "called" (token ``i``)."""
    if i == 0:
        return False
    before = a.lows[i - 1]
    return a.masked[a.tokens[i - 1][0]].islower() and before not in _VERB_BEFORE and before not in _CLAUSE_OPENERS


def _title_case(a: _Analysis, i: int, j: int) -> bool:
    """Tokens i..j-1 in Title Case: every word capitalised but the small ones (of, the, in...), and
    not all in capitals (shouting). Stops at the first word in lower case (most quotations)."""
    masked, toks = a.masked, a.tokens
    big = 0
    shouting = True
    for k in range(i, min(j, len(toks))):
        s0, e0 = toks[k]
        c = masked[s0]
        if not c.isalpha() or a.lows[k] in _TITLE_SMALL:
            continue
        if c.islower():
            return False
        big += 1
        shouting = shouting and masked[s0:e0].isupper()
    return big >= 2 and not shouting


def _words_outside_quotes(a: _Analysis) -> int:
    """How many words of the sentence stand outside every quotation."""
    return len(a.tokens) - sum(a.quote_words())


def _medium_hits(a: _Analysis, found: list[Hit]) -> list[Hit]:
    """ "in a tweet", "in her ruling"; a listed phrase ("in a statement", among ``found``) keeps its own rule."""
    if "in" not in a.lowset or (a.lowset.isdisjoint(_MEDIUM_NOUNS) and "poll" not in a.low):
        return []
    listed = {h.start for h in found}
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


_SOURCE_SUBJECTS = frozenset(
    "company companies firm firms business group bank banks fund lender insurer retailer maker carrier chain "
    "government governments ministry department agency agencies office authority authorities administration board "
    "committee council commission institute organization organisation service management executives executive "
    "analysts analyst economists economist officials official researchers researcher scientists scientist experts "
    "expert forecasters forecaster strategists statisticians advocates critics observers investors study report "
    "survey airline automaker manufacturer producer operator utility university hospital city state county party "
    "campaign union association federation he she they we it".split())
_PROGRESSIVE = frozenset("is are was were be been being am".split())
_CURRENCY_GAP = re.compile(r"[\s$€£¥]*")


# what a reported figure is of ("projected revenue of", "estimate a loss")
_FIGURE_NOUNS = frozenset("revenue revenues sales earnings profit profits loss losses growth deficit deficits surplus "
                          "inflation income turnout demand output price prices cost costs spending returns shortfall "
                          "decline increase rise fall gain gains margin margins rate rates unemployment "
                          "population".split())
_FIGURE_FILLERS = frozenset("a an the its their his her our full-year annual quarterly about around nearly some "
                            "roughly".split())


def _estimates_something(a: _Analysis, i: int) -> bool:
    """An active verb in lower case (no determiner or "be" before it, except "is projecting"), then
    "that", a number, or a figure ("revenue", "a loss"); "estimate" may also take a clause ("estimate
    there could be")."""
    lows = a.lows
    if i + 1 >= len(lows) or not a.masked[a.tokens[i][0]].islower():
        return False
    if _CURRENCY_GAP.fullmatch(a.masked, a.tokens[i][1], a.tokens[i + 1][0]) is None:
        return False  # a comma or a full stop: no object
    j = i - 1
    while j >= 0 and (lows[j] in _PASSIVE_SKIP or lows[j].endswith("ly")):
        j -= 1
    prev = lows[j] if j >= 0 else ""
    if lows[i].endswith("ing") != (prev in _PROGRESSIVE) or prev in _ADJ_DETS:
        return False  # "is projecting", "had been modeling"; not "was projected", "the projected winners"
    nxt = lows[i + 1]
    if nxt == "that" or nxt[:1].isdigit() or (lows[i] == "estimate" and _clause_subject_next(a, i + 1)):
        return True
    k = i + 1
    while k < len(lows) and k - i <= 3 and lows[k] in _FIGURE_FILLERS:
        k += 1
    return k < len(lows) and (lows[k] in _FIGURE_NOUNS or lows[k][:1].isdigit())


def _source_subject(a: _Analysis, i: int) -> bool:
    """A source noun, a personal pronoun or a capitalised name within ten words before token i."""
    for m in range(i - 1, max(-1, i - 11), -1):
        if _sentence_break(a, m, i):
            return False
        w = a.lows[m]
        if w in _SOURCE_SUBJECTS:
            return True
        if (a.masked[a.tokens[m][0]].isupper() and w not in _CLAUSE_OPENERS and w not in _PHRASE_OPENERS
                and w not in _VERB_BEFORE):
            return True
    return False


# "It was also decided in the meeting that...", "it has been agreed to...": an impersonal passive
# passes on a decision or a report and names no one (the unnamed-source phrases of the word list
# are the plain "it was reported"; this finds them with an adverb too, and with more verbs)
_IMPERSONAL = frozenset("decided agreed learned learnt reported announced stated said claimed alleged noted argued "
                        "suggested revealed confirmed understood believed thought feared expected estimated "
                        "recommended resolved proposed observed felt".split())
_DECISIONS = frozenset("decided agreed resolved proposed recommended".split())


def _impersonal_hits(a: _Analysis) -> list[Hit]:
    """ "it was (also) decided ... that", "it has been agreed to": "it", a passive, then "that"
    within six words (or "to" straight after a verb of deciding)."""
    if a.lowset.isdisjoint(_IMPERSONAL):
        return []
    lows = a.lows
    n = len(lows)
    hits = []
    for i in range(n - 2):
        if lows[i] != "it":
            continue
        j = i + 1
        if lows[j] in ("has", "had", "have") and lows[j + 1] == "been":
            j += 1
        elif lows[j] not in ("is", "was"):
            continue
        j += 1
        while j < n and j - i <= 5 and (lows[j] in _PASSIVE_SKIP or lows[j].endswith("ly")
                                        or lows[j] in ("further", "later", "then")):
            j += 1
        if j >= n or lows[j] not in _IMPERSONAL or _clause_break(a, i, j):
            continue
        if ((j + 1 < n and lows[j + 1] == "to" and lows[j] in _DECISIONS)
                or any(lows[k] == "that" and not _clause_break(a, j, k) for k in range(j + 1, min(n, j + 7)))):
            hits.append(a.hit("attribution.unnamed", a.tokens[i][0], a.tokens[j][1]))
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
                # "a film called "Parasite"" names a work; "called him "Little Marco"" labels someone
                if not quoted_title(a, qs, end, 0, title_case=False):
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
    "claim claims verdict rating ruling conclusion conclusions finding findings checked "
    # a possessive opens a heading ("Our Standards:", "My take:"), and the fields of a listing, a
    # review's credits or a form name no speaker ("Director: Robert Rodriguez.", "Coronavirus-Blog:")
    "our my your his its their director directors cast starring with producer producers writer writers "
    "screenplay author authors genre rated runtime location venue date dates time price prices cost admission "
    "tickets tags tag category categories topic topics filed posted published updated dateline headline title "
    "name age city job pay email phone tel fax contact address website hours blog liveblog".split())


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
    last = words[-1].lower()
    if (words[0].lower() in _NOT_SPEAKERS or last in _NOT_SPEAKERS or last.rsplit("-", 1)[-1] in _NOT_SPEAKERS
            or any(c.isdigit() for c in m.group(1))):
        return None
    return m.start(1), m.end(1) + 1, False


def _speaker_span(a: _Analysis) -> tuple[int, int, bool] | None:
    """The label that opens the sentence (see :func:`_label_span`), unless it lies inside a quotation."""
    found = _label_span(a.masked)
    if found is None or (not found[2] and a.in_quote(found[0], found[1] - 1)):
        return None
    return found


# a speaker's turn often opens with these, or says I, we or you; a dateline's news sentence does not
_TURN_OPENERS = frozenset("well look yes yeah no oh so and but thank thanks frankly honestly listen sure okay ok "
                          "right absolutely exactly because let".split())
_SPEAKING_PERSONS = frozenset("i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves "
                              "you you're you've you'd you'll your yours yourself".split())


def _speaker_colon_hits(a: _Analysis) -> list[Hit]:
    """A name opening the sentence, then a colon: the words after it are that speaker's (or source's).
    Not the interviewer's "Q:" (the publication's own question), and not a label in capitals
    before a news sentence: a dateline or a kicker ("LAHORE: A meeting approved...", "BOOM: ...")."""
    found = _speaker_span(a)
    if found is None:
        return []
    st, en, answer = found
    label = a.masked[st:en - 1]
    if label.lower() in _INTERVIEWER_LABELS or (not answer and _dateline_or_kicker(a, label, en)):
        return []
    return [a.hit("attribution.colon_speaker", st, en)]


def _dateline_or_kicker(a: _Analysis, label: str, end: int) -> bool:
    """A label in capitals (not an acronym of three letters or fewer, such as "AP" or "FBI": a
    source), then four words or more of plain narration: no I/we/you outside quotations, no
    question or exclamation, no "Well,"/"Yes,"... to open a spoken turn. A name in capitals
    stays a speaker in a transcript (see :func:`speaker_label`)."""
    if not label.isupper() or (" " not in label and len(label) <= 3):
        return False
    k = bisect.bisect_left(a.tokens, (end, -1))
    if len(a.tokens) - k < 4 or a.lows[k] in _TURN_OPENERS or "?" in a.masked[end:] or "!" in a.masked[end:]:
        return False
    return not any(a.lows[j] in _SPEAKING_PERSONS and not a.in_quote(*a.tokens[j]) for j in range(k, len(a.tokens)))


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

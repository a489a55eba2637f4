"""The analysed text: HTML and URL masking, direct quotations, tokens, and word-list matching.

Every family detector works on one :class:`_Analysis` of a sentence (cached by :func:`_analyse`):
the masked text, its word tokens, the spans of its direct quotations, whether it looks English,
and, computed once, every word-list match.

Robustness: pasted HTML is masked (nothing matches inside ``<tags attr="...">``, comments,
``<script>``/``<style>`` or ``&entities;``) and so are web addresses, while offsets still refer to
the input; text that does not look like English gets no word-list hits (quotes, numbers and
punctuation rules still run). Every step is a linear pass, so a book-length text is fine (see
``benchmarks/bench_cues.py``).

Direct quotations: words inside quotation marks are the speaker's, not the author's, so every hit
says whether it is ``in_quote``. Straight and curly double quotes, « », „ “ and ‹ › are read by a
small state machine; single quotes (‘ ’ and ') only open before a letter after a space or bracket,
and only close before a non-letter, so apostrophes (the alliance’s, don't) are not taken for quotes.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from itertools import compress
from typing import Any

from ..text_utils import shorten
from .lexicon import _Entry, _lexicon
from .rules import _WHY, Hit

# ---------------------------------------------------------------------------- HTML and URL masking

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


def _masked_text(s: str) -> str:
    """``s`` with HTML and web addresses masked and quotation marks as a reader sees them (same
    length). Most sentences have none of the characters those steps look for: they are returned
    as they are after one quick check (the same characters each step checks first)."""
    if "<" in s or "&" in s or '"' in s or "''" in s or "``" in s or "://" in s or "w." in s or "W." in s:
        return _normalise_marks(_mask_html(s))
    return s


# ---------------------------------------------------------------------------- quotations

_QUOTE_CHARS = re.compile("[\"“”«»„‘’‹›']")
# double-quote openers and what closes them: texts often mix straight and curly marks ("...” or “..."),
# so a straight mark closes a curly opening and a curly closing mark closes a straight one
_CLOSERS = {"“": "”\"", "«": "»", "„": "“”", "‹": "›", '"': '"”'}
_SINGLE = "‘'"


_DOUBLED = re.compile(r'""')
# an apostrophe for the first digits of a year: a decade ("the '90s", "’60s"), or two digits with
# nothing after them that a quotation would need ("class of ’24", "in '08.")
_ELIDED_YEAR = re.compile(r"['’]\d0s\b|’\d\d(?![\w%’])|'\d\d(?=[.,;:!?)]|$)")
# words written with their first letters left out and an apostrophe in front: the apostrophe
# opens no quotation ("'n'" also has one after it)
_ELIDED_WORD = re.compile(r"(?:til|tis|twas|em|cause|cos|bout|keeper|nuff|n['’‘]|n(?=\s))(?![\w'’])", re.I)
_SINGLE_CLOSE = re.compile(r"(?<=\S)['’](?![\w'’])")


def _elided_word(m: str, p: int) -> bool:
    """Is the mark at ``p`` the apostrophe of a word cut short at its start ("'til", "'em",
    "rock 'n' roll")? Not when a single closing mark follows later: "'til death do us part'"."""
    e = _ELIDED_WORD.match(m, p + 1)
    return e is not None and _SINGLE_CLOSE.search(m, e.end()) is None


_OPENS_AFTER = "([{—–-"  # a mark after these (or after a space, or first) opens a quotation


def _one_mark(chars: list[str], m: str, p: int, start: int = 0) -> None:
    """Two marks at ``p`` and ``p + 1`` typed for one double quotation mark: keep one, on the side
    that reads as opening (first, or after a space, bracket or dash: ``""no`` -> `` "no``) or
    closing (after a word or punctuation: ``no""`` -> ``no" ``); the other becomes a space."""
    prev = m[p - 1] if p > start else " "
    if prev.isspace() or prev in _OPENS_AFTER:
        chars[p], chars[p + 1] = " ", '"'
    else:
        chars[p], chars[p + 1] = '"', " "


def _unescape_spreadsheet(m: str) -> str:
    """Undo a spreadsheet's quoting (same length): ``"He said ""no"" twice."`` -> `` He said "no"  twice. ``.

    Text copied out of a CSV or TSV cell arrives wrapped in straight quotes, with each quotation
    mark inside doubled. Read as written, the wrapper would make the whole sentence a quotation and
    the doubled marks would open and close empty ones. Only text with that exact shape is changed:
    it starts and ends with a straight quote and holds a doubled one.
    """
    t = m.strip()
    if len(t) < 3 or t[0] != '"' or t[-1] != '"' or '""' not in t[1:-1]:
        return m
    lead = len(m) - len(m.lstrip())
    last = lead + len(t) - 1
    chars = list(m)
    chars[lead] = " "
    chars[last] = " "
    for d in _DOUBLED.finditer(m, lead + 1, last):
        _one_mark(chars, m, d.start(), lead + 1)
    return "".join(chars)


_PAIRED_MARKS = re.compile(r"''|``")


def _typewriter_quotes(m: str) -> str:
    """Two apostrophes ('') or two backticks (``) typed for a double quotation mark become one
    mark and a space (same length), on the side that reads as opening or closing:
    ``''Yes,'' he said`` -> `` "Yes,"  he said``. Older and plain-text news uses them often."""
    if "''" not in m and "``" not in m:
        return m
    chars = list(m)
    for d in _PAIRED_MARKS.finditer(m):
        p = d.start()
        if p > 0 and m[p - 1].isalnum() and p + 2 < len(m) and m[p + 2].isalnum():
            continue  # inside a word ("rock''n''roll"): not a quotation mark
        _one_mark(chars, m, p)
    return "".join(chars)


def _normalise_marks(m: str) -> str:
    """Quotation marks as a reader sees them (same length as ``m``)."""
    if '"' in m:
        m = _unescape_spreadsheet(m)
    return _typewriter_quotes(m)


def _quote_regions(m: str, starts_in_quote: bool = False) -> list[tuple[int, int, str]]:
    """Spans of direct quotations in the masked text: (start, end, kind).

    kind: "full" (opened and closed here), "open" (opens, not closed), "close" (closes a quote
    that began earlier), "inside" (the whole text lies inside a quote that began earlier).
    """
    regions: list[tuple[int, int, str]] = []
    n = len(m)
    if m.isascii() and '"' not in m and "'" not in m:  # no quotation mark at all (checked quickly)
        return [(0, n, "inside")] if starts_in_quote else regions
    opener = "continued" if starts_in_quote else None  # the mark that opened the quotation we are in
    open_at = 0
    seen_mark = False  # a quotation mark (not an apostrophe) came earlier in the text
    for q in _QUOTE_CHARS.finditer(m):
        p = q.start()
        c = q.group(0)
        prev = m[p - 1] if p > 0 else " "
        nxt = m[p + 1] if p + 1 < n else " "
        if c in "'’" and nxt.isalnum() and (prev.isalnum() or prev == "_"):
            continue  # an apostrophe inside a word ("don't", "NATO’s") neither opens nor closes a quotation
        if c in "'’" and nxt.isdigit() and _ELIDED_YEAR.match(m, p):
            continue  # a year cut short ("the '90s", "class of ’24") is no quotation
        if c in "'‘’" and nxt.isalpha() and opener is None and _elided_word(m, p):
            continue  # a word cut short at its start ("'til", "rock 'n' roll", "the 'keeper")
        if opener is None:
            action = _outside_quote(c, p, prev, nxt, seen_mark, n)
            if action == "open":
                opener, open_at = c, p
            elif action == "close":
                regions.append((0, p + 1, "close"))
            seen_mark = seen_mark or c not in "’'"  # a stray ’ or ' outside a quote is an apostrophe
            continue
        seen_mark = True
        if _closes(opener, c, prev, nxt):
            regions.append((open_at, p + 1, "close" if opener == "continued" else "full"))
            opener = None
    if opener == "continued":
        regions.append((0, n, "inside"))
    elif opener is not None:
        regions.append((open_at, n, "open"))
    return regions


def _outside_quote(c: str, p: int, prev: str, nxt: str, seen_mark: bool, len_m: int = 0) -> str:
    """What mark ``c`` at ``p`` does when no quotation is open: "open", "close" or "" (nothing)."""
    if c == "“" and not seen_mark and prev in ",.!?" and (nxt.isspace() or p == len_m - 1):
        return "close"  # a left mark typed for a right one after punctuation ("No,“ she said)
    if c in "“«„‹":
        return "open"
    if c == '"':
        # a straight quote that looks like a closer, as the first mark, ends a quote that started
        # before this sentence
        looks_closing = p > 0 and not prev.isspace() and not nxt.isalnum()
        return "close" if looks_closing and not seen_mark else "open"
    if c in "'’" and not seen_mark and p > 0 and prev in ",.!?" and not nxt.isalnum():
        # an apostrophe never follows a full stop, comma or question mark: in "...no choice.'" the
        # mark closes a quotation that began in an earlier sentence
        return "close"
    if c in _SINGLE:
        return "open" if (prev.isspace() or prev in "([{—–-\"“") and nxt.isalnum() else ""
    if c in "”»›" and not seen_mark:
        return "close"
    return ""


def _closes(opener: str, c: str, prev: str, nxt: str) -> bool:
    """Does mark ``c`` close the quotation opened by ``opener`` ("continued": opened earlier)?"""
    if opener == "continued":
        return c in "”»\"" or (c in "’'" and prev in ",.!?;:" and not nxt.isalnum())
    if opener in _SINGLE:
        return c in "’'" and not nxt.isalnum() and not prev.isspace()
    if c == "“" and opener == "“":
        # a left mark typed where the right one belongs: after a word or punctuation, before a
        # space or the end ("It is unusual,“ said Ms Noble.")
        return not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)" or nxt == " ")
    return c in _CLOSERS[opener] and not (c == "“" and opener != "„")


def quote_spans(s: str, starts_in_quote: bool = False) -> list[tuple[int, int]]:
    """Character spans of the direct quotations in ``s`` (quotation marks included).

    ``starts_in_quote=True`` says that a quotation opened in an earlier sentence is still open.
    """
    _check_text(s)
    return [(a, b) for a, b, _k in _analyse(s, starts_in_quote).quotes]


# ---------------------------------------------------------------------------- the analysed text

# possessive (++ and *+): the same matches as the plain pattern (nothing follows it that could need
# a shorter match), without the regex engine keeping places to step back to
_WORD = re.compile(r"[^\W_]++(?:['’\-][^\W_]++)*+")
# the same words in text without "_" (nearly all text): \w is [^\W_] plus "_", and the plain
# class lets the regex engine scan faster (a test checks both patterns on the same texts)
_WORD_NO_UNDERSCORE = re.compile(r"\w++(?:['’\-]\w++)*+")
_SPAN = re.Match.span


class _Analysis:
    __slots__ = ("s", "masked", "tokens", "lows", "quotes", "quote_starts", "english", "foreign", "lex_hits", "cache",
                 "lowset", "course", "counts", "low", "lex_groups", "tokens_or_text", "_quote_words", "turn")

    def __init__(self, s: str, starts_in_quote: bool, course: bool = False, turn: bool = False):
        self.s = s
        self.course = course  # also match the course's own list (its case articles' phrases)
        self.turn = turn  # a speaker named earlier in the paragraph is still talking (a transcript)
        self.masked = _masked_text(s)
        self.tokens_or_text = bool(s) and not s.isspace()  # not blank (checked once; families skip blank text)
        self.tokens = list(map(_SPAN, (_WORD if "_" in self.masked else _WORD_NO_UNDERSCORE).finditer(self.masked)))
        low = self.masked.lower()
        if len(low) == len(self.masked):  # one lower-casing for the whole text (the usual case)
            low = low.replace("’", "'")
            self.lows = [low[a:b] for a, b in self.tokens]
        else:
            self.lows = [self.masked[a:b].lower().replace("’", "'") for a, b in self.tokens]
            low = low.replace("’", "'")
        self.low = low  # the masked text in lower case, for quick "is this word there" tests
        self.lex_groups: dict[str, list[tuple[str, int, int, int]]] | None = None
        self.lowset = set(self.lows)
        self.quotes = _quote_regions(self.masked, starts_in_quote)
        self.quote_starts: list[int] | None = None
        self._quote_words: list[int] | None = None
        self.counts = _marker_counts(self.lows, self.masked)  # (English, other, non-Latin, words)
        if self.counts[1] and self.quotes:  # another language's words: perhaps only in a quotation
            self.counts = _counts_outside_quotes(self, self.counts)
        self.english = _english_from(self.counts, self.masked)
        self.foreign = _foreign_from(self.counts)
        self.lex_hits: list[tuple[str, int, int, int]] | None = None  # (rule, start, end, first token)
        self.cache: dict[str, tuple[Hit, ...]] = {}  # family -> its hits (see families._family)

    def in_quote(self, start: int, end: int) -> bool:
        # regions are sorted and do not overlap: look at the last one starting at or before `start`
        if not self.quotes:
            return False
        if self.quote_starts is None:
            self.quote_starts = [q[0] for q in self.quotes]
        k = bisect.bisect_right(self.quote_starts, start) - 1
        return k >= 0 and end <= self.quotes[k][1]

    def quote_words(self) -> list[int]:
        """How many words each quotation (in :attr:`quotes` order) holds, counted once."""
        if self._quote_words is None:
            # the tokens that lie inside each quotation (no token runs across a quotation mark
            # that opens or closes one: tests check this against a word count of each quotation)
            toks = self.tokens
            self._quote_words = [bisect.bisect_left(toks, (en, -1)) - bisect.bisect_left(toks, (st, -1))
                                 for st, en, _k in self.quotes]
        return self._quote_words

    def hit(self, rule: str, start: int, end: int) -> Hit:
        """The Hit of ``rule`` on ``s[start:end]``, made through its slots: the frozen dataclass's own
        ``__init__`` sets each field with ``object.__setattr__``, about twice as slow (a test checks
        that both give equal hits)."""
        text = self.s[start:end]
        h = _HIT_NEW(Hit)
        _SET_RULE(h, rule)
        _SET_TEXT(h, text)
        _SET_START(h, start)
        _SET_END(h, end)
        _SET_WHY(h, _why(rule, text))
        _SET_IN_QUOTE(h, self.in_quote(start, end))
        return h


_HIT_FIELDS = ("rule", "text", "start", "end", "why", "in_quote")
if tuple(f.name for f in dataclasses.fields(Hit)) != _HIT_FIELDS:  # _Analysis.hit sets exactly these
    raise RuntimeError("Hit's fields changed: update _Analysis.hit in medialit/cues/text.py to set every field.")
_HIT_NEW = object.__new__
_SET_RULE, _SET_TEXT, _SET_START, _SET_END, _SET_WHY, _SET_IN_QUOTE = (getattr(Hit, f).__set__ for f in _HIT_FIELDS)


@functools.lru_cache(maxsize=8192)
def _why(rule: str, text: str) -> str:
    """The plain-language reason for a hit, built once per (rule, words)."""
    return _WHY[rule].format(text=shorten(text, 80))


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


# a character that may belong to another script (Greek, Cyrillic, Arabic, Chinese...): only then
# are the words checked one by one
_MAYBE_NON_LATIN = re.compile("[\u0250-\u1DFF\u1F00-\u1FFF\u2C00-\uFFFF]")


def _marker_counts(lows: list[str], text: str) -> tuple[int, int, int, int]:
    """(English function words, other languages' function words, words in another script, words)."""
    en = sum(map(_ENGLISH_MARKERS.__contains__, lows))
    other = 0 if _OTHER_MARKERS.isdisjoint(lows) else sum(map(_OTHER_MARKERS.__contains__, lows))
    non_latin = sum(1 for w in lows if _non_latin(w)) if not text.isascii() and _MAYBE_NON_LATIN.search(text) else 0
    return en, other, non_latin, len(lows)


# a Latin letter with an accent or another mark (é, ł, ř, ş, ă...)
_MARKED_LATIN = re.compile("[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")


def _english_from(counts: tuple[int, int, int, int], text: str = "") -> bool:
    """Are the word lists used on this text? Not when another language's function words outnumber
    the English ones. Eight words or more with almost no English function word are still English
    when no other language shows: a headline drops its small words ("Furious minister slams
    cowardly attack, vows revenge"). Text in a language the marker lists do not know (Polish,
    Czech, Turkish...) usually shows itself by its marked letters (ł, ř, ş): no lists for it."""
    en, other, nl, n = counts
    if other > en:
        return False
    if n < 8 or en / n >= 0.06:
        return True
    return other == 0 and nl == 0 and (text.isascii() or not _MARKED_LATIN.search(text))


def _counts_outside_quotes(a: _Analysis, counts: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The language counts of the writer's own words, outside quotation marks, when there are at
    least three: an English sentence that quotes French ("..., Macron said, is « une honte »") is
    English. A sentence that is all quotation keeps the counts of all its words."""
    outside = [w for (st, en), w in zip(a.tokens, a.lows, strict=True) if not a.in_quote(st, en)]
    return _marker_counts(outside, a.masked) if len(outside) >= 3 else counts


def _foreign_from(counts: tuple[int, int, int, int]) -> bool:
    en, other, nl, n = counts
    return other > en or (n > 0 and nl * 2 > n)


def _looks_english(lows: list[str]) -> bool:
    """False when a text has more French/German/Spanish/Italian/Dutch/Portuguese function words
    than English ones, or (8+ words) almost no English function words."""
    text = " ".join(lows)
    return _english_from(_marker_counts(lows, text), text)


def _non_latin(word: str) -> bool:
    ch = word[:1]
    return ch.isalpha() and ord(ch) > 0x24F and not 0x1E00 <= ord(ch) <= 0x1EFF


def _looks_foreign(lows: list[str]) -> bool:
    """True when a text is clearly in another language: more French/German/Spanish/Italian/Dutch/
    Portuguese function words than English ones, or mostly words in another script (Cyrillic, Greek,
    Arabic, Chinese...). A list of names and numbers (a dateline) is not foreign."""
    return _foreign_from(_marker_counts(lows, " ".join(lows)))


def _note_for(foreign: bool) -> str:
    return _NOTE.format(what="not in English") if foreign else ""


def english_only_note(text: Any, language: str | None = None) -> str:
    """A plain note when ``text`` is not English (``""`` when it is): the cues are English-only.

    ``text``: a sentence, a whole text, a list of sentences or an Article (its manifest
    ``language`` counts first). ``language``: a language code that overrides what the text looks like.
    """
    if language is None:
        meta = getattr(text, "meta", None)
        if isinstance(meta, dict) and meta.get("language"):
            language = str(meta["language"])
    if language is not None:
        code = str(language).strip().lower()
        return "" if code.startswith("en") else _NOTE.format(what=f"in the language '{language}'")
    if hasattr(text, "sentences") and not isinstance(text, (list, tuple)):
        text = text.sentences
    if isinstance(text, (list, tuple)):
        text = " ".join(t if isinstance(t, str) else str(getattr(t, "text", "")) for t in text)
    if not isinstance(text, str):
        _check_text(text)
    lows = [m.group(0).lower().replace("’", "'") for m in _WORD.finditer(_mask_html(text))]
    foreign = _looks_foreign(lows)
    return _NOTE.format(what="not in English") if foreign else ""


_NOTE = ("This text is {what}. The cues' word lists and patterns are English-only, so they give no hits "
         "here (only quotation marks are found): read it yourself for attributions, opinions and loaded words.")


def _check_text(s: Any) -> None:
    if not isinstance(s, str):
        kind = "None" if s is None else type(s).__name__
        raise TypeError(
            f"cues work on one sentence given as text (a str), but got {kind}. "
            "For an article, pass article.sentences to scan(), or a sentence's .text."
        )


@functools.lru_cache(maxsize=2048)
def _analyse(s: str, starts_in_quote: bool = False, course: bool = False, turn: bool = False) -> _Analysis:
    return _Analysis(s, starts_in_quote, course, turn)


# ---------------------------------------------------------------------------- word-list matching

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


class _Plans(dict):
    """Word (lower case) -> what the word lists can do with it, worked out the first time the word
    is met; words repeat, so most words cost one dictionary look-up. ``None`` for the many words
    no entry can match; for a word that only starts phrases, the set of their second words (see
    :data:`_ANY_SECOND`); else ``(base, seconds, entries, hyphenated)``: the word without its 's,
    the second words of the phrases that start with it (``None``: any word, as a wildcard or a
    number comes second; ``False``: no phrase starts with it), its one-word or prefix entries as
    ``(rule, entry)`` pairs (entry ``None`` when the rule needs no look at the neighbouring words),
    and whether a part of the hyphenated word is in a list (only when it has no entry itself)."""

    def __init__(self, lex: Any):
        super().__init__()
        self.lex = lex

    def __missing__(self, low: str):
        if len(self) > 200_000:  # a bound for book-length texts with many rare words
            self.clear()
        plan = self[low] = _word_plan(self.lex, low)
        return plan


def _word_plan(lex: Any, low: str) -> tuple | None:
    base = low[:-2] if low.endswith("'s") else low
    phrases = lex.phrase.get(base)
    single = lex.single
    found = single.get(low) or (single.get(base) if base != low else None)
    hyphen = False
    if not found:
        for n in lex.prefix_lengths:  # the shortest listed prefix that the word starts with ("disgrace*")
            if n > len(base):
                break
            found = lex.prefix.get(base[:n])
            if found:
                break
        hyphen = "-" in low and any(part in single for part in re.findall(r"[^\W_]+", low))
    if not (phrases or found or hyphen):
        return None
    seconds: frozenset[str] | None | bool = False  # False: no phrase starts with the word
    entries = tuple((e.rule, e if (e.lower_only or e.not_after or e.not_before) else None) for e in found or ())
    if phrases:
        # the second words its phrases may have (None: a wildcard or a number may come second)
        if base in lex.phrase_wild_first:
            seconds = None
        else:  # "the minister's" counts as "the minister"
            seconds = lex.phrase_seconds.get(base, frozenset())
            seconds = seconds | {w + "'s" for w in seconds}
    if not entries and not hyphen:  # the first word of phrases only (most such words): a lighter plan
        return _ANY_SECOND if seconds is None else seconds
    return base, seconds, entries, hyphen


# the plan of a word whose phrases take any word second (a wildcard or a number), and nothing else
_ANY_SECOND = frozenset({"*any*"})


def _plans(lex: Any) -> _Plans:
    plans = lex.plans
    if plans is None:
        plans = lex.plans = _Plans(lex)
    return plans


def _lexicon_hits(a: _Analysis) -> list[tuple[str, int, int, int]]:
    """One pass over the tokens: every word-list match as (rule, start, end, token index)."""
    if a.lex_hits is not None:
        return a.lex_hits
    out: list[tuple[str, int, int, int]] = []
    a.lex_hits = out
    if not (a.english and a.tokens):
        return out
    lex = _lexicon(a.course)
    lows, toks = a.lows, a.tokens
    word_plans = list(map(_plans(lex).__getitem__, lows))
    last = len(lows) - 1
    for i in compress(range(len(lows)), word_plans):
        plan = word_plans[i]
        if plan.__class__ is frozenset:  # the first word of phrases only
            if i < last and (plan is _ANY_SECOND or lows[i + 1] in plan):
                low = lows[i]
                _phrase_hits(a, low[:-2] if low.endswith("'s") else low, i, out)
            continue
        base, seconds, entries, hyphen = plan
        if seconds is not False and i < last:
            nxt = lows[i + 1]
            if seconds is None or nxt in seconds:
                _phrase_hits(a, base, i, out)
        if entries:
            start, end = toks[i]
            for rule, e in entries:
                if e is None or _entry_ok(a, e, i, i + 1):
                    out.append((rule, start, end, i))
        if hyphen and len(lows[i]) == toks[i][1] - toks[i][0]:
            _hyphen_part_hits(lex.single, lows[i], toks[i][0], i, out)
    return out


def _lexicon_hits_plain(a: _Analysis) -> list[tuple[str, int, int, int]]:
    """The same matches as :func:`_lexicon_hits`, found the slow way (every word, every list, no
    remembered words): tests check the fast path against it."""
    out: list[tuple[str, int, int, int]] = []
    if not (a.english and a.tokens):
        return out
    lex = _lexicon(a.course)
    lows, toks = a.lows, a.tokens
    for i, low in enumerate(lows):
        base = low[:-2] if low.endswith("'s") else low
        if i < len(lows) - 1:
            for e in lex.phrase.get(base, ()):  # every phrase that starts with the word, longest first
                nt = len(e.tokens)
                if _tokens_match(lows, i, e.tokens) and _entry_ok(a, e, i, i + nt):
                    out.append((e.rule, toks[i][0], toks[i + nt - 1][1], i))
        found = lex.single.get(low) or lex.single.get(base)
        after: list = []  # parts of a hyphenated word, looked at only when the word has no entry
        if not found:
            found = next((lex.prefix[base[:n]] for n in lex.prefix_lengths if base[:n] in lex.prefix and n <= len(base)), None)
            if "-" in low and len(low) == toks[i][1] - toks[i][0]:
                _hyphen_part_hits(lex.single, low, toks[i][0], i, after)
        for e in found or ():
            if _entry_ok(a, e, i, i + 1):
                out.append((e.rule, toks[i][0], toks[i][1], i))
        out.extend(after)
    return out


def _phrase_hits(a: _Analysis, first: str, i: int, out: list) -> None:
    """Phrases (longest first) that start at token ``i``, whose first word is ``first``."""
    lows = a.lows
    nxt = lows[i + 1]
    lex = _lexicon(a.course)
    key = (first, nxt)
    cands = lex.pair_cands.get(key)
    if cands is None:
        if len(lex.pair_cands) > 100_000:  # a bound for book-length texts with many rare words
            lex.pair_cands.clear()
        cands = lex.pair_cands[key] = _pair_candidates(lex, first, nxt)
    n = len(lows)
    for e, nt, third in cands:
        if i + nt > n:
            continue
        if third is not None:  # a quick look at the third word first (most phrases fail there)
            w = lows[i + 2]
            if w != third and not (w.endswith("'s") and w[:-2] == third):
                continue
        if _tokens_match(lows, i, e.tokens) and _entry_ok(a, e, i, i + nt):
            out.append((e.rule, a.tokens[i][0], a.tokens[i + nt - 1][1], i))


def _pair_candidates(lex: Any, first: str, nxt: str) -> tuple[tuple[_Entry, int, str | None], ...]:
    """The phrases starting with ``first`` whose second word may be ``nxt`` (longest first): those
    indexed under the pair, and those whose second word is a wildcard or a number. Each comes
    with its length and its third word when that is a plain word."""
    cands = lex.phrase_by_pair.get((first, nxt), [])
    if nxt.endswith("'s"):
        cands = cands + lex.phrase_by_pair.get((first, nxt[:-2]), [])
    loose = lex.phrase_loose.get(first)
    if loose:
        cands = sorted(cands + loose, key=lambda e: -len(e.tokens))
    out = []
    for e in cands:
        t1 = e.tokens[1]
        if nxt != t1 and t1[-1] != "*" and t1 != "#num" and not (nxt.endswith("'s") and nxt[:-2] == t1):
            continue  # the second word cannot match
        t2 = e.tokens[2] if len(e.tokens) > 2 else None
        out.append((e, len(e.tokens), t2 if t2 is not None and t2[-1] != "*" and t2 != "#num" else None))
    return tuple(out)


def _hyphen_part_hits(single: dict[str, list[_Entry]], low: str, off: int, i: int, out: list) -> None:
    """Loaded words that are parts of a hyphenated word ("mob-style"; "war-mongering" is listed whole)."""
    for part in re.finditer(r"[^\W_]+", low):
        for e in single.get(part.group(0), ()):
            if e.rule.startswith("loaded.") and not e.not_after and not e.lower_only:
                out.append((e.rule, off + part.start(), off + part.end(), i))


def _lex_groups(a: _Analysis) -> dict[str, list[tuple[str, int, int, int]]]:
    """The word-list matches by rule group ("loaded.", "first_person."...), in text order."""
    groups = a.lex_groups
    if groups is None:
        groups = a.lex_groups = {}
        for m in _lexicon_hits(a):
            r = m[0]
            g = _GROUP_OF.get(r)
            if g is None:
                g = _GROUP_OF[r] = r[:r.index(".") + 1]
            found = groups.get(g)
            if found is None:
                groups[g] = [m]
            else:
                found.append(m)
    return groups


_GROUP_OF: dict[str, str] = {}  # rule -> its group ("loaded.so_called" -> "loaded.")


def _collect(a: _Analysis, prefix: tuple[str, ...]) -> list[Hit]:
    """The word-list hits of the rules whose ids start with ``prefix`` (rule groups such as
    ``"loaded."``), deduplicated."""
    groups = a.lex_groups
    if groups is None:
        groups = _lex_groups(a)
    if not groups:
        return []
    found = groups.get(prefix[0]) if len(prefix) == 1 else [m for p in prefix if p in groups for m in groups[p]]
    if not found:
        return []
    return _dedupe([a.hit(r, s, e) for r, s, e, _i in found])


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """Sort by position; drop exact duplicates and hits inside a longer hit of the same family."""
    if len(hits) < 2:
        return hits
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


# ---------------------------------------------------------------------------- clause and sentence ends

_END_CLAUSE = re.compile(r"[.!?…;:]")
_END_SENTENCE = re.compile(r"[!?…;]|\.\s+[A-Z]")


def _clause_break(a: _Analysis, i: int, j: int) -> bool:
    """A clause end (. ! ? … ; :) between tokens i and j."""
    return bool(_END_CLAUSE.search(a.masked, a.tokens[i][1], a.tokens[j][0]))


def _sentence_break(a: _Analysis, i: int, j: int) -> bool:
    """A sentence end between tokens i and j ("U.S. officials" and "Jan. 3" are not one)."""
    return bool(_END_SENTENCE.search(a.masked, a.tokens[i][1], a.tokens[j][0]))

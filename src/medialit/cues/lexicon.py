"""The word lists: the parser for ``data/lexicons/*.txt`` and the regular English forms.

File format (the lists were written for this course, CC BY 4.0; see the manifest there): one entry
per line, ``[rule.id]`` section headers, ``#`` comments. An entry is a word or a phrase; a final
``*`` matches any ending (``disgrace*``); ``@lower`` matches only the lower-case spelling (``may``
but not the month ``May``); ``@not_after=a|b`` and ``@not_before=c|d e`` skip the entry after or
before those words (``DET`` stands for determiners such as *the, a, his*; ``NUM`` for a number);
``@no_speech`` marks an attribution entry that names who speaks, or a refusal to speak, without
bringing in their words ("the spokesman", "declined to comment"): the words after it stay the
writer's (see ``_reporting_cues`` in :mod:`medialit.cues`).
The lists are loaded once, lazily, and verified against the manifest through
:func:`medialit.data.data_file`.

Regular forms: each word is listed once, and its regular English forms are added when the lists
load, from its part of speech: ``@adj``, ``@noun`` or ``@verb`` on the entry, or the section's
default (adjectives in ``[evaluative.adjective]``, nouns in ``[evaluative.noun]`` and
``[loaded.name_calling]``, verbs in ``[evaluative.verb]``); ``@exact`` adds none (``great``:
"greater" is not a judgement). A verb gets -s, -ed and -ing (*fantasize* -> *fantasizes,
fantasized, fantasizing*), a noun its plural, an adjective its -ly adverb (*terrible* ->
*terribly*, counted as an evaluative adverb) and, when short, -er/-est (*grim* -> *grimmer,
grimmest*). The forms keep the entry's rule and its @lower/@not_after/@not_before checks. A form
that the file already lists for the same family keeps the file's own line (and its checks).
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from .rules import _DETERMINERS, _RULE_TABLE, COURSE_LEXICON, LEXICONS, RULES


@dataclass(frozen=True)
class _Entry:
    rule: str
    tokens: tuple[str, ...]  # lower-case tokens; last may end with "*"
    lower_only: bool = False
    not_after: tuple[tuple[str, ...], ...] = ()
    not_before: tuple[tuple[str, ...], ...] = ()
    source: str = ""  # "data/lexicons/file.txt:line", where the entry comes from
    forms: str = ""  # "adj", "noun", "verb" (regular forms are added) or "exact" (none); "" = section default
    generated: bool = False  # a regular form made from another entry, not a line of the file
    no_speech: bool = False  # names a speaker (or a refusal to speak) but brings in none of their words

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
        # the entries marked @no_speech, as their words joined by one space
        self.no_speech = frozenset(" ".join(e.tokens) for e in entries if e.no_speech)
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
        # quick look-ups of a phrase's first two words (most words start no phrase with the next one)
        self.phrase_pairs = {(e.tokens[0], e.tokens[1]) for lst in self.phrase.values() for e in lst}
        self.phrase_wild_first = {e.tokens[0] for lst in self.phrase.values() for e in lst
                                  if e.tokens[1].endswith("*") or e.tokens[1] == "#num"}
        # a phrase's first word -> the second words its phrases may have (a quick "could any of its
        # phrases start here?" test on the sentence's set of words)
        self.phrase_seconds: dict[str, frozenset[str]] = {}
        for first, second in self.phrase_pairs:
            self.phrase_seconds[first] = self.phrase_seconds.get(first, frozenset()) | {second}
        self.prefix_lengths = sorted({len(p) for p in self.prefix})
        # phrases by their first two words (longest first), and those whose second word is a
        # wildcard ("disgrace*") or a number, by their first word
        self.phrase_by_pair: dict[tuple[str, str], list[_Entry]] = {}
        self.phrase_loose: dict[str, list[_Entry]] = {}
        for first, lst in self.phrase.items():
            for e in lst:
                t1 = e.tokens[1]
                if t1.endswith("*") or t1 == "#num":
                    self.phrase_loose.setdefault(first, []).append(e)
                else:
                    self.phrase_by_pair.setdefault((first, t1), []).append(e)
        # word -> what the lists can do with it, filled as words are met (see text._Plans)
        self.plans: Any = None
        # (first word, next word) -> the phrases that may start there (see text._phrase_hits)
        self.pair_cands: dict[tuple[str, str], tuple[tuple[_Entry, int, str | None], ...]] = {}
        self.entries = entries


# ---------------------------------------------------------------------------- parsing

_FORM_FLAGS = frozenset({"adj", "noun", "verb", "exact"})


def _parse_lexicon(text: str, source: str) -> list[_Entry]:
    entries: list[_Entry] = []
    rule = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{source} line {lineno}"
        if line.startswith("[") and line.endswith("]"):
            rule = line[1:-1].strip()
            if rule not in _RULE_TABLE:
                raise ValueError(f"{where}: unknown rule section [{rule}].")
            continue
        if rule is None:
            raise ValueError(f"{where}: an entry comes before any [rule.id] section.")
        word, *flags = line.split("@")
        tokens = tuple(t.lower() for t in re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*\*?", word.strip().replace("’", "'")))
        if not tokens:
            raise ValueError(f"{where}: no word in {raw!r}.")
        kw = _parse_flags(flags, tokens, where)
        if kw.get("no_speech") and not rule.startswith("attribution."):
            raise ValueError(f"{where}: @no_speech belongs to attribution entries only.")
        entries.append(_Entry(rule, tokens, source=f"{source}:{lineno}", **kw))
    return entries


def _parse_flags(flags: list[str], tokens: tuple[str, ...], where: str) -> dict[str, Any]:
    """The ``@flag`` parts of one entry as keyword arguments for :class:`_Entry`."""
    kw: dict[str, Any] = {}
    for flag in flags:
        flag = flag.strip()
        if flag == "lower":
            kw["lower_only"] = True
        elif flag == "no_speech":
            kw["no_speech"] = True
        elif flag in _FORM_FLAGS:
            if len(tokens) != 1 or tokens[0].endswith("*"):
                raise ValueError(f"{where}: @{flag} works only on a single word without '*'.")
            kw["forms"] = flag
        elif flag.startswith(("not_after=", "not_before=")):
            key, val = flag.split("=", 1)
            kw[key] = tuple(seq for alt in val.split("|") for seq in _alternative(alt))
        else:
            raise ValueError(f"{where}: unknown flag @{flag}.")
    return kw


def _alternative(alt: str) -> list[tuple[str, ...]]:
    """One ``|``-separated alternative of @not_after/@not_before as token sequences (DET: every determiner)."""
    if alt.strip() == "DET":
        return [(d,) for d in sorted(_DETERMINERS)]
    if alt.strip() == "NUM":
        return [("#num",)]
    return [tuple(alt.lower().split())]


# ---------------------------------------------------------------------------- regular forms

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
    if not w.isascii() or not w.replace("-", "").isalpha() or len(w) < 3:
        return []
    # an entry that is already an inflected form (squandered, boasts, thugs) gets no more forms
    if pos == "noun":
        return [] if w.endswith("s") and not w.endswith(("ss", "us", "is")) else [(_plural(w), "plural")]
    if pos == "verb":
        return _verb_forms(w)
    if pos == "adj":
        return _adjective_forms(w)
    return []


def _verb_forms(w: str) -> list[tuple[str, str]]:
    if w.endswith(("ed", "ing", "ion")) or (w.endswith("s") and not w.endswith("ss")):
        return []
    out = [(_plural(w), "verb")]
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
    return out


def _adjective_forms(w: str) -> list[tuple[str, str]]:
    if w.endswith("ly"):
        return []  # cowardly, costly: no -lily, no costlier ("costlier imports" is a report)
    out = [(_ly_adverb(w), "adverb")]
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


def _ly_adverb(w: str) -> str:
    if w.endswith("le") and w[-3] not in _VOWELS:
        return w[:-1] + "y"  # terrible -> terribly
    if w.endswith("ic"):
        return w + "ally"  # chaotic -> chaotically
    if w.endswith("y") and w[-2] not in _VOWELS:
        return w[:-1] + "ily"  # clumsy -> clumsily
    if w.endswith("ue"):
        return w[:-1] + "ly"  # undue -> unduly
    if w.endswith("ll"):
        return w + "y"  # dull -> dully
    return w + "ly"


def _with_regular_forms(entries: list[_Entry]) -> list[_Entry]:
    """The entries plus generated regular forms (see the module docstring)."""
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


# ---------------------------------------------------------------------------- loading

_LEX_LOCK = threading.Lock()
_LEX: dict[bool, _Lexicon] = {}


def _entries(name: str) -> list[_Entry]:
    from ..data import data_file

    path = data_file("lexicons", name)
    return _parse_lexicon(path.read_text(encoding="utf-8"), f"data/lexicons/{path.name}")


def _lexicon(course: bool = False) -> _Lexicon:
    """Load and merge every lexicon file once (manifest-verified).

    ``course=True`` adds the course's own list (``data/lexicons/course.txt``: phrases found in the
    case articles), which counts only when the course's own articles are scanned.
    """
    got = _LEX.get(course)
    if got is None:
        with _LEX_LOCK:
            got = _LEX.get(course)
            if got is None:
                entries: list[_Entry] = [e for name in LEXICONS for e in _entries(name)]
                if course:
                    entries += _entries(COURSE_LEXICON)
                got = _LEX[course] = _Lexicon(_with_regular_forms(entries))
    return got


def lexicon_words(rule: str) -> list[str]:
    """The word-list entries behind a rule (sorted), e.g. ``lexicon_words("loaded.name_calling")``."""
    if rule not in _RULE_TABLE:
        raise KeyError(f"Unknown rule {rule!r}. Known rules: {', '.join(sorted(RULES))}.")
    return sorted(_lexicon().rule_words.get(rule, ()))

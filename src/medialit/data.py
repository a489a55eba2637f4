"""The course's data: articles with their provenance, tables and keys, each listed in a manifest.

Every collection folder under ``data/`` has a ``datapackage.yaml`` (Frictionless shape) listing each
file with its sha256 and provenance. :func:`data_file` refuses a file that is not listed or whose
bytes changed since it was listed, so a lesson never silently uses altered material.

Articles are split into paragraphs (blank lines) and then sentences (pysbd). Sentence ids are
``s001``, ``s002``... in reading order; they depend only on the file's bytes and the pinned
segmenter, so they are the same on every machine and every run.

Articles a teacher adds (:func:`medialit.articles.add_article`) live outside ``data/``, in the
teacher folder's ``articles/`` with a manifest of the same shape; :func:`load_article` and
:func:`list_articles` find them too and check them the same way. Their text is split with pysbd's
rules for their language where pysbd has them (:func:`segmenter_language`).
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import paths

MANIFEST = "datapackage.yaml"
REQUIRED_FIELDS = (
    "name", "path", "sha256", "title", "publisher", "author", "published", "retrieved",
    "url", "language", "licence", "redistribution", "edits", "notes",
)
#: Paragraph roles an article manifest may give; anything not listed is ``body``.
ROLES = ("title", "dateline", "lead-in", "separator", "source-line", "footnote", "heading", "duplicate", "body")


class DataError(RuntimeError):
    """A data file is missing, unlisted, changed, or an id is unknown. The message says which."""


def read_yaml(stream):
    """Parse YAML safely, with libyaml's C loader when PyYAML has it (about ten times faster)."""
    import yaml

    return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@functools.lru_cache(maxsize=None)
def _manifest_cached(folder: str, mtime_ns: int, size: int = -1) -> dict:
    with open(Path(folder) / MANIFEST, encoding="utf-8") as fh:
        doc = read_yaml(fh)
    if isinstance(doc, dict) and doc.get("resources") is None:
        doc["resources"] = []
    if not isinstance(doc, dict) or not isinstance(doc.get("resources"), list):
        raise DataError(f"{Path(folder) / MANIFEST} has no 'resources' list.")
    return doc


def manifest(collection: str) -> dict:
    """The parsed manifest of ``data/<collection>/``."""
    folder = paths.data_dir() / collection
    mf = folder / MANIFEST
    if not mf.is_file():
        raise DataError(f"data/{collection}/ has no {MANIFEST}; every data folder needs one.")
    st = mf.stat()
    return _manifest_cached(str(folder), st.st_mtime_ns, st.st_size)


def resource(collection: str, name: str) -> dict:
    """The manifest entry called ``name`` in ``data/<collection>/``."""
    for res in manifest(collection)["resources"]:
        if res.get("name") == name:
            return res
    valid = ", ".join(sorted(r.get("name", "?") for r in manifest(collection)["resources"]))
    raise DataError(f"No '{name}' in data/{collection}/. Valid names: {valid}.")


@functools.lru_cache(maxsize=256)
def _verified(path_str: str, mtime_ns: int, size: int, expected: str) -> bool:
    return sha256_of(Path(path_str)) == expected


@functools.lru_cache(maxsize=512)
def _resolved(folder: str, rel: str) -> tuple[Path, Path]:
    """A data folder and a file in it, with links followed (looked up once per pair)."""
    base = Path(folder).resolve()
    return base, (base / rel).resolve()


def data_file(collection: str, name: str) -> Path:
    """Path of a listed file after checking that its bytes match the manifest's sha256."""
    res = resource(collection, name)
    folder, path = _resolved(str(paths.data_dir() / collection), str(res["path"]))
    if folder not in path.parents:
        raise DataError(f"The manifest entry '{name}' points outside data/{collection}/.")
    if not path.is_file():
        raise DataError(f"data/{collection}/{res['path']} is listed in the manifest but missing.")
    st = path.stat()
    if not _verified(str(path), st.st_mtime_ns, st.st_size, res["sha256"]):
        raise DataError(
            f"data/{collection}/{res['path']} has changed since it was listed in its manifest "
            f"(sha256 differs). If you edited it on purpose, run `make manifests` and record the "
            "edit in the manifest's 'edits' field; otherwise restore it with `git checkout`."
        )
    return path


# ---------------------------------------------------------------- articles


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article. ``start``/``end`` are character offsets into ``Article.text``."""

    id: str
    text: str
    start: int
    end: int
    paragraph: int
    role: str = "body"


@dataclass
class Article:
    id: str
    text: str
    meta: dict
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.get("title", self.id)

    def sentence(self, sentence_id: str) -> Sentence:
        for s in self.sentences:
            if s.id == sentence_id:
                return s
        raise DataError(f"Article '{self.id}' has no sentence '{sentence_id}' (it has s001 to {self.sentences[-1].id}).")

    def body_sentences(self) -> list[Sentence]:
        """The sentences of the article's running text (no title, dateline, source lines...)."""
        return [s for s in self.sentences if s.role == "body"]

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [(s.id, s.paragraph, s.role, s.text) for s in self.sentences],
            columns=["sentence", "paragraph", "role", "text"],
        )

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {len(self.sentences)} sentences, {self.title!r})"


_PARA_SPLIT = re.compile(r"\n[ \t]*\n")
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’»)\]]\s*$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text`` (split on blank lines, trimmed).

    A paragraph that ends without closing punctuation and is followed by one that starts with
    a lower-case letter is joined to it (a stray blank line inside a sentence, common in pasted
    or scraped copies).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in list(_PARA_SPLIT.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            s = pos + (len(chunk) - len(chunk.lstrip()))
            e = s + len(stripped)
            if spans and not _ENDS_SENTENCE.search(text[spans[-1][0]:spans[-1][1]]) and stripped[0].islower():
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        if m:
            pos = m.end()
    return spans


#: pysbd's version, part of every article's segmentation (sentence ids depend on it).
PYSBD_VERSION = "0.3.4"


@functools.lru_cache(maxsize=64)
def segmenter_language(language: str | None) -> str:
    """The pysbd language used for text in ``language`` (``"de"`` for ``"de-CH"``; ``"en"`` when pysbd
    has no rules for the language)."""
    from pysbd.languages import LANGUAGE_CODES

    code = str(language or "en").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGE_CODES else "en"


def segmenter_name(language: str | None = "en") -> str:
    """A readable name of the segmenter used for ``language``, e.g. ``"pysbd 0.3.4 (de)"``."""
    return f"pysbd {PYSBD_VERSION} ({segmenter_language(language)})"


def segmenter_note(language: str | None) -> str:
    """A plain note when pysbd has no sentence rules for ``language`` (``""`` when it has)."""
    code = str(language or "en").strip().lower().split("-")[0]
    if segmenter_language(language) == code:
        return ""
    return (f"The sentence splitter has no rules for the language '{language}', so the English rules split "
            "this text into sentences; a few sentences may be cut in the wrong place.")


@functools.lru_cache(maxsize=None)
def _segmenter(language: str = "en"):
    import pysbd

    return pysbd.Segmenter(language=language, clean=False, char_span=True)


#: Version of medialit's fix-ups to pysbd's pieces (``sentence_rules`` in a teacher article's manifest
#: entry, so an article keeps the sentences it was added with). 1: a piece with no letters or digits,
#: or one that starts in lower case, is joined to the one before. 2 adds: a piece that starts with
#: punctuation no sentence starts with, or with a closing quotation mark; "a.m."/"p.m." before a day,
#: a month or a time zone; title and measure abbreviations ("Pres.", "Approx.", "No. 10"). 3 adds
#: (English): a piece that starts with a dash continues the one before (a US dateline "ALEXANDRIA,
#: Va. – Paul Manafort was..."), and a sentence that ends inside single quotation marks ends there
#: ("He called it ‘a disgrace.’ The minister resigned."); after "p.m." a time zone only in capitals
#: and "May" only before a number ("at 5 p.m. West Bank officials said..." is two sentences); a
#: single line break ends a sentence after a line with no closing punctuation (a headline or a list
#: item pasted from a web page) and before a list item, except in hard-wrapped plain text; ".” “"
#: ends one quotation's sentence before the next. The course's own articles split the same under
#: all three (tests/test_data.py checks it).
SENTENCE_RULES = 3

#: Punctuation no sentence starts with: a piece that starts with it continues the sentence before.
_NO_START = frozenset(",;:.!?)]}%")
#: Quotation marks, each with the marks that open a quotation it can close. A piece that starts
#: with one while such an opening mark is still open before it ("„…Ukraine.“ He said") starts with
#: the end of the quotation, which belongs to the sentence before. A mark that opens and closes
#: alike ('"', Swedish ”…”) closes when it has been used an odd number of times before.
_QUOTE_OPENERS = {'"': '"', "”": "“„”", "“": "„", "’": "‘‚", "‘": "‚", "»": "«»", "«": "»", "›": "‹›", "‹": "›"}
#: "a.m."/"p.m." at the end of a piece and what may follow them in the same sentence.
_CLOCK_END = re.compile(r"(?<![^\W\d_])[ap]\.\s?m\.$", re.I)
_AFTER_CLOCK = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst gmt utc bst cet cest eet eest wet west "
    "msk ist jst kst aest aedt hkt sgt".split())
#: Abbreviations that end with a full stop but never end a sentence: titles before a name (in any
#: language's text), measure words (English), and "No."/"Nr." before a number.
_TITLE_END = re.compile(
    r"(?<![^\W\d_])(?:Pres|Gov|Govs|Sen|Sens|Rep|Reps|Gen|Lt|Col|Sgt|Capt|Cpt|Maj|Cmdr|Adm|Cpl|Pvt|Brig|Supt|Insp|"
    r"Det|Amb|Dr|Drs|Prof|Mr|Mrs|Ms|Messrs|Mme|Mmes|Mlle|Mlles|Pr|Hon|Rev)\.$")
_MEASURE_END = re.compile(r"(?<![^\W\d_])(?:approx|Approx|APPROX|est|Est)\.$")
_NUMBER_END = re.compile(r"(?<![^\W\d_])(?:No|Nos|Nr)\.$")


def _closes_a_quote(before: str, mark: str, rules: int = SENTENCE_RULES) -> bool:
    """True when ``mark``, coming after ``before`` (the paragraph so far), ends a quotation. From
    rules 3 an apostrophe inside a word ("it’s") is not counted as a closing ’."""
    openers = _QUOTE_OPENERS.get(mark, "")
    if mark in openers and before.count(mark) % 2:
        return True
    others = openers.replace(mark, "")
    closed = len(_SINGLE_CLOSER.findall(before)) if mark == "’" and rules >= 3 else before.count(mark)
    return bool(others) and sum(before.count(o) for o in others) > closed


#: Words after "p.m." that are also ordinary words ("May God help us", "West Bank officials"):
#: from rules 3 a time zone must be in capitals and "May" must be followed by a number.
_ZONES = frozenset("et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst gmt utc bst cet cest eet eest wet "
                   "west msk ist jst kst aest aedt hkt sgt".split())


def _after_clock(piece: str, rules: int) -> bool:
    """Does ``piece`` go on from a time ("... at 5 p.m. Tuesday", "... 12:03 p.m. ET: ...")?"""
    words = piece.lstrip("([").split(None, 2)
    first = words[0].rstrip(".,;:!?)]")
    if first.lower() not in _AFTER_CLOCK:
        return False
    if rules < 3:
        return True
    if first.lower() in _ZONES:
        return first.isupper()
    if first.lower() == "may":
        return len(words) > 1 and words[1][:1].isdigit()
    return True


def _continues(prev: str, piece: str, language: str, rules: int = SENTENCE_RULES) -> bool:
    """True when ``piece`` (rules 2) is the rest of the sentence ``prev``, not a new sentence."""
    if piece[0] in _NO_START:
        return True
    if _CLOCK_END.search(prev) and _after_clock(piece, rules):
        return True
    if _TITLE_END.search(prev):
        return True
    if _MEASURE_END.search(prev) and segmenter_language(language) == "en":
        return True
    return bool(_NUMBER_END.search(prev) and piece[0].isdigit())


#: A dash that opens a piece: the piece goes on from the one before (rules 3, English only: other
#: languages open a line of dialogue with a dash).
_DASH_START = re.compile(r"(?:--|[-–—])\s")
#: The end of a sentence inside single quotation marks, then the next sentence: ".’ The".
_SINGLE_QUOTE_END = re.compile(r"[.!?]’(?=\s+[A-Z“‘\"])")
#: A right single mark that closes a quotation (not an apostrophe inside a word: "it’s").
_SINGLE_CLOSER = re.compile(r"’(?![^\W\d_])")


#: A sentence that ends inside double quotation marks, then a new quotation: ".” “Our measures".
_DOUBLE_QUOTE_RUN = re.compile(r"[.!?][”\"](?=\s+[“\"])")
#: What may end a line that ends a sentence (a headline or a list item has none of these).
_LINE_END = re.compile(r"[.!?:;…,\-–—”\"’')\]]\s*$")
#: A news agency's slug after a dateline, as TASS writes it: "MOSCOW, August 15. /TASS/. Kiev has ...".
_AGENCY_SLUG = re.compile(r"/[A-Z][A-Za-z\-]{1,15}/\.?")
#: A line that starts a list item.
_BULLET = re.compile(r"\s*(?:[-•*–—]|\d{1,2}[.)])\s")


def _hard_wrapped(lines: list[str]) -> bool:
    """Does the paragraph look hard-wrapped (plain text broken at a fixed width, every line but the
    last about as long as the longest): then a line break is only a space."""
    body = [len(x.rstrip()) for x in lines[:-1] if x.strip()]
    if len(body) < 2:
        return False
    longest = max(body)
    return 50 <= longest <= 120 and sum(n >= 0.7 * longest for n in body) >= 0.8 * len(body)


def _line_breaks(text: str) -> list[int]:
    """Where a single line break inside a paragraph ends a sentence (rules 3): before a list item,
    and after a line with no closing punctuation (a headline, a list item, a label line from a web
    page), except in hard-wrapped text, whose lines break anywhere."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    wrapped = _hard_wrapped(lines)
    cuts, pos = [], 0
    for k, line in enumerate(lines[:-1]):
        pos += len(line) + 1
        nxt = lines[k + 1]
        if not line.strip() or not nxt.strip():
            continue
        starts_new = nxt.lstrip()[:1].isupper() or nxt.lstrip()[:1].isdigit() or nxt.lstrip()[:1] in "“\"‘'«("
        if (not wrapped and not _LINE_END.search(line) and starts_new) or _BULLET.match(nxt):
            cuts.append(pos)
    return cuts


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _split_at(pieces: list[tuple[int, int]], cuts: list[int], flat: str) -> list[tuple[int, int]]:
    """``pieces`` cut again at each position of ``cuts`` that falls inside one (whitespace trimmed)."""
    if not cuts:
        return pieces
    out = []
    for s, e in pieces:
        for c in cuts:
            if s < c < e:
                a, b = s, c
                while b > a and flat[b - 1].isspace():
                    b -= 1
                if b > a:
                    out.append((a, b))
                s = _skip_space(flat, c)
        if s < e:
            out.append((s, e))
    return out


def _split_single_quote_ends(flat: str, s: int, e: int) -> list[tuple[int, int]]:
    """The piece ``flat[s:e]`` cut after each ".’" that closes a ‘ opened earlier in the piece
    (pysbd keeps "He called it ‘a disgrace.’ The minister resigned." as one sentence)."""
    out = []
    start = s
    ends = [m.end() for m in _SINGLE_QUOTE_END.finditer(flat, s, e)
            if _single_quote_open(flat, s, m.end() - 1)]
    ends += [m.end() for m in _DOUBLE_QUOTE_RUN.finditer(flat, s, e)]
    for end in sorted(ends):
        if end <= start:
            continue
        out.append((start, end))
        start = _skip_space(flat, end)
    out.append((start, e))
    return out


def _single_quote_open(flat: str, s: int, mark: int) -> bool:
    """Is a ‘ open at ``mark`` (opened in the piece since ``s`` and not closed since)?"""
    opened = flat.rfind("‘", s, mark)
    return opened >= 0 and not _SINGLE_CLOSER.search(flat, opened + 1, mark)


def _pieces(text: str, flat: str, language: str, rules: int) -> tuple[list[tuple[int, int]], set[int]]:
    """pysbd's pieces of one paragraph (whitespace trimmed), cut again (rules 3) after a quotation
    that ends a sentence and at line breaks that end one; and where those line breaks cut."""
    english = segmenter_language(language) == "en"
    pieces = []
    for span in _segmenter(segmenter_language(language)).segment(flat):
        s, e = _skip_space(flat, span.start), span.end
        while e > s and flat[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        split_quotes = rules >= 3 and english and ("’" in flat[s:e] or "”" in flat[s:e] or '"' in flat[s:e])
        pieces += _split_single_quote_ends(flat, s, e) if split_quotes else [(s, e)]
    if rules < 3:
        return pieces, set()
    cuts = _line_breaks(text)
    return _split_at(pieces, cuts, flat), {_skip_space(flat, c) for c in cuts}


def _joins_before(prev: str, piece: str, language: str, rules: int) -> bool:
    """Does ``piece`` belong to the sentence ``prev``? A fragment with no letters or digits (a stray
    closing quote) or one that starts in lower case (a stray full stop mid-sentence); (rules 2) one
    that starts with a comma, or follows "p.m." or an abbreviation (see :func:`_continues`); (rules
    3, English) one that starts with a dash (a US dateline)."""
    return (not any(c.isalnum() for c in piece) or piece[0].islower()
            or (rules >= 2 and _continues(prev, piece, language, rules))
            or (rules >= 3 and segmenter_language(language) == "en" and _DASH_START.match(piece) is not None))


def split_sentences(text: str, language: str = "en", rules: int = SENTENCE_RULES) -> list[tuple[int, int]]:
    """Character spans of the sentences in one paragraph (pysbd, whitespace trimmed).

    ``language``: a language code; pysbd's rules for it when it has them, else the English rules
    (see :func:`segmenter_note`). ``rules``: the version of the fix-ups to pysbd's pieces
    (:data:`SENTENCE_RULES`; an older one for an article added under it).
    """
    if not text.strip():
        return []
    if rules not in range(1, SENTENCE_RULES + 1):
        raise DataError(f"The sentence rules {rules!r} are not known to this version of medialit (it knows 1 to "
                        f"{SENTENCE_RULES}): update medialit.")
    flat = text.replace("\n", " ")  # same length, so offsets still fit ``text``
    pieces, line_starts = _pieces(text, flat, language, rules)
    out: list[tuple[int, int]] = []
    glue_next = False  # after a TASS dateline: the report's first sentence goes with it
    for s, e in pieces:
        if out and rules >= 2:
            # closing quotation marks at the start end the sentence before („…Ukraine.“ He said...)
            q = s
            while q < e and flat[q] in _QUOTE_OPENERS and _closes_a_quote(flat[:q], flat[q], rules):
                q += 1
            if q > s:
                out[-1] = (out[-1][0], q)
                s = _skip_space(flat, q)
                if s >= e:
                    continue
        piece = flat[s:e]
        slug = rules >= 3 and bool(out) and _AGENCY_SLUG.fullmatch(piece) is not None  # "MOSCOW, August 15. /TASS/."
        if out and (slug or glue_next or (s not in line_starts
                                          and _joins_before(flat[out[-1][0]:out[-1][1]], piece, language, rules))):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        glue_next = slug
    return out


# Page furniture a pasted article keeps: a byline, a time stamp, a photo credit, a wire's credit
# line, a share/copyright footer, a short subhead. Such a paragraph is no sentence to label; an
# added article records it with a role (ROLES) so that it stays out of the body.
_BYLINE = re.compile(r"(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Оо]т)\s+[A-ZА-ЯЁ][\w.'’-]*"
                     r"(?:,?\s+(?:[A-ZА-ЯЁ][\w.'’-]*|and|und|et|y|и|&))*\s*(?:[|,–—-]\s*[\w .'’&|-]*)?$")
#: finite verbs and negation: a short line with one of them is a sentence, not a subhead
_SENTENCE_WORDS = frozenset("is are was were has have had said says will would can could did does do not no "
                            "won lost killed died".split())
_STAMP = re.compile(r"(?:updated|published|posted|last\s+updated|first\s+published|modified|aktualisiert|"
                    r"mis\s+à\s+jour|publié|actualizado|publicado|обновлено|опубликовано)\b.*\d", re.I)
_CREDIT = re.compile(r"(?:photo|photos|image|images|picture|photograph|video|credit|illustration|graphic|"
                     r"\(?reporting|\(?additional\s+reporting|\(?writing|\(?editing)\s*(?:by\b|:)", re.I)
_FOOTER = re.compile(r"(?:©|\(c\)\s|copyright\b|all\s+rights\s+reserved|share\s+this|follow\s+us|read\s+more\b|"
                     r"sign\s+up\b|subscribe\b|advertisement$|related\s+articles?$|click\s+here\b)", re.I)
_LIST_ITEM = re.compile(r"(?:[-•*–]|\d{1,2}[.)])\s")


def furniture_role(paragraph: str) -> str | None:
    """The role of a paragraph that is page furniture, not part of the article's text: a byline
    ("By Ana Silva"), a time stamp ("Updated 8:12 p.m. ET, November 10, 2020") or a credit line
    ("Photo: Reuters", "(Reporting by ...)") is a ``source-line``; a share or copyright footer a
    ``footnote``; a subhead (at most six words, no digits, no closing punctuation, not a list
    item) a ``heading``. None for anything else, so a real sentence is never left out."""
    t = " ".join(paragraph.split())
    words = t.split()
    if not words:
        return None
    if len(words) <= 12 and _BYLINE.match(t):
        return "source-line"
    if len(words) <= 16 and _STAMP.match(t) and not _ENDS_SENTENCE.search(t.rstrip(")")):
        return "source-line"
    if len(words) <= 30 and _CREDIT.match(t):
        return "source-line"
    if len(words) <= 12 and _FOOTER.match(t):
        return "footnote"
    if (len(words) <= 6 and not _DIGIT_ANY.search(t) and not _LIST_ITEM.match(t)
            and t[-1] not in ".!?…:;,\"”’'»)" and t[0].isupper()
            and _SENTENCE_WORDS.isdisjoint(w.lower().strip(",") for w in words)):
        return "heading"
    return None


_DIGIT_ANY = re.compile(r"\d")


def segment(text: str, roles: dict[int, str] | None = None, language: str = "en",
            rules: int = SENTENCE_RULES) -> list[Sentence]:
    """Split ``text`` into :class:`Sentence` objects with stable ids ``s001``, ``s002``...

    ``roles`` maps a paragraph index (negative counts from the end) to one of :data:`ROLES`.
    ``language``: the text's language code (pysbd's rules for it where it has them).
    ``rules``: the version of medialit's fix-ups (:data:`SENTENCE_RULES`, see :func:`split_sentences`).
    """
    roles = roles or {}
    spans = paragraphs(text)
    role_of = {}
    for key, role in roles.items():
        idx = int(key)
        if role not in ROLES:
            raise DataError(f"Unknown paragraph role {role!r}; use one of {', '.join(ROLES)}.")
        role_of[idx % len(spans) if spans else idx] = role
    sentences: list[Sentence] = []
    for p, (ps, pe) in enumerate(spans):
        role = role_of.get(p, "body")
        for s, e in split_sentences(text[ps:pe], language, rules):
            n = len(sentences) + 1
            sentences.append(Sentence(f"s{n:03d}", " ".join(text[ps + s:ps + e].split()), ps + s, ps + e, p, role))
    return sentences


def spans_hash(sentences: list[Sentence]) -> str:
    """sha256 of the sentences' ids and offsets: it changes exactly when a sentence id would point
    at different words."""
    joined = ";".join(f"{s.id}:{s.start}:{s.end}" for s in sentences)
    return hashlib.sha256(joined.encode("ascii")).hexdigest()


def _article_ids() -> list[str]:
    return [r["name"] for r in manifest("articles")["resources"]]


@functools.lru_cache(maxsize=None)
def _load_article_cached(article_id: str, sha: str) -> Article:
    res = resource("articles", article_id)
    text = data_file("articles", article_id).read_text(encoding="utf-8")
    if not text.strip():
        raise DataError(f"The article file for '{article_id}' is empty.")
    meta = {k: v for k, v in res.items() if k not in ("paragraph_roles",)}
    return Article(article_id, text, meta, segment(text, res.get("paragraph_roles")))


# ---------------------------------------------------------------- teacher articles
# Articles a teacher added (medialit.articles.add_article) live in the teacher folder
# (``MEDIALIT_HOME/articles/``, else ``answers/articles/``) with their own manifest. They load
# exactly like the course's: the file must be listed, its sha256 must match, and its sentences
# must be the ones they were when it was added (so saved answers keep pointing at the same words).

#: The ``kind`` of an article a teacher added, in its manifest entry (a fixed value).
TEACHER_KIND = "teacher article"
#: How :func:`list_articles` words that kind for people: a learner may have added it, not the teacher.
ADDED_KIND = "added article"


def teacher_articles_folder() -> Path:
    """The teacher's articles folder (not created here)."""
    return paths.teacher_dir(create=False) / "articles"


def teacher_manifest() -> dict:
    """The parsed manifest of the teacher's articles (``{"resources": []}`` when there is none)."""
    folder = teacher_articles_folder()
    mf = folder / MANIFEST
    try:
        st = mf.stat()
    except OSError:
        return {"resources": []}
    try:
        return _manifest_cached(str(folder), st.st_mtime_ns, st.st_size)
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken YAML file gets a plain message
        raise DataError(f"{mf} cannot be read ({type(exc).__name__}); restore it from a backup.") from None


class DataWarning(UserWarning):
    """Something in the teacher folder is wrong; the course's own material still works."""


def _teacher_resources(strict: bool = True) -> dict[str, dict]:
    """``{id: manifest entry}`` of the teacher articles. ``strict=False``: a broken teacher manifest
    gives a :class:`DataWarning` and no teacher articles, so the course's own articles still list."""
    bundled = set(_article_ids())
    out = {}
    try:
        resources = teacher_manifest()["resources"]
    except DataError as exc:
        if strict:
            raise
        import warnings

        warnings.warn(f"{exc} The teacher's articles are left out until then.", DataWarning, stacklevel=3)
        return {}
    for res in resources:
        name = res.get("name") if isinstance(res, dict) else None
        if isinstance(name, str) and name not in bundled:
            out[name] = res
    return out


def article_ids() -> list[str]:
    """Every article id: the course's (``data/articles/``), then the teacher's, in the order added."""
    return _article_ids() + list(_teacher_resources(strict=False))


def articles_stamp() -> tuple:
    """Changes whenever an article is added or a manifest changes (a cache key for callers)."""
    stamps = []
    for mf in (paths.data_dir() / "articles" / MANIFEST, teacher_articles_folder() / MANIFEST):
        try:
            st = mf.stat()
            stamps.append((str(mf), st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((str(mf), None))
    return tuple(stamps)


def _teacher_file(article_id: str, res: dict) -> Path:
    """Path of a teacher article's text after checking its id, place and sha256."""
    from .articles import ArticleError, check_article_id

    try:
        check_article_id(article_id)
    except ArticleError as exc:
        raise DataError(str(exc)) from None
    folder = teacher_articles_folder().resolve()
    path = (folder / str(res.get("path", ""))).resolve()
    if path != folder / f"{article_id}.txt":
        raise DataError(f"The teacher manifest entry '{article_id}' points at {res.get('path')!r}, not "
                        f"'{article_id}.txt' in {folder}.")
    if not path.is_file():
        raise DataError(f"{path} is listed in the teacher's articles manifest but missing; add the article again.")
    st = path.stat()
    if not _verified(str(path), st.st_mtime_ns, st.st_size, str(res.get("sha256", ""))):
        raise DataError(
            f"{path} has changed since it was added (sha256 differs), so saved answers might point at other "
            "words: put back the original file, or add the changed text as a new article."
        )
    return path


@functools.lru_cache(maxsize=16)
def _load_teacher_cached(article_id: str, path_str: str, sha: str, language: str, roles: tuple,
                         rules: int = SENTENCE_RULES) -> list[Sentence]:
    text = Path(path_str).read_text(encoding="utf-8")
    return segment(text, dict(roles), language=language, rules=rules)


def sentence_rules_of(res: dict) -> int:
    """The version of the sentence fix-ups a teacher article was added under (``sentence_rules`` in its
    manifest entry; 1 for an article added before the field existed), so it keeps its sentences."""
    value = res.get("sentence_rules", 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= SENTENCE_RULES:
        raise DataError(f"The teacher article '{res.get('name')}' was split into sentences with rules "
                        f"{value!r}, which this version of medialit does not know: update medialit.")
    return value


def _load_teacher(article_id: str, res: dict) -> Article:
    path = _teacher_file(article_id, res)
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        raise DataError(f"The article file for '{article_id}' is empty.")
    language = str(res.get("language") or "en")
    roles = tuple(sorted((int(k), str(v)) for k, v in (res.get("paragraph_roles") or {}).items()))
    sentences = _load_teacher_cached(article_id, str(path), str(res["sha256"]), language, roles,
                                     sentence_rules_of(res))
    want = res.get("sentences_sha256")
    if want and spans_hash(sentences) != want:
        raise DataError(
            f"The sentences of '{article_id}' are no longer the ones it had when it was added (the sentence "
            f"splitter or the article's language changed; the manifest says {res.get('segmenter', '?')}), so "
            "saved answers would point at other words: reinstall the course's pinned pysbd or restore the manifest."
        )
    meta = {k: v for k, v in res.items() if k != "paragraph_roles"}
    return Article(article_id, text, meta, list(sentences))


def load_article(article_id: str) -> Article:
    """Load an article: its text, its manifest metadata, and its sentences with stable ids.

    Finds the course's articles (``data/articles/``) and the ones a teacher added
    (``ml.add_article``, kept in the teacher folder); both are checked against their manifest.

    >>> a = load_article("linternaute_mt_2024")      # doctest: +SKIP
    >>> a.sentence("s001").text                         # doctest: +SKIP
    """
    ids = _article_ids()
    if article_id in ids:
        return _load_article_cached(article_id, resource("articles", article_id)["sha256"])
    teacher = _teacher_resources()
    if isinstance(article_id, str) and article_id in teacher:
        return _load_teacher(article_id, teacher[article_id])
    raise DataError(f"There is no article '{article_id}'. Valid article ids: {', '.join(ids + list(teacher))}.")


ARTICLE_COLUMNS = [
    "id", "title", "publisher", "author", "published", "url", "language", "chain", "kind",
]


def _article_row(res: dict) -> dict[str, Any]:
    return {
        "id": res["name"],
        "title": res.get("title", ""),
        "publisher": res.get("publisher", ""),
        "author": res.get("author", ""),
        "published": res.get("published", ""),
        "url": res.get("url", ""),
        "language": res.get("language", ""),
        "chain": " → ".join(str(step.get("what", "")) for step in res.get("chain") or [] if isinstance(step, dict)),
        "kind": res.get("kind", ""),
    }


def list_articles():
    """A pandas DataFrame of the articles and their provenance (one row per article): the course's,
    then the ones added with ``ml.add_article`` or the add-an-article widget (``kind``: ``added article``:
    a learner practising alone may have added it, so the table does not say "teacher")."""
    import pandas as pd

    rows = [_article_row(res) for res in manifest("articles")["resources"]]
    for res in _teacher_resources(strict=False).values():
        row = _article_row({**res, "kind": ADDED_KIND})
        if res.get("translated"):
            row["language"] = f"{row['language']} (translated)"
        rows.append(row)
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


#: The manifest ``kind`` of the articles every lesson studies (seeds 000, 001, 002).
CASE_ARTICLE_KIND = "case article"


def case_articles() -> tuple[str, ...]:
    """The ids of the case articles (``kind: case article`` in ``data/articles/datapackage.yaml``),
    in manifest order: the order the lessons show them."""
    return tuple(r["name"] for r in manifest("articles")["resources"] if r.get("kind") == CASE_ARTICLE_KIND)


def republication_chain(article_id: str):
    """The steps from original to the copy we study, as a DataFrame (step, what, who, date, url, status)."""
    import pandas as pd

    if article_id in _article_ids():
        res = resource("articles", article_id)
    else:
        res = _teacher_resources().get(article_id) or resource("articles", article_id)
    return pd.DataFrame(res.get("chain", []), columns=["what", "who", "date", "url", "status", "source"])


# ---------------------------------------------------------------- tables and keys


def load_table(name: str, collection: str = "tables"):
    """A CSV table listed in ``data/<collection>/datapackage.yaml``, as a DataFrame (text kept as text)."""
    import pandas as pd

    return pd.read_csv(data_file(collection, name), dtype=str, keep_default_na=False)


def load_yaml(name: str, collection: str = "keys") -> Any:
    """A YAML file listed in ``data/<collection>/datapackage.yaml`` (safe loader)."""
    with open(data_file(collection, name), encoding="utf-8") as fh:
        return read_yaml(fh)

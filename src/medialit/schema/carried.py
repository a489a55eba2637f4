"""The learner's own articles a submission carries (lesson 04), checked before the dashboard uses
them. Part of :mod:`medialit.schema`.

A learner who adds an article of their own (``ml.add_article``, kept in their folder, never in the
course) labels it, marks phrases in it and fills a claim ledger about it. The teacher's dashboard
has no copy of it, so ``ml.export_submission()`` puts it into the hand-in: a top-level
``"articles"`` mapping ``{article id: {title, publisher, url, date, author, language,
sentence_rules, sha256, text}}`` (:data:`CARRIED_FIELDS`; ``sentences_sha256`` and ``paragraph_roles`` optional), one
entry for every added article one of the learner's activities refers to. Files without it (made
before, or with no own article) are read as before.

:func:`clean_carried_articles` takes nothing in such a file on trust (a hand-in may be built to
harm the teacher's computer or to pass itself off as course material):

* at most ``limits.articles`` articles, with at most ``limits.article_chars`` characters of text
  in all, are read (in file order); the rest are left out with one row saying how many;
* an id must pass :func:`medialit.articles.check_article_id` (no ``..``, slashes or hidden
  characters) and must not be a course article's id: a hand-in never replaces course material;
* the text must be text, with words in it, within the size :func:`medialit.articles.add_article`
  accepts; ``sha256`` must be the hash of that very text;
* title, publisher, URL and author must be plain text on one line of at most
  :data:`medialit.articles.MAX_FIELD` characters (they are shown escaped; a URL is linked only when
  it starts with http:// or https://), the date ``YYYY-MM-DD`` (or empty), the language a code;
* ``sentence_rules`` must be a version this medialit knows (:data:`medialit.data.SENTENCE_RULES`),
  so the text is split exactly as it was in the learner's session and sentence ids match.

Every refused article is one problem (``item skipped``) with a code of :data:`CODES`; the rest of
the file is still read. Splitting the text into sentences is the dashboard's job
(:mod:`medialit.analysis.loading`), with the same function the learner's session used.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from .contract import CARRIED_FIELDS, CARRIED_OPTIONAL, ITEM_SKIPPED, LIMITS, Limits, Problem

_SHA_RE = re.compile(r"[0-9a-f]{64}")
#: Longest id shown whole in a message; a longer one (never a valid article id) is cut there.
SHOWN_ID = 100
#: The plain names of the fields, for messages.
_FIELD_WORDS = {"title": "title", "publisher": "publisher", "url": "URL", "author": "author"}


def show_article_id(value: Any) -> str:
    """An article id as a message shows it: quoted, whole (every valid id is at most 64
    characters), hidden characters as escapes; an id longer than :data:`SHOWN_ID` characters is
    cut there and its length said; something that is not text is named by its type."""
    if not isinstance(value, str):
        return f"(not text but {'nothing' if value is None else 'a ' + type(value).__name__})"
    if len(value) <= SHOWN_ID:
        return repr(value)
    return f"{value[:SHOWN_ID]!r}… ({len(value)} characters)"


def _plain(value: Any, limit: int) -> bool:
    return type(value) is str and len(value) <= limit and value.isprintable()


def _field_problem(entry: dict, max_field: int, short: int) -> tuple[str, str] | None:
    """``(code, words)`` for the first metadata field that cannot be used, else None (the date and
    language as :func:`medialit.articles.add_article` writes them)."""
    from ..articles import _DATE_RE, _LANG_RE

    for field, words in _FIELD_WORDS.items():
        value = entry.get(field, "")
        if not _plain(value, max_field) or (field == "title" and not value.strip()):
            return "bad_article_field", (f"its {words} is not plain text on one line of at most {max_field} "
                                         "characters" + (" (a title is needed)" if field == "title" else ""))
    date = entry.get("date", "")
    if not (type(date) is str and (date == "" or _DATE_RE.fullmatch(date))):
        return "bad_article_field", "its date is not written YYYY-MM-DD"
    language = entry.get("language")
    if not (type(language) is str and len(language) <= short and _LANG_RE.fullmatch(language)):
        return "bad_article_field", "its language is not a language code such as en, fr or pt-br"
    return None


def _rules_problem(rules: Any) -> tuple[str, str] | None:
    from .. import data

    if type(rules) is not int:
        return "unknown_sentence_rules", "its sentence_rules is not a whole number"
    if not 1 <= rules <= data.SENTENCE_RULES:
        newer = " (it was probably handed in with a newer medialit: update medialit to read it)" \
            if rules > data.SENTENCE_RULES else ""
        return "unknown_sentence_rules", (f"it was split into sentences with rules {rules}, which this version "
                                          f"of medialit does not know (it knows 1 to {data.SENTENCE_RULES}){newer}")
    return None


def _text_problem(entry: dict) -> tuple[str, str] | None:
    from .. import articles

    text = entry.get("text")
    if type(text) is not str or not any(ch.isalnum() for ch in text):
        return "bad_article_text", "its text is missing, empty or not text"
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (the loader replaces them, so a belt and braces)
        return "bad_article_text", "its text holds characters that cannot be saved as UTF-8"
    if len(raw) > articles.MAX_BYTES:
        return "bad_article_text", (f"its text is {len(raw) / 1e6:.0f} MB, more than the "
                                    f"{articles.MAX_BYTES // 1_000_000} MB an article may have")
    sha = entry.get("sha256")
    if not (type(sha) is str and _SHA_RE.fullmatch(sha)):
        return "article_hash_mismatch", "its sha256 is not a sha256 hash (64 hexadecimal digits)"
    if hashlib.sha256(raw).hexdigest() != sha:
        return "article_hash_mismatch", ("its sha256 does not match its text (the text was changed after it was "
                                         "handed in, or the file is damaged), so its sentence ids cannot be trusted")
    spans = entry.get("sentences_sha256")
    if spans is not None and not (type(spans) is str and _SHA_RE.fullmatch(spans)):
        return "article_hash_mismatch", "its sentences_sha256 is not a sha256 hash (64 hexadecimal digits)"
    return None


def _entry_problem(article_id: Any, entry: Any, course_ids, limits: Limits) -> tuple[str, str] | None:
    """``(code, words)`` saying why one carried article cannot be used, else None."""
    from .. import articles

    if article_id in course_ids:
        return "course_article_id", ("that is the id of a course article, and a hand-in never replaces course "
                                     "material: its activities on that article are checked against the course's text")
    try:
        articles.check_article_id(article_id)
    except articles.ArticleError:
        return "bad_article_id", (f"its id is not a safe article id (at most {articles.MAX_ID} lower-case letters, "
                                  "digits and hyphens, such as 'city-council-votes-2026-12-06')")
    if not isinstance(entry, dict):
        return "not_a_record", "it is not a record (a JSON object)"
    return (_field_problem(entry, articles.MAX_FIELD, limits.short) or _rules_problem(entry.get("sentence_rules"))
            or _roles_problem(entry.get("paragraph_roles")) or _text_problem(entry))


def clean_carried_articles(value: Any, *, course_ids=frozenset(), limits: Limits = LIMITS):
    """``(articles, problems)``: ``articles`` is ``{article id: entry}`` for the carried articles that
    pass every check (see the module's docstring), in file order, each entry holding exactly
    :data:`CARRIED_FIELDS` (and those of :data:`CARRIED_OPTIONAL` it gives); ``problems`` are
    :class:`~medialit.schema.Problem` rows (``item skipped``), one per article left out, and one
    for the ones past the limits. ``course_ids``: the course's article ids, which a hand-in may
    not carry."""
    problems: list = []
    if not isinstance(value, dict):
        problems.append(Problem(ITEM_SKIPPED, "bad_articles",
                                "its 'articles' record (the learner's own articles) is not a mapping from article "
                                "ids to articles, so none of them was read."))
        return {}, problems
    out: dict = {}
    chars = 0
    for n, (article_id, entry) in enumerate(value.items()):
        if n >= limits.articles:
            problems.append(Problem(ITEM_SKIPPED, "too_many_articles",
                                    f"it carries {len(value)} of the learner's own articles, more than the "
                                    f"{limits.articles} one file may carry; the first {limits.articles} were read, "
                                    f"the other {len(value) - limits.articles} were not."))
            break
        why = _entry_problem(article_id, entry, course_ids, limits)
        if why is None and chars + len(entry["text"]) > limits.article_chars:
            why = ("too_many_articles", f"the learner's own articles in this file hold more than "
                                        f"{limits.article_chars:,} characters of text together, the limit for one file")
        if why is not None:
            code, words = why
            problems.append(Problem(ITEM_SKIPPED, code, f"the learner's own article {show_article_id(article_id)} "
                                                        f"was not read: {words}."))
            continue
        chars += len(entry["text"])
        out[article_id] = {f: entry.get(f, "") for f in CARRIED_FIELDS}
        out[article_id].update({f: entry[f] for f in CARRIED_OPTIONAL if entry.get(f) is not None})
    return out, problems


def _roles_problem(value: Any) -> tuple[str, str] | None:
    """Why optional ``paragraph_roles`` (``{"3": "heading", ...}``) cannot be used, or None."""
    from ..data import ROLES

    if value is None:
        return None
    if not isinstance(value, dict) or len(value) > 10_000:
        return "bad_roles", "its paragraph_roles is not a small mapping from paragraph numbers to roles"
    for k, v in value.items():
        if not (isinstance(k, str) and k.lstrip("-").isdigit() and len(k) < 7) or v not in ROLES:
            return "bad_roles", f"its paragraph_roles holds {str(k)[:10]!r}: {str(v)[:20]!r}, not a paragraph number and a role"
    return None

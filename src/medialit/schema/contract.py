"""The learner-record contract's constants: the activity kinds, the choices a learner can make, the
fields of each item, the length limits and the problem levels and codes (one place, read by the
widgets, the store and the dashboard). Part of :mod:`medialit.schema`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

KINDS = ("sentence_labels", "phrase_marks", "provenance_checklist", "claim_ledger", "check", "chain", "skillcheck")
#: Default activity-id prefix of each kind (``labels:<article>``...).
DEFAULT_PREFIX = {"sentence_labels": "labels", "phrase_marks": "phrases",
                  "provenance_checklist": "provenance", "claim_ledger": "claims", "check": "check",
                  "chain": "chain", "skillcheck": "skills-check"}

#: How sure a learner is; "" means not given.
CONFIDENCES = ("low", "medium", "high")
#: What a learner concluded about a claim in the ledger; "" means not decided yet.
LEDGER_STATUSES = ("supported", "contradicted", "unsupported", "cannot tell yet")

#: The provenance checklist (ids and choices are part of the file format).
PROVENANCE_QUESTIONS = [
    {"id": "publisher", "question": "Who published this? Is the outlet named on the page?",
     "choices": ["named", "not named", "can't tell"]},
    {"id": "author", "question": "Is an author named?", "choices": ["yes", "no", "can't tell"]},
    {"id": "date", "question": "Is a publication date given?", "choices": ["yes", "no", "can't tell"]},
    {"id": "original", "question": "Is this the original, or a copy, republication or translation?",
     "choices": ["original", "republication", "translation", "can't tell"]},
    {"id": "sources", "question": "Does it say where its facts come from (links, named sources)?",
     "choices": ["for most claims", "for some claims", "for none", "can't tell"]},
    {"id": "quotes", "question": "Can its quotes be traced to the original speaker, date and place?",
     "choices": ["all", "some", "none", "can't tell"]},
    {"id": "owner", "question": "Can you find out who owns or funds the outlet?",
     "choices": ["yes", "partly", "no", "can't tell"]},
    {"id": "purpose", "question": "Does it say what kind of text it is (news, opinion, advocacy)?",
     "choices": ["yes", "partly", "no", "can't tell"]},
]
PROVENANCE_IDS = tuple(q["id"] for q in PROVENANCE_QUESTIONS)

#: Fields of one item of each kind, in file order.
LABEL_FIELDS = ("label", "note", "confidence")
MARK_FIELDS = ("start", "end", "text", "category", "note")
PROVENANCE_FIELDS = ("answer", "evidence")
CLAIM_FIELDS = ("id", "sentence", "claim", "claimant", "evidence", "confirm", "status", "confidence", "note")
CHECK_FIELDS = ("answer", "correct")
#: What ``check()`` saves as ``status`` for a free-text answer (never marked right or wrong, so
#: ``correct`` is null): read by the teacher, or too short for the key's ``min_words``. Earlier
#: releases saved no status (and ``correct: true`` for a long enough free answer).
FREE_FOR_TEACHER, FREE_TOO_SHORT = "for teacher", "too short"
CHECK_STATUSES = (FREE_FOR_TEACHER, FREE_TOO_SHORT)
#: Claim-ledger fields that are short text (ids and choices) and free text.
CLAIM_SHORT = ("id", "sentence", "status", "confidence")
CLAIM_TEXT = ("claim", "claimant", "evidence", "confirm", "note")


@dataclass(frozen=True)
class Limits:
    """One limit per field. ``short``: ids, labels, categories, answer choices, statuses and
    confidences (longer is refused by the dashboard, cut by the widgets); ``text``: notes,
    evidence, claims and check answers (longer is cut, with a note); ``items``: marks or claim
    rows in one activity; ``depth``: nesting inside a ``check`` answer; ``file_items``: items of
    all activities of one submission file together (labels, marks, checklist answers, claim rows,
    chain steps, skills-check answers, one per check, first answers included). A whole course
    is a few thousand items at most (every article labelled sentence by sentence, in a lesson and
    its exercises), so ``file_items`` is far above what a learner makes and only stops a file
    built to exhaust the dashboard's memory: the dashboard reads a file's activities in order
    until the next one would pass it, and says how many were left out."""

    short: int = 80
    text: int = 2000
    items: int = 2000
    depth: int = 32
    file_items: int = 20_000
    #: The learner's own articles one submission carries (``"articles"``, lesson 04): at most
    #: ``articles`` of them, with at most ``article_chars`` characters of text in all. A learner
    #: adds one or two articles; a long news article is about 12,000 characters, a 60,000-word one
    #: about 400,000. The dashboard splits every carried text into sentences (about 5 seconds a
    #: million characters), so these stop a file built to keep it busy. Each carried article also
    #: counts as one item of ``file_items``.
    articles: int = 10
    article_chars: int = 1_000_000


LIMITS = Limits()

#: Largest submission file the dashboard reads by default (bytes; ``load_class(max_bytes=...)``).
#: ``export_submission`` leaves out an own article that would make a hand-in larger than this.
FILE_BYTES = 5 * 1024 * 1024

#: The fields of one article a submission carries (its top-level ``"articles"`` mapping,
#: ``{article id: {field: value}}``): a learner's own article (added with ``ml.add_article``, not a
#: course article) that one of their activities refers to. ``date`` is the date published
#: (``YYYY-MM-DD``), ``sentence_rules`` the version of the sentence rules it was split with
#: (:data:`medialit.data.SENTENCE_RULES`), ``sha256`` the hash of ``text`` (UTF-8).
#: Optional: ``sentences_sha256``, :func:`medialit.data.spans_hash` of its sentences on the
#: learner's computer, so the dashboard can tell when it splits the text differently, and
#: ``paragraph_roles`` (``{"0": "title", "3": "heading"}``), the roles of its paragraphs that are
#: not body, so the dashboard counts the same body sentences.
CARRIED_FIELDS = ("title", "publisher", "url", "date", "author", "language", "sentence_rules", "sha256", "text")
CARRIED_OPTIONAL = ("sentences_sha256", "paragraph_roles")

#: ``level`` of a problem, from most to least serious (the dashboard report uses the same words).
FILE_SKIPPED = "file skipped"
ACTIVITY_SKIPPED = "activity skipped"
ITEM_SKIPPED = "item skipped"
NOTE = "note"
LEVELS = (FILE_SKIPPED, ACTIVITY_SKIPPED, ITEM_SKIPPED, NOTE)


class Problem(NamedTuple):
    level: str
    code: str
    message: str


#: Every ``code`` a problem (or a row of the dashboard report) can have, in plain words.
CODES = {
    # items and activities (this module)
    "bad_shape": "a record does not have the documented shape",
    "not_a_record": "an entry is not a record (a JSON object)",
    "not_text": "a value that must be text is not text",
    "too_long": "a text is longer than its limit (free text is cut, short text is refused)",
    "too_many_items": "an activity holds more marks or claim rows than the limit",
    "too_many_items_in_file": "a file holds more items in all its activities than the limit; the rest were not read",
    "unknown_label": "a sentence label that is not one of its label set's labels",
    "unknown_label_set": "a label set whose name differs from one of the course's only in capitals or spaces",
    "too_deep": "a value is nested more deeply than the limit",
    "bad_sentence_id": "a sentence id that does not exist in the article",
    "bad_offsets": "a mark whose start and end do not fall inside the text",
    "unknown_status": "a claim or check status that is not one of the documented statuses",
    "unknown_confidence": "a confidence that is not low, medium or high",
    "no_answer": "a check record without an answer",
    "bad_correct": "a check's 'correct' that is not true, false or null",
    "unknown_kind": "an activity of a kind medialit does not know",
    "unknown_article": "an activity about an article that is neither in the course nor carried by the file",
    "bad_activity_id": "an activity id that is too long",
    "more_not_listed": "more problems of the same kind, counted rather than listed",
    # files (medialit.analysis.files and .envelope)
    "not_json": "a file that is not JSON",
    "not_utf8": "a file that is not readable text",
    "empty": "a file that is empty (or only blanks)",
    "too_large": "a file larger than the size limit (or growing while read)",
    "huge_number": "a number with far too many digits",
    "not_submission": "JSON that is not a medialit submission",
    "newer_schema": "a file written by a newer version of medialit",
    "bad_schema_version": "a schema version that is not the one medialit reads",
    "conflicting_keys": "an envelope field given twice with different values",
    "bad_learner_id": "a missing or unsafe learner id",
    "no_activities": "a file without an 'activities' record",
    "duplicate": "an older file of a learner who has a newer one",
    "too_many_files": "more files than the file limit",
    "unreadable": "a file that cannot be read",
    "not_regular_file": "a pipe, device, socket or link to something that is not a file",
    "bad_link": "a symbolic link that is broken, loops, or points outside the folder or at it",
    "link_read_already": "a symbolic link to a file that is read already",
    # notes on files and folders
    "ignored_entry": "a hidden file, a file that is not .json, or a link to a folder",
    "subfolder": "a sub-folder that was not read",
    "unlistable_folder": "a sub-folder that cannot be listed",
    "listing_capped": "a folder with more entries than are looked at",
    "encoding": "a byte-order mark or UTF-16/32 text, read anyway",
    "repeated_keys": "a key repeated inside one record (the last one is used)",
    "nan": "NaN or Infinity, which are not standard JSON",
    "bad_characters": "lone surrogates or NUL characters, replaced by U+FFFD",
    "windows_reserved": "a learner id that Windows cannot use as a file name",
    "answers_file": "an answers file rather than an exported submission",
    "name_mismatch": "a file name that does not match the learner id inside",
    "no_export_time": "a file without a readable export time",
    "future_time": "a time in the future, not trusted",
    # the learner's own articles a file carries (clean_carried_articles, lesson 04)
    "bad_articles": "a file's 'articles' record that is not a mapping of article ids to articles",
    "too_many_articles": "a file that carries more of the learner's own articles, or more text in them, than the limit",
    "bad_article_id": "a carried article whose id is not a safe article id (lower-case letters, digits, hyphens)",
    "course_article_id": "a carried article with the id of a course article: a hand-in never replaces course material",
    "bad_article_field": "a carried article whose title, publisher, URL, date, author or language is not plain short text",
    "bad_article_text": "a carried article whose text is missing, empty, not text or larger than an article may be",
    "article_hash_mismatch": "a carried article whose sha256 does not match its text",
    "unknown_sentence_rules": "a carried article split with sentence rules this version of medialit does not know",
    "bad_roles": "a carried article whose paragraph roles are not paragraph numbers and known roles",
    "article_sentences_differ": "a carried article that this computer splits into other sentences than the learner's did",
    "article_renamed": "learners carried different texts under one article id, so each text has its own name in the tables",
    # the skills check (clean_skillcheck)
    "bad_form": "a skills-check record whose form is not A or B, or whose phase is not before or after",
    "unknown_item": "a skills-check answer to an item that its form does not have",
    "unknown_choice": "a skills-check answer that is not one of the item's options",
}


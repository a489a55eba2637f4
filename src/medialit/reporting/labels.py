"""The label set of lesson 02: five labels, their definitions, examples and genres, the exercise
passage, and the statuses a key reason can name."""
from __future__ import annotations

import re

#: The label set of lesson 02: name -> one-line definition (the same text as in the key file).
LABELS: dict[str, str] = {
    "attributed report": (
        "Reports a fact, an event or what someone said, in the writer's own words, and names who it "
        "comes from (a person, organisation, document or outlet: 'X said', 'according to Y'). Test: is "
        "the named person the source of the information (they said or wrote it), or only its subject? "
        "Only a source makes it an attributed report."
    ),
    "quotation": (
        "Mainly someone else's exact words in quotation marks, with the speaker named or clear from "
        "the context. The view inside the quote is the speaker's; the sentence reports it."
    ),
    "unattributed assertion": (
        "States something checkable as plain fact but does not say where it comes from. It may be "
        "true or false: the sentence alone gives the reader no way to check."
    ),
    "opinion": (
        "The writer's own judgement: it evaluates, blames or praises, guesses at motives, or uses "
        "loaded words or a rhetorical question to persuade. It cannot be checked as true or false."
    ),
    "prediction": (
        "The writer's guess about the future or about what would happen if something occurred "
        "('will', 'would', 'if ... then'). It cannot be checked yet."
    ),
}

#: One invented example per label (about a town bridge, so that no example gives away the key).
EXAMPLES: dict[str, str] = {
    "attributed report": "The town council said on Monday that the bridge had closed for repairs.",
    "quotation": "\"We expect to reopen the bridge in June,\" the council's engineer told reporters.",
    "unattributed assertion": "The repairs cost twice the original budget.",
    "opinion": "The new bridge is an embarrassing waste of money.",
    "prediction": "If the council keeps spending like this, the town will be bankrupt within a year.",
}

#: Genre-level grouping used in the lesson's first section (SemEval-2023 Task 3 genre labels).
GENRE: dict[str, str] = {
    "attributed report": "reporting",
    "quotation": "reporting",
    "unattributed assertion": "neither: a claim without a source",
    "opinion": "opinion",
    "prediction": "opinion",
}

#: The exercise passage: seed 002, sentences s004 to s017 (its first five body paragraphs).
EXERCISE_ARTICLE = "linternaute_mt_2024"
EXERCISE_SENTENCES: tuple[str, ...] = tuple(f"s{n:03d}" for n in range(4, 18))

_STATUS_RE = re.compile(r"\b(CONFIRMED|WRONG|UNCONFIRMED|OPINION)\b")


def statuses(why: str) -> list[str]:
    """The statuses (CONFIRMED, WRONG, UNCONFIRMED, OPINION) named in a key reason."""
    return _STATUS_RE.findall(str(why))

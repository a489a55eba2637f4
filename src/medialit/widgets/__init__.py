"""Annotation widgets whose work is saved on every change and restored when the cell runs again.

* :class:`SentenceLabeller` - one label per sentence, with a note and a confidence;
* :class:`PhraseMarker` - mark phrases with categories (anywidget, local ES module);
* :class:`ProvenanceChecklist` - where does the text come from?;
* :class:`ClaimLedger` - claims, claimants, evidence, status;
* :class:`ChainBuilder` - build an article's republication chain, with feedback;
* :class:`LearnerBox` - see or change the learner id;
* :class:`Answer` - answer an exercise question (feedback and saving through ``ml.check``);
* :class:`HandIn` - the last box of every exercise: hand in, then download the file;
* :class:`KeyReveal` / :func:`reveal` - open our key after keeping the learner's first answers;
* :class:`SkillsCheck` - the skills check before or after the unit (forms A and B);
* :class:`Switch` - a yes/no setting that :func:`live` cells follow (not saved);
* :class:`AddArticle` - paste or upload an article and add it to the course (teacher folder);
* :class:`Lookup` - look up an evidence record or a glossary term without code (not saved).

All share :class:`~medialit.widgets.base.ActivityBase` (one ``data`` trait, saved through
:mod:`medialit.store`). A notebook names its lesson once with ``ml.lesson("02")``; its widgets then
save under ``"02:<kind>:<article>"`` without an activity id typed by hand.
"""
from __future__ import annotations

from .add_article import AddArticle
from .answer import Answer
from .base import ActivityBase, BoxActivity, current_lesson, default_activity, lesson
from .chain_builder import ChainBuilder
from .claim_anatomy import FieldsAnswer, field_feedback
from .claim_ledger import STATUSES, ClaimLedger
from .handin import HandIn
from .learner_box import LearnerBox
from .live import LiveView, live
from .lookup import Lookup
from .phrase_marker import PhraseMarker
from .provenance import PROVENANCE_QUESTIONS, ProvenanceChecklist
from .sentence_labeller import SentenceLabeller
from .reveal import KeyReveal, reveal
from .skills_check import SkillsCheck
from .switch import Switch

__all__ = [
    "ActivityBase", "AddArticle", "Answer", "BoxActivity", "ChainBuilder", "ClaimLedger", "FieldsAnswer", "HandIn", "KeyReveal", "LearnerBox", "LiveView", "Lookup", "PROVENANCE_QUESTIONS",
    "PhraseMarker",
    "ProvenanceChecklist", "STATUSES", "SentenceLabeller", "SkillsCheck", "Switch", "current_lesson", "default_activity", "field_feedback", "lesson", "live", "reveal",
]

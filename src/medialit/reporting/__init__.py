"""Lesson 02 ("Opinion or reporting?"): the sentence label set, the reference keys, and the
comparisons between a learner's labels, the transparent signals of :mod:`medialit.cues` and our key.

The label set (:data:`LABELS`) has five labels. Reporting is ``attributed report`` and
``quotation``; ``unattributed assertion`` states a fact without a source; ``opinion`` and
``prediction`` are the writer's own view. The reference key (``data/keys/sentence_labels.yaml``)
labels every body sentence of the three case articles, with defensible alternatives (``also``)
a one-line reason (``why``) and, where the reason names a status, the evidence record ids behind it
(``evidence``; open one with ``ml.evidence(id)``). It is loaded and checked by
:func:`medialit.analysis.key.load_key`, the same loader the class dashboard uses.

The signals are words, not meaning. :func:`signal_scores` measures how well each family of
signals matches the key (precision and recall) and :func:`misleading_examples` finds, by code,
the sentences where the signals point the wrong way.

One module per job: :mod:`.labels` (the label set and the exercise passage), :mod:`.learner`
(reading a learner's labels), :mod:`.signals` (the cue table and the signals' guess),
:mod:`.compare` (the key as a table; learner vs key vs signals), :mod:`.scoring` (precision,
recall, misleading examples), :mod:`.mix` (the mix chart), :mod:`.phrases` (the phrase key) and
:mod:`.model_report` (the model report's sources).

Everything here works on plain dicts and DataFrames, so it runs outside notebooks too.
pandas and matplotlib are imported only inside the functions that need them; plot functions
return a Figure and neither display nor print.
"""
from __future__ import annotations

from .compare import (agreement_counts, compare, comparison_view, describe_comparison, exercise_feedback, key_frame,
                      key_with_alternatives)
from .labels import EXAMPLES, EXERCISE_ARTICLE, EXERCISE_SENTENCES, GENRE, LABELS, statuses
from .inclass import (AFTER_CLASS, CLASS_ARTICLE, LABELLED, CLASS_SENTENCES, PREDICT_QUESTION, PREDICT_SENTENCES,
                      after_class_key_view, class_comparison, class_key, class_key_view, prediction_table,
                      prediction_view)
from .learner import exercise_answer, learner_labels
from .mix import mix_summary, mix_table, mix_view, plot_mix
from .model_report import MODEL_REPORT, check_report_sources, quotations, report_sources
from .phrases import compare_marks, describe_marks, load_phrase_key, marks_view, phrase_categories, validate_phrase_key
from .scoring import MISLEAD_KINDS, misleading_examples, scored_table, signal_scores
from .signals import TARGET_REASONS, TARGETS, guess_label, signal_table

# The key loader is shared with the class dashboard (medialit.analysis.key); it is imported on
# first use so that importing this module stays light. The case articles are data.case_articles().
_LAZY = {
    "load_key": "medialit.analysis.key:load_key",
    "validate_key": "medialit.analysis.key:validate_key",
    "KeyFileError": "medialit.analysis.key:KeyFileError",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name].split(":")
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'medialit.reporting' has no attribute {name!r}")


__all__ = [
    "EXAMPLES", "EXERCISE_ARTICLE", "EXERCISE_SENTENCES", "GENRE", "KeyFileError", "LABELS",
    "MISLEAD_KINDS", "MODEL_REPORT", "TARGETS", "TARGET_REASONS", "agreement_counts", "check_report_sources",
    "compare", "compare_marks", "comparison_view", "describe_comparison", "describe_marks", "key_with_alternatives",
    "marks_view", "mix_view", "exercise_answer", "exercise_feedback", "guess_label",
    "key_frame", "learner_labels", "load_key", "load_phrase_key", "misleading_examples", "mix_summary",
    "mix_table", "phrase_categories", "plot_mix", "quotations", "report_sources", "scored_table",
    "signal_scores", "signal_table", "statuses", "validate_key", "validate_phrase_key",
    # lesson 02 in one class period (medialit.reporting.inclass)
    "AFTER_CLASS", "after_class_key_view", "CLASS_ARTICLE", "CLASS_SENTENCES", "LABELLED", "PREDICT_QUESTION", "PREDICT_SENTENCES", "class_comparison", "class_key",
    "class_key_view", "prediction_table", "prediction_view",
]


def __dir__():
    return sorted(set(globals()) | set(_LAZY))

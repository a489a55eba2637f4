"""The learner-record contract, held once: what each activity kind saves, its limits, and how a
record is cleaned.

Every activity in an answers file or a submission is ``{"kind", "article", "updated", "data"}``
(see :mod:`medialit.store`); a submission may also carry the learner's own articles (lesson 04,
top-level ``"articles"``, checked by :func:`clean_carried_articles`, :mod:`.carried`). This module
says what ``data`` holds for each kind (:data:`KINDS`),
which constants it may use (:data:`CONFIDENCES`, :data:`LEDGER_STATUSES`,
:data:`PROVENANCE_QUESTIONS`) and how long each field may be (:data:`LIMITS`: one limit per
field, used by the widgets *and* the dashboard).

One cleaning function per kind, ``clean_<kind>(data, *, strict) -> (clean, problems)``:

* ``strict=False`` (the widgets, restoring a saved record): coerce what can be coerced (a number
  where text was expected becomes text, an unknown status becomes "not decided", text is cut to
  its limit) and drop only what cannot be used;
* ``strict=True`` (the dashboard, :func:`medialit.analysis.load_class`): take nothing on trust;
  an item that is not exactly of the documented shape is skipped.

``clean`` is the record in its documented shape, or ``None`` when the whole activity is unusable.
Each :class:`Problem` has a ``level`` (:data:`ITEM_SKIPPED`, :data:`NOTE`,
:data:`ACTIVITY_SKIPPED`), a stable machine-readable ``code`` (listed in :data:`CODES`, with its
meaning in plain words) and a plain-words ``message`` for the teacher.

:func:`record_table` writes the "Activity kinds" table of CONTRIBUTING.md from these constants
(``tests/test_widgets.py`` checks that the two agree).

The package has one job per module: :mod:`.contract` (the constants), :mod:`.cleaner` (shared
text rules and :func:`keeps_first`), :mod:`.kinds` (the course widgets' kinds), :mod:`.skills`
(the skills check), :mod:`.carried` (the learner's own articles a submission carries) and
:mod:`.tables` (CONTRIBUTING.md's tables). Every public name is importable
from ``medialit.schema`` itself.
"""
from __future__ import annotations

from ..text_utils import shorten  # noqa: F401 - re-exported (medialit.analysis.envelope imports it from here)
from .cleaner import _STAMP_RE, FIRST_FIELDS, _capped_list, _Cleaner, _coerce, _container, keeps_first  # noqa: F401
from .contract import (ACTIVITY_SKIPPED, CARRIED_FIELDS, CARRIED_OPTIONAL, CHECK_FIELDS, CHECK_STATUSES,  # noqa: F401
                       CLAIM_FIELDS, CLAIM_SHORT, CLAIM_TEXT, CODES, CONFIDENCES, DEFAULT_PREFIX, FILE_BYTES,
                       FILE_SKIPPED, FREE_FOR_TEACHER,
                       FREE_TOO_SHORT, ITEM_SKIPPED, KINDS, LABEL_FIELDS, LEDGER_STATUSES, LEVELS, LIMITS,
                       MARK_FIELDS, NOTE, PROVENANCE_FIELDS, PROVENANCE_IDS, PROVENANCE_QUESTIONS, Limits,
                       Problem)
from .kinds import (_claim_row, _depth, _unique_claim_ids, clean_chain, clean_check,  # noqa: F401
                    clean_claim_ledger, clean_phrase_marks, clean_provenance_checklist,
                    clean_sentence_labels, new_claim_id)
from .skills import _ISO_TIME_RE, _skillcheck_answers, clean_skillcheck  # noqa: F401
from .tables import _choices, checklist_table, record_table  # noqa: F401
from .carried import clean_carried_articles, show_article_id  # noqa: F401

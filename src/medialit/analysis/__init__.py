"""Class analysis for instructors: collect submissions, see agreement, compare with the key.

>>> import medialit as ml
>>> cls = ml.load_class("data/synthetic/class_30")      # doctest: +SKIP
>>> cls.report                                          # what was skipped, and why
>>> ml.analysis.agreement_by_article(cls)               # Krippendorff's alpha, Fleiss' kappa

Modules: :mod:`.loading` (read and validate a folder), :mod:`.agreement` (statistics),
:mod:`.views` (tables), :mod:`.plots` (figures + one-line summaries), :mod:`.export` (CSV),
:mod:`.key` (the reference key), :mod:`.learning` (the skills check before and after the
unit: normalised gain per skill with bootstrap intervals), :mod:`.app` (the dashboard as a web app: pickers, per-learner
view, class list, CSV downloads). Inside :mod:`.loading`: :mod:`.files` (safe listing and reading),
:mod:`.envelope` (JSON and the submission envelope), :mod:`.report` (the capped report); the
record contract is :mod:`medialit.schema`. The synthetic demo class is made by
``tools/make_synthetic_class.py``.
"""
from .app import Dashboard, class_list, dashboard, describe_downloads, open_class, read_roster
from .agreement import (agreement_by_article, agreement_by_label, current_labels, disputed_sentences,
                        fleiss_kappa, fleiss_kappa_by_category, krippendorff_alpha, label_counts,
                        observed_agreement, why_undefined)
from .export import ExportError, export_csv
from .first_answers import describe_first_answers, first_answer_agreement  # commit before the key
from .key import KeyFileError, key_labels, key_table, load_key
from .loading import ClassData, load_class
from . import learning  # the skills check before and after the unit: gain per skill, intervals
from .learning import describe_learning, learning_tables, plot_learning
from .plots import (describe_agreement, describe_checks, plot_checks, describe_confusion, describe_disputed, describe_distribution,
                    describe_key_accuracy, describe_progress, plot_agreement, plot_agreement_by_label,
                    plot_confusion, plot_disputed, plot_key_accuracy, plot_label_distribution,
                    plot_progress)
from .views import (SafeHTML, check_results, compare_with_key, confusion_matrix, free_answers, free_text,
                    gradebook, html_table, least_done, progress, progress_summary)


def demo_folder():
    """The committed synthetic 30-learner class (``data/synthetic/class_30``), after checking that
    every file in it still matches ``data/synthetic/datapackage.yaml``."""
    from .. import data

    folder = None
    for res in data.manifest("synthetic")["resources"]:
        path = data.data_file("synthetic", res["name"])
        folder = folder or path.parent
    if folder is None:
        raise data.DataError("data/synthetic/ lists no files; run tools/make_synthetic_class.py.")
    return folder


def class_folder():
    """The class the dashboard shows: the folder named by the ``MEDIALIT_CLASS`` environment
    variable (``make dashboard CLASS=...`` sets it), else the synthetic demo class
    (:func:`demo_folder`). A named folder that does not exist is an error in plain words."""
    import os
    from pathlib import Path

    named = os.environ.get("MEDIALIT_CLASS", "").strip()
    if not named:
        return demo_folder()
    folder = Path(named).expanduser()
    if not folder.is_dir():
        raise FileNotFoundError(f"MEDIALIT_CLASS names the folder {named!r}, but there is no such folder. "
                                "Put the learners' submission files in one folder and name that one.")
    return folder


def export_folder():
    """Where the dashboard writes its CSV files: ``MEDIALIT_EXPORT`` if set (``make dashboard
    EXPORT=...``), else a new temporary folder."""
    import os
    import tempfile

    return os.environ.get("MEDIALIT_EXPORT", "").strip() or tempfile.mkdtemp(prefix="medialit-class-")


__all__ = [
    "ClassData", "Dashboard", "class_list", "dashboard", "describe_downloads", "open_class", "read_roster", "ExportError", "KeyFileError", "SafeHTML", "agreement_by_article", "agreement_by_label",
    "check_results", "class_folder", "compare_with_key", "confusion_matrix", "current_labels", "demo_folder",
    "describe_agreement", "describe_checks", "plot_checks", "describe_confusion", "describe_disputed", "describe_distribution",
    "describe_key_accuracy", "describe_progress", "disputed_sentences", "export_csv", "export_folder", "fleiss_kappa",
    "fleiss_kappa_by_category", "free_answers", "free_text", "gradebook", "html_table", "key_labels", "key_table",
    "krippendorff_alpha", "label_counts", "load_class", "load_key", "observed_agreement", "plot_agreement",
    "plot_agreement_by_label", "plot_confusion", "plot_disputed", "plot_key_accuracy",
    "plot_label_distribution", "plot_progress", "progress", "progress_summary", "why_undefined", "least_done",
    "learning", "describe_learning", "learning_tables", "plot_learning",
    "describe_first_answers", "first_answer_agreement",
]

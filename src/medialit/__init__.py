"""medialit: guided notebooks that teach media literacy (helper package).

``import medialit as ml`` is light: pandas, matplotlib, ipywidgets and the segmenter are imported
only when a function that needs them is first used.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> "module:attribute" (imported on first use)
_LAZY = {
    "list_articles": "data:list_articles",
    "load_article": "data:load_article",
    "add_article": "articles:add_article",
    "ArticleError": "articles:ArticleError",
    "load_table": "data:load_table",
    "republication_chain": "data:republication_chain",
    "DataError": "data:DataError",
    "check": "feedback:check",
    "set_learner": "store:set_learner",
    "current_learner": "store:current_learner",
    "learner_chosen": "store:learner_chosen",
    "NoLearnerError": "store:NoLearnerError",
    "export_submission": "store:export_submission",
    "answers_path": "store:answers_path",
    "saved_activities": "store:saved_activities",
    "lesson": "widgets:lesson",
    "live": "widgets:live",
    "LearnerIdError": "store:LearnerIdError",
    "StoreError": "store:StoreError",
    "SentenceLabeller": "widgets:SentenceLabeller",
    "PhraseMarker": "widgets:PhraseMarker",
    "ProvenanceChecklist": "widgets:ProvenanceChecklist",
    "ClaimLedger": "widgets:ClaimLedger",
    "ChainBuilder": "widgets:ChainBuilder",
    "LearnerBox": "widgets:LearnerBox",
    "Answer": "widgets:Answer",
    "FieldsAnswer": "widgets:FieldsAnswer",
    "glossary": "terms:glossary",
    "HandIn": "widgets:HandIn",
    "Switch": "widgets:Switch",
    "AddArticle": "widgets:AddArticle",
    "KeyReveal": "widgets:KeyReveal",
    "reveal": "widgets:reveal",
    "PROVENANCE_QUESTIONS": "widgets:PROVENANCE_QUESTIONS",
    "load_class": "analysis:load_class",
    "evidence": "evidence_record:evidence",
    "SkillsCheck": "widgets:SkillsCheck",
    "Lookup": "widgets:Lookup",
}
_SUBMODULES = {"data", "store", "paths", "feedback", "widgets", "cues", "analysis", "plots",
               "provenance", "chains", "lateral", "reporting", "claims", "evidence_record", "display", "own_article",
               "articles", "assign", "terms", "skillcheck"}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name].split(":")
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'medialit' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)

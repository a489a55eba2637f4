"""ProvenanceChecklist: the questions a fact-checker asks about where a text comes from."""
from __future__ import annotations

from typing import Any

import ipywidgets as w

from .. import schema
from ..schema import PROVENANCE_QUESTIONS
from .base import BoxActivity, esc, resolve_article

def _check_questions(questions) -> list[dict]:
    out, seen = [], set()
    for q in questions:
        if not isinstance(q, dict) or not {"id", "question", "choices"} <= set(q):
            raise ValueError("Each question needs 'id', 'question' and 'choices'.")
        qid = str(q["id"])
        if qid in seen:
            raise ValueError(f"Question id {qid!r} is used twice.")
        seen.add(qid)
        choices = [str(c) for c in q["choices"]]
        if len(qid) > schema.LIMITS.short or any(len(c) > schema.LIMITS.short for c in choices):
            raise ValueError(f"Question ids and choices can be at most {schema.LIMITS.short} characters long.")
        if not choices:
            raise ValueError(f"Question {qid!r} has no choices.")
        out.append({"id": qid, "question": str(q["question"]), "choices": choices})
    if not out:
        raise ValueError("The checklist needs at least one question.")
    return out


class ProvenanceChecklist(BoxActivity):
    """Answer the provenance questions for one article, each with evidence (a URL or a note).

    ``data`` is ``{"answers": {"<question id>": {"answer": str, "evidence": str}}}``.
    """

    kind = "provenance_checklist"
    default_prefix = "provenance"

    def __init__(self, article, *, questions=PROVENANCE_QUESTIONS, activity=None, learner=None, home=None):
        article_id, art = resolve_article(article)
        self.questions = _check_questions(questions)
        self.article = art
        initial = self._setup_activity(activity=activity, article_id=article_id, learner=learner, home=home)
        self._syncing = False
        name = art.title if art is not None else activity
        head = w.HTML(
            f"<h4 style='margin:4px 0'>Where does it come from? {esc(name)}</h4>"
            "<p style='margin:2px 0'>Answer each question and write your evidence: a URL or a short note "
            "saying where you looked. Tab moves between controls; arrow keys choose an answer.</p>"
        )
        self.progress = w.HTML()
        self.choice = {}
        self.evidence = {}
        rows = [head, self.progress]
        for n, q in enumerate(self.questions, 1):
            choice = w.RadioButtons(
                options=[("not answered yet", "")] + [(c, c) for c in q["choices"]], value="",
                description=f"Answer {n}", description_allow_html=False, tooltip=q["question"],
                layout=w.Layout(width="auto"),
            )
            evidence = w.Text(description=f"Evidence {n}", placeholder="URL or note (press Enter or Tab to save)",
                              continuous_update=False, description_allow_html=False, tooltip=q["question"],
                              layout=w.Layout(width="min(100%, 560px)"))
            choice.observe(lambda ch, qid=q["id"]: self._on_answer(qid, ch), "value")
            evidence.observe(lambda ch, qid=q["id"]: self._on_evidence(qid, ch), "value")
            self.choice[q["id"]] = choice
            self.evidence[q["id"]] = evidence
            rows.append(w.VBox([
                w.HTML(f"<p style='margin:8px 0 0 0'><b>{n}. {esc(q['question'])}</b></p>"),
                w.HBox([choice, evidence], layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
            ], layout=w.Layout(border_bottom="1px solid #ccc", padding="0 0 4px 0")))
        rows.append(self._make_status())
        super().__init__(children=rows, data=initial)
        self.add_class("medialit-widget")
        self.add_class("medialit-provenance")
        self._activate()
        self._sync_controls()
        self._refresh()

    def empty_data(self) -> dict:
        return {"answers": {}}

    def clean(self, data: Any):
        return schema.clean_provenance_checklist(data, strict=False)

    # ------------------------------------------------------------------ actions
    def answer(self, question_id: str, answer: str | None = None, evidence: str | None = None) -> None:
        """Record an answer and/or evidence for one question."""
        q = next((q for q in self.questions if q["id"] == question_id), None)
        if q is None:
            raise ValueError(f"No question {question_id!r}; the ids are {', '.join(x['id'] for x in self.questions)}.")
        if answer not in (None, "") and answer not in q["choices"]:
            raise ValueError(f"{answer!r} is not a choice for {question_id!r}: {', '.join(q['choices'])}.")

        def change(data):
            entry = dict(data["answers"].get(question_id, {"answer": "", "evidence": ""}))
            if answer is not None:
                entry["answer"] = answer
            if evidence is not None:
                entry["evidence"] = str(evidence)
            if entry["answer"] or entry["evidence"]:
                data["answers"][question_id] = entry
            else:
                data["answers"].pop(question_id, None)

        self.update_data(change)
        self._sync_controls()

    def _on_answer(self, qid, change) -> None:
        if not self._syncing:
            self.answer(qid, answer=change["new"] or "")

    def _on_evidence(self, qid, change) -> None:
        if not self._syncing:
            self.answer(qid, evidence=change["new"])

    def _sync_controls(self) -> None:
        answers = self.data.get("answers", {})
        self._syncing = True
        try:
            for q in self.questions:
                entry = answers.get(q["id"], {})
                value = entry.get("answer", "")
                self.choice[q["id"]].value = value if value in q["choices"] else ""
                self.evidence[q["id"]].value = entry.get("evidence", "")
        finally:
            self._syncing = False

    def _refresh(self) -> None:
        answers = self.data.get("answers", {})
        done = sum(1 for q in self.questions if answers.get(q["id"], {}).get("answer"))
        with_evidence = sum(1 for q in self.questions if answers.get(q["id"], {}).get("evidence"))
        self.progress.value = (f"<p class='medialit-progress' style='margin:4px 0'><b>{done} of "
                               f"{len(self.questions)} answered</b>, {with_evidence} with evidence</p>")

    def to_frame(self):
        """One row per question: question id, question, answer, evidence."""
        import pandas as pd

        answers = self.data.get("answers", {})
        return pd.DataFrame(
            [(q["id"], q["question"], answers.get(q["id"], {}).get("answer", ""),
              answers.get(q["id"], {}).get("evidence", "")) for q in self.questions],
            columns=["question_id", "question", "answer", "evidence"],
        )

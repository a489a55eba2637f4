"""SkillsCheck: the before/after skills check as one widget (``ml.SkillsCheck("before")``).

What the learner sees and why:

* which form they take and why (:func:`medialit.skillcheck.why_this_form`): the form comes from
  a fixed rule on their name, so it never changes when they come back;
* the invented texts and the twelve questions, plus one short written answer; every answer is
  saved at once (activity ``skills-check:before`` or ``skills-check:after``, kind ``skillcheck``);
* a **Finish** button. Until it is pressed nothing is marked. Finishing locks the answers of that
  phase (the controls are disabled; :meth:`SkillsCheck.set_answer` refuses changes) and then:

  - **before the unit**: the score per skill only, and "you will see the answers after the unit".
    The before check measures what the class knows *before* teaching; per-item answers would turn
    it into a lesson, and half of the class takes this very form *after* the unit, so answers
    passed on by a classmate would inflate their after score;
  - **after the unit**: the score per skill, the before scores beside them (when the before check
    was finished), and per-item feedback: the learner's answer, the right answer and why. The
    written answer is scored later by the teacher with the form's rubric.

A first click on Finish with questions left unanswered only says how many are left; a second
click finishes. The widget follows a change of learner id (its form may then change too).
"""
from __future__ import annotations

import copy
import datetime as _dt
from typing import Any

import ipywidgets as w

from .. import schema, skillcheck, store
from .answer import STYLE
from .base import ELSEWHERE, BoxActivity, display_path, esc

_WIDE = w.Layout(width="min(100%, 760px)")
_MARK = {1.0: "✔ right", 0.0: "✘ not right"}


def _mark(points: float) -> str:
    return _MARK.get(points, f"◐ partly right ({points:.2f} of 1)")


def skills_line(scores: dict, counts: dict) -> str:
    """"provenance 3 of 4, opinion 2 of 4, claims 4 of 4 (overall 75%)" from :func:`skill_scores`."""
    parts = [f"{s} {round(scores[s] * counts[s], 1):g} of {counts[s]}" for s in skillcheck.SKILLS]
    return ", ".join(parts) + f" (overall {round(100 * scores['overall'])}%)"


class SkillsCheck(BoxActivity):
    """The skills check of one phase (``"before"`` or ``"after"`` the unit).

    ``data`` is the ``skillcheck`` record of :mod:`medialit.schema`: ``{"form", "phase",
    "answers", "written", "finished", "finished_at"}``.
    """

    kind = "skillcheck"
    default_prefix = skillcheck.ACTIVITY_PREFIX

    def __init__(self, phase: str = "before", *, learner=None, home=None):
        self.phase = skillcheck.check_phase(phase)
        self._syncing = False
        self._built_form = None
        self._confirm = False
        self.controls: dict = {}
        self.head = w.HTML()
        self.why = w.HTML()
        self.items_box = w.VBox()
        self.progress = w.HTML()
        self.finish_button = w.Button(description="Finish and lock my answers", icon="check",
                                      tooltip="Lock your answers for this check and see your result",
                                      layout=w.Layout(width="auto"))
        self.finish_button.on_click(lambda _b: self.finish())
        self.finish_note = w.HTML()
        self.result = w.HTML()
        activity = f"{skillcheck.ACTIVITY_PREFIX}:{self.phase}"
        initial = self._setup_activity(activity=activity, article_id=None, learner=learner, home=home)
        super().__init__(children=[w.HTML(STYLE), self.head, self.why, self.items_box, self.progress,
                                   self.finish_button, self.finish_note, self.result, self._make_status()],
                         data=initial)
        self.add_class("medialit-widget")
        self.add_class("medialit-answer")
        self.add_class("medialit-skills-check")
        self._activate()
        self._start_data = self.empty_data()
        self._sync_controls()
        self._refresh()

    # ------------------------------------------------------------------ the record
    def empty_data(self) -> dict:
        return {"form": "", "phase": self.phase, "answers": {}, "written": "", "finished": False, "finished_at": ""}

    def clean(self, data: Any):
        if isinstance(data, dict):
            data = {**data, "phase": self.phase}
            if not data.get("form") and getattr(self, "learner", None):
                data["form"] = skillcheck.form_for(self.learner, self.phase)
        return schema.clean_skillcheck(data, strict=False)

    @property
    def form(self) -> skillcheck.Form | None:
        """The form on show (None until a learner id is chosen)."""
        letter = self.data.get("form") if isinstance(self.data, dict) else ""
        return skillcheck.load_form(letter) if letter else None

    def _take_in(self, record: dict | None) -> str:
        """Another tab saved this check since our last read or write. Once it was finished there,
        its answers are locked as they were then: they are taken whole (a stale tab must not change
        a locked check), and what this tab showed is kept in a ``.conflict`` copy if it differs."""
        theirs = record.get("data") if isinstance(record, dict) else None
        if not (isinstance(theirs, dict) and theirs.get("finished") is True):
            return super()._take_in(record)
        try:
            locked = self.normalise(copy.deepcopy(theirs))
        except Exception:  # noqa: BLE001 - their record is unusable: merge as any other work
            return super()._take_in(record)
        self._base_data, self._synced = self._synced, theirs
        mine = copy.deepcopy(self.data)
        self._quiet_set(locked)
        if mine == locked:
            return ""
        kept = store.keep_conflict_copy(self.activity, {"kind": self.kind, "data": mine},
                                        learner=self.learner, home=self.home)
        self.conflict_file = kept
        return (f"{ELSEWHERE} The check was finished there, so its answers are locked as they were then; "
                f"what this tab showed is kept in {display_path(kept)}.")

    @property
    def finished(self) -> bool:
        return bool(self.data.get("finished"))

    # ------------------------------------------------------------------ actions
    def set_answer(self, item_id: str, value) -> None:
        """Answer one item: an option value, a list of values for a "tick all" item, or None/""
        to clear it. Refused (ValueError) once the check is finished."""
        form = self._writable()
        item = form.item(item_id) if item_id in {i.id for i in form.auto_items} else None
        if item is None:
            raise ValueError(f"Form {form.id} has no question {item_id!r} to answer.")
        values = [value] if isinstance(value, str) and item.type == "multi" else value
        if item.type == "multi":
            values = [v for v in item.options if v in (values or [])]
            bad = [v for v in (value if isinstance(value, list) else []) if v not in item.options]
        else:
            bad = [value] if value not in (None, "") and value not in item.options else []
        if bad:
            raise ValueError(f"{bad[0]!r} is not an option of {item_id}; the options are {', '.join(item.options)}.")

        def change(data):
            if values in (None, "", []):
                data["answers"].pop(item_id, None)
            else:
                data["answers"][item_id] = values
        self._confirm = False
        self.update_data(change)

    def set_written(self, text: str) -> None:
        """Save the written answer (refused once the check is finished)."""
        self._writable()
        self._confirm = False
        self.update_data(lambda data: data.__setitem__("written", "" if text is None else str(text)))

    def finish(self, force: bool = False) -> bool:
        """Lock the answers and show the result. With questions unanswered, the first call (a first
        click) only says how many are left, unless ``force``; the next call finishes."""
        form = self.form
        if form is None or self.finished:
            return self.finished
        left = self.unanswered()
        if left and not (force or self._confirm):
            self._confirm = True
            numbers = {item.id: n for n, item in enumerate(form.items, 1)}
            which = ", ".join(str(numbers[i]) for i in left if i in numbers)
            one = len(left) == 1
            self.finish_note.value = (
                f"<p role='status' aria-live='polite'><b>{'Question' if one else 'Questions'} {esc(which)} "
                f"{'is' if one else 'are'} not answered yet.</b> Answer {'it' if one else 'them'}, or click "
                "<b>Finish</b> again to lock your answers as they are.</p>")
            return False
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.update_data(lambda data: data.update(finished=True, finished_at=stamp))
        self._sync_controls()
        return True

    def unanswered(self) -> list[str]:
        """The ids of the auto-scored items not answered yet (plus the written item if empty)."""
        form = self.form
        if form is None:
            return []
        answers = self.data.get("answers", {})
        left = [i.id for i in form.auto_items if i.id not in answers]
        written = form.written_item
        if written is not None and not self.data.get("written", "").strip():
            left.append(written.id)
        return left

    def _writable(self) -> skillcheck.Form:
        form = self.form
        if form is None:
            raise store.NoLearnerError()
        if self.finished:
            raise ValueError("This skills check is finished and its answers are locked.")
        return form

    # ------------------------------------------------------------------ controls
    def _build(self, form) -> None:
        self.controls = {}
        rows, shown = [], set()
        for n, item in enumerate(form.items, 1):
            if item.material not in shown:
                shown.add(item.material)
                rows.append(w.HTML(
                    "<div class='medialit-invented' role='note' style='white-space:pre-wrap;border-left:4px solid "
                    f"#0072B2;background:#f4f8fb;padding:6px 10px;margin:10px 0 4px 0'>{esc(form.materials[item.material].strip())}</div>"))
            rows.append(w.HTML(f"<p style='margin:8px 0 2px 0'><b>{n}. {esc(item.prompt)}</b></p>"))
            rows.append(self._control(item))
        self.items_box.children = rows
        self._built_form = form.id

    def _control(self, item):
        if item.type == "written":
            box = w.Textarea(placeholder="Two or three sentences (saved when you click outside the box)",
                             continuous_update=False, layout=_WIDE)
            box.observe(lambda ch: self._on_written(ch), "value")
            self.controls[item.id] = box
            return box
        if item.type == "multi":
            ticks = [w.Checkbox(value=False, description=f"{v}) {text}", indent=False, description_allow_html=False,
                                layout=w.Layout(width="auto")) for v, text in item.options.items()]
            for tick in ticks:
                tick.observe(lambda ch, iid=item.id: self._on_multi(iid), "value")
            self.controls[item.id] = ticks
            return w.VBox(ticks, layout=_WIDE)
        shown = (lambda v, t: t) if item.type == "label" else (lambda v, t: f"{v}) {t}")
        radio = w.RadioButtons(options=[("not answered yet", "")] + [(shown(v, t), v) for v, t in item.options.items()],
                               value="", layout=_WIDE, description_allow_html=False)
        radio.observe(lambda ch, iid=item.id: self._on_choice(iid, ch), "value")
        self.controls[item.id] = radio
        return radio

    def _on_choice(self, iid, change) -> None:
        if not self._syncing:
            self.set_answer(iid, change["new"] or None)

    def _on_multi(self, iid) -> None:
        if not self._syncing:
            item = self.form.item(iid)
            self.set_answer(iid, [v for v, t in zip(item.options, self.controls[iid], strict=True) if t.value])

    def _on_written(self, change) -> None:
        if not self._syncing:
            self.set_written(change["new"])

    def _sync_controls(self) -> None:
        form = self.form
        self._syncing = True
        try:
            if form is None:
                self.items_box.children = []
                self._built_form = None
            elif form.id != self._built_form:
                self._build(form)
            answers, locked = self.data.get("answers", {}), self.finished
            for item in form.items if form else ():
                ctl = self.controls[item.id]
                if item.type == "written":
                    ctl.value, ctl.disabled = self.data.get("written", ""), locked
                elif item.type == "multi":
                    for v, tick in zip(item.options, ctl, strict=True):
                        tick.value, tick.disabled = v in answers.get(item.id, []), locked
                else:
                    ctl.value, ctl.disabled = answers.get(item.id, ""), locked
            self.finish_button.disabled = form is None or locked
        finally:
            self._syncing = False

    # ------------------------------------------------------------------ what is shown
    def _refresh(self) -> None:
        form = self.form
        when = "before the unit" if self.phase == "before" else "after the unit"
        if form is None:
            self.head.value = f"<h4 style='margin:4px 0'>Skills check ({esc(when)})</h4>"
            self.why.value = ("<p>Choose your name first (see the box above): which form you take depends on it. "
                              "The questions appear as soon as a name is chosen.</p>")
            self.progress.value = self.result.value = self.finish_note.value = ""
            return
        self.head.value = f"<h4 style='margin:4px 0'>{esc(form.title)} ({esc(when)}, about {form.minutes} minutes)</h4>"
        why = (skillcheck.why_this_form(self.learner, self.phase) if form.id == skillcheck.form_for(self.learner, self.phase)
               else f"You are taking form {form.id}: the form you started earlier (your saved answers are kept).")
        self.why.value = (f"<p>{esc(why)}</p>"
                          "<p>Every text below is <b>invented for this check</b>: the people, places, accounts "
                          "and outlets do not exist. Tab moves between controls; arrow keys choose an answer.</p>")
        left = self.unanswered()
        total = len(form.items)
        self.progress.value = f"<p class='medialit-progress'><b>{total - len(left)} of {total} answered</b></p>"
        if not self.finished:
            self.result.value = ""
            if not self._confirm:
                self.finish_note.value = ("<p>Nothing is marked until you click <b>Finish</b>. After that your answers "
                                          "for this check are locked.</p>")
            return
        self.finish_note.value = ""
        self.result.value = self.result_html()

    def result_html(self) -> str:
        """The result shown after Finish: scores per skill; per-item feedback only after the unit."""
        form = self.form
        answers = self.data.get("answers", {})
        counts = {s: sum(1 for i in form.auto_items if i.skill == s) for s in skillcheck.SKILLS}
        mine = skillcheck.skill_scores(form.id, answers)
        parts = [f"<div role='status' aria-live='polite'><p><b>Finished. Your answers are locked.</b> "
                 f"Your score per skill: {esc(skills_line(mine, counts))}.</p>"]
        if self.phase == "before":
            parts.append("<p>You will see the right answers and the reasons after the unit, when you finish the "
                         "second skills check. (Until then the answers stay hidden: this check measures what you "
                         "knew before the unit, and half of your class takes this form afterwards.)</p></div>")
            return "".join(parts)
        before = self._before_scores()
        if before is not None:
            parts.append(f"<p>Before the unit (form {esc(before[0])}): {esc(skills_line(before[1], counts))}.</p>")
        parts.append("</div><ol>")
        for row in skillcheck.feedback_rows(form.id, answers):
            parts.append(
                f"<li><b>{esc(row['item'])}</b> ({esc(row['skill'])}): {esc(_mark(row['points']))}. "
                f"Your answer: {esc(row['your_answer'].rstrip('.'))}. Right answer: {esc(row['right_answer'].rstrip('.'))}. "
                f"{esc(row['feedback'])}</li>")
        parts.append("</ol>")
        written = form.written_item
        if written is not None:
            parts.append(f"<p><b>Your written answer</b> is scored by your teacher (0 to 2). {esc(written.feedback)}</p>")
        return "".join(parts)

    def _before_scores(self):
        """``(form, skill scores)`` of this learner's finished before check, or None."""
        if self.phase != "after" or self.learner is None:
            return None
        try:
            rec = store.get_activity(f"{skillcheck.ACTIVITY_PREFIX}:before", learner=self.learner, home=self.home)
        except (store.StoreError, OSError):
            return None
        if not isinstance(rec, dict) or rec.get("kind") != self.kind:
            return None
        clean, _ = schema.clean_skillcheck(rec.get("data"), strict=False)
        if not clean or not clean["finished"] or clean["form"] not in skillcheck.FORMS:
            return None
        return clean["form"], skillcheck.skill_scores(clean["form"], clean["answers"])

    #: Minutes per item for ``tools/lesson_budget.py``, on top of reading (the tool counts every
    #: word of the texts, questions and options shown). A choice is half a minute: the options are
    #: on screen and already counted as reading, nothing has to be looked up (a lesson's check()
    #: question, 1 minute, often sends the learner back into an article); a sentence label is
    #: 0.25 and a short written answer 3, as in the tool's COSTS.
    ITEM_MINUTES = {"choice": 0.5, "multi": 0.5, "label": 0.25, "written": 3.0}

    def activity_cost(self) -> tuple[str, float]:
        """``(what, minutes)`` for ``tools/lesson_budget.py``: the items of the form on show (form A
        when no learner is chosen yet; both forms cost the same, see :func:`skillcheck.balance_problems`)."""
        form = self.form or skillcheck.load_form("A")
        minutes = sum(self.ITEM_MINUTES[i.type] for i in form.items)
        return f"skills check: {len(form.auto_items)} questions + 1 written answer", minutes

    def to_frame(self):
        """One row per item: item, skill, type, answer (as the learner saw it)."""
        import pandas as pd

        form = self.form
        answers = self.data.get("answers", {})
        rows = [(i.id, i.skill, i.type, skillcheck.answer_text(i, self.data.get("written") if i.type == "written"
                                                                else answers.get(i.id))) for i in (form.items if form else ())]
        return pd.DataFrame(rows, columns=["item", "skill", "type", "answer"])

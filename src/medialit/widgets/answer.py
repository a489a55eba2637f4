"""Answer: an exercise question answered in a widget, not typed as Python.

``ml.Answer("02-ex1-attributed-wrong")`` reads the question from the keys (``data/keys/*.yaml``)
and picks its input from the question's ``type``:

==========================  ====================================================================
type in the key             input
==========================  ====================================================================
``choice``                  radio buttons with the key's ``choices`` (a list, or a mapping
                            ``value: text shown``)
``choice`` + ``article``    a sentence picker: the ``choices`` are sentence ids of that article,
                            each shown with its text
``text``                    a one-line text box (checked on Enter or when you leave the box)
``date``                    a text box with the hint "2024-02-10 or 10 February 2024"
``number``                  a text box for a number
``set``                     one checkbox per item of the key's ``choices``
``free``                    a text area with a live word count
``labels``                  no input of its own: give ``source=`` a widget whose ``data`` holds
                            ``{"labels": {"s004": {"label": ...}}}`` (a SentenceLabeller)
==========================  ====================================================================

Every change is checked at once with :func:`medialit.feedback.check`, so the learner sees the same
fixed feedback as ``ml.check`` gives, and the answer is saved by ``check()`` itself (activity
``check:<question id>``), where the dashboard reads it. The widget never marks anything itself.
The saved answer comes back when the cell runs again; the widget shows whose work it is and
follows a change of learner id at once. An answer given before a learner id is chosen is kept on
the page and saved as soon as one is chosen.

A learner's answer is never a test: ``MEDIALIT_STRICT=1`` (which makes ``ml.check`` raise on a
wrong answer, to test the model answers) does not apply to the widget.
"""
from __future__ import annotations

import copy
import json
from typing import Any

import ipywidgets as w

from .. import feedback, store
from .base import ELSEWHERE, KeyboardAssist, display_path, esc, follow_learner, merge3, owner_html

DATE_HINT = "2024-02-10 or 10 February 2024"
_WIDE = w.Layout(width="min(100%, 720px)")
#: Long choices (whole sentences) wrap onto several lines instead of running into each other.
STYLE = """<style>
.medialit-answer .widget-radio-box { height: auto; }
.medialit-answer .widget-radio-box label { display: flex; flex-direction: row-reverse; justify-content: flex-end;
  align-items: flex-start; gap: 6px; height: auto;
  min-height: 24px; line-height: 1.35; white-space: normal; overflow: visible; margin: 3px 0; }
.medialit-answer .widget-radio-box input[type="radio"] { flex: 0 0 auto; margin-top: 3px; }
.medialit-answer .widget-radio { height: auto; flex-wrap: wrap; }
.medialit-answer textarea { min-height: 8em; }
</style>"""


def question(question_id: str) -> dict:
    """The key's entry for ``question_id`` (a KeyError in plain words, with close ids, if none)."""
    qs = feedback.questions()
    if question_id not in qs:
        feedback.check(question_id, save=False)  # raises the KeyError with "Did you mean ...?"
    return qs[question_id]


def choice_options(q: dict, question_id: str) -> list[tuple[str, str]]:
    """``(text shown, value)`` for each of the key's ``choices`` (a list or a mapping)."""
    raw = q.get("choices")
    if isinstance(raw, dict):
        options = [(str(text), str(value)) for value, text in raw.items()]
    elif isinstance(raw, (list, tuple)):
        options = [(str(value), str(value)) for value in raw]
    else:
        raise ValueError(f"Question {question_id!r} has no 'choices' in its key, so the widget cannot offer any. "
                         "List them in the key (choices: [...]).")
    if not options:
        raise ValueError(f"Question {question_id!r} has an empty 'choices' list in its key.")
    return options


def sentence_options(q: dict, question_id: str) -> list[tuple[str, str]]:
    """``("s015: According to ...", "s015")`` for each sentence id among the key's ``choices``."""
    from ..data import load_article

    art = load_article(str(q["article"]))
    return [(f"{sid}: {art.sentence(sid).text}", sid) for _text, sid in choice_options(q, question_id)]


def _matching(value: Any, options: list[tuple[str, str]]) -> str | None:
    """The option value a saved answer stands for (same after :func:`feedback.norm`), or None."""
    wanted = feedback.norm(value)
    return next((v for _t, v in options if feedback.norm(v) == wanted), None)


def words_html(text: str, need: int) -> str:
    n = feedback.word_count(text)
    got = f"{n} word{'' if n == 1 else 's'}"
    goal = f" (at least {need})" if need > 1 else ""
    mark = " ✔" if need > 1 and n >= need else ""
    return f"<span class='medialit-word-count'>{got}{goal}{mark}</span>"


class Answer(w.VBox):
    """Answer one question of an exercise key in a widget; feedback and saving on every change.

    Parameters
    ----------
    question_id : str
        A question id of ``data/keys/*.yaml`` (``"02-ex1-justify"``).
    source : widget, optional
        For a ``labels`` question: the widget whose labels are the answer (a SentenceLabeller).
    table : callable, optional
        ``table(source)`` returns a DataFrame shown (escaped) under the feedback and redrawn on
        every change, e.g. ``rp.exercise_feedback``; ``columns`` picks its columns.
    """

    def __init__(self, question_id: str, *, source=None, table=None, columns=None):
        self.question_id = question_id
        self.table, self.columns = table, columns
        self.table_html = w.HTML()
        self.q = question(question_id)
        self.kind = self.q["type"]
        self.source = source
        self.learner = store.learner_or_none() if store.learner_chosen() else None
        self.pending = False  # an answer given before any learner id was chosen
        self._quiet = False
        self.owner_html = w.HTML(STYLE)
        self.feedback_html = w.HTML()
        self.feedback = None
        # the saved record's data ({"answer": ..., "correct": ...}) as this widget last read or wrote
        # it (None: no record), and for which learner: a save expects the file to hold it still, so
        # another tab or kernel that saved since is taken in, never overwritten unseen (see _save)
        self._synced_data: Any = None
        self._synced_for: str | None = None
        self.conflict_file = None
        controls = self._build()
        super().__init__(children=[self.owner_html, *controls, self.feedback_html, self.table_html,
                                   KeyboardAssist()])
        self.add_class("medialit-widget")
        self.add_class("medialit-answer")
        self._show_owner()
        follow_learner(self)
        self._restore()

    # ------------------------------------------------------------------ inputs
    def _build(self) -> list:
        kind = self.kind
        if kind == "labels":
            if self.source is None or not hasattr(self.source, "data"):
                raise ValueError(f"Question {self.question_id!r} is answered with labels: give the labeller, "
                                 f"ml.Answer({self.question_id!r}, source=labeller).")
            self.source.observe(lambda _ch: self._changed(), "data")
            return []
        if kind == "set":
            self.options = choice_options(self.q, self.question_id)
            self.boxes = [w.Checkbox(value=False, description=text, indent=False, layout=_WIDE,
                                     description_allow_html=False) for text, _v in self.options]
            for box in self.boxes:
                box.observe(lambda _ch: self._changed(), "value")
            return [w.HTML("<span>Tick every one that applies.</span>"), *self.boxes]
        self.input = self._make_input(kind)
        self.input.observe(lambda _ch: self._changed(), "value")
        if kind == "free":
            self.need = int(self.q.get("min_words", 1) or 1)
            self.words = w.HTML(words_html("", self.need))
            return [self.input, self.words]
        return [self.input]

    def _make_input(self, kind: str):
        common = {"description_allow_html": False, "style": {"description_width": "initial"}}
        if kind == "choice":
            if self.q.get("article"):
                self.options = sentence_options(self.q, self.question_id)
                label = "Sentence"
            else:
                self.options = choice_options(self.q, self.question_id)
                label = "Your answer"
            return w.RadioButtons(options=self.options, value=None, description=label, layout=_WIDE, **common)
        if kind == "free":
            return w.Textarea(value="", description="Your answer", placeholder="Write your answer here.",
                              continuous_update=True, rows=6, layout=_WIDE, **common)
        placeholder = {"date": DATE_HINT, "number": "a number, e.g. 12"}.get(kind, "Type your answer, then press Enter.")
        label = {"date": "Date", "number": "Number"}.get(kind, "Your answer")
        return w.Text(value="", description=label, placeholder=placeholder, continuous_update=False,
                      layout=_WIDE, **common)

    # ------------------------------------------------------------------ the answer
    @property
    def value(self) -> Any:
        """The answer as ``ml.check`` takes it (None when nothing is given yet)."""
        kind = self.kind
        if kind == "labels":
            labels = (getattr(self.source, "data", None) or {}).get("labels") or {}
            given = {sid: (labels.get(sid) or {}).get("label", "") for sid in self.q["answer"]}
            return {sid: label for sid, label in given.items() if label} or None
        if kind == "set":
            return [v for box, (_t, v) in zip(self.boxes, self.options, strict=True) if box.value] or None
        value = self.input.value
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def set_value(self, value: Any) -> None:
        """Put an answer in the input (as a learner would), which checks and saves it."""
        if self.kind == "labels":
            raise ValueError("A labels answer comes from its labeller: label the sentences there.")
        if self.kind == "set":
            chosen = {feedback.norm(v) for v in (value or [])}
            self._quiet = True
            try:
                for box, (_t, v) in zip(self.boxes, self.options, strict=True):
                    box.value = feedback.norm(v) in chosen
            finally:
                self._quiet = False
            self._changed()
            return
        if self.kind == "choice":
            match = _matching(value, self.options) if value is not None else None
            if value is not None and match is None:
                raise ValueError(f"{value!r} is not one of the choices: {', '.join(v for _t, v in self.options)}.")
            self.input.value = match
            return
        self.input.value = "" if value is None else str(value)

    def _changed(self) -> None:
        if self.kind == "free":
            self.words.value = words_html(self.input.value, self.need)
        if not self._quiet:
            self.check()

    def check(self, save: bool = True):
        """Check the answer on show (saving it, through ``ml.check``) and show the feedback."""
        answer = self.value
        if answer is None:
            self._show(None)
            return None
        if save and self.kind != "labels" and self.learner is not None and self._synced_for == self.learner:
            fb, answer, notice = self._save(answer)
        else:
            fb, notice = feedback.check(self.question_id, answer, save=save, strict=False), ""
        if notice:
            fb.details.append(notice)
        if save and fb.saved_to is not None:
            self._synced_data = json.loads(json.dumps(feedback.saved_data(answer, fb)))
            self._synced_for = self.learner
        if save:
            self.pending = fb.saved_to is None
            if not self.pending and self.learner is None:  # an id was chosen in another notebook meanwhile
                self.learner = store.learner_or_none()
                self._show_owner()
        self._show(fb)
        return fb

    #: How many times a save takes in another tab's answer and tries again before it gives up.
    WRITE_ATTEMPTS = 5
    #: The feedback line when another tab or window kept saving this question at every try.
    KEEPS_CHANGING = ("Your answer could not be saved: another tab or window keeps changing it. Close the other "
                      "tabs of this lesson, then change your answer to save it again. It is kept here until then.")

    def _save(self, answer: Any) -> tuple[Any, Any, str]:
        """Check and save ``answer`` (through :func:`feedback.check`) unless another tab or kernel
        of the same learner saved this question since this widget last read or wrote it; then
        take that answer in first (:meth:`_take_in_other`) and try again, at most
        :attr:`WRITE_ATTEMPTS` times. Returns the feedback, the answer checked (with the other
        tab's fields when they merged) and what the learner should know ("" when nothing
        happened elsewhere); never raises because of the other tab."""
        notice, copied = "", None
        for _ in range(self.WRITE_ATTEMPTS):
            try:
                fb = feedback.check(self.question_id, answer, save=True, strict=False, expect=self._synced_data)
            except store.ChangedElsewhere as exc:
                answer, found = self._take_in_other(answer, exc.current)
                notice = found or notice
                if found and self.conflict_file is not None and display_path(self.conflict_file) in found:
                    copied = self.conflict_file
                continue
            return fb, answer, notice
        fb = feedback.check(self.question_id, answer, save=False, strict=False)
        fb.details.append(self.KEEPS_CHANGING)
        if copied is not None:  # the notice said ours was saved: it was not, only theirs was copied
            notice = f"{ELSEWHERE} The other answer is kept in {display_path(copied)}."
        return fb, answer, notice

    @property
    def _synced_answer(self) -> Any:
        """The saved answer as this widget last read or wrote it (None: none)."""
        return self._synced_data.get("answer") if isinstance(self._synced_data, dict) else None

    def _take_in_other(self, answer: Any, record: dict | None) -> tuple[Any, str]:
        """Another tab or kernel of the same learner saved ``record`` for this question (the record
        in the file now; None when there is none) since this widget last read or wrote it: answers
        made of fields merge field by field (:func:`merge3`), what is on show taking the other
        tab's fields; otherwise ours is saved and theirs is kept in a ``.conflict`` copy. The next
        save expects ``record``. Returns the answer to save and what the learner should read
        ("" when nothing changed)."""
        base_answer = self._synced_answer
        data = record.get("data") if isinstance(record, dict) else None
        self._synced_data = copy.deepcopy(data)
        theirs = data.get("answer") if isinstance(data, dict) else None
        if theirs == base_answer or theirs is None or theirs == answer:
            return answer, ""
        clashes = ["answer"]
        if isinstance(answer, dict) and isinstance(theirs, dict):
            base = base_answer if isinstance(base_answer, dict) else {}
            merged, clashes = merge3(base, theirs, answer)
            if merged != answer:
                self._quiet = True
                try:
                    self._put_saved(merged)
                finally:
                    self._quiet = False
                answer = self.value if self.value is not None else merged
        if not clashes:
            return answer, f"{ELSEWHERE} Its answers were added to yours here."
        if self.conflict_file is not None and self._synced_for == self.learner and self.kind == "free":
            # two tabs both typing: one copy of the other's text per widget, not one per key press
            return answer, (f"{ELSEWHERE} Yours, as shown here, is saved; an earlier version of the other answer "
                            f"is kept in {display_path(self.conflict_file)}. Close one of the two tabs.")
        try:
            kept = store.keep_conflict_copy(f"check:{self.question_id}", copy.deepcopy(record), learner=self.learner)
        except (store.StoreError, store.LearnerIdError, OSError):
            return answer, ELSEWHERE
        self.conflict_file = kept
        return answer, (f"{ELSEWHERE} Yours, as shown here, is saved; the other answer is kept in "
                        f"{display_path(kept)}.")

    # ------------------------------------------------------------------ showing
    def _show(self, fb) -> None:
        self.feedback = fb
        self._draw_table()
        if fb is not None:
            self.feedback_html.value = fb._repr_html_()
            return
        if self.kind == "labels":
            text = "Not answered yet: label at least one sentence above; the feedback appears here as you label."
        elif self.kind == "free":
            text = "Not answered yet: write your answer in the box. It is saved for your teacher as you type."
        else:
            text = "Not answered yet: give your answer above; the feedback appears here at once."
        if self.kind != "labels" and self._saved_answer() is not None:
            text += " (An empty answer is not saved: your last answer stays saved until you give a new one.)"
        self.feedback_html.value = (f"<div class='medialit-feedback-empty' role='status' style='border-left:6px solid "
                                    f"#555555;padding:4px 10px;margin:4px 0'>… {esc(text)}</div>")

    def _draw_table(self) -> None:
        if self.table is None:
            return
        from ..display import html_table

        try:
            frame = self.table(self.source if self.source is not None else self.value)
            rows = f"{len(frame)} row{'' if len(frame) == 1 else 's'}"
            fold = f"Show the same feedback as a table ({rows}, opens with a click or Enter)"
            self.table_html.value = html_table(frame, self.columns, fold=fold)._repr_html_()
        except Exception as exc:  # a table that cannot be drawn must not stop the feedback above
            self.table_html.value = f"<p>The table could not be drawn: {esc(exc)}</p>"

    def _show_owner(self) -> None:
        if self.learner is None:
            line = owner_html(store.no_learner_message() + " Your answer is kept here until then.", ok=False)
        else:
            line = owner_html(f"Saving as: {self.learner}", ok=True)
        self.owner_html.value = STYLE + line

    # ------------------------------------------------------------------ saved work
    def _saved_data(self) -> Any:
        """The saved record's ``data`` of this question for the learner (None: none, or unreadable)."""
        if self.learner is None:
            return None
        try:
            record = store.get_activity(f"check:{self.question_id}", learner=self.learner)
        except (store.StoreError, store.LearnerIdError, OSError):
            return None
        return copy.deepcopy((record or {}).get("data"))

    def _saved_answer(self) -> Any:
        data = self._saved_data()
        return data.get("answer") if isinstance(data, dict) else None

    def _restore(self) -> None:
        """Show the learner's saved answer and its feedback, without saving anything."""
        data = None if self.kind == "labels" else self._saved_data()
        saved = data.get("answer") if isinstance(data, dict) else None
        self._synced_data, self._synced_for = data, self.learner
        note = ""
        self._quiet = True
        try:
            if saved is not None:
                note = self._put_saved(saved)
        finally:
            self._quiet = False
        if self.kind == "free":
            self.words.value = words_html(self.input.value, self.need)
        if self.value is None and saved is None:
            self._show(None)
            return
        fb = feedback.check(self.question_id, saved if note else self.value, save=False, strict=False)
        if note:
            fb.details.append(note)
        self._show(fb)

    def _put_saved(self, saved: Any) -> str:
        """Show ``saved`` in the input; return a note when it cannot be shown there."""
        if self.kind == "set":
            items = saved if isinstance(saved, list) else [saved]
            chosen = {feedback.norm(v) for v in items}
            for box, (_t, v) in zip(self.boxes, self.options, strict=True):
                box.value = feedback.norm(v) in chosen
            return ""
        if self.kind == "choice":
            match = _matching(saved, self.options)
            self.input.value = match
            return "" if match is not None else (f"Your saved answer was {str(saved)!r}, which is not one of the "
                                                 "choices above: choose one to replace it.")
        self.input.value = saved if isinstance(saved, str) else str(saved)
        return ""

    def _follow_learner(self, new_id: str) -> None:
        """The learner id in use changed: save an answer given before any id was chosen under the
        new id, or else show the new learner's saved answer."""
        if new_id == self.learner:
            return
        pending = self.pending or (self.learner is None and self.value is not None)
        self.learner = new_id
        self._show_owner()
        if pending:
            self.check()
            return
        if self.kind == "labels":
            return  # the labeller switches to the new learner's labels, which checks them here
        self._clear()
        self._restore()

    def _clear(self) -> None:
        """Empty the input without checking or saving anything."""
        self._quiet = True
        try:
            for box in getattr(self, "boxes", []):
                box.value = False
            if self.kind in ("choice",):
                self.input.value = None
            elif self.kind not in ("set", "labels"):
                self.input.value = ""
        finally:
            self._quiet = False

    def __repr__(self) -> str:
        return f"Answer({self.question_id!r}, type={self.kind!r})"

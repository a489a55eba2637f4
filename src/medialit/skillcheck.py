"""The skills check: two parallel forms (A and B) taken before and after the unit.

Each form (``data/skillcheck/form_a.yaml``, ``form_b.yaml``) has twelve auto-scored items, four
per skill (:data:`SKILLS`), plus one written answer that the teacher scores 0-2 with the form's
rubric. Every text in a form is invented for the check and says so.

**Parallel forms.** Item *k* of form A and item *k* of form B test the same move (``move``), with
the same skill, type and difficulty tag, on different material. :func:`balance_problems` checks
this (``tests/test_skillcheck.py`` runs it), so the before and after scores are comparable.
:func:`cue_problems` checks that the options give the answer away to no test-wise strategy (always
the longest option, the shortest, or the same letter), so a score measures the skill.

**Counterbalancing** (:func:`form_for`). Which form a learner takes first is decided by a fixed
rule: the SHA-256 digest of the learner id (trimmed and lower-cased, so "Alice" and "alice " get the
same form); if its last byte is even the learner takes A before the unit and B after, otherwise
B before and A after. The rule needs no roster and gives the same answer on every machine, so a
restarted kernel or another computer never switches a learner's form. Over a class, about half
take each order (like a coin toss per learner: in a class of 30, 95 % of classes fall between 10
and 20 taking A first). Every learner takes a different form before and after.

**Scoring** (:func:`score`, :func:`skill_scores`) is deterministic:

* ``choice`` and ``label`` items: 1 point for the key's answer, 0 otherwise;
* ``multi`` items (tick all that apply): ``max(0, right ticks - wrong ticks) / number of right
  options``, so ticking everything scores 0 (or less, counted as 0), each right tick is worth the
  same, and a wrong tick cancels a right one;
* unanswered items, answers of the wrong type and values that are not among the options: 0;
* the ``written`` item is not part of the score (the teacher scores it with its ``rubric``).

The answers a learner saves are ``{item id: option value}`` (a list of values for ``multi``),
as in the ``skillcheck`` record of :mod:`medialit.schema`.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

SKILLS = ("provenance", "opinion", "claims")
PHASES = ("before", "after")
FORMS = ("A", "B")
#: Item types: ``choice`` (one option), ``multi`` (tick all that apply), ``label`` (one of the five
#: labels of lesson 02), ``written`` (a short text scored by the teacher 0-2).
ITEM_TYPES = ("choice", "multi", "label", "written")
AUTO_TYPES = ("choice", "multi", "label")
DIFFICULTIES = (1, 2, 3)
#: The activity id of the saved record of each phase (``skills-check:before``...).
ACTIVITY_PREFIX = "skills-check"
#: The words every piece of material must contain (the texts are invented, and must say so).
INVENTED_MARK = "invented for this check"


class SkillCheckError(ValueError):
    """A form file that does not have the documented shape, or a bad form or phase name."""


@dataclass(frozen=True)
class Item:
    """One item of a form. ``options`` maps each answer value to the text shown; ``answer`` is a
    value (a tuple of values for ``multi``); ``rubric`` (written items only) maps 0, 1, 2 to what
    earns that score."""

    id: str
    skill: str
    difficulty: int
    move: str
    type: str
    material: str
    prompt: str
    options: dict = field(default_factory=dict)
    answer: Any = None
    feedback: str = ""
    rubric: dict = field(default_factory=dict)

    @property
    def auto(self) -> bool:
        """True for items scored by :func:`score` (every type but ``written``)."""
        return self.type in AUTO_TYPES


@dataclass(frozen=True)
class Form:
    """A parsed form: its letter, title, minutes, materials (id -> text) and items in order."""

    id: str
    title: str
    minutes: int
    materials: dict
    items: tuple

    @property
    def auto_items(self) -> tuple:
        return tuple(i for i in self.items if i.auto)

    @property
    def written_item(self) -> Item | None:
        return next((i for i in self.items if i.type == "written"), None)

    def item(self, item_id: str) -> Item:
        for i in self.items:
            if i.id == item_id:
                return i
        raise KeyError(f"Form {self.id} has no item {item_id!r}.")


def check_form_id(form_id: Any) -> str:
    """``"A"`` or ``"B"`` (lower case accepted); a plain SkillCheckError otherwise."""
    if isinstance(form_id, str) and form_id.strip().upper() in FORMS:
        return form_id.strip().upper()
    raise SkillCheckError(f"There is no skills-check form {str(form_id)[:20]!r}; the forms are A and B.")


def check_phase(phase: Any) -> str:
    """``"before"`` or ``"after"``; a plain SkillCheckError otherwise."""
    if isinstance(phase, str) and phase.strip().lower() in PHASES:
        return phase.strip().lower()
    raise SkillCheckError(f"The phase must be 'before' (before the unit) or 'after' (after it), not {str(phase)[:20]!r}.")


def label_options() -> dict:
    """The five labels of lesson 02 (the same set as ``data/keys/sentence_labels.yaml``)."""
    from .reporting.labels import LABELS

    return {name: name for name in LABELS}


# ---------------------------------------------------------------- reading and checking a form


def load_form(form_id: str) -> Form:
    """Form ``"A"`` or ``"B"``, read from ``data/skillcheck/`` (its sha256 checked) and validated."""
    from . import data

    form_id = check_form_id(form_id)
    path = data.data_file("skillcheck", f"form_{form_id.lower()}")
    st = path.stat()
    return _parsed(str(path), st.st_mtime_ns, st.st_size, form_id)


@functools.lru_cache(maxsize=8)
def _parsed(path: str, mtime_ns: int, size: int, form_id: str) -> Form:
    from .data import read_yaml

    with open(path, encoding="utf-8") as fh:
        doc = read_yaml(fh)
    return parse_form(doc, form_id)


def parse_form(doc: Any, form_id: str) -> Form:
    """A :class:`Form` from a parsed YAML document; SkillCheckError naming every problem."""
    problems = form_problems(doc, form_id)
    if problems:
        raise SkillCheckError(f"Skills-check form {form_id} has problems: " + "; ".join(problems) + ".")
    labels = label_options()
    items = []
    for it in doc["items"]:
        opts = labels if it.get("options") == "labels" else {str(k): str(v) for k, v in (it.get("options") or {}).items()}
        answer = it.get("answer")
        answer = tuple(str(a) for a in answer) if isinstance(answer, list) else (None if answer is None else str(answer))
        items.append(Item(id=it["id"], skill=it["skill"], difficulty=it["difficulty"], move=it["move"], type=it["type"],
                          material=it["material"], prompt=it["prompt"], options=opts, answer=answer,
                          feedback=it.get("feedback", ""), rubric={int(k): str(v) for k, v in (it.get("rubric") or {}).items()}))
    return Form(id=doc["form"], title=doc["title"], minutes=int(doc["minutes"]),
                materials={str(k): str(v) for k, v in doc["materials"].items()}, items=tuple(items))


def form_problems(doc: Any, form_id: str) -> list[str]:
    """Every way ``doc`` differs from the documented form shape (empty when it is sound)."""
    if not isinstance(doc, dict):
        return ["the file is not a mapping"]
    out = []
    if doc.get("form") != form_id:
        out.append(f"its 'form' is {doc.get('form')!r}, not {form_id!r}")
    for key in ("title", "minutes", "materials", "items"):
        if key not in doc:
            out.append(f"it has no {key!r}")
    materials = doc.get("materials") if isinstance(doc.get("materials"), dict) else {}
    for mid, text in materials.items():
        if not isinstance(text, str) or INVENTED_MARK not in text.lower():
            out.append(f"material {mid} does not say it is {INVENTED_MARK!r}")
    items = doc.get("items") if isinstance(doc.get("items"), list) else []
    seen: set = set()
    labels = set(label_options())
    for n, it in enumerate(items, 1):
        out += _item_problems(it, n, form_id, seen, materials, labels)
    if sum(1 for it in items if isinstance(it, dict) and it.get("type") == "written") != 1:
        out.append("a form needs exactly one written item")
    return out


def _item_problems(it: Any, n: int, form_id: str, seen: set, materials: dict, labels: set) -> list[str]:
    """The problems of item number ``n`` (``seen`` collects the ids met so far)."""
    out: list[str] = []
    if not isinstance(it, dict):
        return [f"item {n} is not a mapping"]
    iid = it.get("id", f"#{n}")
    if iid in seen:
        out.append(f"item id {iid} is used twice")
    seen.add(iid)
    if not (isinstance(iid, str) and iid.startswith(f"{form_id}-")):
        out.append(f"item id {iid!r} does not start with '{form_id}-'")
    for key in ("skill", "difficulty", "move", "type", "material", "prompt"):
        if key not in it:
            out.append(f"item {iid} has no {key!r}")
    if it.get("skill") not in SKILLS:
        out.append(f"item {iid} has skill {it.get('skill')!r} (not one of {', '.join(SKILLS)})")
    if it.get("difficulty") not in DIFFICULTIES:
        out.append(f"item {iid} has difficulty {it.get('difficulty')!r} (not 1, 2 or 3)")
    if it.get("material") not in materials:
        out.append(f"item {iid} uses material {it.get('material')!r}, which the form does not have")
    out += _answer_problems(it, iid, labels)
    return out


def _answer_problems(it: dict, iid: str, labels: set) -> list[str]:
    kind, answer, options = it.get("type"), it.get("answer"), it.get("options")
    if kind not in ITEM_TYPES:
        return [f"item {iid} has type {kind!r} (not one of {', '.join(ITEM_TYPES)})"]
    if kind == "written":
        rubric = it.get("rubric")
        ok = isinstance(rubric, dict) and {int(k) for k in rubric if str(k).isdigit()} == {0, 1, 2}
        return [] if ok else [f"written item {iid} needs a rubric for the scores 0, 1 and 2"]
    if kind == "label":
        values = labels if options == "labels" else None
        if values is None:
            return [f"label item {iid} must have 'options: labels'"]
    else:
        if not isinstance(options, dict) or len(options) < 2:
            return [f"item {iid} needs at least two options"]
        values = {str(k) for k in options}
    if not it.get("feedback"):
        return [f"item {iid} has no feedback"]
    if kind == "multi":
        if not (isinstance(answer, list) and answer and all(str(a) in values for a in answer)):
            return [f"multi item {iid} needs a list of right options from its options"]
        return []
    return [] if str(answer) in values else [f"the answer of item {iid} ({answer!r}) is not one of its options"]


def item_options(form_id: str) -> dict:
    """``{item id: (type, allowed values)}`` of a form (written items allow any text); used by
    :func:`medialit.schema.clean_skillcheck` to check saved answers."""
    return {i.id: (i.type, tuple(i.options)) for i in load_form(form_id).items}


def balance_problems(a: Form, b: Form) -> list[str]:
    """How two forms fail to be parallel: the same number of items per skill, the same multiset
    of difficulty tags per skill, and item *k* of each with the same skill, type, difficulty and
    move (empty when they are balanced)."""
    out = []
    if len(a.items) != len(b.items):
        out.append(f"form {a.id} has {len(a.items)} items, form {b.id} {len(b.items)}")
    for skill in SKILLS:
        da = sorted(i.difficulty for i in a.auto_items if i.skill == skill)
        db = sorted(i.difficulty for i in b.auto_items if i.skill == skill)
        if len(da) != len(db):
            out.append(f"{skill}: {len(da)} items in form {a.id}, {len(db)} in form {b.id}")
        elif da != db:
            out.append(f"{skill}: difficulties {da} in form {a.id}, {db} in form {b.id}")
    for k, (x, y) in enumerate(zip(a.items, b.items, strict=False), 1):
        for attr in ("skill", "type", "difficulty", "move"):
            if getattr(x, attr) != getattr(y, attr):
                out.append(f"item {k} ({x.id} / {y.id}) differs in {attr}: {getattr(x, attr)!r} / {getattr(y, attr)!r}")
        if x.type == "multi" and y.type == "multi" and (len(x.options), len(x.answer)) != (len(y.options), len(y.answer)):
            out.append(f"item {k} ({x.id} / {y.id}): a different number of options or right options")
    return out


#: How far above chance a test-wise strategy may score on a form's ``choice`` items (one item in
#: eight): see :func:`cue_problems`.
CUE_MARGIN = 0.125


def strategy_scores(form: Form) -> dict:
    """The expected share of a form's ``choice`` items that test-wise strategies get right without
    reading the question: ``"longest"`` and ``"shortest"`` (pick the option with the most / fewest
    characters; a tie is split evenly, as if the learner picked one of the tied options at random)
    and ``"always a"``, ``"always b"``... (always pick that letter); plus ``"chance"`` (guessing).
    Empty for a form with no choice items."""
    items = [i for i in form.auto_items if i.type == "choice"]
    if not items:
        return {}

    def share(pick) -> float:
        return sum(1 / len(p) if i.answer in p else 0.0 for i in items for p in [pick(i.options)]) / len(items)

    def by_length(options: dict, best) -> list:
        target = best(len(t) for t in options.values())
        return [v for v, t in options.items() if len(t) == target]

    out = {"chance": sum(1 / len(i.options) for i in items) / len(items),
           "longest": share(lambda o: by_length(o, max)), "shortest": share(lambda o: by_length(o, min))}
    for letter in sorted({v for i in items for v in i.options}):
        out[f"always {letter}"] = share(lambda o, v=letter: [v] if v in o else [])
    return out


def cue_problems(form: Form, margin: float = CUE_MARGIN) -> list[str]:
    """The test-wise strategies of :func:`strategy_scores` that score more than chance + ``margin``
    on the form's choice items (empty when the options give no such cue): a right answer that is
    always the longest, most careful option, or always under the same letter, would let a learner
    score well without the skill, and the gain from before to after would partly measure that."""
    scores = strategy_scores(form)
    chance = scores.get("chance", 0.0)
    return [f"form {form.id}: '{name}' gets {value:.0%} of the choice items right (chance is {chance:.0%})"
            for name, value in scores.items() if name != "chance" and value > chance + margin + 1e-9]


# ---------------------------------------------------------------- counterbalancing


def form_for(learner_id: str, phase: str) -> str:
    """The form (``"A"`` or ``"B"``) that ``learner_id`` takes in ``phase`` (see the module's
    docstring for the rule). The two phases of one learner always get different forms."""
    phase = check_phase(phase)
    if not isinstance(learner_id, str) or not learner_id.strip():
        raise SkillCheckError("A learner id is needed to choose the form (choose your name first).")
    a_first = hashlib.sha256(learner_id.strip().lower().encode("utf-8")).digest()[-1] % 2 == 0
    return ("A" if a_first else "B") if phase == "before" else ("B" if a_first else "A")


def why_this_form(learner_id: str, phase: str) -> str:
    """One plain sentence saying which form ``learner_id`` takes in ``phase``, and why."""
    form = form_for(learner_id, phase)
    other = "B" if form == "A" else "A"
    when = "before the unit" if check_phase(phase) == "before" else "after the unit"
    then = (f"after the unit you will take form {other}" if phase == "before"
            else f"before the unit you took (or should have taken) form {other}")
    return (f"You take form {form} {when}; {then}. Both test the same skills on other invented texts. "
            "Half the class starts with A, half with B: a fixed rule on your name decides, so your form never changes.")


# ---------------------------------------------------------------- scoring


def item_points(item: Item, answer: Any) -> float:
    """Points (0 to 1) for one auto-scored item (see the module's docstring for the rules)."""
    if not item.auto or answer is None:
        return 0.0
    if item.type == "multi":
        picks = [answer] if isinstance(answer, str) else answer
        if not isinstance(picks, (list, tuple)):
            return 0.0
        picks = {p for p in picks if isinstance(p, str) and p in item.options}
        right = len(picks & set(item.answer))
        wrong = len(picks - set(item.answer))
        return max(0, right - wrong) / len(item.answer)
    return 1.0 if isinstance(answer, str) and answer == item.answer else 0.0


def score(form_id: str, answers: Any):
    """One row per auto-scored item of the form: ``item, skill, difficulty, points, max_points``
    (unanswered items and answers that are not a mapping score 0)."""
    import pandas as pd

    form = load_form(form_id)
    answers = answers if isinstance(answers, dict) else {}
    rows = [(i.id, i.skill, i.difficulty, item_points(i, answers.get(i.id)), 1.0) for i in form.auto_items]
    return pd.DataFrame(rows, columns=["item", "skill", "difficulty", "points", "max_points"])


def skill_scores(form_id: str, answers: Any) -> dict:
    """``{skill: fraction of points (0..1)}`` for each of :data:`SKILLS`, plus ``"overall"``."""
    form = load_form(form_id)
    answers = answers if isinstance(answers, dict) else {}
    got = {s: 0.0 for s in SKILLS}
    top = {s: 0.0 for s in SKILLS}
    for i in form.auto_items:
        got[i.skill] += item_points(i, answers.get(i.id))
        top[i.skill] += 1.0
    out = {s: got[s] / top[s] if top[s] else 0.0 for s in SKILLS}
    out["overall"] = sum(got.values()) / sum(top.values()) if sum(top.values()) else 0.0
    return out


def answer_text(item: Item, answer: Any) -> str:
    """An answer as the learner saw it (option texts), or "(not answered)"."""
    if answer in (None, "", [], ()):
        return "(not answered)"
    values = [answer] if isinstance(answer, str) else list(answer) if isinstance(answer, (list, tuple)) else []
    if item.type == "written":
        return str(answer)
    return "; ".join(item.options.get(v, str(v)) if isinstance(v, str) else str(v) for v in values) or "(not answered)"


def feedback_rows(form_id: str, answers: Any) -> list[dict]:
    """Per-item feedback after the form is finished: ``item, skill, your_answer, right_answer,
    points, feedback`` for each auto-scored item, in form order."""
    form = load_form(form_id)
    answers = answers if isinstance(answers, dict) else {}
    out = []
    for i in form.auto_items:
        given = answers.get(i.id)
        right = list(i.answer) if i.type == "multi" else [i.answer]
        out.append({"item": i.id, "skill": i.skill, "your_answer": answer_text(i, given),
                    "right_answer": answer_text(i, right), "points": item_points(i, given), "feedback": i.feedback})
    return out

"""Made-up skills-check results (before and after the unit) for the synthetic class.

Used by ``tools/synthetic_class.py`` (``make_class(..., effect=...)``) and the tests. Nothing here
is real learner work.

**The model.** Each learner has an ability ``a`` (normal, mean :data:`ABILITY_MEAN`, sd
:data:`ABILITY_SD`); an item's difficulty tag (1, 2, 3) sets ``b`` (:data:`DIFFICULTY`). Before the
unit the learner answers an item right with probability ``p = 1 / (1 + exp(-(a - b)))``; after the
unit with ``p + g (1 - p)``, where ``g`` is the **true normalised gain** of the item's skill (the
``effect`` option). So the expected class means obey ``after = before + g (1 - before)`` for every
skill: ``g`` is exactly the class's normalised gain that :mod:`medialit.analysis.learning` estimates,
and ``g = 0`` (:data:`NO_EFFECT`) is a unit that changes nothing. Forms follow
:func:`medialit.skillcheck.form_for` (counterbalanced); the two forms have the same skills and
difficulty tags item by item, so which form comes first does not change ``p``.

A right answer is the key's answer; a wrong one is another option (for "tick all" items: one
wrong option, or one right and one wrong, both worth 0 points), or no answer at all. A few learners
miss one of the two checks, and a few do not finish the second one, so the dashboard shows who is
left out. Random draws come from their own generator (seeded from ``seed``), so adding the skills
check leaves every other activity of the synthetic class as it was.
"""
from __future__ import annotations

import datetime as _dt
import math
import random

from medialit import skillcheck

#: Default true normalised gain per skill: moderate (Hake's "medium-g" range is 0.3 to 0.7).
DEFAULT_EFFECT = {"provenance": 0.35, "opinion": 0.45, "claims": 0.3}
NO_EFFECT = {s: 0.0 for s in skillcheck.SKILLS}
ABILITY_MEAN, ABILITY_SD = 0.2, 0.9
DIFFICULTY = {1: -1.0, 2: 0.0, 3: 1.0}
#: Chance that a learner misses the check before / after, and does not finish the one after.
MISS_BEFORE, MISS_AFTER, UNFINISHED_AFTER = 0.03, 0.04, 0.03
#: Chance that a wrong answer is left blank.
BLANK = 0.15
WRITTEN = ("I would look for the original source first.", "The post names no source, so I would not share it yet.",
           "Check the official website of the people it is about.", "It sounds true but I do not know.",
           "Look for a second outlet that did its own reporting.", "Ask who wrote it and when.",
           "The words 'could reach' mean it is not sure.", "I would search the names in another tab.")


def parse_effect(text: str | None, *, none: bool = False) -> dict:
    """``effect`` from the command line: ``None`` -> :data:`DEFAULT_EFFECT`; ``"0.4"`` -> every
    skill 0.4; ``"provenance=0.3,claims=0.5"`` -> those skills (others keep their default);
    ``none=True`` -> :data:`NO_EFFECT`. Each value must be between 0 and 1 (a plain ValueError)."""
    if none:
        return dict(NO_EFFECT)
    out = dict(DEFAULT_EFFECT)
    if text is None or not str(text).strip():
        return out
    parts = [p.strip() for p in str(text).split(",") if p.strip()]
    if len(parts) == 1 and "=" not in parts[0]:
        out = {s: _value(parts[0]) for s in skillcheck.SKILLS}
        return out
    for part in parts:
        skill, _, value = part.partition("=")
        if skill.strip() not in skillcheck.SKILLS:
            raise ValueError(f"Unknown skill {skill.strip()!r} in --effect; the skills are "
                             f"{', '.join(skillcheck.SKILLS)}.")
        out[skill.strip()] = _value(value)
    return out


def effect_option(effect: dict | None) -> str:
    """The command-line option that gives ``effect`` ("" for the default, ``--no-effect`` for none)."""
    if effect is None or effect == DEFAULT_EFFECT:
        return ""
    if all(v == 0 for v in effect.values()):
        return "--no-effect"
    return "--effect " + ",".join(f"{k}={effect[k]:g}" for k in skillcheck.SKILLS if k in effect)


def _value(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise ValueError(f"--effect needs numbers between 0 (no effect) and 1, not {text.strip()!r}.") from None
    if not 0.0 <= v <= 1.0:  # NaN fails this too
        raise ValueError(f"--effect needs numbers between 0 (no effect) and 1, not {v}.")
    return v


def _wrong(rng: random.Random, item) -> object:
    if rng.random() < BLANK:
        return None
    others = sorted(v for v in item.options if v not in (item.answer if item.type == "multi" else (item.answer,)))
    if item.type == "multi":
        if rng.random() < 0.5:
            return [rng.choice(others)]
        return sorted([rng.choice(sorted(item.answer)), rng.choice(others)])
    return rng.choice(others)


def _answers(rng: random.Random, form, ability: float, effect: dict, after: bool) -> dict:
    out = {}
    for item in form.auto_items:
        p = 1.0 / (1.0 + math.exp(-(ability - DIFFICULTY[item.difficulty])))
        if after:
            p += effect.get(item.skill, 0.0) * (1.0 - p)
        value = (list(item.answer) if item.type == "multi" else item.answer) if rng.random() < p \
            else _wrong(rng, item)
        if value is not None:
            out[item.id] = value
    return out


def _stamp(t: _dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


#: What :data:`GAPS` can do to a learner's skills check (the dashboard must leave them out and count them).
GAP_KINDS = ("no before", "no after", "after unfinished")


def records(learners: list[str], seed: int, effect: dict | None = None, *, before_at: _dt.datetime,
            after_at: dict, gaps: dict | None = None) -> dict:
    """``{learner: {activity id: record}}``: each learner's ``skills-check:before`` and
    ``skills-check:after`` activities (kind ``skillcheck``) as the widget saves them. ``before_at``:
    when the class took the check before the unit; ``after_at``: ``{learner: ISO time}`` of the
    check after it (the synthetic class uses each learner's export time). ``gaps``: ``{learner: one of
    GAP_KINDS}`` forced on top of the random ones (the committed class uses it, so that its
    dashboard always shows learners who are left out)."""
    effect = DEFAULT_EFFECT if effect is None else effect
    rng = random.Random(f"skills-check:{seed}")
    forms = {f: skillcheck.load_form(f) for f in skillcheck.FORMS}
    out = {}
    for learner in learners:
        ability = rng.gauss(ABILITY_MEAN, ABILITY_SD)
        takes = {"before": rng.random() >= MISS_BEFORE, "after": rng.random() >= MISS_AFTER}
        finishes_after = rng.random() >= UNFINISHED_AFTER
        gap = (gaps or {}).get(learner)
        if gap is not None and gap not in GAP_KINDS:
            raise ValueError(f"Unknown gap {gap!r}; use one of {', '.join(GAP_KINDS)}.")
        takes["before"] &= gap != "no before"
        takes["after"] &= gap != "no after"
        finishes_after &= gap != "after unfinished"
        t_before = before_at + _dt.timedelta(minutes=rng.randint(0, 40), seconds=rng.randint(0, 59))
        acts = {}
        for phase in skillcheck.PHASES:
            form = forms[skillcheck.form_for(learner, phase)]
            answers = _answers(rng, form, ability, effect, after=phase == "after")
            written = " ".join(rng.sample(WRITTEN, rng.randint(1, 3)))
            if not takes[phase]:
                continue
            finished = phase == "before" or finishes_after
            if not finished:  # stopped part-way: the first items only
                answers = dict(list(answers.items())[: rng.randint(2, 6)])
            when = _stamp(t_before) if phase == "before" else after_at[learner]
            acts[f"{skillcheck.ACTIVITY_PREFIX}:{phase}"] = {
                "kind": "skillcheck", "article": None, "updated": when,
                "data": {"form": form.id, "phase": phase, "answers": answers,
                         "written": written if finished else "", "finished": finished,
                         "finished_at": when if finished else ""}}
        out[learner] = acts
    return out

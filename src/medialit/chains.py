"""Republication chains (lesson 01): the key of the chain builder, feedback on a learner's chain,
and the chain diagrams and tables the lesson shows as the key.

A chain runs from the original publication to the copy we study, oldest step first. The key
(``data/keys/01_chains.yaml``) lists, per case article, the steps of the chain recorded in the
article's manifest entry (same order) and a few *distractors*: steps that do not belong, each
with the reason a learner sees when choosing it.

Feedback compares the learner's ordered steps with the key:

* a step of the chain is **in order** when it belongs to every longest run of the learner's steps
  that follows the key's order (so one misplaced step does not make every other step "wrong", and
  of two swapped steps neither is called "in order");
* a step of the chain that is not in that run is **out of order**;
* a distractor is **not in this chain** (with its reason);
* steps of the chain the learner left out are counted as **missing** (named only in the key view),
  except a step the key marks ``optional: true`` (an unconfirmed step a learner may leave out).

>>> fb = chain_feedback(["vn-newsletter", "vn-swiss-standpoint"], "voltaire_2024")
>>> [r.result for r in fb.rows], fb.missing_count  # the uncutnews.ch step is optional
(['in order', 'in order'], 0)
>>> [r.result for r in chain_feedback(["vn-swiss-standpoint", "vn-newsletter"], "voltaire_2024").rows]
['out of order', 'out of order']
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .display import SafeHTML, esc, plural

#: The chain key (in data/keys/).
CHAIN_KEY = "01_chains"
#: What each chosen step can be, in the order the feedback counts them.
CHAIN_RESULTS = ("in order", "out of order", "not in this chain")
#: Columns of a republication chain the lesson shows.
CHAIN_COLUMNS = ["what", "who", "date", "status", "url"]


def _load(name: str) -> dict:
    """The chain key, read again when its file changes (its sha256 is checked on every call)."""
    from .data import data_file

    path = data_file("keys", name)
    st = path.stat()
    return _load_stamped(str(path), st.st_mtime_ns, st.st_size, name)


@functools.lru_cache(maxsize=8)
def _load_stamped(path: str, _mtime_ns: int, _size: int, name: str) -> dict:
    from .data import read_yaml

    with open(path, encoding="utf-8") as fh:
        doc = read_yaml(fh) or {}
    chains = doc.get("chains")
    if not isinstance(chains, dict) or not chains:
        raise ValueError(f"The chain key {name!r} has no 'chains'.")
    return chains


def load_chain_key(name: str = CHAIN_KEY) -> dict:
    """``{article id: {"steps": [...], "distractors": [...]}}``; every step is a dict with
    ``id``, ``label``, ``why`` and ``evidence``."""
    return _load(name)


def chain_of(article_id: str, key: Mapping[str, Any] | None = None) -> dict:
    """The key of one article's chain (``steps`` in order, ``distractors``); a plain error when the
    article has no chain in the key."""
    key = load_chain_key() if key is None else key
    if article_id not in key:
        raise ValueError(f"There is no chain to build for {article_id!r}; chains exist for {', '.join(key)}.")
    entry = key[article_id]
    return {"steps": list(entry.get("steps") or []), "distractors": list(entry.get("distractors") or [])}


def chain_pool(article_id: str, key: Mapping[str, Any] | None = None) -> list[dict]:
    """Every step a learner can choose for ``article_id``: the chain's steps and the distractors,
    sorted by label (so the order of the list gives nothing away)."""
    entry = chain_of(article_id, key)
    pool = [{**s, "in_chain": True} for s in entry["steps"]] + [{**s, "in_chain": False} for s in entry["distractors"]]
    return sorted(pool, key=lambda s: (str(s["label"]).lower(), s["id"]))


def _longest_in_order(positions: list[int]) -> set[int]:
    """Indices (into ``positions``) that belong to *every* longest strictly increasing run (a
    subsequence): the steps that are certainly in their place. Where a longest run could be made in
    more than one way (two steps swapped: "B, A" for "A, B"), the steps it could leave out are not
    in order: neither of two swapped steps is called "in order"."""
    n = len(positions)
    if not n:
        return set()
    ending = [1] * n  # the longest run ending at i
    for i in range(n):
        for j in range(i):
            if positions[j] < positions[i]:
                ending[i] = max(ending[i], ending[j] + 1)
    starting = [1] * n  # the longest run starting at i
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n):
            if positions[i] < positions[j]:
                starting[i] = max(starting[i], starting[j] + 1)
    longest = max(ending)
    on_some = [i for i in range(n) if ending[i] + starting[i] - 1 == longest]
    # on every longest run: the only index on some longest run at its place in the run
    at_place: dict[int, list[int]] = {}
    for i in on_some:
        at_place.setdefault(ending[i], []).append(i)
    return {idx[0] for idx in at_place.values() if len(idx) == 1}


@dataclass(frozen=True)
class StepResult:
    position: int
    step: str
    label: str
    result: str
    why: str


@dataclass
class ChainFeedback:
    """Feedback on one learner chain: one :class:`StepResult` per chosen step, the missing steps
    of the chain (kept for the key view) and whether the chain is complete and right."""

    article: str
    rows: list[StepResult] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def missing_count(self) -> int:
        return len(self.missing)

    @property
    def complete(self) -> bool:
        return bool(self.rows) and not self.missing and all(r.result == "in order" for r in self.rows)

    def counts(self) -> dict[str, int]:
        return {res: sum(1 for r in self.rows if r.result == res) for res in CHAIN_RESULTS}

    def summary(self) -> str:
        """One plain sentence: how many steps are in order, out of order, not in the chain, missing."""
        if not self.rows:
            return "Your chain is empty: add the first step (the original publication)."
        if self.complete:
            return f"All {plural(len(self.rows), 'step')} are in the chain and in the right order, and none is missing."
        c = self.counts()
        parts = [f"{c['in order']} in the right order", f"{c['out of order']} out of order",
                 f"{c['not in this chain']} not in this chain"]
        miss = ("no step of the chain is missing" if not self.missing else
                f"{plural(self.missing_count, 'step')} of the chain {'is' if self.missing_count == 1 else 'are'} missing")
        return f"Your chain has {plural(len(self.rows), 'step')}: " + ", ".join(parts) + f"; {miss}."


def chain_feedback(steps: Iterable[str], article_id: str, key: Mapping[str, Any] | None = None) -> ChainFeedback:
    """Compare a learner's ordered step ids with the key of ``article_id`` (see the module doc).
    Repeated ids count once (the first time); ids the key does not know are listed in ``unknown``."""
    entry = chain_of(article_id, key)
    order = {s["id"]: i for i, s in enumerate(entry["steps"])}
    by_id = {s["id"]: s for s in entry["steps"] + entry["distractors"]}
    chosen, unknown, seen = [], [], set()
    for sid in steps or ():
        if not isinstance(sid, str) or sid in seen:
            continue
        seen.add(sid)
        (chosen if sid in by_id else unknown).append(sid)
    in_chain = [i for i, sid in enumerate(chosen) if sid in order]
    keep = {in_chain[k] for k in _longest_in_order([order[chosen[i]] for i in in_chain])}
    fb = ChainFeedback(article_id, unknown=unknown)
    for pos, sid in enumerate(chosen, 1):
        step = by_id[sid]
        if sid not in order:
            result, why = "not in this chain", str(step.get("why", ""))
        elif pos - 1 in keep:
            result, why = "in order", ""
        else:
            result, why = "out of order", "This step belongs in the chain, but not at this place."
        fb.rows.append(StepResult(pos, sid, str(step["label"]), result, why))
    fb.missing = [s for s in entry["steps"] if s["id"] not in seen and not s.get("optional")]
    return fb


_MARK = {"in order": "✓ in order", "out of order": "↕ out of order", "not in this chain": "✗ not in this chain"}


def feedback_html(fb: ChainFeedback) -> SafeHTML:
    """The feedback as a short list (a symbol and words for each result, never colour alone)."""
    items = "".join(
        f"<li><b>{r.position}. {esc(r.label)}</b>: {esc(_MARK[r.result])}"
        + (f" <span>({esc(r.why)})</span>" if r.why else "") + "</li>" for r in fb.rows)
    body = f"<p style='margin:4px 0'>{esc(fb.summary())}</p>" + (f"<ul style='margin:2px 0'>{items}</ul>" if items else "")
    plain = [fb.summary()] + [f"{r.position}. {r.label}: {_MARK[r.result]}" + (f" ({r.why})" if r.why else "")
                              for r in fb.rows]
    return SafeHTML(f"<div class='medialit-chain-feedback'>{body}</div>", "\n".join(plain))


def _steps_of(item: Any) -> list:
    """The step ids of a ChainBuilder, its data, or a saved record."""
    if hasattr(item, "data") and not isinstance(item, Mapping):
        item = item.data
    if isinstance(item, Mapping) and isinstance(item.get("data"), Mapping):
        item = item["data"]
    steps = item.get("steps") if isinstance(item, Mapping) else None
    return list(steps) if isinstance(steps, list) else []


def key_view(article_id: str, learner_chain: Any = None, key: Mapping[str, Any] | None = None) -> SafeHTML:
    """The key of one chain, for ``ml.KeyReveal``: the course's recorded chain (what, who, date,
    status, linked) and, step by step, where the learner's chain had it."""
    from .data import republication_chain
    from .display import html_table

    entry = chain_of(article_id, key)
    fb = chain_feedback(_steps_of(learner_chain), article_id, key)
    where = {r.step: r for r in fb.rows}
    lines, plain = [], []
    for n, step in enumerate(entry["steps"], 1):
        mine = where.get(step["id"])
        if mine is None:
            yours = "you left it out (that is fine: it is optional)" if step.get("optional") else "you left it out"
        else:
            yours = f"your step {mine.position} ({mine.result})"
        text = f"{n}. {step['label']}: {yours}. {step.get('why', '')}"
        lines.append(f"<li>{esc(text)}</li>")
        plain.append(text)
    table = html_table(republication_chain(article_id), CHAIN_COLUMNS, link=("what", "url"))
    head = f"<p style='margin:4px 0'><b>Our key for {esc(article_id)}</b>, oldest step first:</p>"
    return SafeHTML(head + f"<ol style='margin:2px 0'>{''.join(lines)}</ol>" + table._repr_html_(),
                    f"Our key for {article_id}:\n" + "\n".join(plain))


def chain_text(article_id: str) -> str:
    """A one-line diagram of an article's republication chain, oldest step first.

    >>> chain_text("voltaire_2024")  # doctest: +SKIP
    'Voltaire Network ... (2024-05-31; UNCONFIRMED) → Swiss Standpoint ... → ...'
    """
    from .data import republication_chain

    chain = republication_chain(article_id)
    steps = []
    for _, step in chain.iterrows():
        # the whole status: its qualifier ("as a translation", "one stored copy; re-check
        # against the live page") is part of what was checked
        status = " ".join(str(step["status"]).split())
        steps.append(f"{step['who']} ({step['date']}; {status})")
    return " → ".join(steps)

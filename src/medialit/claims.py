"""Lesson 03 (unsupported battlefield claims): the evidence ladder, claim ledgers, plots, treaty quotes.

The course's claims table (``data/tables/claims.csv``) holds one row per claim studied, with its
status in the course's evidence record (CONFIRMED / WRONG / UNCONFIRMED / OPINION), a rung on the
evidence ladder, and the ids of the evidence records behind it (column ``evidence``; open one with
``ml.evidence(id)``).
The reference ledger (``data/keys/03_claims_reference.yaml``) says which ledger statuses match each
claim, so a learner's :class:`medialit.ClaimLedger` can be compared with it.

The ladder measures how much **support** a claim has. It never measures how loud or how often a
claim is repeated, and evidence *against* a claim is recorded in its status, not on the ladder.
Opinions, predictions and scenarios are not on the ladder at all: there is nothing to confirm yet.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from . import data
from .display import agree, plural
from .schema import LEDGER_STATUSES  # noqa: F401 - the statuses a learner can choose in a ClaimLedger

#: The fact-check statuses of the course's evidence record, in the order the plots use (not the
#: ledger statuses a learner chooses: those are :data:`LEDGER_STATUSES`).
FACT_STATUSES = ("CONFIRMED", "WRONG", "UNCONFIRMED", "OPINION")
#: Categories of "evidence offered in the article" (column ``offers_evidence`` of the claims table).
EVIDENCE_KINDS = ("none", "names a source only", "link or document")
#: Short names for the articles, used on plot axes.
ARTICLE_NAMES = {
    "southfront_2026": "SouthFront (seed 000)",
    "voltaire_2024": "Voltaire / Swiss Standpoint (seed 001)",
    "linternaute_mt_2024": "Linternaute, machine-translated (seed 002)",
}
REFERENCE_KEY = "03_claims_reference"


@dataclass(frozen=True)
class Rung:
    """One step of the evidence ladder."""

    number: int
    name: str
    definition: str

    def __str__(self) -> str:
        return f"Rung {self.number} ({self.name}): {self.definition}"


#: The evidence ladder, from no support to strong support.
LADDER = (
    Rung(0, "bare assertion",
         "The claim is stated with no source, and no source for it can be found."),
    Rung(1, "one side says so",
         "The only sources are a party to the conflict (a government, its army, reporters working "
         "with one side) or the person the claim is about. Evidence shown only by one side stays here "
         "until someone independent has checked it."),
    Rung(2, "one independent source",
         "One source that is not a party (a news agency, a research institute) reports or assesses "
         "it, without showing evidence you could check yourself."),
    Rung(3, "independent source with checkable evidence",
         "An independent source shows evidence you can check yourself: footage matched to a map "
         "(geolocated), or the primary document. For a claim about what someone said or decided, "
         "the published record of their own words (a transcript, post or statement) is that document."),
    Rung(4, "several independent confirmations",
         "Two or more independent sources, working separately, confirm it."),
)


def ladder_frame():
    """The ladder as a table (rung, name, definition), for display in the lesson."""
    import pandas as pd

    return pd.DataFrame([(r.number, r.name, r.definition) for r in LADDER], columns=["rung", "name", "definition"])


def _count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be a whole number of 0 or more (you gave {value!r}).")
    return value


def place_on_ladder(*, party_sources: int = 0, independent_sources: int = 0,
                    checkable_evidence: bool = False, opinion: bool = False) -> Rung | None:
    """Place a claim on the evidence ladder from what supports it.

    ``party_sources`` counts sources that are a side in the conflict (or the person the claim is
    about); ``independent_sources`` counts sources that are not; ``checkable_evidence`` is True when
    an *independent* source shows evidence you can check (geolocated footage, a primary document).
    An opinion, prediction or scenario returns ``None``: it is not a checkable fact.

    >>> place_on_ladder(party_sources=1).number
    1
    >>> place_on_ladder(independent_sources=1, checkable_evidence=True).number
    3
    """
    party = _count(party_sources, "party_sources")
    indep = _count(independent_sources, "independent_sources")
    if opinion:
        return None
    if indep >= 2:
        return LADDER[4]
    if indep == 1:
        return LADDER[3] if checkable_evidence else LADDER[2]
    if party >= 1:
        return LADDER[1]
    return LADDER[0]


# ---------------------------------------------------------------- tables


def claims_table(articles: Iterable[str] | None = None):
    """The course's claims table (``data/tables/claims.csv``), optionally only some articles."""
    table = data.load_table("claims")
    if articles is not None:
        wanted = list(articles)
        unknown = sorted(set(wanted) - set(table["article"]))
        if unknown:
            raise ValueError(f"No claims for {', '.join(unknown)}. Articles in the table: "
                             f"{', '.join(sorted(set(table['article'])))}.")
        table = table[table["article"].isin(wanted)].reset_index(drop=True)
    return table


def anatomy(claim_ids: Iterable[str] | None = None, table=None):
    """Who / what / where / when / how big / according to whom, one row per claim."""
    table = claims_table() if table is None else table
    cols = ["claim_id", "sentences", "who", "what", "where", "when", "how_big", "according_to"]
    if claim_ids is not None:
        ids = list(claim_ids)
        unknown = [c for c in ids if c not in set(table["claim_id"])]
        if unknown:
            raise ValueError(f"Unknown claim id(s): {', '.join(unknown)}.")
        table = table.set_index("claim_id").loc[ids].reset_index()
    return table[cols].reset_index(drop=True)


def ladder_placements(table=None):
    """Each claim with its status, rung (or "not on the ladder") and the reason."""
    table = claims_table() if table is None else table
    out = table[["claim_id", "article", "status", "rung", "rung_reason"]].copy()
    names = {r.number: r.name for r in LADDER}
    out["rung"] = [f"{r}: {names[int(r)]}" if str(r).strip() else "not on the ladder (opinion)"
                   for r in out["rung"]]
    return out.reset_index(drop=True)


# ---------------------------------------------------------------- ledgers


def reference(ledger_id: str) -> list[dict]:
    """The reference ledger rows called ``ledger_id`` (from ``data/keys/03_claims_reference.yaml``).

    The lesson's ledgers are named after their article (``"southfront_2026"``, ``"voltaire_2024"``);
    the exercise's ledger is ``"ex1_southfront_2026"``.
    """
    doc = data.load_yaml(REFERENCE_KEY, "keys") or {}
    ledgers = doc.get("ledgers") or {}
    if ledger_id not in ledgers:
        raise ValueError(f"There is no reference ledger called '{ledger_id}'. "
                         f"Ledgers: {', '.join(sorted(ledgers))}.")
    return list(ledgers[ledger_id].get("rows") or [])


def ledger_article(ledger_id: str) -> str:
    """The article id a reference ledger is about."""
    doc = data.load_yaml(REFERENCE_KEY, "keys") or {}
    try:
        return doc["ledgers"][ledger_id]["article"]
    except (KeyError, TypeError):
        raise ValueError(f"There is no reference ledger called '{ledger_id}'.") from None


def ledger_rows(ledger_id: str) -> list[dict]:
    """Starting rows for :class:`medialit.ClaimLedger`: each claim to check, with the other fields empty."""
    return [{"id": r["id"], "sentence": r["sentence"], "claim": r["claim"], "claimant": "", "evidence": "",
             "confirm": "", "status": "", "confidence": "", "note": ""} for r in reference(ledger_id)]


def _learner_rows(ledger: Any) -> list[dict]:
    """Accept a ClaimLedger widget, its ``.data`` dict, or a list of rows; ignore anything malformed."""
    if ledger is None:
        return []
    if hasattr(ledger, "data") and not isinstance(ledger, Mapping):
        ledger = ledger.data
    if isinstance(ledger, Mapping):
        ledger = ledger.get("rows") or []
    if not isinstance(ledger, (list, tuple)):
        return []
    return [r for r in ledger if isinstance(r, Mapping)]


def ledger_frame(ledger: Any, ledger_id: str, *, show_key: bool = True):
    """Compare a learner's claim ledger with the reference ledger ``ledger_id`` (see :func:`reference`).

    ``ledger`` may be a :class:`medialit.ClaimLedger`, its ``.data`` (``{"rows": [...]}``), a list of
    row dicts, or ``None`` (nothing filled in yet). Returns one row per reference claim plus any
    extra rows the learner added, with columns ``id, sentence, claim, your status, key status,
    record, match, feedback``. ``match`` is "yes", "no", "not filled in" or "not in the key".
    With ``show_key=False`` (exercises) the key is shown only for rows the learner has filled in.
    """
    import pandas as pd

    ref = reference(ledger_id) if isinstance(ledger_id, str) else list(ledger_id)  # or the rows themselves
    mine: dict[str, Mapping] = {}
    extra: list[Mapping] = []
    ref_ids = {r["id"] for r in ref}
    for row in _learner_rows(ledger):
        rid = str(row.get("id", ""))
        if rid in ref_ids and rid not in mine:
            mine[rid] = row
        else:
            extra.append(row)
    out = []
    for r in ref:
        accept = list(r.get("accept") or [])
        given = str((mine.get(r["id"]) or {}).get("status") or "").strip().casefold()
        if not given:
            match, fb = "not filled in", "Choose a status for this claim in the ledger."
        elif given in accept:
            match, fb = "yes", r.get("why", "")
        else:
            match = "no"
            fb = (r.get("hints") or {}).get(given) or r.get("why", "")
        hide = not show_key and not given
        out.append({"id": r["id"], "sentence": r["sentence"], "claim": r["claim"], "your status": given,
                    "key status": "" if hide else " or ".join(accept),
                    "record": "" if hide else r["record_status"],
                    "match": match, "feedback": fb})
    for row in extra:
        out.append({"id": str(row.get("id", "")), "sentence": str(row.get("sentence", "")),
                    "claim": str(row.get("claim", "")), "your status": str(row.get("status", "")),
                    "key status": "", "record": "", "match": "not in the key",
                    "feedback": "A claim you added yourself: discuss it with your teacher or class."})
    cols = ["id", "sentence", "claim", "your status", "key status", "record", "match", "feedback"]
    return pd.DataFrame(out, columns=cols)


def ledger_summary(frame) -> str:
    """One sentence saying how many reference claims the learner's ledger matches."""
    ref = frame[frame["match"] != "not in the key"]
    filled = int((ref["match"] != "not filled in").sum())
    if filled == 0:
        shown = bool((ref["key status"] != "").any())
        return (f"You have not chosen a status for any of the {len(ref)} claims yet"
                + ("; the table shows the key only." if shown else "."))
    right = int((ref["match"] == "yes").sum())
    return f"You chose a status for {filled} of {plural(len(ref), 'claim')}; {agree(right, 'matches', 'match')} the key."


def ledger_view(ledger: Any, ledger_id: str, *, show_key: bool = True) -> list:
    """What a lesson shows under a claim ledger, redrawn live (``ml.live``): one sentence, then one
    row per claim with your status, the key's statuses with the evidence record's status, whether
    they match and the feedback in full."""
    from .display import html_table

    frame = ledger_frame(ledger, ledger_id, show_key=show_key)
    frame["key (record)"] = [f"{k} (record: {r})" if k else "" for k, r in zip(frame["key status"], frame["record"],
                                                                                strict=True)]
    return [ledger_summary(frame), html_table(frame, ["claim", "your status", "key (record)", "match", "feedback"])]


# ---------------------------------------------------------------- plots


def _name(article_id: str) -> str:
    return ARTICLE_NAMES.get(article_id, article_id)


def _ordered(index) -> list[str]:
    """Article ids in seed order (000, 001, 002), then any others alphabetically."""
    known = [a for a in ARTICLE_NAMES if a in set(index)]
    return known + sorted(set(index) - set(known))


def status_counts(table=None):
    """Counts of claims per article (rows) and record status (columns, in :data:`FACT_STATUSES` order)."""
    import pandas as pd

    table = claims_table() if table is None else table
    unknown = sorted(set(table["status"]) - set(FACT_STATUSES))
    if unknown:
        raise ValueError(f"Unknown status(es) {', '.join(unknown)}; use {', '.join(FACT_STATUSES)}.")
    counts = pd.crosstab(table["article"], table["status"]).reindex(columns=list(FACT_STATUSES), fill_value=0)
    return counts.reindex(_ordered(counts.index))


def plot_status_by_article(table=None, ax=None):
    """Grouped bars: how many claims of each article have each status. Colour, hatch and label per
    status. Returns the Figure (show it with ``ml.plots.show(fig, describe_status_by_article(table))``)."""
    import matplotlib.pyplot as plt

    from . import plots

    counts = status_counts(table)
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 1.6 + 1.4 * len(counts)))
    else:
        fig = ax.figure
    n = len(FACT_STATUSES)
    height = 0.8 / n
    for j, status in enumerate(FACT_STATUSES):
        ys = [i + (j - (n - 1) / 2) * height for i in range(len(counts))]
        vals = counts[status].tolist()
        bars = ax.barh(ys, vals, height=height, color=plots.STATUS_COLOURS[status],
                       hatch=plots.HATCHES[j], edgecolor="black", label=status)
        for bar, v in zip(bars, vals, strict=False):
            ax.text(bar.get_width() + 0.05, bar.get_y() + bar.get_height() / 2, f"{status} {v}",
                    va="center", fontsize=9)
    ax.set_yticks(range(len(counts)), [_name(a) for a in counts.index])
    ax.invert_yaxis()
    ax.set_xlabel("number of claims in the course's table")
    ax.set_xlim(0, max(1, int(counts.values.max())) + 2.5)
    ax.set_title("Claims by status in the evidence record")
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


def describe_status_by_article(table=None) -> str:
    """The one-line text summary for :func:`plot_status_by_article`."""
    counts = status_counts(table)
    parts = []
    for art, row in counts.iterrows():
        inner = ", ".join(f"{int(row[s])} {s}" for s in FACT_STATUSES if int(row[s]))
        parts.append(f"{_name(art)}: {int(row.sum())} claims ({inner})")
    return "; ".join(parts) + "."


def evidence_shares(table=None):
    """Share (0-1) of each article's claims per kind of evidence offered in the article itself."""
    import pandas as pd

    table = claims_table() if table is None else table
    unknown = sorted(set(table["offers_evidence"]) - set(EVIDENCE_KINDS))
    if unknown:
        raise ValueError(f"Unknown evidence kind(s) {', '.join(unknown)}; use {', '.join(EVIDENCE_KINDS)}.")
    counts = pd.crosstab(table["article"], table["offers_evidence"]).reindex(
        columns=list(EVIDENCE_KINDS), fill_value=0)
    return counts.div(counts.sum(axis=1), axis=0).reindex(_ordered(counts.index))


def plot_evidence_share(table=None, ax=None):
    """Stacked 100 % bars: what share of each article's claims offer no evidence, only a name, or a
    link. Returns the Figure."""
    import matplotlib.pyplot as plt

    from . import plots

    table = claims_table() if table is None else table
    shares = evidence_shares(table)
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, 1.6 + 1.1 * len(shares)))
    else:
        fig = ax.figure
    left = [0.0] * len(shares)
    for j, kind in enumerate(EVIDENCE_KINDS):
        vals = (shares[kind] * 100).tolist()
        st = plots.style(j)
        ax.barh(range(len(shares)), vals, left=left, color=st["color"], hatch=st["hatch"],
                edgecolor="black", label=kind)
        for i, v in enumerate(vals):
            if v >= 8:
                ax.text(left[i] + v / 2, i, f"{kind}: {v:.0f}%" if v >= 30 else f"{v:.0f}%",
                        ha="center", va="center", fontsize=9,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        left = [a + b for a, b in zip(left, vals, strict=False)]
    n = table["article"].value_counts()
    ax.set_yticks(range(len(shares)), [f"{_name(a)}\n{n[a]} claims" for a in shares.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of the article's claims in the course's table (%)")
    ax.set_title("What evidence does the article itself offer?")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, fontsize=9)
    fig.tight_layout()
    return fig


def describe_evidence_share(table=None) -> str:
    """The one-line text summary for :func:`plot_evidence_share`."""
    table = claims_table() if table is None else table
    parts = []
    for art in _ordered(table["article"]):
        group = table[table["article"] == art]
        n = len(group)
        named = int((group["offers_evidence"] == "names a source only").sum())
        linked = int((group["offers_evidence"] == "link or document").sum())
        parts.append(f"{_name(art)}: {named + linked} of {n} claims offer any evidence "
                     f"({named} only name a source, {linked} give a link or document)")
    return "; ".join(parts) + "."


def plot_ladder(table=None, ax=None):
    """Every claim placed on the evidence ladder: one column per article, one row per rung.

    Opinions get their own row at the bottom ("not on the ladder"). Each claim is written as
    text with its status, in a box outlined in the status colour (colour is never the only signal).
    Returns the Figure.
    """
    import matplotlib.pyplot as plt

    from . import plots

    table = claims_table() if table is None else table
    articles = _ordered(table["article"])
    if ax is None:
        fig, ax = plt.subplots(figsize=(4 + 3.6 * len(articles), 7))
    else:
        fig = ax.figure
    for x, art in enumerate(articles):
        group = table[table["article"] == art]
        for y in range(-1, len(LADDER)):
            ids = group[group["rung"].map(lambda r: int(r) if str(r).strip() else -1) == y]
            for k, (_, row) in enumerate(ids.iterrows()):
                ax.text(x, y + 0.3 - 0.2 * k, f"{row['claim_id']} ({row['status']})", ha="center",
                        va="center", fontsize=8,
                        bbox={"facecolor": "white", "linewidth": 2,
                              "edgecolor": plots.STATUS_COLOURS.get(row["status"], "black")})
    ax.set_xlim(-0.6, len(articles) - 0.4)
    ax.set_ylim(-1.55, len(LADDER) - 0.45)
    ax.set_xticks(range(len(articles)), [_name(a) for a in articles])
    ax.set_yticks(range(-1, len(LADDER)),
                  ["not on the ladder\n(opinion)"] + [f"{r.number}: {r.name}" for r in LADDER], fontsize=9)
    for y in range(-1, len(LADDER)):
        ax.axhline(y - 0.5, color="grey", linewidth=0.5)
    ax.set_title("Each claim on the evidence ladder (after checking)")
    fig.tight_layout()
    return fig


def describe_ladder(table=None) -> str:
    """The one-line text summary for :func:`plot_ladder`."""
    table = claims_table() if table is None else table
    parts = []
    for art in _ordered(table["article"]):
        group = table[table["article"] == art]
        rungs = group["rung"].map(lambda r: f"rung {r}" if str(r).strip() else "not on the ladder")
        counts = rungs.value_counts()
        order = [f"rung {r.number}" for r in LADDER] + ["not on the ladder"]
        inner = ", ".join(f"{int(counts[k])} {k}" for k in order if k in counts)
        parts.append(f"{_name(art)}: {inner}")
    return "; ".join(parts) + "."


# ---------------------------------------------------------------- treaty


@dataclass(frozen=True)
class TreatyQuote:
    """A sentence of the North Atlantic Treaty (Articles 4-6), with its sentence id."""

    article: int
    sentence: str
    text: str

    def __str__(self) -> str:
        return f"Article {self.article} ({self.sentence}): \u201c{self.text}\u201d"

    def _repr_markdown_(self) -> str:
        return f"**Article {self.article}** ({self.sentence}):\n\n> {self.text}"


def treaty_article(number: int) -> list[TreatyQuote]:
    """Every sentence of Article ``number`` (4, 5 or 6) in ``ml.load_article("nato_treaty_1949")``."""
    if number not in (4, 5, 6):
        raise ValueError(f"The course holds Articles 4, 5 and 6 of the treaty, not Article {number!r}.")
    treaty = data.load_article("nato_treaty_1949")
    out, current = [], None
    for s in treaty.sentences:
        if s.role == "heading":
            words = s.text.split()
            current = int(words[1]) if len(words) > 1 and words[0] == "Article" and words[1].isdigit() else None
        elif s.role == "body" and current == number:
            out.append(TreatyQuote(number, s.id, s.text))
    return out


def treaty_quote(number: int, contains: str | None = None) -> TreatyQuote:
    """The sentence of Article ``number`` that contains ``contains`` (case ignored), else its first sentence.

    >>> str(treaty_quote(5, "deems necessary"))[:22]        # doctest: +SKIP
    'Article 5 (s005): “The'
    """
    sentences = treaty_article(number)
    if contains is None:
        return sentences[0]
    needle = " ".join(str(contains).split()).casefold()
    for q in sentences:
        if needle in q.text.casefold():
            return q
    raise ValueError(f"No sentence of Article {number} contains {contains!r}. "
                     "Check the spelling against the treaty text.")


# ---------------------------------------------------------------- answers in fields


def _keyword_hit(text: str, keywords) -> str | None:
    """The first keyword found in ``text`` as whole words (case ignored); a keyword ending in "*"
    also matches the start of a word ("dismantl*" matches "dismantling")."""
    import re

    low = " ".join(str(text).split()).casefold()
    for kw in keywords or []:
        k = " ".join(str(kw).split()).casefold()
        prefix = k.endswith("*")
        k = k.rstrip("*")
        if k and re.search(r"(?<![\w])" + re.escape(k) + ("" if prefix else r"(?![\w])"), low):
            return str(kw)
    return None


def field_verdict(spec: Mapping, given: Any, choices: Mapping | None = None) -> tuple[bool | None, str]:
    """``(right, feedback)`` for one field of a ``fields`` question (see :func:`evaluate_fields`);
    ``right`` is None when the field is empty. A choice field's ``also`` lists other options the
    key accepts as right (a second answer a careful learner can defend)."""
    text = "" if given is None else str(given).strip()
    if not text:
        return None, "not answered yet."
    why = str(spec.get("why", "")).strip()
    if choices is not None or "choices" in spec:
        accepted = [spec.get("answer", ""), *(spec.get("also") or [])]
        ok = text.casefold() in {str(option).casefold() for option in accepted}
        if ok:
            return True, f"✔ {why}"
        shown = (choices or {}).get(spec.get("answer"), spec.get("answer"))
        return False, f"✘ the key says: {shown}. Why: {why}"
    if _keyword_hit(text, spec.get("accept")):
        return True, f"✔ {why}"
    hints = spec.get("hints") or {}
    hit = _keyword_hit(text, list(hints))
    if hit is not None:
        return False, f"✘ {hints[hit]}"
    return False, f"✘ the key says: {spec.get('answer', '')}. Why: {why}"


def evaluate_fields(question: Mapping, answer: Any) -> tuple[str, str, list[str]]:
    """Mark a ``fields`` question (claim anatomy, checkers): one answer per field.

    ``answer`` is ``{field: text or option}``. A text field is right when it contains one of the
    key's ``accept`` keywords as whole words (case ignored; ``dismantl*`` matches the start of a
    word), so "Russian troops" matches ``russian``; a field with ``choices`` is right when the option chosen is its
    ``answer`` (or one of its ``also`` options). Returns ``(status, message, details)`` with status "correct", "partly", "wrong"
    or "unanswered", and one line per field: ✔ or ✘ with the key's reason.
    """
    fields = question.get("fields") or {}
    if not isinstance(answer, Mapping):
        return "wrong", "Give one answer per field, as a dictionary such as {'who': 'Russian forces'}.", []
    choices = question.get("choices")
    details, right, done = [], 0, 0
    for name, spec in fields.items():
        ok, line = field_verdict(spec, answer.get(name), choices)
        label = spec.get("label", name)
        details.append(f"{label} {line}")
        done += ok is not None
        right += bool(ok)
    if done == 0:
        return "unanswered", "Not answered yet: fill in at least one field first.", details
    message = f"{right} of {len(fields)} match the key."
    if right == len(fields):
        return "correct", f"{message} {question.get('correct', '')}".strip(), details
    return ("partly" if right else "wrong"), f"{message} {question.get('wrong', '')}".strip(), details


#: The SouthFront battlefield claims whose anatomy the lesson's key shows.
ANATOMY_KEY_CLAIMS = ("sf-huliaipole", "sf-drobysheve", "sf-lyman", "sf-reserves")


def anatomy_key(widget: Any) -> list:
    """What lesson 03's anatomy key shows (inside ``ml.live``): the feedback on each field of the
    learner's :class:`medialit.FieldsAnswer`, then the anatomy of the SouthFront claims."""
    from .widgets.claim_anatomy import field_feedback

    return [*field_feedback(widget), anatomy(ANATOMY_KEY_CLAIMS)]


def checkers_key(widgets: Iterable[Any]) -> list:
    """What lesson 03's checkers key shows: the feedback on each checkers question, in order."""
    from .widgets.claim_anatomy import field_feedback

    return [part for w in widgets for part in field_feedback(w)]

#: The status questions of exercise 03-ex1 ("03-ex1-status-<key>"), kept as first answers with its ledger key.
EX1_STATUS_KEYS = ("uninvolved", "combat-zone", "condemned", "huliaipole", "drobysheve", "reserves")

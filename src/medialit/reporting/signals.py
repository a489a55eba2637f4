"""The transparent signals of :mod:`medialit.cues` per sentence, which key labels each family is
meant to point to, and the signals' naive guess of a label."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .. import data

#: Which key labels count as the "right answer" for each signal family when we score it.
#: A family "fires" on a sentence when it has at least one hit; the sentence is a positive when
#: its key label is in the set. ``opinion`` is the union of the opinion-type families of cues.
TARGETS: dict[str, frozenset[str]] = {
    "attribution": frozenset({"attributed report", "quotation"}),
    "quotes": frozenset({"quotation"}),
    "opinion": frozenset({"opinion", "prediction"}),
    "evaluative": frozenset({"opinion", "prediction"}),
    "loaded": frozenset({"opinion", "prediction"}),
    "intensifiers": frozenset({"opinion", "prediction"}),
    "first_person": frozenset({"opinion", "prediction"}),
    "hedges": frozenset({"prediction", "opinion"}),
    "rhetoric": frozenset({"prediction", "opinion"}),
    "unsourced_numbers": frozenset({"unattributed assertion"}),
    "military_claims": frozenset({"unattributed assertion"}),
}
#: Why each family is paired with those labels (printed by the lesson).
TARGET_REASONS: dict[str, str] = {
    "attribution": "a reporting verb or 'according to' should mean the sentence says where its content comes from",
    "quotes": "quotation marks should mean someone's exact words are reported",
    "opinion": "evaluative, loaded, hedging, first-person, intensifying or rhetorical words should mean the "
               "writer's own view",
    "evaluative": "judging words should mean opinion",
    "loaded": "emotionally loaded words should mean opinion",
    "intensifiers": "'very', 'utterly'... should mean the writer is pushing a view",
    "first_person": "'I', 'we' should mean someone gives their own view",
    "hedges": "'may', 'would', 'in all likelihood' should mean a guess",
    "rhetoric": "questions and 'will ... if' forecasts should mean the writer's view or a prediction",
    "unsourced_numbers": "a figure without a source should mean an unattributed assertion",
    "military_claims": "'captured', 'encircled'... should mean a battlefield claim, usually without a source",
}

#: Rules that make a forecast: the writer's guess about the future or about what would happen
#: (lesson 02's "prediction"); a hedge such as "probably" or "apparently" is no forecast.
FORECAST_RULES = frozenset({"opinion.prediction", "hedge.conditional", "hedge.modal"})

#: Matched text longer than this is shortened in the readable ``signals`` column, at a word boundary.
CLIP = 40


def clip_words(text: str, n: int = CLIP) -> str:
    """``text`` on one line; when longer than ``n`` characters, cut after the last whole word that
    fits and end with "…" (never in the middle of a word).

    >>> clip_words("Encouraging the invasion of our closest neighbour", 30)
    'Encouraging the invasion of…'
    """
    text = " ".join(str(text).split())
    if len(text) <= n:
        return text
    limit = n - 1  # room for the ellipsis
    if text[limit] == " ":
        cut = text[:limit]  # a word ends exactly at the limit
    elif " " in text[:limit]:
        cut = text[:limit].rsplit(" ", 1)[0]
    else:
        cut = text.split(" ", 1)[0]  # one very long first word: shown whole rather than cut
    return cut.rstrip(" ,;:") + "…" if cut != text else text


def signal_table(article: Any, sentences: Iterable[str] | None = None, quoted: bool = True):
    """One row per body sentence: which signal families fired, and on which words.

    Columns: ``article``, ``sentence``, ``text``, one boolean column per family of
    :mod:`medialit.cues`, ``direct_quote`` (a quotation of four words or more, rule
    ``quote.direct``), ``forecast`` (a rule of :data:`FORECAST_RULES` in the writer's own words),
    ``opinion``, ``opinion_hits`` and ``signals`` (a readable list such as
    ``"loaded.emotive 'cynical'; attribution.verb 'said'"``).
    With ``quoted=False`` hits inside quotation marks are ignored (they are the speaker's words,
    not the writer's).

    ``opinion`` and ``opinion_hits`` are what :func:`medialit.cues.opinion` finds in the sentence
    (the ``"opinion"`` of :func:`medialit.cues.scan`, whatever ``quoted`` says): the writer's own
    opinion words, so a quoted or reported judgement, a lone "I" that tells a story and a bare
    quoted "we" do not count, and a word in two lists counts once. The family columns and
    ``signals`` show every hit (quoted ones with ``quoted=True``, marked "(in quote)"). As in
    ``scan``, a course article's sentences are read with the course's own phrase list and with the
    quotation left open by the sentence before, which ``cues.opinion`` on one sentence cannot know.
    """
    import pandas as pd

    from .. import cues

    art = data.load_article(article) if isinstance(article, str) else article
    chosen = art.body_sentences()
    if sentences is not None:
        keep = set(sentences)
        chosen = [s for s in chosen if s.id in keep]
    fams = list(cues.FAMILIES)
    # the course's own phrase list counts for its own articles only, never for a teacher's
    hits = cues.scan(chosen, families=[*fams, "opinion"], course=cues.is_course_article(art)) if chosen \
        else pd.DataFrame(columns=cues.SCAN_COLUMNS)
    # every sentence's hits, read once in order: (family, rule, text, in_quote) by sentence id
    by_sentence: dict[Any, list[tuple[str, str, str, bool]]] = {}
    if len(hits):
        for sid, fam, rule, text, in_quote in zip(hits["sentence"].tolist(), hits["family"].tolist(),
                                                  hits["rule"].tolist(), hits["text"].tolist(),
                                                  hits["in_quote"].tolist(), strict=True):
            by_sentence.setdefault(sid, []).append((fam, rule, text, bool(in_quote)))
    rows = []
    for s in chosen:
        mine = by_sentence.get(s.id, ())
        opinion_hits = sum(1 for fam, _r, _t, _q in mine if fam == "opinion")
        shown = [(fam, rule, text, in_quote) for fam, rule, text, in_quote in mine
                 if fam != "opinion" and (quoted or not in_quote)]
        fired = {fam for fam, _r, _t, _q in shown}
        row = {"article": art.id, "sentence": s.id, "text": s.text}
        for fam in fams:
            row[fam] = fam in fired
        row["direct_quote"] = any(rule == "quote.direct" for _f, rule, _t, _q in shown)
        row["forecast"] = any(fam == "opinion" and rule in FORECAST_RULES for fam, rule, _t, _q in mine)
        row["opinion"] = opinion_hits > 0
        row["opinion_hits"] = opinion_hits
        row["signals"] = "; ".join(f"{rule} '{clip_words(text)}'" + (" (in quote)" if in_quote else "")
                                   for _f, rule, text, in_quote in shown)
        rows.append(row)
    return pd.DataFrame(rows, columns=["article", "sentence", "text", *fams, "direct_quote", "forecast", "opinion",
                                       "opinion_hits", "signals"])


def guess_label(row: Mapping[str, Any]) -> str:
    """The signals' naive guess of a label for one row of :func:`signal_table`.

    A fixed priority, so that it can be explained in one breath: a quotation of four words or more
    with an attribution cue -> quotation (a quoted word or two does not make a sentence mainly a
    quotation: lesson 02's key); else an attribution cue -> attributed report; else a forecast in
    the writer's words ("will ... if", "would", "may/might/could": ``forecast``) -> prediction;
    else any other opinion-type cue (a judging word, "probably", a question) -> opinion; else
    unattributed assertion. A row made by hand without ``direct_quote`` counts any quotation marks,
    and one without ``forecast`` takes any hedge or rhetoric cue for a prediction.
    """
    if row.get("direct_quote", row.get("quotes")) and row.get("attribution"):
        return "quotation"
    if row.get("attribution"):
        return "attributed report"
    if "forecast" in row:
        if row.get("forecast"):
            return "prediction"
    elif row.get("hedges") or row.get("rhetoric"):
        return "prediction"
    if row.get("opinion"):
        return "opinion"
    return "unattributed assertion"

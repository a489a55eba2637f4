"""How well the signals did on news they never saw: the benchmark's last recorded result, in plain words.

``benchmarks/bench_cues_eval.py --record`` scores the signals on public, independently labelled
news sentences (never used to write or tune the word lists: tuning used their train split only)
and writes ``data/measured/cues_eval.json``. :func:`measured_rates` reads that record;
:func:`measured_rates_note` turns it into sentences a learner can read ("when the opinion signal
fired it was right about 6 times in 10..."). Nothing here is typed by hand: every figure comes
from the record, so the lesson, the README and the benchmark always agree.
"""
from __future__ import annotations

import json
from typing import Any

#: fields the benchmark writes; a record without them was not produced by it
REQUIRED = ("date", "recorded_by", "signals", "baseline", "tuned_on")
#: the signals shown to learners, in this order, with the split reported for each
SHOWN = (("opinion", "dev_test"), ("attribution", "dev"))
_WHAT = {
    "opinion": ("the opinion signal", "sentences where the writer gives their own view"),
    "attribution": ("the attribution signal", "sentences that say who said or thought something"),
}


class MeasuredRatesError(ValueError):
    """The recorded result is missing or was not written by the benchmark (plain message)."""


def measured_rates() -> dict[str, Any]:
    """The benchmark's last recorded result (``data/measured/cues_eval.json``, manifest-checked)."""
    from ..data import DataError, data_file

    try:
        path = data_file("measured", "cues_eval")
    except DataError as exc:
        raise MeasuredRatesError(f"No measured rates for the signals yet: {exc}") from exc
    return _check_record(json.loads(path.read_text(encoding="utf-8")))


def _check_record(rec: dict[str, Any]) -> dict[str, Any]:
    """``rec`` itself, if the benchmark wrote it (its fields are all there); else a plain error."""
    missing = [k for k in REQUIRED if k not in rec]
    if missing or rec.get("recorded_by") != "benchmarks/bench_cues_eval.py":
        raise MeasuredRatesError(
            "data/measured/cues_eval.json was not written by benchmarks/bench_cues_eval.py "
            f"(missing: {', '.join(missing) or 'recorded_by'}); run it again with --record.")
    return rec


def _tenths(x: float) -> int:
    return int(round(10 * x))


def rate_sentences(rec: dict[str, Any] | None = None) -> list[str]:
    """One plain sentence per signal, built from the record (see :func:`measured_rates_note`)."""
    rec = measured_rates() if rec is None else rec
    out = []
    for signal, split in SHOWN:
        entry = rec["signals"].get(signal)
        if not entry or split not in entry["splits"]:
            continue
        fig = entry["splits"][split]
        name, what = _WHAT[signal]
        out.append(
            f"On {fig['n']:,} news sentences it never saw ({entry.get('title', entry['dataset'])}), when {name} fired it was "
            f"right about {_tenths(fig['precision'])} times in 10, and it caught {_tenths(fig['recall'])} of "
            f"every 10 {what} (it fired on {fig['fired']:,} sentences; the set held {fig['positives']:,} such sentences).")
    return out


def measured_rates_text(rec: dict[str, Any] | None = None) -> str:
    """The note as plain text (Markdown): the sentences plus where they come from."""
    rec = measured_rates() if rec is None else rec
    lines = [f"- {s}" for s in rate_sentences(rec)]
    lines.append(f"\nMeasured on {rec['date']} by `{rec['recorded_by']}` on public news sentences labelled by "
                 "other people; the word lists were tuned on a separate part of those sets, never on these sentences.")
    return "\n".join(lines)


def measured_rates_note(rec: dict[str, Any] | None = None):
    """The measured rates as a small HTML block for a notebook (text escaped), from the record."""
    from ..display import SafeHTML, esc

    rec = measured_rates() if rec is None else rec
    items = "".join(f"<li>{esc(s)}</li>" for s in rate_sentences(rec))
    src = (f"Measured on {esc(rec['date'])} on public news sentences labelled by other people; the word lists "
           "were tuned on a separate part of those sets, never on these sentences.")
    markup = (f'<div class="medialit-measured"><p><b>How often are the signals right on news they never saw?'
              f"</b></p><ul>{items}</ul><p><small>{src}</small></p></div>")
    return SafeHTML(markup, measured_rates_text(rec))

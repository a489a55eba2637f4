"""How fast is medialit.cues on a book-length text?

Run:  .venv/bin/python benchmarks/bench_cues.py [--sentences 50000]

Builds a synthetic book of N distinct sentences (the course articles' sentences plus varied
news-style and opinion-style sentences), then times ``cues.signals()`` on every sentence and
compares it with a floor measured in the same run on the same sentences: one precompiled
``re.finditer(r"\\w+")`` pass that only walks over the words. The ratio (cues time / floor time)
is what to compare between machines; the absolute numbers depend on the machine. Peak memory is
measured with tracemalloc in a separate pass (tracemalloc slows Python down, so it is not timed).
No assertions: this prints numbers.
"""
from __future__ import annotations

import argparse
import random
import re
import time
import tracemalloc

import medialit as ml
from medialit import cues

SUBJECTS = ["The minister", "A spokesperson for the army", "The central bank", "Local officials", "The opposition leader",
            "Our correspondent", "The committee", "Residents", "The company", "Two diplomats"]
VERBS = ["said", "told reporters", "announced", "denied", "warned", "confirmed", "claimed", "noted"]
CLAIMS = ["the talks would resume on {d} {m}", "prices rose {n} percent in {m}", "{n} people were evacuated",
          "the bridge will reopen if inspections go well", "the plan was a disgrace", "the vote may be delayed",
          "troops captured the village of Novo{n} and destroyed {k} tanks", "the reform is absurd and reckless",
          "the deal is by far the best option", "the so-called experts were wrong"]
OPINIONS = ["This {adj} decision ({n}) must be reversed.", "Who really believes the {n} promises will be kept?",
            "I think the council has completely failed the {n} families who live here.",
            "The regime's puppets in parliament voted for it {n} times!", "Perhaps the {n}th attempt will succeed.",
            "It was a {adj} week ({n}) for the coalition, and it will get worse unless something changes."]
ADJ = ["shameful", "brilliant", "reckless", "sensible", "disastrous", "bold", "naive", "terrible"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
HTML = ['<p class="x">The <b>minister</b> said the {n} plans were <em>absurd</em>.</p>',
        '<a title="terrible">Read more</a> about the {n} new rules.']
FOREIGN = ["Le ministre a annoncé {n} nouvelles mesures lundi soir à Paris.",
           "Правительство объявило о {n} новых мерах в понедельник."]


def build_book(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    base = []
    for aid in ("southfront_2026", "voltaire_2024", "linternaute_mt_2024", "nato_treaty_1949"):
        base.extend(s.text for s in ml.load_article(aid).sentences)
    out: list[str] = []
    i = 0
    while len(out) < n:
        i += 1
        kind = rng.random()
        fill = dict(n=i, k=rng.randint(2, 40), d=rng.randint(1, 28), m=rng.choice(MONTHS), adj=rng.choice(ADJ))
        if kind < 0.45:
            claim = rng.choice(CLAIMS).format(**fill)
            if rng.random() < 0.3:
                s = f'"{claim[0].upper()}{claim[1:]}," {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} on day {i}.'
            else:
                s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {claim} (item {i})."
        elif kind < 0.75:
            s = rng.choice(OPINIONS).format(**fill)
        elif kind < 0.95:
            s = f"{rng.choice(base)} [{i}]"
        elif kind < 0.98:
            s = rng.choice(HTML).format(**fill)
        else:
            s = rng.choice(FOREIGN).format(**fill)
        out.append(s)
    return out


_WORDS = re.compile(r"\w+")


def floor_pass(sentences: list[str]) -> int:
    n = 0
    for s in sentences:
        for _m in _WORDS.finditer(s):
            n += 1
    return n


def cues_pass(sentences: list[str]) -> int:
    n = 0
    for s in sentences:
        for hits in cues.signals(s).values():
            n += len(hits)
    return n


def timed(fn, sentences, repeat: int = 3) -> tuple[float, int]:
    best = float("inf")
    result = 0
    for _ in range(repeat):
        cues._analyse.cache_clear()  # no help from the per-sentence cache between runs
        t0 = time.perf_counter()
        result = fn(sentences)
        best = min(best, time.perf_counter() - t0)
    return best, result


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    book = build_book(args.sentences)
    chars = sum(len(s) for s in book)
    print(f"book: {len(book):,} sentences, {chars:,} characters ({len(set(book)):,} distinct sentences)")

    cues.attribution("warm-up: load the word lists once.")
    t_floor, words = timed(floor_pass, book, args.repeat)
    t_cues, hits = timed(cues_pass, book, args.repeat)
    print(f"floor  (re.finditer \\w+): {len(book) / t_floor:12,.0f} sentences/s  ({words:,} words, {t_floor:.3f} s)")
    print(f"cues.signals (all families): {len(book) / t_cues:8,.0f} sentences/s  ({hits:,} hits, {t_cues:.3f} s)")
    print(f"ratio cues / floor: {t_cues / t_floor:.1f}x the time of the floor")

    # one call on the whole book as a single string (linear behaviour on long input)
    whole = " ".join(book[: min(len(book), 20_000)])
    cues._analyse.cache_clear()
    t0 = time.perf_counter()
    cues.signals(whole)
    t_whole = time.perf_counter() - t0
    t0 = time.perf_counter()
    floor_pass([whole])
    t_whole_floor = time.perf_counter() - t0
    print(f"one string of {len(whole):,} characters: {t_whole:.3f} s "
          f"(ratio {t_whole / max(t_whole_floor, 1e-9):.1f}x its floor)")

    # peak memory of a full pass (separate, untimed run)
    cues._analyse.cache_clear()
    tracemalloc.start()
    cues_pass(book)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    floor_pass(book)
    _cur, peak_floor = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory (tracemalloc): cues pass {peak / 1e6:.1f} MB, floor pass {peak_floor / 1e6:.2f} MB "
          f"(the cues pass keeps a cache of the last {cues._analyse.cache_info().maxsize:,} analysed sentences)")


if __name__ == "__main__":
    main()

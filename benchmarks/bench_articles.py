"""How fast is bringing a 60,000-word article into the course?

Run:  .venv/bin/python benchmarks/bench_articles.py [--words 60000] [--repeat 3]

Writes a long article (paragraphs of the course articles, shuffled, each numbered so that none
repeats) to a .txt file, then times, in a fresh teacher folder each round:

* ``add``: ``ml.add_article(file)`` (read, check, tidy, hash, segment, write text and manifest);
* ``load``: ``ml.load_article(id)`` with its caches cleared (sha256 check, segmentation, span check);
* ``labeller``: building ``ml.SentenceLabeller`` on it (what a learner opens);
* ``re-add``: adding the same file again (found by its content hash, nothing written).

The floor, measured in the same run on the same file: reading it and splitting it into sentences
with pysbd alone (one ``pysbd.Segmenter`` call per paragraph, as the course splits). The ratio
(medialit time / floor time) is what to compare between machines; absolute times depend on the
machine. Best of ``--repeat`` rounds. No assertions: this prints numbers.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import tempfile
import time
from pathlib import Path


def long_text(words: int, seed: int = 7) -> str:
    from medialit import data

    paras: list[str] = []
    for aid in ("southfront_2026", "voltaire_2024", "linternaute_mt_2024", "model_report_2024-02-10"):
        text = data.load_article(aid).text
        paras += [text[a:b] for a, b in data.paragraphs(text)]
    rnd = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < words:
        para = f"{rnd.choice(paras)} (Part {len(out) + 1}.)"
        out.append(para)
        n += len(para.split())
    return "\n\n".join(out) + "\n"


_BLANK = re.compile(r"\n[ \t]*\n")


def floor(path: Path) -> tuple[float, int]:
    """Read the file and split it with pysbd alone: (seconds, sentences)."""
    import pysbd

    t0 = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    n = 0
    for para in _BLANK.split(text):
        if para.strip():
            n += len(seg.segment(para.replace("\n", " ")))
    return time.perf_counter() - t0, n


def one_round(path: Path) -> dict[str, float | int]:
    import medialit as ml
    from medialit import data

    out: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as home:
        os.environ["MEDIALIT_HOME"] = home
        meta = dict(title="A very long report", publisher="Bench", url="https://bench.example/long", date="2026-12-01")
        t0 = time.perf_counter()
        aid = ml.add_article(path, **meta)
        out["add"] = time.perf_counter() - t0
        data._load_teacher_cached.cache_clear()
        data._verified.cache_clear()
        t0 = time.perf_counter()
        art = ml.load_article(aid)
        out["load"] = time.perf_counter() - t0
        out["sentences"] = len(art.sentences)
        ml.set_learner("bench", remember=False)
        t0 = time.perf_counter()
        lab = ml.SentenceLabeller(aid, {"fact": "can be checked", "opinion": "a judgement"})
        out["labeller"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        lab.show(len(lab.sentences) // 2)
        lab.set_label(label="fact")
        out["label one"] = time.perf_counter() - t0
        out["overview KB"] = len(lab.overview.value) // 1000
        t0 = time.perf_counter()
        assert ml.add_article(path, **meta) == aid
        out["re-add"] = time.perf_counter() - t0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    old_home = os.environ.get("MEDIALIT_HOME")
    with tempfile.TemporaryDirectory(prefix="medialit-bench-src-") as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(long_text(args.words), encoding="utf-8")
        size = path.stat().st_size
        floors, rounds = [], []
        try:
            for _ in range(args.repeat):
                floors.append(floor(path))
                rounds.append(one_round(path))
        finally:
            if old_home is None:
                os.environ.pop("MEDIALIT_HOME", None)
            else:
                os.environ["MEDIALIT_HOME"] = old_home
    floor_s, floor_n = min(floors)
    best = {k: min(r[k] for r in rounds) for k in rounds[0]}
    total = best["add"] + best["load"] + best["labeller"]
    print(f"article: {args.words:,}+ words, {size / 1e6:.2f} MB, {best['sentences']:,} sentences "
          f"(pysbd alone: {floor_n:,}); best of {args.repeat}")
    print(f"floor (read + pysbd per paragraph): {floor_s:.2f} s")
    for key in ("add", "load", "labeller", "label one", "re-add"):
        print(f"  {key:10} {best[key]:7.3f} s   ratio {best[key] / floor_s:5.2f}")
    print(f"add + load + labeller: {total:.2f} s, ratio {total / floor_s:.2f} "
          f"(two segmentations, add and load, so about 2 is the expected floor)")
    print(f"labeller overview table: {best['overview KB']:,} KB of HTML sent per change (one sentence shown at a time)")


if __name__ == "__main__":
    main()

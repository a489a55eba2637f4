"""How fast is the class dashboard on a large class? Prints ratios against a floor, no thresholds.

    .venv/bin/python benchmarks/bench_analysis.py [--learners 1000] [--seed 1] [--repeat 3]

1. Writes a synthetic class (``tools/synthetic_class.py``, every activity kind, a few broken
   files) into a temporary folder.
2. Floor: read every file and ``json.loads`` it -- the least any loader must do.
3. Full: ``ml.load_class`` (validation included) plus every analysis the dashboard runs
   (progress, label counts, agreement per article and per label, disputed sentences, comparison
   with the key, confusion matrix, checks, free text, gradebook, the tidy long table).
4. Prints the best of ``--repeat`` runs of each (and of ``load_class`` alone), their ratio, and
   the peak memory of one full run (tracemalloc, Python allocations) and of the whole process
   (ru_maxrss).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def floor(folder: Path) -> int:
    n = 0
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            try:
                json.loads((folder / name).read_bytes())
                n += 1
            except ValueError:
                pass
    return n


def full(folder: Path, key: dict) -> dict:
    import medialit as ml

    ca = ml.analysis
    cls = ml.load_class(folder)
    labels = ca.key_labels(key)
    prog = ca.progress(cls)
    out = {
        "progress": ca.progress_summary(prog),
        "counts": ca.label_counts(cls, labels=labels),
        "by_article": ca.agreement_by_article(cls),
        "by_label": ca.agreement_by_label(cls, labels=labels),
        "disputed": ca.disputed_sentences(cls, top=10, key=key),
        "comparison": ca.compare_with_key(cls, key),
        "confusion": ca.confusion_matrix(cls, key),
        "checks": ca.check_results(cls),
        "free_text": ca.free_text(cls),
        "gradebook": ca.gradebook(cls, key),
        "tidy": cls.tidy(),
    }
    out["cls"] = cls
    return out


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--learners", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    import medialit as ml
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import synthetic_class as synthetic

    key = ml.analysis.load_key()
    ml.analysis.loading.course_articles()  # load the articles once, as a running kernel would have
    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        files = synthetic.make_class(folder, learners=args.learners, seed=args.seed, key=key)
        t_gen = time.perf_counter() - t
        size = sum(f.stat().st_size for f in files)
        t_floor, n_parsed = best_of(lambda: floor(folder), args.repeat)
        t_full, res = best_of(lambda: full(folder, key), args.repeat)
        t_load, _ = best_of(lambda: ml.load_class(folder), args.repeat)
        tracemalloc.start()
        full(folder, key)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        cls = res["cls"]
        print(f"class: {args.learners} learners, {len(files)} files, {size / 1e6:.1f} MB "
              f"(generated in {t_gen:.2f} s)")
        print(f"rows: {len(cls.labels)} sentence labels, {len(cls.marks)} marks, {len(cls.provenance)} "
              f"checklist answers, {len(cls.claims)} claim rows, {len(cls.checks)} checks; "
              f"tidy table {len(res['tidy'])} rows; {len(cls.report)} report rows")
        print(f"floor (read + json.loads of {n_parsed} files): {t_floor:.3f} s")
        print(f"load_class alone:                          {t_load:.3f} s  ({t_load / t_floor:.1f}x the floor)")
        print(f"load_class + all analyses:                 {t_full:.3f} s")
        print(f"ratio full / floor: {t_full / t_floor:.1f}x   (best of {args.repeat})")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
        print(f"peak memory: {peak / 1e6:.0f} MB traced in one full run; process max RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long do the course notebooks take to run, against trivial notebooks? Ratios, no thresholds.

    .venv/bin/python benchmarks/bench_notebooks.py [--repeat 1] [--only 90_instructor]

1. Course: every built notebook in ``notebooks/``, ``exercises/`` and ``solutions/`` (14 today),
   executed the way ``make test`` runs them: a fresh kernel per notebook (nbclient, the executor
   nbval also drives), started in the notebook's folder, with ``MEDIALIT_STRICT=1``, an empty
   temporary ``MEDIALIT_HOME`` and no ``MEDIALIT_CLASS``/``MEDIALIT_EXPORT``. The kernel imports
   this checkout's ``src/`` (put first on ``PYTHONPATH``), whatever the venv's editable install
   points at.
2. Floor: as many trivial notebooks, generated into a temporary folder, each importing pandas,
   matplotlib and ipywidgets, showing one widget and drawing one small plot -- the least any
   lesson notebook costs. Course and trivial notebooks alternate, so a busy machine slows both.
3. Prints the best of ``--repeat`` wall times per notebook (kernel start to shutdown), the totals,
   their ratio, and each course kernel's peak memory (``VmHWM`` from ``/proc/<pid>/status``,
   read by one extra cell at the end; ``ru_maxrss`` where there is no ``/proc``).

Goals from issue 13: total ratio <= 1.5x, every lesson kernel <= 250 MB.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("notebooks", "exercises", "solutions")

_PEAK_CELL = """\
import os as _os, resource as _resource
try:
    with open(f"/proc/{_os.getpid()}/status") as _f:
        _peak = [int(l.split()[1]) for l in _f if l.startswith("VmHWM:")][0]
except OSError:
    _peak = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss
print("MEDIALIT_BENCH_PEAK_KB", _peak)
"""

_TRIVIAL_CELLS = [
    "import ipywidgets as widgets\nimport matplotlib.pyplot as plt\nimport pandas as pd",
    "df = pd.DataFrame({'x': [1, 2, 3, 4], 'y': [1, 4, 9, 16]})\ndf",
    "widgets.IntSlider(value=2, min=0, max=4, description='x')",
    "fig, ax = plt.subplots(figsize=(4, 3))\nax.plot(df['x'], df['y'])\nplt.show()",
    "print('Plot summary: y grows with x.')",
]


def course_notebooks() -> list[Path]:
    return [p for d in FOLDERS if (ROOT / d).is_dir() for p in sorted((ROOT / d).glob("*.ipynb"))]


def trivial_notebooks(folder: Path, n: int) -> list[Path]:
    import nbformat

    out = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_markdown_cell(f"# Trivial notebook {i}")]
        nb.cells += [nbformat.v4.new_code_cell(src) for src in _TRIVIAL_CELLS]
        path = folder / f"trivial_{i:02d}.ipynb"
        nbformat.write(nb, path)
        out.append(path)
    return out


def run(path: Path, env: dict) -> tuple[float, int | None, str]:
    """Execute one notebook in a fresh kernel; ``(seconds, peak kB, error)``."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_PEAK_CELL))
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    # nbclient starts the kernel with os.environ: swap ours in for the duration of this notebook
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    error = ""
    t = time.perf_counter()
    try:
        client.reset_execution_trackers()
        with client.setup_kernel(stderr=subprocess.DEVNULL):  # the kernel's start-up warnings, not outputs
            try:
                for index, cell in enumerate(nb.cells[:-1]):
                    client.execute_cell(cell, index)
            except CellExecutionError as exc:  # stop there, as nbval would, but still read the peak
                lines = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip().splitlines()
                error = lines[-1][:200] if lines else "cell error"
            client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
    finally:
        elapsed = time.perf_counter() - t
        os.environ.clear()
        os.environ.update(saved)
    peak = None
    for out in nb.cells[-1].get("outputs", []):
        for line in out.get("text", "").splitlines():
            if line.startswith("MEDIALIT_BENCH_PEAK_KB"):
                peak = int(line.split()[1])
    return elapsed, peak, error


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each notebook; the best is kept")
    ap.add_argument("--only", default="", help="run only course notebooks whose path contains this")
    args = ap.parse_args(argv)

    course = [p for p in course_notebooks() if args.only in str(p.relative_to(ROOT))]
    if not course:
        print("no built notebooks found (run tools/build_notebooks.py)")
        return 1
    with tempfile.TemporaryDirectory(prefix="medialit-bench-nb-") as tmp:
        tmp = Path(tmp)
        (tmp / "trivial").mkdir()
        trivial = trivial_notebooks(tmp / "trivial", len(course))
        env = {k: v for k, v in os.environ.items() if k not in ("MEDIALIT_CLASS", "MEDIALIT_EXPORT")}
        env.update(MEDIALIT_STRICT="1", MEDIALIT_CLASS="", MEDIALIT_EXPORT="",
                   PYTHONPATH=os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]))
        times_c: dict = {p: [] for p in course}
        times_t: dict = {p: [] for p in trivial}
        peaks: dict = {}
        errors: dict = {}
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for c, tr in zip(course, trivial, strict=True):
                home = tmp / f"home-{c.stem}"
                home.mkdir(exist_ok=True)
                dt, peak, err = run(c, {**env, "MEDIALIT_HOME": str(home)})
                times_c[c].append(dt)
                peaks[c] = max(peaks.get(c) or 0, peak or 0) or None
                if err:
                    errors[c] = err
                dt, _, err = run(tr, {**env, "MEDIALIT_HOME": str(home)})
                times_t[tr].append(dt)
                if err:
                    errors[tr] = err
        wall = time.perf_counter() - t0
    best_c = {p: min(v) for p, v in times_c.items()}
    best_t = [min(v) for v in times_t.values()]
    print(f"{'course notebook':<58} {'seconds':>8} {'vs trivial':>10} {'peak MB':>8}")
    floor_each = statistics.median(best_t)
    for p, s in best_c.items():
        mb = f"{peaks[p] / 1024:.0f}" if peaks.get(p) else "?"
        print(f"{str(p.relative_to(ROOT)):<58} {s:>8.2f} {s / floor_each:>9.1f}x {mb:>8}"
              + ("  (stopped at an error)" if p in errors else ""))
    total_c, total_t = sum(best_c.values()), sum(best_t)
    print(f"trivial notebooks: {len(best_t)}, each {min(best_t):.2f}-{max(best_t):.2f} s "
          f"(median {floor_each:.2f} s)")
    print(f"course total:  {total_c:.2f} s for {len(best_c)} notebooks")
    print(f"trivial total: {total_t:.2f} s for {len(best_t)} notebooks")
    print(f"ratio course / trivial: {total_c / total_t:.2f}x   (best of {args.repeat}; whole run {wall:.0f} s)")
    known = [v for v in peaks.values() if v]
    if known:
        worst = max(peaks, key=lambda p: peaks[p] or 0)
        print(f"peak kernel memory: max {max(known) / 1024:.0f} MB ({worst.name}), "
              f"median {statistics.median(known) / 1024:.0f} MB")
    for p, e in errors.items():
        print(f"ERROR in {p.name}: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

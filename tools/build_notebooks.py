"""Build the course notebooks from their only hand-edited sources in ``content/``.

    content/NN_slug.py      -> notebooks/NN_slug.ipynb                 (instructor cells removed)
                            -> solutions/NN_slug_instructor.ipynb       (only if it has instructor cells)
    content/NN_slug_exK.py  -> exercises/NN_slug_exK.ipynb             (answers stripped)
                            -> solutions/NN_slug_exK_solution.ipynb     (answers + instructor notes)

NN is two digits, optionally followed by one letter for a lesson that continues another
(``01b_tracing_quotes`` comes right after ``01_source_provenance``).

Markers: a cell tagged ``solution`` is dropped from the exercise; a line ending ``# SOLUTION``
becomes ``...`` in the exercise (``x = 42  # SOLUTION`` -> ``x = ...``); a cell tagged
``instructor`` appears only in ``solutions/``. The output is deterministic: no outputs,
stable cell ids, sorted keys, so a rebuild of unchanged sources changes no byte.

    python tools/build_notebooks.py              # write into the repository
    python tools/build_notebooks.py --out DIR    # write DIR/notebooks, DIR/exercises, DIR/solutions
"""
from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
EXERCISE_RE = re.compile(r"^(?P<base>\d\d[a-z]?_[a-z0-9_]+?)_ex(?P<k>\d+)$")
LESSON_RE = re.compile(r"^\d\d[a-z]?_[a-z0-9_]+$")
SOLUTION_LINE = re.compile(r"^(?P<indent>\s*)(?P<code>.*?)\s*#\s*SOLUTION\s*$")
ASSIGN = re.compile(r"^(?P<lhs>[A-Za-z_][\w\.\[\]'\", ]*?\s*(?::[^=]+)?=)(?!=)\s*.+$")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def strip_solution_line(line: str) -> str:
    """``x = 42  # SOLUTION`` -> ``x = ...``; any other marked line -> ``...`` (indent kept)."""
    m = SOLUTION_LINE.match(line)
    if not m:
        return line
    code = m.group("code")
    a = ASSIGN.match(code)
    if a:
        return f"{m.group('indent')}{a.group('lhs')} ..."
    return f"{m.group('indent')}..."


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _clean(nb, slug: str):
    """Remove outputs and volatile metadata; give every cell a stable id."""
    import nbformat

    nb.metadata = nbformat.from_dict({
        "kernelspec": KERNELSPEC,
        "language_info": {"name": "python"},
    })
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{slug[:50]}-{i:03d}".replace("_", "-")
        meta = {k: v for k, v in cell.get("metadata", {}).items() if k in ("tags",)}
        if "tags" in meta and not meta["tags"]:
            del meta["tags"]
        cell["metadata"] = meta
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def _without(nb, drop_tag: str):
    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if drop_tag not in _tags(c)]
    return out


def exercise_version(nb):
    """The student version: no solution or instructor cells, ``# SOLUTION`` lines stubbed."""
    out = _without(_without(nb, "solution"), "instructor")
    for cell in out.cells:
        if cell["cell_type"] == "code":
            cell["source"] = "\n".join(strip_solution_line(l) for l in cell["source"].split("\n"))
    return out


def solution_version(nb):
    """The teacher version: everything, with the ``# SOLUTION`` markers removed from the lines."""
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell["cell_type"] == "code":
            cell["source"] = "\n".join(
                SOLUTION_LINE.sub(lambda m: m.group("indent") + m.group("code"), l) for l in cell["source"].split("\n")
            )
    return out


def _write(nb, path: Path) -> None:
    import nbformat

    path.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb, version=4)
    if not text.endswith("\n"):
        text += "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def targets(src: Path, out: Path) -> dict[Path, str]:
    """Which files a content source produces, and which version each is."""
    stem = src.stem
    m = EXERCISE_RE.match(stem)
    if m:
        return {
            out / "exercises" / f"{stem}.ipynb": "exercise",
            out / "solutions" / f"{stem}_solution.ipynb": "solution",
        }
    if LESSON_RE.match(stem):
        return {
            out / "notebooks" / f"{stem}.ipynb": "lesson",
            out / "solutions" / f"{stem}_instructor.ipynb": "instructor",
        }
    raise ValueError(f"{src.name}: content files are named NN_slug.py or NN_slug_exK.py")


def build(out: Path = ROOT, sources: list[Path] | None = None) -> list[Path]:
    """Build every source (or the given ones) into ``out``; return the files written."""
    import jupytext

    written = []
    for src in sources or sorted(CONTENT.glob("[0-9][0-9]*_*.py")):
        nb = _clean(jupytext.read(src, fmt="py:percent"), src.stem)
        empty = [i + 1 for i, c in enumerate(nb.cells) if not c.source.strip()]
        if empty:  # a learner would see an empty cell ("Type Markdown and LaTeX")
            raise ValueError(f"{src.name}: cell(s) {empty} are empty; remove the extra '# %%' line")
        has_instructor = any("instructor" in _tags(c) for c in nb.cells)
        for path, kind in targets(src, out).items():
            if kind == "exercise":
                result = exercise_version(nb)
            elif kind == "solution":
                result = solution_version(nb)
            elif kind == "lesson":
                if any("solution" in _tags(c) for c in nb.cells):
                    raise ValueError(f"{src.name}: lessons have no solution cells; use an _exK file")
                result = _without(nb, "instructor")
            else:  # instructor copy of a lesson
                if not has_instructor:
                    continue
                result = solution_version(nb)
            _write(result, path)
            written.append(path)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Build notebooks/, exercises/ and solutions/ from content/.")
    ap.add_argument("--out", type=Path, default=ROOT, help="folder to write into (default: the repository)")
    args = ap.parse_args(argv)
    written = build(args.out)
    expected = {p.resolve() for p in written}
    if args.out.resolve() == ROOT:
        for folder in ("notebooks", "exercises", "solutions"):
            for stale in (ROOT / folder).glob("*.ipynb"):
                if stale.resolve() not in expected:
                    stale.unlink()
                    print(f"removed {stale.relative_to(ROOT)} (its source is gone)")
    print(f"built {len(written)} notebooks")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The generated notebooks are in sync with content/, and no answer leaks into exercises/."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
build_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_notebooks)

SOURCES = sorted((ROOT / "content").glob("[0-9][0-9]_*.py"))
EXERCISES = [s for s in SOURCES if build_notebooks.EXERCISE_RE.match(s.stem)]
LESSONS = [s for s in SOURCES if s not in EXERCISES]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    build_notebooks.build(out)
    return out


def test_generated_folders_match_a_fresh_build(rebuilt):
    for folder in ("notebooks", "exercises", "solutions"):
        fresh = {p.name: p.read_bytes() for p in (rebuilt / folder).glob("*.ipynb")}
        committed = {p.name: p.read_bytes() for p in (ROOT / folder).glob("*.ipynb")}
        assert sorted(fresh) == sorted(committed), f"{folder}/: run `make build`"
        for name in fresh:
            assert fresh[name] == committed[name], f"{folder}/{name} is out of date: run `make build`"


def test_build_is_deterministic(tmp_path, rebuilt):
    build_notebooks.build(tmp_path)
    for p in rebuilt.rglob("*.ipynb"):
        assert (tmp_path / p.relative_to(rebuilt)).read_bytes() == p.read_bytes()


def test_every_exercise_has_its_solution():
    for src in EXERCISES:
        assert (ROOT / "exercises" / f"{src.stem}.ipynb").is_file(), src.name
        assert (ROOT / "solutions" / f"{src.stem}_solution.ipynb").is_file(), src.name
    for ex in (ROOT / "exercises").glob("*.ipynb"):
        assert (ROOT / "solutions" / f"{ex.stem}_solution.ipynb").is_file(), ex.name


def _cells(path: Path) -> list[dict]:
    cells = json.loads(path.read_text())["cells"]
    for c in cells:
        if isinstance(c["source"], list):
            c["source"] = "".join(c["source"])
    return cells


def _secrets(src: Path) -> list[str]:
    """Texts that must never appear in the student version: solution cells and # SOLUTION values."""
    import jupytext

    nb = jupytext.read(src, fmt="py:percent")
    out = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags or "instructor" in tags:
            out += [line.strip() for line in cell["source"].split("\n") if len(line.strip()) > 25]
        for line in cell["source"].split("\n"):
            m = build_notebooks.SOLUTION_LINE.match(line)
            if m:
                code = m.group("code")
                a = build_notebooks.ASSIGN.match(code)
                value = code[len(a.group("lhs")):].strip() if a else code.strip()
                out.append(code.strip())  # the whole answer line
                # a long value is an answer in itself; a short one may legitimately be listed
                # among the choices the exercise offers, so only the whole line counts then
                if len(value) >= 20:
                    out.append(value)
    return out


@pytest.mark.parametrize("src", EXERCISES, ids=lambda p: p.stem)
def test_no_solution_text_leaks_into_exercises(src):
    text = "\n".join(c["source"] for c in _cells(ROOT / "exercises" / f"{src.stem}.ipynb"))
    for secret in _secrets(src):
        assert secret not in text, f"{src.stem}: solution text leaked: {secret[:60]!r}"
    assert "# SOLUTION" not in text


def test_solution_markers(tmp_path):
    assert build_notebooks.strip_solution_line("answer = 'Wednesday'  # SOLUTION") == "answer = ..."
    assert build_notebooks.strip_solution_line("    x: int = 4 # SOLUTION") == "    x: int = ..."
    assert build_notebooks.strip_solution_line("    print('hi')  # SOLUTION") == "    ..."
    assert build_notebooks.strip_solution_line("y = 1  # not a marker") == "y = 1  # not a marker"
    src = tmp_path / "content" / "99_demo_ex1.py"
    src.parent.mkdir()
    src.write_text('# %% [markdown]\n# # Demo\n\n# %%\nx = 42  # SOLUTION\n\n'
                   '# %% [markdown] tags=["solution"]\n# The model answer is secret.\n\n'
                   '# %% [markdown] tags=["instructor"]\n# Teacher note.\n')
    build_notebooks.build(tmp_path / "out", [src])
    ex = _cells(tmp_path / "out" / "exercises" / "99_demo_ex1.ipynb")
    sol = _cells(tmp_path / "out" / "solutions" / "99_demo_ex1_solution.ipynb")
    assert [c["source"] for c in ex] == ["# Demo", "x = ..."]
    assert [c["source"] for c in sol] == ["# Demo", "x = 42", "The model answer is secret.", "Teacher note."]


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_lesson_anatomy(src):
    """Title, Questions/Objectives/Time, setup import, short cells, Key points at the end."""
    kind = "exercises" if src in EXERCISES else "notebooks"
    nb = ROOT / kind / f"{src.stem}.ipynb"
    cells = _cells(nb)
    first = cells[0]["source"]
    assert first.startswith("# "), f"{nb.name}: first cell must be the title"
    text = "\n".join(c["source"] for c in cells if c["cell_type"] == "markdown")
    for word in ("Objectives", "Time"):
        assert word in text, f"{nb.name}: no '{word}'"
    assert any("import medialit as ml" in c["source"] for c in cells if c["cell_type"] == "code")
    assert re.search(r"^## Key points", cells[-1]["source"], re.M) or re.search(r"^## Key points", cells[-2]["source"], re.M), \
        f"{nb.name}: must end with Key points"
    ids = [c["id"] for c in cells]
    assert len(ids) == len(set(ids))
    for c in cells:
        limit = 10 if c["cell_type"] == "code" else 15
        n = len([l for l in c["source"].split("\n") if l.strip()])
        assert n <= limit or c["cell_type"] == "markdown" and c["source"].lstrip().startswith("|"), \
            f"{nb.name}: a {c['cell_type']} cell has {n} lines (limit {limit}): {c['source'][:60]!r}"

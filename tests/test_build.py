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
    """Title, Questions/Objectives/Time, setup import, short cells, Key points at the end, and no
    notebook plumbing (IPython.display, private names) in the code learners read."""
    kind = "exercises" if src in EXERCISES else "notebooks"
    nb = ROOT / kind / f"{src.stem}.ipynb"
    cells = _cells(nb)
    first = cells[0]["source"]
    assert first.startswith("# "), f"{nb.name}: first cell must be the title"
    text = "\n".join(c["source"] for c in cells if c["cell_type"] == "markdown")
    for word in ("Questions", "Objectives", "Time"):
        assert re.search(rf"^\*\*{word}\*\*", text, re.M), f"{nb.name}: no '**{word}**'"
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
    problems = plumbing(src.read_text(encoding="utf-8"))
    assert not problems, f"{src.name}: " + "; ".join(problems)


def plumbing(code: str) -> list[str]:
    """What learners should not have to read in a lesson: IPython.display imports (lesson functions
    return objects that display themselves), private names (``_x``) imported or used, and
    hand-typed activity ids (``ml.lesson(...)`` names them)."""
    import ast

    out = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".") + [a.name for a in node.names]
            if (node.module or "").startswith("IPython"):
                out.append(f"line {node.lineno}: imports from {node.module}")
            if any(p.startswith("_") for p in parts):
                out.append(f"line {node.lineno}: imports a private name")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("IPython"):
                    out.append(f"line {node.lineno}: imports {a.name}")
                if any(p.startswith("_") for p in a.name.split(".")):
                    out.append(f"line {node.lineno}: imports a private module")
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            out.append(f"line {node.lineno}: uses the private name {node.attr}")
        elif isinstance(node, ast.keyword) and node.arg == "activity":
            out.append(f"line {node.lineno}: types an activity id (ml.lesson(...) names them)")
    return out


def test_plumbing_check_can_fail():
    assert plumbing("import medialit as ml\nml.plots.show(fig, 'x')\n") == []
    bad = ("from IPython.display import HTML, display\nimport IPython.display\nfrom medialit import _x\n"
           "from medialit._p import y\nml.store._read(p)\nml.SentenceLabeller('a', {}, activity='02:labels:a')\n")
    assert len(plumbing(bad)) == 6


# ---------------------------------------------------------------- running the notebooks

#: The activity id of every widget in the notebooks, as they were typed by hand before
#: ``ml.lesson(...)`` (grep of ``activity=`` in content/ at commit 441bd77). Learners' saved work
#: is filed under these ids: a derived id that differs would hide it.
ACTIVITY_IDS = {
    "00_start_here": ["00:claims:southfront_2026", "00:labels:southfront_2026", "00:phrases:southfront_2026",
                      "00:provenance:southfront_2026"],
    "01_source_provenance": ["01:chain:linternaute_mt_2024", "01:chain:southfront_2026", "01:chain:voltaire_2024",
                             "01:provenance:linternaute_mt_2024", "01:provenance:southfront_2026",
                             "01:provenance:voltaire_2024"],
    "01b_tracing_quotes": [],
    "00b_skills_check_before": ["skills-check:before"],
    "05_skills_check_after": ["skills-check:after"],
    "01_source_provenance_ex1": [],
    "02_opinion_or_reporting": ["02:labels:southfront_2026", "02:phrases:southfront_2026"],
    "02_opinion_or_reporting_ex1": ["02-ex1:labels:linternaute_mt_2024", "02-ex1:labels:voltaire_2024"],
    "03_unsupported_battlefield_claims": ["03:claims:southfront_2026"],
    "03b_evidence_ladder_and_treaty": ["03:claims:voltaire_2024"],
    "03_unsupported_battlefield_claims_ex1": ["03-ex1:claims:southfront_2026"],
    "04_your_own_article": ["04:claims:kelvenford_practice_2026", "04:labels:kelvenford_practice_2026",
                            "04:phrases:kelvenford_practice_2026", "04:provenance:kelvenford_practice_2026"],
    "90_instructor_dashboard": [],
}
RUN = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))
_IDS_CELL = ("import gc, json\nfrom medialit.widgets import ActivityBase\n"
             "print('ACTIVITY_IDS ' + json.dumps(sorted({w.activity for w in gc.get_objects() "
             "if isinstance(w, ActivityBase)})))")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Each notebook (lessons, dashboard, exercises as learners get them) run once with nbclient,
    with a last cell that lists the activity ids of its widgets. One kernel per notebook."""
    import os

    import nbformat
    from nbclient import NotebookClient

    cache: dict = {}

    def run(path: Path):
        if path not in cache:
            tmp = tmp_path_factory.mktemp(path.stem)
            env = {**os.environ, "MEDIALIT_HOME": str(tmp / "answers"), "MEDIALIT_LEARNER": "nbclient",
                   "MEDIALIT_CLASS": "", "MEDIALIT_EXPORT": str(tmp / "export"),
                   # the kernel imports this checkout's package, whatever is installed
                   "PYTHONPATH": os.pathsep.join([str(ROOT / "src")] + [p for p in [os.environ.get("PYTHONPATH")] if p])}
            env.pop("MPLBACKEND", None)  # the kernel's inline backend, as in Jupyter
            nb = nbformat.read(path, as_version=4)
            nb.cells.append(nbformat.v4.new_code_cell(_IDS_CELL))
            NotebookClient(nb, timeout=300, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
            cache[path] = nb
        return cache[path]

    return run


def _outputs(nb) -> list[tuple[int, list[dict]]]:
    return [(i, c.get("outputs", [])) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def plot_order_problems(nb) -> list[str]:
    """Every image must be followed, in the same cell, by a "Plot summary:" line printed after it;
    every "Plot summary:" line must come right after an image."""
    out = []
    for i, outputs in _outputs(nb):
        for k, o in enumerate(outputs):
            nxt = outputs[k + 1] if k + 1 < len(outputs) else None
            prev = outputs[k - 1] if k else None
            if "image/png" in o.get("data", {}):
                if not (nxt and nxt.get("output_type") == "stream" and nxt.get("text", "").startswith("Plot summary:")):
                    out.append(f"cell {i}: an image without a 'Plot summary:' line under it")
            if o.get("output_type") == "stream" and "Plot summary:" in o.get("text", ""):
                if not (o["text"].startswith("Plot summary:") and prev and "image/png" in prev.get("data", {})):
                    out.append(f"cell {i}: a 'Plot summary:' line that is not under an image")
    return out


@pytest.mark.parametrize("path", RUN, ids=lambda p: p.stem)
def test_every_plot_has_its_summary_under_it(executed, path):
    nb = executed(path)
    errors = [o for _, outs in _outputs(nb) for o in outs if o.get("output_type") == "error"]
    assert not errors, f"{path.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
    assert not plot_order_problems(nb), f"{path.name}: {plot_order_problems(nb)}"
    src = (ROOT / "content" / f"{path.stem}.py").read_text(encoding="utf-8")
    images = sum("image/png" in o.get("data", {}) for _, outs in _outputs(nb) for o in outs)
    assert images == src.count("ml.plots.show("), f"{path.name}: every plot is shown with ml.plots.show"


def test_plot_order_check_can_fail():
    import nbformat

    v4 = nbformat.v4
    image = v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    summary = v4.new_output("stream", name="stdout", text="Plot summary: two bars.\n")
    good, above = v4.new_notebook(), v4.new_notebook()
    good.cells = [v4.new_code_cell("x", outputs=[image, summary])]
    above.cells = [v4.new_code_cell("x", outputs=[summary, image])]   # lessons 02 and 03 before the fix
    assert plot_order_problems(good) == []
    assert len(plot_order_problems(above)) == 2


@pytest.mark.parametrize("path", RUN, ids=lambda p: p.stem)
def test_derived_activity_ids_equal_the_ids_typed_before(executed, path):
    nb = executed(path)
    text = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []) if o.get("output_type") == "stream")
    assert text.startswith("ACTIVITY_IDS "), text
    assert json.loads(text.split(" ", 1)[1]) == ACTIVITY_IDS[path.stem]


def test_saved_answers_of_release_0_1_use_these_ids():
    saved = set()
    for f in (ROOT / "tests" / "fixtures" / "release_0_1" / "answers").glob("*.json"):
        saved |= {a for a in json.loads(f.read_text(encoding="utf-8"))["activities"] if a.count(":") == 2}
    widget_ids = {i for ids in ACTIVITY_IDS.values() for i in ids}
    assert saved and saved <= widget_ids


def test_an_empty_cell_is_refused(tmp_path):
    # an extra "# %% [markdown]" line gives learners an empty cell ("Type Markdown and LaTeX")
    src = tmp_path / "content" / "07_demo.py"
    src.parent.mkdir()
    src.write_text("# %% [markdown]\n# # Demo\n\n# %% [markdown]\n# %% [markdown]\n# ## Key points\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"07_demo.py: cell\(s\) \[2\] are empty"):
        build_notebooks.build(out=tmp_path / "out", sources=[src])


# ---------------------------------------------------------------- what a web-app (Voila) user reads


def _learner_cells(name: str) -> list[dict]:
    folder = "exercises" if build_notebooks.EXERCISE_RE.match(name) else "notebooks"
    return _cells(ROOT / folder / f"{name}.ipynb")


def answer_leaks(cells: list[dict], questions: dict, around: int = 3) -> list[str]:
    """Markdown cells within ``around`` cells of an ``ml.Answer("id")`` that state its key's answer,
    or the explanation its "correct" feedback gives, before the learner has answered."""
    out = []
    for i, cell in enumerate(cells):
        for qid in re.findall(r'ml\.Answer\("([^"]+)"', cell["source"]) if cell["cell_type"] == "code" else []:
            q = questions.get(qid) or {}
            answer = q.get("answer")
            if q.get("type") != "choice" or not isinstance(answer, str) or answer.isupper() or answer.isdigit():
                continue
            near = cells[max(0, i - around):i + around + 1]
            for c in near:
                if c["cell_type"] == "markdown" and answer.casefold() in c["source"].casefold():
                    out.append(f"{qid}: the answer {answer!r} is in the text: {c['source'][:70]!r}")
    return out


def test_no_answer_is_stated_in_the_text_around_its_question():
    from medialit import feedback

    questions = feedback.questions()
    problems = [p for src in SOURCES for p in answer_leaks(_learner_cells(src.stem), questions)]
    assert not problems, problems


def test_answer_leak_check_can_fail():
    cells = [{"cell_type": "code", "source": 'ml.Answer("q")'},
             {"cell_type": "markdown", "source": "- **would → will**: the print makes it a promise."}]
    assert answer_leaks(cells, {"q": {"type": "choice", "answer": "would → will"}})


def test_the_drift_explanation_is_in_the_key_not_in_the_page():
    """QA pass: lesson 01b said "would → will ... the print makes it a promise" under the key
    button, before the learner answered 01b-drift. The explanation is shown by the key now."""
    import medialit as ml

    text = "\n".join(c["source"] for c in _learner_cells("01b_tracing_quotes") if c["cell_type"] == "markdown")
    assert "makes it a promise" not in text and "would → will" not in text
    assert "10 January 2024 was a Wednesday" not in text  # 01b-weekday: the answer, after its question
    assert "Article 5 is part of the **North Atlantic Treaty**" not in text  # 01b-article5, before it
    q01 = ml.load_table("quotes").set_index("id").loc["q01", "what_changed"]
    assert "would → will" in q01 and "makes it a promise" in q01
    source = (ROOT / "content" / "01b_tracing_quotes.py").read_text(encoding="utf-8")
    reveal = source[source.index('ml.KeyReveal("01b-drift-key"'):].split("\n# %%")[0]
    assert '"what_changed"' in reveal  # the key shows what each change does


#: Instructions only a JupyterLab user can follow (a web-app user sees no code and no menus).
LAB_ONLY = re.compile(r"Shift \+ Enter|Run All|Restart Kernel|restart the kernel|code (box|cell)|run the (next )?cells?",
                      re.I)


def lab_only_problems(text: str) -> list[str]:
    """The JupyterLab-only instruction in a markdown cell that does not also say what to do in the web app."""
    hit = LAB_ONLY.search(text)
    return [text[max(0, hit.start() - 40):hit.end() + 40]] if hit and not re.search(r"web.app", text, re.I) else []


def test_every_lab_only_instruction_says_what_to_do_in_the_web_app():
    problems = []
    for src in SOURCES:
        for c in _learner_cells(src.stem):
            if c["cell_type"] == "markdown":
                problems += [f"{src.stem}: {p!r}" for p in lab_only_problems(c["source"])]
    assert not problems, problems
    assert lab_only_problems("Click a code box and press **Shift + Enter** to run it.")  # the check can fail


#: Code a learner is told to run to read a glossary word or an evidence record: a web-app (Voila)
#: user cannot run it, so the notebook must have an ``ml.Lookup()`` box to type the word or id in.
LOOKUP_CODE = re.compile(r"ml\.(?:glossary|evidence)\(")
LOOKUP_BOX = re.compile(r"look-?up box", re.I)


def lookup_problems(cells: list[dict]) -> list[str]:
    """A notebook whose text mentions ``ml.glossary(``/``ml.evidence(`` (or a look-up box) but has
    no ``ml.Lookup()`` cell; and any text with that code that does not point to the look-up box."""
    has_box = any(c["cell_type"] == "code" and "ml.Lookup()" in c["source"] for c in cells)
    out = []
    for c in cells:
        if c["cell_type"] != "markdown":
            continue
        code = LOOKUP_CODE.search(c["source"])
        if (code or LOOKUP_BOX.search(c["source"])) and not has_box:
            out.append(f"no ml.Lookup() cell, yet the text says: {c['source'][:90]!r}")
        elif code and not LOOKUP_BOX.search(c["source"]):
            out.append(f"only the code, not the look-up box: {c['source'][max(0, code.start() - 40):code.end() + 40]!r}")
    return out


def exercise_pointer_problems(text: str) -> list[str]:
    """Text naming a notebook of exercises/ (which a lesson's web-app page cannot open) that does not
    also say how to open it in the web-app view (the teacher opens the exercises page)."""
    hit = re.search(r"exercises/\w+\.ipynb", text)
    if hit and not (re.search(r"web.app", text, re.I) and re.search(r"teacher", text, re.I)):
        return [text[max(0, hit.start() - 40):hit.end() + 40]]
    return []


LEARNER_NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))


@pytest.mark.parametrize("path", LEARNER_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_code_to_look_something_up_has_a_look_up_box_for_the_web_app(path):
    """Browser walk-through: lessons told learners to run ``ml.glossary("hedge")`` or
    ``ml.evidence("ev-...")``, which a web-app (Voila) learner cannot do, and to open
    ``exercises/...ipynb``, which the lessons' web-app page cannot open."""
    cells = _cells(path)
    problems = lookup_problems(cells)
    problems += [p for c in cells if c["cell_type"] == "markdown" for p in exercise_pointer_problems(c["source"])]
    assert not problems, f"{path.parent.name}/{path.name}: {problems}"


def test_look_up_checks_can_fail():
    md = {"cell_type": "markdown", "source": 'Unsure of *hedge*? `ml.glossary("hedge")` explains it.'}
    box = {"cell_type": "code", "source": "ml.Lookup()"}
    pointed = {"cell_type": "markdown", "source": 'Type *hedge* in the look-up box (or run `ml.glossary("hedge")`).'}
    assert lookup_problems([md]) and lookup_problems([md, box])        # no box; box not pointed to
    assert lookup_problems([pointed]) and not lookup_problems([box, pointed])
    assert lookup_problems([{"cell_type": "markdown", "source": 'Open a record: `ml.evidence("ev-p-sift")`.'}])
    assert exercise_pointer_problems("Next: the exercise `exercises/02_opinion_or_reporting_ex1.ipynb`.")
    assert not exercise_pointer_problems("In JupyterLab, open `exercises/02_x_ex1.ipynb`; in the web-app view, "
                                         "your teacher opens the exercises page.")


def test_lesson_00_lists_the_characters_a_name_may_have():
    """The name rule in lesson 00 names exactly the punctuation the name box accepts."""
    import string

    from medialit import store

    def ok(name: str) -> bool:
        try:
            store.validate_learner_id(name)
            return True
        except store.LearnerIdError:
            return False

    allowed = {ch for ch in string.punctuation if ok(f"a{ch}b")}
    text = next(c["source"] for c in _learner_cells("00_start_here") if "Type a short name" in c["source"])
    rule = text[text.index("Type a short name"):text.index("Enter")]
    assert set(re.findall(r"`(.)`", rule)) == allowed, (rule, allowed)

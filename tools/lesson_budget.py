"""Does each learner notebook fit a 45-minute class period? (issue 16, item 4)

    python tools/lesson_budget.py                 # every learner notebook, executed once each
    python tools/lesson_budget.py notebooks/03_unsupported_battlefield_claims.ipynb
    python tools/lesson_budget.py --json          # the same figures as JSON

The estimate, documented and calibrated in ``docs/lesson-budget.md``:

* **reading minutes** = learner-facing words / :data:`WORDS_PER_MINUTE`. Learner-facing words are
  the words of the markdown cells plus the words the notebook shows when it runs (printed text,
  tables, widget labels and the text inside widgets, and every key the learner can open: the tool
  opens each ``ml.KeyReveal`` while measuring, because the learner reads it);
* **activity minutes** = the sum of :data:`COSTS` over the activities the notebook offers
  (widgets found in the kernel after the run, plus ``ml.check("...")`` calls in code cells);
* **total** = reading + activities + :data:`SETUP_MINUTES` (starting up, discussion).

A notebook fits when the total is at most :data:`PERIOD` minutes. A lesson (``notebooks/``) must
also state its time per numbered section in its ``##`` headings ("## 2. A claim ledger
(10 minutes)"), those times must add up to at most the total on its **Time** line, and that total
must be at most :data:`PERIOD`.

Each notebook runs once in a fresh kernel, with a temporary answers folder and the learner id
``budget`` (nothing of a real learner is read or written).
"""
from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import re
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PERIOD = 45
SETUP_MINUTES = 5
WORDS_PER_MINUTE = 150
#: Minutes per activity item (see docs/lesson-budget.md for the reasons behind each figure).
COSTS = {
    "sentence label": 0.25,        # per sentence offered by a SentenceLabeller
    "checklist answer": 1.0,       # per question of a ProvenanceChecklist
    "ledger row": 2.0,             # per row of a ClaimLedger
    "phrase marking": 5.0,         # per PhraseMarker (mark the loaded phrases of one text)
    "short answer": 1.0,           # per check() question of type choice/text/date/number/set
    "written answer": 3.0,         # per check() question of type free
    "anatomy field": 0.5,          # per field of a claim-anatomy question (who, what, ...)
    "match item": 0.5,             # per item of a matching question (labels type, no labeller)
    "chain step": 0.5,             # per step of a republication-chain builder
    "add an article": 3.0,         # per AddArticle box
    "hand in": 1.0,                # per HandIn box
    "other activity": 3.0,         # any activity widget this tool does not know (reported)
}
QUESTION_COSTS = {"choice": "short answer", "text": "short answer", "date": "short answer",
                  "number": "short answer", "set": "short answer", "free": "written answer",
                  "fields": "anatomy field"}
EXCLUDED = {"90_instructor_dashboard.ipynb"}
_MARK = "@@medialit-budget@@"
_WORD = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")
_CHECK = re.compile(r"""\bcheck\(\s*["']([^"']+)["']""")
_SECTION_TIME = re.compile(r"\((\d+)\s*(?:-\s*\d+\s*)?min(?:utes?)?\)\s*$", re.IGNORECASE)
_TIME_LINE = re.compile(r"^\s*\*\*Time\*\*\s*:?\s*(.*)$", re.MULTILINE)


def learner_notebooks(root: Path = ROOT) -> list[Path]:
    """Every learner notebook: ``notebooks/*.ipynb`` (not the instructor dashboard) and ``exercises/*.ipynb``."""
    found = sorted((root / "notebooks").glob("*.ipynb")) + sorted((root / "exercises").glob("*.ipynb"))
    return [p for p in found if p.name not in EXCLUDED]


# ------------------------------------------------------------------ words


def count_words(text: str) -> int:
    """Words in ``text`` (URLs left out; "don't", "Article-5", "2026" count as one word each)."""
    return len(_WORD.findall(_URL.sub(" ", text)))


def markdown_text(source: str) -> str:
    """What a reader sees of a markdown cell: link text without its URL, no HTML tags or table rules."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", source)              # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)              # [text](url) -> text
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"^\s*\|?[\s:\-|]+\|?\s*$", " ", text, flags=re.MULTILINE)  # |---|---|


def html_text(markup: str) -> str:
    """The visible text of an HTML fragment (styles and scripts left out)."""
    text = re.sub(r"(?is)<(style|script)\b.*?</\1\s*>", " ", markup)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def output_text(output: dict) -> str:
    """The visible text of one output of a code cell (a widget's own text is counted from its state)."""
    if output.get("output_type") == "stream":
        return "" if _MARK in output.get("text", "") else output.get("text", "")
    if output.get("output_type") == "error":
        return ""
    data = output.get("data") or {}
    if "application/vnd.jupyter.widget-view+json" in data:
        return ""
    if "text/html" in data:
        return html_text("".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"])
    if "text/markdown" in data:
        md = data["text/markdown"]
        return markdown_text("".join(md) if isinstance(md, list) else md)
    if "image/png" in data or "image/svg+xml" in data:
        return ""
    plain = data.get("text/plain", "")
    return "".join(plain) if isinstance(plain, list) else plain


_SHOWN_OPTIONS = {"RadioButtonsModel", "ToggleButtonsModel", "SelectModel", "SelectMultipleModel"}
_INPUT_MODELS = {"TextModel", "TextareaModel", "PasswordModel", "ComboboxModel"}


def widget_text(state: dict) -> str:
    """Visible text of every widget in a notebook's saved widget state: labels, HTML, options on
    show, text drawn by anywidgets, and what Output areas hold (a learner's own input is not counted;
    of a drop-down list only the chosen option shows)."""
    parts: list[str] = []
    for model in (state or {}).values():
        name, st = model.get("model_name", ""), model.get("state") or {}
        desc = st.get("description")
        if isinstance(desc, str):
            parts.append(desc)
        if name in _INPUT_MODELS:  # the label counts, the learner's own typing does not
            continue
        if name in ("HTMLModel", "HTMLMathModel") and isinstance(st.get("value"), str):
            parts.append(html_text(st["value"]))
        elif name == "LabelModel" and isinstance(st.get("value"), str):
            parts.append(st["value"])
        elif name in _SHOWN_OPTIONS:
            parts.extend(str(o) for o in st.get("_options_labels") or [])
        elif name == "DropdownModel":
            labels, index = st.get("_options_labels") or [], st.get("index")
            if isinstance(index, int) and 0 <= index < len(labels):
                parts.append(str(labels[index]))
        elif name == "OutputModel":
            parts.extend(output_text(o) for o in st.get("outputs") or [])
        elif name == "AnyModel":
            parts.extend(st[k] for k in ("title", "text") if isinstance(st.get(k), str))
    return "\n".join(parts)


# ------------------------------------------------------------------ stated times


def stated_times(nb) -> tuple[list[tuple[str, int | None]], int | None]:
    """``([(numbered ## heading, minutes or None)], total on the Time line or None)``."""
    sections, total = [], None
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        if total is None and (m := _TIME_LINE.search(cell.source)):
            numbers = [int(n) for n in re.findall(r"\d+", m.group(1).split(".")[0])]
            total = max(numbers) if numbers else None
        for line in cell.source.splitlines():
            if re.match(r"^##\s+\d", line):
                t = _SECTION_TIME.search(line.strip())
                sections.append((line[2:].strip(), int(t.group(1)) if t else None))
    return sections, total


# ------------------------------------------------------------------ activities

_PREAMBLE = f"""
import medialit as _budget_ml
if hasattr(_budget_ml, "reveal"):  # open every key while measuring: the learner reads it too
    def _budget_open(reveal_id, show, *, activities=(), questions=(), **_ignored):
        return _budget_ml.reveal(reveal_id, show, activities=activities, questions=questions)
    _budget_ml.KeyReveal = _budget_open
print({_MARK!r})
"""

_INVENTORY = f"""
import gc as _gc, json as _json
from medialit.widgets.base import ActivityBase as _AB
from medialit.widgets.answer import Answer as _Answer
_found = []
for _o in _gc.get_objects():
    try:
        if not isinstance(_o, (_AB, _Answer)) and not hasattr(type(_o), "activity_cost") \
                and type(_o).__name__ not in ("HandIn", "AddArticle"):
            continue
    except Exception:
        continue
    _item = {{"class": type(_o).__name__, "id": hex(id(_o))}}
    if hasattr(_o, "activity_cost"):
        _item["cost"] = list(_o.activity_cost())
    elif isinstance(_o, _Answer):
        _item["question"] = _o.question_id
        _item["type"] = _o.kind
    elif type(_o).__name__ == "SentenceLabeller":
        _item["n"] = len(_o.sentences)
    elif type(_o).__name__ == "ProvenanceChecklist":
        _item["n"] = len(_o.questions)
    elif type(_o).__name__ == "ChainBuilder":
        _item["n"] = len(getattr(_o, "pool", None) or [])
    elif type(_o).__name__ == "ClaimLedger":
        _item["n"] = len((_o.data or {{}}).get("rows") or [])
    _found.append(_item)
print({_MARK!r} + _json.dumps(_found))
"""


def _widget_cost(item: dict, questions: dict) -> tuple[str, float, str] | None:
    """``(what, minutes, note)`` for one widget found in the kernel, or None when it costs nothing."""
    cls = item["class"]
    if "cost" in item:
        what, minutes = item["cost"][0], float(item["cost"][1])
        return what, minutes, cls
    if cls == "Answer":
        return _question_cost(item["question"], questions)
    n = int(item.get("n", 0))
    table = {"SentenceLabeller": "sentence label", "ProvenanceChecklist": "checklist answer",
             "ClaimLedger": "ledger row", "ChainBuilder": "chain step"}
    if cls in table:
        return f"{n} x {table[cls]}", n * COSTS[table[cls]], cls
    single = {"PhraseMarker": "phrase marking", "AddArticle": "add an article", "HandIn": "hand in"}
    if cls in single:
        return single[cls], COSTS[single[cls]], cls
    if cls in ("LearnerBox", "Switch"):
        return None
    return "other activity", COSTS["other activity"], f"{cls}: not known to the budget tool"


def _question_cost(qid: str, questions: dict) -> tuple[str, float, str] | None:
    q = questions.get(qid) or {}
    kind = q.get("type", "choice")
    if kind == "labels":  # the labelling itself is counted on the labeller; a match has no labeller
        if q.get("match"):
            n = len(q.get("answer") or {})
            return f"{n} x match item", n * COSTS["match item"], qid
        return None
    if kind == "fields":
        n = len(q.get("fields") or {})
        return f"{n} x anatomy field", n * COSTS["anatomy field"], qid
    what = QUESTION_COSTS.get(kind, "short answer")
    return what, COSTS[what], qid


@dataclass
class Estimate:
    """The budget of one notebook."""

    notebook: str
    markdown_words: int
    shown_words: int
    reading_minutes: float
    activity_minutes: float
    total_minutes: float
    activities: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    stated_total: int | None = None
    problems: list = field(default_factory=list)

    @property
    def words(self) -> int:
        return self.markdown_words + self.shown_words

    @property
    def fits(self) -> bool:
        return not self.problems


@contextlib.contextmanager
def _environment(home: str):
    keep = {k: os.environ.get(k) for k in ("MEDIALIT_HOME", "MEDIALIT_LEARNER", "MEDIALIT_STRICT", "MPLBACKEND")}
    os.environ.update({"MEDIALIT_HOME": home, "MEDIALIT_LEARNER": "budget", "MPLBACKEND": "Agg"})
    os.environ.pop("MEDIALIT_STRICT", None)
    try:
        yield
    finally:
        for k, v in keep.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def execute(path: Path, timeout: int = 600):
    """Run a copy of the notebook in a fresh kernel; return it with outputs, widget state and the
    inventory of activity widgets (a list of dicts)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(_PREAMBLE))
    nb.cells.append(nbformat.v4.new_code_cell(_INVENTORY))
    with tempfile.TemporaryDirectory(prefix="medialit-budget-") as home, _environment(home):
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                                store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
        client.execute()
    inventory = []
    for out in nb.cells[-1].get("outputs", []):
        text = out.get("text", "") if out.get("output_type") == "stream" else ""
        for line in text.splitlines():
            if line.startswith(_MARK) and len(line) > len(_MARK):
                inventory = json.loads(line[len(_MARK):])
    errors = [f"cell {i}: {o.get('ename')}: {o.get('evalue')}" for i, c in enumerate(nb.cells[1:-1], 1)
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    nb.cells = nb.cells[1:-1]
    return nb, inventory, errors


def estimate(path: Path, *, run: bool = True, questions: dict | None = None) -> Estimate:
    """The budget of one notebook (``run=False``: markdown words and stated times only, no kernel)."""
    import nbformat

    if questions is None:
        from medialit import feedback

        questions = feedback.questions()
    if run:
        nb, inventory, errors = execute(path)
    else:
        nb, inventory, errors = nbformat.read(path, as_version=4), [], []
    md_words = sum(count_words(markdown_text(c.source)) for c in nb.cells if c.cell_type == "markdown")
    shown = "\n".join(output_text(o) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    state = ((nb.metadata.get("widgets") or {}).get("application/vnd.jupyter.widget-state+json") or {}).get("state")
    shown_words = count_words(shown) + count_words(widget_text(state or {}))
    activities = [a for item in inventory if (a := _widget_cost(item, questions))]
    answered = {a[2] for a in activities}
    for c in nb.cells:
        if c.cell_type == "code":
            for qid in dict.fromkeys(_CHECK.findall(c.source)):
                if qid not in answered and (a := _question_cost(qid, questions)):
                    activities.append(a)
                    answered.add(qid)
    reading = (md_words + shown_words) / WORDS_PER_MINUTE
    act = sum(a[1] for a in activities)
    total = reading + act + SETUP_MINUTES
    sections, stated = stated_times(nb)
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    est = Estimate(rel, md_words, shown_words, round(reading, 1), round(act, 1), round(total, 1),
                   [list(a) for a in activities], [list(s) for s in sections], stated)
    est.problems = problems(est, lesson=path.parent.name == "notebooks", errors=errors)
    return est


def problems(est: Estimate, *, lesson: bool, errors=()) -> list[str]:
    """What keeps a notebook from fitting the period, in plain sentences (empty when it fits)."""
    out = [f"The notebook stopped with an error while being measured ({e})." for e in errors]
    if est.total_minutes > PERIOD:
        out.append(f"Estimated {est.total_minutes:.1f} minutes, more than {PERIOD}: "
                   f"{est.words} words to read ({est.reading_minutes:.1f} min at {WORDS_PER_MINUTE} words a minute), "
                   f"{est.activity_minutes:.1f} min of activities and {SETUP_MINUTES} min of setup.")
    if lesson:
        if est.stated_total is None:
            out.append("The lesson has no **Time** line giving its length in minutes.")
        elif est.stated_total > PERIOD:
            out.append(f"The **Time** line says {est.stated_total} minutes, more than the {PERIOD}-minute period.")
        missing = [title for title, minutes in est.sections if minutes is None]
        if not est.sections:
            out.append("No numbered '## 1. ...' section states its time, e.g. '## 1. Read the claims (8 minutes)'.")
        elif missing:
            out.append("These sections do not state their time: " + "; ".join(missing) + ".")
        if est.stated_total is not None and est.total_minutes > est.stated_total:
            out.append(f"The **Time** line says {est.stated_total} minutes, but the estimate is "
                       f"{est.total_minutes:.1f} minutes: state the real time or shorten the lesson.")
        stated_sum = sum(m for _t, m in est.sections if m)
        if est.stated_total is not None and stated_sum > est.stated_total:
            out.append(f"The section times add up to {stated_sum} minutes, more than the {est.stated_total} "
                       "minutes on the Time line.")
    return out


def report(estimates: list[Estimate]) -> str:
    """A plain table of the estimates, one line per notebook, then every problem."""
    lines = [f"{'notebook':58} {'words':>6} {'read':>5} {'act':>5} {'total':>6}  fits {PERIOD}?"]
    for e in estimates:
        lines.append(f"{e.notebook:58} {e.words:6d} {e.reading_minutes:5.1f} {e.activity_minutes:5.1f} "
                     f"{e.total_minutes:6.1f}  {'yes' if e.fits else 'NO'}")
    for e in estimates:
        for p in e.problems:
            lines.append(f"- {e.notebook}: {p}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to measure (default: every learner notebook)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-run", action="store_true", help="do not execute: markdown words and stated times only")
    parser.add_argument("--details", action="store_true", help="list each notebook's activities and section times")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or learner_notebooks()
    estimates = [estimate(p, run=not args.no_run) for p in paths]
    if args.json:
        print(json.dumps([dict(asdict(e), words=e.words, fits=e.fits) for e in estimates], indent=1))
    else:
        print(report(estimates))
        if args.details:
            for e in estimates:
                print(f"\n{e.notebook}: Time line {e.stated_total} min; sections {e.sections}")
                for what, minutes, note in e.activities:
                    print(f"  {minutes:5.2f} min  {what}  ({note})")
    return 0 if all(e.fits for e in estimates) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())

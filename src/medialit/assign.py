"""Assign a teacher's article: an exercise notebook, a key template, and a check of the filled key.

The teacher's three steps (``medialit`` is the course's command, see ``medialit --help``)::

    medialit make-exercise ARTICLE_ID   # exercises/<id>.ipynb and keys/<id>.yaml (a template)
    (fill in keys/<id>.yaml: a label and a reason per sentence, the claim rows)
    medialit check-key keys/<id>.yaml   # problems in plain words; when none, the key is used

Both files live in the teacher folder (``MEDIALIT_HOME``, else the course's ``answers/``):
``exercises/`` and ``keys/``. The key has the shape of the course's own keys:

* ``label_set``, ``labels`` and ``articles: {<id>: {s001: {label, also, why, text}}}`` as
  ``data/keys/sentence_labels.yaml`` (``text`` is the sentence, for the teacher; check-key
  compares it with the article);
* ``ledgers: {<id>: {article, rows: [{id, sentence, claim, record_status, accept, why}]}}`` as
  ``data/keys/03_claims_reference.yaml`` (a row left wholly empty is left out);
* ``questions:`` in the ``check()`` format of ``data/keys/*_ex1.yaml`` (the template has the
  written justification ``<id>-justify``). The labels question ``<id>-labels`` is made from the
  ``articles:`` section, so the teacher writes each label once.

:func:`check_key` records a key that has no problems in ``keys/datapackage.yaml`` with its sha256.
Only keys recorded there, unchanged since, are used by ``ml.check``, the ``ml.Answer`` boxes and the
class dashboard: a key edited afterwards is left out (with a plain message) until it is checked
again, and a broken teacher key never stops the course's own questions.
"""
from __future__ import annotations

import datetime as _dt
import functools
import html
import json
import os
import re
from pathlib import Path
from typing import Any

from . import data, paths, store
from .display import plural

LABEL_SET = "reporting"
#: Empty claim rows in a new key template (a row left wholly empty is left out).
TEMPLATE_CLAIM_ROWS = 3
#: Largest key file read (bytes).
MAX_KEY_BYTES = 5_000_000
MANIFEST = data.MANIFEST
_NAME_RE = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
_ROW_FIELDS = ("id", "sentence", "claim", "record_status", "accept", "why")
MIN_WORDS = 40
JUSTIFY_PROMPT = ("Choose two sentences where your label differs from the key (or where you hesitated). For "
                  "each, say which label you chose, which words made you choose it, and whether the key's "
                  "reason changes your mind.")
JUSTIFY_POINTS = (
    "names the two sentences by id and quotes the words that decided the label",
    "says whether the words are the writer's own or someone else's (inside quotation marks)",
    "says whether the sentence names a source for its claim",
    "separates the sentence type (opinion, reporting...) from whether the claim is true",
    "accepts or argues against the key's reason with evidence, not just preference",
)
JUSTIFY_THANKS = "Thank you: your justification is saved for your teacher. Compare it with the points below."
MANIFEST_HEADER = (
    "# Teacher keys that passed `medialit check-key`, with the sha256 they had then.\n"
    "# Written by medialit: a key edited afterwards is not used until it is checked again.\n"
)


class AssignError(ValueError):
    """An exercise cannot be made, or a key cannot be used: the message says why in plain words."""


# ---------------------------------------------------------------- names and paths


def check_name(name: Any, what: str = "article id") -> str:
    """``name`` if it is a safe article id or key name (lower-case letters, digits, ``-`` and
    ``_``, at most 64 characters), else :class:`AssignError`. It can never leave its folder."""
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        shown = repr(name)[:80]
        raise AssignError(f"{shown} is not an {what}: use lower-case letters, digits and hyphens only, "
                          "such as city-council-votes-2026-12-06.")
    return name


def _inside(folder: Path, file_name: str) -> Path:
    folder = folder.resolve()
    path = (folder / file_name).resolve()
    if path.parent != folder:  # the name check already forbids this
        raise AssignError(f"{file_name!r} would leave the folder {folder}.")
    return path


def key_path(article_id: str) -> Path:
    """``keys/<article id>.yaml`` in the teacher folder."""
    return _inside(paths.teacher_keys_dir(), f"{check_name(article_id)}.yaml")


def exercise_path(article_id: str) -> Path:
    """``exercises/<article id>.ipynb`` in the teacher folder."""
    return _inside(paths.teacher_exercises_dir(), f"{check_name(article_id)}.ipynb")


def labels_question(article_id: str) -> str:
    """The id of the labels question made from a teacher key's sentences: ``<article id>-labels``."""
    return f"{article_id}-labels"


def justify_question(article_id: str) -> str:
    """The id of the written justification in a key template: ``<article id>-justify``."""
    return f"{article_id}-justify"


def exercise_name(article_id: str) -> str:
    """The lesson name of the exercise (activities are saved as ``<name>:labels:<article id>``;
    the dashboard calls it "exercise <name>"); also the hand-in file's middle part."""
    return f"{article_id[:34].rstrip('-_')}-ex1"


def _load_article(article_id: str):
    check_name(article_id)
    try:
        return data.load_article(article_id)
    except data.DataError as exc:
        raise AssignError(f"There is no article {article_id!r} in the course or the teacher folder: add it "
                          f"first with `medialit add-article` ({_first_sentence(exc)}).") from None


def _first_sentence(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text.split(". ")[0].rstrip(".")


def course_labels() -> dict[str, str]:
    """The five labels of lesson 02 (the exercise's label buttons), name -> definition."""
    from .reporting.labels import LABELS

    return dict(LABELS)


# ---------------------------------------------------------------- the key template


def _q(value: str) -> str:
    """``value`` as a double-quoted YAML scalar that reads back the same (emoji kept readable)."""
    text = json.dumps(str(value), ensure_ascii=False)
    try:
        if data.read_yaml(text) == str(value):
            return text
    except Exception:  # noqa: BLE001 - fall back to PyYAML's own quoting
        pass
    import yaml

    return yaml.safe_dump(str(value), default_style='"', allow_unicode=True, width=10**9).strip()


def key_template(article_id: str) -> str:
    """The text of a new key template for ``article_id`` (see the module docstring)."""
    art = _load_article(article_id)
    labels = course_labels()
    body = art.body_sentences()
    if not body:
        raise AssignError(f"The article {article_id!r} has no sentences to label.")
    meta = art.meta
    title, publisher, published = (" ".join(str(v).split()) for v in
                                   (art.title, meta.get("publisher", ""), meta.get("published", "")))
    aid = _q(article_id)
    out = [
        f"# Key for the exercise on {title!r} ({publisher}, {published}),",
        f"# article id {article_id}; made by `medialit make-exercise` on {_dt.date.today().isoformat()}.",
        "#",
        "# 1. For every sentence: `label` (one of the five labels below), `why` (one line your learners",
        "#    see when their label differs) and `also` (other labels you accept as defensible, or []).",
        "#    `text` is the sentence, to help you: leave it as it is.",
        "# 2. The claim rows: the claims your learners check in their claim ledger. Fill in `claim`, the",
        "#    `sentence` it is in, your finding `record_status` (CONFIRMED, WRONG, UNCONFIRMED or OPINION),",
        "#    the ledger statuses you `accept` (supported, contradicted, unsupported, cannot tell yet)",
        "#    and `why`. Add rows as needed; a row left wholly empty is left out.",
        "# 3. The written question under `questions:` is ready; change its prompt or points if you like.",
        f"# 4. Check it: medialit check-key {key_path(article_id)}",
        "#    Learners get feedback and the dashboard compares with this key once it passes the check.",
        f"label_set: {LABEL_SET}",
        "labels:",
        *[f"  {name}: {_q(text)}" for name, text in labels.items()],
        "articles:",
        f"  {aid}:",
    ]
    for s in body:
        out += [f"    {s.id}:", f"      text: {_q(s.text)}", '      label: ""', "      also: []", '      why: ""']
    out += ["ledgers:", f"  {aid}:", f"    article: {aid}", "    rows:"]
    for n in range(1, TEMPLATE_CLAIM_ROWS + 1):
        out += [f"      - id: c{n}", '        sentence: ""', '        claim: ""', '        record_status: ""',
                "        accept: []", '        why: ""']
    qid = justify_question(article_id)
    out += [
        "questions:",
        f"  {_q(qid)}:",
        "    type: free",
        f"    prompt: {_q(JUSTIFY_PROMPT)}",
        f"    min_words: {MIN_WORDS}",
        "    points:",
        *[f"      - {_q(p)}" for p in JUSTIFY_POINTS],
        f"    correct: {_q(JUSTIFY_THANKS)}",
    ]
    return "\n".join(out) + "\n"


def _is_filled(path: Path) -> bool:
    """True when the key at ``path`` has any label, reason or claim filled in (or cannot be read:
    then it is the teacher's to look at, never overwritten)."""
    try:
        doc = data.read_yaml(path.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - unreadable or broken: treat as the teacher's work
        return True
    if not isinstance(doc, dict):
        return True
    for entries in (doc.get("articles") or {}).values():
        for entry in (entries or {}).values():
            if not isinstance(entry, dict) or entry.get("label") or entry.get("why") or entry.get("also"):
                return True
    for ledger in (doc.get("ledgers") or {}).values():
        rows = (ledger or {}).get("rows") if isinstance(ledger, dict) else None
        if any(not _blank_row(r) for r in rows or []):
            return True
    return False


# ---------------------------------------------------------------- the exercise notebook


def _md(text: Any) -> str:
    """Teacher-given text, safe inside a Markdown cell (no HTML, no Markdown markup)."""
    return re.sub(r"([\\`*_\[\]#|<>])", r"\\\1", html.unescape(" ".join(str(text).split())))


def exercise_notebook(article_id: str):
    """The exercise notebook for ``article_id`` (an ``nbformat`` notebook, no outputs)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    art = _load_article(article_id)
    meta = art.meta
    aid = repr(article_id)
    n_body = len(art.body_sentences())
    author = meta.get("author") or "none given"
    translated = " It is a translation." if meta.get("translated") else ""
    cells = [
        new_markdown_cell(
            f"# Exercise: {_md(art.title)}\n\n"
            f"**Source**: {_md(meta.get('publisher', ''))}, published {_md(meta.get('published', ''))}; "
            f"author: {_md(author)}; address: {_md(meta.get('url', ''))} .{translated}\n\n"
            f"**Objectives**: label the {n_body} sentences of the article with the five labels of lesson 02, "
            "check the claims it makes in a claim ledger, and justify two of your choices in writing.\n\n"
            "**Time**: about 30 minutes. **You need**: lessons 02 (the five labels) and 03 (claim ledgers).\n\n"
            "**How to answer.** Everything is answered in the boxes on the page. Feedback appears at once "
            "and every answer is saved for your teacher as you go. First check your name in the box below "
            "(type it and press Enter if it is empty): your work is saved under that name."),
        new_code_cell(
            "import pandas as pd\n\nimport medialit as ml\nfrom medialit import assign\n\n"
            f"ARTICLE = {aid}\n"
            f"ml.lesson({exercise_name(article_id)!r})  # the work you save here is filed under this name\n"
            "article = ml.load_article(ARTICLE)\n"
            "ml.LearnerBox(compact=True)"),
        new_markdown_cell("## The labels (a reminder)"),
        new_code_cell('pd.DataFrame({"definition": ml.reporting.LABELS})'),
        new_markdown_cell(
            "## Task 1: label the sentences\n\n"
            "Give each sentence one label. Use the note box when you hesitate between two labels: you will "
            "need those notes in Task 3. Your work is saved on every change."),
        new_code_cell(f'labeller = ml.SentenceLabeller(ARTICLE, ml.reporting.LABELS, label_set="{LABEL_SET}")\n'
                      "labeller"),
        new_markdown_cell(
            "The box below checks your labels as you label, sentence by sentence, against your teacher's key. "
            "It accepts the key's label and the alternatives the key lists as defensible; for each other "
            "sentence it gives the key's reason."),
        new_code_cell("assign.answer(assign.labels_question(ARTICLE), source=labeller)"),
        new_markdown_cell(
            "## Task 2: your claim ledger\n\n"
            "The ledger lists checkable claims from the article. For each one, fill in the claimant (who makes "
            "the claim: the article? someone it names?), the evidence the article offers, who could confirm "
            "it independently, your status and your confidence. Add a row for any other claim you want to "
            "check."),
        new_code_cell("ledger = ml.ClaimLedger(ARTICLE, rows=assign.ledger_rows(ARTICLE))\nledger"),
        new_markdown_cell("The comparison below follows your ledger as you fill it in. The key appears only "
                          "for the rows you have filled in."),
        new_code_cell("ml.live(ledger, lambda led: assign.ledger_view(led, ARTICLE))"),
        new_markdown_cell(
            "## Task 3: justify two choices\n\n"
            "Choose two sentences where your label differs from the key, or where you hesitated, and write "
            f"at least {MIN_WORDS} words in the box. Disagreeing with the key is fine if you give evidence. "
            "Your teacher reads what you write: it is never marked right or wrong."),
        new_code_cell("assign.answer(assign.justify_question(ARTICLE))"),
        new_markdown_cell(
            "## Hand in\n\n"
            "Your labels and answers are saved as you go. When your teacher asks for your work, press the "
            "button: it makes one file with all your saved work and offers it for download. Hand in that file "
            "as your teacher asks."),
        new_code_cell(f"ml.HandIn({exercise_name(article_id)!r})"),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata = nbformat.from_dict({
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "medialit": {"article": article_id, "made_by": "medialit make-exercise"},
    })
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{article_id[:50]}-{i:03d}".replace("_", "-")
    return nb


def _notebook_text(article_id: str) -> str:
    import nbformat

    return nbformat.writes(exercise_notebook(article_id)) + "\n"


def make_exercise(article_id: str) -> dict[str, Path]:
    """Write the exercise notebook and the key template for ``article_id`` into the teacher folder;
    return ``{"exercise": path, "key": path}``.

    A key that is already filled in (any label, reason or claim) is never overwritten, nor an
    exercise notebook changed since it was made: then nothing is written and :class:`AssignError`
    says so. Running it again on untouched files changes nothing.
    """
    check_name(article_id)
    course_key = _course_key_articles()
    if article_id in course_key:
        raise AssignError(f"The article {article_id!r} already has the course's own key and exercises; "
                          "make-exercise is for articles you add.")
    nb_text, key_text = _notebook_text(article_id), key_template(article_id)
    nb_path, k_path = exercise_path(article_id), key_path(article_id)
    if k_path.exists() and _is_filled(k_path):
        raise AssignError(f"The key {k_path} is already filled in, so nothing was written: check it with "
                          f"`medialit check-key {k_path}`, or move it away to start again.")
    if nb_path.exists() and nb_path.read_text(encoding="utf-8", errors="replace") != nb_text:
        raise AssignError(f"The exercise {nb_path} was changed since it was made, so nothing was written: "
                          "move it away to make it again.")
    store.atomic_write_text(nb_path, nb_text, mode=0o644)
    if not k_path.exists() or k_path.read_text(encoding="utf-8", errors="replace") != key_text:
        store.atomic_write_text(k_path, key_text, mode=0o644)
    return {"exercise": nb_path, "key": k_path}


def _course_key_articles() -> set[str]:
    try:
        doc = data.load_yaml("sentence_labels", "keys") or {}
    except data.DataError:
        return set()
    return set((doc.get("articles") or {}).keys())


# ---------------------------------------------------------------- checking a key


def _read_key(path: Path) -> tuple[Any, list[str]]:
    """(parsed YAML, problems) of a key file."""
    name = path.name
    if not path.is_file():
        return None, [f"There is no key file {path}: check the name and the folder."]
    if path.stat().st_size > MAX_KEY_BYTES:
        return None, [f"{name} is larger than {MAX_KEY_BYTES // 1_000_000} MB: that is not a key file."]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None, [f"{name} is not UTF-8 text: save it again with the encoding UTF-8."]
    except OSError as exc:
        return None, [f"{name} cannot be read: {exc.strerror or exc}."]
    import yaml

    try:
        return data.read_yaml(text), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        why = getattr(exc, "problem", None) or "it is not valid YAML"
        return None, [f"{name} is not valid YAML{where}: {why}. A common cause is a text with a colon or a "
                      "quotation mark that is not inside double quotes: write it as \"...\"."]


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _blank_row(row: Any) -> bool:
    return isinstance(row, dict) and all(_blank(row.get(f)) for f in _ROW_FIELDS if f != "id")


def _sentence_problems(where: str, sid: Any, entry: Any, known: dict, labels: set[str],
                       empty: dict[str, list]) -> list[str]:
    """The problems of one sentence entry of a key (``where``: how to name it). An empty label or
    reason is only noted in ``empty`` (reported once for all sentences)."""
    if sid not in known:
        return [f"{where}: there is no body sentence {sid} in the article (check the id)."]
    if not isinstance(entry, dict):
        return [f"{where}: the entry must be a mapping with label, also and why."]
    out = []
    label = entry.get("label")
    if _blank(label):
        empty["label"].append(sid)
    elif not _is_text(label):
        out.append(f"{where}: the label must be text, not {type(label).__name__}.")
    elif label not in labels:
        out.append(f"{where}: unknown label {label!r} (use one of: {', '.join(sorted(labels))}).")
    also = [] if entry.get("also") is None else entry.get("also")
    if not isinstance(also, list):
        out.append(f"{where}: 'also' must be a list such as [opinion] (or [] for none).")
        also = []
    for alt in also:
        if alt not in labels:
            out.append(f"{where}: unknown label {alt!r} in 'also' (use one of: {', '.join(sorted(labels))}).")
        elif alt == label:
            out.append(f"{where}: 'also' repeats the main label {alt!r}.")
    why = entry.get("why")
    if why is not None and not _is_text(why):
        out.append(f"{where}: 'why' must be text, not {type(why).__name__}.")
    elif _blank(why):
        empty["why"].append(sid)
    text = entry.get("text")
    if text is not None and " ".join(str(text).split()) != known[sid]:
        out.append(f"{where}: its 'text' is not the article's sentence {sid} (was it edited, or is the "
                   "key for another article?).")
    return out


def _listed(ids: list) -> str:
    shown = ", ".join(str(i) for i in ids[:12])
    return f"{shown} and {len(ids) - 12} more" if len(ids) > 12 else shown


def _articles_problems(doc: dict, labels: set[str]) -> tuple[list[str], list[str]]:
    """(problems, article ids) of the ``articles:`` section."""
    arts = doc.get("articles")
    if not isinstance(arts, dict) or not arts:
        return ["The key needs an 'articles:' section with the article's sentences."], []
    problems, ids = [], []
    for aid, entries in arts.items():
        try:
            check_name(aid)
            art = _load_article(aid)
        except AssignError as exc:
            problems.append(str(exc))
            continue
        ids.append(aid)
        if not isinstance(entries, dict):
            problems.append(f"{aid}: the sentences must be a mapping such as s001: {{label: ..., why: ...}}.")
            continue
        known = {s.id: s.text for s in art.body_sentences()}
        pre = f"{aid} " if len(arts) > 1 else ""
        missing = [sid for sid in known if sid not in entries]
        if missing:
            verb = "has" if len(missing) == 1 else "have"
            problems.append(f"{pre}{plural(len(missing), 'body sentence')} of the article {verb} no entry: "
                            f"{_listed(missing)}.")
        empty: dict[str, list] = {"label": [], "why": []}
        for sid, entry in entries.items():
            problems += _sentence_problems(f"{pre}{sid}", sid, entry, known, labels, empty)
        if empty["label"]:
            problems.append(f"{pre}No label yet for {plural(len(empty['label']), 'sentence')}: "
                            f"{_listed(empty['label'])} (choose one of: {', '.join(sorted(labels))}).")
        if empty["why"]:
            problems.append(f"{pre}The reason ('why') is empty for {plural(len(empty['why']), 'sentence')}: "
                            f"{_listed(empty['why'])} (learners read it when their label differs).")
    return problems, ids


def _labels_problems(doc: dict) -> list[str]:
    want = set(course_labels())
    out = []
    if doc.get("label_set") != LABEL_SET:
        out.append(f"'label_set' must be {LABEL_SET} (the five labels of lesson 02 that the exercise offers).")
    labels = doc.get("labels")
    if not isinstance(labels, dict):
        out.append("The key needs the 'labels:' section of the template (the five labels and their definitions).")
    elif set(labels) != want:
        out.append("'labels' must be the five labels of lesson 02 (" + ", ".join(sorted(want))
                   + "): the exercise offers exactly these.")
    return out


def _row_problems(aid: str, n: int, row: Any, known: set[str]) -> list[str]:
    from .claims import FACT_STATUSES
    from .schema import LEDGER_STATUSES

    where = f"{aid} claim row {n}"
    if not isinstance(row, dict):
        return [f"{where}: a row must be a mapping with id, sentence, claim, record_status, accept and why."]
    rid = row.get("id")
    where = f"{aid} claim row {n} ({rid})" if rid else where
    out = []
    if _blank(rid) or not isinstance(rid, (str, int)):
        out.append(f"{where}: give the row a short 'id' such as c{n}.")
    for field in ("claim", "why"):
        if not _is_text(row.get(field)) or _blank(row.get(field)):
            out.append(f"{where}: '{field}' is empty or not text.")
    sid = row.get("sentence")
    if not _blank(sid) and sid not in known:
        out.append(f"{where}: there is no sentence {sid!r} in the article.")
    status = row.get("record_status")
    if status not in FACT_STATUSES:
        out.append(f"{where}: 'record_status' must be one of {', '.join(FACT_STATUSES)} (it is {status!r}).")
    accept = row.get("accept")
    if not isinstance(accept, list) or not accept:
        out.append(f"{where}: 'accept' must list the ledger statuses you accept, such as [unsupported, "
                   "cannot tell yet].")
    else:
        bad = [a for a in accept if a not in LEDGER_STATUSES]
        if bad:
            out.append(f"{where}: unknown status {bad[0]!r} in 'accept' (use {', '.join(LEDGER_STATUSES)}).")
    hints = row.get("hints")
    if hints is not None and not isinstance(hints, dict):
        out.append(f"{where}: 'hints' must be a mapping of status -> feedback.")
    return out


def _ledgers_problems(doc: dict, ids: list[str]) -> list[str]:
    ledgers = doc.get("ledgers")
    if ledgers is None:
        return []
    if not isinstance(ledgers, dict):
        return ["'ledgers' must be a mapping: article id -> {article, rows}."]
    out = []
    for aid, ledger in ledgers.items():
        if aid not in ids:
            out.append(f"The ledger {aid!r} is not for an article of this key ({', '.join(ids) or 'none'}).")
            continue
        rows = ledger.get("rows") if isinstance(ledger, dict) else None
        if not isinstance(rows, list):
            out.append(f"{aid}: the ledger needs a 'rows:' list (it may be empty: rows: []).")
            continue
        known = {s.id for s in data.load_article(aid).sentences}
        seen: set = set()
        for n, row in enumerate(rows, 1):
            if _blank_row(row):
                continue
            out += _row_problems(aid, n, row, known)
            rid = row.get("id") if isinstance(row, dict) else None
            if rid in seen:
                out.append(f"{aid} claim row {n}: the id {rid!r} is used twice.")
            seen.add(rid)
    return out


def _questions_problems(doc: dict, ids: list[str], own_name: str) -> list[str]:
    from .feedback import TYPES, _course_questions

    qs = doc.get("questions")
    if qs is None:
        return []
    if not isinstance(qs, dict):
        return ["'questions' must be a mapping: question id -> {type, prompt, ...}."]
    keys = teacher_keys()[0]
    replaced = {f"teacher:{n}" for n, d in keys.items() if n == own_name or set(d.get("articles") or {}) & set(ids)}
    taken = set(_course_questions()) | {qid for qid, q in teacher_questions()[0].items()
                                        if q.get("_key") not in replaced}
    reserved = {labels_question(a) for a in ids}
    out = []
    for qid, q in qs.items():
        if not isinstance(qid, str) or not _NAME_RE.fullmatch(qid):
            out.append(f"The question id {qid!r} must be lower-case letters, digits and hyphens.")
            continue
        if qid in taken or qid in reserved:
            out.append(f"The question id {qid!r} is already used by another key: choose another.")
        if not isinstance(q, dict):
            out.append(f"Question {qid}: it must be a mapping with type, prompt, ...")
            continue
        if q.get("type") not in TYPES:
            out.append(f"Question {qid}: type {q.get('type')!r} is unknown; use one of {', '.join(TYPES)}.")
        if not _is_text(q.get("prompt")) or _blank(q.get("prompt")):
            out.append(f"Question {qid}: the 'prompt' is empty.")
        if q.get("type") not in ("free", None) and _blank(q.get("answer")):
            out.append(f"Question {qid}: the 'answer' is empty.")
        if q.get("type") == "free" and not isinstance(q.get("min_words", 1), int):
            out.append(f"Question {qid}: 'min_words' must be a whole number.")
        points = q.get("points")
        if points is not None and (not isinstance(points, list) or not all(_is_text(p) for p in points)):
            out.append(f"Question {qid}: 'points' must be a list of short texts.")
    return out


def key_problems(doc: Any, name: str = "") -> list[str]:
    """Every problem of a parsed key (see :func:`check_key`), as plain sentences."""
    if not isinstance(doc, dict):
        return ["The key must be a YAML mapping with label_set, labels, articles, ledgers and questions "
                "(start again from the template that `medialit make-exercise` writes)."]
    label_problems = _labels_problems(doc)
    problems, ids = _articles_problems(doc, set(course_labels()))
    problems = label_problems + problems + _ledgers_problems(doc, ids)
    return problems + _questions_problems(doc, ids, name)


def check_key(path: str | Path, *, record: bool = True) -> list[str]:
    """Check a filled-in key file; return its problems in plain words (empty when it is fine).

    Checks: the file is UTF-8 YAML with the template's sections; every body sentence of the article
    has an entry and no entry names an unknown sentence; every ``label`` is filled in and one of the
    five labels (``also`` too); reasons are filled in; fields have the right types; claim rows have
    a claim, a known sentence, a status and the accepted ledger statuses; questions are well formed.

    When there is no problem and the file is in the teacher's ``keys/`` folder (``record``), its
    sha256 is recorded in ``keys/datapackage.yaml``: from then on ``ml.check``, the answer boxes and
    the dashboard use it.
    """
    path = Path(path).expanduser()
    name = path.stem if path.suffix in (".yaml", ".yml") else path.name
    if path.suffix not in (".yaml", ".yml"):
        return [f"{path.name} is not a key file: a key is a .yaml file such as keys/<article id>.yaml."]
    doc, problems = _read_key(path)
    if problems:
        return problems
    problems = key_problems(doc, name)
    if problems or not record:
        return problems
    folder = paths.teacher_keys_dir().resolve()
    if path.resolve().parent == folder:
        try:
            check_name(name, "key name")
        except AssignError as exc:
            return [str(exc)]
        others = sorted(n for n, d in teacher_keys()[0].items()
                        if n != name and set(d.get("articles") or {}) & set(doc["articles"]))
        if others:
            return [f"The article already has the checked key keys/{others[0]}.yaml: keep one key per article "
                    "(move the other one out of the keys folder, then check this one again)."]
        _record(folder, name, path.resolve(), sorted(doc["articles"]))
    return []


def _record(folder: Path, name: str, path: Path, articles: list[str]) -> None:
    import yaml

    doc = _read_manifest(folder)
    doc["resources"] = [r for r in doc["resources"] if r.get("name") != name]
    doc["resources"].append({
        "name": name, "path": path.name, "sha256": data.sha256_of(path), "articles": articles,
        "title": f"Teacher key for {', '.join(articles)}", "checked": _dt.datetime.now().isoformat(timespec="seconds"),
    })
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    store.atomic_write_text(folder / MANIFEST, MANIFEST_HEADER + body, mode=0o644)


def _read_manifest(folder: Path) -> dict:
    mf = folder / MANIFEST
    empty = {"name": "medialit-teacher-keys", "title": "Keys checked by the teacher", "resources": []}
    if not mf.is_file():
        return empty
    try:
        doc = data.read_yaml(mf.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - a broken manifest is rewritten from the keys checked again
        return empty
    if not isinstance(doc, dict) or not isinstance(doc.get("resources"), list):
        return empty
    doc["resources"] = [r for r in doc["resources"] if isinstance(r, dict)]
    return doc


# ---------------------------------------------------------------- using the checked keys


def _stamp(folder: Path) -> tuple:
    """Changes whenever the manifest or a key file in ``folder`` changes (cheap: only stat calls)."""
    out = [str(folder)]
    for f in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        try:
            st = f.stat()
        except OSError:
            continue
        out.append((f.name, st.st_mtime_ns, st.st_size))
    return tuple(out)


def _teacher_folder() -> Path:
    """``keys/`` in the teacher folder, found without creating anything (reading the keys must
    never make folders: a class folder under ``MEDIALIT_HOME`` would change)."""
    env = os.environ.get("MEDIALIT_HOME")
    return (Path(env).expanduser() if env else paths.repo_root() / "answers") / "keys"


def teacher_keys() -> tuple[dict[str, dict], list[str]]:
    """``({key name: parsed key}, problems)``: every teacher key recorded by :func:`check_key` and
    unchanged since (sha256), with a plain sentence for each key that cannot be used."""
    folder = _teacher_folder()
    return _teacher_keys_cached(_stamp(folder))


@functools.lru_cache(maxsize=4)
def _teacher_keys_cached(stamp: tuple) -> tuple[dict[str, dict], list[str]]:
    folder = Path(stamp[0])
    keys: dict[str, dict] = {}
    problems: list[str] = []
    if not folder.is_dir():
        return keys, problems
    listed = {}
    for res in _read_manifest(folder)["resources"]:
        name, file_name = res.get("name"), res.get("path")
        try:
            check_name(name, "key name")
            path = _inside(folder, str(file_name))
        except AssignError:
            problems.append(f"keys/{data.MANIFEST} lists an unsafe key name {str(name)[:40]!r}; it is left out.")
            continue
        listed[path.name] = True
        if not path.is_file():
            problems.append(f"The teacher key keys/{path.name} is listed but missing; it is left out.")
            continue
        if data.sha256_of(path) != res.get("sha256"):
            problems.append(f"The teacher key keys/{path.name} changed since it was checked, so it is left out: "
                            f"run `medialit check-key {path}` again.")
            continue
        doc, _p = _read_key(path)
        if isinstance(doc, dict):
            keys[name] = doc
    for f in sorted(folder.glob("*.y*ml")):
        if f.name != MANIFEST and f.name not in listed:
            problems.append(f"The teacher key keys/{f.name} has not passed `medialit check-key` yet, so it is "
                            "not used.")
    return keys, problems


def teacher_questions() -> tuple[dict[str, dict], list[str]]:
    """``({question id: question}, problems)`` of the checked teacher keys, in the ``check()`` format:
    each key's own ``questions`` plus ``<article id>-labels`` made from its sentence labels."""
    keys, problems = teacher_keys()
    out: dict[str, dict] = {}
    for name, doc in keys.items():
        qs = _key_questions(doc)
        clash = sorted(set(qs) & set(out))
        if clash:
            problems = problems + [f"The teacher key keys/{name}.yaml repeats the question id {clash[0]!r}; "
                                   "it is left out."]
            continue
        out.update({qid: dict(q, _key=f"teacher:{name}") for qid, q in qs.items()})
    return out, problems


def _key_questions(doc: dict) -> dict[str, dict]:
    qs = {str(k): v for k, v in (doc.get("questions") or {}).items() if isinstance(v, dict)}
    for aid, entries in (doc.get("articles") or {}).items():
        try:
            title = data.load_article(aid).title
        except data.DataError:
            title = aid
        answer = {sid: [e["label"], *(e.get("also") or [])] for sid, e in entries.items()}
        qs[labels_question(aid)] = {
            "type": "labels",
            "prompt": f"Label the sentences of '{title}' with the five labels of lesson 02.",
            "answer": answer,
            "why": {sid: e.get("why", "") for sid, e in entries.items() if e.get("why")},
            "correct": "Every sentence matches your teacher's key or an alternative it accepts.",
            "wrong": "Read the reason under each sentence that differs. If you still disagree, that is a good "
                     "candidate for your written justification.",
            "source": "Your teacher's key.",
        }
    return qs


def sentence_key(names: list[str] | None = None) -> tuple[dict, list[str]]:
    """The sentence-label part of the checked teacher keys (all, or those called ``names``), in the
    shape of ``data/keys/sentence_labels.yaml``: ``({label_set, labels, articles}, problems)``."""
    keys, problems = teacher_keys()
    merged: dict = {"label_set": LABEL_SET, "labels": course_labels(), "articles": {}}
    for name, doc in keys.items():
        if names is not None and name not in names:
            continue
        for aid, entries in (doc.get("articles") or {}).items():
            merged["articles"][aid] = {sid: {k: v for k, v in e.items() if k != "text"} for sid, e in entries.items()}
    return merged, problems


def in_use(path: str | Path) -> bool:
    """True when the key file at ``path`` is a checked teacher key, unchanged since its check (so
    ``ml.check`` and the dashboard use it); False for a key elsewhere or edited since."""
    path = Path(path).expanduser()
    return path.resolve().parent == _teacher_folder().resolve() and path.stem in teacher_keys()[0]


def teacher_key_path(name: str) -> Path | None:
    """The file of the checked teacher key ``name`` (None if there is none)."""
    keys, _problems = teacher_keys()
    if name in keys:
        return _teacher_folder() / f"{name}.yaml"
    return None


# ---------------------------------------------------------------- helpers the exercise notebook calls


def reference_rows(article_id: str) -> list[dict]:
    """The claim rows of the checked teacher key for ``article_id`` (empty rows left out)."""
    keys, _problems = teacher_keys()
    for doc in keys.values():
        ledger = (doc.get("ledgers") or {}).get(article_id)
        if isinstance(ledger, dict):
            rows = [dict(r) for r in ledger.get("rows") or [] if not _blank_row(r)]
            for r in rows:
                r["id"], r["sentence"] = str(r["id"]), str(r.get("sentence") or "")
            return rows
    return []


def ledger_rows(article_id: str) -> list[dict]:
    """Starting rows for the exercise's ClaimLedger: each claim of the teacher's key, other fields empty."""
    return [{"id": r["id"], "sentence": r["sentence"], "claim": r["claim"], "claimant": "", "evidence": "",
             "confirm": "", "status": "", "confidence": "", "note": ""} for r in reference_rows(article_id)]


def ledger_view(ledger: Any, article_id: str) -> list:
    """Under the exercise's ledger: the learner's rows compared with the teacher's key (the key shown
    only for rows the learner has filled in), or a plain sentence while there is no key yet."""
    from . import claims

    rows = reference_rows(article_id)
    if not rows:
        return ["Your teacher's key has no claims for this article yet: fill in the claims you find, and "
                "discuss them with your teacher."]
    return claims.ledger_view(ledger, rows, show_key=False)


def waiting_note(question_id: str):
    """What the exercise shows where feedback will be, while the teacher's key is not checked yet."""
    from .display import SafeHTML

    text = (f"Your teacher has not finished the key for this exercise yet ({question_id}). Your work is saved "
            "all the same; run this cell again later to see the feedback.")
    return SafeHTML("<div role='status' style='border-left:6px solid #555555;padding:4px 10px;margin:4px 0'>… "
                    f"{html.escape(text)}</div>", text)


def answer(question_id: str, **kwargs):
    """``ml.Answer(question_id, **kwargs)`` when the teacher's key is checked, else a plain note
    (the exercise still runs from top to bottom, and the labels are saved by the labeller)."""
    from . import feedback
    from .widgets import Answer

    if question_id not in feedback.questions():
        return waiting_note(question_id)
    return Answer(question_id, **kwargs)

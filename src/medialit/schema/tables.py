"""The tables of CONTRIBUTING.md written from :mod:`medialit.schema`'s constants
(``tests/test_widgets.py`` checks that the two agree)."""
from __future__ import annotations

from .cleaner import FIRST_FIELDS
from .contract import CLAIM_FIELDS, CONFIDENCES, DEFAULT_PREFIX, KINDS, LEDGER_STATUSES, LIMITS, PROVENANCE_QUESTIONS

def _choices(values) -> str:
    return "/".join(f'"{v}"' for v in (*values, ""))


def record_table() -> str:
    """The "Activity kinds and their data" table of CONTRIBUTING.md, written from this module."""
    conf, status = _choices(CONFIDENCES), _choices(LEDGER_STATUSES)
    claim_fields = ", ".join(
        f'"{f}": ' + {"sentence": '"s019" or ""', "status": status, "confidence": conf}.get(f, "str")
        for f in CLAIM_FIELDS)
    data = {
        "sentence_labels": '{"label_set": str, "labels": {"s004": {"label": str, "note": str, '
                           f'"confidence": {conf}}}}}}}',
        "phrase_marks": '{"marks": [{"start": int, "end": int, "text": str, "category": str, "note": str}]} '
                        "(offsets into `Article.text`)",
        "provenance_checklist": '{"answers": {"<question id>": {"answer": str, "evidence": str}}}',
        "claim_ledger": f'{{"rows": [{{{claim_fields}}}]}}',
        "check": '{"answer": <JSON value>, "correct": true/false/null, "status": "for teacher"/"too short" (written answers only)}',
        "chain": '{"steps": [str]} (step ids of `data/keys/01_chains.yaml`, oldest step first)',
        "skillcheck": '{"form": "A"/"B", "phase": "before"/"after", "answers": {"<item id>": str or [str]}, '
                      '"written": str, "finished": bool, "finished_at": str} (items of `data/skillcheck/form_a.yaml` '
                      'and `form_b.yaml`)',
    }
    item = {"check": "<question id>", "skillcheck": "<phase>"}
    lines = ["| kind | default activity id | data |", "|---|---|---|"]
    for kind in KINDS:
        d = data[kind]
        d = f"`{d}`" if not d.endswith(")") else f"`{d.split(' (')[0]}` ({d.split(' (', 1)[1]}"
        lines.append(f"| `{kind}` | `{DEFAULT_PREFIX[kind]}:{item.get(kind, '<article>')}` | {d} |")
    lines.append("")
    lines.append(f"Limits (`medialit.schema.LIMITS`, the same in the widgets and the dashboard): ids, labels, "
                 f"categories, answer choices, statuses and confidences at most {LIMITS.short} characters; "
                 f"notes, evidence, claims and check answers at most {LIMITS.text} (longer is cut); at most "
                 f"{LIMITS.items} marks or claim rows per activity; the dashboard reads at most {LIMITS.file_items:,} "
                 "items of all activities in one file together (a file built to exhaust its memory).")
    lines.append("")
    lines.append(f"First answers: a record of any kind but `skillcheck` may also hold `{FIRST_FIELDS[0]}` (the work on "
                 "show when the learner opened a key with `ml.KeyReveal` / `ml.reveal`, or their first `check()` "
                 f"answer; the same shape as `data`) and `{FIRST_FIELDS[1]}` (when, `YYYY-MM-DDTHH:MM:SSZ`) beside "
                 "`data`, which keeps the latest work. Once set they are never overwritten "
                 "(`medialit.store.freeze_first`); the dashboard cleans them like `data` (`medialit.schema.keeps_first`).")
    return "\n".join(lines)


def checklist_table() -> str:
    """The "Provenance checklist questions" table of CONTRIBUTING.md, written from this module."""
    lines = ["| id | question | choices |", "|---|---|---|"]
    lines += [f"| `{q['id']}` | {q['question']} | {' / '.join(q['choices'])} |" for q in PROVENANCE_QUESTIONS]
    return "\n".join(lines)

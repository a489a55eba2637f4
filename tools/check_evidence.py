"""Check the evidence record (data/evidence/) and every evidence id cited in the course.

    python tools/check_evidence.py     # prints problems; exit 1 if there are any
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit import evidence_record as er  # noqa: E402

#: Folders whose text may cite evidence ids.
CITING = ("content", "data", "docs", "src", "notebooks", "exercises", "solutions")
SUFFIXES = {".py", ".md", ".csv", ".yaml", ".yml", ".txt", ".ipynb"}


def citing_files():
    for folder in CITING:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and "evidence" != path.parent.name:
                yield path


def unknown_citations() -> list[str]:
    known = set(er.records())
    out = []
    for path in citing_files():
        if path.name == "evidence_record.py":
            continue
        for rid in er.cited_ids(path.read_text(encoding="utf-8", errors="replace")):
            if rid not in known:
                out.append(f"{path.relative_to(ROOT)} cites {rid}, which is not in data/evidence/")
    return out


def main() -> int:
    problems = er.problems() + unknown_citations()
    for p in problems:
        print(p)
    print(f"{len(er.records())} records; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

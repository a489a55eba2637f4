"""Find course sentences that repeat 12 or more consecutive words of a research-notes file.

The course writes its own sentences; text inside quotation marks (quotations of sources, which
are the material under study) and verbatim evidence excerpts are not counted.

    python tools/check_overlap.py --notes ../shared/facts.md [FILE ...]
    (without FILE: every course source under content/, data/, docs/)
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_NOTES = ROOT.parent / "shared" / "facts.md"
N = 12
#: Table columns that hold quotations of the case articles or of sources, not the course's words.
QUOTE_COLUMNS = {"as_printed", "original", "claim_as_printed", "french_original", "english_in_copy",
                 "excerpt", "text_as_printed", "quote"}
_URL = re.compile(r"(?:https?://|www\.)\S+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’\n]*’|«[^»]*»|„[^“”\n]*[“”]")
_WORD = re.compile(r"[0-9a-zà-ÿ]+(?:['’][a-z]+)?", re.IGNORECASE)


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(_URL.sub(" ", text))]


def ngrams(ws: list[str], n: int = N) -> set[tuple[str, ...]]:
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def own_words(path: Path) -> list[tuple[int, str]]:
    """(line number, text) pieces of a file that are the course's own words."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(raw)))
        if not rows:
            return []
        header = rows[0]
        out = []
        for n, row in enumerate(rows[1:], 2):
            keep = [cell for col, cell in zip(header, row, strict=False) if col not in QUOTE_COLUMNS]
            out.append((n, _QUOTED.sub(" ", " ".join(keep))))
        return out
    if path.parent.name == "evidence" and path.suffix == ".yaml":
        raw = re.sub(r"(?m)^(\s*)excerpt:.*(?:\n\1\s+\S.*)*", " ", raw)
    lines = raw.splitlines()
    if path.suffix == ".md":  # a Markdown block quote is a quotation
        lines = ["" if line.lstrip().startswith(">") else line for line in lines]
    return [(n, _QUOTED.sub(" ", line)) for n, line in enumerate(lines, 1)]


def course_files() -> list[Path]:
    files = []
    for folder in ("content", "data", "docs"):
        for p in sorted((ROOT / folder).rglob("*")):
            if not p.is_file() or p.suffix not in {".py", ".md", ".csv", ".yaml", ".txt"}:
                continue
            if p.parent.name in ("articles", "lexicons", "synthetic") and p.suffix == ".txt" \
                    and not p.name.startswith("model_report"):
                continue  # case articles, the treaty and word lists are not the course's prose
            if "synthetic" in p.parts:
                continue
            files.append(p)
    return files


def overlaps(notes_text: str, files: list[Path]) -> list[str]:
    grams = ngrams(words(notes_text))
    found = []
    for path in files:
        pieces = own_words(path)
        # join the whole file so sentences broken over lines are still compared
        ws, line_of = [], []
        for n, text in pieces:
            w = words(text)
            ws += w
            line_of += [n] * len(w)
        reported = -N
        for i in range(len(ws) - N + 1):
            if tuple(ws[i:i + N]) in grams and i >= reported + N:
                rel = path.relative_to(ROOT) if ROOT in path.parents else path
                found.append(f"{rel}:{line_of[i]}: \"{' '.join(ws[i:i + N])}\"")
                reported = i
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=Path, default=DEFAULT_NOTES)
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args(argv)
    if not args.notes.is_file():
        print(f"{args.notes} not found; nothing to compare against.")
        return 0
    files = [p.resolve() for p in args.files] or course_files()
    found = overlaps(args.notes.read_text(encoding="utf-8"), files)
    for f in found:
        print(f)
    print(f"{len(found)} passages of {N}+ words shared with {args.notes.name}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

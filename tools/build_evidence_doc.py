"""Write docs/evidence.md, the readable copy of the course's evidence record (data/evidence/).

    python tools/build_evidence_doc.py          # write it
    python tools/build_evidence_doc.py --check  # exit 1 if docs/evidence.md is out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit import evidence_record  # noqa: E402

TARGET = ROOT / "docs" / "evidence.md"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    text = evidence_record.markdown()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
        if current != text:
            print("docs/evidence.md is out of date: run `make build`.")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(evidence_record.records())} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

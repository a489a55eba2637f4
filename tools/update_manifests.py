"""Refresh the sha256 of every file listed in data/*/datapackage.yaml and report unlisted files.

Only the ``sha256:`` lines are rewritten (the rest of each manifest, comments included, is kept).
Run it after editing a data file on purpose, and record the edit in that entry's ``edits`` field.

    python tools/update_manifests.py          # rewrite hashes
    python tools/update_manifests.py --check  # exit 1 if anything is stale or unlisted
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report; change nothing")
    args = ap.parse_args(argv)
    problems = []
    for mf in sorted(DATA.glob("*/datapackage.yaml")):
        folder = mf.parent
        doc = yaml.safe_load(mf.read_text(encoding="utf-8"))
        listed = set()
        text = original = mf.read_text(encoding="utf-8")
        for res in doc.get("resources") or []:
            path = folder / res["path"]
            listed.add(path.resolve())
            if not path.is_file():
                problems.append(f"{mf.relative_to(ROOT)}: {res['path']} is listed but missing")
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if res.get("sha256") != digest:
                problems.append(f"{mf.relative_to(ROOT)}: {res['path']} sha256 is stale")
                pattern = re.compile(
                    r"(- name: " + re.escape(res["name"]) + r"\n(?:(?!- name:).*\n)*?\s+sha256: )\S*"
                )
                text, n = pattern.subn(lambda m, d=digest: m.group(1) + d, text, count=1)
                if n != 1:
                    problems.append(f"{mf.relative_to(ROOT)}: could not find the sha256 line of {res['name']}")
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.name != "datapackage.yaml" and f.resolve() not in listed:
                problems.append(f"{mf.relative_to(ROOT)}: {f.relative_to(folder)} is not listed")
        if not args.check and text != original:
            mf.write_text(text, encoding="utf-8")
    for p in problems:
        print(p)
    if args.check:
        return 1 if problems else 0
    unlisted = [p for p in problems if "not listed" in p or "missing" in p or "could not" in p]
    return 1 if unlisted else 0


if __name__ == "__main__":
    sys.exit(main())

"""Write the signals' measured rates into README.md, between its measured-rates markers.

The figures come from ``data/measured/cues_eval.json`` (written by
``benchmarks/bench_cues_eval.py --record``), through :func:`medialit.cues.measured.measured_rates_text`,
so the README says exactly what the lesson shows. ``make build`` runs this.

    python tools/build_readme_rates.py          # rewrite the block
    python tools/build_readme_rates.py --check  # exit 1 if the block is out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- measured-rates:start (written by tools/build_readme_rates.py from data/measured/cues_eval.json) -->"
END = "<!-- measured-rates:end -->"


def block() -> str:
    """The text between the markers."""
    from medialit.cues.measured import measured_rates, measured_rates_text

    rec = measured_rates()
    goals = "; ".join(
        f"{sig}: macro-F1 {rec['signals'][sig]['splits'][split]['macro_f1']:.2f} on {split} "
        f"(learned baseline {rec['baseline'][sig][split]['macro_f1']:.2f}, goal {rec['signals'][sig]['goal_macro_f1']:.2f})"
        for sig, split in (("opinion", "dev_test"), ("opinion", "dev"), ("attribution", "dev")))
    return f"{measured_rates_text(rec)}\n\nIn figures: {goals}."


def render(text: str) -> str:
    """``text`` (the README) with the block between the markers replaced."""
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no measured-rates markers ({START!r} ... {END!r}).")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{block()}\n{END}{tail}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report whether the block is up to date")
    args = ap.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = render(text)
    if args.check:
        if new != text:
            print("README.md: the measured-rates block is out of date; run tools/build_readme_rates.py")
            return 1
        return 0
    if new != text:
        tmp = README.with_suffix(".md.tmp")
        tmp.write_text(new, encoding="utf-8")
        tmp.replace(README)
        print("README.md: measured-rates block updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

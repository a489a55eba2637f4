"""Write a synthetic class of submission files (made-up learners) for demos, tests and benchmarks.

    python tools/make_synthetic_class.py --learners 30 --seed 2026 --out data/synthetic/class_30 \
        --manifest data/synthetic/datapackage.yaml

The same arguments always give the same bytes (timestamps come from the seed, JSON keys are
sorted). Learners have varied accuracy and partial work; with --broken (the default) a few files
are broken on purpose (not JSON, newer schema, empty, duplicate learner, unsafe learner id...).
The learners aim at data/keys/sentence_labels.yaml. See tools/synthetic_class.py for the details.

Each learner also takes the skills check before and after the unit (forms A and B counterbalanced
as medialit.skillcheck.form_for assigns them). --effect sets the true normalised gain per skill
(default a moderate gain: provenance 0.35, opinion 0.45, claims 0.3); --effect 0.5 gives every
skill 0.5, --effect claims=0.6 changes one skill, --no-effect makes the unit change nothing. See
tools/synthetic_skillcheck.py for the model.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_class as synthetic  # noqa: E402 - tools/synthetic_class.py, next to this file
import synthetic_skillcheck  # noqa: E402 - tools/synthetic_skillcheck.py, next to this file
from medialit.analysis.key import load_key  # noqa: E402
from medialit.data import DataError  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--learners", type=int, default=30, help="number of learners (default 30)")
    ap.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    ap.add_argument("--out", help="folder to write into (must be empty or not exist); default "
                                  "synthetic_class_<learners>_seed<seed> in the current folder")
    ap.add_argument("--no-broken", dest="broken", action="store_false", help="leave out the broken files")
    ap.add_argument("--manifest", help="also write this datapackage.yaml listing every file (its folder "
                                       "must contain --out)")
    ap.add_argument("--effect", help="true normalised gain of the skills check, 0 to 1: one number for every "
                                     "skill, or skill=value pairs separated by commas (default: "
                                     + ", ".join(f"{k} {v}" for k, v in synthetic_skillcheck.DEFAULT_EFFECT.items())
                                     + ")")
    ap.add_argument("--no-effect", action="store_true", help="the unit changes nothing (true gain 0 for every skill)")
    args = ap.parse_args(argv)
    if args.learners < 1:
        print("--learners must be at least 1.", file=sys.stderr)
        return 2
    if args.no_effect and args.effect:
        print("Give --effect or --no-effect, not both.", file=sys.stderr)
        return 2
    try:
        effect = synthetic_skillcheck.parse_effect(args.effect, none=args.no_effect)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    out = Path(args.out or f"synthetic_class_{args.learners}_seed{args.seed}")
    if out.exists() and any(out.iterdir()):
        print(f"{out} is not empty; choose an empty folder (or delete its files first).", file=sys.stderr)
        return 2
    try:
        load_key()
    except DataError as exc:
        print(f"The sentence-label key cannot be used: {exc}", file=sys.stderr)
        return 1
    try:
        files = synthetic.make_class(out, learners=args.learners, seed=args.seed, broken=args.broken, effect=effect)
    except DataError as exc:
        print(f"A course data file cannot be used: {exc}", file=sys.stderr)
        return 1
    if args.manifest:
        mf = Path(args.manifest)
        data_folder = mf.parent.resolve()
        files = [f.resolve() for f in files]
        if any(data_folder not in f.parents for f in files):
            print(f"--out must be inside {data_folder} to be listed in {mf}.", file=sys.stderr)
            return 2
        mf.write_text(synthetic.manifest_text(files, data_folder, args.learners, args.seed,
                                              synthetic_skillcheck.effect_option(effect)), encoding="utf-8")
    print(f"wrote {len(files)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

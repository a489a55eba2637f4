"""The ``medialit`` command for teachers who prefer a terminal.

    medialit add-article SOURCE --title … --publisher … --url … --date YYYY-MM-DD
                         [--author …] [--language xx] [--translated] [--show]
    medialit make-exercise ARTICLE_ID
    medialit check-key KEYFILE

``add-article`` prints the new article's id (or the id it already has); ``--show`` prints what
was found in a saved web page, to check before adding it. ``make-exercise`` writes an exercise
notebook and a key template into the teacher folder (``MEDIALIT_HOME``, else the course's
``answers/``) and prints their paths. ``check-key`` says what is wrong with a filled-in key, or
that it is fine.

Exit status: 0 done, 1 the key has problems (``check-key``), 2 bad input: one plain sentence on
standard error, never a traceback (set ``MEDIALIT_DEBUG=1`` to see one).
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path
from typing import Sequence

EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one plain sentence (exit status 2)."""

    def error(self, message: str):  # noqa: D401 - argparse's hook
        raise _Usage(f"{message[:1].upper()}{message[1:].rstrip('.')}; run `{self.prog} --help` for the options.")


class _Usage(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    top = _Parser(prog="medialit", description="Bring your own article into the medialit course.")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    add = sub.add_parser("add-article", help="add a saved web page, a .txt file or text from standard input (-)",
                         description="Add an article to the teacher folder and print its id.")
    add.add_argument("source", metavar="SOURCE", help="a saved web page (.html/.htm), a .txt file, or - for "
                                                     "text on standard input")
    add.add_argument("--title")
    add.add_argument("--publisher", help="the publisher or site")
    add.add_argument("--url", help="the web address it was published at (https://...)")
    add.add_argument("--date", help="the date it was published, YYYY-MM-DD")
    add.add_argument("--author", help='the author (leave out: "none given")')
    add.add_argument("--language", default="en", help="a language code such as en, fr, de (default: en)")
    add.add_argument("--translated", action="store_true", help="the article is a translation")
    add.add_argument("--show", action="store_true",
                     help="only show what was found in a saved web page (nothing is added)")

    make = sub.add_parser("make-exercise", help="write an exercise notebook and a key template for an article",
                          description="Write an exercise notebook and a key template into the teacher folder.")
    make.add_argument("article_id", metavar="ARTICLE_ID")

    check = sub.add_parser("check-key", help="check a filled-in key and say what is wrong in plain words",
                           description="Check a teacher's key file.")
    check.add_argument("keyfile", metavar="KEYFILE")
    return top


def _show(source: str) -> int:
    from .articles import extract_html

    found = extract_html(source)
    first = found["text"].split("\n\n")[0]
    print(f"Found in {Path(source).name}: {found['words']} words, starting: {first[:120]}")
    for key in ("title", "site", "author", "date", "url", "language"):
        print(f"  {key:9} {found[key] or '(not found)'}")
    print("Check these, then add the article with --title, --publisher, --url and --date "
          "(and --author, --language, --translated if they apply).")
    return 0


def _add_article(args: argparse.Namespace) -> int:
    from .articles import ArticleError, add_article

    if args.show:
        return _show(args.source)
    source: str | bytes = args.source
    if args.source == "-":
        source = sys.stdin.buffer.read()
        if not source.strip():
            raise ArticleError("Standard input is empty: pipe the article's text into the command.")
    elif not Path(args.source).expanduser().exists():
        raise ArticleError(f"There is no file {args.source}: check the name and the folder.")
    else:
        source = str(Path(args.source).expanduser())
    with warnings.catch_warnings(record=True) as caught:  # said plainly below, not as a Python warning
        warnings.simplefilter("always")
        article_id = add_article(source, title=args.title, publisher=args.publisher, url=args.url, date=args.date,
                                 author=args.author, language=args.language, translated=args.translated)
    for w in caught:
        print(f"Note: {w.message}", file=sys.stderr)
    print(article_id)
    return 0


def _make_exercise(args: argparse.Namespace) -> int:
    from . import assign

    written = assign.make_exercise(args.article_id)
    for what, path in written.items():
        print(f"{what}: {path}")
    return 0


def _check_key(args: argparse.Namespace) -> int:
    from . import assign

    path = Path(args.keyfile).expanduser()
    if not path.is_file():
        raise FileNotFoundError(f"There is no key file {args.keyfile}: check the name and the folder.")
    problems = assign.check_key(path)
    if not problems:
        print(f"{path.name} is fine: every entry is filled in and can be used by check() and the dashboard.")
        return 0
    for problem in problems:
        print(problem)
    return EXIT_PROBLEMS


_COMMANDS = {"add-article": _add_article, "make-exercise": _make_exercise, "check-key": _check_key}


def _one_sentence(exc: BaseException) -> str:
    """The exception's message on one line, or a plain sentence naming what went wrong."""
    text = " ".join(str(exc).split())
    if isinstance(exc, KeyError) and text.startswith(("'", '"')):
        text = text[1:-1]
    if not text:
        return f"Something went wrong ({type(exc).__name__}); set MEDIALIT_DEBUG=1 and run again to see where."
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``medialit`` command; returns the exit status (0, 1 or 2)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if not args.command:
            raise _Usage("Give a command: add-article, make-exercise or check-key; run `medialit --help` for help.")
        return _COMMANDS[args.command](args)
    except SystemExit as exc:  # --help
        return int(exc.code or 0) if isinstance(exc.code, int) or exc.code is None else EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every error is one plain sentence
        if os.environ.get("MEDIALIT_DEBUG"):
            raise
        print(f"medialit: {_one_sentence(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover - `python -m medialit.cli`
    sys.exit(main())

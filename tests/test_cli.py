"""The ``medialit`` console script: add-article, make-exercise, check-key (issue 15).

Every error is one plain sentence on standard error with exit status 2, never a traceback.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import medialit as ml
from medialit import cli, paths

ROOT = Path(__file__).resolve().parents[1]
HTML = """<html><head><title>Bridge closed | The Gazette</title>
<meta property="og:site_name" content="The Gazette"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2026-12-05T10:00:00Z"></head>
<body><article><h1>Bridge closed</h1>
<p>The city council voted on Thursday to close the old bridge for repairs, the mayor said.</p>
<p>Traffic will be diverted through the town centre for six months, officials told reporters.</p>
</article></body></html>"""
FLAGS = ["--title", "Bridge closed", "--publisher", "The Gazette", "--url", "https://gazette.example/bridge",
         "--date", "2026-12-05"]


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_sentence(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("medialit: ") and lines[0].endswith(".") and "Traceback" not in err


def test_add_article_prints_the_id(capsys, page):
    code, out, err = run(capsys, "add-article", page, *FLAGS, "--author", "Jane Doe")
    assert (code, err) == (0, "")
    assert out == "bridge-closed-2026-12-05\n"
    art = ml.load_article("bridge-closed-2026-12-05")
    assert art.meta["author"] == "Jane Doe" and art.meta["language"] == "en" and art.meta["translated"] is False
    # the same page again: the same id
    assert run(capsys, "add-article", page, *FLAGS)[:2] == (0, "bridge-closed-2026-12-05\n")
    # ... and with another title: the same id, and a plain note (no Python warning with a file and line)
    flags = list(FLAGS)
    flags[flags.index("--title") + 1] = "Another title"
    code, out, err = run(capsys, "add-article", page, *flags)
    assert (code, out) == (0, "bridge-closed-2026-12-05\n")
    assert err.startswith("Note: This text was already added as 'bridge-closed-2026-12-05'") and "Warning" not in err


def test_add_article_options(capsys, tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_text("Die Regierung hat eine Reform angekündigt. Dr. Müller widersprach.", encoding="utf-8")
    code, out, _err = run(capsys, "add-article", path, "--title", "Reform", "--publisher", "Zeitung", "--url",
                          "https://z.example/r", "--date", "2026-12-01", "--language", "de", "--translated")
    assert code == 0
    art = ml.load_article(out.strip())
    assert art.meta["language"] == "de" and art.meta["translated"] is True and art.meta["author"] == "none given"
    assert len(art.sentences) == 2


def test_add_article_from_standard_input(capsys, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO("Pasted from a terminal. 🚨 Two sentences.\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _err = run(capsys, "add-article", "-", *FLAGS)
    assert code == 0 and ml.load_article(out.strip()).sentences[1].text == "🚨 Two sentences."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n"), encoding="utf-8"))
    code, out, err = run(capsys, "add-article", "-", *FLAGS)
    assert code == 2 and out == "" and "Standard input is empty" in err
    assert_one_sentence(err)


def test_show_prints_what_the_page_says_and_adds_nothing(capsys, page):
    code, out, err = run(capsys, "add-article", page, "--show")
    assert code == 0 and err == ""
    assert "title     Bridge closed" in out and "site      The Gazette" in out and "date      2026-12-05" in out
    assert not (paths.teacher_dir() / "articles" / "datapackage.yaml").exists()


@pytest.mark.parametrize("name, raw, words", [
    ("empty.txt", b"", "is empty"),
    ("binary.txt", b"\x00\x01\x02" * 50, "binary"),
    ("latin1.txt", "déclaré".encode("latin-1") * 9, "not UTF-8"),
    ("menu.html", b"<html><body><nav>Home News</nav></body></html>", "No article text was found"),
    ("scan.pdf", b"%PDF-1.4", "only .html, .htm and .txt"),
])
def test_bad_files_give_one_sentence_and_status_2(capsys, tmp_path, name, raw, words):
    path = tmp_path / name
    path.write_bytes(raw)
    code, out, err = run(capsys, "add-article", path, *FLAGS)
    assert code == 2 and out == "" and words in err
    assert_one_sentence(err)


@pytest.mark.parametrize("argv, words", [
    (["add-article", "PAGE"], "needs its title, its publisher or site, its URL and the date"),
    (["add-article", "PAGE", *FLAGS[:-2], "--date", "06/12/2026"], "not written YYYY-MM-DD"),
    (["add-article", "PAGE", *FLAGS[:4], "--url", "gazette.example", *FLAGS[6:]], "not a web address"),
    (["add-article", "PAGE", *FLAGS, "--language", "english please"], "not a language code"),
    (["add-article", "missing.html", *FLAGS], "There is no file missing.html"),
    (["add-article"], "The following arguments are required: SOURCE"),
    (["add-article", "PAGE", *FLAGS, "--colour", "red"], "Unrecognized arguments: --colour red"),
    ([], "Give a command"),
    (["publish"], "invalid choice: 'publish'"),
    (["make-exercise", "../../etc"], "article id"),
    (["make-exercise", "no-such-article-2026-12-01"], "no-such-article-2026-12-01"),
    (["check-key", "missing.yaml"], "There is no key file missing.yaml"),
])
def test_bad_input_gives_one_sentence_and_status_2(capsys, page, argv, words):
    argv = [str(page) if a == "PAGE" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and words in err, err
    assert_one_sentence(err)


def test_missing_fields_show_what_the_page_says(capsys, page):
    _code, _out, err = run(capsys, "add-article", page)
    assert "the page says: title 'Bridge closed', site 'The Gazette'" in err and "date '2026-12-05'" in err


def test_help_exits_0(capsys):
    code, out, _err = run(capsys, "--help")
    assert code == 0 and "add-article" in out and "make-exercise" in out and "check-key" in out
    code, out, _err = run(capsys, "add-article", "--help")
    assert code == 0 and "--translated" in out


def test_make_exercise_and_check_key(capsys, page):
    pytest.importorskip("medialit.assign")
    aid = run(capsys, "add-article", page, *FLAGS)[1].strip()
    code, out, err = run(capsys, "make-exercise", aid)
    assert code == 0 and err == ""
    written = dict(line.split(": ", 1) for line in out.strip().splitlines())
    assert written and all(Path(p).is_file() for p in written.values())
    assert all(Path(p).resolve().is_relative_to(paths.teacher_dir().resolve()) for p in written.values())
    key = next(Path(p) for p in written.values() if p.endswith(".yaml"))
    code, out, err = run(capsys, "check-key", key)  # the template is not filled in yet
    assert code == 1 and out.strip() and err == ""


def test_unexpected_errors_are_one_sentence_too(capsys, monkeypatch):
    def boom(_args):
        raise RuntimeError("")

    monkeypatch.setitem(cli._COMMANDS, "check-key", boom)
    code, _out, err = run(capsys, "check-key", "x.yaml")
    assert code == 2 and "Something went wrong (RuntimeError)" in err
    assert_one_sentence(err)


def test_console_script_is_declared_and_installed(tmp_path, page):
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert py["project"]["scripts"] == {"medialit": "medialit.cli:main"}
    script = Path(sys.executable).with_name("medialit")
    if not script.exists():
        pytest.fail("The medialit command is not installed: run `.venv/bin/pip install -e '.[dev]'`.")
    env = {**os.environ, "MEDIALIT_HOME": str(tmp_path / "home")}
    done = subprocess.run([str(script), "add-article", str(page), *FLAGS], capture_output=True, text=True, env=env,
                          timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "bridge-closed-2026-12-05\n", "")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 10)
    done = subprocess.run([str(script), "add-article", str(bad), *FLAGS], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1

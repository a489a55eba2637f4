"""The package imports lightly and finds its folders."""
from __future__ import annotations

import subprocess
import sys

import pytest

import medialit as ml
from medialit import paths


def test_import_is_light():
    code = ("import sys, medialit as ml; heavy = [m for m in ('pandas', 'matplotlib', 'ipywidgets', 'pysbd', "
            "'nbformat') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"importing medialit pulled in: {out}"


def test_public_names_resolve():
    for name in ("list_articles", "load_article", "check", "export_submission", "set_learner"):
        assert callable(getattr(ml, name))
    with pytest.raises(AttributeError):
        ml.no_such_thing


def test_answers_dir_follows_medialit_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path / "x"))
    assert paths.answers_dir() == tmp_path / "x" and (tmp_path / "x").is_dir()


def test_bad_medialit_root_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_ROOT", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="MEDIALIT_ROOT"):
        paths.repo_root()

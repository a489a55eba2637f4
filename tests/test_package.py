"""The package imports lightly and finds its folders."""
from __future__ import annotations

import subprocess
import sys

import pytest

import medialit as ml
from medialit import paths


HEAVY = ("pandas", "matplotlib", "numpy", "ipywidgets", "anywidget", "traitlets", "pysbd", "yaml", "nbformat")


@pytest.mark.parametrize("module", ["medialit", "medialit.cues"])
def test_import_is_light(module):
    """The one import-lightness test: a fresh process that imports ``module`` loads none of HEAVY."""
    code = f"import sys, {module}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"importing {module} pulled in: {out}"


def test_public_names_resolve():
    for name in ("list_articles", "load_article", "check", "export_submission", "set_learner"):
        assert callable(getattr(ml, name))
    with pytest.raises(AttributeError):
        _ = ml.no_such_thing


def test_answers_dir_follows_medialit_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path / "x"))
    assert paths.answers_dir() == tmp_path / "x" and (tmp_path / "x").is_dir()


def test_bad_medialit_root_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_ROOT", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="MEDIALIT_ROOT"):
        paths.repo_root()

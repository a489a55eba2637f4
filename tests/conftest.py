"""Shared fixtures: every test gets its own answers folder and learner id."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_answers(tmp_path, monkeypatch):
    home = tmp_path / "answers"
    monkeypatch.setenv("MEDIALIT_HOME", str(home))
    monkeypatch.delenv("MEDIALIT_LEARNER", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    from medialit import store

    monkeypatch.setattr(store, "_chosen_learner", None)
    return home


@pytest.fixture
def home(_isolated_answers, monkeypatch):
    """The isolated answers folder, with the learner id "tester" chosen (for widget tests)."""
    monkeypatch.setenv("MEDIALIT_LEARNER", "tester")
    return _isolated_answers

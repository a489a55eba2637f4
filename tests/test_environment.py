"""pyproject.toml and environment.yml list the same packages with the same X.Y pins."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = re.compile(r"^([A-Za-z0-9_.\-]+)\s*(.*)$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pip_pins(spec: str) -> tuple[str, str]:
    name, rest = SPEC.match(spec).groups()
    rest = rest.replace("==", "").replace(".*", "").strip()
    return _norm(name), rest


def _conda_pins(spec: str) -> tuple[str, str]:
    name, rest = SPEC.match(spec.replace("=", " ", 1) if ">=" not in spec else spec).groups()
    return _norm(name), rest.strip()


def test_dependency_lists_agree():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pip = dict(_pip_pins(s) for s in py["project"]["dependencies"] + py["project"]["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = dict(_conda_pins(s) for s in env["dependencies"] if isinstance(s, str) and not s.startswith(("python", "pip")))
    assert env["channels"] == ["conda-forge"]
    assert "python=3.11" in env["dependencies"]
    assert pip == conda, f"only in pyproject: {set(pip.items()) - set(conda.items())}; only in environment.yml: {set(conda.items()) - set(pip.items())}"


def test_jupyter_widget_stack_is_pinned_together():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    deps = " ".join(py["project"]["dependencies"])
    for pkg in ("jupyterlab==", "ipywidgets==", "widgetsnbextension==", "jupyterlab_widgets=="):
        assert pkg in deps, pkg


def test_trafilatura_is_pinned_and_the_command_declared():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "trafilatura==2.3.*" in py["project"]["dependencies"]
    assert "  - trafilatura=2.3\n" in (ROOT / "environment.yml").read_text()
    assert py["project"]["scripts"]["medialit"] == "medialit.cli:main"
    import importlib.metadata

    assert importlib.metadata.version("trafilatura").startswith("2.3.")

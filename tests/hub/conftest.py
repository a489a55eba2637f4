"""The hub tests start a real JupyterHub (tests/hub/hubserver.py) and drive it in Debian's Chromium.

They skip, with a message naming what to install, when Chromium, playwright, jupyterhub, nbgitpuller,
notebook, node or configurable-http-proxy (``make hub-deps``) is missing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from browser.conftest import mark_tests_in


def pytest_configure(config):
    config.addinivalue_line("markers", "hub: starts a real JupyterHub with configurable-http-proxy (slow)")


def pytest_collection_modifyitems(config, items):
    mark_tests_in(Path(__file__).parent, items, pytest.mark.hub, pytest.mark.browser)

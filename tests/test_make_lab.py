"""`make lab`, the README's first command, really starts JupyterLab on the start notebook.

Runs the Makefile target itself (the venv is already set up by `make test`, so nothing is
installed), with every Jupyter folder in a temporary directory, and stops the server again.
CI and many classroom machines run as root: Jupyter refuses root unless told, which this
test catches there.
"""
from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser.servers import free_port, isolated_env  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.skipif(not (VENV / "bin" / "jupyter").exists(), reason="jupyter is not in this environment")
def test_make_lab_starts_jupyterlab_on_the_start_notebook(tmp_path):
    port = free_port()
    env = isolated_env(tmp_path, tmp_path / "answers")
    log = tmp_path / "lab.log"
    args = f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.token=t"
    with open(log, "w") as out:
        # -o: treat the install stamp as up to date, so this test never re-installs the course
        # into the environment it runs in (that one may belong to another checkout)
        proc = subprocess.Popen(["make", "-s", "-o", f"{VENV}/.medialit-installed", "lab", f"VENV={VENV}",
                                 f"LABARGS={args}"], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token=t", timeout=2) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.5)
        text = log.read_text(errors="replace")
        assert status == 200, f"JupyterLab did not start (exit code {proc.poll()}):\n{text[-2000:]}"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/notebooks/00_start_here.ipynb"
                                    f"?token=t&content=0", timeout=5) as r:
            assert r.status == 200
        # the printed address opens the start notebook, and exercises/ is reachable from it
        assert "/lab/tree/notebooks/00_start_here.ipynb" in log.read_text(errors="replace")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/exercises?token=t&content=0",
                                    timeout=5) as r:
            assert r.status == 200
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("target", ["voila", "dashboard"])
def test_voila_targets_stop_kernels_no_page_is_connected_to(target):
    """Voila 0.5 cannot shut a kernel down when its page is reloaded or closed: without culling,
    a class reloading pages fills the server's memory with kernels (about 125 MB each)."""
    cmd = subprocess.run(["make", "-n", "-o", f"{VENV}/.medialit-installed", target, f"VENV={VENV}"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    voila = next(line for line in cmd.splitlines() if "/bin/voila " in line)
    for option in ("--MappingKernelManager.cull_idle_timeout=", "--MappingKernelManager.cull_interval=",
                   "--MappingKernelManager.cull_connected=False"):
        assert option in voila, (target, voila)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_voila_index_for_learners_leaves_out_the_instructor_dashboard(tmp_path):
    """Browser QA: the learners' Voila index listed 90_instructor_dashboard.ipynb. The index is
    read through Voila's own contents API, as its tree page does; the lessons stay listed."""
    port = free_port()
    cmd = subprocess.run(["make", "-n", "-o", f"{VENV}/.medialit-installed", "voila", f"VENV={VENV}"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    voila = next(line for line in cmd.splitlines() if "/bin/voila " in line)
    assert voila.startswith("MEDIALIT_CLASS= MEDIALIT_ROSTER= MEDIALIT_EXPORT= "), voila  # never a real class
    args = shlex.split(voila.split(" ", 3)[3]) + ["--no-browser", f"--port={port}"]
    proc = subprocess.Popen(args, cwd=ROOT, env=isolated_env(tmp_path, tmp_path / "answers"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        names = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/api/contents", timeout=5) as r:
                    names = [item["name"] for item in json.load(r)["content"]]
                break
            except OSError:
                time.sleep(0.5)
        assert names is not None, "Voila did not answer"
        assert "00_start_here.ipynb" in names and "02_opinion_or_reporting.ipynb" in names, names
        assert not any(n.startswith("90_") for n in names), names
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)

"""Start JupyterLab or Voila on 127.0.0.1 for the browser tests, fully isolated in a temp folder.

Every Jupyter config/data/runtime/settings folder and IPython's folder point into the test's
temporary folder, so nothing in ``~`` is read or written. The lab and widget extensions stay
available because they live in ``sys.prefix/share/jupyter``, which is always on the path.
"""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# Debian's Chromium; MEDIALIT_CHROMIUM may point elsewhere (used to check the skip message).
CHROMIUM = os.environ.get("MEDIALIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lab_setting(settings_dir: Path, plugin: str, values: dict) -> None:
    folder = Path(settings_dir) / "@jupyterlab" / plugin.split(":")[0]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{plugin.split(':')[1]}.jupyterlab-settings").write_text(json.dumps(values))


def no_news(settings_dir: Path) -> None:
    """No news pop-up and no update check, in the JupyterLab user-settings folder ``settings_dir``."""
    _lab_setting(settings_dir, "apputils-extension:notification", {"fetchNews": "false", "checkForUpdates": False})


def render_all_cells(settings_dir: Path) -> None:
    """Render every cell (no windowing), so the whole notebook's outputs are in the page; in the
    JupyterLab user-settings folder ``settings_dir`` (``JUPYTERLAB_SETTINGS_DIR``)."""
    _lab_setting(settings_dir, "notebook-extension:tracker", {"windowingMode": "none"})


def isolated_env(tmp: Path, answers: Path, learner: str = "browser") -> dict:
    """Environment for a server whose Jupyter folders all live under ``tmp``."""
    env = os.environ.copy()
    for var in ("JUPYTERHUB_USER", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "MEDIALIT_STRICT"):
        env.pop(var, None)
    dirs = {
        "JUPYTER_CONFIG_DIR": tmp / "jupyter-config",
        "JUPYTER_DATA_DIR": tmp / "jupyter-data",
        "JUPYTER_RUNTIME_DIR": tmp / "jupyter-runtime",
        "JUPYTERLAB_SETTINGS_DIR": tmp / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": tmp / "lab-workspaces",
        "IPYTHONDIR": tmp / "ipython",
    }
    for var, folder in dirs.items():
        folder.mkdir(parents=True, exist_ok=True)
        env[var] = str(folder)
    no_news(dirs["JUPYTERLAB_SETTINGS_DIR"])
    env["MEDIALIT_HOME"] = str(answers)
    env["MEDIALIT_LEARNER"] = learner
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _wait_http(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    """Wait until the server answers HTTP at all (Voila answers /api/status with 403: that is up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"The server stopped early (exit {proc.returncode}). Log:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # any HTTP answer means the server is up
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise TimeoutError(f"The server at {url} did not answer within {timeout} s. Log:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def _serve(cmd: list[str], env: dict, cwd: Path, url: str, probe: str, log: Path):
    with open(log, "w") as fh:
        proc = subprocess.Popen(cmd, env=env, cwd=str(cwd), stdout=fh, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        _wait_http(probe, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextlib.contextmanager
def jupyterlab(root: Path, env: dict, log: Path):
    """Serve JupyterLab for ``root``; yields the base URL. ``window.jupyterapp`` is exposed."""
    port = free_port()
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", "--ServerApp.token=",
           "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True", f"--ServerApp.root_dir={root}",
           "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=", "--ServerApp.open_browser=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        cmd.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    with _serve(cmd, env, root, base, f"{base}/api/status", log) as url:
        yield url


@contextlib.contextmanager
def voila(notebook: Path, env: dict, log: Path):
    """Serve one notebook with Voila (the learner sees no code); yields its URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}",
           "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", "--show_tracebacks=True"]
    base = f"http://127.0.0.1:{port}"
    with _serve(cmd, env, notebook.parent, f"{base}/", f"{base}/api/status", log) as url:
        yield url


@contextlib.contextmanager
def notebook7(root: Path, env: dict, log: Path):
    """Serve the Notebook 7 interface (``jupyter notebook``) for ``root``; yields the base URL.
    ``window.jupyterapp`` is exposed, as in :func:`jupyterlab`."""
    port = free_port()
    cmd = [sys.executable, "-m", "jupyter", "notebook", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", "--ServerApp.token=",
           "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True", f"--ServerApp.root_dir={root}",
           "--JupyterNotebookApp.expose_app_in_browser=True", "--ServerApp.open_browser=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        cmd.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    with _serve(cmd, env, root, base, f"{base}/api/status", log) as url:
        yield url

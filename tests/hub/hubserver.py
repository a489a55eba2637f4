"""Start a real JupyterHub on 127.0.0.1 for the hub tests, with everything in one temporary folder.

The hub loads the shipped ``deploy/jupyterhub_config.py`` and changes only what a test machine
needs: ``DummyAuthenticator`` (any password; no system accounts), ``SimpleLocalProcessSpawner``
(each learner's server runs as the test's own user, with ``HOME`` = ``<tmp>/home/<name>``: the
tests run as root or as a developer, and creating system accounts for three learners is not
something a test should do to a machine), random free ports, a token for the test's own API
calls, and ``configurable-http-proxy`` from the npm cache that ``make hub-deps`` fills.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from browser.servers import free_port, no_news, render_all_cells

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "deploy" / "jupyterhub_config.py"
#: where `make hub-deps` (and .ci/run) install configurable-http-proxy from the npm registry
CHP = Path(os.environ.get("MEDIALIT_CHP") or REPO / ".venv" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy")
TOKEN = "medialit-hub-test-" + os.urandom(12).hex()
SAFE_ENV = ("PATH", "LANG", "LC_ALL", "VIRTUAL_ENV", "SYSTEMROOT", "TMPDIR")


def missing_parts() -> str | None:
    """Why the hub tests cannot run here (a sentence), or None when every part is installed."""
    for module, pip_name in (("jupyterhub", "jupyterhub"), ("nbgitpuller", "nbgitpuller"), ("notebook", "notebook")):
        try:
            __import__(module)
        except ImportError:
            return f"The Python package {pip_name} is not installed: run `make setup` (pip install -e '.[dev]')."
    if shutil.which("node") is None:
        return "Node.js is missing, so configurable-http-proxy cannot run: install nodejs and npm (apt-get install npm)."
    if not CHP.exists():
        return (f"configurable-http-proxy is not installed at {CHP}: run `make hub-deps` (npm install from the "
                "npm registry; `make test` and .ci/run do this when npm is there).")
    if shutil.which("git") is None:
        return "git is missing, so nbgitpuller cannot run: install git."
    return None


def write_lab_settings(home: Path) -> None:
    """No news pop-up and every cell rendered (no windowing), in the learner's own settings folder."""
    settings = home / ".jupyter" / "lab" / "user-settings"
    no_news(settings)
    render_all_cells(settings)


TEST_CONFIG = """\
# written by tests/hub/hubserver.py: the shipped configuration, then what a test machine needs
import os

c = get_config()  # noqa
load_subconfig({shipped!r})
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.ConfigurableHTTPProxy.pid_file = {hubdir!r} + "/proxy.pid"
c.ConfigurableHTTPProxy.auth_token = {proxy_token!r}
c.JupyterHub.db_url = "sqlite:///" + {hubdir!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {hubdir!r} + "/cookie_secret"
c.JupyterHub.pid_file = {hubdir!r} + "/hub.pid"
c.JupyterHub.services = [{{"name": "medialit-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "medialit-test", "services": ["medialit-test"],
    "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"]}}]
c.Spawner.args = ["--LabApp.expose_app_in_browser=True", "--LabApp.news_url="] + (["--allow-root"] if os.geteuid() == 0 else [])
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment.update({{"PYTHONUNBUFFERED": "1"}})


def _read_only_learner(spawner):
    # this learner's home is locked (owned by another account, read-only), the way a school may lock
    # a guest account. The test runs as root, who may write anywhere: the server runs without the
    # capabilities that bypass file permissions (it keeps root's uid, so it can still run the
    # Python under /root). Jupyter's own runtime files go elsewhere.
    if spawner.user.name in {read_only!r} and os.geteuid() == 0:
        drop = "-dac_override,-dac_read_search,-fowner"
        spawner.cmd = ["setpriv", "--bounding-set=" + drop, "--inh-caps=" + drop, "--"] + list(spawner.cmd)
        spawner.environment = dict(spawner.environment, JUPYTER_RUNTIME_DIR={scratch!r} + "/runtime",
                                   IPYTHONDIR={scratch!r} + "/ipython", JUPYTER_DATA_DIR={scratch!r} + "/data",
                                   JUPYTERLAB_WORKSPACES_DIR={scratch!r} + "/workspaces")


c.Spawner.pre_spawn_hook = _read_only_learner
"""


class Hub:
    """One JupyterHub (and its proxy) that can be stopped and started again with the same state."""

    def __init__(self, root: Path, read_only: tuple[str, ...] = ()):
        self.root = root
        self.hubdir = root / "hub"
        self.homes = root / "home"
        self.scratch = root / "scratch"
        for d in (self.hubdir, self.homes, self.scratch):
            d.mkdir(parents=True, exist_ok=True)
        os.chmod(self.scratch, 0o1777)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config = self.hubdir / "jupyterhub_config.py"
        self.config.write_text(TEST_CONFIG.format(
            shipped=str(SHIPPED), homes=str(self.homes), port=self.port, hub_port=free_port(),
            api_port=free_port(), chp=str(CHP), hubdir=str(self.hubdir), proxy_token=os.urandom(16).hex(),
            token=TOKEN, read_only=list(read_only), scratch=str(self.scratch)))
        self.log = self.hubdir / "hub.log"
        self.proc: subprocess.Popen | None = None

    def env(self) -> dict:
        env = {k: os.environ[k] for k in SAFE_ENV if k in os.environ}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}"
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def start(self, timeout: float = 90) -> None:
        with open(self.log, "a") as fh:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(self.config)], cwd=str(self.hubdir), env=self.env(),
                stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub stopped early (exit {self.proc.returncode}). Log:\n{self.tail()}")
            try:
                if self.api("GET", "/") is not None:  # the API root answers without a scope
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.3)
        raise TimeoutError(f"JupyterHub did not answer at {self.url} within {timeout} s. Log:\n{self.tail()}")

    def stop(self) -> None:
        """Stop the hub (and the proxy it started) the way an administrator does: SIGTERM."""
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None

    def stop_servers(self) -> None:
        """Stop every learner's server (the hub leaves them running when it stops: cleanup_servers=False)."""
        for user in self.api("GET", "/users") or []:
            if user.get("servers"):
                self.api("DELETE", f"/users/{user['name']}/server")
        for user in self.api("GET", "/users") or []:
            self.wait_server(user["name"], running=False)

    def tail(self, n: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-n:] if self.log.exists() else "(no log)"

    # ------------------------------------------------------------------ the hub's REST API
    def api(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.url}/hub/api{path}", data=data, method=method,
                                     headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else {}

    def user(self, name: str) -> dict:
        return self.api("GET", f"/users/{name}")

    def server_state(self, name: str) -> str:
        """"ready", "pending" or "stopped"."""
        server = self.user(name).get("servers", {}).get("")
        if not server:
            return "stopped"
        return "ready" if server.get("ready") else "pending"

    def wait_server(self, name: str, running: bool, timeout: float = 120) -> None:
        want = "ready" if running else "stopped"
        deadline = time.monotonic() + timeout
        state = None
        while time.monotonic() < deadline:
            try:
                state = self.server_state(name)
            except urllib.error.HTTPError as exc:
                if exc.code != 404:
                    raise
                state = "no such user"
            if state == want or (not running and state == "no such user"):
                return
            time.sleep(0.5)
        raise TimeoutError(f"{name}'s server is {state!r}, not {want!r}, after {timeout} s. Log:\n{self.tail()}")

    def restart_server(self, name: str) -> None:
        """Stop and start ``name``'s server through the hub's API (what the "Stop My Server" and
        "Start My Server" buttons do)."""
        self.api("DELETE", f"/users/{name}/server")
        self.wait_server(name, running=False)
        self.api("POST", f"/users/{name}/server")
        self.wait_server(name, running=True)

    def user_server_get(self, name: str, path: str):
        """GET a path of ``name``'s single-user server through the proxy (with the test's token)."""
        req = urllib.request.Request(f"{self.url}/user/{name}/{path.lstrip('/')}",
                                     headers={"Authorization": f"token {TOKEN}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())


def make_upstream(folder: Path) -> Path:
    """A git repository holding the course as it is in the working tree (tracked and new files that
    git does not ignore), on branch ``main``: the "upstream" nbgitpuller pulls from."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, check=True,
                           capture_output=True).stdout.decode().split("\0")
    folder.mkdir(parents=True)
    for rel in filter(None, files):
        src = REPO / rel
        if src.is_file():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, folder / rel)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "the course")
    return folder


def git(folder: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="medialit test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="medialit test", GIT_COMMITTER_EMAIL="test@example.invalid")
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True, env=env).stdout

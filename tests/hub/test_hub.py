"""Issue 18: a real JupyterHub with three learners, nbgitpuller, and faults (hub restart, server
restart mid-save, names differing only in case, a read-only home).

One hub serves the whole module (tests/hub/hubserver.py): the shipped deploy/jupyterhub_config.py,
DummyAuthenticator, SimpleLocalProcessSpawner with one home per learner, configurable-http-proxy
from npm. Each learner logs in in Chromium and clicks the course's nbgitpuller link, which clones
the course (a temporary git repository made from the working tree) into ``~/medialit`` and opens
the lesson. The tests run in file order and build on each other (one hub, three learners).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest

from browser.conftest import (PROBLEMS_JS, SKIP_MESSAGE, chromium_browser, command, command_done, run_all,
                              save_notebook, wait_for)
from browser.servers import CHROMIUM

from .hubserver import Hub, git, make_upstream, missing_parts, write_lab_settings

#: learner -> (label in lesson 00's practice labeller, label in lesson 02's first labeller)
LEARNERS = {"alice": ("reports a fact", "attributed report"), "bob": ("gives an opinion", "opinion"),
            "carol": ("not sure", "quotation")}
READ_ONLY = "guest"
PRACTICE = "00:labels:southfront_2026"  # lesson 00's labeller; its first sentence is s002
START, LESSON = "00_start_here.ipynb", "02_opinion_or_reporting.ipynb"
SAVER = """\
import threading, medialit as ml
def _save(n, pause):
    for i in range(1, n + 1):
        ml.store.put_activity("hub-fault:counter", {"n": i}, kind="probe")
        time.sleep(pause)
import time
threading.Thread(target=_save, args=(N, PAUSE), daemon=True).start()
print("saving started")"""
PROBE = """\
import json, medialit as ml
from medialit import store
out = {"set_learner": ml.set_learner("bob")}
out["learner"] = store.current_learner()
out["bob_seen"] = store.load_answers("bob")["activities"]
try:
    store.load_answers("../bob/medialit-answers/bob"); out["traversal"] = "allowed"
except store.LearnerIdError as exc:
    out["traversal"] = str(exc)
out["written_to"] = str(store.put_activity("probe", {"x": 1}, kind="probe", learner="bob"))
print("PROBE" + json.dumps(out))"""


def _notebook(path: Path, source: str) -> None:
    save_notebook(path, [source])


@pytest.fixture(scope="module")
def hub():
    why = missing_parts()
    if why is None and not os.path.exists(CHROMIUM):
        why = SKIP_MESSAGE
    if why:
        pytest.skip(why)
    # not under pytest's tmp folder (0700): the read-only learner's server runs as "nobody"
    root = Path(tempfile.mkdtemp(prefix="medialit-hub-"))
    os.chmod(root, 0o755)
    hub = Hub(root, read_only=(READ_ONLY,))
    hub.upstream = make_upstream(root / "upstream" / "medialit")
    for name in LEARNERS:
        write_lab_settings(hub.homes / name)
    # the read-only learner: the school put the course in the home, then locked the home
    guest = hub.homes / READ_ONLY
    shutil.copytree(hub.upstream, guest / "medialit", ignore=shutil.ignore_patterns(".git"))
    write_lab_settings(guest)
    for folder, _dirs, files in os.walk(guest, topdown=False):
        for f in files:
            if os.geteuid() == 0:  # root may write anywhere: the home belongs to "nobody" instead
                os.chown(Path(folder) / f, 65534, 65534)
            os.chmod(Path(folder) / f, 0o444)
        if os.geteuid() == 0:
            os.chown(folder, 65534, 65534)
        os.chmod(folder, 0o555)
    hub.start()
    try:
        yield hub
    finally:
        try:
            hub.stop_servers()
        finally:
            hub.stop()
            if os.environ.get("MEDIALIT_ARTIFACTS"):  # keep the hub's log (it holds every server's log too)
                shutil.copy(hub.log, Path(os.environ["MEDIALIT_ARTIFACTS"]) / "hub.log")
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(hub):
    with chromium_browser(CHROMIUM) as b:
        yield b


@pytest.fixture(scope="module")
def pages(browser, hub):
    """One logged-in page per learner (its own browser context: its own hub cookie)."""
    opened = {}
    yield lambda name: opened.get(name) or opened.setdefault(name, login(browser, hub, name))
    for page in opened.values():
        page.context.close()


def login(browser, hub, name: str):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill("any password")
    page.locator("#login_submit").click()
    page.wait_for_url(re.compile(r"/(hub/spawn|hub/home|user/)"), timeout=60_000)
    return page


def pull_link(hub, notebook: str) -> str:
    """The course's nbgitpuller link (docs/deployment.md), for the local upstream repository."""
    query = urllib.parse.urlencode({"repo": f"file://{hub.upstream}", "branch": "main",
                                    "urlpath": f"lab/tree/medialit/notebooks/{notebook}"})
    return f"{hub.url}/hub/user-redirect/git-pull?{query}"


def open_lab(page, url: str) -> None:
    """Open a notebook in JupyterLab and wait until it is the tab on show. A direct link gets
    ``?reset`` (no tabs restored from before: Run All must act on this notebook only)."""
    if "/lab/tree/" in url and "?" not in url:
        url += "?reset"
    page.goto(url, timeout=180_000)
    page.wait_for_url(re.compile(r"/lab/tree/"), timeout=180_000)
    name = re.search(r"lab/tree/([^?&]+)", urllib.parse.unquote(url)).group(1).split("/")[-1]
    page.wait_for_function("name => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget; "
                           "return w && w.context && w.context.path.endsWith(name); }", arg=name, timeout=120_000)


def run_all_fresh(page) -> None:
    """Clear every output, Run All, wait until every code cell has run (as in the browser tests, with
    more time: three learners' kernels share the machine)."""
    run_all(page, timeout_ms=240_000, fresh=".medialit-learner-box", fresh_ms=10_000)


def answers(hub, name: str) -> Path:
    return hub.homes / name / "medialit-answers" / f"{name}.json"


def activities(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["activities"]


def click_label(page, label: str, index: int = 0):
    labeller = page.locator(".medialit-sentence-labeller").nth(index)
    labeller.scroll_into_view_if_needed()
    labeller.locator(".widget-toggle-buttons button", has_text=re.compile(rf"^\W*{re.escape(label)}\s*$")).click()
    return labeller


def run_cell_output(page, marker: str) -> str:
    run_all_fresh(page)
    out = page.locator(".jp-OutputArea-output", has_text=marker).first
    out.wait_for(timeout=60_000)
    return out.inner_text()


def lesson02_activity(acts: dict) -> str | None:
    return next((k for k in acts if k.endswith("labels:southfront_2026") and k != PRACTICE), None)


def test_three_learners_pull_label_export_and_teacher_collects(hub, pages, tmp_path):
    from playwright.sync_api import expect

    import medialit as ml

    class_folder = tmp_path / "class"
    class_folder.mkdir()
    for name, (practice, reporting) in LEARNERS.items():
        page = pages(name)
        open_lab(page, pull_link(hub, LESSON))  # the first click clones the course into ~/medialit
        assert (hub.homes / name / "medialit" / "notebooks" / LESSON).exists()
        run_all_fresh(page)
        labeller = click_label(page, reporting)
        expect(labeller.locator(".medialit-owner")).to_have_text(f"Saving as: {name}")
        wait_for(lambda n=name: lesson02_activity(activities(answers(hub, n))), f"{name}'s lesson 02 label saved")

        open_lab(page, f"{hub.url}/user/{name}/lab/tree/medialit/notebooks/{START}")
        run_all_fresh(page)
        click_label(page, practice)
        wait_for(lambda n=name, p=practice: activities(answers(hub, n))[PRACTICE]["data"]["labels"]["s002"]["label"]
                 == p, f"{name}'s lesson 00 label saved")
        handin = page.locator(".medialit-handin")
        handin.get_by_role("button", name="Hand in my work").click()
        expect(handin.locator("a.medialit-download")).to_contain_text(f"{name}.00.submission.json")
        assert not page.evaluate(PROBLEMS_JS)

        # saved under the learner's own JUPYTERHUB_USER id, in their own home, nowhere else
        doc = json.loads(answers(hub, name).read_text(encoding="utf-8"))
        assert doc["learner"] == name
        acts = doc["activities"]
        assert [v["label"] for v in acts[lesson02_activity(acts)]["data"]["labels"].values()] == [reporting]
        home_files = sorted(p.relative_to(hub.homes / name).as_posix()
                            for p in (hub.homes / name / "medialit-answers").rglob("*.json"))
        assert home_files == sorted([f"medialit-answers/submissions/{name}.submission.json",
                                     f"medialit-answers/{name}.json"])
        shutil.copy(hub.homes / name / "medialit-answers" / "submissions" / f"{name}.submission.json", class_folder)
    # nobody's answers went into another learner's home or into the course's git clone
    for name in LEARNERS:
        others = {p.name for p in (hub.homes / name).rglob("*.json") if p.stem.split(".")[0] in LEARNERS}
        assert others <= {f"{name}.json", f"{name}.submission.json"}, others
        assert not (hub.homes / name / "medialit" / "answers").exists()
        assert git(hub.homes / name / "medialit", "status", "--porcelain") == ""

    # the teacher collects the three exports into the dashboard
    cls = ml.load_class(class_folder)
    assert sorted(cls.learners["learner"]) == sorted(LEARNERS)
    practice_rows = cls.labels[cls.labels["sentence"] == "s002"]
    got = {row.learner: row.label for row in practice_rows.itertuples() if row.label in
           {p for p, _ in LEARNERS.values()}}
    assert got == {n: p for n, (p, _) in LEARNERS.items()}


def test_a_learner_cannot_reach_another_learners_answers(hub, pages):
    bob_file = answers(hub, "bob")
    before = bob_file.read_bytes()
    _notebook(hub.homes / "alice" / "probe.ipynb", PROBE)
    page = pages("alice")
    open_lab(page, f"{hub.url}/user/alice/lab/tree/probe.ipynb")
    out = json.loads(run_cell_output(page, "PROBE").split("PROBE", 1)[1])
    assert out["learner"] == "alice", "JUPYTERHUB_USER must win over set_learner"
    assert out["bob_seen"] == {}, "alice's kernel read bob's work"
    assert "cannot be used" in out["traversal"]
    assert Path(out["written_to"]).parent == hub.homes / "alice" / "medialit-answers"
    assert bob_file.read_bytes() == before, "bob's answers changed"


def _counter(path: Path) -> int | None:
    acts = activities(path)  # raises on a half-written file: the test then fails
    return acts.get("hub-fault:counter", {}).get("data", {}).get("n")


def _start_saving(hub, page, name: str, n: int, pause: float) -> None:
    _notebook(hub.homes / name / "saver.ipynb", SAVER.replace("N, PAUSE", f"{n}, {pause}"))
    open_lab(page, f"{hub.url}/user/{name}/lab/tree/saver.ipynb")
    run_cell_output(page, "saving started")


def test_server_stopped_mid_save_then_restarted_keeps_work(hub, pages):
    from playwright.sync_api import expect

    page, path = pages("alice"), answers(hub, "alice")
    _start_saving(hub, page, "alice", 100_000, 0.005)
    wait_for(lambda: (_counter(path) or 0) >= 20, "the saving loop is running")
    hub.api("DELETE", "/users/alice/server")  # the kernel is killed while it saves
    hub.wait_server("alice", running=False)
    # The hub reports the server stopped before its kernel has finished shutting down (slower on a
    # busy machine): wait until the file stops changing, then it must stay as it is.
    n, deadline = _counter(path), time.monotonic() + 20
    while True:
        time.sleep(1)
        later = _counter(path)
        if later == n or time.monotonic() > deadline:
            break
        n = later
    assert 20 <= n < 100_000
    assert _counter(path) == n, "a kernel went on saving 20 s after its server was stopped"
    assert activities(path)[PRACTICE]["data"]["labels"]["s002"]["label"] == LEARNERS["alice"][0]

    hub.api("POST", "/users/alice/server")
    hub.wait_server("alice", running=True)
    open_lab(page, f"{hub.url}/user/alice/lab/tree/medialit/notebooks/{START}")
    run_all_fresh(page)
    labeller = page.locator(".medialit-sentence-labeller")
    expect(labeller).to_contain_text("1 of 5 labelled")
    pressed = labeller.locator(".widget-toggle-buttons button",
                               has_text=re.compile(rf"^\W*{LEARNERS['alice'][0]}\s*$"))
    expect(pressed).to_have_attribute("aria-pressed", "true")


def test_hub_restarted_while_a_learner_saves(hub, pages):
    page, path = pages("bob"), answers(hub, "bob")
    total = 150
    _start_saving(hub, page, "bob", total, 0.1)
    wait_for(lambda: (_counter(path) or 0) >= 5, "bob's saving loop is running")
    hub.stop()
    seen = []
    for _ in range(10):  # while the hub is down: the file is whole every time it is read
        seen.append(_counter(path))
        time.sleep(0.2)
    hub.start()
    assert seen == sorted(seen) and seen[-1] > seen[0], f"the kernel stopped saving while the hub was down: {seen}"
    wait_for(lambda: _counter(path) == total, "the save loop finished after the hub came back", timeout=60)
    assert hub.server_state("bob") == "ready"
    assert hub.user_server_get("bob", "api/status")["kernels"] >= 1  # the same server, its kernel still there
    assert LEARNERS["bob"][0] in json.dumps(activities(path)[PRACTICE])


def test_nbgitpuller_pulls_an_update_without_touching_answers(hub, pages):
    name = "carol"
    home = hub.homes / name
    saved = {p: p.read_bytes() for p in (home / "medialit-answers").rglob("*") if p.is_file()}
    # upstream: the teacher changes the start notebook's folder and adds a file
    (hub.upstream / "NEWS.md").write_text("Lesson 05 comes next week.\n", encoding="utf-8")
    readme = hub.upstream / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nUpdated for the hub test.\n", encoding="utf-8")
    git(hub.upstream, "add", "-A")
    git(hub.upstream, "commit", "-q", "-m", "an update")
    page = pages(name)
    open_lab(page, pull_link(hub, START))
    wait_for(lambda: (home / "medialit" / "NEWS.md").exists(), "nbgitpuller brought the new file")
    assert (home / "medialit" / "README.md").read_text(encoding="utf-8").endswith("Updated for the hub test.\n")
    assert git(home / "medialit", "rev-parse", "HEAD") == git(hub.upstream, "rev-parse", "HEAD")
    after = {p: p.read_bytes() for p in (home / "medialit-answers").rglob("*") if p.is_file()}
    assert after == saved, "the pull changed the learner's answers"


def test_names_differing_only_in_case_are_one_account(hub, browser):
    page = login(browser, hub, "Carol")
    try:
        open_lab(page, f"{hub.url}/hub/user-redirect/lab/tree/medialit/notebooks/{START}")
        assert "/user/carol/" in page.url, page.url
        names = [u["name"] for u in hub.api("GET", "/users")]
        assert "Carol" not in names and names.count("carol") == 1
        run_all_fresh(page)
        labeller = page.locator(".medialit-sentence-labeller")
        labeller.locator(".medialit-owner").wait_for()
        assert labeller.locator(".medialit-owner").inner_text() == "Saving as: carol"
        assert not list(hub.homes.rglob("Carol*")), "a second, case-different answers file or home appeared"
    finally:
        page.context.close()
    # a name that is not a valid learner id cannot log in (the shipped username_pattern)
    page = login_refused(browser, hub, "bad..name")
    assert "bad..name" not in [u["name"] for u in hub.api("GET", "/users")]
    page.context.close()


def login_refused(browser, hub, name: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill("x")
    page.locator("#login_submit").click()
    page.wait_for_load_state()
    assert "/hub/login" in page.url
    return page


def test_read_only_home_gives_a_plain_message(hub, browser):
    """Every cell of 00_start_here runs (tests/test_read_only_home.py holds the same check without a
    hub); the learner box and each save say "Your work cannot be saved: the folder ... cannot be
    written to ... Ask your teacher."; saving the notebook itself gets JupyterLab's own error dialog."""
    from playwright.sync_api import expect

    home = hub.homes / READ_ONLY
    before = sorted(p.relative_to(home).as_posix() for p in home.rglob("*"))
    assert stat.S_IMODE(home.stat().st_mode) == 0o555 and home.stat().st_uid == (65534 if os.geteuid() == 0 else os.getuid())
    page = login(browser, hub, READ_ONLY)
    try:
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        open_lab(page, f"{hub.url}/user/{READ_ONLY}/lab/tree/medialit/notebooks/{START}")
        run_all_fresh(page)
        labeller = click_label(page, "reports a fact")
        status = labeller.locator(".medialit-status")
        expect(status).to_contain_text("cannot be written to")
        text = page.locator(".medialit-sentence-labeller").inner_text()
        assert "Traceback" not in text and "Errno" not in text
        problems = [p for p in page.evaluate(PROBLEMS_JS) if "Traceback" in p or p.startswith("error")]
        assert not problems, problems
        assert not errors, errors
        box = page.locator(".medialit-learner-box").first
        expect(box).to_contain_text("Your work cannot be saved")
        expect(box).to_contain_text("Ask your teacher")
        command(page, "docmanager:save")  # the notebook file is read-only too: JupyterLab says so
        dialog = page.locator(".jp-Dialog")
        expect(dialog).to_contain_text(re.compile("save", re.I), timeout=30_000)
        dialog.locator(".jp-mod-accept").first.click()
        command_done(page)
    finally:
        page.context.close()
    after = sorted(p.relative_to(home).as_posix() for p in home.rglob("*"))
    assert after == before, "something was written into the read-only home"

"""store: learner ids, atomic writes, corrupt files, disk errors, submissions."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from medialit import store


@pytest.mark.parametrize("bad", ["../../x", "a/b", "", "   ", "x" * 300, "..", ".hidden", "a\\b",
                                 "a b", "name\x00", "/etc/passwd", "é" * 3, "a..b", "alice\n",
                                 "alice.", "alice\r\n"])
def test_bad_learner_ids_are_refused_with_a_clear_message(bad):
    with pytest.raises(store.LearnerIdError) as err:
        store.validate_learner_id(bad)
    assert len(str(err.value)) > 20  # a sentence, not a code


def test_non_string_learner_id_is_refused():
    with pytest.raises(store.LearnerIdError, match="must be text"):
        store.validate_learner_id(42)


@pytest.mark.parametrize("good", ["alice", "student07", "a.b-c_d", "jo@school.org", "x" * 64])
def test_good_learner_ids(good):
    assert store.validate_learner_id(good) == good


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=80))
def test_no_learner_id_can_leave_the_answers_folder(tmp_path_factory, learner):
    home = tmp_path_factory.mktemp("h")
    try:
        path = store.answers_path(learner, home)
    except store.LearnerIdError:
        return
    assert path.parent == home.resolve()
    assert path.name == f"{learner}.json"


def test_learner_comes_from_env_then_choice_and_there_is_no_default(monkeypatch):
    assert store.learner_or_none() is None and not store.learner_chosen()
    with pytest.raises(store.NoLearnerError, match="Choose your name"):
        store.current_learner()
    store.set_learner("bob")
    assert store.current_learner() == "bob" and store.learner_chosen()
    monkeypatch.setenv("JUPYTERHUB_USER", "hubuser")
    assert store.current_learner() == "hubuser"
    monkeypatch.setenv("MEDIALIT_LEARNER", "envuser")
    assert store.current_learner() == "envuser"
    monkeypatch.setenv("MEDIALIT_LEARNER", "../evil")
    with pytest.raises(store.LearnerIdError, match="MEDIALIT_LEARNER"):
        store.current_learner()
    assert not store.learner_chosen()


def test_nothing_is_saved_before_a_learner_id_is_chosen(_isolated_answers):
    """No made-up id: saving, the answers path and the hand-in all refuse, in plain words, and
    not one file is written."""
    for call in (lambda: store.put_activity("a", {"v": 1}, kind="check"), store.answers_path,
                 store.export_submission, store.saved_activities):
        with pytest.raises(store.NoLearnerError, match="before your work can be saved"):
            call()
    assert isinstance(store.NoLearnerError(), store.LearnerIdError)  # callers catching LearnerIdError keep working
    assert not _isolated_answers.exists() or not [p for p in _isolated_answers.rglob("*") if p.is_file()]


def test_a_name_typed_with_other_capitals_finds_the_saved_work(_isolated_answers):
    store.set_learner("Jill")
    store.put_activity("a1", {"x": 1}, kind="check")
    assert store.set_learner("jill") == "Jill" and store.current_learner() == "Jill"  # no second file
    assert store.get_activity("a1")["data"] == {"x": 1}
    assert sorted(p.name for p in _isolated_answers.glob("*.json")) == ["Jill.json"]
    # two files that differ only in capitals (made before this rule): nothing is guessed
    (_isolated_answers / "BOB.json").write_text((_isolated_answers / "Jill.json").read_text())
    (_isolated_answers / "bob.json").write_text((_isolated_answers / "Jill.json").read_text())
    assert store.set_learner("Bob") == "Bob"
    assert store.set_learner("ann") == "ann"  # a new name is a new name


def test_the_name_box_says_why_the_capitals_changed(_isolated_answers):
    import re

    import medialit as ml

    store.set_learner("Jill")
    store.put_activity("a1", {"x": 1}, kind="check")
    box = ml.LearnerBox()
    box.id_box.value = "jill"  # Enter: apply()
    text = re.sub("<[^>]+>", "", box.message.value)
    assert "saved work is under Jill" in text and store.current_learner() == "Jill"


def test_learner_listeners_hear_each_change_once(monkeypatch):
    heard = []
    store.add_learner_listener(heard.append)
    store.add_learner_listener(heard.append)  # registered once
    try:
        store.set_learner("ann")
        store.set_learner("ann")  # no change, no news
        store.set_learner("ben", remember=False)
        monkeypatch.setenv("MEDIALIT_LEARNER", "fixed")
        store.set_learner("cyd")  # the environment's id stays in use: nothing changes for the widgets
    finally:
        store.remove_learner_listener(heard.append)
    assert heard == ["ann", "ben"]


def test_remembered_id_is_read_once_per_session(_isolated_answers):
    """One kernel never switches learner behind its widgets' back when another notebook chooses
    another id; a kernel that had no id finds one chosen meanwhile."""
    assert store.learner_or_none() is None
    _isolated_answers.mkdir(parents=True, exist_ok=True)
    (_isolated_answers / store.CHOICE_FILE).write_text("alice\n")
    assert store.learner_or_none() == "alice"  # chosen meanwhile in the start notebook
    (_isolated_answers / store.CHOICE_FILE).write_text("bob\n")  # another notebook's kernel
    assert store.current_learner() == "alice"


@pytest.mark.parametrize("variable", store.VOILA_VARIABLES)
def test_voila_never_reads_or_writes_the_shared_learner_file(_isolated_answers, monkeypatch, variable):
    """In Voila every browser tab has its own kernel, but all share the answers folder: one
    browser's id must not reach another's session through ``.learner``."""
    _isolated_answers.mkdir(parents=True, exist_ok=True)
    choice = _isolated_answers / store.CHOICE_FILE
    choice.write_text("alice\n")
    monkeypatch.setenv(variable, "1" if variable != "VOILA_BASE_URL" else "/")
    assert store.in_voila()
    assert store.learner_or_none() is None and store.remembered_learner() is None
    assert store.set_learner("bob") == "bob" and store.current_learner() == "bob"
    assert choice.read_text() == "alice\n"  # neither read nor written
    monkeypatch.delenv(variable)
    monkeypatch.setattr(store, "_chosen_learner", None)
    assert not store.in_voila() and store.current_learner() == "alice"  # JupyterLab still remembers


def test_put_and_get_activity_round_trip(_isolated_answers):
    path = store.put_activity("labels:a", {"labels": {"s001": {"label": "x"}}}, kind="sentence_labels", article="a",
                              learner="alice")
    assert path == _isolated_answers.resolve() / "alice.json"
    doc = json.loads(path.read_text())
    assert doc["schema_version"] == store.SCHEMA_VERSION and doc["learner"] == "alice"
    rec = store.get_activity("labels:a", learner="alice")
    assert rec["kind"] == "sentence_labels" and rec["article"] == "a"
    assert rec["data"] == {"labels": {"s001": {"label": "x"}}}
    # a second activity does not erase the first
    store.put_activity("other", {"v": 1}, kind="check", learner="alice")
    assert set(store.load_answers("alice")["activities"]) == {"labels:a", "other"}


def test_unjsonable_data_is_refused_before_touching_the_file(_isolated_answers):
    store.put_activity("a", {"v": 1}, kind="check", learner="alice")
    before = (_isolated_answers / "alice.json").read_bytes()
    with pytest.raises(TypeError):
        store.put_activity("a", {"v": object()}, kind="check", learner="alice")
    assert (_isolated_answers / "alice.json").read_bytes() == before


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"[]", b'{"schema_version": 1}', b""])
def test_corrupt_file_is_moved_aside_with_a_warning(_isolated_answers, content):
    _isolated_answers.mkdir(parents=True, exist_ok=True)
    (_isolated_answers / "alice.json").write_bytes(content)
    with pytest.warns(store.StoreWarning, match="could not be read"):
        store.put_activity("a", {"v": 1}, kind="check", learner="alice")
    kept = list(_isolated_answers.glob("alice.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert store.get_activity("a", learner="alice")["data"] == {"v": 1}


def test_future_schema_is_not_touched(_isolated_answers):
    _isolated_answers.mkdir(parents=True, exist_ok=True)
    original = json.dumps({"schema_version": 99, "activities": {}})
    (_isolated_answers / "alice.json").write_text(original)
    with pytest.raises(store.StoreError, match="newer version"):
        store.put_activity("a", {"v": 1}, kind="check", learner="alice")
    assert (_isolated_answers / "alice.json").read_text() == original


@pytest.mark.parametrize("code,phrase", [(errno.ENOSPC, "disk is full"), (errno.EROFS, "cannot be written")])
def test_disk_errors_give_plain_message_and_keep_saved_work(_isolated_answers, monkeypatch, code, phrase):
    store.put_activity("a", {"v": 1}, kind="check", learner="alice")
    before = (_isolated_answers / "alice.json").read_bytes()

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store.os, "replace", fail)
    with pytest.raises(store.StoreError, match=phrase) as err:
        store.put_activity("a", {"v": 2}, kind="check", learner="alice")
    assert "still there" in str(err.value)
    assert (_isolated_answers / "alice.json").read_bytes() == before
    assert not [p for p in _isolated_answers.iterdir() if p.name.endswith(".tmp")]


def test_a_killed_writer_leaves_the_previous_file_intact(tmp_path):
    """Kill a process in the middle of writing a large answers file, many times over."""
    home = tmp_path / "h"
    home.mkdir()
    script = textwrap.dedent(f"""
        import sys, os
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1] / 'src')!r})
        from medialit import store
        big = {{"blob": "x" * 3_000_000}}
        print("ready", flush=True)
        n = 0
        while True:
            n += 1
            store.put_activity("a", dict(big, n=n), kind="check", learner="alice", home={str(home)!r})
    """)
    store.put_activity("a", {"blob": "first", "n": 0}, kind="check", learner="alice", home=home)
    for delay in (0.05, 0.13, 0.21, 0.34):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        doc = json.loads((home / "alice.json").read_text())  # always complete, valid JSON
        assert doc["activities"]["a"]["data"]["blob"] in ("first", "x" * 3_000_000)


def test_export_submission_wraps_all_activities(_isolated_answers):
    store.set_learner("carol")
    store.put_activity("a", {"v": 1}, kind="check")
    store.put_activity("b", {"rows": []}, kind="claim_ledger", article="southfront_2026")
    path = store.export_submission()
    assert path == _isolated_answers / "submissions" / "carol.submission.json"
    sub = json.loads(path.read_text())
    assert sub["format"] == store.SUBMISSION_FORMAT and sub["learner"] == "carol"
    assert sub["schema_version"] == store.SCHEMA_VERSION
    assert set(sub["activities"]) == {"a", "b"}
    assert "articles" not in sub  # only a hand-in with work on the learner's own articles carries them


def test_chosen_learner_survives_a_restart(_isolated_answers, tmp_path):
    """The id typed in the start notebook is remembered in the answers folder: a new kernel
    (here a fresh Python process) uses it and finds the work saved under it."""
    import subprocess
    import sys

    script = tmp_path / "kernel.py"
    script.write_text(
        "import sys\nfrom medialit import store\n"
        "if sys.argv[1] == 'first':\n"
        "    store.set_learner('alice')\n"
        "    store.put_activity('a1', {'x': 1}, kind='check')\n"
        "else:\n"
        "    print(store.current_learner(), store.get_activity('a1')['data']['x'])\n")
    env = {k: v for k, v in os.environ.items() if k not in ("MEDIALIT_LEARNER", "JUPYTERHUB_USER")}
    env["MEDIALIT_HOME"] = str(_isolated_answers)
    subprocess.run([sys.executable, str(script), "first"], env=env, check=True)
    out = subprocess.run([sys.executable, str(script), "second"], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out == ["alice", "1"]
    # the environment still wins over the remembered choice
    env["MEDIALIT_LEARNER"] = "envuser"
    script.write_text("from medialit import store\nprint(store.current_learner())\n")
    assert subprocess.run([sys.executable, str(script)], env=env, check=True, capture_output=True,
                          text=True).stdout.strip() == "envuser"


def test_session_only_choice_and_damaged_memory(_isolated_answers, monkeypatch):
    store.set_learner("dora", remember=False)
    assert not (_isolated_answers / store.CHOICE_FILE).exists()
    monkeypatch.setattr(store, "_chosen_learner", None)
    assert store.learner_or_none() is None
    for bad in (b"../../etc/passwd\n", b"\xff\xfe", b"a b c", b"x" * 500):
        (_isolated_answers / store.CHOICE_FILE).write_bytes(bad)
        with pytest.warns(store.StoreWarning, match="usable learner id"):
            assert store.learner_or_none() is None
        assert (_isolated_answers / store.CHOICE_FILE).read_bytes() == bad  # left as it was


def test_choice_that_cannot_be_remembered_is_still_used(_isolated_answers, monkeypatch):
    def refuse(path, text):
        raise store.StoreError("the folder cannot be written to")

    monkeypatch.setattr(store, "atomic_write_text", refuse)
    with pytest.warns(store.StoreWarning, match="could not be remembered"):
        assert store.set_learner("erin") == "erin"
    assert store.current_learner() == "erin"


def test_a_submission_is_readable_by_the_group_but_answers_stay_private(tmp_path, monkeypatch):
    import stat

    monkeypatch.setenv("MEDIALIT_HOME", str(tmp_path))
    monkeypatch.setenv("MEDIALIT_LEARNER", "ada")
    store.put_activity("t:1", {"x": 1}, kind="check")
    sub = store.export_submission()
    assert stat.S_IMODE(sub.stat().st_mode) == 0o640        # teachers' group can read a handed-in file
    answers = store.answers_path("ada")
    assert stat.S_IMODE(answers.stat().st_mode) & 0o077 == 0  # the working answers file is private


def test_put_activity_expect_is_a_compare_and_swap(tmp_path):
    """Two tabs or kernels of one learner: a writer that says what it last read or wrote never
    overwrites a change made elsewhere since; it gets that record back to merge instead."""
    store.put_activity("a", {"x": 1}, kind="check", learner="alice", home=tmp_path, expect=None)
    before = (tmp_path / "alice.json").read_bytes()
    with pytest.raises(store.ChangedElsewhere) as info:
        store.put_activity("a", {"x": 2}, kind="check", learner="alice", home=tmp_path, expect=None)
    assert info.value.current["data"] == {"x": 1} and info.value.activity_id == "a"
    assert (tmp_path / "alice.json").read_bytes() == before        # nothing was written
    store.put_activity("a", {"x": 2}, kind="check", learner="alice", home=tmp_path, expect={"x": 1})
    assert store.get_activity("a", learner="alice", home=tmp_path)["data"] == {"x": 2}
    store.put_activity("a", {"x": 3}, kind="check", learner="alice", home=tmp_path)  # no expect: as before
    kept = store.keep_conflict_copy("a", {"kind": "check", "data": {"x": 9}}, learner="alice", home=tmp_path)
    assert kept.name.startswith("alice.json.conflict-") and kept.parent == tmp_path
    assert json.loads(kept.read_text(encoding="utf-8"))["activities"]["a"]["data"] == {"x": 9}
    assert store.saved_activities("alice", tmp_path) == ["a"]      # the copy is not an answers file


def test_conflict_copies_made_at_the_same_tick_do_not_replace_each_other(tmp_path, monkeypatch):
    import datetime as real_dt

    class Frozen(real_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return real_dt.datetime(2026, 1, 1, 12, 0, 0, tzinfo=real_dt.timezone.utc)

    monkeypatch.setattr(store._dt, "datetime", Frozen)
    one = store.keep_conflict_copy("labels:x", {"data": 1}, learner="ana", home=tmp_path)
    two = store.keep_conflict_copy("labels:x", {"data": 2}, learner="ana", home=tmp_path)
    assert one != two and one.exists() and two.exists()
    kept = [json.loads(p.read_text(encoding="utf-8"))["activities"]["labels:x"]["data"] for p in (one, two)]
    assert kept == [1, 2]

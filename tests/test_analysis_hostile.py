"""Hostile and careless submission folders thrown at the instructor dashboard (medialit.analysis).

Every test checks three things: the bad file gets the specific plain-words reason in the report,
the valid files next to it are still loaded, and nothing in the folder was modified (sha256 and
mtime of every entry before and after).
"""
from __future__ import annotations

import io
import json
import math
import os
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

import medialit as ml
import medialit.analysis as A
from medialit.analysis import agreement as ag
from medialit.analysis import export as ex
from medialit.analysis import files, views
from submission_helpers import ART, assert_good_loaded, codes, good_files, labels_act, load, more, snapshot, sub, write

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- numbers and JSON oddities


def test_huge_integers_nan_and_infinity(tmp_path):
    good_files(tmp_path)
    write(tmp_path, "bigint.json", json.dumps(sub("big"))[:-1] + ', "x": ' + "9" * 5000 + "}")
    write(tmp_path, "bigversion.json", '{"format": "medialit-submission", "schema_version": 1' + "0" * 4400 + ',"learner": "bv", "activities": {}}')
    write(tmp_path, "nanversion.json", '{"schema_version": NaN, "learner": "nv", "activities": {}}')
    write(tmp_path, "infversion.json", '{"schema_version": Infinity, "learner": "iv", "activities": {}}')
    write(tmp_path, "hugefloat.json", '{"schema_version": 1e999, "learner": "hf", "activities": {}}')
    write(tmp_path, "nanvalues.json", '{"format": "medialit-submission", "schema_version": 1, "learner": "nanny",'
          ' "exported": "2026-03-06T10:00:00Z", "activities": {'
          '"check:q": {"kind": "check", "data": {"answer": [NaN, -Infinity], "correct": null}},'
          '"check:c": {"kind": "check", "data": {"answer": 1, "correct": NaN}},'
          '"m": {"kind": "phrase_marks", "article": "southfront_2026", "data": {"marks": [{"start": NaN, "end": Infinity},'
          ' {"start": 0.0, "end": 5}, {"start": -0, "end": 5}, {"start": 1e400, "end": 5}]}}}}')
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"nanny"})
    assert "huge_number" in codes(cls, "bigint.json", "file skipped")
    assert "huge_number" in codes(cls, "bigversion.json", "file skipped")
    assert "bad_schema_version" in codes(cls, "nanversion.json")
    assert "bad_schema_version" in codes(cls, "infversion.json")
    assert "bad_schema_version" in codes(cls, "hugefloat.json")
    assert "nan" in codes(cls, "nanvalues.json", "note")
    assert cls.checks.set_index("question").loc["q", "answer"] == "[NaN, -Infinity]"
    assert "bad_correct" in codes(cls, "nanvalues.json", "activity skipped")
    # -0 is the integer 0 and is kept; 0.0, NaN and 1e400 are not integer offsets
    assert cls.marks[["learner", "start", "end"]].values.tolist() == [["nanny", 0, 5]]
    assert len(cls.problems("item skipped")) == 3


def test_floats_and_bools_where_ints_are_expected(tmp_path):
    good_files(tmp_path)
    write(tmp_path, "float.json", sub("fl", schema_version=1.0))
    write(tmp_path, "bool.json", sub("bo", schema_version=True))
    acts = {"m": {"kind": "phrase_marks", "article": ART, "data": {"marks": [
        {"start": True, "end": 5}, {"start": 0, "end": 5.0}, {"start": False, "end": True}, {"start": 2, "end": 9}]}},
            "check:b": {"kind": "check", "data": {"answer": 1, "correct": 1}}}
    write(tmp_path, "marks.json", sub("marker", activities=acts))
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"marker"})
    assert "bad_schema_version" in codes(cls, "float.json", "file skipped")
    assert "bad_schema_version" in codes(cls, "bool.json", "file skipped")
    assert cls.marks[["start", "end"]].values.tolist() == [[2, 9]]
    assert codes(cls, "marks.json", "item skipped").count("bad_offsets") == 3
    assert "bad_correct" in codes(cls, "marks.json", "activity skipped")


def test_duplicate_json_keys(tmp_path):
    good_files(tmp_path)
    write(tmp_path, "twoids.json", '{"format": "medialit-submission", "schema_version": 1, "learner": "good1",'
          ' "learner": "mallory", "activities": {}}')
    write(tmp_path, "twoversions.json", '{"schema_version": 2, "schema_version": 1, "learner": "tv", "activities": {}}')
    write(tmp_path, "innerdup.json", '{"format": "medialit-submission", "schema_version": 1, "learner": "dup",'
          ' "exported": "2026-03-06T10:00:00Z", "activities": {"l": {"kind": "sentence_labels",'
          ' "article": "southfront_2026", "data": {"label_set": "reporting", "labels":'
          ' {"s002": {"label": "opinion", "label": "quotation"}}}}}}')
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"dup"})
    assert "mallory" not in set(cls.learners["learner"])
    assert "conflicting_keys" in codes(cls, "twoids.json", "file skipped")
    assert "conflicting_keys" in codes(cls, "twoversions.json", "file skipped")
    assert "repeated_keys" in codes(cls, "innerdup.json", "note")
    assert cls.labels.set_index("learner").loc["dup", "label"] == "quotation"  # the last one, as reported


def test_bom_utf16_and_other_encodings(tmp_path):
    good_files(tmp_path)
    text = json.dumps(sub("bommy", activities={f"labels:{ART}": labels_act({"s004": "opinion"})}))
    write(tmp_path, "bom.json", b"\xef\xbb\xbf" + text.encode())
    write(tmp_path, "utf16.json", json.dumps(sub("sixteen")).encode("utf-16"))
    write(tmp_path, "utf16be.json", json.dumps(sub("sixteenbe")).encode("utf-16-be"))
    write(tmp_path, "bomonly.json", b"\xef\xbb\xbf  \n")
    write(tmp_path, "latin1.json", '{"learner": "é"}'.encode("latin-1"))
    write(tmp_path, "badutf16.json", b"\xff\xfe" + b"\x00\xd8" + b"x\x00")  # BOM then a lone surrogate
    write(tmp_path, "nul.json", b"\x00\x00\x00\x00")
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"bommy", "sixteen", "sixteenbe"})
    assert ("bommy", "s004") in set(zip(cls.labels["learner"], cls.labels["sentence"], strict=False))
    assert "encoding" in codes(cls, "bom.json", "note")
    assert "encoding" in codes(cls, "utf16.json", "note")
    assert "empty" in codes(cls, "bomonly.json", "file skipped")
    assert "not_utf8" in codes(cls, "latin1.json", "file skipped")
    assert codes(cls, "badutf16.json", "file skipped")
    assert codes(cls, "nul.json", "file skipped")


def test_lone_surrogates_and_nul_characters_are_replaced(tmp_path):
    good_files(tmp_path)
    raw = ('{"format": "medialit-submission", "schema_version": 1, "learner": "sur", "exported": "2026-03-06T10:00:00Z",'
           ' "activities": {"l\\ud800": {"kind": "sentence_labels", "article": "southfront_2026", "data":'
           ' {"label_set": "custom", "labels": {"s002": {"label": "opi\\udfffnion", "note": "a\\u0000b\\ud83d"}}}},'
           ' "check:\\u0000": {"kind": "check", "data": {"answer": ["\\ud800"], "correct": null}}}}')
    write(tmp_path, "sur.json", raw)
    write(tmp_path, "surid.json", '{"format": "medialit-submission", "schema_version": 1, "learner": "ev\\ud800il", "activities": {}}')
    write(tmp_path, "nulid.json", '{"format": "medialit-submission", "schema_version": 1, "learner": "ev\\u0000il", "activities": {}}')
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"sur"})
    assert "bad_learner_id" in codes(cls, "surid.json", "file skipped")
    assert "bad_learner_id" in codes(cls, "nulid.json", "file skipped")
    assert "bad_characters" in codes(cls, "sur.json", "note")
    row = cls.labels.set_index("learner").loc["sur"]
    assert row["label"] == "opi\ufffdnion" and row["note"] == "a\ufffdb\ufffd"
    # everything can now be shown and saved as UTF-8
    for df in list(cls.tables().values()) + [views.free_text(cls), cls.tidy()]:
        df.to_csv(index=False).encode("utf-8")
        views.html_table(df)._repr_html_().encode("utf-8")
    ex.export_csv(cls, tmp_path.parent / (tmp_path.name + "-csv"))


def test_deep_nesting_long_keys_and_huge_arrays(tmp_path):
    good_files(tmp_path)
    write(tmp_path, "deeplist.json", "[" * 200000 + "]" * 200000)
    write(tmp_path, "deepinside.json", json.dumps(sub("deep"))[:-1] + ', "x": ' + '{"a":' * 30000 + "1" + "}" * 30000 + "}")
    write(tmp_path, "longkey.json", sub("longkey", activities={"k" * 300000: {"kind": "check", "data": {"answer": 1}},
                                                               "check:ok": {"kind": "check", "data": {"answer": "x"}}}))
    write(tmp_path, "bigarray.json", sub("arrays", activities={
        "check:a": {"kind": "check", "data": {"answer": list(range(100000))}},
        "m": {"kind": "phrase_marks", "article": ART, "data": {"marks": [{"start": 0, "end": 1}] * 100000}}}))
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"longkey", "arrays"})
    assert "too_deep" in codes(cls, "deeplist.json", "file skipped")
    assert "too_deep" in codes(cls, "deepinside.json", "file skipped")
    assert "bad_activity_id" in codes(cls, "longkey.json", "activity skipped")
    assert "too_long" in codes(cls, "bigarray.json", "note")
    assert "too_many_items" in codes(cls, "bigarray.json", "activity skipped")
    assert cls.report["activity"].str.len().max() <= 200


def test_thousands_of_bad_entries_do_not_flood_the_report(tmp_path):
    good_files(tmp_path)
    acts = {f"a{i}": {"kind": "teleport"} for i in range(5000)}
    acts[f"labels:{ART}"] = {"kind": "sentence_labels", "article": ART, "data": {"label_set": "reporting", "labels": {
        **{f"s9{i:05d}": "opinion" for i in range(20000)}, "s002": "opinion"}}}
    acts["check:ok"] = {"kind": "check", "data": {"answer": "kept", "correct": True}}
    write(tmp_path, "flood.json", sub("flood", activities=acts))
    for i in range(300):
        write(tmp_path, f"junk{i:03d}.txt", "x")
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"flood"})
    assert ("flood", "s002", "opinion") in set(zip(cls.labels["learner"], cls.labels["sentence"], cls.labels["label"], strict=False))
    assert cls.checks.set_index("learner").loc["flood", "answer"] == "kept"
    assert len(cls.report) < 400
    assert more(cls, "flood.json", "activity skipped") == 4950
    assert more(cls, "flood.json", "item skipped") == 19950
    assert more(cls, "", "note") == 250  # files or folders that are not .json


# ---------------------------------------------------------------- learner ids


def test_learner_ids_hidden_characters_lookalikes_case_and_windows_names(tmp_path):
    good_files(tmp_path)
    write(tmp_path, "newline.json", sub("good1\n", "2030-01-01T00:00:00Z"))
    write(tmp_path, "cyrillic.json", sub("g\u043eod1"))       # Cyrillic o
    write(tmp_path, "fullwidth.json", sub("\uff47ood1"))      # full-width g
    write(tmp_path, "zerowidth.json", sub("good1\u200b"))
    write(tmp_path, "traversal.json", sub("../../etc/passwd"))
    write(tmp_path, "abs.json", sub("/etc/passwd"))
    write(tmp_path, "win.json", sub("a\\b"))
    write(tmp_path, "case.json", sub("GOOD2", "2026-03-07T10:00:00Z",
                                     activities={f"labels:{ART}": labels_act({"s002": "prediction"})}))
    write(tmp_path, "dot.json", sub("good1.", "2026-03-01T10:00:00Z"))
    write(tmp_path, "con.json", sub("con"))
    write(tmp_path, "nul.txt.json", sub("NUL.txt"))
    cls = load(tmp_path)
    assert set(cls.learners["learner"]) == {"good1", "GOOD2", "con", "NUL.txt"}
    assert "bad_learner_id" in codes(cls, "newline.json", "file skipped")
    for f in ("cyrillic.json", "fullwidth.json", "zerowidth.json", "traversal.json", "abs.json", "win.json"):
        assert "bad_learner_id" in codes(cls, f, "file skipped"), f
    # ids that differ only in case or a final dot name the same file on Windows and macOS
    assert "duplicate" in codes(cls, "good2.submission.json", "file skipped")
    assert "duplicate" in codes(cls, "good2.submission.json")
    assert "bad_learner_id" in codes(cls, "dot.json", "file skipped")
    assert "windows_reserved" in codes(cls, "con.json", "note")
    assert "windows_reserved" in codes(cls, "nul.txt.json", "note")
    assert cls.labels.set_index("learner").loc["GOOD2", "label"] == "prediction"


def test_far_future_and_malformed_times_do_not_win_duplicates(tmp_path):
    good_files(tmp_path)
    write(tmp_path, "future.json", sub("good1", "9999-12-31T23:59:59Z",
                                       activities={f"labels:{ART}": labels_act({"s002": "future"})}))
    write(tmp_path, "overflow.json", sub("good1", "9999-12-31T23:59:59-23:59"))
    write(tmp_path, "garbage.json", sub("good1", "yesterday-ish"))
    write(tmp_path, "number.json", sub("good1", 1e308))
    write(tmp_path, "times.json", sub("timey", "2026-03-06T10:00:00+05:00", activities={
        "a": labels_act({"s002": "opinion"}, updated="2026-03-06T12:00:00+05:00"),
        "b": labels_act({"s002": "quotation"}, updated="2026-03-06T08:00:00Z"),
        "c": labels_act({"s003": "opinion"}, updated="+275760-09-13T00:00:00Z"),
        "d": labels_act({"s004": "opinion"}, updated="２０２６-03-06T10:00:00Z"),
        "e": labels_act({"s005": "opinion"}, updated={"$date": 5})}))
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"timey"})
    assert cls.learners.set_index("learner").loc["good1", "file"] == "good1.submission.json"
    for f in ("future.json", "overflow.json", "garbage.json", "number.json"):
        assert "duplicate" in codes(cls, f, "file skipped"), f
    t = cls.learners.set_index("learner").loc["timey", "exported"]
    assert t == "2026-03-06T05:00:00Z"  # normalised to UTC
    lab = cls.labels[cls.labels["learner"] == "timey"].set_index("activity")
    assert lab.loc["a", "updated"] == "2026-03-06T07:00:00Z"
    assert ag.current_labels(cls).set_index(["learner", "sentence"]).loc[("timey", "s002"), "label"] == "quotation"
    assert lab.loc["c", "updated"] == "" and lab.loc["d", "updated"] == "" and lab.loc["e", "updated"] == ""


# ---------------------------------------------------------------- odd files in the folder


def test_symlinks_pipes_devices_and_folders_never_hang(tmp_path):
    good_files(tmp_path)
    outside = tmp_path.parent / (tmp_path.name + "-outside.json")
    outside.write_text(json.dumps(sub("mallory")))
    os.symlink(outside, tmp_path / "out.json")
    os.symlink("/dev/zero", tmp_path / "zero.json")
    os.symlink("/dev/urandom", tmp_path / "random.json")
    os.symlink(tmp_path / "loop2.json", tmp_path / "loop1.json")
    os.symlink(tmp_path / "loop1.json", tmp_path / "loop2.json")
    os.symlink("missing.json", tmp_path / "dangling.json")
    os.symlink(tmp_path, tmp_path / "self.json")
    os.symlink("..", tmp_path / "parent.json")
    (tmp_path / "x.json").mkdir()
    write(tmp_path / "x.json", "inner.json", sub("inner"))
    os.symlink(tmp_path / "x.json", tmp_path / "todir.json")
    os.symlink("good1.submission.json", tmp_path / "again.json")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.json")
        os.symlink(tmp_path / "fifo.json", tmp_path / "tofifo.json")
    cls = load(tmp_path)
    assert_good_loaded(cls)
    assert set(cls.learners["learner"]) == {"good1", "good2"}
    for f in ("out.json", "zero.json", "random.json", "parent.json"):
        assert "bad_link" in codes(cls, f, "file skipped"), f
    for f in ("loop1.json", "loop2.json", "dangling.json"):
        assert "bad_link" in codes(cls, f, "file skipped"), f
    assert "bad_link" in codes(cls, "self.json", "file skipped")
    assert "not_regular_file" in codes(cls, "todir.json", "file skipped")
    assert "ignored_entry" in codes(cls, "x.json", "note")
    assert "link_read_already" in codes(cls, "again.json", "file skipped")
    if hasattr(os, "mkfifo"):
        assert "not_regular_file" in codes(cls, "fifo.json", "file skipped")
        assert "not_regular_file" in codes(cls, "tofifo.json", "file skipped")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_a_file_swapped_for_a_pipe_while_reading_cannot_hang(tmp_path, monkeypatch):
    good_files(tmp_path)
    victim = write(tmp_path, "swap.json", sub("swapped"))
    gone = write(tmp_path, "gone.json", sub("gone"))
    real_open = os.open

    def racing_open(path, flags, *a, **kw):
        if Path(path).name == "swap.json" and victim.is_file():
            victim.unlink()          # between the check and the open, the file becomes a pipe
            os.mkfifo(victim)
        if Path(path).name == "gone.json" and gone.exists():
            gone.unlink()            # ...or disappears
        return real_open(path, flags, *a, **kw)

    monkeypatch.setattr(files.os, "open", racing_open)
    cls = ml.load_class(tmp_path)
    assert_good_loaded(cls)
    assert "not_regular_file" in codes(cls, "swap.json", "file skipped")
    assert "unreadable" in codes(cls, "gone.json", "file skipped")


def test_a_file_that_grows_while_it_is_read(tmp_path, monkeypatch):
    good_files(tmp_path)
    write(tmp_path, "grow.json", sub("grower"))
    real_read = os.read
    calls = {"n": 0}

    def growing_read(fd, n):
        calls["n"] += 1
        return b"x" * n if calls["n"] < 50 else real_read(fd, n)

    monkeypatch.setattr(files.os, "read", growing_read)
    cls = ml.load_class(tmp_path, max_bytes=3000)
    assert "too_large" in codes(cls)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_is_reported(tmp_path):
    good_files(tmp_path)
    p = write(tmp_path, "locked.json", sub("locked"))
    p.chmod(0)
    try:
        cls = ml.load_class(tmp_path)
        assert_good_loaded(cls)
        assert "unreadable" in codes(cls, "locked.json", "file skipped")
    finally:
        p.chmod(0o644)


def test_html_csv_and_control_characters_in_file_names(tmp_path):
    good_files(tmp_path)
    evil = "<img src=x onerror=alert(1)>.json"
    write(tmp_path, evil, sub("img", activities={"check:<script>alert(1)</script>": {
        "kind": "check", "data": {"answer": "<svg onload=alert(1)>", "correct": None}}}))
    write(tmp_path, "=HYPERLINK(\"http:x\").json", "nope")
    write(tmp_path, "bidi\u202egnp.json", "nope")
    write(tmp_path, "line\nbreak.json", "nope")
    write(tmp_path, os.fsdecode(b"\xff\xfe.json"), "nope")
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"img"})
    assert "name_mismatch" in codes(cls, evil, "note")
    files = set(cls.report["file"])
    assert {"bidi\\u202egnp.json", "line\\nbreak.json", "\\xff\\xfe.json"} <= files
    markup = views.html_table(cls.report)._repr_html_() + views.html_table(views.free_text(cls))._repr_html_()
    markup += views.html_table(cls.learners)._repr_html_() + views.html_table(A.check_results(cls))._repr_html_()
    for bad in ("<img", "<script", "<svg", "\u202e"):
        assert bad not in markup
    assert "&lt;img src=x onerror=alert(1)&gt;.json" in markup
    assert "<img" not in cls.report._repr_html_() and "<script" not in A.check_results(cls)._repr_html_()
    out = ex.export_csv(cls, tmp_path.parent / (tmp_path.name + "-csv"))
    report_csv = next(p for p in out if p.name == "report.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in report_csv
    assert "\u202e" not in report_csv


# ---------------------------------------------------------------- payloads in every text field


PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0",
            "+SUM(1)", "@SUM(1)", "-2+3", "\t=1", "\r=1", "\uff1d1+1", "$x^$", "${\\sqrt{}}$"]


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
def test_payloads_in_every_text_field_are_escaped_and_defused(tmp_path):
    good_files(tmp_path)
    acts = {}
    for i, p in enumerate(PAYLOADS):
        acts[f"labels{i}:{ART}"] = {"kind": "sentence_labels", "article": ART, "updated": "2026-03-06T10:00:00Z",
                                    "data": {"label_set": "reporting", "labels": {f"s00{2 + i % 7}": {
                                        "label": p, "note": p, "confidence": "low"}}}}
        acts[f"check:{p}"] = {"kind": "check", "data": {"answer": p, "correct": None}}
    acts[f"marks:{ART}"] = {"kind": "phrase_marks", "article": ART, "data": {"marks": [
        {"start": 0, "end": 4, "category": p, "note": p} for p in PAYLOADS]}}
    acts[f"prov:{ART}"] = {"kind": "provenance_checklist", "article": ART, "data": {"answers": {
        "author": {"answer": PAYLOADS[0], "evidence": PAYLOADS[1]}, PAYLOADS[2]: {"answer": "x", "evidence": PAYLOADS[3]}}}}
    acts[f"claims:{ART}"] = {"kind": "claim_ledger", "article": ART, "data": {"rows": [
        {"id": p, "claim": p, "claimant": p, "evidence": p, "confirm": p, "note": p} for p in PAYLOADS]}}
    write(tmp_path, "payload.json", sub("payload", activities=acts, medialit_version=PAYLOADS[0]))
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"payload"})
    assert set(PAYLOADS) <= set(views.free_text(cls)["text"])   # kept as written...
    for df in [cls.report, cls.labels, cls.marks, cls.provenance, cls.claims, cls.checks, cls.learners,
               views.free_text(cls), A.check_results(cls), A.agreement_by_label(cls), cls.tidy()]:
        markup = views.html_table(df, caption=PAYLOADS[0])._repr_html_() + df._repr_html_()
        assert "<script" not in markup and "<img" not in markup   # ...but never live HTML
    # CSV: every cell and header that starts like a formula is defused
    counts = A.label_counts(cls)
    tables = {**cls.tables(), "counts": counts, "free": views.free_text(cls), "by_label": A.agreement_by_label(cls),
              "confusion": A.confusion_matrix(cls, KEY)}
    outdir = tmp_path.parent / (tmp_path.name + "-csv")
    for path in ex.export_csv(tables, outdir):
        assert path.parent == outdir.resolve()
        import csv

        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert all("\r" not in cell for row in rows for cell in row)
        for row in rows:
            for cell in row:
                assert not cell.lstrip(" ").startswith(("=", "+", "@", "\t", "\r", "\uff1d")), (path.name, cell)
                assert not (cell.startswith("-") and not _is_number(cell)), (path.name, cell)
    # plots with "$" labels draw (matplotlib would read them as broken math)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    for fig in (A.plot_label_distribution(counts), A.plot_agreement_by_label(A.agreement_by_label(cls)),
                A.plot_confusion(A.confusion_matrix(cls, KEY)), A.plot_checks(A.check_results(cls)),
                A.plot_disputed(cls, A.disputed_sentences(cls))):
        fig.savefig(io.BytesIO(), format="png")
    plt.close("all")


def _is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def test_thousands_of_labels_and_questions_still_plot(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    body = [s.id for s in ml.load_article(ART).body_sentences()]
    for n in range(8):
        acts = {f"labels:{ART}": labels_act({s: f"label {n}-{i}" for i, s in enumerate(body)}, label_set="custom")}
        acts.update({f"check:q{n}-{i}": {"kind": "check", "data": {"answer": "x", "correct": i % 2 == 0}}
                     for i in range(150)})
        write(tmp_path, f"l{n}.json", sub(f"l{n}", activities=acts))
    cls = load(tmp_path)
    assert len(set(cls.labels["label"])) == 8 * len(body)
    for fig in (A.plot_label_distribution(A.label_counts(cls, ART)),
                A.plot_agreement_by_label(A.agreement_by_label(cls)),
                A.plot_confusion(A.confusion_matrix(cls, KEY)), A.plot_checks(A.check_results(cls))):
        w, h = fig.get_size_inches()
        assert w < 40 and h < 40
        fig.savefig(io.BytesIO(), format="png", dpi=30)
    plt.close("all")


# ---------------------------------------------------------------- CSV export


def test_export_names_folders_and_formula_cells(tmp_path):
    import pandas as pd

    df = pd.DataFrame({"=HEADER()": ["=1+1", "-0.25", "-1e3", "-x", " =1", "\n=1", "@x", "plain"],
                       "n": [1, -2, 3, 4, 5, 6, 7, 8]})
    df["cat"] = pd.Categorical(["=cat"] * 8)
    df["tup"] = [("=a", "b")] * 8
    out = tmp_path / "out"
    for bad in ("gradebook\n", "con", "NUL", "lpt1", "../x", "x/../../y", "a.b", "é", "x" * 60, 5, None):
        with pytest.raises(ex.ExportError):
            ex.export_csv({bad: df}, out)
    (tmp_path / "out").mkdir(exist_ok=True)
    (out / "blocked.csv").mkdir()
    with pytest.raises(ex.ExportError, match="is a folder"):
        ex.export_csv({"blocked": df}, out)
    [path] = ex.export_csv({"cells": df}, out)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["cells.csv"]
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(back.columns) == ["'=HEADER()", "n", "cat", "tup"]
    assert back["'=HEADER()"].tolist() == ["'=1+1", "-0.25", "-1e3", "'-x", "' =1", "'\n=1", "'@x", "plain"]
    assert back["n"].tolist() == ["1", "-2", "3", "4", "5", "6", "7", "8"]
    assert set(back["cat"]) == {"'=cat"} and set(back["tup"]) == {"'=a, b"}


# ---------------------------------------------------------------- agreement statistics


def test_fleiss_kappa_wikipedia_example_and_krippendorff_package():
    import krippendorff

    # Fleiss (1971) style example as on Wikipedia: 10 subjects, 14 raters, 5 categories -> 0.210
    table = np.array([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]])
    assert A.fleiss_kappa(table) == pytest.approx(0.20993, abs=5e-5)
    # the same arithmetic redone with exact fractions
    n, N = 14, len(table)
    p_bar = sum(Fraction(int(sum(x * x for x in row)) - n, n * (n - 1)) for row in table) / N
    p_e = sum(Fraction(int(table[:, j].sum()), N * n) ** 2 for j in range(5))
    assert A.fleiss_kappa(table) == pytest.approx(float((p_bar - p_e) / (1 - p_e)), rel=1e-12)
    # Wikipedia's intermediate values: P_bar = 0.378, P_e = 0.213
    p_j = table.sum(axis=0) / table.sum()
    assert p_j == pytest.approx([0.143, 0.200, 0.279, 0.150, 0.229], abs=1e-3)
    assert A.krippendorff_alpha(table) == pytest.approx(
        krippendorff.alpha(value_counts=table, level_of_measurement="nominal"))
    # random tables with gaps against the package's raters x units form
    rng = np.random.default_rng(7)
    compared = 0
    for _ in range(200):
        r, n, k = rng.integers(2, 7), rng.integers(2, 10), rng.integers(2, 5)
        data = rng.integers(0, k, size=(r, n)).astype(float)
        data[rng.random((r, n)) < 0.3] = np.nan
        counts = np.array([[np.sum(data[:, i] == v) for v in range(k)] for i in range(n)])
        ours = A.krippendorff_alpha(counts)
        usable = counts[counts.sum(axis=1) >= 2]
        if len(usable) == 0 or (usable.sum(axis=0) > 0).sum() < 2:
            assert math.isnan(ours)
            continue
        assert ours == pytest.approx(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                                        value_domain=list(range(k))), abs=1e-9)
        compared += 1
    assert compared > 100


def test_undefined_agreement_is_nan_with_a_plain_reason(tmp_path):
    # all learners agree and only one label is used anywhere: alpha and kappa undefined, not low
    one = tmp_path / "one"
    one.mkdir()
    for n in ("a", "b", "c"):
        write(one, f"{n}.json", sub(n, activities={"l": labels_act({"s002": "opinion", "s003": "opinion"})}))
    cls = load(one)
    row = A.agreement_by_article(cls).iloc[0]
    assert math.isnan(row["krippendorff alpha"]) and math.isnan(row["fleiss kappa"])
    assert row["observed agreement"] == 1.0
    assert "same label ('opinion')" in row["why n/a"] and "not low agreement" in row["why n/a"]
    assert "same label" in A.describe_agreement(A.agreement_by_article(cls))
    by_label = A.agreement_by_label(cls).set_index("label")
    assert math.isnan(by_label.loc["opinion", "krippendorff alpha"])
    assert "every learner gave this label" in by_label.loc["opinion", "why n/a"]
    # all agree, two labels used: perfect agreement is defined
    assert A.krippendorff_alpha([[3, 0], [0, 3]]) == 1.0 and A.fleiss_kappa([[3, 0], [0, 3]]) == 1.0
    assert A.why_undefined([[3, 0], [0, 3]]) == ""
    # one learner: nothing to compare
    solo = tmp_path / "solo"
    solo.mkdir()
    write(solo, "a.json", sub("a", activities={"l": labels_act({"s002": "opinion", "s003": "quotation"})}))
    row = A.agreement_by_article(load(solo)).iloc[0]
    assert math.isnan(row["krippendorff alpha"]) and math.isnan(row["fleiss kappa"])
    assert "no sentence was labelled by two or more learners" in row["why n/a"]
    assert "two or more learners" in A.describe_agreement(A.agreement_by_article(load(solo)))
    # a single shared sentence: alpha exists, kappa needs two
    assert math.isnan(A.fleiss_kappa([[1, 1]])) and "Fleiss' kappa needs at least two" in A.why_undefined([[1, 1]])
    for bad in ([[1, -1]], [[np.nan, 1]], [[np.inf, 1]], [1, 2]):
        with pytest.raises(ValueError):
            A.fleiss_kappa(bad)


# ---------------------------------------------------------------- the whole dashboard


KEY = {"label_set": "reporting",
       "labels": {"attributed report": "", "unattributed assertion": "", "opinion": "", "prediction": "",
                  "quotation": ""},
       "articles": {ART: {"s002": {"label": "unattributed assertion", "also": ["opinion"]},
                          "s003": {"label": "quotation"}}}}


def run_dashboard(folder: Path, monkeypatch) -> str:
    """Run every code cell of content/90_instructor_dashboard.py on ``folder``."""
    import contextlib

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    code = (ROOT / "content" / "90_instructor_dashboard.py").read_text(encoding="utf-8")
    assert "app = ca.dashboard()" in code
    monkeypatch.setenv("MEDIALIT_CLASS", str(folder))
    monkeypatch.setenv("MEDIALIT_EXPORT", str(folder.parent / "export"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "90_instructor_dashboard.py", "exec"), {"__name__": "__main__"})  # noqa: S102
    plt.close("all")
    return out.getvalue()


@pytest.mark.parametrize("case", ["empty", "only bad files", "one learner", "all agree", "hostile mix"])
def test_the_dashboard_runs_on_hostile_folders(tmp_path, monkeypatch, case):
    folder = tmp_path / "class"
    folder.mkdir()
    if case == "only bad files":
        write(folder, "a.json", "not json")
        write(folder, "b.json", sub("b", schema_version=9))
        write(folder, "c.json", "")
        os.symlink("/dev/zero", folder / "z.json")
        (folder / "d.json").mkdir()
    elif case == "one learner":
        write(folder, "a.json", sub("a", activities={"l": labels_act({"s002": "opinion"}),
                                                     "check:q": {"kind": "check", "data": {"answer": 1, "correct": True}}}))
    elif case == "all agree":
        for n in "abc":
            write(folder, f"{n}.json", sub(n, activities={"l": labels_act({"s002": "opinion", "s003": "opinion"})}))
    elif case == "hostile mix":
        good_files(folder)
        write(folder, "<img src=x onerror=alert(1)>.json", sub("x", activities={
            "l": labels_act({"s002": "$x^$", "s003": "=cmd()"}),
            "check:$\\frac{": {"kind": "check", "data": {"answer": PAYLOADS[0], "correct": None}}}))
        write(folder, "deep.json", "[" * 100000)
        write(folder, "dup.json", '{"learner": "a", "learner": "b"}')
    before = snapshot(folder)
    text = run_dashboard(folder, monkeypatch)
    assert snapshot(folder) == before
    assert "Plot summary:" in text and "gradebook.csv" in text
    if case in ("empty", "only bad files"):
        assert "No work was found in the submissions." in text
    if case == "all agree":
        assert "same label ('opinion')" in text


def test_one_learner_with_many_activities_has_one_vote(tmp_path, monkeypatch):
    good_files(tmp_path)
    body = [s.id for s in ml.load_article(ART).body_sentences()]
    stuffed = {f"x{i}": labels_act({s: "prediction" for s in body}, label_set="evil",
                                   updated=f"2026-03-06T10:{i % 60:02d}:00Z") for i in range(300)}
    stuffed.update({f"r{i}": labels_act({"s002": "prediction"}) for i in range(300)})
    assert 300 * len(body) > 4 + 300  # more "evil" rows than "reporting" rows
    write(tmp_path, "stuffer.json", sub("stuffer", activities=stuffed))
    write(tmp_path, "Stuffer.json", sub("Stuffer", "2026-03-05T10:00:00Z", activities=stuffed))
    cls = load(tmp_path)
    assert_good_loaded(cls, also={"stuffer"})
    assert "duplicate" in codes(cls, "Stuffer.json", "file skipped")
    # without a course key the label set used by most *learners* wins, not the one with most rows
    from medialit.analysis import key as key_mod

    monkeypatch.setattr(key_mod, "load_key", lambda: (_ for _ in ()).throw(key_mod.KeyFileError("no key")))
    cur = ag.current_labels(cls)
    assert set(cur["label_set"]) == {"reporting"}
    assert ag.label_counts(cls).loc[(ART, "s002")].to_dict() == {"opinion": 2, "prediction": 1, "quotation": 0}


# ---------------------------------------------------------------- sub-folders (LMS downloads)


def test_recursive_reads_one_folder_per_learner_and_stays_inside(tmp_path):
    """An LMS download: one folder per learner, a nested copy, a link to a folder outside, a
    hidden folder and a very deep one. Without ``recursive`` each sub-folder gets a hint."""
    cls_dir = tmp_path / "class"
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "mallory.submission.json", sub("mallory"))
    for who in ("alice", "bob"):
        (cls_dir / who).mkdir(parents=True)
    write(cls_dir / "alice", "alice.submission.json",
          sub("alice", activities={f"labels:{ART}": labels_act({"s002": "opinion"})}))
    (cls_dir / "bob" / "attempt1").mkdir()
    write(cls_dir / "bob" / "attempt1", "bob.submission.json", sub("bob", "2026-03-01T10:00:00Z"))
    write(cls_dir / "bob", "bob.submission.json", sub("bob", "2026-03-08T10:00:00Z"))
    (cls_dir / ".hidden").mkdir()
    write(cls_dir / ".hidden", "eve.submission.json", sub("eve"))
    deep = cls_dir / "a" / "b" / "c" / "d"
    deep.mkdir(parents=True)
    write(deep, "dan.submission.json", sub("dan"))
    os.symlink(outside, cls_dir / "elsewhere")

    flat = load(cls_dir)
    assert flat.learners.empty
    assert "subfolder" in codes(flat, "alice", "note")

    cls = load(cls_dir, recursive=True)
    assert sorted(cls.learners["learner"]) == ["alice", "bob"]
    assert cls.learners.set_index("learner").loc["alice", "file"] == "alice/alice.submission.json"
    assert "duplicate" in codes(
        cls, "bob/attempt1/bob.submission.json", "file skipped")
    assert "subfolder" in codes(cls, "a/b/c/d", "note")
    assert "ignored_entry" in codes(cls, ".hidden", "note")
    assert "ignored_entry" in codes(cls, "elsewhere", "note")
    assert "mallory" not in set(cls.learners["learner"]) and "eve" not in set(cls.learners["learner"])
    assert cls.labels["learner"].tolist() == ["alice"]


# ---------------------------------------------------------------- report codes


def test_every_report_code_is_known_and_explained_in_plain_words(tmp_path):
    """The one test that reads the prose: every row has a known ``code`` and a plain sentence."""
    from medialit import schema

    good_files(tmp_path)
    (tmp_path / "sub").mkdir()
    write(tmp_path, "readme.txt", "hi")
    write(tmp_path, "notjson.json", "{nope")
    write(tmp_path, "newer.json", sub("newer", schema_version=9))
    write(tmp_path, "good1.old.json", sub("good1", exported="2020-01-01T00:00:00Z"))
    write(tmp_path, "mixed.json", b'\xef\xbb\xbf' + json.dumps(sub("mixed", activities={
        "x": {"kind": "teleport"}, "y": {"kind": "phrase_marks", "article": "nowhere", "data": {}},
        f"labels:{ART}": labels_act({"s999": "opinion", "s002": "x" * 100}),
        f"claims:{ART}": {"kind": "claim_ledger", "article": ART, "data": {"rows": [
            {"status": "maybe"}, {"confidence": "very"}, {"note": "n" * 3000}, 7]}},
    })).encode())
    cls = load(tmp_path)
    assert set(cls.report["code"]) <= set(schema.CODES)
    assert len(set(cls.report["code"])) >= 12
    for code, reason in zip(cls.report["code"], cls.report["reason"], strict=False):
        assert reason[:1].isalpha() or reason.startswith("…"), (code, reason)
        assert reason.rstrip(")").endswith("."), (code, reason)
        assert "Traceback" not in reason and "Error" not in reason, (code, reason)
    assert all(len(words.split()) >= 4 for words in schema.CODES.values())
    # every code is used by the code that writes report rows, and no row uses an unlisted one
    src = "".join(p.read_text(encoding="utf-8") for p in
                  [*sorted((ROOT / "src/medialit/schema").glob("*.py")), *sorted((ROOT / "src/medialit/analysis").glob("*.py"))])
    for code in schema.CODES:
        assert src.count(f'"{code}"') >= 2, f"{code} is listed in schema.CODES but never reported"

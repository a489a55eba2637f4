"""Every data file is listed in its folder's manifest, with provenance fields and a matching sha256."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from medialit import data

ROOT = Path(__file__).resolve().parents[1]
MANIFESTS = sorted((ROOT / "data").glob("*/datapackage.yaml"))
URL = re.compile(r"^https?://\S+$")


def test_every_data_folder_has_a_manifest():
    folders = [p for p in (ROOT / "data").iterdir() if p.is_dir()]
    assert folders
    for folder in folders:
        assert (folder / "datapackage.yaml").is_file(), f"{folder.name}/ has no datapackage.yaml"


@pytest.mark.parametrize("mf", MANIFESTS, ids=lambda p: p.parent.name)
def test_manifest_lists_every_file_with_fields_and_hash(mf):
    doc = yaml.safe_load(mf.read_text(encoding="utf-8"))
    resources = doc.get("resources") or []
    listed = set()
    names = [r.get("name") for r in resources]
    assert len(names) == len(set(names)), "resource names must be unique"
    for res in resources:
        missing = [f for f in data.REQUIRED_FIELDS if f not in res or res[f] in (None, "")]
        assert not missing, f"{mf.parent.name}/{res.get('path')}: missing {missing}"
        path = (mf.parent / res["path"]).resolve()
        assert mf.parent.resolve() in path.parents
        assert path.is_file(), f"{res['path']} is listed but missing"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == res["sha256"], f"{res['path']}: stale sha256"
        url = str(res["url"])
        assert URL.match(url) or url.startswith("n/a"), f"{res['path']}: url must be a URL or 'n/a ...'"
        if "written for the course" in str(res.get("origin", "")):
            assert "CC BY 4.0" in str(res["licence"]), res["path"]
        listed.add(path)
    on_disk = {p.resolve() for p in mf.parent.rglob("*") if p.is_file() and p.name != "datapackage.yaml"}
    assert on_disk - listed == set(), f"unlisted files: {sorted(str(p) for p in on_disk - listed)}"


def test_update_manifests_check_is_clean():
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "update_manifests.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_case_articles_match_the_supplied_seeds():
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    pairs = {"000_bd3531c3ba18ce8e.txt": "southfront_2026-03-06.txt",
             "001_f0aead98675aa684.txt": "voltaire_2024-05-31.txt",
             "002_0c046dddd5488d18.txt": "linternaute_mt_2024-02.txt"}
    for seed, ours in pairs.items():
        assert (seeds / seed).read_bytes() == (ROOT / "data" / "articles" / ours).read_bytes(), ours

"""data: articles, sentence ids, manifests."""
from __future__ import annotations

import hashlib
import shutil

import pytest

import medialit as ml
from medialit import data

CASE = ["southfront_2026", "voltaire_2024", "linternaute_mt_2024"]


def test_list_articles_has_provenance_columns():
    df = ml.list_articles()
    assert set(CASE + ["nato_treaty_1949"]) <= set(df["id"])
    for col in ["title", "publisher", "author", "published", "url", "chain"]:
        assert df[col].astype(str).str.len().min() > 0, col
    row = df.set_index("id").loc["voltaire_2024"]
    assert "Swiss Standpoint" in row["chain"]


def test_unknown_article_lists_valid_ids():
    with pytest.raises(data.DataError) as err:
        ml.load_article("nope")
    for aid in CASE:
        assert aid in str(err.value)


def test_sentence_ids_are_stable_and_offsets_fit():
    # Fixed expectations: if the segmenter or the text changes, these ids must be reviewed
    # (keys and learners' saved work refer to them).
    expected = {"southfront_2026": 25, "voltaire_2024": 22, "linternaute_mt_2024": 26, "nato_treaty_1949": 11}
    for aid, n in expected.items():
        art = ml.load_article(aid)
        assert len(art.sentences) == n, aid
        assert [s.id for s in art.sentences] == [f"s{i:03d}" for i in range(1, n + 1)]
        for s in art.sentences:
            assert " ".join(art.text[s.start:s.end].split()) == s.text
    sf = ml.load_article("southfront_2026")
    assert sf.sentence("s019").text.startswith("On March 5th, Russian forces")
    assert sf.sentences[0].role == "title" and sf.sentences[-1].role == "source-line"


def test_segmentation_is_identical_in_a_fresh_process():
    import json
    import subprocess
    import sys

    code = "import medialit as ml, json; a = ml.load_article('voltaire_2024'); print(json.dumps([(s.id, s.start, s.end) for s in a.sentences]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    here = [[s.id, s.start, s.end] for s in ml.load_article("voltaire_2024").sentences]
    assert json.loads(out) == here


def test_stray_paragraph_break_and_stray_quote_are_joined():
    text = "He said it was very,\n\nvery dangerous. Next one.\n\nA quote \"here.\n\"\n\nEnd."
    sents = [s.text for s in data.segment(text)]
    assert "He said it was very, very dangerous." in sents
    assert not any(s in ('"', "”") for s in sents)


def test_segment_empty_and_tiny_texts():
    assert data.segment("") == []
    assert data.segment("   \n\n  ") == []
    assert [s.text for s in data.segment("Word")] == ["Word"]


def test_unknown_sentence_id_is_explained():
    with pytest.raises(data.DataError, match="s001 to s025"):
        ml.load_article("southfront_2026").sentence("s999")


def _copy_repo_data(tmp_path, monkeypatch):
    root = tmp_path / "course"
    shutil.copytree(data.paths.repo_root() / "data", root / "data")
    monkeypatch.setenv("MEDIALIT_ROOT", str(root))
    data._load_article_cached.cache_clear()
    return root


def test_changed_file_is_refused(tmp_path, monkeypatch):
    root = _copy_repo_data(tmp_path, monkeypatch)
    target = root / "data" / "articles" / "southfront_2026-03-06.txt"
    target.write_text(target.read_text() + "An added sentence.")
    with pytest.raises(data.DataError, match="has changed"):
        ml.load_article("southfront_2026")
    data._load_article_cached.cache_clear()


def test_unlisted_article_is_refused(tmp_path, monkeypatch):
    root = _copy_repo_data(tmp_path, monkeypatch)
    (root / "data" / "articles" / "extra.txt").write_text("Not listed.")
    with pytest.raises(data.DataError, match="no article 'extra'"):
        ml.load_article("extra")
    data._load_article_cached.cache_clear()


def test_manifest_entry_cannot_point_outside_its_folder(tmp_path, monkeypatch):
    root = _copy_repo_data(tmp_path, monkeypatch)
    mf = root / "data" / "articles" / "datapackage.yaml"
    outside = root / "secret.txt"
    outside.write_text("secret")
    digest = hashlib.sha256(b"secret").hexdigest()
    mf.write_text(mf.read_text() + f"  - name: evil\n    path: ../../secret.txt\n    sha256: {digest}\n")
    with pytest.raises(data.DataError, match="outside"):
        data.data_file("articles", "evil")


# ---------------------------------------------------------------- teacher articles and languages (issue 15)


def test_bundled_articles_keep_their_ids_with_the_language_parameter():
    for aid in CASE + ["nato_treaty_1949"]:
        art = ml.load_article(aid)
        assert data.segment(art.text, data.resource("articles", aid).get("paragraph_roles"), language="en") == \
            art.sentences


def test_segmenter_per_language():
    assert data.segmenter_language("fr") == "fr" and data.segmenter_language("pt-BR") == "en"
    assert data.segmenter_language(None) == "en" and data.segmenter_name("ru") == "pysbd 0.3.4 (ru)"
    assert "no rules for the language 'pt-BR'" in data.segmenter_note("pt-BR")
    french = "M. Dupont a parlé au Sénat. Le 3 mai, etc. la grève continue. Fin."
    assert [s.text for s in data.segment(french, language="fr")][0] == "M. Dupont a parlé au Sénat."
    russian = "Правительство объявило о реформе. Т.е. всё сложно. Министр ушёл."
    for s in data.segment(russian, language="ru"):
        assert russian[s.start:s.end] == s.text
    chinese = "政府昨天宣布了改革。部长说：“这是灾难！”伊万诺夫先生不同意。"
    assert len(data.segment(chinese, language="zh")) == 3


def test_pysbd_is_the_pinned_version():
    import importlib.metadata

    assert importlib.metadata.version("pysbd") == data.PYSBD_VERSION


def test_teacher_articles_load_like_bundled_ones_and_never_touch_data():
    listing = sorted(p.name for p in (data.paths.data_dir() / "articles").iterdir())
    aid = ml.add_article("One sentence here. Another one there.", title="Teacher text", publisher="P",
                         url="https://p.example/t", date="2026-12-01")
    assert sorted(p.name for p in (data.paths.data_dir() / "articles").iterdir()) == listing
    assert aid in data.article_ids() and aid not in data.case_articles()
    art = ml.load_article(aid)
    assert art.meta["kind"] == data.TEACHER_KIND and [s.id for s in art.sentences] == ["s001", "s002"]
    stamp = data.articles_stamp()
    ml.add_article("A second teacher text.", title="Second", publisher="P", url="https://p.example/2",
                   date="2026-12-01")
    assert data.articles_stamp() != stamp
    with pytest.raises(data.DataError) as err:
        ml.load_article("nope")
    assert aid in str(err.value) and "southfront_2026" in str(err.value)


def test_broken_teacher_manifest_is_a_plain_error():
    folder = data.teacher_articles_folder()
    folder.mkdir(parents=True)
    (folder / "datapackage.yaml").write_text("resources: [unclosed\n")
    with pytest.raises(data.DataError, match="cannot be read"):
        ml.load_article("anything-2026-12-01")
    with pytest.warns(data.DataWarning, match="left out"):
        assert set(CASE) <= set(ml.list_articles()["id"])  # the course's own articles still list

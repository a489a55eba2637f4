"""The course's data: articles with their provenance, tables and keys, each listed in a manifest.

Every collection folder under ``data/`` has a ``datapackage.yaml`` (Frictionless shape) listing each
file with its sha256 and provenance. :func:`data_file` refuses a file that is not listed or whose
bytes changed since it was listed, so a lesson never silently uses altered material.

Articles are split into paragraphs (blank lines) and then sentences (pysbd). Sentence ids are
``s001``, ``s002``... in reading order; they depend only on the file's bytes and the pinned
segmenter, so they are the same on every machine and every run.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import paths

MANIFEST = "datapackage.yaml"
REQUIRED_FIELDS = (
    "name", "path", "sha256", "title", "publisher", "author", "published", "retrieved",
    "url", "language", "licence", "redistribution", "edits", "notes",
)
#: Paragraph roles an article manifest may give; anything not listed is ``body``.
ROLES = ("title", "dateline", "lead-in", "separator", "source-line", "footnote", "heading", "duplicate", "body")


class DataError(RuntimeError):
    """A data file is missing, unlisted, changed, or an id is unknown. The message says which."""


def read_yaml(stream):
    """Parse YAML safely, with libyaml's C loader when PyYAML has it (about ten times faster)."""
    import yaml

    return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@functools.lru_cache(maxsize=None)
def _manifest_cached(folder: str, mtime_ns: int) -> dict:
    with open(Path(folder) / MANIFEST, encoding="utf-8") as fh:
        doc = read_yaml(fh)
    if isinstance(doc, dict) and doc.get("resources") is None:
        doc["resources"] = []
    if not isinstance(doc, dict) or not isinstance(doc.get("resources"), list):
        raise DataError(f"{Path(folder) / MANIFEST} has no 'resources' list.")
    return doc


def manifest(collection: str) -> dict:
    """The parsed manifest of ``data/<collection>/``."""
    folder = paths.data_dir() / collection
    mf = folder / MANIFEST
    if not mf.is_file():
        raise DataError(f"data/{collection}/ has no {MANIFEST}; every data folder needs one.")
    return _manifest_cached(str(folder), mf.stat().st_mtime_ns)


def resource(collection: str, name: str) -> dict:
    """The manifest entry called ``name`` in ``data/<collection>/``."""
    for res in manifest(collection)["resources"]:
        if res.get("name") == name:
            return res
    valid = ", ".join(sorted(r.get("name", "?") for r in manifest(collection)["resources"]))
    raise DataError(f"No '{name}' in data/{collection}/. Valid names: {valid}.")


@functools.lru_cache(maxsize=256)
def _verified(path_str: str, mtime_ns: int, size: int, expected: str) -> bool:
    return sha256_of(Path(path_str)) == expected


def data_file(collection: str, name: str) -> Path:
    """Path of a listed file after checking that its bytes match the manifest's sha256."""
    res = resource(collection, name)
    folder = (paths.data_dir() / collection).resolve()
    path = (folder / res["path"]).resolve()
    if folder not in path.parents:
        raise DataError(f"The manifest entry '{name}' points outside data/{collection}/.")
    if not path.is_file():
        raise DataError(f"data/{collection}/{res['path']} is listed in the manifest but missing.")
    st = path.stat()
    if not _verified(str(path), st.st_mtime_ns, st.st_size, res["sha256"]):
        raise DataError(
            f"data/{collection}/{res['path']} has changed since it was listed in its manifest "
            f"(sha256 differs). If you edited it on purpose, run `make manifests` and record the "
            "edit in the manifest's 'edits' field; otherwise restore it with `git checkout`."
        )
    return path


# ---------------------------------------------------------------- articles


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article. ``start``/``end`` are character offsets into ``Article.text``."""

    id: str
    text: str
    start: int
    end: int
    paragraph: int
    role: str = "body"


@dataclass
class Article:
    id: str
    text: str
    meta: dict
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.get("title", self.id)

    def sentence(self, sentence_id: str) -> Sentence:
        for s in self.sentences:
            if s.id == sentence_id:
                return s
        raise DataError(f"Article '{self.id}' has no sentence '{sentence_id}' (it has s001 to {self.sentences[-1].id}).")

    def body_sentences(self) -> list[Sentence]:
        """The sentences of the article's running text (no title, dateline, source lines...)."""
        return [s for s in self.sentences if s.role == "body"]

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [(s.id, s.paragraph, s.role, s.text) for s in self.sentences],
            columns=["sentence", "paragraph", "role", "text"],
        )

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {len(self.sentences)} sentences, {self.title!r})"


_PARA_SPLIT = re.compile(r"\n[ \t]*\n")
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’»)\]]\s*$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text`` (split on blank lines, trimmed).

    A paragraph that ends without closing punctuation and is followed by one that starts with
    a lower-case letter is joined to it (a stray blank line inside a sentence, common in pasted
    or scraped copies).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in list(_PARA_SPLIT.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            s = pos + (len(chunk) - len(chunk.lstrip()))
            e = s + len(stripped)
            if spans and not _ENDS_SENTENCE.search(text[spans[-1][0]:spans[-1][1]]) and stripped[0].islower():
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        if m:
            pos = m.end()
    return spans


@functools.lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in one paragraph (pysbd, whitespace trimmed)."""
    if not text.strip():
        return []
    flat = text.replace("\n", " ")  # same length, so offsets still fit ``text``
    out = []
    for span in _segmenter().segment(flat):
        s, e = span.start, span.end
        while s < e and flat[s].isspace():
            s += 1
        while e > s and flat[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        piece = flat[s:e]
        # A fragment with no letters or digits (a stray closing quote) or one that starts in
        # lower case (a stray full stop mid-sentence) belongs to the sentence before it.
        if out and (not any(c.isalnum() for c in piece) or piece[0].islower()):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def segment(text: str, roles: dict[int, str] | None = None) -> list[Sentence]:
    """Split ``text`` into :class:`Sentence` objects with stable ids ``s001``, ``s002``...

    ``roles`` maps a paragraph index (negative counts from the end) to one of :data:`ROLES`.
    """
    roles = roles or {}
    spans = paragraphs(text)
    role_of = {}
    for key, role in roles.items():
        idx = int(key)
        if role not in ROLES:
            raise DataError(f"Unknown paragraph role {role!r}; use one of {', '.join(ROLES)}.")
        role_of[idx % len(spans) if spans else idx] = role
    sentences: list[Sentence] = []
    for p, (ps, pe) in enumerate(spans):
        role = role_of.get(p, "body")
        for s, e in split_sentences(text[ps:pe]):
            n = len(sentences) + 1
            sentences.append(Sentence(f"s{n:03d}", " ".join(text[ps + s:ps + e].split()), ps + s, ps + e, p, role))
    return sentences


def _article_ids() -> list[str]:
    return [r["name"] for r in manifest("articles")["resources"]]


@functools.lru_cache(maxsize=None)
def _load_article_cached(article_id: str, sha: str) -> Article:
    res = resource("articles", article_id)
    text = data_file("articles", article_id).read_text(encoding="utf-8")
    if not text.strip():
        raise DataError(f"The article file for '{article_id}' is empty.")
    meta = {k: v for k, v in res.items() if k not in ("paragraph_roles",)}
    return Article(article_id, text, meta, segment(text, res.get("paragraph_roles")))


def load_article(article_id: str) -> Article:
    """Load a course article: its text, its manifest metadata, and its sentences with stable ids.

    >>> a = load_article("linternaute_mt_2024")      # doctest: +SKIP
    >>> a.sentence("s001").text                         # doctest: +SKIP
    """
    ids = _article_ids()
    if article_id not in ids:
        raise DataError(f"There is no article '{article_id}'. Valid article ids: {', '.join(ids)}.")
    return _load_article_cached(article_id, resource("articles", article_id)["sha256"])


ARTICLE_COLUMNS = [
    "id", "title", "publisher", "author", "published", "url", "language", "chain", "kind",
]


def list_articles():
    """A pandas DataFrame of the course articles and their provenance (one row per article)."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for res in manifest("articles")["resources"]:
        rows.append({
            "id": res["name"],
            "title": res["title"],
            "publisher": res["publisher"],
            "author": res["author"],
            "published": res["published"],
            "url": res["url"],
            "language": res["language"],
            "chain": " → ".join(step["what"] for step in res.get("chain", [])),
            "kind": res.get("kind", ""),
        })
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


#: The manifest ``kind`` of the articles every lesson studies (seeds 000, 001, 002).
CASE_ARTICLE_KIND = "case article"


def case_articles() -> tuple[str, ...]:
    """The ids of the case articles (``kind: case article`` in ``data/articles/datapackage.yaml``),
    in manifest order: the order the lessons show them."""
    return tuple(r["name"] for r in manifest("articles")["resources"] if r.get("kind") == CASE_ARTICLE_KIND)


def republication_chain(article_id: str):
    """The steps from original to the copy we study, as a DataFrame (step, what, who, date, url, status)."""
    import pandas as pd

    res = resource("articles", article_id)
    return pd.DataFrame(res.get("chain", []), columns=["what", "who", "date", "url", "status", "source"])


# ---------------------------------------------------------------- tables and keys


def load_table(name: str, collection: str = "tables"):
    """A CSV table listed in ``data/<collection>/datapackage.yaml``, as a DataFrame (text kept as text)."""
    import pandas as pd

    return pd.read_csv(data_file(collection, name), dtype=str, keep_default_na=False)


def load_yaml(name: str, collection: str = "keys") -> Any:
    """A YAML file listed in ``data/<collection>/datapackage.yaml`` (safe loader)."""
    with open(data_file(collection, name), encoding="utf-8") as fh:
        return read_yaml(fh)

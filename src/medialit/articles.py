"""Bring your own article: add a saved web page, a text file or pasted text to the course.

>>> import medialit as ml
>>> aid = ml.add_article("saved_page.html", title="City council votes to close the bridge",  # doctest: +SKIP
...                      publisher="The Gazette", url="https://gazette.example/city-council",
...                      date="2026-12-05", author="Jane Doe")
>>> ml.load_article(aid)                                                                      # doctest: +SKIP

Where it goes: the teacher folder (``MEDIALIT_HOME``, else the course's ``answers/``), in
``articles/<id>.txt`` plus ``articles/datapackage.yaml``, a manifest with the same fields as
``data/articles/datapackage.yaml`` (sha256 included). Nothing is ever written into ``data/``.

Rules this module keeps:

* the text is stored once and never rewritten, so its sentence ids (``s001``...), which depend
  only on the stored text and its language, never change: adding the same article again (same
  words, whatever the spacing or the file it came from) returns the id it already has, keeps the
  details it was added with, and says so (:class:`ArticleAlreadyAdded`) when other details were given;
* an id is a lower-case slug of the title plus the date (``city-council-votes-2026-12-06``),
  made once, when the article is added, and checked like a learner id, so it can never leave the
  folder; Cyrillic and Greek titles are written in Latin letters for it (:func:`transliterate`),
  and a title with no letters that can be (Arabic, Chinese...) gives the publisher's name instead;
* every file is written atomically (temporary file, fsync, rename) under a lock;
* bad input is refused with one plain sentence (:class:`ArticleError`): empty, binary or
  unreadable files (UTF-8 is read, and UTF-16 or UTF-32 with a byte-order mark, as Windows
  Notepad saves "Unicode" text), text that is only HTML tags (``<p></p>``), a web page with no
  article text, a missing or malformed field (a date that can be read two ways, such as
  ``03/04/2016``, among them: :func:`check_date`).
"""
from __future__ import annotations

import codecs
import contextlib
import datetime as _dt
import hashlib
import html
import os
import re
import unicodedata
import warnings
from pathlib import Path
from typing import Any, Iterator

from . import data, paths, store

#: The ``kind`` of an added article in the manifest (``ml.list_articles()`` shows it). A fixed value,
#: kept for manifests and code that test it: it names the folder the article is in (the teacher
#: folder), not who added it. What learners read is :data:`ADDED_KIND`.
TEACHER_KIND = "teacher article"
#: How an added article's kind is worded for people: a learner may have added it, not the teacher.
ADDED_KIND = data.ADDED_KIND
#: File types :func:`add_article` reads.
SUFFIXES = (".html", ".htm", ".txt")
#: Largest file read (bytes): a 60,000-word article is about 400 KB.
MAX_BYTES = 20_000_000
#: Fewest words a web page must yield to count as an article.
MIN_HTML_WORDS = 12
MAX_ID = 64
MAX_FIELD = 300
NONE_GIVEN = "none given"
_ID_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANG_RE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
_URL_RE = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", re.I)
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a Word, OpenDocument or zip file",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel file",
    b"{\\rtf": "a rich-text (RTF) file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


class ArticleError(ValueError):
    """An article cannot be added. The message is one plain sentence saying why and what to do."""


# ---------------------------------------------------------------------------- reading the source

def _looks_like_path(source: str) -> bool:
    """True when the string ``source`` names a file (or folder) rather than being the article's text.

    A name on disk is a file name. Otherwise a file name has no spaces or line breaks and ends in
    .html, .htm or .txt (a missing file then gets "There is no file..."); anything with a space in
    it, such as a one-line article that ends with a web address ending in .html, is text."""
    if "\n" in source or len(source) >= 1024 or not source.strip():
        return False
    try:
        if Path(source).expanduser().exists():
            return True
    except (OSError, ValueError):  # a name too long for the disk, or with a NUL: text, not a file
        return False
    name = source.strip()
    return not any(ch.isspace() for ch in name) and name.lower().endswith(SUFFIXES)


#: Byte-order marks of Unicode text that is not UTF-8 (Windows Notepad's "Unicode" is UTF-16 LE),
#: longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def text_with_bom(raw: bytes) -> str | None:
    """The text of ``raw`` when it starts with a UTF-16 or UTF-32 byte-order mark (the mark left out),
    else ``None``. Raises :class:`UnicodeDecodeError` when the bytes after the mark cannot be read."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec)
    return None


def decode_text(raw: bytes, name: str) -> str:
    """The text of ``raw`` (UTF-8, or UTF-16/UTF-32 with a byte-order mark), or :class:`ArticleError`
    for empty, binary or unreadable bytes. ``name`` starts the messages ("The file page.html",
    "The pasted text"). Used for every file and pasted bytes, and by the add-an-article widget's
    upload button, so each way in gives the same plain messages."""
    if not raw.strip():
        raise ArticleError(f"{name} is empty: there is no text to add.")
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise ArticleError(f"{name} is {what}, not text: copy the article's text into a .txt file "
                               "(or save the web page as .html) and add that.")
    try:
        text = text_with_bom(raw)
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name} says it is {exc.encoding.upper()} text but byte {exc.start} cannot be read: open it in a "
            "text editor and save it again with the encoding UTF-8, then add it again."
        ) from None
    if text is None:
        if b"\x00" in raw[:8192]:
            raise ArticleError(f"{name} looks like a binary file, not text: add a saved web page (.html) "
                               "or a plain-text file (.txt).")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ArticleError(
                f"{name} is not UTF-8 text (byte {exc.start} cannot be read): open it in a text editor and "
                "save it again with the encoding UTF-8, then add it again."
            ) from None
    if not text.strip():
        raise ArticleError(f"{name} is empty: there is no text to add.")
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > 8:
        raise ArticleError(f"{name} looks like a binary file, not text: add a saved web page (.html) "
                           "or a plain-text file (.txt).")
    return text


def _read_file(path: Path) -> tuple[str, str]:
    """(decoded text, "html" or "text") of a file given as the source."""
    name = f"The file {path.name}"
    if path.is_dir():
        raise ArticleError(f"The folder {path.name or path} is not a file: give the name of a saved web page "
                           "(.html or .htm) or a text file (.txt) inside it.")
    if not path.exists():
        raise ArticleError(f"There is no file {path}: check the name and the folder.")
    if not path.suffix:
        raise ArticleError(f"{name} cannot be added: only .html, .htm and .txt files can be, and its name "
                           "does not end in any of these (if it is plain text, add .txt to its name).")
    if path.suffix.lower() not in SUFFIXES:
        raise ArticleError(f"{name} cannot be added: only .html, .htm and .txt files can be, and it is a "
                           f"{path.suffix} file.")
    if not path.is_file():
        raise ArticleError(f"{name} is not an ordinary file that can be read: save the article as an .html or "
                           ".txt file and add that.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{name} is {size // 1_000_000} MB, more than the {MAX_BYTES // 1_000_000} MB "
                               "a single article may have.")
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name} cannot be read: {exc.strerror or exc}.") from None
    text = decode_text(raw, name)
    return text, "html" if path.suffix.lower() in (".html", ".htm") else "text"


#: A tag of an element that article text copied from a web page or a CMS is made of.
_ARTICLE_TAG = re.compile(r"<(/?)(?:(p|h[1-6]|div|br|ul|ol|li|blockquote|article|section)|span|b|i|em|strong|a)"
                          r"(?:\s[^<>]*)?/?>", re.I)
#: Fewest such tags (and closing tags among them) that make pasted text HTML rather than text about HTML.
MIN_HTML_TAGS = 3
MIN_HTML_CLOSING_TAGS = 2


def looks_like_html(text: str) -> bool:
    """True for a web page's source, or a piece of one (``<h1>…</h1><p>…</p>`` copied from a page
    or a CMS, with no ``<html>`` or ``<body>``). A fragment must be mostly tags of the elements
    article text is made of (p, h1-h6, div, span, b, i, em, strong, a, br, lists, blockquote,
    article, section): at least :data:`MIN_HTML_TAGS` of them, :data:`MIN_HTML_CLOSING_TAGS`
    closing ones and one of a block (a paragraph, heading, list...), and it opens with one or has
    one for every 30 words or fewer. Text that only mentions ``<`` or a tag or two stays text."""
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    sample = text[:20000]
    if "<body" in sample.lower() and "</p>" in text.lower():
        return True
    tags = _ARTICLE_TAG.findall(sample)  # (closing "/" or "", block element name or "")
    if (len(tags) < MIN_HTML_TAGS or sum(1 for closing, _block in tags if closing) < MIN_HTML_CLOSING_TAGS
            or not any(block for _closing, block in tags)):
        return False
    words = len(_ARTICLE_TAG.sub(" ", sample).split())
    return bool(_ARTICLE_TAG.match(sample.lstrip())) or len(tags) * 30 >= words


def _is_fragment(html: str) -> bool:
    """True for HTML with no ``<html>`` or ``<body>``: a piece of a page."""
    return not re.search(r"<(?:html|body)\b", html[:20000], re.I)


def _quiet_trafilatura():
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    import trafilatura

    return trafilatura


def _html_text(html: str) -> tuple[str, dict]:
    """(article text, found metadata) of a web page, via trafilatura."""
    trafilatura = _quiet_trafilatura()
    if _is_fragment(html):  # a piece of a page: as an article, so its headings are kept as paragraphs
        html = f"<html><body><article>{html}</article></body></html>"
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False)
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        doc = None
    found = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = (found.get("text") or "").strip()
    # trafilatura puts one paragraph per line; the course separates paragraphs by blank lines
    text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    meta = {
        "title": found.get("title") or "",
        "author": found.get("author") or "",
        "site": found.get("sitename") or found.get("hostname") or "",
        "date": found.get("date") or "",
        "url": found.get("url") or "",
        "language": found.get("language") or "",
    }
    return text, {k: str(v).strip() for k, v in meta.items()}


def extract_html(path_or_html: str | os.PathLike) -> dict:
    """The article text and the metadata trafilatura finds in a web page, for the teacher to check.

    ``path_or_html``: a saved page (``.html``/``.htm``) or the HTML itself. Returns
    ``{"text", "title", "author", "site", "date", "url", "language", "words"}`` (``""`` for
    what was not found). Raises :class:`ArticleError` when the page has no article text.
    """
    if isinstance(path_or_html, os.PathLike) or (isinstance(path_or_html, str) and _looks_like_path(path_or_html)):
        path = Path(path_or_html).expanduser()
        html, _kind = _read_file(path)
        name = f"the file {path.name}"
    elif isinstance(path_or_html, str):
        html, name = path_or_html, "the pasted page"
        if not html.strip():
            raise ArticleError("The pasted page is empty: there is no text to add.")
    else:
        raise ArticleError(f"Give a saved web page's file name or its HTML as text, not {type(path_or_html).__name__}.")
    text, meta = _html_text(html)
    words = len(text.split())
    if words < MIN_HTML_WORDS:
        raise ArticleError(
            f"No article text was found in {name} ({words} word{'s' if words != 1 else ''}): save the page "
            "again from the article itself (File → Save Page As), or copy the article's text into a .txt file."
        )
    return {"text": text, **meta, "words": words}


def _source_text(source: Any) -> tuple[str, str, dict]:
    """(text to store, how it came, metadata found) for the ``source`` of :func:`add_article`."""
    if isinstance(source, bytes):
        source = decode_text(source, "The pasted text")
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source).expanduser()
        text, kind = _read_file(path)
        if kind == "html":
            found = extract_html(path)
            return found["text"], f"saved web page {path.name}", found
        _refuse_tags_only(text, f"The file {path.name}", "so there is no text to add")
        return text, f"text file {path.name}", {}
    if not isinstance(source, str):
        raise ArticleError("The article must be a file name (.html, .htm or .txt) or the article's text, "
                           f"not {type(source).__name__}.")
    if not source.strip():
        raise ArticleError("The pasted text is empty: paste the article's text first.")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f" for ch in source[:8192]):
        raise ArticleError("The pasted text contains hidden control characters, as binary files do: "
                           "copy the article's text again from the page.")
    _refuse_tags_only(source, "The pasted text", "paste the article's text first")
    if looks_like_html(source):
        found = extract_html(source)
        return found["text"], "pasted web page", found
    return source, "pasted text", {}


def _refuse_tags_only(text: str, name: str, what_to_do: str) -> None:
    """:class:`ArticleError` for text that is only HTML tags (``<p></p>``, ``<br><br/>``): with the tags
    (and entities such as ``&nbsp;``) taken out, no letter or digit is left, so it is as empty as a
    blank text; it must not be stored with the tags as its words."""
    tag = _TAG_RE.search(text)
    if tag is None or any(ch.isalnum() for ch in html.unescape(_TAG_RE.sub(" ", text))):
        return
    shown = tag.group(0) if len(tag.group(0)) <= 20 else tag.group(0)[:19] + "…>"
    raise ArticleError(f"{name} is empty: it has only HTML tags such as {shown} and no words; {what_to_do}.")


def normalise_text(text: str) -> str:
    """The text as stored: NFC, Unix line ends, no trailing spaces, at most one blank line in a row,
    one final line break. Everything else (words, punctuation, emoji) is kept as it is."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    lines = [line.rstrip() for line in text.replace("\f", "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


def content_hash(text: str) -> str:
    """sha256 of the words of ``text`` (spacing and line breaks ignored): the same article pasted or
    saved differently has the same hash."""
    return hashlib.sha256(" ".join(unicodedata.normalize("NFC", text).split()).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------- checking the fields

def _plain_field(value: Any, what: str, flag: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ArticleError(f"The article needs {what}{flag}.")
    if not isinstance(value, str):
        raise ArticleError(f"{what[0].upper()}{what[1:]} must be text, not {type(value).__name__}.")
    value = " ".join(value.split())
    if len(value) > MAX_FIELD:
        raise ArticleError(f"{what[0].upper()}{what[1:]} is {len(value)} characters long; the limit is {MAX_FIELD}.")
    if any(not ch.isprintable() for ch in value):
        raise ArticleError(f"{what[0].upper()}{what[1:]} contains a hidden character; type it again.")
    return value


#: English month names and their usual short forms ("Sept" too), for dates written in words.
_MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
#: Dates the course reads besides ``YYYY-MM-DD``: the month in words ("21 April 2016", "April 21,
#: 2016", "Thu 21 Apr. 2016"), an ISO date and time ("2016-04-21T10:00:00Z") and a year-first date
#: with slashes or dots ("2016/04/21"). None of them can be read two ways.
_WRITTEN_DATES = (
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
               r"(?:[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?"),
    re.compile(r"(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})"),
)
#: A date written with numbers only and the year last ("03/04/2016", "3.4.16"): day first in most
#: of Europe, month first in the USA, so it is never guessed.
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})")
_HOW_TO_WRITE = "write it YYYY-MM-DD (for example 2026-12-05) or with the month in words (5 December 2026)"


def _read_date(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in one of the ways in :data:`_WRITTEN_DATES`, else None.
    The time and time zone of a timestamp are left out: the date is the one written."""
    text = " ".join(value.lower().split())
    for pattern in _WRITTEN_DATES:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        month = m.group("month")
        number = int(month) if month.isdigit() else _MONTHS.get(month)
        if number is None:
            return None
        return int(m.group("year")), number, int(m.group("day"))
    return None


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def _numeric_date_message(shown: str, first: int, second: int, year: int, four_digit_year: bool) -> str:
    """Why a date in numbers with the year last is refused, with the way to write it instead."""
    if not four_digit_year:
        return f"The date {shown!r} is not written YYYY-MM-DD (its year has two digits): {_HOW_TO_WRITE}."
    readings = []
    for day, month in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            readings.append(_dt.date(year, month, day))
    readings = list(dict.fromkeys(readings))
    words = [f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}" for d in readings]
    if len(readings) == 2:
        return (f"The date {shown!r} is not written YYYY-MM-DD and can be read two ways, {words[0]} (day first, "
                f"as in Europe) or {words[1]} (month first, as in the USA): write it YYYY-MM-DD, "
                f"{readings[0].isoformat()} for {words[0]}, or with the month in words.")
    if len(readings) == 1:
        return (f"The date {shown!r} is not written YYYY-MM-DD, and the course never guesses which number is the "
                f"day and which the month: write it YYYY-MM-DD ({readings[0].isoformat()}) or with the month in "
                f"words ({words[0]}).")
    return f"The date {shown!r} does not exist in the calendar: {_HOW_TO_WRITE}."


def check_date(value: Any, today: _dt.date | None = None) -> str:
    """``value`` as ``YYYY-MM-DD`` if it is a real date not after tomorrow, else :class:`ArticleError`.

    Read besides ``YYYY-MM-DD`` (and ``date``/``datetime`` objects): the month in English words,
    day first or month first ("21 April 2016", "21st of April 2016", "April 21, 2016", "Thu 21 Apr.
    2016"); an ISO date and time ("2016-04-21T10:00:00Z", "2016-04-21 10:00+02:00": the date as
    written, whatever the time zone); year first with slashes or dots ("2016/04/21"). A date in
    numbers with the year last ("03/04/2016") is refused: it is 3 April in Europe and 4 March in
    the USA, and the message says how to write it.
    """
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ArticleError("The article needs the date it was published, written YYYY-MM-DD "
                           "(for example 2026-12-05) or with the month in words (5 December 2026).")
    value = " ".join(str(value).split())
    shown = value if len(value) <= 40 else value[:40] + "…"
    parts = _read_date(value)
    if parts is None:
        numeric = _NUMERIC_DATE.fullmatch(value)
        if numeric:
            raise ArticleError(_numeric_date_message(shown, *(int(g) for g in numeric.groups()),
                                                     four_digit_year=len(numeric.group(3)) == 4))
        raise ArticleError(f"The date {shown!r} is not written YYYY-MM-DD (for example 2026-12-05) or with the month "
                           "in words (5 December 2026).")
    year, month, day = parts
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        raise ArticleError(f"The date {shown} does not exist in the calendar; check the day and the month.") from None
    today = today or _dt.date.today()
    if date > today + _dt.timedelta(days=1):
        raise ArticleError(f"The date {date.isoformat()} is in the future; give the date the article was published.")
    return date.isoformat()


def check_url(value: Any) -> str:
    """``value`` if it is a web address starting with http:// or https://, else :class:`ArticleError`."""
    value = _plain_field(value, "the web address (URL) it was published at", ", starting with https://")
    if not _URL_RE.fullmatch(value):
        raise ArticleError(f"The URL {value!r} is not a web address: copy it from the browser's address bar "
                           "(it starts with https://).")
    return value


def check_language(value: Any) -> str:
    """A language code such as ``en``, ``de`` or ``pt-br`` (lower case), else :class:`ArticleError`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ArticleError("The article needs its language: give a two-letter code such as en, fr or de.")
    code = str(value).strip().lower().replace("_", "-")
    if not _LANG_RE.fullmatch(code):
        raise ArticleError(f"The language {value!r} is not a language code: give a two-letter code such as "
                           "en, fr or de.")
    return code


_REQUIRED_NAMES = (("title", "its title"), ("publisher", "its publisher or site"), ("url", "its URL"),
                   ("date", "the date it was published (YYYY-MM-DD)"), ("language", "its language"))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_fields(title, publisher, url, date, author, language, translated) -> dict:
    given = {"title": title, "publisher": publisher, "url": url, "date": date, "language": language}
    missing = [what for key, what in _REQUIRED_NAMES if _blank(given[key])]
    if len(missing) > 1:
        raise ArticleError(f"The article needs {', '.join(missing[:-1])} and {missing[-1]}.")
    if not isinstance(translated, bool):
        raise ArticleError("Say whether the article is a translation: translated must be True or False.")
    if _blank(author):
        author = NONE_GIVEN
    return {
        "title": _plain_field(title, "a title", ""),
        "publisher": _plain_field(publisher, "a publisher or site", ""),
        "url": check_url(url),
        "published": check_date(date),
        "author": _plain_field(author, "an author", ""),
        "language": check_language(language),
        "translated": translated,
    }


# ---------------------------------------------------------------------------- ids

#: An HTML tag such as ``<b>``, ``</i>`` or ``<span class="x">`` (a lone "<" or "a < b" is not one).
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")


def title_text(title: str) -> str:
    """The words of ``title`` without HTML tags, entities decoded: ``<b>Bridge</b> delay`` ->
    ``Bridge delay``, ``Fish &amp; chips`` -> ``Fish & chips``."""
    return " ".join(html.unescape(_TAG_RE.sub(" ", title)).split())


#: Cyrillic letters in Latin letters for ids (lower case; a simple, common scheme close to the one
#: English-language newspapers use for Russian: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya,
#: ъ and ь left out), with the Ukrainian, Belarusian, Serbian and Macedonian letters.
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяґєіїўђјљњћџѓќѕ",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya g ye i yi u dj j lj nj c dz "
    "gj kj dz".replace("_", "").split(" "), strict=True))
#: Where a language writes a Cyrillic letter otherwise, close to its national standard: Ukrainian
#: (2010: г h, и y; є ї й ю я as ye yi y yu ya at the start of a word, ie i i iu ia inside it) and
#: Bulgarian (2009: х h, щ sht, ъ a, ь y).
_CYRILLIC_BY_LANGUAGE = {
    "uk": {"г": "h", "и": "y", "є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"),
           "ю": ("yu", "iu"), "я": ("ya", "ia")},
    "bg": {"х": "h", "щ": "sht", "ъ": "a", "ь": "y"},
}
#: Greek letters in Latin letters (close to ELOT 743): θ th, ξ x, υ y, φ f, χ ch, ψ ps; ου ou, αυ av,
#: ευ ev; accents left out.
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω",
                  "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(" "), strict=True))
_GREEK_PAIRS = {"ου": "ou", "αυ": "av", "ευ": "ev", "ηυ": "iv"}
_APOSTROPHES = "'’ʼ"


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _greek_base(ch: str) -> str:
    """A Greek letter without its accent or diaeresis (ά -> α), else ``ch``."""
    if "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff":
        return unicodedata.normalize("NFD", ch)[0]
    return ch


def transliterate(text: str, language: str | None = None) -> str:
    """``text`` with its Cyrillic and Greek letters written in Latin letters (lower case), for ids:
    ``Москва заявила`` -> ``moskva zayavila``, ``Αθήνα`` -> ``athina``. Every other character is
    left as it is, so a title in the Latin alphabet gives the same id as before. ``language``
    (``uk``, ``bg``...) chooses that language's way for the few letters it writes otherwise
    (Ukrainian ``Київ`` -> ``kyiv``). An apostrophe inside a Cyrillic word is left out
    (Ukrainian ``ім'я`` -> ``imia``)."""
    text = unicodedata.normalize("NFC", text)
    if not any(_is_cyrillic(ch) or _greek_base(ch) != ch or ch.lower() in _GREEK for ch in text):
        return text
    own = _CYRILLIC_BY_LANGUAGE.get((language or "").lower().split("-")[0], {})
    out = []
    i = 0
    while i < len(text):
        ch, low = text[i], text[i].lower()
        start = i == 0 or not text[i - 1].isalpha() and text[i - 1] not in _APOSTROPHES
        pair = _greek_base(low) + _greek_base(text[i + 1].lower()) if i + 1 < len(text) else ""
        if pair in _GREEK_PAIRS:
            out.append(_GREEK_PAIRS[pair])
            i += 2
            continue
        if low in own:
            way = own[low]
            out.append(way if isinstance(way, str) else way[0 if start else 1])
        elif low in _CYRILLIC:
            out.append(_CYRILLIC[low])
        elif _greek_base(low) in _GREEK:
            out.append(_GREEK[_greek_base(low)])
        elif (ch in _APOSTROPHES and 0 < i < len(text) - 1 and _is_cyrillic(text[i - 1])
              and _is_cyrillic(text[i + 1])):
            pass  # ім'я: one word
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def slug(title: str, limit: int = 48, language: str | None = None) -> str:
    """Lower-case ASCII words of ``title`` (its text, without HTML tags) joined by hyphens, cut at a
    word end (``""`` if none): ``<b>Bridge</b> delay`` -> ``bridge-delay``. Cyrillic and Greek
    letters are written in Latin letters first (:func:`transliterate`, with ``language`` for its
    own letters): ``Москва заявила`` -> ``moskva-zayavila``. Other letters lose their accents
    (``Über`` -> ``uber``); letters of other scripts (Arabic, Chinese...) are left out."""
    ascii_title = unicodedata.normalize("NFKD", transliterate(title_text(title), language)).encode(
        "ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_title)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


def _bad_id(article_id: str) -> str:
    shown = article_id if len(article_id) <= 70 else article_id[:60] + "…"
    return (f"The article id {shown!r} cannot be used: ids have at most {MAX_ID} lower-case letters, digits "
            "and hyphens, such as 'city-council-votes-2026-12-06'.")


def check_article_id(article_id: Any) -> str:
    """``article_id`` if it is a safe teacher-article id (lower case, digits, hyphens), else :class:`ArticleError`.

    It is checked like a learner id too, so ``..``, slashes and hidden characters never reach a file name.
    """
    if not isinstance(article_id, str) or not article_id:
        raise ArticleError("An article id must be text such as 'city-council-votes-2026-12-06'.")
    try:
        store.validate_learner_id(article_id)
    except store.LearnerIdError:
        raise ArticleError(_bad_id(article_id)) from None
    if len(article_id) > MAX_ID or not _ID_RE.fullmatch(article_id):
        raise ArticleError(_bad_id(article_id))
    return article_id


def article_path(article_id: str, folder: Path | None = None) -> Path:
    """``<teacher articles folder>/<id>.txt``, after checking the id cannot leave the folder."""
    check_article_id(article_id)
    folder = (folder or paths.teacher_articles_dir()).resolve()
    path = (folder / f"{article_id}.txt").resolve()
    if path.parent != folder:  # belt and braces: the id check already forbids this
        raise ArticleError(f"The article id {article_id!r} would leave the teacher's articles folder.")
    return path


# ---------------------------------------------------------------------------- the teacher manifest

MANIFEST_HEADER = (
    "# Articles added to the course (the Add article box, ml.add_article or `medialit add-article`).\n"
    "# Same fields as data/articles/datapackage.yaml. Do not edit the .txt files: their sha256 is\n"
    "# checked, and the sentence ids saved answers refer to depend on their exact text.\n"
)


def _empty_manifest() -> dict:
    return {
        "name": "medialit-teacher-articles",
        "title": "Articles added to the course",
        "licenses": [{"name": "see-each-resource", "title": "Each resource states its own licence."}],
        "resources": [],
    }


def read_manifest(folder: Path | None = None) -> dict:
    """The teacher articles' manifest (an empty one when there is none yet)."""
    folder = folder or paths.teacher_articles_dir()
    mf = folder / data.MANIFEST
    if not mf.is_file():
        return _empty_manifest()
    try:
        with open(mf, encoding="utf-8") as fh:
            doc = data.read_yaml(fh)
    except Exception as exc:  # noqa: BLE001 - yaml errors, unreadable file
        raise ArticleError(f"{mf} cannot be read ({type(exc).__name__}); restore it from a backup.") from None
    if not isinstance(doc, dict):
        raise ArticleError(f"{mf} is not a manifest (no 'resources' list); restore it from a backup.")
    if doc.get("resources") is None:
        doc["resources"] = []
    if not isinstance(doc["resources"], list):
        raise ArticleError(f"{mf} has no 'resources' list; restore it from a backup.")
    return doc


def _write_manifest(doc: dict, folder: Path) -> None:
    import yaml

    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    store.atomic_write_text(folder / data.MANIFEST, MANIFEST_HEADER + body, mode=0o644)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Only one process adds an article to ``folder`` at a time (best effort where fcntl is missing)."""
    with store.lock_file(folder / ".datapackage.lock"):
        yield


def _taken_ids(doc: dict) -> set[str]:
    taken = {str(r.get("name")) for r in doc["resources"]}
    try:
        taken |= {str(r.get("name")) for r in data.manifest("articles")["resources"]}
    except data.DataError:
        pass
    return taken


def _free(path: Path, text: str) -> bool:
    """No file at ``path``, or one left with this very text by an add that stopped before its manifest."""
    try:
        return path.read_bytes() == text.encode("utf-8")
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _new_id(fields: dict, taken: set[str], folder: Path, text: str) -> str:
    # a title in a script with no Latin letters for it (Arabic, Chinese...) gives no words: then the
    # publisher's name, else "article"
    limit, lang = MAX_ID - 11 - 4, fields["language"]
    base = slug(fields["title"], limit, lang) or slug(fields["publisher"], limit, lang) or "article"
    stem = f"{base}-{fields['published']}"
    for n in range(1, 1000):
        candidate = stem if n == 1 else f"{stem}-{n}"
        if candidate not in taken and _free(folder / f"{candidate}.txt", text):
            return check_article_id(candidate)
    raise ArticleError(f"There are already 999 articles called {stem}; give this one a different title.")


def _title_roles(text: str, title: str) -> dict[int, str]:
    """``{0: "title"}`` when the text opens with the title (web pages usually do)."""
    spans = data.paragraphs(text)
    if spans:
        first = " ".join(text[spans[0][0]:spans[0][1]].split()).casefold()
        if first == " ".join(title.split()).casefold() and len(spans) > 1:
            return {0: "title"}
    return {}


def _paragraph_roles(text: str, title: str) -> dict[int, str]:
    """The paragraph roles an added article is recorded with: the title (see :func:`_title_roles`)
    and the page furniture a pasted copy keeps (a byline, a time stamp, a credit line, a footer, a
    subhead: :func:`medialit.data.furniture_role`), so that they are not labelled like sentences.
    Roles never change sentence ids; they are recorded once, when the article is added. A text
    that is all furniture keeps it all as body (something must be left to read)."""
    roles = _title_roles(text, title)
    spans = data.paragraphs(text)
    found = {}
    for i, (s, e) in enumerate(spans):
        if i not in roles:
            role = data.furniture_role(text[s:e])
            if role:
                found[i] = role
    if len(roles) + len(found) >= len(spans):
        return roles
    return {**roles, **found}


def _resource(article_id: str, text: str, fields: dict, how: str, roles: dict[int, str], path: Path) -> dict:
    lang = fields["language"]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    # segmented from the file as written, through the loader's cache: the first load_article is free
    sentences = data._load_teacher_cached(article_id, str(path), sha, lang, tuple(sorted(roles.items())),
                                          data.SENTENCE_RULES)
    seg_note = data.segmenter_note(lang)
    notes = [f"Added from {how} on {_dt.date.today().isoformat()}."]
    if seg_note:
        notes.append(seg_note)
    if not lang.startswith("en"):
        notes.append("The course's language signals (ml.cues) are English-only and give no hits on this text.")
    if fields["translated"]:
        notes.append("A translation: the words studied are the translator's, not the original author's.")
    chain_status = "as given when the article was added; not checked by the course"
    return {
        "name": article_id,
        "path": f"{article_id}.txt",
        "sha256": sha,
        "content_sha256": content_hash(text),
        "kind": TEACHER_KIND,
        "title": fields["title"],
        "publisher": fields["publisher"],
        "author": fields["author"],
        "published": fields["published"],
        "retrieved": _dt.date.today().isoformat(),
        "url": fields["url"],
        "language": fields["language"],
        "translated": fields["translated"],
        "licence": "Not checked; brought in for use in class.",
        "redistribution": "For use in this class only; do not republish it.",
        "edits": f"none: the words of the {how}, with line ends and blank lines tidied",
        "notes": " ".join(notes),
        "source": how,
        "segmenter": data.segmenter_name(lang),
        "sentence_rules": data.SENTENCE_RULES,  # medialit's fix-ups to the segmenter's pieces
        "sentences": len(sentences),
        "sentences_sha256": data.spans_hash(sentences),
        **({"paragraph_roles": roles} if roles else {}),
        "chain": [{
            "what": f"{fields['publisher']} publishes it" + (" (a translation)" if fields["translated"] else ""),
            "who": fields["publisher"],
            "date": fields["published"],
            "url": fields["url"],
            "status": chain_status,
            "source": f"added article ({how})",
        }],
    }


def _existing(doc: dict, text: str) -> dict | None:
    """The manifest entry of the article with the same words as ``text``, if one was added."""
    want = content_hash(text)
    for res in doc["resources"]:
        if res.get("content_sha256") == want:
            return res
    return None


class ArticleAlreadyAdded(UserWarning):
    """:func:`add_article` was given a text added before, with other details (title, date,
    language...): the article added before is kept as it was recorded and its id is returned,
    and this warning says so in plain words. Attributes: ``article_id``; ``added_on`` (the date it
    was added, ``YYYY-MM-DD``, or ``""``); ``recorded`` and ``ignored``, the details that differ,
    as ``{field: value}`` with the manifest's field names (``title``, ``published``, ``language``...):
    what the article keeps, and what was given this time and not used."""

    def __init__(self, message: str, article_id: str = "", added_on: str = "",
                 recorded: dict | None = None, ignored: dict | None = None):
        super().__init__(message)
        self.article_id = article_id
        self.added_on = added_on
        self.recorded = dict(recorded or {})
        self.ignored = dict(ignored or {})


#: The details compared when the same text is added again (manifest field -> its name in a message).
_DETAIL_NAMES = {"title": "title", "publisher": "publisher", "url": "URL", "published": "date",
                 "author": "author", "language": "language", "translated": "a translation"}


def _shown_detail(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = " ".join(str("" if value is None else value).split())
    text = text if len(text) <= 80 else text[:79] + "…"
    if key == "author" and text == NONE_GIVEN:
        return NONE_GIVEN
    return f"'{text}'" if key in ("title", "publisher", "author") else (text or "none")


def already_added(res: dict, fields: dict) -> ArticleAlreadyAdded | None:
    """The warning for a text added before (manifest entry ``res``) when the checked ``fields``
    given this time differ from the recorded details, else None (the same details: nothing to say)."""
    recorded = {key: res.get(key) for key in _DETAIL_NAMES if fields.get(key) != res.get(key)}
    if not recorded:
        return None
    ignored = {key: fields.get(key) for key in recorded}
    article_id = str(res.get("name"))
    added_on = str(res.get("retrieved") or "")
    kept = [f"{_DETAIL_NAMES[key]} {_shown_detail(key, value)} (you gave {_shown_detail(key, ignored[key])})"
            for key, value in recorded.items()]
    kept_text = kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " and " + kept[-1]
    message = (f"This text was already added as '{article_id}'" + (f" on {added_on}" if added_on else "")
               + f" with the title {_shown_detail('title', res.get('title'))}; the new details were not used. "
               f"It keeps its recorded {kept_text}, because saved work points at this article. If one of them "
               "is wrong, see 'Adding the same text again' in the instructor guide.")
    return ArticleAlreadyAdded(message, article_id, added_on, recorded, ignored)


def add_article(source: Any, *, title: str | None, publisher: str | None, url: str | None, date: Any,
                author: str | None = None, language: str = "en", translated: bool = False) -> str:
    """Add an article to the teacher folder and return its id (``city-council-votes-2026-12-06``).

    ``source``: a saved web page (``.html``/``.htm``, its text and metadata found with trafilatura),
    a text file (``.txt``, UTF-8, or UTF-16 with a byte-order mark), or the article's text itself
    (pasted; HTML is recognised too, a whole page or a piece of one: see :func:`looks_like_html`).
    The metadata is what the teacher confirms: ``title``, ``publisher`` (or site), ``url``,
    ``date`` published (``YYYY-MM-DD``, or with the month in words, or an ISO timestamp: see
    :func:`check_date`), ``author`` (``None``: "none given"), ``language`` (a code such as ``en``,
    ``fr``, ``de``) and ``translated``.

    The same text added again (the same words, whatever the spacing or the file) returns the id it
    already has and changes nothing: saved work points at that article, and its sentence ids
    depend on its recorded language and title. When the details given differ from the recorded
    ones they are not used, and an :class:`ArticleAlreadyAdded` warning says so plainly (which
    article, added when, which details it keeps); its attributes give the same as data.
    Raises :class:`ArticleError` (one plain sentence) on bad input.
    """
    text, how, found = _source_text(source)
    try:
        fields = _check_fields(title, publisher, url, date, author, language, translated)
    except ArticleError as exc:
        raise ArticleError(_with_found(str(exc), found)) from None
    text = normalise_text(text)
    if not any(ch.isalnum() for ch in text):
        raise ArticleError(f"The {how} has no words in it (no letters or digits).")
    folder = paths.teacher_articles_dir()
    with _locked(folder):
        doc = read_manifest(folder)
        same = _existing(doc, text)
        if same is None:
            article_id = _new_id(fields, _taken_ids(doc), folder, text)
            path = article_path(article_id, folder)
            store.atomic_write_text(path, text, mode=0o644)
            res = _resource(article_id, text, fields, how, _paragraph_roles(text, fields["title"]), path)
            doc["resources"].append(res)
            _write_manifest(doc, folder)
            return article_id
    notice = already_added(same, fields)
    if notice is not None:
        warnings.warn(notice, stacklevel=2)
    return str(same.get("name"))


def _with_found(message: str, found: dict) -> str:
    """Add what the web page says (when it says anything) to a message about a missing field."""
    hints = [f"{label} {found[key]!r}" for key, label in (("title", "title"), ("site", "site"),
                                                           ("url", "URL"), ("date", "date"), ("author", "author"))
             if found.get(key)]
    if not hints:
        return message
    return f"{message.rstrip('.')}; the page says: {', '.join(hints)}."


def teacher_article_ids() -> list[str]:
    """Ids of the articles in the teacher folder, in the order they were added."""
    return [str(r.get("name")) for r in read_manifest()["resources"]]


# ---------------------------------------------------------------------------- in a hand-in

def is_added(article_id: Any) -> bool:
    """True for the id of an article added to this folder (``ml.add_article``), not a course article."""
    # the teacher folder's manifest, without the ids of course articles (a course article always wins)
    return isinstance(article_id, str) and article_id in data._teacher_resources(strict=False)


def handin_entry(article_id: str) -> dict:
    """What a hand-in carries of the added article ``article_id``
    (:data:`medialit.schema.CARRIED_FIELDS` and :data:`~medialit.schema.CARRIED_OPTIONAL`), read through
    :func:`medialit.data.load_article`, so the text and the sentence rules are exactly the ones the
    learner's tools used. Raises :class:`medialit.data.DataError` when it cannot be loaded (changed,
    missing) and :class:`ArticleError` for a course article."""
    if not is_added(article_id):
        raise ArticleError(f"{article_id!r} is not an article added to this folder.")
    art = data.load_article(article_id)
    meta = art.meta
    return {
        "title": str(meta.get("title") or article_id),
        "publisher": str(meta.get("publisher") or ""),
        "url": str(meta.get("url") or ""),
        "date": str(meta.get("published") or ""),
        "author": str(meta.get("author") or ""),
        "language": str(meta.get("language") or "en"),
        "sentence_rules": data.sentence_rules_of(meta),
        "sha256": hashlib.sha256(art.text.encode("utf-8")).hexdigest(),
        "sentences_sha256": data.spans_hash(art.sentences),
        # the roles its sentences were given (title, heading...), read off the loaded sentences
        "paragraph_roles": {str(x.paragraph): x.role for x in art.sentences if x.role != "body"},
        "text": art.text,
    }


def carried_sentences(text: str, title: str, language: str, rules: int,
                      roles: dict | None = None) -> list[data.Sentence]:
    """The sentences of an added article's ``text`` as the learner's session split them: the same
    function (:func:`medialit.data.segment`), the article's recorded sentence ``rules``,
    ``language`` and paragraph ``roles`` (a hand-in made before roles were carried has none: then
    the roles :func:`add_article` gave then, the title only). Sentence ids depend on the text,
    language and rules only; roles decide which sentences are body."""
    if roles is None:
        roles = _title_roles(text, title)
    return data.segment(text, {int(k): v for k, v in roles.items()}, language=language, rules=rules)

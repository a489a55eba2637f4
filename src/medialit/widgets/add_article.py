"""AddArticle: bring a new article into the course from a notebook (``ml.AddArticle()``).

The teacher (or a self-study learner) pastes the text, or uploads a page saved from the browser
(``.html``/``.htm``) or a text file (``.txt``). The widget shows what it found: the start of the
text with its word and sentence counts and, for a web page, the title, site, author and date that
:func:`medialit.articles.extract_html` (trafilatura) found. Those go into fields the teacher checks
and corrects: title, publisher or site, URL, date published, author (or "no author given"),
language and whether the text is a translation. **Add article** calls :func:`medialit.add_article`
and shows the new article's id, or the id it already has when the same text was added before
(and, if other details were typed this time, that they were not used and which ones it keeps).

* Next to the language menu a hint (a status, read out by screen readers) says when the text does
  not look like the language chosen (:func:`medialit.own_article.text_looks_english`): a text that
  is not English but marked English would get English signals; an English text marked as another
  language gets none, and then a **Choose English** button sets the menu. The language cannot be
  changed once the article is added.

* The article goes to the teacher folder (``MEDIALIT_HOME/articles/``), never into ``data/``.
* What the page receives is escaped: article text, found metadata and error messages alike.
* Problems are said in plain words in the box (never a traceback); nothing is added until every
  required field is filled in.
* Every control is a standard ipywidget with a label: Tab moves between them, Enter or Space
  presses a button, the arrow keys choose in lists and radio buttons.
"""
from __future__ import annotations

import contextlib
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

import ipywidgets as w
import traitlets

from .base import KeyboardAssist, display_path, esc

#: Files the upload button accepts (the same suffixes :func:`medialit.add_article` reads).
ACCEPT = (".html", ".htm", ".txt")
#: Uploads larger than this are refused with a message (a long article as HTML is well under it).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: How much of the text the preview shows.
PREVIEW_CHARS = 1200
#: Languages offered, as (name shown, code). pysbd splits sentences in most of them; the course's
#: signals (``ml.cues``) work in English only and say so for any other language.
LANGUAGES = (
    ("English", "en"), ("French", "fr"), ("German", "de"), ("Spanish", "es"), ("Italian", "it"),
    ("Dutch", "nl"), ("Polish", "pl"), ("Russian", "ru"), ("Ukrainian", "uk"), ("Danish", "da"),
    ("Greek", "el"), ("Bulgarian", "bg"), ("Slovak", "sk"), ("Armenian", "hy"), ("Kazakh", "kk"),
    ("Arabic", "ar"), ("Persian", "fa"), ("Urdu", "ur"), ("Hindi", "hi"), ("Marathi", "mr"),
    ("Amharic", "am"), ("Burmese", "my"), ("Japanese", "ja"), ("Chinese", "zh"),
)
_FIELDS = ("title", "publisher", "url", "date", "author")
_FIELD_NAMES = {"title": "the title", "publisher": "the publisher or site", "url": "the URL",
                "date": "the date published", "author": "the author (or tick 'No author given')"}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_STYLE = {"description_width": "11em"}
_WIDE = w.Layout(width="min(100%, 640px)")


def _say_html(text: str, ok: bool) -> str:
    style = "" if ok else "font-weight:bold;border-left:4px solid #D55E00;padding-left:6px;"
    sign = "✔ " if ok else "⚠ "
    return f"<div class='medialit-status' role='status' aria-live='polite' style='{style}'>{esc(sign + text)}</div>"


def _plain(exc: BaseException) -> str:
    """One plain sentence about ``exc`` (its message, never a traceback)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if text.endswith((".", "!", "?")) else text + "."


def _safe_file_name(name: str) -> str:
    """The uploaded file's name reduced to safe characters, keeping an accepted suffix."""
    stem, suffix = Path(str(name)).stem, Path(str(name)).suffix.lower()
    stem = _SAFE_NAME.sub("-", stem).strip(".-")[:60] or "article"
    return stem + (suffix if suffix in ACCEPT else ".txt")


def _looks_like_html(text: str) -> bool:
    """True for a web page's source (pasted from "View page source") or a piece of one copied from a
    page or a CMS: the same test :func:`medialit.add_article` makes, so the preview shows what is added."""
    try:
        from ..articles import looks_like_html
    except ImportError:  # pragma: no cover - a build without medialit.articles: whole pages only
        return text.lstrip()[:20].lower().startswith(("<!doctype html", "<html"))
    return looks_like_html(text)


def _count(n: int, noun: str) -> str:
    """``n`` (with thousands separators) and ``noun`` in the form that agrees with it: "1 sentence",
    "2,500 sentences" (see :func:`medialit.display.plural`)."""
    from ..display import plural

    return f"{n:,} {plural(n, noun).split(' ', 1)[1]}"


def _upload_items(value: Any) -> list[dict]:
    """The files of a FileUpload value (ipywidgets 8: a tuple of dicts; older: a dict by name)."""
    if isinstance(value, dict):
        return [{"name": k, **v} for k, v in value.items()]
    return [dict(v) for v in (value or ())]


class AddArticle(w.VBox):
    """``ml.AddArticle()``: paste or upload an article, check its details, add it to the course.

    After a successful add, :attr:`article_id` holds the article's id (a trait: observe it, or
    read it in the next cell, e.g. ``ARTICLE = adder.article_id or ARTICLE``).
    """

    #: the id of the article added (or found already added) last; "" before that
    article_id = traitlets.Unicode("")

    def __init__(self):
        self.source_kind = ""   # "paste" or "file"
        self.file_name = ""
        self.file_bytes = b""
        self.text = ""          # the text the preview shows
        self.found: dict = {}   # what extract_html found (title, author, site, date)
        # the details filled in from the source on show (field -> value), and whether that source
        # has been added: a new source never inherits the details of the one before
        self._auto: dict[str, str] = {}
        self._added = False
        self._quiet = False
        self._origin = ""
        intro = w.HTML(
            "<h4 style='margin:4px 0'>Add your own article</h4>"
            "<p style='margin:2px 0'>Paste the article's text below, or upload a web page you saved from "
            "your browser (<b>File → Save Page As</b>, an .html file) or a .txt file. Then check the details "
            "and press <b>Add article</b>. Tab moves between the boxes; Enter or Space presses a button.</p>")
        self.paste = w.Textarea(description="Paste the text", placeholder="Paste the whole article here…",
                                continuous_update=False, description_allow_html=False, style=_STYLE,
                                layout=w.Layout(width="min(100%, 640px)", height="8em"))
        self.upload = w.FileUpload(accept=",".join(ACCEPT), multiple=False, description="Upload .html or .txt",
                                   tooltip="Choose a saved web page (.html, .htm) or a text file (.txt)",
                                   layout=w.Layout(width="auto"))
        self.preview = w.HTML("<p style='margin:2px 0'>Nothing to add yet: paste a text or upload a file.</p>")
        self.title = w.Text(description="Title", **self._text_opts("the article's headline"))
        self.publisher = w.Text(description="Publisher or site", **self._text_opts("e.g. the newspaper or web site"))
        self.url = w.Text(description="URL", **self._text_opts("https://… (where the article was published)"))
        self.date = w.Text(description="Date published",
                           **self._text_opts("YYYY-MM-DD (2026-12-06) or with the month in words (6 December 2026)"))
        self.author = w.Text(description="Author", **self._text_opts("the name in the byline"))
        self.no_author = w.Checkbox(value=False, description="No author given (no byline)", indent=False,
                                    description_allow_html=False)
        self.language = w.Dropdown(options=list(LANGUAGES), value="en", description="Language",
                                   description_allow_html=False, style=_STYLE)
        # next to the menu: a hint when the text does not look like the language chosen (announced
        # as a status), and, when an English text has another language, a button that chooses English
        self.language_hint = w.HTML("", layout=w.Layout(margin="0 0 0 8px", max_width="460px"))
        self.use_english = w.Button(description="Choose English", icon="check",
                                    tooltip="The text is in English: choose English as its language",
                                    layout=w.Layout(width="auto", display="none"))
        self.use_english.on_click(lambda _b: setattr(self.language, "value", "en"))
        # toggle buttons, not radio buttons: radio groups of several widgets on one page can share a
        # name in the browser (keyboard_assist.js numbers them per widget), and then un-check each other
        self.translated = w.ToggleButtons(options=[("no", False), ("yes", True)], value=False,
                                          description="A translation?", description_allow_html=False,
                                          tooltips=["The text is in its original language",
                                                    "Someone translated it from another language"],
                                          style={**_STYLE, "button_width": "5em"})
        self.add_button = w.Button(description="Add article", icon="plus", button_style="primary",
                                   tooltip="Add this article to your course folder")
        self.message = w.HTML()
        self.paste.observe(self._pasted, "value")
        self.upload.observe(self._uploaded, "value")
        self.no_author.observe(self._no_author_changed, "value")
        self.language.observe(self._language_changed, "value")
        self.add_button.on_click(lambda _b: self.add())
        details = w.HTML("<p style='margin:6px 0 2px'><b>Check the details</b> (found on the page where "
                         "possible: correct anything that is wrong).</p>")
        super().__init__(children=[
            intro, self.paste, w.HBox([w.HTML("<span style='margin-right:8px'>or</span>"), self.upload]),
            self.preview, details, self.title, self.publisher, self.url, self.date,
            w.HBox([self.author, self.no_author], layout=w.Layout(flex_flow="row wrap")),
            w.HBox([self.language, self.language_hint, self.use_english],
                   layout=w.Layout(flex_flow="row wrap", align_items="center")),
            self.translated, self.add_button, self.message, KeyboardAssist()])
        self.add_class("medialit-widget")
        self.add_class("medialit-add-article")

    @staticmethod
    def _text_opts(placeholder: str) -> dict:
        return {"placeholder": placeholder, "continuous_update": False, "description_allow_html": False,
                "style": _STYLE, "layout": _WIDE}

    # ------------------------------------------------------------------ messages
    def _say(self, text: str, ok: bool) -> None:
        self.message.value = _say_html(text, ok)

    def _no_author_changed(self, change) -> None:
        self.author.disabled = bool(change["new"])

    def _language_changed(self, _change) -> None:
        if self.text and self._origin:  # sentences are split by the rules of the chosen language
            self._show_preview(self._origin)
        else:
            self._check_language()

    def _check_language(self) -> None:
        """Say, next to the language menu, when the text does not look like the language chosen
        (:func:`medialit.own_article.text_looks_english`): an article that is not in English but
        marked English gets English signals and guesses, and one in English marked as another
        language gets none, and the language cannot be changed once the article is added."""
        hint, english_button = "", False
        if self.text.strip():
            try:
                from ..own_article import text_looks_english

                english = text_looks_english(self.text)
            except Exception:  # noqa: BLE001 - a hint must never stop the box
                english = None
            chosen = str(self.language.value or "")
            name = dict((code, label) for label, code in LANGUAGES).get(chosen, chosen)
            if chosen.startswith("en") and english is False:
                hint = "This text does not look like English. Choose its language so the signals are not applied to it."
            elif not chosen.startswith("en") and english is True:
                hint = (f"This text looks like English, but the language chosen is {name}: the signals are switched "
                        "off for it. If it is in English, choose English.")
                english_button = True
        self.language_hint.value = (f"<div class='medialit-language-hint' role='status' aria-live='polite' "
                                    f"style='border-left:4px solid #E69F00;padding-left:6px'>{esc('ℹ ' + hint)}</div>"
                                    if hint else "")
        self.use_english.layout.display = None if english_button else "none"

    # ------------------------------------------------------------------ the source
    def _pasted(self, change) -> None:
        if self._quiet:
            return
        text = change["new"] or ""
        if not text.strip():
            if self.source_kind == "paste":
                self._clear_source()
            return
        self.source_kind, self.file_name, self.file_bytes, self.found = "paste", "", b"", {}
        self._clear_upload()
        self.message.value = ""
        self._forget_details()
        if _looks_like_html(text):  # a page's source pasted: read it as a web page
            self._extract(text, "the pasted web page")
            self.source_kind = "paste" if self.text else ""
            return
        self.text = text
        self._show_preview("pasted text")
        self._guess_title(text)

    def _uploaded(self, change) -> None:
        if self._quiet:
            return
        items = _upload_items(change["new"])
        if not items:
            return
        name = str(items[0].get("name", "upload.txt"))
        with self._busy(f"Reading {name}…"):
            self.load_file(name, bytes(items[0].get("content", b"")))

    def load_file(self, name: str, raw: bytes) -> bool:
        """Read an uploaded file (what the upload button does). Returns True when it could be read.

        A file that cannot be read changes nothing but the message: the text in the paste box (or the
        file read before) stays what **Add article** adds, as the preview still shows."""
        suffix = Path(str(name)).suffix.lower()
        if suffix not in ACCEPT:
            return self._refuse_upload(f"{name} is not a saved web page or a text file: upload an .html, .htm or "
                                       ".txt file.")
        if len(raw) > MAX_UPLOAD_BYTES:
            return self._refuse_upload(f"{name} is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; save the "
                                       "page again without pictures, or paste the text instead.")
        from ..articles import ArticleError, decode_text

        try:  # the same checks as a file added with ml.add_article (empty, binary, not UTF-8 or UTF-16/32)
            text = decode_text(raw, f"The file {name}")
        except ArticleError as exc:
            return self._refuse_upload(str(exc))
        origin = f"the file {name}" if suffix == ".txt" else f"the web page {name}"
        found: dict = {}
        if suffix != ".txt":
            with tempfile.TemporaryDirectory(prefix="medialit-page-") as tmp:
                path = Path(tmp) / _safe_file_name(name)  # messages then name the teacher's file
                path.write_bytes(raw)
                problem, found = self._read_page(path, origin)
            if problem:
                return self._refuse_upload(problem)
            text = found.pop("text", "")
        # the file is read: it becomes the source, and the paste box is emptied
        self.message.value = ""
        self._forget_details()
        self.source_kind, self.file_name, self.file_bytes, self.found, self.text = "file", str(name), bytes(raw), \
            found, text
        self._quiet = True
        try:
            self.paste.value = ""
        finally:
            self._quiet = False
        self._show_preview(origin)
        if suffix == ".txt":
            self._guess_title(text)
        else:
            self._fill_found()
        return True

    @staticmethod
    def _read_page(source: Path | str, origin: str) -> tuple[str, dict]:
        """("", what :func:`medialit.articles.extract_html` found, text included) for a web page (a file,
        or its source pasted), or (a plain sentence saying why it cannot be read, {})."""
        try:
            from ..articles import extract_html

            found = extract_html(source)
        except ImportError:
            return ("This version of medialit cannot read web pages (medialit.articles is missing); paste the "
                    "text instead."), {}
        except Exception as exc:  # noqa: BLE001 - any failure is said in plain words
            return _plain(exc), {}
        found = {k: str(v).strip() for k, v in dict(found or {}).items() if v and k != "words"}
        if not found.get("text", "").strip():
            return (f"No article text was found in {origin}. Save the page again once the whole article shows "
                    "in your browser, or paste the text."), {}
        return "", found

    def _extract(self, source: Path | str, origin: str) -> bool:
        """Read a web page's source pasted in the box (see :meth:`_read_page`)."""
        problem, found = self._read_page(source, origin)
        if problem:
            return self._refuse(problem)
        self.text = found.pop("text")
        self.found = found
        self._show_preview(origin)
        self._fill_found()
        return True

    def _refuse(self, text: str) -> bool:
        self._clear_source()
        self._say(text, ok=False)
        return False

    def _refuse_upload(self, text: str) -> bool:
        """Say why an uploaded file cannot be used, and keep what was there before it (the pasted text,
        or a file read earlier): the preview still shows it, so it must still be what is added."""
        self._clear_upload()
        if self.source_kind == "paste" and self.text.strip():
            text += " Your pasted text is kept: it is still the article that will be added."
        elif self.source_kind == "file" and self.text.strip():
            text += (f" The file {self.file_name} you uploaded before is kept: it is still the article that "
                     "will be added.")
        self._say(text, ok=False)
        return False

    def _clear_upload(self) -> None:
        self._quiet = True
        try:
            self.upload.value = ()
        except traitlets.TraitError:  # pragma: no cover - very old ipywidgets
            pass
        finally:
            self._quiet = False

    def _clear_source(self) -> None:
        self.source_kind, self.file_name, self.file_bytes, self.text, self.found = "", "", b"", "", {}
        self._clear_upload()
        self.preview.value = "<p style='margin:2px 0'>Nothing to add yet: paste a text or upload a file.</p>"
        self._check_language()

    # ------------------------------------------------------------------ what was found
    def _show_preview(self, origin: str) -> None:
        from ..data import segment

        self._origin = origin
        text = self.text
        n_words = len(text.split())
        try:
            n_sentences = len(segment(text, language=self.language.value))
        except Exception:  # noqa: BLE001 - the preview must not fail on odd text
            n_sentences = 0
        head = text.strip()[:PREVIEW_CHARS]
        more = len(text.strip()) - len(head)
        rest = f"<p style='margin:2px 0'>… and {more:,} more characters.</p>" if more > 0 else ""
        found = ""
        if self.found:
            names = {"title": "title", "site": "site", "author": "author", "date": "date"}
            parts = [f"{label}: <b>{esc(self.found[k])}</b>" for k, label in names.items() if self.found.get(k)]
            missing = [label for k, label in names.items() if not self.found.get(k)]
            found = ("<p style='margin:2px 0'>Found on the page: " + ("; ".join(parts) or "nothing")
                     + (f". Not found: {esc(', '.join(missing))}." if missing else ".") + "</p>")
        self.preview.value = (
            f"<p style='margin:2px 0'><b>From {esc(origin)}</b>: {_count(n_words, 'word')}, about "
            f"{_count(n_sentences, 'sentence')}. The start of the text:</p>"
            "<div class='medialit-add-preview' tabindex='0' aria-label='Start of the text' "
            "style='white-space:pre-wrap;max-height:12em;overflow:auto;border:1px solid #ccc;padding:4px;"
            f"max-width:640px'>{esc(head)}</div>{rest}{found}")
        self._check_language()

    def _forget_details(self) -> None:
        """A new text becomes the source: the details of the text before must not stay with it. After
        an add every detail is cleared; before one, the details filled in from the text before are
        cleared and the ones typed by hand are kept (and the message asks to check them)."""
        boxes = {"title": self.title, "publisher": self.publisher, "url": self.url, "date": self.date,
                 "author": self.author}
        if self._added:
            for box in boxes.values():
                box.value = ""
            self.no_author.value = False
            self.translated.value = False
        else:
            for name, value in self._auto.items():
                if boxes[name].value == value:
                    boxes[name].value = ""
            if self.text and any(box.value.strip() for box in boxes.values()):
                self._say("The details below were typed for the text before: check each one for this text.",
                          ok=True)
        self._auto, self._added = {}, False

    def _fill_found(self) -> None:
        """Put what the page gave into the fields (the teacher corrects them)."""
        mapping = {"title": self.title, "site": self.publisher, "author": self.author, "date": self.date}
        names = {"title": "title", "site": "publisher", "author": "author", "date": "date"}
        for key, box in mapping.items():
            value = self.found.get(key, "")
            if value:
                box.value = value[:500]
                self._auto[names[key]] = box.value
        url = self.found.get("url", "")
        if url.startswith(("http://", "https://")):
            self.url.value = url[:2000]
            self._auto["url"] = self.url.value
        if self.found.get("language") in dict((code, name) for name, code in LANGUAGES):
            self.language.value = self.found["language"]
        if self.found.get("author"):
            self.no_author.value = False

    def _guess_title(self, text: str) -> None:
        """A pasted text's first line is usually its headline: offer it when the title is empty."""
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if first and not self.title.value.strip() and len(first) <= 200:
            self.title.value = first
            self._auto["title"] = first

    # ------------------------------------------------------------------ adding
    def missing_fields(self) -> list[str]:
        """The required details not filled in yet, in words ("the title", "the URL"...)."""
        out = []
        for name in _FIELDS:
            if name == "author" and self.no_author.value:
                continue
            if not getattr(self, name).value.strip():
                out.append(_FIELD_NAMES[name])
        return out

    @contextlib.contextmanager
    def _busy(self, text: str):
        """Say what is being done while it is done (a large page can take half a minute), with the
        buttons off so nothing is pressed twice; the message is replaced by the result."""
        self.message.value = (f"<div class='medialit-status' role='status' aria-live='polite'>"
                              f"{esc('⏳ ' + text + ' This can take up to a minute for a long page.')}</div>")
        self.add_button.disabled = self.upload.disabled = True
        try:
            yield
        finally:
            self.add_button.disabled = self.upload.disabled = False

    def add(self) -> str:
        """Add the article (what the button does). Returns its id, or "" when it was not added."""
        with self._busy("Adding the article…"):
            return self._add()

    def _add(self) -> str:
        if not self.source_kind or not self.text.strip():
            self._say("Paste the article's text or upload a saved page first.", ok=False)
            return ""
        missing = self.missing_fields()
        if missing:
            self._say("Still to fill in: " + ", ".join(missing) + ".", ok=False)
            return ""
        try:
            from .. import data
            from ..articles import ArticleAlreadyAdded, add_article, teacher_article_ids

            before = set(teacher_article_ids())
            with tempfile.TemporaryDirectory(prefix="medialit-add-") as tmp, \
                    warnings.catch_warnings(record=True) as said:
                warnings.simplefilter("always", ArticleAlreadyAdded)
                new_id = add_article(
                    self._source(Path(tmp)), title=self.title.value.strip(), publisher=self.publisher.value.strip(),
                    url=self.url.value.strip(), date=self.date.value.strip(),
                    author=None if self.no_author.value else self.author.value.strip(),
                    language=self.language.value, translated=bool(self.translated.value))
            notice = next((str(x.message) for x in said if issubclass(x.category, ArticleAlreadyAdded)), "")
            for other in said:  # any other warning is shown as usual
                if not issubclass(other.category, ArticleAlreadyAdded):
                    warnings.showwarning(other.message, other.category, other.filename, other.lineno)
            article = data.load_article(new_id)
        except ImportError:
            self._say("This version of medialit cannot add articles (medialit.articles is missing).", ok=False)
            return ""
        except Exception as exc:  # noqa: BLE001 - every problem is said in plain words, never a traceback
            self._say(f"The article was not added: {_plain(exc)}", ok=False)
            return ""
        self.article_id = new_id
        self._added = True  # the next text pasted or uploaded starts with empty details
        if notice:  # the same text, added before with other details: those are kept, and that is said
            self._say(f"{notice} Choose it in the list of articles (in code, its id is \"{new_id}\").", ok=False)
        else:
            self._say(self._added_text(article, already=new_id in before), ok=True)
        return new_id

    def _source(self, folder: Path) -> Path | str:
        """What :func:`medialit.add_article` gets: the uploaded file as it was (copied to ``folder``
        under a safe name), or the pasted text. The pasted text always ends with a line break, so it is
        never taken for a file name (the stored text is the same: line ends are tidied anyway)."""
        if self.source_kind == "file":
            path = folder / _safe_file_name(self.file_name)
            path.write_bytes(self.file_bytes)
            return path
        return self.paste.value + "\n"

    @staticmethod
    def _added_text(article, already: bool) -> str:
        n = len(article.sentences)
        span = f"{article.sentences[0].id} to {article.sentences[-1].id}" if n > 1 else \
            (article.sentences[0].id if n else "none")
        where = ""
        try:
            from .. import paths

            where = f" It is kept in {display_path(paths.teacher_articles_dir())}."
        except (ImportError, AttributeError, OSError):
            pass
        if already:
            return (f"This article is already in the course as {article.id} (same text), so nothing new was added. "
                    f"Choose it in the list of articles (in code, its id is \"{article.id}\").{where}")
        return (f"Added as {article.id}: {_count(n, 'sentence')} ({span}). It is now in the list of articles, "
                f"chosen for the tools below it (in code, its id is \"{article.id}\").{where}")

    def __repr__(self) -> str:
        return "AddArticle()"

"""The class dashboard as a web app: what ``make dashboard CLASS=...`` (Voila) and notebook 90 show.

:func:`dashboard` builds the widgets; everything it shows comes from small functions that can be
used (and are tested) on their own:

* :func:`open_class`: load a folder and never raise for a wrong, missing or empty folder; the
  problem is a plain sentence (:attr:`Opened.problem`) and the class is then empty.
* :func:`read_roster` / :func:`class_list`: an optional class list (``roster.txt`` or
  ``roster.csv`` in the class folder, or the file named by ``MEDIALIT_ROSTER``), so a learner
  whose file could not be read shows as "missing", with the reason from the load report.
* :func:`activity_options` / :func:`activity_view`: which article and activity (a lesson or an
  exercise) the label plot shows.
* :func:`learner_options` / :func:`learner_view`: one learner's labels, phrase marks, ledger rows,
  checklist, check answers and free text, every piece of their text escaped.
* :func:`csv_text` / :func:`downloads_html`: CSV download links (``data:`` URIs, nothing written
  on the server); :func:`save_tables` writes the same files only when the teacher asks for it and
  an export folder is named (``MEDIALIT_EXPORT``, ``make dashboard EXPORT=...``).

Every message is plain words; every piece of learners' text and every file name is escaped
before it is shown as HTML.
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from ..display import SafeHTML, esc, plural, showable
from .loading import ClassData, load_class
from .report import FILE_SKIPPED
from .downloads import (MAX_DOWNLOAD_BYTES, csv_text, describe_downloads, download_link,  # noqa: F401 (re-exported)
                        downloads_html, export_target, save_tables, standard_tables)
from .roster import (HANDED_IN, MISSING, NOT_LISTED, ROSTER_NAMES, RosterError, class_list,  # noqa: F401
                     describe_class_list, parse_roster, parse_roster_lines, read_roster, roster_path)
from .views import html_table

ALL_ACTIVITIES = None

_BOX = ("padding:0.6em 0.9em;margin:0.4em 0;border-left:6px solid {c};background:#f7f7f7;"
        "color:#000;max-width:60em")


def _count(value: Any, singular: str, plural_form: str) -> str:
    """A count with the right form of its noun ("1 activity", "3 activities"); a value that is
    not a whole number is shown as it is, followed by the plural."""
    try:
        return plural(value, singular, plural_form)
    except (TypeError, ValueError):
        return f"{value} {plural_form}"


def message_html(text: str, problem: bool = False) -> str:
    """A message box: the word "Problem:" or "Note:" (never colour alone) and the text, escaped."""
    word, colour, role = ("Problem", "#D55E00", "alert") if problem else ("Note", "#0072B2", "status")
    return (f"<div class='medialit-message' role='{role}' style='{_BOX.format(c=colour)}'>"
            f"<strong>{word}:</strong> {esc(text)}</div>")


# ---------------------------------------------------------------- the class folder


class Opened(NamedTuple):
    """A loaded class: ``folder`` (None if none could be named), ``cls`` (empty when it could not
    be read) and ``problem`` (a plain sentence, "" when the class loaded)."""

    folder: Path | None
    cls: ClassData
    problem: str


def empty_class(folder: str | os.PathLike | None = None) -> ClassData:
    """A class with no learners and the same (empty) tables :func:`load_class` returns."""
    import pandas as pd

    from .. import schema
    from .loading import LEARNER_COLUMNS, _Rows
    from .report import CappedReport

    return ClassData(folder=Path(folder or "."), learners=pd.DataFrame(columns=LEARNER_COLUMNS),
                     **_Rows(CappedReport(), schema.LIMITS, {}).frames(), report=CappedReport().frame())


def _named_folder(folder) -> tuple[Path | None, str]:
    """The folder to read and a problem sentence ("" if none)."""
    from . import class_folder

    if folder is not None:
        text = str(folder).strip()
        return (Path(text).expanduser(), "") if text else (None, "No class folder was named.")
    try:
        return Path(class_folder()), ""
    except FileNotFoundError as exc:
        return Path(os.environ.get("MEDIALIT_CLASS", "").strip()).expanduser(), str(exc)
    except Exception as exc:  # noqa: BLE001 - the demo class failing its checks: say so, do not crash
        return None, f"The synthetic demo class could not be opened: {exc}"


def open_class(folder: str | os.PathLike | None = None, *, recursive: bool = True) -> Opened:
    """Load ``folder`` (default: ``MEDIALIT_CLASS``, else the demo class) with every defence of
    :func:`load_class`. A wrong, missing, unreadable or empty folder never raises: the class is
    empty and :attr:`Opened.problem` says what is wrong and what to do."""
    path, problem = _named_folder(folder)
    shown = "" if path is None else str(path)
    if not problem and path is not None and not path.exists():
        problem = (f"There is no folder {shown!r}. Check the spelling, or put the learners' submission files "
                   "in one folder and name that one (make dashboard CLASS=/path/to/the/folder).")
    elif not problem and path is not None and not path.is_dir():
        problem = (f"{shown!r} is a file, not a folder. Name the folder that holds the learners' "
                   "submission files.")
    if problem:
        return Opened(path, empty_class(path), problem)
    try:
        cls = load_class(path, recursive=recursive)
    except OSError as exc:  # the folder itself cannot be listed (PermissionError from the loader)
        return Opened(path, empty_class(path), f"{exc}" if isinstance(exc, PermissionError)
                      else f"The folder {shown!r} cannot be read ({exc.strerror or exc}).")
    if len(cls.learners):
        return Opened(path, cls, "")
    skipped = int((cls.report["level"] == FILE_SKIPPED).sum()) if len(cls.report) else 0
    if skipped:
        why = (f"None of the {skipped} submission files in {shown!r} could be read; the table "
               "'What could not be read' says why for each file.")
    else:
        why = (f"The folder {shown!r} holds no submission files (.json) yet. Learners make one with "
               "ml.export_submission(); put the files in this folder and open the dashboard again.")
    return Opened(path, cls, why)


# ---------------------------------------------------------------- article and activity picker


def activity_name(activity: str) -> str:
    """``"02-ex1:labels:linternaute_mt_2024"`` -> ``"exercise 02-ex1"``, ``"02:labels:..."`` ->
    ``"lesson 02"``; ``"labels:<article>"`` (no lesson part, as release 0.1 saved) -> ``"no lesson
    named"``."""
    parts = str(activity).split(":")
    if len(parts) >= 3:
        return f"exercise {parts[0]}" if "-ex" in parts[0] else f"lesson {parts[0]}"
    return "no lesson named" if len(parts) == 2 else f"activity {activity}"


def activity_options(cls: ClassData) -> list[tuple[str, tuple[str, str | None]]]:
    """Dropdown options ``(text, (article, activity))`` for every article and activity learners
    labelled: each activity on its own (a lesson and an exercise on the same article are kept
    apart), then the article over all activities (``activity`` None: each learner's newest label).
    Two activities whose short names are the same (``02:labels:x`` and ``02:labels-b:x`` are both
    "lesson 02") are told apart by their activity ids. "All activities" joins only activities with
    the same label set as the chart draws (the key's, else the commonest: see
    :func:`.agreement.current_labels`), and counts the learners in that label set: lesson 00's
    practice labels are never drawn with lesson 02's five labels. A learner's own article (lesson
    04, carried in their file) is offered the same way, with "learner's own article" in its text."""
    import collections

    from .agreement import _default_label_set

    df = cls.labels
    if df.empty:
        return []
    opts = []
    per = df.drop_duplicates(["article", "activity", "learner"]).groupby(["article", "activity"]).size()
    names = {key: activity_name(key[1]) for key in per.index}
    clash = collections.Counter((article, name) for (article, _), name in names.items())
    for (article, activity), n in per.items():
        name = names[(article, activity)]
        if clash[(article, name)] > 1:
            name = f"{name} [{activity}]"
        opts.append((f"{article}{_own(cls, article)} · {name} ({_learners(n)})", (article, activity)))
    for article, rows in df.groupby("article", sort=True):
        same = rows[rows["label_set"] == _default_label_set(rows)]
        if same["activity"].nunique() > 1:
            opts.append((f"{article}{_own(cls, article)} · all activities, newest label "
                         f"({_learners(same['learner'].nunique())})", (article, ALL_ACTIVITIES)))
    return sorted(opts, key=lambda o: (o[1][0], o[1][1] is None, _activity_order(o[1][1])))


def _own(cls: ClassData, article: str) -> str:
    """" (learner's own article)" for an article a learner's file carried (lesson 04), else ""."""
    return " (learner's own article)" if cls.is_own_article(article) else ""


def _key_for(cls: ClassData, article: str, key: dict | None) -> dict | None:
    """``key``, unless ``article`` is a learner's own article the key has no entries for (there is
    no key to compare it with, so none is drawn or listed)."""
    if key and cls.is_own_article(article) and article not in (key.get("articles") or {}):
        return None
    return key


def _learners(n: int) -> str:
    return f"{n} learner{'s' if n != 1 else ''}"


def _activity_order(activity: str | None) -> tuple:
    name = activity_name(activity) if activity else ""
    return (name.startswith("exercise"), name)


def activity_class(cls: ClassData, article: str, activity: str | None) -> ClassData:
    """``cls`` with only the labels of ``article`` in ``activity`` (all activities if None)."""
    keep = cls.labels["article"] == article
    if activity is not None:
        keep &= cls.labels["activity"] == activity
    return dataclasses.replace(cls, labels=cls.labels[keep].reset_index(drop=True), _tidy=None)


def activity_view(cls: ClassData, choice: tuple[str, str | None] | None, key: dict | None = None) -> SafeHTML:
    """The label plot (with its summary under it) for one ``(article, activity)`` choice. The key
    is drawn only over labels from its own label set: an activity with other labels (lesson 00's
    practice labels) is drawn without it, and the summary says why."""
    from .agreement import _default_label_set, label_counts
    from .key import key_labels
    from .plots import describe_distribution, figure_html, plot_label_distribution

    if not choice:
        return SafeHTML(message_html("No learner has labelled any sentence yet."), "No labels yet.")
    article, activity = choice
    sub = activity_class(cls, article, activity)
    if sub.labels.empty:
        return SafeHTML(message_html("No learner has labelled any sentence here yet."), "No labels yet.")
    own_note = ""
    if _key_for(cls, article, key) is None and key:
        key, own_note = None, (" This is a learner's own article (lesson 04), handed in with their work: there is "
                               "no key for it, so none is drawn.")
    label_set = _default_label_set(sub.labels)
    own = key if key and key.get("label_set", label_set) == label_set else None
    counts = label_counts(sub, article, label_set=label_set, labels=key_labels(own) if own else None)
    where = article if activity is None else f"{article}, {activity_name(activity)}"
    fig = plot_label_distribution(counts, f"Labels per sentence: {where}", key=own)
    summary = describe_distribution(counts, article) + own_note
    if key and not own:
        summary += (f" These labels come from the label set {label_set!r}, not the key's "
                    f"({key.get('label_set')!r}), so the key is not drawn.")
    return SafeHTML(figure_html(fig, summary), summary)


# ---------------------------------------------------------------- one learner's work


def learner_options(cls: ClassData, roster_table=None) -> list[tuple[str, str]]:
    """Dropdown options ``(text, learner id)``: learners who handed in, then missing ones."""
    opts = [(str(lr), str(lr)) for lr in sorted(cls.learners["learner"], key=str.casefold)]
    if roster_table is not None and len(roster_table):
        miss = roster_table[roster_table["status"] == MISSING]["learner"]
        opts += [(f"{lr} (missing)", str(lr)) for lr in miss]
    return opts


def _check_result(value) -> str:
    if value is True:
        return "right"
    if value is False:
        return "not right"
    return "not marked"


def readable_answer(answer: Any) -> str:
    """A check answer as a teacher reads it: a form's answer saved as JSON
    (``{"according_to": "the ministry", "how_big": "none"}``) becomes
    "according to: the ministry · how big: none"; a list becomes its items joined by " · "; any
    other text is kept as it is."""
    text = "" if answer is None else str(answer)
    if not text.startswith(("{", "[")):
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, dict):
        return " · ".join(f"{str(k).replace('_', ' ')}: {_flat(v)}" for k, v in value.items())
    if isinstance(value, list):
        return " · ".join(_flat(v) for v in value)
    return text


def _flat(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{str(k).replace('_', ' ')} {_flat(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _labels_table(df, key: dict | None, cls: ClassData | None = None):
    from .key import key_table
    from .loading import sentence_texts

    texts = sentence_texts(df["article"].unique(), cls)
    out = df.assign(text=[texts.get((a, s), "") for a, s in zip(df["article"], df["sentence"], strict=True)])
    cols = ["sentence", "text", "label", "confidence", "note"]
    if key and (out["label_set"] == key.get("label_set")).any():
        # the key's label only next to labels from the key's label set (not lesson 00's practice set)
        kt = key_table(key).set_index(["article", "sentence"])["label"]
        out["key"] = [kt.get((a, s), "") if ls == key.get("label_set") else ""
                      for a, s, ls in zip(out["article"], out["sentence"], out["label_set"], strict=True)]
        cols.insert(3, "key")
    return out, cols


def _own_articles_html(cls: ClassData, learner: str) -> SafeHTML | None:
    """The learner's own articles their file carried (lesson 04): id, title, publisher, author, date, URL,
    every piece escaped and the URL linked only when it starts with http:// or https://; None when
    they carried none."""
    from ..display import html_table as linked_table

    oa = cls.own_articles
    if oa is None or not len(oa):
        return None
    mine = oa[oa["learner"] == learner]
    if mine.empty:
        return None
    table = mine.assign(link=mine["url"])[["article", "title", "publisher", "author", "date", "url", "link",
                                           "sentences"]]
    return linked_table(table, link=("url", "link"), max_rows=50, caption="Their own articles (lesson 04)",
                        names={"url": "URL"})


def _learner_sections(cls: ClassData, learner: str, key: dict | None) -> list[tuple[str, Any, list | None]]:
    from .views import free_answers, free_text

    mine = {name: df[df["learner"] == learner] for name, df in
            (("labels", cls.labels), ("marks", cls.marks), ("provenance", cls.provenance),
             ("claims", cls.claims), ("checks", cls.checks))}
    sections = []
    own = _own_articles_html(cls, learner)
    if own is not None:
        sections.append(("Their own articles (lesson 04)", own, None))
    for (article, activity), df in mine["labels"].groupby(["article", "activity"], sort=True):
        table, cols = _labels_table(df, _key_for(cls, article, key), cls)
        sections.append((f"Labels: {article}{_own(cls, article)}, {activity_name(activity)}", table, cols))
    sections.append(("Phrase marks", mine["marks"], ["article", "text", "category", "note"]))
    claim_cols = [c for c in cls.claims.columns if c not in ("learner", "activity", "updated")]
    sections.append(("Claim ledger rows", mine["claims"], claim_cols))
    sections.append(("Checklist answers", mine["provenance"], ["article", "question", "answer", "evidence"]))
    chains = getattr(cls, "chains", None)
    if chains is not None and len(chains):
        sections.append(("Republication chains (their order)", chains[chains["learner"] == learner],
                         ["article", "position", "step"]))
    checks_sc = getattr(cls, "skillchecks", None)
    if checks_sc is not None and len(checks_sc):
        sc = checks_sc[checks_sc["learner"] == learner]
        sc = sc.assign(answered=[len(json.loads(a or "{}")) for a in sc["answers"]])
        sections.append(("Skills check (the written answer is under 'Everything written')", sc,
                         ["phase", "form", "answered", "finished", "finished_at"]))
    written = set(free_answers(cls, learner=learner)["question"])  # never marked right or wrong
    checks = mine["checks"].drop_duplicates("question", keep="last")
    checks = checks[~checks["question"].isin(written)]
    checks = checks.assign(result=checks["correct"].map(_check_result), answer=checks["answer"].map(readable_answer))
    sections.append(("Check questions", checks, ["question", "answer", "result"]))
    sections.append(("Everything written in their own words", free_text(cls, learner=learner), None))
    return sections


def learner_view(cls: ClassData, learner: str | None, key: dict | None = None, roster_table=None) -> SafeHTML:
    """One learner's work as escaped tables: the articles of their own their file carried (lesson 04:
    title, publisher, date, URL), labels (with the sentence and the key's label; no key for their
    own articles), phrase marks, ledger rows, checklist, check answers and free text; for a learner
    on the class list with no readable file, the reason."""
    if not learner:
        return SafeHTML(message_html("Choose a learner."), "Choose a learner.")
    row = cls.learners[cls.learners["learner"] == learner]
    if row.empty:
        why = ""
        if roster_table is not None and len(roster_table):
            hit = roster_table[(roster_table["learner"] == learner) & (roster_table["status"] == MISSING)]
            why = str(hit["reason"].iloc[0]) if len(hit) else ""
        text = f"No readable submission from {learner}." + (f" {why}" if why else "")
        return SafeHTML(message_html(text, problem=True), text)
    r = row.iloc[0]
    parts = [f"<h4>{esc(learner)}</h4><p>File: {esc(r['file'])} · exported {esc(r['exported']) or 'at an unknown time'}"
             f" · {esc(_count(r['activities'], 'activity', 'activities'))}</p>"]
    plain = [f"{learner}: {r['file']}"]
    for title, df, cols in _learner_sections(cls, learner, key):
        if isinstance(df, SafeHTML):  # built already (the learner's own articles, with their links)
            parts.append(df.markup)
            plain.append(df.text)
            continue
        if df.empty:
            parts.append(f"<p><strong>{esc(title)}</strong>: none.</p>")
            continue
        parts.append(html_table(df if cols is None else df[cols], max_rows=300, caption=title).markup)
        plain.append(f"{title}: {len(df)}")
    problems = cls.report[cls.report["learner"] == learner] if len(cls.report) else cls.report
    if len(problems):
        parts.append(html_table(problems[["file", "level", "activity", "reason"]], caption="What could not be read").markup)
    return SafeHTML(showable("".join(parts)), "\n".join(plain))


# ---------------------------------------------------------------- the widget tree


class Dashboard:
    """The dashboard's widgets over one loaded class. Parts, each a widget a notebook cell can
    show: :attr:`status` (folder message, class list), :attr:`activities` (article and activity
    picker with the label plot), :attr:`learners` (learner picker with their work),
    :meth:`downloads` (CSV links and, with an export folder, a save button). The whole tree is
    :attr:`widget`, which is also what the object displays as."""

    def __init__(self, opened: Opened, key: dict | None, key_problem: str = "",
                 roster: str | os.PathLike | None = None, export: str | os.PathLike | None = None):
        self.folder, self.cls, self.problem = opened.folder, opened.cls, opened.problem
        self.key, self.key_problem = key, key_problem
        self.export = Path(export).expanduser() if export else None
        self.roster_file, self.roster_problem, ids = self._roster(roster)
        self.class_table = class_list(self.cls, ids)
        self.has_roster = ids is not None
        self._status = self._activities = self._learners = self._downloads = None

    def _roster(self, roster):
        path = Path(roster).expanduser() if roster else roster_path(self.folder)
        if path is None:
            return None, "", None
        root = self.folder if self.folder is not None and path.parent == self.folder else None
        bad: list = []
        try:
            ids = read_roster(path, root, bad)
        except RosterError as exc:
            return path, str(exc), None
        if not bad:
            return path, "", ids
        from .files import show_name

        more = f"; and {len(bad) - 3} more such lines" if len(bad) > 3 else ""
        return path, (f"Some lines of the class list {show_name(str(path))!r} were left out: {'; '.join(bad[:3])}{more}. "
                      "Write one learner id per line."), ids

    # -------- the parts

    def status_html(self) -> SafeHTML:
        parts = []
        if self.problem:
            parts.append(message_html(self.problem, problem=True))
        if self.key_problem:
            parts.append(message_html(self.key_problem, problem=True))
        if self.roster_problem:
            parts.append(message_html(self.roster_problem, problem=True))
        n = len(self.cls.learners)
        where = esc(self.folder) if self.folder is not None else "no folder"
        parts.append(f"<p>Class folder: <code>{where}</code> · {n} learner{'s' if n != 1 else ''} with readable work.</p>")
        table = self.class_table
        if self.has_roster:
            parts.append(f"<p>Class list <code>{esc(self.roster_file)}</code>: {esc(describe_class_list(table))}</p>")
            order = {MISSING: 0, NOT_LISTED: 1, HANDED_IN: 2}
            table = table.sort_values("status", key=lambda s: s.map(order), kind="stable")
            parts.append(html_table(table, max_rows=500, caption="Class list").markup)
        else:
            parts.append("<p>No class list: put a file <code>roster.txt</code> (one learner id per line) in the class "
                         "folder, or name one with MEDIALIT_ROSTER, to see who is missing.</p>")
        plain = [self.problem, self.key_problem, self.roster_problem, describe_class_list(table)]
        return SafeHTML("".join(parts), " ".join(p for p in plain if p))

    @property
    def status(self):
        if self._status is None:
            import ipywidgets as w

            self._status = w.HTML(self.status_html().markup, layout=w.Layout(width="100%"))
            self._status.add_class("medialit-dashboard-status")
        return self._status

    @property
    def activities(self):
        if self._activities is None:
            self._activities = self._picker("Activity", activity_options(self.cls),
                                            lambda choice: activity_view(self.cls, choice, self.key),
                                            "medialit-dashboard-activity")
        return self._activities

    @property
    def learners(self):
        if self._learners is None:
            table = self.class_table if self.has_roster else None
            self._learners = self._picker("Learner", learner_options(self.cls, table),
                                          lambda who: learner_view(self.cls, who, self.key, table),
                                          "medialit-dashboard-learner")
        return self._learners

    @staticmethod
    def _picker(description: str, options: list, render, css: str):
        """A dropdown and the HTML it shows; the HTML is redrawn when the choice changes. A failure
        to draw is a plain message in the page, never a traceback."""
        import ipywidgets as w

        pick = w.Dropdown(options=options, description=description, layout=w.Layout(width="min(100%, 46em)"),
                          style={"description_width": "6em"})
        view = w.HTML(layout=w.Layout(width="100%"))

        def draw(_change=None):
            try:
                view.value = render(pick.value).markup
            except Exception as exc:  # noqa: BLE001 - shown in plain words instead of an error page
                view.value = message_html(f"This view could not be drawn ({type(exc).__name__}: {exc}).", problem=True)

        pick.observe(draw, "value")
        draw()
        box = w.VBox([pick, view], layout=w.Layout(width="100%"))
        box.add_class(css)
        box.pick, box.view = pick, view
        return box

    @property
    def learning(self):
        """The skills check before and after the unit: plot, plain-words conclusion, class summary
        and gain per learner (:func:`.learning.learning_html`); a failure is a plain message."""
        if getattr(self, "_learning", None) is None:
            import ipywidgets as w

            from .learning import learning_html

            try:
                markup = learning_html(self.cls).markup
            except Exception as exc:  # noqa: BLE001 - shown in plain words instead of an error page
                markup = message_html(f"The skills-check results could not be shown ({type(exc).__name__}: {exc}).",
                                      problem=True)
            self._learning = w.HTML(markup, layout=w.Layout(width="100%"))
            self._learning.add_class("medialit-dashboard-learning")
        return self._learning

    def downloads(self, tables: dict | None = None):
        """CSV download links for ``tables`` (default :func:`standard_tables`; the class list is
        added when there is one), and a "Save CSV files to folder" button when an export folder is
        named. Nothing is written until that button is pressed."""
        import ipywidgets as w

        roster_table = self.class_table if self.has_roster else None
        if tables is None:
            tables = standard_tables(self.cls, self.key, roster_table)
        elif roster_table is not None and "class_list" not in tables:
            tables = {**tables, "class_list": roster_table}
        links = w.HTML(downloads_html(tables).markup)
        children = [links]
        if self.export is not None:
            button = w.Button(description="Save CSV files to folder", icon="save",
                              tooltip=f"Write the CSV files into {self.export}",
                              layout=w.Layout(width="auto"))
            said = w.HTML(f"<p>Export folder: <code>{esc(self.export)}</code></p>")

            def save(_b):
                done, text = save_tables(tables, self.export)
                said.value = message_html(text, problem=not done)

            button.on_click(save)
            children += [button, said]
        box = w.VBox(children, layout=w.Layout(width="100%"))
        box.add_class("medialit-dashboard-downloads")
        self._downloads = box
        return box

    @property
    def widget(self):
        import ipywidgets as w

        def head(text):
            return w.HTML(f"<h3>{esc(text)}</h3>")

        return w.VBox([head("Class"), self.status, head("Labels per sentence"), self.activities,
                       head("One learner's work"), self.learners, head("Learning: before and after"),
                       self.learning, head("Download the tables"),
                       self._downloads or self.downloads()])

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        n = len(self.cls.learners)
        return f"Dashboard({n} learners from {str(self.folder)!r}{'; ' + self.problem if self.problem else ''})"


def dashboard(folder: str | os.PathLike | None = None, *, roster: str | os.PathLike | None = None,
              export: str | os.PathLike | None = None, key: str | os.PathLike | None = None) -> Dashboard:
    """Build the dashboard for ``folder`` (default ``MEDIALIT_CLASS``, else the demo class), the
    class list ``roster`` (default ``MEDIALIT_ROSTER``, else ``roster.txt``/``roster.csv`` in the
    folder) and the export folder ``export`` (default ``MEDIALIT_EXPORT``; without one nothing is
    written, the page offers download links). The key compared with: ``key`` (a name or a path),
    else the course's key plus every teacher key that passed ``medialit check-key``
    (:func:`.key.class_key`). Never raises for a wrong or empty folder or key: the page says what
    is wrong."""
    from ..data import DataError
    from .key import class_key, load_key

    opened = open_class(folder)
    try:
        if key is not None:
            key, key_problem = load_key(key), ""
        else:
            key, left_out = class_key()
            key_problem = " ".join(left_out)
    except DataError as exc:  # KeyFileError included; a key that fails its manifest check too
        key, key_problem = None, f"The reference key could not be read, so nothing is compared with it: {exc}"
    return Dashboard(opened, key, key_problem, roster=roster, export=export if export is not None else export_target())

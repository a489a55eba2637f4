"""A synthetic class: realistic, made-up submission files for demonstrations, tests and benchmarks.

Not part of the runtime package (the dashboard reads the committed ``data/synthetic/class_30``):
``tools/make_synthetic_class.py``, ``benchmarks/bench_analysis.py`` and ``tests/test_synthetic.py``
import it from ``tools/``. Records are built from the constants of :mod:`medialit.schema`.

Nothing here is real learner work. :func:`make_class` writes one ``<learner>.submission.json``
per learner (the format of ``ml.export_submission()``) with

* varied accuracy: each learner copies the key's label with a probability drawn per learner
  (lowered on sentences drawn as "hard"), else picks a plausible confusion (a defensible ``also``
  alternative from the key when there is one);
* partial work: learners skip some activities and stop part-way through some articles;
* every activity kind: sentence labels on the three case articles, phrase marks on
  ``southfront_2026``, provenance checklists, claim ledgers and ``check`` answers; written
  answers to ``free`` questions are stored as ``check()`` stores them (``"correct": null`` and
  ``"status": "for teacher"``, or ``"too short"`` below the key's ``min_words``), some of them
  too short;
* first answers (``first`` / ``first_at`` beside ``data``, as ``ml.KeyReveal`` keeps them) for
  most sentence-label activities: the labels on show when the learner opened our key; some
  learners then changed a few labels to the key's, so their first answers differ from their final
  ones (:func:`add_first_answers`, drawn from its own random generator);
* the skills check before and after the unit (``tools/synthetic_skillcheck.py``: forms
  counterbalanced as ``medialit.skillcheck.form_for`` assigns them, a true normalised gain per skill
  set by ``effect``; with ``broken=True`` three learners miss or do not finish one check);
* a few broken files (``broken=True``): not JSON, a newer schema version, an unknown learner id,
  an empty file, an older duplicate of one learner, an unknown article and sentence id inside one
  file, ``<script>``/``onerror`` payloads in free text (to show that the dashboard escapes it), and
  one learner whose written answers are stored as medialit 0.1 stored them (``"correct": true``
  when long enough), which the dashboard must still list as written answers, never as right.

The output depends only on ``learners``, ``seed`` and the course data (key, questions, articles):
timestamps are derived from the seed and JSON keys are sorted, so the same call writes the same
bytes every time.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import random
import re
from pathlib import Path

from medialit import data, schema, store
from medialit.analysis.key import load_key

CASE_ARTICLES = ("southfront_2026", "voltaire_2024", "linternaute_mt_2024")
LABELS = ("attributed report", "unattributed assertion", "opinion", "prediction", "quotation")
CONFUSIONS = {
    "attributed report": ("quotation", "unattributed assertion"),
    "unattributed assertion": ("opinion", "attributed report", "prediction"),
    "opinion": ("unattributed assertion", "prediction"),
    "prediction": ("opinion", "unattributed assertion"),
    "quotation": ("attributed report", "opinion"),
}
PROVENANCE_CHOICES = {q["id"]: tuple(q["choices"]) for q in schema.PROVENANCE_QUESTIONS}
MARK_CATEGORIES = ("loaded word", "hedge", "unsourced number", "attribution")
NOTES = ("not sure about this one", "the verb gives it away", "no source is named here",
         "it sounds like the writer's view", "this is about the future", "it quotes someone",
         "I changed my mind twice", "compare with the treaty text", "")
EVIDENCE = ("top of the page", "the last line gives a web address", "no byline anywhere",
            "the first paragraph says so", "I searched the outlet's about page", "")
CONFIRM = ("find the original speech", "check the treaty text", "look for a second outlet",
           "search the claimant's own site", "")
STATUSES = schema.LEDGER_STATUSES
CONFIDENCES = schema.CONFIDENCES + ("",)  # "" = not given
#: What the committed class says wrote it (fixed, so that a release does not change its bytes).
MEDIALIT_VERSION = "0.1.0"
#: Sentences the made-up learners build their written answers from.
WRITTEN = ("The article names no source for this claim.", "I would look for the original post before sharing it.",
           "Both sides are parties to the war, so what they say is not proof.",
           "A date and a place would let a reader check where the words were said.",
           "Maps from ISW or geolocated footage could confirm it independently.",
           "Without its context the quote seems to answer a different event.",
           "I am not sure, but the wording sounds like the writer's own view.",
           "Lateral reading shows who published it first and when.",
           "The key's reason changed my mind about the second sentence.", "I kept my label because of the verb.")


def _check_questions() -> list[tuple[str, dict]]:
    """(question id, spec) of the course's check questions that have a simple answer."""
    out = []
    for res in data.manifest("keys")["resources"]:
        if not str(res.get("path", "")).endswith((".yaml", ".yml")):
            continue
        doc = data.load_yaml(res["name"], "keys")  # a changed or broken key file stops the generator:
        # silently leaving its questions out would make the output depend on the moment
        qs = doc.get("questions") if isinstance(doc, dict) else None
        if not isinstance(qs, dict):
            continue
        for qid, spec in qs.items():
            if isinstance(spec, dict) and spec.get("type") in ("choice", "text", "number", "set", "free"):
                out.append((str(qid), spec))
    return sorted(out, key=lambda q: q[0])


def _written_answer(rng: random.Random, spec: dict) -> dict:
    """A written answer stored as ``check()`` stores it: never marked, too short below ``min_words``."""
    need = int(spec.get("min_words", 1) or 1)
    target = rng.randint(max(2, need // 3), need + 30)
    pool = list(WRITTEN)
    rng.shuffle(pool)
    words: list[str] = []
    for sentence in pool:
        words += sentence.split()
        if len(words) >= target:
            break
    text = " ".join(words[:target])
    status = schema.FREE_TOO_SHORT if len(words[:target]) < need else schema.FREE_FOR_TEACHER
    return {"answer": text, "correct": None, "status": status}


def _as_release_0_1(record: dict, spec: dict) -> dict:
    """A written answer as medialit 0.1 stored it: ``correct`` true when long enough, no status."""
    need = int(spec.get("min_words", 1) or 1)
    return {"answer": record["answer"], "correct": len(str(record["answer"]).split()) >= need}


def _check_answer(rng: random.Random, spec: dict, skill: float):
    kind = spec.get("type")
    if rng.random() < skill:
        return spec.get("answer"), True
    wrong = [h for h in (spec.get("hints") or {}) if isinstance(h, str)]
    if wrong:
        return rng.choice(sorted(wrong)), False
    if kind == "number" and isinstance(spec.get("answer"), (int, float)):
        return spec["answer"] + rng.choice([-2, -1, 1, 3]), False
    if kind == "set":
        return [], False
    return "not sure", False


def _stamp(t: _dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def learner_ids(n: int, prefix: str = "student") -> list[str]:
    width = max(2, len(str(n)))
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def _learner(rng, learner, key_arts, questions, t0, texts):
    """One learner's ``activities`` and export time (the random draws happen in a fixed order)."""
    skill = rng.uniform(0.55, 0.97)
    diligence = rng.uniform(0.35, 1.0)
    t = t0

    def tick():
        nonlocal t
        t += _dt.timedelta(minutes=rng.randint(1, 9), seconds=rng.randint(0, 59))
        return _stamp(t)

    acts = {}
    acts.update(_label_acts(rng, skill, diligence, key_arts, tick))
    acts.update(_provenance_acts(rng, skill, diligence, tick))
    acts.update(_phrase_acts(rng, diligence, texts["southfront_2026"], tick))
    acts.update(_ledger_acts(rng, diligence, key_arts, texts, tick))
    for qid, spec in questions:
        if rng.random() > 0.3 + 0.7 * diligence:
            continue
        if spec.get("type") == "free":
            record = _written_answer(rng, spec)
        else:
            answer, correct = _check_answer(rng, spec, skill)
            record = {"answer": answer, "correct": correct}
        acts[f"check:{qid}"] = {"kind": "check", "article": None, "updated": tick(), "data": record}
    return acts, tick()


def _pick_label(rng, skill, k):
    if rng.random() < skill * (1.0 - k["difficulty"]):
        return k["label"]
    if k["also"] and rng.random() < 0.6:
        return rng.choice(k["also"])
    return rng.choice(CONFUSIONS.get(k["label"], LABELS))


def _label_acts(rng, skill, diligence, key_arts, tick):
    acts = {}
    for article in CASE_ARTICLES:
        sents = key_arts.get(article, {})
        if not sents or rng.random() > 0.35 + 0.65 * diligence:
            continue
        ids = sorted(sents)
        stop = len(ids) if rng.random() < diligence else rng.randint(1, len(ids))
        labels = {}
        for sid in ids[:stop]:
            lab = _pick_label(rng, skill, sents[sid])
            labels[sid] = {"label": lab, "note": rng.choice(NOTES) if rng.random() < 0.15 else "",
                           "confidence": rng.choice(CONFIDENCES)}
        acts[f"labels:{article}"] = {"kind": "sentence_labels", "article": article, "updated": tick(),
                                     "data": {"label_set": "reporting", "labels": labels}}
    return acts


def _provenance_acts(rng, skill, diligence, tick):
    acts = {}
    for article in CASE_ARTICLES:
        if rng.random() > 0.25 + 0.7 * diligence:
            continue
        answers = {}
        for qid, choices in PROVENANCE_CHOICES.items():
            if rng.random() < 0.1 * (1 - diligence):
                continue
            first = hash_choice(article, qid, choices)
            ans = first if rng.random() < skill else rng.choice(choices)
            answers[qid] = {"answer": ans, "evidence": rng.choice(EVIDENCE)}
        acts[f"provenance:{article}"] = {"kind": "provenance_checklist", "article": article,
                                         "updated": tick(), "data": {"answers": answers}}
    return acts


def _phrase_acts(rng, diligence, text, tick):
    if rng.random() >= 0.2 + 0.7 * diligence:
        return {}
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z][A-Za-z-]{6,}", text)]
    marks = []
    for s, e in sorted(rng.sample(words, min(len(words), rng.randint(2, 12)))):
        marks.append({"start": s, "end": e, "text": text[s:e], "category": rng.choice(MARK_CATEGORIES),
                      "note": rng.choice(NOTES) if rng.random() < 0.2 else ""})
    return {"phrases:southfront_2026": {"kind": "phrase_marks", "article": "southfront_2026",
                                        "updated": tick(), "data": {"marks": marks}}}


def _ledger_acts(rng, diligence, key_arts, texts, tick):
    acts = {}
    for article in CASE_ARTICLES:
        if rng.random() > 0.2 + 0.6 * diligence:
            continue
        sids = sorted(key_arts.get(article, {}))
        rows = []
        for i in range(rng.randint(1, 4)):
            sid = rng.choice(sids) if sids else ""
            claim = texts[article + ":" + sid] if sid else "a claim"
            rows.append({"id": f"c{i + 1}", "sentence": sid, "claim": claim[:140],
                         "claimant": rng.choice(("the article", "not named", "a named official", "")),
                         "evidence": rng.choice(EVIDENCE), "confirm": rng.choice(CONFIRM),
                         "status": rng.choice(STATUSES + ("",)),
                         "confidence": rng.choice(CONFIDENCES), "note": ""})
        acts[f"claims:{article}"] = {"kind": "claim_ledger", "article": article, "updated": tick(),
                                     "data": {"rows": rows}}
    return acts


def hash_choice(*parts) -> str:
    """A stable pick (the same on every machine): the last part is the list of choices."""
    *keys, choices = parts
    h = int(hashlib.sha256("|".join(keys).encode()).hexdigest(), 16)
    return choices[h % len(choices)]


def _submission(learner, exported, acts, schema_version=store.SCHEMA_VERSION) -> str:
    doc = {"format": store.SUBMISSION_FORMAT, "schema_version": schema_version, "learner": learner,
           "exported": exported, "medialit_version": MEDIALIT_VERSION, "activities": acts}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def make_class(folder, learners: int = 30, seed: int = 0, key: dict | None = None,
               broken: bool = True, prefix: str = "student", effect: dict | None = None,
               skills_check: bool = True, first_answers: bool = True) -> list[Path]:
    """Write a synthetic class into ``folder`` (created if needed); return the files written.

    ``key``: the sentence-label key to aim at (default: the course key,
    ``data/keys/sentence_labels.yaml``). Existing ``*.json`` files in the folder are not removed,
    so use an empty folder. ``skills_check``: add the skills check before and after the unit, with
    the true normalised gain per skill ``effect`` (default a moderate gain; see
    ``tools/synthetic_skillcheck.py``, which draws from its own random generator).
    ``first_answers``: give label activities the first answers kept when the key was opened
    (:func:`add_first_answers`, also with its own random generator: without them every other
    field is the same).
    """
    if learners < 1:
        raise ValueError("learners must be at least 1.")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if key is None:
        key = load_key()
    rng = random.Random(seed)
    key_arts = {}
    for article in CASE_ARTICLES:
        entries = (key.get("articles") or {}).get(article) or {}
        key_arts[article] = {}
        for sid in sorted(entries):
            rec = entries[sid] if isinstance(entries[sid], dict) else {"label": entries[sid]}
            also = rec.get("also") or []
            key_arts[article][sid] = {"label": rec["label"], "also": list(also) if isinstance(also, list) else [also],
                                      "difficulty": rng.choice((0.0, 0.0, 0.05, 0.1, 0.2, 0.35, 0.5))}
    texts = {a: data.load_article(a).text for a in CASE_ARTICLES}
    for a in CASE_ARTICLES:
        for s in data.load_article(a).sentences:
            texts[f"{a}:{s.id}"] = s.text
    questions = _check_questions()
    t_start = _dt.datetime(2026, 3, 9, 8, 0, tzinfo=_dt.timezone.utc) + _dt.timedelta(minutes=seed % 10000)
    ids = learner_ids(learners, prefix)
    written = []
    docs = {}
    for learner in ids:
        t0 = t_start + _dt.timedelta(minutes=rng.randint(0, 50))
        acts, exported = _learner(rng, learner, key_arts, questions, t0, texts)
        docs[learner] = [exported, acts]
    if first_answers:
        add_first_answers(docs, key_arts, seed)
    if broken and learners >= 5:
        docs[ids[1]][1].setdefault("labels:southfront_2026", {"kind": "sentence_labels", "article": "southfront_2026",
                                                               "updated": docs[ids[1]][0],
                                                               "data": {"label_set": "reporting", "labels": {}}})
        first = sorted(key_arts["southfront_2026"])[0]
        docs[ids[1]][1]["labels:southfront_2026"]["data"]["labels"].setdefault(first, {"label": "opinion"})
        docs[ids[1]][1]["labels:southfront_2026"]["data"]["labels"][first]["note"] = \
            "<script>alert('this note tries to run code')</script>"
        docs[ids[3]][1]["claims:voltaire_2024"] = {
            "kind": "claim_ledger", "article": "voltaire_2024", "updated": docs[ids[3]][0],
            "data": {"rows": [{"id": "c1", "sentence": "", "claim": "<img src=x onerror=alert(1)> is shown as text",
                               "claimant": "", "evidence": "", "confirm": "", "status": "", "confidence": "",
                               "note": ""}]}}
        docs[ids[4]][1]["labels:bbc_2025"] = {"kind": "sentence_labels", "article": "bbc_2025",
                                              "updated": docs[ids[4]][0],
                                              "data": {"label_set": "reporting",
                                                       "labels": {"s001": {"label": "opinion"}}}}
        docs[ids[4]][1].setdefault("labels:voltaire_2024", {"kind": "sentence_labels", "article": "voltaire_2024",
                                                            "updated": docs[ids[4]][0],
                                                            "data": {"label_set": "reporting", "labels": {}}})
        docs[ids[4]][1]["labels:voltaire_2024"]["data"]["labels"]["s999"] = {"label": "opinion", "note": "",
                                                                             "confidence": ""}
        _written_as_release_0_1(docs[ids[0]], questions, rng)
    if skills_check:
        import synthetic_skillcheck  # tools/synthetic_skillcheck.py, next to this file

        checks = synthetic_skillcheck.records(ids, seed, effect, before_at=t_start - _dt.timedelta(days=1),
                                              after_at={lr: docs[lr][0] for lr in ids},
                                              gaps=skills_check_gaps(learners, prefix) if broken else None)
        for learner in ids:
            docs[learner][1].update(checks[learner])
    for learner in ids:
        exported, acts = docs[learner]
        path = folder / f"{learner}.submission.json"
        path.write_text(_submission(learner, exported, acts), encoding="utf-8")
        written.append(path)
    if broken and learners >= 5:
        more = learner_ids(len(ids) + 2, prefix)[len(ids):]
        dup = ids[2]
        old_t = _dt.datetime.fromisoformat(docs[dup][0].replace("Z", "+00:00")) - _dt.timedelta(days=1)
        old_acts = {k: v for k, v in sorted(docs[dup][1].items())[:2]}
        files = {
            f"{dup}.old.submission.json": _submission(dup, _stamp(old_t), old_acts),
            f"{more[0]}.submission.json": _submission(more[0], docs[ids[0]][0], {}, schema_version=2),
            f"{more[1]}.submission.json": "",
            "notes-from-lesson.json": "These are my notes from the lesson, not a submission.\n",
            "escape.submission.json": _submission("../../outside", docs[ids[0]][0], {}),
            "README.txt": ("SYNTHETIC CLASS - not real learners. Made by tools/make_synthetic_class.py "
                           f"--learners {learners} --seed {seed}{_effect_words(effect, skills_check)}. Some files are broken on purpose to show "
                           "the validation report of ml.load_class().\n"),
        }
        for name, content in files.items():
            path = folder / name
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return sorted(written)


#: Per learner, the share of the labels that matched our key only after they opened it (drawn once
#: per learner): 0 means the learner changed nothing after seeing the key.
REVISE_SHARES = (0.0, 0.0, 0.1, 0.2, 0.35, 0.5)


def add_first_answers(docs: dict, key_arts: dict, seed: int) -> None:
    """Give most learners' sentence-label activities first answers (``first`` and ``first_at``,
    the record fields of :func:`medialit.store.freeze_first`), in place.

    A learner opened our key for an activity with probability 0.8. Their first answers are their
    final labels, except that a share of the labels that agree with the key (:data:`REVISE_SHARES`,
    one share per learner) held a plausible confusion instead, and that a learner who revised
    something may have labelled their last one or two sentences only after opening the key. The
    first answers are kept 2 to 20 minutes before the activity's last change. The draws come from
    a generator of their own, so every other field is the same with or without first answers."""
    rng = random.Random(f"first-answers:{seed}")
    for learner in sorted(docs):
        acts = docs[learner][1]
        revise = rng.choice(REVISE_SHARES)
        for article in CASE_ARTICLES:
            act = acts.get(f"labels:{article}")
            if act is None or rng.random() >= 0.8:
                continue
            labels = act["data"]["labels"]
            first = {}
            for sid in sorted(labels):
                rec = dict(labels[sid])
                k = key_arts[article].get(sid)
                if k and rec["label"] == k["label"] and rng.random() < revise:
                    rec["label"] = rng.choice([x for x in CONFUSIONS.get(k["label"], LABELS) if x != k["label"]])
                first[sid] = rec
            if revise and len(first) > 3 and rng.random() < 0.3:
                for sid in sorted(first)[-rng.randint(1, 2):]:
                    del first[sid]
            when = _dt.datetime.fromisoformat(act["updated"].replace("Z", "+00:00"))
            act["first"] = {"label_set": act["data"]["label_set"], "labels": first}
            act["first_at"] = _stamp(when - _dt.timedelta(minutes=rng.randint(2, 20)))


def _effect_words(effect, skills_check: bool) -> str:
    """The options that made the skills check, as the README names them ("" for the default)."""
    if not skills_check:
        return " (without the skills check)"
    import synthetic_skillcheck

    option = synthetic_skillcheck.effect_option(effect)
    return f" {option}" if option else ""


def _written_as_release_0_1(doc: list, questions: list, rng: random.Random) -> None:
    """Store one learner's written answers as medialit 0.1 did (at least one such answer)."""
    exported, acts = doc
    free = [(qid, spec) for qid, spec in questions if spec.get("type") == "free"]
    if free and not any(f"check:{qid}" in acts for qid, _ in free):
        qid, spec = free[0]
        acts[f"check:{qid}"] = {"kind": "check", "article": None, "updated": exported,
                                "data": _written_answer(rng, spec)}
    for qid, spec in free:
        if f"check:{qid}" in acts:
            acts[f"check:{qid}"]["data"] = _as_release_0_1(acts[f"check:{qid}"]["data"], spec)


def skills_check_gaps(learners: int, prefix: str = "student") -> dict[str, str]:
    """Learners whose skills check has a gap on purpose (with ``broken=True``, from 8 learners)."""
    if learners < 8:
        return {}
    ids = learner_ids(learners, prefix)
    return {ids[5]: "no after", ids[6]: "after unfinished", ids[7]: "no before"}


def broken_files(learners: int, prefix: str = "student") -> dict[str, str]:
    """Names of the files :func:`make_class` breaks on purpose, with what is wrong (plain words)."""
    if learners < 5:
        return {}
    ids = learner_ids(learners + 2, prefix)
    return {
        f"{ids[0]}.submission.json": ("valid, with written answers stored as medialit 0.1 stored them "
                                      "(marked correct when long enough; still listed as written answers, never "
                                      "counted right)"),
        f"{ids[2]}.old.submission.json": "an older duplicate of the same learner's submission",
        f"{ids[learners]}.submission.json": "written by a newer schema version",
        f"{ids[learners + 1]}.submission.json": "an empty file",
        "notes-from-lesson.json": "not JSON",
        "escape.submission.json": "a learner id that tries to leave the folder",
        f"{ids[1]}.submission.json": "valid, with a <script> payload in a note (shown escaped)",
        f"{ids[3]}.submission.json": "valid, with an <img onerror> payload in a claim (shown escaped)",
        f"{ids[4]}.submission.json": "valid, plus one activity on an unknown article and an unknown sentence id",
        **{f"{who}.submission.json": {"no before": "valid, but missed the skills check before the unit",
                                      "no after": "valid, but missed the skills check after the unit",
                                      "after unfinished": "valid, but did not finish the skills check after the unit"}[gap]
           for who, gap in skills_check_gaps(learners, prefix).items()},
    }


def manifest_text(files: list[Path], data_folder: Path, learners: int, seed: int, options: str = "") -> str:
    """The ``data/synthetic/datapackage.yaml`` listing every generated file (fields of CONTRIBUTING.md);
    ``options``: more command-line options to name in the command (such as ``--effect 0.5``)."""
    import yaml

    resources = []
    command = f"tools/make_synthetic_class.py --learners {learners} --seed {seed}" + (f" {options}" if options else "")
    for f in sorted(files):
        rel = f.relative_to(data_folder).as_posix()
        name = rel.replace("/", "-").removesuffix(".json").removesuffix(".txt")
        odd = broken_files(learners).get(f.name) if f.suffix == ".json" else None
        resources.append({
            "name": name, "path": rel,
            "sha256": hashlib.sha256(f.read_bytes()).hexdigest(),
            "title": f"Synthetic submission file {f.name}" if f.suffix == ".json" else "About this synthetic class",
            "publisher": "medialit contributors", "author": "medialit contributors (generated)",
            "published": "n/a", "retrieved": "n/a", "url": "n/a", "language": "en",
            "licence": "CC BY 4.0", "redistribution": "free to share and adapt (CC BY 4.0)",
            "edits": "none (generated)", "origin": "written for the course",
            "notes": (f"SYNTHETIC, not real learner work. Generated by {command}"
                      + (f"; on purpose: {odd}" if odd else "")
                      + "."),
        })
    doc = {"name": "medialit-synthetic", "title": "A synthetic class for the instructor dashboard",
           "description": ("Made-up submissions (no real learners) used by notebooks/90_instructor_dashboard.ipynb "
                           "and the tests. Regenerate with: " + command + " --out data/synthetic/class_30 "
                           "--manifest data/synthetic/datapackage.yaml"),
           "licenses": [{"name": "CC-BY-4.0", "title": "Written for the course."}],
           "resources": resources}
    header = ("# Every file in data/synthetic/ is listed here; written by tools/make_synthetic_class.py.\n"
              "# SYNTHETIC DATA: no real learners.\n")
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)

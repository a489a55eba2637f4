"""How fast are the SentenceLabeller (5, 50, 300 sentences and a 60,000-word article) and the
PhraseMarker (the same 60,000-word article, in Chromium)?

Run: ``.venv/bin/python benchmarks/bench_widgets.py`` (``make bench``).

Times are printed as ratios against a floor measured in the same run on the same machine:
constructing one plain ``ipywidgets.HTML`` holding the same (escaped) text. The labeller builds
a fixed number of controls (one sentence is edited at a time) plus one HTML overview table, so
its cost should grow slowly with the number of sentences. A label change (which also writes the
answers file atomically) is timed too. Answers go to a temporary folder.

In Chromium (when it is installed) the labeller's HTML is rendered (parse + layout) against the
same text as one plain paragraph, and the PhraseMarker's front end (``phrase_marker.js`` with a
stand-in for the widget model) is timed on the 60,000-word article: the first render, redrawing
with 50 and 500 marks, and typing a short phrase (which lists the places it is found).
"""
from __future__ import annotations

import html
import os
import statistics
import sys
import tempfile
import time

LONG_WORDS = 60_000


def long_article_text(ml, words: int = LONG_WORDS) -> str:
    """About ``words`` words of news prose (the bundled articles' words, in paragraphs of 120
    words, an emoji at the start of every seventh), as a long article a teacher adds might be."""
    pool = " ".join(ml.load_article(a).text for a in ("southfront_2026", "nato_treaty_1949")).split()
    paras, n = [], 0
    while n < words:
        chunk = pool[:120] if len(paras) % 2 else pool[120:240]
        chunk = chunk[: words - n]
        paras.append(("🚨 " if len(paras) % 7 == 0 else "") + " ".join(chunk))
        n += len(chunk)
    return "\n\n".join(paras)


def best_of(fn, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MEDIALIT_HOME"] = tmp
        os.environ["MEDIALIT_LEARNER"] = "bench"
        import ipywidgets

        import medialit as ml
        from medialit.data import Article, segment

        labels = {"fact": "can be checked", "opinion": "a view", "attribution": "says who said it",
                  "other": "none of these"}
        ml.SentenceLabeller("southfront_2026", labels, activity="warm-up")  # imports, caches
        pages = {}
        print(f"{'sentences':>9} {'floor ms':>9} {'labeller ms':>12} {'ratio':>7} {'change ms':>10} "
              f"{'overview kB':>12}")
        cases = [(n, "\n\n".join(f"Sentence {i}: officials said the alliance would respond, critics disagreed."
                                  for i in range(n))) for n in (5, 50, 300)]
        long_text = long_article_text(ml)
        cases.append((None, long_text))
        for n, text in cases:
            art = Article(f"bench{n}", text, {"title": f"{n} sentences"}, segment(text))
            assert n is None or len(art.sentences) == n
            n = n or len(art.sentences)
            floor, _ = best_of(lambda text=text: ipywidgets.HTML(value=html.escape(text)).close())
            holder = {}

            def build(art=art, n=n, holder=holder):
                holder["w"] = ml.SentenceLabeller(art, labels, activity=f"bench:{n}")

            best, _median = best_of(build)
            lab = holder["w"]
            labels_cycle = list(labels)
            counter = iter(range(10**6))

            def change(lab=lab, n=n, labels_cycle=labels_cycle, counter=counter):
                k = next(counter)
                lab.show(k % n)
                lab.label_buttons.value = labels_cycle[k % len(labels_cycle)]

            change_best, _ = best_of(change, repeat=10)
            pages[n] = (html.escape(text), _widget_html(lab))
            print(f"{n:>9} {floor * 1e3:>9.2f} {best * 1e3:>12.1f} {best / floor:>7.0f} "
                  f"{change_best * 1e3:>10.1f} {len(lab.overview.value) / 1024:>12.1f}")
        print("ratio = labeller construction / one plain HTML widget with the same text (same run).")
        print(f"(the last row is a {LONG_WORDS:,}-word article of {len(long_text):,} characters)")
        browser_render(pages, long_text)
    return 0


def _widget_html(lab) -> str:
    """The HTML the labeller's text parts put on the page (overview table, sentence, legend...)."""
    import ipywidgets

    parts = []

    def walk(widget):
        if isinstance(widget, ipywidgets.HTML):
            parts.append(widget.value)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(lab)
    return "\n".join(parts)


def browser_render(pages: dict, long_text: str) -> None:
    """Time one render (HTML parse + layout) of the labeller's HTML in Chromium, if it is installed."""
    chromium = "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("(browser render skipped: playwright is not installed)")
        return
    if not os.path.exists(chromium):
        print("(browser render skipped: install chromium with `sudo apt-get install chromium`)")
        return
    js = """html => { const box = document.getElementById('box'); const t0 = performance.now();
                      box.innerHTML = html; void box.offsetHeight; return performance.now() - t0; }"""
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            user_data_dir=profile, executable_path=chromium, headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.set_content("<div id='box'></div>")
        print(f"\n{'sentences':>9} {'floor ms':>9} {'render ms':>10} {'ratio':>7}   (Chromium, parse + layout)")
        for n, (plain, widget_html) in pages.items():
            floor = min(page.evaluate(js, f"<p>{plain}</p>") for _ in range(5))
            best = min(page.evaluate(js, widget_html) for _ in range(5))
            print(f"{n:>9} {floor:>9.2f} {best:>10.2f} {best / max(floor, 0.01):>7.1f}")
        print("floor = the same sentences as one plain paragraph, rendered in the same page.")
        phrase_marker_render(page, long_text, js)
        ctx.close()


# The PhraseMarker's front end in a bare page: the ES module is imported from the package and
# rendered with a stand-in for the anywidget model (get/set/on/off/save_changes, where set fires
# the change events at once, as Backbone does). Each step forces a layout before it is timed.
_PM_HARNESS = """async ([src, css, text, nmarks, phrases]) => {
  if (!window.__pm) {
    const style = document.createElement('style'); style.textContent = css; document.head.append(style);
    window.__pm = await import(URL.createObjectURL(new Blob([src], {type: 'text/javascript'})));
  }
  const state = {text, title: 'long', data: {marks: []}, status: '', status_ok: true,
                 categories: [{name: 'loaded language', definition: 'd', colour: '#0072B2', tag: '1'}]};
  const handlers = {};
  const model = {get: (k) => state[k], save_changes() {}, off() {},
                 set: (k, v) => { state[k] = v; (handlers['change:' + k] || []).forEach((f) => f()); },
                 on: (e, f) => { (handlers[e] ||= []).push(f); }};
  const el = document.getElementById('box');
  el.replaceChildren();
  const out = {};
  let t = performance.now();
  const cleanup = window.__pm.default.render({model, el}); void el.offsetHeight;
  out.render = performance.now() - t;
  const words = [...text.matchAll(/\\p{L}{6,}/gu)];
  const marks = Array.from({length: nmarks}, (_, i) => {
    const m = words[Math.floor(i * words.length / nmarks)];
    return {start: m.index, end: m.index + m[0].length, text: m[0], category: 'loaded language', note: ''};
  });
  t = performance.now(); model.set('data', {marks}); void el.offsetHeight;
  out.marks = performance.now() - t;
  const phrase = el.querySelector('.pm-phrase');
  for (const q of phrases) {
    phrase.value = q; t = performance.now(); phrase.dispatchEvent(new Event('input')); void el.offsetHeight;
    out[q] = performance.now() - t;
  }
  out.nodes = el.querySelectorAll('*').length;
  cleanup();
  return out;
}"""


def phrase_marker_render(page, text: str, js: str) -> None:
    """Time the PhraseMarker front end on ``text`` in Chromium, as ratios against one plain paragraph."""
    from pathlib import Path

    import medialit.widgets as widgets

    folder = Path(widgets.__file__).parent
    src = (folder / "phrase_marker.js").read_text(encoding="utf-8")
    css = (folder / "phrase_marker.css").read_text(encoding="utf-8")
    floor = min(page.evaluate(js, f"<p>{html.escape(text)}</p>") for _ in range(5))
    phrases = ["t", "the", "alliance"]
    print(f"\nPhraseMarker on {len(text.split()):,} words (Chromium; floor = the text as one plain paragraph, "
          f"{floor:.1f} ms)")
    print(f"{'marks':>6} {'render ms':>10} {'ratio':>6} {'redraw ms':>10} {'ratio':>6} "
          + " ".join(f"{'type ' + repr(q) + ' ms':>16}" for q in phrases) + f" {'elements':>9}")
    for nmarks in (0, 50, 500):
        runs = [page.evaluate(_PM_HARNESS, [src, css, text, nmarks, phrases]) for _ in range(3)]
        best = {k: min(r[k] for r in runs) for k in runs[0]}
        print(f"{nmarks:>6} {best['render']:>10.1f} {best['render'] / floor:>6.1f} {best['marks']:>10.1f} "
              f"{best['marks'] / floor:>6.1f} " + " ".join(f"{best[q]:>16.1f}" for q in phrases)
              + f" {best['nodes']:>9}")
    print("render = the widget's first render; redraw = showing that many marks (each added mark redraws);")
    print("type = one keystroke in the Phrase box (it lists at most 200 places under 'Which one').")


if __name__ == "__main__":
    sys.exit(main())

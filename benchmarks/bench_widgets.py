"""How fast is the SentenceLabeller for 5, 50 and 300 sentences?

Run: ``.venv/bin/python benchmarks/bench_widgets.py`` (``make bench``).

Times are printed as ratios against a floor measured in the same run on the same machine:
constructing one plain ``ipywidgets.HTML`` holding the same (escaped) text. The labeller builds
a fixed number of controls (one sentence is edited at a time) plus one HTML overview table, so
its cost should grow slowly with the number of sentences. A label change (which also writes the
answers file atomically) is timed too. Answers go to a temporary folder.
"""
from __future__ import annotations

import html
import os
import statistics
import sys
import tempfile
import time


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
        for n in (5, 50, 300):
            text = "\n\n".join(f"Sentence {i}: officials said the alliance would respond, critics disagreed."
                               for i in range(n))
            art = Article(f"bench{n}", text, {"title": f"{n} sentences"}, segment(text))
            assert len(art.sentences) == n
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
        browser_render(pages)
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


def browser_render(pages: dict) -> None:
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
        ctx.close()
    print("floor = the same sentences as one plain paragraph, rendered in the same page.")


if __name__ == "__main__":
    sys.exit(main())

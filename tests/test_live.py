"""ml.live: feedback that redraws itself when the widget it describes changes, and the lesson
views it shows (comparisons, phrase marks, ledgers, scorecard), folded tables and plurals."""
from __future__ import annotations

import importlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import medialit as ml  # noqa: E402
from medialit import claims, display  # noqa: E402
from medialit import provenance as prov  # noqa: E402
from medialit import reporting as rp  # noqa: E402
live_mod = importlib.import_module("medialit.widgets.live")  # the module (ml.widgets.live is the function)

ARTICLE = "southfront_2026"


def _labeller():
    return ml.SentenceLabeller(ARTICLE, rp.LABELS, label_set="reporting", activity="t:labels")


def _html(view) -> str:
    return "".join(o["data"]["text/html"] for o in view.outputs if "text/html" in o.get("data", {}))


# ---------------------------------------------------------------- live


def test_live_draws_now_and_redraws_on_every_change_of_saved_work(home):
    lab = _labeller()
    view = ml.live(lab, lambda w: f"{len(rp.learner_labels(w))} labelled")
    assert isinstance(view, live_mod.LiveView) and view.redraws == 1
    assert view.text == "0 labelled\n"
    lab.label_buttons.value = "opinion"          # the learner clicks a label: no cell is run
    assert view.text == "1 labelled\n" and view.redraws == 2
    lab.show(1)
    lab.label_buttons.value = "quotation"
    assert view.text == "2 labelled\n"
    lab.show(2)                                  # moving between sentences changes no saved work
    assert view.redraws == 3


def test_live_comparison_table_follows_the_labeller(home):
    lab = _labeller()
    view = ml.live(lab, lambda w: rp.comparison_view(w, ARTICLE))
    assert "You have not labelled any sentence yet" in view.text
    assert "run this cell" not in view.text.lower()
    first = lab.current
    lab.label_buttons.value = "opinion"
    assert "You labelled 1 of 23 sentences" in view.text
    markup = _html(view)
    assert f"<td style='text-align:left;vertical-align:top'>{first}</td>" in markup
    assert "<details" in markup and "your label" in markup


def test_live_shows_a_plain_message_when_render_fails_and_recovers(home):
    lab = _labeller()
    state = {"fail": True}

    def render(w):
        if state["fail"]:
            raise KeyError("no key for <b>s999</b>")
        return "fine"

    view = ml.live(lab, render)
    text, markup = view.text, _html(view)
    assert text.startswith(live_mod.ERROR_TEXT) and "Traceback" not in text and "File " not in text
    assert "&lt;b&gt;s999&lt;/b&gt;" in markup and "<b>s999" not in markup   # the reason is escaped
    assert "KeyError" in view.error
    state["fail"] = False
    lab.label_buttons.value = "opinion"
    assert view.text == "fine\n" and view.error == ""


def test_live_figure_is_drawn_closed_and_its_summary_goes_under_it(home):
    lab = _labeller()
    before = set(plt.get_fignums())

    def render(w):
        fig, ax = plt.subplots()
        ax.bar(["a"], [len(rp.learner_labels(w))])
        return fig, f"{len(rp.learner_labels(w))} labelled"

    view = ml.live(lab, render)
    image, summary = view.outputs
    assert image["output_type"] == "display_data" and image["data"]["image/png"]
    assert summary == {"output_type": "stream", "name": "stdout", "text": "Plot summary: 0 labelled\n"}
    lab.label_buttons.value = "opinion"
    assert view.outputs[1]["text"] == "Plot summary: 1 labelled\n"
    assert set(plt.get_fignums()) == before, "every drawn figure must be closed"
    # a figure without its summary is refused with a plain message (and still closed)
    bare = ml.live(lab, lambda w: plt.subplots()[0])
    assert bare.text.startswith(live_mod.ERROR_TEXT) and "summary" in bare.text
    assert set(plt.get_fignums()) == before


def test_live_mix_view_redraws_from_two_labellers(home):
    before = set(plt.get_fignums())  # figures another test left open are not this view's
    a = ml.SentenceLabeller(ARTICLE, rp.LABELS, activity="t:a")
    b = ml.SentenceLabeller("voltaire_2024", rp.LABELS, activity="t:b")
    view = ml.live({ARTICLE: a, "voltaire_2024": b}, rp.mix_view)
    assert "(you)" not in view.text
    b.label_buttons.value = "quotation"
    assert "voltaire_2024 (you): 0 of 1 opinion or prediction" in view.text
    assert set(plt.get_fignums()) == before  # the view closes every figure it draws


def test_live_dataframe_strings_lists_and_nothing(home):
    lab = _labeller()
    frame = pd.DataFrame({"why": ["a long reason, " * 5, None], "score": [0.5, float("nan")]})
    view = ml.live(lab, lambda w: ["Heading", frame, None])
    markup = _html(view)
    assert view.text.startswith("Heading\n") and "NaN" not in markup and "nan" not in markup
    assert "a long reason, a long reason" in markup          # in full, never cut
    assert ml.live(lab, lambda w: None).outputs == ()


def test_live_refuses_what_is_not_a_widget_and_stops_when_closed(home):
    with pytest.raises(TypeError, match="medialit widget"):
        ml.live("southfront_2026", str)
    with pytest.raises(TypeError, match="function"):
        ml.live(_labeller(), "not callable")
    lab = _labeller()
    view = ml.live(lab, lambda w: "x")
    view.close()
    lab.label_buttons.value = "opinion"
    assert view.redraws == 1


def test_live_follows_work_loaded_for_another_learner(home):
    lab = _labeller()
    view = ml.live(lab, lambda w: f"{len(rp.learner_labels(w))} labelled")
    lab.label_buttons.value = "opinion"
    assert view.text == "1 labelled\n"
    lab._quiet_set(lab.empty_data())        # what an id change does: show other saved work, unsaved
    assert view.text == "0 labelled\n"


def test_live_ledger_and_scorecard_views(home):
    ledger = ml.ClaimLedger(ARTICLE, rows=claims.ledger_rows(ARTICLE), activity="t:ledger")
    view = ml.live(ledger, lambda w: claims.ledger_view(w, ARTICLE))
    assert view.text.startswith("You have not chosen a status for any of the 4 claims yet")
    ledger.edit_row(0, status="unsupported")
    assert view.text.startswith("You chose a status for 1 of 4 claims; 1 matches the key.")
    assert "run this cell" not in _html(view)

    checklists = {aid: ml.ProvenanceChecklist(aid) for aid in ("southfront_2026", "voltaire_2024")}
    plot = ml.live(checklists, prov.scorecard_plot)
    assert "Plot summary: You have not answered any" in plot.text
    tables = ml.live(checklists, prov.scorecard_tables)
    assert _html(tables).count("<details") == 3 and "0 of 8 questions answered" in tables.text


# ---------------------------------------------------------------- folded tables, plurals


def test_fold_puts_the_table_behind_a_one_line_escaped_summary():
    df = pd.DataFrame({"quote": ["<script>x</script>"]})
    out = display.html_table(df, fold="Show the 1 quote <b>now</b>")._repr_html_()
    assert out.startswith("<details class='medialit-fold'><summary")
    assert "Show the 1 quote &lt;b&gt;now&lt;/b&gt;</summary><table>" in out and out.endswith("</details>")
    assert "<script>" not in out
    assert "<details" not in display.html_table(df)._repr_html_()   # not folded unless asked


def test_missing_values_and_names():
    df = pd.DataFrame({"family": ["hedges", "quotes"], "precision": [0.5, float("nan")]})
    out = display.html_table(df, missing="– (never fired)", names={"family": "signal family"})._repr_html_()
    assert "NaN" not in out and "– (never fired)" in out and ">signal family</th>" in out


@pytest.mark.parametrize(("n", "text"), [(0, "0 learners"), (1, "1 learner"), (2, "2 learners"), (3.0, "3 learners")])
def test_plural(n, text):
    assert display.plural(n, "learner") == text


def test_plural_refuses_fractions_and_verbs_agree():
    with pytest.raises(ValueError):
        display.plural(0.5, "learner")
    assert display.agree(1, "is an alternative", "are alternatives") == "1 is an alternative"
    assert display.agree(2, "is an alternative", "are alternatives") == "2 are alternatives"


def test_describe_comparison_plurals():
    table = rp.compare({"s002": "opinion"}, ARTICLE)       # the key: unattributed assertion, also opinion
    text = rp.describe_comparison(table)
    assert "1 is an alternative the key accepts" in text and "0 match our key" in text and "0 differ" in text
    assert "Read the 'why'" not in text                     # nothing differs
    table = rp.compare({"s002": "quotation", "s003": "quotation"}, ARTICLE)
    assert "2 differ" in rp.describe_comparison(table) or "1 differs" in rp.describe_comparison(table)
    assert "are alternatives" not in rp.describe_comparison(rp.compare({}, ARTICLE))


def test_a_delayed_redraw_waits_for_a_pause_and_draws_a_burst_once(home):
    import asyncio

    lab = _labeller()
    view = ml.live(lab, lambda w: f"{len(rp.learner_labels(w))} labelled", delay=0.05)
    assert view.text == "0 labelled\n"               # the first drawing is immediate

    async def burst():
        for i, label in enumerate(["opinion", "quotation", "prediction"]):
            lab.show(i)
            lab.label_buttons.value = label
        assert view.text == "0 labelled\n"           # not yet: the learner is still clicking
        await asyncio.sleep(0.2)

    asyncio.run(burst())
    assert view.text == "3 labelled\n" and view.redraws == 2
    lab.show(3)
    lab.label_buttons.value = "opinion"               # no event loop running: drawn at once
    assert view.text == "4 labelled\n"


def test_a_switch_redraws_the_tables_that_follow_it():
    import medialit as ml

    switch = ml.Switch("show the record")
    seen = []
    view = ml.live(switch, lambda s: seen.append(s.on) or ("on" if s.on else "off"))
    assert seen == [False]
    switch.box.value = True
    assert seen == [False, True] and switch.data == {"on": True}
    switch.box.value = False
    assert seen[-1] is False
    view.close()

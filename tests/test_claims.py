"""Tests for medialit.claims (lesson 03) and the lesson's data: claims, checkers, Article 4 table, keys."""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import medialit as ml  # noqa: E402
from medialit import claims, data, plots  # noqa: E402

# The evidence record's status for each claim the lesson uses (data/evidence/battlefield.yaml).
EXPECTED_STATUS = {
    "sf-rutte": "WRONG", "sf-uninvolved": "CONFIRMED", "sf-combat-zone": "OPINION",
    "sf-condemned": "CONFIRMED", "sf-preemptive": "OPINION", "sf-threshold": "OPINION",
    "sf-huliaipole": "UNCONFIRMED", "sf-drobysheve": "UNCONFIRMED", "sf-lyman": "UNCONFIRMED",
    "sf-reserves": "UNCONFIRMED", "sf-unstoppable": "OPINION",
    "vn-rzeszow": "OPINION", "vn-article5": "OPINION", "vn-missiles": "UNCONFIRMED",
    "vn-defense-pact": "UNCONFIRMED", "vn-belarus": "WRONG",
    "lm-charter": "WRONG", "lm-article5": "CONFIRMED",
}
LEDGER_FOR = {"CONFIRMED": {"supported"}, "WRONG": {"contradicted"},
              "UNCONFIRMED": {"unsupported", "cannot tell yet"}}


@pytest.fixture(scope="module")
def table():
    return claims.claims_table()


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("*", "")
    return " ".join(text.split())


# ---------------------------------------------------------------- ladder


def test_ladder_has_five_ordered_rungs_with_definitions():
    assert [r.number for r in claims.LADDER] == [0, 1, 2, 3, 4]
    assert all(len(r.definition.split()) >= 8 for r in claims.LADDER)
    assert list(claims.ladder_frame()["rung"]) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("kwargs, expected", [
    ({}, 0),
    ({"party_sources": 1}, 1),
    ({"party_sources": 3, "checkable_evidence": True}, 1),  # one side's footage stays on rung 1
    ({"independent_sources": 1}, 2),
    ({"independent_sources": 1, "checkable_evidence": True}, 3),
    ({"independent_sources": 2}, 4),
    ({"independent_sources": 2, "party_sources": 2, "checkable_evidence": True}, 4),
])
def test_place_on_ladder(kwargs, expected):
    assert claims.place_on_ladder(**kwargs).number == expected


def test_opinion_is_not_on_the_ladder():
    assert claims.place_on_ladder(opinion=True, independent_sources=3) is None


@pytest.mark.parametrize("bad", [-1, 1.5, "2", True, None])
def test_place_on_ladder_refuses_bad_counts(bad):
    with pytest.raises(ValueError, match="whole number"):
        claims.place_on_ladder(party_sources=bad)


# ---------------------------------------------------------------- claims table


def test_claims_statuses_match_the_evidence_record(table):
    assert dict(zip(table["claim_id"], table["status"], strict=False)) == EXPECTED_STATUS
    assert table["claim_id"].is_unique
    for _, row in table.iterrows():
        assert row["status_detail"].startswith(row["status"]), row["claim_id"]


def test_unconfirmed_details_do_not_overstate(table):
    details = dict(zip(table["claim_id"], table["status_detail"], strict=False))
    # Content audit 2026-12: ISW's two-month total cannot "contradict" a one-day claim.
    assert details["sf-huliaipole"] == "UNCONFIRMED (nobody was found making the claim; the one independent assessment cannot settle one day at one place)"
    # Re-audit 0203: Ukraine's report of fighting does not say who holds the settlement.
    assert details["sf-drobysheve"] == ("UNCONFIRMED (Russia claims it; Ukraine still reported fighting there "
                                        "on 7 March; no independent source)")
    assert details["sf-lyman"] == "UNCONFIRMED (only Russian-side sources; nobody independent has checked)"
    assert details["vn-missiles"].startswith("UNCONFIRMED (partly grounded for China")
    for _, row in table.iterrows():
        assert "contradicted by" not in row["status_detail"] + row["rung_reason"], row["claim_id"]
        assert "village" not in row["what"] + row["what_each_party_says"], row["claim_id"]  # Drobysheve is a settlement
    for _, row in table[table["status"] == "UNCONFIRMED"].iterrows():
        rest = row["status_detail"].replace("UNCONFIRMED", "")
        assert "CONFIRMED" not in rest, row["claim_id"]


def test_drobysheve_shows_both_parties(table):
    row = table.set_index("claim_id").loc["sf-drobysheve"]
    assert "Ukraine: its General Staff reported on 7 March 2026" in row["what_each_party_says"]
    ids = row["evidence"].split()
    assert {"ev-b-drobysheve-ru-mod", "ev-b-drobysheve-ua-genstaff"} <= set(ids)
    assert "points the other way" not in table.set_index("claim_id").loc["sf-reserves", "rung_reason"]


def test_sentence_ids_exist_and_quotes_are_as_printed(table):
    for _, row in table.iterrows():
        article = ml.load_article(row["article"])
        text = _norm(" ".join(article.sentence(sid).text for sid in row["sentences"].split()))
        quotes = re.findall(r'"([^"]+)"', row["claim_as_printed"])
        assert quotes, row["claim_id"]
        for quote in quotes:
            for piece in quote.split(" ... "):
                assert _norm(piece).rstrip(".") in text, (row["claim_id"], piece)


def test_rungs_and_opinions(table):
    for _, row in table.iterrows():
        if row["status"] == "OPINION":
            assert row["rung"] == "", row["claim_id"]
        else:
            assert row["rung"] in {"0", "1", "2", "3", "4"}, row["claim_id"]
        assert row["rung_reason"].strip()
    rungs = dict(zip(table["claim_id"], table["rung"], strict=False))
    assert rungs["sf-drobysheve"] == "1" and rungs["sf-lyman"] == "1"  # a party's claim only
    assert rungs["sf-huliaipole"] == "0" and rungs["sf-reserves"] == "0"


def test_seed_000_battlefield_claims_offer_no_evidence(table):
    battle = table[(table["article"] == "southfront_2026") & (table["kind"] == "battlefield")]
    assert len(battle) == 5
    assert set(battle["offers_evidence"]) == {"none"}
    assert set(table["offers_evidence"]) <= set(claims.EVIDENCE_KINDS)


def test_every_claim_has_sources_and_evidence_ids(table):
    from medialit import evidence_record

    known = evidence_record.records()
    assert "facts_section" not in table.columns
    for _, row in table.iterrows():
        ids = row["evidence"].split()
        assert ids and all(i in known for i in ids), row["claim_id"]
        assert known[ids[0]].status == row["status"], row["claim_id"]  # first id: the claim's own record
        assert row["source_url"].startswith("http"), row["claim_id"]


def test_claims_table_filter(table):
    sub = claims.claims_table(["voltaire_2024"])
    assert set(sub["article"]) == {"voltaire_2024"} and len(sub) == 5
    with pytest.raises(ValueError, match="No claims for"):
        claims.claims_table(["nope"])


def test_anatomy_and_ladder_placements(table):
    a = claims.anatomy(["sf-huliaipole", "vn-belarus"])
    assert list(a["claim_id"]) == ["sf-huliaipole", "vn-belarus"]
    assert {"who", "what", "where", "when", "how_big", "according_to"} <= set(a.columns)
    with pytest.raises(ValueError, match="Unknown claim"):
        claims.anatomy(["nope"])
    placed = claims.ladder_placements()
    row = placed.set_index("claim_id").loc["sf-drobysheve"]
    assert row["rung"] == "1: one side says so"
    assert placed.set_index("claim_id").loc["vn-rzeszow", "rung"].startswith("not on the ladder")


# ---------------------------------------------------------------- reference ledgers and keys


def test_reference_ledgers_agree_with_claims_table(table):
    by_id = table.set_index("claim_id")
    doc = data.load_yaml(claims.REFERENCE_KEY, "keys")
    assert set(doc["ledgers"]) == {"southfront_2026", "voltaire_2024", "ex1_southfront_2026"}
    for ledger in doc["ledgers"].values():
        for row in ledger["rows"]:
            c = by_id.loc[row["id"]]
            assert c["article"] == ledger["article"], row["id"]
            assert row["record_status"] == c["status"], row["id"]
            assert row["evidence"][0] == c["evidence"].split()[0], row["id"]  # the claim's own record
            assert row["sentence"] in c["sentences"].split(), row["id"]
            assert set(row["accept"]) == LEDGER_FOR[c["status"]], row["id"]
            assert set(row.get("hints", {})) <= set(claims.LEDGER_STATUSES) - set(row["accept"]), row["id"]
            assert row["why"].strip()


def test_exercise_key_agrees_with_claims_table(table):
    status = dict(zip(table["claim_id"], table["status"], strict=False))
    qs = ml.feedback.questions()
    pairs = {"uninvolved": "sf-uninvolved", "combat-zone": "sf-combat-zone", "condemned": "sf-condemned",
             "huliaipole": "sf-huliaipole", "drobysheve": "sf-drobysheve", "reserves": "sf-reserves"}
    for suffix, cid in pairs.items():
        q = qs[f"03-ex1-status-{suffix}"]
        assert q["type"] == "choice" and q["answer"] == status[cid], suffix
        assert set(q.get("hints", {})) <= set(claims.FACT_STATUSES) - {q["answer"]}
    rung = dict(zip(table["claim_id"], table["rung"], strict=False))["sf-drobysheve"]
    assert qs["03-ex1-rung-drobysheve"]["answer"] == rung
    free = [k for k, q in qs.items() if k.startswith("03-ex1-") and q["type"] == "free"]
    assert len(free) >= 2 and all(qs[k]["points"] and qs[k]["min_words"] >= 15 for k in free)


def test_ledger_rows_prefill_only_the_claim():
    rows = claims.ledger_rows("voltaire_2024")
    assert [r["id"] for r in rows] == ["vn-missiles", "vn-defense-pact", "vn-belarus"]
    assert all(r["status"] == "" and r["claim"] for r in rows)
    with pytest.raises(ValueError, match="no reference ledger"):
        claims.ledger_rows("nope")
    assert claims.ledger_article("ex1_southfront_2026") == "southfront_2026"


def test_ledger_frame_with_nothing_filled_in():
    frame = claims.ledger_frame(None, "southfront_2026")
    assert len(frame) == 4 and set(frame["match"]) == {"not filled in"}
    assert "not chosen a status" in claims.ledger_summary(frame)


def test_ledger_frame_can_hide_the_key_until_a_row_is_filled():
    frame = claims.ledger_frame({"rows": [{"id": "sf-reserves", "status": "supported"}]},
                                "ex1_southfront_2026", show_key=False).set_index("id")
    assert frame.loc["sf-huliaipole", "key status"] == "" and frame.loc["sf-huliaipole", "record"] == ""
    assert frame.loc["sf-reserves", "record"] == "UNCONFIRMED" and frame.loc["sf-reserves", "match"] == "no"
    empty = claims.ledger_frame(None, "ex1_southfront_2026", show_key=False)
    assert claims.ledger_summary(empty) == "You have not chosen a status for any of the 5 claims yet."


def test_ledger_frame_compares_statuses():
    ledger = {"rows": [
        {"id": "vn-missiles", "status": "cannot tell yet"},
        {"id": "vn-defense-pact", "status": "supported"},
        {"id": "vn-belarus", "status": "Contradicted "},
        {"id": "c1", "claim": "my own claim", "status": "unsupported"},
    ]}
    frame = claims.ledger_frame(ledger, "voltaire_2024").set_index("id")
    assert frame.loc["vn-missiles", "match"] == "yes"
    assert frame.loc["vn-defense-pact", "match"] == "no"
    assert "Naming a minister" in frame.loc["vn-defense-pact", "feedback"]
    assert frame.loc["vn-belarus", "match"] == "yes"
    assert frame.loc["c1", "match"] == "not in the key"
    assert claims.ledger_summary(frame.reset_index()) == "You chose a status for 3 of 3 claims; 2 match the key."


class _FakeWidget:
    def __init__(self, rows):
        self.data = {"rows": rows}


@pytest.mark.parametrize("hostile", [
    "rows", 42, ["a", 1, None], {"rows": "x"}, {"rows": [{"id": None, "status": 3}]}, {}, [],
    _FakeWidget([{"id": "sf-lyman", "status": "unsupported"}]),
])
def test_ledger_frame_never_raises_on_odd_input(hostile):
    frame = claims.ledger_frame(hostile, "southfront_2026")
    assert {"not filled in", "yes"} >= set(frame.loc[frame["match"] != "not in the key", "match"])
    claims.ledger_summary(frame)


def test_ledger_frame_accepts_a_widget_like_object():
    frame = claims.ledger_frame(_FakeWidget([{"id": "sf-lyman", "status": "unsupported"}]), "southfront_2026")
    assert frame.set_index("id").loc["sf-lyman", "match"] == "yes"


# ---------------------------------------------------------------- plots


def _toy():
    return pd.DataFrame({
        "article": ["southfront_2026"] * 3 + ["voltaire_2024"] * 2,
        "status": ["UNCONFIRMED", "UNCONFIRMED", "OPINION", "WRONG", "CONFIRMED"],
        "offers_evidence": ["none", "none", "names a source only", "none", "link or document"],
    })


def test_status_counts_and_summary():
    counts = claims.status_counts(_toy())
    assert list(counts.columns) == list(claims.FACT_STATUSES)
    assert counts.loc["southfront_2026", "UNCONFIRMED"] == 2 and counts.loc["voltaire_2024", "OPINION"] == 0
    text = claims.describe_status_by_article(_toy())
    assert "SouthFront (seed 000): 3 claims (2 UNCONFIRMED, 1 OPINION)" in text
    bad = _toy().assign(status=["FALSE", "WRONG", "WRONG", "WRONG", "WRONG"])
    with pytest.raises(ValueError, match="Unknown status"):
        claims.status_counts(bad)


def test_plot_status_by_article_uses_status_colours_and_hatches():
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_hex

    fig = claims.plot_status_by_article(_toy())
    (ax,) = fig.axes
    bars = ax.patches
    assert len(bars) == 2 * len(claims.FACT_STATUSES)
    colours = {to_hex(b.get_facecolor()) for b in bars}
    assert colours == {c.lower() for c in plots.STATUS_COLOURS.values()}
    assert len({b.get_hatch() for b in bars}) == len(claims.FACT_STATUSES)  # never colour alone
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "SouthFront (seed 000)"
    plt.close("all")


def test_evidence_shares_and_plot():
    import matplotlib.pyplot as plt

    shares = claims.evidence_shares(_toy())
    assert shares.sum(axis=1).round(6).eq(1).all()
    assert shares.loc["southfront_2026", "none"] == pytest.approx(2 / 3)
    text = claims.describe_evidence_share(_toy())
    assert "SouthFront (seed 000): 1 of 3 claims offer any evidence" in text
    assert "Voltaire / Swiss Standpoint (seed 001): 1 of 2" in text
    fig = claims.plot_evidence_share(_toy())
    assert len(fig.axes[0].patches) == 2 * len(claims.EVIDENCE_KINDS)
    plt.close("all")


def test_plot_ladder_places_every_claim_once(table):
    import matplotlib.pyplot as plt

    ax = claims.plot_ladder(table).axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert sorted(t.split(" (")[0] for t in texts) == sorted(table["claim_id"])
    assert "sf-drobysheve (UNCONFIRMED)" in texts
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("not on the ladder") and labels[2] == "1: one side says so"
    plt.close("all")
    text = claims.describe_ladder(table)
    assert "SouthFront (seed 000): 3 rung 0, 2 rung 1, 2 rung 4, 4 not on the ladder" in text


# ---------------------------------------------------------------- treaty


def test_treaty_quotes():
    art5 = claims.treaty_quote(5, "deems   NECESSARY")
    assert art5.sentence == "s005" and "such action as it deems necessary" in art5.text
    assert str(art5).startswith("Article 5 (s005): “The Parties agree")
    assert "consult together" in claims.treaty_quote(4).text
    assert "territory of Turkey" in claims.treaty_quote(6, "Turkey").text
    assert len(claims.treaty_article(4)) == 1 and len(claims.treaty_article(5)) == 3
    assert "Article 6" in claims.treaty_quote(6)._repr_markdown_()


def test_treaty_quote_errors():
    with pytest.raises(ValueError, match="Articles 4, 5 and 6"):
        claims.treaty_article(7)
    with pytest.raises(ValueError, match="No sentence of Article 4"):
        claims.treaty_quote(4, "armed force")


# ---------------------------------------------------------------- other lesson tables


def test_article4_table_matches_the_record():
    t = ml.load_table("article4_consultations")
    row2014 = t[t["date"].str.startswith("2014")].iloc[0]
    assert "UNCONFIRMED" in row2014["status"] and "Baltic" in row2014["note"]
    assert t["source_url"].str.startswith("http").all()
    assert t["evidence"].str.split().map(lambda ids: bool(ids) and all(i.startswith("ev-t-a4-") for i in ids)).all()


def test_checkers_table_is_even_handed():
    t = ml.load_table("checkers")
    assert (t["kind"] == "a party to the conflict").sum() == 2
    for col in ("who_is_behind", "good_for", "limits", "source_url"):
        assert t[col].str.strip().str.len().gt(10).all(), col
    assert t["limits"].str.contains("Presence is not control").any()
    # one party from each side of the war, held to the same caution word for word
    parties = t[t["kind"] == "a party to the conflict"]
    sides = sorted(s for who in parties["who_is_behind"] for s in ("Russia", "Ukraine") if s in who)
    assert sides == ["Russia", "Ukraine"]
    same = {re.sub(r"\b(figures|claims)\b", "...", lim) for lim in parties["limits"]}
    assert len(same) == 1, "the two sides' reports get different cautions"
    # the checkers that are not a party are not exempt: each names its own point of view
    for _, row in t[t["checker"].str.contains("ISW|DeepState")].iterrows():
        assert re.search(r"\bview\b", row["limits"]), row["checker"]


def test_ledger_frame_with_the_real_widget_survives_a_rerun(monkeypatch):
    monkeypatch.setenv("MEDIALIT_LEARNER", "tester")  # nothing is saved before a learner id is chosen
    rows = claims.ledger_rows("southfront_2026")
    ledger = ml.ClaimLedger("southfront_2026", rows=rows, activity="03:claims:southfront_2026")
    assert [r["id"] for r in ledger.data["rows"]] == [r["id"] for r in rows]  # ids kept
    ledger.edit_row(1, status="cannot tell yet", claimant="the article (Russia's MoD, unattributed)")
    ledger.edit_row(0, status="supported")
    again = ml.ClaimLedger("southfront_2026", rows=rows, activity="03:claims:southfront_2026")
    frame = claims.ledger_frame(again, "southfront_2026").set_index("id")
    assert frame.loc["sf-drobysheve", "match"] == "yes"
    assert frame.loc["sf-huliaipole", "match"] == "no"
    assert frame.loc["sf-lyman", "match"] == "not filled in"


def test_fact_and_ledger_statuses_are_two_named_sets():
    from medialit import schema

    assert claims.FACT_STATUSES == ("CONFIRMED", "WRONG", "UNCONFIRMED", "OPINION")
    assert claims.LEDGER_STATUSES is schema.LEDGER_STATUSES
    assert not hasattr(claims, "STATUSES")  # one name, one meaning
    assert set(claims.FACT_STATUSES) == set(plots.STATUS_COLOURS)


@pytest.mark.parametrize("plot", ["plot_status_by_article", "plot_evidence_share", "plot_ladder"])
def test_plots_return_a_figure_and_print_nothing(plot, capsys):
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    table = claims.claims_table()
    fig = getattr(claims, plot)(table)
    assert isinstance(fig, Figure)
    assert capsys.readouterr().out == ""
    _, ax = plt.subplots()
    assert getattr(claims, plot)(table, ax=ax) is ax.figure   # drawn into a given Axes
    plt.close("all")

# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03b · Battlefield claims, continued: an evidence ladder, and claims about NATO's treaty
#
# In this lesson you fill a second claim ledger, measure how much support each claim has, and
# check claims about NATO's treaty against the treaty text. Do lesson 03 first.
#
# **Questions**
# - How much support does a claim have, and who gives it?
# - What does the treaty text really say about Articles 4, 5 and 6?
#
# **Objectives**: fill a claim ledger and compare it with our key; place a claim on an evidence
# ladder and say why; check a claim about NATO's treaty against its text.
#
# **Time**: 45 minutes (setup 3, sections 12 + 10 + 13 + 5, key points 2).

# %% [markdown] tags=["instructor"]
# **Instructor notes.** Second period of lesson 03: Voltaire ledger 12 min, ladder 10 min,
# treaty 13 min, plots 5 min. The ledger's work is filed under lesson "03" like lesson 03's, so
# the dashboard shows both ledgers together. Keep the tone of lesson 03: evidence, not sides.

# %%
import medialit as ml
from medialit import claims

ml.lesson("03")  # part b of lesson 03: your work is filed under "03", with lesson 03's
ml.plots.setup()
voltaire = ml.load_article("voltaire_2024")
ml.LearnerBox(compact=True)

# %% [markdown]
# ## 1. A second ledger: the Voltaire editorial (12 minutes)
#
# Here are the last paragraphs of the Voltaire Network editorial of 31 May 2024, as republished
# by Swiss Standpoint on 7 June 2024 (record `ev-src-swiss-standpoint-date`). Rzeszów (s015-s016)
# is about the *future* ("would then have to"): a prediction, an **opinion** (record
# `ev-b-vn-rzeszow`), so it is not in the ledger. Fill in the ledger for the three checkable claims, then open our key.

# %%
for sid in ["s015", "s016", "s018", "s019", "s020"]:
    print(sid, voltaire.sentence(sid).text, "\n")

# %%
ledger_vn = ml.ClaimLedger("voltaire_2024", rows=claims.ledger_rows("voltaire_2024"))
ledger_vn

# %%
ml.KeyReveal("03-ledger-vn-key", lambda: ml.live(ledger_vn, lambda led: claims.ledger_view(led, "voltaire_2024")),
             activities=[ledger_vn])

# %% [markdown]
# ### What the sources say
#
# Read this after opening the key. Did anything change your mind? Edit your ledger: the key
# follows your edits, and your first answers stay kept. Type a record id (such as
# `ev-b-typhon-philippines`) in the box below to read its sources and excerpts.

# %%
ml.Lookup()

# %% [markdown]
# - In their joint statement of 16 May 2024, Russia and China accused the US of *planning* to put
#   missile systems where they would threaten them both, and of using joint exercises to deploy
#   intermediate-range missiles in the Asia-Pacific (the two governments' claim; record
#   `ev-b-joint-statement-missiles`;
#   Bloomberg, checked via
#   [nhub.news](http://nhub.news/en/2024/05/putin-and-xi-vow-to-step-up-fight-to-counter-us-containment)).
# - One US system was already in Asia: in April 2024 the US Army transported its Typhon
#   mid-range launcher to the northern Philippines for exercises. A Philippine official told AP
#   that its range puts China within reach. Note where it stands: in the Philippines, not in
#   China (record `ev-b-typhon-philippines`; AP, checked via
#   [KVIA](https://kvia.com/news/2024/09/24/us-missile-system-will-remain-in-the-philippines-despite-chinas-alarm/)).
#   The course found nothing like it near Russia (record `ev-b-vn-missiles`).

# %% [markdown]
# - The same joint statement promised tighter coordination, the two armies included, and said the
#   relationship had gone beyond the Cold-War model of a military alliance (record
#   `ev-b-joint-statement-alliance`; wording checked via
#   [ExBulletin](https://exbulletin.com/politics/2702666/)). The course's search turned up no
#   announcement by Lavrov of a defence pact (record `ev-b-vn-defense-pact`).

# %% [markdown]
# - Russia's first stage of drills with non-strategic nuclear weapons began on 21 May 2024 in its
#   Southern Military District ([TASS](https://tass.com/politics/1791331)). Earlier, in words
#   reported on 9 May, Putin had said Belarus would join at the second stage, and Lukashenko that the
#   first stage was done "separately" ([Pozirk](https://pozirk.online/en/news/84515); BelTA via
#   [udf.name](https://udf.name/english/politics/268572-belarus-russia-jointly-conducting-nuclear-weapons-exercise.html)); Russia and Belarus began that joint stage on
#   11 June 2024 ([The Moscow Times, 11 June 2024](https://www.themoscowtimes.com/2024/06/11/russia-belarus-begin-joint-tactical-nuclear-drills-a85367))
#   (records `ev-b-nuclear-drills`, `ev-b-vn-belarus`).

# %% [markdown]
# Notice the difference between the three. The Belarus sentence is **contradicted** on its timing:
# in words reported on 9 May, Putin said Belarus would join at the second stage and Lukashenko said
# the first stage was done "separately"; Russia's Defence Ministry said the joint second stage began on 11 June
# 2024. Here the claim is about what the two governments themselves planned and announced, so
# their own published words are the primary record. They go *against* the claim, so they set its
# status (**WRONG**). On the ladder below the claim stays on rung 0: the article gives no source,
# and the evidence found goes against it (record `ev-b-vn-belarus`). Belarus did start a snap
# inspection of its own carriers of such weapons on 7 May, but both governments put the joint
# drill in the second stage, from 11 June; only one report (Politico) calls the May stage "joint" (records `ev-b-vn-belarus`,
# `ev-b-nuclear-drills`). The other two stay **unconfirmed**, for different reasons. The missile
# claim is partly grounded for China (a US launcher in the Philippines that, a Philippine official
# said, has China within range); for Russia the course found nothing comparable (record
# `ev-b-vn-missiles`). For the
# "joint defense agreement" nothing was found, and the joint statement's own words about going
# beyond an alliance sit badly with it.

# %% [markdown]
# ## 2. An evidence ladder (10 minutes)
#
# The ladder measures how much **support** a claim has, from nothing to several independent
# confirmations. Evidence *against* a claim goes into its status, not onto the ladder. Opinions,
# predictions and scenarios are not on the ladder at all: there is nothing to confirm yet.

# %%
ml.display.html_table(claims.ladder_frame())

# %% [markdown]
# The function `claims.place_on_ladder` applies these definitions. For Drobysheve, the only
# support found is one party to the conflict (the other party still reported fighting there on
# 7 March):

# %%
print(claims.place_on_ladder(party_sources=1, independent_sources=0))
print(claims.place_on_ladder(party_sources=1, independent_sources=1, checkable_evidence=True))

# %% [markdown]
# The second line shows what *would* happen if an independent source published geolocated,
# dated footage from the settlement: rung 3. None of the sources the course checked has done so.
#
# Here is every claim of seeds 000 and 001 in the course's table on the ladder, with the reason.
# Note that the articles themselves offer nothing for any of the battlefield claims: *as
# printed*, they all start on rung 0.

# %%
cases = claims.claims_table(["southfront_2026", "voltaire_2024"])
ml.plots.show(claims.plot_ladder(cases), claims.describe_ladder(cases))

# %% [markdown]
# The reason for each placement:

# %%
placed = claims.ladder_placements()
ml.display.html_table(placed[placed["article"].isin(["southfront_2026", "voltaire_2024"])],
                      ["claim_id", "status", "rung", "rung_reason"])

# %% [markdown]
# ## 3. Claims about the treaty, checked against the treaty (13 minutes)
#
# Both articles also make claims about NATO's treaty. Here the primary source is in the course:
# Articles 4 to 6 of the North Atlantic Treaty, signed in Washington on 4 April 1949 (record
# `ev-t-treaty-signed`). NATO's page of official texts itself was not opened, so the course's
# extract was compared with other copies: Article 4 matches a UK Parliament reproduction word for
# word, Article 5 a NATO page from 2001 that quotes it, and Article 6 a copy in the Pentagon Papers
# apart from a capital letter, a comma and a footnote mark (records `ev-t-art4-text`,
# `ev-t-art5-text`, `ev-t-art6-text`).
# Article 5 first:

# %%
claims.treaty_quote(5, "deems necessary")

# %% [markdown]
# Look for the words "such action as it deems necessary". Each ally promises to assist the ally
# that is attacked, "forthwith" (at once), but decides what action to take; armed force is one
# option ("including"), not an automatic duty (record `ev-b-treaty-art5`). And, as reported up to
# January 2026, Article 5 has been invoked only once: on 12 September 2001, the day after the attacks of
# 11 September on the United States (records `ev-b-article5-once`, `ev-t-art5-invoked-2001`;
# [NATO](https://www.nato.int/terrorism/five.htm)).
#
# Seed 001 (s017) says that the other allies would have to decide
# "whether or not to activate Article 5 of the North Atlantic Treaty and start World War III".
# Whether they would activate it is a scenario (an opinion; record `ev-b-vn-article5`), and
# the treaty text shows that even invoking Article 5 would leave each ally to decide its action.

# %% [markdown]
# Next, Article 6 in the form it has had since Greece and Turkey joined NATO (rewritten by a
# protocol of 1951: record `ev-t-art6-1951-protocol`). Where does it place Turkey?

# %%
claims.treaty_quote(6, "territory of Turkey")

# %% [markdown]
# Article 6 names "the territory of Turkey" (record `ev-b-treaty-art6-turkey`). So a missile
# heading toward Turkey, like the one NATO air defences shot down on 4 March 2026 (record
# `ev-b-interception`; AFP, checked via
# [The New Indian Express](https://www.newindianexpress.com/world/2026/Mar/05/turkey-says-missile-launched-from-iran-destroyed-by-nato)),
# concerns an area the treaty covers. Who aimed it where is disputed: Iran denied firing at
# Turkey; a Turkish official told AFP it was meant for a base in Cyprus; a NATO spokesman later
# said it had targeted Turkey (records `ev-b-iran-denial`, `ev-b-missile-target`). Yet none of the
# sources the course checked shows any ally invoking Article 5 (record `ev-b-no-article5`), and
# NATO Secretary General Mark Rutte said "Nobody's talking about Article 5"
# (record `ev-b-rutte-interview`; Reuters interview, 5 March 2026, checked via
# [The Straits Times](https://www.straitstimes.com/world/europe/highlights-of-nato-chiefs-interview-with-reuters)).
# (Article 6 also still names "the Algerian Departments of France". A copy of the text we checked
# has a footnote mark there, but we could not read the footnote: record
# `ev-t-art6-algeria-footnote`.)

# %% [markdown]
# Article 4 is a different, smaller step: the allies *consult* (talk together) whenever any one of
# them thinks that the territory, political independence or security of any ally is threatened
# (records `ev-t-art4-text`, `ev-b-treaty-art4`).

# %%
claims.treaty_quote(4)

# %%
ml.display.html_table(ml.load_table("article4_consultations"), ["date", "requested_by", "occasion", "note", "status"])

# %% [markdown]
# How many times has Article 4 been used? In July 2023 NATO's page on consultations gave a count
# of seven (record `ev-t-a4-seven-times-2023`;
# [NATO](https://www.nato.int/cps/en/natohq/topics_49187.htm)). Two requests followed in September
# 2025, from Poland and then Estonia. Adding them gives nine, but **nine is the course's own sum;
# we found no NATO figure of nine** (record `ev-t-a4-count-nine`). Whether the Baltic states joined
# Poland's 2014 request is **unconfirmed** (record `ev-t-a4-2014-baltic`).

# %% [markdown]
# ### Two SouthFront claims about the treaty
#
# - **"He suddenly backtracked"** (s002-s003). Rutte said both "defend every inch" and "Nobody's
#   talking about Article 5" in *one* Reuters interview, on 5 March 2026. Shooting down a missile
#   to protect an ally's territory is one step; invoking Article 5 is another. Saying yes to the
#   first and no to the second is not a U-turn: **WRONG** (record `ev-b-sf-rutte`). The words
#   "not on the table" appear in the web address of a Reuters report; no published transcript
#   shows Rutte saying them, so as his own words they are **unconfirmed** (record `ev-b-rutte-not-on-table`;
#   [Reuters report via The Straits Times](https://www.straitstimes.com/world/europe/article-five-not-on-the-table-despite-iran-missile-incident-natos-rutte-says)).
# - **"If the collective defense threshold is lowered to an intercepted missile"** (s017).
#   None of the sources the course checked shows the threshold being lowered: NATO stepped up its
#   missile defence, Rutte said that Article 5 was "not in order here", and none of those sources
#   shows Article 4 or Article 5 being invoked over it (records `ev-b-nato-posture`,
#   `ev-b-rutte-interview`, `ev-b-no-article5`). This is speculation about a step that none of those sources reports:
#   **OPINION** (record `ev-b-sf-threshold`). The same goes for s015, which argues against
#   triggering Article 5 "preemptively", a step that, in Rutte's words, "Nobody's talking about"
#   (records `ev-b-sf-preemptive`, `ev-b-rutte-interview`).

# %%
treaty_claims = claims.claims_table()[lambda t: t["kind"] == "treaty"]
ml.display.html_table(treaty_claims, ["claim_id", "sentences", "status_detail", "rung_reason"])

# %% [markdown]
# ## 4. The whole picture in two plots (5 minutes)
#
# The first plot counts the claims the course studies in each article by their status in the
# evidence record. (These are the claims chosen for the lessons, not every sentence of each
# article.)

# %%
table = claims.claims_table()
ml.plots.show(claims.plot_status_by_article(table), claims.describe_status_by_article(table))

# %% [markdown]
# The second plot asks a simpler question: what does each article itself offer to back its
# claims? A link or a document, only a name, or nothing?

# %%
ml.plots.show(claims.plot_evidence_share(table), claims.describe_evidence_share(table))

# %% [markdown]
# Not one claim in the table comes with a link or a document. In the SouthFront article the
# only claims that name any source are about what politicians said; **none of its battlefield
# claims offers any evidence at all**.

# %% [markdown] tags=["instructor"]
# **Instructor notes: reading the plots.** The status plot is about the claims chosen for the
# course, not a score for each outlet. Point out the two CONFIRMED SouthFront claims (s005-s006,
# s008): an article with no sources can still contain true statements, which is why we check
# claims one by one instead of rejecting or accepting a whole text. The evidence plot shows what
# the articles offer *themselves*; the statuses come from the course's evidence record.

# %% [markdown]
# ## Key points
#
# - The **evidence ladder** runs from bare assertion (rung 0) to several independent
#   confirmations (rung 4). Opinions and predictions are not on it.
# - Check treaty claims against the **treaty text**: under Article 5 each ally will assist an attacked ally
#   but decides how ("such action as it deems necessary"); as reported up to January 2026, it has been invoked
#   once (12 September 2001); Article 4
#   consultations are a different, smaller step.
# - Every fact here has a record: type its id in the look-up box of section 1 (in JupyterLab,
#   `ml.evidence("ev-...")` works too). Next: Exercise 1, "a claim ledger for a SouthFront
#   passage". In JupyterLab, open `exercises/03_unsupported_battlefield_claims_ex1.ipynb`; in the
#   web-app view, your teacher opens the exercises page, where you click
#   `03_unsupported_battlefield_claims_ex1.ipynb`.

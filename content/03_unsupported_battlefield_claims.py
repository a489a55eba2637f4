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
# # 03 · Unsupported battlefield claims: what exactly is claimed, and who could confirm it?
#
# In this lesson you take war reports apart into checkable pieces and ask, for each piece, who
# could confirm it.
#
# **Questions**
# - What exactly does a sentence about the battlefield claim, and according to whom?
# - Who could confirm it independently, and how far can we trust the people who check?
# - What does the treaty text really say about Articles 4, 5 and 6?
#
# **Objectives**: split a claim into who / what / where / when / how big / according to whom;
# fill a claim ledger; place a claim on an evidence ladder and say why; say what each checker is
# good for and where it falls short; check a claim about NATO's treaty against its text.
#
# **Time**: about 45 minutes.

# %% [markdown] tags=["instructor"]
# **Instructor notes: timing and tone.** Suggested timing: anatomy 10 min, ledger 10 min,
# checkers 8 min, ladder 7 min, treaty 7 min, plots and key points 3 min.
#
# This war is part of some learners' lives. Say at the start that the lesson is about *evidence*,
# not about *sides*: the same questions are asked of Russia's Defence Ministry and of Ukraine's
# General Staff, and of ISW and DeepStateMap. If a discussion turns into "which side is right",
# bring it back to "what would show us?" and "who could check this independently?".
# "We cannot tell yet" is a complete and respectable answer in this lesson. See
# `docs/instructor-guide.md`, section 03, for more.

# %% [markdown]
# ## Before we start
#
# This lesson is about a real war. Some of you may know people who are affected by it. We will
# not take sides here, and we will not say who is winning. We will ask the same questions of
# every source, whichever side it is on:
#
# 1. What exactly is claimed?
# 2. Who says so, and what evidence do they show?
# 3. Who could confirm it independently?
#
# Very often the honest answer will be: **we cannot tell yet**. That is not a failure. It is
# what careful reading looks like.
#
# Run the box below to load the course's helper package.

# %%
import pandas as pd

import medialit as ml
from medialit import claims

ml.plots.setup()
pd.set_option("display.max_colwidth", 400)
print("Ready. Articles:", ", ".join(ml.list_articles()["id"]))

# %% [markdown]
# ## 1. Anatomy of a battlefield claim
#
# A report about fighting is only checkable if it says:
#
# | question | example of a good answer |
# |---|---|
# | **who** acted? | a named unit or army |
# | **what** happened? | took a village, advanced, attacked |
# | **where**? | a named place, not a whole "front" |
# | **when**? | a date, ideally a time |
# | **how big**? | metres, square kilometres, number of attacks |
# | **according to whom**? | a named source you can look up |
#
# When one of these is missing, the claim becomes harder to confirm, and also harder to prove
# false.

# %% [markdown]
# ### The SouthFront article (seed 000)
#
# Read these sentences from the unsigned SouthFront article dated 6 March 2026. The article gives
# no byline, no sources and no links (see lesson 01).

# %%
southfront = ml.load_article("southfront_2026")
for sid in ["s019", "s020", "s021", "s024"]:
    print(sid, southfront.sentence(sid).text, "\n")

# %% [markdown]
# **Your turn (2 minutes).** For sentence s019, write down the six answers before you look at the
# table below. Which of the six questions has no answer at all?

# %%
claims.anatomy(["sf-huliaipole", "sf-drobysheve", "sf-lyman", "sf-reserves", "sf-unstoppable"])

# %% [markdown]
# What the anatomy shows:
#
# - **According to whom?** No source is named in any of the five rows. The article states these
#   things as if they were simply known.
# - **How big?** "Major strategic", "widening", "unstoppable": big words, no numbers.
# - **Where?** "The Gulyaipole front" (also spelled Huliaipole) names an area, not a place.
# - **When?** "Simultaneously" places the Drobysheve and Lyman claims on 5 March. Keep that in
#   mind for section 2.
# - "Unstoppable advance" has no who-where-when core at all: it is a conclusion, an
#   **opinion**, not a report.

# %% [markdown]
# ### The Voltaire Network editorial (seed 001)
#
# Now the last two paragraphs of the Voltaire Network editorial of 31 May 2024, as republished by
# Swiss Standpoint on 7 June 2024.

# %%
voltaire = ml.load_article("voltaire_2024")
for sid in ["s015", "s016", "s018", "s019", "s020"]:
    print(sid, voltaire.sentence(sid).text, "\n")

# %%
claims.anatomy(["vn-rzeszow", "vn-missiles", "vn-defense-pact", "vn-belarus"])

# %% [markdown]
# What the anatomy shows:
#
# - **Rzeszów** (s015-s016) is about the *future* ("would then have to"). A prediction cannot be
#   confirmed before it happens: it is a scenario, an **opinion**.
# - **The "joint defense agreement"** (s019) names a source, Sergei Lavrov, but gives no date,
#   place, words or link. Naming someone is not the same as showing what they said.
# - **The Belarus simulations** (s020) say "currently", so the claim is about 31 May 2024. The
#   date matters, as you will see.

# %% [markdown]
# ## 2. A claim ledger for each article
#
# A **claim ledger** is a table with one row per claim: who makes it, what evidence is offered,
# who could confirm it independently, your status and your confidence. The statuses are:
#
# - **supported**: independent evidence backs it;
# - **contradicted**: independent evidence goes against it;
# - **unsupported**: no evidence is offered for it;
# - **cannot tell yet**: you would need more information.
#
# Fill in the ledger below for the four SouthFront claims. First fill in the claimant and the
# evidence, using only what the article itself says (write "none" where it offers nothing). Choose
# the statuses after reading the next cell. Your work is saved as you type.

# %%
ledger_sf = ml.ClaimLedger("southfront_2026", rows=claims.ledger_rows("southfront_2026"),
                           activity="03:claims:southfront_2026")
ledger_sf

# %% [markdown]
# ### What each party says, and who could check
#
# Here is what the course's fact sheet found for these claims. Read it as a list of *claims by
# named sources*, each with its date:
#
# - **Drobysheve.** Russia's Defence Ministry claimed on 2 March 2026 that the village had been
#   taken (the Ministry's claim, checked via
#   [Lenta.ru, 2 March 2026](https://lenta.ru/news/2026/03/02/rossiyskie-voyska-zanyali-naselennyy-punkt-v-zone-svo/)).
#   No independent or Ukrainian confirmation was found: **unconfirmed**. The article repeats the
#   claim without saying whose it is, and moves it to 5 March.
# - **Lyman.** Russian-side reports spoke of "urban battles" inside the town on 2 March 2026
#   ([Gazeta.ru](https://www.gazeta.ru/army/news/2026/03/02/27969205.shtml)), so "reached Lyman's
#   northern outskirts" on 5 March does not fit even their own account. The word "encirclement"
#   comes from Russian war correspondents. **Unconfirmed.**

# %% [markdown]
# - **Huliaipole.** No source was found claiming a breakthrough on 5 March, not even Russia's
#   Defence Ministry. ISW (understandingwar.org), in an assessment reported on 7 March 2026
#   (checked via
#   [war.obozrevatel.com](https://war.obozrevatel.com/vsu-dostigli-znachitelnyih-uspehov-i-osvobodili-okolo-244-kv-km-na-yuge-kartyi-isw.htm)),
#   counts about 244 km² won back by Ukraine in the south (around Huliaipole and Oleksandrivka)
#   and about 115 km² taken by Russia, both since the start of 2026. On 9 March 2026 a spokesman for
#   Ukraine's Southern Defence Forces, himself a party to the conflict, said Ukrainian units still
#   held part of the town while Russian forces tried to surround it
#   ([UNIAN](https://www.unian.net/war/gulyaypole-voloshin-rasskazal-o-situacii-v-gorode-13309209.html)).
#   **Unconfirmed, and contradicted by the ISW assessment.** We cannot tell yet.
# - **Reserves.** No source, named or otherwise: **unconfirmed**.

# %% [markdown]
# Now compare your ledger with the reference. The "fact sheet" column is the course's checked
# status. If you have not filled anything in yet, the table shows the key only.

# %%
frame_sf = claims.ledger_frame(ledger_sf, "southfront_2026")
print(claims.ledger_summary(frame_sf))
frame_sf

# %% [markdown]
# ### Your ledger for the Voltaire editorial
#
# Do the same for the three checkable claims of seed 001. Before you choose a status, read:
#
# - In their joint statement of 16 May 2024, Russia and China said the US *planned* to put
#   missile systems in places that would threaten them both (Bloomberg, checked via
#   [nhub.news](http://nhub.news/en/2024/05/putin-and-xi-vow-to-step-up-fight-to-counter-us-containment)).
# - The same statement ([text via EIN Presswire](https://www.einpresswire.com/article/712357678/president-xi-jinping-and-russian-president-vladimir-putin-jointly-sign-and-issue-a-joint-statement-on-deepening-the-china-russia-co))
#   promised closer cooperation, between the armed forces too, and described the relationship
#   as going beyond a Cold-War-style military alliance (wording checked via
#   [ExBulletin](https://exbulletin.com/politics/2702666/));
#   Xi spoke of "non-alliance and non-confrontation" (France 24, checked via
#   [Rational Review](https://news.rationalreview.com/archives/168064)).
#   No record was found of Lavrov announcing a defence agreement.

# %% [markdown]
# - Russia's first stage of drills with non-strategic nuclear weapons began on 21 May 2024 and
#   involved only Russian forces ([TASS](https://tass.com/politics/1791331)); Russia and Belarus
#   began a joint stage only on 11 June 2024 ([The Moscow Times, 11 June 2024](https://www.themoscowtimes.com/2024/06/11/russia-belarus-begin-joint-tactical-nuclear-drills-a85367)).

# %%
ledger_vn = ml.ClaimLedger("voltaire_2024", rows=claims.ledger_rows("voltaire_2024"),
                           activity="03:claims:voltaire_2024")
ledger_vn

# %%
frame_vn = claims.ledger_frame(ledger_vn, "voltaire_2024")
print(claims.ledger_summary(frame_vn))
frame_vn

# %% [markdown]
# Notice the difference: the Belarus sentence is **contradicted** (WRONG in the fact sheet),
# because dated reports show the drills were not yet joint on 31 May 2024. The other two are
# **unconfirmed**: the course's checks found nothing that shows them true or false (though the
# joint statement's talk of going beyond an alliance, and Xi's "non-alliance", sit badly with a
# "joint defense agreement").

# %% [markdown] tags=["instructor"]
# **Instructor notes: the ledger.** Learners often pick "contradicted" for Huliaipole because of
# the ISW figures. Accept the reasoning, then explain why the fact sheet keeps UNCONFIRMED: one
# assessment built from open sources, seen second-hand, is not a full check of a front line. The
# reference accepts both "unsupported" and "cannot tell yet" for UNCONFIRMED claims; discuss the
# difference (nothing offered vs. more information needed) rather than marking one wrong. Some
# learners pick "supported" for Drobysheve because "the Ministry said so": this is the moment for
# section 3.

# %% [markdown]
# ## 3. The checkers are sources too
#
# To check a battlefield claim you will usually turn to one of five kinds of source. Each one is
# itself a source to evaluate: who is behind it, what is it good for, where does it fall short?
# The table below is written from the course's fact sheet (section 3c); the links are in the
# `source_url` column.

# %%
checkers = ml.load_table("checkers")
checkers[["checker", "kind", "who_is_behind", "good_for", "limits"]]

# %% [markdown]
# Three rules follow from this table:
#
# 1. **A party's claim is not a confirmation.** Russia's Defence Ministry and Ukraine's General
#    Staff are both sides in the war. Each has reasons to shape the picture: to play up gains or
#    play down losses. Their reports tell you what that side *says*, and when. That is useful,
#    but it is a claim.
# 2. **Presence is not control.** A geolocated video shows that someone was at one spot at one
#    moment. It does not show who holds a village the next day.
# 3. **Not official does not mean neutral.** ISW is a Washington think tank with its own outlook;
#    DeepStateMap is a volunteer project, but it works with Ukrainian units, so it gives a
#    Ukrainian view. Use them for what they are good at, and say whose view you are quoting.

# %% [markdown]
# **Your turn (3 minutes).** Drobysheve: which two of the five checkers would you look at first,
# and what would each of them have to show to change the status? Write your answer in the
# "note" of the Drobysheve row in your SouthFront ledger above.

# %% [markdown]
# ## 4. An evidence ladder
#
# The ladder measures how much **support** a claim has, from nothing to several independent
# confirmations. Evidence *against* a claim goes into its status, not onto the ladder. Opinions,
# predictions and scenarios are not on the ladder at all: there is nothing to confirm yet.

# %%
claims.ladder_frame()

# %% [markdown]
# The function `claims.place_on_ladder` applies these definitions. For Drobysheve, the only
# source found is one party to the conflict:

# %%
print(claims.place_on_ladder(party_sources=1, independent_sources=0))
print(claims.place_on_ladder(party_sources=1, independent_sources=1, checkable_evidence=True))

# %% [markdown]
# The second line shows what *would* happen if an independent source published geolocated,
# dated footage from the village: rung 3. That has not happened in any source the course checked.
#
# Here is every claim of seeds 000 and 001 on the ladder, with the reason. Note that the
# articles themselves offer nothing for any of the battlefield claims: *as printed*, they all
# start on rung 0.

# %%
claims.plot_ladder(claims.claims_table(["southfront_2026", "voltaire_2024"]))
ml.plots.summary(claims.describe_ladder(claims.claims_table(["southfront_2026", "voltaire_2024"])))

# %% [markdown]
# The reason for each placement:

# %%
placed = claims.ladder_placements()
placed[placed["article"].isin(["southfront_2026", "voltaire_2024"])]

# %% [markdown]
# ## 5. Claims about the treaty, checked against the treaty
#
# Both articles also make claims about NATO's treaty. Here the primary source is in the course:
# Articles 4 to 6 of the North Atlantic Treaty, signed in Washington on 4 April 1949 (text
# checked against [NATO's archive](https://www.nato.int/archives/1st5years/annexes/a.htm)).
# Article 5 first:

# %%
claims.treaty_quote(5, "deems necessary")

# %% [markdown]
# Look for the words "such action as it deems necessary". Each ally decides what it does; armed
# force is one option ("including"), not an automatic duty. And Article 5 has been invoked only
# once: on 12 September 2001, the day after the attacks of 11 September on the United States
# ([NATO](https://www.nato.int/cps/en/natohq/126244.htm)).
#
# Seed 001 (s017) says that allies would have to decide "whether or not to activate Article 5
# ... and start World War III". Whether they would activate it is a scenario (an opinion), and
# the treaty text shows that even invoking Article 5 would leave each ally to decide its action.

# %% [markdown]
# Next, Article 6, as amended by the 1951 Protocol on the accession of Greece and Turkey. Where
# does it place Turkey?

# %%
claims.treaty_quote(6, "territory of Turkey")

# %% [markdown]
# Turkey's territory is inside the area that Article 6 covers. So a missile heading toward
# Turkey, like the one NATO air defences intercepted on 4 March 2026
# ([Gulf News](https://gulfnews.com/world/mena/missile-scare-over-turkey-how-iran-war-is-testing-natos-collective-defence-pledge-1.500465705)),
# concerns an area the treaty covers. (Iran denied firing at Turkey; a Turkish official
# suggested the missile may have been aimed at Cyprus and gone off course: same report.) Yet no ally invoked Article 5: NATO Secretary General Mark
# Rutte said "Nobody's talking about Article 5" (Reuters interview, 5 March 2026, checked via
# [The Straits Times](https://www.straitstimes.com/world/europe/highlights-of-nato-chiefs-interview-with-reuters)).

# %% [markdown]
# Article 4 is a different, smaller step: allies *consult* when one of them feels threatened.

# %%
claims.treaty_quote(4)

# %%
ml.load_table("article4_consultations")[["date", "requested_by", "occasion", "note", "status"]]

# %% [markdown]
# How many times has Article 4 been used? NATO's own topic page said in July 2023 that it "has
# been invoked seven times" ([NATO](https://www.nato.int/cps/en/natohq/topics_49187.htm)). The
# table adds two requests from September 2025 (Poland; Estonia). Counting the same way gives
# nine, but **that total is our arithmetic, not a NATO figure**. Whether the Baltic states joined
# Poland's 2014 request is **unconfirmed**.

# %% [markdown]
# ### Two SouthFront claims about the treaty
#
# - **"He suddenly backtracked"** (s002-s003). Rutte's "defend every inch" and "Nobody's talking
#   about Article 5" come from the *same* Reuters interview of 5 March 2026. Defending territory
#   by intercepting a missile is not the same step as invoking Article 5, so there was no
#   reversal: **WRONG**. The words "not on the table" come from a headline, not from Rutte; as his
#   own words they are **unconfirmed**
#   ([Reuters headline via The Straits Times](https://www.straitstimes.com/world/europe/article-five-not-on-the-table-despite-iran-missile-incident-natos-rutte-says)).
# - **"If the collective defense threshold is lowered to an intercepted missile"** (s017). No
#   threshold changed: NATO raised its missile-defence posture, and no stored source shows
#   Article 4 or Article 5 invoked (Gulf News, above). This is speculation about something that
#   did not happen: **OPINION**. The same goes for s015, which argues against a "pre-emptive"
#   Article 5 that no ally proposed.

# %%
claims.claims_table()[lambda t: t["kind"] == "treaty"][["claim_id", "sentences", "status_detail", "rung_reason"]]

# %% [markdown]
# ## 6. The whole picture in two plots
#
# The first plot counts the claims the course studies in each article by their fact-sheet
# status. (These are the claims chosen for the lessons, not every sentence of each article.)

# %%
table = claims.claims_table()
claims.plot_status_by_article(table)
ml.plots.summary(claims.describe_status_by_article(table))

# %% [markdown]
# The second plot asks a simpler question: what does each article itself offer to back its
# claims? A link or a document, only a name, or nothing?

# %%
claims.plot_evidence_share(table)
ml.plots.summary(claims.describe_evidence_share(table))

# %% [markdown]
# Not one claim in the table comes with a link or a document. In the SouthFront article the
# only claims that name any source are about what politicians said; **none of its battlefield
# claims offers any evidence at all**.

# %% [markdown] tags=["instructor"]
# **Instructor notes: reading the plots.** The status plot is about the claims chosen for the
# course, not a score for each outlet. Point out the two CONFIRMED SouthFront claims (s005-s006,
# s008): an article with no sources can still contain true statements, which is why we check
# claims one by one instead of rejecting or accepting a whole text. The evidence plot shows what
# the articles offer *themselves*; the statuses come from the fact sheet's own checking.

# %% [markdown]
# ## Key points
#
# - Take a battlefield claim apart: **who, what, where, when, how big, according to whom**. A
#   missing "according to whom" is the first warning sign.
# - A claim by a **party to the conflict** (either side) tells you what that side says; it is not
#   a confirmation.
# - Checkers are **sources too**: ISW, DeepStateMap, both sides' official reports and geolocated
#   footage each have strengths and limits. **Presence is not control.**
# - The **evidence ladder** runs from bare assertion (rung 0) to several independent
#   confirmations (rung 4). Opinions and predictions are not on it.
# - Check treaty claims against the **treaty text**: Article 5 leaves each ally to take the action
#   "it deems necessary"; it has been invoked once (12 September 2001); Article 4 consultations are
#   a different step.
# - "**We cannot tell yet**" is often the honest answer. Next: the exercise `exercises/03_unsupported_battlefield_claims_ex1.ipynb`.

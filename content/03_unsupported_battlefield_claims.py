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
# could confirm it. Lesson 03b continues with the evidence ladder and NATO's treaty.
#
# **Questions**
# - What exactly does a sentence about the battlefield claim, and according to whom?
# - Who could confirm it independently, and how far can we trust the people who check?
#
# **Objectives**: split a claim into who / what / where / when / how big / according to whom;
# fill a claim ledger and compare it with our key; say what each checker is good for and where
# it falls short.
#
# **Time**: 45 minutes (setup 3, sections 10 + 15 + 12, key points 5).

# %% [markdown] tags=["instructor"]
# **Instructor notes: timing and tone.** Anatomy 10 min, ledger 15 min, checkers 12 min, set-up
# and key points 8 min. The evidence ladder, the Voltaire ledger, the treaty and the plots are in
# lesson 03b (a second period).
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
# This lesson is about a real war. Some of you may know people affected by it. We will not take
# sides and we will not say who is winning. We ask the same three questions of every source:
# what exactly is claimed? who says so, with what evidence? who could confirm it independently?
# Often the honest answer is **we cannot tell yet**. That is what careful reading looks like.
#
# Each part has a key. Answer first, then press the key's button: your answers at that moment
# are kept as your first answers. Unsure of a word such as *claim*, *party to a conflict* or
# *unconfirmed*? Type it in the look-up box of section 2. (In JupyterLab you can also run
# `ml.glossary("unconfirmed")` in a new cell, or read `docs/glossary.md`.)

# %%
import medialit as ml
from medialit import claims

ml.lesson("03")  # the work you save in this notebook is filed under "03"
southfront = ml.load_article("southfront_2026")
ml.LearnerBox(compact=True)  # whose work this is: your name, as chosen in the start notebook

# %% [markdown]
# ## 1. Take a claim apart (10 minutes)
#
# A report about fighting is only checkable if it says **who** acted, **what** happened,
# **where** (a named place, not a whole "front"), **when** (a date), **how big** (metres, square
# kilometres, numbers) and **according to whom** (a named source you can look up). When one of
# these is missing, the claim is harder to confirm, and also harder to prove false.
#
# Read these sentences from the unsigned SouthFront article dated 6 March 2026. It gives no
# byline, no sources and no links (see lesson 01).

# %%
for sid in ["s019", "s020", "s021"]:
    print(sid, southfront.sentence(sid).text, "\n")

# %% [markdown]
# **Your turn.** Take sentence s019 apart. Write a few words per box, and "none" where the
# sentence gives no answer.

# %%
anatomy = ml.FieldsAnswer("03-anatomy-huliaipole")
anatomy

# %% [markdown]
# When you have filled in all six, open our key: it marks each of your answers and shows the
# anatomy of all four SouthFront battlefield claims.

# %%
ml.KeyReveal("03-anatomy-key", lambda: ml.live(anatomy, claims.anatomy_key), activities=[anatomy])

# %% [markdown]
# **Once the key is open:** for how many of the four claims is a source named? Which big words
# come without numbers? Does "the Gulyaipole front" name a place or an area? And on which day does
# "simultaneously" put the Drobysheve and Lyman claims?

# %% [markdown] tags=["instructor"]
# What the anatomy shows: **no source is named** for any of the four claims; "major strategic"
# and "widening" are big words without numbers; "the Gulyaipole front" names an area, not a
# place; "simultaneously" puts the Drobysheve and Lyman claims on 5 March (records
# `ev-b-sf-drobysheve`, `ev-b-sf-lyman`).

# %% tags=["instructor"]
ml.check("03-anatomy-huliaipole", {"who": "Russian forces", "what": "a breakthrough through defensive lines",
                                   "where": "the Gulyaipole (Huliaipole) front", "when": "5 March 2026",
                                   "how_big": "not stated", "according_to": "nobody named"})

# %% [markdown]
# ## 2. A claim ledger (15 minutes)
#
# A **claim ledger** has one row per claim: who makes it, what evidence is offered, who could
# confirm it independently, your status and your confidence. The statuses are:
#
# - **supported**: independent evidence backs it;
# - **contradicted**: independent evidence goes against it;
# - **unsupported**: no evidence is offered for it;
# - **cannot tell yet**: you would need more information.
#
# Fill in the ledger for the four SouthFront claims, using only what the article itself says
# (write "none" where it offers nothing), and choose a status for each. Your work is saved as you
# type.

# %%
ledger_sf = ml.ClaimLedger("southfront_2026", rows=claims.ledger_rows("southfront_2026"))
ledger_sf

# %% [markdown]
# When every row has a status, open our key. It compares your statuses with the course's
# evidence record and follows your later edits.

# %%
ml.KeyReveal("03-ledger-sf-key", lambda: ml.live(ledger_sf, lambda led: claims.ledger_view(led, "southfront_2026")),
             activities=[ledger_sf])

# %% [markdown]
# ### What each party says
#
# Open these once every row of your ledger has a status and you have opened our key. Each is what the course's
# checks found, written as *claims by named sources*, each with its date. Type a record id (such as
# `ev-b-sf-lyman`) in the box below to read its sources and excerpts.

# %%
ml.Lookup()

# %% [markdown]
# <details><summary><b>Drobysheve</b></summary>
#
# - **Drobysheve** (a small town, officially a settlement). Russia's Defence Ministry said on 2 March 2026
#   that its forces had taken it (record `ev-b-drobysheve-ru-mod`, seen via
#   [Lenta.ru](https://lenta.ru/news/2026/03/02/rossiyskie-voyska-zanyali-naselennyy-punkt-v-zone-svo/)).
#   Ukraine's General Staff said on 7 March that its troops had fought off attacks near Drobysheve (record
#   `ev-b-drobysheve-ua-genstaff`, via [Radio
#   Svoboda](https://www.radiosvoboda.org/a/news-henshtab-zsu-viyna/33698394.html)). That does not fit a
#   capture completed on 2 March, but Ukraine's report does not say who holds the settlement. Russian-side
#   accounts moved step by step: Russia's chief of the General Staff, Valery Gerasimov, said "encircled"
#   (December) and "completing" the capture (January), the Ministry said "taken" (2 March), and a Russian-side
#   commentator still spoke of "mopping-up" on 6 March (records `ev-b-drobysheve-ru-earlier`,
#   `ev-b-drobysheve-ru-mopping-up`). No independent source was found either way: **unconfirmed**. The article
#   seems to repeat Russia's claim without saying whose it is, and puts it on 5 March.
#
# </details>

# %% [markdown]
# <details><summary><b>Lyman</b></summary>
#
# - **Lyman.** Russian-side speakers had spoken of fighting in parts of the town since at least 1 December
#   2025 (Gerasimov, via [TASS](https://tass.ru/armiya-i-opk/25784957)), of fighting on its southern and
#   north-eastern outskirts (Denis Pushilin, as RBC reported on 2 February 2026), and of "urban battles"
#   (Denis Pushilin, reported on 1 and 2 March 2026 by [VZGLYAD](https://vz.ru/news/2026/3/1/1398571.html) and
#   [Gazeta.ru](https://www.gazeta.ru/army/news/2026/03/02/27969205.shtml); record `ev-b-lyman-ru-side`).
#   "Reached Lyman's northern outskirts" on 5 March sits oddly with their own reports, though it is not ruled
#   out. Ukraine's General Staff counted 8 Russian attacks on the Lyman axis in a report of 7 March, without
#   saying where (record `ev-b-lyman-ua-genstaff`). The article gives no source for the "encirclement".
#   **Unconfirmed.**
#
# </details>

# %% [markdown]
# <details><summary><b>Huliaipole: ISW's figures</b></summary>
#
# - **Huliaipole.** Nobody was found claiming a breakthrough on 5 March, not even Russia's Defence Ministry.
#   The evidence found points both ways. ISW, a US think tank, in an assessment reported on 7 March 2026,
#   counts about 244 km² won back by Ukraine and about 115 km² taken by Russia in the Huliaipole and
#   Oleksandrivka directions (two sectors of the front) since 1 January 2026 (record `ev-b-isw-south`, via
#   [Radio
#   Svoboda](https://www.radiosvoboda.org/a/news-isw-prosuvannia-ukrainskykh-viisk-huliaipilskyi-napriamok/33698262.html)).
#   That is a total for two months and a wide area: it cannot show what happened at one place on one day.
#
# </details>

# %% [markdown]
# <details><summary><b>Huliaipole: Ukraine's reports, and our status</b></summary>
#
# On the other side, Ukraine's own reports count many Russian attacks at Huliaipole. Its General Staff counted
# 21 Russian attacks on the Huliaipole axis on 3 March (record `ev-b-genstaff-huliaipole`). On 9 March UNIAN
# reported that Ukrainian forces were in part of the town, and quoted a speaker from the Ukrainian side (so
# one side in the war) saying Russian forces were trying to envelop it (close around it) from the south
# (record `ev-b-voloshyn-huliaipole`, via
# [UNIAN](https://www.unian.net/war/gulyaypole-voloshin-rasskazal-o-situacii-v-gorode-13309209.html)).
#
# **Huliaipole: unconfirmed.** Nobody was found making the claim. ISW's two-month totals for the Huliaipole
# and Oleksandrivka directions point against big Russian gains there but cannot show what happened on one day;
# Ukraine's own reports count many Russian attacks there. We cannot tell yet (record `ev-b-sf-huliaipole`).
#
# </details>

# %% [markdown]
# <details><summary><b>Reserves</b></summary>
#
# - **Reserves.** No source, named or otherwise: **unconfirmed** (record `ev-b-sf-reserves`).
#
# </details>

# %% [markdown]
# Did anything here change your mind? Edit your ledger above: the comparison under it updates at once.

# %% [markdown] tags=["instructor"]
# **Instructor notes: the ledger.** Expect some learners to pick "contradicted" for Huliaipole
# because of the ISW figures. Accept the reasoning, then explain why the record keeps UNCONFIRMED:
# a two-month total for the Huliaipole and Oleksandrivka directions, seen second-hand, cannot
# settle what happened on one day, and Ukraine's own reports count many Russian attacks there (21 on 3 March). The reference accepts both
# "unsupported" and "cannot tell yet" for UNCONFIRMED claims; discuss the difference (nothing
# offered vs. more information needed) rather than marking one wrong. A learner who picks
# "supported" for Drobysheve because "the Ministry said so" gives you the opening for section 3;
# Ukraine's report of 7 March is the other side of the same story. The dashboard shows each
# learner's first statuses (kept when the key was opened) next to their final ones.

# %% [markdown]
# ## 3. The checkers are sources too (12 minutes)
#
# To check a battlefield claim you will usually turn to one of five kinds of source: ISW (a US
# research institute), DeepStateMap (a Ukrainian volunteer map), the daily reports of Ukraine's
# General Staff and of Russia's Ministry of Defence, and geolocated footage (photos and videos
# matched to a map). Each one is itself a source to evaluate.
#
# **Your turn.** For each checker, choose what it is good for, then where it falls short.

# %%
good_for = ml.FieldsAnswer("03-checkers-good-for")
good_for

# %%
falls_short = ml.FieldsAnswer("03-checkers-falls-short")
falls_short

# %%
ml.KeyReveal("03-checkers-key", lambda: ml.live([good_for, falls_short], claims.checkers_key),
             activities=[good_for, falls_short])

# %% tags=["instructor"]
ml.check("03-checkers-good-for", {"isw": "sources", "deepstate": "watched", "ua_staff": "counts",
                                  "ru_mod": "claims", "footage": "presence"})
ml.check("03-checkers-falls-short", {"isw": "us_view", "deepstate": "ukrainian", "ua_staff": "party",
                                     "ru_mod": "party", "footage": "moment"})

# %% [markdown]
# Three rules follow:
#
# 1. **A party's claim is not a confirmation.** Russia's Defence Ministry and Ukraine's General
#    Staff are both sides in the war. Their reports tell you what that side *says*, and when.
# 2. **Presence is not control.** A geolocated video shows that someone was at one spot at one
#    moment, not who holds a village the next day.
# 3. **Not official does not mean neutral.** ISW's stated mission is tied to US strategic
#    objectives (record `ev-src-isw-who`); DeepStateMap was started by two Ukrainians, and one of
#    its founders says it has hundreds of sources in Ukraine's army (records
#    `ev-src-deepstate-founding`, `ev-src-deepstate-sources`). Say whose view you are quoting.

# %% [markdown] tags=["instructor"]
# **Instructor notes: the checkers.** The full table, with who is behind each checker and the
# sources, is `ml.load_table("checkers")`. Both parties share one "falls short" option on purpose:
# the same rule applies to both sides. For "good for", the key also accepts "claims" for Ukraine's
# General Staff: it is one side's official account too. Ask: for Drobysheve, which two checkers would you look at
# first, and what would each have to show to change the status?

# %% [markdown]
# ## Key points
#
# - Take a battlefield claim apart: **who, what, where, when, how big, according to whom**. A
#   missing "according to whom" is the first warning sign.
# - A claim by a **party to the conflict** (either side) tells you what that side says; it is not
#   a confirmation.
# - Checkers are **sources too**: each has strengths and limits. **Presence is not control.**
# - "**We cannot tell yet**" is often the honest answer. Next: lesson 03b
#   (`notebooks/03b_evidence_ladder_and_treaty.ipynb`), then Exercise 1, "a claim ledger for a
#   SouthFront passage". In JupyterLab, open `exercises/03_unsupported_battlefield_claims_ex1.ipynb`;
#   in the web-app view, your teacher opens the exercises page, where you click
#   `03_unsupported_battlefield_claims_ex1.ipynb`.

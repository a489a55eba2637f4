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
# # 03 · Exercise 1: a claim ledger for a SouthFront passage
#
# You fill a claim ledger for six sentences of the SouthFront article, check your statuses, and
# say what evidence would change the status of one claim.
#
# **Questions**
# - Which statements in an unsourced article can be confirmed, and which cannot (yet)?
# - What evidence would it take to change a status?
#
# **Objectives**: fill a claim ledger; give each claim the fact-sheet status CONFIRMED, WRONG,
# UNCONFIRMED or OPINION; place one claim on the evidence ladder; explain your reasons.
#
# **Time**: about 30 minutes. Do lesson 03 first.

# %% [markdown]
# **How to answer.** Replace each `...` with your answer in quotation marks, for example
# `status_x = "your answer"`, then run the cell. `ml.check` gives you feedback at once and
# saves your answer for your teacher. The four statuses (from the course's fact sheet):
#
# - **CONFIRMED**: a source supports the claim as the article states it;
# - **WRONG**: a source contradicts it, or it gets who, when or where wrong;
# - **UNCONFIRMED**: nothing was found to back it, or only the sides in the conflict say so;
# - **OPINION**: a judgement, prediction or loaded description, not a checkable fact.

# %%
import pandas as pd

import medialit as ml
from medialit import claims

pd.set_option("display.max_colwidth", 400)
southfront = ml.load_article("southfront_2026")

# %% [markdown]
# ## The passage
#
# Six sentences from the unsigned SouthFront article dated 6 March 2026. The article gives no
# sources and no links.

# %%
for sid in ["s005", "s006", "s008", "s019", "s020", "s021"]:
    print(sid, southfront.sentence(sid).text, "\n")

# %% [markdown]
# ## 1. Your claim ledger
#
# The ledger below lists five checkable claims from the passage. For each one, fill in the
# claimant (who makes the claim: the article? someone it names?), the evidence the article
# offers, who could confirm it independently, your status and your confidence.
#
# You may use what you learned in lesson 03, and these sources:
# [Reuters interview with Mark Rutte, 5 March 2026](https://www.straitstimes.com/world/europe/highlights-of-nato-chiefs-interview-with-reuters)
# (checked via The Straits Times);
# [Gulf News on the 4 March 2026 interception](https://gulfnews.com/world/mena/missile-scare-over-turkey-how-iran-war-is-testing-natos-collective-defence-pledge-1.500465705);
# [Erdoğan, 2 March 2026 (AsiaOne)](https://www.asiaone.com/world/turkeys-erdogan-says-attacks-iran-are-clear-violation-international-law);
# [Russia's Defence Ministry on Drobysheve, 2 March 2026 (Lenta.ru)](https://lenta.ru/news/2026/03/02/rossiyskie-voyska-zanyali-naselennyy-punkt-v-zone-svo/).

# %%
ledger = ml.ClaimLedger("southfront_2026", rows=claims.ledger_rows("ex1_southfront_2026"),
                        activity="03-ex1:claims:southfront_2026")
ledger

# %% [markdown]
# When you have chosen a status for each row, run the cell below to compare your ledger with
# the reference. The key appears only for the rows you have filled in.

# %%
frame = claims.ledger_frame(ledger, "ex1_southfront_2026", show_key=False)
print(claims.ledger_summary(frame))
frame

# %% [markdown]
# ## 2. Statuses
#
# Give each claim one of the four fact-sheet statuses above, in capitals and in quotation marks.
#
# **(a)** s005-s006: officially NATO is not involved in the US-Israeli operation, but it provides
# missile defence for an ally.

# %%
status_uninvolved = "CONFIRMED"  # SOLUTION
ml.check("03-ex1-status-uninvolved", status_uninvolved)

# %% [markdown]
# **(b)** s006: the words "an ally inside an active combat zone".

# %%
status_combat_zone = "OPINION"  # SOLUTION
ml.check("03-ex1-status-combat-zone", status_combat_zone)

# %% [markdown]
# **(c)** s008: Spain and Turkey condemned the offensive against Iran as a violation of
# international law.

# %%
status_condemned = "CONFIRMED"  # SOLUTION
ml.check("03-ex1-status-condemned", status_condemned)

# %% [markdown]
# **(d)** s019: a "major strategic breakthrough" on the Huliaipole (Gulyaipole) front on 5 March.

# %%
status_huliaipole = "UNCONFIRMED"  # SOLUTION
ml.check("03-ex1-status-huliaipole", status_huliaipole)

# %% [markdown]
# **(e)** s020: Russian troops "cleared Drobysheve".

# %%
status_drobysheve = "UNCONFIRMED"  # SOLUTION
ml.check("03-ex1-status-drobysheve", status_drobysheve)

# %% [markdown]
# **(f)** s021: the Ukrainian command lacks "operational reserves and artillery support".

# %%
status_reserves = "UNCONFIRMED"  # SOLUTION
ml.check("03-ex1-status-reserves", status_reserves)

# %% [markdown]
# ## 3. The evidence ladder
#
# Run the first cell to see the ladder again. Then give the rung (0 to 4) of the claim that
# Russian troops "cleared Drobysheve", counting every source found, not only the article.

# %%
claims.ladder_frame()

# %%
rung_drobysheve = "1"  # SOLUTION
ml.check("03-ex1-rung-drobysheve", rung_drobysheve)

# %% [markdown]
# ## 4. Your reasons
#
# **(a)** Why is the Huliaipole "breakthrough" UNCONFIRMED, and who could confirm or refute it
# independently? Write at least 25 words.

# %%
reason_huliaipole = "The article names no source and shows no evidence, and no source was found making the claim, not even Russia's Defence Ministry. ISW's assessment reported on 7 March 2026 points the other way. Independent checks would be ISW's maps, geolocated and dated footage, or reporters on the spot, so for now we cannot tell."  # SOLUTION
ml.check("03-ex1-reason-huliaipole", reason_huliaipole)

# %% [markdown] tags=["solution"]
# **Model answer.** The article gives no source, no image and no link, and the fact sheet found
# nobody making this claim, not even Russia's Defence Ministry, which announces gains it claims.
# The one independent assessment available, ISW's as reported on 7 March 2026 (checked via
# Obozrevatel), points the other way: since the start of 2026 Ukrainian forces regained more
# ground in the south than Russian forces took. That is why the fact sheet writes "UNCONFIRMED
# (and contradicted by the ISW assessment)" instead of WRONG: one assessment from open sources
# is not a full check of a front line. Independent confirmation could come from ISW's mapped
# assessments, from geolocated and dated footage checked by independent analysts, or from
# reporters on the spot. DeepStateMap would add a Ukrainian view, not an independent one.

# %% [markdown]
# **(b)** Why is a statement by Russia's Defence Ministry, or by Ukraine's General Staff, not a
# confirmation? Write at least 20 words.

# %%
reason_party = "Both are parties to the conflict. Each has reasons to shape the picture, Russia's ministry to play up gains and Ukraine's General Staff to play down losses, so their reports tell us what each side says, not what is confirmed."  # SOLUTION
ml.check("03-ex1-reason-drobysheve", reason_party)

# %% [markdown] tags=["solution"]
# **Model answer.** Both are sides in the war. Each has reasons to shape the picture: Russia's
# Defence Ministry to play up its gains, Ukraine's General Staff to play down its losses. Their
# reports are still useful, because they tell us what each side officially says and when (for
# example, Russia's claim of 2 March 2026 about Drobysheve). But a claim does not become a
# confirmation because an official body makes it. The same rule applies to both sides.

# %% [markdown]
# ## 5. What would change the status?
#
# Pick one of the UNCONFIRMED claims (d), (e) or (f). What evidence would move it to CONFIRMED?
# What evidence would move it to WRONG? Be specific: who would publish it, and what would it
# have to show? Write at least 30 words.

# %%
change_status = "Drobysheve: to become CONFIRMED it would need sources independent of both sides, for example ISW and independent open-source analysts, showing dated, geolocated footage of Russian troops holding the village over several days, since presence is not control. Independent evidence of Ukrainian troops still there after 5 March would make it WRONG."  # SOLUTION
ml.check("03-ex1-change-status", change_status)

# %% [markdown] tags=["solution"]
# **Model answer (Drobysheve).** Today the only source is Russia's Defence Ministry (2 March
# 2026), a party to the conflict: rung 1, UNCONFIRMED. To move towards CONFIRMED we would need
# sources that are not a party. For example: ISW marking the village as an assessed Russian
# advance and naming the geolocated footage behind it, and independent open-source analysts
# matching dated videos to places in the village. One video would only show presence at one
# moment; presence is not control, so we would want footage from different days and places, and
# two or more independent confirmations (rung 4). To move it to WRONG we would need independent,
# dated evidence going the other way, for example geolocated footage of Ukrainian units still
# holding the village after the date of Russia's claim. A Ukrainian General Staff denial alone
# would be a second party's claim, not a confirmation either way.

# %% [markdown] tags=["instructor"]
# **Instructor notes.** The status questions are marked against the fact sheet exactly. The
# most common disagreement is (d): learners who answer WRONG have noticed the ISW assessment;
# give credit for the reasoning and explain why the fact sheet keeps UNCONFIRMED. In (a) and (c)
# learners often answer UNCONFIRMED because the article offers no source: use this to separate
# "what the article offers" from "what the record shows". For question 5, look for three things:
# independence from both parties, evidence that can be checked (dated, geolocated), and the idea
# that presence is not control. The free answers are saved with the learner's work and are not
# marked automatically.

# %% [markdown]
# ## Hand in
#
# Your ledger and answers are saved as you go. If your teacher asks for a file, run the cell below
# and hand in the file it names.

# %%
print("Your submission file:", ml.export_submission())

# %% [markdown]
# ## Key points
#
# - An article with no sources can still contain true statements: check claims one by one.
# - A claim by one side of a war, however official, is a claim, not a confirmation.
# - To change a status you need evidence that is independent of both sides and that you can check
#   (dated, geolocated), and presence is not control.
# - When nobody independent has checked a claim, say so: "unconfirmed", "we cannot tell yet".

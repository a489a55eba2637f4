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
# **Objectives**: fill a claim ledger; give each claim the status CONFIRMED, WRONG, UNCONFIRMED
# or OPINION; take one sentence apart; check a treaty claim against the treaty text; place one
# claim on the evidence ladder; explain your reasons.
#
# **Time**: 40 minutes. Do lessons 03 and 03b first.

# %% [markdown]
# **How to answer.** Answer in the boxes; every answer is saved as you go. Check your name in
# the box under the next cell first. The course's evidence record uses four statuses:
#
# - **CONFIRMED**: sources back the claim in the form the article gives it;
# - **WRONG**: sources show it is false, or that the person, date or place is mistaken;
# - **UNCONFIRMED**: no backing was found, or the only backing comes from the sides at war;
# - **OPINION**: a judgement, a forecast or a loaded label, which no source could settle.

# %%
import medialit as ml
from medialit import claims

ml.lesson("03-ex1")  # the work you save in this notebook is filed under "03-ex1"
southfront = ml.load_article("southfront_2026")
ml.LearnerBox(compact=True)

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
# [AFP on the 4 March 2026 interception](https://www.newindianexpress.com/world/2026/Mar/05/turkey-says-missile-launched-from-iran-destroyed-by-nato)
# (checked via The New Indian Express);
# [Sánchez on X, 28 February 2026 (Europa Press, in Spanish)](https://www.europapress.es/nacional/noticia-sanchez-rechaza-accion-militar-unilateral-eeuu-israel-actuacion-regimen-irani-llama-dialogo-20260228124746.html);
# [Erdoğan, 2 March 2026 (Devdiscourse)](https://www.devdiscourse.com/article/politics/3823994-erdogan-condemns-us-israel-attacks-on-iran-a-call-for-diplomacy);
# [Russia's Defence Ministry on Drobysheve, 2 March 2026 (Lenta.ru, in Russian)](https://lenta.ru/news/2026/03/02/rossiyskie-voyska-zanyali-naselennyy-punkt-v-zone-svo/);
# [Ukraine's General Staff, 7 March 2026 (Radio Svoboda, in Ukrainian)](https://www.radiosvoboda.org/a/news-henshtab-zsu-viyna/33698394.html).

# %%
ledger = ml.ClaimLedger("southfront_2026", rows=claims.ledger_rows("ex1_southfront_2026"))
ledger

# %% [markdown]
# ## 2. Statuses
#
# Give each claim one of the four statuses above.
#
# **(a)** s005-s006: officially NATO is not involved in the US-Israeli operation, but it provides
# missile defence for an ally.

# %%
ml.Answer("03-ex1-status-uninvolved")

# %% tags=["solution"]
ml.check("03-ex1-status-uninvolved", "CONFIRMED")

# %% [markdown]
# **(b)** s006: the words "an ally inside an active combat zone".

# %%
ml.Answer("03-ex1-status-combat-zone")

# %% tags=["solution"]
ml.check("03-ex1-status-combat-zone", "OPINION")

# %% [markdown]
# **(c)** s008: Spain and Turkey condemned the offensive against Iran as a violation of
# international law.

# %%
ml.Answer("03-ex1-status-condemned")

# %% tags=["solution"]
ml.check("03-ex1-status-condemned", "CONFIRMED")

# %% [markdown]
# **(d)** s019: a "major strategic breakthrough" on the Huliaipole (Gulyaipole) front on 5 March.

# %%
ml.Answer("03-ex1-status-huliaipole")

# %% tags=["solution"]
ml.check("03-ex1-status-huliaipole", "UNCONFIRMED")

# %% [markdown]
# **(e)** s020: Russian troops "cleared Drobysheve".

# %%
ml.Answer("03-ex1-status-drobysheve")

# %% tags=["solution"]
ml.check("03-ex1-status-drobysheve", "UNCONFIRMED")

# %% [markdown]
# **(f)** s021: the Ukrainian command lacks "operational reserves and artillery support".

# %%
ml.Answer("03-ex1-status-reserves")

# %% tags=["solution"]
ml.check("03-ex1-status-reserves", "UNCONFIRMED")

# %% [markdown]
# When your ledger and your statuses are done, open our key for the ledger. Your ledger and
# status answers at that moment are kept as your first answers; the key follows later edits.

# %%
ml.KeyReveal("03-ex1-ledger-key",
             lambda: ml.live(ledger, lambda led: claims.ledger_view(led, "ex1_southfront_2026", show_key=False)),
             activities=[ledger], questions=[f"03-ex1-status-{k}" for k in claims.EX1_STATUS_KEYS])

# %% [markdown]
# ## 3. Take a sentence apart
#
# Read s021 again (printed above). Which of the six questions from lesson 03 (who, what, where,
# when, how big, according to whom) does it leave without an answer? Tick every one.

# %%
ml.Answer("03-ex1-anatomy-reserves")

# %% tags=["solution"]
ml.check("03-ex1-anatomy-reserves", ["where", "when", "how big", "according to whom"])

# %% [markdown]
# ## 4. Check a treaty claim against the treaty
#
# The article argues about Article 5 (s015, s017). Read Article 5 below.

# %%
for quote in claims.treaty_article(5):
    print(quote, "\n")

# %% [markdown]
# Article 5 does not oblige every ally to use armed force. Copy the words of Article 5 that leave
# each ally to decide what it does, and press Enter.

# %%
ml.Answer("03-ex1-treaty-words")

# %% tags=["solution"]
ml.check("03-ex1-treaty-words", "such action as it deems necessary")

# %% [markdown]
# ## 5. The evidence ladder
#
# The ladder again, below. Then choose the rung (0 to 4) of the claim that Russian troops
# "cleared Drobysheve", counting every source found, not only the article.

# %%
claims.ladder_frame()

# %%
ml.Answer("03-ex1-rung-drobysheve")

# %% tags=["solution"]
ml.check("03-ex1-rung-drobysheve", "1")

# %% [markdown]
# ## 6. Your reasons
#
# Why is the Huliaipole "breakthrough" UNCONFIRMED, and who could confirm or refute it
# independently? Write at least 25 words.

# %%
ml.Answer("03-ex1-reason-huliaipole")

# %% tags=["solution"]
ml.check("03-ex1-reason-huliaipole", "The article names no source and shows no evidence, and nobody was found making the claim, not even Russia's Defence Ministry. ISW's figures for the Huliaipole and Oleksandrivka directions point the other way, but Ukraine's own reports count many Russian attacks there (21 on 3 March). Independent checks would be ISW's maps, geolocated and dated footage, or reporters on the spot, so for now we cannot tell.")

# %% [markdown] tags=["solution"]
# **Model answer.** The article gives no source, no image and no link, and the course's checks
# found nobody making this claim, not even Russia's Defence Ministry, which did announce a claimed
# gain that same week, Drobysheve on 2 March (record `ev-b-drobysheve-ru-mod`). The evidence found points both ways. ISW's assessment, reported on 7 March 2026,
# says Ukraine won back more ground in the Huliaipole and Oleksandrivka directions than Russia took since January (record
# `ev-b-isw-south`). But that is a total for two months and a wide area, and Ukraine's own General
# Staff counted 21 Russian attacks on the Huliaipole axis on 3 March, and a Ukrainian-side speaker
# quoted by UNIAN on 9 March said Russian forces were trying to envelop the town (records
# `ev-b-genstaff-huliaipole`, `ev-b-voloshyn-huliaipole`). So the claim is not supported, and
# not shown false either: UNCONFIRMED. Independent confirmation could come from ISW's mapped
# assessments, from geolocated and dated footage checked by independent analysts, or from
# reporters on the spot. DeepStateMap, started by two Ukrainians and with, one founder says,
# hundreds of sources in Ukraine's army, would not be an independent check (records
# `ev-src-deepstate-founding`, `ev-src-deepstate-sources`).

# %% [markdown]
# ## 7. What would change the status?
#
# Pick one of the UNCONFIRMED claims (d), (e) or (f). What evidence would move it to CONFIRMED?
# What evidence would move it to WRONG? Be specific: who would publish it, and what would it
# have to show? Write at least 30 words.

# %%
ml.Answer("03-ex1-change-status")

# %% tags=["solution"]
ml.check("03-ex1-change-status", "Drobysheve: to become CONFIRMED it would need sources independent of both sides, for example ISW and independent open-source analysts, showing dated, geolocated footage of Russian troops holding the settlement over several days, since presence is not control. Independent evidence of Ukrainian troops still there after 5 March would make it WRONG.")

# %% [markdown] tags=["solution"]
# **Model answer (Drobysheve).** Today the only support is Russia's Defence Ministry (2 March
# 2026), a party to the conflict, and the other party, Ukraine's General Staff, reported fighting
# there on 7 March: rung 1, UNCONFIRMED. To move towards CONFIRMED we would need sources that are
# not a party. For example: ISW marking the settlement as an assessed Russian advance and naming
# the geolocated footage behind it, and independent open-source analysts matching dated videos to
# places in the settlement. One video would only show presence at one moment; presence is not
# control, so we would want footage from different days and places, and two or more independent
# confirmations (rung 4). To move it to WRONG we would need independent, dated evidence going the
# other way, for example geolocated footage of Ukrainian units still holding the settlement after
# the date of Russia's claim. Ukraine's General Staff report alone is the other party's claim,
# not a confirmation either way.

# %% [markdown] tags=["instructor"]
# **Instructor notes.** The status questions are marked against the course's evidence record
# exactly. Expect disagreement on (d): learners who answer WRONG have noticed the ISW assessment;
# give credit for the reasoning and explain why the record keeps UNCONFIRMED. In (a) and (c)
# some learners may answer UNCONFIRMED because the article offers no source: use this to
# separate "what the article offers" from "what the record shows". For question 7, look for three
# things: independence from both parties, evidence that can be checked (dated, geolocated), and
# the idea that presence is not control. The written answers are saved with the learner's work
# "for the teacher": they are never marked right or wrong, the learner sees the word count and the
# key's points as a checklist, and the dashboard shows each one in full. Read them yourself.

# %% [markdown]
# To read a record of the course's evidence, such as `ev-b-sf-drobysheve`, type its id in this
# look-up box and press Enter.

# %%
ml.Lookup()

# %% [markdown]
# ## Hand in
#
# Your ledger and answers are saved as you go. When your teacher asks for your work, press the
# button: it makes one file with all your saved work and offers it for download. Hand in that
# file as your teacher asks (upload it, or put it in the class folder).

# %%
ml.HandIn("03_ex1")

# %% [markdown]
# ## Key points
#
# - An article with no sources can still contain true statements: check claims one by one.
# - A claim by one side of a war, however official, is a claim, not a confirmation.
# - To change a status you need evidence that is independent of both sides and that you can check
#   (dated, geolocated), and presence is not control.
# - When nobody independent has checked a claim, say so: "unconfirmed", "we cannot tell yet".
# - Every answer rests on records of the course's evidence: open one in the look-up box above.

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
import medialit as ml
from medialit import claims

ml.lesson("03")  # the work you save in this notebook is filed under "03"
ml.plots.setup()
print("Ready. Articles:", ", ".join(ml.list_articles()["id"]))
ml.LearnerBox(compact=True)  # whose work this is: your name, as chosen in the start notebook

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
ml.display.html_table(claims.anatomy(["sf-huliaipole", "sf-drobysheve", "sf-lyman", "sf-reserves", "sf-unstoppable"]))

# %% [markdown]
# What the anatomy shows:
#
# - **According to whom?** No source is named in any of the five rows. The article states these
#   things as if they were simply known.
# - **How big?** "Major strategic", "widening", "unstoppable": big words, no numbers.
# - **Where?** "The Gulyaipole front" (also spelled Huliaipole) names an area, not a place.
# - **When?** "Simultaneously" places the Drobysheve and Lyman claims on 5 March. Keep that in
#   mind for section 2.
# - "Unstoppable advance" names who (Russian forces) and where (Eastern Europe), but no when,
#   and "unstoppable" is a forecast nobody can check. It is a conclusion, an **opinion**, not a
#   report (record `ev-b-sf-unstoppable`).

# %% [markdown]
# ### The Voltaire Network editorial (seed 001)
#
# Now the last two paragraphs of the Voltaire Network editorial of 31 May 2024, as republished by
# Swiss Standpoint on 7 June 2024 (record `ev-src-swiss-standpoint-date`).

# %%
voltaire = ml.load_article("voltaire_2024")
for sid in ["s015", "s016", "s018", "s019", "s020"]:
    print(sid, voltaire.sentence(sid).text, "\n")

# %%
ml.display.html_table(claims.anatomy(["vn-rzeszow", "vn-missiles", "vn-defense-pact", "vn-belarus"]))

# %% [markdown]
# What the anatomy shows:
#
# - **Rzeszów** (s015-s016) is about the *future* ("would then have to"). A prediction cannot be
#   confirmed before it happens: it is a scenario, an **opinion**.
# - **The "joint defense agreement"** (s019) names a source, Sergei Lavrov, and ties the news to
#   Putin's visit to Beijing, but gives no date of the announcement, no words and no link. Naming
#   someone is not the same as showing what they said.
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
# evidence, using only what the article itself says (write "none" where it offers nothing). Then
# choose a status for each claim from what you know so far. Your work is saved as you type.

# %%
ledger_sf = ml.ClaimLedger("southfront_2026", rows=claims.ledger_rows("southfront_2026"))
ledger_sf

# %% [markdown]
# Now compare your ledger with the reference; the comparison updates as you fill in the ledger.
# "record" is the claim's status in the course's evidence record. If you have not filled anything
# in yet, the table shows the key only.

# %%
ml.live(ledger_sf, lambda ledger: claims.ledger_view(ledger, "southfront_2026"))

# %% [markdown]
# ### What each party says, and who could check
#
# Here is what the course's checks found for these claims. Read it as a list of *claims by named
# sources*, each with its date. Each record id opens the sources with `ml.evidence("...")`.

# %% [markdown]
# - **Drobysheve** (a small town, officially a settlement). Russia's Defence Ministry said on
#   2 March 2026 that its forces had taken it (record `ev-b-drobysheve-ru-mod`, seen via
#   [Lenta.ru](https://lenta.ru/news/2026/03/02/rossiyskie-voyska-zanyali-naselennyy-punkt-v-zone-svo/)).
#   Ukraine's General Staff said on 7 March that its troops had fought off attacks near Drobysheve
#   (record `ev-b-drobysheve-ua-genstaff`, via
#   [Radio Svoboda](https://www.radiosvoboda.org/a/news-henshtab-zsu-viyna/33698394.html)). That
#   does not fit a capture completed on 2 March, but Ukraine's report does not say who holds the
#   settlement. Russian-side accounts moved step by step: Russia's chief of the General Staff, Valery
#   Gerasimov, said "encircled" (December)
#   and "completing" the capture (January), the Ministry said "taken" (2 March), and a Russian-side
#   commentator still spoke of "mopping-up" on 6 March (records `ev-b-drobysheve-ru-earlier`,
#   `ev-b-drobysheve-ru-mopping-up`). No independent source was found
#   either way: **unconfirmed**. The article seems to repeat Russia's claim without saying whose it
#   is, and puts it on 5 March.

# %% [markdown]
# - **Lyman.** Russian-side officials had spoken of fighting in parts of the town since at least
#   1 December 2025 (Gerasimov, via [TASS](https://tass.ru/armiya-i-opk/25784957)), of fighting on its southern and north-eastern outskirts on 1 February 2026,
#   and of "urban battles" on 2 March 2026 (record `ev-b-lyman-ru-side`, via
#   [Gazeta.ru](https://www.gazeta.ru/army/news/2026/03/02/27969205.shtml)). "Reached Lyman's
#   northern outskirts" on 5 March sits oddly with their own reports, though it is not ruled out.
#   Ukraine's General Staff counted 8 Russian attacks on the Lyman axis in the day up to 7 March,
#   without saying where (record `ev-b-lyman-ua-genstaff`).
#   The article gives no source for the "encirclement". **Unconfirmed.**

# %% [markdown]
# - **Huliaipole.** Nobody was found claiming a breakthrough on 5 March, not even Russia's Defence
#   Ministry. The evidence found points both ways. ISW, a US think tank, in an assessment reported
#   on 7 March 2026, counts about 244 km² won back by Ukraine and about 115 km² taken by Russia in
#   the south (around Huliaipole and Oleksandrivka) since 1 January 2026 (record `ev-b-isw-south`,
#   via [Radio Svoboda](https://www.radiosvoboda.org/a/news-isw-prosuvannia-ukrainskykh-viisk-huliaipilskyi-napriamok/33698262.html)).
#   That is a total for two months and a wide area: it cannot show what happened at one place on
#   one day.

# %% [markdown]
# On the other side, Ukraine's own reports count many Russian attacks at Huliaipole. Its
# General Staff counted 21 Russian attacks on the Huliaipole axis on 3 March (record
# `ev-b-genstaff-huliaipole`). On 9 March a spokesman for Ukraine's Southern Defence Forces,
# himself a party to the conflict, said Ukrainian forces were in part of the town while Russian forces
# tried to surround it (record `ev-b-voloshyn-huliaipole`, via
# [UNIAN](https://www.unian.net/war/gulyaypole-voloshin-rasskazal-o-situacii-v-gorode-13309209.html)).
#
# **Huliaipole: unconfirmed. The claim is not supported, and the one independent assessment
# points the other way.** We cannot tell yet.

# %% [markdown]
# - **Reserves.** No source, named or otherwise: **unconfirmed** (record `ev-b-sf-reserves`).
#
# Did anything here change your mind? Edit your ledger above: the comparison under it updates at once.

# %% [markdown]
# ### Your ledger for the Voltaire editorial
#
# Do the same for the three checkable claims of seed 001. Before you choose a status, read:

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
#   The course found nothing like it near Russia.

# %% [markdown]
# - The same joint statement promised tighter coordination, the two armies included, and said the
#   relationship had gone beyond the Cold-War model of a military alliance (record
#   `ev-b-joint-statement-alliance`; wording checked via
#   [ExBulletin](https://exbulletin.com/politics/2702666/)). The course's search turned up no
#   announcement by Lavrov of a defence pact.

# %% [markdown]
# - Russia's first stage of drills with non-strategic nuclear weapons began on 21 May 2024 in its
#   Southern Military District ([TASS](https://tass.com/politics/1791331)). On 9 May Putin had said
#   Belarus would join at the second stage, and Lukashenko that the first stage was done
#   "separately" ([Pozirk](https://pozirk.online/en/news/84515)); Russia and Belarus began that joint stage on
#   11 June 2024 ([The Moscow Times, 11 June 2024](https://www.themoscowtimes.com/2024/06/11/russia-belarus-begin-joint-tactical-nuclear-drills-a85367))
#   (records `ev-b-nuclear-drills`, `ev-b-vn-belarus`).

# %%
ledger_vn = ml.ClaimLedger("voltaire_2024", rows=claims.ledger_rows("voltaire_2024"))
ledger_vn

# %%
ml.live(ledger_vn, lambda ledger: claims.ledger_view(ledger, "voltaire_2024"))

# %% [markdown]
# Notice the difference between the three. The Belarus sentence is **contradicted** on its timing:
# on 9 May Putin said Belarus would join at the second stage and Lukashenko said the first stage
# was done "separately"; Russia's Defence Ministry said the joint second stage began on 11 June
# 2024. The two governments agree about their own drill, so their accounts are enough here; only
# one report (Politico) calls the May stage "joint" (record `ev-b-vn-belarus`). The other two stay
# **unconfirmed**, for different reasons. The missile
# claim is partly grounded for China (a US launcher in the Philippines that, a Philippine official
# said, has China within range) and has no support for Russia. For the
# "joint defense agreement" nothing was found, and the joint statement's own words about going
# beyond an alliance sit badly with it.

# %% [markdown] tags=["instructor"]
# **Instructor notes: the ledger.** Expect some learners to pick "contradicted" for Huliaipole
# because of the ISW figures. Accept the reasoning, then explain why the record keeps UNCONFIRMED:
# a two-month total for the whole south, seen second-hand, cannot settle what happened on one day,
# and Ukraine's own reports count many Russian attacks there (21 on 3 March). The reference accepts both
# "unsupported" and "cannot tell yet" for UNCONFIRMED claims; discuss the difference (nothing
# offered vs. more information needed) rather than marking one wrong. A learner who picks
# "supported" for Drobysheve because "the Ministry said so" gives you the opening for section 3;
# Ukraine's report of 7 March is the other side of the same story.

# %% [markdown]
# ## 3. The checkers are sources too
#
# To check a battlefield claim you will usually turn to one of five kinds of source. Each one is
# itself a source to evaluate: who is behind it, what is it good for, where does it fall short?
# The links behind each row are in the `source_url` column.

# %%
checkers = ml.load_table("checkers")
ml.display.html_table(checkers, ["checker", "kind", "who_is_behind", "good_for", "limits"])

# %% [markdown]
# Three rules follow from this table:
#
# 1. **A party's claim is not a confirmation.** Russia's Defence Ministry and Ukraine's General
#    Staff are both sides in the war. Each has reasons to shape the picture: to play up gains or
#    play down losses. Their reports tell you what that side *says*, and when. That is useful,
#    but it is a claim.
# 2. **Presence is not control.** A geolocated video shows that someone was at one spot at one
#    moment. It does not show who holds a village the next day.
# 3. **Not official does not mean neutral.** ISW is a US think tank with its own outlook;
#    DeepStateMap is a volunteer project; one of its founders says it has hundreds of sources in
#    Ukraine's army, so it gives a Ukrainian view (record `ev-src-deepstate-sources`). Use them for what they are good at, and say whose view you are quoting.

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
# ## 5. Claims about the treaty, checked against the treaty
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
# option ("including"), not an automatic duty (record `ev-b-treaty-art5`). And
# Article 5 has been invoked only once: on 12 September 2001, the day after the attacks of
# 11 September on the United States (records `ev-b-article5-once`, `ev-t-art5-invoked-2001`;
# [NATO](https://www.nato.int/terrorism/five.htm)).
#
# Seed 001 (s017) says that the other allies would have to decide
# "whether or not to activate Article 5 of the North Atlantic Treaty and start World War III".
# Whether they would activate it is a scenario (an opinion), and
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
# Article 4 is a different, smaller step: allies *consult* when one of them feels threatened.

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
#   "not on the table" appear in a Reuters headline; no published transcript shows Rutte saying
#   them, so as his own words they are **unconfirmed** (record `ev-b-rutte-not-on-table`;
#   [Reuters report via The Straits Times](https://www.straitstimes.com/world/europe/article-five-not-on-the-table-despite-iran-missile-incident-natos-rutte-says)).
# - **"If the collective defense threshold is lowered to an intercepted missile"** (s017). No
#   threshold changed. NATO raised its missile-defence posture, and none of the sources the course
#   checked shows Article 4 or Article 5 being invoked over the missile (records
#   `ev-b-nato-posture`, `ev-b-no-article5`). This is speculation about something that did not
#   happen: **OPINION** (record `ev-b-sf-threshold`). The same goes for s015, which argues against
#   triggering Article 5 "preemptively", a step no ally proposed (record `ev-b-sf-preemptive`).

# %%
treaty_claims = claims.claims_table()[lambda t: t["kind"] == "treaty"]
ml.display.html_table(treaty_claims, ["claim_id", "sentences", "status_detail", "rung_reason"])

# %% [markdown]
# ## 6. The whole picture in two plots
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
# ## Check the evidence yourself
#
# Every fact in this lesson has a record: what is claimed, its status, and each source with its
# link, date and a short quotation. You can open any record with `ml.evidence("...")`, or several
# at once with a list, as below.

# %%
ml.evidence(["ev-b-sf-drobysheve", "ev-b-drobysheve-ru-mod", "ev-b-drobysheve-ua-genstaff",
             "ev-b-sf-huliaipole", "ev-b-isw-south", "ev-b-sf-rutte", "ev-b-vn-missiles",
             "ev-b-treaty-art5"])

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
# - Check treaty claims against the **treaty text**: under Article 5 each ally will assist an attacked ally
#   but decides how ("such action as it deems necessary"); it has been invoked once (12 September 2001); Article 4
#   consultations are a different, smaller step.
# - "**We cannot tell yet**" is often the honest answer. Next: the exercise `exercises/03_unsupported_battlefield_claims_ex1.ipynb`.

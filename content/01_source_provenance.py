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
# # 01 · Source provenance: who is behind this, and where did it come from?
#
# Before you decide whether a text is right, find out who made it and how it reached you.
#
# **Questions**
# - Who wrote and published each of our three articles? Is the copy we read the original?
# - What do documented facts (not labels) tell us about the outlets, and about those who judge them?
# - Are the dates and quotes in the articles what people said, when and where they said it?
#
# **Objectives**: by the end you can use SIFT, lateral reading and First Draft's five pillars;
# trace an article upstream and write down its republication chain; check a weekday with pandas;
# trace a quote to its speaker, date and venue; and fill in a provenance checklist.
#
# **Time**: about 45 minutes.

# %% [markdown] tags=["instructor"]
# **Instructor notes: timing (45 min).** Method 5 · Stop and look 4 · Trace upstream 9 ·
# Outlets and evaluators 8 · Date 4 · Quotes 8 · Treaty 3 · Checklist and scorecard 4
# (Key points can be read aloud at the end, or set as homework with Exercise 1).
# If time is short, skip the tables in section 4 and read only the evaluator part.
# The lesson needs no internet connection: all "lateral reading" results are in the course
# tables, with the addresses learners would have opened. Say this openly: in real life they
# would open those tabs themselves. See `docs/instructor-guide.md` for the full notes.

# %%
import medialit as ml
from medialit import provenance as prov

ml.lesson("01")  # the work you save in this notebook is filed under "01"
CASES = ["southfront_2026", "voltaire_2024", "linternaute_mt_2024"]
print("Ready. Case articles:", ", ".join(CASES))
ml.LearnerBox(compact=True)  # whose work this is: your name, as chosen in the start notebook

# %% [markdown]
# ## 1. A method: SIFT, lateral reading and five pillars
#
# Professional fact-checkers often leave a page early and open other tabs to find out **who is
# behind it** (record `ev-p-lateral-reading`). We use three published methods:
#
# - **SIFT**, by Mike Caulfield ([SIFT guide](https://lib.stmarytx.edu/sift)):
#   **S**top before you believe or share; **I**nvestigate the source; **F**ind better coverage of the
#   same story; **T**race claims, quotes and media back to where they first appeared (record `ev-p-sift`).
# - **Lateral reading**, from the Civic Online Reasoning project of the Digital Inquiry Group (formerly
#   the Stanford History Education Group; [cor.inquirygroup.org](https://cor.inquirygroup.org)): leave the
#   page and open other tabs to learn about the source. Ask: Who is behind it? What is the evidence?
#   What do other sources say? (record `ev-p-lateral-reading`)

# %% [markdown]
# - **First Draft's five pillars of verification**, from *Essential Guide to Verifying Online
#   Information* by Shaydanay Urbani (October 2019; [firstdraftnews.org](https://firstdraftnews.org/long-form-article/verifying-online-information),
#   now hosted by the Internet Archive; record `ev-p-first-draft`). We use them as our checklist:
#
# | pillar | the question | where in this lesson |
# |---|---|---|
# | **provenance** | Is this the original, or a copy or translation? | section 3 |
# | **source** | Who made it, and who runs the outlet? | sections 3 and 4 |
# | **date** | When was it made, and do its dates hold up? | section 5 |
# | **location** | Where was it made, or where was a quote said? | section 6 |
# | **motivation** | Why was it made: to inform, to argue, to sell? | sections 4 and 8 |

# %% [markdown] tags=["instructor"]
# **Likely misconception:** "Lateral reading means reading the whole article carefully." It
# means the opposite: leave the page early. Ask the class what they would type into a search
# engine to learn about "SouthFront" before reading a line of its article.

# %% [markdown]
# ## 2. Stop: what does each page tell you about itself?
#
# Start with SIFT's first move. Before reading the arguments, look only at what each copy says
# about **itself**: outlet, author, date. The table comes from the course's list of articles.

# %%
articles = ml.list_articles().set_index("id").loc[CASES].reset_index()
prov.html_table(articles, ["id", "title", "publisher", "author", "published"], link=None)

# %% [markdown]
# Now look at the first lines exactly as a reader sees them.

# %%
for aid in CASES:
    first = ml.load_article(aid).sentences[:3]
    print(aid)
    for s in first:
        print(f"   {s.id}: {s.text}")
    print()

# %% [markdown]
# What do you notice? The SouthFront copy has a date in its first line and its own web address
# at the end, but no author (record `ev-p-sf-copy`). The Voltaire copy names "Voltaire Network", an editorial number, and a puzzling "(CH-S)".
# The third copy names no outlet, no author and no publication date, and its headline, "What He Wants to Do
# Elected", is not good English (records `ev-p-voltaire-copy`, `ev-p-mt-copy`).
#
# **Stop and think (1 minute):** which copy tells you the least about where it came from?

# %% [markdown]
# ## 3. Trace each article upstream
#
# ### 3a. Seed 002: an unsigned translation, probably by machine
#
# The unsigned English text reads as a word-for-word translation of a French article on
# Linternaute.com whose address reads "trump-menace-l-otan-ce-qu-il-souhaite-faire-elu" (in
# French: "Trump menace l'Otan : ce qu'il souhaite faire élu")
# ([Linternaute](https://www.linternaute.com/actualite/politique/4551121-trump-menace-l-otan-ce-qu-il-souhaite-faire-elu/)):
# its odd headline renders the French words in that page's address. We think the translation was
# made by machine, because of the fingerprints below; that is our inference. We could not open a
# copy of the French page to compare every sentence, so the link is **unconfirmed**: open the live
# page and compare it yourself (record `ev-src-linternaute-french-original`). Linternaute is run by the company CCM Benchmark, which Le Figaro bought in 2015; Groupe
# Figaro is part of the Dassault group
# ([Stratégies](https://strategies.fr/actualites/medias/1024488W/le-figaro-va-racheter-ccm-benchmark.html);
# [Wikipedia](https://en.wikipedia.org/wiki/L%27Internaute); record `ev-src-linternaute-owner`).
#
# The English copy carries **no outlet name and no byline**, and we do not know who posted it.
# A reader holding only this copy cannot see where it came from (record `ev-p-mt-copy`).

# %% [markdown]
# Word-for-word translation also leaves **fingerprints**, and together with the headline they tie this copy to a French source. The
# table lists what the French said and what went wrong. In rows marked UNCONFIRMED, the French
# wording is our reconstruction: we did not see it in a copy of the French page we could check.

# %%
mt = ml.load_table("mt_artefacts")
prov.html_table(mt, ["english_in_copy", "french_original", "what_happened", "status"], link=None,
                fold=f"Show the {len(mt)} fingerprints of word-for-word translation")

# %% [markdown]
# Three giveaways are worth remembering:
#
# - the **headline**: "ce qu'il souhaite faire élu" means roughly "what he wants to do if elected";
# - "**meeting**": in French, *un meeting* is a political rally;
# - "**exit**": *une sortie* can mean an outburst, a remark (the French wording is unconfirmed).
#
# One change may be more than clumsy English. The English says flatly that the conversation
# "dates from 2020". French news often reports a claim with a conditional, such as "daterait de
# 2020" ("reportedly dates from 2020"). If the French page used one, the **hedge** disappeared
# and a reported claim became a fact. We could not see the French wording, so this is
# **unconfirmed** (record `ev-p-mt-daterait`): compare the French page linked above to find out.

# %% [markdown]
# Here is the chain from the French original to our copy, as recorded in the course's data.

# %%
chain_cols = ["what", "who", "date", "status", "url"]
prov.html_table(ml.republication_chain("linternaute_mt_2024"), chain_cols, link=("what", "url"))

# %% [markdown]
# ### 3b. Seed 001: a Voltaire Network editorial, republished in Switzerland
#
# The dateline reads "Editorial «Voltaire Network» No 89 – 31 May 2024". According to our copy's
# lead-in, the newsletter is directed by Thierry Meyssan (record `ev-p-voltaire-copy`). The copy we study is not Voltaire's own
# page: it was recorded from the English site of **Swiss Standpoint** (Schweizer Standpunkt), and
# its lead-in starts "(CH-S)", a mark Swiss Standpoint puts on its own lead-ins
# ([Swiss Standpoint](http://schweizer-standpunkt.ch/news-detailansicht-en-international/will-nato-member-states-individually-or-collectively-go-to-war-against-russia.html);
# record `ev-src-swiss-standpoint-copy`). Swiss Standpoint's page is dated 7 June 2024, but our
# copy dropped that date from the lead-in (record `ev-src-swiss-standpoint-date`).
#
# - "(CH-S)" opens many Swiss Standpoint lead-ins. Reading it as "CH = Switzerland, S = Standpunkt"
#   is our guess: **unconfirmed** (record `ev-p-chs-guess`).
# - We could not find the Voltaire address printed at the end, so Voltaire's own page is
#   unconfirmed (record `ev-src-voltaire-original-address`); the Swiss copy is confirmed.
# - The chain below also lists a German copy on uncutnews.ch. We could not open that page, so that
#   step is **unconfirmed** too (record `ev-src-uncutnews-copy`).

# %%
prov.html_table(ml.republication_chain("voltaire_2024"), chain_cols, link=("what", "url"))

# %% [markdown]
# ### 3c. Seed 000: SouthFront, reposted the same day
#
# The SouthFront text is unsigned, dated 2026-03-06, and ends with its own address on
# southfront.press. It gives no sources and no links (record `ev-p-sf-copy`). Brighteon carries a
# copy with the same title and opening, dated 6 March 2026
# ([Brighteon](https://www.brighteon.com/deab7287-f2ae-4b3a-9db1-4ad32840060b); record `ev-p-brighteon-repost`).
#
# The three chains side by side, oldest step first (each step shows its date and status):

# %%
for aid in CASES:
    print(f"{aid}:\n   {prov.chain_text(aid)}\n")

# %% [markdown] tags=["instructor"]
# **Likely misconceptions.** (1) "A translation is neutral." Show the "daterait" row: if the
# French had the conditional (unconfirmed), the translation turned a hedge into a statement; the
# "would → will" drift in section 6 is a confirmed example, though we do not know at which step it
# happened (a French report kept the conditional "encouragerais"; record `ev-p-mt-round-trip`). (2) "A big, well-known outlet would not get the
# date wrong." If the French page already has the wrong date (we could not check it: records
# `ev-p-mt-rally-date`, `ev-src-linternaute-french-original`), a site of a large media group made
# the error. A good name for the outlet as a whole is no substitute for checking each claim. (3) "(CH-S) must be an author's initials." We could not find
# out; reading it as "Switzerland + Standpunkt" is our guess and stays unconfirmed (`ev-p-chs-guess`).

# %% [markdown]
# ## 4. Who is behind the outlets? (SIFT: investigate the source)
#
# Lateral reading means finding what **others** have documented about a source. The course table
# `outlets` holds one documented fact per row, with its source, the copy that was checked, a date
# and a status. Two rules for this section:
#
# - We describe outlets by **documented facts**, not by labels.
# - A government's or agency's finding is **its** finding: we say who said it. And where an outlet
#   answered, we show its answer too.

# %%
outlets = ml.load_table("outlets")
show = ["aspect", "fact", "source", "date", "status"]
sf_facts = outlets[outlets.outlet == "SouthFront"]
prov.html_table(sf_facts, show, fold=f"Show the {len(sf_facts)} documented facts about SouthFront")

# %% [markdown]
# **SouthFront** describes itself, in words quoted by another writer in 2020, as a project on
# international relations and armed conflicts that tries to "dig out the truth" on issues that
# states and the mainstream media barely cover (record `ev-src-southfront-self-description`; its own
# "about" page was not opened). Our copy of the article has no author line
# (`ev-src-southfront-article-date`), and English Wikipedia says the site is registered in Russia and
# based in Crimea: that is **Wikipedia's** description (`ev-src-southfront-wikipedia-base`).
#
# - In August 2020 the US State Department's Global Engagement Center (GEC) profiled seven sites it
#   called "proxy" sites of Russian disinformation; SouthFront was one (`ev-src-gec-report-2020`).
#   SouthFront answered by mocking the report (`ev-src-southfront-reply-gec`).
# - In April 2020 Facebook removed accounts and pages it linked to SouthFront and NewsFront
#   (`ev-src-facebook-removal-2020`).
# - In April 2021 the US Treasury sanctioned SouthFront; news reports say the Treasury called it a
#   site run by Russia's FSB security service (`ev-src-treasury-sanctions-2021`). We saw this only
#   in news reports; the Treasury's own press release was not opened.

# %%
vn_facts = outlets[outlets.outlet == "Voltaire Network"]
prov.html_table(vn_facts, show, fold=f"Show the {len(vn_facts)} documented facts about Voltaire Network")

# %% [markdown]
# **Voltaire Network**, according to English Wikipedia, was founded in France in 1994, was
# disbanded there in 2007 and was founded again in Lebanon (`ev-src-voltaire-history`).
# - Thierry Meyssan, who directs its newsletter according to our copy's lead-in
#   (`ev-src-voltaire-newsletter-director`), wrote
#   *L'Effroyable Imposture* (2002), which claims that no plane crashed into the Pentagon on 9/11
#   (`ev-src-meyssan-2002-book`). The US 9/11 Commission concluded that the 19 hijackers were members
#   of al-Qaeda (`ev-src-911-commission`, seen through Wikipedia's summary).
# - Wikipedia says the network is known for conspiracy theories, some in support of Russia, Syria's
#   government and Iran's government. That is **Wikipedia's** description
#   (`ev-src-voltaire-wikipedia-description`).
# - In 2020 EUvsDisinfo listed a piece, which the Voltaire Network says was its own, as "an
#   exaggerated interpretation" of a Newsweek article, and added that a listing does not
#   necessarily mean an outlet is linked to the Kremlin (`ev-src-euvsdisinfo-voltaire-listing`). Voltaire replied that it was outraged to appear on an
#   official EU website (`ev-src-voltaire-reply-euvsdisinfo`).

# %%
other = outlets[outlets.outlet.isin(["Swiss Standpoint", "Linternaute"])]
prov.html_table(other, ["outlet"] + show)

# %% [markdown]
# **Swiss Standpoint** is published by an association, Verein Schweizer Standpunkt, which says the
# publication is financially and party-politically independent (`ev-src-swiss-standpoint-publisher`).
# Its editor-in-chief, Jean-Paul Vuilleumier, was for 20 years editor-in-chief of *Horizons et
# débats*, the French-language edition of the Swiss paper *Zeit-Fragen*
# (`ev-src-swiss-standpoint-editor`). An older, undated copy of French Wikipedia listed *Horizons et
# débats* among the media the Voltaire Network brought together (`ev-src-voltaire-horizons-member`).
# That is one documented thread between the original publisher and the republisher.
#
# **Linternaute** is one of the sites of CCM Benchmark, which Groupe Figaro bought in 2015
# (`ev-src-linternaute-owner`). We could not find a NewsGuard score for it in any copy we checked
# (`ev-src-linternaute-newsguard-rating`).

# %% [markdown]
# ### Evaluate the evaluators
#
# The GEC, the US Treasury, EUvsDisinfo, NewsGuard and Wikipedia are **sources too**. Apply SIFT
# to them.

# %%
prov.html_table(outlets[outlets.role == "evaluator"], ["outlet"] + show)

# %% [markdown]
# - The **GEC** shut down in December 2024 when Congress did not extend its mandate. In April 2025
#   Secretary of State Marco Rubio closed the office that replaced it, accusing it of censorship:
#   that is Rubio's accusation (`ev-src-gec-closure`). Its 2020 report remains a government's
#   finding, made by an office that no longer exists.
# - **EUvsDisinfo** is run by a task force of the EU's diplomatic service. It was set up to answer
#   Russia's disinformation campaigns, and its goals also include promoting EU policies
#   (`ev-src-east-stratcom-mandate`).
# - **NewsGuard** is a company that scores news sites from 0 to 100 on nine published criteria
#   (`ev-src-newsguard-criteria`). The Voltaire Network has published criticism of it
#   (`ev-src-voltaire-criticises-newsguard`): an outlet criticising an evaluator.
# - The **US Treasury** is part of the US government, so its sanctions are that government's
#   decision. We saw them only through news reports.
# - **Wikipedia** is a source as well: where we use it, we write "Wikipedia says".
#
# None of this makes their findings wrong. It tells you whose findings they are.

# %% [markdown] tags=["instructor"]
# **Discussion prompts (5 min).** (1) "The US government sanctioned SouthFront, so everything it
# says is false." Is that a good argument? (It tells you who runs it, according to the Treasury;
# each claim still needs checking, as lesson 03 does.) (2) EUvsDisinfo and the GEC both work for
# public authorities. Does that make their findings worthless, or just something to attribute? (3) Which
# adjectives would be unfair here, and which facts say more than any adjective? Keep the class on
# documented facts: no "propaganda outlet", "conspiracy site" or "fact-checker" as a verdict.

# %% [markdown]
# ## 5. Check the date
#
# Sentence s007 of the translated article (probably a machine translation) gives a date *and* a weekday. A weekday is a free
# check: pandas can tell us which day a date fell on.

# %%
import pandas as pd

print(ml.load_article("linternaute_mt_2024").sentence("s007").text)
print("10 January 2024 was a", pd.Timestamp("2024-01-10").day_name())

# %% [markdown]
# "Saturday January 10, 2024" cannot be right: 10 January 2024 was a Wednesday. The rally was held
# on **Saturday 10 February 2024 in Conway, South Carolina**, and AP's report came out that day
# (AP, Jill Colvin, 10 February 2024, checked via a copy on
# [localnews8.com](https://localnews8.com/news/ap-national/2024/02/10/trump-says-he-warned-nato-ally-spend-more-on-defense-or-russia-can-do-whatever-the-hell-they-want/)).
# Le Monde wrote "samedi 10 février" (checked via
# [lirelactu.fr](https://lirelactu.fr/source/le-monde/169cdd43-8a21-4366-83c7-42e926c83d85)).
# Status of the printed date: **WRONG** (records `ev-p-mt-rally-date`, `ev-p-rally-date`).
# Here are several dates checked together:

# %%
dates = prov.date_check([
    ("as printed in seed 002", "Saturday January 10, 2024"),
    ("the rally (AP, Le Monde)", "Saturday 10 February 2024"),
    ("Breton's story at the European Parliament", "Tuesday 9 January 2024"),
    ("Politico reports Breton's story", "2024-01-10"),
])
prov.html_table(dates, ["label", "as_printed", "stated_weekday", "actual_weekday", "weekday_matches"], link=None)

# %% [markdown]
# **How could the error arise?** We do not know. We could not check whether the French page
# already has it (record `ev-src-linternaute-french-original`). One possible link, **not confirmed** (record
# `ev-p-date-guess`): 10 January 2024 is the day Politico published Thierry Breton's story about Trump
# ([Politico, 10 January 2024](https://www.politico.eu/article/donald-trump-vow-never-help-europe-attack-thierry-breton/)),
# which the same article mixes up with the rally (section 6). Perhaps someone working on both
# stories mixed up the dates, but that is a guess. A wrong weekday is a warning sign: when you see
# one, check everything else in the paragraph.

# %% [markdown] tags=["instructor"]
# **Teaching point.** Learners often want a culprit ("the translator", "a typo"). Keep two
# statuses apart: the printed date is WRONG (checked); the explanation is UNCONFIRMED (a
# hypothesis). Ask: "What would we need to see to confirm it?" (An earlier draft of the French
# article or a correction note; we have neither.)

# %% [markdown]
# ## 6. Trace the quotes (SIFT: trace claims to the original context)
#
# A quote is only as good as its trail: **who** said it, **when**, **where**, and in **what
# words**. The course table `quotes` traces the main quotes of the three articles; its `evidence`
# column names the records behind each row. First, seed 002:

# %%
quotes = ml.load_table("quotes")
cols = ["id", "speaker", "date", "venue", "status", "status_note"]
prov.html_table(quotes[quotes.article == "linternaute_mt_2024"], cols + ["source"])

# %% [markdown]
# The wording **drifted**. English quotes were translated into French by the French press (Le
# Figaro, for example, called the White House's words "consternants et insensés"; record
# `ev-p-mt-round-trip`), then translated back into English, probably by machine. Below, each original word that changed is struck
# through and marked **was:**, and each printed word is underlined and marked **now:**.

# %%
prov.drift_table(quotes, ["q01", "q03", "q04", "q05", "q06"])

# %% [markdown]
# Small words, big changes:
#
# - **would → will**: Trump spoke of a hypothetical ("I would not protect you"); the print makes it a
#   promise. He also framed it as a reply to an ally that had not paid; the article's lead leaves that
#   out (record `ev-p-trump-quote`).
# - **bills → debts**, **appalling → distressing** (Biden), **invasions → the invasion** and
#   **unhinged → insane** (the White House).
# - The "White House" quote was said by deputy press secretary **Andrew Bates** on Saturday
#   10 February 2024 (his statement, checked via copies of
#   [The Hill](https://www.makeamericalateagain.com/white-house-calls-trump-comments-on-nato-appalling-and-unhinged/)
#   and Fox News; record `ev-p-bates-statement`).

# %% [markdown]
# Two more quotes, traced to their source:
#
# - Biden's words come from a written statement of **Sunday 11 February 2024** issued by his election
#   campaign: it speaks of "my opponent, Donald Trump" ([The Hill](https://digital-release.thehill.com/homenews/campaign/4461838-biden-calls-trumps-nato-remarks-appalling-and-dangerous/amp)).
#   So "the White House was quick to react. US President Joe Biden..." gives the wrong channel:
#   **WRONG** (records `ev-p-biden-statement`, `ev-p-biden-channel`).
# - Charles Michel's words were posted **on X** on 11 February 2024 (his post, quoted on
#   [fakti.bg](https://fakti.bg/world/855838-predsedatelat-na-es-donald-tramp-govori-bezrazsadno);
#   record `ev-p-michel-post`). That they appeared "in the columns of La Tribune" is **unconfirmed**
#   (record `ev-p-michel-la-tribune`).

# %% [markdown]
# Some words only moved: Michel's "Art 5 solidarity" became "the solidarity of Article 5", and
# "serve only" became "only serve". The table says "word order changed" for these.

# %% [markdown]
# **The Breton mix-up (row q02).** The article says Thierry Breton identified "this conversation"
# as an exchange with Ursula von der Leyen that "dates from 2020". But Breton told his story on
# **9 January 2024**, a month **before** the rally, and it was about something Trump said at Davos
# in 2020. We found no report of Breton saying who was meant by "One of the presidents of a big
# country" in Trump's rally story ([Politico, 10 January 2024](https://www.politico.eu/article/donald-trump-vow-never-help-europe-attack-thierry-breton/);
# records `ev-p-breton-account`, `ev-p-trump-big-country`). Two different stories were joined into
# one: **WRONG** as framed (record `ev-p-breton-conflation`). Breton's own story is confirmed only as
# **his account**: we found no one else confirming it.

# %% [markdown]
# **Seed 000** puts only one quote in a speaker's mouth (its other quotation marks, such as
# “Iranian threat”, are scare quotes). SouthFront says NATO's Secretary General Mark Rutte
# "backtracked", claiming Article 5 is "not on the table". Both of Rutte's statements come from one
# Reuters interview on 5 March 2026
# ([Reuters highlights via The Straits Times](https://www.straitstimes.com/world/europe/highlights-of-nato-chiefs-interview-with-reuters);
# record `ev-p-rutte-interview`), and they do not clash: shooting down a missile to defend allied
# land is not the same as invoking Article 5. So "backtracked" is **WRONG** (record
# `ev-p-sf-backtracked`). No source we found shows Rutte saying "not on the table", so as his words
# they are **unconfirmed** (record `ev-p-sf-not-on-table`). The table below compares them with what
# he did say: this is a paraphrase, not a reworded quote.

# %%
prov.drift_table(quotes, ["q13"])

# %% [markdown]
# **Seed 001** has problems of another kind, which you will trace yourself in Exercise 1:
# Salvini's quote **joins two remarks from two different days** with "[...]"; Rogozin's warning
# appears **without what it was reacting to**; Putin's remarks come **without a date or a place**.
# The exercise asks you to find the dates, places and occasions yourself, so the table here shows
# only who is quoted and how:

# %%
prov.html_table(quotes[quotes.article == "voltaire_2024"],
                ["id", "speaker", "as_printed", "status"], link=None)

# %% [markdown] tags=["instructor"]
# **Discussion prompt.** "Appalling" and "distressing" both sound negative. Does the drift matter?
# Push on *would → will*: a conditional answer to a hypothetical became a statement of intent.
# Then ask who is responsible: the speaker, the French press, the machine translation, or the
# person who posted it without a byline? Learners may miss the venue problem (X vs La Tribune):
# a wrong venue stops a reader from finding the original.

# %% [markdown]
# ## 7. The primary source: which "Article 5"?
#
# Seed 002 says Trump "breaks Article 5 of the **Atlantic Charter**" (sentence s022). Go to the
# primary source. Article 5 is part of the **North Atlantic Treaty**, signed in Washington on
# 4 April 1949 ([NATO archive](https://www.nato.int/archives/1st5years/annexes/a.htm); record
# `ev-p-treaty-article5`):

# %%
treaty = ml.load_article("nato_treaty_1949")
for paragraph in (4, 5):  # the two paragraphs of Article 5
    print(" ".join(s.text for s in treaty.sentences if s.paragraph == paragraph), "\n")

# %% [markdown]
# The **Atlantic Charter** is something else: a joint declaration by Franklin D. Roosevelt and
# Winston Churchill of **14 August 1941**. It set out
# eight shared principles to guide the peace after the war. It was a declaration of aims, not the
# treaty that contains Article 5 (checked in two dictionary entries; archive copies of the Charter
# were not opened; record `ev-p-atlantic-charter`).
#
# - Naming the Charter: **WRONG** (record `ev-p-case-atlantic-charter`). "Breaks" is the author's
#   judgement, **OPINION**: Trump was a candidate speaking at a rally, not a government acting under
#   the treaty (record `ev-p-breaks-opinion`).
# - Read the treaty's words: each ally "will assist" the ally attacked, by taking
#   "such action as it deems necessary, including the use of armed force". The promise to help is firm; the kind of
#   help is left to each ally. NATO used Article 5 for the first time on 12 September 2001, the day
#   after the attacks on the United States, and by 2024 that was still the only time
#   ([NATO](https://www.nato.int/terrorism/five.htm); record `ev-p-article5-once`).

# %% [markdown]
# ## 8. Your provenance checklist
#
# Now put it together. Fill in one checklist per article, with **evidence** for each answer: a URL
# from this lesson or a short note ("no byline in the text"). Your answers are saved as you go.

# %%
checklists = {aid: ml.ProvenanceChecklist(aid) for aid in CASES}
checklists["southfront_2026"]

# %%
checklists["voltaire_2024"]

# %%
checklists["linternaute_mt_2024"]

# %% [markdown]
# ### Your scorecard
#
# The chart compares your answers with the course's reference answers, and redraws whenever you
# change an answer above. "Defensible" means your answer differs from the reference but a careful
# reader could argue for it.

# %%
ml.live(checklists, prov.scorecard_plot, delay=0.5)

# %% [markdown]
# The reference answers and their reasons, one article per line: click a line to open it. Where
# you **differ**, read the reason and decide whether you still disagree: you may be right, but you
# should be able to say why.

# %%
ml.live(checklists, prov.scorecard_tables)

# %% [markdown] tags=["instructor"]
# **Reading the scorecard.** "Differs" is not "wrong": the reference is a teaching reference, and
# some questions are matters of judgement (for example `purpose` for the Voltaire editorial, or
# `owner` for the translated copy, where "yes" needs tracing and "can't tell" describes the copy
# alone). Answers likely to differ (a guess: the course has no class data yet): `author` for
# seed 001 (Meyssan directs the newsletter; he is not named as the author) and `publisher` for
# seed 000 (the web address counts as naming the outlet). Ask learners to defend one "differs"
# answer out loud, with evidence.

# %% [markdown]
# The facts in this lesson rest on records in the course's evidence; the grey codes in the text
# are record ids. Open any record this way to see its status, its sources and short quotes from them:

# %%
ml.evidence(["ev-p-rally-date", "ev-p-mt-rally-date", "ev-p-bates-statement", "ev-p-biden-statement",
             "ev-p-michel-post", "ev-p-breton-conflation", "ev-p-sf-backtracked", "ev-p-case-atlantic-charter",
             "ev-src-treasury-sanctions-2021", "ev-src-gec-closure"])

# %% [markdown]
# ## Key points
#
# - **Stop, then leave the page**: SIFT and lateral reading start with who is behind a text, not
#   with what it says. First Draft's five pillars (provenance, source, date, location, motivation)
#   make a checklist.
# - **Trace upstream**: the unsigned English text reads as a word-for-word (probably machine)
#   translation of a Linternaute article (unconfirmed until you compare it with the live page); the Voltaire editorial reached us via Swiss Standpoint; SouthFront's piece also appeared
#   on Brighteon the same day. The translation and the republication lost or changed clues.
# - **Describe sources by documented facts and say whose findings they are**, including the
#   evaluators' (a US government office that closed in 2024, the EU's diplomatic service, a
#   for-profit rating company).
# - **Dates and quotes are checkable**: a weekday takes one line of pandas; a quote needs speaker,
#   date, venue and original words. Translation and splicing change meaning.
# - **Carry the status**: CONFIRMED, WRONG, UNCONFIRMED and OPINION are different, and an
#   unconfirmed claim stays unconfirmed.

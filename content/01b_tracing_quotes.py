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
# # 01b · Tracing quotes to the original
#
# A date or a quote is only as good as its trail. This lesson follows lesson 01.
#
# **Questions**
# - Do the dates in the articles hold up?
# - Are the quotes what people said, when and where they said it?
# - Which document holds "Article 5"?
# - Who are the evaluators that judge outlets, and whose findings are theirs?
#
# **Objectives**: by the end you can check a weekday with pandas; trace a quote to its speaker,
# date, venue and original words; spot drift caused by translation; and go to a primary source.
#
# **Time**: 45 minutes.

# %% [markdown] tags=["instructor"]
# **Instructor notes: timing (45 min).** Date 8 · Quotes 17 · Treaty 8 · Evaluators 10 · Key points 2.
# Each key opens only when a learner presses its button; their answer at that moment is kept as
# their first answer. The Voltaire quotes are left for Exercise 1: this lesson shows none of their
# dates, venues or statuses. See `docs/instructor-guide.md`.

# %%
import medialit as ml
from medialit import provenance as prov

ml.lesson("01b")  # the work you save in this notebook is filed under "01b"
ml.LearnerBox(compact=True)  # whose work this is: your name, as chosen in the start notebook

# %% [markdown]
# **Words for this lesson.** *Drift*: words of a quote that change as it is copied or translated.
# *Hedge*: a word that makes a claim less certain ("reportedly", "would").
# *Primary source*: the original document, not a report about it.
# *Machine translation*: a translation made by software.
#
# These three words, and lesson 01's *provenance* and *lateral reading*, are in the glossary. To
# read one of them, or a record such as `ev-p-rally-date`, type it in the look-up box below and
# press Enter. (In JupyterLab, `ml.glossary()` lists every word.)

# %%
ml.Lookup()

# %% [markdown]
# ## 1. Check the date (8 minutes)
#
# Sentence s007 of the translated article (probably a machine translation) gives a date *and* a weekday. A weekday is a free
# check: pandas can tell us which day a date fell on.

# %%
import pandas as pd

print(ml.load_article("linternaute_mt_2024").sentence("s007").text)
print("10 January 2024 was a", pd.Timestamp("2024-01-10").day_name())  # pandas computes the weekday

# %% [markdown]
# **Your turn:** which weekday was 10 January 2024?

# %%
ml.Answer("01b-weekday")

# %%
ml.KeyReveal("01b-date-key", lambda: prov.date_check([
    ("as printed in seed 002", "Saturday January 10, 2024"), ("the rally (AP, Le Monde)", "Saturday 10 February 2024"),
    ("Breton's story at the European Parliament", "Tuesday 9 January 2024")]), questions=["01b-weekday"])

# %% [markdown]
# "Saturday January 10, 2024" cannot be right: its weekday does not fit its date. The rally was held
# on **Saturday 10 February 2024 in Conway, South Carolina**, and AP's report came out that day
# (AP, Jill Colvin, 10 February 2024, checked via a copy on
# [localnews8.com](https://localnews8.com/news/ap-national/2024/02/10/trump-says-he-warned-nato-ally-spend-more-on-defense-or-russia-can-do-whatever-the-hell-they-want/)).
# Le Monde wrote "samedi 10 février" (checked via
# [lirelactu.fr](https://lirelactu.fr/source/le-monde/169cdd43-8a21-4366-83c7-42e926c83d85)).
# Status of the printed date: **WRONG** (records `ev-p-mt-rally-date`, `ev-p-rally-date`).
# The key above checks several dates together.

# %% [markdown]
# **How could the error arise?** We do not know. We could not check whether the French page
# already has it (record `ev-src-linternaute-french-original`). One possible link, **not confirmed** (record
# `ev-p-date-guess`): 10 January 2024 is the day Politico published Thierry Breton's story about Trump
# ([Politico, 10 January 2024](https://www.politico.eu/article/donald-trump-vow-never-help-europe-attack-thierry-breton/)),
# which the same article mixes up with the rally (section 2 below). Perhaps someone working on both
# stories mixed up the dates, but that is a guess. A wrong weekday is a warning sign: when you see
# one, check everything else in the paragraph.

# %% [markdown] tags=["instructor"]
# **Teaching point.** Learners often want a culprit ("the translator", "a typo"). Keep two
# statuses apart: the printed date is WRONG (checked); the explanation is UNCONFIRMED (a
# hypothesis). Ask: "What would we need to see to confirm it?" (An earlier draft of the French
# article or a correction note; we have neither.)

# %% [markdown]
# ## 2. Trace the quotes (SIFT: trace claims to the original context) (17 minutes)
#
# A quote is only as good as its trail: **who** said it, **when**, **where**, and in **what
# words**. The course table `quotes` traces the main quotes of the three articles; its `evidence`
# column names the records behind each row. First, seed 002:

# %%
quotes = ml.load_table("quotes")
mt_quotes = quotes[quotes.article == "linternaute_mt_2024"]
prov.html_table(mt_quotes, ["id", "speaker", "date", "venue", "status"], link=None)

# %% [markdown]
# The wording **drifted**. For two quotes (the White House's and Stoltenberg's) we can show two
# steps: the French press translated the English words into French (Le Figaro rendered Bates's
# "appalling and unhinged" as "consternants et insensés"), and the English copy translated them
# back, probably by machine (record `ev-p-mt-round-trip`). For Trump's quote we can show part of
# it: a French report (RTL Belgium) already has "vous" ("to you") and "payer vos dettes" ("pay
# your debts"), but it keeps Trump's conditional ("encouragerais"), so we could not show at
# which step his words changed (same record). For Biden's quote a round trip is likely, but we
# did not check a French version word for word. Below, each original word that changed is struck
# through and marked **was:**, and each printed word is underlined and marked **now:**.

# **Before you look:** which change of words turns a "what if" into a promise? Answer, then open
# the word-by-word comparison.

# %%
ml.Answer("01b-drift")

# %%
drifted = quotes[quotes.id.isin(["q01", "q03", "q04", "q05", "q06"])]
ml.KeyReveal("01b-drift-key", lambda: [prov.drift_table(drifted),  # the key: the words, then what each change does
                                       prov.html_table(drifted, ["id", "speaker", "what_changed"], link=None)],
             questions=["01b-drift"], label="Show the word-by-word comparison")

# %% [markdown]
# The "White House" quote was said by deputy press secretary **Andrew Bates** on Saturday
# 10 February 2024 (his statement, checked via copies of
# [The Hill](https://www.makeamericalateagain.com/white-house-calls-trump-comments-on-nato-appalling-and-unhinged/)
# and Fox News; record `ev-p-bates-statement`).

# %% [markdown]
# Two more quotes, traced to their source:
#
# - Biden's words come from a statement of **Sunday 11 February 2024** released by his re-election
#   campaign: it speaks of "my opponent, Donald Trump" ([The Hill](https://digital-release.thehill.com/homenews/campaign/4461838-biden-calls-trumps-nato-remarks-appalling-and-dangerous/amp)).
#   So "the White House was quick to react. US President Joe Biden..." gives the wrong channel:
#   **WRONG** (records `ev-p-biden-statement`, `ev-p-biden-channel`).
# - Charles Michel's words were posted **on X** on 11 February 2024 (his post, quoted on
#   [fakti.bg](https://fakti.bg/world/855838-predsedatelat-na-es-donald-tramp-govori-bezrazsadno);
#   record `ev-p-michel-post`). That they appeared "in the columns of La Tribune" is **unconfirmed**
#   (record `ev-p-michel-la-tribune`).

# %% [markdown]
# **Machine translation.** Word-for-word translation also leaves **fingerprints**, and together with the headline they tie this copy to a French source. The
# table lists each phrase of the English copy, the French words we think lie behind it, what went
# wrong, and the status of each row. We could not open a copy of the French page, so the French
# wording behind most rows was **not seen**: where the French column says "probably", it is our
# reconstruction, and the explanation is only as good as that guess (records
# `ev-src-linternaute-french-original`, `ev-p-mt-sortie`). Of the page's own French, we saw only
# the headline's words, in its web address (record `ev-p-mt-headline`).

# %%
mt = ml.load_table("mt_artefacts")
prov.html_table(mt, ["english_in_copy", "french_original", "what_happened", "status"], link=None,
                fold=f"Show the {len(mt)} fingerprints of word-for-word translation")

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
# they are **unconfirmed** (record `ev-p-sf-not-on-table`). SouthFront puts these words in
# quotation marks, but they match the words in the web address of a Reuters report, not anything
# Rutte is quoted as saying (record `ev-b-rutte-not-on-table`). The table below compares them with what he did say.

# %%
ml.KeyReveal("01b-rutte-key", lambda: prov.drift_table(quotes, ["q13"]), label="Show what Rutte said")

# %% [markdown]
# **Seed 001** has quotes with other problems (a splice of two days, a missing occasion, a
# missing place): you trace them yourself in lesson 01's Exercise 1, "trace the quotes of the
# Voltaire editorial". In JupyterLab, open `exercises/01_source_provenance_ex1.ipynb`; in the
# web-app view, your teacher opens the exercises page, where you click `01_source_provenance_ex1.ipynb`.

# %% [markdown] tags=["instructor"]
# **Discussion prompt.** "Appalling" and "distressing" both sound negative. Does the drift matter?
# Push on *would → will*: a conditional answer to a hypothetical became a statement of intent.
# Then ask who is responsible: the speaker, the French press, the machine translation, or the
# person who posted it without a byline? Learners may miss the venue problem (X vs La Tribune):
# a wrong venue stops a reader from finding the original.

# %% [markdown]
# ## 3. The primary source: which "Article 5"? (8 minutes)
#
# Seed 002 says Trump "breaks Article 5 of the **Atlantic Charter**" (sentence s022). Go to the
# primary source: NATO publishes the text that holds Article 5
# ([NATO](https://www.nato.int/cps/en/natohq/official_texts_17120.htm); we read the course's
# extract of it, not NATO's page itself; record `ev-p-treaty-article5`). Below are its heading and
# its Article 5:

# %%
treaty = ml.load_article("nato_treaty_1949")
for paragraph in (0, 4, 5):  # the document's heading, then the two paragraphs of Article 5
    print(" ".join(s.text for s in treaty.sentences if s.paragraph == paragraph), "\n")

# %% [markdown]
# **Your turn:** which document holds Article 5?

# %%
ml.Answer("01b-article5")

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
#   after the attacks on the United States ([NATO](https://www.nato.int/terrorism/five.htm)). On
#   13 February 2024 President Biden said it had "only been invoked once"
#   ([transcript on Yahoo News](https://news.yahoo.com/biden-slams-trump-nato-comments-163039501.html);
#   record `ev-p-article5-once`).

# %% [markdown]
# ## 4. Who checks the checkers? (10 minutes)
#
# In lesson 01 you read laterally about SouthFront. The other outlets are profiled in the same way
# (records `ev-src-voltaire-history`, `ev-src-swiss-standpoint-publisher`, `ev-src-linternaute-owner`):

# %%
outlets = ml.load_table("outlets")
other = outlets[outlets.outlet.isin(["Voltaire Network", "Swiss Standpoint", "Linternaute"])]
prov.html_table(other, ["outlet", "aspect", "fact", "source", "status"], fold=f"Show {len(other)} documented facts")

# %% [markdown]
# ### Evaluate the evaluators
#
# The GEC, the US Treasury, EUvsDisinfo, NewsGuard and Wikipedia are **sources too**. Apply SIFT
# to them.

# %%
evaluators = outlets[outlets.role == "evaluator"]
prov.html_table(evaluators, ["outlet", "fact", "status"], fold=f"Show {len(evaluators)} facts about the evaluators")

# %% [markdown]
# - The **GEC** shut down in December 2024 when Congress did not extend its mandate. On 16 April
#   2025 Secretary of State Marco Rubio said he was shutting down the office that replaced it,
#   accusing it of censorship: that is Rubio's accusation (`ev-src-gec-closure`). Its 2020 report remains a government's
#   finding, made by an office that no longer exists (`ev-src-gec-report-2020`).
# - **EUvsDisinfo** is run by a task force of the EU's diplomatic service. It was set up to answer
#   Russia's disinformation campaigns, and its goals also include promoting EU policies
#   (`ev-src-east-stratcom-mandate`).
# - **NewsGuard** is a company that scores news sites from 0 to 100 on nine published criteria
#   (`ev-src-newsguard-criteria`). The Voltaire Network has published criticism of it
#   (`ev-src-voltaire-criticises-newsguard`): an outlet criticising an evaluator.
# - The **US Treasury** is part of the US government, so its sanctions are that government's
#   decision. We saw them only through news reports (`ev-src-treasury-sanctions-2021`,
#   `ev-src-treasury-sanctions-2022`).
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
# ## Key points (2 minutes)
#
# - **Dates are checkable**: a weekday takes one line of pandas; a wrong weekday is a warning sign.
# - **A quote needs four things**: speaker, date, venue and original words. Translation and
#   splicing change meaning ("would" became "will").
# - **Go to the primary source**: the treaty, not a report about it.
# - **Carry the status**: an explanation we could not check stays unconfirmed.
# - **Evaluators are sources too**: say whose finding it is.

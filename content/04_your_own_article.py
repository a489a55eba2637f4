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
# # 04 · Your own article: the three skills on any text
#
# The same tools, on an article **you** bring (or on a practice article). A new article has no
# answer key: you compare your work with the signals, write your reasons in notes, and discuss.
#
# **Questions**: Where does this article come from? Which sentences report and which judge?
# Which claims could be checked, and by whom?
#
# **Objectives**: add an article with its details; answer the provenance checklist with evidence;
# label its sentences against the signals; mark loaded phrases and say why; fill a claim ledger.
#
# **Time**: 45 minutes.

# %% [markdown] tags=["instructor"]
# **Instructor notes: before the lesson.** Add the article yourself beforehand (the widget below,
# or `medialit add-article page.html --title … --publisher … --url … --date YYYY-MM-DD` in a
# terminal), then tell learners its id, or put it in `ARTICLE` in the first code cell. Articles go
# to the teacher folder (`MEDIALIT_HOME/articles/`), never into `data/`. To grade work on it, make
# an exercise with its own key: `medialit make-exercise ID`, fill in the key, then
# `medialit check-key FILE`. See `docs/instructor-guide.md`, section 04.
#
# Timing (45 min): setup 5 · add an article 4 · choose it 3 · provenance 6 · labels 10 ·
# phrases 7 · claim ledger 8 · key points 2. The budget tool cannot count ledger rows the learners
# have not added yet: the two claims (4 minutes) are in the ledger's 8.

# %% [markdown]
# The lesson starts with a short **practice article**, invented for the course: its town, people
# and newspaper do not exist.

# %%
import medialit as ml

ml.lesson("04")  # the work you save in this notebook is filed under "04"
own = ml.own_article  # this lesson's helpers: feedback that needs no answer key
ARTICLE = "kelvenford_practice_2026"  # change this to your own article's id
ml.LearnerBox(compact=True)  # whose work this is: your name, as chosen in the start notebook

# %% [markdown]
# Unsure of a word such as *hedge*? Type it in this look-up box and press Enter.

# %%
ml.Lookup()

# %% [markdown]
# ## 1. Bring your own article, if you like (4 minutes)
#
# Skip this to use the practice article. Otherwise paste the text below, or upload a page saved
# with **File → Save Page As**. Check each detail found (title, site, author, date), correct it
# if wrong, and press **Add article**. No author on the page? Tick "No author given".

# %%
adder = ml.AddArticle()
adder

# %% [markdown]
# ## 2. Choose the article (3 minutes)
#
# Choose an article in the list (the one you just added is chosen for you). Everything below
# follows your choice at once: no box needs to be run again. After a restart, choose it again:
# your work on each article is saved.

# %%
picker = own.article_picker(ARTICLE, adder=adder)
picker

# %%
own.follow(picker, own.about_section)

# %% [markdown]
# ## 3. Where does it come from? (6 minutes)
#
# The checklist of lesson 01. For each answer write your **evidence**: a URL, or where you looked
# ("the article's first line"). "Can't tell" is fine when you looked and found nothing. The
# details above were typed in by whoever added the article: does the text say the same?

# %%
own.follow(picker, own.provenance_section)

# %% [markdown]
# ## 4. Label the sentences (10 minutes)
#
# The five labels of lesson 02, decided in this order: **quotation**, **attributed report**,
# **prediction**, **opinion**, else **unattributed assertion**. Use **Next**, or "Go to" to jump.
#
# Under the labeller, your label sits next to the **signals' guess**, made from English words
# alone (lesson 02). Where they differ, decide who is right and write why in the sentence's note.

# %%
own.follow(picker, own.labels_section)

# %% [markdown]
# **Your turn.** Find one sentence where the signals find nothing but you see an opinion or an
# unsourced claim. What did they miss?

# %% [markdown]
# ## 5. Mark loaded phrases (7 minutes)
#
# Mark at least three phrases (select them, or type them in the Phrase box) with lesson 02's
# categories. In each note: what feeling does it push, and what plainer word would do?

# %%
own.follow(picker, own.marks_section)

# %% [markdown]
# ## 6. A claim ledger (8 minutes)
#
# Add two checkable claims (a number, an event, a remark): who makes it, what evidence the
# article offers ("none" if nothing), who could confirm it independently, and your status:
#
# - **supported**: independent evidence backs it;
# - **contradicted**: independent evidence goes against it;
# - **unsupported**: no evidence is offered for it;
# - **cannot tell yet**: you would need more information.

# %%
own.follow(picker, own.ledger_section)

# %% [markdown]
# **Your turn.** For the claim you are least sure of: who could confirm it without a stake in
# it? In the practice article, who ran the survey, and what did they want?

# %% [markdown] tags=["instructor"]
# **Instructor notes: the practice article.** It is invented (no key). Things worth finding:
# the dateline (s002) names an invented paper; s007 calls the plan a "crusade against cars"
# (loaded, and the signals miss it); s012 gives a number with no source ("doubled"), and the
# signals miss it too; s013 "Everyone knows" asserts without evidence; s014 is a survey by a club
# that campaigns for the plan (an interested source: attributed, but not independent); s016-s018
# are the writer's opinion and a prediction inside a news story. Good ledger claims: the vote count
# (s004, the minutes), the traffic figure (s012), the survey (s014), the meetings (s011).

# %% [markdown]
# ## Key points
#
# - Any article works: add it and choose it; your work is saved per article.
# - Provenance first: who published it, who wrote it, when, and is it the original?
# - Label each sentence by what it **does**; the signals see only English words.
# - A claim needs a claimant, evidence and someone **independent** who could confirm it.

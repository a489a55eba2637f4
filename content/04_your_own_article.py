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
# Lessons 01 to 03 used articles the course chose. Here you use the same tools on an article
# **you** bring: today's news, a post a friend shared, a text your teacher picked. There is no
# answer key for a new article, so nobody marks your work here. You compare it with the
# signals, write your reasons in notes, and discuss it with others.
#
# **Questions**
# - Where does this article come from, and what does it leave out about itself?
# - Which sentences report, which give the writer's view, and which words push the reader?
# - Which claims could be checked, and who could check them?
#
# **Objectives**: add an article with its details; answer the provenance checklist with evidence;
# label its sentences and compare your labels with the signals; mark loaded phrases and say why;
# fill a claim ledger with a status for each claim.
#
# **Time**: about 45 minutes.

# %% [markdown] tags=["instructor"]
# **Instructor notes: before the lesson.** Add the article yourself beforehand (the widget below,
# or `medialit add-article page.html --title … --publisher … --url … --date YYYY-MM-DD` in a
# terminal), then tell learners its id, or put it in `ARTICLE` in the first code cell. Articles go
# to the teacher folder (`MEDIALIT_HOME/articles/`), never into `data/`. To grade work on it, make
# an exercise with its own key: `medialit make-exercise ID`, fill in the key, then
# `medialit check-key FILE`. See `docs/instructor-guide.md`, section 04.
#
# Suggested timing: choose or add the article 5 min, provenance 10 min, labels 12 min, phrases
# 8 min, claim ledger 10 min.

# %% [markdown]
# Run the box below to load the course's helper package. `ARTICLE` names the article you work
# on. It starts as a short **practice article**: it was invented for the course, and the town,
# the people and the newspaper in it do not exist. Later you can change `ARTICLE` to the id of
# your own article.

# %%
import medialit as ml

ml.lesson("04")  # the work you save in this notebook is filed under "04"
own = ml.own_article  # this lesson's helpers: feedback that needs no answer key
ARTICLE = "kelvenford_practice_2026"  # change this to your own article's id
ml.LearnerBox(compact=True)  # whose work this is: your name, as chosen in the start notebook

# %% [markdown]
# ## 1. Bring your own article (optional)
#
# Skip this section to use the practice article. To bring your own, paste its text into the box
# below, or save the web page in your browser (**File → Save Page As**) and upload the file.
# The box shows what it found (the title, the site, the author, the date): check each detail
# and correct anything wrong. Then press **Add article**. It tells you the article's **id**.
#
# If the page names no author, tick "No author given": that is an answer, not a gap to fill.
# If you add the same text twice, nothing new is added and you get the id it already has.

# %%
adder = ml.AddArticle()
adder

# %% [markdown]
# ## 2. Choose the article
#
# The list holds every article you can use: the course's, and the ones added in your class.
# The article you just added is already chosen; otherwise it shows `ARTICLE`. Choose one, then
# run the cells below it.

# %%
picker = own.article_picker(adder.article_id or ARTICLE)
picker

# %% [markdown]
# The next cell uses the article chosen in the list. To come back to the same article after a
# restart, copy its id into the first code cell (`ARTICLE = "..."`).

# %%
ARTICLE = picker.value
article = ml.load_article(ARTICLE)
print(f'ARTICLE = "{ARTICLE}"  ({len(article.body_sentences())} sentences to label)')
own.details(ARTICLE)

# %% [markdown]
# Now read the whole article once, without judging it yet. Each sentence has a fixed id
# (`s001`, `s002`...), so everyone can point to the same sentence. The `role` column says which
# lines are not part of the running text (a title, a dateline, a note at the end).

# %%
ml.display.html_table(article.to_frame(), ["sentence", "role", "text"], max_rows=120)

# %% [markdown]
# ## 3. Where does it come from?
#
# Answer the checklist from lesson 01 for this article. For each answer write your **evidence**:
# a URL, or where you looked ("the last line of the article", "the site's About page").
# "Can't tell" is a fine answer when you looked and found nothing: say where you looked.
#
# **Your turn (8 minutes).** The details above are what the person who added the article typed
# in. Does the text itself say the same? For the practice article, what does its first line
# tell you?

# %%
checklist = ml.ProvenanceChecklist(ARTICLE)
checklist

# %% [markdown]
# Under the checklist: what you have answered so far, and which answers still lack evidence.
# It updates as you answer.

# %%
ml.live(checklist, own.provenance_view)

# %% [markdown]
# ## 4. Label the sentences
#
# Use the five labels of lesson 02. A reminder of the order to decide in:
#
# 1. Mostly someone's exact words in quotation marks? → **quotation**
# 2. Says who the information comes from ("said", "according to")? → **attributed report**
# 3. Guesses the future, or says what *would* happen? → **prediction**
# 4. Judges, blames, praises, or uses loaded words? → **opinion**
# 5. Otherwise it states a fact without a source → **unattributed assertion**
#
# Hover over a label (or reach it with **Tab**) to see its definition. A long article is shown
# one sentence at a time: use **Next**, or "Go to" to jump.

# %%
labeller = ml.SentenceLabeller(ARTICLE, ml.reporting.LABELS, label_set="reporting")
labeller

# %% [markdown]
# ### Your labels next to the signals
#
# There is no key for this article. Instead, the table puts your label next to the **signals'
# guess**: a naive label made from words alone (`ml.cues`, lesson 02). Where the two differ,
# decide who is right and write why in the sentence's note. The signals are English word
# lists: for an article in another language they are switched off, and the line below says so.

# %%
signals = own.signals_for(ARTICLE)
print(own.signals_note(ARTICLE))
ml.live(labeller, lambda lab: own.labels_view(lab, signals))

# %% [markdown]
# **Your turn (3 minutes).** Find one sentence where the signals find nothing but you still
# see an opinion or a claim without a source. What did the words-only signals miss?

# %% [markdown]
# ## 5. Mark loaded phrases
#
# Select words in the text (or type them in the Phrase box) and choose a category. These are the
# categories of lesson 02. Mark at least three phrases, and say in the note why each one is
# loaded: what feeling does it push, and what plainer word could the writer have used?

# %%
marker = ml.PhraseMarker(ARTICLE, ml.reporting.phrase_categories())
marker

# %% [markdown]
# Your marks, with the signals that fire on the same words. A phrase the signals miss can
# still be loaded: the signals only know their word lists.

# %%
ml.live(marker, own.marks_view)

# %% [markdown]
# ## 6. A claim ledger
#
# Choose three claims from the article that could be checked: a number, an event, something
# someone is said to have said. Add one row per claim: who makes it, what evidence the article
# offers ("none" if nothing), who could confirm it independently, and your status:
#
# - **supported**: independent evidence backs it;
# - **contradicted**: independent evidence goes against it;
# - **unsupported**: no evidence is offered for it;
# - **cannot tell yet**: you would need more information.

# %%
ledger = ml.ClaimLedger(ARTICLE)
ledger

# %%
ml.live(ledger, own.ledger_view)

# %% [markdown]
# **Your turn (3 minutes).** Pick the claim you are least sure about. Who could confirm it
# without having a stake in it? Write that in its "who could confirm" column. In the practice
# article, who ran the survey, and what did they want?

# %% [markdown] tags=["instructor"]
# **Instructor notes: the practice article.** It is invented (no key). Things worth finding:
# the lead-in line names no real outlet (s002); s007 calls the plan a "crusade against cars"
# (loaded, and the signals miss it); s012 gives a number with no source ("doubled"), and the
# signals miss it too; s013 "Everyone knows" asserts without evidence; s014 is a survey by a club
# that campaigns for the plan (an interested source: attributed, but not independent); s016-s018
# are the writer's opinion and a prediction inside a news story. Good ledger claims: the vote count
# (s004, the minutes), the traffic figure (s012), the survey (s014), the meetings (s011).

# %% [markdown]
# ## Your own article, next time
#
# Everything you did here works on any article: add it in section 1 (or ask your teacher to add
# it), choose it in section 2, and run the cells again. Your work on each article is saved
# separately, under that article's id. Your teacher can turn an article into an exercise with
# its own key; then `ml.check` gives feedback on it, as in the other exercises.

# %% [markdown]
# ## Key points
#
# - Any article can be studied with the same tools: add it with its details, and it gets fixed
#   sentence ids (`s001`, `s002`...) like the course's articles.
# - Provenance first: who published it, who wrote it, when, and is it the original?
# - Label each sentence by what it **does**: report, quote, assert without a source, judge, predict.
# - The signals see only words, and only English words; where they miss, your reasons count.
# - A claim needs a claimant, evidence and someone **independent** who could confirm it.

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
# # 02 · Exercise 1: opinion or reporting in seed 002
#
# Label a passage the lesson did not label, get feedback sentence by sentence, and justify two
# of your choices in writing.
#
# **Questions**: Can you tell reporting from opinion in a text that reads as a translation from a
# news site that was part of CCM Benchmark when the French Figaro group bought it in 2015?
# Which of your choices can you defend?
#
# **Objectives**: label 14 sentences with the five labels of lesson 02; read the feedback for
# each sentence; explain in writing why you chose a label where you differ from the key.
#
# **Time**: about 25 minutes, plus an optional "After class" part (about 10 minutes).
# **You need**: lesson 02 (the five labels).

# %% [markdown]
# Seed 002 is an unsigned English text (record `ev-p-mt-copy`) that reads as a translation of an
# article from Linternaute, a French news site ([Linternaute](https://www.linternaute.com/actualite/politique/4551121-trump-menace-l-otan-ce-qu-il-souhaite-faire-elu/);
# lesson 01 traced it; records `ev-m-linternaute-figaro` and `ev-src-linternaute-owner` for who owns
# the site). That it matches the French article sentence by sentence is **unconfirmed**: the French
# page could not be opened (record `ev-src-linternaute-french-original`).
# You label sentences **s004 to s017**: the repeated lead and the four paragraphs after it.

# %% [markdown]
# **How to answer.** Everything in this exercise is answered in the boxes on the page: click a
# label, choose a sentence, write in a text box. Feedback appears at once, and every answer is
# saved for your teacher as you go. First check your name in the box below (type it and press
# Enter if it is empty): your work is saved under that name.

# %%
import medialit as ml

rp = ml.reporting
ml.lesson("02-ex1")  # the work you save in this notebook is filed under "02-ex1"
ml.LearnerBox(compact=True)

# %% [markdown]
# ## Task 1: label the passage
#
# Label all 14 sentences (the labeller shows what each label means). Use the note box when you
# hesitate between two labels: you will need those notes in Task 3. Your work is saved on every
# change.

# %%
labeller = ml.SentenceLabeller("linternaute_mt_2024", rp.LABELS, sentences=list(rp.EXERCISE_SENTENCES),
                               label_set="reporting")
labeller

# %% [markdown]
# The box below checks your labels as you label, sentence by sentence. The check accepts the
# key's label and the alternatives the key lists as defensible; for each other sentence it gives
# the key's reason. Under it, folded, is the same feedback as a table with the signals from
# lesson 02 beside each sentence; the key appears only for the sentences you have labelled.

# %%
columns = ["sentence", "text", "learner", "key", "also", "agree", "signals", "why"]
ml.Answer("02-ex1-labels", source=labeller, table=rp.exercise_feedback, columns=columns)

# %% tags=["solution"]
model_labels = {
    "s004": "attributed report", "s005": "opinion", "s006": "opinion", "s007": "attributed report",
    "s008": "opinion", "s009": "attributed report", "s010": "quotation", "s011": "quotation",
    "s012": "attributed report", "s013": "opinion", "s014": "unattributed assertion",
    "s015": "attributed report", "s016": "attributed report", "s017": "quotation",
}
ml.check("02-ex1-labels", model_labels)

# %% [markdown]
# ## Task 2: named, yet wrong
#
# One sentence of the passage says clearly whose account it gives, yet the course's evidence record
# calls the content **WRONG as framed**. Which one? Choose it in the list below.

# %%
ml.Answer("02-ex1-attributed-wrong")

# %% tags=["solution"]
ml.check("02-ex1-attributed-wrong", "s015")

# %% [markdown]
# ## Task 3: justify two choices
#
# Choose two sentences where your label differs from the key, or where you hesitated. For each:
# which label did you choose, which words made you choose it, and does the key's reason change
# your mind? Write at least 40 words in the box. Disagreeing with the key is fine if you give
# evidence. Your teacher reads what you write: it is never marked right or wrong.

# %%
ml.Answer("02-ex1-justify")

# %% tags=["solution"]
ml.check("02-ex1-justify", "s013: I chose attributed report because it describes what Trump said. But 'More serious this time' and 'goes so far as' are the writer's own words judging his remark, not a quote, so I now agree with opinion; the evidence record also calls it OPINION. s014: I chose opinion because of 'a real uproar'. The key says unattributed assertion and accepts opinion: the reactions were real and confirmed, but the sentence names no source.")

# %% [markdown] tags=["solution"]
# **Model answer (one of many good ones).**
#
# *s013* "More serious this time, he goes so far as to encourage Moscow to attack them." It looks
# like a report of Trump's words, but "more serious" and "goes so far as" are the writer's
# judgement, and "encourage Moscow to attack" is the writer's reading of "encourage them to do
# whatever the hell they want". The evidence record calls it OPINION, a defensible reading
# (record `ev-m-seed-more-serious`).
#
# *s014* "This declaration ... created a real uproar and strong reactions." The reactions are
# real (records `ev-m-stoltenberg-statement`, `ev-m-bates-statement`, `ev-m-michel-post`), but this
# sentence names none of them, so
# it is an unattributed assertion; "real uproar" adds a judgement, so opinion is also accepted.
#
# A good answer separates the *type* of sentence from whether its claim is *true*.

# %% [markdown]
# The feedback cites evidence records: type an id in the look-up box below (for example
# `ev-m-seed-breton-conflation`) and press Enter to see the claim, its status and its sources.

# %%
ml.Lookup()

# %% [markdown]
# ## After class (optional, about 10 minutes)
#
# Not part of the class period: more practice with seed 001, the Voltaire Network editorial of
# 31 May 2024 as Swiss Standpoint republished it (records `ev-src-voltaire-editorial-label` and
# `ev-src-swiss-standpoint-copy`; lesson 01 traced it). Label sentences s006 to
# s014, then open our key: your labels at that moment are kept as your first answers.

# %%
after_vn = ml.SentenceLabeller("voltaire_2024", rp.LABELS, sentences=list(rp.AFTER_CLASS["voltaire_2024"]),
                               label_set="reporting")
after_vn

# %%
ml.KeyReveal("02-ex1-seed001-key", lambda: rp.after_class_key_view(after_vn, "voltaire_2024"),
             activities=[after_vn])

# %% [markdown]
# In our key, seed 001 is mostly quotation and attributed report, and seed 000 mostly opinion.
# Which was harder to label, and why?

# %% [markdown]
# ## Hand in
#
# Your labels and answers are saved as you go. When your teacher asks for your work, press the
# button: it makes one file with all your saved work and offers it for download. Hand in that
# file as your teacher asks (upload it, or put it in the class folder).

# %%
ml.HandIn("02_ex1")

# %% [markdown]
# ## Key points
#
# - Seed 002 mixes kinds of sentences: attributed reports and quotations, but also judgements
#   ("A statement that undermines Article 5") and a rhetorical question.
# - Naming a source shows *who* says something, not that it is true.
# - Where the key accepts two labels, the sentence does two things; say which one matters more.

# %% [markdown] tags=["instructor"]
# ## Instructor notes
#
# - Sentences we expect to be disputed: s004 (lead: attributed report or unattributed
#   assertion, both accepted), s012 (a summary of Trump's view), s014 and s008 (a judgement
#   wrapped around a vague fact).
# - s007 carries a WRONG date (10 January instead of 10 February 2024) but is still an
#   attributed report: use it to separate form from truth.
# - The intended answer to Task 2 is s015 (Breton's account; record `ev-m-seed-breton-conflation`).
#   s011 (a drifted quotation, WRONG as worded: record `ev-m-seed-trump-quote-drift`) and s007 (a
#   wrong date) are near misses; a learner who answers either gets a hint that the source named is
#   Trump himself.
# - For the free text, look for quoted words as evidence, and for the difference between the
#   label and the status in the evidence record. The points list is shown to learners after they
#   answer.

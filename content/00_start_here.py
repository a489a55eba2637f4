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
# # 00 · Start here
#
# This notebook shows how the course works, where your work is saved, and which articles you will study.
#
# **Questions**
# - What will I learn in this course, and in what order?
# - Where is my work saved, and how do I get it back?
# - Which articles will we study, and where do they come from?
#
# **Objectives**: by the end you can run a cell, use each of the four annotation tools once,
# find your answers file, and read the table of articles.
#
# **Time**: about 20 minutes.

# %% [markdown]
# ## How to use a notebook
#
# A notebook is a page of text boxes (like this one) and code boxes (with `In [ ]` beside them).
#
# - Click a code box and press **Shift + Enter** to run it. The result appears under it.
# - Run the boxes **from top to bottom**. If something looks wrong, use the menu
#   **Run → Run All Cells**.
# - You do not need to know Python. Where you must type something, the notebook says so.
# - If you see this page **without any code** (your teacher opened it as a web app), skip the
#   running: just use the tools. To check that your work is safe, reload the page.
#
# Run the box below. It loads the course's helper package under the short name `ml`.

# %%
import medialit as ml

ml.lesson("00")  # the work you save in this notebook is filed under "00"
print("The course helper package is ready (version " + ml.__version__ + ").")

# %% [markdown]
# ## The course in four steps
#
# | notebook | the question it asks | time |
# |---|---|---|
# | 00 Start here | How does this course work? | 20 min |
# | 01 Source provenance | Who is behind this text, and where did it come from? | 45 min |
# | 02 Opinion or reporting? | Which sentences report checkable facts, and which judge or persuade? | 45 min |
# | 03 Unsupported battlefield claims | What exactly is claimed, and who could confirm it? | 45 min |
#
# Each lesson has an **exercise** notebook in the `exercises/` folder. Your teacher may ask you
# to hand it in.

# %% [markdown]
# ## Who are you? Where is your work saved?
#
# Everything you do with the course's tools is saved **at once, on every change**, in one file
# with your name on it. If you close the tab, restart the kernel or come back next week, run the
# boxes again and your answers reappear.
#
# Type a short name (letters, digits, `.`, `_` or `-`, no spaces) and press **Enter**. On a school
# server your name may already be set for you. **Nothing is saved until you choose a name**: every
# tool below shows "Saving as: your name" on its first line, and follows at once if you change it.
# In the web-app view (no code), type your name each time you open the page.

# %%
ml.LearnerBox()

# %% [markdown]
# ## The articles we will study
#
# The course uses three real articles about Article 5 of the North Atlantic Treaty (NATO's promise
# of collective defence), and the treaty's own words (Articles 4 to 6). The table shows what we
# know about where each one comes from. Where a field says "none given", the text itself does not
# say. Two more texts were **written for the course**: a short news report (lesson 02 uses it as a
# model) and an invented practice story about a fictional town (lesson 04). Articles your teacher
# adds appear here too, as `teacher article`. The `kind` column says which is which.

# %%
articles = ml.list_articles()
articles[["id", "kind", "title", "publisher", "author", "published"]]

# %% [markdown]
# Some of these texts were **copied, republished or translated** before they reached us. The
# `chain` column shows each step we could document. Lesson 01 follows each chain upstream.

# %%
articles[["id", "chain"]]

# %% [markdown]
# A text is split into sentences, and each sentence has a short id such as `s004`. The ids are the
# same on every computer, so you and your teacher can talk about "sentence s004 of the SouthFront
# article". Here are the first sentences of the shortest case article:

# %%
southfront = ml.load_article("southfront_2026")
southfront.to_frame().head(6)

# %% [markdown]
# ## Try the four tools
#
# You will meet each tool again in the lessons. Try each one now: your answers are saved as you
# go. Everything works with the keyboard too: **Tab** moves between controls, **Space** or
# **Enter** presses a button, the **arrow keys** move within a group.
#
# **1. The provenance checklist** (lesson 01). Answer the first question about the SouthFront
# article: is the outlet named on the page? Look at the table above, or at the article's last
# line, for evidence.

# %%
checklist = ml.ProvenanceChecklist("southfront_2026")
checklist

# %% [markdown]
# **2. The sentence labeller** (lesson 02). Give one sentence a label. The list "What the labels
# mean" above the buttons explains every label; hovering over a button, or moving to it with
# **Tab**, shows its meaning too.

# %%
practice_labels = {
    "reports a fact": "Says what happened and could be checked.",
    "gives an opinion": "Judges, praises, blames or tries to persuade.",
    "not sure": "You cannot decide yet; say why in the note.",
}
labeller = ml.SentenceLabeller("southfront_2026", practice_labels,
                               sentences=["s002", "s003", "s004", "s005", "s006"], label_set="practice")
labeller

# %% [markdown]
# **3. The phrase marker** (lesson 02). Select a word or phrase that sounds loaded to you (or type
# it in the box) and choose a category.

# %%
marker = ml.PhraseMarker("southfront_2026", {"loaded word": "A word chosen to make you feel something.",
                                             "neutral word": "A plain, descriptive word."})
marker

# %% [markdown]
# **4. The claim ledger** (lesson 03). One claim is already in the ledger. Fill in who makes it
# and what evidence the article offers.

# %%
ledger = ml.ClaimLedger("southfront_2026",
                        rows=[{"sentence": "s019", "claim": "“On March 5th, Russian forces achieved a major "
                               "strategic breakthrough on the Gulyaipole front”"}])
ledger

# %% [markdown]
# ## Check that your work is safe
#
# Try it: in the menu choose **Kernel → Restart Kernel**, then **Run → Run All Cells**. Your
# answers above come back. The box below shows the file where they are kept.

# %%
if ml.learner_chosen():
    print("Your answers file:", ml.answers_path())
    print("Activities saved so far:", ml.saved_activities())
else:
    print("No name chosen yet, so nothing is saved: type your name in the box under 'Who are you?'.")

# %% [markdown]
# ## Handing in your work
#
# When your teacher asks for your work, press **Hand in my work** below. It writes **one file** with
# everything you have done and offers it as a download. Hand in that file (upload it, or put it in
# the shared folder your teacher names). Nothing is handed in before you choose your name.

# %%
ml.HandIn("00")

# %% [markdown]
# ## Where do the course's facts come from?
#
# The facts the course states rest on **records** in its evidence, each with the source and a short
# quote from it. You can open any record by its id, like this (lesson 01 uses them a lot):

# %%
ml.evidence(["ev-p-sf-copy", "ev-p-voltaire-copy", "ev-p-mt-copy"])

# %% [markdown]
# ## Key points
#
# - Run the boxes from top to bottom; **Run → Run All Cells** repairs most problems.
# - Your work is saved on every change, in one file with your name; it survives a restart.
# - Sentences have fixed ids (`s001`, `s002`...) so everyone can point to the same sentence.
# - Two of the three case articles reached us as a republication and a translation, and the third
#   was also posted on another site: lesson 01 starts there.

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
# **Questions**: How does the course work? Where is my work saved?
#
# **Objectives**: run a box, choose your name, try each of the course's four tools once, and hand
# in your work.
#
# **Time**: 25 minutes.

# %% [markdown] tags=["instructor"]
# **Instructor notes: timing (25 min).** Setup and introduction 5 · run a box 1 · name 2 · the
# course 2 · the four tools 12 · safe and handed in 3. The skills check 00b (25 minutes, of which
# 5 are setup already done) completes the first period.

# %% [markdown]
# ## 1. Run a box (1 minute)
#
# **In JupyterLab** (code shown): click a code box and press **Shift + Enter** to run it. Run the
# boxes from top to bottom; if something goes wrong, use **Run → Run All Cells**.
#
# **In the web-app view** (no code shown): everything has run already; use the boxes and buttons,
# and reload the page if something goes wrong.

# %%
import medialit as ml

ml.lesson("00")  # the work you save in this notebook is filed under "00"
print("The course helper package is ready (version " + ml.__version__ + ").")

# %% [markdown]
# ## 2. Your name (2 minutes)
#
# Type a short name (letters, digits, `.`, `_`, `@`, `+` or `-`, starting with a letter or digit)
# and press **Enter**. **Nothing is saved until you choose a name**; after that, every change is
# saved at once in a file with your name.

# %%
ml.LearnerBox()

# %% [markdown]
# ## 3. The course (2 minutes)
#
# | notebook | time |
# |---|---|
# | 00 Start here; 00b Skills check (before) | 25 + 25 min |
# | 01 Where each article comes from | 45 min |
# | 01b Tracing quotes | 45 min |
# | 02 Opinion or reporting? | 45 min |
# | 03 and 03b Battlefield claims | 2 × 45 min |
# | 04 Your own article | 45 min |
# | 05 Skills check (after) | 25 min |
#
# We study three real articles about NATO's Article 5 (its promise of collective defence) and the
# treaty itself. To read a record such as `ev-t-art5-text`, or a word such as *hedge*, type it
# here and press Enter.

# %%
ml.Lookup()

# %% [markdown]
# ## 4. Try the four tools (12 minutes)
#
# Keyboard: **Tab** moves between controls, **Space** presses a button, **arrow keys** choose.
#
# **Provenance checklist** (lesson 01): does the SouthFront article name its author? Its text is
# in the phrase marker below.

# %%
checklist = ml.ProvenanceChecklist("southfront_2026", questions=ml.PROVENANCE_QUESTIONS[1:2])
checklist

# %% [markdown]
# **Sentence labeller** (lesson 02): label one sentence. Ids such as `s004` name a sentence.

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
# **Phrase marker** (lesson 02): select one word that sounds loaded and choose a category.

# %%
marker = ml.PhraseMarker("southfront_2026", {"loaded word": "A word chosen to make you feel something.",
                                             "neutral word": "A plain, descriptive word."})
marker

# %% [markdown]
# **Claim ledger** (lesson 03): fill in who makes this claim and what evidence the article offers.

# %%
ledger = ml.ClaimLedger("southfront_2026",
                        rows=[{"sentence": "s019", "claim": "“On March 5th, Russian forces achieved a major "
                               "strategic breakthrough on the Gulyaipole front”"}])
ledger

# %% [markdown]
# ## 5. Safe, and handed in (3 minutes)
#
# Try it: in JupyterLab, use **Kernel → Restart Kernel and Run All Cells**; in the web-app view,
# reload the page and type your name again. Your answers come back. When your teacher asks, press
# **Hand in my work** and hand in the file it gives you.

# %%
print("Your answers file:", ml.answers_path() if ml.learner_chosen() else "none yet (choose a name)")
ml.HandIn("00")

# %% [markdown]
# ## Key points
#
# - Your work is saved on every change, in a file with your name.
# - Every fact the course states rests on a record you can open: type its id in a look-up box
#   (or run `ml.evidence("ev-p-mt-copy")`).

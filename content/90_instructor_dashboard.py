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
# # 90 · Class dashboard (for instructors)
#
# This notebook collects your class's submission files and shows, as tables and plots, who has
# done what, where learners agree or disagree, and how their labels compare with the reference key.
#
# **Questions**
# - Which learners handed in work, who is missing, and which files could not be read?
# - On which sentences does the class disagree, and how strongly?
# - Where do learners' labels differ from the reference key, and in which direction?
# - What did the class gain between the skills check before and after the unit, and how sure can you be?
#
# **Objectives**: load a folder of submissions, read the validation report, read each plot,
# look at one activity or one learner, and download the tables as CSV for your gradebook.
#
# **Time**: about 15 minutes (longer if you discuss the disputed sentences with the class).

# %% [markdown]
# ## Load the class
#
# Each learner hands in the file their exercise's hand-in box offers (or `ml.export_submission()`
# writes). Put all the files in one folder; sub-folders (such as one per learner from an LMS
# download) are read too. See the instructor guide, section "90 Class dashboard", for shared
# folders, JupyterHub, nbgrader and LMS downloads.
#
# Unless you name your own folder, this uses a **synthetic class** of 30 made-up learners that
# ships with the course; some of its files are broken on purpose. To see your own class, either
# start the dashboard with `make dashboard CLASS=/path/to/the/folder` (it opens as a web app, no
# code shown), or change the `app` line below and run the notebook again. A wrong, missing or
# empty folder is said in plain words here, and the rest of the page stays empty.
#
# **Class list** (optional): a file `roster.txt` in the class folder with one learner id per line
# (or `make dashboard ROSTER=/path/to/roster.txt`). Learners on it with no readable file are
# listed as "missing", with the reason.

# %%
import medialit as ml

ca = ml.analysis
app = ca.dashboard()  # your class if MEDIALIT_CLASS is set (make dashboard CLASS=...), else the demo class
# app = ca.dashboard("/path/to/the/collected/submissions")   # <- or name your class here
cls, key = app.cls, app.key
app.status

# %% [markdown]
# ## What could not be read
#
# Every skipped file, activity or item is listed with the reason. A bad file never stops the
# others from loading, and no file is changed. "file skipped" means nothing from that file is
# used; "activity skipped" and "item skipped" mean the rest of that learner's work is kept.
# File names and learners' text are shown as plain text, never run as HTML.

# %%
ca.html_table(cls.report, caption="Validation report")

# %% [markdown]
# ## Who has done what
#
# One bar per task. "complete" means every body sentence labelled or every checklist question
# answered; marks and claims count as complete once there is at least one.

# %%
prog = ca.progress(cls)
summary = ca.progress_summary(prog)
ml.plots.show(ca.plot_progress(summary), ca.describe_progress(summary))

# %% [markdown]
# The five learners who have done least so far (the share of all tasks done, and which tasks
# they have not started or only partly done), so you can follow up with them.

# %%
ca.html_table(ca.least_done(prog, 5), caption="The five learners who have done least")

# %% [markdown]
# ## How the class labelled each sentence
#
# Pick an article and an activity: each lesson and each exercise is shown on its own (lesson 02
# labels the SouthFront article, its exercise the unsigned English text, seed 002), and "all activities" takes
# each learner's newest label. One bar per sentence; each segment is a label (colour and hatch),
# with the number of learners printed inside. "key:" at the end of a bar is the reference label;
# it is drawn only over lesson 02's five labels (lesson 00's practice labels are a different set).

# %%
app.activities

# %% [markdown]
# ## One learner's work
#
# Pick a learner to see everything they handed in: their sentence labels (with the sentence and
# the key's label), phrase marks, claim ledger rows, checklist answers, check questions and
# everything they wrote in their own words. A learner on the class list with no readable file
# shows the reason. Their text is shown as text, never run as HTML.

# %%
app.learners

# %% [markdown]
# ## Do learners agree with each other?
#
# Two standard measures of agreement beyond chance: **Krippendorff's alpha** and **Fleiss' kappa**
# (1 = everyone agrees, 0 = no better than chance, below 0 = worse than chance). Learners who
# skipped a sentence are simply not counted for it.
#
# The thresholds commonly cited from Krippendorff are: rely on data with alpha of at least 0.8,
# and draw only tentative conclusions between 0.667 and 0.8 (K. Krippendorff, *Content Analysis*,
# 2nd ed., Sage, 2004; we have not checked the book's page ourselves).
# For a class exercise a low value is not a failure: it shows where to discuss.
# Fleiss' kappa: J. L. Fleiss, "Measuring nominal scale agreement among many raters",
# *Psychological Bulletin* 76(5), 1971, https://doi.org/10.1037/h0031619.

# %%
by_article = ca.agreement_by_article(cls)
ml.plots.show(ca.plot_agreement(by_article), ca.describe_agreement(by_article))
ca.html_table(by_article.round(2), caption="Agreement per article")

# %% [markdown]
# Per label: how well learners agree on "is this sentence an opinion?" (and so on for each label).
# A low value for one label points to a definition worth revisiting in class.

# %%
labels = ca.key_labels(key)  # the key's labels, in its order
by_label = ca.agreement_by_label(cls, labels=labels)
ml.plots.show(ca.plot_agreement_by_label(by_label), ca.describe_agreement(by_label, "label"))
ca.html_table(by_label.round(2), caption="Agreement per label")

# %% [markdown]
# ## The most disputed sentences
#
# The sentences where the fewest pairs of learners agree, with their text, the label most
# learners chose and the reference key. These make good discussion prompts.

# %%
disputed = ca.disputed_sentences(cls, top=8, key=key)
ca.html_table(disputed.round(2), caption="Most disputed sentences")

# %%
ml.plots.show(ca.plot_disputed(cls, disputed, labels=labels), ca.describe_disputed(disputed))

# %% [markdown]
# ## Comparison with the reference key
#
# Bars: the share of each learner's labels that match the key's label (number compared in
# brackets). Diamonds: the share that match the key **or** one of the alternatives the key accepts
# as defensible. The dashed line is the whole class.

# %%
comparison = ca.compare_with_key(cls, key)
ml.plots.show(ca.plot_key_accuracy(comparison), ca.describe_key_accuracy(comparison))

# %% [markdown]
# The confusion matrix: rows are the key's label, columns the label learners gave. Each cell shows
# a count and the share of its row; the outlined diagonal is agreement with the key. The largest
# cell off the diagonal is the class's commonest mix-up.

# %%
cm = ca.confusion_matrix(cls, key)
ml.plots.show(ca.plot_confusion(cm), ca.describe_confusion(cm))

# %% [markdown]
# ## First answers: before the key was open
#
# In the lessons, learners open our key with a button. Their answers at that moment are kept as
# their **first answers**; what they change afterwards is kept separately. Per activity: agreement
# with the key of the first answers next to the final answers of the same learners (sentence
# labels: key label or an accepted alternative; check questions: marked correct). A large rise
# means answers were corrected, or copied, after seeing the key.

# %%
first = ca.first_answer_agreement(cls, key)
print(ca.describe_first_answers(first))
ca.html_table(first, caption="Agreement with the key: first answers and final answers")

# %% [markdown]
# ## Check questions and free text
#
# How many learners answered each `check()` question and how many were right. Written answers
# are never marked right or wrong: they are listed in full below, with their word count and the
# key's points as boxes to tick. Then everything else learners wrote in their own words (notes,
# evidence, claims). Their text is escaped: a note containing `<script>` is shown as text and
# never runs.

# %%
checks = ca.check_results(cls)
ml.plots.show(ca.plot_checks(checks), ca.describe_checks(checks))

# %%
ca.html_table(ca.free_answers(cls), max_rows=200, caption="Written answers, in full, with the key's points to tick")

# %%
ca.html_table(ca.free_text(cls), max_rows=15, caption="Learners' notes and evidence (first 15; all in the CSV file)")

# %% [markdown]
# ## Learning: before and after
#
# Each learner takes one form of the skills check before the unit (notebook 00b) and the other
# form after it (notebook 05). About half the class takes form A first and about half form B
# first, so a difference in difficulty between the forms largely cancels out. The check is scored automatically per
# skill (provenance, opinion or reporting, claims); the written answer is yours to mark and is not
# in these scores.
#
# Left: the class's mean score before (orange, plain) and after (blue, hatched). Right: the
# **normalised gain**, (after − before) / (1 − before): the share of the points still to gain that
# the class gained (0 = no change, 1 = all of it), with a 95% bootstrap interval. Then, in plain
# words, what a class of this size can and cannot conclude. Learners with only one check are
# left out and counted.

# %%
learn = ca.learning_tables(cls)  # per learner and per skill; both are in the CSV files below
summary = learn["learning_summary"]
ml.plots.show(ca.plot_learning(summary), ca.describe_learning(summary))
for sentence in ca.learning.conclusion(summary):
    print("-", sentence)

# %%
per_learner = learn["learning_learners"]
ca.html_table(per_learner[per_learner["skill"] == "overall"].round(2), max_rows=100,
              caption="Overall score per learner, before and after (every skill in the CSV file)")

# %% [markdown]
# ## Export for your gradebook
#
# One download link per table: your browser saves the CSV file, and nothing is written on the
# server. Text that a spreadsheet would treat as a formula is prefixed with `'`. When the
# dashboard was started with an export folder (`make dashboard EXPORT=/path/for/the/csv/files`),
# a "Save CSV files to folder" button also writes them there, and nowhere else.

# %%
tables = {"gradebook": ca.gradebook(cls, key), "free_answers": ca.free_answers(cls),
          "free_text": ca.free_text(cls), "progress": prog.reset_index(), "agreement": by_article,
          "disputed": disputed, "report": cls.report, **learn}
print(ca.describe_downloads(tables))
app.downloads(tables)

# %% [markdown]
# ## Key points
#
# - `ml.load_class(folder)` reads every submission file and reports, in plain words, each file or
#   item it skipped; bad files never stop the others.
# - Krippendorff's alpha and Fleiss' kappa measure agreement beyond chance; low values mark the
#   sentences and labels worth discussing, not failures.
# - The most disputed sentences and the confusion matrix show *where* and *how* learners differ
#   from each other and from the key.
# - The key's accepted alternatives ("also") are counted separately, so defensible answers are
#   visible.
# - Pick an activity to see a lesson or an exercise on its own, and a learner to see all of their
#   work; a class list shows who is missing, and why.
# - The normalised gain per skill, with its interval, shows what the class gained between the two
#   skills checks; without a comparison class it does not show that the unit caused it.
# - Learners' text is always escaped before display; CSV files are downloaded from the page, and
#   written to a folder only when you ask.

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
# - Which learners handed in work, and which files could not be read?
# - On which sentences does the class disagree, and how strongly?
# - Where do learners' labels differ from the reference key, and in which direction?
#
# **Objectives**: load a folder of submissions, read the validation report, read each plot,
# and export the tables as CSV for your gradebook.
#
# **Time**: about 15 minutes (longer if you discuss the disputed sentences with the class).

# %% [markdown]
# ## Load the class
#
# Each learner runs `ml.export_submission()` and hands in the file it writes. Put all the files
# in one folder; sub-folders (such as one per learner from an LMS download) are read too. See
# the instructor guide, section "90 Class dashboard", for shared folders, JupyterHub, nbgrader
# and LMS downloads.
#
# Unless you name your own folder, this uses a **synthetic class** of 30 made-up learners that
# ships with the course; some of its files are broken on purpose. To see your own class, either
# start the dashboard with `make dashboard CLASS=/path/to/the/folder` (it opens as a web app, no
# code shown), or change the `folder` line below and run the notebook again.

# %%
import medialit as ml

ca = ml.analysis
folder = ca.class_folder()  # your class if MEDIALIT_CLASS is set, else the synthetic demo class
# folder = "/path/to/the/collected/submissions"   # <- or name your class here
print("Reading the submission files in", folder)
cls = ml.load_class(folder, recursive=True)  # sub-folders too (e.g. one per learner)
cls

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
# The five learners who have done least so far (0 = not started, 1 = complete, per task), so
# you can follow up with them.

# %%
overall = prog.mean(axis=1).rename("overall")
prog.join(overall).sort_values("overall").head(5).round(2)

# %% [markdown]
# ## How the class labelled each sentence
#
# One bar per sentence of the SouthFront article; each segment is a label (colour and hatch),
# with the number of learners printed inside. "key:" at the end of a bar is the reference label.
# Change `article` to `"voltaire_2024"` or `"linternaute_mt_2024"` for the other articles.

# %%
key = ca.load_key()
labels = ca.key_labels(key)
article = "southfront_2026"
counts = ca.label_counts(cls, article, labels=labels)
ml.plots.show(ca.plot_label_distribution(counts, f"Labels per sentence: {article}", key=key),
              ca.describe_distribution(counts, article))

# %% [markdown]
# ## Do learners agree with each other?
#
# Two standard measures of agreement beyond chance: **Krippendorff's alpha** and **Fleiss' kappa**
# (1 = everyone agrees, 0 = no better than chance, below 0 = worse than chance). Learners who
# skipped a sentence are simply not counted for it.
#
# Krippendorff suggests relying on data with alpha of at least 0.8, and drawing only tentative
# conclusions between 0.667 and 0.8 (K. Krippendorff, *Content Analysis*, 2nd ed., Sage, 2004).
# For a class exercise a low value is not a failure: it shows where to discuss.
# Fleiss' kappa: J. L. Fleiss, "Measuring nominal scale agreement among many raters",
# *Psychological Bulletin* 76(5), 1971, https://doi.org/10.1037/h0031619.

# %%
by_article = ca.agreement_by_article(cls)
ml.plots.show(ca.plot_agreement(by_article), ca.describe_agreement(by_article))
by_article.round(2)

# %% [markdown]
# Per label: how well learners agree on "is this sentence an opinion?" (and so on for each label).
# A low value for one label points to a definition worth revisiting in class.

# %%
by_label = ca.agreement_by_label(cls, labels=labels)
ml.plots.show(ca.plot_agreement_by_label(by_label), ca.describe_agreement(by_label, "label"))
by_label.round(2)

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
# ## Check questions and free text
#
# How many learners answered each `check()` question and how many were right (free-text answers
# are not marked); then everything learners wrote in their own words (notes, evidence, claims).
# Their text is escaped: a note containing `<script>` is shown as text and never runs.

# %%
checks = ca.check_results(cls)
ml.plots.show(ca.plot_checks(checks), ca.describe_checks(checks))

# %%
ca.html_table(ca.free_text(cls), max_rows=15, caption="Learners' notes and evidence (first 15)")

# %% [markdown]
# ## Export for your gradebook
#
# `export_csv` writes one CSV per table into the folder you name, and nowhere else. Text that a
# spreadsheet would treat as a formula is prefixed with `'`. Unless you name a folder (`make
# dashboard EXPORT=...`, or change the `out` line, for example to `"gradebook_2026-03"`), the
# files go to a new temporary folder, printed below.

# %%
tables = {"gradebook": ca.gradebook(cls, key), "progress": prog.reset_index(),
          "agreement": by_article, "disputed": disputed, "report": cls.report}
out = ca.export_folder()  # MEDIALIT_EXPORT if set, else a new temporary folder
for path in ca.export_csv(tables, out):
    print(path)

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
# - Learners' text is always escaped before display; CSV exports stay inside the folder you name.

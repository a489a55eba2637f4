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
# # 02 · Opinion or reporting?
#
# Read an article sentence by sentence and decide, with reasons, which sentences report
# checkable facts, which state facts without a source, and which give the writer's own view.
#
# **Questions**
# - What is the difference between reporting, analysis and opinion?
# - Which words signal "someone said this", "I think this" or "this will happen"?
# - Can a computer spot opinion from words alone? Where does it go wrong?
#
# **Objectives**: label sentences with five labels and defend your choice; predict which words
# the signals flag, then compare and say where they mislead; mark loaded language and
# name-calling.
#
# **Time**: 45 minutes. The exercise (seed 002) follows, with an optional "After class" part.

# %%
import pandas as pd

import medialit as ml

rp = ml.reporting  # this lesson's helpers: labels, our key, comparisons
ml.lesson("02")  # the work you save in this notebook is filed under "02"
ml.plots.setup()
ml.LearnerBox(compact=True)  # whose work this is: your name, as chosen in the start notebook

# %% [markdown]
# ## 1. Reporting, opinion, and what sits between (4 minutes)
#
# - **Reporting** states facts that can be checked and says where they come from
#   ("the minister said on Monday", "according to the agency").
# - **Opinion** evaluates (good or bad), predicts, or tries to persuade.
# - **Analysis** sits between: it explains what facts might mean. Good analysis keeps the facts
#   and the interpretation visibly apart, so you can accept one and question the other.
#
# Researchers split similarly: *SemEval-2023 Task 3* sorted news articles into **opinion**,
# **reporting** and **satire** ([Piskorski et al., 2023](https://aclanthology.org/2023.semeval-1.317);
# record `ev-m-semeval-2023-genres`). We label each *sentence*, because many articles mix genres.

# %% [markdown]
# Some texts mark their opinion. Seed 001 begins sentence s011 with "(Comment by the editorial
# writer" (record `ev-m-voltaire-editorial-label`); yet Voltaire Network calls its newsletter, which
# carried this editorial according to Swiss Standpoint (record `ev-src-swiss-standpoint-copy`), "a
# factual weekly newsletter" ([Voltaire Network](https://www.voltairenet.org/article218463.html);
# record `ev-m-voltaire-factual`), and the rest of the body carries no such marks. Look out for
# opinion that is **not** labelled.

# %% [markdown]
# ## 2. Five labels for sentences (5 minutes)
#
# One label per sentence. The table gives each label's definition, an invented example about a
# town bridge, and the genre it belongs to.

# %%
labels = pd.DataFrame({"definition": rp.LABELS, "example": rp.EXAMPLES, "genre": rp.GENRE})
ml.display.html_table(labels.rename_axis("label").reset_index())

# %% [markdown]
# A way to decide, in this order:
#
# 1. Is most of the sentence someone's exact words in quotation marks? → **quotation**
# 2. Does it say who the information comes from ("said", "according to")? → **attributed report**.
#    Test: is the named person the *source* of the information (they said or wrote it), or only its
#    *subject*? "Police arrested three men on Monday" names the police as actors, not as the source:
#    that sentence is an unattributed assertion.
# 3. Does it guess the future or say what *would* happen if...? → **prediction**
# 4. Does it judge, blame, praise, guess motives, or use loaded words? → **opinion**
# 5. Otherwise it states a fact without a source → **unattributed assertion**
#
# If a sentence mixes two things, label what it mainly does and note the other. A label describes
# the *form* of a sentence, not whether it is true.

# %% [markdown]
# ## 3. Label the sentences of seed 000 (12 minutes)
#
# Seed 000 is an unsigned SouthFront piece dated 6 March 2026 (record `ev-p-sf-copy`; lesson 01
# traced where it comes from). Label its sentences s002 to s017: choose a label, add a note if you
# hesitate, then press **Next**. Your work is saved on every change. Seed 001 waits in the
# exercise's optional "After class" part.

# %%
labeller_sf = ml.SentenceLabeller("southfront_2026", rp.LABELS, sentences=list(rp.CLASS_SENTENCES),
                                  label_set="reporting")
labeller_sf

# %% [markdown]
# When you have labelled all 16, open our key with the button (or Tab to it and press Enter): your
# label beside ours, a one-line reason (`why`) and any other label we accept. A status in a reason
# (CONFIRMED, WRONG...) has an evidence record: type its id in the look-up box under the key. The
# chart compares the mix of sentence types.

# %%
ml.KeyReveal("02-labels-key", lambda: rp.class_key_view(labeller_sf), activities=[labeller_sf])

# %% tags=["instructor"]
# Teacher's copy: open the same key from code (no button), e.g. to project it after the class has labelled.
ml.reveal("02-labels-key", lambda: rp.class_key_view(labeller_sf), activities=[labeller_sf])

# %%
ml.Lookup()

# %% [markdown]
# Where you disagree with the key, read its `why`. A label you can defend with the sentence's
# words is worth more than a match.

# %% [markdown]
# ## 4. Predict, then see the signals (8 minutes)
#
# The module `ml.cues` looks for words that often go with each kind of sentence: reporting verbs
# ("said", "according to"), quotation marks, hedges ("may", "would"), first person, evaluative and
# loaded words, intensifiers, unsourced numbers and battlefield claims.
#
# **Predict first.** Read the two sentences below. Which of their words will the signals flag?
# Write them in the box, separated by commas. Your prediction is saved as you type.

# %%
for sid in rp.PREDICT_SENTENCES:
    print(sid, ml.load_article("southfront_2026").sentence(sid).text)
ml.Answer(rp.PREDICT_QUESTION)

# %% [markdown]
# Now open the signals. Each hit names the **rule** that fired and the **words** it matched; the
# last column says whether you predicted them. Your prediction as it was when you pressed the
# button is kept.

# %%
ml.KeyReveal("02-signals-key", rp.prediction_view, questions=[rp.PREDICT_QUESTION],
             label="Show the signals")

# %% [markdown]
# Did the signals flag a word you thought was neutral, or miss one you found loaded? The rules read
# words, not meaning: a word can fire a rule whatever it does in the sentence.
#
# The signals' **naive guess** (in our key above): a quotation of four words or more *and* an
# attribution word → quotation; other attribution → attributed report; "will … if", "would", "may"
# or "could" → prediction; other opinion words → opinion; nothing → unattributed assertion.

# %% [markdown]
# ## 5. How good are the signals? (6 minutes)
#
# Each family should find certain key labels. **Precision**: of the sentences where it fired, the
# share with such a key label. **Recall**: of the sentences with such a label, the share where it
# fired. The scores use all 61 body sentences of the three articles.
#
# **Careful:** these scores are measured on the course's own articles, and the word lists were
# written while reading them. That flatters the signals. The box under the table gives the honest
# figure: the same signals on news sentences they never saw.

# %%
scored = rp.scored_table()
scores = rp.signal_scores(scored)
scored_own = rp.scored_table(quoted=False)  # ignore words inside quotation marks
both = scores.merge(rp.signal_scores(scored_own), on=["family", "positives"], suffixes=("", " (own words)"))
ml.display.html_table(both, ["family", "fired", "precision", "recall", "precision (own words)",
                             "recall (own words)"], missing="– (never fired)")

# %%
ml.cues.measured_rates_note()  # the same signals on news they never saw

# %% [markdown]
# High precision with low recall: *trustworthy when it fires*, but misses a lot. Ignoring quoted
# words raises the precision of the opinion signals: a loaded word inside a quotation is the
# *speaker's* word. Below, rules applied to the key and the signals find real sentences where
# the signals mislead (not a hand-picked list; the sentences you label are left out).

# %%
examples = rp.misleading_examples(scored, per_kind=1, exclude=rp.LABELLED)  # not the sentences you label
examples = examples[examples["kind"] != "opinion without signal words"]  # three kinds in class
ml.display.html_table(examples, ["kind", "text", "key", "explanation"])

# %% [markdown]
# - **A quoted opinion is still reporting of an opinion**: the judgement belongs to the speaker.
# - **A neutral-sounding assertion can be the weakest sentence**: with no source and no loaded
#   words, the signals find nothing. Only other sources (lesson 03) can test it.
# - Attribution tells you *who* said something, not *whether it is true*.

# %% [markdown]
# ## 6. Loaded language and name-calling (10 minutes)
#
# Some words do the persuading. *SemEval-2020 Task 11* named 14 propaganda techniques in news,
# such as **Loaded Language** and **Name Calling, Labeling**
# ([task page](http://aclweb.org/portal/content/semeval-2020-task-11on-fine-grained-propaganda-detection);
# [Da San Martino et al., 2020](https://doi.org/10.18653/v1/2020.semeval-1.186); record
# `ev-m-semeval-2020-techniques`). We use six categories, these two among them; the definitions are
# ours.

# %%
ml.display.html_table(pd.Series(rp.phrase_categories(), name="definition").rename_axis("category").reset_index())

# %% [markdown]
# Select a phrase in seed 000, pick a category, and mark it. Aim for about six marks, then open
# our phrase key. It is **our reading**, not fixed answers: a phrase "not in our key" is not wrong
# if you can defend it.

# %%
marker = ml.PhraseMarker("southfront_2026", rp.phrase_categories())
marker

# %%
ml.KeyReveal("02-phrases-key", lambda: ml.live(marker, rp.marks_view), activities=[marker])

# %% [markdown]
# ## Key points
#
# - **Reporting** says what happened and where the information comes from; **opinion**
#   evaluates, predicts or persuades.
# - Label each sentence by what it mainly does: quotation, attributed report, unattributed
#   assertion, opinion or prediction. The label is about form; truth needs checking.
# - Word signals are transparent and fast, but they read words, not meaning; their scores on
#   the course's own articles flatter them.
# - Loaded language and name-calling (SemEval-2020 Task 11 names) push feelings, not facts.
#
# Next: Exercise 1 (label a passage of seed 002; its "After class" part is optional). In
# JupyterLab, open `exercises/02_opinion_or_reporting_ex1.ipynb`; in the web-app view, your teacher
# opens the exercises page, where you click `02_opinion_or_reporting_ex1.ipynb`.

# %% [markdown] tags=["instructor"]
# ## Instructor notes
#
# - Timing (45 minutes): sections 1-2 (9 min), labelling 16 sentences (12), predict and see the
#   signals (8), how good the signals are (6), phrases (10). The in-class passage is s002-s017 of
#   seed 000; seed 001 s006-s014 is in the exercise's optional "After class" part. If short of
#   time, let half the class label s002-s009 and half s010-s017. The model report on the same
#   event (`ml.load_article("model_report_2024-02-10")`, its sources in `rp.report_sources()`) no
#   longer fits the period: use it for a follow-up discussion.
# - Keys open with a button (`ml.KeyReveal`): the learner's labels, prediction and marks at that
#   moment are kept as first answers; later changes are kept separately. The dashboard shows
#   first-answer and final agreement with the key side by side. A learner without a name cannot
#   open a key (first answers are kept only under a name); the box at the top sets it.
# - The key is **our reading**. Sentences with a non-empty `also` are the ones worth debating;
#   seed 000 s015 (a prediction that also judges) and s006 (a fact stated without a source,
#   framed by "In practice") work well.
# - The scores in section 5 are in-sample: the word lists were written while reading these
#   articles. Ask what would happen on an article about another topic.
# - Possible misconception: "quotation = neutral". A quotation can be cut (seed 001 s012 uses
#   "[...]" to join parts of Salvini's remarks: record `ev-p-salvini-splice`) or drift in translation
#   (seed 002 s021 against the original: records `ev-m-seed-bates-quote-drift` and
#   `ev-m-bates-statement`).

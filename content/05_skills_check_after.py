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
# # 05 · Skills check: after the unit
#
# This check asks the same kinds of question as the one before the unit, on other invented
# texts. Answer on your own and do not look anything up. When you finish you see, for each
# question, your answer, the right answer and why, and your scores before and after.
#
# **Questions**
# - Where does a text come from, and what does it leave out?
# - Which sentences report, and which give the writer's view?
# - What exactly does a post claim, and who could confirm it?
#
# **Objectives**: answer twelve short questions and write one short answer; then compare your
# answers with the key and your scores with those before the unit.
#
# **Time**: about 25 minutes (the check itself takes about 15).

# %% [markdown] tags=["instructor"]
# **Instructor notes.** Each learner gets the form they did not take before the unit (a fixed rule
# on their name). Run this check in one sitting: once a learner finishes, the key of their form is
# on their screen. Score the written answer 0-2 with the rubric of the form
# (`data/skillcheck/form_a.yaml` or `form_b.yaml`), then open the class dashboard for the gain per
# skill. See `docs/instructor-guide.md`, section "Skills check".

# %% [markdown]
# ## 1. Your name (2 minutes)
#
# Run the box below. Use the same name as before the unit: your form depends on it.

# %%
import medialit as ml

ml.lesson("05")
ml.LearnerBox()

# %% [markdown]
# ## 2. The check (15 minutes)
#
# Read each invented text, then answer the questions under it. Your answers are saved as you go.
# When you are done, click **Finish**: your answers are locked and the feedback appears.

# %%
ml.SkillsCheck("after")

# %% [markdown]
# ## 3. Hand in (2 minutes)
#
# If your teacher collects files, click the button and hand in the file it offers.

# %%
ml.HandIn("skills_after")

# %% [markdown]
# ## Key points
#
# - Compare your scores before and after: which skill grew most, and which needs more practice?
# - Read the reason under each question you missed; it names the move to use next time.

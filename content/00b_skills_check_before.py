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
# # 00b · Skills check: before the unit
#
# This short check shows what you can already do before the lessons. It is not a test with
# marks: answer as well as you can, and do not look anything up. After the unit you take a
# second check of the same kind, and your class sees what it learned.
#
# **Questions**
# - Where does a text come from, and what does it leave out?
# - Which sentences report, and which give the writer's view?
# - What exactly does a post claim, and who could confirm it?
#
# **Objectives**: answer twelve short questions and write one short answer about invented posts
# and news excerpts.
#
# **Time**: about 25 minutes (the check itself takes about 15).

# %% [markdown] tags=["instructor"]
# **Instructor notes.** Run this check before lesson 01 and `05_skills_check_after` after lesson
# 04 (or at the end of your unit). Each learner gets form A or form B from a fixed rule on their
# name, and the other form afterwards, so about half the class takes each order. Learners see their
# score per skill when they finish, but no answers: those appear only after the second check.
# Score the written answer with the rubric in `data/skillcheck/form_a.yaml` or `form_b.yaml`.
# The class dashboard shows before and after per skill. See `docs/instructor-guide.md`,
# section "Skills check".

# %% [markdown]
# ## 1. Your name (2 minutes)
#
# Run the box below. If no name is shown, type yours and press **Enter**: your form depends on it.

# %%
import medialit as ml

ml.lesson("00b")
ml.LearnerBox()

# %% [markdown]
# ## 2. The check (15 minutes)
#
# Read each invented text, then answer the questions under it. Your answers are saved as you go.
# When you are done, click **Finish**: your answers are then locked.

# %%
ml.SkillsCheck("before")

# %% [markdown]
# ## 3. Hand in (2 minutes)
#
# If your teacher collects files, click the button and hand in the file it offers.

# %%
ml.HandIn("skills_before")

# %% [markdown]
# ## Key points
#
# - You answered before the lessons, so your answers show where you started.
# - The right answers stay hidden until you finish the check after the unit.

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
# # 01 · Exercise 1: trace the quotes of the Voltaire editorial
#
# Practise SIFT's last move, tracing claims back to their original context, on three quotes the lesson
# did not work through, and check two weekdays with pandas.
#
# **Questions**
# - When and where did Salvini, Putin and Rogozin say the words the editorial quotes?
# - What does a reader lose when a quote appears without its date, place or occasion?
#
# **Objectives**: trace a quote to speaker, date and venue; keep a status exactly as the record
# gives it; compute a weekday with pandas; explain in your own words why context matters.
#
# **Time**: about 25 minutes.

# %% [markdown]
# **How to answer.** Each question has an answer box: choose an answer, or type it and press
# Enter. Feedback appears at once under the box, and every answer is saved for your teacher as
# you go (you can change it as often as you like). First check your name in the box under the
# next cell (type it and press Enter if it is empty): your work is saved under that name.

# %%
import medialit as ml
from medialit import provenance as prov

ml.lesson("01-ex1")  # the work you save in this notebook is filed under "01-ex1"
voltaire = ml.load_article("voltaire_2024")
quotes = ml.load_table("quotes")
print("Ready:", voltaire.title)
ml.LearnerBox(compact=True)

# %% [markdown]
# ## Part A · Salvini (sentence s012)
#
# Read the sentence as the editorial prints it. Notice the "[...]" in the middle.

# %%
print(voltaire.sentence("s012").text)

# %% [markdown]
# The quote has **two** halves, so the table below has two rows. It shows only the clues: who
# spoke and the sources. **Read laterally**: open each source in a new tab and find when and where
# each half was said. (Offline, or a link is dead? Each part has a button that shows the course's
# own record, with dates and venues: press it after you have answered, because it shows the answers.)

# %%
prov.quote_table(quotes[quotes.sentence == "s012"])

# %% [markdown]
# **A1.** On which date did Salvini say "NATO cannot force us to kill in Russia..."? Type the date
# in the box (like 2024-02-10 or 10 February 2024) and press Enter.

# %%
ml.Answer("01-ex1-salvini-rally-date")

# %% tags=["solution"]
ml.check("01-ex1-salvini-rally-date", "2024-05-26")

# %% [markdown]
# **A2.** At what kind of event did he say it? Choose one.

# %%
ml.Answer("01-ex1-salvini-venue")

# %% tags=["solution"]
ml.check("01-ex1-salvini-venue", "remarks to reporters")

# %%
ml.KeyReveal("01-ex1-salvini-key", lambda: prov.quote_table(quotes[quotes.sentence == "s012"], full_record=True),
             questions=["01-ex1-salvini-rally-date", "01-ex1-salvini-venue"], label="Show the course's record")

# %% [markdown]
# ## Part B · Putin (sentence s013)
#
# The editorial says only that Putin "told reporters". Open the sources and find the place and
# the date.

# %%
print(voltaire.sentence("s013").text)
prov.quote_table(quotes[quotes.sentence == "s013"])

# %% [markdown]
# **B1.** In which city did Putin speak? **B2.** On which date (like 2024-02-10 or 10 February 2024)?
# Type each answer and press Enter.

# %%
ml.Answer("01-ex1-putin-place")

# %% tags=["solution"]
ml.check("01-ex1-putin-place", "Tashkent")

# %%
ml.Answer("01-ex1-putin-date")

# %% tags=["solution"]
ml.check("01-ex1-putin-date", "2024-05-28")

# %%
ml.KeyReveal("01-ex1-putin-key", lambda: prov.quote_table(quotes[quotes.sentence == "s013"], full_record=True),
             questions=["01-ex1-putin-place", "01-ex1-putin-date"], label="Show the course's record")

# %% [markdown]
# ## Part C · Rogozin (sentence s014)
#
# The editorial says Rogozin "directly warned Washington", right after quoting Stoltenberg,
# Salvini and Putin. Open the sources: what was Rogozin reacting to, and when?

# %%
print(voltaire.sentence("s014").text)
prov.quote_table(quotes[quotes.sentence == "s014"])

# %% [markdown]
# **C1.** What was Rogozin's post reacting to? Choose one.

# %%
ml.Answer("01-ex1-rogozin-context")

# %% tags=["solution"]
ml.check("01-ex1-rogozin-context", "a drone strike on a Russian radar")

# %% [markdown]
# **C2 (free text, at least 25 words).** What does a reader lose when this quote appears without its
# date and occasion? Which SIFT move would have caught it? Write in your own words in the box; the
# word count shows how far you are. Your teacher reads it: it is never marked right or wrong.

# %%
ml.Answer("01-ex1-rogozin-free")

# %% tags=["solution"]
ml.check("01-ex1-rogozin-free", "The post reacted to a reported Ukrainian drone strike on a Russian radar around 25 May 2024, not to Stoltenberg. Without the date and occasion the reader links the warning to the wrong event, even though Rogozin did blame Washington. SIFT's trace move, following the quote back to Rogozin's post, catches it.")

# %%
ml.KeyReveal("01-ex1-rogozin-key", lambda: prov.quote_table(quotes[quotes.sentence == "s014"], full_record=True),
             questions=["01-ex1-rogozin-context", "01-ex1-rogozin-free"], label="Show the course's record")

# %% [markdown] tags=["solution"]
# **Model answer (C2).** The warning was a post by Rogozin from about Saturday 25 May 2024; the
# sources disagree on where he posted it (UAWire says Telegram, the Kronen Zeitung says X). Rogozin
# was reacting to reports that Ukrainian drones had hit a Russian early-warning radar near Armavir
# (record `ev-p-rogozin-post`). Printed without that, after the quotes about Stoltenberg's
# proposals, it reads like an answer to NATO's debate on Western weapons, and the reader cannot see
# what "such actions" means. "Directly warned Washington" is fair: the post itself says Washington
# "will have to fully answer" (UAWire's translation). What is lost is the occasion. SIFT's **T**
# (trace claims, quotes and media to the original context) catches it: lateral reading finds the
# post and its date.

# %% [markdown]
# ## Part D · Whose words, and where? (sentence s008)
#
# "He also said: We have no intention of sending NATO ground troops..." follows a quote from
# Stoltenberg's interview with The Economist, so a reader assumes it comes from that interview.
# Open the sources in the table below and check.

# %%
prov.quote_table(quotes[quotes.id == "q08"])

# %% [markdown]
# **D1.** What status should the claim get that these words come **from the Economist interview**?
# Choose one.

# %%
ml.Answer("01-ex1-troops-status")

# %% tags=["solution"]
ml.check("01-ex1-troops-status", "CONFIRMED")

# %%
ml.KeyReveal("01-ex1-troops-key", lambda: prov.quote_table(quotes[quotes.id == "q08"], full_record=True),
             questions=["01-ex1-troops-status"], label="Show the course's record")

# %% [markdown]
# ## Part E · Weekday checks
#
# Hebestreit's statement (checked via [bnc.app.br](https://bnc.app.br/global/news/world-39391)) and
# Stoltenberg's press conference in Sofia (checked via [unn.ua](https://unn.ua/en/news/stoltenberg-we-have-no-plans-to-deploy-nato-troops-in-ukraine))
# were both on 27 May 2024 (records `ev-p-hebestreit-shield`, `ev-p-sofia-press-conference`).
# Compute the weekday with `prov.weekday(...)` (the function uses pandas): in the cell below,
# change the date to 27 May 2024 (`"2024-05-27"`) and run it (in the web app, where you cannot run
# code, use a calendar). Then choose the weekday in the box.

# %%
prov.weekday("2024-02-10")  # which weekday was 10 February 2024? Change the date and run again.

# %%
ml.Answer("01-ex1-weekday")

# %% tags=["solution"]
ml.check("01-ex1-weekday", prov.weekday("2024-05-27"))

# %% [markdown]
# Stoltenberg also told the German Sunday paper *Welt am Sonntag* ("World on Sunday") that NATO had no
# plans to extend its air defence to Ukraine. Copies of that interview went online on 25 May 2024
# (record `ev-p-welt-interview`). Compute the weekday of 25 May in the cell above (in the web app,
# use a calendar), and choose it below. Does it fit a Sunday paper?

# %%
ml.Answer("01-ex1-weekday-welt")

# %% tags=["solution"]
ml.check("01-ex1-weekday-welt", prov.weekday("2024-05-25"))

# %% [markdown] tags=["instructor"]
# **Instructor notes.** Every answer rests on records in `data/evidence/provenance.yaml` (the
# `evidence` lists in `data/keys/01_source_provenance_ex1.yaml`). Stress two points when you go
# through answers: (1) for Salvini, the Italian reports (Il Tempo, LaPresse) and RT's English report
# agree on the words and the days; RT calls the 26 May occasion an election rally, Il Tempo
# remarks on the sidelines of a book presentation, so A2 accepts both; (2) D1 shows that
# checking can *confirm* an attribution: the course once marked it UNCONFIRMED, until copies of the
# Economist interview from both sides were found. A status follows the evidence. For C2, accept
# any answer that names the missing occasion and a way of tracing it.

# %% [markdown]
# Every answer in this exercise rests on a record of the course's evidence. When you have answered
# everything, you can open the records, with their sources and short quotes from them:

# %%
ml.KeyReveal("01-ex1-evidence-key", lambda: ml.evidence(["ev-p-salvini-26-may", "ev-p-salvini-27-may", "ev-p-putin-tashkent", "ev-p-rogozin-post",
             "ev-p-economist-troops", "ev-p-welt-interview"]),
             questions=["01-ex1-salvini-rally-date", "01-ex1-salvini-venue", "01-ex1-putin-place", "01-ex1-putin-date",
                        "01-ex1-rogozin-context", "01-ex1-troops-status"], label="Show the evidence records")

# %% [markdown]
# ## Hand in
#
# Your answers are saved as you go. When your teacher asks for your work, press the button: it
# makes one file with all your saved work and offers it for download. Hand in that file as your
# teacher asks (upload it, or put it in the class folder).

# %%
ml.HandIn("01_ex1")

# %% [markdown]
# ## Key points
#
# - A quote needs four things: speaker, date, venue and the original words.
# - "[...]" can join words from different days: check each half.
# - A quote without its occasion can be made to answer a different question.
# - Keep the status exactly, and change it only when new evidence turns up.

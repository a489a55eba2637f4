"""The fast paths of the cues (issue 17, speed) give exactly what the plain passes give.

* word lists: :func:`medialit.cues.text._lexicon_hits` remembers, per word, what the lists can do
  with it (``_Plans``); checking every word against every list (``_lexicon_hits_plain``) must give
  the same matches;
* numbers: ``_number_matches`` tries the number pattern only where a number, a currency sign, a
  month or a number word begins; ``_NUMBER_RE.finditer`` over the whole text must agree;
* :func:`medialit.cues.scan` gives every hit with its rule and the words that fired.
"""
from __future__ import annotations

import importlib

import pytest

from medialit import cues

T = importlib.import_module("medialit.cues.text")
F = importlib.import_module("medialit.cues.families")

SENTENCES = [
    "According to the minister's office, the talks will resume on Monday.",
    "The so-called peace plan is a disgraceful, reckless gamble, sources say.",
    "In all likelihood the mob-style tactics will continue, it was reported.",
    "A survey of 1,500 voters found that 52% back the plan, up from 40 per cent in May.",
    "The president's spokesperson told reporters the U.S. would probably not respond.",
    "I think we must act now: this is an utterly shameful betrayal!",
    "Why would anyone believe such a ridiculous claim?",
    "Officials said $3.5 million was spent between 3 March 2021 and Jan. 5, 2022.",
    "Tens of thousands of people marched; hundreds were detained, the group's lawyers said.",
    "The G7 and COVID-19 figures rose 3.4-fold, the data show.",
    "It is possible that the deal collapses, and frankly that would be a disaster.",
    "They dismissed the report as 'fake news' in a tweet on Tuesday.",
]


@pytest.mark.parametrize("course", [False, True])
def test_remembered_words_give_the_plain_matches(course):
    fast = [T._lexicon_hits(T._Analysis(s, False, course)) for s in SENTENCES]
    again = [T._lexicon_hits(T._Analysis(s, False, course)) for s in SENTENCES]  # every word now known
    plain = [T._lexicon_hits_plain(T._Analysis(s, False, course)) for s in SENTENCES]
    # the same matches; the order may differ among phrases that start on the same word
    assert fast == again and list(map(sorted, fast)) == list(map(sorted, plain))
    assert sum(map(len, plain)) > 20  # the sentences do hit the lists


def test_remembered_words_on_every_course_sentence():
    import medialit as ml

    sents = [x.text for aid in ("southfront_2026", "voltaire_2024", "linternaute_mt_2024", "nato_treaty_1949")
             for x in ml.load_article(aid).sentences]
    for course in (False, True):
        fast = [T._lexicon_hits(T._Analysis(s, False, course)) for s in sents]
        plain = [T._lexicon_hits_plain(T._Analysis(s, False, course)) for s in sents]
        assert list(map(sorted, fast)) == list(map(sorted, plain))


def test_number_fast_path_matches_plain_regex():
    extra = ["Sept. 11 and 5th of November", "€40bn, ¥300 and £12 million mark", "mid-2020 and 3-4 March",
             "room 101, article 5 and Su-25 jets", "no digits here at all", "dozens, millions and billions"]
    for s in SENTENCES + extra:
        a = T._Analysis(s, False)
        want = [(m.span(), m.lastgroup) for m in F._NUMBER_RE.finditer(a.masked)]
        got = [(m.span(), m.lastgroup) for m in F._number_matches(a)]
        assert got == want, s


def test_scan_rows_name_rule_and_words():
    df = cues.scan(SENTENCES)
    assert len(df) > 30
    for row in df.itertuples():
        s = SENTENCES[row.i]
        assert s[row.start:row.end] == row.text and row.text
        assert row.rule in cues.RULES and row.why
    # the rows are the same hits as signals() gives, sentence by sentence
    for i, s in enumerate(SENTENCES):
        hits = [(h.rule, h.start, h.end) for fam in cues.signals(s).values() for h in fam]
        rows = [(r.rule, r.start, r.end) for r in df[df.i == i].itertuples()]
        assert rows == hits


def test_scan_results_are_not_shared_with_callers():
    s = SENTENCES[0]
    first = cues.signals(s)["attribution"]
    first.clear()  # a caller changing its list must not change the cached result
    assert cues.signals(s)["attribution"]


class _Sent:
    def __init__(self, id, text, paragraph=None):
        self.id, self.text, self.paragraph = id, text, paragraph


def _plain_scan(items, families=None):
    """The table as one row tuple per hit (how scan() built it before it built columns)."""
    import pandas as pd

    wanted = list(cues.FAMILIES) if families is None else list(families)
    rows = []
    for pos, sid, _t, sig in cues._iter_signals(items, True, wanted):
        for fam in wanted:
            rows.extend([(pos, sid, fam, h.rule, h.text, h.start, h.end, h.in_quote, h.why) for h in sig[fam]])
    return pd.DataFrame(rows, columns=cues.SCAN_COLUMNS)


@pytest.mark.parametrize("make", [
    lambda: list(SENTENCES),  # plain strings: positions as ids
    lambda: [_Sent(f"s{i:03d}", s) for i, s in enumerate(SENTENCES)],  # text ids
    lambda: [_Sent(i * 7, s) for i, s in enumerate(SENTENCES)],  # integer ids
    lambda: [_Sent(2**70 if i % 2 else i, s) for i, s in enumerate(SENTENCES)],  # too big for int64
    lambda: ["", "The talks ended on Tuesday."],  # no hits at all
])
@pytest.mark.parametrize("families", [None, ["opinion", "quotes"]])
def test_scan_columns_equal_plain_rows(make, families):
    import pandas as pd

    pd.testing.assert_frame_equal(cues.scan(make(), families), _plain_scan(make(), families))


def test_fast_hit_is_the_dataclass_hit():
    a = T._Analysis('The minister said "this is a disgrace" on Monday.', False)
    fast = a.hit("attribution.verb", 13, 17)
    plain = cues.Hit("attribution.verb", "said", 13, 17, fast.why, False)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    with pytest.raises(AttributeError):  # still frozen
        fast.rule = "x"


def test_a_list_longer_than_the_cache_gives_the_same_rows():
    n = T._analyse.cache_info().maxsize + 50
    sents = [f"{SENTENCES[i % len(SENTENCES)]} ({i})" for i in range(n)]  # all distinct
    df = cues.scan(sents)
    short = cues.scan(sents[:40])
    assert df[df.i < 40].reset_index(drop=True).equals(short)
    last = n - 1
    want = [(h.rule, h.start, h.end) for fam in cues.signals(sents[last]).values() for h in fam]
    assert [(r.rule, r.start, r.end) for r in df[df.i == last].itertuples()] == want


def test_quotation_word_counts_match_a_word_count_of_each_quotation():
    import medialit as ml

    sents = [x.text for aid in ("southfront_2026", "voltaire_2024", "linternaute_mt_2024")
             for x in ml.load_article(aid).sentences]
    sents += ['He said "no" and ‘maybe’ then \'yes\'', "“Open and never closed", "closed here.” she said",
              "O’Brien’s “it’s fine,’ they’re” and 'rock''n''roll'", '""Doubled"" marks', "«Bonjour» “a” „b“"]
    checked = 0
    for s in sents:
        for starts in (False, True):
            a = T._Analysis(s, starts)
            want = [len(T._WORD.findall(a.masked, st, en)) for st, en, _k in a.quotes]
            assert a.quote_words() == want, s
            checked += len(want)
    assert checked > 50


def test_language_counts_made_in_place_match_the_helpers():
    texts = SENTENCES + ["Le ministre a annoncé des mesures pour les familles et les écoles.",
                         "Правительство объявило о новых мерах в понедельник.", "Die Regierung hat gestern eine Reform angekündigt.",
                         "NATO 2024", "", "   ", '<p class="x">Read <a href="https://x.example/www.y">more</a> &amp; more</p>']
    for s in texts:
        a = T._Analysis(s, False)
        counts = T._marker_counts(a.lows, a.masked)
        if counts[1] and a.quotes:  # the writer's words only (see test_cues: quoted French)
            counts = T._counts_outside_quotes(a, counts)
        assert a.counts == counts
        assert (a.english, a.foreign) == (T._english_from(counts, a.masked), T._foreign_from(counts)), s


def test_text_with_nothing_to_mask_is_used_as_it_is():
    for s in SENTENCES + ['He said ""no"" twice', "''Yes,'' he said", "see www.example.org or HTTPS://X.EXAMPLE",
                          "a <b>bold</b> claim &amp; more", "``Quoted'' text", "George W. Bush spoke"]:
        assert T._Analysis(s, False).masked == T._normalise_marks(T._mask_html(s)), s


def test_the_word_pattern_for_text_without_underscores_finds_the_same_words():
    # the faster pattern is used only for text without "_"; on such text both must agree, and on
    # text with "_" the slow one keeps "snake_case" as two words
    from medialit import data

    texts = list(SENTENCES) + [s.text for aid in data.article_ids() for s in data.load_article(aid).sentences]
    texts += ["Don’t-stop rock-’n’-roll: l'état, 3.5-fold, naïve café", "x-ray—yes; a -b c- ’quoted’ words"]
    for t in texts:
        if "_" not in t:
            assert [m.span() for m in T._WORD_NO_UNDERSCORE.finditer(t)] == [m.span() for m in T._WORD.finditer(t)], t
    assert [m.group() for m in T._WORD.finditer("snake_case it")] == ["snake", "case", "it"]

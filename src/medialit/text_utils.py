"""Small text helpers shared by the lessons, the widgets' record contract and the class dashboard.

Each lives here once: :func:`shorten` (one line, at most ``n`` characters) and :func:`clean_text`
with :data:`BAD_CHARS` (lone surrogates and NUL, which cannot be shown, saved as UTF-8 or read by
CSV tools). The current time as text is :func:`medialit.store.now_iso`.
"""
from __future__ import annotations

import re

#: Characters that cannot be shown or saved as UTF-8 (lone surrogates) or that break CSV tools (NUL).
BAD_CHARS = re.compile("[\ud800-\udfff\x00]")


def shorten(text: str, n: int = 60) -> str:
    """``text`` on one line, at most ``n`` characters (ending in "…" when cut)."""
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate and NUL character replaced by U+FFFD."""
    return BAD_CHARS.sub("\ufffd", text)

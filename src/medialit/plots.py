"""Shared plotting conventions: a colour-blind-safe palette, hatches, and a text summary helper.

Colours follow the Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008), which stays
distinguishable for the common forms of colour blindness. Colour is never the only signal: every
category also gets a hatch pattern and a text label.
"""
from __future__ import annotations

#: Okabe-Ito colours, in order.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
#: Hatch patterns to pair with the colours (so print-outs in grey still work).
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
#: Fixed colours for the fact-check statuses used across the course.
STATUS_COLOURS = {
    "CONFIRMED": "#0072B2",
    "WRONG": "#D55E00",
    "UNCONFIRMED": "#E69F00",
    "OPINION": "#CC79A7",
}


def style(i: int) -> dict:
    """Colour and hatch for category number ``i`` (cycling)."""
    return {"color": PALETTE[i % len(PALETTE)], "hatch": HATCHES[i % len(HATCHES)], "edgecolor": "black"}


def setup(font_size: int = 12) -> None:
    """Readable defaults for classroom projection."""
    import matplotlib as mpl

    mpl.rcParams.update({
        "font.size": font_size,
        "axes.titlesize": font_size + 2,
        "axes.labelsize": font_size,
        "figure.dpi": 100,
        "axes.prop_cycle": mpl.cycler(color=PALETTE),
    })


def summary(text: str) -> None:
    """Print the one-line text summary that goes under every plot (for screen-reader users)."""
    print("Plot summary: " + text)

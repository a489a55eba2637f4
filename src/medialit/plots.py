"""Shared plotting conventions: a colour-blind-safe palette, hatches, and one way to show a plot.

Every lesson plot function returns a matplotlib Figure and neither displays nor prints it; a
notebook shows it with ``ml.plots.show(fig, "one-line summary")``, which puts the text summary
under the image.

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
    """Print the one-line text summary that goes under every plot (for screen-reader users).

    Notebooks call :func:`show`, which prints it after the figure."""
    print("Plot summary: " + text)


def _in_ipython() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    return get_ipython() is not None


def show(fig, summary: str) -> None:
    """Show ``fig`` now, close it, then print "Plot summary: ..." under it.

    The one way a notebook shows a plot: the figure is displayed at this point (not at the end of
    the cell), so the text summary that follows is always under the image; closing it stops
    Jupyter from showing it a second time. Outside Jupyter the figure is drawn (so a figure that
    cannot be drawn fails here too) and closed.
    """
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        fig = getattr(fig, "figure", None) if fig is not None else None
        if not isinstance(fig, Figure):
            raise TypeError("ml.plots.show needs the Figure a plot function returns.")
    if not isinstance(summary, str) or not summary.strip():
        raise ValueError("Give the one-line text summary that goes under the plot.")
    display_and_close(fig)
    print("Plot summary: " + summary)


def display_and_close(fig) -> None:
    """Display ``fig`` now (draw it, outside Jupyter) and close it, printing nothing."""
    import matplotlib.pyplot as plt

    try:
        if _in_ipython():
            from IPython.display import display

            display(fig)
        else:
            fig.canvas.draw()
    finally:
        plt.close(fig)

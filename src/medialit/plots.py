"""Shared plotting conventions: a colour-blind-safe palette, hatches, and one way to show a plot.

Every lesson plot function returns a matplotlib Figure and neither displays nor prints it; a
notebook shows it with ``ml.plots.show(fig, "one-line summary")``, which puts the text summary
under the image and gives it to the image as its alternative text (``alt``), for screen readers.

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
    fig._medialit_alt = summary  # the image's alternative text (see display_and_close)
    display_and_close(fig)
    print("Plot summary: " + summary)


def image_bundle(fig, alt: str) -> dict:
    """``fig`` as a Jupyter MIME bundle whose image has ``alt`` as its alternative text.

    ``text/html`` is an ``<img alt=...>`` (JupyterLab, Voila and nbconvert show it, so screen
    readers read the summary at the image); ``image/png`` and ``text/plain`` stay for front ends
    that show no HTML. ``alt`` is escaped."""
    import base64
    import html
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    png = base64.b64encode(buf.getvalue()).decode("ascii")
    text = " ".join(str(alt).split())
    return {"image/png": png, "text/plain": "Plot: " + text,
            "text/html": (f'<img src="data:image/png;base64,{png}" alt="{html.escape(text, quote=True)}" '
                          'style="max-width:100%;height:auto">')}


def display_and_close(fig) -> None:
    """Display ``fig`` now (draw it, outside Jupyter) and close it, printing nothing.

    A figure given to :func:`show` carries its summary, which becomes the image's alternative
    text (:func:`image_bundle`); any other figure is displayed as Jupyter displays figures."""
    import matplotlib.pyplot as plt

    try:
        if _in_ipython():
            from IPython.display import display

            alt = getattr(fig, "_medialit_alt", None)
            if alt:
                display(image_bundle(fig, alt), raw=True)
            else:
                display(fig)
        else:
            fig.canvas.draw()
    finally:
        plt.close(fig)

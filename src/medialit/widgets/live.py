"""Live feedback: an output area that redraws itself whenever the widget it describes changes.

``ml.live(widget, render)`` calls ``render(widget)`` now and again after every change of the
widget's saved ``data`` trait (a label chosen, a phrase marked, an answer typed, or another
learner's work loaded after an id change), so feedback never goes stale and no lesson needs to say
"run this cell again". It works the same in JupyterLab and in Voila: the output area's content is
a synced widget trait, set from Python; no cell is executed.

``render`` may return (or list, in order):

* a :class:`~medialit.display.SafeHTML` table, or anything with ``_repr_html_``;
* a pandas DataFrame (shown with :func:`medialit.display.html_table`: escaped, left-aligned text,
  no ``NaN``);
* a ``(Figure, "one-line summary")`` pair: the plot is drawn, closed, and "Plot summary: ..."
  goes under it (a Figure without its summary is refused, as in :func:`medialit.plots.show`);
* a string (shown as plain text), or ``None`` (nothing).

When ``render`` fails, the area shows one plain sentence (never a traceback) and the learner's
work is untouched; the next change tries again.

``widget`` may also be a list or a dict of widgets (for feedback that depends on several, such
as a chart of two labellers): ``render`` then receives that same list or dict.
"""
from __future__ import annotations

import asyncio
import html
from typing import Any, Callable

import ipywidgets

#: What the learner sees when the feedback cannot be drawn (followed by the reason, escaped).
ERROR_TEXT = "This feedback could not be shown right now"


def _widgets_of(target: Any) -> list:
    if isinstance(target, dict):
        items = list(target.values())
    elif isinstance(target, (list, tuple)):
        items = list(target)
    else:
        items = [target]
    for item in items:
        if not hasattr(item, "observe") or not item.has_trait("data"):
            raise TypeError("ml.live needs a medialit widget (or a list or dict of them): "
                            f"{type(item).__name__} has no saved 'data'.")
    return items


def _is_figure(obj: Any) -> bool:
    try:
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return False
    return isinstance(obj, Figure)


def _text(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text if text.endswith("\n") else text + "\n"}


def _html(markup: str, plain: str) -> dict:
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/html": markup, "text/plain": plain or "(table)"}}


def _figure(fig, summary: Any) -> list[dict]:
    """The figure as a PNG (then closed), with its "Plot summary" line under it."""
    import matplotlib.pyplot as plt

    try:
        if not isinstance(summary, str) or not summary.strip():
            raise ValueError("a plot needs its one-line text summary: return (figure, summary)")
        from ..plots import image_bundle

        data = image_bundle(fig, summary)  # an <img> with the summary as its alternative text
    finally:
        plt.close(fig)
    image = {"output_type": "display_data", "metadata": {}, "data": data}
    return [image, _text("Plot summary: " + summary)]


def to_outputs(result: Any) -> list[dict]:
    """What ``render`` returned, as Jupyter output dicts (see the module's docstring)."""
    if result is None:
        return []
    if isinstance(result, tuple) and len(result) == 2 and _is_figure(result[0]):
        return _figure(*result)
    if _is_figure(result):
        return _figure(result, None)
    if isinstance(result, (list, tuple)):
        return [out for item in result for out in to_outputs(item)]
    if isinstance(result, str):
        return [_text(result)]
    if type(result).__name__ == "DataFrame" and hasattr(result, "columns"):
        from ..display import html_table

        result = html_table(result)
    if hasattr(result, "_repr_html_"):
        return [_html(result._repr_html_(), repr(result))]
    return [_text(str(result))]


def error_output(exc: BaseException) -> dict:
    """One plain, escaped sentence about a failed redraw (no traceback)."""
    reason = str(exc).strip() or type(exc).__name__
    text = f"{ERROR_TEXT} ({reason}). Your work is saved; change an answer to try again."
    markup = ('<div class="medialit-live-error" role="status" '
              'style="border-left:4px solid #D55E00;padding-left:6px;font-weight:bold">'
              f"⚠ {html.escape(text)}</div>")
    return _html(markup, text)


class LiveView(ipywidgets.Output):
    """The output area made by :func:`live` (an ``ipywidgets.Output`` whose content is set from
    Python). :meth:`redraw` draws it again; :attr:`error` holds the last failure ("" if none)."""

    def __init__(self, target: Any, render: Callable[[Any], Any], *, delay: float = 0.0, **kwargs):
        if not callable(render):
            raise TypeError("ml.live(widget, render): render must be a function of the widget.")
        super().__init__(**kwargs)
        self.add_class("medialit-live")
        self.target = target
        self.render = render
        self.delay = max(0.0, float(delay))
        self._pending = None
        self.error = ""
        self.redraws = 0
        self._watched = _widgets_of(target)
        for item in self._watched:
            item.observe(self._changed, names="data")
        self.redraw()

    def _changed(self, _change=None) -> None:
        if self.comm is None:  # closed: stop following the widget
            self.stop()
            return
        loop = _running_loop() if self.delay else None
        if loop is None:
            self.redraw()
            return
        # a slow drawing (a chart) waits until the learner pauses, so the click that changed the
        # work is answered at once and a burst of changes is drawn once
        if self._pending is not None:
            self._pending.cancel()
        self._pending = loop.call_later(self.delay, self._deferred)

    def _deferred(self) -> None:
        self._pending = None
        if self.comm is not None:
            self.redraw()

    def redraw(self) -> None:
        """Call ``render`` and show what it returns (or a plain message when it fails)."""
        try:
            outputs = to_outputs(self.render(self.target))
            self.error = ""
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the lesson carries on
            outputs = [error_output(exc)]
            self.error = f"{type(exc).__name__}: {exc}"
        self.redraws += 1
        self.outputs = tuple(outputs)

    def stop(self) -> None:
        """Stop redrawing (the widgets keep working)."""
        if getattr(self, "_pending", None) is not None:
            self._pending.cancel()
            self._pending = None
        for item in getattr(self, "_watched", []):
            try:
                item.unobserve(self._changed, names="data")
            except ValueError:
                pass
        self._watched = []

    def close(self) -> None:
        self.stop()
        super().close()

    @property
    def text(self) -> str:
        """The plain text of what is on show (for tests and screen-reader-like checks)."""
        parts = []
        for out in self.outputs:
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            else:
                parts.append(str(out.get("data", {}).get("text/plain", "")) + "\n")
        return "".join(parts)

    def __repr__(self) -> str:
        return f"LiveView(redraws={self.redraws})"


def _running_loop():
    """The kernel's event loop when called from it (a widget change in Jupyter or Voila), else None."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def live(widget: Any, render: Callable[[Any], Any], *, delay: float = 0.0) -> LiveView:
    """An output area showing ``render(widget)``, drawn now and again after every change of the
    widget's saved work. Put it as the last line of a cell::

        ml.live(labeller, lambda lab: rp.comparison_view(lab, "southfront_2026"))

    ``delay`` (seconds) is for slow drawings such as charts: in a running kernel the redraw waits
    until the widget has not changed for that long (a burst of clicks is drawn once, and the click
    itself is answered at once); outside an event loop it redraws at once.
    See :mod:`medialit.widgets.live` for what ``render`` may return.
    """
    return LiveView(widget, render, delay=delay)

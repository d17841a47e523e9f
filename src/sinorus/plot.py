"""Pictures of the record with matplotlib (the optional ``plot`` extra).

Both functions draw on a new figure (or on the ``ax`` you pass), accept a
date or year range, and return the figure and axes for further styling.

>>> from sinorus import plot
>>> fig, ax = plot.timeline(since="1989-01-01", until="2025-12-31")
>>> ax.get_title()
'China–Russia relations, 1989–2025'
>>> fig, ax = plot.trade(since=2000, until=2024)
>>> ax.get_ylabel()
'total goods trade, billions of US dollars'
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .dates import DateLike, to_date
from .errors import MissingDependencyError, QueryError, QueryTypeError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import FigureBase

    from .dataset import Dataset

__all__ = ["timeline", "trade"]

_ONE_DAY = timedelta(days=1)

# One colour per phase, in order (colour-blind-safe "Okabe–Ito" palette).
_PHASE_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
# Markers for the rows of dated records (every dated kind that is not an interval).
_MARKER_STYLES = (("s", "#333333"), ("^", "#0072B2"), ("o", "#D55E00"), ("D", "#009E73"))


def _markers() -> dict[str, tuple[str, str]]:
    from .kinds import KINDS

    dated = [kind.name for kind in KINDS if kind.shape == "dated"]
    return {name: _MARKER_STYLES[i % len(_MARKER_STYLES)] for i, name in enumerate(dated)}


def _pyplot() -> Any:
    try:
        import matplotlib

        if not _has_display():
            matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependencyError("plots need matplotlib: pip install 'sinorus[plot]'") from None
    return plt


def _has_display() -> bool:
    import os
    import sys

    return sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def _dataset(dataset: Dataset | None) -> Dataset:
    if dataset is None:
        from .api import load

        return load()
    return dataset


def _axes(ax: Axes | None, size: tuple[float, float]) -> tuple[FigureBase, Axes]:
    plt = _pyplot()
    if ax is None:
        figure, ax = plt.subplots(figsize=size, layout="constrained")
        return figure, ax
    return ax.figure, ax


_EPOCH = date(1970, 1, 1)


def _x(day: date) -> float:
    """A date as matplotlib's date number (days since its default epoch, 1970-01-01)."""
    return float((day - _EPOCH).days)


def timeline(
    dataset: Dataset | None = None,
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    ax: Axes | None = None,
) -> tuple[FigureBase, Axes]:
    """Phases as coloured bands, partnership levels as steps, records as markers.

    The steps climb one rung for each designation of the relationship (a
    gap where none held); agreements, exercises and events sit on their own
    rows below. ``dataset`` defaults to the bundled one; the range defaults
    to the span of its phases.

    >>> fig, ax = timeline(since="2014-01-01", until="2025-12-31")
    >>> ax.get_title()
    'China–Russia relations, 2014–2025'
    """
    data = _dataset(dataset)
    if not data.phases:
        raise QueryError("the dataset has no phases to draw")
    first = to_date(since) if since is not None else data.phases[0].start
    last = to_date(until) if until is not None else _last_day(data)
    if last < first:
        raise QueryError(f"the range is empty: until ({last}) is before since ({first})")
    figure, ax = _axes(ax, (11, 5))
    levels = data.partnership_levels
    top = len(levels) + 1

    for i, phase in enumerate(data.phases):
        start, end = max(phase.start, first), min(phase.end or last, last)
        if start > end:
            continue
        ax.axvspan(_x(start), _x(end + _ONE_DAY), color=_PHASE_COLOURS[i % 7], alpha=0.25, lw=0)
        if (end - start) < (last - first) / 25:
            continue  # too narrow a band to name legibly
        middle = _x(start + (end - start) / 2)
        height = top + 0.2 + 1.2 * (i % 2)  # alternate rows, so narrow phases keep their names
        ax.text(middle, height, _wrap(phase.name, 18), ha="center", va="bottom", fontsize=7)

    for rung, level in enumerate(levels, start=1):
        start, end = max(level.start, first), min(level.end or last, last)
        if start > end:
            continue
        ax.plot([_x(start), _x(end + _ONE_DAY)], [rung, rung], color="#222222", lw=2.5)
        ax.plot([_x(start), _x(start)], [rung - 1, rung], color="#222222", lw=0.8, ls=":")

    markers = _markers()
    for row, section in enumerate(markers, start=1):
        marker, colour = markers[section]
        days = [_x(r.start) for r in data[section] if first <= r.start <= last]
        ax.plot(days, [-row] * len(days), ls="", marker=marker, color=colour, ms=5, alpha=0.8)

    ax.set_xlim(_x(first), _x(last + _ONE_DAY))
    ax.xaxis_date()
    ax.set_ylim(-len(markers) - 0.8, top + 3.0)
    ax.set_yticks(
        [-row for row in range(1, len(markers) + 1)] + list(range(1, len(levels) + 1)),
        [*markers, *(_wrap(level.name, 40) for level in levels)],
        fontsize=7,
    )
    ax.set_title(f"China–Russia relations, {first.year}–{last.year}")
    ax.grid(axis="x", alpha=0.3)
    return figure, ax


def trade(
    dataset: Dataset | None = None,
    *,
    since: int | None = None,
    until: int | None = None,
    ax: Axes | None = None,
) -> tuple[FigureBase, Axes]:
    """Total trade by year as bars, with each partnership upgrade marked.

    ``since`` and ``until`` are years (inclusive); they default to the years
    the data has.

    >>> fig, ax = trade(since=2010, until=2020)
    >>> len(ax.patches)
    11
    """
    for name, year in (("since", since), ("until", until)):
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise QueryTypeError(
                f"{name} must be a year (an int), got {type(year).__name__}: {year!r}"
            )
    data = _dataset(dataset)
    rows = data.trade.where(since=since, until=until)
    if not rows:
        raise QueryError(f"no trade figures between {since} and {until}")
    figure, ax = _axes(ax, (11, 4.5))
    years = [r.year for r in rows]
    ax.bar(years, [r.total_usd_bn for r in rows], color="#56B4E9", edgecolor="#0072B2")
    highest = max(r.total_usd_bn for r in rows)
    for level in data.partnership_levels:
        if years[0] <= level.start.year <= years[-1]:
            x = level.start.year + (level.start.timetuple().tm_yday - 1) / 365 - 0.5
            ax.axvline(x, color="#D55E00", lw=1, ls="--")
            ax.text(
                x,
                highest * 1.02,
                _wrap(level.name, 22),
                rotation=90,
                fontsize=7,
                ha="right",
                va="top",
                color="#D55E00",
            )
    ax.set_xlabel("year")
    ax.set_ylabel("total goods trade, billions of US dollars")
    ax.set_title(f"China–Russia trade, {years[0]}–{years[-1]}, with the partnership upgrades")
    ax.grid(axis="y", alpha=0.3)
    return figure, ax


def _last_day(data: Dataset) -> date:
    covered = data.coverage_of("phases")
    if covered is not None:
        return covered.end
    last = data.phases[-1]
    return last.end or date.today()


def _wrap(text: str, width: int = 24) -> str:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)

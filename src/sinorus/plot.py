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
from .errors import MissingDependencyError, NoDataError, QueryError, QueryTypeError

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
    # The backend is the user's (or matplotlib's own choice, which falls back to a
    # non-interactive one without a display); drawing never changes it.
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependencyError.needs("plots", "matplotlib", "plot") from None
    return plt


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
    label: tuple[str, ...] | list[str] = (),
) -> tuple[FigureBase, Axes]:
    """Phases as coloured bands, partnership levels as steps, records as markers.

    The steps climb one rung for each designation of the relationship (a
    gap where none held); only the designations held in the range are drawn
    and named. Agreements, exercises and events sit on their own rows below;
    ``label`` names the records (by id) to annotate with their names.
    ``dataset`` defaults to the bundled one; the range defaults to the span
    of its phases, and a range outside it raises :class:`~sinorus.NoDataError`.

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
    _check_covered(data, "phases", first, last)
    labelled = _labelled(data, label)
    figure, ax = _axes(ax, (11, 5))
    levels = [
        level
        for level in data.partnership_levels
        if level.start <= last and (level.end is None or level.end >= first)
    ]
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
        for record in data[section]:
            if record.id in labelled and first <= record.start <= last:
                ax.annotate(
                    _wrap(record.name, 28),
                    (_x(record.start), -row),
                    xytext=(0, 8),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7,
                    arrowprops={"arrowstyle": "-", "lw": 0.5},
                )

    ax.set_xlim(_x(first), _x(last + _ONE_DAY))
    ax.xaxis_date()
    ax.set_ylim(-len(markers) - 0.8, top + 3.0)
    ax.set_yticks(
        [-row for row in range(1, len(markers) + 1)] + list(range(1, len(levels) + 1)),
        [*markers, *(_short(level.name) for level in levels)],
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
    directions: bool = False,
) -> tuple[FigureBase, Axes]:
    """Total trade by year as bars, with each partnership upgrade marked.

    ``since`` and ``until`` are years (inclusive); they default to the years
    the data has, and a year outside them raises :class:`~sinorus.NoDataError`.
    Years whose figure rests only on secondary copies are hatched; with
    ``directions=True`` the bars split into China's exports and imports
    where the data has them. A caption names the data version the figures
    come from.

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
    data._trade_years(since, until)
    rows = data.trade.where(since=since, until=until)
    if not rows:
        raise QueryError(f"no trade figures from {since} to {until}")
    figure, ax = _axes(ax, (11, 4.5))
    years = [r.year for r in rows]
    hatches = ["//" if r.secondary_only else "" for r in rows]
    split = [r for r in rows if r.exports_usd_bn is not None and r.imports_usd_bn is not None]
    if directions and split:
        rest = [r for r in rows if r not in split]
        exports = [r.exports_usd_bn or 0.0 for r in split]
        ax.bar([r.year for r in split], exports, color="#0072B2", label="China's exports")
        ax.bar([r.year for r in split], [r.imports_usd_bn or 0.0 for r in split],
               bottom=exports, color="#E69F00", label="China's imports")  # fmt: skip
        if rest:
            ax.bar([r.year for r in rest], [r.total_usd_bn for r in rest], color="#56B4E9",
                   edgecolor="#0072B2", label="total only")  # fmt: skip
    else:
        bars = ax.bar(years, [r.total_usd_bn for r in rows], color="#56B4E9", edgecolor="#0072B2")
        for bar, hatch in zip(bars, hatches, strict=True):
            bar.set_hatch(hatch)
    if any(hatches):
        from matplotlib.patches import Patch

        ax.add_artist(ax.legend(handles=[Patch(facecolor="white", edgecolor="#0072B2",
                      hatch="//", label="only secondary sources")], loc="upper left"))  # fmt: skip
    if directions and split:
        ax.legend(loc="center left")
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
                fontsize=8,
                ha="right",
                va="top",
                color="#A33F00",
            )
    ax.set_xlabel("year")
    ax.set_ylabel("total goods trade, billions of US dollars")
    ax.set_title(f"China–Russia trade, {years[0]}–{years[-1]}, with the partnership upgrades")
    ax.grid(axis="y", alpha=0.3)
    version = f" {data.data_version}" if data.data_version else ""
    ax.annotate(
        f"Source: sinorus data{version}, China's customs figures as cited per year "
        "(sinorus.load().trade[i].sources)",
        (0, 0),
        xycoords="axes fraction",
        xytext=(0, -28),
        textcoords="offset points",
        fontsize=7,
        color="#444444",
        va="top",
    )
    return figure, ax


def _check_covered(data: Dataset, kind: str, first: date, last: date) -> None:
    covered = data.coverage_of(kind)
    if covered is not None and (first < covered.start or last > covered.end):
        raise NoDataError(
            f"{first} to {last} is outside the data: the {kind} cover "
            f"{covered.start} to {covered.end}"
        )


def _labelled(data: Dataset, ids: tuple[str, ...] | list[str]) -> frozenset[str]:
    if isinstance(ids, str):
        raise QueryTypeError(f"label takes a list of record ids, got the string {ids!r}")
    for record_id in ids:
        data.get(record_id)  # an unknown id raises, naming it
    return frozenset(ids)


def _short(name: str) -> str:
    """A designation's name short enough for an axis label."""
    words = {
        "comprehensive": "compr.",
        "strategic": "strat.",
        "partnership": "partnership",
        "coordination": "coord.",
    }
    text = " ".join(words.get(word, word) for word in name.split()) if len(name) > 30 else name
    return _wrap(text, 26)


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

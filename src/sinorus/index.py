"""Point-in-time and per-year lookups: one ``bisect`` or one dict lookup each.

>>> import sinorus
>>> from datetime import date
>>> data = sinorus.load()
>>> covered = data.coverage_of("partnership_levels")
>>> levels = IntervalIndex(data.partnership_levels, "partnership level", covered)
>>> levels.at(date(1985, 1, 1)) is None     # a covered day on which no level held
True
>>> levels.at(date(1900, 1, 1))
Traceback (most recent call last):
...
sinorus.NoDataError: no partnership level on 1900-01-01: the partnership levels cover 1949-10-01 ...
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, Generic, SupportsIndex, TypeVar, final

from .dates import DateLike, to_date
from .errors import NoDataError, QueryTypeError, shown
from .model import Coverage

__all__ = ["IntervalIndex", "YearIndex", "covering", "describe_years"]

_R = TypeVar("_R")
_ONE_DAY = timedelta(days=1)


@final
class _Outside:
    """What the index holds for the days outside the coverage (or, undeclared, the records)."""

    __slots__ = ()


_OUTSIDE = _Outside()


def covering(covered: Coverage) -> str:
    """``the trade cover 1992-01-01 to 2025-12-31``, for messages."""
    return f"the {covered.kind.replace('_', ' ')} cover {covered.start} to {covered.end}"


def describe_years(years: Iterable[int]) -> str:
    """``1992–1995, 2000`` for the years 1992, 1993, 1994, 1995 and 2000."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs) or "none"


@final
class IntervalIndex(Generic[_R]):
    """Which of non-overlapping records (each a ``start`` and inclusive ``end``) held on a day.

    ``records`` are in order of ``start``; ``covered`` is their series'
    coverage. :meth:`at` gives the record, None on a covered day that no
    record holds (a gap), and raises :class:`~sinorus.NoDataError` for a day
    outside the coverage; with no coverage declared, the records' own span
    is the coverage.
    """

    __slots__ = ("_label", "_records", "covered", "found", "keys", "values")

    def __init__(self, records: Sequence[_R], label: str, covered: Coverage | None = None) -> None:
        keys: list[date] = []
        values: list[Any] = [_OUTSIDE]
        for record in records:
            start: date = getattr(record, "start")  # noqa: B009  any record with a start
            if keys and values[-1] is not None:
                previous_end = getattr(values[-1], "end", None)
                if previous_end is not None and previous_end + _ONE_DAY < start:
                    keys.append(previous_end + _ONE_DAY)
                    values.append(None)
            keys.append(start)
            values.append(record)
        if records:
            last_end = getattr(records[-1], "end", None)
            if last_end is not None:
                keys.append(last_end + _ONE_DAY)
                values.append(_OUTSIDE)
        if covered is not None:
            values = [v if v is not _OUTSIDE else None for v in values]
            first = bisect_right(keys, covered.start)
            keys, values = [covered.start, *keys[first:]], [_OUTSIDE, *values[first:]]
            last = bisect_right(keys, covered.end)
            keys = [*keys[:last], covered.end + _ONE_DAY]
            values = [*values[: last + 1], _OUTSIDE]
        #: The boundaries, and what holds from each: ``values[bisect_right(keys, day)]``
        #: is the record, None (a gap) or the marker of a day outside the coverage.
        self.keys: list[date] = keys
        self.values: list[Any] = values
        #: ``values`` with None for the days outside as well: a hit needs one check.
        self.found: list[_R | None] = [None if v is _OUTSIDE else v for v in values]
        self._records = tuple(records)
        self._label = label
        self.covered = covered

    def at(self, day: date) -> _R | None:
        """The record holding on ``day``; None in a gap; :class:`NoDataError` outside."""
        value = self.values[bisect_right(self.keys, day)]
        if value is _OUTSIDE:
            raise self.outside(day)
        return value  # type: ignore[no-any-return]  # the values are records or None

    def at_or_raise(self, when: DateLike) -> _R:
        """The record holding on that day; :class:`NoDataError` in a gap or outside."""
        day = to_date(when)
        value = self.at(day)
        if value is None:
            raise NoDataError(f"no {self._label} on {day}")
        return value

    def outside(self, day: date) -> NoDataError:
        """The error for a day outside the coverage, saying what the data covers."""
        what = f"no {self._label} on {day}"
        if self.covered is not None:
            return NoDataError(f"{what}: {covering(self.covered)}")
        if not self._records:
            return NoDataError(f"{what}: the dataset has none")
        first = self.keys[0]
        if day < first:
            return NoDataError(f"{what}: the first begins on {first}")
        return NoDataError(f"{what}: the last ended on {self.keys[-1] - _ONE_DAY}")


@final
class YearIndex(Generic[_R]):
    """The record of each calendar year, for kinds with one record per ``year``.

    :meth:`get` raises :class:`~sinorus.NoDataError` saying which years
    exist, and :class:`~sinorus.QueryTypeError` for a year that is not an
    integer. Anything equal to an int the data has (a NumPy integer,
    ``2000.0``) finds that year, as in any dict.
    """

    __slots__ = ("_by_year", "_label")

    def __init__(self, records: Iterable[_R], label: str) -> None:
        self._by_year: dict[int, _R] = {getattr(r, "year"): r for r in records}  # noqa: B009
        self._label = label

    def __len__(self) -> int:
        return len(self._by_year)

    def get(self, year: int) -> _R:
        """The record of ``year``."""
        try:
            return self._by_year[year]
        except (KeyError, TypeError):
            return self._by_year[self.known(year)]

    def values(self, field: str) -> dict[int, Any]:
        """``{year: record.field}``, for the hot paths that want the figure alone."""
        return {year: getattr(record, field) for year, record in self._by_year.items()}

    def known(self, year: object) -> int:
        """``year`` as an int the data has; otherwise the error that says why not."""
        if isinstance(year, bool) or not isinstance(year, SupportsIndex):
            raise QueryTypeError(
                f"a year must be an int, got {type(year).__name__}: {shown(year)}"
            )
        as_int = operator.index(year)
        if as_int not in self._by_year:
            raise NoDataError(
                f"no {self._label} for {shown(as_int)}; the data has "
                f"{describe_years(self._by_year)}"
            )
        return as_int

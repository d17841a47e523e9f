"""The records of one kind: an immutable, typed sequence that filters itself.

>>> import sinorus
>>> exercises = sinorus.load().exercises
>>> [e.name for e in exercises.where(year=2005)]
['Peace Mission 2005']
>>> type(exercises[1:3]).__name__, exercises[1:3].covered == exercises.covered
('Series', True)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar, final, overload

from .dates import DateLike, to_date
from .errors import NoDataError, QueryError, QueryTypeError
from .index import covering
from .model import MAX_YEAR, MIN_YEAR, Coverage

if TYPE_CHECKING:
    from .kinds import Kind

__all__ = ["Series", "date_range"]

_R = TypeVar("_R")


def _bound(value: DateLike | int | None, name: str, last: bool) -> date | None:
    """A ``since`` or ``until`` as a day; a bare year means its first (or last) day."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        _check_year(value, name)
        return date(value, 12, 31) if last else date(value, 1, 1)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) == 4:
        return _bound(int(value), name, last)
    return to_date(value)  # type: ignore[arg-type]  # to_date refuses what is not a date


def _check_year(year: object, name: str = "year") -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise QueryTypeError(f"{name} must be an int, got {type(year).__name__}: {year!r}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise QueryError(f"{name} {year} is outside {MIN_YEAR}–{MAX_YEAR}")
    return year


def date_range(
    since: DateLike | int | None,
    until: DateLike | int | None,
    year: int | None,
    covered: Coverage | None = None,
) -> tuple[date | None, date | None]:
    """The days [since, until] within the calendar ``year``; None for an open end.

    A range with no day in the ``covered`` span raises :class:`~sinorus.NoDataError`.

    >>> date_range(2020, "2021-03-01", None)
    (datetime.date(2020, 1, 1), datetime.date(2021, 3, 1))
    """
    low, high = _bound(since, "since", False), _bound(until, "until", True)
    if year is not None:
        _check_year(year)
        low = max(low, date(year, 1, 1)) if low else date(year, 1, 1)
        high = min(high, date(year, 12, 31)) if high else date(year, 12, 31)
    if low is not None and high is not None and high < low:
        if year is None:
            raise QueryError(f"the range is empty: until ({high}) is before since ({low})")
        given = " and ".join(f"{n} {v}" for n, v in (("since", since), ("until", until)) if v)
        raise QueryError(f"the range is empty: no day of the year {year} is within {given}")
    if covered is not None and (
        (high is not None and high < covered.start) or (low is not None and low > covered.end)
    ):
        asked = f"the year {year}" if year is not None else f"{low or '…'} to {high or '…'}"
        raise NoDataError(f"{asked} is outside the data's coverage: {covering(covered)}")
    return low, high


def _matcher(kind: Kind, keyword: str, field: str, wanted: object) -> Any:
    """A test of one record's ``field`` against what a filter asked for."""
    from .fields import fields_of

    spec = {f.name: f for f in fields_of(kind.record)}[field]
    if spec.shape == "enum":
        members: type[enum.Enum] = spec.item  # type: ignore[assignment]
        if not isinstance(wanted, members):
            if not isinstance(wanted, str):
                raise QueryTypeError(
                    f"{keyword} must be a {members.__name__} or a string, "
                    f"got {type(wanted).__name__}"
                )
            try:
                wanted = members(wanted)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in members)
                raise QueryError(
                    f"unknown {keyword} {wanted!r}; expected one of {allowed}"
                ) from None
        return lambda record: getattr(record, field) is wanted
    if not isinstance(wanted, str):
        raise QueryTypeError(f"{keyword} must be a string, got {type(wanted).__name__}")
    folded = wanted.casefold()
    if spec.shape == "names":
        return lambda record: any(name.casefold() == folded for name in getattr(record, field))
    return lambda record: (getattr(record, field) or "").casefold() == folded


@final
class Series(Sequence[_R], Generic[_R]):
    """The records of one kind in a dataset, in order; read-only.

    ``covered`` is the series' declared :class:`~sinorus.Coverage` (None if
    undeclared); :meth:`where` filters, and asking about days outside the
    coverage raises. Slicing gives a ``Series`` of the same kind. A series
    equals another with the same records, and a tuple of them.

    >>> import sinorus
    >>> levels = sinorus.load().partnership_levels
    >>> levels[-1].start.year, len(levels[:2]), levels.kind.name
    (2019, 2, 'partnership_levels')
    """

    __slots__ = ("_records", "covered", "kind")

    _records: tuple[_R, ...]
    covered: Coverage | None
    kind: Kind

    def __init__(self, records: Iterable[_R], kind: Kind, covered: Coverage | None = None) -> None:
        object.__setattr__(self, "_records", tuple(records))
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "covered", covered)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Series is read-only (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Series is read-only (cannot delete {name!r})")

    @overload
    def __getitem__(self, index: int) -> _R: ...
    @overload
    def __getitem__(self, index: slice) -> Series[_R]: ...
    def __getitem__(self, index: int | slice) -> _R | Series[_R]:
        if isinstance(index, slice):
            return Series(self._records[index], self.kind, self.covered)
        return self._records[index]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[_R]:
        return iter(self._records)

    def __contains__(self, value: object) -> bool:
        return value in self._records

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Series):
            return self._records == other._records
        if isinstance(other, tuple):
            return self._records == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        return f"<Series of {len(self)} {self.kind.name}>"

    def where(
        self,
        *,
        since: DateLike | int | None = None,
        until: DateLike | int | None = None,
        year: int | None = None,
        **match: object,
    ) -> Series[_R]:
        """The records whose days overlap [since, until] (and ``year``) and match each filter.

        ``since`` and ``until`` are days (a bare year means its first or
        last day); the other keywords are the kind's filters
        (:attr:`Kind.filters <sinorus.kinds.Kind.filters>`): names match
        without regard to case, enums by value or member. A filter left None
        is not applied.

        >>> import sinorus
        >>> [a.id for a in sinorus.load().agreements.where(year=1996, party="kazakhstan")]
        ['shanghai-cbm-agreement-1996']
        """
        from .kinds import span

        low, high = date_range(since, until, year, self.covered)
        fields = dict(self.kind.filters)
        tests = []
        for keyword, wanted in match.items():
            if keyword not in fields:
                known = ", ".join(["since", "until", "year", *fields])
                raise QueryTypeError(
                    f"{self.kind.name} have no filter {keyword!r}; the filters are {known}"
                )
            if wanted is not None:
                tests.append(_matcher(self.kind, keyword, fields[keyword], wanted))
        kind = self.kind
        kept = []
        for record in self._records:
            if low is not None or high is not None:
                first, last = span(kind, record)
                if (high is not None and first > high) or (low is not None and last < low):
                    continue
            if all(test(record) for test in tests):
                kept.append(record)
        return Series(kept, kind, self.covered)

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
import functools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar, final, overload

from .dates import DateLike, to_date
from .errors import NoDataError, QueryError, QueryTypeError, shown
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
        raise QueryTypeError(f"{name} must be an int, got {type(year).__name__}: {shown(year)}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise QueryError(f"{name} {shown(year)} is outside {MIN_YEAR}–{MAX_YEAR}")
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


#: The fields whose values are countries or people, found by any of their names.
_COUNTRY_FIELDS = frozenset({"parties", "participants", "supplier", "recipient", "country"})
_PERSON_FIELDS = frozenset({"people", "signatories"})


def _vocabulary(kind: Kind, field: str) -> str | None:
    """``"country"``, ``"person"`` or None: what the names in ``field`` of ``kind`` are."""
    if field in _COUNTRY_FIELDS:
        return "country"
    if field in _PERSON_FIELDS or (kind.name == "leaders" and field == "name"):
        return "person"
    return None


def _values(records: Iterable[Any], field: str, many: bool) -> set[str]:
    """Every value of ``field`` in ``records``, as they are written."""
    if many:
        return {name for record in records for name in getattr(record, field)}
    return {value for record in records if (value := getattr(record, field)) is not None}


@functools.cache
def _bundled_people() -> frozenset[str]:
    """The people the bundled data names: in events, as leaders and as signatories."""
    from .api import load

    data = load()
    people = {name for event in data.events for name in event.people}
    people |= {leader.name for leader in data.leaders}
    people |= {name for agreement in data.agreements for name in agreement.signatories}
    return frozenset(people)


def _words(name: str) -> set[str]:
    from .countries import normalized

    parts = normalized(name).split()
    return {*parts, *(piece for part in parts for piece in part.split("-") if piece)}


def _accepted(
    kind: Kind, keyword: str, field: str, wanted: object, present: set[str]
) -> frozenset[str] | None:
    """The names (normalized) a filter on countries or people accepts; None for other fields.

    A country is found by any of its names or codes (:func:`sinorus.country`),
    a number being a COW code. A person is found by the full name or by one
    or more words of it (a surname, say) that fit one person only. A name written
    exactly as in the records (``present``) is always accepted; any other unknown name
    raises :class:`~sinorus.UnknownNameError`, saying what comes closest.
    """
    vocabulary = _vocabulary(kind, field)
    if vocabulary is None:
        return None
    from .countries import UnknownNameError, did_you_mean, names_of, normalized

    if vocabulary == "country" and isinstance(wanted, int) and not isinstance(wanted, bool):
        codes = names_of(wanted)
        if codes is None:
            raise UnknownNameError(
                f"unknown {keyword} {wanted!r}: no country in sinorus.countries() has that COW code"
            )
        return codes
    if not isinstance(wanted, str):
        expected = "a string or a COW code" if vocabulary == "country" else "a string"
        raise QueryTypeError(f"{keyword} must be {expected}, got {type(wanted).__name__}")
    folded = normalized(wanted)
    if vocabulary == "country":
        names = names_of(wanted)
        if names is not None:
            return names | {folded}
        if any(normalized(value) == folded for value in present):
            return frozenset({folded})
        from .countries import countries

        known = [*present, *(name for c in countries() for name in c.names)]
        hint = did_you_mean(wanted, known) or "; sinorus.countries() lists the countries known"
        raise UnknownNameError(
            f"unknown {keyword} {wanted!r}: neither a country nor a name in the {kind.name}{hint}"
        )
    if any(normalized(value) == folded for value in present):
        return frozenset({folded})
    people = present | _bundled_people()
    if any(normalized(name) == folded for name in people):
        return frozenset({folded})  # a person the data knows, who is not in these records
    asked = set(folded.split())
    fitting = sorted(name for name in people if asked <= _words(name))
    if len(fitting) == 1:
        return frozenset({normalized(fitting[0])})
    if fitting:
        raise QueryError(
            f"{keyword} {wanted!r} could be any of {', '.join(map(repr, fitting))}; "
            "give the full name"
        )
    raise UnknownNameError(
        f"unknown {keyword} {wanted!r}: no such person in the data"
        + did_you_mean(wanted, people, by_word=True)
    )


def _matcher(kind: Kind, keyword: str, field: str, wanted: object, records: Sequence[Any]) -> Any:
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
    many = spec.shape == "names"
    if _vocabulary(kind, field) is not None:
        from .countries import normalized

        present = _values(records, field, many)
        accepted = _accepted(kind, keyword, field, wanted, present) or frozenset()
        # the values as the records write them, so that each record costs a set lookup
        written = frozenset(value for value in present if normalized(value) in accepted)
        if many:
            return lambda record: not written.isdisjoint(getattr(record, field))
        return lambda record: getattr(record, field) in written
    if not isinstance(wanted, str):
        raise QueryTypeError(f"{keyword} must be a string, got {type(wanted).__name__}")
    folded = wanted.casefold()
    if many:
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

        A filter on countries (party, participant, supplier, country) takes
        any name or code :func:`sinorus.country` knows, or a COW number,
        which matches every state that held it; one on people (person, a
        leader's name) takes a full name or one word of it that fits one
        person only. A name that is neither known nor in the records raises
        :class:`~sinorus.UnknownNameError` with the closest names; a known
        one with no records gives an empty series.

        >>> import sinorus
        >>> [a.id for a in sinorus.load().agreements.where(year=1996, party="kazakhstan")]
        ['shanghai-cbm-agreement-1996']
        >>> soviet = sinorus.load().agreements.where(year=1950, party="USSR")
        >>> "treaty-of-friendship-1950" in [a.id for a in soviet]
        True
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
                tests.append(_matcher(self.kind, keyword, fields[keyword], wanted, self._records))
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

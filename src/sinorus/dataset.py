"""The :class:`Dataset`: records in chronological order, their indexes, and every query.

All query logic lives here; the module-level functions of :mod:`sinorus`
call these methods on the bundled dataset, so a user's own dataset behaves
exactly the same.

>>> import sinorus
>>> ds = sinorus.load()
>>> ds.partnership_level_at("18 March 2014").name
'comprehensive strategic partnership of coordination'
>>> round(ds.trade_growth_factor(2000, 2010), 2)
6.94
"""

from __future__ import annotations

import operator
import os
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Self, SupportsIndex, TypeAlias, TypeVar, final

from .dates import DateLike, to_date
from .errors import DataError, NoDataError, QueryError
from .model import (
    MAX_YEAR,
    MIN_YEAR,
    Agreement,
    AgreementKind,
    ArmsComparison,
    ArmsTransfer,
    Coverage,
    Event,
    EventKind,
    Exercise,
    Leader,
    PartnershipLevel,
    Phase,
    TradeRecord,
)
from .validation import SECTIONS, find_problems

if TYPE_CHECKING:
    import pandas as pd

    from .state import Snapshot

__all__ = ["Agreements", "Dataset", "DatedRecord", "Events", "Exercises", "Record"]

#: Any record a dataset holds.
Record: TypeAlias = (
    Phase
    | PartnershipLevel
    | Agreement
    | Exercise
    | Event
    | TradeRecord
    | ArmsComparison
    | ArmsTransfer
    | Leader
)
#: A record with a ``start`` date, as :meth:`Dataset.timeline` returns them.
DatedRecord: TypeAlias = Phase | PartnershipLevel | Agreement | Exercise | Event | Leader

_R = TypeVar("_R", bound=DatedRecord)
_ONE_DAY = timedelta(days=1)
_by_start = operator.attrgetter("start", "id")


def _last_day(record: DatedRecord) -> date:
    end = getattr(record, "end", None)
    return record.start if end is None else end


def _overlapping(
    records: Iterable[_R],
    since: DateLike | None,
    until: DateLike | None,
    year: int | None,
    covered: Coverage | None = None,
) -> Iterable[_R]:
    """Records whose days overlap the range [since, until] (and the calendar ``year``).

    A range with no day in the ``covered`` span raises :class:`NoDataError`.
    """
    low = to_date(since) if since is not None else None
    high = to_date(until) if until is not None else None
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise QueryError(f"year must be an int, got {type(year).__name__}: {year!r}")
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise QueryError(f"year {year} is outside {MIN_YEAR}–{MAX_YEAR}")
        low = max(low, date(year, 1, 1)) if low else date(year, 1, 1)
        high = min(high, date(year, 12, 31)) if high else date(year, 12, 31)
    if low is not None and high is not None and high < low:
        raise QueryError(f"the range is empty: until ({high}) is before since ({low})")
    if covered is not None and (
        (high is not None and high < covered.start) or (low is not None and low > covered.end)
    ):
        asked = f"the year {year}" if year is not None else f"{low or '…'} to {high or '…'}"
        raise NoDataError(f"{asked} is outside the data's coverage: {_covering(covered)}")
    return _within(records, low, high)


def _within(records: Iterable[_R], low: date | None, high: date | None) -> Iterable[_R]:
    for record in records:
        if (high is None or record.start <= high) and (low is None or _last_day(record) >= low):
            yield record


def _covering(covered: Coverage) -> str:
    series = covered.series.replace("_", " ")
    return f"the {series} cover {covered.start} to {covered.end}"


def _matches(wanted: str | None, names: Sequence[str]) -> bool:
    if wanted is None:
        return True
    if not isinstance(wanted, str):
        raise QueryError(f"a name filter must be a string, got {type(wanted).__name__}")
    folded = wanted.casefold()
    return any(name.casefold() == folded for name in names)


def _kind(value: Any, enum: type[AgreementKind] | type[EventKind]) -> Any:
    if value is None or isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in enum)
        raise QueryError(f"unknown kind {value!r}; expected one of {allowed}") from None


class _Records(tuple[_R, ...]):
    """A tuple of records in chronological order that can also be called to filter itself.

    It carries its series' :class:`Coverage` (if declared), so that a filter
    asking about days outside it raises; like the records, it is read-only.
    """

    covered: Coverage | None = None

    def __new__(cls, records: Iterable[_R] = (), covered: Coverage | None = None) -> Self:
        self = super().__new__(cls, records)
        if covered is not None:
            object.__setattr__(self, "covered", covered)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _select(
        self,
        keep: Callable[[_R], bool],
        since: DateLike | None,
        until: DateLike | None,
        year: int | None,
    ) -> Self:
        selected = _overlapping(self, since, until, year, self.covered)
        return type(self)((r for r in selected if keep(r)), self.covered)


@final
class Agreements(_Records[Agreement]):
    """The agreements of a dataset, oldest first; call it to filter.

    >>> import sinorus
    >>> [a.id for a in sinorus.load().agreements(year=1996, party="Kazakhstan")]
    ['shanghai-cbm-agreement-1996']
    """

    def __call__(
        self,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        year: int | None = None,
        party: str | None = None,
        kind: AgreementKind | str | None = None,
    ) -> Agreements:
        """Agreements signed in the range (or ``year``) with ``party`` among the parties."""
        wanted = _kind(kind, AgreementKind)
        return self._select(
            lambda a: _matches(party, a.parties) and (wanted is None or a.kind is wanted),
            since,
            until,
            year,
        )


@final
class Exercises(_Records[Exercise]):
    """The exercises of a dataset, oldest first; call it to filter.

    >>> import sinorus
    >>> sinorus.load().exercises(year=2005)[0].name
    'Peace Mission 2005'
    """

    def __call__(
        self,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        year: int | None = None,
        participant: str | None = None,
        series: str | None = None,
    ) -> Exercises:
        """Exercises under way in the range (or ``year``), by participant and series."""
        return self._select(
            lambda e: (
                _matches(participant, e.participants)
                and _matches(series, (e.series,) if e.series else ())
            ),
            since,
            until,
            year,
        )


@final
class Events(_Records[Event]):
    """The events of a dataset, oldest first; call it to filter.

    >>> import sinorus
    >>> [e.id for e in sinorus.load().events(year=1969, kind="clash")]
    ['zhenbao-island-clash-1969', 'zhalanashkol-tielieketi-clash-1969']
    """

    def __call__(
        self,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        year: int | None = None,
        kind: EventKind | str | None = None,
        person: str | None = None,
    ) -> Events:
        """Events under way in the range (or ``year``), by kind and by person involved."""
        wanted = _kind(kind, EventKind)
        return self._select(
            lambda e: _matches(person, e.people) and (wanted is None or e.kind is wanted),
            since,
            until,
            year,
        )


def _interval_index(
    records: Sequence[_R], covered: Coverage | None
) -> tuple[list[date], list[_R | None]]:
    """Boundaries and what holds from each one, so a lookup is one ``bisect_right``.

    ``values[i]`` holds on days from ``keys[i - 1]`` up to the day before
    ``keys[i]``; gaps, the time before the first record and the days outside
    the ``covered`` span map to None.
    """
    keys: list[date] = []
    values: list[_R | None] = [None]
    for record in records:
        if keys and values[-1] is not None:
            previous_end = getattr(values[-1], "end", None)
            if previous_end is not None and previous_end + _ONE_DAY < record.start:
                keys.append(previous_end + _ONE_DAY)
                values.append(None)
        keys.append(record.start)
        values.append(record)
    if records:
        last_end = getattr(records[-1], "end", None)
        if last_end is not None:
            keys.append(last_end + _ONE_DAY)
            values.append(None)
    if covered is not None:
        first = bisect_right(keys, covered.start)
        keys, values = [covered.start, *keys[first:]], [None, *values[first:]]
        last = bisect_right(keys, covered.end)
        keys, values = [*keys[:last], covered.end + _ONE_DAY], [*values[: last + 1], None]
    return keys, values


_SERIES = tuple(SECTIONS)


def _merged_coverage(mine: dict[str, Coverage], theirs: dict[str, Coverage]) -> list[Coverage]:
    merged = dict(mine)
    for series, span in theirs.items():
        have = merged.get(series)
        if have is None:
            merged[series] = span
            continue
        merged[series] = Coverage(
            series=series,
            start=min(have.start, span.start),
            end=max(have.end, span.end),
            complete=have.complete and span.complete,
            notes="\n\n".join(n for n in (have.notes, span.notes) if n),
        )
    return list(merged.values())


def _series_order(span: Coverage) -> int:
    return _SERIES.index(span.series)


def _years(years: Iterable[int]) -> str:
    """``1992–1995, 2000`` for the years 1992, 1993, 1994, 1995 and 2000."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs) or "none"


@final
class Dataset:
    """Records of China–Russia relations with their indexes and queries.

    Building a dataset checks every rule that holds across records and
    raises :class:`~sinorus.DataError` listing all problems; nothing is kept
    from a dataset that fails. Records are sorted chronologically (trade by
    year); ``source`` names where they came from, for messages.

    >>> import sinorus
    >>> from datetime import date
    >>> source = sinorus.Source(title="My notes", url="https://example.org")
    >>> mine = sinorus.Dataset(trade=[sinorus.TradeRecord(
    ...     id="t-1999", name="Trade, 1999", year=1999, total_usd_bn=5.7, sources=(source,))])
    >>> mine.trade_volume(1999)
    5.7
    """

    __slots__ = (
        "_agreements",
        "_arms",
        "_arms_by_year",
        "_by_id",
        "_coverage",
        "_data_version",
        "_events",
        "_exercises",
        "_leaders",
        "_level_keys",
        "_level_values",
        "_levels",
        "_loader",
        "_phase_keys",
        "_phase_values",
        "_phases",
        "_source",
        "_trade",
        "_volume_by_year",
    )

    def __init__(
        self,
        *,
        phases: Iterable[Phase] = (),
        partnership_levels: Iterable[PartnershipLevel] = (),
        agreements: Iterable[Agreement] = (),
        exercises: Iterable[Exercise] = (),
        events: Iterable[Event] = (),
        trade: Iterable[TradeRecord] = (),
        arms: Iterable[ArmsComparison] = (),
        arms_transfers: Iterable[ArmsTransfer] = (),
        leaders: Iterable[Leader] = (),
        coverage: Iterable[Coverage] = (),
        data_version: str | None = None,
        source: str | None = None,
    ) -> None:
        sections: dict[str, tuple[Any, ...]] = {
            "phases": tuple(phases),
            "partnership_levels": tuple(partnership_levels),
            "agreements": tuple(agreements),
            "exercises": tuple(exercises),
            "events": tuple(events),
            "trade": tuple(trade),
            "arms": tuple(arms),
            "arms_transfers": tuple(arms_transfers),
            "leaders": tuple(leaders),
        }
        spans = tuple(coverage)
        problems = find_problems(sections, spans)
        if problems:
            raise DataError(problems, file=source)
        self._coverage = {span.series: span for span in sorted(spans, key=_series_order)}
        covered = self._coverage.get

        def chronological(records: tuple[Any, ...]) -> list[Any]:
            return sorted(records, key=_by_start)

        self._phases: tuple[Phase, ...] = tuple(chronological(sections["phases"]))
        self._levels: tuple[PartnershipLevel, ...] = tuple(
            chronological(sections["partnership_levels"])
        )
        self._agreements = Agreements(chronological(sections["agreements"]), covered("agreements"))
        self._exercises = Exercises(chronological(sections["exercises"]), covered("exercises"))
        self._events = Events(chronological(sections["events"]), covered("events"))
        self._trade: tuple[TradeRecord, ...] = tuple(
            sorted(sections["trade"], key=lambda r: r.year)
        )
        self._arms: tuple[ArmsComparison, ...] = tuple(
            sorted(sections["arms"], key=lambda r: (r.start_year, r.id))
        )
        self._leaders: tuple[Leader, ...] = tuple(chronological(sections["leaders"]))
        self._data_version = data_version
        self._source = source
        self._by_id: dict[str, Record] = {r.id: r for rs in sections.values() for r in rs}
        self._phase_keys, self._phase_values = _interval_index(self._phases, covered("phases"))
        self._level_keys, self._level_values = _interval_index(
            self._levels, covered("partnership_levels")
        )
        self._volume_by_year = {r.year: r.total_usd_bn for r in self._trade}
        self._arms_by_year: dict[int, ArmsTransfer] = {
            r.year: r for r in sorted(sections["arms_transfers"], key=lambda r: r.year)
        }
        self._loader: tuple[Callable[[], Dataset], Callable[[Dataset], Dataset]] | None = None

    @classmethod
    def _deferred(
        cls, first: Callable[[], Dataset], complete: Callable[[Dataset], Dataset]
    ) -> Dataset:
        """A dataset that reads its records the first time it is used, in two steps.

        ``first()`` gives a dataset holding at least the phases, partnership
        levels, agreements, trade and coverage, enough for point-in-time and
        trade queries; ``complete(that)`` gives the whole dataset, read only when
        something asks for the other records. Each runs once, thread-safely.
        Its methods can be taken before anything is read, which is how the
        module-level queries of :mod:`sinorus` are this dataset's own methods.
        """
        shell = _Deferred.__new__(_Deferred)
        shell._loader = (first, complete)
        return shell

    def _complete(self) -> None:
        """Make sure every section is read (a loaded dataset always is)."""

    def __str__(self) -> str:
        from .display import dataset_text

        return dataset_text(self)

    def _repr_html_(self) -> str:
        from .display import dataset_html

        return dataset_html(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in SECTIONS)
        version = f" version {self._data_version}" if self._data_version else ""
        return f"<Dataset{version}: {counts}>"

    # --- the records --------------------------------------------------------

    @property
    def phases(self) -> tuple[Phase, ...]:
        """The phases, oldest first; together they cover every day they span.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.phases[0].name, data.phases[0].start
        ('Alliance', datetime.date(1949, 10, 1))
        """
        return self._phases

    @property
    def partnership_levels(self) -> tuple[PartnershipLevel, ...]:
        """The official designations of the relationship, oldest first.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> [level.start.year for level in data.partnership_levels]
        [1949, 1950, 1989, 1991, 1992, 1994, 1996, 2011, 2019]
        """
        return self._levels

    @property
    def agreements(self) -> Agreements:
        """The agreements, oldest first; ``agreements(party=..., year=...)`` filters them.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> [a.id for a in data.agreements(kind="treaty")]
        ['treaty-of-friendship-1950', 'treaty-of-good-neighborliness-2001']
        """
        return self._agreements

    @property
    def exercises(self) -> Exercises:
        """The joint exercises, oldest first; ``exercises(year=...)`` filters them.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> [e.name for e in data.exercises(year=2018)]
        ['Peace Mission 2018', 'Vostok 2018']
        """
        self._complete()
        return self._exercises

    @property
    def events(self) -> Events:
        """The events, oldest first; ``events(kind=..., person=...)`` filters them.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> [e.id for e in data.events(kind="vote", year=2014)]
        ['unsc-crimea-vote-2014', 'unga-68-262-vote-2014']
        """
        self._complete()
        return self._events

    @property
    def trade(self) -> tuple[TradeRecord, ...]:
        """The yearly trade figures, by year.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.trade[0].year, data.trade[-1].year
        (1992, 2024)
        """
        return self._trade

    @property
    def arms(self) -> tuple[ArmsComparison, ...]:
        """Comparisons of China's arms purchases from Russia between periods.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.arms[0].percent_higher
        258.0
        """
        self._complete()
        return self._arms

    @property
    def arms_transfers(self) -> tuple[ArmsTransfer, ...]:
        """Yearly deliveries of major arms to China (SIPRI trend-indicator values), by year.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> max(data.arms_transfers, key=lambda r: r.tiv_millions).year
        1954
        """
        self._complete()
        return tuple(self._arms_by_year.values())

    def arms_transfer(self, year: int) -> ArmsTransfer:
        """The arms delivered to China in ``year``, from the Soviet Union or Russia.

        Raises :class:`NoDataError` (saying which years exist) for a year the data lacks.

        >>> import sinorus
        >>> transfer = sinorus.load().arms_transfer(2005)
        >>> transfer.supplier, transfer.tiv_millions
        ('Russia', 3077.0)
        """
        self._complete()
        try:
            return self._arms_by_year[year]
        except (KeyError, TypeError):
            if isinstance(year, bool) or not isinstance(year, SupportsIndex):
                raise QueryError(
                    f"a year must be an int, got {type(year).__name__}: {year!r}"
                ) from None
            raise NoDataError(
                f"no arms transfer figure for {year}; the data has {_years(self._arms_by_year)}"
            ) from None

    @property
    def leaders(self) -> tuple[Leader, ...]:
        """Terms of the leaders of China, the Soviet Union and Russia, oldest first.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.leaders[-1].name
        'Xi Jinping'
        """
        self._complete()
        return self._leaders

    def leaders_at(self, when: DateLike) -> tuple[Leader, ...]:
        """The leaders in office on that day, in the order of :attr:`leaders`.

        >>> import sinorus
        >>> [leader.name for leader in sinorus.load().leaders_at("1989-05-16")]
        ['Mikhail Gorbachev', 'Zhao Ziyang']
        """
        day = to_date(when)
        self._complete()
        covered = self._coverage.get("leaders")
        if covered is not None and not covered.start <= day <= covered.end:
            raise NoDataError(f"no leaders on {day}: {_covering(covered)}")
        return tuple(
            leader
            for leader in self._leaders
            if leader.start <= day and (leader.end is None or day <= leader.end)
        )

    @property
    def coverage(self) -> tuple[Coverage, ...]:
        """The declared span of each series that has one, in the order of the file format.

        >>> import sinorus
        >>> trade = sinorus.load().coverage_of("trade")
        >>> trade.start.year, trade.end.year, trade.complete
        (1992, 2024, True)
        """
        return tuple(self._coverage.values())

    def coverage_of(self, series: str) -> Coverage | None:
        """The declared span of one series (``"trade"``, ``"exercises"``, …), None if undeclared.

        An unknown series name raises :class:`QueryError`.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.coverage_of("exercises").start
        datetime.date(2005, 1, 1)
        """
        if not isinstance(series, str) or series not in SECTIONS:
            raise QueryError(f"unknown series {series!r}; expected one of {', '.join(SECTIONS)}")
        return self._coverage.get(series)

    @property
    def data_version(self) -> str | None:
        """The version of the data (the bundled data's is its release date, ``2026.11.28.1``).

        A serial after the date counts releases made on the same day.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.data_version.startswith("2026.")
        True
        """
        return self._data_version

    def get(self, record_id: str) -> Record:
        """The record with this id, of whatever type; :class:`NoDataError` if there is none.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.get("vostok-2018").location[:13]
        'Tsugol traini'
        >>> data.get("no-such-record")
        Traceback (most recent call last):
        ...
        sinorus.errors.NoDataError: no record has id 'no-such-record'
        """
        self._complete()
        try:
            return self._by_id[record_id]
        except (KeyError, TypeError):
            raise NoDataError(f"no record has id {record_id!r}") from None

    # --- files and other datasets ---------------------------------------------

    def to_json(self, path: str | os.PathLike[str]) -> None:
        """Write the dataset to a JSON file in the format ``sinorus.load(path)`` reads.

        >>> import sinorus, tempfile, os
        >>> path = os.path.join(tempfile.mkdtemp(), "all.json")
        >>> sinorus.load().to_json(path)
        >>> sinorus.load(path).get("trade-2010").total_usd_bn
        55.5
        """
        from .io import write

        write(self, path)

    def to_frame(self, kind: str) -> pd.DataFrame:
        """One kind of record (``"exercises"``, ``"trade"``, …) as a pandas DataFrame.

        Needs the ``pandas`` extra; see :mod:`sinorus.dataframes` for the columns.

        >>> import sinorus
        >>> sinorus.load().to_frame("leaders")[["name", "country"]].iloc[-1].tolist()
        ['Xi Jinping', 'China']
        """
        from .dataframes import to_frame

        return to_frame(self, kind)

    def merge(self, other: Dataset, *, on_conflict: str = "error") -> Dataset:
        """A new dataset with the records of both; neither input changes.

        Records with the same id clash. ``on_conflict`` says what happens:
        ``"error"`` (the default) raises :class:`DataError` naming every
        clashing id, ``"replace"`` keeps ``other``'s record, ``"keep"`` keeps
        this dataset's. The result is checked like any dataset, so phases or
        levels that overlap across the two are refused. A series declared in
        both covers the span from the earlier start to the later end, and is
        complete only if both are.

        >>> import sinorus
        >>> mine = sinorus.Dataset(trade=[])
        >>> len(sinorus.load().merge(mine).trade) == len(sinorus.load().trade)
        True
        """
        if not isinstance(other, Dataset):
            raise QueryError(f"can only merge a Dataset, got {type(other).__name__}")
        if on_conflict not in ("error", "replace", "keep"):
            raise QueryError(
                f"on_conflict must be 'error', 'replace' or 'keep', got {on_conflict!r}"
            )
        self._complete()
        other._complete()
        clashing = self._by_id.keys() & other._by_id.keys()
        if clashing and on_conflict == "error":
            raise DataError(
                [f"record {i!r}, field 'id': in both datasets" for i in sorted(clashing)],
                file=other._source,
            )
        drop_mine = clashing if on_conflict == "replace" else set()
        drop_theirs = clashing if on_conflict == "keep" else set()
        sections = {
            section: [r for r in getattr(self, section) if r.id not in drop_mine]
            + [r for r in getattr(other, section) if r.id not in drop_theirs]
            for section in SECTIONS
        }
        versions = [v for v in (self._data_version, other._data_version) if v]
        return Dataset(
            **sections,
            coverage=_merged_coverage(self._coverage, other._coverage),
            data_version="+".join(versions) or None,
            source=other._source,
        )

    # --- point-in-time queries -----------------------------------------------

    def phase_at(self, when: DateLike) -> Phase:
        """The phase on that day.

        Raises :class:`NoDataError` for a day outside the phases' coverage.

        >>> import sinorus
        >>> sinorus.load().phase_at("2 March 1969").id
        'split'
        """
        if type(when) is not date:
            when = to_date(when)
        phase = self._phase_values[bisect_right(self._phase_keys, when)]
        if phase is None:
            raise self._no_record("phases", "phase", when)
        return phase

    def partnership_level_at(self, when: DateLike) -> PartnershipLevel:
        """The official designation in force on that day (a change counts from its own date).

        Raises :class:`NoDataError` for a day outside the levels' coverage, or
        in a gap between two levels of a dataset that has one.

        >>> import sinorus
        >>> sinorus.load().partnership_level_at("1995-06-01").name
        'constructive partnership'
        """
        if type(when) is not date:
            when = to_date(when)
        level = self._level_values[bisect_right(self._level_keys, when)]
        if level is None:
            raise self._no_record("partnership_levels", "partnership level", when)
        return level

    def _no_record(self, series: str, what: str, day: date) -> NoDataError:
        covered = self._coverage.get(series)
        if covered is not None and not covered.start <= day <= covered.end:
            return NoDataError(f"no {what} on {day}: {_covering(covered)}")
        records: tuple[Phase | PartnershipLevel, ...] = getattr(self, series)
        if not records:
            return NoDataError(f"no {what} on {day}: the dataset has no {series}")
        if day < records[0].start:
            return NoDataError(f"no {what} on {day}: the first begins on {records[0].start}")
        before = [r for r in records if r.start <= day][-1]
        return NoDataError(f"no {what} on {day}: {before.id!r} ended on {before.end}")

    def state_at(self, when: DateLike) -> Snapshot:
        """What held on that day: phase, level, agreements in force, trade, exercises so far.

        >>> import sinorus
        >>> [a.id for a in sinorus.load().state_at("1970-01-01").agreements_in_force]
        ['treaty-of-friendship-1950']
        """
        from .state import snapshot

        return snapshot(self, to_date(when))

    # --- trade ----------------------------------------------------------------

    def trade_volume(self, year: int) -> float:
        """Total trade in ``year``, in billions of US dollars.

        Raises :class:`NoDataError` (saying which years exist) for a year the
        data lacks, :class:`QueryError` for a year that is not an integer.
        Anything equal to an int the data has (a NumPy integer, ``2000.0``)
        finds that year, as in any dict.

        >>> import sinorus
        >>> sinorus.load().trade_volume(2024)
        244.81
        """
        try:
            return self._volume_by_year[year]
        except (KeyError, TypeError):
            return self._volume_by_year[self._known_year(year)]

    def trade_growth_factor(self, start_year: int, end_year: int) -> float:
        """How many times larger trade was in ``end_year`` than in ``start_year``.

        >>> import sinorus
        >>> round(sinorus.trade_growth_factor(2000, 2010), 3)
        6.938
        """
        volumes = self._volume_by_year
        try:
            return volumes[end_year] / volumes[start_year]
        except (KeyError, TypeError, ZeroDivisionError):
            first = volumes[self._known_year(start_year)]
            last = volumes[self._known_year(end_year)]
        if not first:
            raise QueryError(f"trade in {start_year} was zero: no growth factor")
        return last / first

    def _known_year(self, year: object) -> int:
        """``year`` as an int the trade data has; otherwise the error that says why not."""
        if isinstance(year, bool) or not isinstance(year, SupportsIndex):
            raise QueryError(f"a year must be an int, got {type(year).__name__}: {year!r}")
        as_int = operator.index(year)
        if as_int not in self._volume_by_year:
            raise NoDataError(
                f"no trade figure for {as_int}; the data has {_years(self._volume_by_year)}"
            )
        return as_int

    # --- everything in order ---------------------------------------------------

    def timeline(
        self, since: DateLike | None = None, until: DateLike | None = None
    ) -> tuple[DatedRecord, ...]:
        """Every dated record whose days overlap [since, until], by start date.

        >>> import sinorus
        >>> [r.id for r in sinorus.load().timeline("1989-05-15", "1989-05-31")]
        ['detente', 'gorbachev-general-secretary-1985', 'zhao-ziyang-general-secretary-1987',
         'sino-soviet-summit-1989', 'normalized-relations', 'normalized-relations-1989',
         'sino-soviet-joint-communique-1989']
        """
        self._complete()
        merged: list[DatedRecord] = [
            *self._phases,
            *self._levels,
            *self._agreements,
            *self._exercises,
            *self._events,
            *self._leaders,
        ]
        merged.sort(key=_by_start)
        return tuple(_overlapping(merged, since, until, None))


class _Deferred(Dataset):  # type: ignore[misc]  # a stage of loading, not a kind of dataset
    """A :class:`Dataset` before its first use: the first attribute it lacks reads the data.

    The first read fills the sections point-in-time and trade queries need
    and turns it into a :class:`_Partial`; a class with ``__getattr__``
    would slow every later attribute lookup.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        if name not in _DATA_SLOTS:
            raise AttributeError(f"'Dataset' object has no attribute {name!r}")
        self._read_first()
        if name not in _FIRST_SLOTS:
            self._complete()
        return object.__getattribute__(self, name)

    def _read_first(self) -> None:
        with _LOADING:
            if type(self) is _Deferred:
                assert self._loader is not None
                _fill(self, self._loader[0](), _FIRST_SLOTS)
                object.__setattr__(self, "__class__", _Partial)

    def _complete(self) -> None:
        self._read_first()
        _read_rest(self)


class _Partial(Dataset):  # type: ignore[misc]  # a stage of loading, not a kind of dataset
    """A :class:`Dataset` whose phases, levels, agreements, trade and coverage are read.

    Every method that uses the other sections calls :meth:`_complete` first,
    which reads them and turns this into a plain :class:`Dataset`.
    """

    __slots__ = ()

    def _complete(self) -> None:
        _read_rest(self)


def _read_rest(partial: Dataset) -> None:
    with _LOADING:
        if type(partial) is not Dataset:
            assert partial._loader is not None
            whole = partial._loader[1](partial)
            _fill(partial, whole, _DATA_SLOTS)
            object.__setattr__(partial, "__class__", Dataset)


def _fill(target: Dataset, source: Dataset, slots: frozenset[str]) -> None:
    for slot in slots:
        object.__setattr__(target, slot, object.__getattribute__(source, slot))


_DATA_SLOTS = frozenset(Dataset.__slots__) - {"_loader"}
# What the second part of a deferred dataset fills; the first part fills the rest.
_REST_SLOTS = frozenset({"_arms", "_arms_by_year", "_by_id", "_events", "_exercises", "_leaders"})
_FIRST_SLOTS = _DATA_SLOTS - _REST_SLOTS
_LOADING = threading.RLock()

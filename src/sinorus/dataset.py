"""The :class:`Dataset`: records of every kind, their indexes, and every query.

All query logic lives here; the module-level functions of :mod:`sinorus`
call these methods on the bundled dataset, so a user's own dataset behaves
exactly the same. What a dataset holds is declared once, in
:data:`sinorus.kinds.KINDS`.

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
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar, final, overload

from .dates import DateLike, to_date
from .errors import DataError, NoDataError, QueryError, QueryTypeError
from .index import IntervalIndex, YearIndex
from .kinds import KIND, KIND_OF, KINDS, Kind, sort_key, span
from .model import (
    MAX_YEAR,
    Agreement,
    ArmsComparison,
    ArmsTransfer,
    Coverage,
    Event,
    Exercise,
    Leader,
    PartnershipLevel,
    Phase,
    TradeRecord,
    TradeToDate,
)
from .series import Series, date_range
from .validation import find_problems

if TYPE_CHECKING:
    import pandas as pd

    from .state import Snapshot

__all__ = ["Dataset", "DatedRecord", "Record"]

#: Any record a dataset holds (a test keeps it equal to the declared kinds).
Record: TypeAlias = (
    Phase
    | PartnershipLevel
    | Agreement
    | Exercise
    | Event
    | TradeRecord
    | TradeToDate
    | ArmsComparison
    | ArmsTransfer
    | Leader
)
#: A record with a ``start`` day, as :meth:`Dataset.timeline` returns them.
DatedRecord: TypeAlias = Phase | PartnershipLevel | Agreement | Exercise | Event | Leader

_R = TypeVar("_R")
_T = TypeVar("_T")
_MISSING: Any = object()
_ID = operator.attrgetter("id")
# The slots holding the lookups of the kinds with their own point-in-time query.
_POINTS = {"phases": "_phase_points", "partnership_levels": "_level_points"}
# Reads the kinds a lazily built dataset does not hold yet: kind name -> records.
_Reader: TypeAlias = Callable[[], Mapping[str, Iterable[Any]]]


@final
class _Section(Generic[_R]):
    """``Dataset.phases`` and the like: the typed attribute of one declared kind."""

    def __init__(self, record: type[_R]) -> None:
        kind = KIND_OF[record]
        self.name = kind.name
        self.__doc__ = (
            f"The {kind.name.replace('_', ' ')} "
            f"(:class:`~sinorus.{record.__name__}`), in order.\n\n"
            f">>> import sinorus\n>>> len(sinorus.load().{kind.name}) > 0\nTrue"
        )

    @overload
    def __get__(self, dataset: None, owner: type) -> _Section[_R]: ...
    @overload
    def __get__(self, dataset: Dataset, owner: type) -> Series[_R]: ...
    def __get__(self, dataset: Dataset | None, owner: type) -> Series[_R] | _Section[_R]:
        if dataset is None:
            return self
        return dataset[self.name]


def _records(name: str, given: Iterable[Any]) -> tuple[Any, ...]:
    """``given`` as a tuple, refusing what is not a collection of records."""
    if isinstance(given, (str, bytes, Mapping)) or not isinstance(given, Iterable):
        raise QueryTypeError(
            f"{name} must be records in a list or tuple, got {type(given).__name__}"
        )
    return tuple(given)


def _whole_span(kind: Kind, records: tuple[Any, ...]) -> Coverage | None:
    """The span of ``records`` as a coverage, for a kind that declares none."""
    if not records:
        return None
    spans = [span(kind, r) for r in records]
    last = max(end for _, end in spans)
    return Coverage(
        kind=kind.name,
        start=min(start for start, _ in spans),
        end=min(last, date(MAX_YEAR, 12, 31)),
        complete=False,
    )


def _merged_coverage(mine: Iterable[Coverage], theirs: Iterable[Coverage]) -> list[Coverage]:
    merged = {covered.kind: covered for covered in mine}
    for covered in theirs:
        have = merged.get(covered.kind)
        merged[covered.kind] = (
            covered
            if have is None
            else Coverage(
                kind=covered.kind,
                start=min(have.start, covered.start),
                end=max(have.end, covered.end),
                complete=have.complete and covered.complete,
                notes="\n\n".join(n for n in (have.notes, covered.notes) if n),
            )
        )
    return list(merged.values())


@final
class Dataset:
    """Records of China–Russia relations with their indexes and queries.

    Give the records by kind, as keywords (``trade=[...]``) or as one
    mapping. Building a dataset checks every rule that holds across records
    and raises :class:`~sinorus.DataError` listing all problems; nothing is
    kept from a dataset that fails. Each kind is a :class:`~sinorus.Series`
    in chronological order (yearly kinds by year); ``source`` names where
    the records came from, for messages.

    >>> import sinorus
    >>> source = sinorus.Source(title="My notes", url="https://example.org")
    >>> mine = sinorus.Dataset(trade=[sinorus.TradeRecord(
    ...     id="t-1999", name="Trade, 1999", year=1999, total_usd_bn=5.7, sources=(source,))])
    >>> mine.trade_volume(1999)
    5.7
    """

    __slots__ = (
        "_by_id",
        "_coverage",
        "_data_version",
        "_indexes",
        "_kinds",
        "_level_points",
        "_lock",
        "_pending",
        "_phase_points",
        "_source",
        "_volumes",
    )

    phases = _Section(Phase)
    partnership_levels = _Section(PartnershipLevel)
    agreements = _Section(Agreement)
    exercises = _Section(Exercise)
    events = _Section(Event)
    trade = _Section(TradeRecord)
    trade_to_date = _Section(TradeToDate)
    arms = _Section(ArmsComparison)
    arms_transfers = _Section(ArmsTransfer)
    leaders = _Section(Leader)

    def __init__(
        self,
        records: Mapping[str, Iterable[Any]] | None = None,
        *,
        coverage: Iterable[Coverage] = (),
        data_version: str | None = None,
        source: str | None = None,
        **kinds: Iterable[Any],
    ) -> None:
        if records is not None and not isinstance(records, Mapping):
            raise QueryTypeError(
                f"records must be a mapping of kind to records, got {type(records).__name__}"
            )
        given = {**(records or {}), **kinds}
        unknown = sorted(set(given) - KIND.keys(), key=str)
        if unknown:
            raise QueryTypeError(
                f"unknown kind {unknown[0]!r}; the kinds are {', '.join(KIND)}"
            )
        for name, value in (("data_version", data_version), ("source", source)):
            if value is not None and not isinstance(value, str):
                raise QueryTypeError(f"{name} must be a string, got {type(value).__name__}")
        self._start(
            {kind.name: _records(kind.name, given.get(kind.name, ())) for kind in KINDS},
            _records("coverage", coverage),
            data_version,
            source,
        )

    @classmethod
    def _lazy(
        cls,
        first: Mapping[str, Iterable[Any]],
        rest: _Reader,
        *,
        coverage: Iterable[Coverage],
        data_version: str | None,
        source: str | None,
    ) -> Dataset:
        """A dataset of the kinds in ``first``; ``rest()`` reads the others when first needed.

        Reading happens once, under a lock, and checks the records read as
        any dataset's are; the dataset is the same object before and after.
        """
        self = cls.__new__(cls)
        self._start(
            {name: tuple(records) for name, records in first.items()},
            tuple(coverage),
            data_version,
            source,
            pending=rest,
        )
        return self

    def _start(
        self,
        sections: dict[str, tuple[Any, ...]],
        coverage: tuple[Coverage, ...],
        data_version: str | None,
        source: str | None,
        pending: _Reader | None = None,
    ) -> None:
        problems = find_problems(sections, coverage)
        if problems:
            raise DataError(problems, file=source)
        order = list(KIND)
        self._coverage = {
            span.kind: span for span in sorted(coverage, key=lambda c: order.index(c.kind))
        }
        self._data_version = data_version
        self._source = source
        self._kinds: dict[str, Series[Any]] = {}
        self._indexes: dict[str, Any] = {}
        # The two point-in-time indexes' (keys, found), read by the hottest queries
        # without a dict lookup; empty until their kind is read.
        self._phase_points: tuple[list[date], list[Any]] = ([], [None])
        self._level_points: tuple[list[date], list[Any]] = ([], [None])
        self._by_id: dict[str, Record] = {}
        self._volumes: dict[int, float] = {}
        self._pending = pending
        self._lock = threading.Lock() if pending is not None else None
        self._add(sections)

    def _add(self, sections: Mapping[str, tuple[Any, ...]]) -> None:
        """Sort, index and keep the records of ``sections`` (already checked)."""
        for name, records in sections.items():
            kind = KIND[name]
            ordered = tuple(sorted(records, key=sort_key(kind)))
            covered = self._coverage.get(name)
            if kind.shape == "interval":
                if kind.group_by:
                    groups: dict[tuple[Any, ...], list[Any]] = {}
                    for record in ordered:
                        group = tuple(getattr(record, f) for f in kind.group_by)
                        groups.setdefault(group, []).append(record)
                    bounds = covered or _whole_span(kind, ordered)
                    self._indexes[name] = [
                        IntervalIndex(terms, kind.label, bounds) for terms in groups.values()
                    ]
                else:
                    index = self._indexes[name] = IntervalIndex(ordered, kind.label, covered)
                    if name in _POINTS:
                        setattr(self, _POINTS[name], (index.keys, index.found))
            elif kind.shape == "yearly":
                self._indexes[name] = YearIndex(ordered, kind.label)
            self._by_id.update(zip(map(_ID, records), records, strict=True))
            self._kinds[name] = Series(ordered, kind, covered)
        if "trade" in sections:
            self._volumes = self._index("trade").values("total_usd_bn")

    def _read_rest(self) -> None:
        """Read the kinds a lazily built dataset does not hold yet (once, thread-safely)."""
        if self._lock is None:
            return
        with self._lock:
            if self._pending is None:
                return
            sections = {name: tuple(records) for name, records in self._pending().items()}
            problems = find_problems(sections, tuple(self._coverage.values()), self._kinds)
            if problems:
                raise DataError(problems, file=self._source)
            self._add(sections)
            self._pending = None

    # --- the records ------------------------------------------------------------

    def __getitem__(self, kind: str) -> Series[Any]:
        """The records of one kind (``"exercises"``, ``"trade"``, …), in order.

        ``dataset.exercises`` is ``dataset["exercises"]``; so is
        :meth:`records` given the record class, typed. A dataset is not a
        sequence: it is indexed by kind, not iterated.

        >>> import sinorus
        >>> sinorus.load()["trade"][0].year
        1992
        """
        try:
            return self._kinds[kind]
        except (KeyError, TypeError):
            pass
        if not isinstance(kind, str):
            raise QueryTypeError(f"a kind must be a string, got {type(kind).__name__}: {kind!r}")
        if kind not in KIND:
            raise QueryError(f"unknown kind {kind!r}; the kinds are {', '.join(KIND)}")
        self._read_rest()
        return self._kinds[kind]

    __iter__ = None  # indexed by kind name, not a sequence of kinds

    def records(self, record: type[_T]) -> Series[_T]:
        """The records of one class, typed: ``dataset.records(Exercise)``.

        >>> import sinorus
        >>> sinorus.load().records(sinorus.Leader)[-1].name
        'Li Qiang'
        """
        kind = KIND_OF.get(record)
        if kind is None:
            raise QueryTypeError(f"{record!r} is not the record class of a declared kind")
        return self[kind.name]

    def _index(self, kind: str) -> Any:
        if kind not in self._indexes:
            self[kind]
        return self._indexes[kind]

    @property
    def coverage(self) -> tuple[Coverage, ...]:
        """The declared span of each kind that has one, in the order of :data:`~sinorus.KINDS`.

        >>> import sinorus
        >>> trade = sinorus.load().coverage_of("trade")
        >>> trade.start.year, trade.complete
        (1992, True)
        """
        return tuple(self._coverage.values())

    def coverage_of(self, kind: str) -> Coverage | None:
        """The declared span of one kind (``"trade"``, ``"exercises"``, …), None if undeclared.

        An unknown kind raises :class:`QueryError`.

        >>> import sinorus
        >>> sinorus.load().coverage_of("exercises").start
        datetime.date(2003, 1, 1)
        """
        if not isinstance(kind, str):
            raise QueryTypeError(f"a kind must be a string, got {type(kind).__name__}: {kind!r}")
        if kind not in KIND:
            raise QueryError(f"unknown kind {kind!r}; the kinds are {', '.join(KIND)}")
        return self._coverage.get(kind)

    @property
    def data_version(self) -> str | None:
        """The version of the data (the bundled data's is its release date, ``2026.12.02.2``).

        A serial after the date counts releases made on the same day.

        >>> import sinorus
        >>> sinorus.load().data_version.startswith("2026.")
        True
        """
        return self._data_version

    def get(self, record_id: str, default: Any = _MISSING) -> Any:
        """The record with this id, of whatever kind.

        Without a ``default``, an id no record has raises :class:`NoDataError`.

        >>> import sinorus
        >>> data = sinorus.load()
        >>> data.get("vostok-2018").location[:13]
        'Tsugol traini'
        >>> data.get("no-such-record", None) is None
        True
        >>> data.get("no-such-record")
        Traceback (most recent call last):
        ...
        sinorus.NoDataError: no record has id 'no-such-record'
        """
        self._read_rest()
        try:
            return self._by_id[record_id]
        except (KeyError, TypeError):
            if default is not _MISSING:
                return default
            if not isinstance(record_id, str):
                raise QueryTypeError(
                    f"an id must be a string, got {type(record_id).__name__}: {record_id!r}"
                ) from None
            raise NoDataError(f"no record has id {record_id!r}") from None

    def __str__(self) -> str:
        from .display import dataset_text

        return dataset_text(self)

    def _repr_html_(self) -> str:
        from .display import dataset_html

        return dataset_html(self)

    def __repr__(self) -> str:
        # Counts what is read; showing a dataset does not read the rest of the bundled data.
        counts = [f"{len(self._kinds[kind.name])} {kind.name}" for kind in KINDS
                  if kind.name in self._kinds]
        unread = len(KINDS) - len(counts)
        if unread:
            counts.append(f"{unread} kinds not read yet")
        version = f" version {self._data_version}" if self._data_version else ""
        return f"<Dataset{version}: {', '.join(counts)}>"

    def search(self, text: str) -> tuple[Record, ...]:
        """The records of every kind whose name, alias, Chinese or Russian name holds ``text``.

        Case, spacing and a leading "the" do not matter. Records with a
        name equal to ``text`` come first, then those with a name that
        contains it; each group in the order of :data:`~sinorus.kinds.KINDS`,
        then the dataset's own order. Only the records' own names are
        searched: to find the records a country or person takes part in,
        filter by it (``agreements.where(party="USSR")``), which knows the
        country's other names.

        >>> import sinorus
        >>> [r.id for r in sinorus.load().search("上海合作组织")]
        ['sco-charter-2002']
        >>> sinorus.load().search("Vostok 2018")[0].id
        'vostok-2018'
        """
        from .countries import normalized
        from .fields import fields_of

        if not isinstance(text, str):
            raise QueryTypeError(f"search needs a string, got {type(text).__name__}: {text!r}")
        wanted = normalized(text)
        if not wanted:
            raise QueryError("search needs some text to look for")
        exact: list[Any] = []
        partial: list[Any] = []
        for kind in KINDS:
            has = {field.name for field in fields_of(kind.record)}
            fields = [f for f in ("name", "name_zh", "name_ru") if f in has]
            aliases = "aliases" in has
            for record in self[kind.name]:
                names = [n for f in fields if (n := getattr(record, f)) is not None]
                if aliases:
                    names += record.aliases
                forms = [normalized(n) for n in names]
                if wanted in forms:
                    exact.append(record)
                elif any(wanted in form for form in forms):
                    partial.append(record)
        return (*exact, *partial)

    # --- files and other datasets -------------------------------------------------

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
        ['Li Qiang', 'China']
        """
        from .dataframes import to_frame

        return to_frame(self, kind)

    def merge(self, other: Dataset, *, on_conflict: str = "error") -> Dataset:
        """A new dataset with the records of both; neither input changes.

        Records with the same id clash. ``on_conflict`` says what happens:
        ``"error"`` (the default) raises :class:`DataError` naming every
        clashing id, ``"replace"`` keeps ``other``'s record, ``"keep"`` keeps
        this dataset's. The result is checked like any dataset, so phases or
        levels that overlap across the two are refused. A kind declared in
        both covers the span from the earlier start to the later end, and is
        complete only if both are.

        >>> import sinorus
        >>> mine = sinorus.Dataset(trade=[])
        >>> len(sinorus.load().merge(mine).trade) == len(sinorus.load().trade)
        True
        """
        if not isinstance(other, Dataset):
            raise QueryTypeError(f"can only merge a Dataset, got {type(other).__name__}")
        if on_conflict not in ("error", "replace", "keep"):
            raise QueryError(
                f"on_conflict must be 'error', 'replace' or 'keep', got {on_conflict!r}"
            )
        self._read_rest()
        other._read_rest()
        clashing = self._by_id.keys() & other._by_id.keys()
        if clashing and on_conflict == "error":
            raise DataError(
                [f"record {i!r}, field 'id': in both datasets" for i in sorted(clashing)],
                file=other._source,
            )
        drop_mine = clashing if on_conflict == "replace" else set()
        drop_theirs = clashing if on_conflict == "keep" else set()
        sections = {
            kind.name: [r for r in self[kind.name] if r.id not in drop_mine]
            + [r for r in other[kind.name] if r.id not in drop_theirs]
            for kind in KINDS
        }
        versions = [v for v in (self._data_version, other._data_version) if v]
        return Dataset(
            sections,
            coverage=_merged_coverage(self.coverage, other.coverage),
            data_version="+".join(versions) or None,
            source=other._source,
        )

    # --- point-in-time queries -------------------------------------------------

    def phase_at(self, when: DateLike) -> Phase:
        """The phase on that day; :class:`NoDataError` outside the phases' coverage.

        >>> import sinorus
        >>> sinorus.load().phase_at("2 March 1969").id
        'split'
        """
        keys, found = self._phase_points  # IntervalIndex.at, inlined for speed
        phase: Phase | None = found[
            bisect_right(keys, when if type(when) is date else to_date(when))
        ]
        if phase is None:
            index: IntervalIndex[Phase] = self._index("phases")
            return index.at_or_raise(when)  # raises
        return phase

    def partnership_level_at(self, when: DateLike) -> PartnershipLevel | None:
        """The official designation in force on that day (a change counts from its own date).

        None on a covered day when no designation held (April 1980 to May
        1989); :class:`NoDataError` for a day outside the levels' coverage.

        >>> import sinorus
        >>> sinorus.load().partnership_level_at("1995-06-01").name
        'constructive partnership'
        >>> sinorus.load().partnership_level_at("1985-01-01") is None
        True
        """
        keys, found = self._level_points  # IntervalIndex.at, inlined for speed
        level: PartnershipLevel | None = found[
            bisect_right(keys, when if type(when) is date else to_date(when))
        ]
        if level is None:
            return self._level_or_gap(when)  # a gap (None), or outside the coverage (raises)
        return level

    def _level_or_gap(self, when: DateLike) -> PartnershipLevel | None:
        index: IntervalIndex[PartnershipLevel] = self._index("partnership_levels")
        return index.at(to_date(when))

    def leaders_at(self, when: DateLike) -> tuple[Leader, ...]:
        """The leaders in office on that day, in the order of :attr:`leaders`.

        >>> import sinorus
        >>> [leader.name for leader in sinorus.load().leaders_at("1989-05-16")]
        ['Mikhail Gorbachev', 'Zhao Ziyang', 'Li Peng', 'Yang Shangkun', 'Mikhail Gorbachev']
        """
        day = to_date(when)
        indexes: list[IntervalIndex[Leader]] = self._index("leaders")
        covered = self._coverage.get("leaders")
        if covered is not None and not covered.start <= day <= covered.end:
            raise indexes[0].outside(day) if indexes else NoDataError(f"no leaders on {day}")
        found = [leader for index in indexes if (leader := index.at(day)) is not None]
        return tuple(sorted(found, key=sort_key(KIND["leaders"])))

    def state_at(self, when: DateLike) -> Snapshot:
        """What held on that day: phase, level, agreements in force, trade, exercises so far.

        >>> import sinorus
        >>> [a.id for a in sinorus.load().state_at("2002-03-01").agreements_in_force][-1]
        'treaty-of-good-neighborliness-2001'
        """
        from .state import snapshot

        return snapshot(self, to_date(when))

    # --- yearly figures ----------------------------------------------------------

    def _trade_years(self, *years: int | None) -> None:
        """Refuse a trade year (None: no bound) outside the years the data has."""
        known = [record.year for record in self.trade]
        if not known:
            raise NoDataError("the data has no trade figures")
        for year in years:
            if year is not None and not known[0] <= year <= known[-1]:
                raise NoDataError(
                    f"trade year {year} is outside the data ({known[0]}–{known[-1]})"
                )

    def trade_volume(self, year: int) -> float:
        """Total trade in ``year``, in billions of US dollars.

        Raises :class:`NoDataError` (saying which years exist) for a year the
        data lacks, :class:`QueryTypeError` for a year that is not an integer.

        >>> import sinorus
        >>> sinorus.load().trade_volume(2024)
        244.81
        """
        try:
            return self._volumes[year]
        except (KeyError, TypeError):
            record: TradeRecord = self._index("trade").get(year)
            return record.total_usd_bn

    def trade_growth_factor(self, start_year: int, end_year: int) -> float:
        """How many times larger trade was in ``end_year`` than in ``start_year``.

        >>> import sinorus
        >>> round(sinorus.trade_growth_factor(2000, 2010), 3)
        6.938
        """
        try:
            return self._volumes[end_year] / self._volumes[start_year]
        except (KeyError, TypeError, ZeroDivisionError):
            first, last = self.trade_volume(start_year), self.trade_volume(end_year)
        if not first:
            raise QueryError(f"trade in {start_year} was zero: no growth factor")
        return last / first

    def arms_transfer(self, year: int) -> ArmsTransfer:
        """The arms delivered to China in ``year``, from the Soviet Union or Russia.

        Raises :class:`NoDataError` (saying which years exist) for a year the data lacks.

        >>> import sinorus
        >>> transfer = sinorus.load().arms_transfer(2005)
        >>> transfer.supplier, transfer.tiv_millions
        ('Russia', 3077.0)
        """
        transfer: ArmsTransfer = self._index("arms_transfers").get(year)
        return transfer

    # --- everything in order -------------------------------------------------------

    def timeline(
        self, since: DateLike | int | None = None, until: DateLike | int | None = None
    ) -> tuple[DatedRecord, ...]:
        """Every dated record whose days overlap [since, until], by start date.

        >>> import sinorus
        >>> [r.id for r in sinorus.load().timeline("1989-05-15", "1989-05-31")]
        ['detente', 'gorbachev-general-secretary-1985', 'zhao-ziyang-general-secretary-1987',
         'li-peng-premier-1987', 'yang-shangkun-president-1988',
         'gorbachev-chairman-presidium-1988',
         'sino-soviet-summit-1989', 'normalized-relations', 'normalized-relations-1989',
         'sino-soviet-joint-communique-1989', 'gorbachev-chairman-supreme-soviet-1989']
        """
        low, high = date_range(since, until, None)
        found: list[tuple[date, str, DatedRecord]] = []
        for kind in KINDS:
            if not kind.is_dated:
                continue
            for record in self[kind.name]:
                first, last = span(kind, record)
                if (high is None or first <= high) and (low is None or last >= low):
                    found.append((first, record.id, record))
        found.sort(key=lambda item: (item[0], item[1]))
        return tuple(record for _, _, record in found)

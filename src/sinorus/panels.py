"""The China–Russia dyad as a panel: one row per year (or month) from 1949.

:func:`panel_table` builds it from a dataset's records as a plain
:class:`~sinorus.tidy.Table` (no pandas needed, so the data package and
the other exports carry it); :func:`panel` gives it as a pandas DataFrame
with stable dtypes: ``int64`` for the year, month and country codes,
``Int64`` (nullable) for counts, dummies and the rung, ``float64`` for
money and arms, ``category`` for the phase and level ids and names,
``datetime64`` for the days each row spans.

The rules, documented column by column in ``docs/codebook.md``:

- A row spans its calendar year (or month), cut to the days the phases are
  checked for: 1949 starts on 1 October 1949, the last row ends on the
  phases' last covered day. ``period_start`` and ``period_end`` say which.
- What held at a moment (phase, level, alliance, agreements in force) is
  read on the **reference day**, the row's ``period_end``: 31 December
  (or the month's last day), or the last covered day in the last row.
- A count is a count only where the kind's declared coverage is complete
  and spans the whole row; elsewhere it is missing (NA), never 0. Records
  count in the row in which they start (an agreement in the one it was
  signed in). The month panel counts records dated to the day or month;
  records dated only to the year count only in the year panel.
- A yearly figure (trade) is the record's value, missing where the data
  has no record. A sum of yearly records (arms transfers) is missing where
  there is none, unless the kind is complete for that year (then 0).
- ``level_rung`` places the level in force on the ladder :data:`LEVEL_RUNGS`;
  0 when no designation held.

>>> import sinorus
>>> table = panel_table(sinorus.load(), "year")
>>> table.column_names[:4]
('year', 'period_start', 'period_end', 'ccode1')
>>> table.rows[0][:2]
(1949, datetime.date(1949, 10, 1))
"""

from __future__ import annotations

import calendar
import types
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from .errors import NoDataError, QueryError, QueryTypeError
from .model import Agreement, Domain, Event, EventKind, Precision
from .tidy import Cell, Column, ForeignKey, Table

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset
    from .dates import DateLike
    from .model import Coverage

__all__ = [
    "ALLIANCE_TREATY",
    "LEVEL_RUNGS",
    "UNITS",
    "columns",
    "is_call",
    "panel",
    "panel_table",
]

#: The two sides of the dyad, by the country table's keys (their COW codes fill the panel).
DYAD: Final = ("china", "russia")

#: The id of the agreement whose being in force makes the ``alliance`` dummy 1.
ALLIANCE_TREATY: Final = "treaty-of-friendship-1950"

#: The ladder of partnership levels, by id: 0 is no designation, then the
#: designations in their formal order of closeness, the alliance at the top
#: (see ``docs/codebook.md`` for why).
LEVEL_RUNGS: Final[Mapping[str, int]] = types.MappingProxyType(
    {
        "diplomatic-relations-1949": 1,
        "normalized-relations-1989": 1,
        "russia-recognized-1991": 1,
        "friendly-countries-1992": 2,
        "constructive-partnership-1994": 3,
        "partnership-of-strategic-coordination-1996": 4,
        "comprehensive-strategic-partnership-of-coordination-2011": 5,
        "new-era-partnership-2019": 6,
        "alliance-1950": 7,
    }
)

#: The units a panel can have.
UNITS: Final = ("year", "month")



def is_call(event: Event) -> bool:
    """Whether ``event`` is a phone or video call (an event of kind ``call``).

    >>> import sinorus
    >>> is_call(sinorus.load().get("xi-putin-call-2013-06-15"))
    True
    >>> is_call(sinorus.load().get("sino-soviet-summit-1989"))
    False
    """
    return event.kind is EventKind.CALL


# --- the columns ---------------------------------------------------------------

_ID_COLUMNS: Final = (
    Column("ccode1", "integer", "Correlates of War code of China", required=True),
    Column(
        "ccode2", "integer", "Correlates of War code of the Soviet Union / Russia", required=True
    ),
    Column("phase_id", "string", "id of the phase on the reference day", categorical=True),
    Column("phase_name", "string", "name of that phase", categorical=True),
    Column(
        "level_id",
        "string",
        "id of the partnership level in force on the reference day (empty: none)",
        categorical=True,
    ),
    Column("level_name", "string", "official name of that level", categorical=True),
    Column("level_rung", "integer", "place of that level on the ladder, 0 for none"),
    Column(
        "alliance", "integer", "1 if the 1950 alliance treaty was in force on the reference day"
    ),
    Column("agreements_signed", "integer", "agreements signed in the period"),
    Column("agreements_in_force", "integer", "binding agreements in force on the reference day"),
    Column("exercises", "integer", "joint exercises begun in the period"),
    *(
        Column(f"exercises_{d.value}", "integer", f"joint exercises begun in the period, {d.value}")
        for d in Domain
    ),
)

# Event counts: column -> which events it counts.
_EVENT_COUNTS: Final[tuple[tuple[str, str, Callable[[Event], bool]], ...]] = (
    ("state_visits", "state visits", lambda e: e.kind is EventKind.STATE_VISIT),
    ("summits", "summits", lambda e: e.kind is EventKind.SUMMIT),
    (
        "meetings",
        "other meetings (not calls)",
        lambda e: e.kind is EventKind.MEETING and not is_call(e),
    ),
    ("calls", "phone and video calls of the leaders", is_call),
)

_EVENT_COLUMNS: Final = tuple(
    column
    for name, what, _ in _EVENT_COUNTS
    for column in (
        Column(name, "integer", f"{what} begun in the period"),
        Column(
            f"{name}_recorded",
            "integer",
            f"{what} recorded in the period (a lower bound)",
        ),
    )
)

_YEARLY_COLUMNS: Final = (
    Column("trade_total_usd_bn", "number", "China's goods trade with the partner, US$ billion"),
    Column("trade_exports_usd_bn", "number", "China's exports to the partner, US$ billion"),
    Column("trade_imports_usd_bn", "number", "China's imports from the partner, US$ billion"),
    Column("arms_tiv_to_china", "number", "arms delivered to China by the partner, million TIV"),
    Column("arms_tiv_from_china", "number", "arms delivered by China to the partner, million TIV"),
)

_PERIOD_COLUMNS: Final = (
    Column("period_start", "date", "first day of the period the row covers", required=True),
    Column("period_end", "date", "last day of the period, the reference day", required=True),
)


def columns(unit: str) -> tuple[Column, ...]:
    """The columns of the panel of ``unit`` (``"year"`` or ``"month"``), in order.

    >>> [c.name for c in columns("month")][:3]
    ['year', 'month', 'period_start']
    """
    _check_unit(unit)
    head = [Column("year", "integer", "calendar year", required=True)]
    if unit == "month":
        head.append(Column("month", "integer", "calendar month, 1 to 12", required=True))
    tail = _YEARLY_COLUMNS if unit == "year" else ()
    return (*head, *_PERIOD_COLUMNS, *_ID_COLUMNS, *_EVENT_COLUMNS, *tail)


def _check_unit(unit: object) -> None:
    if not isinstance(unit, str):
        raise QueryTypeError(f"unit must be a string, got {type(unit).__name__}: {unit!r}")
    if unit not in UNITS:
        raise QueryError(f"unknown unit {unit!r}; expected one of {', '.join(map(repr, UNITS))}")


# --- building the rows -----------------------------------------------------------


def _periods(spine: Coverage, unit: str) -> list[tuple[tuple[int, ...], date, date]]:
    """Each row's key ((year,) or (year, month)) and its first and last day within ``spine``."""
    found = []
    for year in range(spine.start.year, spine.end.year + 1):
        months = range(1, 13) if unit == "month" else (None,)
        for month in months:
            if month is None:
                first, last = date(year, 1, 1), date(year, 12, 31)
                key: tuple[int, ...] = (year,)
            else:
                first = date(year, month, 1)
                last = date(year, month, calendar.monthrange(year, month)[1])
                key = (year, month)
            first, last = max(first, spine.start), min(last, spine.end)
            if first <= last:
                found.append((key, first, last))
    return found


def _complete(covered: Coverage | None, first: date, last: date) -> bool:
    return (
        covered is not None and covered.complete and covered.start <= first and last <= covered.end
    )


def _key(day: date, precision: Precision, unit: str) -> tuple[int, ...] | None:
    """The row a record dated ``day`` counts in; None when the month panel cannot place it."""
    if unit == "year":
        return (day.year,)
    if precision is Precision.YEAR:
        return None
    return (day.year, day.month)


def _counter(records: Iterable[Any], day: Callable[[Any], date], unit: str) -> Counter[Any]:
    return Counter(key for r in records if (key := _key(day(r), r.precision, unit)) is not None)


def panel_table(
    dataset: Dataset,
    unit: str = "year",
    since: DateLike | int | None = None,
    until: DateLike | int | None = None,
) -> Table:
    """The panel of ``dataset`` as a :class:`~sinorus.tidy.Table` named ``"panel_<unit>"``.

    ``since`` and ``until`` keep the rows whose period overlaps them (a bare
    year means its first or last day). The rows run over the phases'
    declared coverage; a dataset without one raises :class:`~sinorus.NoDataError`.

    >>> import sinorus
    >>> table = panel_table(sinorus.load(), "month", since="1989-05", until="1989-05")
    >>> dict(zip(table.column_names, table.rows[0]))["level_id"]
    'normalized-relations-1989'
    """
    from .series import date_range
    from .state import BINDING_KINDS, _in_force  # the rule state_at follows

    _check_unit(unit)
    spine = dataset.coverage_of("phases")
    if spine is None:
        raise NoDataError("a panel needs the phases' declared coverage; the dataset has none")
    low, high = date_range(since, until, None)
    periods = [
        (key, first, last)
        for key, first, last in _periods(spine, unit)
        if (low is None or last >= low) and (high is None or first <= high)
    ]
    if not periods:
        raise NoDataError(
            f"no {unit} of the panel falls in {low or '…'} to {high or '…'}; "
            f"the phases cover {spine.start} to {spine.end}"
        )
    cover = {kind: dataset.coverage_of(kind) for kind in ("agreements", "exercises", "events")}
    treaty = dataset.get(ALLIANCE_TREATY, None)
    if not isinstance(treaty, Agreement):
        treaty = None
    agreements = dataset.agreements
    binding = [a for a in agreements if a.kind in BINDING_KINDS]
    from .countries import country

    codes = [country(key).ccode for key in DYAD]
    signed = _counter(agreements, lambda a: a.signed, unit)
    exercises = dataset.exercises
    begun = _counter(exercises, lambda e: e.start, unit)
    by_domain = {
        d: _counter([e for e in exercises if e.domain is d], lambda e: e.start, unit)
        for d in Domain
    }
    events = dataset.events
    event_counts = [
        _counter([e for e in events if test(e)], lambda e: e.start, unit)
        for _, _, test in _EVENT_COUNTS
    ]
    trade = {record.year: record for record in dataset.trade}
    arms_cover = dataset.coverage_of("arms_transfers")
    to_china: dict[int, float] = {}
    from_china: dict[int, float] = {}
    for transfer in dataset.arms_transfers:
        if transfer.recipient == "China":
            to_china[transfer.year] = to_china.get(transfer.year, 0.0) + transfer.tiv_millions
        elif transfer.supplier == "China":
            from_china[transfer.year] = from_china.get(transfer.year, 0.0) + transfer.tiv_millions

    def count(
        counts: Counter[Any], kind: str, key: tuple[int, ...], first: date, last: date
    ) -> Cell:
        return counts[key] if _complete(cover[kind], first, last) else None

    def recorded(
        counts: Counter[Any], kind: str, key: tuple[int, ...], first: date, last: date
    ) -> Cell:
        covered = cover[kind]
        inside = covered is not None and covered.start <= first and last <= covered.end
        return counts[key] if inside else None

    def summed(values: dict[int, float], year: int, first: date, last: date) -> Cell:
        if year in values:
            return values[year]
        return 0.0 if _complete(arms_cover, first, last) else None

    rows = []
    for key, first, last in periods:
        year = key[0]
        phase = dataset.phase_at(last)
        try:
            level = dataset.partnership_level_at(last)
        except NoDataError:
            level, rung = None, None
        else:
            rung = 0 if level is None else LEVEL_RUNGS.get(level.id)
        in_force: Cell = None
        if _complete(cover["agreements"], first, last):
            in_force = sum(1 for a in binding if _in_force(a, last))
        row: list[Cell] = [
            *key,
            first,
            last,
            *codes,
            phase.id,
            phase.name,
            level.id if level else None,
            level.name if level else None,
            rung,
            None if treaty is None else int(_in_force(treaty, last)),
            count(signed, "agreements", key, first, last),
            in_force,
            count(begun, "exercises", key, first, last),
            *(count(by_domain[d], "exercises", key, first, last) for d in Domain),
        ]
        for counts in event_counts:
            row.append(count(counts, "events", key, first, last))
            row.append(recorded(counts, "events", key, first, last))
        if unit == "year":
            figure = trade.get(year)
            row += [
                figure.total_usd_bn if figure else None,
                figure.exports_usd_bn if figure else None,
                figure.imports_usd_bn if figure else None,
                summed(to_china, year, first, last),
                summed(from_china, year, first, last),
            ]
        rows.append(tuple(row))
    keys = ("year",) if unit == "year" else ("year", "month")
    return Table(
        f"panel_{unit}",
        columns(unit),
        tuple(rows),
        keys,
        (
            ForeignKey(("phase_id",), "phases", ("id",)),
            ForeignKey(("level_id",), "partnership_levels", ("id",)),
        ),
        f"The China–Russia dyad, one row per {unit}; the columns are defined in the codebook.",
    )


def panel(
    unit: str = "year",
    since: DateLike | int | None = None,
    until: DateLike | int | None = None,
    dataset: Dataset | None = None,
) -> pd.DataFrame:
    """The panel of ``dataset`` (the bundled data if None) as a pandas DataFrame.

    One row per ``unit`` (``"year"`` or ``"month"``); see the module
    documentation for the rules and :func:`panel_table` for ``since`` and
    ``until``. The phase and level columns are categoricals whose
    categories are every phase and level in the data, in order.

    >>> import sinorus
    >>> frame = panel(since=1960, until=1960)
    >>> frame.loc[0, ["alliance", "level_rung"]].tolist()
    [1, 7]
    >>> str(frame["exercises"].dtype), str(frame["trade_total_usd_bn"].dtype)
    ('Int64', 'float64')
    """
    from .dataframes import table_frame

    if dataset is None:
        from .api import load

        dataset = load()
    table = panel_table(dataset, unit, since, until)
    categories = {
        "phase_id": [p.id for p in dataset.phases],
        "phase_name": list(dict.fromkeys(p.name for p in dataset.phases)),
        "level_id": [lv.id for lv in dataset.partnership_levels],
        "level_name": list(dict.fromkeys(lv.name for lv in dataset.partnership_levels)),
    }
    return table_frame(table, categories=categories)

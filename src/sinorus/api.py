"""The module-level queries: one-line wrappers over the bundled :class:`~sinorus.Dataset`.

The bundled dataset is built once, under a lock, the first time anything
asks for it, and is an ordinary ``Dataset``: a user's own dataset answers
the same questions the same way. The first query reads the kinds that
point-in-time and trade queries need; the others are read when first asked for.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

from .dataset import Dataset, DatedRecord, Record
from .dates import DateLike
from .model import (
    Agreement,
    AgreementKind,
    ArmsTransfer,
    Coverage,
    Domain,
    Event,
    EventKind,
    Exercise,
    ExerciseFormat,
    Leader,
    PartnershipLevel,
    Phase,
)
from .series import Series

if TYPE_CHECKING:
    import cattrs
    import pandas as pd

    from .state import Snapshot

__all__ = [
    "agreements",
    "arms_transfer",
    "converter",
    "coverage_of",
    "events",
    "exercises",
    "frame",
    "leaders_at",
    "load",
    "partnership_level_at",
    "phase_at",
    "search",
    "state_at",
    "timeline",
    "trade_growth_factor",
    "trade_volume",
]

_BUNDLED: Dataset | None = None
_LOADING = threading.Lock()

#: The module-level queries that are methods of the bundled dataset.
_METHODS = (
    "phase_at",
    "partnership_level_at",
    "leaders_at",
    "state_at",
    "trade_volume",
    "trade_growth_factor",
    "arms_transfer",
    "timeline",
    "coverage_of",
)


def _bundled() -> Dataset:
    """The bundled dataset, built on the first call (once, whatever the threads).

    Once it is built, ``sinorus.phase_at`` and the other names in
    :data:`_METHODS` are rebound to its methods: the same call with the
    same result, without the wrapper's extra frame (a warm point-in-time
    query would otherwise cost half again as much). The wrappers here, and
    any a user imported by name before, stay as they are and answer the same.
    """
    global _BUNDLED
    with _LOADING:
        if _BUNDLED is None:
            from ._bundled import read_bundled

            dataset = read_bundled()
            package = sys.modules[__package__]
            for name in _METHODS:
                setattr(package, name, getattr(dataset, name))
            _BUNDLED = dataset
    return _BUNDLED


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The bundled dataset (``path`` None: read once, on first use) or the one in a JSON file.

    A file is checked completely; :class:`~sinorus.DataError` lists every
    problem and nothing is returned.

    >>> load().phases[0].start
    datetime.date(1949, 10, 1)
    """
    if path is None:
        return _BUNDLED or _bundled()
    from .io import read

    return read(path)


def converter() -> cattrs.Converter:
    """The configured cattrs converter for records and datasets, built on first use.

    >>> converter().unstructure(load().get("trade-2000"))["total_usd_bn"]
    8.0
    """
    from .io import converter as configured

    return configured()


def phase_at(when: DateLike) -> Phase:
    """The phase on that day (see :meth:`Dataset.phase_at`).

    >>> phase_at("2 March 1969").name
    'Sino-Soviet split'
    """
    return (_BUNDLED or _bundled()).phase_at(when)


def partnership_level_at(when: DateLike) -> PartnershipLevel | None:
    """The designation in force that day; None if none held (:meth:`Dataset.partnership_level_at`).

    >>> partnership_level_at("18 March 2014").start.year
    2011
    """
    return (_BUNDLED or _bundled()).partnership_level_at(when)


def leaders_at(when: DateLike) -> tuple[Leader, ...]:
    """The leaders in office that day (see :meth:`Dataset.leaders_at`).

    >>> [leader.name for leader in leaders_at("2001-07-16")]
    ['Jiang Zemin', 'Jiang Zemin', 'Zhu Rongji', 'Vladimir Putin']
    """
    return (_BUNDLED or _bundled()).leaders_at(when)


def state_at(when: DateLike) -> Snapshot:
    """What held on that day (see :meth:`Dataset.state_at`).

    >>> state_at("2001-07-16").phase.id
    'strategic-partnership'
    """
    return (_BUNDLED or _bundled()).state_at(when)


def trade_volume(year: int) -> float:
    """Total trade in ``year``, billions of US dollars (see :meth:`Dataset.trade_volume`).

    >>> trade_volume(2010)
    55.5
    """
    return (_BUNDLED or _bundled()).trade_volume(year)


def trade_growth_factor(start_year: int, end_year: int) -> float:
    """How many times larger trade was in ``end_year`` (see :meth:`Dataset.trade_growth_factor`).

    >>> round(trade_growth_factor(2000, 2010), 2)
    6.94
    """
    return (_BUNDLED or _bundled()).trade_growth_factor(start_year, end_year)


def arms_transfer(year: int) -> ArmsTransfer:
    """SIPRI's figure for arms delivered to China in ``year`` (see :meth:`Dataset.arms_transfer`).

    >>> arms_transfer(2005).tiv_millions
    3077.0
    """
    return (_BUNDLED or _bundled()).arms_transfer(year)


def timeline(
    since: DateLike | int | None = None, until: DateLike | int | None = None
) -> tuple[DatedRecord, ...]:
    """Every dated record overlapping the range, in order (see :meth:`Dataset.timeline`).

    >>> [r.id for r in timeline("2001-07-16", "2001-07-16")][-1]
    'treaty-of-good-neighborliness-2001'
    """
    return (_BUNDLED or _bundled()).timeline(since, until)


def coverage_of(kind: str) -> Coverage | None:
    """The declared span of one kind (see :meth:`Dataset.coverage_of`).

    >>> coverage_of("trade").start.year
    1992
    """
    return (_BUNDLED or _bundled()).coverage_of(kind)


def agreements(
    *,
    since: DateLike | int | None = None,
    until: DateLike | int | None = None,
    year: int | None = None,
    party: str | None = None,
    kind: AgreementKind | str | None = None,
) -> Series[Agreement]:
    """Bundled agreements filtered by date range or year, party and kind.

    >>> [a.name for a in agreements(year=2001, kind="treaty")]
    ['Treaty of Good-Neighborliness and Friendly Cooperation']
    """
    found = load().agreements
    return found.where(since=since, until=until, year=year, party=party, kind=kind)


def exercises(
    *,
    since: DateLike | int | None = None,
    until: DateLike | int | None = None,
    year: int | None = None,
    participant: str | None = None,
    series: str | None = None,
    domain: Domain | str | None = None,
    format: ExerciseFormat | str | None = None,
) -> Series[Exercise]:
    """Bundled joint exercises filtered by date range or year, participant, series and domain.

    >>> exercises(year=2005)[0].name
    'Peace Mission 2005'
    """
    found = load().exercises
    return found.where(
        since=since,
        until=until,
        year=year,
        participant=participant,
        series=series,
        domain=domain,
        format=format,
    )


def events(
    *,
    since: DateLike | int | None = None,
    until: DateLike | int | None = None,
    year: int | None = None,
    kind: EventKind | str | None = None,
    person: str | None = None,
) -> Series[Event]:
    """Bundled events filtered by date range or year, kind and person involved.

    >>> [e.id for e in events(person="Mikhail Gorbachev", kind="summit")]
    ['sino-soviet-summit-1989']
    """
    return load().events.where(since=since, until=until, year=year, kind=kind, person=person)


def frame(kind: str) -> pd.DataFrame:
    """Bundled records of one kind as a pandas DataFrame (needs the ``pandas`` extra).

    >>> frame("trade").set_index("year").loc[2010, "total_usd_bn"]
    np.float64(55.5)
    """
    return load().to_frame(kind)


def search(text: str) -> tuple[Record, ...]:
    """Bundled records of every kind found by name (see :meth:`Dataset.search`).

    >>> [r.id for r in search("Power of Siberia")][:2]
    ['power-of-siberia-gas-contract-2014', 'power-of-siberia-2-memorandum-2025']
    """
    return load().search(text)

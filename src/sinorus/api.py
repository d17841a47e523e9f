"""The module-level queries: each asks the bundled dataset, loaded once on first use.

They are thin on purpose: the logic lives in :class:`~sinorus.Dataset`, so
``sinorus.phase_at(d)`` and ``sinorus.load(path).phase_at(d)`` behave the
same.
"""

from __future__ import annotations

import os
import threading

from .dataset import Agreements, Dataset, DatedRecord, Events, Exercises
from .dates import DateLike
from .model import PartnershipLevel, Phase

__all__ = [
    "agreements",
    "events",
    "exercises",
    "load",
    "partnership_level_at",
    "phase_at",
    "timeline",
    "trade_growth_factor",
    "trade_volume",
]

_bundled: Dataset | None = None
_lock = threading.Lock()


def _load_bundled() -> Dataset:
    global _bundled
    with _lock:
        if _bundled is None:
            from ._bundled import read_bundled

            _bundled = read_bundled()
    return _bundled


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The bundled dataset (``path`` None, read once and cached) or the one in a JSON file.

    A file is checked completely; :class:`~sinorus.DataError` lists every
    problem and nothing is returned.

    >>> load().phases[0].start
    datetime.date(1949, 10, 1)
    """
    if path is None:
        return _bundled or _load_bundled()
    from .io import read

    return read(path)


def phase_at(when: DateLike) -> Phase | None:
    """The phase of the relationship on that day (see :meth:`Dataset.phase_at`).

    >>> phase_at("1969-03-02").name
    'Sino-Soviet split'
    """
    return (_bundled or _load_bundled()).phase_at(when)


def partnership_level_at(when: DateLike) -> PartnershipLevel | None:
    """The official designation in force that day (see :meth:`Dataset.partnership_level_at`).

    >>> partnership_level_at("2019-06-05").name
    'comprehensive strategic partnership of coordination for a new era'
    """
    return (_bundled or _load_bundled()).partnership_level_at(when)


def trade_volume(year: int) -> float:
    """Total China–Russia trade in ``year``, billions of US dollars.

    >>> trade_volume(2010)
    55.5
    """
    return (_bundled or _load_bundled()).trade_volume(year)


def trade_growth_factor(start_year: int, end_year: int) -> float:
    """How many times larger trade was in ``end_year`` than in ``start_year``.

    >>> round(trade_growth_factor(2000, 2010), 2)
    6.94
    """
    return (_bundled or _load_bundled()).trade_growth_factor(start_year, end_year)


def agreements(
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    year: int | None = None,
    party: str | None = None,
    kind: str | None = None,
) -> Agreements:
    """Agreements filtered by date range or year, party and kind (see :class:`Agreements`).

    >>> [a.name for a in agreements(year=2001, kind="treaty")]
    ['Treaty of Good-Neighborliness and Friendly Cooperation']
    """
    return (_bundled or _load_bundled()).agreements(
        since=since, until=until, year=year, party=party, kind=kind
    )


def exercises(
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    year: int | None = None,
    participant: str | None = None,
    series: str | None = None,
) -> Exercises:
    """Joint exercises filtered by date range or year, participant and series.

    >>> exercises(year=2005)[0].location
    'Vladivostok (Russia) and the Shandong Peninsula (China)'
    """
    return (_bundled or _load_bundled()).exercises(
        since=since, until=until, year=year, participant=participant, series=series
    )


def events(
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    year: int | None = None,
    kind: str | None = None,
    person: str | None = None,
) -> Events:
    """Events filtered by date range or year, kind and person involved.

    >>> [e.id for e in events(person="Gorbachev", kind="summit")]
    []
    """
    return (_bundled or _load_bundled()).events(
        since=since, until=until, year=year, kind=kind, person=person
    )


def timeline(
    since: DateLike | None = None, until: DateLike | None = None
) -> tuple[DatedRecord, ...]:
    """Every dated record overlapping [since, until], in order (see :meth:`Dataset.timeline`)."""
    return (_bundled or _load_bundled()).timeline(since, until)

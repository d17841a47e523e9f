"""The module-level queries: methods of the bundled dataset, read on first use.

``sinorus.phase_at`` *is* ``sinorus.load().phase_at``: the bundled
:class:`~sinorus.Dataset` is created empty at import and reads its data the
first time anything asks for it, so a user's own dataset behaves exactly
the same and the module-level functions cost nothing extra. The first query
reads the phases, levels, agreements, trade and coverage; the other records are read
when something first asks for them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .dataset import Agreements, Dataset, Events, Exercises
from .dates import DateLike
from .model import AgreementKind, EventKind

if TYPE_CHECKING:
    import cattrs
    import pandas as pd

__all__ = [
    "agreements",
    "converter",
    "coverage_of",
    "events",
    "exercises",
    "frame",
    "leaders_at",
    "load",
    "partnership_level_at",
    "phase_at",
    "state_at",
    "timeline",
    "trade_growth_factor",
    "trade_volume",
]


def _read_core() -> Dataset:
    from ._bundled import read_core

    return read_core()


def _read_rest(core: Dataset) -> Dataset:
    from ._bundled import read_rest

    return read_rest(core)


_BUNDLED = Dataset._deferred(_read_core, _read_rest)


def converter() -> cattrs.Converter:
    """The configured cattrs converter for records and datasets, built on first use.

    >>> converter().unstructure(load().get("trade-2000"))["total_usd_bn"]
    8.0
    """
    from .io import converter as configured

    return configured()


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The bundled dataset (``path`` None: read once, on first use) or the one in a JSON file.

    A file is checked completely; :class:`~sinorus.DataError` lists every
    problem and nothing is returned.

    >>> load().phases[0].start
    datetime.date(1949, 10, 1)
    """
    if path is None:
        return _BUNDLED
    from .io import read

    return read(path)


phase_at = _BUNDLED.phase_at
partnership_level_at = _BUNDLED.partnership_level_at
trade_volume = _BUNDLED.trade_volume
trade_growth_factor = _BUNDLED.trade_growth_factor
timeline = _BUNDLED.timeline
state_at = _BUNDLED.state_at
leaders_at = _BUNDLED.leaders_at
coverage_of = _BUNDLED.coverage_of


def agreements(
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    year: int | None = None,
    party: str | None = None,
    kind: AgreementKind | str | None = None,
) -> Agreements:
    """Bundled agreements filtered by date range or year, party and kind.

    >>> [a.name for a in agreements(year=2001, kind="treaty")]
    ['Treaty of Good-Neighborliness and Friendly Cooperation']
    """
    return _BUNDLED.agreements(since=since, until=until, year=year, party=party, kind=kind)


def exercises(
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    year: int | None = None,
    participant: str | None = None,
    series: str | None = None,
) -> Exercises:
    """Bundled joint exercises filtered by date range or year, participant and series.

    >>> exercises(year=2005)[0].name
    'Peace Mission 2005'
    """
    return _BUNDLED.exercises(
        since=since, until=until, year=year, participant=participant, series=series
    )


def events(
    *,
    since: DateLike | None = None,
    until: DateLike | None = None,
    year: int | None = None,
    kind: EventKind | str | None = None,
    person: str | None = None,
) -> Events:
    """Bundled events filtered by date range or year, kind and person involved.

    >>> [e.id for e in events(person="Mikhail Gorbachev", kind="summit")]
    ['sino-soviet-summit-1989']
    """
    return _BUNDLED.events(since=since, until=until, year=year, kind=kind, person=person)


def frame(kind: str) -> pd.DataFrame:
    """Bundled records of one kind as a pandas DataFrame (needs the ``pandas`` extra).

    >>> frame("trade").set_index("year").loc[2010, "total_usd_bn"]
    np.float64(55.5)
    """
    return _BUNDLED.to_frame(kind)

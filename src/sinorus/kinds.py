"""The one declaration of the kinds of record a dataset holds.

Each :class:`Kind` says everything the rest of sinorus needs to know about
one section of a dataset: its name (the section of a data file, the
attribute of a :class:`~sinorus.Dataset`, the series of a coverage
declaration, the CLI and DataFrame name), its record class, its *shape*,
which fields its filters match and which part of the bundled data holds it.
Validation, indexing, sorting, :meth:`~sinorus.Dataset.timeline`, the
loaders, the JSON Schema, frames, display and the command line all read
:data:`KINDS`; adding a kind is a record class in :mod:`sinorus.model`, one
entry here and its data.

The shapes:

- ``"interval"``: a ``start`` and an inclusive ``end`` (None: still in
  force); records of one group never overlap, so "which held on this day"
  is one bisect (:class:`~sinorus.index.IntervalIndex`);
- ``"dated"``: a ``start`` (an agreement's signing) and perhaps an ``end``;
  any number may overlap;
- ``"yearly"``: one record per calendar ``year``
  (:class:`~sinorus.index.YearIndex`);
- ``"years"``: a ``start_year`` to ``end_year`` span.

>>> [kind.name for kind in KINDS if kind.shape == "interval"]
['phases', 'partnership_levels', 'leaders']
>>> KIND["exercises"].filters
(('participant', 'participants'), ('series', 'series'), ('domain', 'domain'), ('format', 'format'))
"""

from __future__ import annotations

import operator
from datetime import date
from typing import Any, Final, Literal, NamedTuple, TypeAlias

from .model import (
    Agreement,
    ArmsComparison,
    ArmsTransfer,
    Event,
    Exercise,
    Leader,
    PartnershipLevel,
    Phase,
    TradeRecord,
    TradeToDate,
)

__all__ = ["KIND", "KINDS", "Kind", "Shape", "span"]

Shape: TypeAlias = Literal["interval", "dated", "yearly", "years"]


class Kind(NamedTuple):
    """One kind of record: its name, class, shape and how it is filtered, shown and loaded.

    ``filters`` pairs each keyword of :meth:`Series.where <sinorus.Series.where>`
    with the field it matches; ``group_by`` names the fields within whose
    values intervals must not overlap (a leader's country and office);
    ``gapless`` intervals must also leave no day uncovered; ``amount`` and
    ``unit`` name a yearly kind's headline figure; ``part`` is the part of
    the bundled data that holds the kind (``"core"`` is read on the first
    query, ``"rest"`` when first asked for).

    >>> KIND["leaders"].group_by
    ('country', 'office')
    """

    name: str
    record: type
    shape: Shape
    label: str
    filters: tuple[tuple[str, str], ...] = ()
    group_by: tuple[str, ...] = ()
    gapless: bool = False
    amount: str | None = None
    unit: str | None = None
    part: Literal["core", "rest"] = "rest"

    @property
    def is_dated(self) -> bool:
        """Whether the records have a ``start`` day (and so appear in a timeline)."""
        return self.shape in ("interval", "dated")


#: Every kind, in the order of the file format.
KINDS: Final[tuple[Kind, ...]] = (
    Kind(name="phases", record=Phase, shape="interval", label="phase", gapless=True, part="core"),
    Kind(
        name="partnership_levels",
        record=PartnershipLevel,
        shape="interval",
        label="partnership level",
        part="core",
    ),
    Kind(
        name="agreements",
        record=Agreement,
        shape="dated",
        label="agreement",
        filters=(("party", "parties"), ("kind", "kind")),
    ),
    Kind(
        name="exercises",
        record=Exercise,
        shape="dated",
        label="exercise",
        filters=(
            ("participant", "participants"),
            ("series", "series"),
            ("domain", "domain"),
            ("format", "format"),
        ),
    ),
    Kind(
        name="events",
        record=Event,
        shape="dated",
        label="event",
        filters=(("kind", "kind"), ("person", "people")),
    ),
    Kind(
        name="trade",
        record=TradeRecord,
        shape="yearly",
        label="trade figure",
        amount="total_usd_bn",
        unit="billion US dollars",
        part="core",
    ),
    Kind(
        name="trade_to_date",
        record=TradeToDate,
        shape="yearly",
        label="year-to-date trade figure",
        amount="total_usd_bn",
        unit="billion US dollars so far",
    ),
    Kind(name="arms", record=ArmsComparison, shape="years", label="arms comparison"),
    Kind(
        name="arms_transfers",
        record=ArmsTransfer,
        shape="yearly",
        label="arms transfer figure",
        filters=(("supplier", "supplier"), ("recipient", "recipient")),
        amount="tiv_millions",
        unit="million SIPRI TIV",
    ),
    Kind(
        name="leaders",
        record=Leader,
        shape="interval",
        label="leader",
        filters=(("country", "country"), ("office", "office"), ("name", "name")),
        group_by=("country", "office"),
    ),
)

#: The kinds by name.
KIND: Final[dict[str, Kind]] = {kind.name: kind for kind in KINDS}

#: The kind of each record class.
KIND_OF: Final[dict[type, Kind]] = {kind.record: kind for kind in KINDS}


def span(kind: Kind, record: Any) -> tuple[date, date]:
    """The first and last day ``record`` (of ``kind``) concerns; ``date.max`` while in force.

    >>> import sinorus
    >>> span(KIND["trade"], sinorus.load().get("trade-2010"))
    (datetime.date(2010, 1, 1), datetime.date(2010, 12, 31))
    """
    if kind.shape == "yearly":
        return date(record.year, 1, 1), date(record.year, 12, 31)
    if kind.shape == "years":
        return date(record.start_year, 1, 1), date(record.end_year, 12, 31)
    end = getattr(record, "end", None)
    if end is not None:
        return record.start, end
    # an open end: still in force (an interval) or a single day (a dated record)
    return record.start, (date.max if kind.shape == "interval" else record.start)


def sort_key(kind: Kind) -> Any:
    """How records of ``kind`` are ordered in a dataset: by start (or year), then id."""
    first = {"yearly": "year", "years": "start_year"}.get(kind.shape, "start")
    return operator.attrgetter(first, "id")

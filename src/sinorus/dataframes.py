"""pandas DataFrames of the tidy tables (the optional ``pandas`` extra).

A frame has the columns of its :mod:`sinorus.tidy` table, so that a frame
written with ``to_csv`` holds the same text as the CSV export: lists of
names are ``;``-joined text (``"China;Russia"``; split them with
``frame["parties"].str.split(";")``, or use the link table, e.g.
``sinorus.frame("agreement_parties")``), the record's sources are the
``;``-joined ids of the ``sources`` table, and quotes and alternatives are
tables of their own. Dates are ``datetime64``, enums and other columns of
a few values categoricals, integer columns that may be empty ``Int64``.

>>> import sinorus
>>> frame = sinorus.frame("exercises")
>>> str(frame["start"].dtype).startswith("datetime64"), str(frame["domain"].dtype)
(True, 'category')
>>> frame.set_index("id").loc["vostok-2018", "participants"]
'Russia;China;Mongolia'
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import MissingDependencyError, QueryError

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset
    from .tidy import Table

__all__ = ["table_frame", "to_frame"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError.needs("DataFrames", "pandas", "pandas") from None
    return pandas


def to_frame(dataset: Dataset, kind: str) -> pd.DataFrame:
    """One kind of record (``"exercises"``, …) or any other tidy table as a DataFrame.

    ``kind`` may name any table of :func:`sinorus.tidy.tables`:
    ``"sources"``, ``"agreement_parties"``, ``"record_sources"``, …

    >>> import sinorus
    >>> frame = to_frame(sinorus.load(), "trade")
    >>> len(frame) == len(sinorus.load().trade), str(frame["year"].dtype)
    (True, 'int64')
    >>> to_frame(sinorus.load(), "sources").columns[:3].tolist()
    ['source_id', 'title', 'url']
    """
    from .kinds import KIND
    from .tidy import tables

    if not isinstance(kind, str):
        raise QueryError(f"unknown kind {kind!r}; expected one of {', '.join(KIND)}")
    _pandas()  # before the work, so that a missing pandas is said at once
    found = tables(dataset)
    if kind not in found:
        others = [name for name in found if name not in KIND]
        raise QueryError(
            f"unknown kind {kind!r}; expected one of {', '.join(KIND)} "
            f"(or a table: {', '.join(others)})"
        )
    return table_frame(found[kind])


def table_frame(
    table: Table, *, categories: Mapping[str, Sequence[str]] | None = None
) -> pd.DataFrame:
    """A :class:`~sinorus.tidy.Table` as a DataFrame, with a dtype decided by each column.

    ``date`` → ``datetime64``; a column with ``values`` or ``categorical`` →
    ``category`` (with those values, or ``categories[name]``, or the values
    seen, in order); ``integer`` → ``int64`` if required, else ``Int64``;
    ``number`` → ``float64``; ``boolean`` → ``bool`` if required, else
    ``boolean``; text → ``object`` (str, None where missing).

    >>> import sinorus
    >>> frame = table_frame(sinorus.tables()["coverage"])
    >>> str(frame["complete"].dtype), str(frame["kind"].dtype)
    ('bool', 'category')
    """
    pandas = _pandas()
    data: dict[str, Any] = {}
    for i, column in enumerate(table.columns):
        values = [row[i] for row in table.rows]
        if column.type == "date":
            data[column.name] = pandas.to_datetime(pandas.Series(values, dtype=object))
        elif column.values is not None or column.categorical:
            wanted: Sequence[Any] | None = (categories or {}).get(column.name) or column.values
            if wanted is None:
                wanted = list(dict.fromkeys(v for v in values if v is not None))
            data[column.name] = pandas.Categorical(values, categories=list(wanted))
        elif column.type == "integer":
            data[column.name] = pandas.array(values, dtype="int64" if column.required else "Int64")
        elif column.type == "number":
            data[column.name] = pandas.array(
                [float("nan") if v is None else v for v in values], dtype="float64"
            )
        elif column.type == "boolean":
            data[column.name] = pandas.array(values, dtype="bool" if column.required else "boolean")
        else:
            data[column.name] = pandas.Series(values, dtype=object)
    frame = pandas.DataFrame(data, columns=list(table.column_names))
    return typing.cast("pd.DataFrame", frame)

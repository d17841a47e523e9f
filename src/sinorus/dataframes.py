"""pandas DataFrames of the records (the optional ``pandas`` extra).

One row per record, one column per field: dates as ``datetime64``, kinds as
categoricals, tuples of names as lists, sources as two list columns
(``sources``: titles, ``source_urls``: addresses), quotes as their texts and
alternatives as ``"field: value"`` strings.

>>> import sinorus
>>> frame = sinorus.frame("exercises")
>>> str(frame["start"].dtype).startswith("datetime64"), str(frame["domain"].dtype)
(True, 'category')
"""

from __future__ import annotations

import enum
import typing
from typing import TYPE_CHECKING, Any

from .errors import MissingDependencyError, QueryError
from .fields import fields_of
from .kinds import KIND

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset

__all__ = ["to_frame"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError.needs("DataFrames", "pandas", "pandas") from None
    return pandas


def to_frame(dataset: Dataset, kind: str) -> pd.DataFrame:
    """The records of one section of ``dataset`` (``"exercises"``, …) as a DataFrame.

    >>> import sinorus
    >>> frame = to_frame(sinorus.load(), "trade")
    >>> len(frame) == len(sinorus.load().trade), str(frame["year"].dtype)
    (True, 'int64')
    """
    if not isinstance(kind, str) or kind not in KIND:
        raise QueryError(f"unknown kind {kind!r}; expected one of {', '.join(KIND)}")
    pandas = _pandas()
    fields = fields_of(KIND[kind].record)
    columns: dict[str, list[Any]] = {f.name: [] for f in fields}
    columns["source_urls"] = []
    for record in dataset[kind]:
        for field in fields:
            value = getattr(record, field.name)
            if field.shape == "sources":
                columns["source_urls"].append([s.url for s in value])
                value = [s.title for s in value]
            elif field.name == "quotes":
                value = [q.text for q in value]
            elif field.name == "alternatives":
                value = [f"{a.field}: {a.value}" for a in value]
            elif isinstance(value, enum.Enum):
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            columns[field.name].append(value)
    frame = pandas.DataFrame(columns)
    for field in fields:
        if field.shape == "date":
            frame[field.name] = pandas.to_datetime(frame[field.name])
        elif field.shape == "enum":
            frame[field.name] = pandas.Categorical(
                frame[field.name], categories=[m.value for m in field.item]  # type: ignore[union-attr]
            )
    return typing.cast("pd.DataFrame", frame)

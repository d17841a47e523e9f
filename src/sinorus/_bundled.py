"""Reading the bundled data: plain code, no cattrs, so the first answer stays fast.

The bundled file uses the same format as users' files (see :mod:`sinorus.io`).
Records are built without re-running their attrs validators, which would
triple the cost of the first query; the test suite proves that every
bundled record passes them and that this loader builds exactly what the
validating cattrs converter builds. Rules across records are still checked
here, by :class:`~sinorus.Dataset`.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any, Final

import attrs

from .dataset import Dataset
from .errors import DataError
from .model import (
    Agreement,
    AgreementKind,
    Domain,
    Event,
    EventKind,
    ExerciseFormat,
    Precision,
    Quote,
    Source,
)
from .validation import SECTIONS

__all__ = ["DATA_FILE", "read_bundled"]

#: The bundled data file.
DATA_FILE: Final = os.path.join(os.path.dirname(__file__), "data", "sinorus.json")

_DATE_FIELDS: Final = frozenset({"start", "end", "signed", "in_force", "ended"})
_TUPLE_FIELDS: Final = frozenset({"parties", "signatories", "aliases", "participants", "people"})
_ENUMS: Final[dict[str, Any]] = {
    "precision": Precision,
    "domain": Domain,
    "format": ExerciseFormat,
}
_KINDS: Final[dict[type, Any]] = {Agreement: AgreementKind, Event: EventKind}


def read_bundled() -> Dataset:
    """Read and check the bundled data file (callers cache the result)."""
    import json

    with open(DATA_FILE, "rb") as file:
        document = json.loads(file.read())
    try:
        sources = {key: _new(Source, value) for key, value in document["sources"].items()}
        sections = {
            section: [_record(cls, raw, sources) for raw in document.get(section, ())]
            for section, cls in SECTIONS.items()
        }
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, DataError):
            raise DataError(error.problems, file=DATA_FILE) from None
        raise DataError(f"malformed bundled data: {error!r}", file=DATA_FILE) from None
    return Dataset(**sections, data_version=document["data_version"], source=DATA_FILE)


def _record(cls: type, raw: dict[str, Any], sources: dict[str, Source]) -> Any:
    fields: dict[str, Any] = {}
    for name, value in raw.items():
        if value is None:
            pass
        elif name in _DATE_FIELDS:
            value = date.fromisoformat(value)
        elif name in _TUPLE_FIELDS:
            value = tuple(value)
        elif name == "sources":
            value = tuple(sources[key] for key in value)
        elif name == "quotes":
            value = tuple(
                _new(Quote, {**q, "sources": tuple(sources[key] for key in q["sources"])})
                for q in value
            )
        elif name == "kind":
            value = _KINDS[cls](value)
        elif name in _ENUMS:
            value = _ENUMS[name](value)
        fields[name] = value
    return _new(cls, fields)


def _new(cls: type, values: dict[str, Any]) -> Any:
    """An instance of the frozen attrs class ``cls`` holding ``values`` (defaults filled in)."""
    record: Any = object.__new__(cls)
    unused = len(values)
    for field in attrs.fields(cls):
        if field.name in values:
            value = values[field.name]
            unused -= 1
        elif field.default is not attrs.NOTHING:
            value = field.default
        else:
            raise DataError(f"{cls.__name__} {values.get('id', '')!r}: {field.name!r} is missing")
        object.__setattr__(record, field.name, value)
    if unused:
        raise DataError(
            f"{cls.__name__} {values.get('id', '')!r}: unknown fields in {sorted(values)}"
        )
    return record

"""Reading the bundled data: plain code, no cattrs or json, so the first answer stays fast.

The data lives in ``data/sinorus.json``, in the same format as users' files
(see :mod:`sinorus.io`). The package also ships that document as a Python
literal, ``_bundled_data.py``, written by :func:`render_module`: its compiled
bytecode loads in about a third of the time that importing :mod:`json` and
parsing the file take. A test keeps the two identical.

Records are built without re-running their attrs validators, which would
triple the cost of the first query; the test suite proves that every
bundled record passes them and that this loader builds exactly what the
validating cattrs converter builds from the JSON file. Rules across records
are still checked here, by :class:`~sinorus.Dataset`.

To change the data, edit the JSON file and run ``python -m sinorus._bundled``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import attrs

from .dataset import Dataset
from .errors import DataError
from .model import (
    Agreement,
    AgreementKind,
    Alternative,
    Coverage,
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
_TUPLE_FIELDS: Final = frozenset(
    {"parties", "signatories", "aliases", "participants", "people", "restated_by"}
)
_ENUMS: Final[dict[str, Any]] = {
    "precision": Precision,
    "domain": Domain,
    "format": ExerciseFormat,
}
_KINDS: Final[dict[type, Any]] = {Agreement: AgreementKind, Event: EventKind}

# How to turn a JSON value into a field's value: (value, sources table) -> value.
_Convert = Callable[[Any, dict[str, Source]], Any]


def _sources(keys: list[str], table: dict[str, Source]) -> tuple[Source, ...]:
    return tuple([table[key] for key in keys])


def _quotes(raw: list[dict[str, Any]], table: dict[str, Source]) -> tuple[Quote, ...]:
    return tuple(_record(Quote, q, table) for q in raw)


def _alternatives(raw: list[dict[str, Any]], table: dict[str, Source]) -> tuple[Alternative, ...]:
    return tuple(_record(Alternative, a, table) for a in raw)


@functools.cache
def _spec(cls: type) -> tuple[tuple[str, Any, _Convert | None], ...]:
    """Each field of ``cls``: its name, its default (or NOTHING) and how to convert it."""
    fields = []
    for field in attrs.fields(cls):
        name = field.name
        convert: _Convert | None = None
        if name in _DATE_FIELDS:
            convert = lambda value, _: date.fromisoformat(value)  # noqa: E731
        elif name in _TUPLE_FIELDS:
            convert = lambda value, _: tuple(value)  # noqa: E731
        elif name == "sources":
            convert = _sources
        elif name == "quotes":
            convert = _quotes
        elif name == "alternatives":
            convert = _alternatives
        elif name == "kind" or name in _ENUMS:
            members = {m.value: m for m in (_KINDS[cls] if name == "kind" else _ENUMS[name])}
            convert = lambda value, _, members=members: members[value]  # noqa: E731
        fields.append((name, field.default, convert))
    return tuple(fields)


#: The Python module holding the bundled document.
MODULE_FILE: Final = os.path.join(os.path.dirname(__file__), "_bundled_data.py")


def render_module(document: dict[str, Any]) -> str:
    """The text of ``_bundled_data.py`` for the parsed JSON ``document``."""
    return (
        '"""The bundled data as a Python literal, written from data/sinorus.json by\n'
        '``python -m sinorus._bundled``; edit the JSON file, not this one."""\n\n'
        "from typing import Any\n\n"
        f"DOCUMENT: dict[str, Any] = {document!r}\n"
    )


def read_bundled() -> Dataset:
    """Build and check the bundled dataset (callers cache the result)."""
    from ._bundled_data import DOCUMENT as document

    try:
        sources = {key: _record(Source, value, {}) for key, value in document["sources"].items()}
        sections = {
            section: [_record(cls, raw, sources) for raw in document.get(section, ())]
            for section, cls in SECTIONS.items()
        }
        coverage = [_record(Coverage, raw, sources) for raw in document.get("coverage", ())]
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, DataError):
            raise DataError(error.problems, file=DATA_FILE) from None
        raise DataError(f"malformed bundled data: {error!r}", file=DATA_FILE) from None
    return Dataset(
        **sections, coverage=coverage, data_version=document["data_version"], source=DATA_FILE
    )


def _record(cls: type, raw: dict[str, Any], sources: dict[str, Source]) -> Any:
    """An instance of the frozen attrs class ``cls`` from its JSON object (defaults filled in)."""
    record: Any = object.__new__(cls)
    used = 0
    for name, default, convert in _spec(cls):
        if name in raw:
            used += 1
            value = raw[name]
            if convert is not None and value is not None:
                value = convert(value, sources)
        elif default is attrs.NOTHING:
            raise DataError(f"{cls.__name__} {raw.get('id', '')!r}: {name!r} is missing")
        else:
            value = default
        object.__setattr__(record, name, value)
    if used != len(raw):
        raise DataError(f"{cls.__name__} {raw.get('id', '')!r}: unknown fields in {sorted(raw)}")
    return record


if __name__ == "__main__":
    import json

    with open(DATA_FILE, encoding="utf-8") as file:
        parsed = json.load(file)
    with open(MODULE_FILE, "w", encoding="utf-8") as file:
        file.write(render_module(parsed))
    print(f"wrote {MODULE_FILE}")

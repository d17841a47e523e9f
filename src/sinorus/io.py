"""Reading datasets from JSON files with a strict cattrs converter.

The file format (``schema_version`` 1) is a JSON object::

    {
      "schema_version": 1,
      "data_version": "2026.11.28",          (optional)
      "sources": {"key": {"title": ..., "url": ..., "publisher": ...}, ...},
      "phases": [...], "partnership_levels": [...], "agreements": [...],
      "exercises": [...], "events": [...], "trade": [...], "arms": [...]
    }

Each section is a list of records whose keys are the fields of the matching
class in :mod:`sinorus.model`; dates are ISO strings (``"2001-07-16"``),
enums their values (``"joint statement"``). A record's ``sources`` (and a
quote's) lists keys of the top-level ``sources`` table or inline source
objects. Every section and the table may be left out.

Reading checks everything and reports every problem at once, each with its
place in the file (``$.exercises[3].start``); a file with any problem
yields nothing.
"""

from __future__ import annotations

import functools
import os
from datetime import date
from typing import Any, Final

import cattrs

from .dataset import Dataset
from .errors import DataError
from .validation import SECTIONS

__all__ = ["SCHEMA_VERSION", "converter", "parse", "read", "to_document", "write"]

#: The version of the file format this library reads and writes.
SCHEMA_VERSION: Final = 1

_TOP_LEVEL: Final = frozenset({"schema_version", "data_version", "sources", *SECTIONS})


@functools.cache
def converter() -> cattrs.Converter:
    """The configured converter: strict types, ISO dates, no unknown keys.

    >>> from datetime import date
    >>> converter().structure("2001-07-16", date)
    datetime.date(2001, 7, 16)
    """
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)

    def structure_date(value: Any, _: type) -> date:
        if not isinstance(value, str):
            raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
        return date.fromisoformat(value)

    def strict(kind: type) -> Any:
        def structure(value: Any, _: type) -> Any:
            if isinstance(value, bool) and kind is not bool:
                raise TypeError(f"expected {kind.__name__}, got bool")
            if kind is float and isinstance(value, int):
                return float(value)
            if not isinstance(value, kind):
                raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
            return value

        return structure

    conv.register_structure_hook(date, structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, strict(kind))
    return conv


def to_document(dataset: Dataset) -> dict[str, Any]:
    """The dataset as JSON-ready data in the file format, sources gathered in one table.

    Source keys are ``s1``, ``s2``, … in order of first use; reading the
    document back gives records equal to the originals.
    """
    conv = converter()
    keys: dict[Any, str] = {}
    table: dict[str, Any] = {}

    def key_of(source: Any) -> str:
        if source not in keys:
            keys[source] = f"s{len(keys) + 1}"
            table[keys[source]] = conv.unstructure(source)
        return keys[source]

    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if dataset.data_version is not None:
        document["data_version"] = dataset.data_version
    document["sources"] = table
    for section in SECTIONS:
        records = []
        for record in getattr(dataset, section):
            raw = conv.unstructure(record)
            raw["sources"] = [key_of(s) for s in record.sources]
            for quote, raw_quote in zip(
                getattr(record, "quotes", ()), raw.get("quotes", ()), strict=True
            ):
                raw_quote["sources"] = [key_of(s) for s in quote.sources]
            records.append(raw)
        document[section] = records
    return document


def write(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write the dataset to a JSON file that :func:`read` (and ``sinorus.load``) reads back."""
    import json

    text = json.dumps(to_document(dataset), ensure_ascii=False, indent=1)
    try:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text + "\n")
    except OSError as error:
        raise DataError(f"cannot write the file: {error.strerror}", file=os.fspath(path)) from None


def _describe(error: BaseException, kind: type | None) -> str:
    if isinstance(error, DataError):
        return "; ".join(error.problems)
    if (
        isinstance(error, (TypeError, ValueError))
        and not isinstance(error, KeyError)
        and str(error)
    ):
        return str(error)
    return cattrs.v.format_exception(error, kind)


def read(path: str | os.PathLike[str]) -> Dataset:
    """Read, check and return the dataset in a JSON file; :class:`DataError` lists every problem.

    >>> from sinorus import io
    >>> io.read(io.bundled_path()).get("treaty-of-friendship-1950").signed
    datetime.date(1950, 2, 14)
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as file:
            raw = file.read()
    except OSError as error:
        raise DataError(f"cannot read the file: {error.strerror}", file=name) from None
    return parse(raw, name)


def bundled_path() -> str:
    """Where the bundled data file lies."""
    from ._bundled import DATA_FILE

    return DATA_FILE


def parse(raw: bytes | str, name: str = "<data>") -> Dataset:
    """Check and return the dataset in ``raw`` JSON text; ``name`` is used in messages."""
    import json

    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError(f"not UTF-8 text (byte {error.start})", file=name) from None
    else:
        text = raw
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            file=name,
        ) from None
    except RecursionError:
        raise DataError("not valid JSON: nested too deeply", file=name) from None
    sections, data_version = _structure(document, name)
    return Dataset(**sections, data_version=data_version, source=name)


def _structure(document: Any, name: str) -> tuple[dict[str, list[Any]], str | None]:
    if not isinstance(document, dict):
        raise DataError(f"$: expected a JSON object, got {type(document).__name__}", file=name)
    problems: list[str] = []
    unknown = sorted(set(document) - _TOP_LEVEL)
    if unknown:
        problems.append(f"$: unknown keys {', '.join(map(repr, unknown))}")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        problems.append(f"$.schema_version: expected {SCHEMA_VERSION}, got {version!r}")
    data_version = document.get("data_version")
    if data_version is not None and not isinstance(data_version, str):
        problems.append(f"$.data_version: expected a string, got {type(data_version).__name__}")
        data_version = None
    table = document.get("sources", {})
    if not isinstance(table, dict):
        problems.append(f"$.sources: expected an object, got {type(table).__name__}")
        table = {}
    conv = converter()
    sections: dict[str, list[Any]] = {}
    for section, cls in SECTIONS.items():
        records = document.get(section, [])
        if not isinstance(records, list):
            problems.append(f"$.{section}: expected a list, got {type(records).__name__}")
            continue
        sections[section] = []
        for index, record in enumerate(records):
            where = f"$.{section}[{index}]"
            if not isinstance(record, dict):
                problems.append(f"{where}: expected an object, got {type(record).__name__}")
                continue
            resolved = _inline_sources(record, table, where, problems)
            try:
                sections[section].append(conv.structure(resolved, cls))
            except DataError as error:
                problems += [f"{where}: {p}" for p in error.problems]
            except Exception as error:  # cattrs' validation errors and whatever they wrap
                for line in cattrs.transform_error(error, path=where, format_exception=_describe):
                    message, _, at = line.rpartition(" @ ")
                    problems.append(f"{at}: {message}" if message else line)
    if problems:
        raise DataError(problems, file=name)
    return sections, data_version


def _inline_sources(
    record: dict[str, Any], table: dict[str, Any], where: str, problems: list[str]
) -> dict[str, Any]:
    """The record with source keys replaced by the table's source objects."""

    def resolve(refs: Any, at: str) -> Any:
        if not isinstance(refs, list):
            return refs  # the converter reports the wrong type
        out = []
        for i, ref in enumerate(refs):
            if isinstance(ref, str):
                if ref not in table:
                    problems.append(f"{at}[{i}]: no source {ref!r} in $.sources")
                    continue
                ref = table[ref]
            out.append(ref)
        return out

    resolved = dict(record)
    if "sources" in resolved:
        resolved["sources"] = resolve(resolved["sources"], f"{where}.sources")
    quotes = resolved.get("quotes")
    if isinstance(quotes, list):
        resolved["quotes"] = [
            {**q, "sources": resolve(q["sources"], f"{where}.quotes[{i}].sources")}
            if isinstance(q, dict) and "sources" in q
            else q
            for i, q in enumerate(quotes)
        ]
    return resolved

"""Reading datasets from JSON files with a strict cattrs converter.

The file format (``schema_version`` 1) is a JSON object::

    {
      "schema_version": 1,
      "data_version": "2026.11.28",          (optional)
      "sources": {"key": {"title": ..., "url": ..., "publisher": ...}, ...},
      "<kind>": [...], ...               (one list per kind: "phases", "trade", …)
      "coverage": [{"kind": "trade", "start": ..., "end": ..., "complete": true}, ...]
    }

The kinds are those of :data:`sinorus.kinds.KINDS`. Each is a list of
records whose keys are the fields of the kind's record class in
:mod:`sinorus.model`; dates are ISO strings (``"2001-07-16"``),
enums their values (``"joint statement"``). A record's ``sources`` (and a
quote's) lists keys of the top-level ``sources`` table or inline source
objects, as do the ``sources`` of its quotes and alternatives. Every kind,
the table and the coverage may be left out.

Reading checks everything and reports every problem at once, each with its
place in the file (``$.exercises[3].start``); a file with any problem
yields nothing.
"""

from __future__ import annotations

import enum
import functools
import gc
import os
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import cattrs
from cattrs.gen import make_dict_structure_fn

from .dataset import Dataset
from .errors import DataError, QueryTypeError
from .fields import NESTED, fields_of
from .kinds import KIND, KINDS
from .model import Coverage, Source
from .series import Series
from .validation import find_problems

__all__ = ["SCHEMA_VERSION", "converter", "parse", "read", "to_document", "write"]

#: The version of the file format this library reads and writes.
SCHEMA_VERSION: Final = 1

_TOP_LEVEL: Final = frozenset({"schema_version", "data_version", "sources", "coverage", *KIND})


@functools.cache
def converter() -> cattrs.Converter:
    """The configured converter: strict types, ISO dates, no unknown keys.

    Its errors carry the path to each bad field (``$.exercises[3].start``).

    >>> from datetime import date
    >>> converter().structure("2001-07-16", date)
    datetime.date(2001, 7, 16)
    """
    return _make_converter(detailed=True)


@functools.cache
def _fast_converter() -> cattrs.Converter:
    """The same result without cattrs' path tracking: tried first, as most records are fine.

    Plain values pass straight to the record classes, whose attrs validators
    check every field's type anyway; any failure sends the record through
    :func:`converter`, which says where and why.
    """
    conv = _make_converter(detailed=False)

    def same(value: Any, _: type) -> Any:
        return value

    def names(value: Any, _: type) -> Any:
        return tuple(value) if type(value) is list else value

    def sources(value: Any, _: type) -> tuple[Source, ...]:
        if type(value) is list and all(type(item) is Source for item in value):
            return tuple(value)
        return tuple(conv.structure(item, Source) for item in value)

    def number(value: Any, _: type) -> Any:
        return float(value) if type(value) is int else value  # JSON 8 means 8.0

    for plain in (str, int, bool):
        conv.register_structure_hook(plain, same)
    conv.register_structure_hook(float, number)
    enums = {f.item for kind in KINDS for f in fields_of(kind.record) if f.shape == "enum"}
    for enum_type in enums:
        conv.register_structure_hook(enum_type, _enum_lookup(enum_type))  # type: ignore[arg-type]
    hooks: list[tuple[object, Any]] = [
        (tuple[str, ...], names),
        (tuple[Source, ...], sources),
        (str | None, same),
    ]
    for kind, hook in hooks:
        conv.register_structure_hook_func(_is(kind), hook)
    return conv


def _enum_lookup(enum_type: type[enum.Enum]) -> Callable[[Any, type], Any]:
    """Structure an enum from its value with one dict lookup (KeyError if unknown)."""
    members = {member.value: member for member in enum_type}
    return lambda value, _: members[value]


def _is(kind: object) -> Callable[[Any], bool]:
    """A cattrs predicate matching exactly the type ``kind``."""
    return lambda candidate: bool(candidate == kind)


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)

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
    # A series of records is written as the list of its records.
    conv.register_unstructure_hook(Series, lambda series: [conv.unstructure(r) for r in series])
    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, strict(kind))

    # A source already built (from a file's sources table) is used as it is.
    build_source = make_dict_structure_fn(Source, conv, _cattrs_forbid_extra_keys=True)

    def structure_source(value: Any, _: type) -> Source:
        return value if isinstance(value, Source) else build_source(value, Source)

    conv.register_structure_hook(Source, structure_source)
    return conv


def to_document(dataset: Dataset) -> dict[str, Any]:
    """The dataset as JSON-ready data in the file format, sources gathered in one table.

    Source keys are ``s1``, ``s2``, … in order of first use; reading the
    document back gives records equal to the originals.

    >>> import sinorus
    >>> document = to_document(sinorus.load())
    >>> document["schema_version"], len(document["trade"]) == len(sinorus.load().trade)
    (1, True)
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
    for kind in KINDS:
        records = []
        for record in dataset[kind.name]:
            raw = conv.unstructure(record)
            raw["sources"] = [key_of(s) for s in record.sources]
            for nested in NESTED:
                for item, raw_item in zip(
                    getattr(record, nested, ()), raw.get(nested, ()), strict=True
                ):
                    raw_item["sources"] = [key_of(s) for s in item.sources]
            records.append(raw)
        document[kind.name] = records
    document["coverage"] = [conv.unstructure(span) for span in dataset.coverage]
    return document


def write(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write the dataset to a JSON file that :func:`read` (and ``sinorus.load``) reads back.

    >>> import sinorus, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "copy.json")
    >>> write(sinorus.load(), path)
    >>> read(path).get("trade-2010").total_usd_bn
    55.5
    """
    import json

    name = _path_name(path)
    text = json.dumps(to_document(dataset), ensure_ascii=False, indent=1)
    try:
        with open(name, "w", encoding="utf-8") as file:
            file.write(text + "\n")
    except OSError as error:
        raise DataError(f"cannot write the file: {error.strerror}", file=name) from None
    except ValueError as error:  # a path the system refuses, e.g. one holding a NUL
        raise DataError(f"cannot write the file: {error}", file=name) from None


def _path_name(path: object) -> str:
    """``path`` as a string, refusing what is not a path (an int would open a descriptor)."""
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise QueryTypeError(
            f"a path must be a string or path-like object, got {type(path).__name__}: {path!r}"
        )
    try:
        return os.fsdecode(path)
    except TypeError as error:  # an __fspath__ that returns neither str nor bytes
        raise QueryTypeError(f"not a usable path: {error}") from None


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


def _placed(error: BaseException, path: str) -> list[str]:
    """cattrs' account of ``error`` as problems of the form ``$.where: what``."""
    problems = []
    for line in cattrs.transform_error(error, path=path, format_exception=_describe):
        message, _, at = line.rpartition(" @ ")
        problems.append(f"{at}: {message}" if message else line)
    return problems


def read(path: str | os.PathLike[str]) -> Dataset:
    """Read, check and return the dataset in a JSON file; :class:`DataError` lists every problem.

    >>> from sinorus import io
    >>> io.read(io.bundled_path()).get("treaty-of-friendship-1950").signed
    datetime.date(1950, 2, 14)
    """
    name = _path_name(path)
    try:
        with open(name, "rb") as file:
            raw = file.read()
    except OSError as error:
        raise DataError(f"cannot read the file: {error.strerror}", file=name) from None
    except ValueError as error:  # a path the system refuses, e.g. one holding a NUL
        raise DataError(f"cannot read the file: {error}", file=name) from None
    return parse(raw, name)


def bundled_path() -> str:
    """Where the bundled data file lies."""
    from ._bundled import DATA_FILE

    return DATA_FILE


def parse(raw: bytes | str, name: str = "<data>") -> Dataset:
    """Check and return the dataset in ``raw`` JSON text; ``name`` is used in messages.

    >>> len(parse('{"schema_version": 1}').trade)
    0
    >>> parse('{"schema_version": 2}', "mine.json")
    Traceback (most recent call last):
    ...
    sinorus.DataError: mine.json: $.schema_version: expected 1, got 2
    """
    # Parsing and checking create many objects and no reference cycles; the
    # cyclic collector, were it left on, would rescan them all again and again.
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(raw, name)
    finally:
        if was_collecting:
            gc.enable()


def _parse(raw: bytes | str, name: str) -> Dataset:
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
    sections, coverage, data_version = _structure(document, name)
    return Dataset(sections, coverage=coverage, data_version=data_version, source=name)


def _structure(
    document: Any, name: str
) -> tuple[dict[str, list[Any]], list[Coverage], str | None]:
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
    sections = _records(document, table, problems)
    coverage = _coverage(document.get("coverage", []), problems)
    if problems:
        # Report what the records that did build show across records too (a
        # duplicate id, an overlap), so that one pass finds every problem.
        problems += find_problems(sections, coverage)
        raise DataError(problems, file=name)
    return sections, coverage, data_version


def _coverage(raw: Any, problems: list[str]) -> list[Coverage]:
    """The declared coverage of each kind, or the problems that stop it.

    Files written before the field was called ``kind`` name it ``series``;
    they are read the same way.
    """
    if not isinstance(raw, list):
        problems.append(f"$.coverage: expected a list, got {type(raw).__name__}")
        return []
    built = []
    conv = converter()
    for index, span in enumerate(raw):
        if isinstance(span, dict) and "series" in span and "kind" not in span:
            span = {("kind" if key == "series" else key): value for key, value in span.items()}
        try:
            built.append(conv.structure(span, Coverage))
        except Exception as error:  # reported with its place, like a record's
            problems += _placed(error, f"$.coverage[{index}]")
    return built


def _records(
    document: dict[str, Any], table: dict[str, Any], problems: list[str]
) -> dict[str, list[Any]]:
    """Every section's records, or the problems that stop them, added to ``problems``."""
    sources, broken = _sources_table(table, problems)
    fast, detailed = _fast_converter(), converter()
    sections: dict[str, list[Any]] = {}
    for kind in KINDS:
        section, cls = kind.name, kind.record
        records = document.get(section, [])
        if not isinstance(records, list):
            problems.append(f"$.{section}: expected a list, got {type(records).__name__}")
            continue
        built = sections[section] = []
        structure = fast.structure
        for index, record in enumerate(records):
            # The usual record: a JSON object whose sources are all keys of the table.
            # (The document is this module's own, parsed from the file, so it may change.)
            if type(record) is dict and "quotes" not in record and "alternatives" not in record:
                refs = record.get("sources")
                if type(refs) is list:
                    try:
                        record["sources"] = [sources[key] for key in refs]
                        built.append(structure(record, cls))
                        continue
                    except Exception:  # looked at again below, to say where and why
                        record["sources"] = refs
            where = f"$.{section}[{index}]"
            if not isinstance(record, dict):
                problems.append(f"{where}: expected an object, got {type(record).__name__}")
                continue
            resolved = _inline_sources(record, sources, broken, where, problems)
            try:
                built.append(structure(resolved, cls))
                continue
            except Exception:  # structured again below, to say where and why
                pass
            try:
                detailed.structure(resolved, cls)
            except DataError as error:
                problems += [f"{where}: {p}" for p in error.problems]
            except Exception as error:  # cattrs' validation errors and whatever they wrap
                problems += _placed(error, where)
            else:  # the detailed pass found nothing the fast one objected to
                problems.append(f"{where}: invalid record")
    return sections


def _sources_table(
    table: dict[str, Any], problems: list[str]
) -> tuple[dict[str, Source], set[str]]:
    """The top-level sources, each built once; and the keys of those that are invalid."""
    built: dict[str, Source] = {}
    broken: set[str] = set()
    conv = converter()
    for key, raw in table.items():
        try:
            built[key] = conv.structure(raw, Source)
        except Exception as error:  # reported with its place, like a record's
            broken.add(key)
            problems += _placed(error, f"$.sources.{key}")
    return built, broken


def _inline_sources(
    record: dict[str, Any],
    table: dict[str, Source],
    broken: set[str],
    where: str,
    problems: list[str],
) -> dict[str, Any]:
    """The record with source keys replaced by the table's sources."""
    resolved = dict(record)
    refs = record.get("sources")
    if type(refs) is list and "quotes" not in record and "alternatives" not in record:
        try:  # the common case: every entry a key of the table
            resolved["sources"] = [table[key] for key in refs]
            return resolved
        except (KeyError, TypeError):
            pass
    if "sources" in resolved:
        resolved["sources"] = _resolve(
            resolved["sources"], table, broken, f"{where}.sources", problems
        )
    for nested in NESTED:
        items = resolved.get(nested)
        if isinstance(items, list):
            resolved[nested] = [
                {
                    **item,
                    "sources": _resolve(
                        item["sources"],
                        table,
                        broken,
                        f"{where}.{nested}[{i}].sources",
                        problems,
                    ),
                }
                if isinstance(item, dict) and "sources" in item
                else item
                for i, item in enumerate(items)
            ]
    return resolved


def _resolve(
    refs: Any, table: dict[str, Source], broken: set[str], at: str, problems: list[str]
) -> Any:
    if not isinstance(refs, list):
        return refs  # the converter reports the wrong type
    out = []
    for i, ref in enumerate(refs):
        if isinstance(ref, str):
            if ref in broken:
                continue
            if ref not in table:
                problems.append(f"{at}[{i}]: no source {ref!r} in $.sources")
                continue
            ref = table[ref]
        out.append(ref)
    return out

"""Exports of the tidy tables and panels: a Frictionless data package, CSV, Parquet, Stata, Excel.

:func:`export` writes every table of :func:`sinorus.tidy.tables` (and, with
``panels``, the year and month panels of :mod:`sinorus.panels`):

- ``"datapackage"``: a folder of CSV files and a ``datapackage.json``
  descriptor (a Frictionless tabular data package: each resource has a
  Table Schema with field types, primary key and foreign keys);
- ``"csv"``: the same CSV files without the descriptor;
- ``"parquet"``: a folder of Parquet files (the ``parquet`` extra, pyarrow);
- ``"dta"``: a folder of Stata 14+ ``.dta`` files (the ``stata`` extra, pandas);
- ``"xlsx"``: one Excel workbook, a sheet per table after an ``about``
  sheet (the ``excel`` extra, openpyxl).

Every file is written whole or not at all (a temporary file beside it,
then a rename). :func:`write_table` writes one table in any of the
formats but the data package.

>>> import sinorus, tempfile, os, json, pathlib
>>> folder = os.path.join(tempfile.mkdtemp(), "package")
>>> written = export(sinorus.load(), folder, "datapackage")
>>> descriptor = json.loads(pathlib.Path(written[-1]).read_text(encoding="utf-8"))
>>> descriptor["licenses"][0]["name"], descriptor["version"] == sinorus.load().data_version
('CC-BY-4.0', True)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from .errors import MissingDependencyError, QueryError, QueryTypeError

if TYPE_CHECKING:
    from .dataset import Dataset
    from .tidy import Table

__all__ = [
    "DATA_LICENSE",
    "FORMATS",
    "all_tables",
    "datapackage",
    "export",
    "write_table",
]

#: The formats :func:`export` writes.
FORMATS: Final = ("datapackage", "csv", "parquet", "dta", "xlsx")

#: The licence of the data, as the data package states it.
DATA_LICENSE: Final = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}

_SUFFIX: Final = {"csv": ".csv", "parquet": ".parquet", "dta": ".dta", "xlsx": ".xlsx"}
_EXTRA: Final = {
    "parquet": ("pyarrow", "Parquet files", "parquet"),
    "dta": ("pandas", "Stata files", "stata"),
    "xlsx": ("openpyxl", "Excel workbooks", "excel"),
}


def _need(format: str) -> Any:
    """The optional module ``format`` needs, or :class:`MissingDependencyError` naming the extra."""
    import importlib

    module, what, extra = _EXTRA[format]
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError.needs(what, module, extra) from None


def _check_format(format: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(format, str):
        raise QueryTypeError(f"format must be a string, got {type(format).__name__}: {format!r}")
    if format not in allowed:
        raise QueryError(
            f"unknown format {format!r}; expected one of {', '.join(map(repr, allowed))}"
        )
    return format


def all_tables(dataset: Dataset | None = None, *, panels: bool = True) -> Mapping[str, Table]:
    """The tidy tables of ``dataset`` (None: the bundled data) and, with ``panels``, the two panels.

    >>> import sinorus
    >>> list(all_tables(sinorus.load()))[-2:]
    ['panel_year', 'panel_month']
    """
    import types

    from .panels import panel_table
    from .tidy import tables

    if dataset is None:
        from .api import load

        dataset = load()
    found = dict(tables(dataset))
    if panels:
        for unit in ("year", "month"):
            table = panel_table(dataset, unit)
            found[table.name] = table
    return types.MappingProxyType(found)


def export(
    dataset: Dataset | None,
    path: str | os.PathLike[str],
    format: str = "datapackage",
    *,
    bom: bool = False,
    panels: bool = True,
    created: datetime | None = None,
) -> tuple[str, ...]:
    """Write every table of ``dataset`` to ``path`` in ``format``; the paths of the files written.

    ``path`` is a folder (made if missing) for ``"datapackage"``, ``"csv"``,
    ``"parquet"`` and ``"dta"``, a file for ``"xlsx"``. ``bom`` starts each
    CSV file with a byte-order mark, which Excel needs to read UTF-8.
    ``created`` is the time the data package states (now, if None). A
    missing optional library raises :class:`~sinorus.MissingDependencyError`
    before anything is written.

    >>> import sinorus, tempfile, os
    >>> folder = os.path.join(tempfile.mkdtemp(), "csv")
    >>> names = [os.path.basename(p) for p in export(None, folder, "csv", panels=False)]
    >>> names[:3]
    ['sources.csv', 'phases.csv', 'partnership_levels.csv']
    """
    from ._files import path_name

    _check_format(format, FORMATS)
    if format in _EXTRA:
        _need(format)
    name = path_name(path)
    found = all_tables(dataset, panels=panels)
    if format == "xlsx":
        version = _version(dataset)
        _write_xlsx(found, name, data_version=version)
        return (name,)
    try:
        os.makedirs(name, exist_ok=True)
    except OSError as error:
        from .errors import DataError

        raise DataError(f"cannot make the folder: {error.strerror}", file=name) from None
    written = []
    suffix = ".csv" if format == "datapackage" else _SUFFIX[format]
    for table in found.values():
        target = os.path.join(name, table.name + suffix)
        write_table(table, target, "csv" if format == "datapackage" else format, bom=bom)
        written.append(target)
    if format == "datapackage":
        import json

        from ._files import atomic_path

        descriptor = datapackage(dataset, found, bom=bom, created=created)
        target = os.path.join(name, "datapackage.json")
        text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
        with atomic_path(target) as temporary, open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
        written.append(target)
    return tuple(written)


def _version(dataset: Dataset | None) -> str | None:
    if dataset is None:
        from .api import load

        dataset = load()
    return dataset.data_version


def write_table(
    table: Table, path: str | os.PathLike[str], format: str = "csv", *, bom: bool = False
) -> None:
    """Write one table to the file ``path`` as ``"csv"``, ``"parquet"``, ``"dta"`` or ``"xlsx"``.

    >>> import sinorus, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "trade.csv"
    >>> write_table(sinorus.tables()["trade"], path, "csv")
    >>> path.read_text(encoding="utf-8").split(",")[:3]
    ['id', 'name', 'year']
    """
    _check_format(format, tuple(_SUFFIX))
    if format == "csv":
        table.write_csv(path, bom=bom)
    elif format == "parquet":
        _write_parquet(table, path)
    elif format == "dta":
        _write_dta(table, path)
    else:
        from ._files import path_name

        _write_xlsx({table.name: table}, path_name(path), data_version=None)


# --- the data package ------------------------------------------------------------


def _field(column: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.description:
        field["description"] = column.description
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.values is not None:
        constraints["enum"] = list(column.values)
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(
    dataset: Dataset | None = None,
    found: Mapping[str, Table] | None = None,
    *,
    bom: bool = False,
    created: datetime | None = None,
) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of the tables ``found`` (all of ``dataset``'s if None).

    >>> import sinorus
    >>> descriptor = datapackage(sinorus.load())
    >>> schema = {r["name"]: r for r in descriptor["resources"]}["record_sources"]["schema"]
    >>> schema["primaryKey"], schema["foreignKeys"][0]["reference"]
    (['record_kind', 'record_id', 'position'], {'resource': 'sources', 'fields': ['source_id']})
    """
    if dataset is None:
        from .api import load

        dataset = load()
    if found is None:
        found = all_tables(dataset)
    when = created or datetime.now(UTC)
    resources = []
    for table in found.values():
        schema: dict[str, Any] = {
            "fields": [_field(column) for column in table.columns],
            "missingValues": [""],
        }
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        keys = [
            {
                "fields": list(key.fields),
                "reference": {"resource": key.table, "fields": list(key.reference)},
            }
            for key in table.foreign_keys
            if key.table in found
        ]
        if keys:
            schema["foreignKeys"] = keys
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if bom else "utf-8",
                "description": table.description,
                "schema": schema,
            }
        )
    sources = found["sources"].rows if "sources" in found else ()
    return {
        "profile": "tabular-data-package",
        "name": "sinorus",
        "title": "sinorus: China–Russia (Sino-Soviet) relations",
        "description": (
            "The history of China–Russia (before 1992 Sino-Soviet) relations as tidy tables: "
            "phases, partnership levels, agreements, joint exercises, events, trade, arms "
            "transfers and leaders, each record with its sources, and a dyad-year and "
            "dyad-month panel. The data is licensed CC-BY-4.0; the sinorus code that "
            "writes it is MIT-licensed. See docs/codebook.md for the panel's columns."
        ),
        "version": dataset.data_version,
        "created": when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "keywords": ["china", "russia", "soviet union", "international relations", "dyad"],
        "licenses": [dict(DATA_LICENSE)],
        "contributors": [{"title": "The sinorus developers", "role": "author"}],
        "sources": [
            {
                "title": f"The {len(sources)} documents listed in the sources resource",
                "path": "sources.csv",
            }
        ],
        "resources": resources,
    }


# --- Parquet, Stata, Excel --------------------------------------------------------


def _write_parquet(table: Table, path: str | os.PathLike[str]) -> None:
    import importlib

    pyarrow = _need("parquet")
    parquet = importlib.import_module("pyarrow.parquet")

    from ._files import atomic_path

    types = {
        "string": pyarrow.string(),
        "integer": pyarrow.int64(),
        "number": pyarrow.float64(),
        "boolean": pyarrow.bool_(),
        "date": pyarrow.date32(),
    }
    schema = pyarrow.schema(
        [
            pyarrow.field(
                c.name,
                types[c.type],
                nullable=not c.required,
                metadata={"description": c.description} if c.description else None,
            )
            for c in table.columns
        ],
        metadata={"name": table.name, "description": table.description},
    )
    arrays = [
        pyarrow.array([row[i] for row in table.rows], type=types[c.type])
        for i, c in enumerate(table.columns)
    ]
    built = pyarrow.Table.from_arrays(arrays, schema=schema)
    with atomic_path(path) as temporary:
        parquet.write_table(built, temporary)


_STATA_TEXT_LIMIT: Final = 2045  # bytes in a Stata str column; longer text goes in a strL


def _stata_names(table: Table) -> dict[str, str]:
    """New names for the columns whose names Stata reserves: ``end`` becomes ``end_date``."""
    import pandas.io.stata

    reserved = set(getattr(pandas.io.stata.StataWriter, "RESERVED_WORDS", ())) | {"end"}
    return {
        c.name: f"{c.name}_date" if c.type == "date" else f"{c.name}_"
        for c in table.columns
        if c.name in reserved
    }


def _write_dta(table: Table, path: str | os.PathLike[str]) -> None:
    _need("dta")
    from ._files import atomic_path
    from .dataframes import table_frame

    frame = table_frame(table)
    long_text = []
    dates: dict[str, Any] = {}
    for column in table.columns:
        series = frame[column.name]
        if column.type == "date":
            dates[column.name] = "td"
        elif column.type == "boolean":
            frame[column.name] = series.astype("Int8" if not column.required else "int8")
        elif column.type == "string" and not (column.values or column.categorical):
            text = series.fillna("").astype(object)
            frame[column.name] = text
            if any(len(str(v).encode("utf-8")) > _STATA_TEXT_LIMIT for v in text):
                long_text.append(column.name)
    names = _stata_names(table)
    frame = frame.rename(columns=names)
    labels = {names.get(c.name, c.name): c.description[:80] for c in table.columns if c.description}
    dates = {names.get(name, name): code for name, code in dates.items()}
    long_text = [names.get(name, name) for name in long_text]
    with atomic_path(path) as temporary:
        frame.to_stata(
            temporary,
            write_index=False,
            version=118,
            convert_dates=dates,
            convert_strl=long_text,
            data_label=table.description[:80],
            variable_labels=labels,
        )


def _write_xlsx(found: Mapping[str, Table], path: str, *, data_version: str | None) -> None:
    import importlib

    openpyxl = _need("xlsx")
    WriteOnlyCell = importlib.import_module("openpyxl.cell").WriteOnlyCell
    Font = importlib.import_module("openpyxl.styles").Font

    from ._files import atomic_path

    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    about = book.create_sheet("about")
    about.append(["sinorus: China–Russia (Sino-Soviet) relations"])
    about.append(["data version", data_version or ""])
    about.append(["licence", f"{DATA_LICENSE['title']} ({DATA_LICENSE['path']})"])
    about.append([])
    about.append(["sheet", "rows", "what it holds"])
    for table in found.values():
        about.append([table.name, len(table.rows), table.description])
    for table in found.values():
        sheet = book.create_sheet(table.name[:31])
        sheet.freeze_panes = "A2"
        header = []
        for name in table.column_names:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        dates = {i for i, c in enumerate(table.columns) if c.type == "date"}
        for row in table.rows:
            if dates:
                cells: list[Any] = []
                for i, value in enumerate(row):
                    if i in dates and value is not None:
                        cell = WriteOnlyCell(sheet, value=value)
                        cell.number_format = "yyyy-mm-dd"
                        cells.append(cell)
                    else:
                        cells.append(value)
                sheet.append(cells)
            else:
                sheet.append(list(row))
    with atomic_path(path) as temporary:
        book.save(temporary)

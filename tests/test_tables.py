"""Tidy tables, CSV without pandas, and the exports: data package, Parquet, Stata, Excel."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

import sinorus
from sinorus import formats, tidy
from sinorus.fields import fields_of
from sinorus.io import to_document
from sinorus.kinds import KINDS

# What a Python list written with str() looks like in a cell: ['China', 'Russia'], [None, 'x'].
_ITEM = r"(None|'[^']*'|\"[^\"]*\"|-?[0-9.]+)"
LIST_REPR = re.compile(rf"\[({_ITEM}(, {_ITEM})*)?\]")


@pytest.fixture(scope="module")
def tables(bundled):
    return sinorus.tables(bundled)


@pytest.fixture(scope="module")
def package(tmp_path_factory, bundled):
    folder = tmp_path_factory.mktemp("package") / "sinorus"
    written = sinorus.export(bundled, folder, "datapackage")
    return folder, written


def test_one_table_per_kind_with_one_row_per_record_in_order(bundled, tables):
    for kind in KINDS:
        table = tables[kind.name]
        assert table.column("id") == tuple(r.id for r in bundled[kind.name])
        assert table.primary_key == ("id",)


def test_cells_are_scalars_enums_as_values_lists_joined(bundled, tables):
    ids = tidy.source_ids(bundled)
    for kind in KINDS:
        table = tables[kind.name]
        for record, row in zip(bundled[kind.name], table.rows, strict=True):
            cells = dict(zip(table.column_names, row, strict=True))
            for field in fields_of(kind.record):
                value = getattr(record, field.name)
                if field.shape == "records":
                    assert field.name not in cells
                elif field.shape == "sources":
                    assert cells["source_ids"] == ";".join(ids[s] for s in value)
                elif field.shape == "names":
                    assert cells[field.name] == (";".join(value) or None)
                elif field.shape == "enum":
                    assert cells[field.name] == (value.value if value is not None else None)
                else:
                    assert cells[field.name] == (value if value != "" else None)
            for cell in row:
                assert cell is None or isinstance(cell, (str, int, float, bool, date))


def test_no_list_item_holds_the_separator_so_joined_cells_split_back(bundled):
    for kind in KINDS:
        for field in fields_of(kind.record):
            if field.shape == "names":
                for record in bundled[kind.name]:
                    assert not any(tidy.SEPARATOR in item for item in getattr(record, field.name))


def test_link_tables_rebuild_every_list(bundled, tables):
    for kind, field, name in [
        ("agreements", "parties", "agreement_parties"),
        ("exercises", "participants", "exercise_participants"),
        ("events", "people", "event_people"),
    ]:
        rebuilt: dict[str, list[tuple[int, str]]] = {}
        for record_id, position, item in tables[name].rows:
            rebuilt.setdefault(record_id, []).append((position, item))
        for record in bundled[kind]:
            items = sorted(rebuilt.get(record.id, []))
            assert [p for p, _ in items] == list(range(1, len(items) + 1))
            assert tuple(item for _, item in items) == getattr(record, field)
    sources = {row[0]: row for row in tables["sources"].rows}
    by_record: dict[str, list[str]] = {}
    for record_kind, record_id, _, source_id in tables["record_sources"].rows:
        assert bundled.get(record_id) in bundled[record_kind]
        by_record.setdefault(record_id, []).append(source_id)
    for kind in KINDS:
        for record in bundled[kind.name]:
            titles = [sources[key][1] for key in by_record[record.id]]
            assert titles == [s.title for s in record.sources]


def test_source_ids_are_those_of_the_json_document_and_stable(bundled, tables):
    document = to_document(bundled)
    assert [row[0] for row in tables["sources"].rows] == list(document["sources"])
    for row in tables["sources"].rows:
        raw = document["sources"][row[0]]
        assert row[1] == raw["title"] and row[2] == raw.get("url")
    again = tidy._build(bundled)  # a fresh build, not the kept tables of the bundled data
    assert again["record_sources"] == tables["record_sources"]


def test_source_ids_survive_a_round_trip_through_json(bundled, tables, tmp_path):
    path = tmp_path / "copy.json"
    bundled.to_json(path)
    copy = sinorus.tables(sinorus.load(path))
    assert copy["sources"] == tables["sources"]
    assert copy["record_sources"] == tables["record_sources"]


def test_tables_cannot_change_the_data(tables):
    with pytest.raises(TypeError):
        tables["trade"] = tables["phases"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        tables["trade"].rows = ()  # type: ignore[misc]
    assert isinstance(tables["trade"].rows, tuple)
    assert all(isinstance(row, tuple) for row in tables["trade"].rows)


def test_csv_round_trips_through_csv_and_pandas_without_list_reprs(tables, tmp_path):
    for name, table in tables.items():
        path = tmp_path / f"{name}.csv"
        table.write_csv(path)
        text = path.read_text(encoding="utf-8")
        assert not text.startswith("\ufeff")
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        assert rows[0] == list(table.column_names)
        assert rows[1:] == [[tidy.csv_cell(c) for c in row] for row in table.rows]
        for row in rows[1:]:
            assert not any(LIST_REPR.fullmatch(cell) for cell in row), (name, row)
        frame = pd.read_csv(path, keep_default_na=False, dtype=str)
        assert frame.shape == (len(table.rows), len(table.columns))
        assert frame.to_numpy().tolist() == rows[1:]
    parties = pd.read_csv(tmp_path / "agreements.csv")
    first = sinorus.load().agreements[0]
    assert tuple(parties.loc[0, "parties"].split(";")) == first.parties


def test_frames_written_to_csv_hold_no_list_reprs(tmp_path):
    for kind in KINDS:
        text = sinorus.frame(kind.name).to_csv(index=False)
        for row in csv.reader(io.StringIO(text)):
            assert not any(LIST_REPR.fullmatch(cell) for cell in row), (kind.name, row)


def test_a_bom_for_excel_on_request(tables, tmp_path):
    path = tmp_path / "trade.csv"
    tables["trade"].write_csv(path, bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert frame.columns[0] == "id"
    assert frame["year"].tolist() == list(tables["trade"].column("year"))


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tables, tmp_path):
    from sinorus._files import atomic_path

    path = tmp_path / "trade.csv"
    tables["trade"].write_csv(path)
    before = path.read_bytes()

    def interrupted() -> None:
        with atomic_path(path) as temporary:
            Path(temporary).write_text("half", encoding="utf-8")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["trade.csv"]


def test_writing_into_a_missing_folder_says_which_file(tables, tmp_path):
    target = tmp_path / "no" / "such" / "trade.csv"
    with pytest.raises(sinorus.DataError, match=r"trade\.csv"):
        tables["trade"].write_csv(target)


def test_a_missing_row_or_column_is_our_error(tables):
    with pytest.raises(sinorus.QueryError, match="no column 'nope'"):
        tables["trade"].column("nope")
    with pytest.raises(sinorus.QueryError, match="no row"):
        tables["trade"].row("trade-1900")


# --- the data package ----------------------------------------------------------------


def test_the_data_package_validates_with_frictionless(package):
    folder, _ = package
    program = shutil.which("frictionless", path=str(Path(sys.executable).parent))
    assert program, "the test extra installs frictionless"
    done = subprocess.run(
        [program, "validate", "--json", "datapackage.json"],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=600,
    )
    report = json.loads(done.stdout)
    errors = [e for task in report["tasks"] for e in task["errors"]]
    assert errors == []
    assert report["valid"] is True
    names = {task["name"] for task in report["tasks"]}
    assert {"sources", "agreements", "record_sources", "panel_year"} <= names


def test_the_descriptor_states_version_licence_and_keys(bundled, package):
    folder, written = package
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "sinorus"
    assert descriptor["version"] == bundled.data_version
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0",
        }
    ]
    assert datetime.fromisoformat(descriptor["created"]).tzinfo is not None
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert [Path(p).name for p in written[:-1]] == [r["path"] for r in descriptor["resources"]]
    for name, resource in resources.items():
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as file:
            header = next(csv.reader(file))
        assert header == [f["name"] for f in resource["schema"]["fields"]], name
        for key in resource["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in resources
    record_sources = resources["record_sources"]["schema"]
    assert record_sources["foreignKeys"] == [
        {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}
    ]


# --- Parquet, Stata, Excel ---------------------------------------------------------------


def _plain(value):
    """A cell as it should read back: dates as dates, missing as None."""
    if value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def test_parquet_reads_back_equal(bundled, tmp_path):
    import pyarrow.parquet as pq

    written = sinorus.export(bundled, tmp_path / "parquet", "parquet")
    found = formats.all_tables(bundled)
    assert len(written) == len(found)
    for path in written:
        table = found[Path(path).stem]
        back = pq.read_table(path)
        assert back.column_names == list(table.column_names)
        assert [tuple(row.values()) for row in back.to_pylist()] == list(table.rows)


def test_stata_reads_back_equal(bundled, tmp_path):
    written = sinorus.export(bundled, tmp_path / "dta", "dta")
    found = formats.all_tables(bundled)
    for path in written:
        table = found[Path(path).stem]
        frame = pd.read_stata(path)
        renamed = {"end": "end_date"}
        assert list(frame.columns) == [renamed.get(n, n) for n in table.column_names]
        for i, column in enumerate(table.columns):
            got = [_plain(v) for v in frame.iloc[:, i].tolist()]
            want = [row[i] for row in table.rows]
            if column.type == "string":
                want = ["" if v is None else v for v in want]
                got = ["" if v is None else v for v in got]
            elif column.type == "boolean":
                got = [None if v is None else bool(v) for v in got]
            assert got == want, (table.name, column.name)


def test_excel_reads_back_equal(bundled, tmp_path):
    import openpyxl

    path = tmp_path / "sinorus.xlsx"
    assert sinorus.export(bundled, path, "xlsx") == (str(path),)
    book = openpyxl.load_workbook(path, read_only=True)
    found = formats.all_tables(bundled)
    assert book.sheetnames == ["about", *found]
    about = [row for row in book["about"].iter_rows(values_only=True)]
    assert ("data version", bundled.data_version) in about
    for name, table in found.items():
        rows = list(book[name].iter_rows(values_only=True))
        assert rows[0] == table.column_names
        width = len(table.columns)  # a row read back ends at its last filled cell
        got = [tuple(_plain(v) for v in row) + (None,) * (width - len(row)) for row in rows[1:]]
        assert len(got) == len(table.rows), name
        for back, row in zip(got, table.rows, strict=True):
            assert back == row, name
    book.close()


def test_one_table_in_each_format(tables, tmp_path):
    for format in ("csv", "parquet", "dta", "xlsx"):
        path = tmp_path / f"trade.{format}"
        formats.write_table(tables["trade"], path, format)
        assert path.stat().st_size > 0
    assert pd.read_stata(tmp_path / "trade.dta")["year"].tolist() == list(
        tables["trade"].column("year")
    )


@pytest.mark.parametrize(
    ("module", "format", "extra"),
    [("pyarrow", "parquet", "parquet"), ("openpyxl", "xlsx", "excel"), ("pandas", "dta", "stata")],
)
def test_a_missing_extra_says_how_to_install_it(module, format, extra, tmp_path):
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "import sinorus\n"
        "try:\n"
        f"    sinorus.export(None, sys.argv[1], {format!r})\n"
        "except sinorus.MissingDependencyError as e:\n"
        "    print(e)\n"
    )
    target = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True)
    assert f'pip install ".[{extra}]"' in done.stdout
    assert not target.exists()  # nothing written


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(sinorus.QueryError, match="unknown format 'sav'"):
        sinorus.export(None, tmp_path, "sav")
    with pytest.raises(sinorus.QueryTypeError):
        sinorus.export(None, tmp_path, 3)  # type: ignore[arg-type]

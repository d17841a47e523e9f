"""The command line: ``sinorus`` (or ``python -m sinorus``) and its subcommands.

Exit status: 0 when all went well, 1 for a data or query problem (the
message goes to standard error, one line, no traceback), 2 for a usage
error. ``--json`` gives machine-readable output wherever there is output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from . import __version__
from .api import load
from .dataset import Dataset
from .errors import DataError, NoDataError, QueryError, SinorusError
from .kinds import KIND, Kind, span

__all__ = ["main", "overview"]


def _span(start: date, end: date | None) -> str:
    return f"{start} – {end if end is not None else 'today'}"


def overview(dataset: Dataset, today: date, *, latest: int = 5) -> str:
    """The text ``sinorus overview`` prints: phases, the level today, trade, latest records.

    Past the end of the levels' coverage, the level shown is the one on its last day.
    """
    lines = [f"sinorus {__version__} · China–Russia relations · data {dataset.data_version}", ""]
    lines.append("Phases")
    for phase in dataset.phases:
        lines.append(f"  {_span(phase.start, phase.end):27}  {phase.name}")

    # the level today, or on the last day the data has been checked for
    covered = dataset.coverage_of("partnership_levels")
    day = min(today, covered.end) if covered is not None else today
    lines += ["", f"Official partnership level on {day}"]
    try:
        level = dataset.partnership_level_at(day)
    except NoDataError:
        level = None
    if level is None:
        lines.append("  (no designation held on this day)")
    else:
        lines.append(f"  {level.name} (since {level.start})")
        lines.append("  How it got there:")
        for step in dataset.partnership_levels:
            if step.start <= day:
                lines.append(f"    {step.start}  {step.name}")

    years = [r.year for r in dataset.trade]
    if years:
        first, last = (2000, 2010) if {2000, 2010} <= set(years) else (years[0], years[-1])
        factor = dataset.trade_growth_factor(first, last)
        newest = dataset.trade[-1]
        lines += [
            "",
            "Trade (total goods trade, billions of US dollars)",
            f"  {first}: {dataset.trade_volume(first):g}   {last}: {dataset.trade_volume(last):g}"
            f"   growth factor {factor:.2f}×",
            f"  latest full year, {newest.year}: {newest.total_usd_bn:g}",
        ]
        for so_far in dataset.trade_to_date:  # the years not yet complete
            lines.append(f"  {so_far.name}: {so_far.total_usd_bn:g} so far")

    for title, records in (
        ("Latest agreements", dataset.agreements),
        ("Latest exercises", dataset.exercises),
    ):
        lines += ["", title]
        for record in records[-latest:]:
            lines.append(f"  {record.start}  {record.name}")
    lines += ["", "Every record cites its sources: sinorus.load().get(ID).sources"]
    return "\n".join(lines)


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _plain(value: Any) -> Any:
    from .io import converter

    return converter().unstructure(value)


def _utf8(stream: Any) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.replace("-", "").replace("_", "").lower() in ("utf8", "utf8sig")


def _json_text(data: Any, **options: Any) -> str:
    """JSON for standard output: escaped to ASCII where the output is not UTF-8 (nothing lost)."""
    return json.dumps(data, ensure_ascii=not _utf8(sys.stdout), **options)


def _emit(args: argparse.Namespace, text: str, data: Any, csv: str | None = None) -> None:
    """Print ``text``, or ``data`` as JSON with ``--json``, or ``csv`` with ``--format csv``."""
    shape = getattr(args, "format", None) or "table"
    if args.json and shape not in ("table", "json"):
        raise UsageError(f"--json and --format {shape} ask for two formats; give one")
    if args.json or shape == "json":
        print(_json_text(_plain(data), indent=2))
    elif shape == "csv" and csv is not None:
        _write_file_format(csv)
    else:
        print(text)


def _write_file_format(text: str) -> None:
    """A file format (JSON, CSV) to standard output: UTF-8, whatever the terminal's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or _utf8(sys.stdout):  # a text-only stream (captured), or UTF-8 already
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8", "backslashreplace"))
        buffer.flush()


def _safe_streams() -> None:
    """Let text that the terminal's encoding cannot show come out as escapes, not as a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _dataset(args: argparse.Namespace) -> Dataset:
    """The bundled dataset, or the user's file given with ``--data``."""
    return load(args.data) if args.data is not None else load()


def _cmd_overview(args: argparse.Namespace) -> int:
    dataset = _dataset(args)
    if args.json:
        covered = dataset.coverage_of("partnership_levels")
        today = min(date.today(), covered.end) if covered is not None else date.today()
        _emit(
            args,
            "",
            {
                "data_version": dataset.data_version,
                "phases": dataset.phases,
                "partnership_level_on": today,
                "partnership_level": dataset.partnership_level_at(today),
                "partnership_levels": dataset.partnership_levels,
                "trade": dataset.trade,
            },
        )
    else:
        print(overview(dataset, date.today()))
    return 0


def _day(text: str, dataset: Dataset) -> date | str:
    """``today``, ``latest`` (the last day the phases are checked for) or a date string."""
    word = text.strip().casefold()
    if word == "today":
        return date.today()
    if word == "latest":
        covered = dataset.coverage_of("phases")
        if covered is None:
            raise QueryError("the data declares no coverage, so it has no latest day")
        return covered.end
    return text


def _cmd_at(args: argparse.Namespace) -> int:
    dataset = _dataset(args)
    snap = dataset.state_at(_day(args.date, dataset))
    _emit(args, str(snap), snap, csv=_snapshot_csv(snap) if args.format == "csv" else None)
    return 0


def _snapshot_csv(snap: Any) -> str:
    """A snapshot as one CSV row; records by id, several joined with ``;``."""
    import csv
    import io

    trade = snap.latest_trade
    row = {
        "day": snap.day.isoformat(),
        "phase_id": snap.phase.id,
        "phase": snap.phase.name,
        "partnership_level_id": snap.partnership_level.id if snap.partnership_level else "",
        "partnership_level": snap.partnership_level.name if snap.partnership_level else "",
        "agreements_in_force": ";".join(a.id for a in snap.agreements_in_force),
        "latest_trade_year": trade.year if trade else "",
        "latest_trade_total_usd_bn": trade.total_usd_bn if trade else "",
        "exercises_so_far": len(snap.exercises_so_far),
        "leaders": ";".join(leader.id for leader in snap.leaders),
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue()


def _cmd_trade(args: argparse.Namespace) -> int:
    dataset = _dataset(args)
    dataset._trade_years(args.start, args.end)
    records = dataset.trade.where(since=args.start, until=args.end)
    if not records:
        raise QueryError(f"no trade figures from {args.start} to {args.end}")
    first, last = records[0].year, records[-1].year
    factor = dataset.trade_growth_factor(first, last)
    rows = [
        [
            str(r.year),
            f"{r.total_usd_bn:g}",
            f"{r.exports_usd_bn:g}" if r.exports_usd_bn is not None else "",
            f"{r.imports_usd_bn:g}" if r.imports_usd_bn is not None else "",
        ]
        for r in records
    ]
    text = _table(rows, ["year", "total", "China's exports", "China's imports"])
    text += f"\n\nbillions of US dollars; growth factor {first}–{last}: {factor:.2f}×"
    summary = {"records": list(records), "growth_factor": factor, "from": first, "to": last}
    _emit(args, text, summary)
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    kind = KIND[args.kind]
    match: dict[str, object] = dict(_filters(args.filter, kind.filters))
    if args.party is not None:
        match[_who(kind)] = args.party
    dataset = _dataset(args)
    records = dataset[kind.name].where(
        since=args.since, until=args.until, year=args.year, **match
    )

    def describe(record: Any) -> str:
        return str(getattr(record, "location", None) or getattr(record, "place", None) or "")

    rows = [[str(span(kind, r)[0]), r.id, r.name, describe(r)] for r in records]
    text = _table(rows, ["date", "id", "name", "where"]) if rows else "(none)"
    csv = None
    if args.format == "csv":
        from .tidy import tables

        table = tables(dataset)[kind.name]
        ids = {r.id for r in records}
        where = table.column_names.index("id")
        csv = table._replace(rows=tuple(r for r in table.rows if r[where] in ids)).csv_text()
    _emit(args, text, list(records), csv=csv)
    return 0


def _who(kind: Kind) -> str:
    """The filter ``--party`` stands for: the kind's first filter of a list of names."""
    from .fields import fields_of

    shapes = {field.name: field.shape for field in fields_of(kind.record)}
    for keyword, field in kind.filters:
        if shapes[field] == "names":
            return keyword
    raise QueryError(f"the {kind.name} have no party, participant or person to filter by")


def _filters(given: Sequence[str], known: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``--filter KEY=VALUE`` options as pairs, refusing keys the kind does not filter by."""
    pairs = []
    for item in given:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--filter takes KEY=VALUE, got {item!r}")
        if key not in dict(known):
            names = ", ".join(k for k, _ in known) or "none"
            raise QueryError(f"unknown filter {key!r}; this kind's filters: {names}")
        pairs.append((key, value))
    return pairs


def _cmd_export(args: argparse.Namespace) -> int:
    if args.json:
        raise UsageError("export writes the format --format names; --json does not apply to it")
    dataset = _dataset(args)
    if args.format in ("datapackage", "parquet", "dta", "xlsx") or (
        args.format == "csv" and not args.kind
    ):
        return _export_files(args, dataset)
    if args.kind and args.format == "panel":
        raise UsageError("--kind does not apply to the panel")
    if args.format == "json":
        from .io import to_document

        document = to_document(dataset)
        if args.kind:
            document = _only_kind(document, args.kind)
        text = json.dumps(document, ensure_ascii=False, indent=1)
    elif args.format == "panel":
        from .panels import panel_table

        text = panel_table(dataset, unit=args.unit).csv_text(bom=args.bom)
    else:
        from .tidy import tables

        text = tables(dataset)[args.kind].csv_text(bom=args.bom)
    text = text if text.endswith("\n") else text + "\n"
    if args.output:
        from ._files import atomic_path

        with atomic_path(args.output) as temporary, open(
            temporary, "w", encoding="utf-8", newline=""
        ) as file:
            file.write(text)
    else:
        _write_file_format(text)
    return 0


def _export_files(args: argparse.Namespace, dataset: Dataset) -> int:
    """The formats that write several files (a folder) or a workbook: they need ``-o``."""
    if not args.output:
        where = "a workbook file" if args.format == "xlsx" else "a folder"
        raise UsageError(f"--format {args.format} writes {where}: give it with -o")
    if args.kind:
        raise UsageError(f"--kind applies to json and csv to standard output, not {args.format}")
    from .formats import export

    written = export(dataset, args.output, args.format, bom=args.bom)
    print(f"wrote {len(written)} file(s) to {args.output}", file=sys.stderr)
    return 0


def _only_kind(document: dict[str, Any], kind: str) -> dict[str, Any]:
    """The document with one kind's records, its coverage and only the sources they cite."""
    kept = {k: v for k, v in document.items() if k not in KIND or k == kind}
    kept["coverage"] = [c for c in document.get("coverage", ()) if c.get("kind") == kind]
    used: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            sources = value.get("sources")
            if isinstance(sources, list):
                used.update(s for s in sources if isinstance(s, str))
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(kept[kind])
    kept["sources"] = {k: v for k, v in document["sources"].items() if k in used}
    return kept


def _cmd_validate(args: argparse.Namespace) -> int:
    from .errors import printable

    def show(text: str, stream: Any = None) -> None:
        """Print ``text``, escaping what the stream's encoding cannot write."""
        stream = stream or sys.stdout
        encoding = getattr(stream, "encoding", None) or "utf-8"
        print(text.encode(encoding, "backslashreplace").decode(encoding), file=stream)

    name = printable(args.path)
    try:
        dataset = load(args.path)
    except DataError as error:
        if args.json:
            problems = [
                {
                    "path": p.path,
                    "record": p.record,
                    "field": p.field,
                    "message": p.message,
                    "text": p.text,
                }
                for p in error.details
            ]
            show(json.dumps({"valid": False, "file": name, "problems": problems}, indent=2))
        else:
            for problem in error.problems:
                show(f"{name}: {problem}")
        show(f"sinorus: {name}: {len(error.problems)} problem(s)", sys.stderr)
        return 1
    counts = {kind: len(dataset[kind]) for kind in KIND}
    if args.json:
        show(json.dumps({"valid": True, "records": counts}, indent=2))
    else:
        total = sum(counts.values())
        show(f"{name}: valid, {total} records")
    return 0


class UsageError(Exception):
    """A command line that asks for something contradictory (exit status 2)."""


class _Version(argparse.Action):
    """``--version``: the package's version and the bundled data's, read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the versions and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"sinorus {__version__} (data {load().data_version})")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    # The global options work before or after the command: the command's copies
    # leave the value alone unless given (SUPPRESS), so they never undo the global one.
    def global_options(parser: argparse.ArgumentParser, default: Any) -> None:
        parser.add_argument(
            "--json", action="store_true", default=default, help="print JSON instead of text"
        )
        parser.add_argument(
            "--data",
            metavar="FILE",
            default=default,
            help="query this data file instead of the bundled data",
        )

    shared = argparse.ArgumentParser(add_help=False)
    global_options(shared, argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="sinorus",
        description="China–Russia relations as sourced data. Without a command: overview.",
    )
    global_options(parser, None)
    parser.set_defaults(json=False)
    parser.add_argument("--version", action=_Version)
    parser.set_defaults(run=_cmd_overview)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help, parents=[shared])
        sub.set_defaults(run=run)
        return sub

    command("overview", _cmd_overview, "phases, the partnership level today, trade, latest records")
    at = command("at", _cmd_at, "what was in force on a day")
    formats = ["table", "csv", "json"]
    at.add_argument("--format", choices=formats, default="table", help="how to print it")
    at.add_argument(
        "date",
        nargs="?",
        default="latest",
        help="a date (2014-03-18, '18 March 2014', 'June 2019'), 'today' or 'latest'"
        " (the last day the data is checked for; the default)",
    )
    trade = command("trade", _cmd_trade, "yearly trade with the growth factor")
    trade.add_argument("--from", dest="start", type=int, metavar="YEAR", help="first year")
    trade.add_argument("--to", dest="end", type=int, metavar="YEAR", help="last year")
    listing = command("list", _cmd_list, "list the records of one kind, filtered")
    listing.add_argument("kind", choices=list(KIND))
    listing.add_argument("--year", type=int, help="under way in this calendar year")
    listing.add_argument("--since", metavar="DATE", help="under way on or after this day")
    listing.add_argument("--until", metavar="DATE", help="under way on or before this day")
    listing.add_argument(
        "--party", metavar="NAME", help="a party, participant or person (e.g. Kazakhstan)"
    )
    listing.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="any filter of the kind, e.g. series='Joint Sea' (repeatable)",
    )
    listing.add_argument("--format", choices=formats, default="table", help="how to print them")
    export = command(
        "export",
        _cmd_export,
        "write the data: JSON, CSV tables, a Frictionless data package, Parquet, Stata, Excel,"
        " or the dyad panel",
    )
    export.add_argument(
        "--format",
        choices=["json", "csv", "datapackage", "parquet", "dta", "xlsx", "panel"],
        default="json",
        help="json (the file format), csv (one table with --kind, else a folder of tables),"
        " datapackage (a folder with datapackage.json), parquet, dta (folders), xlsx (a workbook)"
        " or panel (the dyad panel as CSV)",
    )
    export.add_argument("--kind", choices=list(KIND), help="only this kind of record")
    export.add_argument("--unit", choices=["year", "month"], default="year", help="panel rows")
    export.add_argument("--bom", action="store_true", help="start CSV with a BOM (for Excel)")
    export.add_argument(
        "-o", "--output", metavar="PATH", help="write here (replacing it), not to stdout"
    )
    validate = command("validate", _cmd_validate, "check a data file and print every problem")
    validate.add_argument("path", help="a JSON data file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    _safe_streams()
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"sinorus: error: {error}", file=sys.stderr)
        return 2
    except SinorusError as error:
        message = str(error).splitlines()[0]
        print(f"sinorus: error: {message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into head
        return 0
    return status

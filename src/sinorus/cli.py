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


def _emit(args: argparse.Namespace, text: str, data: Any) -> None:
    if args.json:
        print(json.dumps(_plain(data), ensure_ascii=False, indent=2))
    else:
        print(text)


def _cmd_overview(args: argparse.Namespace) -> int:
    dataset = load()
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
    dataset = load()
    snap = dataset.state_at(_day(args.date, dataset))
    lines = [f"On {snap.day}"]
    lines.append(f"  phase:              {snap.phase.name if snap.phase else '—'}")
    level = snap.partnership_level
    lines.append(f"  partnership level:  {level.name if level else '—'}")
    lines.append("  agreements in force:")
    lines += [f"    {a.signed}  {a.name}" for a in snap.agreements_in_force] or ["    —"]
    trade = snap.latest_trade
    lines.append(
        f"  latest trade year:  {trade.year}: {trade.total_usd_bn:g} billion US dollars"
        if trade
        else "  latest trade year:  —"
    )
    lines.append(f"  exercises so far:   {len(snap.exercises_so_far)}")
    lines.append("  leaders in office:")
    lines += [
        f"    {leader.name}, {leader.office} (since {leader.start})" for leader in snap.leaders
    ] or ["    —"]
    _emit(args, "\n".join(lines), snap)
    return 0


def _cmd_trade(args: argparse.Namespace) -> int:
    dataset = load()
    records = dataset.trade.where(since=args.start, until=args.end)
    if not records:
        raise QueryError(
            f"no trade figures between {args.start or 'the start'} and {args.end or 'the end'}"
        )
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
    records = load()[kind.name].where(
        since=args.since, until=args.until, year=args.year, **match
    )

    def describe(record: Any) -> str:
        return str(getattr(record, "location", None) or getattr(record, "place", None) or "")

    rows = [[str(span(kind, r)[0]), r.id, r.name, describe(r)] for r in records]
    text = _table(rows, ["date", "id", "name", "where"]) if rows else "(none)"
    _emit(args, text, list(records))
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
    dataset = load()
    if args.format == "json":
        from .io import to_document

        document = to_document(dataset)
        if args.kind:
            document = {k: v for k, v in document.items() if k not in KIND or k == args.kind}
        text = json.dumps(document, ensure_ascii=False, indent=1)
    else:
        if not args.kind:
            raise QueryError("CSV export needs --kind (one table per file)")
        text = dataset.to_frame(args.kind).to_csv(index=False)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as file:
                file.write(text if text.endswith("\n") else text + "\n")
        except OSError as error:
            raise QueryError(f"cannot write {args.output}: {error.strerror}") from None
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


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


def _parser() -> argparse.ArgumentParser:
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="print JSON instead of text")

    parser = argparse.ArgumentParser(
        prog="sinorus",
        description="China–Russia relations as sourced data. Without a command: overview.",
        parents=[json_flag],
    )
    parser.add_argument("--version", action="version", version=f"sinorus {__version__}")
    parser.set_defaults(run=_cmd_overview)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help, parents=[json_flag])
        sub.set_defaults(run=run)
        return sub

    command("overview", _cmd_overview, "phases, the partnership level today, trade, latest records")
    at = command("at", _cmd_at, "what was in force on a day")
    at.add_argument(
        "date", help="a date (2014-03-18, '18 March 2014', 'June 2019'), 'today' or 'latest'"
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
    export = command("export", _cmd_export, "write the data as JSON or CSV")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--kind", choices=list(KIND), help="only this kind of record")
    export.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    validate = command("validate", _cmd_validate, "check a data file and print every problem")
    validate.add_argument("path", help="a JSON data file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except SinorusError as error:
        message = str(error).splitlines()[0]
        print(f"sinorus: error: {message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into head
        return 0
    return status

"""The command line: ``sinorus`` or ``python -m sinorus`` prints an overview of the data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from . import __version__
from .api import load
from .dataset import Dataset
from .errors import SinorusError

__all__ = ["main", "overview"]


def _span(start: date, end: date | None) -> str:
    return f"{start} – {end if end is not None else 'today'}"


def overview(dataset: Dataset, today: date, *, latest: int = 5) -> str:
    """The text ``sinorus overview`` prints: phases, the level today, trade, latest records."""
    lines = [f"sinorus {__version__} · China–Russia relations · data {dataset.data_version}", ""]
    lines.append("Phases")
    for phase in dataset.phases:
        lines.append(f"  {_span(phase.start, phase.end):27}  {phase.name}")

    level = dataset.partnership_level_at(today)
    lines += ["", f"Official partnership level on {today}"]
    if level is None:
        lines.append("  (none in the data for this day)")
    else:
        lines.append(f"  {level.name} (since {level.start})")
        lines.append("  How it got there:")
        for step in dataset.partnership_levels:
            if step.start <= today:
                lines.append(f"    {step.start}  {step.name}")

    years = [r.year for r in dataset.trade]
    if years:
        first, last = (2000, 2010) if {2000, 2010} <= set(years) else (years[0], years[-1])
        factor = dataset.trade_growth_factor(first, last)
        lines += [
            "",
            "Trade (total goods trade, billions of US dollars)",
            f"  {first}: {dataset.trade_volume(first):g}   {last}: {dataset.trade_volume(last):g}"
            f"   growth factor {factor:.2f}×",
        ]

    for title, records in (
        ("Latest agreements", dataset.agreements),
        ("Latest exercises", dataset.exercises),
    ):
        lines += ["", title]
        for record in records[-latest:]:
            lines.append(f"  {record.start}  {record.name}")
    lines += ["", "Every record cites its sources: sinorus.load().get(ID).sources"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 fine, 1 data or query problem)."""
    parser = argparse.ArgumentParser(
        prog="sinorus", description="China–Russia relations as sourced data."
    )
    parser.add_argument("--version", action="version", version=f"sinorus {__version__}")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("overview", help="phases, partnership level, trade, latest records")
    parser.parse_args(argv)
    try:
        print(overview(load(), date.today()))
    except SinorusError as error:
        print(f"sinorus: {error}", file=sys.stderr)
        return 1
    return 0

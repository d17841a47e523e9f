"""Speed of sinorus, as medians of repeated runs.

    python benchmarks/bench.py [--runs N]

Prints the cost of ``import sinorus`` next to ``import attrs`` (each minus a
bare interpreter), the first answer in a fresh process, and the warm
latency of each query next to a bare ``bisect_right`` / dict lookup, with
the targets they are held to.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
import timeit
from bisect import bisect_right
from datetime import date


def wall_ms(code: str, runs: int) -> float:
    """Median wall time of ``python -c code`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def interleaved_ms(codes: dict[str, str], runs: int) -> dict[str, float]:
    """Like :func:`wall_ms` for several snippets, run in turn so drift hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(ts) * 1000 for name, ts in samples.items()}


def interleaved_ns(
    statements: dict[str, tuple[str, dict[str, object]]], rounds: int = 31
) -> dict[str, float]:
    """Median time of one execution of each statement, in nanoseconds.

    The statements are timed in turn, round after round, so that a slow
    moment of the machine weighs on each of them alike.
    """
    timers = {name: timeit.Timer(stmt, globals=ns) for name, (stmt, ns) in statements.items()}
    numbers = {name: max(1, timer.autorange()[0] // 10) for name, timer in timers.items()}
    samples: dict[str, list[float]] = {name: [] for name in timers}
    for _ in range(rounds):
        for name, timer in timers.items():
            samples[name].append(timer.timeit(numbers[name]) / numbers[name])
    return {name: statistics.median(values) * 1e9 for name, values in samples.items()}


def row(
    label: str,
    value: float,
    unit: str,
    baseline: float | None = None,
    name: str = "",
    target: float | None = None,
) -> None:
    """Print one figure, its ratio to a baseline and whether it meets its target."""
    line = f"  {label:42} {value:8.1f} {unit}"
    if baseline is not None:
        ratio = value / baseline
        line += f"  {ratio:5.2f}× {name}"
        if target is not None:
            verdict = "meets" if ratio <= target else "MISSES"
            line += f"  (target ≤ {target}×: {verdict})"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=41, help="fresh processes per figure")
    runs = parser.parse_args().runs

    import sinorus

    # Measure what an installed package costs: pip compiles bytecode on install.
    compileall.compile_dir(os.path.dirname(sinorus.__file__), quiet=1)
    print(f"Python {sys.version.split()[0]}; medians of {runs} fresh processes\n")
    wall = interleaved_ms(
        {
            "bare": "pass",
            "attrs": "import attrs",
            "sinorus": "import sinorus",
            "first": "import sinorus; sinorus.partnership_level_at('2014-03-18')",
        },
        runs,
    )
    attrs_cost = wall["attrs"] - wall["bare"]
    print("Start-up (wall time minus a bare interpreter)")
    row("python -c pass (subtracted below)", wall["bare"], "ms")
    row("import attrs", attrs_cost, "ms")
    row("import sinorus", wall["sinorus"] - wall["bare"], "ms", attrs_cost, "attrs")
    row(
        "import + first partnership_level_at",
        wall["first"] - wall["bare"],
        "ms",
        attrs_cost,
        "attrs",
        target=1.45,
    )

    dataset = sinorus.load()
    day = date(2014, 3, 18)
    starts = [level.start for level in dataset.partnership_levels]
    volumes = {record.year: record.total_usd_bn for record in dataset.trade}
    ns = {
        "sinorus": sinorus,
        "dataset": dataset,
        "day": day,
        "starts": starts,
        "volumes": volumes,
        "bisect_right": bisect_right,
    }
    timed = interleaved_ns(
        {
            "bisect": ("bisect_right(starts, day)", ns),
            "dict": ("volumes[2010]", ns),
            "level": ("sinorus.partnership_level_at(day)", ns),
            "phase": ("sinorus.phase_at(day)", ns),
            "method": ("dataset.partnership_level_at(day)", ns),
            "volume": ("sinorus.trade_volume(2010)", ns),
            "growth": ("sinorus.trade_growth_factor(2000, 2010)", ns),
            "string": ("sinorus.partnership_level_at('2014-03-18')", ns),
        }
    )
    bisect_ns, dict_ns = timed["bisect"], timed["dict"]
    level_ns, phase_ns, method_ns = timed["level"], timed["phase"], timed["method"]
    volume_ns, growth_ns, string_ns = timed["volume"], timed["growth"], timed["string"]

    print("\nWarm queries (per call)")
    row("bisect_right over the level starts", bisect_ns, "ns")
    row("sinorus.partnership_level_at(date)", level_ns, "ns", bisect_ns, "bisect", target=2.5)
    row("Dataset.partnership_level_at(date)", method_ns, "ns", bisect_ns, "bisect")
    row("sinorus.phase_at(date)", phase_ns, "ns", bisect_ns, "bisect")
    row("sinorus.partnership_level_at(ISO string)", string_ns, "ns")
    row("dict lookup volumes[2010]", dict_ns, "ns")
    row("sinorus.trade_volume(2010)", volume_ns, "ns", dict_ns, "dict")
    row("sinorus.trade_growth_factor(2000, 2010)", growth_ns, "ns", dict_ns, "dict", target=4)


if __name__ == "__main__":
    main()

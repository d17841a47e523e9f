"""Scale: a user dataset of 100,000 generated records, loaded with full validation.

    python benchmarks/scale.py [--records N]

Prints the time of ``sinorus.load(path)`` (reading, structuring with cattrs,
every record and cross-record check) and the warm point-in-time queries on
the big dataset next to the same queries on the bundled data.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import date, timedelta

from bench import interleaved_ns

import sinorus


def generate(total: int) -> dict[str, object]:
    """A valid document with ``total`` records spread over every kind."""
    sources = {
        f"s{i}": {"title": f"Source {i}", "url": f"https://example.org/{i}", "publisher": "Example"}
        for i in range(100)
    }
    n_intervals = total // 500  # 200 phases and 200 levels in 100,000 records
    n_trade = 400
    n_rest = total - 2 * n_intervals - n_trade
    first = date(1700, 1, 1)

    def intervals(prefix: str) -> list[dict[str, object]]:
        records = []
        for i in range(n_intervals):
            start = first + timedelta(days=25 * i)
            end = start + timedelta(days=24)
            records.append(
                {
                    "id": f"{prefix}-{i}",
                    "name": f"{prefix} {i}",
                    "start": start.isoformat(),
                    "end": None if i == n_intervals - 1 else end.isoformat(),
                    "precision": "day",
                    "sources": [f"s{i % 100}"],
                }
            )
        return records

    def dated(i: int) -> tuple[str, str]:
        start = first + timedelta(days=(i * 7) % 140_000)
        return start.isoformat(), (start + timedelta(days=3)).isoformat()

    exercises, events, agreements = [], [], []
    for i in range(n_rest):
        start, end = dated(i)
        if i % 3 == 0:
            exercises.append(
                {
                    "id": f"exercise-{i}",
                    "name": f"Exercise {i}",
                    "start": start,
                    "end": end,
                    "precision": "day",
                    "location": "Somewhere",
                    "participants": ["China", "Russia"],
                    "series": "Generated",
                    "domain": "sea",
                    "format": "bilateral",
                    "sources": [f"s{i % 100}"],
                    "notes": "",
                }
            )
        elif i % 3 == 1:
            events.append(
                {
                    "id": f"event-{i}",
                    "name": f"Event {i}",
                    "start": start,
                    "end": None,
                    "precision": "day",
                    "kind": "meeting",
                    "people": ["Someone"],
                    "sources": [f"s{i % 100}"],
                }
            )
        else:
            agreements.append(
                {
                    "id": f"agreement-{i}",
                    "name": f"Agreement {i}",
                    "signed": start,
                    "precision": "day",
                    "kind": "agreement",
                    "parties": ["China", "Russia"],
                    "sources": [f"s{i % 100}"],
                }
            )
    trade = [
        {
            "id": f"trade-{y}",
            "name": f"Trade {y}",
            "year": y,
            "total_usd_bn": 1.0 + y % 7,
            "sources": ["s0"],
        }
        for y in range(1700, 1700 + n_trade)
    ]
    return {
        "schema_version": 1,
        "data_version": "generated",
        "sources": sources,
        "phases": intervals("phase"),
        "partnership_levels": intervals("level"),
        "agreements": agreements,
        "exercises": exercises,
        "events": events,
        "trade": trade,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    document = generate(args.records)
    count = sum(len(v) for k, v in document.items() if isinstance(v, list))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "generated.json")
        with open(path, "w", encoding="utf-8") as file:
            json.dump(document, file)
        size = os.path.getsize(path) / 1e6
        big = sinorus.load(path)  # warm up: cattrs builds its structuring code once
        loads = []
        for _ in range(args.runs):
            del big  # free the previous copy outside the timed part
            start = time.perf_counter()
            big = sinorus.load(path)
            loads.append(time.perf_counter() - start)
    load_s = statistics.median(loads)
    composition = ", ".join(f"{len(v):,} {k}" for k, v in document.items() if isinstance(v, list))
    print(f"{count:,} generated records ({size:.1f} MB of JSON): {composition}")
    verdict = "meets" if load_s <= 1.5 else "MISSES"
    print(f"  load(path) with full validation   {load_s:6.3f} s  (target ≤ 1.5 s: {verdict})")

    bundled = sinorus.load()
    day = date(2014, 3, 18)
    print("\nWarm point-in-time queries: big dataset vs bundled (per call)")
    for query in ("partnership_level_at", "phase_at"):
        timed = interleaved_ns(
            {
                "small": (f"ds.{query}(day)", {"ds": bundled, "day": day}),
                "large": (f"ds.{query}(day)", {"ds": big, "day": date(1720, 6, 1)}),
            }
        )
        small, large = timed["small"], timed["large"]
        ratio = large / small
        verdict = "meets" if ratio <= 2 else "MISSES"
        print(
            f"  {query:22} {large:7.0f} ns vs {small:5.0f} ns  {ratio:4.2f}×"
            f"  (target ≤ 2×: {verdict})"
        )


if __name__ == "__main__":
    main()

"""The scripts in examples/ run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import sinorus

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


def test_there_are_examples():
    assert EXAMPLES


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script):
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_exercises_by_year_shows_every_covered_year():
    script = next(p for p in EXAMPLES if p.name == "exercises_by_year.py")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True).stdout
    covered = sinorus.coverage_of("exercises")
    shown = [int(line.split()[0]) for line in out.split("\n\n")[0].splitlines()]
    assert shown == list(range(covered.start.year, covered.end.year + 1))


def test_quickstart_prints_the_answers():
    script = next(p for p in EXAMPLES if p.name == "quickstart.py")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True).stdout
    assert sinorus.partnership_level_at("2014-03-18").name in out
    assert f"{sinorus.trade_growth_factor(2000, 2010):.1f}-fold" in out


def test_the_notebooks_plot_cells_show_pictures(tmp_path):
    """Run the tour as Jupyter does, without a display: no cell fails, every plot shows."""
    import os

    import nbclient
    import nbformat

    path = Path(__file__).parent.parent / "examples" / "tour.ipynb"
    notebook = nbformat.read(path, as_version=4)
    env_before = {k: os.environ.pop(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "MPLBACKEND")
                  if k in os.environ}  # fmt: skip
    try:
        resources = {"metadata": {"path": tmp_path}}
        nbclient.NotebookClient(notebook, timeout=120, resources=resources).execute()
    finally:
        os.environ.update(env_before)
    plot_cells = [c for c in notebook.cells if c.cell_type == "code" and "plot." in c.source]
    assert plot_cells
    for cell in plot_cells:
        kinds = {kind for output in cell.outputs for kind in output.get("data", {})}
        assert "image/png" in kinds, cell.source

"""``python -m sinorus`` prints an overview of the bundled data."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import sinorus
from sinorus.cli import main, overview


def test_python_m_sinorus_prints_the_overview(bundled):
    result = subprocess.run(
        [sys.executable, "-m", "sinorus"], capture_output=True, text=True, check=True
    )
    out = result.stdout
    for phase in bundled.phases:
        assert phase.name in out
    assert sinorus.partnership_level_at(date.today()).name in out
    for level in bundled.partnership_levels:
        assert level.name in out
    assert f"{sinorus.trade_growth_factor(2000, 2010):.2f}×" in out
    assert bundled.agreements[-1].name in out
    assert bundled.exercises[-1].name in out
    assert result.stderr == ""


def test_overview_on_a_given_day(bundled):
    text = overview(bundled, date(2014, 3, 18))
    assert "Official partnership level on 2014-03-18" in text
    assert sinorus.partnership_level_at("2014-03-18").name in text


def test_the_overview_subcommand_and_version(capsys):
    assert main(["overview"]) == 0
    assert "Phases" in capsys.readouterr().out
    try:
        main(["--version"])
    except SystemExit as exit:
        assert exit.code == 0
    assert sinorus.__version__ in capsys.readouterr().out

"""The command line: every subcommand, its JSON output, and clean failures."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

import sinorus
from sinorus.cli import main, overview


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sinorus", *args], capture_output=True, text=True, check=False
    )


def test_python_m_sinorus_prints_the_overview(bundled):
    result = run()
    assert result.returncode == 0
    out = result.stdout
    for phase in bundled.phases:
        assert phase.name in out
    last_checked = bundled.coverage_of("partnership_levels").end
    assert f"Official partnership level on {min(date.today(), last_checked)}" in out
    assert sinorus.partnership_level_at(last_checked).name in out
    for level in bundled.partnership_levels:
        assert level.name in out
    assert f"{sinorus.trade_growth_factor(2000, 2010):.2f}×" in out
    latest = bundled.trade[-1]
    assert f"latest full year, {latest.year}: {latest.total_usd_bn:g}" in out
    for so_far in bundled.trade_to_date:
        assert so_far.name in out
    assert bundled.agreements[-1].name in out
    assert bundled.exercises[-1].name in out
    assert result.stderr == ""


def test_overview_on_a_given_day(bundled):
    text = overview(bundled, date(2014, 3, 18))
    assert "Official partnership level on 2014-03-18" in text
    assert sinorus.partnership_level_at("2014-03-18").name in text


def test_overview_subcommand_and_version(capsys):
    assert main(["overview"]) == 0
    assert "Phases" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    assert sinorus.__version__ in capsys.readouterr().out


def test_at_prints_what_held_that_day(capsys):
    assert main(["at", "18 March 2014"]) == 0
    out = capsys.readouterr().out
    snap = sinorus.state_at("2014-03-18")
    assert snap.phase.name in out
    assert snap.partnership_level.name in out
    for agreement in snap.agreements_in_force:
        assert agreement.name in out
    assert f"{snap.latest_trade.year}: {snap.latest_trade.total_usd_bn:g}" in out
    assert snap.leaders
    for leader in snap.leaders:
        assert leader.name in out


def test_at_json(capsys):
    assert main(["at", "2019-06-05", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["day"] == "2019-06-05"
    assert data["partnership_level"]["id"] == sinorus.partnership_level_at("2019-06-05").id


def test_trade_table_and_growth(capsys, bundled):
    assert main(["trade", "--from", "2000", "--to", "2010"]) == 0
    out = capsys.readouterr().out
    for record in bundled.trade:
        assert (f"\n{record.year}  " in out) == (2000 <= record.year <= 2010)
    assert f"{sinorus.trade_growth_factor(2000, 2010):.2f}×" in out
    assert main(["trade", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["growth_factor"] == pytest.approx(
        sinorus.trade_growth_factor(bundled.trade[0].year, bundled.trade[-1].year)
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["list", "exercises", "--year", "2018"], lambda: sinorus.exercises(year=2018)),
        (
            ["list", "agreements", "--party", "Kazakhstan"],
            lambda: sinorus.agreements(party="Kazakhstan"),
        ),
        (
            ["list", "events", "--since", "2022-01-01", "--until", "2022-12-31"],
            lambda: sinorus.events(since="2022-01-01", until="2022-12-31"),
        ),
        (
            ["list", "events", "--party", "Deng Xiaoping"],
            lambda: sinorus.events(person="Deng Xiaoping"),
        ),
    ],
)
def test_list_matches_the_library(capsys, args, expected):
    assert main([*args, "--json"]) == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert ids == [r.id for r in expected()]
    assert ids
    assert main(args) == 0
    out = capsys.readouterr().out
    assert all(i in out for i in ids)


def test_export_json_reads_back(tmp_path, bundled):
    path = tmp_path / "all.json"
    assert main(["export", "--format", "json", "-o", str(path)]) == 0
    back = sinorus.load(path)
    assert back.exercises == bundled.exercises
    assert main(["export", "--kind", "trade", "-o", str(path)]) == 0
    only_trade = sinorus.load(path)
    assert only_trade.trade == bundled.trade
    assert only_trade.exercises == ()


def test_export_csv(tmp_path, bundled):
    path = tmp_path / "exercises.csv"
    assert main(["export", "--format", "csv", "--kind", "exercises", "-o", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[:6] == ["id", "name", "name_zh", "name_ru", "start", "end"]
    assert "['" not in path.read_text(encoding="utf-8")  # no Python list literals
    assert len(lines) == len(bundled.exercises) + 1


def test_validate_a_good_and_a_bad_file(tmp_path, bundled, capsys):
    good = tmp_path / "good.json"
    bundled.to_json(good)
    assert main(["validate", str(good)]) == 0
    assert "valid" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema_version": 1, "phases": [{"id": "x", "name": "", "start": "2000-13-01"}]}'
    )
    assert main(["validate", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "$.phases[0].start" in captured.out
    assert "$.phases[0].end: required field missing" in captured.out
    assert "problem" in captured.err
    assert main(["validate", str(bad), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["valid"] is False


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["at", "16 July"], 1, "has no year"),
        (["at", "2019-02-30"], 1, "day is out of range"),
        (["trade", "--from", "1900", "--to", "1950"], 1, "outside the data"),
        (["list", "events", "--since", "2020-01-01", "--until", "2010-01-01"], 1, "empty"),
        (["export", "--format", "csv"], 2, "give it with -o"),
        (["at", "2030-01-01"], 1, "phases cover 1949-10-01 to 2026-11-30"),
        (["list", "exercises", "--year", "2001"], 1, "exercises cover 2003-01-01"),
        (["validate", "/no/such/file.json"], 1, "problem"),
        (["list", "bogus"], 2, "invalid choice"),
        (["trade", "--from", "soon"], 2, "invalid int value"),
        (["nonsense"], 2, "invalid choice"),
    ],
)
def test_failures_exit_cleanly_with_one_line(args, status, message):
    result = run(*args)
    assert result.returncode == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if status == 1:
        assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["at", "trade", "list", "export", "validate", "overview"])
def test_help_everywhere(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "usage: sinorus" in result.stdout


def test_json_overview_and_lists_are_plain_json(capsys, bundled):
    assert main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in data["phases"]] == [p.id for p in bundled.phases]
    assert data["partnership_level"]["id"] == bundled.partnership_levels[-1].id
    assert sinorus.converter().unstructure(bundled.trade)[0]["year"] == bundled.trade[0].year


def test_at_latest_and_today(capsys, bundled):
    covered = bundled.coverage_of("phases")
    assert main(["at", "latest"]) == 0
    assert f"On {covered.end}" in capsys.readouterr().out
    status = main(["at", "today"])
    out, err = capsys.readouterr()
    if date.today() <= covered.end:
        assert status == 0 and f"On {date.today()}" in out
    else:  # past the coverage: refused, naming what the data covers
        assert status == 1 and str(covered.end) in err


@pytest.mark.parametrize("position", ["before", "after"])
@pytest.mark.parametrize(
    "command", [["at", "2014-03-18"], ["trade"], ["list", "exercises", "--year", "2018"], []]
)
def test_global_options_work_before_or_after_the_command(capsys, command, position, tmp_path):
    mine = tmp_path / "mine.json"
    sinorus.load().to_json(mine)
    options = ["--json", "--data", str(mine)]
    argv = [*options, *command] if position == "before" else [*command, *options]
    assert main(argv) == 0
    json.loads(capsys.readouterr().out)  # JSON, not the text table


def test_data_option_queries_the_users_file(capsys, tmp_path, bundled):
    from sinorus.io import to_document

    document = to_document(bundled)
    document["exercises"] = document["exercises"][:1]
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps(document), encoding="utf-8")
    assert main(["list", "exercises", "--json", "--data", str(mine)]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [bundled.exercises[0].id]
    assert main(["--data", str(tmp_path / "missing.json"), "at", "2014-03-18"]) == 1


def test_at_without_a_date_is_the_latest_day(capsys, bundled):
    assert main(["at"]) == 0
    assert f"On {bundled.coverage_of('phases').end}" in capsys.readouterr().out


def test_version_names_the_data_version(capsys, bundled):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert bundled.data_version in capsys.readouterr().out


@pytest.mark.parametrize("year", ["1950", "2100"])
def test_trade_years_outside_the_data_are_refused(capsys, bundled, year):
    assert main(["trade", "--from", year]) == 1
    err = capsys.readouterr().err
    assert f"{bundled.trade[0].year}–{bundled.trade[-1].year}" in err and year in err


def test_export_refuses_json_flag_and_cites_only_the_kinds_sources(capsys, bundled, tmp_path):
    assert main(["export", "--json", "--format", "csv", "--kind", "trade"]) == 2
    assert "--json" in capsys.readouterr().err
    path = tmp_path / "trade.json"
    assert main(["export", "--kind", "trade", "-o", str(path)]) == 0
    document = json.loads(path.read_text(encoding="utf-8"))
    cited = {s for r in document["trade"] for s in r["sources"]}
    cited |= {s for r in document["trade"] for a in r.get("alternatives", ()) for s in a["sources"]}
    assert set(document["sources"]) == cited
    assert [c["kind"] for c in document["coverage"]] == ["trade"]


def test_a_failed_export_leaves_the_old_file(monkeypatch, tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken)
    assert main(["export", "-o", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "utf-8:strict"])
@pytest.mark.parametrize(
    "args", [[], ["at", "2014-03-18"], ["at", "2014-03-18", "--json"], ["export"]]
)
def test_output_to_a_narrow_encoding_never_crashes(encoding, args, bundled):
    import os

    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run(
        [sys.executable, "-m", "sinorus", *args], capture_output=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    if "--json" in args or args == ["export"]:  # JSON keeps every character
        data = json.loads(result.stdout.decode("utf-8"))
        assert data
    if args == ["export"]:
        from sinorus.io import parse

        assert parse(result.stdout.decode("utf-8")).exercises == bundled.exercises


@pytest.mark.parametrize("name", [b"bad\xff.json", b"plain.json"])
def test_validate_reports_odd_names_and_lone_surrogates_on_a_strict_stream(tmp_path, name):
    import os

    path = os.path.join(os.fsencode(tmp_path), name)
    with open(path, "wb") as file:
        file.write(b'{"schema_version": 1, "phases": [{"id": "x", "name": "\\ud800"}],'
                   b' "bad\\ud800key": 1}')  # fmt: skip
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = subprocess.run([os.fsencode(sys.executable), b"-m", b"sinorus", b"validate", path],
                            capture_output=True, env=env, check=False)  # fmt: skip
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"\\ud800" in result.stdout  # shown escaped, not dropped
    assert b"problem" in result.stderr


def test_list_and_at_as_csv(capsys, bundled):
    import csv
    import io

    assert main(["list", "exercises", "--year", "2018", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = sinorus.exercises(year=2018)
    assert [r["id"] for r in rows] == [e.id for e in expected]
    assert [r["participants"] for r in rows] == [";".join(e.participants) for e in expected]
    assert main(["at", "2014-03-18", "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    snap = sinorus.state_at("2014-03-18")
    assert row["phase_id"] == snap.phase.id
    assert row["agreements_in_force"].split(";") == [a.id for a in snap.agreements_in_force]
    assert main(["at", "2014-03-18", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["day"] == "2014-03-18"
    assert main(["at", "2014-03-18", "--format", "csv", "--json"]) == 2


def test_export_the_panel_and_the_research_formats(capsys, tmp_path, bundled):
    import csv
    import io

    assert main(["export", "--format", "panel"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [int(r["year"]) for r in rows] == list(
        range(bundled.phases[0].start.year, bundled.coverage_of("phases").end.year + 1)
    )
    assert {r["ccode1"] for r in rows} == {"710"} and {r["ccode2"] for r in rows} == {"365"}
    package = tmp_path / "package"
    assert main(["export", "--format", "datapackage", "-o", str(package)]) == 0
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == bundled.data_version
    for resource in descriptor["resources"]:
        assert (package / resource["path"]).exists()
    assert main(["export", "--format", "xlsx", "-o", str(tmp_path / "all.xlsx")]) == 0
    assert (tmp_path / "all.xlsx").stat().st_size > 0
    assert main(["export", "--format", "parquet"]) == 2  # a folder is needed
    assert "-o" in capsys.readouterr().err


def test_year_and_since_that_do_not_meet_name_what_was_given(capsys):
    assert main(["list", "exercises", "--year", "2018", "--since", "2019-01-01"]) == 1
    err = capsys.readouterr().err
    assert "2018" in err and "since 2019-01-01" in err and "until" not in err

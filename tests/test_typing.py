"""A user's code type-checks against the public API with precise types."""

from __future__ import annotations

import textwrap

from mypy import api

USER_CODE = textwrap.dedent(
    """
    from datetime import date
    from typing import assert_type

    import sinorus

    level = sinorus.partnership_level_at("18 March 2014")
    assert_type(level, sinorus.PartnershipLevel | None)
    assert_type(sinorus.phase_at(date(1969, 3, 2)), sinorus.Phase)
    assert_type(sinorus.coverage_of("trade"), sinorus.Coverage | None)
    treaty = sinorus.agreements(kind="treaty")[0]
    assert_type(treaty.signed, date)
    assert_type(treaty.parties, tuple[str, ...])
    assert_type(sinorus.trade_growth_factor(2000, 2010), float)
    assert_type(sinorus.load().exercises.where(year=2018), sinorus.Series[sinorus.Exercise])
    for exercise in sinorus.exercises(year=2018):
        assert_type(exercise.end, date)
    """
)


def test_user_code_type_checks_strictly(tmp_path):
    script = tmp_path / "user_code.py"
    script.write_text(USER_CODE)
    stdout, stderr, status = api.run(["--strict", "--no-incremental", str(script)])
    assert status == 0, stdout + stderr


def test_a_wrong_use_is_caught(tmp_path):
    script = tmp_path / "wrong.py"
    script.write_text("import sinorus\nfirst_year = sinorus.coverage_of('trade').start.year\n")
    stdout, _, status = api.run(["--strict", "--no-incremental", str(script)])
    assert status == 1
    assert "union-attr" in stdout

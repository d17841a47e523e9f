"""Bad data gets one clear error that says what and where; nothing is half-loaded."""

from __future__ import annotations

import json
from datetime import date

import pytest

import sinorus
from sinorus import io

SOURCE = {"title": "A source", "url": "https://example.org/a", "publisher": "Example"}


def document(**sections):
    return {"schema_version": 1, "sources": {"a": SOURCE}, **sections}


def phase(id, start, end, **extra):
    return {"id": id, "name": id.title(), "start": start, "end": end, "sources": ["a"], **extra}


def write(tmp_path, content):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(content) if not isinstance(content, str) else content)
    return path


def problems_of(tmp_path, content):
    path = write(tmp_path, content)
    with pytest.raises(sinorus.DataError) as caught:
        sinorus.load(path)
    assert caught.value.file == str(path)
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value.problems


def test_a_good_user_file_loads(tmp_path):
    path = write(tmp_path, document(phases=[phase("one", "2000-01-01", None)]))
    mine = sinorus.load(path)
    assert mine.phase_at("2020-05-05").id == "one"
    assert mine.phases[0].sources == (sinorus.Source(**SOURCE),)


def test_every_problem_is_reported_with_its_place(tmp_path):
    problems = problems_of(
        tmp_path,
        document(
            phases=[
                phase("one", "2000-01-01", "1999-01-01"),
                {**phase("two", "2001-02-30", None), "extra": 1},
            ],
            trade=[{"id": "t", "name": "T", "year": "2000", "total_usd_bn": 1, "sources": ["b"]}],
        ),
    )
    text = "\n".join(problems)
    assert "$.phases[0]" in text and "record 'one', field 'end'" in text
    assert "$.phases[1].start" in text and "day is out of range" in text
    assert "$.phases[1]" in text and "extra" in text
    assert "$.trade[0].sources[0]: no source 'b'" in text
    assert "$.trade[0].year" in text


def test_cross_record_problems_name_the_record_and_field(tmp_path):
    problems = problems_of(
        tmp_path,
        document(
            phases=[phase("one", "2000-01-01", "2005-12-31"), phase("two", "2005-06-01", None)],
            partnership_levels=[{**phase("lvl", "2000-01-01", None), "adopted_by": "nothing"}],
            events=[
                {
                    "id": "one",
                    "name": "E",
                    "start": "2000-01-01",
                    "kind": "summit",
                    "sources": ["a"],
                }
            ],
        ),
    )
    assert any("'one', field 'id': duplicate id" in p for p in problems)
    problems = problems_of(
        tmp_path,
        document(
            phases=[phase("one", "2000-01-01", "2005-12-31"), phase("two", "2005-06-01", None)],
            partnership_levels=[{**phase("lvl", "2000-01-01", None), "adopted_by": "nothing"}],
        ),
    )
    assert any("record 'two', field 'start'" in p and "overlaps 'one'" in p for p in problems)
    assert any("record 'lvl', field 'adopted_by'" in p for p in problems)


def test_gaps_between_phases_are_refused(tmp_path):
    problems = problems_of(
        tmp_path,
        document(
            phases=[phase("one", "2000-01-01", "2000-12-30"), phase("two", "2001-01-01", None)]
        ),
    )
    assert any("gap after 'one'" in p for p in problems)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ({"schema_version": 2}, "$.schema_version: expected 1"),
        ({"schema_version": 1, "phases": {}}, "$.phases: expected a list"),
        ({"schema_version": 1, "bogus": []}, "unknown keys 'bogus'"),
        ({"schema_version": 1, "phases": [phase("x", "2000-01-01", None, sources=[])]}, "sources"),
        ({"schema_version": 1, "phases": ["x"]}, "$.phases[0]: expected an object"),
    ],
)
def test_malformed_files_are_refused(tmp_path, content, expected):
    problems = problems_of(tmp_path, content)
    assert any(expected in p for p in problems), problems


def test_bytes_that_are_not_utf8_are_refused(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"schema_version": 1, "x": "é"}'.encode("latin-1"))
    with pytest.raises(sinorus.DataError, match="not UTF-8"):
        sinorus.load(path)


def test_a_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(sinorus.DataError, match="cannot read"):
        sinorus.load(tmp_path / "absent.json")


def test_a_failed_load_leaves_the_bundled_data_alone(tmp_path):
    before = sinorus.load().phases
    problems_of(tmp_path, document(phases=[phase("one", "2000-01-01", "1999-01-01")]))
    assert sinorus.load().phases is before


def test_constructing_a_bad_record_names_the_record_and_field():
    with pytest.raises(sinorus.DataError, match=r"record 'x', field 'end': 1999-01-01 is before"):
        sinorus.Phase(
            id="x",
            name="X",
            start=date(2000, 1, 1),
            end=date(1999, 1, 1),
            sources=(sinorus.Source(title="S"),),
        )
    with pytest.raises(sinorus.DataError, match=r"record 'x', field 'sources': must not be empty"):
        sinorus.Phase(id="x", name="X", start=date(2000, 1, 1), end=None, sources=())
    with pytest.raises(sinorus.DataError, match=r"field 'participants': must be a tuple, got list"):
        sinorus.Exercise(
            id="x",
            name="X",
            start=date(2000, 1, 1),
            end=date(2000, 1, 2),
            location="L",
            participants=["China"],
            sources=(sinorus.Source(title="S"),),
        )
    with pytest.raises(sinorus.DataError, match="precision is month"):
        sinorus.Event(
            id="x",
            name="X",
            start=date(2000, 1, 5),
            kind=sinorus.EventKind.SUMMIT,
            precision=sinorus.Precision.MONTH,
            sources=(sinorus.Source(title="S"),),
        )


def test_every_error_derives_from_sinorus_error():
    for error in (
        sinorus.DataError,
        sinorus.QueryError,
        sinorus.InvalidDateError,
        sinorus.NoDataError,
    ):
        assert issubclass(error, sinorus.SinorusError)
    assert issubclass(sinorus.DataError, ValueError)
    assert issubclass(sinorus.NoDataError, LookupError)


def test_io_parse_names_the_source():
    with pytest.raises(sinorus.DataError, match=r"^inline: "):
        io.parse(b"\xff", "inline")


def test_record_problems_and_cross_record_problems_come_together(tmp_path):
    problems = problems_of(
        tmp_path,
        document(
            phases=[phase("one", "2000-01-01", "2005-12-31"), phase("two", "2005-06-01", None)],
            events=[
                {"id": "bad", "name": "", "start": "2000-01-01", "kind": "summit", "sources": ["a"]}
            ],
        ),
    )
    text = "\n".join(problems)
    assert "$.events[0]" in text
    assert "record 'two', field 'start'" in text


def test_whole_numbers_for_amounts_are_read_as_floats(tmp_path):
    path = write(
        tmp_path,
        document(
            trade=[{"id": "t", "name": "T", "year": 2000, "total_usd_bn": 8, "sources": ["a"]}]
        ),
    )
    assert type(sinorus.load(path).trade[0].total_usd_bn) is float

"""Bad input, tried: every query and loader refuses it with a SinorusError that points at it."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sinorus
import sinorus.plot
from sinorus import io

SOURCE = {"title": "S", "url": "https://example.org"}

garbage = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.dates(),
)

QUERIES = [
    lambda x: sinorus.phase_at(x),
    lambda x: sinorus.partnership_level_at(x),
    lambda x: sinorus.state_at(x),
    lambda x: sinorus.trade_volume(x),
    lambda x: sinorus.trade_growth_factor(x, 2010),
    lambda x: sinorus.trade_growth_factor(2000, x),
    lambda x: sinorus.agreements(since=x),
    lambda x: sinorus.agreements(year=x),
    lambda x: sinorus.agreements(party=x),
    lambda x: sinorus.agreements(kind=x),
    lambda x: sinorus.exercises(until=x),
    lambda x: sinorus.exercises(participant=x),
    lambda x: sinorus.exercises(series=x),
    lambda x: sinorus.events(kind=x),
    lambda x: sinorus.events(person=x),
    lambda x: sinorus.timeline(x),
    lambda x: sinorus.timeline(None, x),
    lambda x: sinorus.load().get(x),
    lambda x: sinorus.frame(x),
    lambda x: sinorus.load().merge(x),
    lambda x: sinorus.load().merge(sinorus.Dataset(), on_conflict=x),
    lambda x: sinorus.leaders_at(x),
    lambda x: sinorus.coverage_of(x),
    lambda x: sinorus.load().arms_transfer(x),
    lambda x: sinorus.cite(x),
    lambda x: sinorus.cite(style=x),
    lambda x: sinorus.plot.timeline(since=x),
    lambda x: sinorus.plot.trade(until=x),
]


@settings(max_examples=300, deadline=None)  # the first plot loads matplotlib
@given(st.sampled_from(range(len(QUERIES))), garbage)
def test_garbage_at_any_query_is_an_answer_or_our_error(which, value):
    try:
        QUERIES[which](value)
    except sinorus.SinorusError as error:
        assert str(error)


@given(garbage)
def test_garbage_as_a_path_is_our_error(value):
    with pytest.raises(sinorus.SinorusError):
        sinorus.load(value if value is not None else 12)


def write(tmp_path, text: str | bytes):
    path = tmp_path / "input.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path, text) -> str:
    with pytest.raises(sinorus.DataError) as caught:
        sinorus.load(write(tmp_path, text))
    return "\n".join(caught.value.problems)


def level(id, start, end):
    return {"id": id, "name": id, "start": start, "end": end, "sources": ["s"]}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "partnership_levels": [
                    level("a", "2000-01-01", "2005-01-01"),
                    level("b", "2004-01-01", None),
                ],
            },
            "record 'b', field 'start': 2004-01-01 overlaps 'a'",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "partnership_levels": [
                    level("a", "2000-01-01", None),
                    level("b", "2004-01-01", None),
                ],
            },
            "record 'a', field 'end': open-ended",
        ),
        (
            {"schema_version": 1, "sources": {"s": {"url": "https://x"}}},
            "$.sources.s.title: required field missing",
        ),
        (
            {
                "schema_version": 1,
                "trade": [
                    {"id": "t", "name": "T", "year": 1500, "total_usd_bn": -1, "sources": [SOURCE]}
                ],
            },
            "year 1500 is outside",
        ),
        (
            {
                "schema_version": 1,
                "events": [
                    {
                        "id": "Bad Id",
                        "name": "E",
                        "start": "2000-01-01",
                        "kind": "summit",
                        "sources": [SOURCE],
                    }
                ],
            },
            "must be a slug",
        ),
        (
            {
                "schema_version": 1,
                "events": [
                    {
                        "id": "e",
                        "name": "E",
                        "start": "2000-01-01",
                        "kind": "party",
                        "sources": [SOURCE],
                    }
                ],
            },
            "$.events[0].kind",
        ),
        (
            {
                "schema_version": 1,
                "exercises": [
                    {
                        "id": "e",
                        "name": "E",
                        "start": "2000-01-02",
                        "end": "2000-01-01",
                        "location": "L",
                        "participants": [],
                        "sources": [SOURCE],
                    }
                ],
            },
            "$.exercises[0]",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "partnership_levels": [level("a", "1990-01-01", None)],
                "coverage": [
                    {
                        "kind": "partnership_levels",
                        "start": "2000-01-01",
                        "end": "2010-12-31",
                        "complete": True,
                    },
                    {
                        "kind": "treaties",
                        "start": "2000-01-01",
                        "end": "2010-12-31",
                        "complete": False,
                    },
                ],
            },
            "$.coverage[1].kind: unknown kind 'treaties'",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "trade": [
                    {"id": "t", "name": "T", "year": 1995, "total_usd_bn": 5, "sources": ["s"]}
                ],
                "coverage": [
                    {
                        "kind": "trade",
                        "start": "2000-01-01",
                        "end": "2010-12-31",
                        "complete": True,
                    }
                ],
            },
            "record 't': outside the coverage of 'trade' (2000-01-01 to 2010-12-31)",
        ),
        (
            {
                "schema_version": 1,
                "coverage": [
                    {
                        "kind": "trade",
                        "start": "2010-01-01",
                        "end": "2000-12-31",
                        "complete": "yes",
                    }
                ],
            },
            "$.coverage[0]",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "trade": [
                    {
                        "id": "t",
                        "name": "T",
                        "year": 1995,
                        "total_usd_bn": 5,
                        "sources": ["s"],
                        "alternatives": [{"field": "colour", "value": "6", "sources": ["s"]}],
                    }
                ],
            },
            "item 0 names field 'colour', which cannot have alternatives",
        ),
        (
            {
                "schema_version": 1,
                "sources": {"s": SOURCE},
                "trade": [
                    {
                        "id": "t",
                        "name": "T",
                        "year": 1995,
                        "total_usd_bn": 5,
                        "sources": ["s"],
                        "alternatives": [
                            {"field": "total_usd_bn", "value": "6", "sources": ["nope"]}
                        ],
                    }
                ],
            },
            "$.trade[0].alternatives[0].sources[0]: no source 'nope' in $.sources",
        ),
    ],
)
def test_malformed_records_are_refused_with_their_place(tmp_path, document, expected):
    assert expected in problems(tmp_path, json.dumps(document))


def test_deeply_nested_json_is_refused(tmp_path):
    assert "nested too deeply" in problems(tmp_path, "[" * 100_000 + "]" * 100_000)


def test_a_huge_value_is_a_clear_problem_not_a_crash(tmp_path):
    document = {"schema_version": 1, "phases": [{"id": "x" * 1_000_000}]}
    text = problems(tmp_path, json.dumps(document))
    assert "$.phases[0]" in text
    assert len(text) < 5_000  # the message stays readable


def test_a_large_valid_file_loads(tmp_path):
    events = [
        {
            "id": f"event-{i}",
            "name": f"Event {i}",
            "start": date(2000, 1, 1 + i % 28).isoformat(),
            "kind": "meeting",
            "sources": ["s"],
        }
        for i in range(20_000)
    ]
    path = write(
        tmp_path, json.dumps({"schema_version": 1, "sources": {"s": SOURCE}, "events": events})
    )
    assert len(sinorus.load(path).events.where(year=2000)) == 20_000


def test_an_empty_file_and_bytes_that_are_not_json(tmp_path):
    assert "not valid JSON" in problems(tmp_path, "")
    assert "not UTF-8" in problems(tmp_path, b"\xfe\xff\x00{")


def test_many_problems_are_all_kept_but_the_message_stays_short(tmp_path):
    phases = [
        {"id": f"p{i}", "name": "", "start": "2000-01-01", "end": None, "sources": [SOURCE]}
        for i in range(100)
    ]
    with pytest.raises(sinorus.DataError) as caught:
        sinorus.load(write(tmp_path, json.dumps({"schema_version": 1, "phases": phases})))
    assert len(caught.value.problems) >= 100
    assert "more (all in .problems)" in str(caught.value)


def test_a_failed_load_changes_nothing(tmp_path):
    before = {s: getattr(sinorus.load(), s) for s in ("phases", "exercises", "events")}
    problems(tmp_path, json.dumps({"schema_version": 1, "phases": [{"id": "x"}]}))
    for section, records in before.items():
        assert getattr(sinorus.load(), section) is records


def test_io_parse_keeps_the_caller_s_data_intact():
    document = {
        "schema_version": 1,
        "sources": {"s": SOURCE},
        "events": [
            {"id": "e", "name": "E", "start": "2000-01-01", "kind": "summit", "sources": ["s"]}
        ],
    }
    text = json.dumps(document)
    io.parse(text)
    assert json.loads(text) == document


def test_writing_refuses_what_is_not_a_path_and_names_a_failed_write(tmp_path):
    with pytest.raises(sinorus.QueryTypeError, match="path"):
        sinorus.load().to_json(3)  # an int would otherwise be taken as a file descriptor
    with pytest.raises(sinorus.DataError, match="cannot write"):
        sinorus.load().to_json(tmp_path / "no-such-folder" / "out.json")


def test_a_coverage_written_with_the_old_series_key_is_read(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(
        '{"schema_version": 1, "coverage": [{"series": "trade", "start": "1992-01-01",'
        ' "end": "2024-12-31", "complete": false}]}'
    )
    assert sinorus.load(path).coverage_of("trade").kind == "trade"


# --- every bad file is refused cleanly, saying where -------------------------------------

from sinorus.fields import fields_of  # noqa: E402
from sinorus.kinds import KINDS  # noqa: E402

with open(io.bundled_path(), encoding="utf-8") as _file:
    BUNDLED = json.load(_file)


def small_document() -> dict:
    """A valid document: the bundled sources and the first record of each kind.

    The agreement is one with quotes, so that the fields of nested records are tried too.
    """
    document = {"schema_version": 1, "sources": BUNDLED["sources"]}
    for kind in KINDS:
        document[kind.name] = [json.loads(json.dumps(BUNDLED[kind.name][0]))]
    document["agreements"] = [
        json.loads(json.dumps(next(a for a in BUNDLED["agreements"] if a.get("quotes"))))
    ]
    return document


def problems_of(document_or_text) -> str:
    text = document_or_text
    if not isinstance(text, (str, bytes)):
        text = json.dumps(document_or_text, ensure_ascii=False)
    with pytest.raises(sinorus.DataError) as caught:
        io.parse(text, "mine.json")
    message = str(caught.value)
    message.encode("utf-8")  # printable on a strict UTF-8 stream
    assert message.startswith("mine.json: ")
    return "\n".join(caught.value.problems)


def test_the_small_document_is_valid():
    dataset = io.parse(json.dumps(small_document()))
    assert all(len(dataset[kind.name]) == 1 for kind in KINDS)
    assert dataset.agreements[0].quotes


def with_raw(document: dict, kind: str, field: str, raw: str) -> str:
    """The document as JSON text with ``raw`` (any JSON text) as the first ``kind``'s ``field``."""
    document = json.loads(json.dumps(document))
    document[kind][0][field] = "@@RAW@@"
    return json.dumps(document).replace('"@@RAW@@"', raw)


NUMBER_FIELDS = [
    (kind.name, field.name, field.shape)
    for kind in KINDS
    for field in fields_of(kind.record)
    if field.shape in ("int", "float")
]
HUGE = "9" * 5000


@pytest.mark.parametrize(("kind", "field", "shape"), NUMBER_FIELDS)
@pytest.mark.parametrize("raw", [HUGE, "-" + HUGE, "NaN", "Infinity", "-Infinity", "1e309"])
def test_numbers_no_record_can_hold_name_their_place(kind, field, shape, raw):
    document = small_document()
    record_id = document[kind][0]["id"]
    text = problems_of(with_raw(document, kind, field, raw))
    expected = "an integer" if shape == "int" else "a number"
    assert f"$.{kind}[0].{field} (record {record_id!r}): expected {expected}" in text


@pytest.mark.parametrize(
    "raw",
    [
        '{"schema_version": ' + HUGE + "}",
        '{"schema_version": 1, "data_version": ' + HUGE + "}",
        '{"schema_version": 1, "whatever": [1, {"x": ' + HUGE + "}]}",
        '{"schema_version": 1, "sources": {"s": {"title": NaN}}}',
        '{"schema_version": 1, "coverage": [{"kind": "trade", "start": -Infinity}]}',
    ],
)
def test_huge_numbers_and_nan_anywhere_are_data_errors_with_their_path(raw):
    text = problems_of(raw)
    assert text.startswith("$.")
    assert "expected" in text


def test_a_huge_integer_is_a_clean_problem_from_the_command_line(tmp_path, capsys):
    from sinorus.cli import main

    path = write(tmp_path, with_raw(small_document(), "trade", "year", HUGE))
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "$.trade[0].year" in out and "Traceback" not in err


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"schema_version": 1,\n "x": "\xe9"}', "not UTF-8 text (line 2, column 8, byte 29)"),
        (b'{"schema_version": 1,\n "x": [1, }', "not valid JSON: Expecting value at line 2"),
        (b"\xef\xbb\xbf{}", "BOM"),
        ('{"schema_version": 1}'.encode("utf-16"), "not UTF-8"),
    ],
)
def test_undecodable_files_name_the_file_and_the_position(raw, expected):
    assert expected in problems_of(raw)


SURROGATE_KEY = json.dumps({"bad\ud800key": 1})[1:-1]  # '"bad\\ud800key": 1', as in a file


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": 1, ' + SURROGATE_KEY + "}",
        '{"schema_version": 1, "trade": [{' + SURROGATE_KEY + "}]}",
        '{"schema_version": 1, "trade": [{"id": "bad\\udfff", "name": 3}]}',
        '{"schema_version": 1, "sources": {"bad\\ud800": {"title": 3}}}',
        '{"schema_version": 1, "events": [{"id": "e", "name": "E", "start": "2000-01-01",'
        ' "kind": "bad\\ud800", "sources": [{"title": "S"}]}]}',
    ],
)
def test_lone_surrogates_are_shown_escaped(text):
    with pytest.raises(sinorus.DataError) as caught:
        io.parse(text, "mine.json")
    for line in (str(caught.value), *caught.value.problems):
        line.encode("utf-8")
    assert "\\ud" in str(caught.value)


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    name = os.fsencode(tmp_path) + b"/bad\xff.json"
    with open(name, "wb") as file:
        file.write(b"{}")
    for path in (name, os.fsdecode(name)):
        with pytest.raises(sinorus.DataError) as caught:
            sinorus.load(path)
        message = str(caught.value)
        message.encode("utf-8")
        assert "bad\\udcff.json" in message or "bad\\xff.json" in message
        caught.value.file.encode("utf-8")


def test_validate_prints_a_name_that_is_not_utf8(tmp_path):
    import subprocess
    import sys

    name = os.fsencode(tmp_path) + b"/bad\xff.json"
    with open(name, "wb") as file:
        file.write(b'{"schema_version": 2, "trade": [{"id": "\\ud800"}]}')
    for encoding in ("utf-8:strict", "ascii"):
        done = subprocess.run(
            [sys.executable, "-m", "sinorus", "validate", name],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": encoding},
        )
        assert done.returncode == 1, done.stderr
        assert b"Traceback" not in done.stderr
        assert b"$.schema_version" in done.stdout


BOOLEAN_FIELDS = [(kind, field) for kind, field, _ in NUMBER_FIELDS]


@pytest.mark.parametrize(("kind", "field"), BOOLEAN_FIELDS)
def test_a_boolean_is_not_a_number(kind, field):
    text = problems_of(with_raw(small_document(), kind, field, "true"))
    assert f"$.{kind}[0].{field}" in text and "boolean" in text


def test_a_boolean_is_not_the_schema_version():
    assert "$.schema_version: expected 1, got true" in problems_of('{"schema_version": true}')
    assert "$.schema_version: expected 1, got 1.0" in problems_of('{"schema_version": 1.0}')


def list_fields():
    for kind in KINDS:
        for field in fields_of(kind.record):
            if field.shape in ("names", "sources", "records"):
                yield kind.name, field.name, field.shape, field.item


LIST_FIELDS = list(list_fields())
WHAT = {"str": "a string", "dict": "an object", "int": "an integer", "NoneType": "null"}


@pytest.mark.parametrize(("kind", "field", "shape", "item"), LIST_FIELDS)
@pytest.mark.parametrize("value", ["", "China", {}, {"a": 1}, 3])
def test_anything_but_a_list_where_a_list_belongs_is_refused(kind, field, shape, item, value):
    document = small_document()
    document[kind][0][field] = value
    record_id = document[kind][0]["id"]
    text = problems_of(document)
    expected = {
        "names": "a list of strings",
        "sources": "a list of sources",
        "records": f"a list of {item.__name__ if item else ''} objects",
    }[shape]
    got = WHAT[type(value).__name__]
    assert f"$.{kind}[0].{field} (record {record_id!r}): expected {expected}, got {got}" in text


@pytest.mark.parametrize("value", ["", {}, "x"])
def test_anything_but_a_list_in_a_nested_record_is_refused(value):
    document = small_document()
    document["agreements"][0]["quotes"][0]["sources"] = value
    text = problems_of(document)
    assert "$.agreements[0].quotes[0].sources" in text and "expected a list" in text


def test_a_string_where_a_list_of_strings_belongs_names_the_field():
    document = small_document()
    document["agreements"][0]["parties"] = "China"
    record_id = document["agreements"][0]["id"]
    assert (
        f"$.agreements[0].parties (record {record_id!r}): expected a list of strings, got a string"
    ) in problems_of(document)


def test_coverage_problems_use_the_coverage_path():
    document = small_document()
    document["coverage"] = [{"kind": "trade", "start": "2000-01-01", "end": 3, "complete": 1}]
    text = problems_of(document)
    assert "$.coverage[0].end" in text and "$.coverage[0].complete" in text


# --- writing never destroys what was there -------------------------------------------------


class _FullDisk:
    """A file whose writes fail as on a full disk."""

    def __init__(self, file):
        self.file = file

    def write(self, text):
        self.file.write(text[:10])
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.file.close()


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    import builtins

    target = tmp_path / "data.json"
    sinorus.load().to_json(target)
    before = target.read_bytes()
    real_open = builtins.open

    def failing_open(*args, **kwargs):
        file = real_open(*args, **kwargs)
        return _FullDisk(file) if "w" in str(kwargs.get("mode", args[1:2])) else file

    from sinorus import _files

    monkeypatch.setattr(_files, "open", failing_open, raising=False)
    with pytest.raises(sinorus.DataError, match="No space left on device"):
        sinorus.load().to_json(target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]  # no temporary left


def test_a_value_that_cannot_be_encoded_does_not_empty_the_file(tmp_path):
    target = tmp_path / "data.json"
    target.write_text("precious")
    mine = io.parse(
        '{"schema_version": 1, "events": [{"id": "e", "name": "E", "start": "2000-01-01",'
        ' "kind": "summit", "notes": "lone \\ud800", "sources": [{"title": "S"}]}]}'
    )
    try:
        mine.to_json(target)
    except sinorus.DataError:
        assert target.read_text() == "precious"
    else:
        assert sinorus.load(target).get("e").notes == "lone \ud800"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


def test_write_text_atomic_replaces_the_whole_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old and long " * 100)
    io.write_text_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# --- one problem, reported once, with its structure ------------------------------------------


def bundled_problems(change) -> list[sinorus.Problem]:
    document = json.loads(json.dumps(BUNDLED))
    change(document)
    with pytest.raises(sinorus.DataError) as caught:
        io.parse(json.dumps(document), "mine.json")
    assert len(caught.value.details) == len(caught.value.problems)
    assert [str(p) for p in caught.value.details] == list(caught.value.problems)
    return list(caught.value.details)


def test_a_phase_that_cannot_be_read_leaves_no_gap_reported():
    third = BUNDLED["phases"][2]["id"]
    found = bundled_problems(lambda d: d["phases"][2].pop("name"))
    assert [(p.path, p.record, p.field) for p in found] == [("$.phases[2].name", third, "name")]
    assert found[0].message == "required field missing"


def test_an_unknown_source_key_is_the_only_problem_of_its_record():
    def change(document):
        document["trade"][0]["sources"] = ["no-such-source"]

    found = bundled_problems(change)
    assert [p.message for p in found] == ["no source 'no-such-source' in $.sources"]
    assert found[0].record == BUNDLED["trade"][0]["id"]


def test_an_agreement_that_cannot_be_read_is_not_reported_missing_too():
    adopted = {level.get("adopted_by") for level in BUNDLED["partnership_levels"]} - {None}
    index, agreement = next(
        (i, a) for i, a in enumerate(BUNDLED["agreements"]) if a["id"] in adopted
    )

    def change(document):
        document["agreements"][index]["kind"] = "pact"

    found = bundled_problems(change)
    assert [(p.path, p.record, p.field) for p in found] == [
        (f"$.agreements[{index}].kind", agreement["id"], "kind")
    ]


def test_a_reference_to_an_agreement_that_is_not_there_is_still_reported():
    def change(document):
        document["agreements"][0]["kind"] = "pact"
        document["partnership_levels"][-1]["adopted_by"] = "no-such-agreement"

    found = bundled_problems(change)
    assert any(
        p.field == "adopted_by" and "no agreement has id 'no-such-agreement'" in p.message
        for p in found
    )


def test_validate_json_gives_each_problem_its_place(tmp_path, capsys):
    from sinorus.cli import main

    document = small_document()
    document["agreements"][0]["parties"] = "China"
    path = write(tmp_path, json.dumps(document))
    assert main(["validate", str(path), "--json"]) == 1
    shown = json.loads(capsys.readouterr().out)
    assert shown["valid"] is False
    assert shown["problems"] == [
        {
            "path": "$.agreements[0].parties",
            "record": document["agreements"][0]["id"],
            "field": "parties",
            "message": "expected a list of strings, got a string",
            "text": f"$.agreements[0].parties (record {document['agreements'][0]['id']!r}): "
            "expected a list of strings, got a string",
        }
    ]


@pytest.mark.parametrize(
    "call",
    [
        lambda: io.parse(5),
        lambda: io.parse(None),
        lambda: io.parse(["{}"]),
        lambda: io.parse("{", 5),
        lambda: io.to_document("not a dataset"),
        lambda: io.write(None, "out.json"),
        lambda: io.write_text_atomic(3, "text"),
    ],
)
def test_the_io_entry_points_refuse_what_is_not_text_or_a_dataset(call):
    with pytest.raises(sinorus.QueryTypeError):
        call()


def test_io_parse_takes_bytes_like_text_and_a_bytes_name():
    assert len(io.parse(bytearray(b'{"schema_version": 1}')).trade) == 0
    with pytest.raises(sinorus.DataError) as caught:
        io.parse("{", b"bad\xff.json")
    assert str(caught.value).startswith("bad\\udcff.json: not valid JSON")


def test_writing_through_a_link_replaces_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    io.write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert real.stat().st_mode & 0o777 == 0o640


def test_a_problem_given_with_a_lone_surrogate_is_escaped_too():
    error = sinorus.DataError([sinorus.Problem(None, None, None, "\ud800", "\ud800")])
    assert error.problems == ("\\ud800",)
    str(error).encode("utf-8")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("quotes", ["x"], "[0] (record {id!r}): expected a Quote object, got a string"),
        ("alternatives", [[1]], "[0] (record {id!r}): expected an Alternative object, got a list"),
        ("sources", [3], "[0] (record {id!r}): expected a source key or a source object, got an"),
        ("kind", "pact", " (record {id!r}): expected one of 'treaty', 'agreement'"),
        ("kind", ["treaty"], " (record {id!r}): expected one of 'treaty', "),
        ("precision", "p" * 1000, " (record {id!r}): expected one of 'day', 'month', 'year', got"),
    ],
)
def test_a_wrong_item_or_choice_names_what_belongs_there(field, value, expected):
    document = small_document()
    document["agreements"][0][field] = value
    ident = document["agreements"][0]["id"]
    text = problems_of(document)
    assert f"$.agreements[0].{field}" + expected.format(id=ident) in text
    assert len(text) < 1000


HUGE_INT = 10**5000


@pytest.mark.parametrize(
    "ask",
    [
        lambda: sinorus.trade_volume(HUGE_INT),
        lambda: sinorus.trade_growth_factor(HUGE_INT, 2000),
        lambda: sinorus.arms_transfer(-HUGE_INT),
        lambda: sinorus.exercises(year=HUGE_INT),
        lambda: sinorus.events(since=HUGE_INT),
        lambda: sinorus.trade_volume("9" * 10_000),
        lambda: sinorus.TradeRecord(
            id="t", name="t", year=HUGE_INT, total_usd_bn=1.0, sources=(sinorus.Source(title="s"),)
        ),
        lambda: sinorus.TradeRecord(
            id="t", name="t", year=2000, total_usd_bn=HUGE_INT, sources=(sinorus.Source(title="s"),)
        ),
    ],
)
def test_huge_numbers_in_queries_and_records_give_our_errors_with_short_messages(ask):
    with pytest.raises(sinorus.SinorusError) as caught:
        ask()
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {"trade": 5}, "trade must be records"),
        (("abc",), {}, "records must be a mapping"),
        ((), {"coverage": 5}, "coverage must be records"),
        ((), {"data_version": 5}, "data_version must be a string"),
        ((), {"source": 5}, "source must be a string"),
        ((), {"trade": "abc"}, "trade must be records"),
    ],
)
def test_a_dataset_built_from_the_wrong_types_says_which(args, kwargs, message):
    with pytest.raises(sinorus.QueryTypeError, match=message):
        sinorus.Dataset(*args, **kwargs)

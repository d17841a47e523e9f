"""The one declaration of kinds drives the dataset, and what it hands out cannot change."""

from __future__ import annotations

import os
import typing
from datetime import date, datetime

import attrs
import pytest

import sinorus
import sinorus.io
import sinorus.schema
from sinorus.fields import fields_of
from sinorus.kinds import KIND, KINDS


def test_the_record_union_is_the_declared_kinds():
    assert set(typing.get_args(sinorus.Record)) == {kind.record for kind in KINDS}
    dated = {kind.record for kind in KINDS if kind.is_dated}
    assert set(typing.get_args(sinorus.DatedRecord)) == dated


def test_every_kind_is_an_attribute_a_series_and_a_file_section(bundled):
    document = sinorus.io.to_document(bundled)
    for kind in KINDS:
        series = getattr(bundled, kind.name)
        assert isinstance(series, sinorus.Series)
        assert series is bundled[kind.name] is bundled.records(kind.record)
        assert series.kind is kind
        assert series.covered == bundled.coverage_of(kind.name)
        assert len(document[kind.name]) == len(series)
        assert kind.name in sinorus.schema.json_schema()["properties"]


def test_each_filter_names_a_field_of_its_record():
    for kind in KINDS:
        names = {field.name for field in fields_of(kind.record)}
        for keyword, field in kind.filters:
            assert field in names, (kind.name, keyword)
        assert set(kind.group_by) <= names


def test_slicing_keeps_a_series_and_its_coverage(bundled):
    exercises = bundled.exercises
    part = exercises[2:5]
    assert isinstance(part, sinorus.Series)
    assert list(part) == list(exercises)[2:5]
    assert part.covered is exercises.covered
    assert part.where(year=part[0].start.year)[0] == part[0]
    assert exercises == tuple(exercises)
    assert hash(exercises) == hash(tuple(exercises))


def test_every_kind_can_be_filtered_by_year(bundled):
    for kind in KINDS:
        series = bundled[kind.name]
        if not series:
            continue
        first = series[0]
        year = first.year if kind.shape == "yearly" else getattr(first, "start_year", None)
        year = year or first.start.year
        if series.covered is not None:
            year = max(year, series.covered.start.year)
            first = series.where(year=year)[0]
        assert first in series.where(year=year), kind.name


def test_a_series_and_its_records_cannot_be_changed(bundled):
    series = bundled.events
    with pytest.raises(AttributeError):
        series._records = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        series.covered = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        series[0] = series[1]  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        series[0].name = "other"  # type: ignore[misc]
    assert bundled.events is series and len(series) == len(bundled.events)


def test_get_takes_a_default(bundled):
    assert bundled.get("no-such-record", None) is None
    marker = object()
    assert bundled.get("no-such-record", marker) is marker
    assert bundled.get("vostok-2018", None).id == "vostok-2018"
    with pytest.raises(sinorus.NoDataError):
        bundled.get("no-such-record")


def test_wrong_argument_types_are_type_errors_and_ours():
    for call in (
        lambda: sinorus.coverage_of(5),
        lambda: sinorus.load()[["trade"]],
        lambda: sinorus.load().merge("not a dataset"),
        lambda: sinorus.arms_transfer("2005"),
        lambda: sinorus.Dataset(treaties=[]),
    ):
        with pytest.raises(sinorus.QueryTypeError) as caught:
            call()
        assert isinstance(caught.value, TypeError)
        assert isinstance(caught.value, sinorus.SinorusError)


def test_errors_show_under_the_package_name():
    for name in ("SinorusError", "DataError", "NoDataError", "QueryError", "QueryTypeError"):
        assert getattr(sinorus, name).__module__ == "sinorus"


def test_every_type_a_public_function_returns_is_exported():
    for name in sinorus.__all__:
        obj = getattr(sinorus, name)
        if not callable(obj) or isinstance(obj, type) or name in ("converter", "frame", "panel"):
            continue  # (those return cattrs' and pandas' own types)
        names = {**vars(typing), **vars(sinorus), "os": os, "date": date, "datetime": datetime}
        names["Snapshot"] = sinorus.Snapshot
        hints = typing.get_type_hints(obj, names)
        returned = hints.get("return")
        for part in typing.get_args(returned) or (returned,):
            part = typing.get_origin(part) or part
            if isinstance(part, type) and part.__module__.startswith("sinorus"):
                assert hasattr(sinorus, part.__name__), (name, part)


def test_every_kind_is_reached_by_name(bundled):
    for name in KIND:
        assert bundled[name] is getattr(bundled, name)
    with pytest.raises(sinorus.QueryError, match="unknown kind 'treaties'"):
        bundled["treaties"]
    with pytest.raises(TypeError):
        iter(bundled)


def test_the_field_spec_reads_the_annotations_as_typing_does():
    from sinorus.fields import _hint

    for kind in KINDS:
        hints = typing.get_type_hints(kind.record)
        for attribute in attrs.fields(kind.record):
            namespace = vars(sinorus.model)
            assert _hint(attribute.type, namespace) == hints[attribute.name], attribute.name


def test_references_between_parts_are_checked_whichever_is_read_first(bundled):
    from sinorus.validation import find_problems

    level = bundled.partnership_levels[-1]
    other = attrs.evolve(level, id="other-level", restated_by=("no-such-agreement",))
    levels = {"partnership_levels": [other]}
    assert find_problems(levels) == []  # no agreements read yet: nothing to check against
    later = find_problems({"agreements": list(bundled.agreements)}, checked=levels)
    assert later == ["record 'other-level', field 'restated_by': no agreement has id "
                     "'no-such-agreement'"]

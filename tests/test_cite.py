"""Citations in every style, read back by the tools that use them; CITATION.cff and the licences."""

from __future__ import annotations

import json
import re
import tomllib
import types
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
import yaml
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

import sinorus
from sinorus.cite import AUTHOR, STYLES, TITLE
from sinorus.kinds import KIND as SECTIONS

ROOT = Path(__file__).parent.parent
DATA = sinorus.load()
CITED = [r for section in SECTIONS for r in getattr(DATA, section) if getattr(r, "sources", ())]


def same(source):
    return (source.title, source.url, source.publisher)


def unique_sources(records):
    """Each distinct source of ``records``, first met first, with its first citer's key."""
    found = {}
    for record in records:
        for n, source in enumerate(record.sources, start=1):
            found.setdefault(same(source), (f"{record.id}-{n}", source))
    return found


def one_line(text):
    return " ".join(text.split())


def bibtex_entries(text):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return library.entries


def balanced(value):
    """Whether BibTeX, which counts every brace, escaped or not, reads ``value`` as one field."""
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def plain(text):
    """The entries of a BibTeX text formatted by pybtex's plain style, by key."""
    style = find_plugin("pybtex.style.formatting", "plain")()
    backend = find_plugin("pybtex.backends", "text")()
    formatted = style.format_bibliography(parse_string(text, "bibtex"))
    # The text backend keeps \$ as LaTeX has it; every other escape it resolves.
    return {e.key: e.text.render(backend).replace("\\$", "$") for e in formatted}


# CITATION.cff and the licences

CFF_KEYS = {  # the top-level keys of the Citation File Format 1.2.0
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
    "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
    "references", "repository", "repository-artifact", "repository-code", "title", "type",
    "url", "version",
}  # fmt: skip


def citation_file():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def data_day():
    year, month, day = (int(part) for part in DATA.data_version.split(".")[:3])
    return date(year, month, day)


def test_citation_cff_is_valid_and_names_this_release():
    cff = citation_file()
    assert set(cff) <= CFF_KEYS
    assert {"cff-version", "message", "title", "authors"} <= set(cff)
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "software"
    assert cff["authors"] == [{"name": AUTHOR}]
    assert cff["title"] == TITLE
    assert cff["version"] == sinorus.__version__
    assert isinstance(cff["date-released"], date)
    assert cff["date-released"] >= data_day()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert cff["license"] in pyproject["project"]["license"].split(" AND ")


def test_citation_cff_carries_the_data_version_and_its_licence():
    (data,) = [r for r in citation_file()["references"] if r["type"] == "data"]
    assert {"type", "title", "authors"} <= set(data)
    assert data["version"] == DATA.data_version
    assert data["date-released"] == data_day()
    assert data["license"] == "CC-BY-4.0"


def test_the_licences_ship_with_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    files = pyproject["project"]["license-files"]
    assert set(files) == {"LICENSE", "LICENSE-DATA"}
    assert all((ROOT / name).is_file() for name in files)
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    data_licence = (ROOT / "LICENSE-DATA").read_text(encoding="utf-8")
    url = "https://creativecommons.org/licenses/by/4.0/"
    assert url in data_licence
    assert url in pyproject["project"]["urls"].values()


# BibTeX

BIBLIOGRAPHY = sinorus.cite(CITED, style="bibtex")
SOURCES = unique_sources(CITED)


def test_a_bibliography_of_every_record_parses_and_lists_each_source_once():
    entries = bibtex_entries(BIBLIOGRAPHY)
    assert [e.key for e in entries] == [key for key, _ in SOURCES.values()]
    assert {e.entry_type for e in entries} == {"misc"}
    for entry, (_, source) in zip(entries, SOURCES.values(), strict=True):
        fields = entry.fields_dict
        assert all(balanced(field.value) for field in entry.fields)
        assert fields["title"].value.startswith("{") and fields["title"].value.endswith("}")
        assert ("url" in fields) == bool(source.url)
        assert ("howpublished" in fields) == bool(source.publisher)
        if source.url:
            assert fields["url"].value == source.url.strip()


def test_the_year_and_urldate_are_the_day_a_source_was_read():
    entries = bibtex_entries(BIBLIOGRAPHY)
    read = [s.accessed for _, s in SOURCES.values()]
    assert any(read) and not all(read)  # both cases are checked
    for entry, day in zip(entries, read, strict=True):
        fields = entry.fields_dict
        if day is None:
            assert "year" not in fields and "urldate" not in fields
        else:
            assert fields["year"].value == str(day.year)
            assert fields["urldate"].value == day.isoformat()


def test_plain_style_keeps_titles_as_written_and_shows_publishers_and_urls():
    shown = plain(BIBLIOGRAPHY)
    assert len(shown) == len(SOURCES)
    # titles whose later words are capitalised: a sentence-casing style would lower them
    names = [s.title for _, s in SOURCES.values() if re.search(r"\s[A-Z]", s.title)]
    assert len(names) > 100
    for key, source in SOURCES.values():
        assert one_line(source.title) in shown[key], key
        if source.publisher:
            assert one_line(source.publisher) in shown[key], key
        if source.url:
            assert source.url in shown[key], key


def test_bibtex_survives_braces_backslashes_and_newlines():
    awkward = sinorus.Source(
        title="A {brace} and a \\ back-\nslash, 100% ~ ^ $ & #_",
        publisher="}Unbalanced{",
        url="https://example.org/a b{c}",
        accessed=date(2020, 2, 29),
    )
    text = sinorus.cite(awkward, style="bibtex")
    (entry,) = bibtex_entries(text)
    assert all(balanced(field.value) for field in entry.fields)
    assert "\n" not in entry.fields_dict["title"].value
    assert " " not in entry.fields_dict["url"].value
    (shown,) = plain(text).values()
    assert "100% ~" in shown and "& #_" in shown and "$" in shown


def test_sinorus_cites_itself_as_software_with_its_version_and_data_version():
    (entry,) = bibtex_entries(sinorus.cite(style="bibtex"))
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert (entry.entry_type, entry.key) == ("software", "sinorus")
    assert fields["author"] == "{" + AUTHOR + "}"
    assert fields["version"] == sinorus.__version__
    assert DATA.data_version in fields["note"]
    assert fields["year"] == str(data_day().year)
    assert "url" not in fields


# CSL-JSON

CSL = json.loads(sinorus.cite(CITED, style="csl-json"))


def test_csl_json_is_an_array_of_items_with_the_bibtex_keys():
    assert isinstance(CSL, list)
    assert [item["id"] for item in CSL] == [key for key, _ in SOURCES.values()]
    for item, (_, source) in zip(CSL, SOURCES.values(), strict=True):
        assert item["type"] == "webpage"
        assert item["title"] == one_line(source.title)
        assert item.get("URL") == source.url
        assert item.get("publisher") == (one_line(source.publisher) if source.publisher else None)
        if source.accessed:
            day = source.accessed
            assert item["accessed"] == {"date-parts": [[day.year, day.month, day.day]]}
        else:
            assert "accessed" not in item


def test_csl_json_of_sinorus_is_software():
    (item,) = json.loads(sinorus.cite(style="csl-json"))
    assert item["type"] == "software"
    assert item["version"] == sinorus.__version__
    assert item["author"] == [{"literal": AUTHOR}]
    assert DATA.data_version in item["note"]
    day = data_day()
    assert item["issued"] == {"date-parts": [[day.year, day.month, day.day]]}


def test_csl_json_renders_with_citeproc():
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    records = list(sinorus.exercises(year=2018))
    items = json.loads(sinorus.cite([DATA, *records], style="csl-json"))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    text = "\n".join(rendered)
    assert AUTHOR in text
    for _, source in unique_sources(records).values():
        if source.publisher:
            assert one_line(source.publisher) in text


# RIS

RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - \S.*|ER  - ")


def ris_records(text):
    blocks = text.split("\n\n")
    for block in blocks:
        lines = block.split("\n")
        assert all(RIS_LINE.fullmatch(line) for line in lines), block
        assert lines[0].startswith("TY  - ") and lines[-1] == "ER  - "
        assert sum(line.startswith("TY  - ") for line in lines) == 1
    return [dict(line.split("  - ", 1) for line in block.split("\n")) for block in blocks]


def test_ris_has_one_tag_a_line_and_one_record_a_source():
    records = ris_records(sinorus.cite(CITED, style="ris"))
    assert len(records) == len(SOURCES)
    for tags, (key, source) in zip(records, SOURCES.values(), strict=True):
        assert tags["TY"] == "ELEC" and tags["ID"] == key
        assert tags["TI"] == one_line(source.title)
        assert tags.get("PB") == (one_line(source.publisher) if source.publisher else None)
        assert tags.get("UR") == (source.url.strip() if source.url else None)
        assert tags.get("Y2") == (source.accessed.strftime("%Y/%m/%d") if source.accessed else None)


def test_ris_of_sinorus_is_a_computer_program():
    (tags,) = ris_records(sinorus.cite(style="ris"))
    assert tags["TY"] == "COMP" and tags["AU"] == AUTHOR
    assert tags["ET"] == sinorus.__version__
    assert DATA.data_version in tags["N1"]


def test_ris_keeps_a_value_on_its_line():
    source = sinorus.Source(title="Two\nlines", publisher="A\r\nB")
    (tags,) = ris_records(sinorus.cite(source, style="ris"))
    assert (tags["TI"], tags["PB"]) == ("Two lines", "A B")


# What can be cited, and how sources are merged


def sharing_pair():
    """Two records that cite the same source, and that source."""
    first = {}
    for record in CITED:
        for source in record.sources:
            other = first.setdefault(same(source), record)
            if other is not record:
                return other, record, source
    raise AssertionError("no two records share a source")


def test_a_source_two_records_share_is_listed_once_with_the_first_key():
    one, two, shared = sharing_pair()
    for pair in ((one, two), (two, one)):
        expected = unique_sources(pair)
        entries = bibtex_entries(sinorus.cite(pair, style="bibtex"))
        assert len(entries) == len(expected) < len(one.sources) + len(two.sources)
        assert [e.key for e in entries] == [key for key, _ in expected.values()]
        key = expected[same(shared)][0]
        assert key.startswith(pair[0].id + "-")
        text = sinorus.cite(pair)
        listed = re.compile(r"\[\d+\] " + re.escape(one_line(shared.title)) + " ")
        assert sum(bool(listed.match(line)) for line in text.splitlines()) == 1
        assert len(text.splitlines()) == len(expected)


def test_copies_of_a_source_merge_with_the_latest_day_read():
    early, late = date(2020, 1, 1), date(2021, 6, 1)
    copies = [
        sinorus.Source(title="A page", url="https://example.org/p", accessed=day)
        for day in (None, late, early)
    ]
    (entry,) = bibtex_entries(sinorus.cite(copies, style="bibtex"))
    assert entry.fields_dict["urldate"].value == late.isoformat()
    other = sinorus.Source(title="A page", url="https://example.org/p", publisher="P")
    assert len(bibtex_entries(sinorus.cite([*copies, other], style="bibtex"))) == 2


def test_any_iterable_of_records_sources_and_datasets_is_a_bibliography():
    series = sinorus.exercises(year=2018)
    assert isinstance(series, sinorus.Series)
    for style in STYLES:
        expected = sinorus.cite(series, style=style)
        assert sinorus.cite(tuple(series), style=style) == expected
        assert sinorus.cite(iter(list(series)), style=style) == expected
    text = sinorus.cite(series)
    assert len(text.splitlines()) == len(unique_sources(series))
    mixed = [DATA, series[0], series[0].sources[0], series[1]]
    keys = [e.key for e in bibtex_entries(sinorus.cite(mixed, style="bibtex"))]
    assert keys == ["sinorus", *(key for key, _ in unique_sources(mixed[1::2]).values())]


def test_a_bare_source_has_a_key_of_its_own():
    source = DATA.exercises[0].sources[0]
    copy = sinorus.Source(title=source.title, url=source.url, publisher=source.publisher)
    key = bibtex_entries(sinorus.cite(source, style="bibtex"))[0].key
    assert key == bibtex_entries(sinorus.cite(copy, style="bibtex"))[0].key
    assert key.startswith("source-")
    other = sinorus.Source(title=source.title + " (2)", url=source.url)
    assert bibtex_entries(sinorus.cite(other, style="bibtex"))[0].key != key


def test_an_empty_bibliography_is_empty():
    assert [sinorus.cite([], style=style) for style in STYLES] == ["", "", "[]", ""]


def test_what_is_not_a_record_is_refused_with_where_it_stands():
    with pytest.raises(sinorus.QueryError, match="str has no sources"):
        sinorus.cite("vostok-2018")
    with pytest.raises(sinorus.QueryError, match=r"Coverage \(item 1 of the bibliography\)"):
        sinorus.cite([DATA.exercises[0], DATA.coverage[0]])
    with pytest.raises(sinorus.QueryError, match=r"NoneType \(item 0"):
        sinorus.cite([None])
    with pytest.raises(sinorus.QueryError, match="must be Source records"):
        sinorus.cite(types.SimpleNamespace(sources=("a title",)))


def test_an_unknown_style_is_refused_naming_the_styles():
    assert STYLES == ("text", "bibtex", "csl-json", "ris")
    with pytest.raises(sinorus.QueryError, match="unknown citation style 'apa'") as error:
        sinorus.cite(DATA.exercises[0], style="apa")
    assert all(style in str(error.value) for style in STYLES)

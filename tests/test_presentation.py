"""Citations, one-line and notebook displays, and the plots."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import attrs
import pytest

import sinorus
from sinorus.kinds import KIND as SECTIONS

DATA = sinorus.load()
RECORDS = [r for section in SECTIONS for r in getattr(DATA, section)]


@pytest.mark.parametrize("record", RECORDS[::7], ids=lambda r: r.id)
def test_a_record_cites_every_source_in_text_and_bibtex(record):
    text = record.cite()
    assert text == sinorus.cite(record)
    assert len(text.splitlines()) == len(record.sources) + 1
    for source in record.sources:
        assert source.title in text
        if source.url:
            assert source.url in text
    bibtex = sinorus.cite(record, style="bibtex")
    assert bibtex.count("@misc{") == len(record.sources)
    assert bibtex.count("{") == bibtex.count("}")
    assert f"@misc{{{record.id}-1," in bibtex


def test_bibtex_escapes_what_latex_would_read_as_commands():
    source = sinorus.Source(title="Trade & arms: 50% up, #1 partner", publisher="A_B")
    entry = sinorus.cite(source, style="bibtex")
    assert r"Trade \& arms: 50\% up, \#1 partner" in entry
    assert r"A\_B" in entry


def test_sinorus_cites_itself_with_its_version_and_data_version():
    for style in ("text", "bibtex"):
        citation = sinorus.cite(style=style)
        assert sinorus.__version__ in citation
        assert DATA.data_version in citation
    assert sinorus.cite(DATA) == sinorus.cite()
    mine = sinorus.Dataset(data_version="mine-1")
    assert "mine-1" in sinorus.cite(mine)


def test_citing_what_has_no_sources_or_in_an_unknown_style_is_refused():
    with pytest.raises(sinorus.QueryError, match="unknown citation style 'apa'"):
        sinorus.cite(style="apa")
    with pytest.raises(sinorus.QueryError, match="Coverage has no sources"):
        DATA.coverage[0].cite()


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_every_record_shows_a_line_and_a_table(record):
    line = str(record)
    assert "\n" not in line
    assert f"[{record.id}]" in line
    html = record._repr_html_()
    assert html.startswith("<table>")
    for field in attrs.fields(type(record)):
        if getattr(record, field.name) not in (None, (), ""):
            assert f">{field.name}</th>" in html, field.name


def test_html_is_escaped():
    source = sinorus.Source(title="<script>alert(1)</script>", url="https://example.org/?a=1&b=2")
    level = sinorus.PartnershipLevel(
        id="x", name="a <b> level", start=date(2000, 1, 1), end=None, sources=(source,)
    )
    html = level._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "a &lt;b&gt; level" in html


def test_a_dataset_shows_its_series_and_coverage():
    text = str(DATA)
    html = DATA._repr_html_()
    for span in DATA.coverage:
        assert span.kind in text and str(span.end) in text
        assert f"<td>{span.kind}</td>" in html


def test_the_timeline_draws_phases_levels_and_records_in_the_range():
    from sinorus import plot

    figure, ax = plot.timeline(since="1989-01-01", until="2025-12-31")
    assert ax.figure is figure
    assert ax.get_title() == "China–Russia relations, 1989–2025"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert {"agreements", "exercises", "events"} <= set(labels)
    low, high = ax.get_xlim()
    assert low == (date(1989, 1, 1) - date(1970, 1, 1)).days
    assert high == (date(2026, 1, 1) - date(1970, 1, 1)).days
    exercises = next(line for line in ax.get_lines() if line.get_marker() == "^")
    drawn = DATA.exercises.where(since="1989-01-01", until="2025-12-31")
    assert len(exercises.get_xdata()) == len(drawn)


def test_the_trade_chart_has_one_bar_per_year_and_marks_the_upgrades():
    from sinorus import plot

    _, ax = plot.trade(since=2000, until=2024)
    heights = [bar.get_height() for bar in ax.patches]
    assert heights == [sinorus.trade_volume(year) for year in range(2000, 2025)]
    texts = [t.get_text() for t in ax.texts if not t.get_text().startswith("Source")]
    marked = {text.replace("\n", " ") for text in texts}
    upgrades = {lvl.name for lvl in DATA.partnership_levels if 2000 <= lvl.start.year <= 2024}
    assert marked == upgrades


def test_plots_draw_on_given_axes_and_refuse_empty_ranges():
    import matplotlib.pyplot as plt

    from sinorus import plot

    _, axes = plt.subplots(2)
    assert plot.trade(ax=axes[0])[1] is axes[0]
    assert plot.timeline(ax=axes[1])[1] is axes[1]
    with pytest.raises(sinorus.NoDataError, match="outside the data"):
        plot.trade(since=1900, until=1910)
    with pytest.raises(sinorus.QueryError, match="the range is empty"):
        plot.timeline(since="2000-01-01", until="1999-01-01")
    plt.close("all")


def test_without_matplotlib_a_plot_names_the_extra():
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import sinorus.plot\n"
        "try:\n    sinorus.plot.trade()\n"
        "except sinorus.MissingDependencyError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install matplotlib" in out.stdout
    assert 'pip install ".[plot]"' in out.stdout


def test_a_snapshot_shows_a_short_text_and_an_html_table(bundled):
    snap = sinorus.state_at("18 March 2014")
    text = str(snap)
    assert text.splitlines()[0] == f"On {snap.day}"
    assert snap.phase.name in text and snap.partnership_level.name in text
    assert all(a.name in text for a in snap.agreements_in_force)
    assert all(leader.name in text for leader in snap.leaders)
    assert "Source(" not in text and len(text) < 5_000
    html = snap._repr_html_()
    assert html.startswith("<table") and snap.partnership_level.name in html
    assert "Source(" not in html and "Phase(" not in html


def test_record_html_renders_quotes_and_alternatives(bundled):
    from html import escape

    with_quotes = next(r for kind in ("agreements", "partnership_levels", "events")
                       for r in bundled[kind] if r.quotes)  # fmt: skip
    with_alternatives = next(r for r in bundled.exercises if r.alternatives)
    for record in (with_quotes, with_alternatives):
        html = record._repr_html_()
        assert "Quote(" not in html and "Alternative(" not in html and "Source(" not in html
    assert escape(with_quotes.quotes[0].text) in with_quotes._repr_html_()
    assert escape(with_quotes.quotes[0].speaker) in with_quotes._repr_html_()
    alternative = with_alternatives.alternatives[0]
    assert escape(alternative.value) in with_alternatives._repr_html_()
    assert escape(alternative.sources[0].title) in with_alternatives._repr_html_()


def test_a_leader_shows_office_and_dates(bundled):
    for leader in bundled.leaders:
        text = str(leader)
        assert leader.name in text and leader.office in text and str(leader.start) in text
        assert leader.country in text


def test_plotting_never_changes_the_backend():
    code = (
        "import matplotlib; matplotlib.use('svg')\n"
        "from sinorus import plot; plot.trade(); plot.timeline()\n"
        "print(matplotlib.get_backend())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "svg", out.stderr


def test_the_timeline_names_only_the_levels_in_range_and_labels_chosen_records():
    from sinorus import plot

    _, ax = plot.timeline(since="2014-01-01", label=["vostok-2018"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    held = [lvl for lvl in DATA.partnership_levels if lvl.end is None or lvl.end.year >= 2014]
    assert len(labels) == 3 + len(held)
    assert DATA.get("vostok-2018").name in [t.get_text().replace("\n", " ") for t in ax.texts]
    with pytest.raises(sinorus.NoDataError, match="outside the data"):
        plot.timeline(since="1900-01-01")
    with pytest.raises(sinorus.NoDataError):
        plot.timeline(label=["no-such-record"])


def test_the_trade_chart_names_its_source_and_can_split_directions():
    from sinorus import plot

    _, ax = plot.trade()
    captions = [t.get_text() for t in ax.texts if t.get_text().startswith("Source")]
    assert captions and DATA.data_version in captions[0]
    _, ax = plot.trade(directions=True)
    split = [r for r in DATA.trade if r.exports_usd_bn is not None and r.imports_usd_bn is not None]
    heights = sorted(round(bar.get_height(), 6) for bar in ax.patches)
    expected = [r.exports_usd_bn for r in split] + [r.imports_usd_bn for r in split]
    expected += [r.total_usd_bn for r in DATA.trade if r not in split]
    assert heights == sorted(round(h, 6) for h in expected)

"""The research outputs at the top level: tidy tables, file exports and the dyad-year panel.

Each is a thin wrapper that imports its module on first use, so that
``import sinorus`` stays cheap: :func:`tables` is :func:`sinorus.tidy.tables`,
:func:`export` is :func:`sinorus.formats.export` and :func:`panel` is
:func:`sinorus.panels.panel`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    import pandas as pd

    from .dataset import Dataset
    from .tidy import Table

__all__ = ["export", "panel", "tables"]


def tables(dataset: Dataset | None = None) -> Mapping[str, Table]:
    """Every tidy table of ``dataset`` (None: the bundled data), by name; see :mod:`sinorus.tidy`.

    >>> import sinorus
    >>> sinorus.tables()["exercise_participants"].column_names
    ('record_id', 'position', 'participant')
    """
    from .tidy import tables as build

    return build(dataset)


def export(
    dataset: Dataset | None,
    path: str | os.PathLike[str],
    format: str = "datapackage",
    *,
    bom: bool = False,
    panels: bool = True,
) -> tuple[str, ...]:
    """Write every table of ``dataset`` (None: the bundled data) to ``path``; the files written.

    ``format`` is ``"datapackage"`` (a folder of CSV files and
    ``datapackage.json``), ``"csv"``, ``"parquet"``, ``"dta"`` (a folder of
    files, one per table) or ``"xlsx"`` (one workbook, a sheet per table);
    see :func:`sinorus.formats.export`.

    >>> import sinorus, tempfile, os
    >>> folder = os.path.join(tempfile.mkdtemp(), "sinorus")
    >>> written = sinorus.export(None, folder, "datapackage")
    >>> os.path.basename(written[-1])
    'datapackage.json'
    """
    from .formats import export as write

    return write(dataset, path, format, bom=bom, panels=panels)


def panel(
    unit: str = "year",
    since: date | str | int | None = None,
    until: date | str | int | None = None,
    dataset: Dataset | None = None,
) -> pd.DataFrame:
    """The China–Russia dyad as a panel, one row per year or month (see :mod:`sinorus.panels`).

    Needs pandas.

    >>> import sinorus
    >>> frame = sinorus.panel(since=2014, until=2014)
    >>> frame[["year", "ccode1", "ccode2", "phase_id"]].values.tolist()
    [[2014, 710, 365, 'post-crimea-alignment']]
    """
    from .panels import panel as build

    return build(unit, since, until, dataset)

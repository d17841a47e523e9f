"""sinorus: the history of China–Russia (and Sino-Soviet) relations as typed, sourced data.

>>> import sinorus
>>> sinorus.partnership_level_at("18 March 2014").name
'comprehensive strategic partnership of coordination'
>>> round(sinorus.trade_growth_factor(2000, 2010), 2)
6.94
>>> [e.name for e in sinorus.exercises(year=2005)]
['Peace Mission 2005']

Importing the package is cheap: the bundled data is read on the first query
and kept for the rest of the process.
"""

from __future__ import annotations

from .api import (
    agreements,
    arms_transfer,
    converter,
    coverage_of,
    events,
    exercises,
    frame,
    leaders_at,
    load,
    partnership_level_at,
    phase_at,
    search,
    state_at,
    timeline,
    trade_growth_factor,
    trade_volume,
)
from .cite import cite
from .countries import Country, UnknownNameError, countries, country
from .dataset import Dataset, DatedRecord, Record
from .dates import DateLike, to_date
from .errors import (
    DataError,
    InvalidDateError,
    MissingDependencyError,
    NoDataError,
    Problem,
    QueryError,
    QueryTypeError,
    SinorusError,
)
from .kinds import KINDS, Kind
from .model import (
    Agreement,
    AgreementKind,
    Alternative,
    ArmsComparison,
    ArmsTransfer,
    Coverage,
    Domain,
    Event,
    EventKind,
    Exercise,
    ExerciseFormat,
    Leader,
    PartnershipLevel,
    Phase,
    Precision,
    Quote,
    Source,
    TradeRecord,
    TradeToDate,
)
from .research import export, panel, tables
from .series import Series
from .state import Snapshot
from .tidy import Column, ForeignKey, Table

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "Agreement",
    "AgreementKind",
    "Alternative",
    "ArmsComparison",
    "ArmsTransfer",
    "Column",
    "Country",
    "Coverage",
    "DataError",
    "Dataset",
    "DateLike",
    "DatedRecord",
    "Domain",
    "Event",
    "EventKind",
    "Exercise",
    "ExerciseFormat",
    "ForeignKey",
    "InvalidDateError",
    "Kind",
    "Leader",
    "MissingDependencyError",
    "NoDataError",
    "PartnershipLevel",
    "Phase",
    "Precision",
    "Problem",
    "QueryError",
    "QueryTypeError",
    "Quote",
    "Record",
    "Series",
    "SinorusError",
    "Snapshot",
    "Source",
    "Table",
    "TradeRecord",
    "TradeToDate",
    "UnknownNameError",
    "__version__",
    "agreements",
    "arms_transfer",
    "cite",
    "converter",
    "countries",
    "country",
    "coverage_of",
    "events",
    "exercises",
    "export",
    "frame",
    "leaders_at",
    "load",
    "panel",
    "partnership_level_at",
    "phase_at",
    "search",
    "state_at",
    "tables",
    "timeline",
    "to_date",
    "trade_growth_factor",
    "trade_volume",
]


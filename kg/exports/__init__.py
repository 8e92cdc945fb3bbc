"""Files other tools read: a build's relations as JSON Lines, CSV or GDELT 2.0 event rows, and actor graphs
as dynamic GEXF for Gephi.

One module per format family behind these names: `events` (relations in a format, which modes and
confidences are kept), `gdelt` (GDELT 2.0's columns, ids, dates and CAMEO actor codes), `gexf` (GEXF 1.2).
"""

from __future__ import annotations

from kg.exports.events import CSV_COLUMNS, FORMATS, default_modes, kept_events, write_events
from kg.exports.gdelt import (
    GDELT_COLUMNS,
    GDELT_ID_OFFSET,
    GdeltActor,
    GdeltContext,
    GdeltSource,
    format_dateadded,
    gdelt_actor,
    gdelt_event_id,
    to_gdelt_event_rows,
    to_gdelt_row,
    to_gdelt_rows,
    to_gdelt_sources,
)
from kg.exports.gexf import GEXF_NAMESPACE, GEXF_VERSION, date_spell, to_gexf, write_gexf

__all__ = [
    "FORMATS",
    "CSV_COLUMNS",
    "GDELT_COLUMNS",
    "GDELT_ID_OFFSET",
    "GdeltActor",
    "GdeltContext",
    "GdeltSource",
    "default_modes",
    "format_dateadded",
    "gdelt_actor",
    "gdelt_event_id",
    "kept_events",
    "to_gdelt_row",
    "to_gdelt_event_rows",
    "to_gdelt_rows",
    "to_gdelt_sources",
    "write_events",
    "GEXF_NAMESPACE",
    "GEXF_VERSION",
    "date_spell",
    "to_gexf",
    "write_gexf",
]

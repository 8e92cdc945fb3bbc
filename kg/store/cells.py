"""The relation table of a build folder (`OUT/cells.sqlite`): every relation of the store as the page's filters read it.

One row a relation: its states and acting persons or bodies, CAMEO code, mode,
symmetry, confidence and date (IRIs stored once, in a table of terms), kept by
the build as it keeps the tallies: made again for the state dyads whose
relations it added or removed, from the tallies' read of the relations
(`update_cells`, which `kg.store.tallies.refresh_tallies` fills; `refresh_cells`
reads them on its own). `read_cells` counts them into
the page's cells (relations alike in all of these, at state or actor level,
above a confidence, with the first relation's IRI as their sample): at a million
relations, a few seconds, where the store's join of every relation's properties
took about a minute.

The table says which build it is current for (the store's newest
`prov:startedAtTime`) and is marked stale while a build changes the store
(`mark_cells_stale`): `read_cells` gives None for a table that is missing,
stale, of another format or of another build, and the page reads the store.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph

from kg.errors import OutputError
from kg.store.model import dyads_values
from kg.vocab import PREFIXES

__all__ = [
    "CELLS_FILE",
    "CELLS_FORMAT",
    "RELATION_ROW_PATTERN",
    "refresh_cells",
    "update_cells",
    "CellsUpdate",
    "mark_cells_stale",
    "read_cells",
    "count_cells",
]

CELLS_FILE = "cells.sqlite"
# The table's layout: a table of another is not read (the page reads the store) and is made again by a full refresh.
CELLS_FORMAT = "1"
LEVEL_ENDS = {"state": ("source", "target"), "actor": ("source_actor", "target_actor")}
_INSERT_BATCH = 10_000  # rows a write hands SQLite at a time: memory stays bounded by it, not by the relations

log = logging.getLogger(__name__)

# Every relation with what the page's filters read (the tallies' read of every relation adds its evidence count to
# the same pattern). Each property is read by a subquery of its own, which Oxigraph joins by hashing the relations
# (one scan of each property) instead of looking each property up relation by relation (an index seek each: seven
# times slower at 100k relations). Every relation states its confidence (`kg.store.model`).
RELATION_ROW_PATTERN = """
  { SELECT ?relation ?source WHERE { GRAPH ?sourceGraph { ?relation kg:source ?source } } }
  { SELECT ?relation ?target WHERE { GRAPH ?targetGraph { ?relation kg:target ?target } } }
  { SELECT ?relation ?type WHERE { GRAPH ?typeGraph { ?relation kg:eventType ?type } } }
  { SELECT ?relation ?mode WHERE { GRAPH ?modeGraph { ?relation kg:mode ?mode } } }
  { SELECT ?relation ?confidence WHERE { GRAPH ?confidenceGraph { ?relation kg:confidence ?confidence } } }
  OPTIONAL { SELECT ?relation ?statedSourceActor
             WHERE { GRAPH ?sourceActorGraph { ?relation kg:sourceActor ?statedSourceActor } } }
  OPTIONAL { SELECT ?relation ?statedTargetActor
             WHERE { GRAPH ?targetActorGraph { ?relation kg:targetActor ?statedTargetActor } } }
  OPTIONAL { SELECT ?relation ?statedSymmetric
             WHERE { GRAPH ?symmetricGraph { ?relation kg:symmetric ?statedSymmetric } } }
  OPTIONAL { SELECT ?relation ?date WHERE { GRAPH ?dateGraph { ?relation kg:date ?date } } }
  BIND(COALESCE(?statedSourceActor, ?source) AS ?sourceActor)  # the state acts itself: no kg:sourceActor stated
  BIND(COALESCE(?statedTargetActor, ?target) AS ?targetActor)
  BIND(COALESCE(?statedSymmetric, false) AS ?symmetric)  # only kg:symmetric true is stated
"""
_ROWS_QUERY = (
    "SELECT ?relation ?source ?target ?sourceActor ?targetActor ?type ?mode ?symmetric ?confidence ?date\n"
    f"WHERE {{{RELATION_ROW_PATTERN}}}\n"
)
# `_ROWS_QUERY`'s columns, by the names of the table's (`LEVEL_ENDS`).
_ROWS_COLUMNS = ("relation", "source", "target", "source_actor", "target_actor", "type", "mode", "symmetric",
                 "confidence", "date")  # fmt: skip
# The same, for the relations of some state dyads (VALUES inside the GRAPH block: there Oxigraph starts from them).
_DYADS_ROWS_QUERY = """
SELECT ?relation ?source ?target ?sourceActor ?targetActor ?type ?mode ?symmetric ?confidence ?date
WHERE {
  GRAPH ?graph {
    %s
    ?relation kg:source ?source ; kg:target ?target ; kg:eventType ?type ; kg:mode ?mode ;
              kg:confidence ?confidence .
    OPTIONAL { ?relation kg:sourceActor ?statedSourceActor }
    OPTIONAL { ?relation kg:targetActor ?statedTargetActor }
    OPTIONAL { ?relation kg:symmetric ?statedSymmetric }
    OPTIONAL { ?relation kg:date ?date }
  }
  BIND(COALESCE(?statedSourceActor, ?source) AS ?sourceActor)
  BIND(COALESCE(?statedTargetActor, ?target) AS ?targetActor)
  BIND(COALESCE(?statedSymmetric, false) AS ?symmetric)
}
"""
# The newest build of the store, whose relations the table holds.
_BUILD_QUERY = """
SELECT ?started WHERE { ?build a kg:Build ; prov:startedAtTime ?started }
ORDER BY DESC(STR(?started)) LIMIT 1
"""
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE terms (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE relations (relation TEXT NOT NULL, source INTEGER NOT NULL, target INTEGER NOT NULL,
                        source_actor INTEGER NOT NULL, target_actor INTEGER NOT NULL, type INTEGER NOT NULL,
                        mode INTEGER NOT NULL, symmetric INTEGER NOT NULL, confidence REAL NOT NULL, date TEXT);
CREATE INDEX relations_by_dyad ON relations (source, target);
"""
# The relations at one level: its ends (`%(source)s`, `%(target)s`), no actor with itself. Counted in Python
# (`count_cells`): SQLite's GROUP BY sorts them first, which took twice as long at a million relations.
_RELATIONS_SQL = """
SELECT %(source)s, %(target)s, type, mode, symmetric, confidence, date, relation
FROM relations WHERE %(source)s != %(target)s AND confidence >= ?
"""


def refresh_cells(store: pyoxigraph.Store, path: Path, *, dyads: Collection[tuple[str, str]] | None = None) -> int:
    """Write every relation of the store again into the table at `path` (a new file put in place of the old one);
    return the number of relations written. With `dyads` ((source, target) state IRIs, as
    `kg.store.article_dyads` gives them), only the relations stated from a source to a target among them are
    written again, the rest kept (exact as long as every relation added or removed since is of these dyads); a
    table that is missing or of another format is made whole. Either way the table is then current for the
    store's newest build. A build does this with the tallies, from their read of the relations
    (`kg.store.refresh_summaries` given the table's path); this reads them on its own."""
    with update_cells(store, path, dyads=dyads) as update:
        if update.dyads is None:
            query = _ROWS_QUERY
        elif update.dyads:
            query = _DYADS_ROWS_QUERY % dyads_values(update.dyads)
        else:
            return 0
        for row in store.query(query, prefixes=PREFIXES):
            update.add(*row)
    return update.written


@contextlib.contextmanager
def update_cells(store: pyoxigraph.Store, path: Path, *,
                 dyads: Collection[tuple[str, str]] | None = None) -> Iterator[CellsUpdate]:  # fmt: skip
    """The table at `path` made again from the relations given to the update (`CellsUpdate.add`): every relation of
    the store, written to a new file put in place of the old one when the block ends; or, with `dyads` (and a
    table of this format), those of these state dyads, which replace theirs in the table. The update's `dyads`
    says which it is (None: every relation). The table is then current for the store's newest build; an error in
    the block leaves it as it was."""
    update = CellsUpdate(store, path, dyads=dyads)
    try:
        yield update
        update.finish()
    except sqlite3.Error as error:
        raise OutputError(f"{path}: cannot write the relation table: {error}") from error
    finally:
        update.connection.close()


class CellsUpdate:
    """The relation table being written (`update_cells`): rows added one relation at a time, written in batches."""

    def __init__(self, store: pyoxigraph.Store, path: Path, *, dyads: Collection[tuple[str, str]] | None) -> None:
        self.path, self.build, self.written = path, _newest_build(store), 0
        self.dyads = dyads if dyads is not None and _format(path) == CELLS_FORMAT else None
        try:
            if self.dyads is not None:
                self.connection = sqlite3.connect(path)
            else:
                fresh = path.with_name(path.name + ".new")
                fresh.unlink(missing_ok=True)
                self.connection = sqlite3.connect(fresh)
                # a new file, put in place only once whole: no journal needed to keep it whole
                self.connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
            self.ids: dict[str, int] = dict(self.connection.execute("SELECT iri, id FROM terms"))
            if self.dyads:
                known = [(self.ids[source], self.ids[target]) for source, target in self.dyads
                         if source in self.ids and target in self.ids]  # fmt: skip
                self.connection.executemany("DELETE FROM relations WHERE source = ? AND target = ?", known)
        except sqlite3.Error as error:
            raise OutputError(f"{path}: cannot write the relation table: {error}") from error
        self.batch: list[tuple[Any, ...]] = []
        self.new_terms: list[tuple[int, str]] = []

    def add(self, relation: Any, source: Any, target: Any, source_actor: Any, target_actor: Any, type_: Any,
            mode: Any, symmetric: Any, confidence: Any, date: Any) -> None:  # fmt: skip
        """Add a relation, given as the store's terms (`date` None when it has none)."""
        term = self._term
        self.batch.append((relation.value, term(source.value), term(target.value), term(source_actor.value),
                           term(target_actor.value), term(type_.value), term(mode.value),
                           int(symmetric.value == "true"), float(confidence.value),
                           None if date is None else date.value))  # fmt: skip
        if len(self.batch) == _INSERT_BATCH:
            self._write_batch()

    def finish(self) -> None:
        """Write the last rows and the table's state; put a new table in place."""
        self._write_batch()
        if self.dyads is not None:
            _set_meta(self.connection, build=self.build, state="current")
            self.connection.commit()
            return
        _set_meta(self.connection, build=self.build, state="current", format=CELLS_FORMAT)
        self.connection.commit()
        self.connection.close()
        os.replace(self.path.with_name(self.path.name + ".new"), self.path)

    def _term(self, iri: str) -> int:
        number = self.ids.get(iri)
        if number is None:
            number = self.ids[iri] = len(self.ids) + 1
            self.new_terms.append((number, iri))
        return number

    def _write_batch(self) -> None:
        """Write the rows of the batch, and the terms first seen in it (emptying both lists)."""
        self.connection.executemany("INSERT INTO terms (id, iri) VALUES (?, ?)", self.new_terms)
        self.connection.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.batch)
        self.written += len(self.batch)
        self.batch.clear()
        self.new_terms.clear()


def mark_cells_stale(path: Path) -> None:
    """Mark the table at `path` (if there is one) as behind the store, which a build is about to change: no page
    reads it until `refresh_cells` has made it current again."""
    if _format(path) is None:
        return
    try:
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            _set_meta(connection, state="stale")
    except sqlite3.Error as error:
        raise OutputError(f"{path}: cannot write the relation table: {error}") from error


def read_cells(store: pyoxigraph.Store, path: Path, *, level: str = "state",
               min_confidence: float = 0.0) -> list[tuple[Any, ...]] | None:  # fmt: skip
    """The relations of the table at `path` (confidence at least `min_confidence`; none of an actor with itself
    at `level`) counted by their ends at that level, CAMEO code, mode, symmetry, confidence and date
    (`count_cells`): a row per cell, (source, target, type, mode IRIs, symmetric as "true" or "false",
    confidence, date or "", count, the first relation's IRI). None if the table is missing, stale, of another
    format or not of the store's newest build: then the store must be read."""
    if _format(path) != CELLS_FORMAT:
        return None
    source, target = LEVEL_ENDS[level]
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            meta = dict(connection.execute("SELECT key, value FROM meta"))
            if meta.get("state") != "current" or meta.get("build") != _newest_build(store):
                return None
            terms = dict(connection.execute("SELECT id, iri FROM terms"))
            query = _RELATIONS_SQL % {"source": source, "target": target}
            counted = count_cells(connection.execute(query, (float(min_confidence),)))
    except sqlite3.Error as error:  # a damaged table: the store has the relations
        log.warning("%s: cannot read the relation table (%s); the page reads the store", path, error)
        return None
    flags = ("false", "true")
    return [(terms[first], terms[second], terms[type_], terms[mode], flags[symmetric], confidence, date or "",
             count, sample)
            for first, second, type_, mode, symmetric, confidence, date, count, sample in counted]  # fmt: skip


def count_store_cells(store: pyoxigraph.Store, *, level: str = "state",
                      min_confidence: float = 0.0) -> list[tuple[Any, ...]]:  # fmt: skip
    """The relations of the store counted as `read_cells` counts the table's (same layout, lexical values), read
    from the store itself by the table's own query (`_ROWS_QUERY`): for a store whose table is missing or not
    current."""
    return count_cells(_store_rows(store, level, min_confidence))


def _store_rows(store: pyoxigraph.Store, level: str, min_confidence: float) -> Iterator[tuple[Any, ...]]:
    """The store's relations as `_RELATIONS_SQL` reads the table's, at `level`."""
    first, second = (_ROWS_COLUMNS.index(end) for end in LEVEL_ENDS[level])
    for solution in store.query(_ROWS_QUERY, prefixes=PREFIXES):
        row = [None if term is None else term.value for term in solution]
        relation, type_, mode, symmetric, confidence, date = row[0], *row[5:]
        if row[first] != row[second] and float(confidence) >= min_confidence:
            yield row[first], row[second], type_, mode, symmetric, confidence, date, relation


def count_cells(rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Relations (rows of what a cell is alike in, then the relation's IRI) counted into cells: a row per cell,
    its key, its number of relations and its first relation's IRI (the least, so the same every time)."""
    samples: dict[tuple[Any, ...], Any] = {}  # a cell's relations alike: their first IRI
    counts: dict[tuple[Any, ...], int] = {}  # ...and their number, when more than one (rare at scale)
    for row in rows:
        if (key := tuple(row[:-1])) not in samples:
            samples[key] = row[-1]
        else:
            counts[key] = counts.get(key, 1) + 1
            samples[key] = min(samples[key] or "", row[-1] or "")
    return [(*key, counts.get(key, 1), sample) for key, sample in samples.items()]


def _set_meta(connection: sqlite3.Connection, **values: str) -> None:
    connection.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", values.items())


def _format(path: Path) -> str | None:
    """The format of the table at `path`; None if there is no table (or not one SQLite can read)."""
    if not path.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else row[0]


def _newest_build(store: pyoxigraph.Store) -> str:
    """When the store's newest build started ("" for a store no build wrote, as a benchmark's)."""
    for row in store.query(_BUILD_QUERY, prefixes=PREFIXES):
        return str(row["started"].value)
    return ""

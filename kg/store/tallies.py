"""The dyad tallies (`graph:tallies`, `graph:actorTallies`): every relation of the store counted by dyad and kind.

A tally counts the relations of one dyad that share their mode, symmetry and
QuadClass, with their Goldstein sum, evidence sentences and first and last
dates: what the measures of `kg.analysis` add up, for any modes and self-loop
choice, without reading a relation (`kg.analysis.to_dyad_graphs`). The dyads of
`graph:tallies` are the relations' states (`kg:source`, `kg:target`); those of
`graph:actorTallies` their acting persons or bodies (`kg:sourceActor`,
`kg:targetActor`), each tally also naming its states. A build makes them again
for the state dyads whose relations it added or removed (`refresh_tallies`), as
it does the summaries.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

import pyoxigraph

from kg.store.model import OX_KG, dyads_values, ox_date, ox_literal
from kg.vocab import ACTOR_TALLIES_GRAPH, PREFIXES, TALLIES_GRAPH, tally_iri

__all__ = ["refresh_tallies", "has_tallies"]

# The relations counted by kind, in the direction they are stated (at actor level, `?sourceActor ?targetActor`
# come before the kind); a relation's QuadClass and Goldstein score are its code's, read from the CAMEO scheme
# (graph:cameo); an undated relation counts in no date ("~" sorts after every date, "" before: MIN and MAX of a
# group are unbound if one value is). Their evidence sentences are counted by a query of their own (joined here,
# they would multiply a relation's rows). VALUES go inside the GRAPH block: there Oxigraph starts from them.
_RELATIONS = """?relation a kg:Relation ; kg:source ?source ; kg:target ?target ; kg:sourceActor ?sourceActor ;
              kg:targetActor ?targetActor ; kg:mode ?mode ; kg:symmetric ?symmetric ; kg:eventType ?type ."""
_TALLY_QUERY = """
SELECT %(key)s (COUNT(?relation) AS ?count) (SUM(?goldstein) AS ?goldsteinSum)
       (MIN(COALESCE(STR(?date), "~")) AS ?first) (MAX(COALESCE(STR(?date), "")) AS ?last)
WHERE {
  GRAPH ?graph { %(dyads)s %(relations)s OPTIONAL { ?relation kg:date ?date } }
  OPTIONAL { GRAPH graph:cameo { ?type kg:quadClass ?quad ; kg:goldstein ?goldstein . } }
}
GROUP BY %(key)s
"""
_EVIDENCE_QUERY = """
SELECT %(key)s (COUNT(?item) AS ?evidence)
WHERE {
  GRAPH ?graph { %(dyads)s %(relations)s ?relation kg:evidence ?item . }
  OPTIONAL { GRAPH graph:cameo { ?type kg:quadClass ?quad . } }
}
GROUP BY %(key)s
"""
_KEYS = {
    TALLIES_GRAPH: ("source", "target", "mode", "symmetric", "quad"),
    ACTOR_TALLIES_GRAPH: ("source", "target", "sourceActor", "targetActor", "mode", "symmetric", "quad"),
}
# Drop the tallies of some state dyads.
_REMOVE_UPDATE = """
DELETE { GRAPH <%(graph)s> { ?tally ?predicate ?object } }
WHERE { GRAPH <%(graph)s> { %(dyads)s ?tally kg:tallySource ?source ; kg:tallyTarget ?target ; ?predicate ?object } }
"""
_PREDICATES = {"source": "tallySource", "target": "tallyTarget", "sourceActor": "tallySourceActor",
               "targetActor": "tallyTargetActor", "mode": "tallyMode", "symmetric": "tallySymmetric",
               "quad": "tallyQuadClass"}  # fmt: skip


def refresh_tallies(store: pyoxigraph.Store, *, dyads: Collection[tuple[str, str]] | None = None) -> int:
    """Count every relation of the store again into the tallies' graphs (replacing them); return the number of
    tallies made. With `dyads` ((source, target) state IRIs, as `kg.store.article_dyads` gives them), only the
    tallies of relations stated from a source to a target among them are made again, the rest kept (exact as long
    as every relation added or removed since is of these dyads). A store without them has every tally made."""
    if dyads is not None and not has_tallies(store):
        dyads = None
    if dyads is not None and not dyads:
        return 0
    restriction = "" if dyads is None else dyads_values(dyads)
    made = 0
    for graph, key in _KEYS.items():
        tallies = _count(store, key, restriction)
        quads = [quad for values, tally in tallies.items() for quad in _tally_quads(graph, key, values, tally)]
        name = pyoxigraph.NamedNode(str(graph))
        if dyads is not None:
            store.update(_REMOVE_UPDATE % {"graph": graph, "dyads": restriction}, prefixes=PREFIXES)
            store.extend(quads)
        elif store.contains_named_graph(name):
            store.remove_graph(name)
            store.add_graph(name)  # kept when empty: a store with no relation has its (empty) tallies
            store.extend(quads)
        else:
            store.add_graph(name)
            store.bulk_extend(quads)
        made += len(tallies)
    return made


def _count(store: pyoxigraph.Store, key: tuple[str, ...], restriction: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The relations (of the dyads a VALUES `restriction` binds, if given) counted by `key`."""
    fields = {"key": " ".join(f"?{name}" for name in key), "dyads": restriction, "relations": _RELATIONS}
    tallies = {}
    for row in store.query(_TALLY_QUERY % fields, prefixes=PREFIXES):
        tallies[tuple(row[name] for name in key)] = {
            "count": row["count"], "goldsteinSum": row["goldsteinSum"], "evidence": 0, "first": row["first"],
            "last": row["last"],
        }  # fmt: skip
    for row in store.query(_EVIDENCE_QUERY % fields, prefixes=PREFIXES):
        tallies[tuple(row[name] for name in key)]["evidence"] = int(row["evidence"].value)
    return tallies


def has_tallies(store: pyoxigraph.Store) -> bool:
    """Whether the store holds the tallies (a store built by a version before them does not)."""
    return all(store.contains_named_graph(pyoxigraph.NamedNode(str(graph))) for graph in _KEYS)


def _tally_quads(graph: Any, key: tuple[str, ...], values: tuple[Any, ...], tally: dict[str, Any]) -> Iterator[Any]:
    """A tally's quads in `graph`: its kind (the terms as the relations have them) and its numbers; not its type
    (the domain of `kg:tallySource` gives it)."""
    name = pyoxigraph.NamedNode(str(graph))
    source, target = (term.value.rsplit("/", 1)[-1] for term in values[:2])
    node = pyoxigraph.NamedNode(str(tally_iri(source, target, *(term.value for term in values[2:]))))
    for field, value in zip(key, values, strict=True):
        yield pyoxigraph.Quad(node, getattr(OX_KG, _PREDICATES[field]), value, name)
    yield pyoxigraph.Quad(node, OX_KG.tallyCount, tally["count"], name)
    yield pyoxigraph.Quad(node, OX_KG.tallyGoldsteinSum, tally["goldsteinSum"], name)
    yield pyoxigraph.Quad(node, OX_KG.tallyEvidence, ox_literal(tally["evidence"]), name)
    for predicate, value in ((OX_KG.tallyFirstDate, tally["first"]), (OX_KG.tallyLastDate, tally["last"])):
        if value is not None and value.value not in ("", "~"):
            yield pyoxigraph.Quad(node, predicate, ox_date(value.value), name)

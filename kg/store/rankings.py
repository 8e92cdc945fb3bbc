"""The ranking of actors (in the store's default graph): each actor's asserted relations and distinct partners.

One entry an actor (`kg:rankedActor`, `kg:rankedRelations`, `kg:rankedPartners`;
no type: the domain of `kg:rankedActor` gives it), what the `actor_ranking`
query lists: the store's own aggregate of the dyad tallies (`RANKING_AGGREGATE`:
asserted relations between states, a symmetric one once, none of an actor with
itself), which the query ran on every tally each time it was asked (2.5 s at a
million relations), made once by each build that changes the tallies
(`refresh_rankings`, from `kg.store.refresh_summaries`). A few hundred entries:
made whole every time.
"""

from __future__ import annotations

import pyoxigraph

from kg.store.model import OX_KG
from kg.vocab import PREFIXES, ranking_iri

__all__ = ["RANKING_AGGREGATE", "refresh_rankings"]

# Each tally is read once and counted for both its ends (VALUES ?side); each property of the tallies is read by a
# subquery of its own, which Oxigraph joins by hashing (one scan of each).
RANKING_AGGREGATE = """
SELECT ?actor (SUM(?count) AS ?relations) (COUNT(DISTINCT ?partner) AS ?partners)
WHERE {
  { SELECT ?tally WHERE { ?tally kg:tallyMode kg:asserted } }
  { SELECT ?tally ?count WHERE { ?tally kg:tallyCount ?count } }
  { SELECT ?tally ?source WHERE { ?tally kg:tallySource ?source } }
  { SELECT ?tally ?target WHERE { ?tally kg:tallyTarget ?target } }
  FILTER(?source != ?target)
  VALUES ?side { 1 2 }
  BIND(IF(?side = 1, ?source, ?target) AS ?actor)
  BIND(IF(?side = 1, ?target, ?source) AS ?partner)
}
GROUP BY ?actor
"""
_REMOVE_UPDATE = "DELETE { ?entry ?predicate ?object } WHERE { ?entry kg:rankedActor ?actor ; ?predicate ?object }"


def refresh_rankings(store: pyoxigraph.Store) -> int:
    """Rank every actor again from the store's tallies (replacing the ranking); return the number of actors
    ranked."""
    quads = []
    for actor, relations, partners in store.query(RANKING_AGGREGATE, prefixes=PREFIXES):
        entry = pyoxigraph.NamedNode(str(ranking_iri(actor.value.rsplit("/", 1)[-1])))
        quads += [pyoxigraph.Quad(entry, OX_KG.rankedActor, actor),  # in the default graph
                  pyoxigraph.Quad(entry, OX_KG.rankedRelations, relations),
                  pyoxigraph.Quad(entry, OX_KG.rankedPartners, partners)]  # fmt: skip
    store.update(_REMOVE_UPDATE, prefixes=PREFIXES)
    store.extend(quads)
    return len(quads) // 3

"""Render benchmark: the HTML page's size per relation and its layout time, from 500 to 10,000 actors.

    .venv/bin/python benchmarks/render_scale.py [--actors 500 2000 10000] [--per-actor 10] [--browser]
    .venv/bin/python benchmarks/render_scale.py --store-shape 100000 300000   # extrapolated to 1M relations

Builds synthetic cells (no store: what `kg.render.read_cells` gives, one relation each) and the details of
their sampled relations (`EVIDENCE_PER_EDGE` an edge, as `kg.render.sample_relations` picks them), and times
`page_data` and `render_page`, the layout alone (`layout_actors` on the dyad graph), and reports the page's
bytes per relation. Two shapes:

- `--actors`: that many actors with Zipf-like weights, `--per-actor` relations each, a sentence of its own per
  relation (the size of a page with many actors; the layout's time).
- `--store-shape`: the relations of `benchmarks/store_scale.py` (40 states often in the news, ten relations
  an article, the same short sentence), at two sizes; the growth between them per relation gives the page at a
  million relations (the budget of issue 19: 30 MB).

Relations are grouped into events across articles with `kg.grouping`, as a build does. With `--browser`, each
page is opened in Debian's Chromium through Playwright: the time until the network is drawn and interactive
(the page sets `data-ready` after its first drawing), and the time to open the busiest edge's panel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import time
from pathlib import Path

import networkx as nx

from kg import analysis
from kg.grouping import group_relations
from kg.records import Mode, RelationReport
from kg.render import (
    EVIDENCE_PER_EDGE,
    Cell,
    EventCounts,
    RelationDetails,
    layout_actors,
    page_data,
    render_page,
    sample_relations,
    write_page,
)

QUADS = [1] * 45 + [2] * 15 + [3] * 30 + [4] * 10
CODES = {1: ("040", "04", 1.0), 2: ("061", "06", 6.4), 3: ("111", "11", -2.0), 4: ("190", "19", -10.0)}
STORE_STATES = 40  # as benchmarks/store_scale.py
PER_ARTICLE = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, nargs="*", default=[500, 2000, 10000])
    parser.add_argument("--per-actor", type=int, default=10, help="relations per actor (default 10)")
    parser.add_argument("--store-shape", type=int, nargs=2, metavar=("SMALL", "LARGE"),
                        help="relations at two sizes in store_scale.py's shape; extrapolate to 1M")  # fmt: skip
    parser.add_argument("--browser", action="store_true", help="also open each page in headless Chromium")
    parser.add_argument("--out-dir", type=Path, default=Path("/tmp/kg-render"))
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    if args.store_shape:
        reports = [_measure(STORE_STATES, size, args, unique_sentences=False) for size in args.store_shape]
        small, large = reports
        per_relation = (large["file_bytes"] - small["file_bytes"]) / (large["relations"] - small["relations"])
        at_million = large["file_bytes"] + per_relation * (1_000_000 - large["relations"])
        print(json.dumps({"growth_bytes_per_relation": round(per_relation, 1),
                          "page_mb_at_1M_relations": round(at_million / 1e6, 1)}))  # fmt: skip
        return
    for actors in args.actors:
        _measure(actors, actors * args.per_actor, args, unique_sentences=True)


def _measure(actors: int, relations: int, args: argparse.Namespace, *, unique_sentences: bool) -> dict[str, object]:
    actor_graph, cells, details = _synthetic(actors, relations, unique_sentences=unique_sentences)
    began = time.perf_counter()
    positions = layout_actors(analysis.to_weighted_graph(actor_graph, directed=False))
    layout_s = time.perf_counter() - began
    began = time.perf_counter()
    data = page_data(_NoStore(), cells, details, per_edge=EVIDENCE_PER_EDGE)  # type: ignore[arg-type]
    prepared = time.perf_counter() - began
    page = render_page(data)
    python_s = time.perf_counter() - began
    path = write_page(page, args.out_dir / f"page-{actors}-{relations}.html")
    size = path.stat().st_size
    report: dict[str, object] = {
        "actors": actors, "relations": relations, "placed": len(positions),
        "edges": len(data["relations"]["edges"]["count"]),
        "layout_s": round(layout_s, 2), "page_data_s": round(prepared, 2), "python_total_s": round(python_s, 2),
        "file_bytes": size, "bytes_per_relation": round(size / relations, 1),
    }  # fmt: skip
    if args.browser:
        report.update(_browser(path))
    print(json.dumps(report), flush=True)
    return report


class _NoStore:
    """In place of a store: no actor described, no article counted (the page names the actors by their codes)."""

    def query_values(self, sparql: str) -> list[dict[str, str | None]]:
        return []


def _synthetic(actors: int, relations: int, *,
               unique_sentences: bool) -> tuple[nx.MultiDiGraph, list[Cell], RelationDetails]:  # fmt: skip
    """A projection of `relations` relations among `actors` actors, ten an article, grouped into events."""
    rng = random.Random(7)
    names = [f"A{number:05d}" for number in range(actors)]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(actors)]
    graph = nx.MultiDiGraph(level="state")
    for name in names:
        graph.add_node(name, label=f"Acteur {name}", label_en=f"Actor {name}", kind="state", state=name, qid="",
                       iri=f"https://example.org/{name}")  # fmt: skip
    evidence, reports, cells, relation_articles = {}, [], [], {}
    for number in range(relations):
        source, target = rng.choices(names, weights, k=2)
        while target == source:
            target = rng.choices(names, weights)[0]
        quad = rng.choice(QUADS)
        code, root, goldstein = CODES[quad]
        key, article = f"r{number}", f"art{number // PER_ARTICLE}"
        date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        mode = rng.choice(["asserted"] * 8 + ["hypothetical", "negated"])
        graph.add_edge(source, target, key=key, reversed=False, relation=key, code=code, root=root, quadclass=quad,
                       goldstein=goldstein, mode=mode, symmetric=False, date=date, precision="day", confidence=0.9,
                       article=article, evidence=1)  # fmt: skip
        cells.append(Cell(source, target, code, quad, mode, False, 0.9, date, 1, key, f"https://example.org/{source}",
                          f"https://example.org/{target}"))  # fmt: skip
        relation_articles[key] = article
        text = f"Phrase {number} où {source} agit envers {target}." if unique_sentences else "Une phrase de l'article."
        evidence[key] = [{"text": text, "lang": "fr", "start": 0, "trigger": [14, 18]}]
        reports.append(RelationReport(key, article, f"outlet{number % 50}", source, target, code, Mode(mode), False,
                                      dt.date.fromisoformat(date), 1))  # fmt: skip
    events = {}
    for event in group_relations(reports):
        counts = EventCounts(event.id, str(event.first_day or ""), str(event.last_day or ""), event.num_mentions,
                             event.num_sources, event.num_articles)  # fmt: skip
        events.update(dict.fromkeys(event.relations, counts))
    articles = {f"art{number}": {"title": f"Article {number}", "href": f"https://example.org/{number}",
                                 "location": "", "date": "2024-01-01", "publisher": ""}
                for number in range(relations // PER_ARTICLE + 1)}  # fmt: skip
    labels = {code: {"en": f"label {code}"} for code, _, _ in CODES.values()}
    sampled = set(sample_relations(cells, per_edge=EVIDENCE_PER_EDGE))
    codes = {code: {"quadclass": quad, "goldstein": goldstein} for quad, (code, _, goldstein) in CODES.items()}
    return graph, cells, RelationDetails({key: evidence[key] for key in sampled}, articles, labels,
                                         "2026-11-21T00:00:00", "bench", events,
                                         {key: relation_articles[key] for key in sampled}, codes)  # fmt: skip


def _browser(path: Path) -> dict[str, object]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {"browser": "chromium not installed"}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        began = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=300_000)
        ready = time.perf_counter() - began
        began = time.perf_counter()
        page.evaluate("""(async () => {
            const busiest = [...kgPage.edgeRelations()].sort((a, b) => b[1].length - a[1].length)[0];  // by relations
            await kgPage.showEdge(busiest[0]); })()""")  # fmt: skip
        panel = time.perf_counter() - began
        began = time.perf_counter()
        page.locator("#filter-quadclass input[value='3']").uncheck()
        filtered = time.perf_counter() - began
        edges = page.evaluate("kgPage.edges.length")
        browser.close()
    return {"interactive_s": round(ready, 2), "first_panel_s": round(panel, 2), "filter_s": round(filtered, 2),
            "edges_after_filter": edges}  # fmt: skip


if __name__ == "__main__":
    main()

"""Render benchmark: the HTML page for 500 actors and 5,000 relations, in Python and in headless Chromium.

    .venv/bin/python benchmarks/render_scale.py [--actors 500] [--relations 5000] [--out /tmp/kg-render.html]

Builds a synthetic projection (Zipf-like actor weights, realistic QuadClass mix,
one evidence sentence per relation), times `page_data` + `render_page` (layout,
centrality, template), writes the page, then opens it in Debian's Chromium
through Playwright and times how long until the network is drawn and interactive
(the page sets `data-ready` after its first drawing).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

import networkx as nx

from kg.render import RelationDetails, page_data, render_page, write_page

QUADS = [1] * 45 + [2] * 15 + [3] * 30 + [4] * 10
CODES = {1: ("040", "04", 1.0), 2: ("061", "06", 6.4), 3: ("111", "11", -2.0), 4: ("190", "19", -10.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, default=500)
    parser.add_argument("--relations", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-render.html"))
    args = parser.parse_args()
    actor_graph, details = _synthetic(args.actors, args.relations)
    began = time.perf_counter()
    data = page_data(actor_graph, details)
    prepared = time.perf_counter() - began
    page = render_page(data)
    python_s = time.perf_counter() - began
    write_page(page, args.out)
    report = {"actors": args.actors, "relations": args.relations, "page_data_s": round(prepared, 2),
              "python_total_s": round(python_s, 2), "file_kib": round(args.out.stat().st_size / 1024)}  # fmt: skip
    report.update(_browser(args.out))
    print(json.dumps(report))


def _synthetic(actors: int, relations: int) -> tuple[nx.MultiDiGraph, RelationDetails]:
    rng = random.Random(7)
    names = [f"A{number:03d}" for number in range(actors)]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(actors)]
    graph = nx.MultiDiGraph(level="state")
    for name in names:
        graph.add_node(name, label=f"Acteur {name}", label_en=f"Actor {name}", kind="state", state=name, qid="",
                       iri=f"https://example.org/{name}")  # fmt: skip
    evidence = {}
    for number in range(relations):
        source, target = rng.choices(names, weights, k=2)
        while target == source:
            target = rng.choices(names, weights)[0]
        quad = rng.choice(QUADS)
        code, root, goldstein = CODES[quad]
        key = f"r{number}"
        date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        graph.add_edge(source, target, key=key, reversed=False, relation=key, code=code, root=root, quadclass=quad,
                       goldstein=goldstein, mode=rng.choice(["asserted"] * 8 + ["hypothetical", "negated"]),
                       symmetric=False, date=date, precision="day", confidence=0.9, article=f"art{number // 10}",
                       evidence=1)  # fmt: skip
        text = f"Phrase {number} où {source} agit envers {target}."
        evidence[key] = [{"text": text, "start": 0, "trigger": [14, 18]}]
    articles = {f"art{number}": {"title": f"Article {number}", "href": f"https://example.org/{number}",
                                 "location": "", "date": "2024-01-01", "publisher": ""}
                for number in range(relations // 10)}  # fmt: skip
    labels = {code: {"en": f"label {code}"} for code, _, _ in CODES.values()}
    return graph, RelationDetails(evidence, articles, labels, "2026-11-21T00:00:00", "bench")


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
        page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        ready = time.perf_counter() - began
        began = time.perf_counter()
        page.locator("#filter-quadclass input[value='3']").uncheck()
        filtered = time.perf_counter() - began
        edges = page.evaluate("kgPage.edges.length")
        browser.close()
    return {"interactive_s": round(ready, 2), "filter_s": round(filtered, 2), "edges_after_filter": edges}


if __name__ == "__main__":
    main()
